"""Synaptic delays: the input each spike sends along the synapses waits here until it is due.

The synapse side of the spiking engine (engine.py), a part the engine owns
(docs/performance.md):

  - compilation of the synapses into per-neuron tables (`compile`);
  - a ring buffer of (delay slot × cell) sums: `schedule` adds the weights of the synapses of
    every cell that spiked with one `np.add.at`; `deliver` adds a whole row at once and a bit
    mask (`_pending`) skips empty slots;
  - a sparse queue (a dict of steps) for networks whose delays would make the ring too large;
  - a log of the spikes that may still be in flight (`spike_log`), and the input in flight as
    plain data (`in_flight`, `load_in_flight`), so that an engine can take it over from another
    (carry.py).
"""

from __future__ import annotations

from collections import deque

import numpy as np


def delay_steps(delay_ms: np.ndarray, dt_ms: float) -> np.ndarray:
    """Synaptic delay → whole steps, as Brian2's (C++) spike queue rounds it: halves go up.

    brian2/synapses/cspikequeue.cpp, used by Brian2's numpy and cython targets alike:
    `delays[i] = (int)(real_delays[i] / _dt + 0.5)` in seconds. (Its pure-Python fallback queue
    uses `np.round`, which would send 2.5 steps to 2; the C++ queue sends them to 3.)
    """
    return ((np.asarray(delay_ms, dtype=float) * 1e-3) / (dt_ms * 1e-3) + 0.5).astype(np.int64)


Due = dict[int, list[tuple[np.ndarray, np.ndarray]]]  # step → [(cell indices, mV), ...]


