"""How the biological and schematic looks draw one neuron's body: a cell (soma, hillock, axon stub,
or the spiking soma filling like a vessel), a sensor, a generator with the glyph of what it sends.
The item (neuron_item.py) gives its state; these only paint."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from neuron_sim.model import geometry
from neuron_sim.model.entities import Neuron

from neuron_sim.ui import styles
from neuron_sim.ui.styles import PALETTE

R = styles.SOMA_RADIUS
S = styles.SENSOR_HALF
SR = styles.SCHEMATIC_RADIUS
OVERVIEW_PEN, OVERVIEW_SELECTED_PEN = 2.0, 6.0  # a far-out cell's membrane ring, and its selection ring


def overview_fill(n: Neuron, activity: float) -> QColor:
    """A far-out cell's fill: its activity, an input's value, or a generator's own colour."""
    if n.kind == "input":
        return styles.activity_color(min(abs(n.value), 1.0), PALETTE.sensor_rest, PALETTE.sensor_on)
    if n.kind == "generator":
        return PALETTE.generator_fill
    return styles.activity_color(activity, PALETTE.soma_rest, PALETTE.soma_active)


def paint_overview(painter: QPainter, body: QRectF, fill: QColor, selected: bool, rounded: bool) -> None:
    """Zoomed far out: just the body, filled, and a membrane or selection ring (details are
    invisible anyway); the cells' own drawing and the cell sheet's pictures both come from here."""
    painter.setPen(QPen(PALETTE.selection if selected else PALETTE.membrane,
                        OVERVIEW_SELECTED_PEN if selected else OVERVIEW_PEN))
    painter.setBrush(QBrush(fill))
    if rounded:
        painter.drawRoundedRect(body, 7, 7)
    else:
        painter.drawEllipse(body)


def paint_cell(painter: QPainter, body: QRectF, has_inputs: bool, spiking: bool, activity: float, fired: bool,
               refractory: bool) -> None:
    """The biological look's cell: hillock and axon stub, and a soma lit by its activity (rate) or
    filled with its membrane potential (spiking, paint_vessel)."""
    membrane = QPen(PALETTE.membrane, 2.0)
    if not has_inputs:  # a few short dendrites so an unconnected cell still reads as a cell
        painter.setPen(styles.pen(PALETTE.dendrite, 3.0))
        for dx, dy in ((-0.87, -0.5), (-1.0, 0.0), (-0.87, 0.5)):
            painter.drawLine(QPointF(dx * R, dy * R), QPointF(dx * (R + 13), dy * (R + 13)))
    hillock = QPolygonF([QPointF(R * 0.8, -8), QPointF(R + 7, -2.2), QPointF(R + 7, 2.2), QPointF(R * 0.8, 8)])
    painter.setPen(membrane)
    painter.setBrush(QBrush(PALETTE.soma_rest))
    painter.drawPolygon(hillock)
    painter.setPen(styles.pen(PALETTE.membrane, 3.2))
    painter.drawLine(QPointF(R + 6, 0), QPointF(R + geometry.AXON_STUB, 0))
    if spiking:
        paint_vessel(painter, body, activity, fired, refractory)
    else:
        painter.setPen(membrane)
        painter.setBrush(QBrush(styles.activity_color(activity, PALETTE.soma_rest, PALETTE.soma_active)))
        painter.drawEllipse(body)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(PALETTE.nucleus))
        painter.drawEllipse(QPointF(-4, -3), 7.5, 6.5)


