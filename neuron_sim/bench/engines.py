"""The engines' figures for `neuron-sim bench`: the rate engine against numpy dense matrices, the
spiking engine against Brian2 on the same network (spikes and rates must match; times compared).

Registered by name in bench.py, which holds the timing helpers and the runner.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from functools import partial

import numpy as np

from neuron_sim.bench.core import Record, interleaved, per_call, record, steps_for, timed

# ---- rate networks ---------------------------------------------------------------------------
RATE_SIZES = (10, 100, 1_000, 10_000)
RATE_QUICK_SIZES = (10, 100)
RATE_FAN_IN = 100


def rate_layers(n: int) -> list[int]:
    """Layer widths of the benchmark's feedforward net: 3 layers up to 100 neurons, else 10."""
    depth = 3 if n <= 100 else 10
    return [len(part) for part in np.array_split(np.arange(n), depth)]


def rate_network(n: int, seed: int = 1):
    """A layered feedforward rate Network (sigmoid units, ≤ 100 random inputs from the layer
    before) and the same network as dense matrices: (network, [(W, θ), ...], input values)."""
    from neuron_sim.model.entities import Neuron, Synapse
    from neuron_sim.model.network import Network

    rng = np.random.default_rng(seed)
    network = Network(name=f"bench rate {n}", model="rate", update="feedforward")
    widths = rate_layers(n)
    layers: list[list[str]] = []
    count = 0
    inputs = rng.uniform(0.0, 1.0, widths[0])
    for depth, width in enumerate(widths):
        ids = [f"n{count + i}" for i in range(width)]
        count += width
        layers.append(ids)
        thresholds = rng.normal(0.0, 0.5, width)
        for i, nid in enumerate(ids):
            if depth == 0:
                network.add_neuron(Neuron(nid, kind="input", value=float(inputs[i])))
            else:
                network.add_neuron(Neuron(nid, activation="sigmoid", threshold=float(thresholds[i])))
    dense = []
    for before, after in zip(layers, layers[1:]):
        fan_in = min(RATE_FAN_IN, len(before))
        matrix = np.zeros((len(after), len(before)))
        for row, target in enumerate(after):
            sources = rng.choice(len(before), fan_in, replace=False)
            weights = rng.normal(0.0, 1.0 / math.sqrt(fan_in), fan_in)
            matrix[row, sources] = weights
            for s, w in zip(sources.tolist(), weights.tolist()):
                network.connect(Synapse(before[s], target, weight=w))
        theta = np.array([network.neurons[t].threshold for t in after])
        dense.append((matrix, theta))
    return network, dense, inputs


def rate_benchmarks(quick: bool = False) -> Iterator[Record]:
    """µs per feedforward pass: the rate engine vs numpy dense `f(W.dot(a) − θ)` layer by layer."""
    from neuron_sim.model.activations import ACTIVATIONS
    from neuron_sim.model.engines.rate import RateEngine

    sigmoid = ACTIVATIONS["sigmoid"]
    repeats, seconds = (3, 0.03) if quick else (7, 0.2)
    for n in RATE_QUICK_SIZES if quick else RATE_SIZES:
        network, dense, inputs = rate_network(n)
        engine = RateEngine(network)

        def dense_pass(dense=dense, inputs=inputs):
            a = inputs
            for matrix, theta in dense:
                a = sigmoid(matrix.dot(a) - theta)
            return a

        # the two compute the same activities (a check that the baseline is the same network)
        last = [engine.index[nid] for nid in list(network.neurons)[-len(dense[-1][1]):]]
        if not np.allclose(engine.step()[last], dense_pass(), atol=1e-9):
            raise AssertionError("the dense baseline does not compute the same network")
        engine_steps = steps_for(engine.step, seconds)
        dense_steps = steps_for(dense_pass, seconds)
        medians = interleaved({
            "engine": partial(per_call, engine.step, engine_steps),
            "dense": partial(per_call, dense_pass, dense_steps),
        }, repeats)
        yield record(f"rate feedforward pass, N={n:,}", medians["engine"] * 1e6, "us",
                     medians["dense"] * 1e6, "numpy dense f(W.dot(a) - theta), same network")


