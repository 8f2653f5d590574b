"""Bounded recordings of a running simulation: traces and spikes for the instrument docks.

Memory stays flat however long a run lasts: both buffers keep only the most recent samples.
"""

from __future__ import annotations

import csv
import io

import numpy as np

DEFAULT_CAPACITY = 4000
MAX_SPIKES = 20000


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
        self._spike_times = np.zeros(MAX_SPIKES)
        self._spike_ids = np.zeros(MAX_SPIKES, dtype=np.intp)
        self._spike_count = 0

    def __len__(self) -> int:
        return min(self._count, self.capacity)

    def clear(self) -> None:
        self._count = 0
        self._spike_count = 0

    def append(self, time: float, values: np.ndarray, spiking_indices: np.ndarray | None = None) -> None:
        """One sample; `values` in `ids` order. `spiking_indices` index into `ids`."""
        slot = self._count % self.capacity
        self._times[slot] = time
        self._values[slot] = values
        self._count += 1
        if spiking_indices is not None and len(spiking_indices):
            for i in np.asarray(spiking_indices).tolist():
                s = self._spike_count % MAX_SPIKES
                self._spike_times[s] = time
                self._spike_ids[s] = i
                self._spike_count += 1

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

    def values(self, neuron_id: str | None = None) -> np.ndarray:
        """(samples, neurons) oldest first, or one neuron's column."""
        order = self._order(self._count, self.capacity)
        if neuron_id is None:
            return self._values[order]
        return self._values[order, self.index[neuron_id]]  # one column, without copying the rest

    def spikes(self) -> tuple[np.ndarray, np.ndarray]:
        """(times, indices into `ids`) of the recorded spikes, oldest first."""
        order = self._order(self._spike_count, MAX_SPIKES)
        return self._spike_times[order], self._spike_ids[order]

    def spike_times(self, neuron_id: str) -> np.ndarray:
        times, ids = self.spikes()
        return times[ids == self.index[neuron_id]]

    def firing_rates_hz(self) -> dict[str, float]:
        """Mean rate of each neuron over the recorded window (spiking runs)."""
        times = self.times()
        if self.unit != "ms" or times.size < 2:
            return {nid: 0.0 for nid in self.ids}
        start, end = times[0], times[-1]
        duration_s = max(end - start, 1e-9) / 1000.0
        spike_times, spike_ids = self.spikes()
        inside = spike_times >= start
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
