"""Batches of structural edits (Network.add_all, remove_all, restore): what one batch changed, what a
removal took out and where it stood, and the check of a batch before any of it is applied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from neuron_sim.model.entities import ModelError, Neuron, Synapse, SynapseKey
from neuron_sim.model.limits import check_room
from neuron_sim.model.messages import article
from neuron_sim.model.synapse_columns import SynapseColumns


@dataclass(frozen=True)
class StructureChange:
    """What one batch edit added and removed, each in file order."""

    added_neurons: tuple[str, ...] = ()
    added_synapses: tuple[SynapseKey, ...] = ()
    removed_neurons: tuple[str, ...] = ()
    removed_synapses: tuple[SynapseKey, ...] = ()


@dataclass
class Removal:
    """What remove_all took out, with the place each had in the file order, so that
    `Network.restore` puts everything back where it was."""

    neurons: list[tuple[int, Neuron]] = field(default_factory=list)
    synapses: list[tuple[int, Synapse]] = field(default_factory=list)


def check_addition(neurons_now: dict[str, Neuron], synapses_now: dict[SynapseKey, Synapse],
                   neurons: Sequence[Neuron], synapses: Sequence[Synapse],
                   check_kind: Callable[[str], None]) -> None:
    """Raise ModelError, as add_neuron and connect would, if any of `neurons` and then `synapses`
    cannot be added to a network holding `neurons_now` and `synapses_now`; `check_kind` refuses a
    kind the network's model cannot hold."""
    new: dict[str, Neuron] = {}
    for neuron in neurons:
        if not isinstance(neuron, Neuron):
            raise ModelError("add_neuron needs a Neuron")
        if neuron.id in neurons_now or neuron.id in new:
            raise ModelError("a neuron with id {id!r} already exists", id=neuron.id)
        check_kind(neuron.kind)
        new[neuron.id] = neuron
    if synapses and _plainly_fine(neurons_now, synapses_now, synapses, new):
        return
    keys: set[SynapseKey] = set()
    for synapse in synapses:  # item by item, to name the first fault
        if not isinstance(synapse, Synapse):
            raise ModelError("connect needs a Synapse")
        source = neurons_now.get(synapse.source) or new.get(synapse.source)
        target = neurons_now.get(synapse.target) or new.get(synapse.target)
        for end, found in ((synapse.source, source), (synapse.target, target)):
            if found is None:
                raise ModelError("there is no neuron with id {id!r}", id=end)
        key = synapse.key
        if key in synapses_now or key in keys:
            raise ModelError("{source} is already connected to {target}", source=source.label,
                             target=target.label)
        if target.kind != "neuron":
            raise ModelError("{label} is {kind:w}: it has no dendrites, so nothing can connect to it",
                             label=target.label, kind=article(target.kind))
        keys.add(key)


_NOT_A_CELL = Neuron("missing", kind="input")  # what an unknown target counts as: nothing connects to it


def _plainly_fine(neurons_now: dict[str, Neuron], synapses_now: dict[SynapseKey, Synapse],
                  synapses: Sequence[Synapse], new: dict[str, Neuron]) -> bool:
    """Whether every synapse may be added, checked set by set (a million synapses in well under a
    second); False sends the batch to the item-by-item check, which names the fault."""
    if not all(isinstance(synapse, Synapse) for synapse in synapses):
        return False
    keys = [(synapse.source, synapse.target) for synapse in synapses]
    if len(set(keys)) != len(keys) or not synapses_now.keys().isdisjoint(keys):
        return False
    sources, targets = {s for s, _ in keys}, {t for _, t in keys}
    if not all(nid in neurons_now or nid in new for nid in sources):
        return False
    return all((neurons_now.get(nid) or new.get(nid, _NOT_A_CELL)).kind == "neuron" for nid in targets)


def merged(mapping: dict, placed: list[tuple[int, Any, Any]]) -> dict:
    """`mapping` with each (index, key, value) of `placed` put back at its index of the result."""
    if not placed:
        return mapping
    placed = sorted(placed, key=lambda entry: entry[0])
    if placed[0][0] >= len(mapping):  # all at the end: no need to rebuild
        mapping.update((key, value) for _, key, value in placed)
        return mapping
    result: dict = {}
    existing = iter(mapping.items())
    for index, key, value in placed:
        while len(result) < index:
            item = next(existing, None)
            if item is None:
                break
            result[item[0]] = item[1]
        result[key] = value
    result.update(existing)
    return result


