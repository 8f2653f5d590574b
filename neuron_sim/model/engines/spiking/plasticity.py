"""Plastic synapses of the spiking engine: pair-based STDP as Brian2's standard model computes it.

A part the engine (engine.py) owns when a network has synapses with a learning rule; without
one the engine has none and its step is as before. The Brian2 model it reproduces (checked in
tests/model/test_stdp_brian2.py; docs/learning.md):

    w : 1
    dapre/dt = -apre / tau_pre : 1 (event-driven)
    dapost/dt = -apost / tau_post : 1 (event-driven)
    on_pre:  v_post += w;  apre += A_pre;   w = clip(w + apost, w_min, w_max)
    on_post: apost += A_post;  w = clip(w + apre, w_min, w_max)

Event-driven traces decay only when an event touches their synapse:
trace ← trace · exp(−(t − lastupdate) / τ), then lastupdate = t (t in seconds, as Brian2's clock).
In a step, presynaptic arrivals (Brian2's `pre` pathway, order −1) come before postsynaptic
spikes (`post`, order 1), both after the threshold and before the reset. A plastic synapse adds
its weight when the spike arrives (the weight then), so its input does not wait in the delay
buffers (there its weight is 0) but in `_arrivals`: step → synapse numbers.
"""

from __future__ import annotations

import numpy as np

from neuron_sim.model.engines.spiking.arrays import SpikingArrays
from neuron_sim.model.engines.spiking.delays import delay_steps

SynapseKey = tuple[str, str]


