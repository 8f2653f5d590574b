"""Batch edits (Network.set_many): one event for many values, the same network as one-by-one edits."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model import ModelError, Network, Neuron, Synapse


def layered(seed: int) -> Network:
    """A random 3-4-2 rate network."""
    rng = np.random.default_rng(seed)
    network = Network(name="batch")
    ids = [[f"x{i}" for i in range(3)], [f"h{i}" for i in range(4)], [f"y{i}" for i in range(2)]]
    for nid in ids[0]:
        network.add_neuron(Neuron(nid, kind="input", value=float(rng.uniform(0, 1))))
    for nid in ids[1] + ids[2]:
        network.add_neuron(Neuron(nid, activation="sigmoid", threshold=float(rng.normal())))
    for sources, targets in zip(ids, ids[1:]):
        for s in sources:
            for t in targets:
                network.connect(Synapse(s, t, weight=float(rng.normal())))
    return network


def all_events(network: Network) -> list[tuple]:
    events: list[tuple] = []
    network.events.all.connect(lambda info: events.append((info.signal.name, *info.args)))
    return events


def random_changes(network: Network, seed: int) -> list[tuple]:
    rng = np.random.default_rng(seed)
    changes = [("synapse", key, "weight", float(rng.normal())) for key in network.synapses]
    changes += [("neuron", n.id, "threshold", float(rng.normal())) for n in network if n.kind == "neuron"]
    changes += [("neuron", n.id, "value", float(rng.uniform())) for n in network if n.kind == "input"]
    order = rng.permutation(len(changes))
    return [changes[i] for i in order]


@pytest.mark.parametrize("seed", range(5))
def test_one_event_and_the_same_network_as_one_by_one_edits(seed):
    batched, single = layered(seed), layered(seed)
    changes = random_changes(batched, seed + 100)
    events = all_events(batched)
    batched.set_many(changes)
    assert len(events) == 1
    name, applied = events[0]
    assert name == "params_changed"
    assert sorted(map(repr, applied)) == sorted(map(repr, changes))
    for what, key, param, value in changes:
        if what == "neuron":
            single.set_neuron_param(key, param, value)
        else:
            single.set_synapse_param(key, param, value)
    assert batched == single


def test_returns_the_old_values_and_setting_them_restores_the_network():
    network = layered(7)
    before = network.copy()
    old = network.set_many(random_changes(network, 8))
    assert network != before
    network.set_many(old)
    assert network == before


def test_unchanged_values_send_nothing_and_are_not_returned():
    network = layered(1)
    events = all_events(network)
    key = next(iter(network.synapses))
    weight = network.synapse(key).weight
    assert network.set_many([("synapse", key, "weight", weight)]) == []
    assert events == []
    threshold = network.neuron("y0").threshold
    old = network.set_many([("synapse", key, "weight", weight), ("neuron", "y0", "threshold", 0.25)])
    assert old == [("neuron", "y0", "threshold", threshold)]
    assert [e[0] for e in events] == ["params_changed"]
    assert events[0][1] == [("neuron", "y0", "threshold", 0.25)]


def test_a_later_change_of_the_same_parameter_wins_and_the_old_value_is_from_before():
    network = layered(2)
    key = ("x0", "h0")
    first = network.synapse(key).weight
    old = network.set_many([("synapse", key, "weight", 0.5), ("synapse", list(key), "weight", 0.75)])
    assert network.synapse(key).weight == 0.75
    assert old == [("synapse", key, "weight", first)]


@pytest.mark.parametrize("bad", [
    ("synapse", ("x0", "nowhere"), "weight", 1.0),
    ("neuron", "ghost", "threshold", 1.0),
    ("synapse", ("x0", "h0"), "colour", 1.0),
    ("neuron", "h0", "threshold", float("nan")),
    ("synapse", ("x0", "h0"), "weight", "heavy"),
])
def test_one_bad_value_refuses_the_whole_batch(bad):
    network = layered(3)
    before = network.copy()
    events = all_events(network)
    good = random_changes(network, 4)
    with pytest.raises(ModelError):
        network.set_many(good[:5] + [bad] + good[5:])
    assert network == before
    assert events == []
