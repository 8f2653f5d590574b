"""A figure as PNG bytes, drawn and encoded band by band, on two cores when the figure is large.

A 4× figure of a large network is a hundred million pixels: drawn whole, it needs a 450 MB image,
then a converted copy and the rows to deflate (over a gigabyte). Drawn in bands of rows instead,
two band buffers are reused, and while Qt draws one band on this thread (painting holds the GIL),
the previous band is converted and deflated on a worker thread (numpy and ISA-L release it),
so the encoding costs little more than the last band. The bands are the same pixels as a whole
image: each is drawn with the whole figure's transform, shifted by a whole number of rows.

A large figure's bands are shared with a forked helper process (band_helper.py), since the GIL
keeps a second thread from drawing: the same bytes, in about three quarters of the time
(both processes also encode, and share the memory bus).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from neuron_sim.ui.export import band_helper
from neuron_sim.ui.export.png import DeflatedBand, assemble_png, band_rows, deflate_band

BUFFERS = 2  # one band being drawn, one being encoded
HELPER_MIN_PIXELS = 16_000_000  # smaller figures take under ~0.3 s: not worth a process
BANDS_PER_PROCESS = 8  # bands of a large figure are small enough that neither process waits long for the other


class RasterSource(Protocol):
    """What a figure offers to be drawn in bands (export/figure.py's Figure)."""

    options: Any  # .scale: the figure's default scale

    def image_format(self) -> QImage.Format: ...

    def raster_size(self, scale: float) -> QSize: ...

    def is_opaque(self) -> bool: ...

    def draw_rows(self, band: QImage, top: int, scale: float) -> None: ...


@dataclass(frozen=True)
class BandPlan:
    """How a figure at a scale is cut into bands of rows."""

    figure: RasterSource
    scale: float
    width: int
    height: int
    alpha: bool
    rows: int  # per band (the last may have fewer)

    @property
    def count(self) -> int:
        return math.ceil(self.height / self.rows)

    def draw(self, numbers: Iterable[int], deliver: Callable[[int, DeflatedBand], None]) -> None:
        """Draw the bands `numbers` names, in that order, and `deliver` each one deflated."""
        fmt = self.figure.image_format()
        buffers: list[QImage] = []
        pending: list[tuple[int, Future[DeflatedBand]]] = []
        with ThreadPoolExecutor(1, thread_name_prefix="png") as encoder:
            for n, number in enumerate(numbers):
                top = number * self.rows
                rows = min(self.rows, self.height - top)
                if n >= BUFFERS:
                    deliver(*_result(pending[n - BUFFERS]))  # its buffer is free again
                if len(buffers) < BUFFERS:
                    buffers.append(QImage(self.width, self.rows, fmt))
                band = buffers[n % BUFFERS]
                if band.height() != rows:  # the last, shorter band
                    band = QImage(self.width, rows, fmt)
                self.figure.draw_rows(band, top, self.scale)
                pending.append((number, encoder.submit(deflate_band, band, self.alpha, number == self.count - 1)))
            for job in pending[max(0, len(pending) - BUFFERS):]:
                deliver(*_result(job))


def _result(job: tuple[int, Future[DeflatedBand]]) -> tuple[int, DeflatedBand]:
    return job[0], job[1].result()


def band_plan(figure: RasterSource, scale: float) -> BandPlan:
    """Bands of at most BAND_BYTES; a large figure in at least 2 × BANDS_PER_PROCESS of them. The cut
    depends on the figure only, never on whether a helper draws: Qt antialiases a curve a little
    differently (a level or a few) where a band's edge cuts it, and the same figure should give
    the same file on every machine."""
    size = figure.raster_size(scale)
    width, height = size.width(), size.height()
    rows = band_rows(width)
    if _large(width, height):
        rows = min(rows, max(1, math.ceil(height / (2 * BANDS_PER_PROCESS))))
    return BandPlan(figure, scale, width, height, not figure.is_opaque(), rows)


def _large(width: int, height: int) -> bool:
    return width * height >= HELPER_MIN_PIXELS


def shares_with_helper(width: int, height: int) -> bool:
    """Whether a PNG of this many pixels is drawn by two processes here."""
    return _large(width, height) and band_helper.helper_available()


def png_bytes(figure: RasterSource, scale: float | None = None, helper_allowed: bool = True) -> bytes:
    """The PNG file's bytes. `helper_allowed=False` draws every band in this process (the bench
    measures what the helper buys); the bytes are the same either way."""
    s = figure.options.scale if scale is None else scale
    plan = band_plan(figure, s)
    bands: dict[int, DeflatedBand] = {}
    helper = None
    if helper_allowed and shares_with_helper(plan.width, plan.height):
        try:
            helper = band_helper.BandHelper(plan.count, plan.draw)
        except OSError:  # no process to spare (memory, process limit): draw every band here
            pass
    if helper is not None:
        started = time.perf_counter()
        try:
            plan.draw(helper.claims(), bands.__setitem__)
            bands.update(helper.finish(time.perf_counter() - started))
        finally:
            helper.close()
    missing = [k for k in range(plan.count) if k not in bands]  # all of them without a helper
    plan.draw(missing, bands.__setitem__)
    return assemble_png(plan.width, plan.height, plan.alpha, 96.0 * s, [bands[k] for k in range(plan.count)])
