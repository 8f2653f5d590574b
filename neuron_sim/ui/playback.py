"""Playback: a QTimer that moves the model's Player (model/player.py) on in real time.

The Player owns the engine, the clock, the recorder and what happens on an edit while playing;
this object only adds the timer (Play, Pause, ~30 frames per second; a Step runs the same timer
until the Player says the step is done), Qt signals for the window and the panels, and the
interface language for the clock and for why a network cannot run.
"""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from neuron_sim.model import ModelError, Network
from neuron_sim.model.engines.protocol import Engine, Pulses
from neuron_sim.model.engines.rate import PLAYBACK_STAGES_PER_SECOND
from neuron_sim.model.engines.spiking.engine import PLAYBACK_MS_PER_SECOND
from neuron_sim.model.player import MAX_STAGES_PER_ADVANCE, Player, RunState
from neuron_sim.model.recording import DEFAULT_MEMORY_BYTES, TraceRecorder

from neuron_sim.ui.i18n import language
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.styles import duration_parts

FRAME_MS = 33  # ~30 frames per second
RATE_PHASES_PER_SECOND = PLAYBACK_STAGES_PER_SECOND  # layers (or ticks) per second at speed 1
SPIKING_MS_PER_SECOND = PLAYBACK_MS_PER_SECOND  # simulated milliseconds per real second at speed 1
FASTEST = math.inf  # as fast as the machine allows: for rasters of long spiking runs
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 10.0, 100.0, FASTEST)
FLAT_OUT_SHARE = 0.6  # of each frame's time spent computing at FASTEST; the rest draws and answers
FLAT_OUT_FIRST_STAGES = 20  # at FASTEST, the first frame's stages: later frames fit the time measured
MAX_FRAME_SECONDS = 0.25  # a stalled machine does not jump ahead
RECORDING_MEMORY_KEY = "recording_memory_mb"  # Preferences: what the trace recording may take
DEFAULT_RECORDING_MB = DEFAULT_MEMORY_BYTES >> 20


def recording_memory_mb() -> int:
    """The memory (MB) the recording of a playing network may take, as Preferences set it."""
    value = language.settings().value(RECORDING_MEMORY_KEY, DEFAULT_RECORDING_MB)
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return DEFAULT_RECORDING_MB


