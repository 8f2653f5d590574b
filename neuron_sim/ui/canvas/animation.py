"""What moves on the canvas: pulses along axons (one item for all of them) and lit somas; in the
blocks look, the numbers in the blocks and the pulses passing through them.

The CanvasAnimator reads the playback's state once per frame and hands it to the items; nothing
here writes to the model, and the static network is not repainted (both the synapse layer and the
neuron items are cached pixmaps; only neurons whose state changed are redrawn).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neuron_sim.model import blocks, geometry
from neuron_sim.model.analysis import rate_breakdown

from neuron_sim.ui import styles
from neuron_sim.ui.playback import Playback
from neuron_sim.ui.canvas.block_painting import NOTHING_LIT, Lit
from neuron_sim.ui.canvas.scene import DisplayScene
from neuron_sim.ui.events import connect_all
from neuron_sim.ui.styles import PALETTE

EXCITATORY_PULSE = QColor("#FFD23F")
INHIBITORY_PULSE = QColor("#9ED8FF")


HALO_GROWTH = 3.0  # how far a lit weight label's halo reaches beyond its box


class PulseLayer(QGraphicsItem):
    """Every travelling pulse, drawn from arrays: positions (P, 2), radii (P,), signs (P,).

    A pulse passing under its synapse's weight label (which sits above this layer, so that the
    number stays readable) lights a halo around the label's box instead of vanishing: the signal
    is seen to go through the weight. `halos` (H, 4) are those boxes, `halo_signs` (H,) their signs.
    """

    def __init__(self):
        super().__init__()
        self.setZValue(5)  # above the synapses, below their weight labels (6) and the cells (10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.positions = np.zeros((0, 2))
        self.radii = np.zeros(0)
        self.signs = np.zeros(0)
        self.halos = np.zeros((0, 4))
        self.halo_signs = np.zeros(0)
        self._bounds = QRectF()

    def set_pulses(self, positions: np.ndarray, radii: np.ndarray, signs: np.ndarray, bounds: QRectF,
                   halos: np.ndarray | None = None, halo_signs: np.ndarray | None = None) -> None:
        bounds = QRectF(bounds).adjusted(-HALO_GROWTH - 1, -HALO_GROWTH - 1, HALO_GROWTH + 1, HALO_GROWTH + 1)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        had = len(self.positions) > 0
        self.positions, self.radii, self.signs = positions, radii, signs
        self.halos = np.zeros((0, 4)) if halos is None else halos
        self.halo_signs = np.zeros(0) if halo_signs is None else halo_signs
        if had or len(positions):
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not len(self.positions):
            return
        painter.setClipRect(styles.exposed_rect(painter, option, self._bounds))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = _SignColours(painter)
        scene = self.scene()
        if scene is not None and scene.synapse_layer.label_layer.drawn_by(painter):
            grow = HALO_GROWTH
            for (left, top, right, bottom), s in zip(self.halos.tolist(), self.halo_signs.tolist()):
                colours.use(s)
                box = QRectF(left, top, right - left, bottom - top).adjusted(-grow, -grow, grow, grow)
                painter.drawRoundedRect(box, 4 + grow, 4 + grow)
        for (x, y), r, s in zip(self.positions.tolist(), self.radii.tolist(), self.signs.tolist()):
            colours.use(s)
            painter.drawEllipse(QPointF(x, y), r, r)


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
    `stop_following`."""

    def __init__(self, scene: DisplayScene, playback: Playback):
        super().__init__(scene)
        self.scene = scene
        self.playback = playback
        self.pulse_layer = PulseLayer()
        scene.addItem(self.pulse_layer)
        scene.synapse_layer.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        scene.synapse_layer.label_layer.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # Pulses sit on the curves: new curves (a look switched or a cell moved, even while paused)
        # carry them along; blocks that have just appeared are given their numbers.
        self._links = connect_all([(playback.advanced, self.show_state),
                                   (scene.synapses_laid_out, self._laid_out)], owner=self)

    def stop_following(self) -> None:
        """Keep the state shown now; the playback's later frames no longer reach the scene."""
        self._links.disconnect()

    def show_state(self) -> None:
        scene, playback = self.scene, self.playback
        levels = playback.neuron_levels()
        spiking = scene.network.model == "spiking"
        engine = playback.engine
        computed = engine.computed_ids() if engine is not None else set()  # their a = … is real
        for nid, item in scene.neuron_items.items():
            level, fired, refractory = levels.get(nid, (0.0, False, False))
            text = ""
            if nid in computed and item.neuron.kind == "neuron":
                text = "a = " + styles.format_number(engine.output_of(nid))
            item.set_state(level, fired, refractory, spiking, text)
        if scene.drawn_look == "blocks":
            self._show_block_numbers(engine, computed)
        scene.synapse_layer.show_live_weights(playback.learned_weights())
        self._show_pulses()

    def _laid_out(self) -> None:
        if self.scene.drawn_look == "blocks":
            engine = self.playback.engine
            self._show_block_numbers(engine, engine.computed_ids() if engine is not None else set())
        self._show_pulses()

    def _show_block_numbers(self, engine, computed: set[str]) -> None:
        """Each computing neuron's blocks show its computation, the computation panel's numbers."""
        network = self.scene.network
        rate = engine is not None and engine.kind == "rate"
        for nid, item in self.scene.neuron_items.items():
            if item.neuron.kind != "neuron":
                continue
            shown = rate and nid in computed and nid in engine.index
            item.set_breakdown(rate_breakdown(network, engine, nid) if shown else None)

    def _show_pulses(self) -> None:
        layer = self.scene.synapse_layer
        layer.ensure_layout()
        keys, progress, strength = self.playback.pulses()
        index = [layer._index.get(tuple(k)) for k in keys]
        keep = [i for i, j in enumerate(index) if j is not None]
        in_blocks = layer.layout_ is not None and layer.layout_.row is not None  # laid out in blocks
        self.pulse_layer.setZValue(11 if in_blocks else 5)  # blocks: through the neurons' blocks, over them
        if not keep or layer.layout_ is None:
            if in_blocks:
                self._light_blocks({})
            self.pulse_layer.set_pulses(np.zeros((0, 2)), np.zeros(0), np.zeros(0), layer.boundingRect())
            return
        rows = np.array([index[i] for i in keep], dtype=np.intp)
        control = layer.layout_.control[rows]
        if in_blocks:
            positions, strength, bounds = self._through_blocks(rows, np.asarray(progress)[keep],
                                                               np.asarray(strength)[keep])
            self.pulse_layer.set_pulses(positions, _radii(np.abs(strength), False), np.sign(strength), bounds)
            return
        positions = geometry.point_on_curves(control, np.asarray(progress)[keep])
        magnitude = np.abs(np.asarray(strength)[keep])
        radii = _radii(magnitude, self.scene.network.model == "spiking")
        signs = np.sign(np.asarray(strength)[keep])
        halos, halo_signs = np.zeros((0, 4)), np.zeros(0)
        boxes = layer.label_boxes()  # none while the weights are hidden
        if len(boxes):
            own = boxes[rows]  # each pulse's own synapse's label
            x, y = positions[:, 0], positions[:, 1]
            under = ((x + radii > own[:, 0]) & (x - radii < own[:, 2])
                     & (y + radii > own[:, 1]) & (y - radii < own[:, 3]))
            halos, halo_signs = own[under], signs[under]
        self.pulse_layer.set_pulses(positions, radii, signs, layer.boundingRect(), halos, halo_signs)

    def _through_blocks(self, rows: np.ndarray, progress: np.ndarray,
                        strength: np.ndarray) -> tuple[np.ndarray, np.ndarray, QRectF]:
        """The blocks look: each pulse on its way through the blocks (model/blocks.py), carrying
        x to its weight block, w·x from there to the sum, and then one pulse per neuron: its net
        input Σ − θ through f and its output a on to the output block. The blocks a pulse is in
        are lit. Returns the positions, the strengths and the bounds to draw in."""
        scene, layer = self.scene, self.scene.synapse_layer
        layout = layer.layout_
        targets = [layer.keys[r][1] for r in rows.tolist()]
        items = [scene.neuron_items[t] for t in targets]
        where = np.array([(item.x(), item.y()) for item in items], dtype=float).reshape(-1, 2)
        positions, stage = blocks.pulse_points(layout.control[rows], layout.row[rows], layout.rows[rows], where,
                                               progress)
        weights = layer.weights[rows]
        carried = np.where(stage == 0, strength / np.where(weights == 0, 1.0, weights), strength)
        keep = np.ones(len(rows), dtype=bool)
        lit: dict[str, Lit] = {}
        for p, (target, item) in enumerate(zip(targets, items)):
            number = int(stage[p])
            if number >= 3:  # merged in the sum block: one pulse goes on
                if target in lit:
                    keep[p] = False
                    continue
                b = item.breakdown
                carried[p] = 1.0 if b is None else (b.net if number == 3 else b.output)
            if number >= 1:
                before = lit.get(target, NOTHING_LIT)
                lit[target] = Lit(number, before.rows | {int(layout.row[rows[p]])} if number == 1 else frozenset())
        self._light_blocks(lit)
        bounds = layer.boundingRect()
        for item in items:
            bounds = bounds.united(item.sceneBoundingRect())
        return positions[keep], carried[keep], bounds

    def _light_blocks(self, lit: dict[str, Lit]) -> None:
        for nid, item in self.scene.neuron_items.items():
            item.set_lit(lit.get(nid, NOTHING_LIT))


def _radii(magnitude: np.ndarray, spiking: bool) -> np.ndarray:
    """A pulse's size grows with its strength, within bounds."""
    radii = 4.0 + 1.5 * np.log1p(magnitude) if spiking else 3.0 + 4.0 * np.minimum(magnitude, 2.0)
    return np.minimum(radii, 11.0)
