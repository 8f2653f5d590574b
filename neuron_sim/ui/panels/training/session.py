"""A training session of the open network: the Trainer (model/training), run in slices on a QTimer.

The trainer learns on its own copy of the weights; after each slice they are written into the
network with SetManyCommand, every slice of one run under one merge key, so that the whole run
is one undo step (Undo restores the weights from before it). Any edit the session did not make
(Undo included) leaves the trainer behind: it is dropped and built again from the network as it
is, the next time it is needed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from neuron_sim.commands import SetManyCommand, push
from neuron_sim.model import ModelError, Network
from neuron_sim.model.training import BoundData, EpochResult, TrainConfig, Trainer, Update, built_in, bind, read_csv
from neuron_sim.model.training.data import PLANE_SETS

from neuron_sim.ui.events import EventLinks
from neuron_sim.ui.i18n.errors import error_text

SLICE_SECONDS = 0.03  # training time per timer tick: the window stays responsive between slices


@dataclass(frozen=True)
class DataChoice:
    """Which examples: a built-in set (`name`), or a CSV file (`csv_path`)."""

    name: str = "xor"
    csv_path: str = ""
    samples: int = 200
    noise: float = 0.0
    seed: int = 0

    @property
    def label(self) -> str:
        return self.csv_path.rsplit("/", 1)[-1] if self.csv_path else self.name


@dataclass
class Step:
    """One visible update: what the trainer computed and the values around it."""

    update: Update
    example: int  # 0-based index into the data
    learning_rate: float
    old_weights: dict[tuple[str, str], float]  # before the update (the pass ran with these)
    inputs: list[tuple[str, float]]  # (input id, the example's value)


class TrainingSession(QObject):
    epoch_done = Signal(object)  # EpochResult (epoch counts every epoch of the session's history)
    running_changed = Signal(bool)
    finished = Signal()  # the planned epochs are done
    data_changed = Signal()  # new data (the history starts again)
    failed = Signal(str)  # why it cannot train, in the interface language
    network_edited = Signal()  # an edit the session did not make: the map is out of date

    def __init__(self, network: Network, stack: QUndoStack, parent: QObject | None = None):
        super().__init__(parent)
        self.network = network
        self.stack = stack
        self.data_choice = DataChoice()
        self.config = TrainConfig()
        self.epochs = 100  # planned for one Train
        self.history: list[EpochResult] = []
        self.trainer: Trainer | None = None
        self.data: BoundData | None = None
        self.next_example = 0
        self.start: tuple[dict, dict] | None = None  # weights and thresholds before the first epoch
        self._goal = 0  # the epoch (of the history) a running Train stops at
        self._run_key: object | None = None  # merge key of the run's undo step
        self._run_first_epoch = 1
        self._step_key: object | None = None  # merge key of a shown step's undo step (inputs, then weights)
        self._writing = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self._links = EventLinks(owner=self)
        self._follow()

    def take_over(self, other: TrainingSession) -> None:
        """Go on where `other`, a session of the same network, is (a window rebuilt in another
        language): its data, settings, history, trainer and start weights; `other` stops, and no
        longer follows the network."""
        other.pause()
        other._links.disconnect()
        self.data_choice, self.config, self.epochs = other.data_choice, other.config, other.epochs
        self.history = list(other.history)
        self.trainer, self.data, self.start = other.trainer, other.data, other.start
        self.next_example = other.next_example
        self._goal, self._run_first_epoch = other._goal, other._run_first_epoch
        self.data_changed.emit()

    # ---- what to train -----------------------------------------------------------------------
    def set_network(self, network: Network, stack: QUndoStack) -> None:
        self.pause()
        self.network, self.stack = network, stack
        self.start = None
        self._follow()
        self._forget_data()

    def _follow(self) -> None:
        self._links.disconnect()
        self._links.connect(self.network.events.all, self._network_edited)

    def _network_edited(self, *_info) -> None:
        if self._writing:
            return
        self.pause()
        self.trainer = None  # its weights are no longer the network's
        self.data = None  # the inputs and outputs may have changed too
        self._run_key = None
        self.network_edited.emit()

    def set_data(self, choice: DataChoice) -> None:
        if choice != self.data_choice:
            self.pause()
            self.data_choice = choice
            self._forget_data()

    def set_config(self, config: TrainConfig) -> None:
        if config != self.config:
            self.pause()
            self.config = config
            self.trainer = None
            self._run_key = None

    def _forget_data(self) -> None:
        self.trainer, self.data, self._run_key = None, None, None
        self.history = []
        self.next_example = 0
        self.data_changed.emit()

    @property
    def epochs_done(self) -> int:
        return len(self.history)

    @property
    def converged_epoch(self) -> int | None:
        """The perceptron's first epoch without a mistake, if any."""
        return next((r.epoch for r in self.history if r.mistakes == 0), None)

    # ---- the trainer ----------------------------------------------------------------------------
    def ensure_trainer(self) -> Trainer | None:
        """The trainer of the network as it is now; None, after `failed`, if it cannot be trained."""
        if self.trainer is not None:
            return self.trainer
        try:
            self.data = self._load_data()
            # Random start weights are drawn once, at the first epoch; later trainers keep the network's.
            config = self.config if not self.history else replace(self.config, init="keep")
            self.trainer = Trainer(self.network, self.data, config)
            if self.start is None:  # kept when the data changes: Reset weights goes back to the network's own
                self.start = ({key: s.weight for key, s in self.network.synapses.items()},
                              {n.id: n.threshold for n in self.network if n.kind == "neuron"})
        except ModelError as error:
            self.trainer = None
            self.failed.emit(error_text(error))
            return None
        self.next_example %= self.trainer.size
        return self.trainer

    def _load_data(self) -> BoundData:
        choice = self.data_choice
        if choice.csv_path:
            return read_csv(choice.csv_path, self.network)
        if choice.name in PLANE_SETS:
            return bind(built_in(choice.name, choice.samples, choice.noise, choice.seed), self.network)
        return bind(built_in(choice.name), self.network)

    def check_data(self, choice: DataChoice) -> str:
        """Why `choice` cannot be used with the network ("" if it can), changing nothing."""
        try:
            if choice.csv_path:
                read_csv(choice.csv_path, self.network)
        except ModelError as error:
            return error_text(error)
        return ""

    # ---- running ----------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def train(self) -> None:
        """Run the planned epochs, a slice per timer tick."""
        if self.running or self.ensure_trainer() is None:
            return
        self._goal = self.epochs_done + self.epochs
        self._timer.start()
        self.running_changed.emit(True)

    def pause(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.running_changed.emit(False)

    def _slice(self) -> None:
        trainer = self.trainer
        if trainer is None:
            self.pause()
            return
        started = time.perf_counter()
        results: list[EpochResult] = []
        try:
            while self.epochs_done + len(results) < self._goal and time.perf_counter() - started < SLICE_SECONDS:
                results += trainer.train(1)
        except ModelError as error:  # diverged: the trainer's weights are unusable
            self.pause()
            self.trainer = None
            self.failed.emit(error_text(error))
            return
        if results and not self._write_back(results):
            return
        if self.epochs_done >= self._goal:
            self.pause()
            self.finished.emit()

    def run_epochs(self, count: int) -> list[EpochResult]:
        """`count` epochs at once, written back as one step (Step one epoch; tests)."""
        trainer = self.ensure_trainer()
        if trainer is None:
            return []
        try:
            results = trainer.train(count)
        except ModelError as error:
            self.trainer = None
            self.failed.emit(error_text(error))
            return []
        self._write_back(results)
        return results

    def _write_back(self, results: list[EpochResult]) -> bool:
        """Write the trainer's weights as (part of) the run's undo step, then record the epochs."""
        if self._run_key is None:
            self._run_key = object()
            self._run_first_epoch = self.epochs_done + 1
        last = self.epochs_done + len(results)
        if last == self._run_first_epoch:
            text = self.tr("Train (epoch %1)").replace("%1", str(last))
        else:
            text = self.tr("Train (epochs %1 to %2)").replace("%1", str(self._run_first_epoch)).replace("%2", str(last))
        if not self._push(self._weight_changes(), text, self._run_key):
            return False
        for result in results:
            result.epoch = self.epochs_done + 1
            self.history.append(result)
            self.epoch_done.emit(result)
        return True

    def _weight_changes(self) -> list[tuple]:
        assert self.trainer is not None
        return [("synapse", key, "weight", new) if what == "weight" else ("neuron", key, "threshold", new)
                for what, key, _old, new in self.trainer.model.changes(self.network)]

    def _push(self, changes: list[tuple], text: str, key: object) -> bool:
        if not changes:
            return True
        self._writing = True
        try:
            push(self.stack, SetManyCommand(self.network, changes, text, merge_key=key))
        except ModelError as error:
            self.pause()
            self.trainer = None
            self.failed.emit(error_text(error))
            return False
        finally:
            self._writing = False
        return True

    # ---- one example, shown ------------------------------------------------------------------------
    def step_example(self) -> Step | None:
        """One update on the next example; nothing is written yet (write_inputs, write_weights)."""
        self.pause()
        trainer = self.ensure_trainer()
        if trainer is None:
            return None
        example = self.next_example % trainer.size
        old_weights = trainer.model.weights()
        try:
            update = trainer.step([example])
        except ModelError as error:
            self.trainer = None
            self.failed.emit(error_text(error))
            return None
        self.next_example = (example + 1) % trainer.size
        assert self.data is not None
        inputs = [(nid, float(update.activity[nid][0])) for nid in self.data.input_ids]
        self._run_key = None  # a Train after the step is an undo step of its own
        self._step_key = object()  # the step's own undo step: its inputs and its weights
        return Step(update, example, self.config.learning_rate, old_weights, inputs)

    def write_inputs(self, step: Step) -> bool:
        """Put the example's inputs on the input neurons, for the forward pass to show."""
        text = self.tr("Learn from example %1").replace("%1", str(step.example + 1))
        return self._push([("neuron", nid, "value", value) for nid, value in step.inputs], text, self._step_key)

    def write_weights(self, step: Step) -> bool:
        """The step's new weights and thresholds, folded into the same undo step as its inputs."""
        if self.trainer is None:  # edited meanwhile: the step no longer applies
            return False
        text = self.tr("Learn from example %1").replace("%1", str(step.example + 1))
        return self._push(self._weight_changes(), text, self._step_key)

    # ---- starting again ------------------------------------------------------------------------------
    def reset_weights(self) -> None:
        """Back to the weights and thresholds from before the first epoch (one undo step); the
        history starts again."""
        self.pause()
        if self.start is None:
            self._forget_data()
            return
        weights, thresholds = self.start
        changes = [("synapse", key, "weight", w) for key, w in weights.items() if key in self.network.synapses]
        changes += [("neuron", nid, "threshold", t) for nid, t in thresholds.items() if nid in self.network.neurons]
        self._push(changes, self.tr("Reset weights"), object())
        self._forget_data()

    def predict_grid(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray | None:
        """The first output over the plane of the two inputs (rows: ys, columns: xs)."""
        trainer = self.ensure_trainer()
        if trainer is None or len(trainer.data.input_ids) != 2:
            return None
        gx, gy = np.meshgrid(xs, ys)
        with np.errstate(over="ignore", invalid="ignore"):
            out = trainer.predict(np.column_stack([gx.ravel(), gy.ravel()]))
        return out[:, 0].reshape(gy.shape)
