"""Currents of the spiking engine: current synapses, current sources, adaptation and bounds on v.

A part the engine (engine.py) owns when a network has any of them (`SpikingArrays.uses_currents`);
without one the engine has none and its step is the delta-only step. All currents are kept as
R·I, in mV (the target's membrane resistance folded in), so that a cell follows

    τ_m dv/dt = (v_rest − v) + drive + I_syn + I_source − G·(v − v_rest)      (unless refractory)

with G = R·g_adapt. Over one step the inputs I and G are held at their values at the start of the
step, and v is integrated exactly for them (docs/spiking-model.md): with λ = 1 + G,
v ← v∞ + (v − v∞)·exp(−λ·dt/τ_m), v∞ = v_rest + (drive + I)/λ. Brian2 computes the same with its
summed variables, which it evaluates before the cells' state update (tests/model/brian2_oracle.py).

  - A current synapse keeps its own state (its place is its "slot"). `current_exp`: s jumps by w when
    a spike arrives and decays, s ← s·e^(−dt/τ_syn); it contributes s. `current_alpha`: x jumps by
    w·e and decays likewise, y ← (y + x·dt/τ_syn)·e^(−dt/τ_syn); it contributes y, the alpha
    function w·(t/τ_syn)·e^(1 − t/τ_syn), which peaks at w after τ_syn. The states decay after the
    cells' update and arriving spikes add to them after the threshold, as Brian2's synapses do.
    Spikes wait for their delay in a SynapticDelays whose "cells" are the slots.
  - A synapse from a `dc` or `ac` generator adds w·1 or w·sin(2π·f·t) at t = k·dt, every step.
  - Adaptation: G decays, G ← G·e^(−dt/τ_adapt), after the update; a spike adds `adaptation` at reset.
  - Bounds: v is clipped to [v_min, v_max] after the update (refractory cells included).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from neuron_sim.model.engines.spiking.arrays import CURRENT_ALPHA, DELTA, SpikingArrays
from neuron_sim.model.engines.spiking.delays import SynapticDelays

SynapseKey = tuple[str, str]


def carried_by_currents(arrays: SpikingArrays) -> np.ndarray:
    """Per synapse: True if this part, not the delta delays, carries what it sends (a current
    synapse, or any synapse from a current source)."""
    nc = arrays.n_cells
    from_current_source = np.zeros(arrays.syn_source.size, dtype=bool)
    sources = arrays.syn_source >= nc
    from_current_source[sources] = arrays.source_current[arrays.syn_source[sources] - nc]
    return (arrays.syn_kind != DELTA) | from_current_source


class Currents:
    """The currents of a spiking network (SpikingArrays); module doc. `reset` before use."""

    def __init__(self, arrays: SpikingArrays, dt_ms: float):
        self.arrays = arrays
        self.dt_ms = dt_ms
        nc = self.n_cells = arrays.n_cells
        dt_s = dt_ms * 1e-3
        from_source = np.zeros(arrays.syn_source.size, dtype=bool)
        sources = arrays.syn_source >= nc
        from_source[sources] = arrays.source_current[arrays.syn_source[sources] - nc]
        # current synapses (from spiking neurons and sources)
        chosen = np.flatnonzero((arrays.syn_kind != DELTA) & ~from_source)
        self.positions = chosen
        self.keys: list[SynapseKey] = [arrays.syn_keys[s] for s in chosen] if arrays.syn_keys else []
        self.slot = {key: p for p, key in enumerate(self.keys)}
        self.alpha = arrays.syn_kind[chosen] == CURRENT_ALPHA
        self.kind = arrays.syn_kind[chosen].copy()
        self.target = arrays.syn_target[chosen].astype(np.intp)
        tau_s = arrays.syn_tau_ms[chosen] * 1e-3
        self.decay = np.exp(-dt_s / tau_s)
        self.rise = np.where(self.alpha, dt_s / tau_s, 0.0)  # exp slots: y stays 0
        self.weight = arrays.syn_weight[chosen].astype(float)
        kicks = np.where(self.alpha, self.weight * np.e, self.weight)
        # The slots' delays: a SynapticDelays whose cells are the slots and whose weights are kicks.
        slots = replace(arrays, n_cells=chosen.size, syn_source=arrays.syn_source[chosen],
                        syn_target=np.arange(chosen.size, dtype=np.intp), syn_weight=kicks,
                        syn_delay_ms=arrays.syn_delay_ms[chosen], syn_keys=list(self.keys), syn_plasticity=[],
                        syn_kind=np.zeros(chosen.size, dtype=np.int8), syn_tau_ms=np.ones(chosen.size))
        self.delays = SynapticDelays(slots, dt_ms)
        self.delays.compile()
        # synapses from current sources
        fed = np.flatnonzero(from_source)
        self.source_keys: list[SynapseKey] = [arrays.syn_keys[s] for s in fed] if arrays.syn_keys else []
        self.source_slot = {key: p for p, key in enumerate(self.source_keys)}
        self.source_target = arrays.syn_target[fed].astype(np.intp)
        self.source_weight = arrays.syn_weight[fed].astype(float)
        which = arrays.syn_source[fed] - nc
        self.source_ac = arrays.source_ac[which]
        self.source_frequency = arrays.source_frequency_hz[which]
        # cells
        self.adaptation = arrays.adaptation.astype(float)
        self.adapting = bool(np.any(self.adaptation > 0))
        self.adaptation_decay = np.exp(-dt_s / (arrays.tau_adaptation_ms * 1e-3))
        self.bounded = bool(np.any(np.isfinite(arrays.v_min)) or np.any(np.isfinite(arrays.v_max)))
        self.v_min, self.v_max = arrays.v_min, arrays.v_max
        self._dt_s = dt_s

    def reset(self) -> None:
        count = self.positions.size
        self.u = np.zeros(count)  # s of an exp slot, x of an alpha slot
        self.y = np.zeros(count)  # the alpha function's value (0 for exp slots)
        self.g = np.zeros(self.n_cells)  # G = R·g_adapt
        self.delays.reset()

    # ---- the step (engine.py calls these in Brian2's order) ------------------------------------
    def input(self, k: int) -> np.ndarray:
        """Each cell's input current (R·I, mV) held over step k."""
        nc = self.n_cells
        total = np.zeros(nc)
        if self.positions.size:
            total += np.bincount(self.target, np.where(self.alpha, self.y, self.u), minlength=nc)
        if self.source_target.size:
            t_s = k * self._dt_s
            shape = np.where(self.source_ac, np.sin(2.0 * np.pi * self.source_frequency * t_s), 1.0)
            total += np.bincount(self.source_target, self.source_weight * shape, minlength=nc)
        return total

    def integrate(self, v: np.ndarray, k: int, decay: np.ndarray, v_rest: np.ndarray, drive: np.ndarray) -> None:
        """Advance every cell's v over step k in place (refractory cells are put back by the engine);
        `decay` is e^(−dt/τ_m) per cell."""
        current = self.input(k)
        if self.adapting:
            leak = 1.0 + self.g
            settled = v_rest + (drive + current) / leak
            factor = np.exp(-self._dt_s * leak / (self.arrays.tau_ms * 1e-3))  # τ_m may be edited live
        else:
            settled = v_rest + drive + current
            factor = decay
        v -= settled
        v *= factor
        v += settled

    def bound(self, v: np.ndarray) -> None:
        if self.bounded:
            np.clip(v, self.v_min, self.v_max, out=v)

    def advance(self) -> None:
        """The states decay from the start of this step to the start of the next."""
        if self.positions.size:
            self.y += self.u * self.rise
            self.y *= self.decay
            self.u *= self.decay
        if self.adapting:
            self.g *= self.adaptation_decay

    def schedule(self, spiked: np.ndarray, k: int) -> None:
        if self.positions.size:
            self.delays.schedule(spiked, k)

    def deliver(self, k: int) -> None:
        if self.positions.size:
            self.delays.deliver(k, self.u)

    def fired(self, cells: np.ndarray) -> None:
        if self.adapting:
            self.g[cells] += self.adaptation[cells]

    # ---- reading and edits ---------------------------------------------------------------------
    def weight_of(self, key: SynapseKey) -> float | None:
        key = tuple(key)
        p = self.slot.get(key)
        if p is not None:
            return float(self.weight[p])
        p = self.source_slot.get(key)
        return None if p is None else float(self.source_weight[p])

    def set_weight(self, key: SynapseKey, value: float) -> bool:
        """A new weight for spikes sent from now on (a source's current: from the next step)."""
        key = tuple(key)
        p = self.slot.get(key)
        if p is not None:
            self.weight[p] = value
            return self.delays.set_weight(key, value * np.e if self.alpha[p] else value)
        p = self.source_slot.get(key)
        if p is None:
            return False
        self.source_weight[p] = value
        return True

    def synaptic_input(self) -> np.ndarray:
        """Each cell's synaptic current now (R·I, mV), for the instruments."""
        return np.bincount(self.target, np.where(self.alpha, self.y, self.u), minlength=self.n_cells)

    # ---- going on from another engine ------------------------------------------------------------
    def take_over(self, old: Currents | None, old_ids: list[str], new_index: dict[str, int], k: int) -> None:
        """Go on from `old` (another engine's currents): the adaptation of each cell still there (by
        id), the state and the input in flight of each current synapse still there with the same
        kind (by key). Anything else starts afresh."""
        if old is None:
            return
        for i, nid in enumerate(old_ids[:old.n_cells]):
            j = new_index.get(nid)
            if j is not None and j < self.n_cells:
                self.g[j] = old.g[i]
        old_to_new = np.array([self.slot.get(key, -1) for key in old.keys], dtype=np.intp)
        same_kind = old_to_new >= 0
        same_kind[same_kind] = self.kind[old_to_new[same_kind]] == old.kind[same_kind]
        old_to_new[~same_kind] = -1
        kept = np.flatnonzero(old_to_new >= 0)
        self.u[old_to_new[kept]] = old.u[kept]
        self.y[old_to_new[kept]] = old.y[kept]
        due = {}
        for step, parts in old.delays.in_flight(k).items():
            moved = []
            for slots, amounts in parts:
                mapped = old_to_new[slots]
                alive = mapped >= 0
                if alive.any():
                    moved.append((mapped[alive], amounts[alive]))
            if moved:
                due[step] = moved
        reach = max((step - k for step in due), default=0)
        if reach > self.delays.max_delay:
            self.delays.compile(reach)
        self.delays.reset()
        self.delays.load_in_flight(due, k)
