"""How a figure meets its paint devices: the DPI its text is laid out at, font names a browser
knows, item caches off, and where the ink of a drawing ends."""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication, QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene


SCAN_SCALE = 0.5  # resolution of the pass that finds where the drawing ends
MAX_SCAN_PIXELS = 50_000_000  # 200 MB at most for the scan's strips (a figure of 14,000 units square)
SCAN_STRIP = 32  # its first strip along each edge, in its pixels (the padding is usually less)


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


def render_region(scene, painter: QPainter, transform: QTransform, clip: QRectF | None = None) -> None:
    """Paint `scene` with `painter` under `transform` (scene units to the device's units).

    Only the items that cross the device are painted: the scene renders the device's own scene
    rectangle onto itself, a transform of exactly 1, so a part of a drawing (a band, a strip) gets
    the same transform, and the same pixels, as the whole. `clip`, in scene units, limits the ink.
    """
    device = painter.device()
    inverse, _ = transform.inverted()
    region = inverse.mapRect(QRectF(0, 0, device.width(), device.height())).adjusted(-1, -1, 1, 1)
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setWorldTransform(transform)
        if clip is not None:
            painter.setClipRect(clip)
        scene.render(painter, region, region, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        painter.restore()


def content_rect(scene: QGraphicsScene, loose: QRectF) -> QRectF:
    """The tight rectangle of what is drawn inside `loose` (items' bounds include generous padding).

    A small transparent render of `loose`, scanned strip by strip from each edge inwards: the
    first rows and columns holding any ink bound the drawing, and the middle is never drawn. The
    scene's `background` (a figure scene's backdrop, or None) is left out of the scan.
    """
    if loose.isEmpty():
        return QRectF(loose)
    width = max(1, int(np.ceil(loose.width() * SCAN_SCALE)))
    height = max(1, int(np.ceil(loose.height() * SCAN_SCALE)))
    if width * height > MAX_SCAN_PIXELS:  # neurons far apart: the padded bounds, not a scan of gigabytes
        return QRectF(loose)
    kx, ky = width / loose.width(), height / loose.height()

    def alpha(x: int, y: int, w: int, h: int) -> np.ndarray:
        """The alpha of the scan's pixels x..x+w, y..y+h."""
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        set_dpi(image, layout_dpi())
        painter = QPainter(image)
        try:
            render_region(scene, painter, QTransform(kx, 0, 0, ky, -kx * loose.left() - x, -ky * loose.top() - y))
        finally:
            painter.end()
        return alpha_channel(image)

    background, scene.background = scene.background, None
    disable_caches(scene)
    try:
        top = first_ink(lambda a, b: alpha(0, a, width, b - a).any(axis=1), height)
        if top is None:
            return QRectF(loose)
        bottom = height - 1 - first_ink(lambda a, b: alpha(0, height - b, width, b - a).any(axis=1)[::-1], height)
        rows = bottom - top + 1
        left = first_ink(lambda a, b: alpha(a, top, b - a, rows).any(axis=0), width)
        right = width - 1 - first_ink(lambda a, b: alpha(width - b, top, b - a, rows).any(axis=0)[::-1], width)
    finally:
        scene.background = background
    step = 1.0 / SCAN_SCALE
    x0 = loose.left() + left / kx - step
    y0 = loose.top() + top / ky - step
    x1 = loose.left() + (right + 1) / kx + step
    y1 = loose.top() + (bottom + 1) / ky + step
    return QRectF(x0, y0, x1 - x0, y1 - y0).intersected(loose)


def first_ink(has_ink, length: int) -> int | None:
    """The first of `length` lines with ink, asking `has_ink(a, b)` (a bool per line a..b) about
    strips that double in size from line 0 on; None if there is no ink at all."""
    start, step = 0, SCAN_STRIP
    while start < length:
        end = min(length, start + step)
        hits = np.flatnonzero(has_ink(start, end))
        if hits.size:
            return start + int(hits[0])
        start, step = end, step * 2
    return None


def alpha_channel(image: QImage) -> np.ndarray:
    """(height, width) uint8 alpha of an ARGB32 image."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4]
    # BGRA in memory (little endian); copied, as the image's memory goes with the image
    return rows.reshape(image.height(), image.width(), 4)[:, :, 3].copy()