class SynapticDelays:
    """Delayed synaptic input of a spiking network (SpikingArrays): a ring buffer, or a sparse
    queue. `compile` then `reset` before use; the engine calls `schedule` for the cells that
    spiked and `deliver` once per step."""

    #: Above this many (delay slot × cell) entries, or delays longer than MAX_RING_DELAY steps,
    #: delayed input waits in a sparse queue instead of a ring buffer (very long delays at a fine
    #: dt would otherwise need gigabytes).
    MAX_RING_ENTRIES = 8_000_000
    MAX_RING_DELAY = 4096
    #: Synapse tables are padded to the largest fan-out if that takes at most PADDING_FACTOR times
    #: the entries of the synapses themselves, or at most PADDING_ALLOWANCE entries.
    PADDING_FACTOR = 2
    PADDING_ALLOWANCE = 4096

    def __init__(self, arrays, dt_ms: float):
        self.arrays = arrays
        self.dt_ms = dt_ms
        self.n = len(arrays.ids)
        self.n_cells = arrays.n_cells

    def compile(self, reach: int = 0) -> None:
        """`reach`: steps ahead the delay buffers must hold at least (input carried over an edit
        may be due later than the longest delay of the network now). Empties the buffers."""
        a = self.arrays
        nc = self.n_cells
        source = a.syn_source
        if source.size < 2 or bool((source[1:] >= source[:-1]).all()):  # in order already, as files mostly are
            order = np.arange(source.size)
        else:
            order = np.argsort(source, kind="stable")
        self.order = order
        self._syn_position_cache: dict[tuple[str, str], int] | None = None
        target = a.syn_target[order].astype(np.intp)
        delay = delay_steps(a.syn_delay_ms[order], self.dt_ms)
        self._indptr = np.zeros(self.n + 1, dtype=np.intp)
        np.cumsum(np.bincount(a.syn_source, minlength=self.n), out=self._indptr[1:])
        self.max_delay = max(int(delay.max()) if delay.size else 0, reach)
        # The ring has a power of two of slots (≥ longest delay + 1), each a power of two of
        # entries (≥ n_cells; the rest unused), so that wrapping an index is one bitwise and.
        self._ring_length = 1 << self.max_delay.bit_length()
        self._ring_width = 1 << max(nc - 1, 0).bit_length()
        self._ring_mask = self._ring_length * self._ring_width - 1
        self.sparse = (self._ring_length * self._ring_width > self.MAX_RING_ENTRIES
                        or self.max_delay > self.MAX_RING_DELAY)
        # A synapse's key is where its input lands in the flattened ring (delay·width + target;
        # the delay alone for the sparse queue). Gathering the keys and weights of the cells that
        # spiked is one fancy index per table when every neuron has about as many synapses: the
        # (neuron, width) tables are padded with key 0, weight 0.0, which adds nothing. Otherwise
        # each synapse is a (key, weight-as-int64-bits) pair, and one concatenation of the
        # neurons' runs gathers them.
        counts = np.diff(self._indptr)
        width = int(counts.max()) if counts.size else 0
        self.padded = (not self.sparse and width > 0
                        and self.n * width <= max(self.PADDING_FACTOR * delay.size, self.PADDING_ALLOWANCE))
        keys = delay if self.sparse else delay * self._ring_width + target
        bounds = self._indptr.tolist()
        if self.padded:
            rows = np.repeat(np.arange(self.n), counts)
            columns = np.arange(delay.size) - self._indptr[rows]
            self._key_table = np.zeros((self.n, width), dtype=np.int64)
            self._key_table[rows, columns] = keys
            self._weights = np.zeros((self.n, width))
            self._weights[rows, columns] = a.syn_weight[order]
            self._weight_at = (rows, columns)  # CSR position → place in _weights
        else:
            pairs = np.empty((delay.size, 2), dtype=np.int64)
            pairs[:, 0] = keys
            pairs[:, 1] = a.syn_weight[order].astype(np.float64).view(np.int64)
            self._pair_rows = [pairs[bounds[i]:bounds[i + 1]] for i in range(self.n)]
            self._weights = pairs[:, 1].view(np.float64)
            self._weight_at = None
        self._target_rows = ([target[bounds[i]:bounds[i + 1]] for i in range(self.n)]
                             if self.sparse else None)
        # bit d of _delay_bits[i]: neuron i has a synapse with a delay of d steps; _all_delay_bits
        # is their union (used when many cells spike at once)
        self._delay_bits = [0] * self.n
        self._all_delay_bits = 0
        if not self.sparse and self.max_delay < 63:  # the bits of every neuron at once, in an int64
            bits = np.zeros(self.n, dtype=np.int64)
            np.bitwise_or.at(bits, np.repeat(np.arange(self.n), counts), np.left_shift(1, delay, dtype=np.int64))
            self._delay_bits = bits.tolist()
            self._all_delay_bits = int(np.bitwise_or.reduce(bits)) if bits.size else 0
        elif not self.sparse:
            for i in np.flatnonzero(counts).tolist():
                bits = 0
                for d in np.unique(delay[bounds[i]:bounds[i + 1]]).tolist():
                    bits |= 1 << d
                self._delay_bits[i] = bits
                self._all_delay_bits |= bits

    def weight_of(self, key: tuple[str, str]) -> float | None:
        """The weight of synapse `key` now (None: no such synapse)."""
        position = self._positions().get(tuple(key))
        if position is None:
            return None
        if self._weight_at is None:
            return float(self._weights[position])
        return float(self._weights[self._weight_at[0][position], self._weight_at[1][position]])

    def delay_of(self, key: tuple[str, str]) -> int:
        """The delay of synapse `key` in steps (it must exist)."""
        position = self._positions()[tuple(key)]
        return int(delay_steps(self.arrays.syn_delay_ms[self.order[position]], self.dt_ms))

    def set_weight(self, key: tuple[str, str], value: float) -> bool:
        """A new weight for spikes sent from now on; False if there is no such synapse."""
        position = self._positions().get(tuple(key))
        if position is None:
            return False
        if self._weight_at is None:
            self._weights[position] = value
        else:
            self._weights[self._weight_at[0][position], self._weight_at[1][position]] = value
        return True

    def weights(self) -> np.ndarray:
        """Each synapse's weight now (live edits included), in the order of `arrays.syn_keys`."""
        csr = self._weights[self._weight_at] if self._weight_at is not None else self._weights
        weights = np.empty(csr.size)
        weights[self.order] = csr
        return weights

    def delays(self) -> np.ndarray:
        """Each synapse's delay in steps, in the order of `arrays.syn_keys`."""
        return delay_steps(self.arrays.syn_delay_ms, self.dt_ms)

    def _positions(self) -> dict[tuple[str, str], int]:
        """Synapse key → position in the CSR arrays (built on first use)."""
        if self._syn_position_cache is None:
            inverse = np.argsort(self.order)
            self._syn_position_cache = {key: int(p) for p, key in zip(inverse, self.arrays.syn_keys)}
        return self._syn_position_cache

    def reset(self, log_length: int = 0) -> None:
        """Empty delay buffers, and a log of the spikes that may still be in flight."""
        nc = self.n_cells
        if self.sparse:
            self._queue: dict[int, list[tuple[np.ndarray, np.ndarray]]] = {}
        else:
            self._ring = np.zeros((self._ring_length, self._ring_width))
            self._ring_flat = self._ring.reshape(-1)
            self._ring_rows = [row[:nc] for row in self._ring]
        self._pending = 0  # bit j: input is waiting for step step_count + j (ring only)
        # (step, indices that spiked) for the last steps with spikes: at most one entry per step,
        # so the longest delay's worth of entries covers every spike still travelling
        self.spike_log: deque[tuple[int, np.ndarray]] = deque(maxlen=max(self.max_delay, log_length))

    def schedule(self, spiked: np.ndarray, k: int) -> None:
        """The input of every synapse of the cells in `spiked` (not empty), sent in step k."""
        self.spike_log.append((k, spiked))
        rows = spiked.tolist()
        fresh = False  # True when `keys` is a copy that may be changed in place
        if self.padded:
            if len(rows) == 1:
                keys, weights = self._key_table[rows[0]], self._weights[rows[0]]
            else:  # (spikes, width) copies, raveled (np.add.at is much slower with 2-d indices);
                # the take method is several times faster than fancy indexing for this
                keys = self._key_table.take(spiked, axis=0).ravel()
                weights = self._weights.take(spiked, axis=0).ravel()
                fresh = True
        else:
            pairs = (self._pair_rows[rows[0]] if len(rows) == 1 else
                     np.concatenate([self._pair_rows[i] for i in rows]))  # (synapses, 2)
            if not pairs.size:
                return
            keys, weights = pairs[:, 0], pairs[:, 1].view(np.float64)
        if self.sparse:
            self._queue_sparse(rows, keys, weights, k)
            return
        if len(rows) <= 8:
            bits = 0
            for i in rows:
                bits |= self._delay_bits[i]
            self._pending |= bits
        else:
            self._pending |= self._all_delay_bits
        # keys are delay·width + target: the entry for step k + delay is k·width + key, wrapped
        flat = np.add(keys, (k & (self._ring_length - 1)) * self._ring_width, out=keys if fresh else None)
        np.bitwise_and(flat, self._ring_mask, out=flat)
        np.add.at(self._ring_flat, flat, weights)

    def _queue_sparse(self, rows: list[int], delays: np.ndarray, weights: np.ndarray, k: int) -> None:
        targets = (self._target_rows[rows[0]] if len(rows) == 1 else
                   np.concatenate([self._target_rows[i] for i in rows]))
        for delay in np.unique(delays).tolist():
            chosen = delays == delay
            self._queue.setdefault(k + delay, []).append((targets[chosen], weights[chosen]))

    def deliver(self, k: int, v_cells: np.ndarray) -> bool:
        """Add the input due in step k to `v_cells`; True if there was any."""
        if self.sparse:
            due = self._queue.pop(k, None) if self._queue else None
            if due is None:
                return False
            targets = np.concatenate([t for t, _ in due])
            weights = np.concatenate([w for _, w in due])
            np.add.at(v_cells, targets, weights)
            return True
        pending = self._pending
        if not pending:
            return False
        self._pending = pending >> 1
        if pending & 1:
            row = self._ring_rows[k & (self._ring_length - 1)]
            np.add(v_cells, row, out=v_cells)
            row.fill(0.0)
            return True
        return False

    def in_flight(self, k: int) -> Due:
        """The input still to arrive at step k or later, by the step it arrives in."""
        if self.sparse:
            return {step: list(parts) for step, parts in self._queue.items()}
        due = {}
        pending, ahead = self._pending, 0
        while pending:
            if pending & 1:
                row = self._ring_rows[(k + ahead) & (self._ring_length - 1)]
                cells = np.flatnonzero(row)
                if cells.size:
                    due[k + ahead] = [(cells, row[cells].copy())]
            pending >>= 1
            ahead += 1
        return due

    def load_in_flight(self, due: Due, k: int) -> None:
        """Fill empty delay buffers (`reset`) with `due`, as `in_flight(k)` gives it; the buffers
        must reach the last step in it. Parts due in one step stay apart in the sparse queue, so
        that delivery adds them in the same order; the ring holds their sum."""
        for step in sorted(due):
            parts = due[step]
            if self.sparse:
                self._queue[step] = [(targets.copy(), weights.copy()) for targets, weights in parts]
                continue
            row = self._ring_rows[step & (self._ring_length - 1)]
            for targets, weights in parts:
                np.add.at(row, targets, weights)
            self._pending |= 1 << (step - k)
