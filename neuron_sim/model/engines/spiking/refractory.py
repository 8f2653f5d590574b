"""Refractory periods of the spiking engine's cells: which cells are held, at what value, and
until which step. A part the engine (engine.py) owns; its step reads `held`, `hold`, `guard` and
`next_release` inline (docs/performance.md).

Refractory cells are not masked out of the update: they are integrated like the others and then
put back to the value they are held at (`v[held] = hold`). They are listed in the order their
refractory period ends, so that it ends by dropping a prefix.
"""

from __future__ import annotations

from collections import deque

import numpy as np

from neuron_sim.model.engines.spiking.sources import NEVER as _NEVER


class RefractoryCells:
    """`steps`: each cell's refractory period in steps; `v_reset`, `threshold`: per cell."""

    def __init__(self, steps: np.ndarray, v_reset: np.ndarray, threshold: np.ndarray):
        self.steps = steps
        self.uniform = uniform_value(steps)
        reset = uniform_value(v_reset)
        self._uniform_reset = None if reset is None else float(reset)
        self._v_reset = v_reset
        self._threshold = threshold
        # Can a refractory cell sit at or above its threshold? Only then must the threshold
        # test leave refractory cells out explicitly (held at v_reset < v_threshold, they never pass).
        self._reset_reaches_threshold = bool(np.any(v_reset >= threshold))

    def mask(self, last_spike_step: np.ndarray, k: int) -> np.ndarray:
        """True for each cell that is refractory in step k."""
        return last_spike_step[:self.steps.size] + self.steps > k

    def freeze(self, last_spike_step: np.ndarray, v_cells: np.ndarray, k: int) -> None:
        """Derive the refractory state at step k from the cells' last spikes and potentials
        (after a reset, a parameter edit or taking a run over).

        Refractory cells are integrated like the others, then put back: `v[held] = hold` after the
        update and again after the delivery of synaptic input. `held` lists them ordered by the
        step at which their refractory period ends, so that ending it drops a prefix. With one
        refractory period for all cells (the usual case) new ones go at the end of a preallocated
        buffer (`_held_buffer[_head:_tail]`) and a queue of (end step, count) says how many to drop
        when; otherwise `_held_until` holds each cell's end step and the list is re-sorted.
        `hold` is the value they are held at: one float while it is the same for all, else an
        array alongside `held`.
        """
        nc = self.steps.size
        until = last_spike_step[:nc] + self.steps
        held = np.flatnonzero(until > k)
        held = held[np.argsort(until[held], kind="stable")]
        until = until[held]
        hold = v_cells[held].copy()
        uniform = self.uniform
        self._fifo = uniform is not None and uniform > 1
        self.hold = (float(hold[0]) if hold.size and np.all(hold == hold[0]) else
                     hold if hold.size else 0.0)
        if self._fifo:
            self._held_buffer = np.empty(2 * nc + 1, dtype=np.intp)
            self._hold_buffer = np.empty(2 * nc + 1)
            self._head, self._tail = 0, held.size
            self._held_buffer[:held.size] = held
            if not isinstance(self.hold, float):
                self._hold_buffer[:held.size] = hold
                self.hold = self._hold_buffer[:held.size]
            ends, counts = np.unique(until, return_counts=True)
            self._ends = deque(zip(ends.tolist(), counts.tolist()))
            self.held = self._held_buffer[:held.size]
        else:
            self.held, self._held_until = held, until
        self.next_release = int(until[0]) if held.size else _NEVER
        self.guard = self._reset_reaches_threshold or bool(np.any(hold >= self._threshold[held]))

    def release(self, k: int) -> np.ndarray:
        """End the refractory period of the cells whose period ends at step k."""
        if self._fifo:
            ends = self._ends
            while ends and ends[0][0] <= k:
                self._head += ends.popleft()[1]
            head, tail = self._head, self._tail
            self.held = self._held_buffer[head:tail]
            if not isinstance(self.hold, float):
                self.hold = self._hold_buffer[head:tail]
            self.next_release = ends[0][0] if ends else _NEVER
            return self.held
        count = int(np.searchsorted(self._held_until, k, side="right"))
        self.held = self.held[count:]
        self._held_until = self._held_until[count:]
        if not isinstance(self.hold, float):
            self.hold = self.hold[count:]
        self.next_release = int(self._held_until[0]) if self.held.size else _NEVER
        return self.held

    def fire(self, fired: np.ndarray, k: int, v_cells: np.ndarray) -> None:
        """Reset the cells that spiked in step k and hold them for their refractory period."""
        reset = self._uniform_reset
        values = self._v_reset[fired] if reset is None else reset
        v_cells[fired] = values
        if self._fifo:
            self._hold_fifo(fired, values, k + self.uniform)
            return
        if self.uniform is not None:  # 0 or 1 step: never held after the spike
            return
        until = k + self.steps[fired]
        kept = until > k + 1
        cells, until = fired[kept], until[kept]
        if not cells.size:
            return
        if reset is None:
            values = values[kept]
        hold = self.hold
        if isinstance(values, float) and (not self.held.size or (isinstance(hold, float) and values == hold)):
            self.hold = values
        else:
            if isinstance(hold, float):
                hold = np.full(self.held.size, hold)
            self.hold = np.concatenate((hold, np.broadcast_to(values, cells.shape)))
        held = np.concatenate((self.held, cells))
        held_until = np.concatenate((self._held_until, until))
        order = np.argsort(held_until, kind="stable")
        self.held, self._held_until = held[order], held_until[order]
        if not isinstance(self.hold, float):
            self.hold = self.hold[order]
        self.next_release = int(self._held_until[0])

    def _hold_fifo(self, cells: np.ndarray, values, until: int) -> None:
        head, tail, count = self._head, self._tail, cells.size
        buffer = self._held_buffer
        if tail + count > buffer.size:  # move the live part to the front (at most once per n steps)
            buffer[:tail - head] = buffer[head:tail]
            self._hold_buffer[:tail - head] = self._hold_buffer[head:tail]
            head, tail = 0, tail - head
            self._head = 0
        buffer[tail:tail + count] = cells
        hold = self.hold
        if isinstance(values, float) and (head == tail or (isinstance(hold, float) and values == hold)):
            self.hold = values
        else:
            if isinstance(hold, float):
                self._hold_buffer[head:tail] = hold
            self._hold_buffer[tail:tail + count] = values
            self.hold = self._hold_buffer[head:tail + count]
        self._tail = tail + count
        self.held = buffer[head:tail + count]
        if not self._ends:
            self.next_release = until
        self._ends.append((until, count))


def uniform_value(values: np.ndarray):
    """The common value of `values`, or None if they differ (or there are none)."""
    return values[0] if values.size and np.all(values == values[0]) else None
