"""STDP synapses: the spiking engine's spikes, voltages and final weights equal Brian2's.

The oracle (brian2_oracle.py) runs each plastic synapse as Brian2's standard pair-based STDP
model with event-driven traces; the engine has its own implementation (plasticity.py). The
networks have delays (0 included), both signs of A_pre and A_post, and bounds the weights reach.
"""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("brian2")

from neuron_sim.model.entities import Neuron, Stdp, Synapse  # noqa: E402
from neuron_sim.model.network import Network  # noqa: E402
from neuron_sim.model.engines.spiking import SpikingEngine  # noqa: E402

from .brian2_oracle import checked_against_brian2, random_network  # noqa: E402

ATOL = 1e-9

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def compare(network: Network, steps: int):
    """Run both; assert equal spikes, close voltages and close final weights; return ours."""
    both = checked_against_brian2(network, steps)
    weights = both.engine.learned_weights()
    assert set(weights) == set(both.oracle.weights) == {k for k, s in network.synapses.items() if s.plasticity}
    for key, w in weights.items():
        assert w == pytest.approx(both.oracle.weights[key], abs=ATOL), key
    return both.spikes, weights

def make_plastic(network: Network, seed: int, fraction: float = 0.6) -> None:
    """A random STDP rule on `fraction` of the synapses: either sign of A_pre and A_post, bounds
    near the weight so that some weights reach them."""
    rng = np.random.default_rng(seed)
    for key, synapse in list(network.synapses.items()):
        if rng.random() >= fraction:
            continue
        w = synapse.weight
        low, high = (w - rng.uniform(0.2, 2.0), w + rng.uniform(0.2, 2.0))
        rule = Stdp(A_pre=float(rng.choice([-1, 1]) * rng.uniform(0.05, 0.8)),
                    A_post=float(rng.choice([-1, 1]) * rng.uniform(0.05, 0.8)),
                    tau_pre_ms=float(rng.uniform(3.0, 40.0)), tau_post_ms=float(rng.uniform(3.0, 40.0)),
                    w_min=float(low), w_max=float(high))
        network.set_synapse_param(key, "plasticity", rule)


@pytest.mark.parametrize("seed", [7, 2026])
def test_random_recurrent_network_with_stdp(seed):
    network = random_network(60, seed=seed, p=0.15)
    make_plastic(network, seed)
    spikes, weights = compare(network, 2000)
    rules = {key: network.synapses[key].plasticity for key in weights}
    initial = {key: network.synapses[key].weight for key in weights}
    at_bound = [key for key, w in weights.items() if w in (rules[key].w_min, rules[key].w_max)]
    moved = [key for key, w in weights.items() if w != initial[key]]
    inside = [key for key, w in weights.items() if rules[key].w_min < w < rules[key].w_max and w != initial[key]]
    assert at_bound and inside and len(moved) > len(weights) // 2  # clipping and learning both happen
    # learning changes what the network does: the same network with frozen weights spikes otherwise
    frozen = network.copy()
    for key in weights:
        frozen.set_synapse_param(key, "plasticity", None)
    assert sorted(SpikingEngine(frozen).run(2000, record=False)[1]) != spikes


def test_pairing_potentiates_and_depresses_with_delays_and_both_signs():
    """Generators drive cells at fixed times; each synapse sees pre-before-post or post-before-pre
    pairs, with delays of 0 (arrival in the step the cell fires), whole and rounded steps."""
    neurons = [Neuron("g", kind="generator", rate_hz=40.0),
               Neuron("h", kind="generator", rate_hz=40.0, start_ms=4.0)]
    neurons += [Neuron(f"c{i}", drive_mV=5.0, refractory_ms=1.0) for i in range(6)]
    synapses = [Synapse("h", f"c{i}", weight=20.0, delay_ms=0.0) for i in range(6)]
    delays = [0.0, 0.25, 2.0, 3.95, 4.0, 6.0]  # around the 4 ms from g to the cells' spikes
    signs = [(1, -1), (-1, 1), (1, 1), (-1, -1), (1, -1), (1, -1)]
    for i, (delay, (sign_pre, sign_post)) in enumerate(zip(delays, signs)):
        synapses.append(Synapse("g", f"c{i}", weight=3.0, delay_ms=delay,
                                plasticity=Stdp(A_pre=0.3 * sign_pre, A_post=0.35 * sign_post,
                                                tau_pre_ms=8.0, tau_post_ms=12.0, w_min=0.5, w_max=6.0)))
    synapses.append(Synapse("c0", "c1", weight=1.0, delay_ms=0.0,
                            plasticity=Stdp(A_pre=-0.2, A_post=0.1, w_min=-2.0, w_max=2.0)))
    network = Network(model="spiking")
    network.add_all(neurons, synapses)
    _, weights = compare(network, 4000)
    assert len({round(w, 6) for w in weights.values()}) > 4  # the timings give different weights
    assert any(w in (0.5, 6.0) for w in weights.values())


@pytest.mark.parametrize("dt_ms", [0.05, 0.25])
def test_other_time_steps(dt_ms):
    network = random_network(30, seed=11, p=0.2)
    network.set_param("dt_ms", dt_ms)
    make_plastic(network, 11, fraction=1.0)
    compare(network, int(round(150 / dt_ms)))
