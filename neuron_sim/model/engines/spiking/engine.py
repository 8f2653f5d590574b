"""Leaky integrate-and-fire neurons with delayed synapses, step for step as Brian2 computes them.

Brian2 model this engine reproduces (checked spike for spike in tests/model/test_spiking_brian2.py):

    dv/dt = (v_rest - v + drive) / tau : volt (unless refractory)
    threshold 'v >= v_threshold', reset 'v = v_reset', refractory, method 'exact'
    Synapses(on_pre='v_post += w', delay=delay)

Order within a step k (t = k·dt), as Brian2 schedules it:
  1. state update of every non-refractory cell (refractory cells keep v);
  2. threshold: cells with v ≥ v_threshold that are not refractory spike; sources emit their spikes;
  3. synaptic input due now is added to v, except to refractory cells and cells that spiked in
     this step (Brian2 drops it: its `unless refractory` flag makes every write to v, including
     `v_post += w`, conditional on `not_refractory`, which the threshold clears for spiking cells);
  4. reset: cells that spiked get v = v_reset and become refractory.
A cell that spikes in step s is refractory in steps s+1 … s+R−1, R = timestep(refractory, dt), and
synaptic delays are whole steps rounded as Brian2's spike queue rounds them (`delay_steps`).

How it is fast (docs/performance.md): a step is a few whole-array numpy
calls, and work only for what happened in it.
  - The update is four in-place operations over all cells with Brian2's own arithmetic,
    ((drive + v·a) + v_rest) + (−drive − v_rest)·a with a = exp(−dt/τ), so voltages are bitwise
    the same. Refractory cells are not masked out: they are updated too and then put back to the
    value they are held at (`v[held] = hold`), once after the update and once after the delivery.
    They are listed in the order their refractory period ends, so it ends by dropping a prefix.
  - Delayed input accumulates in a ring buffer of (delay slot × cell) sums: one `np.add.at` per
    step adds the synapses of every cell that spiked (gathered from padded per-neuron tables);
    delivery is one addition of a ring row. A bit mask of the slots that hold input skips empty
    ones. Cells that spike in this step get the input too, but their reset overwrites it.
  - Networks whose delays would make the ring too large use a sparse queue (a dict of steps).

Cells (kind `neuron`) come first in the internal arrays and sources (generators and spiking inputs)
after them, so the hot loop works on slices rather than masks (arrays.py). The engine owns its
parts and uses them through their public members: `refractory` (refractory.py: which cells are
held, until when), `delays` (delays.py: the ring buffer or sparse queue and the spikes that may
still be in flight), `plasticity` (plasticity.py: the synapses that learn, or None), `sources` (sources.py: when generators and inputs fire), `history` (carry.py:
what edits changed on the synapses) and `pulse_trail` (pulses.py: the pulses drawn on the axons).
Here are the step, the live edits and what the Player reads (the Engine protocol, protocol.py);
going on from another engine, before or after an edit, is carry.py.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from neuron_sim.model.engines.protocol import Clock, Pulses, Sample, levels_by_id
from neuron_sim.model.engines.spiking.arrays import SpikingArrays
from neuron_sim.model.engines.spiking.carry import EditHistory, carry_run_over, continue_run, wired_alike
from neuron_sim.model.engines.spiking.currents import Currents, carried_by_currents
from neuron_sim.model.engines.spiking.delays import SynapticDelays, delay_steps
from neuron_sim.model.engines.spiking.plasticity import PlasticSynapses
from neuron_sim.model.engines.spiking.pulses import PulseTrail
from neuron_sim.model.engines.spiking.refractory import RefractoryCells
from neuron_sim.model.engines.spiking.sources import NEVER as _NEVER
from neuron_sim.model.engines.spiking.sources import SpikeSources, timestep
from neuron_sim.model.engines.spiking.sources import no_spikes as _no_spikes
from neuron_sim.model.entities import ModelError
from neuron_sim.model.network import Network

__all__ = ["SpikingArrays", "SpikingEngine", "delay_steps", "timestep"]

#: simulated milliseconds per second of playback at speed 1
PLAYBACK_MS_PER_SECOND = 20.0
FLASH_MS = 3.0  # how long a spike glows in the soma


class SpikingEngine:
    """Advances a spiking network by dt per `step()`; reads: `v`, `spiked`, `t_ms`."""

    kind = "spiking"
    time_unit = "ms"
    continuous_phase = False

    def __init__(self, network: Network | SpikingArrays):
        arrays = network if isinstance(network, SpikingArrays) else SpikingArrays.from_network(network)
        self.arrays = arrays
        self.ids = arrays.ids
        self.index = {nid: i for i, nid in enumerate(self.ids)}
        self.n = len(self.ids)
        self.n_cells = arrays.n_cells
        self.dt_ms = arrays.dt_ms
        self.stages_per_second = PLAYBACK_MS_PER_SECOND / self.dt_ms
        self._compile_cells()
        # Current synapses and synapses from current sources send through `currents`
        # (currents.py); plastic synapses add their weight when a spike arrives (plasticity.py):
        # in the delay buffers, which add it when the spike is sent, both weigh 0.
        self.currents = Currents(arrays, self.dt_ms) if arrays.uses_currents else None
        carried = carried_by_currents(arrays) if self.currents is not None else None
        if carried is not None and arrays.syn_plasticity:  # a current source sends no spikes to learn from
            arrays = replace(arrays, syn_plasticity=[None if carried[s] else rule
                                                     for s, rule in enumerate(arrays.syn_plasticity)])
        learns = arrays.syn_plasticity and any(rule is not None for rule in arrays.syn_plasticity)
        self.plasticity = PlasticSynapses(arrays, self.dt_ms) if learns else None
        if self.plasticity is not None or carried is not None:
            weights = arrays.syn_weight.copy()
            if self.plasticity is not None:
                weights[self.plasticity.positions] = 0.0
            if carried is not None:
                weights[carried] = 0.0
            arrays = replace(arrays, syn_weight=weights)
        self.delays = SynapticDelays(arrays, self.dt_ms)
        self.delays.compile()
        self._schedule = self.delays.schedule
        self._deliver = self.delays.deliver
        self.reset()

    # ---- compilation ---------------------------------------------------------------------
    def _compile_cells(self) -> None:
        a = self.arrays
        nc = self.n_cells
        # Brian2 computes exp(-dt/tau) in seconds; doing the same keeps the voltages alike to the bit.
        decay = np.exp(-(self.dt_ms * 1e-3) / (a.tau_ms * 1e-3))
        # rows: decay a, drive, v_rest, offset (−drive − v_rest)·a, threshold (contiguous, made once)
        self._rows = tuple(np.array([decay, a.drive, a.v_rest, (-a.drive - a.v_rest) * decay,
                                     a.v_threshold], dtype=float).reshape(5, nc))
        self.refractory = RefractoryCells(timestep(a.refractory_ms * 1e-3, self.dt_ms * 1e-3),
                                          a.v_reset, self._rows[4])

    # ---- state ---------------------------------------------------------------------------
    def reset(self) -> None:
        a = self.arrays
        nc = self.n_cells
        self.step_count = 0
        self.v = np.zeros(self.n)
        self.v[:nc] = a.v_initial
        self._v_cells = self.v[:nc]
        self.last_spike_step = np.full(self.n, -_NEVER, dtype=np.int64)
        self._above = np.empty(nc, dtype=bool)
        self.delays.reset()
        if self.plasticity is not None:
            self.plasticity.reset()
        if self.currents is not None:
            self.currents.reset()
        self.spiked = _no_spikes()
        self.refreeze()
        self.sources = SpikeSources(self.arrays, self.dt_ms, self.n_cells)
        self._has_sources = self.sources.count > 0
        self.history = EditHistory()
        a = self.arrays
        self.pulse_trail = PulseTrail(self.n, a.syn_keys, a.syn_source, a.syn_delay_ms, a.syn_weight, self.dt_ms,
                                      self.plasticity)

    def refreeze(self) -> None:
        """Derive the refractory state from the last spikes (after a reset or an edit)."""
        self.refractory.freeze(self.last_spike_step, self._v_cells, self.step_count)

    @property
    def t_ms(self) -> float:
        """Simulated time at the start of the next step."""
        return self.step_count * self.dt_ms

    # ---- one step ------------------------------------------------------------------------
    def step(self) -> np.ndarray:
        """Advance by dt; returns the indices that spiked in this step (also in `spiked`)."""
        k = self.step_count
        v = self._v_cells
        refractory = self.refractory
        held = refractory.held
        if k >= refractory.next_release:
            held = refractory.release(k)
        decay, drive, v_rest, offset, threshold = self._rows
        currents = self.currents
        # 1. exact integration, in Brian2's order of operations; refractory cells are put back
        if currents is None:
            np.multiply(v, decay, out=v)
            np.add(v, drive, out=v)
            np.add(v, v_rest, out=v)
            np.add(v, offset, out=v)
            if held.size:
                v[held] = refractory.hold
        else:  # inputs held over the step (currents.py), then their states decay
            currents.integrate(v, k, decay, v_rest, drive)
            if held.size:
                v[held] = refractory.hold
            currents.bound(v)
            currents.advance()
        # 2. threshold
        np.greater_equal(v, threshold, out=self._above)
        fired = self._above.nonzero()[0]
        if refractory.guard and fired.size and held.size:
            fired = fired[self.last_spike_step[fired] + refractory.steps[fired] <= k]
        spiked = fired
        if self._has_sources:
            source_spikes = self.sources.spikes(k)
            if source_spikes.size:
                spiked = np.concatenate((fired, source_spikes)) if fired.size else source_spikes
        # 3. delivery of the input due now (scheduled first: a delay of 0 arrives in this step);
        # refractory cells drop it (put back again), cells that spiked lose it to their reset
        plastic = self.plasticity
        if spiked.size:
            self._schedule(spiked, k)
            if currents is not None:
                currents.schedule(spiked, k)
        if currents is not None:
            currents.deliver(k)
        if plastic is None:
            delivered = self._deliver(k, v)
        else:  # STDP: presynaptic arrivals, then the postsynaptic spikes (plasticity.py)
            if spiked.size:
                plastic.schedule(spiked, k)
            delivered = self._deliver(k, v) | plastic.arrive(k, v)
            if fired.size:
                plastic.fired(fired, k)
        if delivered and held.size:
            v[held] = refractory.hold
        # 4. reset; the cells that spiked become refractory
        if fired.size:
            refractory.fire(fired, k, v)
            if currents is not None:
                currents.fired(fired)
        if spiked.size:
            self.last_spike_step[spiked] = k
        self.spiked = spiked
        self.step_count = k + 1
        return spiked

    # ---- runs and reading ----------------------------------------------------------------
    def run(self, steps: int, record: bool = True) -> tuple[np.ndarray | None, list[tuple[int, int]]]:
        """Run `steps` steps. Returns (activity rows or None, [(step, index), ...] of spikes).

        Row k holds v in mV for cells and 1/0 (spiked in that step) for sources.
        """
        if steps < 0:
            raise ModelError("the number of steps cannot be negative")
        rows = np.empty((steps, self.n)) if record else None
        spikes: list[tuple[int, int]] = []
        nc = self.n_cells
        for row in range(steps):
            k = self.step_count
            spiked = self.step()
            if spiked.size:
                spikes.extend((k, i) for i in spiked.tolist())
            if rows is not None:
                rows[row, :nc] = self._v_cells
                rows[row, nc:] = 0.0
                if spiked.size:
                    rows[row, spiked[spiked >= nc]] = 1.0
        return rows, spikes


    # ---- live edits ------------------------------------------------------------------------
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
                self.refreeze()
                return True
            return name in ("label", "position", "v_mV", "activation", "threshold", "value")
        j = i - self.n_cells
        if name == "value" and not a.source_poisson[j]:
            a.source_on[j] = value != 0
            return True
        return name in ("label", "position")

    def set_synapse_param(self, key: tuple[str, str], name: str, value) -> bool:
        """A weight applies in place to spikes sent from now on (on a plastic synapse, to spikes
        arriving from now on); a new delay or learning rule needs a rebuild."""
        key = tuple(key)
        if name == "weight" and self.plasticity is not None and self.plasticity.set_weight(key, value):
            return True
        if name == "weight" and self.currents is not None:
            before = self.currents.weight_of(key)
            if before is not None and self.currents.set_weight(key, value):
                self.pulse_trail.weight_edited(key, before, value, self.step_count)  # as delays' weights
                return True
        before = self.delays.weight_of(key)
        if before is None or name != "weight":
            return False
        self.history.record_weight_edit(key, before, self.delays.delay_of(key), self.step_count,
                                        self.delays.spike_log.maxlen)
        self.pulse_trail.weight_edited(key, before, value, self.step_count)
        return self.delays.set_weight(key, value)

    # ---- going on from another engine (carry.py) -----------------------------------------------
    def restore_state(self, v_mV: dict[str, float], last_spike_step: dict[str, int], step_count: int) -> None:
        """Continue from another engine's state (after an edit rebuilt this one): time, each known
        cell's potential and last spike. Input still in flight is not carried (carry_over is)."""
        self.step_count = int(step_count)
        for nid, value in v_mV.items():
            i = self.index.get(nid)
            if i is not None and i < self.n_cells:
                self.v[i] = value
        for nid, step in last_spike_step.items():
            i = self.index.get(nid)
            if i is not None:
                self.last_spike_step[i] = step
        self.refreeze()

    def wired_like(self, other: SpikingEngine) -> bool:
        """Same neurons in the same order, same synapses with the same delays in steps."""
        return wired_alike(self, other)

    def continue_from(self, other: SpikingEngine) -> None:
        """Take over the whole state of `other`, an engine of an identical network (the same
        neurons and synapses in the same order, with the same delays: one built from a copy).

        Unlike `restore_state`, nothing is lost: the time, every potential and refractory period,
        the input still travelling along the synapses and where each generator is in its
        schedule, Poisson draws included. Both engines then spike alike step for step; `other` is
        only read. ValueError if the networks are wired differently.
        """
        continue_run(self, other)
        if self.plasticity is not None:
            self.plasticity.take_over(other.plasticity, self.step_count)
        if self.currents is not None:
            self.currents.take_over(other.currents, other.ids, self.index, self.step_count)

    def carry_over(self, old: SpikingEngine) -> None:
        """Go on from `old`, the engine of this network before an edit (carry.py): what the
        neurons and synapses that are still there were doing carries over by id and synapse
        key, input in flight and the pulses drawn on the axons included."""
        carry_run_over(self, old)
        self.pulse_trail.take_over(old.pulse_trail, old.t_ms)
        if self.plasticity is not None:
            self.plasticity.take_over(old.plasticity, self.step_count)
        if self.currents is not None:
            self.currents.take_over(old.currents, old.ids, self.index, self.step_count)

    def take_over(self, other: SpikingEngine) -> None:
        """Everything `other` (an engine of a copy of this network) is doing, pulses included."""
        if self.wired_like(other):
            self.continue_from(other)
            self.pulse_trail.take_over(other.pulse_trail, other.t_ms)
        else:
            self.carry_over(other)

    # ---- what the player reads (protocol.py) ---------------------------------------------------
    def advance_stage(self) -> Sample:
        """One step; its sample: v for cells, 1 for a source that fired (else 0). The values are
        the engine's own array where there are no sources: read them before the next step."""
        k = self.step_count
        spiked = self.step()
        if self.n_cells == self.n:
            values = self.v  # no sources: v itself, read before the next step (the Player copies it)
        else:
            values = self.v.copy()
            values[self.n_cells:] = 0.0
            if spiked.size:
                values[spiked[spiked >= self.n_cells]] = 1.0
        if spiked.size:
            self.pulse_trail.launch(spiked, k)
            return Sample(k * self.dt_ms, values, spiked)
        return Sample(k * self.dt_ms, values)

    def settle(self) -> bool:
        return False  # time matters: the state is the run's

    def weight_of(self, key: tuple[str, str]) -> float | None:
        """A synapse's weight now: a plastic one's as it has learned (None: no such synapse)."""
        if self.plasticity is not None:
            weight = self.plasticity.weight_of(key)
            if weight is not None:
                return weight
        if self.currents is not None:
            weight = self.currents.weight_of(key)
            if weight is not None:
                return weight
        return self.delays.weight_of(key)

    def learned_weights(self) -> dict[tuple[str, str], float]:
        """The weight now of each synapse that learns (empty when none does)."""
        return self.plasticity.weights() if self.plasticity is not None else {}

    def initial_sample(self) -> None:
        return None  # a spiking recording starts with the first step

    def pulses(self, phase: float = 0.0) -> Pulses:
        """The pulses on their way now (spiking time is whole steps: `phase` plays no part)."""
        return self.pulse_trail.pulses(self.t_ms)

    def computed_ids(self) -> set[str]:
        return set()  # a spiking cell shows its membrane, not a computed output

    def output_of(self, neuron_id: str) -> float:
        return float(self.v[self.index[neuron_id]])

    def refractory_mask(self) -> np.ndarray:
        """True for each cell that is refractory at the step just computed."""
        return self.refractory.mask(self.last_spike_step, self.step_count - 1)

    def outputs(self) -> np.ndarray:
        return self.v

    def level_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A cell's v between rest and threshold; a spike glows for FLASH_MS (a generator or
        sensor is lit only then)."""
        a = self.arrays
        nc = self.n_cells
        flash_steps = max(1, int(round(FLASH_MS / self.dt_ms)))
        recent = self.step_count - 1 - self.last_spike_step < flash_steps
        levels = recent.astype(float)
        span = np.maximum(a.v_threshold - a.v_rest, 1e-9)
        levels[:nc] = np.clip((self.v[:nc] - a.v_rest) / span, 0.0, 1.0)
        refractory = np.zeros(recent.size, dtype=bool)
        refractory[:nc] = self.refractory_mask()[:nc]
        return levels, recent, refractory

    def levels(self, ids: list[str] | None = None) -> dict[str, tuple[float, bool, bool]]:
        return levels_by_id(self.index, self.level_arrays(), ids)

    def clock(self) -> Clock:
        return Clock(tick=self.step_count, t_ms=self.t_ms)

