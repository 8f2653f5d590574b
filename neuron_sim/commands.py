"""Undo commands: each model edit is one QUndoCommand whose redo/undo call one model method.

Compound edits of the structure (paste, duplicate, add a layer, connect all, delete a selection)
are one command each, whose apply and revert are one batch call of the model (Network.add_all,
remove_all, restore): one event each way, so the engine and the canvas rebuild once. Other
compound edits are parent commands whose children do the parts. Commands touch only the model;
the view follows its events.

`push(stack, command)` applies the command first and pushes it only if the model accepted it and
changed, so a refused edit or one that changes nothing never enters the undo history, and a failed
part of a compound edit is rolled back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from neuron_sim.model import ModelError, Network, Neuron, Note, Synapse, conversion
from neuron_sim.model.entities import SynapseKey
from neuron_sim.model.network import Removal


class ModelCommand(QUndoCommand):
    """Base: children are applied first (in order) and reverted last (in reverse)."""

    def __init__(self, network: Network, text: str = "", parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self.network = network
        self._children: list[ModelCommand] = []
        self._already_applied = False

    def add_child(self, command: ModelCommand) -> ModelCommand:
        self._children.append(command)
        return command

    # Overridden by each command: the one model call that does / undoes the edit.
    def apply(self) -> None:
        pass

    def revert(self) -> None:
        pass

    def redo(self) -> None:
        if self._already_applied:  # `push` applied it to learn whether the model accepts it
            self._already_applied = False
            return
        done: list[ModelCommand] = []
        try:
            for child in self._children:
                child.redo()
                done.append(child)
            self.apply()
        except Exception:
            for child in reversed(done):
                child.undo()
            raise

    def undo(self) -> None:
        self.revert()
        for child in reversed(self._children):
            child.undo()

    def child_count(self) -> int:
        return len(self._children)


def push(stack: QUndoStack, command: ModelCommand) -> bool:
    """Apply `command`; if the model refuses, raise ModelError and leave the stack untouched.

    A command that changed nothing (a parameter set to the value it had, a move to where the
    neuron is) is dropped rather than pushed as an undo step that undoes nothing. Whether it
    changed anything is whether the model sent an event while it ran. Returns True if pushed.
    """
    events: list[object] = []
    relay = command.network.events.all
    relay.connect(events.append)
    try:
        command.redo()
    finally:
        relay.disconnect(events.append)
    if not events:
        return False
    command._already_applied = True
    stack.push(command)
    return True


# ---- neurons -----------------------------------------------------------------------------------
class AddNeuronCommand(ModelCommand):
    def __init__(self, network: Network, neuron: Neuron, text: str | None = None):
        super().__init__(network, text or QCoreApplication.translate("commands", "Add %s") % neuron.label)
        self.neuron = neuron.copy()

    def apply(self) -> None:
        self.network.add_neuron(self.neuron.copy())

    def revert(self) -> None:
        self.network.remove_neuron(self.neuron.id)


class RemoveNeuronCommand(ModelCommand):
    """Deletes a neuron; its synapses are removed first by child commands."""

    def __init__(self, network: Network, neuron_id: str, text: str | None = None):
        neuron = network.neuron(neuron_id)
        super().__init__(network, text or QCoreApplication.translate("commands", "Delete %s") % neuron.label)
        self.neuron = neuron.copy()
        self.index = network.neuron_index(neuron_id)
        for synapse in network.synapses_of(neuron_id):
            self.add_child(DisconnectCommand(network, synapse.key))

    def apply(self) -> None:
        self.network.remove_neuron(self.neuron.id)

    def revert(self) -> None:
        self.network.add_neuron(self.neuron.copy(), self.index)


# ---- synapses ----------------------------------------------------------------------------------
class ConnectCommand(ModelCommand):
    def __init__(self, network: Network, synapse: Synapse, text: str | None = None):
        text = text or QCoreApplication.translate("commands", "Connect %s → %s") % (synapse.source, synapse.target)
        super().__init__(network, text)
        self.synapse = synapse.copy()

    def apply(self) -> None:
        self.network.connect(self.synapse.copy())

    def revert(self) -> None:
        self.network.disconnect(*self.synapse.key)


class DisconnectCommand(ModelCommand):
    def __init__(self, network: Network, key: SynapseKey, text: str | None = None):
        synapse = network.synapse(key)
        super().__init__(network, text or QCoreApplication.translate("commands", "Delete synapse %s → %s") % key)
        self.synapse = synapse.copy()
        self.index: int | None = None

    def apply(self) -> None:
        self.network.synapse(self.synapse.key)  # ModelError if it is gone (synapse_index: ValueError)
        self.index = self.network.synapse_index(self.synapse.key)
        self.network.disconnect(*self.synapse.key)

    def revert(self) -> None:
        self.network.connect(self.synapse.copy(), self.index)


# ---- parameters --------------------------------------------------------------------------------
# QT_TRANSLATE_NOOP marks them for lupdate; param_text translates them when a command is named.
_PARAM_NAMES = {
    "weight": QT_TRANSLATE_NOOP("commands", "Set weight"),
    "delay_ms": QT_TRANSLATE_NOOP("commands", "Set delay"),
    "plasticity": QT_TRANSLATE_NOOP("commands", "Set STDP learning"),
    "threshold": QT_TRANSLATE_NOOP("commands", "Set threshold"),
    "value": QT_TRANSLATE_NOOP("commands", "Set input value"),
    "activation": QT_TRANSLATE_NOOP("commands", "Set activation"),
    "label": QT_TRANSLATE_NOOP("commands", "Rename"),
    "position": QT_TRANSLATE_NOOP("commands", "Move"),
    "kind": QT_TRANSLATE_NOOP("commands", "Set kind"),
    "model": QT_TRANSLATE_NOOP("commands", "Set model"),
    "update": QT_TRANSLATE_NOOP("commands", "Set update scheme"),
    "dt_ms": QT_TRANSLATE_NOOP("commands", "Set time step"),
    "tau_ms": QT_TRANSLATE_NOOP("commands", "Set membrane time constant"),
    "v_rest_mV": QT_TRANSLATE_NOOP("commands", "Set resting potential"),
    "v_reset_mV": QT_TRANSLATE_NOOP("commands", "Set reset potential"),
    "v_threshold_mV": QT_TRANSLATE_NOOP("commands", "Set firing threshold"),
    "refractory_ms": QT_TRANSLATE_NOOP("commands", "Set refractory period"),
    "drive_mV": QT_TRANSLATE_NOOP("commands", "Set constant drive"),
    "v_mV": QT_TRANSLATE_NOOP("commands", "Set initial membrane potential"),
    "pattern": QT_TRANSLATE_NOOP("commands", "Set spike pattern"),
    "rate_hz": QT_TRANSLATE_NOOP("commands", "Set firing rate"),
    "start_ms": QT_TRANSLATE_NOOP("commands", "Set first spike time"),
    "seed": QT_TRANSLATE_NOOP("commands", "Set random seed"),
    "frequency_hz": QT_TRANSLATE_NOOP("commands", "Set frequency"),
    "adaptation": QT_TRANSLATE_NOOP("commands", "Set adaptation"),
    "tau_adaptation_ms": QT_TRANSLATE_NOOP("commands", "Set adaptation time constant"),
    "v_min_mV": QT_TRANSLATE_NOOP("commands", "Set lowest potential"),
    "v_max_mV": QT_TRANSLATE_NOOP("commands", "Set highest potential"),
    "tau_syn_ms": QT_TRANSLATE_NOOP("commands", "Set synaptic time constant"),
    "name": QT_TRANSLATE_NOOP("commands", "Set name"),
    "description": QT_TRANSLATE_NOOP("commands", "Set description"),
}


def param_text(name: str) -> str:
    english = _PARAM_NAMES.get(name)
    if english:
        return QCoreApplication.translate("commands", english)
    return QCoreApplication.translate("commands", "Set %1").replace("%1", name)


class _SetCommand(ModelCommand):
    """Set one parameter of one thing.

    Commands that share a `merge_key` (one per slider drag or spin-box arrow burst) and set the same
    parameter of the same thing fold into one undo step.
    """

    MERGE_ID = 1000

    def __init__(self, network: Network, target: Any, name: str, value: Any,
                 merge_key: object | None = None, text: str | None = None):
        super().__init__(network, text or param_text(name))
        self.target = target
        self.name = name
        self.new_value = value
        try:
            self.old_value = self._read()
        except AttributeError:  # an unknown parameter: refuse like the model would, not with a crash
            raise ModelError("there is no parameter {name!r} to set", name=name) from None
        self.merge_key = merge_key

    def _read(self) -> Any:
        raise NotImplementedError

    def _write(self, value: Any) -> Any:
        raise NotImplementedError

    def apply(self) -> None:
        self._write(self.new_value)

    def revert(self) -> None:
        self._write(self.old_value)

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if (not isinstance(other, type(self)) or other.merge_key is None
                or other.merge_key != self.merge_key
                or other.target != self.target or other.name != self.name):
            return False
        self.new_value = other.new_value
        if self.new_value == self.old_value:
            self.setObsolete(True)
        return True


class SetNeuronParamCommand(_SetCommand):
    MERGE_ID = 1001

    def _read(self) -> Any:
        return getattr(self.network.neuron(self.target), self.name)

    def _write(self, value: Any) -> None:
        self.network.set_neuron_param(self.target, self.name, value)


class SetSynapseParamCommand(_SetCommand):
    MERGE_ID = 1002

    def __init__(self, network: Network, key: SynapseKey, name: str, value: Any, **kwargs: Any):
        super().__init__(network, tuple(key), name, value, **kwargs)

    def _read(self) -> Any:
        return getattr(self.network.synapse(self.target), self.name)

    def _write(self, value: Any) -> None:
        self.network.set_synapse_param(self.target, self.name, value)


class SetNetworkParamCommand(_SetCommand):
    MERGE_ID = 1003

    def __init__(self, network: Network, name: str, value: Any, **kwargs: Any):
        super().__init__(network, None, name, value, **kwargs)

    def _read(self) -> Any:
        return getattr(self.network, self.name)

    def _write(self, value: Any) -> None:
        self.network.set_param(self.name, value)


# ---- notes ------------------------------------------------------------------------------------
class AddNoteCommand(ModelCommand):
    def __init__(self, network: Network, note: Note, text: str | None = None):
        super().__init__(network, text or QCoreApplication.translate("commands", "Add note"))
        self.note = note.copy()

    def apply(self) -> None:
        self.network.add_note(self.note.copy())

    def revert(self) -> None:
        self.network.remove_note(self.note.id)


class RemoveNoteCommand(ModelCommand):
    def __init__(self, network: Network, note_id: str, text: str | None = None):
        super().__init__(network, text or QCoreApplication.translate("commands", "Delete note"))
        self.note = network.note(note_id).copy()
        self.index = network.note_index(note_id)

    def apply(self) -> None:
        self.network.remove_note(self.note.id)

    def revert(self) -> None:
        self.network.add_note(self.note.copy(), self.index)


_NOTE_EDITS = {
    "text": QT_TRANSLATE_NOOP("commands", "Edit note"),
    "position": QT_TRANSLATE_NOOP("commands", "Move note"),
    "size": QT_TRANSLATE_NOOP("commands", "Resize note"),
}


class SetNoteParamCommand(_SetCommand):
    MERGE_ID = 1005

    def __init__(self, network: Network, note_id: str, name: str, value: Any, **kwargs: Any):
        if "text" not in kwargs and name in _NOTE_EDITS:
            kwargs["text"] = QCoreApplication.translate("commands", _NOTE_EDITS[name])
        super().__init__(network, note_id, name, value, **kwargs)

    def _read(self) -> Any:
        return getattr(self.network.note(self.target), self.name)

    def _write(self, value: Any) -> None:
        self.network.set_note_param(self.target, self.name, value)


# ---- compound edits ----------------------------------------------------------------------------
def macro(network: Network, text: str, children: Iterable[ModelCommand]) -> ModelCommand:
    """One undo step made of several commands."""
    parent = ModelCommand(network, text)
    for child in children:
        parent.add_child(child)
    return parent


def move_command(network: Network, positions: dict[str, tuple[float, float]],
                 note_positions: dict[str, tuple[float, float]] | None = None) -> ModelCommand:
    """One step that moves every neuron in `positions` and every note in `note_positions` (a drag,
    or an arrow-key nudge)."""
    note_positions = note_positions or {}
    count = len(positions) + len(note_positions)  # a plain name: lupdate cannot read a call in this position
    if not note_positions and count == 1:
        text = QCoreApplication.translate("commands", "Move %s") % next(iter(positions))
    elif not note_positions:
        text = QCoreApplication.translate("commands", "Move %n neurons", None, count)
    elif count == 1:
        text = QCoreApplication.translate("commands", "Move note")
    else:
        text = QCoreApplication.translate("commands", "Move %n items", None, count)
    children: list[ModelCommand] = [SetNeuronParamCommand(network, nid, "position", pos)
                                    for nid, pos in positions.items()]
    children += [SetNoteParamCommand(network, nid, "position", pos) for nid, pos in note_positions.items()]
    return macro(network, text, children)


def delete_command(network: Network, neuron_ids: Iterable[str], synapse_keys: Iterable[SynapseKey],
                   note_ids: Iterable[str] = ()) -> ModelCommand:
    """Delete neurons (each with its synapses), synapses and notes, as one step: the neurons and
    synapses as one batch (RemoveItemsCommand), the notes one by one."""
    items = RemoveItemsCommand(network, neuron_ids, synapse_keys)
    notes = sorted((nid for nid in dict.fromkeys(note_ids) if nid in network.notes), key=network.note_index,
                   reverse=True)
    if not notes:
        return items
    children: list[ModelCommand] = [items] if items.neuron_ids or items.synapse_keys else []
    children += [RemoveNoteCommand(network, nid) for nid in notes]
    count = len(items.neuron_ids) + len(items.synapse_keys) + len(notes)
    text = QCoreApplication.translate("commands", "Delete") if count != 1 else children[0].text()
    return macro(network, text, children)


class RemoveItemsCommand(ModelCommand):
    """Delete neurons (each with its synapses) and synapses as one edit (Network.remove_all); undo
    puts each back at its place in the file order (Network.restore). Ids and keys that are not in
    the network, or named twice, count once or not at all."""

    def __init__(self, network: Network, neuron_ids: Iterable[str], synapse_keys: Iterable[SynapseKey]):
        self.neuron_ids = [nid for nid in dict.fromkeys(neuron_ids) if nid in network.neurons]
        doomed = set(self.neuron_ids)
        self.synapse_keys = [key for key in dict.fromkeys(tuple(key) for key in synapse_keys)
                             if key in network.synapses and not doomed & set(key)]
        if len(self.neuron_ids) + len(self.synapse_keys) != 1:
            text = QCoreApplication.translate("commands", "Delete")
        elif self.neuron_ids:
            text = QCoreApplication.translate("commands", "Delete %s") % network.neuron(self.neuron_ids[0]).label
        else:
            text = QCoreApplication.translate("commands", "Delete synapse %s → %s") % self.synapse_keys[0]
        super().__init__(network, text)
        self.removal = Removal()

    def apply(self) -> None:
        self.removal = self.network.remove_all(self.neuron_ids, self.synapse_keys)

    def revert(self) -> None:
        self.network.restore(self.removal)


def add_items_command(network: Network, text: str, neurons: Iterable[Neuron],
                      synapses: Iterable[Synapse], notes: Iterable[Note] = ()) -> ModelCommand:
    """Add neurons, synapses and notes in one step (paste, duplicate, add layer, connect all): the
    neurons and synapses as one batch (AddItemsCommand), the notes one by one."""
    neurons, synapses, notes = list(neurons), list(synapses), list(notes)
    if not notes:
        return AddItemsCommand(network, text, neurons, synapses)
    children: list[ModelCommand] = [AddItemsCommand(network, text, neurons, synapses)] if neurons or synapses else []
    children += [AddNoteCommand(network, n) for n in notes]
    return macro(network, text, children)


class AddItemsCommand(ModelCommand):
    """Add neurons and synapses as one edit (Network.add_all); undo removes them as one."""

    def __init__(self, network: Network, text: str, neurons: Iterable[Neuron], synapses: Iterable[Synapse]):
        super().__init__(network, text)
        self.neurons = list(neurons)  # planned for this command (model/editing.py): nobody else holds them
        self.synapses = list(synapses)
        if not self.neurons and not self.synapses:
            raise ModelError("nothing to add")

    def apply(self) -> None:
        # Twins, so that later edits of what was added never reach what redo adds again.
        self.network.add_all([_twin(n) for n in self.neurons], [_twin(s) for s in self.synapses])

    def revert(self) -> None:
        self.network.remove_all([n.id for n in self.neurons], [s.key for s in self.synapses])


def _twin(thing: Any) -> Any:
    """A copy of a checked Neuron or Synapse without checking it again (a million synapses take
    seconds through `copy()`); their fields are numbers, text, tuples and frozen rules."""
    twin = object.__new__(type(thing))
    twin.__dict__ = thing.__dict__.copy()
    return twin


def set_model_command(network: Network, model: str) -> ModelCommand:
    """Switch the network to `model` ("rate" or "spiking") converting its parameters by
    model/conversion.py's rule, as one undo step. The switch comes first: a network that cannot
    switch (generators into rate) is refused before anything is converted."""
    if network.model == model:
        return macro(network, param_text("model"), [SetNetworkParamCommand(network, "model", model)])
    text = (QCoreApplication.translate("commands", "Convert to spiking") if model == "spiking"
            else QCoreApplication.translate("commands", "Convert to rate"))
    neuron_edits, synapse_edits = (conversion.to_spiking if model == "spiking" else conversion.to_rate)(network)
    children: list[ModelCommand] = [SetNetworkParamCommand(network, "model", model)]
    children += [SetNeuronParamCommand(network, e.target, e.name, e.value) for e in neuron_edits]
    children += [SetSynapseParamCommand(network, e.target, e.name, e.value) for e in synapse_edits]
    return macro(network, text, children)


# ---- batch edits -------------------------------------------------------------------------------
class SetManyCommand(ModelCommand):
    """Set many parameters of neurons and synapses as one edit (Network.set_many): a training step
    or run writes every weight and threshold, with one model event each way.

    Commands with the same `merge_key` fold into one undo step, so a training run written slice by
    slice is undone at once, back to the values from before its first slice.
    """

    MERGE_ID = 1004

    def __init__(self, network: Network, changes: Iterable[tuple[str, Any, str, Any]], text: str,
                 merge_key: object | None = None):
        super().__init__(network, text)
        self.new_values: dict[tuple[str, Any, str], Any] = {}
        self.old_values: dict[tuple[str, Any, str], Any] = {}
        for what, key, name, value in changes:
            thing = network.neuron(key) if what == "neuron" else network.synapse(key)
            place = (what, key if what == "neuron" else tuple(key), name)
            try:
                self.old_values.setdefault(place, getattr(thing, name))
            except AttributeError:  # an unknown parameter: refuse like the model would, not with a crash
                raise ModelError("there is no parameter {name!r} to set", name=name) from None
            self.new_values[place] = value
        self.merge_key = merge_key

    def apply(self) -> None:
        self.network.set_many([(*place, value) for place, value in self.new_values.items()])

    def revert(self) -> None:
        self.network.set_many([(*place, value) for place, value in self.old_values.items()])

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, SetManyCommand) or other.merge_key is None or other.merge_key != self.merge_key:
            return False
        for place, value in other.new_values.items():
            self.old_values.setdefault(place, other.old_values[place])
            self.new_values[place] = value
        self.setText(other.text())
        if all(self.new_values[place] == old for place, old in self.old_values.items()):
            self.setObsolete(True)
        return True
