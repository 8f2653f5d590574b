"""What one neuron computes, spelled out for the instruments: no Qt, plain numbers from the engines.

`rate_breakdown` writes a rate neuron's computation as a student would on paper: each input xᵢ
(the activity of the presynaptic neuron), its weight wᵢ and product wᵢ·xᵢ, the weighted sum Σ,
the threshold θ (bias b = −θ), net = Σ − θ and the output a = f(net). It is a hand computation
from the engine's arrays, so its rows always add up. It explains the output the canvas shows: in a
feedforward network (always evaluated) from the current outputs; in a synchronous one from the
outputs the last tick read (at tick 0, the rest state: what the first tick will compute).
`settled` says whether the engine's own stored values agree: a feedforward network always does; in
a synchronous one an edit since the last tick or the first tick not yet computed makes them differ
(the canvas shows `engine_output` until the next tick).

`spiking_state` reads a leaky integrate-and-fire cell's membrane and refractory state, and
`fi_curve` measures a cell's firing rate for constant drives with the model's own engine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from neuron_sim.model.activations import ACTIVATIONS, FORMULAS
from neuron_sim.model.entities import ModelError, Neuron
from neuron_sim.model.network import Network
from neuron_sim.model.engines.rate import RateEngine
from neuron_sim.model.engines.spiking import SpikingArrays, SpikingEngine, timestep


@dataclass(frozen=True)
class InputTerm:
    """One row of the table: what arrives on one dendrite."""

    source_id: str
    label: str
    x: float  # activity of the presynaptic neuron
    w: float  # synapse strength
    product: float  # w·x


@dataclass(frozen=True)
class RateBreakdown:
    neuron_id: str
    label: str
    is_input: bool
    output: float  # a = f(net); for an input, its value
    inputs: list[InputTerm] = field(default_factory=list)
    weighted_sum: float | None = None  # Σ wᵢ·xᵢ
    threshold: float | None = None  # θ
    bias: float | None = None  # b = −θ
    net: float | None = None  # Σ − θ
    activation: str = ""
    formula: str = ""
    engine_output: float = 0.0  # what the engine (and the canvas) holds now
    settled: bool = True  # the engine's stored Σ, net and a equal this computation


@dataclass(frozen=True)
class SpikingState:
    neuron_id: str
    label: str
    kind: str  # "neuron", "generator" or "input"
    time_ms: float  # time of the step the state belongs to
    v_mV: float | None = None  # None for spike sources
    v_threshold_mV: float | None = None
    v_rest_mV: float | None = None
    v_reset_mV: float | None = None
    drive_mV: float | None = None
    tau_ms: float | None = None
    refractory: bool = False
    refractory_left_ms: float = 0.0
    last_spike_ms: float | None = None
    since_last_spike_ms: float | None = None
    input_mV: float | None = None  # the current input now (R·I) when the network has currents
    adaptation: float | None = None  # R·g_adapt now, for a cell that adapts

    @property
    def is_cell(self) -> bool:
        return self.kind == "neuron"


def _label(network: Network, neuron_id: str) -> str:
    neuron = network.neurons.get(neuron_id)
    return neuron.label if neuron is not None else neuron_id


def rate_breakdown(network: Network, engine: RateEngine, neuron_id: str) -> RateBreakdown:
    """The computation of `neuron_id` from the engine's current arrays (see the module docstring)."""
    if not isinstance(engine, RateEngine):
        raise ModelError("rate_breakdown needs a rate engine")
    i = engine.index.get(neuron_id)
    if i is None:
        raise ModelError("there is no neuron with id {id!r} in the running network", id=neuron_id)
    label = _label(network, neuron_id)
    engine_output = float(engine.activity[i])
    if engine.is_input[i]:
        return RateBreakdown(neuron_id, label, True, engine_output, engine_output=engine_output)
    incoming = np.flatnonzero(engine.target == i)
    read = engine.activity if engine.previous_activity is None else engine.previous_activity
    x = read[engine.source[incoming]]
    w = engine.weight[incoming]
    products = w * x
    inputs = [InputTerm(engine.ids[s], _label(network, engine.ids[s]), float(xi), float(wi), float(pi))
              for s, xi, wi, pi in zip(engine.source[incoming].tolist(), x.tolist(), w.tolist(),
                                       products.tolist())]
    weighted_sum = math.fsum(products.tolist())
    threshold = float(engine.threshold[i])
    net = weighted_sum - threshold
    name = engine.activation[i]
    output = float(ACTIVATIONS[name](np.array([net]))[0])
    settled = bool(np.allclose([weighted_sum, net, output],
                               [engine.weighted_sum[i], engine.net[i], engine_output],
                               rtol=1e-9, atol=1e-12))
    return RateBreakdown(neuron_id, label, False, output, inputs, weighted_sum, threshold,
                         -threshold, net, name, FORMULAS.get(name, ""), engine_output, settled)


