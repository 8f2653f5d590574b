"""View → Name the parts: callouts naming one neuron's parts, biology and deep learning side by side.

The callouts are one scene item drawn over the network. Their anchors come from the real geometry
(the neuron item's position and body, the synapse layer's dendrite tips and axon curves), and they
are laid out again whenever that geometry changes, so they follow the neuron as it moves, as its
synapses change, and when the look switches. Boxes are placed where they overlap neither each
other nor any neuron, label or weight.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QMenu, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from neuron_sim.model import geometry

from . import styles
from .neuron_item import NeuronItem
from .styles import PALETTE
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .scene import NetworkScene

CALLOUT_COLOR = QColor("#3C4043")
BOX_FILL = QColor(255, 255, 255, 240)
PADDING = 6.0
GAP = 4.0  # free space kept around every box
DISTANCES = (34.0, 55.0, 80.0, 110.0, 145.0, 185.0, 230.0)
# Radians away from the preferred side: near it first, then all the way round.
TURNS = tuple(sorted((k * np.pi / 8 for k in range(-7, 9)), key=lambda turn: (abs(turn), turn)))


@dataclass
class Callout:
    part: str
    anchor: QPointF  # scene point the leader line touches
    direction: tuple[float, float]  # preferred side for the box
    title: str = ""
    subtitle: str = ""
    box: QRectF | None = None


def _title_font() -> QFont:
    font = styles.label_font()
    font.setPointSizeF(styles.LABEL_FONT_SIZE + 1)
    return font


def _subtitle_font() -> QFont:
    font = styles.small_font()
    font.setPointSizeF(styles.SMALL_FONT_SIZE + 1)
    return font


@dataclass
class _Obstacles:
    """What a callout's box and leader line should keep clear of, as (x0, y0, x1, y1) rows."""

    callouts: np.ndarray  # earlier boxes and the other anchor dots: never cover them
    solid: np.ndarray  # cells, names, weight labels
    thin: np.ndarray  # small squares along the synapse curves
    uncrossable: np.ndarray  # what a leader line may not pass through
    leaders: np.ndarray  # points along earlier leader lines

    def costs(self, anchor: QPointF, boxes: np.ndarray) -> np.ndarray:
        """How much each candidate box (K, 4) hides; an earlier callout weighs most, a curve least."""
        point = np.array([anchor.x(), anchor.y()])
        return (100 * _overlap_counts(boxes, self.callouts) + 10 * _overlap_counts(boxes, self.solid)
                + _overlap_counts(boxes, self.thin) + 20 * _covers(boxes, self.leaders)
                + 5 * _crosses(_leader_points(point, boxes, skip=8.0), self.uncrossable))


