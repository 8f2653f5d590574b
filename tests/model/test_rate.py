"""The rate engine against an independent numpy evaluation of a_i = f(Σ_j w_ji · a_j − θ_i).

The oracle below shares no code with neuron_sim.model.rate or .activations: it builds dense weight
matrices per layer (skip connections included) and has its own activation functions.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neuron_sim.cli import main
from neuron_sim.model import CycleError, ModelError, Network, Neuron, Synapse
from neuron_sim.model.fileformat import load
from neuron_sim.model.rate import RateEngine
from neuron_sim.model.simulate import simulate

DATA = Path(__file__).resolve().parent.parent / "data"
ACTIVATION_NAMES = ("step", "sigmoid", "tanh", "relu", "linear")


# ---- the oracle ----------------------------------------------------------------------------------
def oracle_f(name: str, x: np.ndarray) -> np.ndarray:
    """The activation functions as the issue defines them, written out again."""
    x = np.asarray(x, dtype=float)
    if name == "step":
        return np.where(x >= 0, 1.0, 0.0)
    if name == "sigmoid":
        with np.errstate(over="ignore", under="ignore"):
            return 1.0 / (1.0 + np.exp(-x))
    if name == "tanh":
        with np.errstate(over="ignore", under="ignore"):
            # tanh x = 2σ(2x) − 1, so that this does not call the engine's np.tanh either.
            return 2.0 / (1.0 + np.exp(-2.0 * x)) - 1.0
    if name == "relu":
        return np.where(x > 0, x, 0.0)
    if name == "linear":
        return x + 0.0
    raise AssertionError(name)


class LayeredSpec:
    """A random layered network as plain arrays: the oracle's view, and a Network built from it."""

    def __init__(self, rng: np.random.Generator, sizes: list[int], weight_scale: float = 2.0,
                 extreme: bool = False, integer: bool = False, density: float = 0.7):
        self.sizes = sizes
        self.ids = [[f"L{layer}n{k}" for k in range(size)] for layer, size in enumerate(sizes)]
        self.inputs = self._draw(rng, sizes[0], extreme, integer, scale=3.0)
        self.thresholds: list[np.ndarray] = []
        self.activations: list[list[str]] = []
        self.weights: list[np.ndarray] = []  # weights[l-1]: (all neurons of layers < l) × size_l
        self.masks: list[np.ndarray] = []
        for layer in range(1, len(sizes)):
            below = sum(sizes[:layer])
            mask = rng.random((below, sizes[layer])) < density
            weights = self._draw(rng, (below, sizes[layer]), extreme, integer, weight_scale)
            weights[~mask] = 0.0
            self.weights.append(weights)
            self.masks.append(mask)
            self.thresholds.append(self._draw(rng, sizes[layer], extreme, integer, scale=1.0))
            # Mixed activations within one layer.
            self.activations.append([ACTIVATION_NAMES[i] for i in rng.integers(0, 5, sizes[layer])])

    @staticmethod
    def _draw(rng, shape, extreme, integer, scale):
        if extreme:
            return rng.choice([-1e6, 1e6, 0.0, 1.0, -1.0], size=shape)
        if integer:
            return rng.integers(-2, 3, size=shape).astype(float)
        return rng.normal(0.0, scale, size=shape)

    def evaluate(self) -> dict[str, float]:
        """One forward pass with dense matrices: a_l = f(W_lᵀ [a_0 … a_{l-1}] − θ_l)."""
        below = self.inputs.copy()
        result = dict(zip(self.ids[0], below.tolist()))
        for layer, weights in enumerate(self.weights):
            with np.errstate(over="ignore", invalid="ignore"):
                net = weights.T @ below - self.thresholds[layer]
            out = np.empty_like(net)
            for name in ACTIVATION_NAMES:
                chosen = np.array([a == name for a in self.activations[layer]], dtype=bool)
                out[chosen] = oracle_f(name, net[chosen])
            result.update(zip(self.ids[layer + 1], out.tolist()))
            below = np.concatenate([below, out])
        return result

    def scale(self) -> dict[str, float]:
        """Σ|w|·|a| + |θ| per neuron: the size of the numbers a neuron's sum adds up."""
        below = np.abs(self.inputs)
        result = dict(zip(self.ids[0], below.tolist()))
        values = self.evaluate()
        for layer, weights in enumerate(self.weights):
            scale = np.abs(weights).T @ below + np.abs(self.thresholds[layer])
            result.update(zip(self.ids[layer + 1], scale.tolist()))
            below = np.concatenate([below, np.abs([values[i] for i in self.ids[layer + 1]])])
        return result

    def network(self, rng: np.random.Generator, update: str = "feedforward") -> Network:
        network = Network(update=update)
        flat_ids = [nid for layer in self.ids for nid in layer]
        neurons = []
        for nid, value in zip(self.ids[0], self.inputs):
            neurons.append(Neuron(nid, kind="input", value=float(value)))
        for layer in range(1, len(self.sizes)):
            for k, nid in enumerate(self.ids[layer]):
                neurons.append(Neuron(nid, activation=self.activations[layer - 1][k],
                                      threshold=float(self.thresholds[layer - 1][k])))
        # Insertion order is shuffled: the engine must find the order from the graph.
        for position in rng.permutation(len(neurons)):
            network.add_neuron(neurons[position])
        synapses = []
        for layer, (weights, mask) in enumerate(zip(self.weights, self.masks)):
            for j, i in zip(*np.nonzero(mask)):
                synapses.append(Synapse(flat_ids[j], self.ids[layer + 1][i], weight=float(weights[j, i])))
        for position in rng.permutation(len(synapses)):
            network.connect(synapses[position])
        return network