def spiking_state(network: Network, engine: SpikingEngine, neuron_id: str) -> SpikingState:
    """Membrane potential, thresholds and refractory state of one cell (or the spikes of a source).

    Times are read on the clock the window shows, t = step_count·dt (the status bar's "t = …"), so
    that t − last spike = time since it. A spike in step s happened at s·dt (Brian2's spike time,
    the raster's); the cell is held until (s + R)·dt, R the refractory period in whole steps: it is
    refractory while t < (s + R)·dt, for the time left. (The state itself is the one after step
    step_count − 1, which a recorder labels (step_count − 1)·dt, as Brian2's monitors do.)
    """
    if not isinstance(engine, SpikingEngine):
        raise ModelError("spiking_state needs a spiking engine")
    i = engine.index.get(neuron_id)
    if i is None:
        raise ModelError("there is no neuron with id {id!r} in the running network", id=neuron_id)
    dt = engine.dt_ms
    now_step = engine.step_count  # t = now_step·dt, the clock
    last_step = int(engine.last_spike_step[i])
    fired = 0 <= last_step < now_step
    last_ms = last_step * dt if fired else None
    since_ms = (now_step - last_step) * dt if fired else None
    label = _label(network, neuron_id)
    neuron = network.neurons.get(neuron_id)
    if i >= engine.n_cells:
        kind = neuron.kind if neuron is not None else "generator"
        return SpikingState(neuron_id, label, kind, now_step * dt,
                            last_spike_ms=last_ms, since_last_spike_ms=since_ms)
    a = engine.arrays
    refractory_steps = int(timestep(a.refractory_ms[i] * 1e-3, dt * 1e-3))
    left_steps = last_step + refractory_steps - now_step if fired else 0  # held for the steps to come
    refractory = left_steps > 0
    left_ms = left_steps * dt if refractory else 0.0
    currents = engine.currents
    input_mV = float(currents.input(engine.step_count)[i]) if currents is not None else None
    adaptation = float(currents.g[i]) if currents is not None and currents.adaptation[i] > 0 else None
    return SpikingState(
        neuron_id, label, "neuron", now_step * dt, v_mV=float(engine.v[i]),
        v_threshold_mV=float(a.v_threshold[i]), v_rest_mV=float(a.v_rest[i]),
        v_reset_mV=float(a.v_reset[i]), drive_mV=float(a.drive[i]), tau_ms=float(a.tau_ms[i]),
        refractory=refractory, refractory_left_ms=left_ms, last_spike_ms=last_ms,
        since_last_spike_ms=since_ms, input_mV=input_mV, adaptation=adaptation)


