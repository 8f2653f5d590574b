"""The spiking engine equals Brian2 (numpy target) spike for spike, and its voltages agree.

Each Brian2 run costs ~0.2-1 s, so the networks are small except the recurrent one.
Regular generators and spiking inputs are simulated by Brian2 from their rate and start; the
Poisson generators' trains are drawn by our engine (see brian2_oracle.py) and checked on their own,
statistically: their rate, and their intervals against the exponential distribution and against
Brian2's PoissonGroup. Everything downstream — integration, threshold, reset, refractoriness,
delayed delivery — is compared spike for spike.

Brian2 is a test dependency: without it these tests fail at import, they are not skipped.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

with warnings.catch_warnings():  # Brian2 2.9 uses pyparsing names that pyparsing 3.3 deprecates
    warnings.simplefilter("ignore", DeprecationWarning)
    import brian2  # noqa: F401  (the oracle: a missing Brian2 is an error, not a skip)

from neuron_sim.model.entities import Neuron, Synapse
from neuron_sim.model.network import Network
from neuron_sim.model.engines.spiking import SpikingEngine

from .brian2_oracle import (brian2_poisson_steps, checked_against_brian2, jittered_intervals, ks_exponential,
                            ks_two_samples, random_network)

# Brian2 2.9 uses pyparsing names that pyparsing 3.3 deprecates: not ours to fix
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def compare(network: Network, steps: int) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Run both simulators; assert equal spikes and close voltages; return ours."""
    both = checked_against_brian2(network, steps)
    return both.spikes, both.v


def spiking(*neurons: Neuron, synapses=(), dt_ms: float = 0.1) -> Network:
    network = Network(model="spiking", dt_ms=dt_ms)
    network.add_all(neurons, synapses)
    return network


def times_of(spikes, index):
    return [k for k, i in spikes if i == index]


def test_single_driven_neuron():
    network = spiking(Neuron("n", drive_mV=20.0, tau_ms=10.0))
    spikes, _ = compare(network, 1000)
    # analytic period: tau·ln(drive / (drive − (v_th − v_rest))) = 10·ln 4 ms ≈ 13.86 ms, + 2 ms refractory
    assert len(spikes) == 6


def test_driven_neurons_with_various_parameters_and_time_step():
    neurons = [
        Neuron("fast", drive_mV=40.0, tau_ms=5.0, refractory_ms=0.0),
        Neuron("slow", drive_mV=16.0, tau_ms=35.0, refractory_ms=3.33),
        Neuron("reset_high", drive_mV=25.0, v_reset_mV=-58.0, refractory_ms=1.0),
        Neuron("start_above", v_mV=-50.0, drive_mV=-5.0),
        Neuron("below", drive_mV=14.9),
        Neuron("exactly_at", drive_mV=15.0),
        Neuron("own_threshold", v_threshold_mV=-20.0, v_rest_mV=-40.0, drive_mV=30.0, tau_ms=7.5),
        Neuron("reset_above_threshold", drive_mV=20.0, v_reset_mV=-50.0, refractory_ms=1.5),
    ]
    for dt_ms in (0.1, 0.05, 0.25):
        spikes, _ = compare(spiking(*neurons, dt_ms=dt_ms), int(round(200 / dt_ms)))
        assert times_of(spikes, 0) and times_of(spikes, 1) and times_of(spikes, 6)
        assert times_of(spikes, 3) == [0]  # starts above threshold: fires at once
        assert not times_of(spikes, 4)


def test_chain_with_different_delays():
    chain = [Neuron("g", kind="generator", rate_hz=25.0, start_ms=1.0)]
    chain += [Neuron(f"n{i}", drive_mV=5.0) for i in range(6)]
    delays = [0.0, 0.3, 1.7, 2.5, 0.25, 4.05]  # 0.25 ms is 2.5 steps: rounds as Brian2 does
    names = ["g"] + [f"n{i}" for i in range(6)]
    synapses = [Synapse(a, b, weight=30.0, delay_ms=d) for a, b, d in zip(names, names[1:], delays)]
    spikes, _ = compare(spiking(*chain, synapses=synapses), 1500)
    first = [times_of(spikes, i)[0] for i in range(6)]  # cells n0..n5
    assert first == sorted(first) and len(set(first)) == 6  # the wave travels down the chain


def test_inhibition():
    neurons = [
        Neuron("driven", drive_mV=20.0),
        Neuron("inhibited", drive_mV=20.0),
        Neuron("g", kind="generator", rate_hz=200.0),
    ]
    synapses = [Synapse("g", "inhibited", weight=-4.0, delay_ms=0.5),
                Synapse("driven", "inhibited", weight=-2.5, delay_ms=1.2)]
    spikes, _ = compare(spiking(*neurons, synapses=synapses), 2000)
    assert len(times_of(spikes, 1)) < len(times_of(spikes, 0))


