"""The PNG writer and the band-by-band figure renderer, against zlib, Qt and Pillow as oracles."""

from __future__ import annotations

import io
import zlib

import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QColor, QImage

from neuron_sim.model.generate import layered_network
from neuron_sim.ui.export import Figure, FigureOptions, png

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
