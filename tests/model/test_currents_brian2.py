"""Current synapses, current sources, adaptation and bounds on v: the engine equals Brian2.

The oracle (brian2_oracle.py, CURRENT_MODEL) runs each current synapse as a Brian2 synapse with its
own clock-driven state and a summed variable into the target, the dc and ac generators as a group
whose `shape` the synapses sum, and adaptation as a parameter of the cells' update. Spikes must be
equal and voltages close; the behaviour each feature is for (a decaying or alpha-shaped input,
intervals that grow, a current that follows a sine) is checked beside it, so that a feature that
does nothing in both simulators cannot pass.

Brian2 is a test dependency: without it these tests fail at import, they are not skipped.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

with warnings.catch_warnings():  # Brian2 2.9 uses pyparsing names that pyparsing 3.3 deprecates
    warnings.simplefilter("ignore", DeprecationWarning)
    import brian2  # noqa: F401  (the oracle: a missing Brian2 is an error, not a skip)

from neuron_sim.model.entities import Neuron, Stdp, Synapse
from neuron_sim.model.network import Network
from neuron_sim.model.engines.spiking import SpikingEngine

from .brian2_oracle import checked_against_brian2, random_network

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def compare(network: Network, steps: int) -> tuple[list[tuple[int, int]], np.ndarray]:
    assert SpikingEngine(network).currents is not None  # the network uses what these tests are about
    both = checked_against_brian2(network, steps)
    learned = both.engine.learned_weights()
    assert set(learned) == set(both.oracle.weights)
    for key, weight in learned.items():
        assert weight == pytest.approx(both.oracle.weights[key], abs=1e-9)
    return both.spikes, both.v

def spiking(*neurons: Neuron, synapses=(), dt_ms: float = 0.1) -> Network:
    network = Network(model="spiking", dt_ms=dt_ms)
    network.add_all(neurons, synapses)
    return network


def times_of(spikes, index):
    return [k for k, i in spikes if i == index]


@pytest.mark.parametrize("kind", ["current_exp", "current_alpha"])
def test_current_synapses_from_a_generator(kind):
    neurons = [Neuron("fast", refractory_ms=0.0), Neuron("slow", tau_ms=35.0), Neuron("silent"),
               Neuron("g", kind="generator", rate_hz=40.0, start_ms=1.0)]
    # a spike moves v by about w·τ_syn/τ_m (exp) or e·w·τ_syn/τ_m (alpha), the integral of its current
    synapses = [Synapse("g", "fast", weight=400.0, kind=kind, tau_syn_ms=1.0, delay_ms=0.0),
                Synapse("g", "slow", weight=60.0, kind=kind, tau_syn_ms=8.0, delay_ms=2.35),
                Synapse("g", "silent", weight=3.0, kind=kind, tau_syn_ms=3.0, delay_ms=1.0)]
    for dt_ms in (0.1, 0.25):
        spikes, v = compare(spiking(*neurons, synapses=synapses, dt_ms=dt_ms), int(round(300 / dt_ms)))
        assert times_of(spikes, 0) and times_of(spikes, 1) and not times_of(spikes, 2)
        # the input outlasts the step it arrives in: v keeps rising after the spike's arrival
        arrival = int(round((1.0 + 1.0) / dt_ms))
        assert v[arrival + 4, 2] > v[arrival + 2, 2] > v[arrival - 1, 2]


def test_exponential_and_alpha_inputs_have_their_shapes():
    """A lone spike: the synaptic current the engine integrates is w·e^(−t/τ) (exp) or
    w·(t/τ)·e^(1 − t/τ) (alpha), at the start of each step after the arrival."""
    tau_syn, w, dt_ms = 2.0, 4.0, 0.1
    neurons = [Neuron("e", v_threshold_mV=100.0), Neuron("a", v_threshold_mV=100.0),
               Neuron("g", kind="generator", rate_hz=1.0, start_ms=0.0)]
    synapses = [Synapse("g", "e", weight=w, kind="current_exp", tau_syn_ms=tau_syn, delay_ms=0.0),
                Synapse("g", "a", weight=w, kind="current_alpha", tau_syn_ms=tau_syn, delay_ms=0.0)]
    network = spiking(*neurons, synapses=synapses, dt_ms=dt_ms)
    engine = SpikingEngine(network)
    inputs = []
    for k in range(100):
        inputs.append(engine.currents.input(k))
        engine.step()
    inputs = np.array(inputs)
    t = (np.arange(100) - 1) * dt_ms  # the spike of step 0 is felt from step 1 on
    after = t >= 0
    np.testing.assert_allclose(inputs[after, 0], w * np.exp(-t[after] / tau_syn), rtol=1e-12)
    np.testing.assert_allclose(inputs[after, 1], w * (t[after] / tau_syn) * np.exp(1 - t[after] / tau_syn),
                               rtol=1e-12, atol=1e-14)
    assert inputs[0].tolist() == [0.0, 0.0]
    assert int(np.argmax(inputs[:, 1])) == 1 + round(tau_syn / dt_ms)  # the alpha peaks at w after τ
    assert inputs[:, 1].max() == pytest.approx(w)
    compare(network, 300)


def test_adaptation_makes_interspike_intervals_grow():
    neurons = [Neuron("adapting", drive_mV=25.0, adaptation=0.4, tau_adaptation_ms=150.0, v_reset_mV=-80.0),
               Neuron("plain", drive_mV=25.0, v_reset_mV=-80.0),
               Neuron("strong", drive_mV=40.0, adaptation=3.0, tau_adaptation_ms=20.0, refractory_ms=0.0)]
    spikes, _ = compare(spiking(*neurons), 5000)
    intervals = np.diff(times_of(spikes, 0))
    assert intervals.size >= 5
    assert np.all(np.diff(intervals[:4]) > 0)  # each interval longer than the one before
    assert intervals[-1] > 1.5 * intervals[0]
    plain = np.diff(times_of(spikes, 1))
    assert plain.max() - plain.min() <= 1  # without adaptation the intervals stay the same
    assert times_of(spikes, 2)


def test_dc_and_ac_sources():
    neurons = [Neuron("dc_driven"), Neuron("ac_driven", refractory_ms=0.5), Neuron("both", v_min_mV=-72.0),
               Neuron("dc", kind="generator", pattern="dc"),
               Neuron("ac", kind="generator", pattern="ac", frequency_hz=25.0),
               Neuron("ac_slow", kind="generator", pattern="ac", frequency_hz=3.3, rate_hz=400.0)]
    synapses = [Synapse("dc", "dc_driven", weight=20.0), Synapse("ac", "ac_driven", weight=120.0),
                Synapse("dc", "both", weight=10.0, kind="current_exp", delay_ms=7.0),  # kind and delay do not apply
                Synapse("ac_slow", "both", weight=-12.0)]
    spikes, v = compare(spiking(*neurons, synapses=synapses), 4000)
    assert not times_of(spikes, 3) and not times_of(spikes, 4) and not times_of(spikes, 5)  # no spikes
    # dc: a steady drive of 20 mV, like drive_mV = 20
    driven = SpikingEngine(spiking(Neuron("n", drive_mV=20.0))).run(4000, record=False)[1]
    assert times_of(spikes, 0) == [k for k, _ in driven]
    # ac at 25 Hz: the cell fires in the positive half of each 40 ms cycle only
    phases = (np.array(times_of(spikes, 1)) * 0.1) % 40.0
    assert phases.size >= 8 and np.all(phases < 20.0)
    assert v[:, 2].min() >= -72.0  # the bound holds against the negative half of the slow sine


def test_bounds_on_v():
    neurons = [Neuron("floor", v_min_mV=-80.0), Neuron("ceiling", v_max_mV=-60.0, drive_mV=30.0),
               Neuron("free"), Neuron("g", kind="generator", rate_hz=100.0)]
    synapses = [Synapse("g", "floor", weight=-60.0, kind="current_exp", tau_syn_ms=5.0),
                Synapse("g", "free", weight=-60.0, kind="current_exp", tau_syn_ms=5.0)]
    spikes, v = compare(spiking(*neurons, synapses=synapses), 2000)
    assert v[:, 0].min() == -80.0 and v[:, 2].min() < -90.0
    assert v[:, 1].max() == -60.0 and not times_of(spikes, 1)  # held below its threshold


def test_mixture_with_delta_synapses_delays_stdp_and_sources():
    neurons = [Neuron("a", drive_mV=18.0), Neuron("b", drive_mV=8.0, adaptation=0.2),
               Neuron("c", drive_mV=12.0, tau_ms=12.0, refractory_ms=3.0), Neuron("d", v_max_mV=-50.0),
               Neuron("p", kind="generator", pattern="poisson", rate_hz=300.0, seed=3),
               Neuron("r", kind="generator", rate_hz=60.0, start_ms=2.5),
               Neuron("s", kind="input", value=1.0, rate_hz=90.0),
               Neuron("dc", kind="generator", pattern="dc"),
               Neuron("ac", kind="generator", pattern="ac", frequency_hz=40.0)]
    synapses = [Synapse("a", "b", weight=6.0, delay_ms=1.0),
                Synapse("a", "c", weight=60.0, kind="current_exp", tau_syn_ms=4.0, delay_ms=0.0),
                Synapse("b", "c", weight=-15.0, kind="current_alpha", tau_syn_ms=2.0, delay_ms=3.3),
                Synapse("c", "a", weight=-8.0, kind="current_alpha", tau_syn_ms=5.0, delay_ms=1.25),
                Synapse("c", "d", weight=5.0, delay_ms=0.5, plasticity=Stdp(w_max=8.0)),
                Synapse("p", "d", weight=30.0, kind="current_exp", tau_syn_ms=1.5, delay_ms=0.3),
                Synapse("p", "b", weight=1.0, delay_ms=0.0),
                Synapse("r", "d", weight=6.0, kind="current_alpha", tau_syn_ms=0.7, delay_ms=2.0),
                Synapse("s", "a", weight=2.0, kind="current_exp", tau_syn_ms=10.0),
                Synapse("dc", "b", weight=5.0), Synapse("ac", "d", weight=8.0), Synapse("ac", "c", weight=-3.0)]
    spikes, _ = compare(spiking(*neurons, synapses=synapses), 4000)
    for cell in range(4):
        assert times_of(spikes, cell), f"cell {cell} never fires: the mixture tests nothing there"


def test_random_network_with_current_synapses():
    network = random_network(80, seed=77)
    rng = np.random.default_rng(5)
    for key in list(network.synapses):
        draw = rng.random()
        if draw < 0.6:
            kind = "current_exp" if draw < 0.3 else "current_alpha"
            network.set_synapse_param(key, "kind", kind)
            network.set_synapse_param(key, "tau_syn_ms", float(rng.uniform(0.5, 6.0)))
    for i in range(0, 80, 7):
        network.set_neuron_param(f"c{i}", "adaptation", float(rng.uniform(0.05, 0.5)))
    spikes, _ = compare(network, 1500)
    cell_spikes = [s for s in spikes if s[1] < 80]
    assert len(cell_spikes) > 80
