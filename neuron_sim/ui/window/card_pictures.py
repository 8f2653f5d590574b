"""The start page's card pictures: each example and each lesson's first page drawn small by the canvas
itself (a throwaway scene), cached per file, its version, look and size, so that a page built again
has them at once. Drawn when the page asks (after its first paint), never at import: this module
imports the canvas only inside `draw_network`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap

from neuron_sim.ui.examples import Example, load_example
from neuron_sim.ui.palette import PALETTE

if TYPE_CHECKING:
    from neuron_sim.model import Network
    from neuron_sim.model.lessons import Lesson

THUMBNAIL_SIZE = QSize(264, 170)
_thumbnails: dict[tuple, QImage] = {}


def example_thumbnail(example: Example, size: QSize = THUMBNAIL_SIZE) -> QImage:
    """The example drawn by the canvas itself, small; cached per file, look, size and file version."""
    key = _thumbnail_key(example, size)
    image = _thumbnails.get(key)
    if image is None:
        image = _render(example, size)
        _thumbnails[key] = image
    return image


def drawn_thumbnail(example: Example, size: QSize = THUMBNAIL_SIZE) -> QImage | None:
    """The example's thumbnail if it has been drawn already, else None (nothing is drawn)."""
    return _thumbnails.get(_thumbnail_key(example, size))


def _thumbnail_key(example: Example, size: QSize) -> tuple:
    path = example.path
    return (str(path), path.stat().st_mtime_ns, example.look, size.width(), size.height(),
            tuple(sorted(example.labels.items())))


def _render(example: Example, size: QSize) -> QImage:
    return draw_network(load_example(example), example.look, size)


def lesson_thumbnail(lesson: Lesson, size: QSize = THUMBNAIL_SIZE) -> QImage:
    """The lesson's first page, drawn small; cached per file, its version and size."""
    key = _lesson_thumbnail_key(lesson.path, size)
    image = _thumbnails.get(key)
    if image is None:
        page = lesson.pages[0]
        image = _thumbnails[key] = draw_network(page.network(), page.look, size)
    return image


def drawn_lesson_thumbnail(path: Path | None, size: QSize = THUMBNAIL_SIZE) -> QImage | None:
    """The thumbnail of the lesson in the file at `path` if it has been drawn already, else None."""
    return _thumbnails.get(_lesson_thumbnail_key(path, size))


def _lesson_thumbnail_key(path: Path | None, size: QSize) -> tuple:
    return ("lesson", str(path), path.stat().st_mtime_ns if path else 0, size.width(), size.height())


def blank_picture() -> QPixmap:
    blank = QPixmap(THUMBNAIL_SIZE)
    blank.fill(PALETTE.background)
    return blank


def draw_network(network: Network, look: str, size: QSize) -> QImage:
    from neuron_sim.ui.canvas.scene import throwaway_scene

    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(PALETTE.background)
    # At thumbnail size the weights are noise; the shapes tell the story.
    with throwaway_scene(network, look, show_weights=False) as scene:
        source = scene.network_rect()
        margin = max(source.width(), source.height()) * 0.06
        source.adjust(-margin, -margin, margin, margin)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                               | QPainter.RenderHint.SmoothPixmapTransform)
        scale = min(size.width() / source.width(), size.height() / source.height())
        target = QRectF(0, 0, source.width() * scale, source.height() * scale)
        target.moveCenter(QRectF(image.rect()).center())  # centred: render() alone aligns to the top left
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
    return image