def test_refractory_input_is_dropped():
    neurons = [
        # 'a' and 'twin' fire in the same steps; a → twin with no delay arrives in the step twin spikes
        Neuron("a", drive_mV=20.0, refractory_ms=5.0),
        Neuron("twin", drive_mV=20.0, refractory_ms=5.0),
        # 'late' gets a's spikes 3 ms later, inside its own refractory period after firing with a
        Neuron("late", drive_mV=20.0, refractory_ms=5.0),
        # 'edge' gets them exactly when its refractory period (2 ms) ends
        Neuron("edge", drive_mV=20.0, refractory_ms=2.0),
        # 'zero' has no refractory period, but input in the step it spikes is still dropped
        Neuron("zero", drive_mV=20.0, refractory_ms=0.0),
        # a fast generator hammers a neuron that is often refractory
        Neuron("hammered", drive_mV=10.0, refractory_ms=4.0),
        Neuron("g", kind="generator", rate_hz=1000.0, start_ms=0.3),
    ]
    synapses = [
        Synapse("a", "twin", weight=6.0, delay_ms=0.0),
        Synapse("a", "late", weight=6.0, delay_ms=3.0),
        Synapse("a", "edge", weight=6.0, delay_ms=2.0),
        Synapse("g", "zero", weight=1.0, delay_ms=0.0),
        Synapse("g", "hammered", weight=2.0, delay_ms=0.1),
    ]
    network = spiking(*neurons, synapses=synapses)
    spikes, v = compare(network, 3000)
    a, twin, late = times_of(spikes, 0), times_of(spikes, 1), times_of(spikes, 2)
    assert a == twin == late  # the input was dropped every time
    assert len(times_of(spikes, 5)) > 5
    # without refractoriness the same input would change 'late': the check above is not vacuous
    loose = network.copy()
    loose.set_neuron_param("late", "refractory_ms", 0.0)
    assert times_of(SpikingEngine(loose).run(3000, record=False)[1], 2) != a


def test_regular_generators_and_sensors_drive_neurons():
    neurons = [
        Neuron("n1", drive_mV=8.0),
        Neuron("n2", drive_mV=8.0, tau_ms=12.0),
        Neuron("g20", kind="generator", rate_hz=20.0),
        Neuron("g333", kind="generator", rate_hz=333.0, start_ms=7.77),
        Neuron("sensor_on", kind="input", value=1.0, rate_hz=150.0, start_ms=2.0),
        Neuron("sensor_off", kind="input", value=0.0, rate_hz=150.0),
    ]
    synapses = [
        Synapse("g20", "n1", weight=12.0, delay_ms=1.0),
        Synapse("g333", "n1", weight=2.2, delay_ms=0.4),
        Synapse("sensor_on", "n2", weight=5.0, delay_ms=0.0),
        Synapse("sensor_off", "n2", weight=30.0, delay_ms=0.0),
        Synapse("n1", "n2", weight=-3.0, delay_ms=2.2),
    ]
    spikes, _ = compare(spiking(*neurons, synapses=synapses), 3000)
    assert len(times_of(spikes, 2)) == 6  # 20 Hz for 300 ms
    assert not times_of(spikes, 5)
    assert times_of(spikes, 0) and times_of(spikes, 1)


def test_poisson_generator():
    neurons = [
        Neuron("n", drive_mV=10.0),
        Neuron("p", kind="generator", pattern="poisson", rate_hz=400.0, seed=7),
        Neuron("q", kind="generator", pattern="poisson", rate_hz=150.0, seed=8, start_ms=50.0),
    ]
    synapses = [Synapse("p", "n", weight=1.5, delay_ms=0.7), Synapse("q", "n", weight=-1.0)]
    spikes, _ = compare(spiking(*neurons, synapses=synapses), 3000)
    assert len(times_of(spikes, 1)) > 50 and times_of(spikes, 0)
    assert min(times_of(spikes, 2)) >= 500


@pytest.mark.parametrize("refractory_ms", [(0.0, 1.0, 2.0, 2.05, 3.7), (2.5,)],
                         ids=["mixed refractory periods", "one refractory period"])
