"""All synapses in one item: axon branches, dendrites, boutons or arrowheads, and weight labels.

One item for thousands of connections (see docs/performance.md): paths are rebuilt only when the
network or a position changes, grouped by pen so that painting is a handful of stroke calls, and
the painter is clipped to the exposed rectangle.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neuron_sim.model import geometry
from neuron_sim.model.entities import SynapseKey

from . import styles
from .styles import PALETTE

if TYPE_CHECKING:
    from .scene import NetworkScene

HIT_TOLERANCE = 6.0
MAX_LABELS_PLACED_CAREFULLY = 600  # beyond this labels sit mid-curve (such networks are not figures)
ENDING_FILL, ENDING_BAR = 0, 1
OVERVIEW_ZOOM = 0.45  # below this zoom, synapses are drawn as hairlines without boutons or labels


class SynapseLayer(QGraphicsItem):
    def __init__(self):
        super().__init__()
        self.setZValue(0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the scene's tools do the hit tests
        self.keys: list[SynapseKey] = []
        self.weights = np.zeros(0)
        self.layout_: geometry.Layout | None = None
        self.selected: set[SynapseKey] = set()
        self.hovered: SynapseKey | None = None
        self._index: dict[SynapseKey, int] = {}
        self._bounds = QRectF()
        self._curves: list[QPainterPath] = []
        self._dendrites: list[QPainterPath] = []
        self._endings: list[tuple[int, QPainterPath]] = []
        self._pens: list[QPen] = []
        self._pen_index = np.zeros(0, dtype=np.intp)
        self._boxes = np.zeros((0, 4))
        self._labels: list[tuple[QPointF, str, float]] = []
        self._label_centres = np.zeros((0, 2))
        self._dirty = True

    def network_scene(self) -> NetworkScene:
        return self.scene()  # type: ignore[return-value]

    # ---- rebuilding ----------------------------------------------------------------------
    def invalidate(self) -> None:
        self._dirty = True

    def ensure_layout(self) -> None:
        if self._dirty:
            self.rebuild()

    def rebuild(self) -> None:
        scene = self.network_scene()
        network = scene.network
        items = scene.neuron_items
        ids = list(items)
        index = {nid: i for i, nid in enumerate(ids)}
        positions = np.array([(items[nid].x(), items[nid].y()) for nid in ids], dtype=float).reshape(-1, 2)
        is_sensor = np.array([network.neurons[nid].kind != "neuron" for nid in ids], dtype=bool)
        synapses = [s for s in network.synapses.values() if s.source in index and s.target in index]
        self.keys = [s.key for s in synapses]
        self._index = {key: i for i, key in enumerate(self.keys)}
        self.weights = np.array([s.weight for s in synapses], dtype=float)
        source = np.array([index[s.source] for s in synapses], dtype=np.intp)
        target = np.array([index[s.target] for s in synapses], dtype=np.intp)
        self.layout_ = geometry.layout(positions, source, target, is_sensor, scene.look)
        receiving = set(target.tolist())
        for nid, item in items.items():
            has = index[nid] in receiving
            if item.has_inputs != has:
                item.has_inputs = has
                item.update()
        self.selected &= set(self.keys)
        self._build_paths(scene.look)
        self._build_labels(scene, positions)
        bounds = self._curve_bounds()
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._dirty = False
        self.update()

    def _curve_bounds(self) -> QRectF:
        if self.layout_ is None or not self.keys:
            return QRectF()
        pts = self.layout_.control.reshape(-1, 2)
        x0, y0 = pts.min(axis=0)
        x1, y1 = pts.max(axis=0)
        rect = QRectF(x0, y0, x1 - x0, y1 - y0).adjusted(-40, -40, 40, 40)
        for centre, text, width in self._labels:
            rect = rect.united(QRectF(centre.x() - width, centre.y() - 12, 2 * width, 24))
        return rect

    def _build_paths(self, look: str) -> None:
        """One small path per synapse: stroking one huge path of overlapping curves is far slower
        (measured: 13 s against 0.1 s for 5,000 curves), and per-synapse paths can be culled."""
        self._curves = []
        self._dendrites = []
        self._endings = []
        self._pens = []
        layout = self.layout_
        if layout is None or not self.keys:
            self._pen_index = np.zeros(0, dtype=np.intp)
            self._boxes = np.zeros((0, 4))
            return
        control = layout.control
        pen_ids: dict[tuple[int, float], int] = {}
        pen_index = np.empty(len(self.keys), dtype=np.intp)
        for i, w in enumerate(self.weights.tolist()):
            sign = (w > 0) - (w < 0)
            group = (sign, styles.width_bucket(w))
            if group not in pen_ids:
                color = PALETTE.excitatory if sign > 0 else PALETTE.inhibitory if sign < 0 else PALETTE.silent
                style = Qt.PenStyle.DashLine if sign == 0 else Qt.PenStyle.SolidLine
                pen_ids[group] = len(self._pens)
                self._pens.append(styles.pen(color, group[1], style))
            pen_index[i] = pen_ids[group]
            c = control[i]
            path = QPainterPath(QPointF(c[0, 0], c[0, 1]))
            path.cubicTo(c[1, 0], c[1, 1], c[2, 0], c[2, 1], c[3, 0], c[3, 1])
            self._curves.append(path)
        self._pen_index = pen_index
        lows = control.min(axis=1) - 16.0
        highs = control.max(axis=1) + 16.0
        if look == "biological":
            lows = np.minimum(lows, layout.dendrite_base - 16.0)
            highs = np.maximum(highs, layout.dendrite_base + 16.0)
            self._dendrites = self._dendrite_paths()
        self._boxes = np.hstack([lows, highs])
        self._build_endings(look)

    def _dendrite_paths(self) -> list[QPainterPath]:
        """Tapered branches from each target's soma to where each synapse lands, with two twigs."""
        layout = self.layout_
        base = layout.dendrite_base
        tip = layout.end
        paths = []
        for i in range(len(self.keys)):
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)
            bx, by = base[i]
            tx, ty = tip[i]
            dx, dy = tx - bx, ty - by
            length = math.hypot(dx, dy) or 1.0
            nx, ny = -dy / length, dx / length
            wide, narrow = 4.2, 1.2
            path.moveTo(bx + nx * wide, by + ny * wide)
            path.lineTo(tx + nx * narrow, ty + ny * narrow)
            path.lineTo(tx - nx * narrow, ty - ny * narrow)
            path.lineTo(bx - nx * wide, by - ny * wide)
            path.closeSubpath()
            # two thin twigs leave the branch, as on a real dendrite
            ux, uy = dx / length, dy / length
            for along, side, reach in ((0.45, 1.0, 13.0), (0.7, -1.0, 10.0)):
                mx, my = bx + dx * along, by + dy * along
                half = wide + (narrow - wide) * along
                end_x = mx + (ux * 0.75 + nx * side * 0.66) * reach
                end_y = my + (uy * 0.75 + ny * side * 0.66) * reach
                path.moveTo(mx + nx * side * half * 0.2 - ux * 2.5, my + ny * side * half * 0.2 - uy * 2.5)
                path.lineTo(end_x, end_y)
                path.lineTo(mx + nx * side * half * 0.2 + ux * 3.5, my + ny * side * half * 0.2 + uy * 3.5)
                path.closeSubpath()
            paths.append(path)
        return paths

    def _build_endings(self, look: str) -> None:
        """Boutons (round) or arrowheads for excitatory synapses, flat bars for inhibitory ones."""
        layout = self.layout_
        tangent = layout.tangent_at_end()
        end = layout.end
        for i, w in enumerate(self.weights.tolist()):
            sign = (w > 0) - (w < 0)
            ex, ey = end[i]
            tx, ty = tangent[i]
            nx, ny = -ty, tx
            path = QPainterPath()
            if sign < 0:
                half = 7.0 if look == "biological" else 6.0
                path.moveTo(ex + nx * half, ey + ny * half)
                path.lineTo(ex - nx * half, ey - ny * half)
                self._endings.append((ENDING_BAR, path))
            elif look == "biological":
                path.addEllipse(QPointF(ex - tx * 2.0, ey - ty * 2.0), 5.2, 5.2)
                self._endings.append((ENDING_FILL, path))
            else:
                size = 11.0
                path.moveTo(ex, ey)
                path.lineTo(ex - tx * size + nx * size * 0.45, ey - ty * size + ny * size * 0.45)
                path.lineTo(ex - tx * size - nx * size * 0.45, ey - ty * size - ny * size * 0.45)
                path.closeSubpath()
                self._endings.append((ENDING_FILL, path))

    def _build_labels(self, scene: NetworkScene, positions: np.ndarray) -> None:
        self._labels = []
        if not scene.show_weights or not self.keys:
            return
        metrics = QFontMetricsF(styles.weight_font())
        texts = [styles.format_number(w) for w in self.weights.tolist()]
        sizes = np.array([(metrics.horizontalAdvance(t) + 8, metrics.height() + 2) for t in texts])
        if len(texts) <= MAX_LABELS_PLACED_CAREFULLY:
            obstacles = np.array([_rect_tuple(item.sceneBoundingRect().adjusted(4, 4, -4, -4))
                                  for item in scene.neuron_items.values()]).reshape(-1, 4)
            centres = geometry.place_labels(self.layout_.control, sizes, obstacles)
        else:
            centres = geometry.point_on_curves(self.layout_.control, 0.5)
        self._label_centres = centres
        self._labels = [(QPointF(c[0], c[1]), t, s[0] / 2) for c, t, s in zip(centres.tolist(), texts, sizes.tolist())]

    # ---- queries -------------------------------------------------------------------------
    def synapse_at(self, point: QPointF, tolerance: float = HIT_TOLERANCE) -> SynapseKey | None:
        """The synapse whose curve or weight label is under `point`."""
        self.ensure_layout()
        if self.layout_ is None or not self.keys:
            return None
        for (centre, _text, half_width), key in zip(self._labels, self.keys):
            if abs(point.x() - centre.x()) <= half_width and abs(point.y() - centre.y()) <= 9:
                return key
        i = geometry.nearest_curve((point.x(), point.y()), self.layout_.control, tolerance)
        return None if i is None else self.keys[i]

    def curve_of(self, key: SynapseKey) -> np.ndarray | None:
        self.ensure_layout()
        i = self._index.get(tuple(key))
        return None if i is None or self.layout_ is None else self.layout_.control[i]

    # ---- painting ------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = option.exposedRect if not option.exposedRect.isEmpty() else self._bounds
        painter.setClipRect(exposed)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._curves:
            return
        boxes = self._boxes
        visible = np.flatnonzero((boxes[:, 0] <= exposed.right()) & (boxes[:, 2] >= exposed.left())
                                 & (boxes[:, 1] <= exposed.bottom()) & (boxes[:, 3] >= exposed.top()))
        curves = self._curves
        if painter.worldTransform().m11() < OVERVIEW_ZOOM and not self.network_scene().for_export:
            self._paint_overview(painter, visible)
            return
        chosen = [self._index[k] for k in self.selected if k in self._index]
        if self.hovered in self._index and self.hovered not in self.selected:
            halos = [(PALETTE.hover_halo, [self._index[self.hovered]])]
        else:
            halos = []
        halos.append((PALETTE.selection_halo, chosen))
        for color, indices in halos:
            if indices:
                painter.setPen(styles.pen(color, 10.0))
                for i in indices:
                    painter.drawPath(curves[i])
        if self._dendrites:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(PALETTE.dendrite))
            for i in visible.tolist():
                painter.drawPath(self._dendrites[i])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        order = visible[np.argsort(self._pen_index[visible], kind="stable")]
        current = -1
        for i in order.tolist():
            pen_id = self._pen_index[i]
            if pen_id != current:
                painter.setPen(self._pens[pen_id])
                current = pen_id
            painter.drawPath(curves[i])
        bar_pen = styles.pen(PALETTE.inhibitory, 4.0)
        fill = QBrush(PALETTE.excitatory)
        for i in visible.tolist():
            kind, path = self._endings[i]
            if kind == ENDING_BAR:
                painter.strokePath(path, bar_pen)
            else:
                painter.fillPath(path, fill if self.weights[i] > 0 else QBrush(PALETTE.silent))
        scene = self.network_scene()
        if self._labels and (painter.worldTransform().m11() >= styles.LABELS_HIDDEN_BELOW_ZOOM or scene.for_export):
            self._paint_labels(painter, visible)

    def _paint_overview(self, painter: QPainter, visible: np.ndarray) -> None:
        """Zoomed far out: one-pixel lines in the synapse's colour (selection in blue), no details.

        Hairline (cosmetic) pens take Qt's fast line path: about 10 µs per curve, against 65 µs
        for a scaled, antialiased 2-pixel stroke.
        """
        pens = [QPen(pen.color(), 0) for pen in self._pens]
        selected_pen = QPen(PALETTE.selection, 0)
        chosen = np.zeros(len(self._curves), dtype=bool)
        for key in self.selected:
            i = self._index.get(key)
            if i is not None:
                chosen[i] = True
        order = visible[np.argsort(self._pen_index[visible] + chosen[visible] * len(pens), kind="stable")]
        current = None
        for i in order.tolist():
            pen = selected_pen if chosen[i] else pens[self._pen_index[i]]
            if pen is not current:
                painter.setPen(pen)
                current = pen
            painter.drawPath(self._curves[i])

    def _paint_labels(self, painter: QPainter, visible: np.ndarray) -> None:
        font = styles.weight_font()
        painter.setFont(font)
        height = QFontMetricsF(font).height() + 2
        for i in visible.tolist():
            centre, text, half_width = self._labels[i]
            w = self.weights[i]
            rect = QRectF(centre.x() - half_width, centre.y() - height / 2, 2 * half_width, height)
            painter.setPen(QPen(styles.sign_color(w), 1.0))
            painter.setBrush(QBrush(PALETTE.label_box))
            painter.drawRoundedRect(rect, 4, 4)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _rect_tuple(rect: QRectF) -> tuple[float, float, float, float]:
    return (rect.left(), rect.top(), rect.right(), rect.bottom())
