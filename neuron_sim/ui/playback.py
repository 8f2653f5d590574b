"""Playback: a QTimer advances the model's engine; the canvas reads the state arrays once per frame.

Rate networks animate layer by layer (feedforward) or tick by tick (synchronous): during a phase,
pulses travel along the synapses into the neurons being computed, then those neurons fire.
Spiking networks run in simulated time: a spike launches a pulse down every outgoing axon that
arrives when the synaptic delay has passed.

Edits while playing take effect at once: parameter edits go into the running engine; structural
edits rebuild it, keeping the other neurons' state (in a spiking network also the input still
travelling along the synapses that remain, and the generators' schedules).
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from neuron_sim.model import ModelError, Network
from neuron_sim.model.engines.rate import RateEngine
from neuron_sim.model.recording import TraceRecorder
from neuron_sim.model.engines.spiking import SpikingEngine

from neuron_sim.ui.i18n.errors import error_text

FRAME_MS = 33  # ~30 frames per second
RATE_PHASES_PER_SECOND = 1.5  # layers (or ticks) per second at speed 1
SPIKING_MS_PER_SECOND = 20.0  # simulated milliseconds per real second at speed 1
MAX_STEPS_PER_FRAME = 2000
MAX_PULSES = 20000
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)


class Playback(QObject):
    advanced = Signal()
    playing_changed = Signal(bool)
    message = Signal(str)

    def __init__(self, network: Network, parent: QObject | None = None):
        super().__init__(parent)
        self._network = network
        self.engine: RateEngine | SpikingEngine | None = None
        self.recorder = TraceRecorder([])
        self.error = ""  # why the network cannot run, in the interface language ("" when it can)
        self.failure: ModelError | None = None  # the model's refusal itself (English: str(failure))
        self.speed = 1.0
        self.phase = 0.0  # rate: progress of the current layer/tick, 0 → 1
        self.pulse_keys: list[tuple[str, str]] = []
        self._pulse_start = np.zeros(0)  # spiking: launch time (ms) of each live pulse
        self._pulse_delay = np.zeros(0)
        self._pulse_weight = np.zeros(0)
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._frame)
        self._last_frame = 0.0
        self._connect(network)
        self.rebuild(keep_state=False)

    # ---- the network ---------------------------------------------------------------------
    @property
    def network(self) -> Network:
        return self._network

    def set_network(self, network: Network) -> None:
        self.pause()
        self._disconnect(self._network)
        self._network = network
        self._connect(network)
        self.rebuild(keep_state=False)

    def _connect(self, network: Network) -> None:
        e = network.events
        e.neuron_added.connect(self._structure_changed)
        e.neuron_removed.connect(self._structure_changed)
        e.synapse_added.connect(self._structure_changed)
        e.synapse_removed.connect(self._structure_changed)
        e.neuron_changed.connect(self._neuron_changed)
        e.synapse_changed.connect(self._synapse_changed)
        e.network_changed.connect(self._network_changed)

    def _disconnect(self, network: Network) -> None:
        e = network.events
        for signal, slot in ((e.neuron_added, self._structure_changed), (e.neuron_removed, self._structure_changed),
                             (e.synapse_added, self._structure_changed), (e.synapse_removed, self._structure_changed),
                             (e.neuron_changed, self._neuron_changed), (e.synapse_changed, self._synapse_changed),
                             (e.network_changed, self._network_changed)):
            signal.disconnect(slot)

    def _structure_changed(self, *args) -> None:
        self.rebuild(keep_state=True)

    def _neuron_changed(self, neuron_id: str, name: str, value) -> None:
        if name in ("position", "label"):
            return
        if self.engine is None or not self.engine.set_neuron_param(neuron_id, name, value):
            self.rebuild(keep_state=True)
        else:
            self.advanced.emit()

    def _synapse_changed(self, key, name: str, value) -> None:
        engine = self.engine
        if isinstance(engine, RateEngine) and name == "weight" and engine.set_weight(key, value):
            self.advanced.emit()
        elif isinstance(engine, SpikingEngine) and engine.set_synapse_param(key, name, value):
            self.advanced.emit()
        else:
            self.rebuild(keep_state=True)

    def _network_changed(self, name: str, value) -> None:
        if name in ("model", "update", "dt_ms"):
            self.rebuild(keep_state=False)

    # ---- engines -------------------------------------------------------------------------
    def rebuild(self, keep_state: bool = True) -> None:
        """A new engine for the current network; neurons that existed before keep their state."""
        old_engine, old_recorder = self.engine, self.recorder
        network = self._network
        self.error, self.failure = "", None
        try:
            engine = RateEngine(network) if network.model == "rate" else SpikingEngine(network)
        except ModelError as error:
            self.engine = None
            self.error, self.failure = error_text(error), error
            self.pause()
            self.message.emit(self.error)
            self.advanced.emit()
            return
        ids = list(network.neurons)
        unit = "tick" if network.model == "rate" else "ms"
        same_kind = keep_state and old_engine is not None and type(old_engine) is type(engine)
        if same_kind:
            self._carry_state(old_engine, engine)
        self.engine = engine
        self._outgoing: dict[int, list[tuple[str, str]]] = {}
        for key in network.synapses:
            self._outgoing.setdefault(engine.index[key[0]], []).append(key)
        self.recorder = TraceRecorder(ids, unit=unit)
        if same_kind and old_recorder.ids:
            self._carry_recording(old_recorder)
        else:
            self.phase = 0.0
            self._record()
        self._clear_pulses(keep=same_kind)
        self.advanced.emit()

    @staticmethod
    def _carry_state(old, new) -> None:
        shared = [nid for nid in new.ids if nid in old.index]
        new_idx = np.array([new.index[nid] for nid in shared], dtype=np.intp)
        old_idx = np.array([old.index[nid] for nid in shared], dtype=np.intp)
        if isinstance(new, RateEngine):
            if shared:
                computed = ~new.is_input[new_idx]
                new.activity[new_idx[computed]] = old.activity[old_idx[computed]]
                new.net[new_idx] = old.net[old_idx]
                new.weighted_sum[new_idx] = old.weighted_sum[old_idx]
            new.tick = old.tick
            new.layer_cursor = min(old.layer_cursor, max(len(new.layers) - 1, 0))
        else:  # input in flight and generator schedules too (model/spiking_carry.py)
            new.continue_after_edit(old)

    def continue_from(self, source: Playback) -> None:
        """Take over where `source`, a Playback of an identical copy of this network, is now: its
        engine's state (in a spiking network also the input still travelling along the synapses
        and the generators' schedules), the rate phase and the pulses on the axons, so that the
        next frames show what `source` would show. `source` does not move; the recording is not
        copied. Used by animations, which run on a copy of the window's network."""
        if source.engine is None or self.engine is None:
            return
        if isinstance(self.engine, SpikingEngine) and isinstance(source.engine, SpikingEngine) \
                and self.engine.wired_like(source.engine):
            self.engine.continue_from(source.engine)
        else:  # a rate engine: its arrays are its whole state, carried as after an edit during play
            self.engine = source.engine  # only read, by the rebuild that replaces it
            self.rebuild(keep_state=True)
        self.phase = source.phase
        self.pulse_keys = list(source.pulse_keys)
        self._pulse_start = source._pulse_start.copy()
        self._pulse_delay = source._pulse_delay.copy()
        self._pulse_weight = source._pulse_weight.copy()
        self._clear_pulses(keep=True)  # only pulses on synapses this network has
        self.advanced.emit()

    def _carry_recording(self, old: TraceRecorder) -> None:
        """The samples and spikes recorded so far, for the neurons that are still there."""
        times = old.times()
        columns = [old.index.get(nid) for nid in self.recorder.ids]
        values = old.values()
        spikes_at: dict[float, list[int]] = {}
        spike_times, spike_columns = old.spikes()
        for t, column in zip(spike_times.tolist(), spike_columns.tolist()):
            position = self.recorder.index.get(old.ids[column])
            if position is not None:
                spikes_at.setdefault(t, []).append(position)
        for t, row in zip(times.tolist(), values):
            self.recorder.append(t, np.array([row[c] if c is not None else 0.0 for c in columns]),
                                 spikes_at.get(t))

    # ---- controls ------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def play(self) -> None:
        if self.engine is None:
            self.message.emit(self.error or self.tr("This network cannot run."))
            return
        if not self.playing:
            self._last_frame = time.perf_counter()
            self._timer.start()
            self.playing_changed.emit(True)

    def pause(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def set_speed(self, speed: float) -> None:
        self.speed = max(0.01, float(speed))

    def reset(self) -> None:
        self.rebuild(keep_state=False)

    def step(self) -> None:
        """One tick: a layer (feedforward), a synchronous tick, or one dt (spiking)."""
        engine = self.engine
        if engine is None:
            self.message.emit(self.error)
            return
        if isinstance(engine, RateEngine):
            self._finish_phase()
        else:
            self._advance_spiking(1)
        self.advanced.emit()

    def _frame(self) -> None:
        now = time.perf_counter()
        elapsed = min(now - self._last_frame, 0.25)  # a stalled machine does not jump ahead
        self._last_frame = now
        self.advance(elapsed)

    def advance(self, seconds: float) -> None:
        """Move the animation on by `seconds` of real time (the timer calls this each frame)."""
        engine = self.engine
        if engine is None:
            return
        if isinstance(engine, RateEngine):
            self.phase += seconds * self.speed * RATE_PHASES_PER_SECOND
            while self.phase >= 1.0:
                self.phase -= 1.0
                self._compute_phase()
        else:
            target = engine.t_ms + seconds * self.speed * SPIKING_MS_PER_SECOND
            steps = int(round((target - engine.t_ms) / engine.dt_ms))
            self._advance_spiking(min(max(steps, 0), MAX_STEPS_PER_FRAME))
        self.advanced.emit()

    # ---- rate animation ------------------------------------------------------------------
    def _finish_phase(self) -> None:
        self.phase = 0.0
        self._compute_phase()

    def _compute_phase(self) -> None:
        engine = self.engine
        tick_before = engine.tick
        if engine.update == "feedforward" and engine.layers:
            engine.step_layer()
        else:
            engine.step()
        if engine.tick != tick_before:
            self._record()

    def phase_synapses(self) -> np.ndarray:
        """Rate: engine indices of the synapses whose pulses travel in the current phase."""
        engine = self.engine
        if not isinstance(engine, RateEngine):
            return np.zeros(0, dtype=np.intp)
        if engine.update == "feedforward":
            if not engine.layers:
                return np.zeros(0, dtype=np.intp)
            return engine.layers[engine.layer_cursor].synapses
        return engine._computing_synapses

    def phase_members(self) -> np.ndarray:
        """Rate: engine indices of the neurons computed at the end of the current phase."""
        engine = self.engine
        if not isinstance(engine, RateEngine):
            return np.zeros(0, dtype=np.intp)
        if engine.update == "feedforward":
            return engine.layers[engine.layer_cursor].members if engine.layers else np.zeros(0, dtype=np.intp)
        return engine.computing

    # ---- spiking -------------------------------------------------------------------------
    def _advance_spiking(self, steps: int) -> None:
        engine = self.engine
        order = [engine.index[nid] for nid in self.recorder.ids]
        position = np.empty(engine.n, dtype=np.intp)
        position[order] = np.arange(len(order))
        for _ in range(steps):
            t = engine.t_ms
            spiked = engine.step()
            values = engine.v[order].copy()
            sources = np.array(order) >= engine.n_cells
            values[sources] = 0.0
            if spiked.size:
                values[position[spiked[spiked >= engine.n_cells]]] = 1.0
                self._launch(spiked, t)
            self.recorder.append(t, values, position[spiked] if spiked.size else None)
        self._expire_pulses()

    def _launch(self, spiked: np.ndarray, t_ms: float) -> None:
        """Each spike sends a pulse down every outgoing synapse (weights read live from the model)."""
        synapses = self._network.synapses
        keys = [key for i in spiked.tolist() for key in self._outgoing.get(i, ())]
        if not keys:
            return
        delays = [synapses[key].delay_ms for key in keys]
        weights = [synapses[key].weight for key in keys]
        self.pulse_keys = (self.pulse_keys + keys)[-MAX_PULSES:]
        self._pulse_start = np.concatenate([self._pulse_start, np.full(len(keys), t_ms)])[-MAX_PULSES:]
        self._pulse_delay = np.concatenate([self._pulse_delay, delays])[-MAX_PULSES:]
        self._pulse_weight = np.concatenate([self._pulse_weight, weights])[-MAX_PULSES:]

    def _expire_pulses(self) -> None:
        if not self.pulse_keys:
            return
        alive = self.engine.t_ms - self._pulse_start <= np.maximum(self._pulse_delay, self.engine.dt_ms)
        if not alive.all():
            keep = np.flatnonzero(alive)
            self.pulse_keys = [self.pulse_keys[i] for i in keep.tolist()]
            self._pulse_start = self._pulse_start[keep]
            self._pulse_delay = self._pulse_delay[keep]
            self._pulse_weight = self._pulse_weight[keep]

    def _clear_pulses(self, keep: bool = False) -> None:
        if keep and self.pulse_keys and isinstance(self.engine, SpikingEngine):
            synapses = self._network.synapses
            alive = [i for i, key in enumerate(self.pulse_keys) if key in synapses]
            self.pulse_keys = [self.pulse_keys[i] for i in alive]
            self._pulse_start = self._pulse_start[alive]
            self._pulse_delay = self._pulse_delay[alive]
            self._pulse_weight = self._pulse_weight[alive]
            return
        self.pulse_keys = []
        self._pulse_start = np.zeros(0)
        self._pulse_delay = np.zeros(0)
        self._pulse_weight = np.zeros(0)

    # ---- what the canvas draws -----------------------------------------------------------
    def pulses(self) -> tuple[list[tuple[str, str]], np.ndarray, np.ndarray]:
        """(synapse keys, progress 0..1 along each, signed strength) of the pulses to draw now."""
        engine = self.engine
        if isinstance(engine, RateEngine):
            syn = self.phase_synapses()
            if syn.size == 0 or self.phase <= 0.0:
                return [], np.zeros(0), np.zeros(0)
            keys = list(engine.synapse_index)
            strength = engine.weight[syn] * engine.activity[engine.source[syn]]
            shown = np.flatnonzero(np.abs(strength) > 1e-9)
            return ([keys[i] for i in syn[shown].tolist()], np.full(shown.size, self.phase), strength[shown])
        if isinstance(engine, SpikingEngine) and self.pulse_keys:
            progress = (engine.t_ms - self._pulse_start) / np.maximum(self._pulse_delay, engine.dt_ms)
            return self.pulse_keys, np.clip(progress, 0.0, 1.0), self._pulse_weight
        return [], np.zeros(0), np.zeros(0)

    def neuron_levels(self) -> dict[str, tuple[float, bool, bool]]:
        """For each neuron: (level 0..1 shown in the soma, just fired, refractory)."""
        engine = self.engine
        result: dict[str, tuple[float, bool, bool]] = {}
        if isinstance(engine, RateEngine):
            levels = np.clip(np.abs(engine.activity), 0.0, 1.0)
            for nid, i in engine.index.items():
                result[nid] = (float(levels[i]), False, False)
        elif isinstance(engine, SpikingEngine):
            a = engine.arrays
            nc = engine.n_cells
            span = np.maximum(a.v_threshold - a.v_rest, 1e-9)
            levels = np.clip((engine.v[:nc] - a.v_rest) / span, 0.0, 1.0)
            flash_steps = max(1, int(round(3.0 / engine.dt_ms)))  # a spike glows for 3 ms
            recent = engine.step_count - 1 - engine.last_spike_step < flash_steps
            refractory = engine.refractory_mask()
            for nid, i in engine.index.items():
                if i < nc:
                    result[nid] = (float(levels[i]), bool(recent[i]), bool(refractory[i]))
                else:
                    result[nid] = (1.0 if recent[i] else 0.0, bool(recent[i]), False)
        return result

    def time_text(self) -> str:
        engine = self.engine
        if engine is None:
            return self.tr("cannot run: %1").replace("%1", self.error)
        if isinstance(engine, RateEngine):
            if engine.update == "feedforward" and engine.layers:
                return (self.tr("pass %1, layer %2 of %3").replace("%1", str(engine.tick + 1))
                        .replace("%2", str(engine.layer_cursor + 1)).replace("%3", str(len(engine.layers))))
            return self.tr("tick %1").replace("%1", str(engine.tick))
        return self.tr("t = %1 ms").replace("%1", f"{engine.t_ms:.1f}")

    def _record(self) -> None:
        engine = self.engine
        if isinstance(engine, RateEngine):
            order = [engine.index[nid] for nid in self.recorder.ids]
            self.recorder.append(float(engine.tick), engine.activity[order])
