"""A figure as PNG bytes, drawn and encoded band by band.

A 4× figure of a large network is a hundred million pixels: drawn whole, it needs a 450 MB image,
then a converted copy and the rows to deflate (over a gigabyte). Drawn in bands of rows instead,
two band buffers are reused, and while Qt draws one band on this thread (painting holds the GIL),
the previous band is converted and deflated on a worker thread (numpy and ISA-L release it),
so the encoding costs little more than the last band. The bands are the same pixels as a whole
image: each is drawn with the whole figure's transform, shifted by a whole number of rows.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from .png import DeflatedBand, assemble_png, band_rows, deflate_band

if TYPE_CHECKING:
    from .figure import Figure

BUFFERS = 2  # one band being drawn, one being encoded


def png_bytes(figure: Figure, scale: float | None = None) -> bytes:
    s = figure.options.scale if scale is None else scale
    size = figure.raster_size(s)
    width, height = size.width(), size.height()
    alpha = not figure.is_opaque()
    step = band_rows(width)
    tops = list(range(0, height, step))
    buffers: list[QImage] = []
    futures: list[Future[DeflatedBand]] = []
    with ThreadPoolExecutor(1, thread_name_prefix="png") as encoder:
        for k, top in enumerate(tops):
            rows = min(step, height - top)
            if k >= BUFFERS:
                futures[k - BUFFERS].result()  # its buffer is free again
            if len(buffers) < BUFFERS:
                buffers.append(QImage(width, rows, figure.image_format()))
            band = buffers[k % BUFFERS]
            if band.height() != rows:  # the last, shorter band
                band = QImage(width, rows, figure.image_format())
            figure.draw_rows(band, top, s)
            futures.append(encoder.submit(deflate_band, band, alpha, k == len(tops) - 1))
        bands = [future.result() for future in futures]
    return assemble_png(width, height, alpha, 96.0 * s, bands)
