"""Structural batch edits (Network.add_all, remove_all, restore): all or nothing, one event for the
batch, and the same network as one edit at a time."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model import ModelError, Network, Neuron, Synapse, limits
from neuron_sim.model.network import StructureChange


def random_parts(seed: int, model: str = "rate") -> tuple[list[Neuron], list[Synapse]]:
    """Random neurons (inputs, cells and, spiking, generators) and random synapses among them."""
    rng = np.random.default_rng(seed)
    kinds = ["input", "neuron"] + (["generator"] if model == "spiking" else [])
    count = int(rng.integers(2, 40))
    neurons = [Neuron(f"n{i}", kind=str(rng.choice(kinds)) if i else "neuron",
                      position=(float(rng.uniform(-500, 500)), float(rng.uniform(-500, 500))),
                      threshold=float(rng.normal())) for i in range(count)]
    cells = [n.id for n in neurons if n.kind == "neuron"]
    pairs = {(neurons[int(rng.integers(count))].id, cells[int(rng.integers(len(cells)))])
             for _ in range(int(rng.integers(0, 3 * count)))}
    synapses = [Synapse(s, t, weight=float(rng.normal()), delay_ms=float(rng.uniform(0.1, 5))) for s, t in sorted(pairs)]
    return neurons, synapses


def events_of(network: Network) -> list[tuple]:
    events: list[tuple] = []
    network.events.all.connect(lambda info: events.append((info.signal.name, *info.args)))
    return events


def one_by_one(model: str, neurons: list[Neuron], synapses: list[Synapse]) -> Network:
    network = Network(model=model)
    for neuron in neurons:
        network.add_neuron(neuron.copy())
    for synapse in synapses:
        network.connect(synapse.copy())
    return network


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("model", ["rate", "spiking"])
def test_add_all_emits_one_event_and_equals_one_by_one_insertion(seed, model):
    neurons, synapses = random_parts(seed, model)
    existing = len(neurons) // 3  # some are there already, and new synapses join old and new neurons
    network = one_by_one(model, neurons[:existing], [s for s in synapses
                                                      if {s.source, s.target} <= {n.id for n in neurons[:existing]}])
    events = events_of(network)
    added = [s for s in synapses if s.key not in network.synapses]
    change = network.add_all([n.copy() for n in neurons[existing:]], [s.copy() for s in added])
    expected = StructureChange(tuple(n.id for n in neurons[existing:]), tuple(s.key for s in added))
    assert events == [("structure_changed", expected)] and change == expected
    reference = one_by_one(model, neurons[:existing], [s for s in synapses if s.key not in {a.key for a in added}])
    for neuron in neurons[existing:]:
        reference.add_neuron(neuron.copy())
    for synapse in added:
        reference.connect(synapse.copy())
    assert network == reference


@pytest.mark.parametrize("seed", range(12))
def test_remove_all_emits_one_event_equals_one_by_one_removal_and_restores_exactly(seed):
    rng = np.random.default_rng(100 + seed)
    neurons, synapses = random_parts(seed, "spiking")
    network = one_by_one("spiking", neurons, synapses)
    before = network.copy()
    doomed = [n.id for n in neurons if rng.random() < 0.3]
    keys = [s.key for s in synapses if rng.random() < 0.3]
    reference = network.copy()
    for key in keys:
        if key in reference.synapses and not set(key) & set(doomed):
            reference.disconnect(*key)
    for nid in doomed:
        reference.remove_neuron(nid)
    events = events_of(network)
    removal = network.remove_all(doomed + doomed[:1], keys + keys[:1])  # named twice: removed once
    assert network == reference
    gone_synapses = tuple(k for k in before.synapses if k not in reference.synapses)
    if doomed or keys:
        assert events == [("structure_changed", StructureChange(removed_neurons=tuple(doomed),
                                                                removed_synapses=gone_synapses))]
    else:
        assert events == []
    events.clear()
    network.restore(removal)
    assert network == before  # every neuron and synapse at its old place in the file order
    if doomed or keys:
        assert events == [("structure_changed", StructureChange(tuple(doomed), gone_synapses))]


def bad_batches() -> list[tuple[str, list[Neuron], list[Synapse]]]:
    return [
        ("an id that exists", [Neuron("fresh"), Neuron("x1")], []),
        ("an id twice in the batch", [Neuron("fresh"), Neuron("fresh")], []),
        ("a generator in a rate network", [Neuron("g", kind="generator")], []),
        ("a synapse from nowhere", [Neuron("fresh")], [Synapse("fresh", "y"), Synapse("ghost", "y")]),
        ("a synapse into an input", [], [Synapse("y", "x1")]),
        ("a synapse that exists", [], [Synapse("x2", "h"), Synapse("x1", "y")]),
        ("a synapse twice in the batch", [Neuron("fresh")], [Synapse("fresh", "y"), Synapse("fresh", "y")]),
        ("not a neuron", [Neuron("fresh"), "x9"], []),
        ("not a synapse", [], [("x1", "h")]),
    ]


def small() -> Network:
    network = Network()
    network.add_all([Neuron("x1", kind="input"), Neuron("x2", kind="input"), Neuron("h"), Neuron("y")],
                    [Synapse("x1", "h"), Synapse("x1", "y")])
    return network


@pytest.mark.parametrize("case, neurons, synapses", bad_batches(), ids=[case for case, *_ in bad_batches()])
def test_a_bad_item_in_a_batch_changes_nothing(case, neurons, synapses):
    network = small()
    before = network.copy()
    events = events_of(network)
    with pytest.raises(ModelError):
        network.add_all(neurons, synapses)
    assert network == before and events == []


def test_removing_something_unknown_changes_nothing():
    network = small()
    before = network.copy()
    events = events_of(network)
    with pytest.raises(ModelError, match="no neuron with id 'ghost'"):
        network.remove_all(["h", "ghost"], [])
    with pytest.raises(ModelError, match="no synapse x2 → h"):
        network.remove_all(["h"], [("x1", "y"), ("x2", "h")])
    assert network == before and events == []


def test_the_limits_hold_for_batches_and_single_edits(monkeypatch):
    monkeypatch.setattr(limits, "MAX_NEURONS", 5)
    monkeypatch.setattr(limits, "MAX_SYNAPSES", 3)
    network = small()
    before = network.copy()
    with pytest.raises(ModelError, match="this would make 6 neurons, and a network may hold at most 5; delete "
                                         "neurons first, or add fewer"):
        network.add_all([Neuron("a"), Neuron("b")], [])
    with pytest.raises(ModelError, match="this would make 4 synapses, and a network may hold at most 3; delete "
                                         "synapses first, or connect fewer neurons"):
        network.add_all([], [Synapse("x2", "h"), Synapse("x2", "y")])
    assert network == before
    network.add_neuron(Neuron("a"))
    network.connect(Synapse("x2", "h"))
    with pytest.raises(ModelError, match="6 neurons"):
        network.add_neuron(Neuron("b"))
    with pytest.raises(ModelError, match="4 synapses"):
        network.connect(Synapse("x2", "y"))


def test_single_edits_keep_their_own_events():
    network = small()
    events = events_of(network)
    network.add_neuron(Neuron("z"))
    network.connect(Synapse("x2", "z"))
    network.remove_neuron("z")
    assert [name for name, *_ in events] == ["neuron_added", "synapse_added", "synapse_removed", "neuron_removed"]