def engine_values(engine: RateEngine) -> dict[str, float]:
    return dict(zip(engine.ids, engine.activity.tolist()))


def sizes_strategy():
    return st.lists(st.integers(1, 6), min_size=2, max_size=6)


# ---- feedforward against the oracle ---------------------------------------------------------------
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), sizes=sizes_strategy(), integer=st.booleans())
def test_feedforward_matches_dense_oracle(seed, sizes, integer):
    rng = np.random.default_rng(seed)
    spec = LayeredSpec(rng, sizes, integer=integer)
    network = spec.network(rng)
    expected = spec.evaluate()
    engine = RateEngine(network)
    engine.step()
    got = engine_values(engine)
    assert got.keys() == expected.keys()
    for nid in expected:
        assert got[nid] == pytest.approx(expected[nid], rel=1e-9, abs=1e-9), nid
    # simulate(): same values, in the file's order, one row per pass; passes repeat exactly.
    result = simulate(network, 3)
    assert result.ids == list(network.neurons)
    assert result.activity.shape == (3, len(network))
    for row in result.activity:
        np.testing.assert_allclose(row, [expected[nid] for nid in result.ids], rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_each_activation_alone_matches_oracle(name):
    rng = np.random.default_rng(7)
    spec = LayeredSpec(rng, [3, 5, 4, 2])
    spec.activations = [[name] * len(layer) for layer in spec.activations]
    network = spec.network(rng)
    expected = spec.evaluate()
    got = engine_values(_stepped(RateEngine(network)))
    for nid in expected:
        assert got[nid] == pytest.approx(expected[nid], rel=1e-9, abs=1e-12)


def _stepped(engine: RateEngine) -> RateEngine:
    engine.step()
    return engine


def test_step_fires_at_net_exactly_zero():
    network = Network()
    network.add_neuron(Neuron("x", kind="input", value=1.0))
    network.add_neuron(Neuron("y", activation="step", threshold=1.0))  # net = 1·1 − 1 = 0 → 1
    network.add_neuron(Neuron("z", activation="step", threshold=1.0 + 1e-12))  # net < 0 → 0
    network.connect(Synapse("x", "y", weight=1.0))
    network.connect(Synapse("x", "z", weight=1.0))
    assert simulate(network).activity.tolist() == [[1.0, 1.0, 0.0]]


def test_skip_connections_and_layers():
    # x → h → y and x → y directly: y is in layer 2, after h.
    network = Network()
    network.add_neuron(Neuron("y", activation="linear", threshold=0.5))
    network.add_neuron(Neuron("h", activation="relu", threshold=-1.0))
    network.add_neuron(Neuron("x", kind="input", value=2.0))
    network.connect(Synapse("x", "y", weight=10.0))
    network.connect(Synapse("h", "y", weight=-3.0))
    network.connect(Synapse("x", "h", weight=1.5))
    assert network.layers() == [["x"], ["h"], ["y"]]
    h = max(1.5 * 2.0 + 1.0, 0.0)
    y = 10.0 * 2.0 - 3.0 * h - 0.5
    engine = RateEngine(network)
    engine.step()
    assert engine.state_of("h")["activity"] == h
    assert engine.state_of("y") == {"activity": y, "weighted_sum": y + 0.5, "net": y}


# ---- extreme weights --------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(12))
def test_extreme_weights_stay_finite_without_numpy_warnings(seed):
    rng = np.random.default_rng(1000 + seed)
    spec = LayeredSpec(rng, [3, 4, 4, 3], extreme=True)
    network = spec.network(rng)
    expected, scale = spec.evaluate(), spec.scale()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            engine = RateEngine(network)
            rows = engine.run(2)
            result = simulate(network, 1)
    assert np.all(np.isfinite(rows)) and np.all(np.isfinite(result.activity))
    got = engine_values(engine)
    for nid, value in expected.items():
        # Rounding in sums of terms as large as `scale` is all that may differ.
        assert abs(got[nid] - value) <= 1e-9 * (1.0 + scale[nid]), (nid, got[nid], value)


@pytest.mark.parametrize("name, net, expected", [
    ("sigmoid", 1e12, 1.0), ("sigmoid", -1e12, 0.0), ("tanh", 1e12, 1.0), ("tanh", -1e12, -1.0),
    ("step", -1e12, 0.0), ("step", 1e12, 1.0), ("relu", -1e12, 0.0), ("relu", 1e12, 1e12),
    ("linear", -1e12, -1e12),
])
def test_saturation_at_extreme_net(name, net, expected):
    network = Network()
    network.add_neuron(Neuron("x", kind="input", value=1e6))
    network.add_neuron(Neuron("y", activation=name, threshold=0.0))
    network.connect(Synapse("x", "y", weight=net / 1e6))
    with np.errstate(all="raise"):
        activity = simulate(network).activity
    assert activity[0, 1] == pytest.approx(expected, abs=1e-300)


# ---- truth tables through the CLI ---------------------------------------------------------------------
TRUTH_TABLES = {
    # file: {(x1, x2): y}, worked by hand from the weights and thresholds in tests/data.
    "and.json": {(0, 0): 0, (0, 1): 0, (1, 0): 0, (1, 1): 1},  # 1·x1 + 1·x2 − 1.5 ≥ 0
    "or.json": {(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 1): 1},  # 1·x1 + 1·x2 − 0.5 ≥ 0
    "nand.json": {(0, 0): 1, (0, 1): 1, (1, 0): 1, (1, 1): 0},  # −x1 − x2 + 1.5 ≥ 0
    "xor.json": {(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 1): 0},  # AND(OR, NAND)
}


def _cli_json(capsys, *args: str) -> dict:
    status = main(["simulate", *args])
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    return json.loads(out)


@pytest.mark.parametrize("gate", sorted(TRUTH_TABLES))
@pytest.mark.parametrize("x1, x2", [(0, 0), (0, 1), (1, 0), (1, 1)])
def test_logic_gate_truth_tables(capsys, gate, x1, x2):
    data = _cli_json(capsys, str(DATA / gate), "--set", f"x1={x1}", "--set", f"x2={x2}")
    assert len(data["activity"]) == 1  # one feedforward pass by default
    row = dict(zip(data["ids"], data["activity"][0]))
    assert row["x1"] == x1 and row["x2"] == x2
    assert row["y"] == TRUTH_TABLES[gate][(x1, x2)]
    if gate == "xor.json":
        assert row["h_or"] == TRUTH_TABLES["or.json"][(x1, x2)]
        assert row["h_nand"] == TRUTH_TABLES["nand.json"][(x1, x2)]


def test_xor_file_is_ordered_backwards_and_layered_by_the_graph():
    network = load(DATA / "xor.json")
    assert list(network.neurons)[0] == "y"
    assert network.layers() == [["x1", "x2"], ["h_or", "h_nand"], ["y"]]


# ---- synchronous -------------------------------------------------------------------------------------
def test_synchronous_loop_hand_computed(capsys):
    # a(t+1) = x − 2·b(t), b(t+1) = a(t), x = 1, a(0) = b(0) = 0 (tests/data/loop.json).
    hand = [[1, 1, 0], [1, 1, 1], [1, -1, 1], [1, -1, -1], [1, 3, -1], [1, 3, 3], [1, -5, 3]]
    data = _cli_json(capsys, str(DATA / "loop.json"), "--steps", "7")
    assert data["ids"] == ["x", "a", "b"]
    assert data["activity"] == hand
    # The default for a synchronous network is 10 ticks.
    assert len(_cli_json(capsys, str(DATA / "loop.json"))["activity"]) == 10


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
