"""The PNG writer and the band-by-band figure renderer, against zlib, Qt and Pillow as oracles."""

from __future__ import annotations

import io
import zlib

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from neuron_sim.model.generate import layered_network
from neuron_sim.ui import styles
from neuron_sim.ui.export import Figure, FigureOptions, painting, png

from .test_export_figure import pixels


@pytest.mark.parametrize("seed", range(5))
def test_adler32_of_joined_bands_is_zlibs_adler32_of_the_whole(seed):
    rng = np.random.default_rng(seed)
    data = rng.integers(0, 256, int(rng.integers(1, 300_000)), dtype=np.uint8).tobytes()
    cuts = sorted(set(rng.integers(0, len(data), 6).tolist()) | {0, len(data)})
    combined = 1
    for a, b in zip(cuts, cuts[1:]):
        combined = png.adler32_combine(combined, zlib.adler32(data[a:b]), b - a)
    assert combined == zlib.adler32(data)


def random_image(fmt: QImage.Format, seed: int = 0, size=(37, 11)) -> QImage:
    rng = np.random.default_rng(seed)
    image = QImage(size[0], size[1], fmt)
    image.fill(QColor(0, 0, 0, 0))
    for _ in range(60):
        x, y = int(rng.integers(0, size[0])), int(rng.integers(0, size[1]))
        r, g, b, a = (int(v) for v in rng.integers(0, 256, 4))
        image.setPixelColor(x, y, QColor(r, g, b, a if image.hasAlphaChannel() else 255))
    return image


@pytest.mark.parametrize("fmt, alpha, qt_format", [
    (QImage.Format.Format_RGB32, False, QImage.Format.Format_RGB888),
    (QImage.Format.Format_ARGB32_Premultiplied, True, QImage.Format.Format_RGBA8888),
])
def test_png_rows_are_a_filter_byte_then_the_pixels_in_png_order(fmt, alpha, qt_format):
    image = random_image(fmt)
    rows = png.png_rows(image, alpha)
    expected = image.convertToFormat(qt_format)
    channels = 4 if alpha else 3
    data = np.frombuffer(expected.constBits(), dtype=np.uint8, count=expected.sizeInBytes())
    data = data.reshape(image.height(), expected.bytesPerLine())[:, : image.width() * channels]
    assert np.all(rows[:, 0] == 0)
    assert np.array_equal(rows[:, 1:], data)


def test_bands_deflated_apart_join_into_one_png_that_pillow_reads():
    image = random_image(QImage.Format.Format_ARGB32_Premultiplied, seed=3, size=(50, 23))
    bands = [image.copy(0, top, 50, min(7, 23 - top)) for top in range(0, 23, 7)]
    parts = [png.deflate_band(band, True, i == len(bands) - 1) for i, band in enumerate(bands)]
    data = png.assemble_png(50, 23, True, 192.0, parts)
    read = np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))
    expected = pixels(image.convertToFormat(QImage.Format.Format_ARGB32))  # un-premultiplied BGRA
    assert np.array_equal(read[:, :, [2, 1, 0, 3]], expected)


@pytest.mark.parametrize("background", ["white", "transparent"])
def test_a_figure_drawn_in_bands_is_the_figure_drawn_whole(qapp, monkeypatch, background):
    """Many thin bands (curves, cells and weight labels cross their edges) give the same pixels."""
    figure = Figure(layered_network(12, 30, seed=2), FigureOptions(scale=2.0, background=background))
    width = figure.raster_size().width()
    monkeypatch.setattr(png, "BAND_BYTES", width * 4 * 37)  # 37 rows per band
    assert figure.raster_size().height() > 37 * 5
    banded = np.asarray(Image.open(io.BytesIO(figure.data("png"))).convert("RGBA"))
    whole = pixels(figure.image())
    assert np.array_equal(banded[:, :, [2, 1, 0, 3]], whole)


def whole_scan_content(figure: Figure) -> QRectF:
    """The oracle for the strip scan: render all of the loose rectangle at once and bound its ink."""
    scene, loose = figure.scene, figure.scene.network_rect()
    width = max(1, int(np.ceil(loose.width() * painting.SCAN_SCALE)))
    height = max(1, int(np.ceil(loose.height() * painting.SCAN_SCALE)))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painting.set_dpi(image, painting.layout_dpi())
    background, scene.background = scene.background, None
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width, height), loose)
    painter.end()
    scene.background = background
    alpha = painting.alpha_channel(image)
    rows, cols = np.flatnonzero(alpha.any(axis=1)), np.flatnonzero(alpha.any(axis=0))
    step, sx, sy = 1 / painting.SCAN_SCALE, loose.width() / width, loose.height() / height
    left, top = loose.left() + cols[0] * sx - step, loose.top() + rows[0] * sy - step
    right, bottom = loose.left() + (cols[-1] + 1) * sx + step, loose.top() + (rows[-1] + 1) * sy + step
    return QRectF(left, top, right - left, bottom - top).intersected(loose)


@pytest.mark.parametrize("neurons, synapses, look", [(12, 30, "biological"), (60, 200, "schematic"), (3, 2, "biological")])
def test_the_strip_scan_finds_the_content_of_a_whole_scan(qapp, monkeypatch, neurons, synapses, look):
    monkeypatch.setattr(painting, "SCAN_STRIP", 4)  # many strips, doubling, from every edge
    figure = Figure(layered_network(neurons, synapses, seed=4), FigureOptions(look=look))
    expected = whole_scan_content(figure)
    found = painting.content_rect(figure.scene, figure.scene.network_rect())
    # The same rows and columns of ink, give or take one scan pixel where a strip's edge changes the
    # antialiasing of a faint pixel; never less than the whole scan (no ink may be cut off).
    pixel = 1 / painting.SCAN_SCALE + 1e-9
    assert found.contains(expected) or found == expected
    assert expected.left() - found.left() <= pixel and found.right() - expected.right() <= pixel
    assert expected.top() - found.top() <= pixel and found.bottom() - expected.bottom() <= pixel


def test_an_item_painted_into_a_small_image_is_exposed_only_where_the_image_is(qapp):
    image = QImage(100, 50, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setWorldTransform(QTransform(2, 0, 0, 2, -20, -100))  # scene (10, 50)–(60, 75) fills it
    option = QStyleOptionGraphicsItem()
    option.exposedRect = QRectF(0, 0, 1000, 1000)  # what QGraphicsScene.render passes: all of the item
    exposed = styles.exposed_rect(painter, option, QRectF())
    painter.end()
    assert (exposed.left(), exposed.top(), exposed.right(), exposed.bottom()) == (10, 50, 60, 75)


def test_a_band_strokes_only_the_curves_that_cross_it(qapp, monkeypatch):
    figure = Figure(layered_network(40, 120, seed=5), FigureOptions(scale=1.0))
    stroked = []
    layer = figure.scene.synapse_layer
    monkeypatch.setattr(QPainter, "drawPath", lambda painter, path: stroked.append(path))
    image = QImage(figure.raster_size().width(), 20, QImage.Format.Format_RGB32)
    figure.draw_rows(image, 0)
    assert 0 < len(stroked) < len(layer.keys)
