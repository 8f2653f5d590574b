"""The Train dock: choose the data and how to learn, run it, and watch the loss and the decision boundary.

Train runs the planned epochs in slices (TrainingSession), Pause stops between two slices, Step one
epoch trains one epoch, Reset weights goes back to the weights from before the first epoch. Step
one example is shown on the canvas: the dock only asks for it (`step_example_requested`); the
window runs the forward pass, the backward pass and the weights' change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from neuron_sim.model.training import TrainConfig
from neuron_sim.model.training.data import PLANE_SETS

from neuron_sim.ui.i18n.filling import fill
from neuron_sim.ui.throttle import ThrottledRedraw
from neuron_sim.ui.panels.training.plots import TrainingPlots
from neuron_sim.ui.panels.training.session import DataChoice, TrainingSession

CSV_CHOICE = "csv"
ERROR_STYLE = "color: #c62828; font-weight: bold;"  # as the inspector says what it refused


class TrainDock(QDockWidget):
    step_example_requested = Signal()
    example_requested = Signal(str)  # the file name (without .json) of an example to open

    def __init__(self, session: TrainingSession, parent: QWidget | None = None):
        super().__init__(self.tr("Train"), parent)
        self.setObjectName("train-dock")
        self.session = session
        self.csv_path = ""
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 6, 6, 6)
        column.addLayout(self._build_form())
        column.addLayout(self._build_buttons())
        self.progress = QProgressBar()
        self.progress.setObjectName("training_progress")
        self.progress.setTextVisible(True)
        column.addWidget(self.progress)
        self.status = QLabel()
        self.status.setObjectName("training_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.status)
        self.example_button = QPushButton(self.tr("Open the hidden-layer example (XOR with backprop)"))
        self.example_button.setObjectName("training_open_example")
        self.example_button.clicked.connect(lambda: self.example_requested.emit("learn-xor"))
        self.example_button.hide()
        column.addWidget(self.example_button)
        self.plots = TrainingPlots(session)
        column.addWidget(self.plots, 1)
        self.setWidget(body)
        self.redraws = ThrottledRedraw(self, self._draw_plots)
        session.epoch_done.connect(lambda result: self._show_progress())
        session.epoch_done.connect(lambda result: self.redraws.request())
        session.running_changed.connect(self._running_changed)
        session.finished.connect(self._finished)
        session.failed.connect(self._failed)
        session.data_changed.connect(self._data_changed)
        session.network_edited.connect(self.redraws.request)  # a weight typed in moves the boundary too
        self.show_settings_of(session)
        self._show_progress()

    # ---- building ----------------------------------------------------------------------------
    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.data_box = QComboBox()
        self.data_box.setObjectName("training_data")
        names = {"and": self.tr("AND (truth table)"), "or": self.tr("OR (truth table)"),
                 "nand": self.tr("NAND (truth table)"), "xor": self.tr("XOR (truth table)"),
                 "blobs": self.tr("two blobs"), "circle": self.tr("circle"),
                 "xor-quadrants": self.tr("XOR quadrants"), "spiral": self.tr("spiral")}
        for name, text in names.items():
            self.data_box.addItem(text, name)
        self.data_box.addItem(self.tr("CSV file…"), CSV_CHOICE)
        self.data_box.activated.connect(self._data_chosen)
        self.samples_box = QSpinBox()
        self.samples_box.setRange(4, 5000)
        self.samples_box.setValue(200)
        self.noise_box = QDoubleSpinBox()
        self.noise_box.setRange(0.0, 2.0)
        self.noise_box.setSingleStep(0.05)
        self.seed_box = QSpinBox()
        self.seed_box.setRange(0, 2**31 - 1)
        plane = QHBoxLayout()
        for text, box in ((self.tr("samples"), self.samples_box), (self.tr("noise"), self.noise_box),
                          (self.tr("seed"), self.seed_box)):
            plane.addWidget(QLabel(text))
            plane.addWidget(box, 1)
            box.editingFinished.connect(self._apply_data)
        self.plane_row = QWidget()
        self.plane_row.setLayout(plane)
        plane.setContentsMargins(0, 0, 0, 0)
        self.algorithm_box = QComboBox()
        self.algorithm_box.setObjectName("training_algorithm")
        self.algorithm_box.addItem(self.tr("backprop (gradient descent)"), "backprop")
        self.algorithm_box.addItem(self.tr("perceptron rule (step units)"), "perceptron")
        self.loss_box = QComboBox()
        self.loss_box.addItem(self.tr("mean squared error"), "mse")
        self.loss_box.addItem(self.tr("cross-entropy (sigmoid outputs)"), "cross-entropy")
        self.rate_box = QDoubleSpinBox()
        self.rate_box.setObjectName("training_rate")
        self.rate_box.setDecimals(4)
        self.rate_box.setRange(0.0001, 1000.0)
        self.rate_box.setValue(0.1)
        self.epochs_box = QSpinBox()
        self.epochs_box.setObjectName("training_epochs")
        self.epochs_box.setRange(1, 1_000_000)
        self.epochs_box.setValue(100)
        self.batch_box = QSpinBox()
        self.batch_box.setRange(0, 1_000_000)
        self.batch_box.setSpecialValueText(self.tr("full (all examples)"))
        self.shuffle_box = QCheckBox(self.tr("shuffle each epoch"))
        self.init_box = QComboBox()
        self.init_box.addItem(self.tr("as in the network"), "keep")
        self.init_box.addItem(self.tr("random (Glorot)"), "random")
        for box in (self.algorithm_box, self.loss_box, self.init_box):
            box.activated.connect(self._apply_config)
        for box in (self.rate_box, self.epochs_box, self.batch_box):
            box.valueChanged.connect(self._apply_config)
        self.shuffle_box.toggled.connect(self._apply_config)
        form.addRow(self.tr("Data"), self.data_box)
        form.addRow("", self.plane_row)
        form.addRow(self.tr("Algorithm"), self.algorithm_box)
        form.addRow(self.tr("Loss"), self.loss_box)
        form.addRow(self.tr("Learning rate"), self.rate_box)
        form.addRow(self.tr("Epochs"), self.epochs_box)
        batch = QHBoxLayout()
        batch.addWidget(self.batch_box, 1)
        batch.addWidget(self.shuffle_box)
        form.addRow(self.tr("Batch"), batch)
        form.addRow(self.tr("Start weights"), self.init_box)
        self._sync_data_widgets()
        return form

    def _build_buttons(self) -> QGridLayout:
        grid = QGridLayout()
        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setObjectName("training_train")
        self.train_button.clicked.connect(self.toggle_training)
        self.step_example_button = QPushButton(self.tr("Step one example"))
        self.step_example_button.setObjectName("training_step_example")
        self.step_example_button.clicked.connect(self.step_example_requested.emit)
        self.step_epoch_button = QPushButton(self.tr("Step one epoch"))
        self.step_epoch_button.setObjectName("training_step_epoch")
        self.step_epoch_button.clicked.connect(self.step_epoch)
        self.reset_button = QPushButton(self.tr("Reset weights"))
        self.reset_button.setObjectName("training_reset")
        self.reset_button.setToolTip(self.tr("Back to the weights and thresholds from before the first epoch"))
        self.reset_button.clicked.connect(self.session.reset_weights)
        grid.addWidget(self.train_button, 0, 0)
        grid.addWidget(self.step_example_button, 0, 1)
        grid.addWidget(self.step_epoch_button, 1, 0)
        grid.addWidget(self.reset_button, 1, 1)
        return grid

    # ---- choices -----------------------------------------------------------------------------
    def _data_chosen(self, _index: int = 0) -> None:
        if self.data_box.currentData() == CSV_CHOICE:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Examples from a CSV file"), "",
                                                  self.tr("CSV files (*.csv);;All files (*)"))
            if not path or not self.choose_csv(path):
                self._show_choice(self.session.data_choice)
                return
        self._apply_data()

    def choose_csv(self, path: str) -> bool:
        """Use a CSV file's examples; a bad file is refused with its message and changes nothing."""
        problem = self.session.check_data(DataChoice(csv_path=path))
        if problem:
            self.status.setText(fill(self.tr("Not used: %1"), problem))
            self.status.setStyleSheet(ERROR_STYLE)
            self._show_choice(self.session.data_choice)
            return False
        self.csv_path = path
        self._show_choice(DataChoice(csv_path=path))
        self._apply_data()
        return True

    def _apply_data(self) -> None:
        name = self.data_box.currentData()
        if name == CSV_CHOICE:
            choice = DataChoice(csv_path=self.csv_path)
        else:
            choice = DataChoice(name, samples=self.samples_box.value(), noise=self.noise_box.value(),
                                seed=self.seed_box.value())
        self._sync_data_widgets()
        self.session.set_data(choice)

    def _show_choice(self, choice: DataChoice) -> None:
        with QSignalBlocker(self.data_box):
            self.data_box.setCurrentIndex(self.data_box.findData(CSV_CHOICE if choice.csv_path else choice.name))
        self._sync_data_widgets()

    def _sync_data_widgets(self) -> None:
        self.plane_row.setVisible(self.data_box.currentData() in PLANE_SETS)

    def _apply_config(self, *_args) -> None:
        backprop = self.algorithm_box.currentData() == "backprop"
        self.loss_box.setEnabled(backprop)
        self.batch_box.setEnabled(backprop)
        config = TrainConfig(algorithm=self.algorithm_box.currentData(), loss=self.loss_box.currentData(),
                             learning_rate=self.rate_box.value(), batch=self.batch_box.value() or None,
                             shuffle=self.shuffle_box.isChecked(), init=self.init_box.currentData(),
                             seed=self.seed_box.value())
        self.session.epochs = self.epochs_box.value()
        self.session.set_config(config)
        self._show_progress()

    def show_settings_of(self, session: TrainingSession) -> None:
        """Every control as `session` has it (a dock built for a session that is under way)."""
        choice = session.data_choice
        self.csv_path = choice.csv_path
        with _blocked(self.samples_box, self.noise_box, self.seed_box):
            self.samples_box.setValue(choice.samples)
            self.noise_box.setValue(choice.noise)
            self.seed_box.setValue(choice.seed)
        self._show_config(session.config, session.epochs)
        self._show_choice(choice)
        backprop = session.config.algorithm == "backprop"
        self.loss_box.setEnabled(backprop)
        self.batch_box.setEnabled(backprop)

    def apply_preset(self, data: str, config: TrainConfig, epochs: int) -> None:
        """Set every control (an example's training settings)."""
        with _blocked(self.data_box):
            self.data_box.setCurrentIndex(self.data_box.findData(data))
        self._show_config(config, epochs)
        self._apply_data()
        self._apply_config()

    def _show_config(self, config: TrainConfig, epochs: int) -> None:
        """The algorithm, loss, rate, epochs, batch, shuffle and start-weight controls, without
        their signals (nothing is applied to the session here)."""
        with _blocked(self.algorithm_box, self.loss_box, self.rate_box, self.epochs_box, self.batch_box,
                      self.shuffle_box, self.init_box):
            self.algorithm_box.setCurrentIndex(self.algorithm_box.findData(config.algorithm))
            self.loss_box.setCurrentIndex(self.loss_box.findData(config.loss))
            self.rate_box.setValue(config.learning_rate)
            self.epochs_box.setValue(epochs)
            self.batch_box.setValue(config.batch or 0)
            self.shuffle_box.setChecked(config.shuffle)
            self.init_box.setCurrentIndex(self.init_box.findData(config.init))

    # ---- running -----------------------------------------------------------------------------
    def toggle_training(self) -> None:
        if self.session.running:
            self.session.pause()
        else:
            self._clear_status()
            self.session.train()

    def step_epoch(self) -> None:
        self._clear_status()
        self.session.pause()
        if self.session.run_epochs(1):
            self._finished()

    def _running_changed(self, running: bool) -> None:
        self.train_button.setText(self.tr("Pause") if running else self.tr("Train"))
        if not running:
            self.redraws.request()

    def _data_changed(self) -> None:
        self._clear_status()
        self._show_progress()
        self.redraws.request()

    def _failed(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE)
        self.example_button.hide()

    def _clear_status(self) -> None:
        self.status.setText("")
        self.status.setStyleSheet("")
        self.example_button.hide()

    def _show_progress(self) -> None:
        session = self.session
        goal = max(session._goal if session.running else session.epochs_done, 1)
        self.progress.setRange(0, goal)
        self.progress.setValue(min(session.epochs_done, goal))
        if session.history:
            last = session.history[-1]
            text = (self.tr("epoch %1, loss %2").replace("%1", str(last.epoch))
                    .replace("%2", f"{last.loss:.4g}"))
            if last.accuracy is not None:
                text += self.tr(", accuracy %1 %").replace("%1", f"{100 * last.accuracy:.0f}")
        else:
            text = self.tr("not trained yet")
        self.progress.setFormat(text)

    def _finished(self) -> None:
        """After the epochs: the perceptron's verdict in plain words."""
        self._show_progress()
        session = self.session
        if session.config.algorithm != "perceptron" or not session.history:
            return
        data = session.data_choice.label
        converged = session.converged_epoch
        if converged is not None:
            self.status.setText(fill(self.tr("The perceptron has learnt %1: no mistakes in epoch %2."),
                                     data, converged))
            self.status.setStyleSheet("")
            return
        verdict = self.tr(
            "In each of its %1 epochs the perceptron still got examples of %2 wrong, and it always will if no "
            "straight line separates the examples whose target is 1 from those whose target is 0.")
        verdict = fill(verdict, session.epochs_done, data)
        if session.data_choice.name == "xor" and not session.data_choice.csv_path:
            verdict += " " + self.tr(
                "For XOR none does: (0, 1) and (1, 0) must be on one side, (0, 0) and (1, 1) on the other.")
        verdict += " " + self.tr("Such data is not linearly separable, so one layer of step units cannot learn it; "
                                 "a hidden layer can.")
        self.status.setText(verdict)
        self.status.setStyleSheet("")
        self.example_button.show()

    def _draw_plots(self) -> None:
        self.plots.redraw()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.redraws.request()


@contextmanager
def _blocked(*widgets: QWidget) -> Iterator[None]:
    """`widgets` send no signals inside the block (a control set by the program applies nothing)."""
    blockers = [QSignalBlocker(widget) for widget in widgets]
    try:
        yield
    finally:
        for blocker in blockers:
            blocker.unblock()