class Playback(QObject):
    advanced = Signal()
    playing_changed = Signal(bool)
    message = Signal(str)

    def __init__(self, network: Network, parent: QObject | None = None):
        super().__init__(parent)
        self.player = Player(network, recording_memory_mb() << 20)
        self.player.changed.connect(self._changed)
        self.player.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._frame)
        self._last_frame = 0.0
        self.flat_out = False  # FASTEST: whole stages as many as fit in each frame
        self._flat_out_stages = FLAT_OUT_FIRST_STAGES
        self.clock = time.perf_counter  # tests give their own
        self._play_on = False

    # ---- the player --------------------------------------------------------------------------
    @property
    def network(self) -> Network:
        return self.player.network

    def set_network(self, network: Network) -> None:
        self.pause()
        self.player.set_network(network)

    @property
    def engine(self) -> Engine | None:
        return self.player.engine

    @property
    def recorder(self) -> TraceRecorder:
        return self.player.recorder

    @property
    def failure(self) -> ModelError | None:
        """The model's refusal to run the network (English: str(failure)); None when it runs."""
        return self.player.failure

    @property
    def error(self) -> str:
        """Why the network cannot run, in the interface language ("" when it can)."""
        return error_text(self.player.failure) if self.player.failure is not None else ""

    @property
    def speed(self) -> float:
        return FASTEST if self.flat_out else self.player.speed

    @property
    def phase(self) -> float:
        """Progress of the current layer or tick, 0 → 1 (rate networks)."""
        return self.player.phase

    def set_speed(self, speed: float) -> None:
        """A factor of the real-time pace, or FASTEST."""
        self.flat_out = not math.isfinite(speed)
        if not self.flat_out:
            self.player.set_speed(speed)
        self._flat_out_stages = FLAT_OUT_FIRST_STAGES

    def rebuild(self, keep_state: bool = True) -> None:
        self.player.rebuild(keep_state)

    def follow_recording_setting(self) -> None:
        """Keep as much of the recording as the memory Preferences allow now."""
        self.player.set_recording_bytes(recording_memory_mb() << 20)

    def continue_from(self, source: Playback) -> None:
        """Take over where `source`, a Playback of an identical copy of this network, is now
        (Player.continue_from)."""
        self.player.continue_from(source.player)

    def continue_run(self, state: RunState) -> None:
        """Go on with another playback's run of the same network, its recording included
        (Player.continue_run)."""
        self.player.continue_run(state)

    def _changed(self) -> None:
        self.advanced.emit()

    def _failed(self, failure: ModelError) -> None:
        self.pause()
        self.message.emit(error_text(failure))

    # ---- controls ----------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        """Play is on (a Step being played is `stepping`, not playing)."""
        return self._play_on

    @property
    def stepping(self) -> bool:
        return self.player.stepping and self._timer.isActive()

    def play(self) -> None:
        if self.engine is None:
            self.message.emit(self.error or self.tr("This network cannot run."))
            return
        if not self._play_on:
            self.player.cancel_step()  # Play goes on from where a Step is
            self._play_on = True
            self._start_timer()
            self.playing_changed.emit(True)

    def pause(self) -> None:
        self.player.cancel_step()
        self._timer.stop()
        if self._play_on:
            self._play_on = False
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def reset(self) -> None:
        self.player.reset()

    def step(self) -> None:
        """One stage at once (Player.step): a layer (feedforward), a synchronous tick, or one dt;
        for figures and animations, which draw each stage themselves."""
        if self.engine is None:
            self.message.emit(self.error)
            return
        self.player.step()

    def play_step(self) -> None:
        """The Step button: play one step at the current speed (a whole pass layer by layer in a
        feedforward network, a synchronous tick, or one dt); Play stops first. Pressed while a step is playing,
        that step ends at once and the next one starts."""
        if self.engine is None:
            self.message.emit(self.error)
            return
        if self._play_on:
            self.pause()
        if self.player.stepping:
            self.player.finish_step()
        self.player.begin_step()
        self._start_timer()

    def _start_timer(self) -> None:
        if not self._timer.isActive():
            self._last_frame = time.perf_counter()
            self._timer.start()

    def _frame(self) -> None:
        now = time.perf_counter()
        elapsed = min(now - self._last_frame, MAX_FRAME_SECONDS)
        self._last_frame = now
        self.advance(elapsed)

    def advance(self, seconds: float) -> None:
        """Move the animation on by `seconds` of real time (the timer calls this each frame); a
        Step that is done stops the timer."""
        if self.player.stepping and self.flat_out:
            self.player.finish_step()  # as fast as possible: the step at once
        elif not self.flat_out:
            self.player.advance(seconds)
        else:
            # As fast as possible: as many stages as the machine computes in a share of the frame,
            # from the time the last frame's stages took.
            stages = self._flat_out_stages
            started = self.clock()
            self.player.advance_stages(stages)
            spent = self.clock() - started
            budget = FLAT_OUT_SHARE * seconds
            fitting = int(stages * budget / spent) if spent > 0 else stages * 2
            self._flat_out_stages = min(max(fitting, 1), MAX_STAGES_PER_ADVANCE)
        if not self._play_on and not self.player.stepping:
            self._timer.stop()

    # ---- what the canvas draws ---------------------------------------------------------------
    def pulses(self) -> tuple[list[tuple[str, str]], np.ndarray, np.ndarray]:
        """(synapse keys, progress 0..1 along each, signed strength) of the pulses to draw now."""
        pulses = self.player.pulses()
        return pulses.keys, pulses.progress, pulses.strength

    def pulse_state(self) -> Pulses:
        """The pulses to draw now as arrays: synapse indices into `synapse_keys`, progress, strength
        (what the canvas reads each frame; `pulses()` names every synapse)."""
        return self.player.pulses()

    def neuron_levels(self, ids: list[str] | None = None) -> dict[str, tuple[float, bool, bool]]:
        """For each neuron (of `ids`, or every one): (level 0..1 shown in the soma, just fired, refractory)."""
        return self.player.levels(ids)

    def learned_weights(self) -> dict[tuple[str, str], float]:
        """The weights of the synapses that learn while playing (STDP), as they are now."""
        return self.player.learned_weights()

    def time_text(self) -> str:
        clock = self.player.clock()
        if clock is None:
            return self.tr("cannot run: %1").replace("%1", self.error)
        if clock.t_ms is not None:
            number, unit = duration_parts(clock.t_ms)
            return (self.tr("t = %1 s") if unit == "s" else self.tr("t = %1 ms")).replace("%1", number)
        if clock.layer is not None:
            return (self.tr("pass %1, layer %2 of %3").replace("%1", str(clock.tick + 1))
                    .replace("%2", str(clock.layer + 1)).replace("%3", str(clock.layers)))
        return self.tr("tick %1").replace("%1", str(clock.tick))