def test_random_recurrent_network(refractory_ms):
    network = random_network(120, seed=2024, refractory_ms=refractory_ms)
    steps = 2000  # 200 ms
    spikes, _ = compare(network, steps)
    cell_spikes = [s for s in spikes if s[1] < 120]
    rate_hz = len(cell_spikes) / 120 / (steps * 0.1e-3)
    assert 5.0 < rate_hz < 200.0, rate_hz  # a network that really fires, not one that is silent or saturated


def test_regular_sources_fire_as_brian2_simulates_them_from_rate_and_start():
    # rates from silent to faster than one spike per step, starts on and between steps
    rates = [0.0, 7.3, 20.0, 97.0, 333.0, 1234.5, 4321.0, 5000.0]
    starts = [0.0, 0.03, 7.77, 12.345, 150.0]
    sources = [Neuron(f"g{i}_{j}", kind="generator", rate_hz=rate, start_ms=start)
               for i, rate in enumerate(rates) for j, start in enumerate(starts)]
    sources += [Neuron("on", kind="input", value=0.4, rate_hz=150.0, start_ms=2.0),
                Neuron("off", kind="input", value=0.0, rate_hz=150.0)]
    cell = Neuron("n", drive_mV=5.0)
    synapses = [Synapse(source.id, "n", weight=0.1, delay_ms=0.5) for source in sources]
    for dt_ms in (0.1, 0.25, 1.0):
        spikes, _ = compare(spiking(cell, *sources, synapses=synapses, dt_ms=dt_ms), int(round(300 / dt_ms)))
        index = {source.id: 1 + i for i, source in enumerate(sources)}
        assert len(times_of(spikes, index["g2_0"])) == 6  # 20 Hz for 300 ms
        assert not times_of(spikes, index["g0_0"]) and not times_of(spikes, index["off"])
        assert times_of(spikes, index["g4_4"])[0] == round(150.0 / dt_ms)
        if dt_ms >= 0.25:  # 5 kHz is more than one spike per step: they make one spike in each step
            assert times_of(spikes, index["g7_0"]) == list(range(int(round(300 / dt_ms))))


POISSON_ALPHA = 1e-3  # generous: with fixed seeds, a failure means a real difference


@pytest.mark.parametrize(("rate_hz", "dt_ms", "start_ms", "seed"), [
    (400.0, 0.1, 0.0, 1), (50.0, 1.0, 40.0, 2), (1500.0, 0.1, 3.3, 3), (4800.0, 0.05, 0.0, 4)])
def test_poisson_generator_fires_at_its_rate_with_exponential_intervals(rate_hz, dt_ms, start_ms, seed):
    spikes_wanted = 2500
    steps = int(spikes_wanted / (rate_hz * dt_ms * 1e-3)) + int(start_ms / dt_ms)
    network = spiking(Neuron("p", kind="generator", pattern="poisson", rate_hz=rate_hz, start_ms=start_ms,
                             seed=seed), dt_ms=dt_ms)
    _, spikes = SpikingEngine(network).run(steps, record=False)
    steps_of = np.array([k for k, _ in spikes])
    first_step = int(round(start_ms / dt_ms))
    assert steps_of.min() >= first_step
    # the count: binomial, one chance of p = rate·dt in each step from the start on
    p = rate_hz * dt_ms * 1e-3
    chances = steps - first_step
    expected, spread = chances * p, np.sqrt(chances * p * (1 - p))
    assert abs(steps_of.size - expected) < 4 * spread, (steps_of.size, expected)
    # the intervals: exponential with the rate of the per-step chance (→ rate_hz as dt → 0)
    intervals = jittered_intervals(steps_of, seed)
    per_step_rate = -np.log1p(-p)
    statistic, pvalue = ks_exponential(intervals, per_step_rate)
    assert pvalue > POISSON_ALPHA, f"intervals not exponential: D = {statistic:.4f}, p = {pvalue:.2g}"
    # the test has the power to tell: a rate 15 % off, or intervals of a regular train, fail it
    assert ks_exponential(intervals, 1.15 * per_step_rate)[1] < POISSON_ALPHA
    assert ks_exponential(np.full(intervals.size, 1 / per_step_rate), per_step_rate)[1] < POISSON_ALPHA
    # and Brian2's PoissonGroup with the same rate and start makes intervals of the same distribution
    theirs = brian2_poisson_steps(rate_hz, start_ms, dt_ms, steps, seed)
    assert theirs.min() >= first_step
    assert abs(theirs.size - expected) < 4 * spread, (theirs.size, expected)
    statistic, pvalue = ks_two_samples(intervals, jittered_intervals(theirs, seed + 1))
    assert pvalue > POISSON_ALPHA, f"intervals differ from Brian2's: D = {statistic:.4f}, p = {pvalue:.2g}"