def fi_curve(neuron: Neuron, drives_mV, dt_ms: float = 0.1, duration_ms: float = 1000.0) -> np.ndarray:
    """Firing rate (Hz) of `neuron` for each constant drive, measured with the spiking engine.

    One network holds one copy of the cell per drive, without synapses; one run of
    `duration_ms` gives every rate. With two spikes or more the rate is the inverse of the mean
    interspike interval (the steady rate, free of the first interval from the starting
    potential); with fewer it is the count over the duration (0 for a silent cell).
    """
    drives = np.asarray(drives_mV, dtype=float).reshape(-1)
    n = drives.size
    if n == 0:
        return np.zeros(0)
    if dt_ms <= 0 or duration_ms <= 0:
        raise ModelError("the time step and the duration must be positive")

    def same(value: float) -> np.ndarray:
        return np.full(n, float(value))

    empty_f, empty_i = np.zeros(0), np.zeros(0, dtype=np.intp)
    arrays = SpikingArrays(
        ids=[f"cell{j}" for j in range(n)], n_cells=n, dt_ms=float(dt_ms),
        tau_ms=same(neuron.tau_ms), v_rest=same(neuron.v_rest_mV), v_reset=same(neuron.v_reset_mV),
        v_threshold=same(neuron.v_threshold_mV), refractory_ms=same(neuron.refractory_ms),
        drive=drives.copy(), v_initial=same(neuron.v_rest_mV),
        source_poisson=np.zeros(0, dtype=bool), source_rate_hz=empty_f, source_start_ms=empty_f,
        source_seed=np.zeros(0, dtype=np.int64), source_on=np.zeros(0, dtype=bool),
        syn_source=empty_i, syn_target=empty_i, syn_weight=empty_f, syn_delay_ms=empty_f, syn_keys=[],
        adaptation=same(neuron.adaptation), tau_adaptation_ms=same(neuron.tau_adaptation_ms),
        v_min=same(-np.inf if neuron.v_min_mV is None else neuron.v_min_mV),
        v_max=same(np.inf if neuron.v_max_mV is None else neuron.v_max_mV))
    engine = SpikingEngine(arrays)
    steps = max(int(round(duration_ms / dt_ms)), 1)
    count = np.zeros(n, dtype=np.int64)
    first = np.full(n, -1, dtype=np.int64)
    last = np.full(n, -1, dtype=np.int64)
    for k in range(steps):
        spiked = engine.step()
        if spiked.size:
            count[spiked] += 1
            first[spiked[first[spiked] < 0]] = k
            last[spiked] = k
    rates = count / (steps * dt_ms * 1e-3)
    many = count >= 2
    rates[many] = (count[many] - 1) / ((last[many] - first[many]) * dt_ms * 1e-3)
    return rates


def rheobase_mV(neuron: Neuron) -> float:
    """The smallest constant drive that makes the cell fire: v must be able to reach threshold."""
    return neuron.v_threshold_mV - neuron.v_rest_mV


def sigmoid_fit(drives: np.ndarray, rates: np.ndarray) -> tuple[float, float, float]:
    """(top, centre, scale) of a logistic top / (1 + e^−(I − centre)/scale) that matches a curve.

    The top is the largest rate, the centre the drive at half of it, and the scale puts the
    quarter and three-quarter points where the curve has them (a logistic climbs from ¼ to ¾ of
    its top over 2·scale·ln 3). A flat curve gives top 0.
    """
    drives = np.asarray(drives, dtype=float)
    rates = np.asarray(rates, dtype=float)
    if drives.size == 0 or not np.any(rates > 0):
        return 0.0, float(drives.mean()) if drives.size else 0.0, 1.0
    top = float(rates.max())
    order = np.argsort(drives)
    d, r = drives[order], np.maximum.accumulate(rates[order])  # monotone for interpolation

    def drive_at(fraction: float) -> float:
        level = fraction * top
        j = int(np.searchsorted(r, level))
        if j == 0:
            return float(d[0])
        if j >= d.size:
            return float(d[-1])
        r0, r1 = r[j - 1], r[j]
        return float(d[j - 1] + (d[j] - d[j - 1]) * ((level - r0) / (r1 - r0) if r1 > r0 else 0.0))

    centre = drive_at(0.5)
    scale = (drive_at(0.75) - drive_at(0.25)) / (2 * math.log(3))
    span = float(d[-1] - d[0]) or 1.0
    return top, centre, max(scale, span * 1e-3)


def scaled_sigmoid(drives: np.ndarray, top: float, centre: float, scale: float) -> np.ndarray:
    return top * ACTIVATIONS["sigmoid"]((np.asarray(drives, dtype=float) - centre) / scale)
