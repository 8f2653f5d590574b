"""Run a neuron_sim spiking Network in Brian2 (numpy target): the oracle for the spiking engine.

What is checked against Brian2 is the leaky integrate-and-fire dynamics, refractoriness, the
delivery of delayed synaptic input and the regular sources. A regular source (a regular generator,
or a spiking input while its value is not 0) fires in the step nearest to start + n / rate, once
in a step however many of its spikes fall there: Brian2 simulates it from its rate and start as
an oscillator whose phase grows at the rate (REGULAR_MODEL). Poisson generators cannot be compared
draw for draw (no two random generators agree): their spikes come from our engine and are fed to
a `SpikeGeneratorGroup`; their statistics are checked on their own in test_spiking_brian2.py
(`ks_exponential`, `ks_two_samples` and `brian2_poisson_steps` below).

The Brian2 model (v dimensionless, in mV, so that the arithmetic is the same as the engine's;
time in seconds, so that exp(-dt/tau) is computed from the same numbers):

    dv/dt = (v_rest - v + drive) / tau : 1 (unless refractory)
    threshold 'v >= v_threshold', reset 'v = v_reset', refractory 'ref', method 'exact'
    Synapses(on_pre='v_post += w', delay=delay)   (one w and delay per synapse)

Plastic synapses (a synapse's `plasticity`, STDP) are Brian2's standard pair-based model, written
here from Brian2's documentation with each synapse's own constants (Brian2 reserves the suffixes
_pre and _post, hence Apre, taupre…): STDP_MODEL, STDP_ON_PRE, STDP_ON_POST. Their final weights
are returned in `OracleResult.weights`.

Indices follow the engine: cells (kind "neuron") first, then sources, each in network order.
This module builds its arrays from the Neuron / Synapse records itself, not from SpikingArrays,
so that a mistake in the engine's compilation cannot hide in the oracle.

`random_network` builds the heterogeneous recurrent network used by the oracle test (and, without
Brian2, by the tests that check the engine's synapse layouts against one another).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from neuron_sim.model.entities import Neuron, Synapse
from neuron_sim.model.network import Network
from neuron_sim.model.engines.spiking import SpikingEngine

MODEL = """
dv/dt = (v_rest - v + drive) / tau : 1 (unless refractory)
v_rest : 1 (constant)
v_reset : 1 (constant)
v_threshold : 1 (constant)
drive : 1 (constant)
tau : second (constant)
ref : second (constant)
"""

# A regular source: its phase counts the spikes due. Brian2 tests the threshold after advancing the
# state to (k + 1)·dt, so with the phase starting at −(start + dt/2)·rate (regular_sources), in step
# k it is (k·dt + dt/2 − start)·rate: it passes n in the step nearest to spike n's time,
# start + n / rate. The reset takes away every spike due, so several in one step make one spike.
REGULAR_MODEL = """
dphase/dt = frequency : 1
frequency : Hz (constant)
"""
REGULAR_THRESHOLD = "phase > 0"
REGULAR_RESET = "phase -= ceil(phase)"

STDP_MODEL = """
w : 1
Apre : 1 (constant)
Apost : 1 (constant)
taupre : second (constant)
taupost : second (constant)
w_min : 1 (constant)
w_max : 1 (constant)
dapre/dt = -apre / taupre : 1 (event-driven)
dapost/dt = -apost / taupost : 1 (event-driven)
"""
STDP_ON_PRE = """
v_post += w
apre += Apre
w = clip(w + apost, w_min, w_max)
"""
STDP_ON_POST = """
apost += Apost
w = clip(w + apre, w_min, w_max)
"""


# Currents (current synapses, dc/ac generators, adaptation, bounds on v): all as R·I in mV. The
# inputs reach v through summed variables, which Brian2 computes before the cells' state update, so
# v integrates them held over the step; `g_adapt` is a parameter of the update, decayed after it.
# CURRENT_INPUTS is filled with one summed target per synapse group (see run_brian2).
CURRENT_MODEL = """
dv/dt = ((v_rest - v) * (1 + g_adapt) + drive + I_total) / tau : 1 (unless refractory)
I_total = {inputs} : 1
g_adapt : 1
adaptation : 1 (constant)
tau_adapt : second (constant)
v_min : 1 (constant)
v_max : 1 (constant)
v_rest : 1 (constant)
v_reset : 1 (constant)
v_threshold : 1 (constant)
drive : 1 (constant)
tau : second (constant)
ref : second (constant)
"""
EXP_MODEL = """
w : 1
tau_syn : second (constant)
ds/dt = -s / tau_syn : 1 (clock-driven)
{target}_post = s : 1 (summed)
"""
ALPHA_MODEL = """
w : 1
tau_syn : second (constant)
dx/dt = -x / tau_syn : 1 (clock-driven)
dy/dt = (x - y) / tau_syn : 1 (clock-driven)
{target}_post = y : 1 (summed)
"""
# a dc or ac generator: its synapses add w·shape every step
SOURCE_MODEL = """
shape = ac * sin(2 * pi * frequency * t) + (1 - ac) : 1
ac : 1 (constant)
frequency : Hz (constant)
"""
SOURCE_SYNAPSE_MODEL = """
w : 1
{target}_post = w * shape_pre : 1 (summed)
"""


def uses_currents(network: Network) -> bool:
    return (any(s.kind != "delta" for s in network.synapses.values())
            or any(n.kind == "neuron" and (n.adaptation > 0 or n.v_min_mV is not None or n.v_max_mV is not None)
                   for n in network.neurons.values())
            or any(is_current_source(n) for n in network.neurons.values()))


def is_current_source(neuron: Neuron) -> bool:
    return neuron.kind == "generator" and neuron.pattern in ("dc", "ac")


@dataclass
class OracleResult:
    ids: list[str]
    spikes: list[tuple[int, int]]  # sorted (step, index)
    v: np.ndarray  # (steps, n_cells): v in mV after each step (after reset), like engine rows
    weights: dict[tuple[str, str], float] = field(default_factory=dict)  # plastic synapses, at the end


ATOL_MV = 1e-9  # voltages of the two simulators agree to this, step by step


@dataclass
class BothRuns:
    engine: SpikingEngine  # after the run
    spikes: list[tuple[int, int]]  # ours, sorted (step, index): Brian2's, checked
    v: np.ndarray  # ours (steps, n_cells): Brian2's to ATOL_MV, checked
    oracle: OracleResult


def checked_against_brian2(network: Network, steps: int) -> BothRuns:
    """Run `network` for `steps` in our engine and in Brian2; fail unless the spikes are the same,
    step by step, and the voltages agree to ATOL_MV."""
    import pytest

    engine = SpikingEngine(network)
    rows, spikes = engine.run(steps)
    oracle = run_brian2(network, steps)
    assert engine.ids == oracle.ids
    ours = sorted(spikes)
    if ours != oracle.spikes:
        only_ours = sorted(set(ours) - set(oracle.spikes))[:10]
        only_brian = sorted(set(oracle.spikes) - set(ours))[:10]
        pytest.fail(f"spikes differ: only ours {only_ours}, only Brian2 {only_brian} (first 10)")
    v = rows[:, :engine.n_cells]
    difference = np.abs(v - oracle.v).max(initial=0.0)
    assert np.allclose(v, oracle.v, rtol=0, atol=ATOL_MV), f"voltages differ by up to {difference} mV"
    return BothRuns(engine, ours, v, oracle)


def order(network: Network) -> tuple[list, list]:
    cells = [n for n in network.neurons.values() if n.kind == "neuron"]
    sources = [n for n in network.neurons.values() if n.kind != "neuron"]
    return cells, sources


def is_poisson(neuron: Neuron) -> bool:
    return neuron.kind == "generator" and neuron.pattern == "poisson"


def poisson_spike_steps(network: Network, steps: int) -> list[tuple[int, int]]:
    """(step, Poisson generator number) of every Poisson spike, drawn by our engine."""
    only_poisson = network.copy()
    for neuron in list(only_poisson.neurons.values()):
        if not is_poisson(neuron):
            only_poisson.remove_neuron(neuron.id)
    if not len(only_poisson):
        return []
    _, spikes = SpikingEngine(only_poisson).run(steps, record=False)
    return spikes


def regular_sources(b2, sources: list[Neuron], dt):
    """A Brian2 group of the regular sources, from their rate and start (an input with value 0 is silent)."""
    group = b2.NeuronGroup(len(sources), REGULAR_MODEL, threshold=REGULAR_THRESHOLD, reset=REGULAR_RESET,
                           method="euler", dt=dt)
    rate_hz = np.array([n.rate_hz if n.kind == "generator" or n.value != 0 else 0.0 for n in sources])
    start_s = np.array([n.start_ms for n in sources]) * 1e-3
    group.frequency = rate_hz * b2.Hz
    group.phase = -(start_s + 0.5 * float(dt)) * rate_hz
    return group


def run_brian2(network: Network, steps: int) -> OracleResult:
    import brian2 as b2

    b2.prefs.codegen.target = "numpy"
    b2.start_scope()
    cells, sources = order(network)
    ids = [n.id for n in cells + sources]
    index = {nid: i for i, nid in enumerate(ids)}
    nc = len(cells)
    dt = network.dt_ms * b2.ms

    objects = []
    currents = uses_currents(network)
    synapses = list(network.synapses.values())
    current_sources = [nc + j for j, n in enumerate(sources) if is_current_source(n)]
    # one summed target per (presynaptic group, kind) of current synapses, and one for the sources
    targets = [f"I_{kind}_{g}" for g in range(3) for kind in ("exp", "alpha")] + ["I_source"]
    if currents:
        model = CURRENT_MODEL.format(inputs=" + ".join(targets)) + "".join(f"{t} : 1\n" for t in targets)
        group = b2.NeuronGroup(nc, model, threshold="v >= v_threshold",
                               reset="v = v_reset\ng_adapt += adaptation",
                               refractory="ref", method="exact", dt=dt)
        # after the update of v (order 0): the adaptation decays, then v is kept within its bounds
        group.run_regularly("g_adapt = g_adapt * exp(-dt / tau_adapt)", when="groups", order=1)
        group.run_regularly("v = clip(v, v_min, v_max)", when="groups", order=2)
    else:
        group = b2.NeuronGroup(nc, MODEL, threshold="v >= v_threshold", reset="v = v_reset",
                               refractory="ref", method="exact", dt=dt)

    def col(name):
        return np.array([getattr(n, name) for n in cells], dtype=float)

    group.v_rest = col("v_rest_mV")
    group.v_reset = col("v_reset_mV")
    group.v_threshold = col("v_threshold_mV")
    group.drive = col("drive_mV")
    group.tau = col("tau_ms") * b2.ms
    group.ref = col("refractory_ms") * b2.ms
    group.v = np.array([n.initial_v_mV for n in cells], dtype=float)
    if currents:
        group.adaptation = col("adaptation")
        group.tau_adapt = col("tau_adaptation_ms") * b2.ms
        group.v_min = np.array([-np.inf if n.v_min_mV is None else n.v_min_mV for n in cells])
        group.v_max = np.array([np.inf if n.v_max_mV is None else n.v_max_mV for n in cells])
    objects.append(group)

    if current_sources:
        feeders = [sources[i - nc] for i in current_sources]
        feeder_group = b2.NeuronGroup(len(feeders), SOURCE_MODEL, dt=dt)
        feeder_group.ac = np.array([1.0 if n.pattern == "ac" else 0.0 for n in feeders])
        feeder_group.frequency = np.array([n.frequency_hz for n in feeders]) * b2.Hz
        place = {engine_index: i for i, engine_index in enumerate(current_sources)}
        chosen = [s for s in synapses if index[s.source] in place]
        objects.append(feeder_group)
        if chosen:
            syn = b2.Synapses(feeder_group, group, SOURCE_SYNAPSE_MODEL.format(target="I_source"), dt=dt)
            syn.connect(i=np.array([place[index[s.source]] for s in chosen]),
                        j=np.array([index[s.target] for s in chosen]))
            syn.w = np.array([s.weight for s in chosen])
            objects.append(syn)
        synapses = [s for s in synapses if index[s.source] not in place]

    # each presynaptic group with the engine's index of each of its members
    groups = [(group, list(range(nc)))]
    regular = [(nc + j, n) for j, n in enumerate(sources) if not is_poisson(n) and not is_current_source(n)]
    if regular:
        groups.append((regular_sources(b2, [n for _, n in regular], dt), [i for i, _ in regular]))
    poisson = [nc + j for j, n in enumerate(sources) if is_poisson(n)]
    if poisson:
        spikes = poisson_spike_steps(network, steps)
        indices = np.array([i for _, i in spikes], dtype=int)
        times = np.array([k for k, _ in spikes], dtype=float) * float(dt)
        groups.append((b2.SpikeGeneratorGroup(len(poisson), indices, times * b2.second, dt=dt), poisson))
    objects += [pre_group for pre_group, _ in groups[1:]]

    plastic_groups = []
    for number, (pre_group, members) in enumerate(groups):
        place = {engine_index: i for i, engine_index in enumerate(members)}
        for kind, model, on_pre in (("exp", EXP_MODEL, "s += w"), ("alpha", ALPHA_MODEL, "x += w * exp(1)")):
            chosen = [s for s in synapses if index[s.source] in place and s.kind == f"current_{kind}"]
            if not chosen:
                continue
            # order 1: the synapses' states decay after the cells' update, as the engine's do
            syn = b2.Synapses(pre_group, group, model.format(target=f"I_{kind}_{number}"), on_pre=on_pre,
                              method="exact", order=1, dt=dt)
            syn.connect(i=np.array([place[index[s.source]] for s in chosen]),
                        j=np.array([index[s.target] for s in chosen]))
            syn.w = np.array([s.weight for s in chosen])
            syn.tau_syn = np.array([s.tau_syn_ms for s in chosen]) * b2.ms
            syn.delay = np.array([s.delay_ms for s in chosen]) * b2.ms
            objects.append(syn)
        synapses_here = [s for s in synapses if s.kind == "delta"]
        for learning in (False, True):
            chosen = [s for s in synapses_here if index[s.source] in place and (s.plasticity is not None) == learning]
            if not chosen:
                continue
            if learning:
                syn = b2.Synapses(pre_group, group, STDP_MODEL, on_pre=STDP_ON_PRE, on_post=STDP_ON_POST, dt=dt)
            else:
                syn = b2.Synapses(pre_group, group, "w : 1", on_pre="v_post += w", dt=dt)
            syn.connect(i=np.array([place[index[s.source]] for s in chosen]),
                        j=np.array([index[s.target] for s in chosen]))
            syn.w = np.array([s.weight for s in chosen])
            syn.delay = np.array([s.delay_ms for s in chosen]) * b2.ms
            if learning:
                rules = [s.plasticity for s in chosen]
                syn.Apre = np.array([r.A_pre for r in rules])
                syn.Apost = np.array([r.A_post for r in rules])
                syn.taupre = np.array([r.tau_pre_ms for r in rules]) * b2.ms
                syn.taupost = np.array([r.tau_post_ms for r in rules]) * b2.ms
                syn.w_min = np.array([r.w_min for r in rules])
                syn.w_max = np.array([r.w_max for r in rules])
                # Brian2 may order a group's synapses otherwise than `connect`'s lists: match by (i, j)
                keys = {(place[index[s.source]], index[s.target]): s.key for s in chosen}
                plastic_groups.append((syn, keys))
            objects.append(syn)

    monitors = [(b2.SpikeMonitor(pre_group), members) for pre_group, members in groups]
    voltages = b2.StateMonitor(group, "v", record=True, when="end", dt=dt)
    objects += [monitor for monitor, _ in monitors] + [voltages]
    net = b2.Network(*objects)
    net.run(steps * dt, namespace={})

    result = []
    for monitor, members in monitors:
        result += _steps(monitor, float(dt), members)
    v = np.asarray(voltages.v).T.copy() if nc else np.zeros((steps, 0))
    assert v.shape == (steps, nc), v.shape
    weights = {}
    for syn, keys in plastic_groups:
        for i, j, w in zip(np.asarray(syn.i), np.asarray(syn.j), np.asarray(syn.w)):
            weights[keys[(int(i), int(j))]] = float(w)
    return OracleResult(ids, sorted(result), v, weights)


def _steps(monitor, dt_s: float, members: list[int]) -> list[tuple[int, int]]:
    steps_of = np.round(np.asarray(monitor.t_) / dt_s).astype(int)
    return [(int(k), members[int(i)]) for k, i in zip(steps_of, np.asarray(monitor.i))]


def random_network(n: int, seed: int, p: float = 0.1,
                   refractory_ms: tuple[float, ...] = (0.0, 1.0, 2.0, 2.05, 3.7)) -> Network:
    """Recurrent, heterogeneous: 80 % excitatory, 20 % inhibitory, a few generators.

    Each cell's refractory period is drawn from `refractory_ms` (one value: all cells alike).
    """
    rng = np.random.default_rng(seed)
    network = Network(model="spiking")
    inhibitory = rng.random(n) < 0.2
    for i in range(n):
        v_rest = float(rng.uniform(-72.0, -65.0))
        network.add_neuron(Neuron(
            f"c{i}", tau_ms=float(rng.uniform(8.0, 30.0)), v_rest_mV=v_rest,
            v_reset_mV=v_rest + float(rng.uniform(-3.0, 5.0)),
            v_threshold_mV=v_rest + float(rng.uniform(13.0, 18.0)),
            refractory_ms=float(rng.choice(refractory_ms)),
            drive_mV=float(rng.uniform(8.0, 20.0)), v_mV=v_rest + float(rng.uniform(0.0, 14.0))))
    for j in range(3):
        network.add_neuron(Neuron(f"p{j}", kind="generator", pattern="poisson",
                                  rate_hz=float(rng.uniform(100.0, 300.0)), seed=seed + j))
    network.add_neuron(Neuron("r0", kind="generator", rate_hz=40.0, start_ms=3.0))
    network.add_neuron(Neuron("s0", kind="input", value=1.0, rate_hz=60.0))
    for i in range(n):
        for j in np.flatnonzero(rng.random(n) < p):
            if i == j:
                continue
            weight = -float(rng.uniform(1.0, 4.0)) if inhibitory[i] else float(rng.uniform(0.3, 2.0))
            network.connect(Synapse(f"c{i}", f"c{j}", weight=weight,
                                    delay_ms=float(rng.choice([0.0, 0.1, 0.5, 1.0]) + rng.uniform(0.0, 3.0))))
    for source in ("p0", "p1", "p2", "r0", "s0"):
        for j in np.flatnonzero(rng.random(n) < 0.2):
            network.connect(Synapse(source, f"c{j}", weight=float(rng.uniform(0.5, 3.0)),
                                    delay_ms=float(rng.uniform(0.0, 2.0))))
    return network


def brian2_poisson_steps(rate_hz: float, start_ms: float, dt_ms: float, steps: int, seed: int) -> np.ndarray:
    """The steps in which Brian2's PoissonGroup fires at `rate_hz` from `start_ms` on."""
    import brian2 as b2

    b2.prefs.codegen.target = "numpy"
    b2.start_scope()
    b2.seed(seed)
    dt = dt_ms * b2.ms
    group = b2.PoissonGroup(1, rates="rate * int(t >= start)", dt=dt)
    monitor = b2.SpikeMonitor(group)
    b2.Network(group, monitor).run(steps * dt, namespace={"rate": rate_hz * b2.Hz, "start": start_ms * b2.ms})
    return np.round(np.asarray(monitor.t_) / (dt_ms * 1e-3)).astype(int)


