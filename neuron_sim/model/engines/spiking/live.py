"""The spiking engine in an interactive session: edits applied in place, and going on from another
engine (a mixin of SpikingEngine, spiking.py).

The player (ui/playback.py) keeps one engine while a person edits and plays:
  - a parameter or weight edit is applied in place where that is safe (`set_neuron_param`,
    `set_synapse_param`); False asks for a new engine;
  - a new engine goes on where the old one was: all of it for an identical network
    (`continue_from`, used by the animation export), by id and synapse key after an edit that
    changed the wiring (`continue_after_edit`, spiking_carry.py);
  - `refractory_mask` tells the canvas which cells are resting.

It uses the engine's arrays, state and delay buffers (spiking.py, synaptic_delay.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from neuron_sim.model.engines.spiking.carry import carry_over, record_weight_edit
from neuron_sim.model.engines.spiking.delays import delay_steps

if TYPE_CHECKING:
    from neuron_sim.model.engines.spiking.engine import SpikingEngine


class LiveSpiking:
    """Reading the state for the player, taking state over, and live edits of a SpikingEngine."""

    def refractory_mask(self) -> np.ndarray:
        """True for each cell that is refractory at the step just computed."""
        nc = self.n_cells
        return self.last_spike_step[:nc] + self._refractory_steps > self.step_count - 1

    def restore_state(self, v_mV: dict[str, float], last_spike_step: dict[str, int], step_count: int) -> None:
        """Continue from another engine's state (after an edit rebuilt this one): time, each known
        cell's potential and last spike. Input still in flight on deleted synapses is dropped."""
        self.step_count = int(step_count)
        for nid, value in v_mV.items():
            i = self.index.get(nid)
            if i is not None and i < self.n_cells:
                self.v[i] = value
        for nid, step in last_spike_step.items():
            i = self.index.get(nid)
            if i is not None:
                self.last_spike_step[i] = step
        self._refreeze()

    def continue_from(self, other: SpikingEngine) -> None:
        """Take over the whole state of `other`, an engine of an identical network (the same
        neurons and synapses in the same order, with the same delays: one built from a copy).

        Unlike `restore_state`, nothing is lost: the time, every potential and refractory period,
        the input still travelling along the synapses (the ring or queue) and where each
        generator is in its schedule, Poisson draws included. Both engines then spike alike step
        for step; `other` is only read. ValueError if the networks are wired differently.
        """
        if not self.wired_like(other):
            raise ValueError("continue_from needs an engine of the same network (same neurons, synapses, delays)")
        self.step_count = other.step_count
        self.v[:] = other.v  # in place: `_v_cells` is a view of it
        self.last_spike_step[:] = other.last_spike_step
        self.spiked = other.spiked.copy()
        if other._max_delay != self._max_delay:  # `other` was carried over an edit: reach as far
            self._compile_synapses(other._max_delay)
        self._reset_delivery(other._spike_log.maxlen)
        self._load_in_flight(other._in_flight())
        self._spike_log.extend(other._spike_log)
        self._synapse_born = dict(other._synapse_born)
        self._synapse_edits = {key: list(edits) for key, edits in other._synapse_edits.items()}
        self._refreeze()
        self._sources.continue_from(other._sources)

    def continue_after_edit(self, other: SpikingEngine) -> None:
        """Go on from `other`, the engine of this network before an edit (spiking_carry.py):
        what the neurons and synapses that are still there were doing carries over by id and
        synapse key, input in flight included; what was deleted is dropped with it."""
        carry_over(self, other)

    def wired_like(self, other: SpikingEngine) -> bool:
        """Same neurons in the same order, same synapses with the same delays in steps."""
        a, b = self.arrays, other.arrays
        return (self.ids == other.ids and self.n_cells == other.n_cells and self.dt_ms == other.dt_ms
                and np.array_equal(a.syn_source, b.syn_source) and np.array_equal(a.syn_target, b.syn_target)
                and np.array_equal(delay_steps(a.syn_delay_ms, self.dt_ms), delay_steps(b.syn_delay_ms, other.dt_ms)))

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
                self._refreeze()
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
            delay = delay_steps(self.arrays.syn_delay_ms[self._syn_order[position]], self.dt_ms)
            record_weight_edit(self, tuple(key), self._weight(position), int(delay))
            self._set_weight(position, value)
            return True
        return False  # a new delay changes the ring buffer: rebuild