# ---- spiking networks ------------------------------------------------------------------------
SPIKING_SIZES = (10, 100, 1_000, 10_000)
SPIKING_QUICK_SIZES = (10, 100)
SPIKING_FAN_OUT = 100
WARMUP_MS = 200.0


def spiking_arrays(n: int, seed: int = 1, dt_ms: float = 0.1):
    """A random recurrent LIF network as arrays (no Python objects per synapse, so 10⁶ are cheap).

    min(100, n − 1) outgoing synapses per cell to random other cells (repeats allowed), 80 %
    excitatory (+0.2 mV), 20 % inhibitory (−0.8 mV, so the recurrence is balanced on average),
    delays 0.5–3 ms; τ = 20 ms, threshold 15 mV above rest, 2 ms refractory, a constant drive
    of 15.5–17 mV. It fires at about 20 Hz.
    """
    from neuron_sim.model.engines.spiking import SpikingArrays

    rng = np.random.default_rng(seed)
    fan_out = min(SPIKING_FAN_OUT, n - 1)
    source = np.repeat(np.arange(n, dtype=np.intp), fan_out)
    target = (source + 1 + rng.integers(0, n - 1, source.size)) % n  # never the cell itself
    inhibitory = rng.random(n) < 0.2
    weight = np.where(inhibitory[source], -0.8, 0.2)

    def full(value: float) -> np.ndarray:
        return np.full(n, value)

    empty = np.zeros(0)
    return SpikingArrays(
        ids=[f"c{i}" for i in range(n)], n_cells=n, dt_ms=dt_ms,
        tau_ms=full(20.0), v_rest=full(-70.0), v_reset=full(-70.0), v_threshold=full(-55.0),
        refractory_ms=full(2.0), drive=rng.uniform(15.5, 17.0, n),
        v_initial=rng.uniform(-70.0, -55.0, n),
        source_poisson=np.zeros(0, dtype=bool), source_rate_hz=empty, source_start_ms=empty,
        source_seed=np.zeros(0, dtype=np.int64), source_on=np.zeros(0, dtype=bool),
        syn_source=source, syn_target=target.astype(np.intp), syn_weight=weight,
        syn_delay_ms=rng.uniform(0.5, 3.0, source.size), syn_keys=[])


def brian2_network(arrays, target: str):
    """The same cells and synapses (no sources) in Brian2; returns (network, spike monitor).

    Written as a Brian2 user would for speed: a parameter that all cells share is a constant of
    the group's namespace, so Brian2 computes exp(−dt/τ) once per step rather than once per cell.
    """
    import brian2 as b2

    b2.prefs.codegen.target = target
    nc = arrays.n_cells
    dt = arrays.dt_ms * b2.ms
    parameters = {  # name: (values, unit)
        "v_rest": (arrays.v_rest, 1), "v_reset": (arrays.v_reset, 1),
        "v_threshold": (arrays.v_threshold, 1), "drive": (arrays.drive, 1),
        "tau": (arrays.tau_ms * 1e-3, b2.second), "ref": (arrays.refractory_ms * 1e-3, b2.second)}
    shared = {name: values[0] * unit for name, (values, unit) in parameters.items()
              if nc and np.all(values == values[0])}
    model = "dv/dt = (v_rest - v + drive) / tau : 1 (unless refractory)\n" + "".join(
        f"{name} : {'second' if unit is b2.second else '1'} (constant)\n"
        for name, (_, unit) in parameters.items() if name not in shared)
    cells = b2.NeuronGroup(nc, model, threshold="v >= v_threshold", reset="v = v_reset",
                           refractory="ref", method="exact", dt=dt, namespace=shared)
    for name, (values, unit) in parameters.items():
        if name not in shared:
            setattr(cells, name, values * unit)
    cells.v = arrays.v_initial
    synapses = b2.Synapses(cells, cells, "w : 1", on_pre="v_post += w", dt=dt)
    synapses.connect(i=arrays.syn_source, j=arrays.syn_target)
    synapses.w = arrays.syn_weight
    synapses.delay = arrays.syn_delay_ms * b2.ms
    monitor = b2.SpikeMonitor(cells)
    return b2.Network(cells, synapses, monitor), monitor


