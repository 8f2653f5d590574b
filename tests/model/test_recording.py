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
