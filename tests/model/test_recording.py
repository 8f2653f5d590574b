"""The bounded trace recorder keeps the newest samples in order and stays the same size."""

import numpy as np

from neuron_sim.model.recording import TraceRecorder


def test_ring_keeps_newest_samples_in_order():
    rec = TraceRecorder(["a", "b"], capacity=5, unit="ms")
    for t in range(12):
        rec.append(float(t), np.array([t, -t]), np.array([0]) if t % 4 == 0 else None)
    assert rec.times().tolist() == [7, 8, 9, 10, 11]
    assert rec.values("b").tolist() == [-7, -8, -9, -10, -11]
    assert rec.values().shape == (5, 2)
    assert rec.spike_times("a").tolist() == [0, 4, 8]
    assert rec.firing_rates_hz()["a"] == 1 / (4 / 1000)  # one spike (at 8) in 7..11 ms
    assert rec.to_csv(["b"]).splitlines()[:2] == ["time_ms,b", "7.0,-7.0"]


def test_memory_is_bounded_over_a_long_run():
    rec = TraceRecorder(["a"], capacity=100)
    before = rec._values.nbytes
    for t in range(10_000):
        rec.append(float(t), np.array([t]))
    assert rec._values.nbytes == before and len(rec) == 100


# ---- the window the memory setting allows --------------------------------------------------------
import pytest  # noqa: E402

from neuron_sim.model import recording  # noqa: E402
from neuron_sim.model.entities import Neuron, Synapse  # noqa: E402
from neuron_sim.model.network import Network  # noqa: E402
from neuron_sim.model.player import Player  # noqa: E402
from neuron_sim.model.recording import MAX_SPIKES, capacity_for  # noqa: E402


@pytest.mark.parametrize("neurons", [1, 10, 1_000, 10_000, 100_000, 1_000_000])
@pytest.mark.parametrize("budget", [1 << 20, recording.DEFAULT_MEMORY_BYTES, 1 << 30])
def test_the_samples_stay_within_the_memory_allowed(neurons, budget):
    capacity = capacity_for(neurons, budget)
    assert recording.MIN_CAPACITY <= capacity <= recording.DEFAULT_CAPACITY
    table = capacity * neurons * 8
    assert table <= budget or capacity == recording.MIN_CAPACITY
    if capacity < recording.DEFAULT_CAPACITY and capacity > recording.MIN_CAPACITY:
        assert (capacity + 1) * neurons * 8 > budget  # as many as fit, not fewer


def test_what_falls_out_of_the_window_is_counted():
    rng = np.random.default_rng(4)
    rec = TraceRecorder(["a", "b", "c"], capacity=7, unit="ms")
    appended, spikes = [], []
    for t in range(40):
        values = rng.normal(size=3)
        spiking = np.flatnonzero(rng.random(3) < 0.5)
        rec.append(float(t), values, spiking)
        appended.append(values)
        spikes += [(float(t), int(i)) for i in spiking]
        assert rec.samples_dropped == max(t + 1 - 7, 0)
        assert np.array_equal(rec.values(), np.array(appended[-7:]))
        times, ids = rec.spikes()
        assert list(zip(times.tolist(), ids.tolist())) == spikes[-MAX_SPIKES:]
    assert np.array_equal(rec.values(start=2, stop=5), np.array(appended[-5:-2]))


def test_many_spikes_at_once_wrap_around_the_spike_ring():
    rec = TraceRecorder([f"n{i}" for i in range(10)], capacity=4, unit="ms")
    listed = []
    rng = np.random.default_rng(1)
    for t in range(9):
        spiking = rng.integers(0, 10, int(rng.integers(MAX_SPIKES // 3, MAX_SPIKES // 2)))
        rec.append(float(t), np.zeros(10), spiking)
        listed += [(float(t), int(i)) for i in spiking]
    times, ids = rec.spikes()
    assert list(zip(times.tolist(), ids.tolist())) == listed[-MAX_SPIKES:]
    assert rec.spikes_dropped == len(listed) - MAX_SPIKES


def test_a_recording_carried_to_other_neurons_keeps_their_samples_and_what_was_dropped():
    old = TraceRecorder(["a", "b", "c"], capacity=6, unit="ms")
    for t in range(10):
        old.append(float(t), np.array([t, 10 + t, 20 + t]), np.array([0, 2]) if t % 3 == 0 else None)
    new = TraceRecorder(["c", "d", "a"], capacity=3, unit="ms")
    new.carry(old)
    assert new.times().tolist() == [7.0, 8.0, 9.0]
    assert new.values().tolist() == [[27, 0, 7], [28, 0, 8], [29, 0, 9]]
    assert new.samples_dropped == 4 + 3  # 4 before, 3 that do not fit here
    # spikes have a ring of their own: all of them are still there, a's and c's
    assert list(zip(*(a.tolist() for a in new.spikes()))) == [(t, i) for t in (0.0, 3.0, 6.0, 9.0) for i in (2, 0)]
    new.append(10.0, np.array([30, 1, 10]))
    assert new.values("a").tolist() == [8, 9, 10] and new.samples_dropped == 8


def chain(neurons: int) -> Network:
    network = Network(model="spiking")
    network.add_all([Neuron(f"n{i}", drive_mV=16.0 + i % 3) for i in range(neurons)],
                    [Synapse(f"n{i}", f"n{i + 1}", weight=2.0) for i in range(neurons - 1)])
    return network


def test_the_player_keeps_the_window_the_setting_allows_and_says_what_it_dropped():
    neurons = 50
    budget = 100 * neurons * 8  # 100 samples of every neuron
    player = Player(chain(neurons), recording_bytes=budget)
    assert player.recorder.capacity == 100 and player.recorder.memory_bytes <= budget + 100 * 8
    for _ in range(250):
        player.step()
    recorder = player.recorder
    assert len(recorder) == 100 and recorder.samples_dropped == 150
    assert recorder.times()[0] == pytest.approx(150 * player.network.dt_ms)
    last = recorder.values()[-40:].copy()
    player.set_recording_bytes(40 * neurons * 8)  # a smaller window: the newest samples stay
    assert player.recorder.capacity == 40 and np.array_equal(player.recorder.values(), last)
    assert player.recorder.samples_dropped == 210
    player.network.add_neuron(Neuron("extra"))  # a rebuild carries the recording, and the count
    assert player.recorder.capacity == 39  # one neuron more in the same memory
    assert np.array_equal(player.recorder.values()[:, :neurons], last[1:])
    assert player.recorder.samples_dropped == 211
    player.reset()
    assert len(player.recorder) == 0 and player.recorder.samples_dropped == 0


def test_rates_count_only_the_span_whose_spikes_are_all_kept():
    """50 neurons firing at every 1-ms sample for a second make 50,000 spikes: more than the
    recording keeps. Each fires at 1,000 Hz; the rate over the kept spikes says so, where a rate
    over all the kept samples (from 0 ms) would say 400 Hz."""
    ids = [f"n{i}" for i in range(50)]
    rec = TraceRecorder(ids, capacity=4000, unit="ms")
    everyone = np.arange(50)
    for t in range(1000):
        rec.append(float(t), np.zeros(50), everyone)
    assert rec.spikes_dropped == 50_000 - MAX_SPIKES
    assert rec.times()[0] == 0.0  # every sample is still there
    start, end = rec.spike_window()
    assert (start, end) == (1000 - MAX_SPIKES // 50, 999.0)
    assert all(rate == pytest.approx(1000.0) for rate in rec.firing_rates_hz().values())
