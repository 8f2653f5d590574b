"""The Player: runs a network's engine in playback time, follows the network's edits and records.

It owns the engine (built by engines/build.py, used only through the Engine protocol), the clock
(the playback speed and the progress of the current stage), the recorder and the carrying of a
run over an edit. It follows the network's events itself: a parameter edit goes into the running
engine when the engine can take it in place; otherwise, and after any structural edit, a new
engine is built and takes the old one's state over by neuron id (for spiking runs also the input
travelling along the synapses and the generators' schedules), and the recording so far carries
over for the neurons that are still there. A change of model, update rule or dt starts afresh.

A feedforward rate network is always evaluated: after every edit, rebuild and reset the engine
settles (one pass) and the recording's sample for the current tick is revised, so the canvas, the
panels and the plots show the network's output at once; Play and Step only animate the way there.

It knows nothing of real time or timers: its owner (ui/playback.py, a QTimer) calls `advance`
with the seconds that passed, and follows `changed` to redraw and `failed` (a ModelError) to say
why the network cannot run. `step` computes one stage at once; `begin_step` starts the Step the
user asks for, which `advance` then plays at the current speed and ends by itself: a whole pass
layer by layer (feedforward), one synchronous tick, or one dt (spiking).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from psygnal import Signal

from neuron_sim.model import run_memory
from neuron_sim.model.engines.build import build_engine
from neuron_sim.model.engines.protocol import Clock, Engine, Pulses, Sample
from neuron_sim.model.entities import ModelError
from neuron_sim.model.network import Network
from neuron_sim.model.recording import DEFAULT_MEMORY_BYTES, TraceRecorder, capacity_for

MAX_STAGES_PER_ADVANCE = 2000  # a slow machine falls behind rather than freezing


class RunState(NamedTuple):
    """A player's run as it is at one moment (Player.run_state)."""

    engine: Engine | None
    phase: float
    recorder: TraceRecorder | None  # None: the run goes on without its recording


