"""Numerics: extreme weights and runs that grow without end stay finite, with no numpy warning.

Every engine call here runs with warnings as errors and `np.errstate(all="raise")`, so an overflow,
an invalid operation (inf − inf) or a division by zero anywhere fails the test where it happens.
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from decimal import Decimal, getcontext
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.activations import ACTIVATIONS, DERIVATIVES
from neuron_sim.model.fileformat import load
from neuron_sim.model.engines.rate import MAX_ACTIVITY, RateEngine
from neuron_sim.model.simulate import simulate
from neuron_sim.model.engines.spiking import SpikingEngine

DATA = Path(__file__).resolve().parent.parent / "data"
EXTREMES = [-1e308, -1e6, -710.0, -700.0, -36.0, -1e-300, 0.0, 1e-300, 36.0, 700.0, 710.0, 1e6, 1e308]
CHECKED = settings(max_examples=60, derandomize=True, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def strict():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            yield


# ---- activation functions ---------------------------------------------------------------------------------
def decimal_sigmoid(x: float) -> float:
    """1 / (1 + e^−x) in 60-digit decimal arithmetic: an oracle that cannot overflow."""
    getcontext().prec = 60
    exponent = -Decimal(x)
    if exponent > 100_000:
        return 0.0
    return float(Decimal(1) / (Decimal(1) + exponent.exp()))


@pytest.mark.parametrize("x", EXTREMES)
def test_sigmoid_matches_exact_arithmetic_at_extremes(x):
    with strict():
        got = float(ACTIVATIONS["sigmoid"](np.array([x]))[0])
    expected = decimal_sigmoid(x)
    # Below 1e−304 the engine gives 0 (its exponent is capped at 700, documented in activations.py).
    assert got == pytest.approx(expected, rel=1e-15, abs=1e-300)


@CHECKED
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_activation_and_derivative_is_finite_for_any_finite_input(x):
    with strict():
        for name, function in ACTIVATIONS.items():
            values = function(np.array([x, -x]))
            assert np.all(np.isfinite(values)), name
            assert np.all(np.isfinite(DERIVATIVES[name](np.array([x, -x])))), name
        s = ACTIVATIONS["sigmoid"](np.array([x, -x]))
        t = ACTIVATIONS["tanh"](np.array([x]))
    assert 0.0 <= s[0] <= 1.0 and s[0] + s[1] == pytest.approx(1.0)
    assert -1.0 <= t[0] <= 1.0


# ---- the rate engine over long runs ---------------------------------------------------------------------
def test_a_growing_loop_levels_off_at_the_limit_instead_of_overflowing():
    """tests/data/loop.json: a(t+1) = 1 − 2·b(t), b(t+1) = a(t): it oscillates with a growing
    amplitude (×√2 per tick). It passes 1e308 after ~2,000 ticks, which gave inf, then NaN."""
    engine = RateEngine(load(DATA / "loop.json"))
    with strict():
        rows = engine.run(5000)
    a = rows[:, 1]
    assert np.all(np.isfinite(rows)) and np.abs(rows).max() == MAX_ACTIVITY
    # By hand, from a = b = 0: a = 1, 1, −1, −1, 3, 3, −5, −5, 11, 11 (b lags a by one tick).
    assert a[:10].tolist() == [1.0, 1.0, -1.0, -1.0, 3.0, 3.0, -5.0, -5.0, 11.0, 11.0]
    assert np.abs(a[-100:]).min() == MAX_ACTIVITY  # it stays at the limit, with its sign


@st.composite
def extreme_rate_networks(draw) -> Network:
    """Small synchronous networks with loops, every activation, weights and thresholds up to ±1e6."""
    big = st.sampled_from([-1e6, -1e3, -1.0, 0.0, 0.5, 1.0, 2.0, 1e3, 1e6])
    network = Network(update="synchronous")
    inputs = draw(st.integers(1, 3))
    cells = draw(st.integers(1, 5))
    for i in range(inputs):
        network.add_neuron(Neuron(f"x{i}", kind="input", value=draw(big)))
    for i in range(cells):
        network.add_neuron(Neuron(f"y{i}", activation=draw(st.sampled_from(sorted(ACTIVATIONS))),
                                  threshold=draw(big)))
    ids = list(network.neurons)
    for source in ids:
        for target in ids[inputs:]:
            if draw(st.booleans()):
                network.connect(Synapse(source, target, weight=draw(big)))
    return network


@CHECKED
@given(extreme_rate_networks())
def test_extreme_synchronous_networks_stay_finite_over_long_runs(network):
    engine = RateEngine(network)
    with strict():
        rows = engine.run(3000)
    assert np.all(np.isfinite(rows)) and np.all(np.abs(rows) <= MAX_ACTIVITY)
    assert np.all(np.isfinite(engine.net)) and np.all(np.isfinite(engine.weighted_sum))
    for i, nid in enumerate(engine.ids):
        name = network.neurons[nid].activation
        if network.neurons[nid].kind == "neuron" and name in ("sigmoid", "step"):
            assert rows[:, i].min() >= 0.0 and rows[:, i].max() <= 1.0


def test_a_deep_linear_chain_of_huge_weights_levels_off():
    """x = 1e6 through 60 linear neurons with w = 1e6: 1e366 by hand; the limit instead."""
    network = Network()
    network.add_neuron(Neuron("x", kind="input", value=1e6))
    previous = "x"
    for i in range(60):
        network.add_neuron(Neuron(f"y{i}", activation="linear"))
        network.connect(Synapse(previous, f"y{i}", weight=1e6))
        previous = f"y{i}"
    with strict():
        result = simulate(network)
    values = result.activity[0]
    assert values[1] == 1e12 and values[2] == 1e18  # exact below the limit
    assert values[-1] == MAX_ACTIVITY and np.all(np.isfinite(values))


# ---- the spiking engine -----------------------------------------------------------------------------------
def extreme_spiking_network(dt_ms: float, tau_ms: float, weight: float) -> Network:
    """Fast generators and a cell that fires every step (its reset is above its threshold), all
    hitting cells with huge weights; delays 0 and long."""
    network = Network(model="spiking", dt_ms=dt_ms)
    for i in range(4):
        network.add_neuron(Neuron(f"g{i}", kind="generator", rate_hz=5000,
                                  pattern="poisson" if i % 2 else "regular", seed=i))
    network.add_neuron(Neuron("c", tau_ms=tau_ms))
    network.add_neuron(Neuron("d", tau_ms=0.01, v_reset_mV=1000, v_threshold_mV=-1000, refractory_ms=0))
    network.add_neuron(Neuron("e", tau_ms=tau_ms, refractory_ms=1e4))
    for i in range(4):
        network.connect(Synapse(f"g{i}", "c", weight=weight, delay_ms=0))
        network.connect(Synapse(f"g{i}", "d", weight=-weight, delay_ms=1e4))
        network.connect(Synapse(f"g{i}", "e", weight=-weight, delay_ms=0.5))
    network.connect(Synapse("d", "d", weight=weight, delay_ms=0))
    network.connect(Synapse("d", "c", weight=-abs(weight), delay_ms=0))
    network.connect(Synapse("c", "c", weight=weight, delay_ms=dt_ms))
    return network


@pytest.mark.parametrize("dt_ms, tau_ms", [(0.001, 1e5), (0.001, 0.01), (10.0, 0.01), (10.0, 1e5), (0.1, 20.0)])
@pytest.mark.parametrize("weight", [1e6, -1e6])
def test_extreme_spiking_networks_stay_finite(dt_ms, tau_ms, weight):
    engine = SpikingEngine(extreme_spiking_network(dt_ms, tau_ms, weight))
    with strict():
        rows, spikes = engine.run(5_000)
    assert np.all(np.isfinite(rows)) and spikes
    # With leak factor a = e^(−dt/τ) < 1, |v| is bounded by the largest input per step over 1 − a.
    assert np.abs(rows).max() < 1e6 * 10 / (1 - np.exp(-dt_ms / tau_ms)) + 1000


def test_a_cell_that_fires_every_step_for_a_long_run():
    network = Network(model="spiking")
    # Driven towards −70 + 100 mV and reset above its threshold: it fires in every step.
    network.add_neuron(Neuron("d", v_reset_mV=-50, v_threshold_mV=-60, refractory_ms=0, drive_mV=100,
                              v_mV=-50))
    engine = SpikingEngine(network)
    with strict():
        rows, spikes = engine.run(100_000)
    assert len(spikes) == 100_000 and np.all(rows == -50.0)
