"""An engine that continues from another's state spikes exactly as an uninterrupted run.

Oracle: one engine run for K + N steps without a break. A second engine, built from a copy of
the network and set to the first one's state after K steps (`continue_from`), must produce the
same spikes and bitwise the same potentials in the remaining N steps.
"""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model.entities import Neuron, Synapse
from neuron_sim.model.fileformat import from_dict, to_dict
from neuron_sim.model.network import Network
from neuron_sim.model.engines.spiking import SpikingEngine


def chain(delay_ms: float = 3.0) -> Network:
    """Two generators (regular and Poisson) drive a cell that relays to a second one; every
    synapse is slow, so that input is always in flight, and the cells have refractory periods."""
    network = Network(model="spiking", dt_ms=0.1)
    network.add_all(
        [Neuron("g", kind="generator", rate_hz=140.0, start_ms=0.3),
         Neuron("p", kind="generator", pattern="poisson", rate_hz=300.0, seed=7),
         Neuron("a", refractory_ms=2.0, tau_ms=12.0),
         Neuron("b", refractory_ms=3.5, v_reset_mV=-72.0)],
        [Synapse("g", "a", weight=9.0, delay_ms=delay_ms), Synapse("p", "a", weight=4.0, delay_ms=delay_ms / 2),
         Synapse("a", "b", weight=16.0, delay_ms=delay_ms)])
    return network


def copy_of(network: Network) -> Network:
    return from_dict(to_dict(network))


def spikes_after(spikes: list[tuple[int, int]], start: int) -> list[tuple[int, int]]:
    return [(k, i) for k, i in spikes if k >= start]


@pytest.mark.parametrize("delay_ms", [3.0, 600.0])  # a ring buffer; a sparse queue (> 4096 steps)
def test_a_continued_engine_spikes_as_the_uninterrupted_run(delay_ms):
    network = chain(delay_ms)
    before, after = 137, 3 * round(delay_ms / 0.1) + 500
    straight = SpikingEngine(network)
    rows, spikes = straight.run(before + after)

    first = SpikingEngine(network)
    first.run(before)
    second = SpikingEngine(copy_of(network))
    second.continue_from(first)
    assert second.delays.sparse == (delay_ms > 400)
    later_rows, later_spikes = second.run(after)

    assert [(k, i) for k, i in later_spikes] == spikes_after(spikes, before)
    assert np.array_equal(later_rows, rows[before:])
    cell_b = straight.index["b"]
    assert any(i == cell_b for _, i in later_spikes)  # the relay did relay: input arrived after the copy


def test_restoring_only_the_potentials_would_lose_the_input_in_flight():
    """Why `continue_from` exists: `restore_state` (potentials and last spikes only) starts the
    synapses empty. (After an edit, `carry_over` carries them: test_spiking_edits.py.)"""
    network = chain()
    rows, _ = SpikingEngine(network).run(800)
    first = SpikingEngine(network)
    first.run(137)
    restored = SpikingEngine(copy_of(network))
    restored.restore_state({nid: float(first.v[first.index[nid]]) for nid in first.ids},
                           {nid: int(first.last_spike_step[first.index[nid]]) for nid in first.ids},
                           first.step_count)
    restored_rows, _ = restored.run(800 - 137)
    assert np.array_equal(restored_rows[0], rows[137])  # the same state, then the input goes missing
    assert not np.array_equal(restored_rows, rows[137:])


def test_the_engine_copied_from_does_not_move():
    network = chain()
    straight = SpikingEngine(network)
    _, spikes = straight.run(600)
    first = SpikingEngine(network)
    first.run(200)
    v, step = first.v.copy(), first.step_count
    SpikingEngine(copy_of(network)).continue_from(first)
    SpikingEngine(copy_of(network)).continue_from(first)
    assert first.step_count == step and np.array_equal(first.v, v)
    _, rest = first.run(400)  # its Poisson generator was copied, not drawn from
    assert rest == spikes_after(spikes, 200)


def test_an_engine_of_another_network_is_refused():
    first = SpikingEngine(chain(3.0))
    with pytest.raises(ValueError, match="same network"):
        SpikingEngine(chain(4.0)).continue_from(first)
    other = chain()
    other.remove_neuron("p")
    with pytest.raises(ValueError, match="same network"):
        SpikingEngine(other).continue_from(first)
