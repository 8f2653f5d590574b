"""The pulses a spiking run draws on the axons: each spike sends one down every outgoing synapse,
which arrives when the synaptic delay has passed. A part the spiking engine owns; only what the
canvas draws, the simulation does not read it.

A step costs one deque append when cells spiked, nothing otherwise: the trail logs which neurons
spiked in which step, and only when the pulses are read (once per drawn frame, not per step) are
those spikes turned into pulses, all at once, through the synapses grouped by source (synapse
indices, no keys). What a pulse shows:

- its progress, (t − sent) / delay, the delay in ms as the synapse has it (at least dt); a pulse
  stays until its progress passes 1;
- its strength: the weight it was sent with. A weight edited while pulses travel applies to
  spikes sent from then on, as in the engine, so the trail remembers the edits (the old weights)
  for as long as a pulse sent before one can be on its way. A synapse that learns (STDP) adds on
  arrival the weight it has then, so its pulses show the weight it has now.

Pulses taken over from another engine (after an edit) are kept as they are, one array each, until
they have arrived.
"""

from __future__ import annotations

from collections import deque

import numpy as np

from neuron_sim.model.engines.protocol import Pulses

MAX_PULSES = 2_000_000  # read at once: the newest; beyond that a frame would stall


class PulseTrail:
    """The spikes whose pulses are still on their way, and what the pulses show."""

    def __init__(self, neuron_count: int, keys: list[tuple[str, str]], sources: np.ndarray,
                 delay_ms: np.ndarray, weights: np.ndarray, dt_ms: float, plastic=None):
        self.synapse_keys = keys  # may be empty (arrays built without a Network): pulses by index only
        self._neuron_count = neuron_count
        self._sources = sources
        self._delay_ms = delay_ms
        self._weights = weights  # as built: copied before the first edit, never written in place
        self._own_weights = False
        self._dt_ms = dt_ms
        self._plastic = plastic  # PlasticSynapses (positions, w) or None
        # a pulse sent in step s is on its way while (t − s·dt) ≤ max(delay, dt)
        self._reach_ms = max(float(delay_ms.max()) if delay_ms.size else 0.0, dt_ms)
        self._by_source: tuple[np.ndarray | None, np.ndarray] | None = None  # (order, bounds), made on first read
        self._key_index: dict[tuple[str, str], int] | None = None
        self.clear()

    def clear(self) -> None:
        self.log: deque[tuple[int, np.ndarray]] = deque()  # (step, neurons that spiked in it)
        self._edits: list[tuple[int, int, float]] = []  # (step of the edit, synapse, weight before it)
        self._carried = _Explicit.empty()

    # ---- per step ------------------------------------------------------------------------------
    def launch(self, spiked: np.ndarray, step: int) -> None:
        """The neurons in `spiked` (not empty) spiked in `step`: a pulse down each of their synapses."""
        log = self.log
        log.append((step, spiked))
        if (step - log[0][0]) * self._dt_ms > self._reach_ms:  # a run nobody draws keeps no more
            self._forget(step * self._dt_ms)

    def weight_edited(self, key: tuple[str, str], before: float, value: float, step: int) -> None:
        """Synapse `key` carries `value` from `step` on; pulses sent before keep `before`."""
        synapse = self.index_of(key)
        if synapse is None:
            return
        if not self._own_weights:
            self._weights = self._weights.copy()
            self._own_weights = True
        self._weights[synapse] = value
        if self.log:
            self._edits.append((step, synapse, before))

    def index_of(self, key: tuple[str, str]) -> int | None:
        if self._key_index is None:
            self._key_index = {k: i for i, k in enumerate(self.synapse_keys)}
        return self._key_index.get(tuple(key))

    def _forget(self, t_ms: float) -> None:
        """Drop what can no longer be on its way at `t_ms`."""
        log, dt, reach = self.log, self._dt_ms, self._reach_ms
        while log and t_ms - log[0][0] * dt > reach:
            log.popleft()
        oldest = log[0][0] if log else None
        if self._edits and (oldest is None or self._edits[0][0] <= oldest):
            self._edits = [edit for edit in self._edits if oldest is not None and edit[0] > oldest]
        if len(self._carried):
            self._carried = self._carried.kept(t_ms - self._carried.start <= self._carried.reach)

    # ---- reading (once per drawn frame) --------------------------------------------------------
    def pulses(self, t_ms: float) -> Pulses:
        """The pulses on their way at `t_ms`: synapse indices, progress 0..1, strength."""
        self._forget(t_ms)
        carried = self._carried
        sent = self._sent()
        if len(carried):
            sent = carried.joined(sent)
        if not len(sent):
            return Pulses(synapse_keys=self.synapse_keys)
        elapsed = t_ms - sent.start
        alive = elapsed <= sent.reach
        if not alive.all():
            sent = sent.kept(alive)
            elapsed = elapsed[alive]
        progress = elapsed / sent.reach
        np.clip(progress, 0.0, 1.0, out=progress)
        return Pulses(sent.synapse, progress, sent.strength, self.synapse_keys)

    def _sent(self) -> _Explicit:
        """The logged spikes as pulses, oldest first (in a step: by neuron, then synapse order)."""
        if not self.log:
            return _Explicit.empty()
        order, bounds = self._grouped()
        steps = np.fromiter((step for step, _ in self.log), dtype=np.int64, count=len(self.log))
        parts = [spiked for _, spiked in self.log]
        neurons = parts[0] if len(parts) == 1 else np.concatenate(parts)
        sizes = np.fromiter((part.size for part in parts), dtype=np.intp, count=len(parts))
        first = bounds[neurons]
        counts = bounds[neurons + 1] - first
        steps_of_neurons = np.repeat(steps, sizes)
        if int(counts.sum()) > MAX_PULSES:  # the newest, by whole neurons
            cut = counts.size - int(np.count_nonzero(np.cumsum(counts[::-1]) <= MAX_PULSES))
            first, counts, steps_of_neurons = first[cut:], counts[cut:], steps_of_neurons[cut:]
        total = int(counts.sum())
        # position in `order` of each pulse: its neuron's first synapse + its rank among them
        ends = np.cumsum(counts)
        positions = np.arange(total, dtype=np.intp) + np.repeat(first - (ends - counts), counts)
        synapse = positions if order is None else order[positions]
        sent_step = np.repeat(steps_of_neurons, counts)
        return _Explicit(synapse, sent_step * self._dt_ms, np.maximum(self._delay_ms[synapse], self._dt_ms),
                         self._strength(synapse, sent_step))

    def _strength(self, synapse: np.ndarray, sent_step: np.ndarray) -> np.ndarray:
        strength = self._weights[synapse]
        for step, edited, before in reversed(self._edits):  # the oldest edit after a sending wins
            earlier = (synapse == edited) & (sent_step < step)
            if earlier.any():
                strength[earlier] = before
        plastic = self._plastic
        if plastic is not None and plastic.positions.size:
            place = np.minimum(np.searchsorted(plastic.positions, synapse), plastic.positions.size - 1)
            learning = plastic.positions[place] == synapse
            strength[learning] = plastic.w[place[learning]]
        return strength

    def _grouped(self) -> tuple[np.ndarray | None, np.ndarray]:
        """Synapse indices grouped by source neuron (None: they are already), and each neuron's
        bounds in them."""
        if self._by_source is None:
            sources = self._sources
            if sources.size < 2 or bool(np.all(sources[1:] >= sources[:-1])):
                order = None
            else:
                order = np.argsort(sources, kind="stable")
            bounds = np.zeros(self._neuron_count + 1, dtype=np.intp)
            np.cumsum(np.bincount(sources, minlength=self._neuron_count), out=bounds[1:])
            self._by_source = (order, bounds)
        return self._by_source

    # ---- going on from another engine ----------------------------------------------------------
    def take_over(self, other: PulseTrail, t_ms: float) -> None:
        """`other`'s pulses on the synapses (by key) that this trail has too, as they were sent."""
        self.clear()
        other._forget(t_ms)
        pulses = other._carried.joined(other._sent()) if len(other._carried) else other._sent()
        if not len(pulses) or not self.synapse_keys:
            return
        # each synapse of `other` that carries a pulse → its index here (−1: not here)
        carrying, which = np.unique(pulses.synapse, return_inverse=True)
        keys = other.synapse_keys
        here = np.array([-1 if (i := self.index_of(keys[s])) is None else i for s in carrying.tolist()],
                        dtype=np.intp)
        mapped = here[which]
        kept = np.flatnonzero(mapped >= 0)
        self._carried = pulses.kept(kept)
        self._carried.synapse = mapped[kept]


class _Explicit:
    """Pulses one by one: synapse index, time sent (ms), delay (ms, at least dt), strength."""

    __slots__ = ("synapse", "start", "reach", "strength")

    def __init__(self, synapse: np.ndarray, start: np.ndarray, reach: np.ndarray, strength: np.ndarray):
        self.synapse, self.start, self.reach, self.strength = synapse, start, reach, strength

    @classmethod
    def empty(cls) -> _Explicit:
        return cls(np.zeros(0, dtype=np.intp), np.zeros(0), np.zeros(0), np.zeros(0))

    def __len__(self) -> int:
        return self.synapse.size

    def kept(self, chosen: np.ndarray) -> _Explicit:
        return _Explicit(self.synapse[chosen], self.start[chosen], self.reach[chosen], self.strength[chosen])

    def joined(self, later: _Explicit) -> _Explicit:
        if not len(later):
            return self
        return _Explicit(*(np.concatenate((getattr(self, name), getattr(later, name))) for name in self.__slots__))