class PartsOverlay(QGraphicsItem):
    """Callouts for one neuron; `relayout()` recomputes them from the scene's current geometry."""

    def __init__(self, words: Vocabulary):
        super().__init__()
        self.words = words
        self.neuron_id: str | None = None
        self.callouts: list[Callout] = []
        self._bounds = QRectF()
        self._signature: tuple = ()
        self.setZValue(50)  # over neurons (10) and synapses (0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def network_scene(self) -> NetworkScene:
        return self.scene()  # type: ignore[return-value]

    # ---- geometry ------------------------------------------------------------------------
    def signature(self) -> tuple:
        """Everything the layout depends on; unchanged signature, no relayout."""
        scene = self.network_scene()
        item = scene.neuron_items.get(self.neuron_id or "")
        if item is None:
            return (None,)
        synapses = scene.network.synapses
        near = tuple(sorted((key, synapses[key].weight) for key in synapses if self.neuron_id in key))
        # Every cell near enough to meet a callout counts, with its text (a = … appears while playing).
        x, y = item.x(), item.y()
        places = tuple((nid, round(other.x(), 1), round(other.y(), 1), other.label_rect().size().toTuple())
                       for nid, other in scene.neuron_items.items()
                       if abs(other.x() - x) < 600 and abs(other.y() - y) < 500)
        return (self.neuron_id, scene.look, scene.show_weights, near, places, item.label_rect().height())

    def relayout(self) -> None:
        scene = self.network_scene()
        if scene is None:
            return
        scene.flush()
        self._signature = self.signature()
        item = scene.neuron_items.get(self.neuron_id or "")
        callouts = [] if item is None else self._anchors(scene, item)
        self._place(scene, item, callouts)
        bounds = QRectF()
        for callout in callouts:
            bounds = bounds.united(callout.box).united(QRectF(callout.anchor, callout.anchor).adjusted(-4, -4, 4, 4))
        self.prepareGeometryChange()
        self.callouts = callouts
        self._bounds = bounds.adjusted(-2, -2, 2, 2)
        self.update()

    def _anchors(self, scene: NetworkScene, item: NeuronItem) -> list[Callout]:
        """Where each part is, from the item's body and the synapse layer's curves."""
        layer = scene.synapse_layer
        centre = item.pos()
        incoming, outgoing = [], []  # (index in the layer, curve control points)
        if layer.layout_ is not None:
            for i, key in enumerate(layer.keys):
                if key[0] == key[1]:
                    continue
                if key[1] == self.neuron_id:
                    incoming.append((i, layer.layout_.control[i]))
                elif key[0] == self.neuron_id:
                    outgoing.append((i, layer.layout_.control[i]))
        incoming.sort(key=lambda pair: pair[1][3][1])  # top to bottom by where they land
        outgoing.sort(key=lambda pair: pair[1][3][1])
        callouts: list[Callout] = []
        if scene.look == "schematic":
            r = styles.SCHEMATIC_RADIUS
            if incoming:
                point = geometry.point_on_curves(incoming[0][1][None], 0.72)[0]
                callouts.append(Callout("inputs", QPointF(*point), (-0.55, -1.0)))
            callouts.append(Callout("sum", centre + QPointF(-r * 0.45, r * 0.55), (-0.45, 1.0)))
            callouts.append(Callout("activation", centre + QPointF(r * 0.45, -r * 0.55), (0.35, -1.0)))
            if outgoing:
                point = geometry.point_on_curves(outgoing[-1][1][None], 0.3)[0]
            else:
                point = (centre.x() + r + 14, centre.y())
            callouts.append(Callout("output", QPointF(*point), (0.6, 1.0)))
        else:
            r = styles.SOMA_RADIUS
            if incoming:
                (top_index, top), (_, bottom) = incoming[0], incoming[-1]
                base = layer.layout_.dendrite_base[top_index]
                callouts.append(Callout("dendrites", QPointF(*((base + top[3]) / 2)), (-1.0, -0.7)))
                callouts.append(Callout("synapse", QPointF(*bottom[3]), (-0.6, 1.0)))
            else:  # the decorative dendrites an unconnected cell shows
                callouts.append(Callout("dendrites", centre + QPointF(-0.87 * (r + 8), -0.5 * (r + 8)), (-1.0, -0.7)))
            callouts.append(Callout("soma", centre + QPointF(-r * 0.2, -r * 0.85), (-0.1, -1.0)))
            callouts.append(Callout("hillock", centre + QPointF(r + 3, -4), (1.0, -0.8)))
            if outgoing:
                point = geometry.point_on_curves(outgoing[-1][1][None], 0.3)[0]
            else:
                point = (centre.x() + r + geometry.AXON_STUB * 0.7, centre.y())
            callouts.append(Callout("axon", QPointF(*point), (0.25, 1.0)))
        for callout in callouts:
            callout.title, callout.subtitle = self.words.part(callout.part)
        return callouts

    def _obstacles(self, scene: NetworkScene, item: NeuronItem | None) -> tuple[np.ndarray, np.ndarray]:
        """What a box must not cover, near the annotated cell, as (x0, y0, x1, y1) rows:
        (solid: bodies, labels, weights; thin: points along the synapse curves)."""
        solid = [other.mapRectToScene(other.body_rect()) for other in scene.neuron_items.values()]
        solid += [other.mapRectToScene(other.label_rect()) for other in scene.neuron_items.values()
                  if not other.label_rect().isEmpty()]
        solid += [QRectF(x - w, y - 9, 2 * w, 18) for x, y, _text, w in scene.synapse_layer.labels()]
        rects = np.array([(r.left(), r.top(), r.right(), r.bottom()) for r in solid], dtype=float).reshape(-1, 4)
        rects += (-GAP, -GAP, GAP, GAP)
        thin = np.zeros((0, 4))
        layer = scene.synapse_layer
        if layer.layout_ is not None and len(layer.keys):
            control = layer.layout_.control
            if item is not None:  # only curves near the cell: a big network stays fast
                hull = np.concatenate([control.min(axis=1), control.max(axis=1)], axis=1)
                control = control[_near_mask(hull, item.pos())]
            points = geometry.bezier_points(control, 20).reshape(-1, 2)
            thin = np.concatenate([points - 3.0, points + 3.0], axis=1)
        if item is not None:
            rects, thin = rects[_near_mask(rects, item.pos())], thin[_near_mask(thin, item.pos())]
        return rects, thin

    def _place(self, scene: NetworkScene, item: NeuronItem | None, callouts: list[Callout]) -> None:
        """Put each box on its preferred side, turning and moving out until neither it nor its
        leader line overlaps a cell, a label, a weight, a curve or an earlier callout."""
        solid, thin = self._obstacles(scene, item)  # a leader line may not cross `solid` either
        crossable_cell = np.zeros((0, 4))
        if item is not None:  # keep the annotated cell clear, with its hillock and axon stub
            body = item.mapRectToScene(item.body_rect()).adjusted(-10, -10, 10 + geometry.AXON_STUB, 10)
            crossable_cell = np.array([(body.left(), body.top(), body.right(), body.bottom())])
            own = item.mapRectToScene(item.body_rect()).adjusted(-GAP, -GAP, GAP, GAP)
            own_edges = (own.left(), own.top(), own.right(), own.bottom())
            solid = solid[~np.all(np.isclose(solid, own_edges), axis=1)]  # leaders start on the cell
        reach = 8.0 + GAP  # around another callout's anchor dot
        anchors = np.array([(c.anchor.x() - reach, c.anchor.y() - reach, c.anchor.x() + reach, c.anchor.y() + reach)
                            for c in callouts], dtype=float).reshape(-1, 4)
        placed = np.zeros((0, 4))  # earlier boxes
        leaders: list[np.ndarray] = []  # points along earlier leader lines
        title_metrics, subtitle_metrics = QFontMetricsF(_title_font()), QFontMetricsF(_subtitle_font())
        for index, callout in enumerate(callouts):
            width = max(title_metrics.horizontalAdvance(callout.title),
                        subtitle_metrics.horizontalAdvance(callout.subtitle)) + 2 * PADDING
            height = title_metrics.height() + subtitle_metrics.height() + 2 * PADDING
            others = np.concatenate([np.delete(anchors, index, axis=0), placed + (-GAP, -GAP, GAP, GAP)])
            obstacles = _Obstacles(callouts=others, solid=np.concatenate([solid, crossable_cell]), thin=thin,
                                   uncrossable=np.concatenate([placed, solid]),
                                   leaders=np.concatenate(leaders) if leaders else np.zeros((0, 2)))
            callout.box = self._free_box(callout, width, height, obstacles)
            box = callout.box
            placed = np.vstack([placed, (box.left(), box.top(), box.right(), box.bottom())])
            edges = np.array([[box.left(), box.top(), box.right(), box.bottom()]])
            leaders.append(_leader_points(np.array([callout.anchor.x(), callout.anchor.y()]), edges)[0])

    @staticmethod
    def _free_box(callout: Callout, width: float, height: float, obstacles: _Obstacles) -> QRectF:
        """The first candidate box, nearest and closest to the preferred side first, that covers
        nothing and whose leader line crosses no box, cell or label; when every place is taken,
        the one that hides the least (another callout least of all)."""
        preferred = np.arctan2(callout.direction[1], callout.direction[0])
        ux, uy = np.cos(preferred + np.array(TURNS)), np.sin(preferred + np.array(TURNS))
        best, best_cost = None, None
        for distance in DISTANCES:  # one ring of candidates at a time: most boxes fit in the first
            # The box's nearest corner or edge sits `distance` from the anchor along the direction.
            cx = callout.anchor.x() + ux * (distance + width / 2)
            cy = callout.anchor.y() + uy * (distance + height / 2)
            boxes = np.stack([cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2], axis=1)
            costs = obstacles.costs(callout.anchor, boxes)
            index = int(np.argmin(costs))  # the first of the cheapest: nearest the preferred side
            if best_cost is None or costs[index] < best_cost:
                best, best_cost = boxes[index], costs[index]
            if best_cost == 0:
                break
        x0, y0, x1, y1 = best
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    # ---- painting ------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        title_font, subtitle_font = _title_font(), _subtitle_font()
        title_height = QFontMetricsF(title_font).height()
        for callout in self.callouts:
            box = callout.box
            painter.setPen(styles.pen(CALLOUT_COLOR, 1.4))
            painter.drawLine(callout.anchor, _leader_end(callout.anchor, box))
            painter.setPen(QPen(PALETTE.background, 1.5))
            painter.setBrush(QBrush(CALLOUT_COLOR))
            painter.drawEllipse(callout.anchor, 3.6, 3.6)
            painter.setPen(QPen(CALLOUT_COLOR, 1.2))
            painter.setBrush(QBrush(BOX_FILL))
            painter.drawRoundedRect(box, 5, 5)
            text = box.adjusted(PADDING, PADDING, -PADDING, -PADDING)
            painter.setFont(title_font)
            painter.setPen(PALETTE.text)
            painter.drawText(QRectF(text.left(), text.top(), text.width(), title_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, callout.title)
            painter.setFont(subtitle_font)
            painter.setPen(PALETTE.muted_text)
            painter.drawText(QRectF(text.left(), text.top() + title_height, text.width(),
                                    text.height() - title_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, callout.subtitle)


def _near_mask(rects: np.ndarray, centre: QPointF, half_width: float = 500.0, half_height: float = 400.0) -> np.ndarray:
    """Which rects (N, 4) reach into the window around `centre` where callouts can go."""
    x, y = centre.x(), centre.y()
    return ((rects[:, 2] > x - half_width) & (rects[:, 0] < x + half_width)
            & (rects[:, 3] > y - half_height) & (rects[:, 1] < y + half_height))


def _overlap_counts(boxes: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """For each box (K, 4), how many of `rects` (N, 4) it overlaps."""
    b, r = boxes[:, None, :], rects[None, :, :]
    return np.count_nonzero((r[..., 0] < b[..., 2]) & (r[..., 2] > b[..., 0])
                            & (r[..., 1] < b[..., 3]) & (r[..., 3] > b[..., 1]), axis=1)


def _covers(boxes: np.ndarray, points: np.ndarray) -> np.ndarray:
    """For each box (K, 4), whether it (with its gap) covers any of `points` (L, 2)."""
    b, x, y = boxes[:, None, :], points[None, :, 0], points[None, :, 1]
    return np.any((x > b[..., 0] - GAP) & (x < b[..., 2] + GAP) & (y > b[..., 1] - GAP) & (y < b[..., 3] + GAP),
                  axis=1).astype(int)


def _crosses(lines: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """For each line given as points (K, P, 2), whether a point lies inside any of `rects` (N, 4)."""
    if not rects.size:
        return np.zeros(len(lines), dtype=int)
    x, y = lines[..., 0][..., None], lines[..., 1][..., None]
    inside = (x > rects[:, 0]) & (x < rects[:, 2]) & (y > rects[:, 1]) & (y < rects[:, 3])
    return np.any(inside, axis=(1, 2)).astype(int)


def _leader_end(anchor: QPointF, box: QRectF) -> QPointF:
    """Where the leader line meets the box: the box point nearest the anchor."""
    return QPointF(min(max(anchor.x(), box.left()), box.right()), min(max(anchor.y(), box.top()), box.bottom()))


def _leader_points(anchor: np.ndarray, boxes: np.ndarray, count: int = 16, skip: float = 0.0) -> np.ndarray:
    """Points (K, count, 2) along the leader line from `anchor` to each box (K, 4), leaving out
    the first `skip` pixels (the anchor dot's surroundings)."""
    end = np.stack([np.clip(anchor[0], boxes[:, 0], boxes[:, 2]), np.clip(anchor[1], boxes[:, 1], boxes[:, 3])], axis=1)
    length = np.maximum(np.hypot(*(end - anchor).T), 1e-9)
    start = np.minimum(skip / length, 1.0)[:, None]
    t = start + (1.0 - start) * np.linspace(0.0, 1.0, count)[None, :]  # (K, count)
    return anchor + (end - anchor)[:, None, :] * t[..., None]


class NameParts:
    """The View → Name the parts action and its overlay, which follows the scene."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.words = Vocabulary(window)
        self.overlay: PartsOverlay | None = None
        self.action = QAction(QCoreApplication.translate("NameParts", "&Name the parts"), window)
        self.action.setCheckable(True)
        self.action.setShortcut("Ctrl+Shift+N")
        tip = QCoreApplication.translate(
            "NameParts", "Label one neuron's soma, dendrites, synapse and axon with their deep-learning names "
                         "(the selected neuron, else a computing one)")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.toggled.connect(self.set_shown)
        self._scene: NetworkScene | None = None

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addAction(self.action)

    # ---- showing -------------------------------------------------------------------------
    def set_shown(self, on: bool) -> None:
        if on:
            target = self.choose_target()
            if target is None:
                self.window.show_message(QCoreApplication.translate(
                    "NameParts", "Add a neuron first: Name the parts labels a computing neuron."))
                self.action.setChecked(False)
                return
            self._attach()
            self.overlay.neuron_id = target
            self.overlay.relayout()
            view = self.window.view
            visible = view.mapToScene(view.viewport().rect()).boundingRect()
            if not visible.contains(self.overlay.sceneBoundingRect()):
                view.fit()  # the callouts are the point: frame them with the network
        else:
            self._detach()

    def choose_target(self) -> str | None:
        """The selected computing neuron, else the one with inputs and outputs and the most inputs."""
        scene = self.window.scene
        network = scene.network
        computing = [nid for nid, n in network.neurons.items() if n.kind == "neuron"]
        for nid in scene.selected_neuron_ids():
            if nid in computing:
                return nid
        if self.overlay is not None and self.overlay.neuron_id in computing:
            return self.overlay.neuron_id
        if not computing:
            return None
        inputs = {nid: 0 for nid in computing}
        outputs = set()
        for source, target in network.synapses:
            if target in inputs and source != target:
                inputs[target] += 1
            if source != target:
                outputs.add(source)
        return max(computing, key=lambda nid: (inputs[nid] > 0 and nid in outputs, inputs[nid]))

    def _attach(self) -> None:
        scene = self.window.scene
        if self.overlay is not None and self._scene is scene and isValid(self.overlay):
            return
        self._detach()
        self.overlay = PartsOverlay(self.words)
        scene.addItem(self.overlay)
        scene.annotations.append(self.overlay)
        self._scene = scene
        scene.changed.connect(self._scene_changed)
        scene.selection_changed_to.connect(self._selection_changed)

    def _detach(self) -> None:
        scene = self._scene
        if scene is not None and isValid(scene):
            scene.changed.disconnect(self._scene_changed)
            scene.selection_changed_to.disconnect(self._selection_changed)
            if self.overlay is not None and isValid(self.overlay):
                scene.removeItem(self.overlay)
            scene.annotations = [item for item in scene.annotations if item is not self.overlay]
        self.overlay, self._scene = None, None

    # ---- following the scene -------------------------------------------------------------
    def _scene_changed(self, _regions=None) -> None:
        overlay = self.overlay
        if overlay is None or not isValid(overlay):
            return
        if overlay.neuron_id not in self.window.scene.network.neurons:  # deleted, or a new network
            overlay.neuron_id = self.choose_target()
        if overlay.signature() != overlay._signature:
            overlay.relayout()

    def _selection_changed(self, neuron_ids: list, _synapse_keys: list) -> None:
        if self.overlay is None or not neuron_ids:
            return
        target = self.choose_target()
        if target is not None and target != self.overlay.neuron_id:
            self.overlay.neuron_id = target
            self.overlay.relayout()