class _Brian2:
    """Brian2 as the spiking baseline: cython if it compiles here, else numpy (and labelled so)."""

    def __init__(self, quick: bool):
        self.target: str | None = None
        self.label = ""
        self.error = ""
        if quick:
            self.error = "not measured with --quick"
            return
        try:
            import brian2 as b2
        except Exception as error:  # noqa: BLE001 - any import failure means: no baseline
            self.error = f"Brian2 not importable ({type(error).__name__})"
            return
        b2.BrianLogger.log_level_error()
        self.version = b2.__version__
        for target in ("cython", "numpy"):
            try:
                # the first cython build takes ~30 s (then it is cached): done here, outside timings
                net, _ = brian2_network(spiking_arrays(10, seed=99), target)
                net.run(1 * b2.ms, namespace={})
            except Exception as error:  # noqa: BLE001
                self.error = f"Brian2 {target} failed: {type(error).__name__}: {error}"[:200]
                continue
            self.target = target
            self.label = f"Brian2 {self.version} {target}" + ("" if target == "cython" else
                                                               " (cython failed to compile)")
            return


def _firing_rate(spike_count: int, n: int, duration_ms: float) -> float:
    return spike_count / n / (duration_ms * 1e-3)


def spiking_benchmarks(quick: bool = False) -> Iterator[Record]:
    """µs per step of random LIF networks (~100 synapses per cell, ~20 Hz, dt = 0.1 ms) vs Brian2.

    Brian2's per-step time is the difference between two run lengths divided by the difference
    in steps, so its fixed cost per `run()` (~0.2 s) cancels.
    """
    from neuron_sim.model.engines.spiking import SpikingEngine

    brian = _Brian2(quick)
    repeats, seconds = (3, 0.03) if quick else (5, 0.3)
    for n in SPIKING_QUICK_SIZES if quick else SPIKING_SIZES:
        arrays = spiking_arrays(n)
        engine = SpikingEngine(arrays)
        warmup = int(round(WARMUP_MS / arrays.dt_ms))
        spikes = 0
        for _ in range(warmup):
            spikes += engine.step().size
        rate = _firing_rate(spikes, n, WARMUP_MS)
        steps = steps_for(engine.step, seconds)
        measures: dict[str, Callable[[], float]] = {"engine": partial(per_call, engine.step, steps)}
        brian_rate = None
        if brian.target is not None:
            import brian2 as b2

            net, monitor = brian2_network(arrays, brian.target)
            dt = arrays.dt_ms * b2.ms
            net.run(warmup * dt, namespace={})
            brian_rate = _firing_rate(monitor.num_spikes, n, WARMUP_MS)
            monitor.active = False

            def brian_step(net=net, dt=dt, short=100, long=2100) -> float:
                first = timed(lambda: net.run(short * dt, namespace={}))
                second = timed(lambda: net.run(long * dt, namespace={}))
                return (second - first) / (long - short)

            # the difference of the two runs lasts about twice as long as our timed steps
            estimate = max(brian_step(), 1e-7)
            extra = int(min(max(2 * seconds / estimate, 2_000), 200_000))
            measures["brian2"] = lambda brian_step=brian_step, extra=extra: brian_step(long=100 + extra)
        medians = interleaved(measures, repeats)
        baseline = medians.get("brian2")
        yield record(f"spiking step, N={n:,}", medians["engine"] * 1e6, "us",
                     None if baseline is None else baseline * 1e6,
                     brian.label + ", same network" if baseline is not None else brian.error)
        yield record(f"spiking firing rate, N={n:,}", rate, "Hz", brian_rate,
                     brian.label + ", same network" if brian_rate is not None else brian.error)
