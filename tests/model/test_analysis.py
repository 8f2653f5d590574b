"""The instruments' numbers, checked against computations done by hand (math, not the engines)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from neuron_sim.model import ModelError, Network, Neuron, Synapse
from neuron_sim.model.analysis import (
    fi_curve,
    rate_breakdown,
    rheobase_mV,
    scaled_sigmoid,
    sigmoid_fit,
    spiking_state,
)
from neuron_sim.model.engines.rate import RateEngine
from neuron_sim.model.engines.spiking import SpikingEngine


def and_gate(x1: float = 1.0, x2: float = 1.0) -> Network:
    network = Network(name="AND")
    network.add_neuron(Neuron("x1", kind="input", value=x1))
    network.add_neuron(Neuron("x2", kind="input", value=x2, label="second"))
    network.add_neuron(Neuron("y", activation="step", threshold=1.5))
    network.connect(Synapse("x1", "y", weight=1.0))
    network.connect(Synapse("x2", "y", weight=1.0))
    return network


# ---- rate ----------------------------------------------------------------------------------
def test_and_gate_after_a_step_is_the_textbook_computation():
    network = and_gate(1, 1)
    engine = RateEngine(network)
    engine.step()
    b = rate_breakdown(network, engine, "y")
    assert not b.is_input
    assert [(t.source_id, t.label, t.x, t.w, t.product) for t in b.inputs] == [
        ("x1", "x1", 1.0, 1.0, 1.0), ("x2", "second", 1.0, 1.0, 1.0)]
    assert (b.weighted_sum, b.threshold, b.bias, b.net, b.output) == (2.0, 1.5, -1.5, 0.5, 1.0)
    assert b.activation == "step" and b.formula.startswith("f(x) = 1 if x ≥ 0")
    assert b.settled and b.engine_output == 1.0


@pytest.mark.parametrize("x1, x2, out", [(0, 0, 0.0), (1, 0, 0.0), (0, 1, 0.0), (1, 1, 1.0)])
def test_and_gate_truth_table(x1, x2, out):
    network = and_gate(x1, x2)
    engine = RateEngine(network)
    engine.step()
    b = rate_breakdown(network, engine, "y")
    assert b.weighted_sum == x1 + x2 and b.net == x1 + x2 - 1.5 and b.output == out


def test_before_the_first_step_the_table_shows_what_the_neuron_will_compute():
    network = and_gate(1, 1)
    engine = RateEngine(network)
    b = rate_breakdown(network, engine, "y")
    assert b.output == 1.0 and b.engine_output == 0.0 and not b.settled


def test_an_input_is_just_its_value():
    network = and_gate(0.25, 1)
    engine = RateEngine(network)
    b = rate_breakdown(network, engine, "x1")
    assert b.is_input and b.output == 0.25 and b.inputs == []
    assert b.weighted_sum is None and b.net is None and b.activation == ""


def test_sigmoid_unit_with_mixed_weights_matches_a_hand_computation():
    network = Network()
    network.add_neuron(Neuron("a", kind="input", value=0.3))
    network.add_neuron(Neuron("b", kind="input", value=0.8))
    network.add_neuron(Neuron("h", activation="sigmoid", threshold=-0.1))
    network.connect(Synapse("a", "h", weight=0.5))
    network.connect(Synapse("b", "h", weight=-2.0))
    engine = RateEngine(network)
    engine.step()
    b = rate_breakdown(network, engine, "h")
    assert [t.product for t in b.inputs] == pytest.approx([0.15, -1.6])
    assert b.weighted_sum == pytest.approx(-1.45)
    assert b.bias == pytest.approx(0.1)
    assert b.net == pytest.approx(-1.35)
    assert b.output == pytest.approx(1.0 / (1.0 + math.exp(1.35)))
    assert b.settled


def test_hidden_activity_is_the_next_neurons_input():
    network = Network()
    network.add_neuron(Neuron("x", kind="input", value=2.0))
    network.add_neuron(Neuron("h", activation="tanh", threshold=1.0))
    network.add_neuron(Neuron("o", activation="relu", threshold=0.0))
    network.connect(Synapse("x", "h", weight=1.5))
    network.connect(Synapse("h", "o", weight=-3.0))
    engine = RateEngine(network)
    engine.step()
    h = math.tanh(2.0 * 1.5 - 1.0)
    b = rate_breakdown(network, engine, "o")
    assert b.inputs[0].x == pytest.approx(h)
    assert b.net == pytest.approx(-3.0 * h) and b.output == 0.0 and b.settled


def test_synchronous_update_explains_the_tick_the_canvas_shows():
    """Issue #15 point 1: in a synchronous network the panel and the canvas show the same tick,
    so the breakdown reads the outputs the last tick read (h was 0 when o computed tick 1)."""
    network = Network(update="synchronous")
    network.add_neuron(Neuron("x", kind="input", value=1.0))
    network.add_neuron(Neuron("h", activation="linear"))
    network.add_neuron(Neuron("o", activation="linear"))
    network.connect(Synapse("x", "h", weight=2.0))
    network.connect(Synapse("h", "o", weight=0.5))
    engine = RateEngine(network)
    b = rate_breakdown(network, engine, "h")  # tick 0: nothing computed, the first tick's values
    assert b.output == 2.0 and b.engine_output == 0.0 and not b.settled
    engine.step()  # h = 2 now; o was computed from the old h = 0
    b = rate_breakdown(network, engine, "o")
    assert b.inputs[0].x == 0.0 and b.output == b.engine_output == 0.0 and b.settled
    engine.step()
    b = rate_breakdown(network, engine, "o")
    assert b.inputs[0].x == 2.0 and b.output == b.engine_output == 1.0 and b.settled


def test_live_edits_of_weights_and_thresholds_show_at_once():
    network = and_gate(1, 1)
    engine = RateEngine(network)
    engine.step()
    engine.set_weight(("x2", "y"), -1.0)
    engine.set_neuron_param("y", "threshold", -0.5)
    b = rate_breakdown(network, engine, "y")
    assert b.inputs[1].product == -1.0
    assert (b.weighted_sum, b.net, b.output) == (0.0, 0.5, 1.0)
    assert not b.settled  # the engine has not recomputed y yet


def test_rate_breakdown_refuses_wrong_engines_and_unknown_ids():
    network = and_gate()
    with pytest.raises(ModelError):
        rate_breakdown(network, RateEngine(network), "nobody")
    spiking = Network(model="spiking")
    spiking.add_neuron(Neuron("n"))
    with pytest.raises(ModelError):
        rate_breakdown(spiking, SpikingEngine(spiking), "n")


# ---- spiking state -----------------------------------------------------------------------
def driven_cell(**params) -> Network:
    network = Network(model="spiking", dt_ms=0.1)
    network.add_neuron(Neuron("n", label="cell", **params))
    return network


def test_spiking_state_before_any_step_is_at_rest():
    network = driven_cell(drive_mV=20.0)
    s = spiking_state(network, SpikingEngine(network), "n")
    assert s.is_cell and s.label == "cell" and s.v_mV == -70.0
    assert (s.v_threshold_mV, s.v_rest_mV, s.v_reset_mV) == (-55.0, -70.0, -70.0)
    assert s.last_spike_ms is None and s.since_last_spike_ms is None and not s.refractory


def test_spiking_state_follows_the_membrane_and_the_refractory_period():
    network = driven_cell(drive_mV=20.0, tau_ms=20.0, refractory_ms=2.0)
    engine = SpikingEngine(network)
    dt = 0.1
    for _ in range(100):
        engine.step()
    s = spiking_state(network, engine, "n")
    # v(t) = v_rest + drive·(1 − e^(−t/τ)) after 100 updates of dt
    assert s.v_mV == pytest.approx(-70.0 + 20.0 * (1 - math.exp(-100 * dt / 20.0)), abs=1e-9)
    assert s.time_ms == pytest.approx(100 * dt)  # the clock: t = steps · dt
    crossing = 20.0 * math.log(20.0 / 5.0) / dt  # 277.3 steps: the spike is in step 277
    spike_step = math.floor(crossing)
    while engine.step_count <= spike_step:
        engine.step()
    s = spiking_state(network, engine, "n")
    assert s.last_spike_ms == pytest.approx(spike_step * dt)  # Brian2's spike time: the step's start
    # one step after it on the clock, t − last spike = since; held until last spike + 2 ms
    assert s.since_last_spike_ms == pytest.approx(dt) and s.v_mV == -70.0
    assert s.time_ms - s.last_spike_ms == pytest.approx(s.since_last_spike_ms)
    assert s.refractory and s.refractory_left_ms == pytest.approx(2.0 - dt)
    for _ in range(5):
        engine.step()
    s = spiking_state(network, engine, "n")
    assert s.since_last_spike_ms == pytest.approx(0.6) and s.refractory_left_ms == pytest.approx(1.4)
    assert s.since_last_spike_ms + s.refractory_left_ms == pytest.approx(2.0)
    for _ in range(15):
        engine.step()
    s = spiking_state(network, engine, "n")
    assert s.since_last_spike_ms == pytest.approx(2.1)
    assert not s.refractory and s.refractory_left_ms == 0.0


def test_spiking_state_of_a_generator_has_spikes_but_no_membrane():
    network = Network(model="spiking")
    network.add_neuron(Neuron("g", kind="generator", rate_hz=100.0))
    engine = SpikingEngine(network)
    for _ in range(205):  # spikes at 0, 10 and 20 ms (step 200); the last step is 204
        engine.step()
    s = spiking_state(network, engine, "g")
    assert not s.is_cell and s.kind == "generator" and s.v_mV is None
    assert s.last_spike_ms == pytest.approx(20.0) and s.since_last_spike_ms == pytest.approx(0.5)


# ---- f–I curve ---------------------------------------------------------------------------
def analytic_rate_hz(drive, tau, theta_minus_rest, refractory, reset_minus_rest=0.0):
    """1 / (t_ref + τ·ln((drive − (v_reset − v_rest)) / (drive − (θ − v_rest)))), 0 below rheobase."""
    if drive <= theta_minus_rest:
        return 0.0
    period_ms = refractory + tau * math.log((drive - reset_minus_rest) / (drive - theta_minus_rest))
    return 1000.0 / period_ms


DRIVES = [-5.0, 0.0, 10.0, 14.9, 16.0, 20.0, 30.0, 60.0, 200.0]


@pytest.mark.parametrize("tau, refractory", [(20.0, 2.0), (10.0, 5.0), (35.0, 0.0)])
def test_fi_curve_is_the_analytic_lif_rate_up_to_step_rounding(tau, refractory):
    neuron = Neuron("n", tau_ms=tau, refractory_ms=refractory)
    dt = 0.1
    rates = fi_curve(neuron, DRIVES, dt_ms=dt, duration_ms=2000.0)
    assert rates.shape == (len(DRIVES),)
    for drive, rate in zip(DRIVES, rates):
        expected = analytic_rate_hz(drive, tau, 15.0, refractory)
        if expected == 0.0:
            assert rate == 0.0
            continue
        # The simulated period is ⌊T/dt⌋ + max(R, 1) steps: within one step of t_ref + T.
        assert abs(1000.0 / rate - 1000.0 / expected) <= dt + 1e-9
        crossing = tau * math.log(drive / (drive - 15.0)) / dt
        steps = math.floor(crossing) + max(round(refractory / dt), 1)
        assert rate == pytest.approx(1000.0 / (steps * dt), rel=1e-9)


def test_fi_curve_with_a_reset_below_rest():
    neuron = Neuron("n", tau_ms=15.0, v_reset_mV=-75.0, v_threshold_mV=-50.0, refractory_ms=1.0)
    drives = [25.5, 40.0, 100.0]
    rates = fi_curve(neuron, drives, dt_ms=0.05, duration_ms=1000.0)
    for drive, rate in zip(drives, rates):
        expected = analytic_rate_hz(drive, 15.0, 20.0, 1.0, reset_minus_rest=-5.0)
        assert abs(1000.0 / rate - 1000.0 / expected) <= 0.05 + 1e-9


def test_fi_curve_cells_are_independent():
    neuron = Neuron("n")
    together = fi_curve(neuron, [18.0, 40.0, 90.0], duration_ms=300.0)
    alone = [fi_curve(neuron, [d], duration_ms=300.0)[0] for d in (18.0, 40.0, 90.0)]
    assert together.tolist() == alone


def test_fi_curve_counts_over_the_duration_when_a_cell_fires_once():
    # T = 20·ln(15.5 / 0.5) = 68.7 ms: one spike in 100 ms
    assert fi_curve(Neuron("n"), [15.5], duration_ms=100.0)[0] == pytest.approx(10.0)
    assert fi_curve(Neuron("n"), []).shape == (0,)
    assert rheobase_mV(Neuron("n")) == 15.0


def test_sigmoid_fit_recovers_a_logistic():
    drives = np.linspace(-40.0, 60.0, 4001)
    rates = 100.0 / (1.0 + np.exp(-(drives - 10.0) / 2.0))
    top, centre, scale = sigmoid_fit(drives, rates)
    assert top == pytest.approx(100.0, abs=1e-6)
    assert centre == pytest.approx(10.0, abs=1e-3) and scale == pytest.approx(2.0, abs=1e-3)
    assert np.allclose(scaled_sigmoid(drives, top, centre, scale), rates, atol=1e-3)
    assert sigmoid_fit(drives, np.zeros_like(drives))[0] == 0.0
