"""Pulses stamped from cached pictures: every pulse of a frame in one QPainter call.

Drawing each pulse as an antialiased ellipse costs a Python call and a pen and brush switch per
pulse (10,000 pulses: 5.5–6× the stamped pictures, docs/performance.md). Here a pulse is a disc in
its sign's colours whose radius is rounded to RADIUS_STEP; the discs of every radius and both signs
are drawn once into one pixmap (an atlas) at the device's resolution, and a frame hands Qt one
array of fragments (where each pulse goes, which part of the atlas it shows) built with numpy,
through QPainter.drawPixmapFragments, which reads the array as it is in memory.
"""

from __future__ import annotations

import numpy as np
import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap

RADIUS_STEP = 0.25  # scene units; a pulse is drawn with its radius rounded to this
MAX_RADIUS = 11.0
OUTLINE = 2.0  # the pen around each disc, in scene units (as the ellipses were drawn)
MAX_ATLAS_SCALE = 4.0  # device pixels per scene unit; zoomed in further, few pulses are in view: ellipses
_FIELDS = 10  # a QPainter.PixmapFragment: x, y, sourceLeft, sourceTop, width, height, scaleX, scaleY, rotation, opacity


class PulseSprites:
    """The atlas for one device scale: a row of discs per sign, a column per rounded radius."""

    def __init__(self, scale: float, fills: tuple[QColor, QColor], outlines: tuple[QColor, QColor]):
        self.scale = scale
        steps = int(round(MAX_RADIUS / RADIUS_STEP))
        self.radii = np.arange(1, steps + 1) * RADIUS_STEP
        cell = int(np.ceil((2 * MAX_RADIUS + OUTLINE + 2) * scale))
        self.cell = cell
        self.pixmap = QPixmap(cell * steps, cell * 2)
        self.pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(self.pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        for row, (fill, outline) in enumerate(zip(fills, outlines)):
            painter.setPen(QPen(outline, OUTLINE))
            painter.setBrush(QBrush(fill))
            for column, radius in enumerate(self.radii.tolist()):
                centre = QPointF((column + 0.5) * cell / scale, (row + 0.5) * cell / scale)
                painter.drawEllipse(centre, radius, radius)
        painter.end()

    def fragments(self, positions: np.ndarray, radii: np.ndarray, negative: np.ndarray) -> np.ndarray:
        """(P, 10) float64: one QPainter.PixmapFragment per pulse, laid out as Qt reads them."""
        cell = self.cell
        out = np.empty((positions.shape[0], _FIELDS))
        out[:, 4:] = (cell, cell, 1.0 / self.scale, 1.0 / self.scale, 0.0, 1.0)  # size, scale, rotation, opacity
        out[:, 0:2] = positions
        # the column of the radius rounded to RADIUS_STEP (the first column is one step)
        column = out[:, 2]
        np.multiply(radii, 1.0 / RADIUS_STEP, out=column)
        np.rint(column, out=column)
        np.maximum(column, 1.0, out=column)
        np.minimum(column, float(self.radii.size), out=column)
        column -= 1.0
        column *= cell
        np.multiply(negative, cell, out=out[:, 3])
        return out


def stamp(painter: QPainter, fragments: np.ndarray, pixmap: QPixmap) -> None:
    """Draw every fragment of `fragments` ((P, 10), C-contiguous float64) from `pixmap` at once."""
    if not len(fragments):
        return
    fragments = np.ascontiguousarray(fragments, dtype=np.float64)
    first = shiboken6.wrapInstance(fragments.ctypes.data, QPainter.PixmapFragment)
    painter.drawPixmapFragments(first, fragments.shape[0], pixmap)


class SpriteCache:
    """The atlas for the scale a painter draws at, made again only when that scale changes."""

    def __init__(self, fills: tuple[QColor, QColor], outlines: tuple[QColor, QColor]):
        self._colours = (fills, outlines)
        self._sprites: PulseSprites | None = None

    def for_painter(self, painter: QPainter) -> PulseSprites | None:
        """None when the painter draws so large that ellipses look better than a scaled picture."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        transform = painter.worldTransform()
        scale = float(np.hypot(transform.m11(), transform.m12())) * ratio
        scale = float(f"{max(scale, 0.05):.2g}")  # a zoom step, not every wheel tick, draws them again
        if scale > MAX_ATLAS_SCALE:
            return None
        if self._sprites is None or self._sprites.scale != scale:
            self._sprites = PulseSprites(scale, *self._colours)
        return self._sprites

