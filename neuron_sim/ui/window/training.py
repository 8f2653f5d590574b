"""Training in the window: the Train dock, the Train menu, and one example's step shown on the canvas.

Step one example runs in three parts. The example's inputs go onto the input neurons and the
network plays one forward pass as usual (with the weights from before the step); then the error
signals δ travel back along the synapses (canvas/backward_pulses.py); then the new weights are
written and ease in. Its inputs and its weights are one undo step. The computation panel shows δ of
the selected neuron, and hovering a synapse says its w, Δw and ∂L/∂w.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from neuron_sim.ui.canvas.editor_scene import EditorScene
from neuron_sim.ui.document import Document
from neuron_sim.ui.examples import Example
from neuron_sim.ui.panels.training.learning_box import LearningBox, three_digits
from neuron_sim.ui.playback import Playback
from neuron_sim.ui.window.actions import make_action
from neuron_sim.ui.window.instruments import Instruments

if TYPE_CHECKING:
    from neuron_sim.ui.canvas.backward_pulses import BackwardPass
    from neuron_sim.ui.panels.training.dock import TrainDock
    from neuron_sim.ui.panels.training.session import Step, TrainingSession


class TrainingActions(QObject):
    message = Signal(str)
    example_requested = Signal(str)  # an example's name (learn-xor) the dock offers

    def __init__(self, document: Document, scene: EditorScene, playback: Playback, instruments: Instruments,
                 window: QMainWindow):
        super().__init__(window)
        self.document = document
        self.scene = scene
        self.playback = playback
        self._window = window
        # The trainer, the dock and the backward pass are built when first used (start-up time).
        self._session: TrainingSession | None = None
        self._dock: TrainDock | None = None
        self._backward: BackwardPass | None = None
        self.learning_box = LearningBox()
        instruments.panel.add_section(self.learning_box)
        self.step: Step | None = None  # the example step being shown, or last shown
        self._watching_forward = False
        scene.selection_changed_to.connect(self.learning_box.show_selection)
        scene.synapse_hovered.connect(self._synapse_hovered)
        playback.advanced.connect(self._forward_advanced)
        document.network_replaced.connect(self._network_replaced)
        document.example_opened.connect(self._example_opened)
        self._create_actions(window)

    @property
    def session(self) -> TrainingSession:
        if self._session is None:
            from neuron_sim.ui.panels.training.session import TrainingSession

            self._session = TrainingSession(self.document.network, self.document.undo_stack, self)
        return self._session

    @property
    def dock(self) -> TrainDock:
        """The Train dock, built the first time it is shown or asked for."""
        if self._dock is None:
            from neuron_sim.ui.panels.training.dock import TrainDock

            dock = self._dock = TrainDock(self.session, self._window)
            dock.hide()
            # where a window this one replaced had it (its saved state), else on the left
            if not self._window.restoreDockWidget(dock):
                self._window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            dock.step_example_requested.connect(self.step_example)
            dock.example_requested.connect(self.example_requested)
            dock.toggleViewAction().toggled.connect(self.dock_action.setChecked)
            self.dock_action.setChecked(dock.toggleViewAction().isChecked())
        return self._dock

    @property
    def backward(self) -> BackwardPass:
        if self._backward is None:
            from neuron_sim.ui.canvas.backward_pulses import BackwardPass

            self._backward = BackwardPass(self.scene)
            self._backward.errors_arrived.connect(self._errors_arrived)
            self._backward.finished.connect(self._weights_eased)
        return self._backward

    def _create_actions(self, window: QMainWindow) -> None:
        # The dock's own toggle action once the dock exists (it follows it); until then, it builds it.
        self.dock_action = QAction(self.tr("&Train dock"), window)
        self.dock_action.setCheckable(True)
        self.dock_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.dock_action.triggered.connect(self._dock_action_triggered)
        self.train_action = make_action(window, self.tr("Train / &Pause"), self._toggle_training, "Ctrl+T",
                                        self.tr("Run the planned epochs, or pause them"))
        self.step_example_action = make_action(window, self.tr("Step one &example"), self.step_example, "Ctrl+J",
                                               self.tr("Learn from the next example, showing the forward and the "
                                                       "backward pass"))
        self.step_epoch_action = make_action(window, self.tr("Step one e&poch"), self._step_epoch, "Ctrl+Shift+J",
                                             self.tr("One pass through all the examples"))
        self.reset_action = make_action(window, self.tr("&Reset weights"), self._reset, None,
                                        self.tr("Back to the weights and thresholds from before the first epoch"))

    def _dock_action_triggered(self, checked: bool) -> None:
        self.show_dock() if checked else self.dock.close()

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addAction(self.dock_action)
        menu.addSeparator()
        menu.addActions([self.train_action, self.step_example_action, self.step_epoch_action, self.reset_action])

    def start_at_launch(self, epochs: int | None, step: bool) -> None:
        """`neuron-sim --train N [--train-step]`: train N epochs, then show one example's step."""
        self.show_dock()
        if step:
            if epochs:
                self.session.finished.connect(self._step_after_launch_training)
            else:
                self.step_example()
        if epochs:
            self.dock.epochs_box.setValue(epochs)
            self.dock.toggle_training()

    def _step_after_launch_training(self) -> None:
        self.session.finished.disconnect(self._step_after_launch_training)
        self.step_example()

    def hand_over(self) -> TrainingSession | None:
        """The session under way (None if nothing was trained or set), for the window that takes the
        document over; it stops here."""
        if self._session is not None:
            self._session.pause()
        return self._session

    def take_over(self, session: TrainingSession | None) -> None:
        """Go on with another window's session: its data, settings, history and start weights."""
        if session is not None:
            self.session.take_over(session)

    def show_dock(self) -> None:
        self.dock.show()
        self.dock.raise_()

    # ---- running ---------------------------------------------------------------------------------
    def _toggle_training(self) -> None:
        self.show_dock()
        self.dock.toggle_training()

    def _step_epoch(self) -> None:
        self.show_dock()
        self.dock.step_epoch()

    def _reset(self) -> None:
        if self._backward is not None:
            self._backward.stop()
        self.session.reset_weights()

    # ---- one example, shown ---------------------------------------------------------------------------
    def step_example(self) -> None:
        self.show_dock()
        if self.step is not None and (self._watching_forward or self.backward.running):
            self._finish_now()  # a second click: the first step completes at once, then the next begins
        self.dock._clear_status()
        step = self.session.step_example()
        if step is None:
            return
        self.step = step
        config = self.session.config
        self.learning_box.show_step(self.document.network, step, config.algorithm, config.loss)
        self.playback.pause()
        self.backward.stop()
        if not self.session.write_inputs(step):
            return
        self.playback.reset()
        if self.playback.engine is None:
            self._forward_done()
            return
        self._watching_forward = True
        self.playback.play()

    def _forward_advanced(self) -> None:
        if not self._watching_forward:
            return
        clock = self.playback.player.clock()
        if clock is not None and clock.tick >= 1:  # the pass is complete: every layer has its output
            self.playback.pause()
            self._forward_done()

    def _forward_done(self) -> None:
        self._watching_forward = False
        step = self.step
        self.backward.speed = self.playback.speed
        self.backward.start({nid: float(d[0]) for nid, d in step.update.delta.items()}, step.old_weights)

    def _errors_arrived(self) -> None:
        if self.step is None or not self.session.write_weights(self.step):
            self.backward.stop()
            return
        self.backward.ease_weights()

    def _weights_eased(self) -> None:
        loss = self.step.update.loss if self.step is not None else 0.0
        self.message.emit(self.tr("Learnt from example %1 (its loss before the step: %2). Hover a synapse for "
                                  "its Δw and ∂L/∂w; select a neuron for its δ.")
                          .replace("%1", str(self.step.example + 1)).replace("%2", f"{loss:.4g}"))

    def _finish_now(self) -> None:
        """Complete the step being shown without its animation."""
        if self._watching_forward:
            self._watching_forward = False
            self.playback.pause()
            self.session.write_weights(self.step)
        elif self.backward.phase in ("backward", "waiting"):
            self.backward.stop()
            self.session.write_weights(self.step)
        self.backward.stop()

    def _synapse_hovered(self, key) -> None:
        step = self.step
        if key is None or step is None or key not in step.update.gradient:
            return
        synapse = self.document.network.synapses.get(key)
        if synapse is None:
            return
        self.message.emit(self.tr("w = %1   Δw = %2   ∂L/∂w = %3 (the last step, example %4)")
                          .replace("%1", three_digits(synapse.weight))
                          .replace("%2", three_digits(step.update.weight_change[key]))
                          .replace("%3", three_digits(step.update.gradient[key]))
                          .replace("%4", str(step.example + 1)))

    # ---- the document -----------------------------------------------------------------------------
    def _network_replaced(self, network) -> None:
        self._watching_forward = False
        if self._backward is not None:
            self._backward.stop()
        self.step = None
        self.learning_box.show_step(network, None, "backprop", "mse")
        if self._session is not None:  # else it starts on the network open when it is built
            self._session.set_network(network, self.document.undo_stack)

    def _example_opened(self, example: Example) -> None:
        self.use_training_of(example)

    def use_training_of(self, example: Example, show: bool = True) -> None:
        """Set the Train dock as `example` sets it, and show it unless told not to (nothing for an
        example without)."""
        preset = example.training
        if preset is None:
            return
        from neuron_sim.model.training import TrainConfig

        config = TrainConfig(algorithm=preset.algorithm, loss=preset.loss, learning_rate=preset.learning_rate,
                             batch=preset.batch)
        self.dock.apply_preset(preset.data, config, preset.epochs)
        if show:
            self.show_dock()
