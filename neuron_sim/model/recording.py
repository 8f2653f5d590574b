"""Bounded recordings of a running simulation: traces and spikes for the instrument docks.

Memory stays flat however long a run lasts: both buffers keep only the most recent samples. How
many samples of every neuron are kept follows from the memory the recording may use (a setting
the person chooses; `capacity_for`): a 10-neuron network keeps DEFAULT_CAPACITY samples, a
100,000-neuron one as many as fit. What no longer fits is counted (`samples_dropped`,
`spikes_dropped`), so that the docks can say so.
"""

from __future__ import annotations

import csv
import io

import numpy as np

DEFAULT_CAPACITY = 4000  # samples of every neuron, at most
MIN_CAPACITY = 16  # however many neurons there are
DEFAULT_MEMORY_BYTES = 32 << 20  # for the samples of every neuron (the setting's default)
VALUE_BYTES = 8
MAX_SPIKES = 20000


def capacity_for(neurons: int, memory_bytes: int = DEFAULT_MEMORY_BYTES) -> int:
    """Samples of `neurons` neurons that fit in `memory_bytes` (between MIN_ and DEFAULT_CAPACITY)."""
    fitting = int(memory_bytes) // (VALUE_BYTES * max(neurons, 1))
    return max(MIN_CAPACITY, min(DEFAULT_CAPACITY, fitting))


