"""Spike sources of a spiking network: generators (regular or Poisson) and sensor inputs.

A source has no membrane: it fires on a schedule. Regular sources fire at start + n·period,
rounded to the nearest step (several spikes due in one step collapse into one); Poisson sources
draw from their own seeded generator, one block of steps at a time, so that the same seed gives
the same spikes. Inputs fire regularly while their value is not 0 (`source_on`, read live).
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

NEVER = np.iinfo(np.int64).max // 4
POISSON_BLOCK = 1024


def timestep(t_ms: float | np.ndarray, dt_ms: float) -> np.ndarray:
    """Brian2's time → step conversion (shifted by 1e-3·dt so exact multiples stay put)."""
    return np.asarray((np.asarray(t_ms) + 1e-3 * dt_ms) / dt_ms).astype(np.int64)


def no_spikes() -> np.ndarray:
    return np.array([], dtype=np.intp)


class SpikeSources:
    """When each source fires. `arrays` is the engine's SpikingArrays (its `source_*` fields);
    `spikes(k)` returns the sources that fire in step k as indices after the `offset` cells.
    Steps must be asked for in increasing order (a jump forward is fine)."""

    def __init__(self, arrays: Any, dt_ms: float, offset: int):
        self.arrays = arrays
        self.dt_ms = dt_ms
        self.offset = offset
        self.count = arrays.source_rate_hz.size
        self.reset()

    def reset(self) -> None:
        a = self.arrays
        self._regular = np.flatnonzero(~a.source_poisson & ~a.source_current)  # current sources never spike
        self._poisson = np.flatnonzero(a.source_poisson)
        self._emitted = np.zeros(self.count, dtype=np.int64)  # scheduled spikes passed so far
        with np.errstate(divide="ignore"):
            self._period_ms = np.where(a.source_rate_hz > 0, 1000.0 / np.maximum(a.source_rate_hz, 1e-300), np.inf)
        self._next = self._step_of(np.arange(self.count), 0)
        self._next_min = int(self._next[self._regular].min()) if self._regular.size else NEVER
        self._rngs = [np.random.default_rng(int(a.source_seed[i])) for i in self._poisson]
        self._block_start: int | None = None
        self._block_rows = np.array([], dtype=np.intp)
        self._block_bounds = [0] * (POISSON_BLOCK + 1)

    def continue_from(self, other: SpikeSources) -> None:
        """Carry on where `other` (the sources of an identical network) is in its schedule,
        with copies of its Poisson generators, so that both draw the same spikes from now on."""
        self._emitted = other._emitted.copy()
        self._next = other._next.copy()
        self._next_min = other._next_min
        self._rngs = [copy.deepcopy(rng) for rng in other._rngs]
        self._block_start = other._block_start
        self._block_rows = other._block_rows.copy()
        self._block_bounds = list(other._block_bounds)

    def carry_over(self, other: SpikeSources, matches: np.ndarray) -> None:
        """Carry on `other`'s schedules after an edit: `matches[j]` is the source of `other` that
        source j is (the same id, the same pattern, rate, start and seed), or -1 for a source
        that is new or changed. A matched source goes on exactly as in `other` (a Poisson one
        with a copy of its generator, also for the rest of the block already drawn); the others
        start their schedules as a rebuilt engine does. Call on fresh sources, before `spikes`."""
        matched = np.flatnonzero(matches >= 0)
        self._emitted[matched] = other._emitted[matches[matched]]
        self._next[matched] = other._next[matches[matched]]
        self._next_min = int(self._next[self._regular].min()) if self._regular.size else NEVER
        if not self._poisson.size or other._block_start is None:
            return
        other_row = {int(source): row for row, source in enumerate(other._poisson.tolist())}
        rows_of_other = [other_row.get(int(matches[source]), -1) for source in self._poisson.tolist()]
        for row, old_row in enumerate(rows_of_other):
            if old_row >= 0:
                self._rngs[row] = copy.deepcopy(other._rngs[old_row])
        # the block `other` is in: its rows for matched sources, fresh draws for the others
        old_block = np.zeros((other._poisson.size, POISSON_BLOCK), dtype=bool)
        counts = np.diff(np.asarray(other._block_bounds))
        old_block[other._block_rows, np.repeat(np.arange(POISSON_BLOCK), counts)] = True
        block = np.zeros((self._poisson.size, POISSON_BLOCK), dtype=bool)
        fresh = [row for row, old_row in enumerate(rows_of_other) if old_row < 0]
        kept = [row for row, old_row in enumerate(rows_of_other) if old_row >= 0]
        block[kept] = old_block[[rows_of_other[row] for row in kept]]
        block[fresh] = self._draw_rows(fresh, other._block_start)
        self._set_block(block, other._block_start)

    def _step_of(self, which: np.ndarray, count: np.ndarray | int) -> np.ndarray:
        """The step of each source's `count`-th scheduled spike (NEVER for a silent source)."""
        a = self.arrays
        with np.errstate(invalid="ignore"):  # 0 · inf for a silent source: never
            times = a.source_start_ms[which] + count * self._period_ms[which]
        steps = np.full(which.shape, NEVER, dtype=np.int64)
        finite = np.isfinite(times) & (times < 1e15)
        steps[finite] = np.round(times[finite] / self.dt_ms).astype(np.int64)
        return steps

    def spikes(self, k: int) -> np.ndarray:
        parts = []
        if k >= self._next_min:
            on = self.arrays.source_on
            regular = self._regular
            due = regular[self._next[regular] <= k]
            emit = due[on[due] & (self._next[due] == k)]
            if emit.size:
                parts.append(emit)
            self._pass(due, k)
            self._next_min = int(self._next[regular].min())
        if self._poisson.size:
            block_start = k - k % POISSON_BLOCK
            if self._block_start != block_start:
                self._draw_block(block_start)
            j = k - block_start
            low, high = self._block_bounds[j], self._block_bounds[j + 1]
            if high > low:
                parts.append(self._poisson[self._block_rows[low:high]])
        if not parts:
            return no_spikes()
        spikes = parts[0] if len(parts) == 1 else np.sort(np.concatenate(parts))
        return spikes + self.offset

    def _pass(self, due: np.ndarray, k: int) -> None:
        """Move the sources in `due` past every scheduled spike at or before step k."""
        # A source faster than 1/dt has several spikes per step (they collapse into one). Jump to
        # one period before the last of them at once: stepping one spike at a time cost 50 loop
        # rounds per step for 5 kHz at dt = 10 ms. Spikes before (k + ½)·dt round to step k or
        # earlier; the jump lands a period before that, so the loop below still finds the first
        # spike after step k exactly as stepping one at a time would.
        if due.size:
            a = self.arrays
            with np.errstate(invalid="ignore", over="ignore"):
                behind = ((k + 0.5) * self.dt_ms - a.source_start_ms[due]) / self._period_ms[due] - 1.0
            jump = np.where(np.isfinite(behind) & (behind > 0), np.floor(np.minimum(behind, 1e15)), 0.0)
            self._emitted[due] = np.maximum(self._emitted[due], jump.astype(np.int64))
        while due.size:
            self._emitted[due] += 1
            self._next[due] = self._step_of(due, self._emitted[due])
            due = due[self._next[due] <= k]

    def _draw_block(self, block_start: int) -> None:
        """Each Poisson source draws from its own seeded generator, block by block."""
        self._set_block(self._draw_rows(range(self._poisson.size), block_start), block_start)

    def _draw_rows(self, rows, block_start: int) -> np.ndarray:
        """(rows, POISSON_BLOCK) spikes of the Poisson sources `rows` (positions in `_poisson`)."""
        rows = list(rows)
        a = self.arrays
        which = self._poisson[rows]
        steps = np.arange(block_start, block_start + POISSON_BLOCK)
        start_steps = timestep(a.source_start_ms[which], self.dt_ms)
        p = np.minimum(a.source_rate_hz[which] * self.dt_ms * 1e-3, 1.0)
        block = np.zeros((len(rows), POISSON_BLOCK), dtype=bool)
        for place, row in enumerate(rows):
            block[place] = (self._rngs[row].random(POISSON_BLOCK) < p[place]) & (steps >= start_steps[place])
        return block

    def _set_block(self, block: np.ndarray, block_start: int) -> None:
        # spikes of the block ordered by step, then source; bounds[j]:bounds[j+1] is step j's share
        at_step, rows = np.nonzero(block.T)
        self._block_rows = rows
        self._block_bounds = np.searchsorted(at_step, np.arange(POISSON_BLOCK + 1)).tolist()
        self._block_start = block_start
