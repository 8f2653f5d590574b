"""View → Name the parts: the action, and the callouts (parts_overlay.py) on the canvas's scene,
following it: the neuron moves, its synapses change, the look switches, the network plays.

Following the scene stays cheap on a large network while it plays: requests are coalesced to
one check per event-loop turn, made only while the callouts are shown, and the check compares
what the layout read last time before laying out (PartsOverlay.is_current).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget
from shiboken6 import isValid

from neuron_sim.ui.canvas.parts_overlay import PartsOverlay, parts_target
from neuron_sim.ui.events import EventLinks
from neuron_sim.ui.i18n.vocabulary import Vocabulary

if TYPE_CHECKING:
    from neuron_sim.ui.canvas.editor_scene import EditorScene
    from neuron_sim.ui.canvas.view import NetworkView


class NameParts(QObject):
    """The View → Name the parts action and its overlay on `scene`, which it follows."""

    message = Signal(str)  # for the status bar

    def __init__(self, scene: EditorScene, view: NetworkView, parent: QWidget):
        super().__init__(parent)
        self.scene = scene
        self.view = view
        self.words = Vocabulary(parent)
        self.overlay: PartsOverlay | None = None
        self.action = QAction(QCoreApplication.translate("NameParts", "&Name the parts"), parent)
        self.action.setCheckable(True)
        self.action.setShortcut("Ctrl+Shift+N")
        tip = QCoreApplication.translate(
            "NameParts", "Label one neuron's soma, dendrites, synapse and axon with their deep-learning names "
                         "(the selected neuron, else a computing one)")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.toggled.connect(self.set_shown)
        self._scene: EditorScene | None = None
        self._scene_links = EventLinks()
        # Scene changes come many times a second while the network plays: they only ask for one
        # check at the end of the event-loop turn (`_follow`).
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(0)
        self._follow_timer.timeout.connect(self._follow)
        self._retarget = False  # the selection changed: choose the neuron again
        self._view_moved = False  # scrolled, zoomed or resized: are the callouts still in view?
        self._view_links = EventLinks(owner=self)
        self._view_links.connect_all([(view.horizontalScrollBar().valueChanged, self._view_changed),
                                      (view.verticalScrollBar().valueChanged, self._view_changed),
                                      (view.zoom_changed, self._view_changed)])
        view.viewport().installEventFilter(self)

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addAction(self.action)

    # ---- showing -------------------------------------------------------------------------
    def set_shown(self, on: bool) -> None:
        if on:
            target = self.choose_target()
            if target is None:
                self.message.emit(QCoreApplication.translate(
                    "NameParts", "Add a neuron first: Name the parts labels a computing neuron."))
                self.action.setChecked(False)
                return
            self._attach()
            overlay = self.overlay
            overlay.neuron_id = target
            overlay.area = None
            overlay.relayout()
            if not self.visible_rect().contains(overlay.sceneBoundingRect()):
                self.view.fit()  # the callouts are the point: frame them with the network
        else:
            self._detach()

    def choose_target(self) -> str | None:
        """The selected computing neuron, else the one named now, else the one with inputs and
        outputs and the most inputs."""
        current = self.overlay.neuron_id if self.overlay is not None else None
        return parts_target(self.scene.network, self.scene.selected_neuron_ids(), current)

    def target(self) -> str | None:
        """The neuron whose parts are named on the canvas now (None while not shown)."""
        return self.overlay.neuron_id if self.overlay is not None else None

    def visible_rect(self) -> QRectF:
        view = self.view
        return view.mapToScene(view.viewport().rect()).boundingRect()

    def _attach(self) -> None:
        scene = self.scene
        if self.overlay is not None and self._scene is scene and isValid(self.overlay):
            return
        self._detach()
        self.overlay = PartsOverlay(self.words)
        scene.addItem(self.overlay)
        scene.annotations.append(self.overlay)
        self._scene = scene
        self._scene_links.connect_all([(scene.changed, self._scene_changed),
                                       (scene.selection_changed_to, self._selection_changed)])

    def _detach(self) -> None:
        self._follow_timer.stop()
        self._retarget = False
        self._scene_links.disconnect()
        scene = self._scene
        if scene is not None and isValid(scene):
            if self.overlay is not None and isValid(self.overlay):
                scene.removeItem(self.overlay)
            scene.annotations = [item for item in scene.annotations if item is not self.overlay]
        self.overlay, self._scene = None, None

    # ---- following the scene -------------------------------------------------------------
    def _scene_changed(self, _regions=None) -> None:
        self._request_follow()

    def _selection_changed(self, neuron_ids: list, _synapse_keys: list) -> None:
        if neuron_ids:  # an emptied selection keeps the callouts where they are
            self._retarget = True
            self._request_follow()

    def _view_changed(self, *_args) -> None:
        self._view_moved = True
        self._request_follow()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._view_changed()  # a dock opened or closed, the window was resized
        return False

    def _request_follow(self) -> None:
        if self.overlay is not None and not self._follow_timer.isActive():
            self._follow_timer.start()

    def _follow(self) -> None:
        """Once per event-loop turn at most, and only while shown: name another neuron if the
        selection or a deletion asks for it, and lay the callouts out again if what they were
        laid out from has changed."""
        overlay = self.overlay
        if overlay is None or not isValid(overlay) or not overlay.isVisible() or overlay.scene() is None:
            return
        scene = overlay.network_scene()
        scene.flush()
        if self._retarget or overlay.neuron_id not in scene.network.neurons:  # or deleted, or a new network
            self._retarget = False
            overlay.neuron_id = self.choose_target()
        moved, self._view_moved = self._view_moved, False
        if not overlay.is_current():
            self._lay_out(overlay)
        elif moved and not self.visible_rect().contains(overlay.sceneBoundingRect()):
            self._lay_out(overlay)  # the view moved away from them: bring them back into it

    def lay_out_in_view(self) -> None:
        """Lay the callouts out now for the view as it is (Present mode frames the page with them)."""
        overlay = self.overlay
        if overlay is None or not isValid(overlay) or not overlay.isVisible() or overlay.scene() is None:
            return
        self._follow_timer.stop()
        self._follow()  # names another neuron first if the selection or the network asks for it
        if overlay.isVisible():
            self._lay_out(overlay)

    def _lay_out(self, overlay: PartsOverlay) -> None:
        """Place the callouts as well as the network allows; if some would lie beyond the window's
        edge, place them again inside the view (covering a name there rather than being cut off)."""
        overlay.area = None
        overlay.relayout()
        visible = self.visible_rect()
        if not visible.contains(overlay.sceneBoundingRect()):
            overlay.area = visible
            overlay.relayout()
