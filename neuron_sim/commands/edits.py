"""One edit each: a neuron, a synapse or a note added or removed, a parameter set."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from neuron_sim.model import ModelError, Network, Neuron, Note, Synapse
from neuron_sim.model.entities import SynapseKey

from neuron_sim.commands.base import ModelCommand


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
