"""The editable network: neurons and synapses by id, validated edits, and events a view follows.

Every edit is one method that either succeeds completely and emits one event, or raises
ModelError and leaves the network as it was. Batch edits (set_many here; add_all, remove_all,
restore and adopt in structure.py's StructureEdits) check everything first and then announce the
whole batch with one event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from psygnal import Signal, SignalGroup

from neuron_sim.model.entities import (
    NETWORK_PARAMS,
    NEURON_PARAMS,
    SYNAPSE_PARAMS,
    ModelError,
    Neuron,
    Synapse,
    SynapseKey,
    check_learning_fits_kind,
)
from neuron_sim.model.limits import check_room
from neuron_sim.model.messages import article
from neuron_sim.model.notes import Note, NoteEdits
from neuron_sim.model.structure import Removal, StructureChange, StructureEdits
from neuron_sim.model.synapse_columns import SynapseColumns

__all__ = ["Change", "CycleError", "Network", "NetworkEvents", "Removal", "StructureChange"]


class NetworkEvents(SignalGroup):
    """What changed. Views subscribe; simulation state is never sent this way."""

    neuron_added = Signal(str)
    neuron_removed = Signal(str)
    neuron_changed = Signal(str, str, object)  # id, parameter, new value
    synapse_added = Signal(object)  # (source, target)
    synapse_removed = Signal(object)
    synapse_changed = Signal(object, str, object)  # key, parameter, new value
    network_changed = Signal(str, object)  # parameter, new value
    # One batch edit (set_many): a list of Change, each ("neuron", id, …) or ("synapse", key, …).
    params_changed = Signal(object)
    note_added = Signal(str)
    note_removed = Signal(str)
    note_changed = Signal(str, str, object)  # id, "text" | "position" | "size", new value
    # One batch of structural edits (add_all, remove_all): a StructureChange.
    structure_changed = Signal(object)


Change = tuple[str, Any, str, Any]  # ("neuron" | "synapse", id or key, parameter, value)


class CycleError(ModelError):
    """A feedforward pass met a loop; `cycle` lists the neurons on it in order."""

    def __init__(self, cycle: list[str]):
        self.cycle = cycle
        super().__init__("the network has a loop ({path}), so it has no feedforward order; "
                         "use the synchronous update scheme for networks with loops",
                         path=" → ".join([*cycle, cycle[0]]))


class Network(NoteEdits, StructureEdits):
    def __init__(self, name: str = "", description: str = "", model: str = "rate",
                 update: str = "feedforward", dt_ms: float = 0.1):
        self.events = NetworkEvents()
        self._neurons: dict[str, Neuron] = {}
        self._synapse_objects: dict[SynapseKey, Synapse] = {}
        # A large file's synapses stay columns until something asks for the objects (_synapses).
        self._pending_columns: SynapseColumns | None = None
        self._notes: dict[str, Note] = {}
        self._params: dict[str, Any] = {}
        for key, value in (("name", name), ("description", description), ("model", model),
                           ("update", update), ("dt_ms", dt_ms)):
            self._params[key] = NETWORK_PARAMS[key].validate(value)

    # ---- reading -------------------------------------------------------------------------
    def __getattr__(self, name: str) -> Any:
        params = self.__dict__.get("_params")
        if params is not None and name in params:
            return params[name]
        raise AttributeError(name)

    @property
    def neurons(self) -> dict[str, Neuron]:
        """Read-only by convention: edit through the methods so that events are sent."""
        return self._neurons

    @property
    def synapses(self) -> dict[SynapseKey, Synapse]:
        return self._synapses

    @property
    def _synapses(self) -> dict[SynapseKey, Synapse]:
        """The synapses by key, in file order: every method reads and edits them through here, so
        that a network loaded as columns makes its Synapse objects the first time any is needed."""
        if self._pending_columns is not None:
            self._synapse_objects = self._pending_columns.synapses()
            self._pending_columns = None
        return self._synapse_objects

    @_synapses.setter
    def _synapses(self, synapses: dict[SynapseKey, Synapse]) -> None:
        self._pending_columns = None
        self._synapse_objects = synapses

    def synapse_count(self) -> int:
        """How many synapses there are (without making the objects of a network loaded as columns)."""
        pending = self._pending_columns
        return len(pending) if pending is not None else len(self._synapse_objects)

    def synapse_columns(self) -> SynapseColumns:
        """The synapses as arrays in file order, their ends as indices into the neurons' order:
        what the engines are built from, without making Synapse objects where there are none yet."""
        ids = list(self._neurons)
        pending = self._pending_columns
        if pending is not None:
            return pending.renumbered(ids)
        return SynapseColumns.of(ids, self._synapse_objects)

    def neuron(self, neuron_id: str) -> Neuron:
        try:
            return self._neurons[neuron_id]
        except KeyError:
            raise ModelError("there is no neuron with id {id!r}", id=neuron_id) from None

    def synapse(self, key: SynapseKey) -> Synapse:
        try:
            return self._synapses[tuple(key)]
        except KeyError:
            raise ModelError("there is no synapse {source} → {target}", source=key[0], target=key[1]) from None

    def params(self) -> dict[str, Any]:
        return dict(self._params)

    def incoming(self, neuron_id: str) -> list[Synapse]:
        return [s for s in self._synapses.values() if s.target == neuron_id]

    def outgoing(self, neuron_id: str) -> list[Synapse]:
        return [s for s in self._synapses.values() if s.source == neuron_id]

    def synapses_of(self, neuron_id: str) -> list[Synapse]:
        return [s for s in self._synapses.values() if neuron_id in (s.source, s.target)]

    def neuron_index(self, neuron_id: str) -> int:
        return list(self._neurons).index(neuron_id)

    def synapse_index(self, key: SynapseKey) -> int:
        return list(self._synapses).index(tuple(key))

    def __iter__(self) -> Iterator[Neuron]:
        return iter(self._neurons.values())

    def __len__(self) -> int:
        return len(self._neurons)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Network):
            return NotImplemented
        return (self._params == other._params
                and list(self._neurons.items()) == list(other._neurons.items())
                and list(self._synapses.items()) == list(other._synapses.items())
                and list(self._notes.items()) == list(other._notes.items()))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"Network({self.name!r}, model={self.model!r}, "
                f"{len(self._neurons)} neurons, {self.synapse_count()} synapses)")

    def new_id(self, prefix: str) -> str:
        """The first free id `prefix1`, `prefix2`, …"""
        taken = {int(m.group(1)) for nid in self._neurons
                 if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", nid))}
        number = 1
        while number in taken:
            number += 1
        return f"{prefix}{number}"

    # ---- structural edits ----------------------------------------------------------------
    def add_neuron(self, neuron: Neuron, index: int | None = None) -> Neuron:
        """Add `neuron` (at `index` in the file order, to restore an undone delete)."""
        if not isinstance(neuron, Neuron):
            raise ModelError("add_neuron needs a Neuron")
        if neuron.id in self._neurons:
            raise ModelError("a neuron with id {id!r} already exists", id=neuron.id)
        self._check_kind_fits_model(neuron.kind, self.model)
        check_room(len(self._neurons), 1, len(self._synapses), 0)
        self._neurons = _inserted(self._neurons, neuron.id, neuron, index)
        self.events.neuron_added.emit(neuron.id)
        return neuron

    def remove_neuron(self, neuron_id: str) -> tuple[Neuron, list[Synapse]]:
        """Remove a neuron and the synapses that touch it; returns both for undo."""
        neuron = self.neuron(neuron_id)
        removed = [self.disconnect(*s.key) for s in self.synapses_of(neuron_id)]
        del self._neurons[neuron_id]
        self.events.neuron_removed.emit(neuron_id)
        return neuron, removed

    def connect(self, synapse: Synapse, index: int | None = None) -> Synapse:
        if not isinstance(synapse, Synapse):
            raise ModelError("connect needs a Synapse")
        source = self.neuron(synapse.source)
        target = self.neuron(synapse.target)
        if synapse.key in self._synapses:
            raise ModelError("{source} is already connected to {target}", source=source.label, target=target.label)
        if target.kind != "neuron":
            raise ModelError("{label} is {kind:w}: it has no dendrites, so nothing can connect to it",
                             label=target.label, kind=article(target.kind))
        check_room(len(self._neurons), 0, len(self._synapses), 1)
        self._synapses = _inserted(self._synapses, synapse.key, synapse, index)
        self.events.synapse_added.emit(synapse.key)
        return synapse

    def disconnect(self, source: str, target: str) -> Synapse:
        synapse = self.synapse((source, target))
        del self._synapses[synapse.key]
        self.events.synapse_removed.emit(synapse.key)
        return synapse

    # ---- parameter edits -----------------------------------------------------------------
    def set_neuron_param(self, neuron_id: str, name: str, value: Any) -> Any:
        """Set one parameter; returns the old value."""
        neuron = self.neuron(neuron_id)
        value = self._checked_neuron_value(neuron, name, value)
        old = getattr(neuron, name)
        if old == value:
            return old
        setattr(neuron, name, value)
        self.events.neuron_changed.emit(neuron_id, name, value)
        return old

    def set_synapse_param(self, key: SynapseKey, name: str, value: Any) -> Any:
        synapse = self.synapse(key)
        value = self._checked_synapse_value(name, value)
        _check_synapse_whole(synapse, {name: value})
        old = getattr(synapse, name)
        if old == value:
            return old
        setattr(synapse, name, value)
        self.events.synapse_changed.emit(synapse.key, name, value)
        return old

    def set_many(self, changes: Iterable[Change]) -> list[Change]:
        """Set many parameters of neurons and synapses as one edit, with one `params_changed` event.

        A training step writes every weight and threshold: one event lets the views and the player
        follow it once rather than once per synapse. Each change is ("neuron", id, parameter, value)
        or ("synapse", (source, target), parameter, value); a later change of the same parameter
        wins. Every value is checked before any is set: a bad one raises ModelError and nothing
        changes. Returns the old values of what changed, in the same form, for undo.
        """
        planned: dict[tuple[str, Any, str], tuple[Any, Any]] = {}  # (what, key, name) → (thing, value)
        for what, key, name, value in changes:
            if what == "neuron":
                thing = self.neuron(key)
                planned[(what, thing.id, name)] = (thing, self._checked_neuron_value(thing, name, value))
            elif what == "synapse":
                thing = self.synapse(key)
                planned[(what, thing.key, name)] = (thing, self._checked_synapse_value(name, value))
            else:  # a mistake in the calling code, not in anything a user typed
                raise ValueError(f"a change is to a 'neuron' or a 'synapse', not {what!r}")
        synapse_changes: dict[SynapseKey, dict[str, Any]] = {}
        for (what, key, name), (thing, value) in planned.items():
            if what == "synapse":
                synapse_changes.setdefault(key, {})[name] = value
        for key, changed in synapse_changes.items():
            _check_synapse_whole(self.synapse(key), changed)
        old_values: list[Change] = []
        applied: list[Change] = []
        for (what, key, name), (thing, value) in planned.items():
            old = getattr(thing, name)
            if old == value:
                continue
            setattr(thing, name, value)
            old_values.append((what, key, name, old))
            applied.append((what, key, name, value))
        if applied:
            self.events.params_changed.emit(applied)
        return old_values

    def _checked_neuron_value(self, neuron: Neuron, name: str, value: Any) -> Any:
        if name not in NEURON_PARAMS:
            raise ModelError("neurons have no parameter {name!r}", name=name)
        value = NEURON_PARAMS[name].validate(value, name)
        if name == "label" and not value:
            value = neuron.id
        if name == "kind":
            self._check_kind_fits_model(value, self.model)
            if value != "neuron" and self.incoming(neuron.id):
                raise ModelError("{label} has incoming synapses; {kind:w} cannot receive any. Remove them first",
                                 label=neuron.label, kind=article(value))
        return value

    @staticmethod
    def _checked_synapse_value(name: str, value: Any) -> Any:
        if name not in SYNAPSE_PARAMS:
            raise ModelError("synapses have no parameter {name!r}", name=name)
        return SYNAPSE_PARAMS[name].validate(value, name)

    def set_param(self, name: str, value: Any) -> Any:
        """Set a network-wide parameter (name, description, model, update, dt_ms)."""
        if name not in NETWORK_PARAMS:
            raise ModelError("networks have no parameter {name!r}", name=name)
        value = NETWORK_PARAMS[name].validate(value, name)
        if name == "model":
            for neuron in self._neurons.values():
                self._check_kind_fits_model(neuron.kind, value)
        old = self._params[name]
        if old == value:
            return old
        self._params[name] = value
        self.events.network_changed.emit(name, value)
        return old

    @staticmethod
    def _check_kind_fits_model(kind: str, model: str) -> None:
        if kind == "generator" and model != "spiking":
            raise ModelError(
                "spike generators belong to spiking networks; switch the model to spiking first "
                "(or remove the generators before switching to rate)")

    # ---- graph logic ---------------------------------------------------------------------
    def layers(self) -> list[list[str]]:
        """Neurons grouped by depth: inputs and sources first, each neuron one past its deepest input.

        Raises CycleError naming the neurons on a loop.
        """
        incoming: dict[str, list[str]] = {nid: [] for nid in self._neurons}
        keys = self._pending_columns.keys() if self._pending_columns is not None else self._synapse_objects
        for source, target in keys:
            incoming[target].append(source)
        depth: dict[str, int] = {}
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        for start in self._neurons:
            if start in depth:
                continue
            # Iterative depth-first search, so deep chains do not hit the recursion limit.
            stack: list[tuple[str, Iterator[str]]] = [(start, iter(incoming[start]))]
            state[start] = 1
            while stack:
                node, pending = stack[-1]
                advanced = False
                for source in pending:
                    if state.get(source) == 1:
                        path = [n for n, _ in stack]
                        raise CycleError(path[path.index(source):][::-1])
                    if state.get(source) != 2:
                        state[source] = 1
                        stack.append((source, iter(incoming[source])))
                        advanced = True
                        break
                if not advanced:
                    stack.pop()
                    state[node] = 2
                    depth[node] = 1 + max((depth[s] for s in incoming[node]), default=-1)
        result: list[list[str]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
        for nid in self._neurons:
            result[depth[nid]].append(nid)
        return result

    def find_cycle(self) -> list[str] | None:
        try:
            self.layers()
        except CycleError as error:
            return error.cycle
        return None

    def copy(self) -> Network:
        """A deep copy with no subscribers."""
        other = Network(**self._params)
        other._neurons = {nid: n.copy() for nid, n in self._neurons.items()}
        if self._pending_columns is not None:  # read-only arrays: shared until either makes its objects
            other._pending_columns = self._pending_columns
        else:
            other._synapses = {key: s.copy() for key, s in self._synapses.items()}
        other._notes = {nid: n.copy() for nid, n in self._notes.items()}
        return other

    def clear(self) -> None:
        for nid in list(self._neurons):
            self.remove_neuron(nid)
        for nid in list(self._notes):
            self.remove_note(nid)


def _check_synapse_whole(synapse: Synapse, changes: dict[str, Any]) -> None:
    """Refuse changes that make a synapse's parameters contradict one another."""
    if "kind" in changes or "plasticity" in changes:
        check_learning_fits_kind(changes.get("kind", synapse.kind), changes.get("plasticity", synapse.plasticity),
                                 synapse.source, synapse.target)


def _inserted(mapping: dict, key: Any, value: Any, index: int | None) -> dict:
    if index is None or index >= len(mapping):
        mapping[key] = value
        return mapping
    items = list(mapping.items())
    items.insert(max(index, 0), (key, value))
    return dict(items)