class Player:
    """Plays `network`; `engine` is None while it cannot run (`failure` says why)."""

    changed = Signal()  # the state shown changed (a step, an edit, a rebuild)
    failed = Signal(object)  # ModelError: the network cannot run as it is now

    def __init__(self, network: Network, recording_bytes: int = DEFAULT_MEMORY_BYTES):
        self._network = network
        self.engine: Engine | None = None
        self.failure: ModelError | None = None
        self.recorder = TraceRecorder([])
        self.speed = 1.0
        self.phase = 0.0  # progress of the current stage, 0 → 1 (engines with a continuous phase)
        self.stages_to_step = 0  # stages the Step being played still has to go (0: none playing)
        self.recording_bytes = recording_bytes  # what the recorder's samples may take (capacity_for)
        self._order = np.zeros(0, dtype=np.intp)  # engine index of each recorder column
        self._columns: np.ndarray | None = None  # _order, or None where it is every index in turn
        self._position = np.zeros(0, dtype=np.intp)  # recorder column of each engine index
        self._follow(network, True)
        self.rebuild(keep_state=False)

    # ---- the network -------------------------------------------------------------------------
    @property
    def network(self) -> Network:
        return self._network

    def set_network(self, network: Network) -> None:
        """Play another network from its start."""
        self._follow(self._network, False)
        self._network = network
        self._follow(network, True)
        self.rebuild(keep_state=False)

    def close(self) -> None:
        """Stop following the network."""
        self._follow(self._network, False)

    def _follow(self, network: Network, on: bool) -> None:
        e = network.events
        for signal, handler in ((e.neuron_added, self._structure_changed),
                                (e.neuron_removed, self._structure_changed),
                                (e.synapse_added, self._structure_changed),
                                (e.synapse_removed, self._structure_changed),
                                (e.structure_changed, self._structure_changed),
                                (e.neuron_changed, self._neuron_changed),
                                (e.synapse_changed, self._synapse_changed),
                                (e.params_changed, self._params_changed),
                                (e.network_changed, self._network_changed)):
            signal.connect(handler) if on else signal.disconnect(handler)

    def _structure_changed(self, *args) -> None:
        """One structural edit, or one batch of them (structure_changed): one rebuild."""
        self.rebuild(keep_state=True)

    def _neuron_changed(self, neuron_id: str, name: str, value) -> None:
        if name in ("position", "label"):
            return
        if self.engine is not None and self.engine.set_neuron_param(neuron_id, name, value):
            self._settle()
            self.changed.emit()
        else:
            self.rebuild(keep_state=True)

    def _synapse_changed(self, key, name: str, value) -> None:
        if self.engine is not None and self.engine.set_synapse_param(key, name, value):
            self._settle()
            self.changed.emit()
        else:
            self.rebuild(keep_state=True)

    def _params_changed(self, changes) -> None:
        """A batch edit: into the running engine where it can take every value, else one rebuild."""
        engine = self.engine
        for what, key, name, value in changes:
            if what == "neuron" and name in ("position", "label"):
                continue
            taken = engine is not None and (engine.set_neuron_param(key, name, value) if what == "neuron"
                                            else engine.set_synapse_param(key, name, value))
            if not taken:
                self.rebuild(keep_state=True)  # reads every value from the network, the rest of the batch too
                return
        self._settle()  # once for the batch, as after a single edit
        self.changed.emit()

    def _network_changed(self, name: str, value) -> None:
        if name in ("model", "update", "dt_ms"):
            self.rebuild(keep_state=False)

    # ---- building the engine -----------------------------------------------------------------
    def rebuild(self, keep_state: bool = True) -> None:
        """A new engine for the network as it is now; with `keep_state` the neurons that existed
        before keep their state and their recording."""
        old_engine, old_recorder = self.engine, self.recorder
        self.failure = None
        if not keep_state:
            self.stages_to_step = 0
        try:
            run_memory.check(self._network, None,  # playing has no end
                             table_rows=capacity_for(len(self._network), self.recording_bytes))
            engine = build_engine(self._network)
        except ModelError as error:
            self.engine, self.failure = None, error
            self.stages_to_step = 0
            self.failed.emit(error)
            self.changed.emit()
            return
        carried = keep_state and old_engine is not None and old_engine.kind == engine.kind
        if carried:
            engine.carry_over(old_engine)
        self.engine = engine
        ids = list(self._network.neurons)
        self._order = np.array([engine.index[nid] for nid in ids], dtype=np.intp)
        self._position = np.empty(len(engine.ids), dtype=np.intp)
        self._position[self._order] = np.arange(len(ids))
        # the recorder's columns are in the network's order: the engine's values are taken in it,
        # unless the two orders are the same (no copy then)
        in_order = bool(np.array_equal(self._order, np.arange(len(ids))))
        self._columns = None if in_order else self._order
        self.recorder = TraceRecorder(ids, capacity_for(len(ids), self.recording_bytes), unit=engine.time_unit)
        if carried and old_recorder.ids:
            self._carry_recording(old_recorder)
            self._settle()
        else:
            self.phase = 0.0
            engine.settle()
            sample = engine.initial_sample()
            if sample is not None:
                self._record(sample)
        self.changed.emit()

    def _settle(self) -> None:
        """Evaluate the network again if it has a settled answer (feedforward rate), and revise
        the recording's sample for the current tick to it."""
        engine = self.engine
        if engine is None or not engine.settle():
            return
        sample = engine.initial_sample()
        if sample is not None:
            self.recorder.revise(sample.time, sample.values[self._order])

    def continue_from(self, source: Player) -> None:
        """Take over where `source`, a Player of an identical copy of this network, is now: its
        engine's state (in a spiking network also the input still travelling along the synapses
        and the generators' schedules), the stage's progress and the pulses on the axons, so that
        what comes next is what `source` would show. `source` does not move; the recording is
        not copied. Used by animations, which run on a copy of the window's network."""
        self.continue_run(RunState(source.engine, source.phase, None))

    def run_state(self) -> RunState:
        """Where the run is now, for a player of the same network that goes on with it."""
        return RunState(self.engine, self.phase, self.recorder)

    def continue_run(self, state: RunState) -> None:
        """Go on with another player's run of the same network (a window rebuilt in another
        language): its engine's state, the stage's progress and, if it has one, the recording."""
        if state.engine is None or self.engine is None or state.engine.kind != self.engine.kind:
            return
        self.engine.take_over(state.engine)
        self.phase = state.phase
        if state.recorder is not None:
            self._carry_recording(state.recorder)
        self.changed.emit()

    def _carry_recording(self, old: TraceRecorder) -> None:
        """The samples and spikes recorded so far, for the neurons that are still there."""
        self.recorder.carry(old)

    def set_recording_bytes(self, recording_bytes: int) -> None:
        """What the recorder's samples may take from now on; the recording so far is kept as far
        as it fits."""
        self.recording_bytes = int(recording_bytes)
        old = self.recorder
        capacity = capacity_for(len(old.ids), self.recording_bytes)
        if capacity != old.capacity:
            self.recorder = TraceRecorder(old.ids, capacity, unit=old.unit)
            self.recorder.carry(old)
            self.changed.emit()

    # ---- the clock ---------------------------------------------------------------------------
    def set_speed(self, speed: float) -> None:
        self.speed = max(0.01, float(speed))

    def reset(self) -> None:
        """Back to the start; the recording starts again."""
        self.rebuild(keep_state=False)

    def step(self) -> None:
        """One stage at once, from its start: a layer (feedforward), a synchronous tick, or one dt."""
        if self.engine is None:
            return
        self.phase = 0.0
        self._stages(1)
        self.changed.emit()

    @property
    def stepping(self) -> bool:
        """A Step is being played (`advance` ends it when its stages are done)."""
        return self.stages_to_step > 0

    def begin_step(self) -> None:
        """Start a Step: `advance` plays the rest of the current feedforward pass (a whole pass from
        its start, layer by layer), or one synchronous tick, or one dt, and then stops."""
        engine = self.engine
        if engine is None:
            return
        clock = engine.clock()
        if clock.layer is not None and clock.layers:
            self.stages_to_step = clock.layers - clock.layer
        else:
            self.stages_to_step = 1

    def finish_step(self) -> None:
        """Play what is left of the Step at once (Step pressed again while one is playing)."""
        if self.engine is None or not self.stepping:
            self.stages_to_step = 0
            return
        count, self.stages_to_step = self.stages_to_step, 0
        self.phase = 0.0
        self._stages(count)
        self.changed.emit()

    def cancel_step(self) -> None:
        """Stop counting the Step's stages (Play takes over, or Pause stops where it is)."""
        self.stages_to_step = 0

    def advance(self, seconds: float) -> None:
        """Move on by `seconds` of playback at the current speed (only to the end of a Step that
        is being played)."""
        engine = self.engine
        if engine is None:
            return
        amount = seconds * self.speed * engine.stages_per_second
        if engine.continuous_phase:
            self.phase += amount
            while self.phase >= 1.0:
                self.phase -= 1.0
                self._stages(1)
                if self.stepping:
                    self.stages_to_step -= 1
                    if not self.stepping:
                        self.phase = 0.0
                        break
        else:
            count = min(max(int(round(amount)), 0), MAX_STAGES_PER_ADVANCE)
            if self.stepping:
                count = min(max(count, 1), self.stages_to_step)
                self.stages_to_step -= count
            self._stages(count)
        self.changed.emit()

    def advance_stages(self, count: int) -> None:
        """Move on by `count` whole stages at once (playing as fast as the machine allows)."""
        if self.engine is None:
            return
        self.phase = 0.0
        self._stages(min(max(int(count), 0), MAX_STAGES_PER_ADVANCE))
        self.changed.emit()

    def _stages(self, count: int) -> None:
        advance_stage = self.engine.advance_stage
        for _ in range(count):
            sample = advance_stage()
            if sample is not None:
                self._record(sample)

    def _record(self, sample: Sample) -> None:
        spiked = sample.spiked
        if spiked is not None and self._columns is not None:
            spiked = self._position[spiked]
        self.recorder.append(sample.time, sample.values, spiked, self._columns)

    # ---- what is shown -----------------------------------------------------------------------
    def pulses(self) -> Pulses:
        return self.engine.pulses(self.phase) if self.engine is not None else Pulses()

    def levels(self, ids: list[str] | None = None) -> dict[str, tuple[float, bool, bool]]:
        """For each neuron (of `ids`, or every one): (level 0..1 shown in the soma, just fired, refractory)."""
        return self.engine.levels(ids) if self.engine is not None else {}

    def clock(self) -> Clock | None:
        return self.engine.clock() if self.engine is not None else None

    def learned_weights(self) -> dict[tuple[str, str], float]:
        """The weights of the synapses that learn as the network plays (STDP), as they are now:
        what the canvas draws instead of the network's, which hold where the run started."""
        return self.engine.learned_weights() if self.engine is not None else {}
