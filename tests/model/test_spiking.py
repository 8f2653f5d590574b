"""Hand-checkable facts about the spiking engine (no Brian2 needed)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from neuron_sim.model.entities import ModelError, Neuron, Synapse
from neuron_sim.model.network import Network
from neuron_sim.model.engines.spiking import SpikingArrays, SpikingEngine, delay_steps
from neuron_sim.model.engines.spiking.delays import SynapticDelays


def spiking(*neurons: Neuron, synapses=(), dt_ms: float = 0.1) -> Network:
    network = Network(model="spiking", dt_ms=dt_ms)
    network.add_all(neurons, synapses)
    return network


def steps_of(spikes, index: int) -> list[int]:
    return [k for k, i in spikes if i == index]


@pytest.mark.parametrize(("tau_ms", "drive_mV", "refractory_ms"),
                         [(20.0, 20.0, 2.0), (10.0, 30.0, 0.0), (35.0, 16.0, 5.0), (5.0, 100.0, 1.0)])
def test_driven_neuron_fires_with_the_analytic_period(tau_ms, drive_mV, refractory_ms):
    dt = 0.1
    network = spiking(Neuron("n", tau_ms=tau_ms, drive_mV=drive_mV, refractory_ms=refractory_ms))
    _, spikes = SpikingEngine(network).run(20_000)
    # From v_reset = v_rest, v(t) = v_rest + drive·(1 − e^(−t/τ)) reaches the threshold after
    # T = τ·ln(drive / (drive − (v_th − v_rest))). The step that integrates across T reports the
    # spike, so the first spike is at step ⌊T/dt⌋; after it the cell is held for the refractory
    # steps (at least the step of the spike itself: its reset comes after that step's update),
    # then integrates again from v_reset.
    crossing = tau_ms * math.log(drive_mV / (drive_mV - 15.0)) / dt
    assert abs(crossing - round(crossing)) > 1e-3  # keep clear of a tie
    period = math.floor(crossing) + max(round(refractory_ms / dt), 1)
    times = steps_of(spikes, 0)
    assert times[0] == math.floor(crossing)
    assert set(np.diff(times)) == {period}
    assert len(times) == 1 + (20_000 - 1 - times[0]) // period


def test_no_drive_no_spikes_and_v_stays_at_rest():
    network = spiking(Neuron("n", v_rest_mV=-65.0, v_reset_mV=-65.0))
    rows, spikes = SpikingEngine(network).run(5000)
    assert spikes == []
    assert np.allclose(rows[:, 0], -65.0, rtol=0, atol=1e-12)


def test_v_relaxes_to_rest_plus_drive():
    network = spiking(Neuron("n", drive_mV=10.0, tau_ms=10.0))
    rows, spikes = SpikingEngine(network).run(2000)
    assert spikes == []
    assert rows[-1, 0] == pytest.approx(-60.0, abs=1e-6)
    assert rows[99, 0] == pytest.approx(-70.0 + 10.0 * (1 - math.exp(-1.0)), abs=1e-9)  # after 10 ms


def test_poisson_generator_is_reproducible_with_its_seed():
    def spikes_of(seed: int) -> list[tuple[int, int]]:
        network = spiking(Neuron("p", kind="generator", pattern="poisson", rate_hz=50.0, seed=seed))
        return SpikingEngine(network).run(20_000, record=False)[1]

    first, again, other = spikes_of(3), spikes_of(3), spikes_of(4)
    assert first == again
    assert first != other
    assert 60 < len(first) < 140  # 50 Hz for 2 s: 100 expected


def test_poisson_generator_respects_start():
    network = spiking(Neuron("p", kind="generator", pattern="poisson", rate_hz=500.0, start_ms=100.0))
    _, spikes = SpikingEngine(network).run(3000, record=False)
    assert spikes and min(k for k, _ in spikes) >= 1000


def test_regular_generator_20_hz_for_one_second_gives_20_spikes():
    network = spiking(Neuron("g", kind="generator", rate_hz=20.0))
    _, spikes = SpikingEngine(network).run(10_000)
    assert steps_of(spikes, 0) == list(range(0, 10_000, 500))


def test_regular_generator_start_and_zero_rate():
    network = spiking(Neuron("g", kind="generator", rate_hz=100.0, start_ms=5.0),
                      Neuron("silent", kind="generator", rate_hz=0.0))
    rows, spikes = SpikingEngine(network).run(300)
    assert steps_of(spikes, 0) == [50, 150, 250]
    assert steps_of(spikes, 1) == []
    assert rows[50, 0] == 1.0 and rows[51, 0] == 0.0  # sources read 1 in the step they spike


def test_synaptic_input_arrives_after_its_delay():
    network = spiking(Neuron("n"), Neuron("g", kind="generator", rate_hz=1.0),
                      synapses=[Synapse("g", "n", weight=5.0, delay_ms=1.0)])
    rows, _ = SpikingEngine(network).run(20)
    assert np.all(rows[:10, 0] == -70.0)
    assert rows[10, 0] == -65.0  # the jump lands in step 10 (= 1 ms)
    assert rows[11, 0] < -65.0  # and decays from there


def test_delays_round_to_the_nearest_step_halves_up_as_brian2():
    assert delay_steps(np.array([0.0, 0.04, 0.05, 0.25, 0.35, 1.0, 4.05]), 0.1).tolist() == [
        0, 0, 1, 3, 4, 10, 40]  # 4.05 / 0.1 is 40.4999… in floating point


def test_input_during_refractory_period_is_dropped():
    # The cell starts above threshold, fires in step 0 and is refractory for 2 ms (steps 1..19).
    network = spiking(Neuron("n", v_mV=-50.0, refractory_ms=2.0),
                      Neuron("g", kind="generator", rate_hz=1.0, start_ms=0.5),
                      synapses=[Synapse("g", "n", weight=5.0, delay_ms=0.0)])
    rows, spikes = SpikingEngine(network).run(30)
    assert steps_of(spikes, 0) == [0]
    assert np.all(rows[:20, 0] == -70.0)  # v held at v_reset, the 5 mV at step 5 ignored


def test_input_in_the_step_a_cell_spikes_is_dropped():
    network = spiking(Neuron("n", v_mV=-50.0, refractory_ms=0.0),
                      Neuron("g", kind="generator", rate_hz=1.0),
                      synapses=[Synapse("g", "n", weight=5.0, delay_ms=0.0)])
    rows, spikes = SpikingEngine(network).run(2)
    assert steps_of(spikes, 0) == [0]
    assert rows[0, 0] == -70.0


def test_live_weight_edit():
    network = spiking(Neuron("n"), Neuron("g", kind="generator", rate_hz=200.0),
                      synapses=[Synapse("g", "n", weight=0.0, delay_ms=0.0)])
    engine = SpikingEngine(network)
    _, before = engine.run(1000, record=False)
    assert steps_of(before, 0) == []
    assert engine.set_synapse_param(("g", "n"), "weight", 20.0)
    _, after = engine.run(1000, record=False)
    assert len(steps_of(after, 0)) > 10
    assert not engine.set_synapse_param(("g", "n"), "delay_ms", 2.0)  # needs a rebuild
    assert not engine.set_synapse_param(("n", "g"), "weight", 1.0)  # no such synapse


def test_live_neuron_parameter_edit():
    engine = SpikingEngine(spiking(Neuron("n", drive_mV=20.0)))
    _, before = engine.run(2000, record=False)
    assert engine.set_neuron_param("n", "v_threshold_mV", -45.0)  # now out of the drive's reach
    _, after = engine.run(2000, record=False)
    assert before and not after


def test_sensor_input_stops_when_its_value_is_zero():
    network = spiking(Neuron("s", kind="input", value=1.0, rate_hz=100.0))
    engine = SpikingEngine(network)
    _, on = engine.run(1000, record=False)
    assert len(on) == 10
    assert engine.set_neuron_param("s", "value", 0)
    _, off = engine.run(1000, record=False)
    assert off == []
    assert engine.set_neuron_param("s", "value", 2.5)
    _, again = engine.run(1000, record=False)
    assert len(again) == 10


def test_sensor_with_value_zero_is_silent_from_the_start():
    network = spiking(Neuron("s", kind="input", value=0.0, rate_hz=100.0))
    assert SpikingEngine(network).run(1000)[1] == []


def test_run_zero_steps():
    engine = SpikingEngine(spiking(Neuron("n"), Neuron("g", kind="generator")))
    rows, spikes = engine.run(0)
    assert rows.shape == (0, 2) and spikes == []
    assert engine.step_count == 0


def test_negative_steps_are_refused():
    engine = SpikingEngine(spiking(Neuron("n")))
    with pytest.raises(ModelError):
        engine.run(-1)


def test_empty_network_runs():
    rows, spikes = SpikingEngine(Network(model="spiking")).run(10)
    assert rows.shape == (10, 0) and spikes == []


def test_rate_network_is_refused():
    with pytest.raises(ModelError):
        SpikingEngine(Network(model="rate"))


def test_reset_replays_the_same_run_and_step_equals_run():
    network = spiking(Neuron("a", drive_mV=18.0), Neuron("b", drive_mV=12.0),
                      Neuron("p", kind="generator", pattern="poisson", rate_hz=300.0, seed=1),
                      synapses=[Synapse("a", "b", weight=4.0, delay_ms=1.3),
                                Synapse("p", "a", weight=1.0), Synapse("p", "b", weight=2.0)])
    engine = SpikingEngine(network)
    rows, spikes = engine.run(3000)
    engine.reset()
    stepped = []
    for k in range(3000):
        stepped.extend((k, int(i)) for i in engine.step())
        assert engine.v[0] == rows[k, 0] and engine.v[1] == rows[k, 1]
    assert stepped == spikes and len(spikes) > 20
    assert engine.t_ms == pytest.approx(300.0)


def test_ids_put_cells_first():
    network = spiking(Neuron("g", kind="generator"), Neuron("n"), Neuron("s", kind="input"),
                      Neuron("m"))
    engine = SpikingEngine(network)
    assert engine.ids == ["n", "m", "g", "s"] and engine.n_cells == 2
    assert SpikingArrays.from_network(network).ids == engine.ids


def test_refractory_period_edited_while_refractory():
    network = spiking(Neuron("n", v_mV=-50.0, refractory_ms=5.0, drive_mV=10.0))
    engine = SpikingEngine(network)
    rows, spikes = engine.run(10)
    assert spikes == [(0, 0)] and np.all(rows[:, 0] == -70.0)
    assert engine.set_neuron_param("n", "refractory_ms", 1.5)  # now held until step 15
    rows, _ = engine.run(10)
    assert np.all(rows[:5, 0] == -70.0) and rows[5, 0] > -70.0
    engine.reset()
    engine.run(10)
    assert engine.set_neuron_param("n", "refractory_ms", 0.5)  # already over: integrates at once
    rows, _ = engine.run(1)
    assert rows[0, 0] > -70.0


LAYOUTS = {
    "padded": {},
    "ragged": {"PADDING_ALLOWANCE": 0, "PADDING_FACTOR": 0},
    "sparse queue": {"MAX_RING_ENTRIES": 0},
}


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name != "padded"])
def test_synapse_layouts_agree(layout, monkeypatch):
    """Padded tables (the default for regular networks), ragged runs and the sparse queue for long
    delays give the same spikes and (up to the order of additions) the same voltages."""
    from .brian2_oracle import random_network

    network = random_network(60, seed=5)
    reference = SpikingEngine(network)
    assert reference.delays.padded and not reference.delays.sparse
    rows, spikes = reference.run(1500)
    for name, value in LAYOUTS[layout].items():
        monkeypatch.setattr(SynapticDelays, name, value)
    engine = SpikingEngine(network)
    expected = {"ragged": (False, False), "sparse queue": (False, True)}
    assert (engine.delays.padded, engine.delays.sparse) == expected[layout]
    other_rows, other_spikes = engine.run(1500)
    assert other_spikes == spikes and len(spikes) > 100
    assert np.allclose(other_rows, rows, rtol=0, atol=1e-9)
    # live weight edits reach every layout
    for e in (reference, engine):
        e.reset()
        for key in list(network.synapses)[:40]:
            assert e.set_synapse_param(key, "weight", 0.0)
    assert engine.run(1500)[1] == reference.run(1500)[1] != spikes


def test_very_long_delay_goes_to_the_sparse_queue():
    network = spiking(Neuron("n"), Neuron("g", kind="generator", rate_hz=0.1),
                      synapses=[Synapse("g", "n", weight=5.0, delay_ms=9000.0)])
    engine = SpikingEngine(network)  # a ring would need 90,001 slots
    assert engine.delays.sparse
    engine.run(90_000 - 1, record=False)
    rows, _ = engine.run(2)
    assert rows[0, 0] == -70.0 and rows[1, 0] == -65.0  # arrives at step 90,000 (9 s)


def test_cells_with_different_refractory_periods_firing_together():
    network = spiking(Neuron("long", v_mV=-50.0, refractory_ms=5.0, drive_mV=10.0),
                      Neuron("short", v_mV=-50.0, refractory_ms=2.0, drive_mV=10.0),
                      Neuron("none", v_mV=-50.0, refractory_ms=0.0, drive_mV=10.0))
    rows, spikes = SpikingEngine(network).run(60)
    assert spikes == [(0, 0), (0, 1), (0, 2)]
    first_free = [int(np.argmax(rows[:, i] > -70.0)) for i in range(3)]
    assert first_free == [50, 20, 1]  # held in steps 1 … R−1, integrating again from step R


def test_each_cell_resets_to_its_own_v_reset_and_an_edit_spares_held_cells():
    network = spiking(Neuron("a", v_mV=-50.0, v_reset_mV=-75.0, refractory_ms=3.0, drive_mV=30.0),
                      Neuron("b", v_mV=-50.0, v_reset_mV=-65.0, refractory_ms=3.0, drive_mV=30.0))
    engine = SpikingEngine(network)
    rows, _ = engine.run(10)
    assert np.all(rows[:, 0] == -75.0) and np.all(rows[:, 1] == -65.0)
    assert engine.set_neuron_param("a", "v_reset_mV", -60.0)
    rows, spikes = engine.run(300)
    assert np.all(rows[:20, 0] == -75.0)  # held at the value it was reset to, as Brian2 does
    later = steps_of(spikes, 0)[0] - 10
    assert rows[later, 0] == -60.0  # the next reset uses the new value


def test_restore_state_continues_a_refractory_period():
    network = spiking(Neuron("a", v_mV=-50.0, refractory_ms=5.0, drive_mV=20.0),
                      Neuron("b", drive_mV=18.0, v_reset_mV=-72.0))
    old = SpikingEngine(network)
    old.run(300)
    while 0 not in old.step():  # stop 5 steps after a spike of 'a', inside its refractory period
        pass
    old.run(5)
    assert old.refractory_mask().tolist()[0] and old.v[0] == -70.0
    new = SpikingEngine(network)
    new.restore_state({nid: float(old.v[old.index[nid]]) for nid in network.neurons},
                      {nid: int(old.last_spike_step[old.index[nid]]) for nid in network.neurons},
                      old.step_count)
    rows_old, spikes_old = old.run(2000)
    rows_new, spikes_new = new.run(2000)
    assert spikes_new == spikes_old and np.array_equal(rows_new, rows_old)
