"""The spiking engine equals Brian2 (numpy target) spike for spike, and its voltages agree.

Each Brian2 run costs ~0.2-1 s, so the networks are small except the recurrent one.
The sources' spike trains are our own definition (see brian2_oracle.py); everything downstream of
them — integration, threshold, reset, refractoriness, delayed delivery — is compared.
"""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("brian2")

from neuron_sim.model.entities import Neuron, Synapse  # noqa: E402
from neuron_sim.model.network import Network  # noqa: E402
from neuron_sim.model.engines.spiking import SpikingEngine  # noqa: E402

from .brian2_oracle import random_network, run_brian2  # noqa: E402

ATOL_MV = 1e-9

# Brian2 2.9 uses pyparsing names that pyparsing 3.3 deprecates: not ours to fix
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def compare(network: Network, steps: int) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Run both simulators; assert equal spikes and close voltages; return ours."""
    engine = SpikingEngine(network)
    rows, spikes = engine.run(steps)
    oracle = run_brian2(network, steps)
    assert engine.ids == oracle.ids
    ours = sorted(spikes)
    if ours != oracle.spikes:
        only_ours = sorted(set(ours) - set(oracle.spikes))[:10]
        only_brian = sorted(set(oracle.spikes) - set(ours))[:10]
        pytest.fail(f"spikes differ: only ours {only_ours}, only Brian2 {only_brian} (first 10)")
    v = rows[:, :engine.n_cells]
    difference = np.abs(v - oracle.v).max(initial=0.0)
    assert np.allclose(v, oracle.v, rtol=0, atol=ATOL_MV), f"voltages differ by up to {difference} mV"
    return ours, v


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