def jittered_intervals(steps: np.ndarray, seed: int) -> np.ndarray:
    """The intervals between spikes, in steps, each less a uniform draw from [0, 1): a spike at
    any time within its step. The intervals of a Poisson source (a spike in each step with
    probability p) then follow, up to p²/8, the exponential of rate −ln(1 − p) per step."""
    intervals = np.diff(np.sort(steps)).astype(float)
    return intervals - np.random.default_rng(seed).random(intervals.size)


def kolmogorov_pvalue(statistic: float, n: float) -> float:
    """Asymptotic p-value of a Kolmogorov–Smirnov statistic for n samples (with Stephens' correction)."""
    x = (np.sqrt(n) + 0.12 + 0.11 / np.sqrt(n)) * statistic
    if x < 0.2:
        return 1.0
    k = np.arange(1, 101)
    return float(np.clip(2.0 * np.sum((-1.0) ** (k - 1) * np.exp(-2.0 * k**2 * x**2)), 0.0, 1.0))


def ks_exponential(samples: np.ndarray, rate: float) -> tuple[float, float]:
    """One-sample Kolmogorov–Smirnov test of `samples` against the exponential of `rate`: (D, p)."""
    x = np.sort(samples)
    n = x.size
    cdf = 1.0 - np.exp(-rate * x)
    statistic = max(np.max(np.arange(1, n + 1) / n - cdf), np.max(cdf - np.arange(n) / n))
    return float(statistic), kolmogorov_pvalue(statistic, n)


def ks_two_samples(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Two-sample Kolmogorov–Smirnov test: (D, p)."""
    a, b = np.sort(a), np.sort(b)
    both = np.concatenate([a, b])
    statistic = np.max(np.abs(np.searchsorted(a, both, "right") / a.size - np.searchsorted(b, both, "right") / b.size))
    return float(statistic), kolmogorov_pvalue(statistic, a.size * b.size / (a.size + b.size))
