"""The callouts of View → Name the parts: one scene item naming one neuron's parts, biology and
deep learning side by side (rate cells), or in the terms of spikes (spiking cells). The canvas's
action (name_parts.py), the quick guide's pictures and exported figures draw through it.

The callouts are one scene item drawn over the network. Their anchors come from the real geometry
(the neuron item's position and body, the synapse layer's dendrite tips and axon curves), and they
are laid out again whenever that geometry changes, so they follow the neuron as it moves, as its
synapses change, and when the look switches. Boxes are placed (callout_placement.py, no Qt) where
they overlap neither each other nor any neuron, label or weight near the annotated cell.

Following the scene stays cheap on a large network while it plays: requests are coalesced to
one check per event-loop turn, made only while the callouts are shown, and the check compares
what the layout read last time (the synapse layer's layout object, which every move, edit or
look switch replaces, and the text sizes of the cells near the annotated one) before laying out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neuron_sim.model import geometry

from neuron_sim.ui import styles
from neuron_sim.model.callout_placement import (GAP, NEAR_HALF_HEIGHT, NEAR_HALF_WIDTH, is_free, leader_end, near_mask,
                                                place_boxes)
from neuron_sim.ui.canvas import block_painting
from neuron_sim.ui.canvas.neuron_item import NeuronItem
from neuron_sim.ui.styles import PALETTE
from neuron_sim.ui.i18n.vocabulary import Vocabulary

if TYPE_CHECKING:
    from neuron_sim.ui.canvas.scene import DisplayScene

CALLOUT_COLOR = QColor("#3C4043")
BOX_FILL = QColor(255, 255, 255, 240)
PADDING = 6.0
# A cell whose centre is farther than this outside the window where callouts go cannot reach
# into it (its name is narrower than this).
NEAR_MARGIN = 200.0
# Room kept under a computing cell for the line playing writes there (a = …, v = …): the callouts
# are placed around it from the start, so they do not move when the numbers appear and change.
OUTPUT_ROOM = "v = −00.00 mV"


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


class PartsOverlay(QGraphicsItem):
    """Callouts for one neuron; `relayout()` recomputes them from the scene's current geometry."""

    def __init__(self, words: Vocabulary):
        super().__init__()
        self.words = words
        self.neuron_id: str | None = None
        self.callouts: list[Callout] = []
        self._bounds = QRectF()
        self._near: list[NeuronItem] = []  # the cells near the annotated one at the last layout
        self._seen_layout = None  # the synapse layer's layout the last layout read
        self._seen: tuple = ()  # and what else it read (see `is_current`)
        self._labels_seen = None  # the synapse layer's weight labels, and their rectangles
        self._label_rects = np.zeros((0, 4))
        self._hulls_of = None  # the layout whose curve boxes `_hulls` holds
        self._hulls = np.zeros((0, 4))
        self.area: QRectF | None = None  # where the boxes should stay (the canvas's visible view)
        self.setZValue(50)  # over neurons (10) and synapses (0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        # While the network plays, pulses and cell texts under the callouts repaint their area every
        # frame; a picture of the callouts, made again only by `relayout`, is one blit instead.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def network_scene(self) -> DisplayScene:
        return self.scene()  # type: ignore[return-value]

    # ---- geometry ------------------------------------------------------------------------
    def is_current(self) -> bool:
        """Whether the callouts still fit the scene. The synapse layer makes a new layout on every
        move, synapse edit and look or label switch, so the same layout object means the same
        positions, synapses and weights; the text under the cells near the annotated one is
        compared as well (a = … appears and changes while playing). Cheap: no cell far away is read."""
        scene = self.network_scene()
        if scene is None or scene.synapse_layer.layout_ is not self._seen_layout:
            return False
        try:
            return self._read(scene) == self._seen
        except RuntimeError:  # a cell it read was deleted with its scene
            return False

    def _read(self, scene: DisplayScene) -> tuple:
        neuron = scene.network.neurons.get(self.neuron_id or "")
        numbers = None if neuron is None else (neuron.v_threshold_mV, neuron.refractory_ms)
        room = output_room()
        return (self.neuron_id, scene.drawn_look, scene.network.model, numbers, scene.show_weights, scene.show_thresholds,
                tuple(text_room(item, room).size().toTuple() for item in self._near))

    def relayout(self) -> None:
        scene = self.network_scene()
        if scene is None:
            return
        scene.flush()
        item = scene.neuron_items.get(self.neuron_id or "")
        self._near = [] if item is None else _cells_near(scene, item)
        self._seen_layout = scene.synapse_layer.layout_
        self._seen = self._read(scene)
        callouts = [] if item is None else self._anchors(scene, item)
        if callouts:
            solid, thin = self._obstacles(scene, item)
            if not self._keep_boxes(callouts, solid):
                self._place(scene, item, callouts, solid, thin)
        bounds = QRectF()
        for callout in callouts:
            bounds = bounds.united(callout.box).united(QRectF(callout.anchor, callout.anchor).adjusted(-4, -4, 4, 4))
        self.prepareGeometryChange()
        self.callouts = callouts
        self._bounds = bounds.adjusted(-2, -2, 2, 2)
        self.update()

    def _anchors(self, scene: DisplayScene, item: NeuronItem) -> list[Callout]:
        """Where each part is, from the item's body and the synapse layer's curves."""
        layer = scene.synapse_layer
        centre = item.pos()
        incoming, outgoing = [], []  # (index in the layer, curve control points)
        if layer.layout_ is not None:
            nid, control = self.neuron_id, layer.layout_.control
            incoming = [(i, control[i]) for i, (source, target) in enumerate(layer.keys)
                        if target == nid and source != nid]
            outgoing = [(i, control[i]) for i, (source, target) in enumerate(layer.keys)
                        if source == nid and target != nid]
        incoming.sort(key=lambda pair: pair[1][3][1])  # top to bottom by where they land
        outgoing.sort(key=lambda pair: pair[1][3][1])
        callouts: list[Callout] = []
        if scene.drawn_look == "blocks":
            callouts += _block_anchors(item, centre)
        elif scene.drawn_look == "schematic":
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
        neuron = item.neuron
        spiking = scene.network.model == "spiking" and neuron.kind == "neuron"
        threshold, refractory = styles.format_number(neuron.v_threshold_mV), styles.format_number(neuron.refractory_ms)
        for callout in callouts:
            callout.title, callout.subtitle = self.words.part(callout.part, spiking, threshold, refractory)
        return callouts

    def _keep_boxes(self, callouts: list[Callout], solid: np.ndarray) -> bool:
        """Give the callouts the boxes they had if nothing they were placed around moved: the same
        parts, anchors and texts, each box still clear and in view. Laid out again, they could come
        out elsewhere (the search starts from the preferred side, not from where they were)."""
        before = self.callouts
        if len(before) != len(callouts):
            return False
        area = None if self.area is None else np.array(self.area.getCoords())
        for old, new in zip(before, callouts):
            if (old.part, old.title, old.subtitle) != (new.part, new.title, new.subtitle) or old.box is None:
                return False
            if abs(old.anchor.x() - new.anchor.x()) > 0.5 or abs(old.anchor.y() - new.anchor.y()) > 0.5:
                return False
            if not is_free((new.anchor.x(), new.anchor.y()), old.box.getCoords(), solid, area):
                return False
        for old, new in zip(before, callouts):
            new.box = QRectF(old.box)
        return True

    def _obstacles(self, scene: DisplayScene, item: NeuronItem) -> tuple[np.ndarray, np.ndarray]:
        """What a box must not cover, near the annotated cell, as (x0, y0, x1, y1) rows:
        (solid: bodies, labels, weights; thin: points along the synapse curves). The cell's own
        body is left out: leader lines start on it (`_place` keeps boxes off it)."""
        near = self._near
        solid = [other.mapRectToScene(other.body_rect()) for other in near if other is not item]
        room = output_room()
        texts = [text_room(other, room) for other in near]
        solid += [other.mapRectToScene(text) for other, text in zip(near, texts) if not text.isEmpty()]
        rects = np.array([(r.left(), r.top(), r.right(), r.bottom()) for r in solid], dtype=float).reshape(-1, 4)
        rects = np.concatenate([rects, self._weight_label_rects(scene)]) + (-GAP, -GAP, GAP, GAP)
        centre = (item.x(), item.y())
        thin = np.zeros((0, 4))
        layer = scene.synapse_layer
        if layer.layout_ is not None and len(layer.keys):
            control = layer.layout_.control
            control = control[near_mask(self._curve_hulls(layer.layout_), centre)]  # only curves near the cell
            points = geometry.bezier_points(control, 20).reshape(-1, 2)
            thin = np.concatenate([points - 3.0, points + 3.0], axis=1)
        return rects[near_mask(rects, centre)], thin[near_mask(thin, centre)]

    def _curve_hulls(self, layout) -> np.ndarray:
        """Each synapse curve's control-point box (x0, y0, x1, y1), kept while the layout stays."""
        if self._hulls_of is not layout:
            control = layout.control
            self._hulls = np.concatenate([control.min(axis=1), control.max(axis=1)], axis=1)
            self._hulls_of = layout
        return self._hulls

    def _weight_label_rects(self, scene: DisplayScene) -> np.ndarray:
        """The weight labels' boxes, made again only when the synapse layer placed them anew."""
        labels = scene.synapse_layer.labels()
        if labels is not self._labels_seen:
            rows = np.array([(x, y, half) for x, y, _text, half in labels], dtype=float).reshape(-1, 3)
            x, y, half = rows.T
            self._label_rects = np.stack([x - half, y - 9, x + half, y + 9], axis=1)
            self._labels_seen = labels
        return self._label_rects

    def _place(self, scene: DisplayScene, item: NeuronItem, callouts: list[Callout], solid: np.ndarray,
               thin: np.ndarray) -> None:
        """Give each callout its box (callout_placement.place_boxes): clear of cells, labels,
        weights, curves and the callouts before it, with the annotated cell, its hillock and axon
        stub kept clear too, inside `area` where there is room."""
        cell = item.mapRectToScene(item.body_rect()).adjusted(-10, -10, 10 + geometry.AXON_STUB, 10)
        title_metrics, subtitle_metrics = QFontMetricsF(_title_font()), QFontMetricsF(_subtitle_font())
        height = title_metrics.height() + subtitle_metrics.height() + 2 * PADDING
        sizes = [(max(title_metrics.horizontalAdvance(c.title), subtitle_metrics.horizontalAdvance(c.subtitle))
                  + 2 * PADDING, height) for c in callouts]
        boxes = place_boxes(np.array([(c.anchor.x(), c.anchor.y()) for c in callouts]),
                            np.array([c.direction for c in callouts]), np.array(sizes), solid, thin,
                            np.array([cell.left(), cell.top(), cell.right(), cell.bottom()]),
                            None if self.area is None else np.array(self.area.getCoords()))
        for callout, (x0, y0, x1, y1) in zip(callouts, boxes.tolist()):
            callout.box = QRectF(x0, y0, x1 - x0, y1 - y0)

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
            end = leader_end((callout.anchor.x(), callout.anchor.y()),
                             (box.left(), box.top(), box.right(), box.bottom()))
            painter.drawLine(callout.anchor, QPointF(*end))
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


