"""A spiking network as arrays: what the spiking engine (engine.py) is compiled from.

Cells (kind `neuron`) come first and sources (generators and spiking inputs) after them, so that
the engine's hot loop works on slices rather than masks. Benchmarks build these arrays directly,
without a Network (then `syn_keys` is empty).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from neuron_sim.model.entities import ModelError, Stdp
from neuron_sim.model.network import Network


@dataclass
class SpikingArrays:
    """A spiking network as arrays; cells 0..n_cells-1, then sources. Units: mV, ms, Hz."""

    ids: list[str]
    n_cells: int
    dt_ms: float
    tau_ms: np.ndarray
    v_rest: np.ndarray
    v_reset: np.ndarray
    v_threshold: np.ndarray
    refractory_ms: np.ndarray
    drive: np.ndarray
    v_initial: np.ndarray
    # sources (length n_sources = len(ids) - n_cells)
    source_poisson: np.ndarray  # bool
    source_rate_hz: np.ndarray
    source_start_ms: np.ndarray
    source_seed: np.ndarray
    source_on: np.ndarray  # bool: generators always; inputs while their value is not 0
    # synapses
    syn_source: np.ndarray
    syn_target: np.ndarray
    syn_weight: np.ndarray
    syn_delay_ms: np.ndarray
    syn_keys: list[tuple[str, str]]  # may be empty for arrays built without a Network (benchmarks)
    # each synapse's learning rule or None; empty: none learns
    syn_plasticity: list[Stdp | None] = field(default_factory=list)

    @classmethod
    def from_network(cls, network: Network) -> SpikingArrays:
        if network.model != "spiking":
            raise ModelError("this is a rate network; use the rate engine")
        cells = [n for n in network.neurons.values() if n.kind == "neuron"]
        sources = [n for n in network.neurons.values() if n.kind != "neuron"]
        ordered = cells + sources
        ids = [n.id for n in ordered]
        index = {nid: i for i, nid in enumerate(ids)}
        synapses = list(network.synapses.values())

        def col(items, name, dtype=float):
            return np.array([getattr(n, name) for n in items], dtype=dtype)

        return cls(
            ids=ids, n_cells=len(cells), dt_ms=network.dt_ms,
            tau_ms=col(cells, "tau_ms"), v_rest=col(cells, "v_rest_mV"),
            v_reset=col(cells, "v_reset_mV"), v_threshold=col(cells, "v_threshold_mV"),
            refractory_ms=col(cells, "refractory_ms"), drive=col(cells, "drive_mV"),
            v_initial=np.array([n.initial_v_mV for n in cells], dtype=float),
            source_poisson=np.array([n.kind == "generator" and n.pattern == "poisson"
                                     for n in sources], dtype=bool),
            source_rate_hz=col(sources, "rate_hz"), source_start_ms=col(sources, "start_ms"),
            source_seed=col(sources, "seed", np.int64),
            source_on=np.array([n.kind == "generator" or n.value != 0 for n in sources], dtype=bool),
            syn_source=np.array([index[s.source] for s in synapses], dtype=np.intp),
            syn_target=np.array([index[s.target] for s in synapses], dtype=np.intp),
            syn_weight=col(synapses, "weight"), syn_delay_ms=col(synapses, "delay_ms"),
            syn_keys=[s.key for s in synapses],
            syn_plasticity=([s.plasticity for s in synapses]
                            if any(s.plasticity is not None for s in synapses) else []),
        )
