"""Run a neuron_sim spiking Network in Brian2 (numpy target): the oracle for the spiking engine.

What is checked against Brian2 is the leaky integrate-and-fire dynamics, refractoriness and the
delivery of delayed synaptic input. The sources (generators and spiking inputs) are neuron_sim's
own definition: their spike steps come from our engine and are fed to a `SpikeGeneratorGroup`.

The Brian2 model (v dimensionless, in mV, so that the arithmetic is the same as the engine's;
time in seconds, so that exp(-dt/tau) is computed from the same numbers):

    dv/dt = (v_rest - v + drive) / tau : 1 (unless refractory)
    threshold 'v >= v_threshold', reset 'v = v_reset', refractory 'ref', method 'exact'
    Synapses(on_pre='v_post += w', delay=delay)   (one w and delay per synapse)

Indices follow the engine: cells (kind "neuron") first, then sources, each in network order.
This module builds its arrays from the Neuron / Synapse records itself, not from SpikingArrays,
so that a mistake in the engine's compilation cannot hide in the oracle.

`random_network` builds the heterogeneous recurrent network used by the oracle test (and, without
Brian2, by the tests that check the engine's synapse layouts against one another).
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass
class OracleResult:
    ids: list[str]
    spikes: list[tuple[int, int]]  # sorted (step, index)
    v: np.ndarray  # (steps, n_cells): v in mV after each step (after reset), like engine rows


def order(network: Network) -> tuple[list, list]:
    cells = [n for n in network.neurons.values() if n.kind == "neuron"]
    sources = [n for n in network.neurons.values() if n.kind != "neuron"]
    return cells, sources


def source_spike_steps(network: Network, steps: int) -> list[tuple[int, int]]:
    """(step, source number) of every source spike, from the engine's own source logic."""
    only_sources = network.copy()
    for neuron in list(only_sources.neurons.values()):
        if neuron.kind == "neuron":
            only_sources.remove_neuron(neuron.id)
    if not len(only_sources):
        return []
    _, spikes = SpikingEngine(only_sources).run(steps, record=False)
    return spikes


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
    objects.append(group)

    generators = None
    if sources:
        spikes = source_spike_steps(network, steps)
        indices = np.array([i for _, i in spikes], dtype=int)
        times = np.array([k for k, _ in spikes], dtype=float) * float(dt)
        generators = b2.SpikeGeneratorGroup(len(sources), indices, times * b2.second, dt=dt)
        objects.append(generators)

    synapses = list(network.synapses.values())
    for pre_group, offset in ((group, 0), (generators, nc)):
        chosen = [s for s in synapses if (index[s.source] >= nc) == (offset == nc)]
        if pre_group is None or not chosen:
            continue
        syn = b2.Synapses(pre_group, group, "w : 1", on_pre="v_post += w", dt=dt)
        syn.connect(i=np.array([index[s.source] - offset for s in chosen]),
                    j=np.array([index[s.target] for s in chosen]))
        syn.w = np.array([s.weight for s in chosen])
        syn.delay = np.array([s.delay_ms for s in chosen]) * b2.ms
        objects.append(syn)

    cell_spikes = b2.SpikeMonitor(group)
    voltages = b2.StateMonitor(group, "v", record=True, when="end", dt=dt)
    objects += [cell_spikes, voltages]
    source_monitor = b2.SpikeMonitor(generators) if generators is not None else None
    if source_monitor is not None:
        objects.append(source_monitor)
    net = b2.Network(*objects)
    net.run(steps * dt, namespace={})

    result = _steps(cell_spikes, float(dt), 0)
    if source_monitor is not None:
        result += _steps(source_monitor, float(dt), nc)
    v = np.asarray(voltages.v).T.copy() if nc else np.zeros((steps, 0))
    assert v.shape == (steps, nc), v.shape
    return OracleResult(ids, sorted(result), v)


def _steps(monitor, dt_s: float, offset: int) -> list[tuple[int, int]]:
    steps_of = np.round(np.asarray(monitor.t_) / dt_s).astype(int)
    return [(int(k), int(i) + offset) for k, i in zip(steps_of, np.asarray(monitor.i))]


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
