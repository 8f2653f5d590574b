"""Play/Pause, Step, Reset and speed: the playback tool bar and its Simulation-menu entries."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QToolBar, QWidget

from neuron_sim.model import Network

from neuron_sim.ui.canvas.animation import CanvasAnimator
from neuron_sim.ui.canvas.scene import DisplayScene
from neuron_sim.ui.playback import FASTEST, SPEEDS, Playback
from neuron_sim.ui.window.actions import add_buttons, make_action


class PlaybackControls(QObject):
    """The playback of `network` on `scene`, its actions, tool bar and time label (for the status bar)."""

    def __init__(self, network: Network, scene: DisplayScene, parent: QWidget):
        super().__init__(parent)
        self.playback = Playback(network, parent)
        self.animator = CanvasAnimator(scene, self.playback)

        def act(*args) -> QAction:
            return make_action(parent, *args)

        self.play_action = act(self.tr("Play"), self.playback.toggle, QKeySequence(Qt.Key.Key_Space),
                               self.tr("Play or pause the simulation (Space)"))
        self.step_action = act(self.tr("Step"), self.playback.play_step, QKeySequence("Ctrl+Right"),
                               self.tr("Play one step: a whole pass layer by layer (feedforward), "
                                       "one tick, or one dt (Ctrl+→)"))
        self.reset_action = act(self.tr("Reset"), self.playback.reset, QKeySequence("Ctrl+Backspace"),
                                self.tr("Back to the start: tick 0, the recording starts again; a synchronous or "
                                        "spiking network at rest (Ctrl+Backspace)"))
        self.speed_box = QComboBox()
        self.speed_box.setToolTip(self.tr("Playback speed"))
        for speed in SPEEDS:
            self.speed_box.addItem(self.tr("As fast as possible") if speed == FASTEST else f"×{speed:g}", speed)
        self.speed_box.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_box.currentIndexChanged.connect(lambda i: self.playback.set_speed(self.speed_box.itemData(i)))
        self.time_label = QLabel()
        self.time_label.setMinimumWidth(180)
        toolbar = QToolBar(self.tr("Playback"), parent)
        toolbar.setObjectName("playback-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        add_buttons(toolbar, [self.play_action, self.step_action, self.reset_action])
        toolbar.addWidget(QLabel(" " + self.tr("Speed") + " "))
        toolbar.addWidget(self.speed_box)
        self.toolbar = toolbar
        self.playback.playing_changed.connect(self._playing_changed)
        self.playback.advanced.connect(self._advanced)
        self._advanced()

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addActions([self.play_action, self.step_action, self.reset_action])

    def set_network(self, network: Network) -> None:
        self.playback.set_network(network)

    def _playing_changed(self, playing: bool) -> None:
        self.play_action.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _advanced(self) -> None:
        self.time_label.setText(self.playback.time_text())
        can_run = self.playback.engine is not None
        self.play_action.setEnabled(can_run)
        self.step_action.setEnabled(can_run)
