"""Spike sources: a regular generator fires at start + n·period rounded to the step, however fast."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_sim.model import Network, Neuron
from neuron_sim.model.engines.spiking import SpikingEngine


def scheduled_steps(start_ms: float, rate_hz: float, dt_ms: float, steps: int) -> list[int]:
    """The steps that hold at least one scheduled spike, listed one spike at a time."""
    period = 1000.0 / rate_hz
    found, n = set(), 0
    while True:
        step = int(np.round((start_ms + n * period) / dt_ms))
        if step >= steps:
            return sorted(found)
        found.add(step)
        n += 1


@settings(max_examples=25, derandomize=True, deadline=None, database=None)
@given(rate_hz=st.sampled_from([0.5, 7.0, 20.0, 333.0, 1000.0, 4999.0, 5000.0]),
       start_ms=st.sampled_from([0.0, 0.25, 3.0, 17.3]),
       dt_ms=st.sampled_from([0.001, 0.1, 0.7, 10.0]))
def test_regular_generator_fires_in_every_step_that_holds_a_scheduled_spike(rate_hz, start_ms, dt_ms):
    steps = 2000
    network = Network(model="spiking", dt_ms=dt_ms)
    network.add_neuron(Neuron("g", kind="generator", rate_hz=rate_hz, start_ms=start_ms))
    _, spikes = SpikingEngine(network).run(steps, record=False)
    assert [k for k, _ in spikes] == scheduled_steps(start_ms, rate_hz, dt_ms, steps)


def test_a_generator_faster_than_the_time_step_fires_every_step():
    """5 kHz at dt = 10 ms: 50 spikes due per step collapse into one spike per step."""
    network = Network(model="spiking", dt_ms=10.0)
    network.add_neuron(Neuron("g", kind="generator", rate_hz=5000))
    _, spikes = SpikingEngine(network).run(20_000, record=False)
    assert [k for k, _ in spikes] == list(range(20_000))
