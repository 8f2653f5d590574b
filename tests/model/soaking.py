"""Long runs as the player does them: an engine stepped tick by tick, each state recorded in a
bounded TraceRecorder. Shared by tests/model/test_soak.py and tools/soak-report.py."""

from __future__ import annotations

import time
import tracemalloc
import warnings
from dataclasses import dataclass

import numpy as np

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.engines.rate import MAX_ACTIVITY, RateEngine
from neuron_sim.model.recording import TraceRecorder
from neuron_sim.model.engines.spiking import SpikingEngine


def rate_soak_network() -> Network:
    """Synchronous, with loops that diverge (linear, relu), oscillate (step, tanh) and saturate
    (sigmoid), weights up to ±1e6: every kind of long-run behaviour in eight neurons."""
    network = Network(update="synchronous")
    network.add_neuron(Neuron("x", kind="input", value=1.0))
    network.add_neuron(Neuron("big", kind="input", value=-1e6))
    cells = {"lin_a": "linear", "lin_b": "linear", "relu": "relu", "step": "step", "tanh": "tanh",
             "sig": "sigmoid"}
    for nid, activation in cells.items():
        network.add_neuron(Neuron(nid, activation=activation, threshold=0.5 if activation == "step" else 0.0))
    for source, target, weight in [
        ("x", "lin_a", 1.0), ("lin_a", "lin_b", 1.0), ("lin_b", "lin_a", -2.0),  # grows ×√2 per tick
        ("x", "relu", 1.0), ("relu", "relu", 1e6),  # grows ×1e6 per tick
        ("x", "step", 1.0), ("step", "step", -1.0),  # on, off, on, …
        ("tanh", "tanh", -1e6), ("x", "tanh", 1.0),  # flips between ±1
        ("big", "sig", 1e6), ("relu", "sig", -1e6), ("lin_a", "sig", 1e6),  # sums of ±1e106 terms
    ]:
        network.connect(Synapse(source, target, weight=weight))
    return network


def spiking_soak_network() -> Network:
    """Regular and Poisson generators, a sensor, cells with delays, a loop and huge weights."""
    network = Network(model="spiking", dt_ms=0.1)
    network.add_neuron(Neuron("g", kind="generator", rate_hz=100))
    network.add_neuron(Neuron("p", kind="generator", pattern="poisson", rate_hz=500, seed=3))
    network.add_neuron(Neuron("eye", kind="input", value=1.0, rate_hz=40))
    network.add_neuron(Neuron("a"))
    network.add_neuron(Neuron("b", tau_ms=5, refractory_ms=5))
    network.add_neuron(Neuron("c", drive_mV=20))
    network.add_neuron(Neuron("sink", tau_ms=1e5))
    for source, target, weight, delay in [
        ("g", "a", 20, 1), ("p", "b", 8, 0), ("eye", "c", -5, 2), ("a", "b", 20, 3), ("b", "a", 15, 5),
        ("c", "c", 2, 0.1), ("b", "sink", -1e6, 0), ("p", "sink", 1e6, 10),
    ]:
        network.connect(Synapse(source, target, weight=weight, delay_ms=delay))
    return network


@dataclass
class SoakResult:
    steps: int
    seconds: float
    peak_growth_bytes: int | None  # traced peak during the run above the memory at its start
    spikes: int
    largest: float  # largest |value| recorded


def soak(network: Network, steps: int, trace_memory: bool = False, warm_up: int = 1000) -> SoakResult:
    """Step `network` `steps` times after `warm_up` steps, recording every state as the player does,
    under warnings-as-errors and np.errstate(all="raise")."""
    spiking = network.model == "spiking"
    engine = SpikingEngine(network) if spiking else RateEngine(network)
    ids = list(network.neurons)
    recorder = TraceRecorder(ids, unit="ms" if spiking else "tick")
    order = np.array([engine.index[nid] for nid in ids], dtype=np.intp)
    position = np.empty(len(ids), dtype=np.intp)
    position[order] = np.arange(len(ids))
    largest = 0.0
    spikes = 0

    def run(count: int) -> None:
        nonlocal largest, spikes
        for _ in range(count):
            if spiking:
                spiked = engine.step()
                values = engine.v[order]
                recorder.append(engine.t_ms, values, position[spiked] if spiked.size else None)
                spikes += spiked.size
            else:
                values = engine.step()[order]
                recorder.append(float(engine.tick), values)
            # max of |values| without allocating: the min and max
            largest = max(largest, -float(values.min()), float(values.max()))

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            run(warm_up)
            growth = None
            if trace_memory:
                tracemalloc.start()
                tracemalloc.reset_peak()
                baseline = tracemalloc.get_traced_memory()[0]
            start = time.perf_counter()
            run(steps)
            seconds = time.perf_counter() - start
            if trace_memory:
                growth = tracemalloc.get_traced_memory()[1] - baseline
                tracemalloc.stop()
    assert np.all(np.isfinite(recorder.values()))
    if not spiking:
        assert largest <= MAX_ACTIVITY
    return SoakResult(steps, seconds, growth, spikes, largest)
