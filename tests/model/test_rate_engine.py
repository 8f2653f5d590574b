"""The rate engine beyond one feedforward pass: synchronous updates, cycles, layer by layer, live edits
(against the same independent numpy oracle as test_rate.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_sim.cli import main
from neuron_sim.model import CycleError, ModelError, Network, Neuron, Synapse
from neuron_sim.model.fileformat import load
from neuron_sim.model.engines.rate import RateEngine
from neuron_sim.model.simulate import simulate

from .rate_oracle import ACTIVATION_NAMES, cli_json, engine_values, LayeredSpec, oracle_f

DATA = Path(__file__).resolve().parent.parent / "data"


# ---- synchronous -------------------------------------------------------------------------------------
def test_synchronous_loop_hand_computed(capsys):
    # a(t+1) = x − 2·b(t), b(t+1) = a(t), x = 1, a(0) = b(0) = 0 (tests/data/loop.json).
    hand = [[1, 1, 0], [1, 1, 1], [1, -1, 1], [1, -1, -1], [1, 3, -1], [1, 3, 3], [1, -5, 3]]
    data = cli_json(capsys, str(DATA / "loop.json"), "--steps", "7")
    assert data["ids"] == ["x", "a", "b"]
    assert data["activity"] == hand
    # The default for a synchronous network is 10 ticks.
    assert len(cli_json(capsys, str(DATA / "loop.json"))["activity"]) == 10


def test_mutual_inhibition_oscillates():
    # Two step units that each fire unless the other fired on the previous tick (bias +0.5).
    network = Network(update="synchronous")
    network.add_neuron(Neuron("a", activation="step", threshold=-0.5))
    network.add_neuron(Neuron("b", activation="step", threshold=-0.5))
    network.connect(Synapse("a", "b", weight=-1.0))
    network.connect(Synapse("b", "a", weight=-1.0))
    assert simulate(network, 5).activity.tolist() == [[1, 1], [0, 0], [1, 1], [0, 0], [1, 1]]
    # One side started ahead keeps the other silent: a winner-take-all fixed point.
    engine = RateEngine(network)
    engine.activity[engine.index["a"]] = 1.0
    assert engine.run(3).tolist() == [[1, 0], [1, 0], [1, 0]]


def _synchronous_oracle(rng, n_inputs, n_neurons, ticks):
    n = n_inputs + n_neurons
    weights = np.where(rng.random((n, n)) < 0.5, rng.normal(0, 1.5, (n, n)), 0.0)
    weights[:, :n_inputs] = 0.0  # nothing connects into an input
    thresholds = rng.normal(0, 1, n)
    activations = [ACTIVATION_NAMES[i] for i in rng.integers(0, 5, n)]
    values = rng.normal(0, 2, n_inputs)
    # The loop: every tick, all non-input neurons at once from the previous tick.
    a = np.concatenate([values, np.zeros(n_neurons)])
    rows = []
    for _ in range(ticks):
        net = weights.T @ a - thresholds
        new = a.copy()
        for i in range(n_inputs, n):
            new[i] = oracle_f(activations[i], net[i : i + 1])[0]
        a = new
        rows.append(a.copy())
    network = Network(update="synchronous")
    ids = [f"x{i}" for i in range(n_inputs)] + [f"n{i}" for i in range(n_neurons)]
    for i, nid in enumerate(ids):
        if i < n_inputs:
            network.add_neuron(Neuron(nid, kind="input", value=float(values[i])))
        else:
            network.add_neuron(Neuron(nid, activation=activations[i], threshold=float(thresholds[i])))
    for j, i in zip(*np.nonzero(weights)):
        network.connect(Synapse(ids[j], ids[i], weight=float(weights[j, i])))
    return network, np.array(rows)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n_inputs=st.integers(0, 3), n_neurons=st.integers(1, 7))
def test_synchronous_matches_numpy_loop(seed, n_inputs, n_neurons):
    network, expected = _synchronous_oracle(np.random.default_rng(seed), n_inputs, n_neurons, 15)
    got = simulate(network, 15).activity
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-9)


def test_synchronous_step_layer_is_one_tick():
    network, expected = _synchronous_oracle(np.random.default_rng(3), 2, 4, 3)
    engine = RateEngine(network)
    for k in range(3):
        assert engine.step_layer() == 0
        assert engine.tick == k + 1
        np.testing.assert_allclose(engine.activity, expected[k], rtol=1e-12, atol=1e-12)


# ---- cycles ------------------------------------------------------------------------------------------
def _network_with_loop() -> Network:
    network = Network()
    network.add_neuron(Neuron("x", kind="input", value=1.0))
    for nid in ("a", "b", "c", "d"):
        network.add_neuron(Neuron(nid))
    for source, target in (("x", "a"), ("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")):
        network.connect(Synapse(source, target))
    return network


def test_cycle_in_feedforward_names_the_loop_and_suggests_synchronous():
    network = _network_with_loop()
    with pytest.raises(CycleError) as caught:
        RateEngine(network)
    cycle = caught.value.cycle
    assert sorted(cycle) == ["a", "b", "c"]
    # The cycle is listed in the direction of the synapses.
    for source, target in zip(cycle, cycle[1:] + cycle[:1]):
        assert (source, target) in network.synapses
    message = str(caught.value)
    assert "synchronous" in message
    assert all(nid in message for nid in "abc")
    assert isinstance(caught.value, ModelError)
    # The same network runs synchronously.
    network.set_param("update", "synchronous")
    assert simulate(network, 4).activity.shape == (4, 5)


def test_self_loop_is_a_cycle(capsys, tmp_path):
    network = Network()
    network.add_neuron(Neuron("a"))
    network.connect(Synapse("a", "a"))
    with pytest.raises(CycleError) as caught:
        simulate(network)
    assert caught.value.cycle == ["a"]
    assert "a → a" in str(caught.value)


def test_cycle_through_the_cli(capsys, tmp_path):
    from neuron_sim.model.fileformat import save

    path = tmp_path / "loop.json"
    save(_network_with_loop(), path)
    assert main(["simulate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("neuron-sim: error: ") and err.count("\n") == 1
    assert "synchronous" in err and "loop" in err


# ---- step_layer --------------------------------------------------------------------------------------
def test_step_layer_goes_layer_by_layer():
    rng = np.random.default_rng(11)
    spec = LayeredSpec(rng, [2, 3, 2, 1], density=1.0)
    network = spec.network(rng)
    expected = spec.evaluate()
    engine = RateEngine(network)
    assert engine.layer_count == 3
    layers = network.layers()
    done: set[str] = set(layers[0])
    for number in range(3):
        assert engine.tick == 0
        assert engine.step_layer() == number
        done.update(layers[number + 1])
        for nid in engine.ids:
            value = engine.activity[engine.index[nid]]
            if nid in done:
                assert value == pytest.approx(expected[nid], rel=1e-12, abs=1e-12)
            else:
                assert value == 0.0  # not computed yet
    assert engine.tick == 1  # the tick counts after the last layer
    whole = RateEngine(network)
    whole.step()
    np.testing.assert_array_equal(engine.activity, whole.activity)
    # The next call starts the next pass at layer 0.
    assert engine.step_layer() == 0 and engine.tick == 1


def test_step_layer_without_computing_neurons_still_ticks():
    network = Network()
    network.add_neuron(Neuron("x", kind="input", value=0.3))
    engine = RateEngine(network)
    assert engine.layer_count == 0
    assert engine.step_layer() == 0
    assert engine.tick == 1
    assert engine.activity.tolist() == [0.3]


def test_step_after_partial_pass_restarts_the_pass():
    rng = np.random.default_rng(5)
    spec = LayeredSpec(rng, [2, 2, 2], density=1.0)
    engine = RateEngine(spec.network(rng))
    engine.step_layer()
    engine.step()
    assert engine.layer_cursor == 0 and engine.tick == 1
    got = engine_values(engine)
    for nid, value in spec.evaluate().items():
        assert got[nid] == pytest.approx(value, rel=1e-12, abs=1e-12)


# ---- live edits and the rest of the engine API -----------------------------------------------------
def test_live_edits_match_a_rebuilt_engine():
    rng = np.random.default_rng(21)
    spec = LayeredSpec(rng, [2, 3, 2], density=1.0)
    network = spec.network(rng)
    engine = RateEngine(network)
    engine.step()
    edits = [("L0n0", "value", 0.25), ("L1n1", "threshold", -0.75), ("L2n0", "activation", "tanh"),
             ("L1n0", "activation", "step")]
    for nid, name, value in edits:
        network.set_neuron_param(nid, name, value)
        assert engine.set_neuron_param(nid, name, value)
    key = next(iter(network.synapses))
    network.set_synapse_param(key, "weight", -4.0)
    assert engine.set_weight(key, -4.0)
    assert engine.activity[engine.index["L0n0"]] == 0.25  # an input shows its new value at once
    engine.step()
    fresh = RateEngine(network)
    fresh.step()
    np.testing.assert_allclose(engine.activity, fresh.activity, rtol=0, atol=0)
    assert not engine.set_neuron_param("L1n0", "kind", "input")  # needs a rebuild
    assert not engine.set_neuron_param("nobody", "value", 1.0)
    assert not engine.set_weight(("nobody", "L1n0"), 1.0)


def test_reset_and_run():
    network = load(DATA / "loop.json")
    engine = RateEngine(network)
    first = engine.run(4)
    assert engine.tick == 4
    engine.reset()
    assert engine.tick == 0
    assert engine.activity.tolist() == [1.0, 0.0, 0.0]
    np.testing.assert_array_equal(engine.run(4), first)
    assert engine.run(0).shape == (0, 3)
    with pytest.raises(ModelError):
        engine.run(-1)


def test_rate_engine_refuses_a_spiking_network():
    with pytest.raises(ModelError, match="spiking"):
        RateEngine(Network(model="spiking"))


def test_empty_network():
    assert simulate(Network(), 2).activity.shape == (2, 0)
