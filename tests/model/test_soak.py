"""Long runs: a million synchronous rate ticks stay finite and exact, memory stays flat.

tools/soak-report.py runs the full-length soaks of both engines (10^6 rate ticks, 10^6 spiking
steps, with traced memory) and prints the figures recorded in docs/reliability.md. Here CI runs
the million-tick rate soak plainly and the memory checks on shorter runs: a leak of even a few
bytes per step would show as tens of kilobytes over 20,000 steps.
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from neuron_sim.model.engines.rate import MAX_ACTIVITY, RateEngine

from .soaking import rate_soak_network, soak, spiking_soak_network

MILLION = 1_000_000


def reference_ticks(ticks: int) -> list[dict[str, float]]:
    """rate_soak_network by hand, in plain Python floats: a = clip(f(Σ w·a − θ)) from the previous tick."""
    functions = {"linear": lambda v: v, "relu": lambda v: max(v, 0.0), "step": lambda v: 1.0 if v >= 0 else 0.0,
                 "tanh": math.tanh, "sigmoid": lambda v: 1 / (1 + math.exp(-v)) if v > -700 else 0.0}
    network = rate_soak_network()
    state = {nid: (n.value if n.kind == "input" else 0.0) for nid, n in network.neurons.items()}
    history = []
    for _ in range(ticks):
        new = dict(state)
        for nid, neuron in network.neurons.items():
            if neuron.kind == "neuron":
                total = sum(s.weight * state[s.source] for s in network.incoming(nid)) - neuron.threshold
                new[nid] = min(max(functions[neuron.activation](total), -MAX_ACTIVITY), MAX_ACTIVITY)
        state = new
        history.append(state)
    return history


def test_a_million_synchronous_ticks_stay_finite_and_match_a_short_run():
    network = rate_soak_network()
    engine = RateEngine(network)
    ids = engine.ids
    expected = reference_ticks(1000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):  # an overflow or NaN anywhere raises at the tick it happens
            for tick in range(1, 1001):
                activity = engine.step()
                for i, nid in enumerate(ids):
                    assert activity[i] == expected[tick - 1][nid] or math.isclose(
                        activity[i], expected[tick - 1][nid], rel_tol=1e-12, abs_tol=1e-300), (tick, nid)
            at_1000 = activity.copy()
            step = engine.step
            for _ in range(MILLION - 1000):
                step()
    assert engine.tick == MILLION
    assert np.all(np.isfinite(activity)) and np.abs(activity).max() == MAX_ACTIVITY
    # After the first few hundred ticks every loop has levelled off or settled into a cycle of
    # 2 or 4 ticks: tick 1,000,000 is in the same phase as tick 1,000.
    assert activity.tolist() == at_1000.tolist()
    assert set(activity.tolist()) <= {1.0, -1e6, MAX_ACTIVITY, -MAX_ACTIVITY, 0.0, -1.0, activity[ids.index("sig")]}


def test_rate_memory_is_flat_over_a_long_run():
    short = soak(rate_soak_network(), 2_000, trace_memory=True)
    long = soak(rate_soak_network(), 20_000, trace_memory=True)
    # The peak is the temporaries of one tick, whatever the length of the run.
    assert long.peak_growth_bytes < 64 * 1024
    assert long.peak_growth_bytes - short.peak_growth_bytes < 4 * 1024, (short, long)


def test_spiking_soak_stays_finite_and_memory_is_flat():
    network = spiking_soak_network()
    plain = soak(network, 100_000)
    assert plain.spikes > 5_000 and np.isfinite(plain.largest) and plain.largest < 1e7
    short = soak(network, 2_000, trace_memory=True)
    long = soak(network, 20_000, trace_memory=True)
    assert long.peak_growth_bytes < 256 * 1024
    assert long.peak_growth_bytes - short.peak_growth_bytes < 8 * 1024, (short, long)
