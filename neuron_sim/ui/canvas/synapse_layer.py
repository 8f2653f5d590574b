"""All synapses in one item: axon branches, dendrites, boutons or arrowheads; their weight labels'
places (drawn above the pulses by a second item, weight_labels.WeightLabelLayer, that the scene adds).

One item for thousands of connections (docs/performance.md has the measurements):
- the layout (numpy) is recomputed when the network or a position changes, coalesced per event-loop turn;
- each synapse gets its own small path: stroking one path of many overlapping curves is ~100×
  slower in Qt's raster engine than stroking the curves one by one;
- paths (curves, dendrites, boutons) are made only for the synapses drawn (synapse_paths.py),
  and only the synapses that cross the exposed rectangle are painted;
- zoomed far out, synapses are hairlines, which Qt draws on its fast path, the curves of a colour
  in one path made from the arrays;
- a NetworkView draws the layer into its cached background (`drawn_as_background_of`): a frame
  of the animation then starts with one opaque copy of the white page and every synapse, instead
  of a fill and a blended copy of the layer's own cache (docs/performance.md).
"""

from __future__ import annotations

import weakref

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from neuron_sim.model import geometry
from neuron_sim.model.label_placement import place_labels
from neuron_sim.model.entities import SynapseKey

from neuron_sim.ui import styles
from neuron_sim.ui.styles import PALETTE
from neuron_sim.ui.canvas.host import DrawingHost
from neuron_sim.ui.canvas.synapse_paths import SynapsePaths
from neuron_sim.ui.canvas.weight_labels import WeightLabelLayer


HIT_TOLERANCE = 6.0
CURVE_BOX_MARGIN = 28.0  # scene px around a curve's control points: its pen, halo and ending
SHIFT_TOLERANCE = 0.5  # scene px: a drawing that moved as a whole, up to rounding, keeps its label places
MAX_LABELS_PLACED_CAREFULLY = 600  # beyond this labels sit mid-curve (such networks are not figures)
OVERVIEW_ZOOM = styles.OVERVIEW_ZOOM  # below this zoom: hairlines, no boutons, dendrites or labels


