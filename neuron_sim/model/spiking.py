"""Leaky integrate-and-fire neurons with delayed synapses, step for step as Brian2 computes them.

Brian2 model this engine reproduces (checked spike for spike in tests/model/test_spiking_brian2.py):

    dv/dt = (v_rest - v + drive) / tau : volt (unless refractory)
    threshold 'v >= v_threshold', reset 'v = v_reset', refractory, method 'exact'
    Synapses(on_pre='v_post += w', delay=delay)

Order within a step k (t = k·dt), as Brian2 schedules it:
  1. state update of every non-refractory cell (refractory cells keep v);
  2. threshold: cells with v ≥ v_threshold that are not refractory spike; sources emit their spikes;
  3. synaptic input due now is added to v, except to refractory cells and cells that spiked in
     this step (Brian2 drops it);
  4. reset: cells that spiked get v = v_reset and become refractory.

Cells (kind `neuron`) come first in the internal arrays and sources (generators and spiking inputs)
after them, so the hot loop works on slices rather than masks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .entities import ModelError
from .network import Network

_NEVER = np.iinfo(np.int64).max // 4
_POISSON_BLOCK = 1024


def timestep(t_ms: float | np.ndarray, dt_ms: float) -> np.ndarray:
    """Brian2's time → step conversion (shifted by 1e-3·dt so exact multiples stay put)."""
    return np.asarray((np.asarray(t_ms) + 1e-3 * dt_ms) / dt_ms).astype(np.int64)


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
    syn_keys: list[tuple[str, str]]

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
        )


