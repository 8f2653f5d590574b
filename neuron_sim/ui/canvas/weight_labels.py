"""The synapses' weight labels, in an item of their own above the travelling pulses.

A pulse passes the middle of its axon, where the label usually sits: drawn with the synapses
(z 0) under the pulses (z 5), the number would hide for a moment on every tick. So the labels
sit between the pulses and the cells (z 10): a pulse slides under the number, and the pulse
layer lights a halo around the label's box meanwhile (animation.PulseLayer). The item holds
no data of its own: the synapse layer places the labels (`SynapseLayer.labels()`, also used for
hit tests) and tells this item when they change. While playing it is a cached pixmap like the
synapse layer, so a moving pulse costs a blit of it, never a redraw of the text.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neuron_sim.ui import styles
from neuron_sim.ui.canvas.host import DrawingHost
from neuron_sim.ui.styles import PALETTE

WEIGHT_LABEL_Z = 6  # over the pulses (5), under the cells (10) and the callouts (50)


class LabelledLayer(Protocol):
    """The synapse layer, as its labels see it: where the labels go and what they say."""

    weights: np.ndarray  # one per synapse, in the order of labels()

    def boundingRect(self) -> QRectF: ...  # noqa: N802 (Qt's name)

    def network_scene(self) -> DrawingHost: ...

    def labels(self) -> Any: ...

    def label_boxes(self) -> Any: ...


class WeightLabelLayer(QGraphicsItem):
    def __init__(self, synapses: LabelledLayer):
        super().__init__()
        self.synapses = synapses
        self.setZValue(WEIGHT_LABEL_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # synapse_at finds labels for the tools
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._bounds = QRectF()

    def sync(self) -> None:
        """The synapse layer was rebuilt: take its bounds (the labels are clipped to them) and
        repaint."""
        bounds = self.synapses.boundingRect()
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(bounds)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._bounds

    def drawn_by(self, painter: QPainter) -> bool:
        """Whether the labels show with this painter: weights on, and readable at its zoom (always
        in a figure)."""
        scene = self.synapses.network_scene()
        if scene is None or not scene.show_weights:
            return False
        return painter.worldTransform().m11() >= styles.LABELS_HIDDEN_BELOW_ZOOM or not scene.detail_follows_zoom

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.drawn_by(painter):
            return
        exposed = styles.exposed_rect(painter, option, self._bounds)
        painter.setClipRect(exposed)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_labels(painter, exposed)

    def _paint_labels(self, painter: QPainter, exposed: QRectF) -> None:
        """The weight labels that cross `exposed` (a label may lie beyond its curve's box)."""
        labels = self.synapses.labels()
        if not labels:
            return
        weights = self.synapses.weights
        painter.setFont(styles.weight_font())
        boxes = self.synapses.label_boxes()
        reach = 1.0  # the box's outline is drawn half outside it
        crossing = np.flatnonzero((boxes[:, 0] - reach <= exposed.right()) & (boxes[:, 2] + reach >= exposed.left())
                                  & (boxes[:, 1] - reach <= exposed.bottom()) & (boxes[:, 3] + reach >= exposed.top()))
        painter.setBrush(QBrush(PALETTE.label_box))
        for i in crossing.tolist():
            left, top, right, bottom = boxes[i].tolist()
            rect = QRectF(left, top, right - left, bottom - top)
            painter.setPen(QPen(styles.sign_color(weights[i]), 1.0))
            painter.drawRoundedRect(rect, 4, 4)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, labels[i][2])
