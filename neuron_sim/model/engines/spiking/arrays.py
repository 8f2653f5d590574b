"""A spiking network as arrays: what the spiking engine (engine.py) is compiled from.

Cells (kind `neuron`) come first and sources (generators and spiking inputs) after them, so that
the engine's hot loop works on slices rather than masks. Benchmarks build these arrays directly,
without a Network (then `syn_keys` is empty).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from neuron_sim.model.entities import CURRENT_PATTERNS, ModelError, Stdp
from neuron_sim.model.network import Network
from neuron_sim.model.synapse_columns import KIND_CODES as COLUMN_KIND_CODES


#: synapse kinds as the arrays hold them (as the network's columns do)
KIND_CODES = COLUMN_KIND_CODES
DELTA, CURRENT_EXP, CURRENT_ALPHA = (KIND_CODES[kind] for kind in ("delta", "current_exp", "current_alpha"))


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
    syn_keys: Sequence[tuple[str, str]]  # may be empty for arrays built without a Network (benchmarks)
    # each synapse's learning rule or None; empty: none learns
    syn_plasticity: list[Stdp | None] = field(default_factory=list)
    # Currents (currents.py). Left out (None), they take the values of a network without any:
    # no adaptation, no bounds on v, every source a spike source, every synapse a delta synapse.
    adaptation: np.ndarray | None = None  # per cell: increment of R·g_adapt per spike
    tau_adaptation_ms: np.ndarray | None = None
    v_min: np.ndarray | None = None  # per cell, -inf: no bound
    v_max: np.ndarray | None = None  # per cell, +inf: no bound
    source_current: np.ndarray | None = None  # per source, bool: a dc or ac generator (no spikes)
    source_ac: np.ndarray | None = None  # per source, bool: its current is sin(2π·f·t), else 1
    source_frequency_hz: np.ndarray | None = None
    syn_kind: np.ndarray | None = None  # per synapse: DELTA, CURRENT_EXP or CURRENT_ALPHA
    syn_tau_ms: np.ndarray | None = None

    def __post_init__(self) -> None:
        nc, ns, m = self.n_cells, self.source_rate_hz.size, self.syn_source.size
        defaults = {"adaptation": (nc, 0.0), "tau_adaptation_ms": (nc, 1.0), "v_min": (nc, -np.inf),
                    "v_max": (nc, np.inf), "source_current": (ns, False), "source_ac": (ns, False),
                    "source_frequency_hz": (ns, 0.0), "syn_kind": (m, DELTA), "syn_tau_ms": (m, 1.0)}
        for name, (size, value) in defaults.items():
            if getattr(self, name) is None:
                setattr(self, name, np.full(size, value, dtype=np.int8 if name == "syn_kind" else None))

    @property
    def uses_currents(self) -> bool:
        """Whether anything beyond delta synapses and plain cells is in the network."""
        return bool(np.any(self.adaptation > 0) or np.any(np.isfinite(self.v_min))
                    or np.any(np.isfinite(self.v_max)) or np.any(self.source_current)
                    or np.any(self.syn_kind != DELTA))

    @classmethod
    def from_network(cls, network: Network) -> SpikingArrays:
        if network.model != "spiking":
            raise ModelError("this is a rate network; use the rate engine")
        cells = [n for n in network.neurons.values() if n.kind == "neuron"]
        sources = [n for n in network.neurons.values() if n.kind != "neuron"]
        ordered = cells + sources
        ids = [n.id for n in ordered]
        # the synapses as columns (no Synapse objects for a network loaded as a table), their ends
        # renumbered from the network's order to the engine's (cells first)
        columns = network.synapse_columns()
        is_source = np.array([n.kind != "neuron" for n in network.neurons.values()], dtype=bool)
        engine_place = np.empty(len(ids), dtype=np.intp)
        engine_place[np.argsort(is_source, kind="stable")] = np.arange(len(ids))
        in_order = not is_source[:len(cells)].any()  # the cells come first already: no renumbering

        def col(items, name, dtype=float):
            return np.array([getattr(n, name) for n in items], dtype=dtype)

        def bound(name, missing):
            return np.array([missing if getattr(n, name) is None else getattr(n, name) for n in cells], dtype=float)

        current = [n.kind == "generator" and n.pattern in CURRENT_PATTERNS for n in sources]
        plasticity = columns.plasticity or []

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
            syn_source=columns.source.copy() if in_order else engine_place[columns.source],
            syn_target=columns.target.copy() if in_order else engine_place[columns.target],
            # copies: the engine edits its weights in place, the network's columns are read-only
            syn_weight=columns.weight.copy(), syn_delay_ms=columns.delay_ms.copy(),
            syn_keys=columns.keys(),
            syn_plasticity=plasticity if any(rule is not None for rule in plasticity) else [],
            adaptation=col(cells, "adaptation"), tau_adaptation_ms=col(cells, "tau_adaptation_ms"),
            v_min=bound("v_min_mV", -np.inf), v_max=bound("v_max_mV", np.inf),
            source_current=np.array(current, dtype=bool),
            source_ac=np.array([n.kind == "generator" and n.pattern == "ac" for n in sources], dtype=bool),
            source_frequency_hz=col(sources, "frequency_hz"),
            syn_kind=columns.kind_codes().copy(), syn_tau_ms=columns.tau_syn().copy(),
        )