class SpikingEngine:
    """Advances a spiking network by dt per `step()`; reads: `v`, `spiked`, `t_ms`."""

    def __init__(self, network: Network | SpikingArrays):
        arrays = network if isinstance(network, SpikingArrays) else SpikingArrays.from_network(network)
        self.arrays = arrays
        self.ids = arrays.ids
        self.index = {nid: i for i, nid in enumerate(self.ids)}
        self.n = len(self.ids)
        self.n_cells = arrays.n_cells
        self.dt_ms = arrays.dt_ms
        self._compile_cells()
        self._compile_synapses()
        self.reset()

    # ---- compilation ---------------------------------------------------------------------
    def _compile_cells(self) -> None:
        a = self.arrays
        # Brian2 computes exp(-dt/tau) in seconds; doing the same keeps the voltages alike to the bit.
        self._decay = np.exp(-(self.dt_ms * 1e-3) / (a.tau_ms * 1e-3))
        self._offset = (-a.drive - a.v_rest) * self._decay
        self._refractory_steps = timestep(a.refractory_ms, self.dt_ms)

    def _compile_synapses(self) -> None:
        a = self.arrays
        order = np.argsort(a.syn_source, kind="stable")
        self._syn_order = order
        self._syn_position = {key: int(p) for p, key in
                              zip(np.argsort(order), a.syn_keys)}  # key → CSR position
        self._syn_target = a.syn_target[order]
        self._syn_weight = a.syn_weight[order].astype(float)
        self._syn_delay = np.round(a.syn_delay_ms[order] / self.dt_ms).astype(np.int64)
        self._indptr = np.zeros(self.n + 1, dtype=np.intp)
        np.cumsum(np.bincount(a.syn_source, minlength=self.n), out=self._indptr[1:])
        self._uniform_delay = (int(self._syn_delay[0]) if self._syn_delay.size and
                               np.all(self._syn_delay == self._syn_delay[0]) else None)
        self._ring_length = int(self._syn_delay.max()) + 1 if self._syn_delay.size else 1

    # ---- state ---------------------------------------------------------------------------
    def reset(self) -> None:
        a = self.arrays
        self.step_count = 0
        self.v = np.zeros(self.n)
        self.v[:self.n_cells] = a.v_initial
        self.last_spike_step = np.full(self.n, -_NEVER, dtype=np.int64)
        self._refractory_until = np.full(self.n_cells, -_NEVER, dtype=np.int64)
        self._refractory = np.array([], dtype=np.intp)
        self._refractory_check = _NEVER  # next step at which the refractory set may shrink
        self._ring = np.zeros((self._ring_length, self.n))
        self._ring_pending = np.zeros(self._ring_length, dtype=bool)
        self.spiked = np.array([], dtype=np.intp)
        self._reset_sources()

    def _reset_sources(self) -> None:
        a = self.arrays
        n_src = self.n - self.n_cells
        self._src_regular = np.flatnonzero(~a.source_poisson)
        self._src_poisson = np.flatnonzero(a.source_poisson)
        self._src_count = np.zeros(n_src, dtype=np.int64)
        with np.errstate(divide="ignore"):
            self._src_period_ms = np.where(a.source_rate_hz > 0, 1000.0 / np.maximum(a.source_rate_hz, 1e-300), np.inf)
        self._src_next = self._regular_step(np.arange(n_src), 0)
        self._poisson_block = np.zeros((self._src_poisson.size, _POISSON_BLOCK), dtype=bool)
        self._poisson_rngs = [np.random.default_rng(int(a.source_seed[i])) for i in self._src_poisson]
        self._poisson_block_start = None

    def _regular_step(self, which: np.ndarray, count: np.ndarray | int) -> np.ndarray:
        a = self.arrays
        times = a.source_start_ms[which] + count * self._src_period_ms[which]
        steps = np.full(which.shape, _NEVER, dtype=np.int64)
        finite = np.isfinite(times) & (times < 1e15)
        steps[finite] = np.round(times[finite] / self.dt_ms).astype(np.int64)
        return steps

    @property
    def t_ms(self) -> float:
        """Simulated time at the start of the next step."""
        return self.step_count * self.dt_ms

    # ---- one step ------------------------------------------------------------------------
    def step(self) -> np.ndarray:
        """Advance by dt; returns the indices that spiked in this step (also in `spiked`)."""
        k = self.step_count
        nc = self.n_cells
        v = self.v[:nc]
        if k >= self._refractory_check:
            self._refresh_refractory(k)
        refractory = self._refractory
        # 1. exact integration, in Brian2's order of operations
        held = v[refractory] if refractory.size else None
        np.multiply(v, self._decay, out=v)
        v += self.arrays.drive
        v += self.arrays.v_rest
        v += self._offset
        if held is not None:
            v[refractory] = held
        # 2. threshold
        fired = np.flatnonzero(v >= self.arrays.v_threshold)
        if fired.size and refractory.size:
            fired = fired[self._refractory_until[fired] <= k]
        if self.n > nc:
            source_spikes = self._source_spikes(k)
            spiked = np.concatenate((fired, source_spikes)) if source_spikes.size else fired
        else:
            spiked = fired
        # 3. delivery of spikes due now
        if spiked.size:
            self._schedule(spiked, k)
        slot = k % self._ring_length
        if self._ring_pending[slot]:
            incoming = self._ring[slot, :nc]
            if refractory.size:
                incoming[refractory] = 0.0
            if fired.size:
                incoming[fired] = 0.0
            v += incoming
            self._ring[slot] = 0.0
            self._ring_pending[slot] = False
        # 4. reset
        if fired.size:
            v[fired] = self.arrays.v_reset[fired]
            self._refractory_until[fired] = k + self._refractory_steps[fired]
            self._refractory = np.union1d(refractory, fired[self._refractory_steps[fired] > 0])
            self._refractory_check = min(self._refractory_check, k + 1)
        if spiked.size:
            self.last_spike_step[spiked] = k
        self.spiked = spiked
        self.step_count = k + 1
        return spiked

    def _refresh_refractory(self, k: int) -> None:
        until = self._refractory_until[self._refractory]
        keep = until > k
        self._refractory = self._refractory[keep]
        self._refractory_check = int(until[keep].min()) if keep.any() else _NEVER

    def _source_spikes(self, k: int) -> np.ndarray:
        nc = self.n_cells
        on = self.arrays.source_on
        parts = []
        if self._src_regular.size:
            regular = self._src_regular
            due = regular[self._src_next[regular] <= k]
            if due.size:
                emit = due[on[due] & (self._src_next[due] == k)]
                if emit.size:
                    parts.append(emit)
                # skip every scheduled spike at or before k (rates above 1/dt collapse into one)
                while due.size:
                    self._src_count[due] += 1
                    self._src_next[due] = self._regular_step(due, self._src_count[due])
                    due = due[self._src_next[due] <= k]
        if self._src_poisson.size:
            block_start = k - k % _POISSON_BLOCK
            if self._poisson_block_start != block_start:
                self._draw_poisson_block(block_start)
            column = self._poisson_block[:, k - block_start]
            emit = self._src_poisson[column]
            emit = emit[on[emit]]
            if emit.size:
                parts.append(emit)
        if not parts:
            return np.array([], dtype=np.intp)
        return np.sort(np.concatenate(parts)) + nc

    def _draw_poisson_block(self, block_start: int) -> None:
        """Each Poisson source draws from its own seeded generator, block by block."""
        a = self.arrays
        steps = np.arange(block_start, block_start + _POISSON_BLOCK)
        start_steps = timestep(a.source_start_ms[self._src_poisson], self.dt_ms)
        p = np.minimum(a.source_rate_hz[self._src_poisson] * self.dt_ms * 1e-3, 1.0)
        for row, rng in enumerate(self._poisson_rngs):
            self._poisson_block[row] = (rng.random(_POISSON_BLOCK) < p[row]) & (steps >= start_steps[row])
        self._poisson_block_start = block_start

    def _schedule(self, spiked: np.ndarray, k: int) -> None:
        starts = self._indptr[spiked]
        counts = self._indptr[spiked + 1] - starts
        total = int(counts.sum())
        if total == 0:
            return
        # positions of all outgoing synapses of the spiking neurons, concatenated
        offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
        positions = offsets + np.arange(total)
        targets = self._syn_target[positions]
        weights = self._syn_weight[positions]
        if self._uniform_delay is not None:
            slot = (k + self._uniform_delay) % self._ring_length
            np.add.at(self._ring[slot], targets, weights)
            self._ring_pending[slot] = True
        else:
            slots = (k + self._syn_delay[positions]) % self._ring_length
            np.add.at(self._ring.reshape(-1), slots * self.n + targets, weights)
            self._ring_pending[np.unique(slots)] = True

    # ---- runs and reading ----------------------------------------------------------------
    def run(self, steps: int, record: bool = True) -> tuple[np.ndarray | None, list[tuple[int, int]]]:
        """Run `steps` steps. Returns (activity rows or None, [(step, index), ...] of spikes).

        Row k holds v in mV for cells and 1/0 (spiked in that step) for sources.
        """
        if steps < 0:
            raise ModelError("the number of steps cannot be negative")
        rows = np.empty((steps, self.n)) if record else None
        spikes: list[tuple[int, int]] = []
        nc = self.n_cells
        for row in range(steps):
            k = self.step_count
            spiked = self.step()
            if spiked.size:
                spikes.extend((k, int(i)) for i in spiked)
            if rows is not None:
                rows[row, :nc] = self.v[:nc]
                rows[row, nc:] = 0.0
                rows[row, spiked[spiked >= nc]] = 1.0
        return rows, spikes

    # ---- live edits ----------------------------------------------------------------------
    def set_neuron_param(self, neuron_id: str, name: str, value) -> bool:
        """Apply an edit in place where it is safe; False means: rebuild the engine."""
        i = self.index.get(neuron_id)
        if i is None:
            return False
        a = self.arrays
        if i < self.n_cells:
            arrays = {"v_rest_mV": a.v_rest, "v_reset_mV": a.v_reset, "v_threshold_mV": a.v_threshold,
                      "drive_mV": a.drive, "tau_ms": a.tau_ms, "refractory_ms": a.refractory_ms}
            if name in arrays:
                arrays[name][i] = value
                self._compile_cells()
                return True
            return name in ("label", "position", "v_mV", "activation", "threshold", "value")
        j = i - self.n_cells
        if name == "value" and not self.arrays.source_poisson[j]:
            a.source_on[j] = value != 0
            return True
        return name in ("label", "position")

    def set_synapse_param(self, key: tuple[str, str], name: str, value) -> bool:
        position = self._syn_position.get(tuple(key))
        if position is None:
            return False
        if name == "weight":
            self._syn_weight[position] = value
            return True
        return False  # a new delay changes the ring buffer: rebuild
