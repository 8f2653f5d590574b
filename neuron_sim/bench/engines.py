"""The engines' figures for `neuron-sim bench`: the rate engine against plain numpy chains, the
spiking engine against Brian2 on the same network (spikes and rates must match; times compared).

Registered by name in bench.py, which holds the timing helpers and the runner.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator
from functools import partial

import numpy as np

from neuron_sim.bench.core import Record, interleaved, per_call, record, steps_for, timed

# ---- rate networks ---------------------------------------------------------------------------
#: (name, layer widths, inputs per neuron or None for all of the layer before)
RATE_NETS = (("3-4-2", (3, 4, 2), None), ("100-100-100", (100, 100, 100), None),
             ("1000-1000-1000", (1000, 1000, 1000), None),
             ("N=10,000, 10 layers, 10 % connected", (1000,) * 10, 100))
RATE_QUICK_NETS = RATE_NETS[:2]
#: the engine within 1.2× of the better plain-numpy baseline (docs/performance.md)
RATE_GOAL = 1.2


def rate_network(widths: tuple[int, ...], fan_in: int | None, seed: int = 1):
    """A layered feedforward rate Network (sigmoid units; `fan_in` random inputs from the layer
    before, or all of them) and the same network as matrices: (network, [(W, θ), ...], input values)."""
    from neuron_sim.model.entities import Neuron, Synapse
    from neuron_sim.model.network import Network

    rng = np.random.default_rng(seed)
    network = Network(name="bench rate " + "-".join(map(str, widths)), model="rate", update="feedforward")
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
    matrices = []
    for before, after in zip(layers, layers[1:]):
        width = min(fan_in or len(before), len(before))
        matrix = np.zeros((len(after), len(before)))
        for row, target in enumerate(after):
            sources = rng.choice(len(before), width, replace=False) if width < len(before) else np.arange(width)
            weights = rng.normal(0.0, 1.0 / math.sqrt(width), width)
            matrix[row, sources] = weights
            for s, w in zip(sources.tolist(), weights.tolist()):
                network.connect(Synapse(before[s], target, weight=w))
        matrices.append((matrix, np.array([network.neurons[t].threshold for t in after])))
    return network, matrices, inputs


def one_blas_thread():
    """A context holding BLAS to one thread (threadpoolctl, a dev dependency), and a note for the
    record's baseline name when it cannot."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext(), " (BLAS threads not limited: threadpoolctl is not installed)"
    return threadpool_limits(limits=1, user_api="blas"), ", 1 BLAS thread on both sides"


def plain_chains(matrices, inputs) -> dict[str, Callable[[], np.ndarray]]:
    """The baselines: the same network as a chain of plain numpy products and sigmoids, with dense
    matrices and with scipy CSR matrices."""
    from scipy.sparse import csr_array

    def chain(layers):
        def run():
            a = inputs
            for matrix, theta in layers:
                a = 1.0 / (1.0 + np.exp(theta - matrix @ a))
            return a
        return run

    return {"dense": chain(matrices), "CSR": chain([(csr_array(matrix), theta) for matrix, theta in matrices])}


def rate_benchmarks(quick: bool = False) -> Iterator[Record]:
    """µs per feedforward pass: the rate engine against the better of a dense numpy chain and a CSR
    chain of the same network (plain numpy sigmoid), interleaved, one BLAS thread."""
    from neuron_sim.model.engines.rate import RateEngine

    repeats, seconds = (3, 0.03) if quick else (7, 0.2)
    for name, widths, fan_in in RATE_QUICK_NETS if quick else RATE_NETS:
        network, matrices, inputs = rate_network(widths, fan_in)
        engine = RateEngine(network)
        chains = plain_chains(matrices, inputs)
        limit, note = one_blas_thread()
        with limit:
            # each baseline computes the same activities (a check that it is the same network)
            last = [engine.index[nid] for nid in list(network.neurons)[-widths[-1]:]]
            computed = engine.step()[last]
            for kind, run in chains.items():
                if not np.allclose(computed, run(), rtol=1e-9, atol=1e-12):
                    raise AssertionError(f"the {kind} baseline does not compute the same network")
            measures = {"engine": partial(per_call, engine.step, steps_for(engine.step, seconds))}
            for kind, run in chains.items():
                measures[kind] = partial(per_call, run, steps_for(run, seconds))
            medians = interleaved(measures, repeats)
        best = min(chains, key=medians.__getitem__)
        others = ", ".join(f"{kind} {medians[kind] * 1e6:,.4g} µs" for kind in chains)
        yield record(f"rate feedforward pass, {name}", medians["engine"] * 1e6, "us", medians[best] * 1e6,
                     f"better plain numpy chain ({others}), same network{note}", goal=RATE_GOAL)


# ---- spiking networks ------------------------------------------------------------------------
SPIKING_SIZES = (10, 100, 1_000, 10_000)
SPIKING_QUICK_SIZES = (10, 100)
SPIKING_FAN_OUT = 100
WARMUP_MS = 200.0
#: faster than Brian2 up to 1,000 cells, within 1.3× at 10,000 (docs/performance.md)
SPIKING_GOALS = {10: 1.0, 100: 1.0, 1_000: 1.0, 10_000: 1.3}


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


def spiking_benchmarks(quick: bool = False, sizes: tuple[int, ...] | None = None) -> Iterator[Record]:
    """µs per step of random LIF networks (~100 synapses per cell, ~20 Hz, dt = 0.1 ms) vs Brian2.

    Brian2's per-step time is the difference between two run lengths divided by the difference
    in steps, so its fixed cost per `run()` (~0.2 s) cancels.
    """
    from neuron_sim.model.engines.spiking import SpikingEngine

    brian = _Brian2(quick)
    repeats, seconds = (3, 0.03) if quick else (5, 0.3)
    for n in sizes or (SPIKING_QUICK_SIZES if quick else SPIKING_SIZES):
        arrays = spiking_arrays(n)
        engine = SpikingEngine(arrays)
        warmup = int(round(WARMUP_MS / arrays.dt_ms))
        ours: set[tuple[int, int]] = set()  # (step, cell) of each spike
        for step in range(warmup):
            ours.update((step, cell) for cell in engine.step().tolist())
        rate = _firing_rate(len(ours), n, WARMUP_MS)
        steps = steps_for(engine.step, seconds)
        measures: dict[str, Callable[[], float]] = {"engine": partial(per_call, engine.step, steps)}
        brian_rate = theirs = None
        if brian.target is not None:
            import brian2 as b2

            net, monitor = brian2_network(arrays, brian.target)
            dt = arrays.dt_ms * b2.ms
            net.run(warmup * dt, namespace={})
            brian_rate = _firing_rate(monitor.num_spikes, n, WARMUP_MS)
            steps_of = np.rint(np.asarray(monitor.t / dt)).astype(np.int64).tolist()
            theirs = set(zip(steps_of, np.asarray(monitor.i).tolist()))
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
                     brian.label + ", same network" if baseline is not None else brian.error,
                     goal=SPIKING_GOALS.get(n))
        yield record(f"spiking firing rate, N={n:,}", rate, "Hz", brian_rate,
                     brian.label + ", same network" if brian_rate is not None else brian.error)
        # The trains, not only the rates: a spike in one engine and not at the same step of the same
        # cell in the other counts; any such spike misses the goal of 0.
        if theirs is not None:
            yield record(f"spiking spikes unlike Brian2's, N={n:,}", float(len(ours ^ theirs)), "spikes",
                         float(len(theirs)), f"{brian.label}: its spike count in the first {WARMUP_MS:g} ms "
                         "of the same network, compared cell by cell and step by step", goal=0.0)