class TraceRecorder:
    """The last `capacity` samples of every neuron's value (activation, or v in mV), and spikes."""

    def __init__(self, ids: list[str], capacity: int = DEFAULT_CAPACITY, unit: str = "tick"):
        self.ids = list(ids)
        self.index = {nid: i for i, nid in enumerate(self.ids)}
        self.capacity = capacity
        self.unit = unit  # "tick" (rate) or "ms" (spiking)
        self._times = np.zeros(capacity)
        self._values = np.zeros((capacity, len(self.ids)))
        self._count = 0  # samples ever written
        self.spike_capacity = MAX_SPIKES  # the newest spikes kept, of every neuron together
        self._spike_times = np.zeros(self.spike_capacity)
        self._spike_ids = np.zeros(self.spike_capacity, dtype=np.intp)
        self._spike_count = 0
        self._dropped_before = (0, 0)  # (samples, spikes) dropped by the recording carried over

    def __len__(self) -> int:
        return min(self._count, self.capacity)

    def clear(self) -> None:
        self._count = 0
        self._spike_count = 0
        self._dropped_before = (0, 0)

    def append(self, time: float, values: np.ndarray, spiking_indices: np.ndarray | None = None,
               columns: np.ndarray | None = None) -> None:
        """One sample; `values` in `ids` order, or `values[columns]` is. `spiking_indices` (an
        array) index into `ids`."""
        slot = self._count % self.capacity
        self._times[slot] = time
        if columns is None:
            self._values[slot] = values
        else:
            np.take(values, columns, out=self._values[slot])
        self._count += 1
        if spiking_indices is not None and spiking_indices.size:
            start = self._spike_count % self.spike_capacity
            end = start + spiking_indices.size
            if end <= self.spike_capacity:  # one slice (a step's spikes rarely wrap around)
                self._spike_times[start:end] = time
                self._spike_ids[start:end] = spiking_indices
                self._spike_count += spiking_indices.size
            else:
                self._add_spikes(np.full(spiking_indices.size, time), spiking_indices)

    def _add_spikes(self, times: np.ndarray, indices: np.ndarray) -> None:
        """Spikes (one time each) of the neurons `indices`, into the ring of spikes."""
        count = indices.size
        if count > self.spike_capacity:
            self._spike_count += count - self.spike_capacity
            times, indices, count = times[-self.spike_capacity:], indices[-self.spike_capacity:], self.spike_capacity
        start = self._spike_count % self.spike_capacity
        first = min(count, self.spike_capacity - start)
        self._spike_times[start:start + first] = times[:first]
        self._spike_ids[start:start + first] = indices[:first]
        self._spike_times[:count - first] = times[first:]
        self._spike_ids[:count - first] = indices[first:]
        self._spike_count += count

    @property
    def samples_dropped(self) -> int:
        """Samples recorded and then dropped to keep the recording within its capacity."""
        return max(self._count - self.capacity, 0) + self._dropped_before[0]

    @property
    def spikes_dropped(self) -> int:
        return max(self._spike_count - self.spike_capacity, 0) + self._dropped_before[1]

    @property
    def memory_bytes(self) -> int:
        """What the samples of every neuron take."""
        return self._values.nbytes + self._times.nbytes

    def carry(self, old: TraceRecorder) -> None:
        """Start from `old`'s samples and spikes (a recording of other neurons) for the neurons
        both have, by id; a neuron `old` did not have reads 0. Only what fits here is kept, and
        what did not fit is counted as dropped."""
        times, values = old.times(), old.values()
        keep = min(times.size, self.capacity)
        here = np.array([self.index.get(nid, -1) for nid in old.ids], dtype=np.intp)
        kept = np.flatnonzero(here >= 0)
        self._times[:keep] = times[times.size - keep:]
        self._values[:keep] = 0.0
        self._values[:keep, here[kept]] = values[values.shape[0] - keep:][:, kept]
        self._count = keep
        self._spike_count = 0
        spike_times, spike_ids = old.spikes()
        moved = here[spike_ids]
        chosen = np.flatnonzero(moved >= 0)
        if chosen.size:
            self._add_spikes(spike_times[chosen], moved[chosen])
        self._dropped_before = (old.samples_dropped + times.size - keep, old.spikes_dropped)

    def revise(self, time: float, values: np.ndarray) -> None:
        """The sample at `time` becomes `values` (the state at that time was edited); appended
        when the last sample is of an earlier time. Spikes are not touched."""
        if self._count and self._times[(self._count - 1) % self.capacity] == time:
            self._values[(self._count - 1) % self.capacity] = values
        else:
            self.append(time, values)

    def _order(self, count: int, capacity: int) -> np.ndarray:
        n = min(count, capacity)
        return (np.arange(count - n, count) % capacity) if n else np.zeros(0, dtype=np.intp)

    def times(self) -> np.ndarray:
        return self._times[self._order(self._count, self.capacity)]

    def values(self, neuron_id: str | None = None, start: int = 0, stop: int | None = None) -> np.ndarray:
        """(samples, neurons) oldest first, or one neuron's column; samples `start`:`stop` of
        them only (oldest first), without copying the others."""
        order = self._order(self._count, self.capacity)[start:stop]
        if neuron_id is None:
            return self._values[order]
        return self._values[order, self.index[neuron_id]]  # one column, without copying the rest

    def spikes(self) -> tuple[np.ndarray, np.ndarray]:
        """(times, indices into `ids`) of the recorded spikes, oldest first."""
        order = self._order(self._spike_count, self.spike_capacity)
        return self._spike_times[order], self._spike_ids[order]

    def spike_times(self, neuron_id: str) -> np.ndarray:
        times, ids = self.spikes()
        return times[ids == self.index[neuron_id]]

    def spike_window(self) -> tuple[float, float] | None:
        """(start, end) in ms of the span whose every spike the recording still holds: the kept
        samples' span, cut at the oldest kept spike once older spikes were dropped (that step's
        spikes may be kept only in part, so the span starts just after it). None before two samples."""
        times = self.times()
        if times.size < 2:
            return None
        start, end = float(times[0]), float(times[-1])
        if self.spikes_dropped:
            spike_times, _ids = self.spikes()
            if spike_times.size:
                start = max(start, float(spike_times[0]))
        return start, end

    def firing_rates_hz(self) -> dict[str, float]:
        """Mean rate of each neuron over `spike_window` (spiking runs): spikes from its start (after
        it, when older spikes were dropped) to its end, over its length."""
        window = self.spike_window() if self.unit == "ms" else None
        if window is None:
            return {nid: 0.0 for nid in self.ids}
        start, end = window
        duration_s = max(end - start, 1e-9) / 1000.0
        spike_times, spike_ids = self.spikes()
        inside = spike_times > start if self.spikes_dropped else spike_times >= start
        counts = np.bincount(spike_ids[inside], minlength=len(self.ids))
        return {nid: float(counts[i] / duration_s) for i, nid in enumerate(self.ids)}

    def to_csv(self, neuron_ids: list[str] | None = None) -> str:
        """The recorded traces as CSV: a time column, then one column per neuron."""
        chosen = neuron_ids or self.ids
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([f"time_{self.unit}", *chosen])
        columns = [self.index[nid] for nid in chosen]
        rows = self.values()[:, columns]
        for t, row in zip(self.times().tolist(), rows.tolist()):
            writer.writerow([t, *row])
        return buffer.getvalue()