def paint_vessel(painter: QPainter, body: QRectF, activity: float, fired: bool, refractory: bool) -> None:
    """Spiking soma: the membrane potential fills it like water up to the threshold line."""
    soma = QPainterPath()
    soma.addEllipse(body)
    fill = PALETTE.soma_active if fired else PALETTE.refractory if refractory else PALETTE.soma_rest
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(fill))
    painter.drawPath(soma)
    top = body.top() + body.height() * 0.12  # the threshold: where the vessel overflows
    if not fired:
        level = min(max(activity, 0.0), 1.0)
        surface = body.bottom() - (body.bottom() - top) * level
        painter.save()
        painter.setClipPath(soma)
        painter.fillRect(QRectF(body.left(), surface, body.width(), body.bottom() - surface),
                         QBrush(PALETTE.charge))
        painter.restore()
    painter.setPen(QPen(PALETTE.threshold_line, 1.6, Qt.PenStyle.DashLine))
    half = (body.width() / 2) * 0.78
    painter.drawLine(QPointF(-half, top + 2), QPointF(half, top + 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(PALETTE.soma_active if fired else PALETTE.membrane, 3.5 if fired else 2.0))
    painter.drawPath(soma)


def paint_sensor(painter: QPainter, n: Neuron, body: QRectF) -> None:
    """The biological look's input: a sensor showing its value."""
    painter.setPen(styles.pen(PALETTE.sensor_outline, 3.0))
    painter.drawLine(QPointF(S, 0), QPointF(S + geometry.AXON_STUB * 0.6, 0))
    for dy in (-10.0, 0.0, 10.0):  # sensory endings on the receiving side
        painter.drawLine(QPointF(-S, dy), QPointF(-S - 7, dy * 1.3))
    level = min(max(abs(n.value), 0.0), 1.0)
    painter.setPen(QPen(PALETTE.sensor_outline, 2.0))
    painter.setBrush(QBrush(styles.activity_color(level, PALETTE.sensor_rest, PALETTE.sensor_on)))
    painter.drawRoundedRect(body, 7, 7)
    font = styles.label_font()
    font.setPointSizeF(13)
    painter.setFont(font)
    painter.setPen(PALETTE.text)
    painter.drawText(body, Qt.AlignmentFlag.AlignCenter, styles.format_number(n.value))


def paint_generator(painter: QPainter, n: Neuron, body: QRectF, fired: bool) -> None:
    """The biological look's generator: a box with the glyph of what it sends."""
    painter.setPen(styles.pen(PALETTE.generator_outline, 3.0))
    painter.drawLine(QPointF(S, 0), QPointF(S + geometry.AXON_STUB * 0.6, 0))
    painter.setPen(QPen(PALETTE.generator_outline, 2.0))
    painter.setBrush(QBrush(PALETTE.soma_active if fired else PALETTE.generator_fill))
    painter.drawRoundedRect(body, 7, 7)
    painter.setPen(styles.pen(PALETTE.generator_outline, 2.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_generator_glyph(n, body.adjusted(7, 9, -7, -9)))


def paint_schematic(painter: QPainter, n: Neuron, body: QRectF, activity: float, spiking: bool, fired: bool) -> None:
    """The schematic look: a circle with Σ | f, an input's label, or a generator's glyph."""
    fill = PALETTE.sensor_rest if n.kind == "input" else PALETTE.generator_fill if n.kind == "generator" \
        else styles.activity_color(activity, PALETTE.background, PALETTE.soma_active)
    if n.kind == "input":
        fill = styles.activity_color(min(abs(n.value), 1.0) * 0.6, PALETTE.sensor_rest, PALETTE.sensor_on)
    if n.kind == "neuron" and spiking:
        fill = PALETTE.soma_active if fired else styles.activity_color(
            activity * 0.7, PALETTE.background, PALETTE.charge)
    elif n.kind == "generator" and fired:
        fill = PALETTE.soma_active
    painter.setPen(QPen(PALETTE.text, 1.8))
    painter.setBrush(QBrush(fill))
    painter.drawEllipse(body)
    font = styles.label_font()
    font.setPointSizeF(12)
    painter.setFont(font)
    if n.kind == "input":
        painter.drawText(body, Qt.AlignmentFlag.AlignCenter, n.label)
    elif n.kind == "generator":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(_generator_glyph(n, body.adjusted(10, 14, -10, -14)))
    else:
        painter.drawLine(QPointF(0, -SR), QPointF(0, SR))
        left = QRectF(-SR, -SR, SR, 2 * SR)
        right = QRectF(0, -SR, SR, 2 * SR)
        painter.drawText(left, Qt.AlignmentFlag.AlignCenter, "Σ")
        font.setItalic(True)
        painter.setFont(font)
        painter.drawText(right, Qt.AlignmentFlag.AlignCenter, "f")


def _generator_glyph(n: Neuron, rect: QRectF) -> QPainterPath:
    """What a generator sends: spikes, a constant current (⎓) or an alternating one (a sine)."""
    if n.pattern == "dc":
        path = QPainterPath()
        middle = rect.center().y()
        path.moveTo(QPointF(rect.left(), middle - 3))
        path.lineTo(QPointF(rect.right(), middle - 3))
        dash = rect.width() / 5
        for i in range(3):  # the dashed line under the solid one
            x = rect.left() + 2 * i * dash
            path.moveTo(QPointF(x, middle + 4))
            path.lineTo(QPointF(x + dash, middle + 4))
        return path
    if n.pattern == "ac":
        path = QPainterPath(QPointF(rect.left(), rect.center().y()))
        for i in range(1, 41):
            fraction = i / 40
            path.lineTo(QPointF(rect.left() + rect.width() * fraction,
                                rect.center().y() - rect.height() / 2 * math.sin(2 * math.pi * fraction)))
        return path
    return _spike_train_glyph(rect)


def _spike_train_glyph(rect: QRectF) -> QPainterPath:
    """A little train of spikes: the symbol of a generator."""
    path = QPainterPath(QPointF(rect.left(), rect.bottom()))
    for i, fraction in enumerate((0.22, 0.5, 0.78)):
        x = rect.left() + rect.width() * fraction
        path.lineTo(QPointF(x - 3, rect.bottom()))
        path.lineTo(QPointF(x, rect.top()))
        path.lineTo(QPointF(x + 3, rect.bottom()))
    path.lineTo(QPointF(rect.right(), rect.bottom()))
    return path
