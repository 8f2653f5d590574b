"""Every colour, pen, size and font of the canvas, in one place.

Excitatory and inhibitory synapses use the Okabe–Ito vermillion/blue pair (safe for colour-blind
readers) and differ by shape too (round bouton or arrow vs flat bar), so greyscale prints work.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from neuron_sim.model import geometry
from neuron_sim.ui.palette import PALETTE

LABEL_FONT_SIZE = 11  # points at 100% zoom
SMALL_FONT_SIZE = 9
WEIGHT_FONT_SIZE = 9
LABELS_HIDDEN_BELOW_ZOOM = 0.45  # text is unreadable below this scale, so it is not drawn
OVERVIEW_ZOOM = 0.45  # below this scale cells and synapses are drawn without details (and, as
# the switch to the cell sheet also stops the weight labels' layer, never above LABELS_HIDDEN_BELOW_ZOOM)
GRID_SIZE = 20.0


def label_font() -> QFont:
    font = QFont()
    font.setPointSizeF(LABEL_FONT_SIZE)
    font.setBold(True)
    return font


def small_font() -> QFont:
    font = QFont()
    font.setPointSizeF(SMALL_FONT_SIZE)
    return font


def weight_font() -> QFont:
    font = QFont()
    font.setPointSizeF(WEIGHT_FONT_SIZE)
    font.setBold(True)
    return font


def sign_color(weight: float) -> QColor:
    if weight > 0:
        return PALETTE.excitatory
    if weight < 0:
        return PALETTE.inhibitory
    return PALETTE.silent


def synapse_width(weight: float) -> float:
    """Line width grows with |w| but stays readable (log scale, capped)."""
    return round(1.0 + 1.8 * math.log1p(min(abs(weight), 20.0)), 1)


SPIKING_WEIGHT_SCALE = 0.1  # a 10 mV synapse is drawn like a rate synapse of weight 1


def width_buckets(weights: np.ndarray) -> np.ndarray:
    """`synapse_width` for many weights, rounded to halves so that synapses share few pens."""
    widths = 1.0 + 1.8 * np.log1p(np.minimum(np.abs(weights), 20.0))
    return np.round(widths * 2) / 2


def activity_color(activity: float, rest: QColor, active: QColor) -> QColor:
    a = min(max(activity, 0.0), 1.0)
    return QColor.fromRgbF(rest.redF() + (active.redF() - rest.redF()) * a,
                           rest.greenF() + (active.greenF() - rest.greenF()) * a,
                           rest.blueF() + (active.blueF() - rest.blueF()) * a)


def pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    p = QPen(color, width, style)
    p.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setCosmetic(False)
    return p


def exposed_rect(painter: QPainter, option: QStyleOptionGraphicsItem, bounds: QRectF) -> QRectF:
    """The part of an item (in its coordinates) that this paint can touch: the exposed rectangle,
    cut to the paint device. QGraphicsScene.render exposes an item's whole bounds however small
    the image is, so a band of a large figure would otherwise stroke every curve of the network."""
    exposed = option.exposedRect if not option.exposedRect.isEmpty() else QRectF(bounds)
    device = painter.device()
    inverse, invertible = painter.worldTransform().inverted()
    if device is not None and invertible:
        exposed = exposed.intersected(inverse.mapRect(QRectF(0, 0, device.width(), device.height())))
    return exposed


def format_number(value: float) -> str:
    """Short, readable numbers with a real minus sign: 1, 0.5, −2.25, 1.2e+03."""
    if value != value:  # NaN
        return "—"
    if abs(value) >= 1000 or (0 < abs(value) < 0.01):
        text = f"{value:.2g}"
    else:
        text = f"{value:.2f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace("-", "\u2212")


SOMA_RADIUS = geometry.SOMA_RADIUS
SENSOR_HALF = geometry.SENSOR_HALF
SCHEMATIC_RADIUS = geometry.SCHEMATIC_RADIUS


def duration_parts(ms: float) -> tuple[str, str]:
    """A time for people: (number, "ms") below a second with a tenth of a millisecond at most
    (0.5, 12.3), else (number, "s") with two decimals at most (2.4, 61.25): never 2.4e+03 ms."""
    if abs(ms) < 1000.0:
        number, unit = f"{ms:.1f}", "ms"
    else:
        number, unit = f"{ms / 1000.0:.2f}", "s"
    number = number.rstrip("0").rstrip(".") if "." in number else number
    return ("0" if number in ("-0", "") else number).replace("-", "\u2212"), unit
