"""How a figure meets its paint devices: the DPI its text is laid out at, font names a browser
knows, item caches off, and where the ink of a drawing ends."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

if TYPE_CHECKING:
    from .figure import FigureScene

SCAN_SCALE = 0.5  # resolution of the pass that finds where the drawing ends


def layout_dpi() -> float:
    """The DPI that text sizes were measured at (QFontMetricsF without a device: the screen's)."""
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchY() if screen is not None else 96.0


def set_dpi(image: QImage, dpi: float) -> None:
    dots_per_meter = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)


def with_font_fallbacks(svg: bytes) -> bytes:
    """Name real fonts after Qt's family names in an SVG.

    Qt writes the family it was given ("Sans Serif" is a fontconfig alias that browsers do not
    know, and fall back to a serif font for): add the family it resolved to, one with Hangul,
    and the generic sans-serif.
    """
    text = svg.decode("utf-8")
    families = set(re.findall(r'font-family="([^"]*)"', text))
    for family in families:
        names = [family, QFontInfo(QFont(family)).family(), *hangul_families()[:1], "sans-serif"]
        chain = ", ".join(dict.fromkeys(n for n in names if n))
        text = text.replace(f'font-family="{family}"', f'font-family="{chain}"')
    return text.encode("utf-8")


def hangul_families() -> list[str]:
    return QFontDatabase.families(QFontDatabase.WritingSystem.Korean)


def disable_caches(scene) -> None:
    """Paint every item directly: caches would put bitmaps in SVG/PDF and blur large PNGs."""
    for item in scene.items():
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)


def content_rect(scene: FigureScene, loose: QRectF) -> QRectF:
    """The tight rectangle of what is drawn inside `loose` (items' bounds include generous padding).

    A small transparent render of `loose`; the rows and columns holding any ink bound the drawing.
    """
    if loose.isEmpty():
        return QRectF(loose)
    width = max(1, int(np.ceil(loose.width() * SCAN_SCALE)))
    height = max(1, int(np.ceil(loose.height() * SCAN_SCALE)))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    set_dpi(image, layout_dpi())
    background, scene.background = scene.background, None
    disable_caches(scene)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(painter, QRectF(0, 0, width, height), loose)
    finally:
        painter.end()
        scene.background = background
    alpha = alpha_channel(image)
    rows = np.flatnonzero(alpha.any(axis=1))
    cols = np.flatnonzero(alpha.any(axis=0))
    if not rows.size:
        return QRectF(loose)
    step = 1.0 / SCAN_SCALE
    sx = loose.width() / width
    sy = loose.height() / height
    left = loose.left() + cols[0] * sx - step
    top = loose.top() + rows[0] * sy - step
    right = loose.left() + (cols[-1] + 1) * sx + step
    bottom = loose.top() + (rows[-1] + 1) * sy + step
    return QRectF(left, top, right - left, bottom - top).intersected(loose)


def alpha_channel(image: QImage) -> np.ndarray:
    """(height, width) uint8 alpha of an ARGB32 image."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4]
    # BGRA in memory (little endian); copied, as the image's memory goes with the image
    return rows.reshape(image.height(), image.width(), 4)[:, :, 3].copy()