class SynapseLayer(QGraphicsItem):
    def __init__(self):
        super().__init__()
        self.setZValue(0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the scene's tools do the hit tests
        # Without this flag Qt reports the whole bounding rectangle as exposed, and nothing is culled.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.keys: list[SynapseKey] = []
        self.weights = np.zeros(0)
        self._live: dict[SynapseKey, float] = {}  # weights learned while playing, drawn instead
        self.layout_: geometry.Layout | None = None
        self.selected: set[SynapseKey] = set()
        self.hovered: SynapseKey | None = None
        self._index: dict[SynapseKey, int] = {}
        self._look = "biological"
        self._bounds = QRectF()
        self._boxes = np.zeros((0, 4))
        self._pens: list[QPen] = []
        self._pen_index = np.zeros(0, dtype=np.intp)
        self._paths = SynapsePaths()
        self._labels: list[tuple[float, float, str, float]] | None = None
        self._placement: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None  # see _placed
        self._label_boxes: tuple[list | None, np.ndarray] = (None, np.zeros((0, 4)))
        self._label_columns: tuple[list | None, np.ndarray, np.ndarray, np.ndarray] = (None, *np.zeros((3, 0)))
        self._dirty = True
        self._background_of: weakref.WeakSet[QWidget] = weakref.WeakSet()  # viewports; see drawn_as_background_of
        self.label_layer = WeightLabelLayer(self)  # the scene adds it next to this item

    def network_scene(self) -> DrawingHost:
        return self.scene()  # type: ignore[return-value]

    # ---- rebuilding ----------------------------------------------------------------------
    def invalidate(self) -> None:
        self._dirty = True

    def ensure_layout(self) -> None:
        if self._dirty:
            self.rebuild()

    def rebuild(self) -> None:
        scene = self.network_scene()
        previous = (self._look, self.keys, self.weights) if self.layout_ is not None else None
        network = scene.network
        items = scene.neuron_items
        index = {nid: i for i, nid in enumerate(items)}
        positions = np.array([(item.x(), item.y()) for item in items.values()], dtype=float).reshape(-1, 2)
        is_sensor = np.array([item.neuron.kind != "neuron" for item in items.values()], dtype=bool)
        # from the network's columns: arrays, and no Synapse object made for a network loaded as a
        # table (opening 500,000 synapses: 3.4 s → 2.4 s, 130 MB less)
        columns = network.synapse_columns()
        item_of = np.array([index.get(nid, -1) for nid in columns.ids], dtype=np.intp).reshape(-1)
        source, target = item_of[columns.source], item_of[columns.target]
        keys = list(columns.keys())
        drawn = (source >= 0) & (target >= 0)  # both ends have their cells (always, but mid-edit)
        if drawn.all():
            self.keys, self.weights = keys, np.array(columns.weight, dtype=float)
        else:
            kept = np.flatnonzero(drawn)
            self.keys, self.weights = [keys[i] for i in kept.tolist()], columns.weight[kept].astype(float)
            source, target = source[kept], target[kept]
        self._index = {key: i for i, key in enumerate(self.keys)}
        for key, weight in self._live.items():  # weights learned while playing are drawn instead
            row = self._index.get(key)
            if row is not None:
                self.weights[row] = weight
        self._look = scene.drawn_look
        self.layout_ = geometry.layout(positions, source, target, is_sensor, scene.drawn_look)
        receiving = set(target.tolist())
        for i, item in enumerate(items.values()):
            has = i in receiving
            if item.has_inputs != has:
                item.has_inputs = has
                item.update()
        if self._look == "blocks":
            self._give_block_rows(items)
        self.selected &= set(self.keys)
        self._build_curves(previous)
        self._labels = None
        bounds, before = self._curve_bounds(), self._bounds
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._dirty = False
        self.update(before.united(bounds))  # where curves were, too: a background keeps them
        self.label_layer.sync()
        scene.synapses_laid_out.emit()

    def _give_block_rows(self, items) -> None:
        """Tell each neuron of the blocks look which synapses arrive in its weight rows, top first."""
        rows: dict[str, list[tuple[int, SynapseKey, float]]] = {}
        for key, weight, row in zip(self.keys, self.weights.tolist(), self.layout_.row.tolist()):
            rows.setdefault(key[1], []).append((row, key, weight))
        for nid, item in items.items():
            arriving = sorted(rows.get(nid, []))
            item.set_block_rows([key for _row, key, _w in arriving], [w for _row, _key, w in arriving])

    def show_live_weights(self, weights: dict[SynapseKey, float]) -> None:
        """Draw these weights instead of the network's: synapses that learn while the network
        plays (STDP). Thickness, colour, ending and label follow; the labels keep their places."""
        if not weights and not self._live:
            return
        if weights.keys() != self._live.keys():  # other synapses learn now: start from the network's
            self._live = dict(weights)
            self.invalidate()
            self.ensure_layout()
            return
        self._live = dict(weights)
        self.ensure_layout()
        changed = [(i, w) for key, w in weights.items()
                   if (i := self._index.get(key)) is not None and self.weights[i] != w]
        if not changed:
            return
        signs_before = np.sign(self.weights)
        for i, w in changed:
            self.weights[i] = w
        self._build_pens()
        if not np.array_equal(signs_before, np.sign(self.weights)):
            self._paths.set_signs(np.sign(self.weights))  # an ending (bouton or bar) follows the sign
        if self._labels:
            metrics = QFontMetricsF(styles.weight_font())
            labels = list(self._labels)
            for i, w in changed:
                x, y, _text, _half = labels[i]
                text = styles.format_number(w)
                labels[i] = (x, y, text, (metrics.horizontalAdvance(text) + 8) / 2)
            self._labels = labels
        self.update()
        self.label_layer.update()

    def _build_pens(self) -> None:
        """One pen per (sign, width bucket) of the weights, and each synapse's pen."""
        signs = np.sign(self.weights).astype(int)
        # Spiking weights are millivolts (tens, not ones): scale them to the same line widths.
        scale = styles.SPIKING_WEIGHT_SCALE if self.network_scene().network.model == "spiking" else 1.0
        widths = styles.width_buckets(self.weights * scale)
        groups: dict[tuple[int, float], int] = {}
        self._pens = []
        pen_index = np.empty(len(self.keys), dtype=np.intp)
        for i, group in enumerate(zip(signs.tolist(), widths.tolist())):
            pen_id = groups.get(group)
            if pen_id is None:
                sign, width = group
                color = PALETTE.excitatory if sign > 0 else PALETTE.inhibitory if sign < 0 else PALETTE.silent
                style = Qt.PenStyle.DashLine if sign == 0 else Qt.PenStyle.SolidLine
                pen_id = groups[group] = len(self._pens)
                self._pens.append(styles.pen(color, width, style))
            pen_index[i] = pen_id
        self._pen_index = pen_index

    def _build_curves(self, previous=None) -> None:
        control = self.layout_.control
        self._build_pens()
        same = previous is not None and previous[0] == self._look and previous[1] == self.keys \
            and np.array_equal(previous[2], self.weights)
        self._paths.lay_out(self.layout_, self._look == "biological", np.sign(self.weights), same)
        lows = control.min(axis=1) - CURVE_BOX_MARGIN
        highs = control.max(axis=1) + CURVE_BOX_MARGIN
        if self._look == "biological" and len(control):
            lows = np.minimum(lows, self.layout_.dendrite_base - 16.0)
            highs = np.maximum(highs, self.layout_.dendrite_base + 16.0)
        self._boxes = np.hstack([lows, highs]) if len(control) else np.zeros((0, 4))

    def _curve_bounds(self) -> QRectF:
        if not self.keys:
            return QRectF()
        x0, y0 = self._boxes[:, :2].min(axis=0)
        x1, y1 = self._boxes[:, 2:].max(axis=0)
        return QRectF(x0, y0, x1 - x0, y1 - y0).adjusted(-30, -30, 30, 30)

    def labels(self) -> list[tuple[float, float, str, float]]:
        """(x, y, text, half width) of each weight label, placed along its synapse clear of the other
        labels, the cells and the other synapses' lines (model/label_placement.py)."""
        if self._labels is None:
            scene = self.network_scene()
            if not scene.show_weights or not self.keys or self._look == "blocks":  # (blocks: in the weight blocks)
                self._labels = []
                return self._labels
            metrics = QFontMetricsF(styles.weight_font())
            texts, widths = _texts_and_widths(self.weights, metrics)
            sizes = np.column_stack([widths + 8, np.full(len(texts), metrics.height() + 2)])
            if len(texts) <= MAX_LABELS_PLACED_CAREFULLY:
                obstacles = np.array([_rect_tuple(item.sceneBoundingRect().adjusted(4, 4, -4, -4))
                                      for item in scene.neuron_items.values()]).reshape(-1, 4)
                centres = self._placed(self.layout_.control, sizes, obstacles)
            else:
                centres = geometry.point_on_curves(self.layout_.control, 0.5)
            halves = sizes[:, 0] / 2
            self._labels = list(zip(centres[:, 0].tolist(), centres[:, 1].tolist(), texts, halves.tolist()))
            self._label_columns = (self._labels, centres[:, 0], centres[:, 1], halves)
        return self._labels

    def _label_centres_and_halves(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """x, y and half width of each label of `labels()`, as arrays."""
        labels = self.labels()
        if self._label_columns[0] is not labels:  # (learned weights changed texts, not places)
            xs, ys, halves = (np.array(column, dtype=float).reshape(-1)
                              for column in (zip(*((x, y, h) for x, y, _t, h in labels)) if labels else ((), (), ())))
            self._label_columns = (labels, xs, ys, halves)
        return self._label_columns[1:]

    def _placed(self, control: np.ndarray, sizes: np.ndarray, obstacles: np.ndarray) -> np.ndarray:
        """Label centres for these curves, sizes and cells. When the whole drawing only moved since
        the last placement (a drag of everything, its drop and undo), that placement moves with it
        rather than being made again: it would come out the same, shifted. Compared with the last
        placement made, not the last shifted one, so that rounding never adds up."""
        made = self._placement
        if made is not None and made[1].shape == sizes.shape and made[0].shape == control.shape \
                and made[2].shape == obstacles.shape and len(control) and np.array_equal(made[1], sizes):
            offset = control[0, 0] - made[0][0, 0]
            # The cells are read when the labels are drawn, the curves when they were laid out:
            # during a drag the two can be a mouse move apart, so each need only move as a whole.
            cells_offset = obstacles[0, :2] - made[2][0, :2] if len(obstacles) else offset
            if (np.allclose(control - made[0], offset, rtol=0, atol=SHIFT_TOLERANCE)
                    and np.allclose(obstacles - made[2], np.tile(cells_offset, 2), rtol=0, atol=SHIFT_TOLERANCE)):
                return made[3] + offset
        centres = place_labels(control, sizes, obstacles)
        self._placement = (control.copy(), sizes, obstacles, centres)
        return centres

    def label_boxes(self) -> np.ndarray:
        """(n, 4) left, top, right, bottom of each weight label's box, in the order of `labels()`."""
        labels = self.labels()
        if self._label_boxes[0] is not labels:  # placed again since they were last measured
            if labels:
                height = QFontMetricsF(styles.weight_font()).height() + 2
                xs, ys, halves = self._label_centres_and_halves()
                boxes = np.column_stack([xs - halves, ys - height / 2, xs + halves, ys + height / 2])
            else:
                boxes = np.zeros((0, 4))
            self._label_boxes = (labels, boxes)
        return self._label_boxes[1]

    # ---- queries -------------------------------------------------------------------------
    def synapse_at(self, point: QPointF, tolerance: float = HIT_TOLERANCE) -> SynapseKey | None:
        """The synapse whose curve or weight label is under `point`."""
        self.ensure_layout()
        if self.layout_ is None or not self.keys:
            return None
        xs, ys, halves = self._label_centres_and_halves()
        on_label = np.flatnonzero((np.abs(point.x() - xs) <= halves) & (np.abs(point.y() - ys) <= 9))
        if len(on_label):
            return self.keys[on_label[0]]
        # Only a curve whose box holds the point can pass within the tolerance (a curve lies in the
        # hull of its control points): hovering a million synapses measures the few under the mouse.
        x, y = point.x(), point.y()
        reach = max(0.0, tolerance - CURVE_BOX_MARGIN)
        boxes = self._boxes
        near = np.flatnonzero((boxes[:, 0] - reach <= x) & (boxes[:, 2] + reach >= x)
                              & (boxes[:, 1] - reach <= y) & (boxes[:, 3] + reach >= y))
        i = geometry.nearest_curve((x, y), self.layout_.control[near], tolerance)
        return None if i is None else self.keys[near[i]]

    def curve_boxes(self) -> np.ndarray:
        """(n, 4) left, top, right, bottom around each synapse's curve, in the order of `keys`."""
        self.ensure_layout()
        return self._boxes

    def row_of(self) -> dict[SynapseKey, int]:
        """Synapse key → its place in `keys` (and in the layout's arrays)."""
        self.ensure_layout()
        return self._index

    def curve_path(self, i: int) -> QPainterPath:
        """The path drawn for the `i`-th synapse of `keys`."""
        self.ensure_layout()
        return self._paths.curve(i)

    def curve_of(self, key: SynapseKey) -> np.ndarray | None:
        self.ensure_layout()
        i = self._index.get(tuple(key))
        return None if i is None or self.layout_ is None else self.layout_.control[i]

    # ---- painting ------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._bounds

    def drawn_as_background_of(self, viewport: QWidget) -> None:
        """That view paints this layer into its background (paint_background) and caches it:
        painting the item again over it there would draw every synapse twice."""
        self._background_of.add(viewport)

    def update(self, rect: QRectF = QRectF()) -> None:
        """Repaint `rect` (the whole layer by default), in the backgrounds that hold it too."""
        super().update(rect)
        scene = self.scene()
        if scene is not None and self._background_of:
            area = self.mapRectToScene(rect if not rect.isEmpty() else self._bounds)
            scene.invalidate(area, QGraphicsScene.SceneLayer.BackgroundLayer)

    def paint_background(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the synapses crossing `rect` (scene coordinates) as a view's background."""
        option = QStyleOptionGraphicsItem()
        option.exposedRect = self.mapRectFromScene(rect)
        painter.save()
        painter.setTransform(self.sceneTransform(), True)
        self._paint(painter, option)
        painter.restore()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if widget is not None and widget in self._background_of:
            return  # that view's background shows the layer
        self._paint(painter, option)

    def _paint(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        exposed = styles.exposed_rect(painter, option, self._bounds)
        painter.setClipRect(exposed)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not len(self._paths):
            return
        boxes = self._boxes
        visible = np.flatnonzero((boxes[:, 0] <= exposed.right()) & (boxes[:, 2] >= exposed.left())
                                 & (boxes[:, 1] <= exposed.bottom()) & (boxes[:, 3] >= exposed.top()))
        if painter.worldTransform().m11() < OVERVIEW_ZOOM and self.network_scene().detail_follows_zoom:
            self._paint_overview(painter, visible)
            return
        paths = self._paths
        curves = paths.curves(visible)
        in_view = np.zeros(len(curves), dtype=bool)
        in_view[visible] = True
        # Only the halos of curves in view: after Select all, most of the wide halo strokes would
        # fall outside the window.
        chosen = [i for i in (self._index.get(k) for k in self.selected) if i is not None and in_view[i]]
        halos = [(PALETTE.selection_halo, chosen)]
        hovered = self._index.get(self.hovered) if self.hovered is not None else None
        if hovered is not None and self.hovered not in self.selected and in_view[hovered]:
            halos.append((PALETTE.hover_halo, [hovered]))
        for color, indices in halos:
            if indices:
                painter.setPen(styles.pen(color, 10.0))
                for i in indices:
                    painter.drawPath(curves[i])
        visible_list = visible.tolist()
        if paths.biological:
            dendrites = paths.dendrites(visible)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(PALETTE.dendrite))
            for i in visible_list:
                painter.drawPath(dendrites[i])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        order = visible[np.argsort(self._pen_index[visible], kind="stable")]
        current = -1
        for i in order.tolist():
            pen_id = self._pen_index[i]
            if pen_id != current:
                painter.setPen(self._pens[pen_id])
                current = pen_id
            painter.drawPath(curves[i])
        endings, signs = paths.endings(visible), paths.signs
        bar_pen = styles.pen(PALETTE.inhibitory, 4.0)
        fills = {1.0: QBrush(PALETTE.excitatory), 0.0: QBrush(PALETTE.silent)}
        for i in visible_list:
            if signs[i] < 0:
                painter.strokePath(endings[i], bar_pen)
            else:
                painter.fillPath(endings[i], fills[signs[i]])

    def _paint_overview(self, painter: QPainter, visible: np.ndarray) -> None:
        """Hairlines in each synapse's colour (selected ones in blue), the curves of each colour in
        one path: Qt's fast path for many lines, and no Python call per synapse."""
        pens = [QPen(pen.color(), 0) for pen in self._pens]
        pens.append(QPen(PALETTE.selection, 0))
        chosen = np.zeros(len(self._paths), dtype=bool)
        chosen[[i for i in (self._index.get(key) for key in self.selected) if i is not None]] = True
        group = np.where(chosen, len(pens) - 1, self._pen_index)[visible]
        for g in np.unique(group).tolist():
            painter.setPen(pens[g])
            painter.drawPath(self._paths.curves_as_one(visible[group == g]))


def _texts_and_widths(weights: np.ndarray, metrics: QFontMetricsF) -> tuple[list[str], np.ndarray]:
    """Each weight's label and its width in `metrics`, each different weight formatted and
    measured once (a large network has a million synapses and a few weights)."""
    values, inverse = np.unique(weights, return_inverse=True)
    texts = [styles.format_number(w) for w in values.tolist()]
    widths = np.array([metrics.horizontalAdvance(t) for t in texts], dtype=float)
    inverse = inverse.reshape(-1)
    return np.array(texts, dtype=object)[inverse].tolist(), widths[inverse]


def _rect_tuple(rect: QRectF) -> tuple[float, float, float, float]:
    return (rect.left(), rect.top(), rect.right(), rect.bottom())
