"""The canvas widget: zoom, rubber-band selection, Ctrl+wheel weight nudges and in-place editors."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit, QWidget

from neuron_sim import commands
from neuron_sim.model import ModelError
from neuron_sim.model.entities import NEURON_PARAMS, SYNAPSE_PARAMS

from neuron_sim.ui import styles
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.canvas.editor_scene import EditorScene
from neuron_sim.ui import plain_text

ZOOM_STEP = 1.2
MIN_ZOOM, MAX_ZOOM = 0.1, 6.0
FIT_MAX_ZOOM = 1.75
ROOM_MARGIN = 120.0  # scene units the canvas scrolls beyond what is drawn
WEIGHT_NUDGE = 0.1
NUDGE_BURST_MS = 900  # Ctrl+wheel notches closer together than this merge into one undo step

# Marked for lupdate; NetworkView.tr() translates them where they are shown.
EDIT_TITLES = {"weight": QT_TRANSLATE_NOOP("NetworkView", "Weight"),
               "threshold": QT_TRANSLATE_NOOP("NetworkView", "Threshold θ"),
               "v_threshold_mV": QT_TRANSLATE_NOOP("NetworkView", "Threshold (mV)"),
               "value": QT_TRANSLATE_NOOP("NetworkView", "Input value"),
               "rate_hz": QT_TRANSLATE_NOOP("NetworkView", "Rate (Hz)"),
               "frequency_hz": QT_TRANSLATE_NOOP("NetworkView", "Frequency (Hz)")}


class InlineEditor(QLineEdit):
    """A small text field over the canvas: Enter applies, Esc or clicking away cancels."""

    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedWidth(96)
        self.returnPressed.connect(self._commit)

    def _commit(self) -> None:
        self.committed.emit(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if self.isVisible():  # clicking elsewhere abandons the edit, as Esc does
            self.cancelled.emit()


class NetworkView(QGraphicsView):
    zoom_changed = Signal(float)
    editor_closed = Signal()  # an in-place editor closed, applied or cancelled

    def __init__(self, scene: EditorScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        # A dock opening or the window resized keeps what is in the middle of the canvas there.
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # The page, its grid and every synapse are one opaque picture, drawn again only where the
        # synapses change: a playing frame copies it, then draws cells, pulses and labels over it.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        scene.synapse_layer.drawn_as_background_of(self.viewport())
        # That picture covers every pixel: Qt need not fill the viewport first (a fill per frame).
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(True)
        self.editor: InlineEditor | None = None
        self._nudge_key: object | None = None
        self._nudge_timer = QTimer(self)
        self._nudge_timer.setSingleShot(True)
        self._nudge_timer.timeout.connect(self._end_nudge_burst)
        scene.edit_requested.connect(self.open_editor)
        # True from Fit until the person zooms or scrolls: a fitted view refits when it changes size
        # (a dock opening, the window resized), so the whole network stays in sight.
        self.fitted = False
        self._fitted_room = QSize()  # the viewport room (scroll bars aside) the last fit filled
        self._fitted_area: QRectF | None = None  # what the last fit framed (None: the network)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.actionTriggered.connect(self._scrolled_by_hand)
        self._room = QRectF()  # what the view scrolls over, set by Fit (null: Qt's scene rectangle)
        self._room_view_size = QSize()  # the viewport room (scroll bars aside) when it was set
        scene.changed.connect(self._widen_room)
        # A view that is not fitted takes a new room once per event-loop turn after it changes size
        # (resizing a window sends many): see resizeEvent.
        self._resized_room_timer = QTimer(self)
        self._resized_room_timer.setSingleShot(True)
        self._resized_room_timer.setInterval(0)
        self._resized_room_timer.timeout.connect(self.refresh_room)

    def network_scene(self) -> EditorScene:
        return self.scene()  # type: ignore[return-value]

    # ---- zoom ----------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        self.fitted = False
        self._scale_to(factor)

    def _scale_to(self, factor: float) -> None:
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        scale = factor / self.zoom()
        self.scale(scale, scale)
        self._follow_zoom()
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        """The network and its callouts whole, as large as they fit (up to FIT_MAX_ZOOM), kept so
        while the view changes size until the person zooms or scrolls."""
        self._fitted_area = None
        self._fit_to(self._framed_area())

    def fit_area(self, area: QRectF) -> None:
        """`area` (scene units) whole, as large as it fits, kept so while the view changes size
        until the person zooms or scrolls (an imported circuit's framing)."""
        self._fitted_area = QRectF(area)
        self._fit_to(area)

    def fitted_area(self) -> QRectF | None:
        """What a fitted view keeps in sight: `fit_area`'s area, or None for the network (`fit`)."""
        return QRectF(self._fitted_area) if self._fitted_area is not None else None

    def _framed_area(self) -> QRectF:
        rect = self.network_scene().framed_rect()
        return rect.adjusted(-40, -40, 40, 40) if not rect.isEmpty() else QRectF(0, 0, 0, 0)

    def _fit_to(self, area: QRectF) -> None:
        self._set_room(area)  # not a room left from another network, while the view scales
        if area.isEmpty():
            self._scale_to(1.0)
        else:
            self.fitInView(area, Qt.AspectRatioMode.KeepAspectRatio)
            if self.zoom() > FIT_MAX_ZOOM:  # a tiny network is not blown up to poster size
                self._scale_to(FIT_MAX_ZOOM)
            self._follow_zoom()
            self.zoom_changed.emit(self.zoom())
        self._set_room(self._in_view_around(area))
        self.centerOn(area.center())
        self.fitted = True
        self._fitted_room = self.maximumViewportSize()

    # ---- what the canvas scrolls over ---------------------------------------------------------
    # Qt's own scene rectangle only grows, for as long as the scene lives: after a network with
    # parts far out (a lesson page's callouts), a small one would sit at one side of a large,
    # mostly empty canvas with scroll bars. Fit sets the room to what is drawn now; anything drawn
    # beyond it later (an added or moved cell) widens it. Present mode sets its own.
    def _set_room(self, room: QRectF) -> None:
        self._room = QRectF(room)
        self._room_view_size = self.maximumViewportSize()
        self.setSceneRect(self._room)

    def _in_view_around(self, framed: QRectF) -> QRectF:
        """`framed` and, around its centre, all the viewport shows at this zoom (scroll bars aside):
        what a fitted view scrolls over, so that no scroll bar shows and the network sits in the middle."""
        zoom = max(self.zoom(), 1e-9)
        room = self.maximumViewportSize()
        width, height = (room.width() - 0.5) / zoom, (room.height() - 0.5) / zoom  # rounding kept inside
        centre = framed.center()
        return framed.united(QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height))

    def refresh_room(self) -> None:
        """The room set again from what is drawn now (and a margin) and what the view shows, the
        view's zoom and centre kept: nothing moves, and scroll bars show only where something
        drawn is out of sight."""
        centre = self.mapToScene(self.viewport().rect().center())
        framed = self.network_scene().framed_rect()
        room = self._in_view_around(QRectF(centre, centre))
        if not framed.isEmpty() and not room.contains(framed):  # a margin to scroll to what is out of sight
            room = room.united(framed.adjusted(-ROOM_MARGIN, -ROOM_MARGIN, ROOM_MARGIN, ROOM_MARGIN))
        self._set_room(room)
        self.centerOn(centre)

    def _widen_room(self, regions) -> None:
        if self._room.isNull() or self.sceneRect() != self._room:  # not ours now (Present mode's)
            return
        scene = self.network_scene()
        everything = scene.sceneRect()  # Qt's full-scene update reports this: not a change
        room = self._room
        for region in regions:
            if region == everything or room.contains(region):
                continue
            # what is drawn beyond the room now (the region may be where something was: removed
            # callouts), looked up in the strips of the region outside the room only
            for strip in _outside(region, room):
                for item in scene.items(strip):
                    if scene.is_framed(item.topLevelItem()):
                        bounds = item.sceneBoundingRect()
                        if not room.contains(bounds):
                            room = room.united(bounds.adjusted(-ROOM_MARGIN, -ROOM_MARGIN, ROOM_MARGIN, ROOM_MARGIN))
        if room != self._room:
            self._room = room
            self.setSceneRect(room)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt's name)
        super().drawBackground(painter, rect)  # the scene's page and grid
        self.network_scene().synapse_layer.paint_background(painter, rect)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._follow_zoom()  # (a transform set from outside, too) before anything is painted at it
        super().paintEvent(event)

    def _follow_zoom(self) -> None:
        """Far out the cell sheet draws the cells, else they draw themselves (scene.show_overview)."""
        scene = self.scene()
        if scene is not None:
            scene.show_overview(self.zoom() < styles.OVERVIEW_ZOOM)

    def _scrolled_by_hand(self, _action: int) -> None:
        self.fitted = False

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        # Refit when the room changed, not when a scroll bar came or went: the fit's new scale can
        # show a scroll bar, whose resize would refit without it, and so on for ever.
        if self.fitted:
            if self.maximumViewportSize() != self._fitted_room:
                self.fit() if self._fitted_area is None else self.fit_area(self._fitted_area)
        elif self._room.isNull():
            # Nothing fitted yet (the network a window starts with): without a room of ours, Qt's
            # grows with each cell added and, smaller than the view, is centred in it, moving
            # everything. At once: a click may come before the next turn of the event loop.
            self.refresh_room()
        elif self.sceneRect() == self._room and self.maximumViewportSize() != self._room_view_size:
            # A dock opened or the window was resized (not a scroll bar come or gone): a room as
            # large as the view was would show scroll bars for nothing, and one smaller than the
            # view would move everything. Ours only, not Present mode's.
            self._resized_room_timer.start()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120.0
        if steps == 0:
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            scene_pos = self.mapToScene(event.position().toPoint())
            key = self.network_scene().synapse_at(scene_pos)
            if key is not None:
                self.nudge_weight(key, WEIGHT_NUDGE * steps)
                event.accept()
                return
        self.set_zoom(self.zoom() * (ZOOM_STEP ** steps))
        event.accept()

    # ---- weight nudges -------------------------------------------------------------------
    def nudge_weight(self, key, delta: float) -> None:
        scene = self.network_scene()
        synapse = scene.network.synapses.get(tuple(key))
        if synapse is None:
            return
        if self._nudge_key is None:
            self._nudge_key = object()
        self._nudge_timer.start(NUDGE_BURST_MS)
        new = round(synapse.weight + delta, 6)
        if scene.push(commands.SetSynapseParamCommand(scene.network, key, "weight", new,
                                                      merge_key=self._nudge_key)):
            scene.message.emit(self.tr("Weight %1 → %2: %3").replace("%1", key[0]).replace("%2", key[1])
                               .replace("%3", styles.format_number(new)))

    def _end_nudge_burst(self) -> None:
        self._nudge_key = None

    # ---- in-place editing ----------------------------------------------------------------
    def open_editor(self, what: str, target, scene_pos: QPointF) -> None:
        self.close_editor()
        scene = self.network_scene()
        if what == "weight":
            current = scene.network.synapse(target).weight
        else:
            current = getattr(scene.network.neuron(target), what)
        editor = InlineEditor(self.viewport())
        editor.setText(f"{current:g}")
        editor.selectAll()
        editor.setToolTip(self.tr("%1: type a number, Enter to apply, Esc to cancel")
                          .replace("%1", self.tr(EDIT_TITLES.get(what, what))))
        point: QPoint = self.mapFromScene(scene_pos)
        editor.move(point.x() - editor.width() // 2, point.y() - editor.sizeHint().height() // 2)
        editor.committed.connect(lambda text: self._apply_edit(what, target, text))
        editor.cancelled.connect(self.close_editor)
        editor.show()
        editor.setFocus()
        self.editor = editor
        scene.message.emit(self.tr("Editing %1: type a number and press Enter (Esc cancels).")
                           .replace("%1", self.tr(EDIT_TITLES.get(what, what))))

    def _apply_edit(self, what: str, target, text: str) -> None:
        scene = self.network_scene()
        spec = SYNAPSE_PARAMS[what] if what == "weight" else NEURON_PARAMS[what]
        try:
            value = spec.validate(parse_number(text), self.tr(EDIT_TITLES.get(what, what)))
        except ModelError as error:
            scene.message.emit(error_text(error))
            if self.editor is not None:
                self.editor.setStyleSheet("QLineEdit { border: 2px solid #B3261E; }")
                self.editor.setToolTip(plain_text.tooltip(error_text(error)))
            return
        if what == "weight":
            command = commands.SetSynapseParamCommand(scene.network, target, "weight", value)
        else:
            command = commands.SetNeuronParamCommand(scene.network, target, what, value)
        if scene.push(command):
            self.close_editor()

    def close_editor(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.hide()
            editor.deleteLater()
            self.setFocus()
            self.editor_closed.emit()


def _outside(region: QRectF, room: QRectF) -> list[QRectF]:
    """The parts of `region` beyond `room`: up to four strips (left, right, above, below)."""
    strips = []
    if region.left() < room.left():
        strips.append(QRectF(region.left(), region.top(), min(room.left(), region.right()) - region.left(), region.height()))
    if region.right() > room.right():
        left = max(room.right(), region.left())
        strips.append(QRectF(left, region.top(), region.right() - left, region.height()))
    if region.top() < room.top():
        strips.append(QRectF(region.left(), region.top(), region.width(), min(room.top(), region.bottom()) - region.top()))
    if region.bottom() > room.bottom():
        top = max(room.bottom(), region.top())
        strips.append(QRectF(region.left(), top, region.width(), region.bottom() - top))
    return [strip for strip in strips if strip.width() > 0 and strip.height() > 0]


def parse_number(text: str):
    """A number typed by a person: accepts a comma as decimal point and the minus sign '−'."""
    cleaned = text.strip().replace("\u2212", "-").replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return text.strip()  # the validator then says "expected a number, got ..."
