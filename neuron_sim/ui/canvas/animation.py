"""What moves on the canvas: pulses along axons (one item for all of them) and lit somas; in the
blocks look, the numbers in the blocks and the pulses passing through them.

The CanvasAnimator reads the playback's state once per frame and hands it to the items; nothing
here writes to the model, and the static network is not repainted (both the synapse layer and the
neuron items are cached pixmaps; only neurons whose state changed are redrawn). The pulses are
handed over as arrays (synapse, progress, strength); where each one is on its curve is computed
when Qt paints, and only for the pulses whose synapse crosses the painted rectangle, which are
stamped from cached pictures (animation_sprites.py). In the blocks look the pulses go through the
blocks instead, placed each frame by block_animation.py and stamped as they are.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neuron_sim.model.engines.protocol import Pulses

from neuron_sim.ui import styles
from neuron_sim.ui.playback import Playback
from neuron_sim.ui.canvas.animation_sprites import MAX_RADIUS, SpriteCache, stamp
from neuron_sim.ui.canvas.cell_states import CellStates
from neuron_sim.ui.canvas.block_animation import light_blocks, show_block_numbers, through_blocks
from neuron_sim.ui.canvas.scene import DisplayScene
from neuron_sim.ui.events import connect_all
from neuron_sim.ui.styles import PALETTE

EXCITATORY_PULSE = QColor("#FFD23F")
INHIBITORY_PULSE = QColor("#9ED8FF")


HALO_GROWTH = 3.0  # how far a lit weight label's halo reaches beyond its box
MAX_DRAWN = 100_000  # pulses stamped in one paint (the newest in view): far out, they are dots under a pixel
CULLED_FROM = 2_000  # neurons: beyond this, a running playback's frame updates only the cells in view
VIEW_MARGIN = 120.0  # scene units around a view whose cells follow too (a cell's drawing reaches that far)
PIXMAP_CACHE_KB = 160 * 1024  # Qt's pixmap cache: the label layer's cache and the cells'


def pulse_radii(strength: np.ndarray, spiking: bool) -> np.ndarray:
    magnitude = np.abs(strength)
    radii = 4.0 + 1.5 * np.log1p(magnitude) if spiking else 3.0 + 4.0 * np.minimum(magnitude, 2.0)
    return np.minimum(radii, MAX_RADIUS)


def power_coefficients(control: np.ndarray) -> np.ndarray:
    """(4, 2, C): each cubic curve of `control` (C, 4, 2) as p(t) = a + b·t + c·t² + d·t³ (rows
    a, b, c, d; x and y), so that a point on it is three multiplications and additions."""
    p0, p1, p2, p3 = (control[:, k, :] for k in range(4))
    a, b, c, d = p0, 3.0 * (p1 - p0), 3.0 * (p0 - 2.0 * p1 + p2), p3 - p0 + 3.0 * (p1 - p2)
    return np.ascontiguousarray(np.stack([a, b, c, d]).transpose(0, 2, 1))


def on_curves(coefficients: np.ndarray, rows: np.ndarray, progress: np.ndarray) -> np.ndarray:
    """(P, 2): the point `progress` of the way along curve `rows[i]` (as geometry.point_on_curves,
    from `power_coefficients`); x and y at once, one gather of the curves."""
    a, b, c, d = coefficients.take(rows, axis=2)  # each (2, P)
    t = progress
    d *= t
    d += c
    d *= t
    d += b
    d *= t
    d += a
    return d.T


class _Travelling:
    """Pulses as the animator hands them over: each one's synapse (a row of the synapse layer's
    layout), progress and strength, and the layout's curves and their boxes."""

    __slots__ = ("rows", "progress", "strength", "coefficients", "boxes", "spiking")

    def __init__(self, rows, progress, strength, coefficients, boxes, spiking):
        self.rows, self.progress, self.strength = rows, progress, strength
        self.coefficients, self.boxes, self.spiking = coefficients, boxes, spiking

    def placed(self, chosen: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(rows, positions, radii, signs) of the chosen pulses (all: None)."""
        rows, progress, strength = self.rows, self.progress, self.strength
        if chosen is not None and chosen.size < rows.size:
            rows, progress, strength = rows[chosen], progress[chosen], strength[chosen]
        positions = on_curves(self.coefficients, rows, progress)
        return rows, positions, pulse_radii(strength, self.spiking), np.sign(strength)

    def crossing(self, rect: QRectF) -> np.ndarray:
        """The pulses whose synapse's curve comes within a pulse's radius of `rect`."""
        boxes = self.boxes.take(self.rows, axis=0)
        grow = MAX_RADIUS + 1.0
        return np.flatnonzero((boxes[:, 0] <= rect.right() + grow) & (boxes[:, 2] >= rect.left() - grow)
                              & (boxes[:, 1] <= rect.bottom() + grow) & (boxes[:, 3] >= rect.top() - grow))


class PulseLayer(QGraphicsItem):
    """Every travelling pulse, drawn from arrays.

    A pulse passing under its synapse's weight label (which sits above this layer, so that the
    number stays readable) lights a halo around the label's box instead of vanishing: the signal
    is seen to go through the weight. `positions`, `radii`, `signs`, `halos` (H, 4) and
    `halo_signs` say what the layer shows, every pulse in or out of view (computed when read);
    a paint computes only what crosses the painted rectangle.
    """

    def __init__(self):
        super().__init__()
        self.setZValue(5)  # above the synapses, below their weight labels (6) and the cells (10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Without this flag Qt reports the whole bounding rectangle as exposed, and nothing is culled.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._bounds = QRectF()
        self._travelling: _Travelling | None = None
        self._curves: tuple = (None, None)  # (the layout's control points, power_coefficients of them)
        self._label_boxes = None  # () -> (n, 4): each synapse's weight label box (by layout row)
        self._shown: tuple | None = (np.zeros((0, 2)), np.zeros(0), np.zeros(0), np.zeros((0, 4)), np.zeros(0))
        self._sprites = SpriteCache((EXCITATORY_PULSE, INHIBITORY_PULSE), (PALETTE.excitatory, PALETTE.inhibitory))

    # ---- what is drawn ---------------------------------------------------------------------
    def _grow(self, bounds: QRectF) -> None:
        bounds = QRectF(bounds).adjusted(-HALO_GROWTH - 1, -HALO_GROWTH - 1, HALO_GROWTH + 1, HALO_GROWTH + 1)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds

    def set_pulses(self, positions: np.ndarray, radii: np.ndarray, signs: np.ndarray, bounds: QRectF,
                   halos: np.ndarray | None = None, halo_signs: np.ndarray | None = None) -> None:
        """Pulses placed already (figures and tests place their own)."""
        had = self.count() > 0
        self._grow(bounds)
        self._travelling = None
        self._shown = (positions, radii, signs, np.zeros((0, 4)) if halos is None else halos,
                       np.zeros(0) if halo_signs is None else halo_signs)
        if had or len(positions):
            self.update()

    def set_travelling(self, rows: np.ndarray, progress: np.ndarray, strength: np.ndarray, control: np.ndarray,
                       boxes: np.ndarray, spiking: bool, bounds: QRectF, label_boxes) -> None:
        """Pulses along the curves `control` (the synapse layer's layout): each one's row there, its
        progress 0..1 and signed strength; `boxes` bound each curve, `label_boxes()` the weight labels."""
        had = self.count() > 0
        self._grow(bounds)
        if control is not self._curves[0]:  # a new layout: its curves as polynomials, once
            self._curves = (control, power_coefficients(control))
        self._travelling = _Travelling(rows, progress, strength, self._curves[1], boxes, spiking) if len(rows) else None
        self._label_boxes = label_boxes
        self._shown = None if self._travelling is not None else self._shown_empty()
        if had or len(rows):
            self.update()

    @staticmethod
    def _shown_empty() -> tuple:
        return (np.zeros((0, 2)), np.zeros(0), np.zeros(0), np.zeros((0, 4)), np.zeros(0))

    def count(self) -> int:
        if self._travelling is not None:
            return len(self._travelling.rows)
        return len(self._shown[0]) if self._shown is not None else 0

    def _everything(self) -> tuple:
        if self._shown is None:
            rows, positions, radii, signs = self._travelling.placed()
            halos, halo_signs = self._halos(rows, positions, radii, signs)
            self._shown = (positions, radii, signs, halos, halo_signs)
        return self._shown

    positions = property(lambda self: self._everything()[0])
    radii = property(lambda self: self._everything()[1])
    signs = property(lambda self: self._everything()[2])
    halos = property(lambda self: self._everything()[3])
    halo_signs = property(lambda self: self._everything()[4])

    def _halos(self, rows, positions, radii, signs) -> tuple[np.ndarray, np.ndarray]:
        """The label boxes with their own synapse's pulse under them, and that pulse's sign."""
        boxes = self._label_boxes() if self._label_boxes is not None else np.zeros((0, 4))
        if not len(boxes) or not len(rows):
            return np.zeros((0, 4)), np.zeros(0)
        own = boxes[rows]
        x, y = positions[:, 0], positions[:, 1]
        under = ((x + radii > own[:, 0]) & (x - radii < own[:, 2])
                 & (y + radii > own[:, 1]) & (y - radii < own[:, 3]))
        return own[under], signs[under]

    # ---- painting --------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.count():
            return
        exposed = styles.exposed_rect(painter, option, self._bounds)
        painter.setClipRect(exposed)
        scene = self.scene()
        labelled = scene is not None and scene.synapse_layer.label_layer.drawn_by(painter)
        travelling = self._travelling
        if travelling is None:
            positions, radii, signs, halos, halo_signs = self._shown
        else:
            count = travelling.rows.size
            chosen = None if exposed.contains(self._bounds) else travelling.crossing(exposed)  # None: all
            if (count if chosen is None else chosen.size) > MAX_DRAWN:
                chosen = (np.arange(count) if chosen is None else chosen)[-MAX_DRAWN:]
            rows, positions, radii, signs = travelling.placed(chosen)
            halos, halo_signs = self._halos(rows, positions, radii, signs) if labelled else (np.zeros((0, 4)), [])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if labelled and len(halos):
            colours = _SignColours(painter)
            grow = HALO_GROWTH
            for (left, top, right, bottom), s in zip(halos.tolist(), np.asarray(halo_signs).tolist()):
                colours.use(s)
                box = QRectF(left, top, right - left, bottom - top).adjusted(-grow, -grow, grow, grow)
                painter.drawRoundedRect(box, 4 + grow, 4 + grow)
        sprites = self._sprites.for_painter(painter)
        # zoomed far in (few pulses in view), or placed by hand larger than the pictures: drawn exactly
        exact = None
        if sprites is None:
            exact = np.ones(len(radii), dtype=bool)
        elif travelling is None:
            exact = radii > MAX_RADIUS
        if exact is not None and exact.any():
            colours = _SignColours(painter)
            for (x, y), r, s in zip(positions[exact].tolist(), radii[exact].tolist(), signs[exact].tolist()):
                colours.use(s)
                painter.drawEllipse(QPointF(x, y), r, r)
            positions, radii, signs = positions[~exact], radii[~exact], signs[~exact]
        if sprites is not None and len(positions):
            # the pictures are antialiased already; with the hint on Qt takes a slower path
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            stamp(painter, sprites.fragments(positions, radii, signs < 0), sprites.pixmap)


class _SignColours:
    """Sets a painter's pen and brush for an excitatory (≥ 0) or inhibitory pulse, only on a change."""

    def __init__(self, painter: QPainter):
        self.painter = painter
        self.current = 0
        self.by_sign = {
            1: (QPen(PALETTE.excitatory, 2.0), QBrush(EXCITATORY_PULSE)),
            -1: (QPen(PALETTE.inhibitory, 2.0), QBrush(INHIBITORY_PULSE)),
        }

    def use(self, strength: float) -> None:
        sign = 1 if strength >= 0 else -1
        if sign != self.current:
            pen, brush = self.by_sign[sign]
            self.painter.setPen(pen)
            self.painter.setBrush(brush)
            self.current = sign


class CanvasAnimator(QObject):
    """Connects a Playback to a DisplayScene: per frame, pulses and neuron states, until
    `stop_following`.

    In a large network (more than CULLED_FROM neurons) a frame of a running playback brings only
    the cells in a view (and a margin) up to date: the others are not seen, and the first frame
    after the playback stops brings every cell up to date."""

    def __init__(self, scene: DisplayScene, playback: Playback):
        super().__init__(scene)
        self.scene = scene
        self.playback = playback
        self.pulse_layer = PulseLayer()
        self._rows_for: tuple = (None, None, np.zeros(0, dtype=np.intp))
        self._places: tuple[list[str], np.ndarray] | None = None  # the cells' ids and positions
        self._behind = False  # cells out of view were left as they were
        self._cells = CellStates()
        scene.addItem(self.pulse_layer)
        # The synapses are a view's background (NetworkView); their labels are a cached layer of
        # a window's size: with the cells' caches, more than Qt's default cache (10 MB) holds.
        scene.synapse_layer.label_layer.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        # Pulses sit on the curves: new curves (a look switched or a cell moved, even while paused)
        # carry them along; blocks that have just appeared are given their numbers.
        self._links = connect_all([(playback.advanced, self.show_state),
                                   (playback.playing_changed, self._catch_up),
                                   (scene.synapses_laid_out, self._laid_out),
                                   (scene.overview_changed, self._overview_changed)], owner=self)

    def stop_following(self) -> None:
        """Keep the state shown now; the playback's later frames no longer reach the scene."""
        self._links.disconnect()

    def show_state(self) -> None:
        scene, playback = self.scene, self.playback
        items = scene.neuron_items
        shown = None
        sheet = scene.cell_sheet if scene.overview else None  # far out: every cell's level, to one item
        if sheet is None and len(items) > CULLED_FROM and (playback.playing or playback.stepping):
            shown = self._in_views()
        if shown is not None:
            items = {nid: items[nid] for nid in shown}
            if not self._behind:
                self._behind = True
                QTimer.singleShot(0, self, self._catch_up)  # a Step ends without a signal
        else:
            self._behind = False
        engine = playback.engine
        self._cells.show(items, engine, scene.network.model == "spiking", sheet)
        if scene.drawn_look == "blocks":
            show_block_numbers(scene, engine, engine.computed_ids() if engine is not None else set())
        scene.synapse_layer.show_live_weights(playback.learned_weights())
        self._show_pulses()

    def _overview_changed(self, far: bool) -> None:
        """Zoomed in past the overview: the cells draw themselves again, in the state shown now."""
        if not far:
            self._cells.forget()
            self.show_state()

    def _catch_up(self, *_args) -> None:
        """Every cell up to date, once the playback no longer runs after frames that left some."""
        if self._behind and not (self.playback.playing or self.playback.stepping):
            self.show_state()
        elif self._behind:
            QTimer.singleShot(0, self, self._catch_up)

    def _laid_out(self) -> None:
        self._places = None  # cells may have moved
        if self.scene.drawn_look == "blocks":
            engine = self.playback.engine
            show_block_numbers(self.scene, engine, engine.computed_ids() if engine is not None else set())
        self._show_pulses()

    def _in_views(self) -> list[str] | None:
        """The ids of the cells within (a margin of) what the scene's views show; None without a view."""
        views = self.scene.views()
        if not views:
            return None
        if self._places is None:
            items = self.scene.neuron_items
            self._places = (list(items), np.array([(item.x(), item.y()) for item in items.values()],
                                                  dtype=float).reshape(-1, 2))
        ids, places = self._places
        near = np.zeros(len(ids), dtype=bool)
        for view in views:
            seen = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(
                -VIEW_MARGIN, -VIEW_MARGIN, VIEW_MARGIN, VIEW_MARGIN)
            near |= ((places[:, 0] >= seen.left()) & (places[:, 0] <= seen.right())
                     & (places[:, 1] >= seen.top()) & (places[:, 1] <= seen.bottom()))
        return [ids[i] for i in np.flatnonzero(near).tolist()]

    def _show_pulses(self) -> None:
        layer = self.scene.synapse_layer
        layer.ensure_layout()
        pulses = self.playback.pulse_state()
        in_blocks = layer.layout_ is not None and layer.layout_.row is not None  # laid out in blocks
        self.pulse_layer.setZValue(11 if in_blocks else 5)  # blocks: through the neurons' blocks, over them
        rows, progress, strength = np.zeros(0, dtype=np.intp), np.zeros(0), np.zeros(0)
        if len(pulses.synapses) and layer.layout_ is not None:
            rows = self._layer_rows(pulses)[pulses.synapses]
            progress, strength = np.asarray(pulses.progress), np.asarray(pulses.strength)
            drawn = rows >= 0
            if not drawn.all():
                rows, progress, strength = rows[drawn], progress[drawn], strength[drawn]
        if in_blocks:  # few pulses (blocks draw small rate networks), placed here and stamped as they are
            if not len(rows):
                light_blocks(self.scene, {})
                self.pulse_layer.set_pulses(np.zeros((0, 2)), np.zeros(0), np.zeros(0), layer.boundingRect())
                return
            positions, carried, bounds = through_blocks(self.scene, rows, progress, strength)
            self.pulse_layer.set_pulses(positions, pulse_radii(carried, False), np.sign(carried), bounds)
            return
        if not len(rows):
            self.pulse_layer.set_travelling(rows, progress, strength, np.zeros((0, 4, 2)), np.zeros((0, 4)), False,
                                            layer.boundingRect(), None)
            return
        self.pulse_layer.set_travelling(rows, progress, strength, layer.layout_.control, layer.curve_boxes(),
                                        self.scene.network.model == "spiking", layer.boundingRect(),
                                        layer.label_boxes)

    def _layer_rows(self, pulses: Pulses) -> np.ndarray:
        """For each of the engine's synapses, its row in the synapse layer (−1: not drawn), made
        again only when the engine or the layer's synapses change."""
        keys, layer_keys = pulses.synapse_keys, self.scene.synapse_layer.keys
        if keys is not self._rows_for[0] or layer_keys is not self._rows_for[1]:
            row_of = self.scene.synapse_layer.row_of()
            rows = np.fromiter((row_of.get(key, -1) for key in keys), dtype=np.intp, count=len(keys))
            self._rows_for = (keys, layer_keys, rows)
        return self._rows_for[2]
