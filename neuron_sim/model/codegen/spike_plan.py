"""What the Brian2 and PyNN scripts share: the cells and sources of a spiking network, and the
code that computes, in the script, when each source fires (as neuron-sim's sources.py does)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neuron_sim.model.codegen.common import Writer, number, string
from neuron_sim.model.engines.spiking import delay_steps
from neuron_sim.model.engines.spiking.sources import POISSON_BLOCK
from neuron_sim.model.entities import CURRENT_PATTERNS, ModelError, Neuron, Synapse
from neuron_sim.model.network import Network


@dataclass
class SpikingPlan:
    dt_ms: float
    cells: list[Neuron]  # kind "neuron", file order
    sources: list[Neuron]  # generators and inputs, file order
    synapses: list[Synapse]

    @property
    def cell_index(self) -> dict[str, int]:
        return {n.id: i for i, n in enumerate(self.cells)}

    @property
    def source_index(self) -> dict[str, int]:
        return {n.id: i for i, n in enumerate(self.sources)}

    def from_sources(self, from_sources: bool) -> list[Synapse]:
        index = self.source_index
        return [s for s in self.synapses if (s.source in index) == from_sources]

    def delay_steps(self, synapses: list[Synapse]) -> list[int]:
        """Each synapse's delay in whole steps, rounded as neuron-sim (and Brian2's queue) round it."""
        return delay_steps(np.array([s.delay_ms for s in synapses], dtype=float), self.dt_ms).tolist()


def spiking_plan(network: Network, target: str) -> SpikingPlan:
    if network.model != "spiking":
        raise ModelError("{target} runs spiking networks and this one is a rate network; "
                         "export it to Keras or PyTorch", target=target)
    if not network.neurons:
        raise ModelError("the network has no neurons: there is nothing to export")
    cells = [n for n in network.neurons.values() if n.kind == "neuron"]
    sources = [n for n in network.neurons.values() if n.kind != "neuron"]
    return SpikingPlan(network.dt_ms, cells, sources, list(network.synapses.values()))


def is_current_source(n: Neuron) -> bool:
    return n.kind == "generator" and n.pattern in CURRENT_PATTERNS


def uses_currents(plan: SpikingPlan) -> bool:
    """Whether the network needs the model with currents (docs/spiking-model.md)."""
    return (any(s.kind != "delta" for s in plan.synapses) or any(is_current_source(n) for n in plan.sources)
            or any(n.adaptation > 0 or n.v_min_mV is not None or n.v_max_mV is not None for n in plan.cells))


def source_schedule(write: Writer, plan: SpikingPlan) -> None:
    """Functions that list the steps each source fires in, and SOURCE_STEPS, one array per source."""
    if not plan.sources:
        return
    write("", "")
    write.say("source_rules")
    if any(n.kind == "generator" and n.pattern == "poisson" for n in plan.sources):
        write(f"POISSON_BLOCK = {POISSON_BLOCK}  # numpy draws this many steps at a time, as neuron-sim does")
    write("", "")
    write("def regular_steps(start_ms, rate_hz):",
          "    if rate_hz <= 0:",
          "        return np.array([], dtype=np.int64)",
          "    period_ms = 1000.0 / rate_hz",
          "    count = np.arange(max(int((STEPS * DT_MS - start_ms) / period_ms) + 2, 0))",
          "    steps = np.round((start_ms + count * period_ms) / DT_MS).astype(np.int64)",
          "    return np.unique(steps[steps < STEPS])")
    if any(n.kind == "generator" and n.pattern == "poisson" for n in plan.sources):
        write("", "",
              "def poisson_steps(seed, rate_hz, start_ms):",
              "    random = np.random.default_rng(seed)",
              "    p = min(rate_hz * DT_MS * 1e-3, 1.0)",
              "    first = int((start_ms + 1e-3 * DT_MS) / DT_MS)",
              "    blocks = -(-STEPS // POISSON_BLOCK)",
              "    draws = np.concatenate([random.random(POISSON_BLOCK) for _ in range(blocks)] or [np.zeros(0)])",
              "    steps = np.flatnonzero(draws < p)",
              "    return steps[(steps >= first) & (steps < STEPS)]")
    write("", "", "SOURCE_STEPS = [")
    for n in plan.sources:
        if n.kind == "generator" and n.pattern == "poisson":
            call = f"poisson_steps({n.seed}, {number(n.rate_hz)}, {number(n.start_ms)})"
        elif (n.kind == "input" and n.value == 0) or is_current_source(n):
            call = "np.array([], dtype=np.int64)"
        else:
            call = f"regular_steps({number(n.start_ms)}, {number(n.rate_hz)})"
        write(f"    {call},  # {n.id}: {_describe(n)}")
    write("]")


def _describe(n: Neuron) -> str:
    if n.kind == "input":
        return f"input, value {n.value:g}" + (" (off)" if n.value == 0 else "")
    if is_current_source(n):
        return f"{n.pattern} current source (no spikes)"
    return f"{n.pattern} generator"


def names(neurons: list[Neuron]) -> str:
    return "[" + ", ".join(string(n.id) for n in neurons) + "]"


def uniform(values: list[float]) -> float | None:
    return values[0] if values and all(v == values[0] for v in values) else None
