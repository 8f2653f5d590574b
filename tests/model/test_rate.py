"""The rate engine against an independent numpy evaluation of a_i = f(Σ_j w_ji · a_j − θ_i).

The oracle below shares no code with neuron_sim.model.engines.rate or .activations: it builds dense weight
matrices per layer (skip connections included) and has its own activation functions.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.fileformat import load
from neuron_sim.model.engines.rate import RateEngine
from neuron_sim.model.simulate import simulate

from .rate_oracle import ACTIVATION_NAMES, cli_json, engine_values, LayeredSpec, sizes_strategy

DATA = Path(__file__).resolve().parent.parent / "data"


# ---- feedforward against the oracle ---------------------------------------------------------------
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), sizes=sizes_strategy(), integer=st.booleans())
def test_feedforward_matches_dense_oracle(seed, sizes, integer):
    rng = np.random.default_rng(seed)
    spec = LayeredSpec(rng, sizes, integer=integer)
    assume(not spec.undecided_steps())  # a step unit at 0 up to rounding: either answer is right
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


@pytest.mark.parametrize("gate", sorted(TRUTH_TABLES))
@pytest.mark.parametrize("x1, x2", [(0, 0), (0, 1), (1, 0), (1, 1)])
def test_logic_gate_truth_tables(capsys, gate, x1, x2):
    data = cli_json(capsys, str(DATA / gate), "--set", f"x1={x1}", "--set", f"x2={x2}")
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