def _block_anchors(item: NeuronItem, centre: QPointF) -> list[Callout]:
    """The blocks look's parts: the top weight row, the sum, the activation and the output block."""
    rows = block_painting.row_rects(len(item.block_keys))
    callouts = []
    if rows:
        weight = rows[0][1]
        callouts.append(Callout("inputs", centre + QPointF(weight.center().x(), weight.top()), (-1.0, -0.6)))
    total = block_painting.sum_rect(len(item.block_keys))
    callouts.append(Callout("sum", centre + QPointF(total.center().x(), total.top()), (0.0, -1.0)))
    activation = block_painting.activation_rect()
    callouts.append(Callout("activation", centre + QPointF(activation.right() - 4, activation.top() + 4), (0.6, -1.0)))
    output = block_painting.output_rect()
    callouts.append(Callout("output", centre + QPointF(output.center().x(), output.bottom()), (0.6, 1.0)))
    return callouts


def parts_target(network, selected=(), current: str | None = None) -> str | None:
    """Whose parts to name: a selected computing neuron, else `current` if it still computes, else
    the one with inputs and outputs and the most inputs (None without a computing neuron)."""
    computing = [nid for nid, n in network.neurons.items() if n.kind == "neuron"]
    for nid in selected:
        if nid in computing:
            return nid
    if current in computing:
        return current
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