class StructureEdits:
    """The batch structural edits of Network (add_all, remove_all, restore, adopt): each checks
    the whole batch first, changes the network, and announces it with one `structure_changed`."""

    def add_all(self, neurons: Iterable[Neuron], synapses: Iterable[Synapse]) -> StructureChange:
        """Add neurons and then synapses (which may join the new neurons) as one edit, at the end of
        the file order, with one `structure_changed` event. Everything is checked first, as
        add_neuron and connect check it: a bad item raises ModelError and nothing changes."""
        neurons, synapses = list(neurons), list(synapses)
        self._check_addition(neurons, synapses)
        self._neurons.update((n.id, n) for n in neurons)
        self._synapses.update((s.key, s) for s in synapses)
        return self._announce(StructureChange(tuple(n.id for n in neurons), tuple(s.key for s in synapses)))

    def remove_all(self, neuron_ids: Iterable[str], synapse_keys: Iterable[SynapseKey]) -> Removal:
        """Remove neurons (each with the synapses that touch it) and synapses as one edit, with one
        `structure_changed` event. An unknown id or key raises ModelError and nothing changes;
        one named twice is removed once. Returns what went, with its places, for `restore`."""
        doomed = list(dict.fromkeys(neuron_ids))
        for nid in doomed:
            self.neuron(nid)
        keys = {tuple(key): None for key in synapse_keys}
        for key in keys:
            self.synapse(key)
        gone = set(doomed)
        removal = Removal()
        if gone:
            kept_neurons = {}
            for i, (nid, neuron) in enumerate(self._neurons.items()):
                if nid in gone:
                    removal.neurons.append((i, neuron))
                else:
                    kept_neurons[nid] = neuron
        if gone or keys:
            kept_synapses = {}
            for i, (key, synapse) in enumerate(self._synapses.items()):
                if key in keys or key[0] in gone or key[1] in gone:
                    removal.synapses.append((i, synapse))
                else:
                    kept_synapses[key] = synapse
            self._synapses = kept_synapses
        if gone:
            self._neurons = kept_neurons
        self._announce(StructureChange(removed_neurons=tuple(n.id for _, n in removal.neurons),
                                       removed_synapses=tuple(s.key for _, s in removal.synapses)))
        return removal

    def restore(self, removal: Removal) -> StructureChange:
        """Put back what remove_all took out, each neuron and synapse at its old place in the file
        order (undo of a delete), as one edit with one event; checked first like add_all."""
        neurons = [n for _, n in removal.neurons]
        synapses = [s for _, s in removal.synapses]
        self._check_addition(neurons, synapses)
        self._neurons = merged(self._neurons, [(i, n.id, n) for i, n in removal.neurons])
        self._synapses = merged(self._synapses, [(i, s.key, s) for i, s in removal.synapses])
        return self._announce(StructureChange(tuple(n.id for n in neurons), tuple(s.key for s in synapses)))

    def _check_addition(self, neurons: Sequence[Neuron], synapses: Sequence[Synapse]) -> None:
        check_room(len(self._neurons), len(neurons), len(self._synapses), len(synapses))
        check_addition(self._neurons, self._synapses, neurons, synapses,
                       lambda kind: self._check_kind_fits_model(kind, self.model))

    def _announce(self, change: StructureChange) -> StructureChange:
        if change.added_neurons or change.added_synapses or change.removed_neurons or change.removed_synapses:
            self.events.structure_changed.emit(change)
        return change

    def adopt(self, neurons: dict[str, Neuron], synapses: dict[SynapseKey, Synapse]) -> None:
        """Fill an empty network with neurons and synapses its caller has checked as add_all would
        (the file loader, which names the place of each fault): no second check, one event."""
        if self._neurons or self.synapse_count():
            raise ValueError("adopt fills an empty network only")  # a mistake in the calling code
        check_room(0, len(neurons), 0, len(synapses))
        self._neurons, self._synapses = neurons, synapses
        self._announce(StructureChange(tuple(neurons), tuple(synapses)))

    def adopt_columns(self, neurons: dict[str, Neuron], columns: SynapseColumns) -> None:
        """`adopt` for synapses as columns (a large file's table), whose Synapse objects are made
        the first time something asks for them; the event names the keys without making them."""
        if self._neurons or self.synapse_count():
            raise ValueError("adopt fills an empty network only")  # a mistake in the calling code
        check_room(0, len(neurons), 0, len(columns))
        self._neurons = neurons
        self._pending_columns = columns
        self._announce(StructureChange(tuple(neurons), columns.keys()))  # type: ignore[arg-type]
