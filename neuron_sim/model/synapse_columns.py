"""A network's synapses as columns of arrays, in file order: what a large file holds, what the
engines are built from, and what the Network keeps instead of a Synapse object per synapse until
something asks for the objects (network.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from neuron_sim.model.entities import SYNAPSE_KINDS, SYNAPSE_PARAMS, Stdp, Synapse, SynapseKey

#: a synapse's kind as the columns hold it: its place in SYNAPSE_KINDS (0 is delta)
KIND_CODES = {kind: code for code, kind in enumerate(SYNAPSE_KINDS)}
DEFAULT_TAU_SYN_MS = SYNAPSE_PARAMS["tau_syn_ms"].default


class SynapseKeys(Sequence):
    """The keys (source id, target id) of columns' synapses, in order, made one at a time when read:
    a million key tuples cost more than building the engine that holds them."""

    def __init__(self, ids: Sequence[str], source: np.ndarray, target: np.ndarray):
        self._ids, self._source, self._target = ids, source, target

    def __len__(self) -> int:
        return int(self._source.size)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [(self._ids[s], self._ids[t])
                    for s, t in zip(self._source[index].tolist(), self._target[index].tolist())]
        return (self._ids[int(self._source[index])], self._ids[int(self._target[index])])

    def __iter__(self) -> Iterator[SynapseKey]:
        ids = self._ids
        return zip(map(ids.__getitem__, self._source.tolist()), map(ids.__getitem__, self._target.tolist()))

    def __repr__(self) -> str:
        return f"SynapseKeys({len(self)} synapses)"


@dataclass(frozen=True, eq=False)
class SynapseColumns:
    """Synapses in order: their ends as indices into `ids` (neuron ids), weights and delays, and
    kinds and synaptic time constants where any differs from the default (None: all default).
    `plasticity` is each synapse's learning rule, or None when no synapse learns (a file's table
    never holds learning synapses). The arrays are read-only: networks and copies share them."""

    ids: list[str]
    source: np.ndarray  # intp
    target: np.ndarray  # intp
    weight: np.ndarray  # float
    delay_ms: np.ndarray  # float
    kind: np.ndarray | None = None  # int8 codes of KIND_CODES
    tau_syn_ms: np.ndarray | None = None
    plasticity: list[Stdp | None] | None = None

    def __post_init__(self) -> None:
        for name in ("source", "target", "weight", "delay_ms", "kind", "tau_syn_ms"):
            array = getattr(self, name)
            if array is not None:
                array.flags.writeable = False

    def __len__(self) -> int:
        return int(self.source.size)

    def keys(self) -> SynapseKeys:
        return SynapseKeys(self.ids, self.source, self.target)

    def kind_codes(self) -> np.ndarray:
        return self.kind if self.kind is not None else np.zeros(len(self), dtype=np.int8)

    def tau_syn(self) -> np.ndarray:
        return self.tau_syn_ms if self.tau_syn_ms is not None else np.full(len(self), DEFAULT_TAU_SYN_MS)

    def renumbered(self, ids: list[str]) -> SynapseColumns:
        """The same synapses with their ends as indices into `ids` (which holds every end)."""
        if ids == self.ids:
            return self
        place = {nid: i for i, nid in enumerate(ids)}
        mapping = np.array([place.get(nid, -1) for nid in self.ids], dtype=np.intp)
        return SynapseColumns(ids, mapping[self.source], mapping[self.target], self.weight, self.delay_ms,
                              self.kind, self.tau_syn_ms, self.plasticity)

    def synapses(self) -> dict[SynapseKey, Synapse]:
        """A Synapse object per synapse, by key, in order (what the canvas and edits work on)."""
        ids = self.ids
        kinds = None if self.kind is None else [SYNAPSE_KINDS[code] for code in self.kind.tolist()]
        taus = None if self.tau_syn_ms is None else self.tau_syn_ms.tolist()
        made: dict[SynapseKey, Synapse] = {}
        trusted = Synapse.trusted
        for i, (s, t, w, d) in enumerate(zip(self.source.tolist(), self.target.tolist(), self.weight.tolist(),
                                             self.delay_ms.tolist())):
            synapse = trusted(ids[s], ids[t], w, d)
            if kinds is not None and kinds[i] != "delta":
                synapse.kind = kinds[i]
            if taus is not None and taus[i] != DEFAULT_TAU_SYN_MS:
                synapse.tau_syn_ms = taus[i]
            if self.plasticity is not None and self.plasticity[i] is not None:
                synapse.plasticity = self.plasticity[i]
            made[(synapse.source, synapse.target)] = synapse
        return made

    @classmethod
    def of(cls, ids: list[str], synapses: Mapping[SynapseKey, Synapse]) -> SynapseColumns:
        """The columns of Synapse objects, their ends as indices into `ids`."""
        place = {nid: i for i, nid in enumerate(ids)}
        values = list(synapses.values())
        kinds = np.array([KIND_CODES[s.kind] for s in values], dtype=np.int8)
        taus = np.array([s.tau_syn_ms for s in values], dtype=float)
        learns = any(s.plasticity is not None for s in values)
        return cls(ids,
                   np.array([place[s.source] for s in values], dtype=np.intp),
                   np.array([place[s.target] for s in values], dtype=np.intp),
                   np.array([s.weight for s in values], dtype=float),
                   np.array([s.delay_ms for s in values], dtype=float),
                   kinds if kinds.any() else None,
                   taus if (taus != DEFAULT_TAU_SYN_MS).any() else None,
                   [s.plasticity for s in values] if learns else None)