class PlasticSynapses:
    """The synapses of `arrays` that learn (numbered 0…count−1 in network order): their weights,
    traces and the spikes travelling along them."""

    def __init__(self, arrays: SpikingArrays, dt_ms: float):
        chosen = [s for s, rule in enumerate(arrays.syn_plasticity) if rule is not None]
        rules = [arrays.syn_plasticity[s] for s in chosen]
        self.count = len(chosen)
        self.positions = np.array(chosen, dtype=np.intp)  # each one's place in the arrays' synapses
        self.keys: list[SynapseKey] = [arrays.syn_keys[s] for s in chosen]
        self.number = {key: p for p, key in enumerate(self.keys)}
        self.pre = arrays.syn_source[self.positions]
        self.post = arrays.syn_target[self.positions]
        self.delay = delay_steps(arrays.syn_delay_ms[self.positions], dt_ms)
        self.initial_w = arrays.syn_weight[self.positions].astype(float)

        def column(name: str) -> np.ndarray:
            return np.array([getattr(rule, name) for rule in rules], dtype=float)

        self.A_pre, self.A_post = column("A_pre"), column("A_post")
        self.tau_pre_s, self.tau_post_s = column("tau_pre_ms") * 1e-3, column("tau_post_ms") * 1e-3
        self.w_min, self.w_max = column("w_min"), column("w_max")
        self._dt_s = dt_ms * 1e-3
        self._outgoing = _grouped(self.pre)  # neuron index → its plastic synapses
        self._incoming = _grouped(self.post)
        self.reset()

    def reset(self) -> None:
        self.w = self.initial_w.copy()
        self.apre = np.zeros(self.count)
        self.apost = np.zeros(self.count)
        self.lastupdate = np.zeros(self.count)  # seconds
        self._arrivals: dict[int, list[np.ndarray]] = {}
        # Until this step a synapse may have two spikes arriving together (a delay changed during
        # the run and spikes sent before the change were carried over); before it never can.
        self._collide_until = -1

    # ---- the step (engine.py calls these in Brian2's order) ------------------------------------
    def schedule(self, spiked: np.ndarray, k: int) -> None:
        """The spikes sent in step k along the plastic synapses of the neurons in `spiked`."""
        outgoing = self._outgoing
        parts = [outgoing[i] for i in spiked.tolist() if i in outgoing]
        if not parts:
            return
        synapses = parts[0] if len(parts) == 1 else np.concatenate(parts)
        due = self.delay[synapses] + k
        if synapses.size == 1 or (due == due[0]).all():
            self._arrivals.setdefault(int(due[0]), []).append(synapses)
            return
        order = np.argsort(due, kind="stable")
        due, synapses = due[order], synapses[order]
        cuts = (np.flatnonzero(due[1:] != due[:-1]) + 1).tolist()
        arrivals = self._arrivals
        for start, end in zip([0, *cuts], [*cuts, due.size]):
            arrivals.setdefault(int(due[start]), []).append(synapses[start:end])

    def arrive(self, k: int, v_cells: np.ndarray) -> bool:
        """Brian2's on_pre for the spikes arriving in step k; True if there were any."""
        parts = self._arrivals.pop(k, None)
        if parts is None:
            return False
        synapses = parts[0] if len(parts) == 1 else np.concatenate(parts)
        if k <= self._collide_until and len(parts) > 1 and np.unique(synapses).size < synapses.size:
            for part in parts:  # two spikes on one synapse arrive together: in turn
                self._on_pre(part, k, v_cells)
        else:
            self._on_pre(synapses, k, v_cells)
        return True

    def _on_pre(self, synapses: np.ndarray, k: int, v_cells: np.ndarray) -> None:
        self._decay(synapses, k)
        w = self.w[synapses]
        np.add.at(v_cells, self.post[synapses], w)
        self.apre[synapses] += self.A_pre[synapses]
        self.w[synapses] = np.clip(w + self.apost[synapses], self.w_min[synapses], self.w_max[synapses])

    def fired(self, cells: np.ndarray, k: int) -> None:
        """Brian2's on_post for the cells that spiked in step k."""
        incoming = self._incoming
        parts = [incoming[i] for i in cells.tolist() if i in incoming]
        if not parts:
            return
        synapses = parts[0] if len(parts) == 1 else np.concatenate(parts)
        self._decay(synapses, k)
        self.apost[synapses] += self.A_post[synapses]
        self.w[synapses] = np.clip(self.w[synapses] + self.apre[synapses],
                                   self.w_min[synapses], self.w_max[synapses])

    def _decay(self, synapses: np.ndarray, k: int) -> None:
        t = k * self._dt_s
        elapsed = t - self.lastupdate[synapses]
        self.apre[synapses] *= np.exp(-elapsed / self.tau_pre_s[synapses])
        self.apost[synapses] *= np.exp(-elapsed / self.tau_post_s[synapses])
        self.lastupdate[synapses] = t

    # ---- reading and edits ---------------------------------------------------------------------
    def weight_of(self, key: SynapseKey) -> float | None:
        p = self.number.get(tuple(key))
        return None if p is None else float(self.w[p])

    def set_weight(self, key: SynapseKey, value: float) -> bool:
        p = self.number.get(tuple(key))
        if p is None:
            return False
        self.w[p] = value
        return True

    def weights(self) -> dict[SynapseKey, float]:
        """Each plastic synapse's weight now."""
        return dict(zip(self.keys, self.w.tolist()))

    def take_over(self, old: PlasticSynapses | None, k: int) -> None:
        """Go on from `old` (another engine's plastic synapses) by synapse key: weights, traces
        and the spikes still travelling. A synapse that did not learn in `old` starts afresh."""
        if old is None or not old.count:
            return
        old_to_new = np.array([self.number.get(key, -1) for key in old.keys], dtype=np.intp)
        kept = np.flatnonzero(old_to_new >= 0)
        mapped = old_to_new[kept]
        for name in ("w", "apre", "apost", "lastupdate"):
            getattr(self, name)[mapped] = getattr(old, name)[kept]
        self._arrivals = {}
        for step, parts in old._arrivals.items():
            if step < k:
                continue
            for part in parts:
                moved = old_to_new[part]
                moved = moved[moved >= 0]
                if moved.size:
                    self._arrivals.setdefault(step, []).append(moved)
        self._collide_until = max(self._arrivals, default=-1)


def _grouped(neurons: np.ndarray) -> dict[int, np.ndarray]:
    """Neuron index → the numbers of the synapses whose end is that neuron, in order."""
    order = np.argsort(neurons, kind="stable")
    ends, starts = np.unique(neurons[order], return_index=True)
    bounds = [*starts.tolist(), order.size]
    return {int(n): order[bounds[i]:bounds[i + 1]] for i, n in enumerate(ends.tolist())}
