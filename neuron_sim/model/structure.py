"""Batches of structural edits (Network.add_all, remove_all, restore): what one batch changed, what a
removal took out and where it stood, and the check of a batch before any of it is applied.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from neuron_sim.model.entities import ModelError, Neuron, Synapse, SynapseKey
from neuron_sim.model.messages import article


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
