"""The pulses a spiking run draws on the axons: each spike sends one down every outgoing synapse,
which arrives when the synaptic delay has passed. A part the spiking engine owns; only what the
canvas draws, the simulation does not read it.
"""

from __future__ import annotations

import numpy as np

from neuron_sim.model.engines.protocol import Pulses

MAX_PULSES = 20000
EXPIRY_SLACK = 256  # pulses that may wait between two sweeps of the arrived ones


class PulseTrail:
    """The pulses on their way: the synapse, launch time, delay and weight of each."""

    def __init__(self, keys: list[tuple[str, str]], sources: np.ndarray, delay_ms: np.ndarray, dt_ms: float):
        self._keys = keys
        self._delay_ms = delay_ms
        self._dt_ms = dt_ms
        self._outgoing: dict[int, list[int]] = {}  # neuron index → its synapses' indices
        if keys:
            for synapse, source in enumerate(sources.tolist()):
                self._outgoing.setdefault(source, []).append(synapse)
        self.clear()

    def clear(self) -> None:
        self.keys: list[tuple[str, str]] = []
        self._start = np.zeros(0)
        self._delay = np.zeros(0)
        self._weight = np.zeros(0)
        self._sweep_at = EXPIRY_SLACK

    def launch(self, spiked: np.ndarray, t_ms: float, weight_of) -> None:
        """A pulse down each synapse of the neurons in `spiked`, sent at `t_ms`; `weight_of(key)`
        gives a synapse's weight now."""
        synapses = [s for i in spiked.tolist() for s in self._outgoing.get(i, ())]
        if not synapses:
            return
        if len(self.keys) >= self._sweep_at:  # a run nobody draws must not pile up pulses
            self.expire(t_ms)
            self._sweep_at = 2 * len(self.keys) + EXPIRY_SLACK
        keys = [self._keys[s] for s in synapses]
        self.keys = self.keys + keys
        self._start = np.concatenate([self._start, np.full(len(keys), t_ms)])
        self._delay = np.concatenate([self._delay, self._delay_ms[synapses]])
        self._weight = np.concatenate([self._weight, [weight_of(key) for key in keys]])
        if len(self.keys) > MAX_PULSES:
            self._keep(np.arange(len(self.keys) - MAX_PULSES, len(self.keys)))

    def expire(self, t_ms: float) -> None:
        """Drop the pulses that have arrived by `t_ms`."""
        if not self.keys:
            return
        alive = t_ms - self._start <= np.maximum(self._delay, self._dt_ms)
        if not alive.all():
            self._keep(np.flatnonzero(alive))

    def pulses(self, t_ms: float) -> Pulses:
        """The pulses still on their way at `t_ms`."""
        self.expire(t_ms)
        if not self.keys:
            return Pulses()
        progress = (t_ms - self._start) / np.maximum(self._delay, self._dt_ms)
        return Pulses(self.keys, np.clip(progress, 0.0, 1.0), self._weight)

    def take_over(self, other: PulseTrail, synapses) -> None:
        """`other`'s pulses on the synapses (keys) that are in `synapses`."""
        self.keys = other.keys
        self._start, self._delay, self._weight = other._start.copy(), other._delay.copy(), other._weight.copy()
        self._keep([i for i, key in enumerate(self.keys) if key in synapses])

    def _keep(self, chosen) -> None:
        chosen = np.asarray(chosen, dtype=np.intp)
        self.keys = [self.keys[i] for i in chosen.tolist()]
        self._start = self._start[chosen]
        self._delay = self._delay[chosen]
        self._weight = self._weight[chosen]
