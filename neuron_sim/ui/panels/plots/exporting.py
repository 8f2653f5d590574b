"""Each plot's export (the instrument docks' Export menus, the Train dock's plots): the plot as PNG or
SVG (pyqtgraph's exporters), its data as CSV.

The plots say what their data is (`data_csv()`); this module writes files, asks for names
(`ask_and_export`) and says why a file was refused.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from neuron_sim.model.atomic_write import check_target, write_atomically
from neuron_sim.ui import plain_text
from neuron_sim.ui.i18n.filling import fill
from neuron_sim.ui.panels.plots.svg_strokes import flatten_non_scaling_strokes
from neuron_sim.ui.styles import PALETTE

PNG_SCALE = 2  # plots are saved at twice their size on screen: crisp on a projector
_CONTEXT = "PlotExport"
_PLOT_AS = {"png": QT_TRANSLATE_NOOP("PlotExport", "Plot as PNG image…"),
            "svg": QT_TRANSLATE_NOOP("PlotExport", "Plot as SVG drawing…")}
_FILTERS = {"png": QT_TRANSLATE_NOOP("PlotExport", "PNG images (*.png)"),
            "svg": QT_TRANSLATE_NOOP("PlotExport", "SVG drawings (*.svg)"),
            "csv": QT_TRANSLATE_NOOP("PlotExport", "CSV files (*.csv)")}


def plot_as_text(kind: str) -> str:
    """The menu entry that exports a plot as "png" or "svg", in the interface language."""
    return QCoreApplication.translate(_CONTEXT, _PLOT_AS[kind])


def ask_and_export(parent: QWidget, title: str, suggested: str,
                   ask_path: Callable[[str, str, str], str], write: Callable[[str, str], None]) -> None:
    """Ask where to write (`ask_path(title, suggested, filter)`; the kind is `suggested`'s suffix),
    add the suffix when it was not typed, and `write(path, kind)`; a file that cannot be written
    (OSError) or a plot with nothing to export (ValueError) is said in a warning, and nothing is lost."""
    kind = Path(suggested).suffix.lstrip(".")
    path = ask_path(title, suggested, QCoreApplication.translate(_CONTEXT, _FILTERS[kind]))
    if not path:
        return
    if Path(path).suffix.lower() != "." + kind:
        path += "." + kind
    try:
        write(path, kind)
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        plain_text.warn(parent, QCoreApplication.translate("PlotExport", "Export"),
                        fill(QCoreApplication.translate("PlotExport", "Could not export to %1: %2"), path, reason))


def export_plot(plot_item, path: str | Path, fmt: str) -> None:
    """Write a pyqtgraph PlotItem as "png" or "svg". Raises OSError when the file cannot be written."""
    import pyqtgraph.exporters as exporters

    from PySide6.QtCore import QBuffer, QIODevice

    path = Path(path)
    check_target(path)  # a pipe, a folder or a missing folder is refused before drawing
    if fmt == "svg":
        data = plot_svg(plot_item)
    elif fmt == "png":
        exporter = exporters.ImageExporter(plot_item)
        exporter.parameters()["width"] = int(plot_item.sceneBoundingRect().width() * PNG_SCALE)
        exporter.parameters()["antialias"] = True
        image = exporter.export(toBytes=True)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if image is None or not image.save(buffer, "PNG"):  # pyqtgraph reports no failure of its own
            raise OSError(f"could not write {path}")
        data = bytes(buffer.data())
    else:
        raise ValueError(f"unknown plot format {fmt!r}")
    write_atomically(path, data)  # as network files are saved: a failure leaves the old file whole


def plot_svg(plot_item) -> bytes:
    """The plot drawn by Qt's SVG generator: paths and text, each curve in the page's units
    (svg_strokes.py: no renderer has to scale its width back).

    (pyqtgraph 0.14's SVGExporter cannot parse the path data Qt 6 writes, so it is not used.)
    """
    from PySide6.QtCore import QBuffer, QIODevice, QRectF
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    source = plot_item.sceneBoundingRect()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    # pyqtgraph sizes axes and text for the screen's dots per inch: the drawing must have the same
    # (QSvgGenerator's default, 72, drew them at 3/4 of the plot's size in one test).
    views = plot_item.scene().views()
    generator.setResolution(views[0].logicalDpiX() if views else 96)
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    painter = QPainter(generator)
    try:
        painter.fillRect(QRectF(0, 0, source.width(), source.height()), PALETTE.background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot_item.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()
    buffer.close()
    return flatten_non_scaling_strokes(bytes(buffer.data()))  # drawn alike by every program


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_text(path: str | Path, text: str) -> None:
    write_atomically(path, text.encode("utf-8"))