def output_room() -> tuple[float, float]:
    """The width and the line height kept under a computing cell for what playing writes there."""
    metrics = QFontMetricsF(styles.small_font())
    return metrics.horizontalAdvance(OUTPUT_ROOM), metrics.height()


def text_room(item: NeuronItem, room: tuple[float, float] | None = None) -> QRectF:
    """The text under a cell, with room for the line a computing cell shows while playing, in the
    item's coordinates. `room` is `output_room()`, measured once by a caller that asks for many."""
    rect = item.label_rect()
    if item.neuron.kind != "neuron" or not item.show_thresholds:
        return rect
    room_width, line_height = room or output_room()
    width = max(rect.width(), room_width)
    height = rect.height() + (0.0 if item.value_text else line_height)
    return QRectF(rect.center().x() - width / 2, rect.top(), width, height)


def _cells_near(scene: DisplayScene, item: NeuronItem) -> list[NeuronItem]:
    """The cells close enough to the annotated one to meet a callout (their positions only)."""
    x, y = item.x(), item.y()
    half_width, half_height = NEAR_HALF_WIDTH + NEAR_MARGIN, NEAR_HALF_HEIGHT + NEAR_MARGIN
    return [other for other in scene.neuron_items.values()
            if abs(other.x() - x) < half_width and abs(other.y() - y) < half_height]
