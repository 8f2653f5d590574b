"""The backward pass made visible: error signals δ travel back along the synapses, then the weights
ease to their new values.

One item draws every backward pulse from arrays, as the forward pulses do (animation.py), but as
diamonds in their own colours (reddish purple for δ > 0, bluish green for δ < 0), so that they
never read as forward signals; a pulse's size grows with |δ| of the neuron it leaves. The deepest
layer sends first: δ of the outputs travels to the last hidden layer, whose δ then travels on.
Each neuron shows its δ beside it once it sends. Nothing here writes to the model.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neuron_sim.model import CycleError, geometry
from neuron_sim.model.entities import SynapseKey

from neuron_sim.ui import styles
from neuron_sim.ui.canvas.scene import DisplayScene

ERROR_POSITIVE = QColor("#CC79A7")  # δ > 0: the loss grows with this neuron's net input
ERROR_NEGATIVE = QColor("#009E73")  # δ < 0
ERROR_OUTLINE = QColor("#3A1F33")
LARGEST_RADIUS = 11.0
SMALLEST_RADIUS = 2.5  # a tiny but nonzero δ stays visible
FRAME_MS = 33
STAGE_SECONDS = 0.9  # one layer's error signals travel back
EASE_SECONDS = 0.8  # the weights go from old to new


class BackwardPulseLayer(QGraphicsItem):
    """Every backward pulse: `keys` (the synapse each travels on), `positions` (P, 2), `radii`, `signs`;
    and `notes`, the δ shown beside each neuron that has sent its error (x, y, text, sign)."""

    def __init__(self):
        super().__init__()
        self.setZValue(5.5)  # above the synapses and forward pulses, below the weight labels and cells
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.keys: list[SynapseKey] = []
        self.positions = np.zeros((0, 2))
        self.radii = np.zeros(0)
        self.signs = np.zeros(0)
        self.notes: list[tuple[float, float, str, float]] = []
        self._bounds = QRectF()

    def set_pulses(self, keys: list[SynapseKey], positions: np.ndarray, radii: np.ndarray, signs: np.ndarray,
                   notes: list[tuple[float, float, str, float]], bounds: QRectF) -> None:
        if len(positions) or notes:
            bounds = QRectF(bounds).adjusted(-80, -40, 80, 40)  # the δ notes sit beside the cells
        else:
            bounds = QRectF()  # nothing to draw: no part of the scene (nor of its extent)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.keys, self.positions, self.radii, self.signs, self.notes = keys, positions, radii, signs, notes
        self.update()

    def clear(self) -> None:
        self.set_pulses([], np.zeros((0, 2)), np.zeros(0), np.zeros(0), [], QRectF())

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not len(self.positions) and not self.notes:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        brushes = {1: QBrush(ERROR_POSITIVE), -1: QBrush(ERROR_NEGATIVE)}
        painter.setPen(QPen(ERROR_OUTLINE, 1.2))
        for (x, y), r, s in zip(self.positions.tolist(), self.radii.tolist(), self.signs.tolist()):
            painter.setBrush(brushes[1 if s >= 0 else -1])
            painter.drawPolygon(QPolygonF([QPointF(x, y - r * 1.25), QPointF(x + r, y), QPointF(x, y + r * 1.25),
                                           QPointF(x - r, y)]))
        if self.notes:
            font = QFont(styles.weight_font())
            font.setBold(True)
            painter.setFont(font)
            for x, y, text, s in self.notes:
                box = painter.fontMetrics().boundingRect(text).adjusted(-4, -2, 4, 2)
                box.moveCenter(QPointF(x, y).toPoint())
                painter.setPen(QPen(ERROR_POSITIVE if s >= 0 else ERROR_NEGATIVE, 1.5))
                painter.setBrush(QBrush(QColor(255, 255, 255, 230)))
                painter.drawRoundedRect(box, 4, 4)
                painter.setPen(QPen(ERROR_OUTLINE))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


class BackwardPass(QObject):
    """Animates one backward pass on `scene`, then eases the weights: `start(deltas, weights_before)`,
    then, once the new weights are in the network, `ease_weights()`. `advance(seconds)` moves it on
    (a QTimer calls it while it runs)."""

    errors_arrived = Signal()  # every δ has travelled back: time to write the new weights
    finished = Signal()  # the weights have eased to their new values

    def __init__(self, scene: DisplayScene):
        super().__init__(scene)
        self.scene = scene
        self.layer = BackwardPulseLayer()
        scene.addItem(self.layer)
        self.phase = "idle"  # "backward", "ease" or "idle"
        self.elapsed = 0.0
        self.speed = 1.0
        self._stages: list[list[str]] = []  # computing neurons by layer, the deepest first
        self._deltas: dict[str, float] = {}
        self._before: dict[SynapseKey, float] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(lambda: self.advance(FRAME_MS / 1000.0))

    @property
    def running(self) -> bool:
        return self.phase != "idle"

    def start(self, deltas: dict[str, float], weights_before: dict[SynapseKey, float]) -> None:
        """δ per computing neuron of one example; the weights the forward pass used."""
        self.stop()
        try:
            layers = self.scene.network.layers()
        except CycleError:
            layers = []
        self._stages = [[nid for nid in layer if nid in deltas] for layer in reversed(layers[1:])]
        self._stages = [stage for stage in self._stages if stage]
        self._deltas = dict(deltas)
        self._before = dict(weights_before)
        self.phase, self.elapsed = "backward", 0.0
        self._timer.start()
        self._draw()

    def ease_weights(self) -> None:
        """The network holds the new weights: draw them easing in from the old ones."""
        self.layer.clear()
        self.scene.flush()
        self.phase, self.elapsed = "ease", 0.0
        if not self._timer.isActive():
            self._timer.start()
        self._draw()

    def stop(self) -> None:
        """Stop where it is; the network's own weights are drawn again."""
        was_easing = self.phase == "ease"
        self._timer.stop()
        self.phase = "idle"
        self.layer.clear()
        if was_easing:
            self.scene.synapse_layer.show_live_weights({})

    def advance(self, seconds: float) -> None:
        if self.phase == "idle":
            return
        self.elapsed += seconds * self.speed
        if self.phase == "backward" and self.elapsed >= STAGE_SECONDS * len(self._stages):
            self.phase = "waiting"  # the owner writes the weights, then calls ease_weights
            self._timer.stop()
            self._draw()
            self.errors_arrived.emit()
            return
        if self.phase == "ease" and self.elapsed >= EASE_SECONDS:
            self._timer.stop()
            self.phase = "idle"
            self.scene.synapse_layer.show_live_weights({})  # the network's own weights again
            self.finished.emit()
            return
        self._draw()

    # ---- drawing ------------------------------------------------------------------------------
    def _draw(self) -> None:
        if self.phase == "ease":
            self._draw_weights(min(self.elapsed / EASE_SECONDS, 1.0))
        elif self.phase in ("backward", "waiting"):
            self._draw_pulses()

    def _draw_pulses(self) -> None:
        synapses = self.scene.synapse_layer
        synapses.ensure_layout()
        stage = min(int(self.elapsed // STAGE_SECONDS), len(self._stages))
        progress = (self.elapsed - stage * STAGE_SECONDS) / STAGE_SECONDS if self.phase == "backward" else 0.0
        notes = [self._note(nid) for sent in self._stages[:stage + 1] for nid in sent]
        if stage >= len(self._stages) or synapses.layout_ is None:
            self.layer.set_pulses([], np.zeros((0, 2)), np.zeros(0), np.zeros(0),
                                  [n for n in notes if n is not None], synapses.boundingRect())
            return
        sending = set(self._stages[stage])
        index = {key: i for i, key in enumerate(synapses.keys)}
        keys = [key for key in synapses.keys if key[1] in sending and self._deltas.get(key[1], 0.0) != 0.0]
        rows = np.array([index[key] for key in keys], dtype=np.intp)
        deltas = np.array([self._deltas[key[1]] for key in keys], dtype=float)
        largest = max((abs(d) for d in self._deltas.values()), default=0.0)
        if len(keys) and largest > 0.0:
            radii = np.maximum(LARGEST_RADIUS * np.abs(deltas) / largest, SMALLEST_RADIUS)
            # From the receiving end back towards the sender: along the curve from 1 to 0.
            positions = geometry.point_on_curves(synapses.layout_.control[rows], np.full(len(keys), 1.0 - progress))
        else:
            keys, radii, positions = [], np.zeros(0), np.zeros((0, 2))
        self.layer.set_pulses(keys, positions, radii, np.sign(deltas[:len(keys)]),
                              [n for n in notes if n is not None], synapses.boundingRect())

    def _note(self, nid: str) -> tuple[float, float, str, float] | None:
        item = self.scene.neuron_items.get(nid)
        if item is None:
            return None
        box = item.sceneBoundingRect()
        delta = self._deltas[nid]
        return (box.center().x(), box.top() - 12.0, "δ = " + f"{delta:.3g}".replace("-", "−"), delta)

    def _draw_weights(self, t: float) -> None:
        synapses = self.scene.synapse_layer
        network = self.scene.network
        eased = t * t * (3.0 - 2.0 * t)  # smoothstep: starts and ends gently
        shown = {}
        for key, old in self._before.items():
            synapse = network.synapses.get(key)
            if synapse is not None:
                shown[key] = old + (synapse.weight - old) * eased
        synapses.show_live_weights(shown)
