"""Compound edits: a move, a deletion or an addition of many items, a model conversion, and
settings of many parameters, each one undo step."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from neuron_sim.model import ModelError, Network, Neuron, Note, Synapse, conversion
from neuron_sim.model.entities import SynapseKey
from neuron_sim.model.network import Removal

from neuron_sim.commands.base import ModelCommand, macro
from neuron_sim.commands.edits import (AddNoteCommand, RemoveNoteCommand, SetNetworkParamCommand,
                                       SetNeuronParamCommand, SetNoteParamCommand, SetSynapseParamCommand,
                                       param_text)


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
