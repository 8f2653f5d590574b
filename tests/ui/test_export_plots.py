"""Each instrument dock exports its plot (PNG, SVG) and its data (CSV)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QImage

from neuron_sim.model.activations import ACTIVATIONS
from neuron_sim.ui.playback import Playback
from neuron_sim.ui.panels.plots import ActivationDock, RasterDock, TraceDock

from .export_networks import relay, xor


@pytest.fixture
def make(qtbot):
    def build(cls, network, selected=()):
        playback = Playback(network)
        dock = cls(playback)
        qtbot.addWidget(dock)
        dock.show()
        dock.show_selection(list(selected), [])
        return dock, playback

    return build


def rows_of(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_trace_exports_png_svg_and_the_recording_as_csv(make, tmp_path):
    dock, playback = make(TraceDock, xor(), ["h_or", "y"])
    for _ in range(4):
        playback.step()
    dock.refresh()
    dock.export(tmp_path / "trace.png", "png")
    image = QImage(str(tmp_path / "trace.png"))
    assert image.width() >= 2 * dock.plot_item().sceneBoundingRect().width() - 1
    dock.export(tmp_path / "trace.svg", "svg")
    root = ET.parse(tmp_path / "trace.svg").getroot()
    assert root.tag.endswith("svg") and list(root.iter("{http://www.w3.org/2000/svg}path"))
    dock.export(tmp_path / "trace.csv", "csv")
    rows = rows_of(tmp_path / "trace.csv")
    assert rows[0] == ["time_tick", "h_or", "y"]
    recorded = playback.recorder
    assert [float(r[1]) for r in rows[1:]] == recorded.values("h_or").tolist()


def test_activation_exports_the_curve_it_draws(make, tmp_path):
    dock, _ = make(ActivationDock, xor(), ["y"])
    dock.export(tmp_path / "f.csv", "csv")
    rows = rows_of(tmp_path / "f.csv")
    assert rows[0] == ["net", "a"]
    net = np.array([float(r[0]) for r in rows[1:]])
    a = np.array([float(r[1]) for r in rows[1:]])
    assert np.array_equal(a, ACTIVATIONS["step"](net))  # y is a step unit


def test_raster_exports_every_spike(make, tmp_path):
    dock, playback = make(RasterDock, relay(), ["n1"])
    for _ in range(300):  # 30 ms: the generator fires every 10 ms
        playback.step()
    dock.export(tmp_path / "spikes.csv", "csv")
    rows = rows_of(tmp_path / "spikes.csv")
    assert rows[0] == ["neuron", "time_ms"]
    generator = [float(t) for nid, t in rows[1:] if nid == "g1"]
    assert generator == pytest.approx(playback.recorder.spike_times("g1").tolist())
    assert len(generator) >= 3


def test_a_dock_without_a_plot_says_why(make, tmp_path):
    dock, _ = make(ActivationDock, xor(), [])
    with pytest.raises(ValueError, match="Select a neuron"):
        dock.export(tmp_path / "f.png", "png")
    assert not (tmp_path / "f.png").exists()


def test_the_export_menu_asks_for_a_file(make, tmp_path):
    dock, playback = make(TraceDock, xor(), ["y"])
    playback.step()
    dock.ask_path = lambda title, suggested, file_filter: str(tmp_path / "asked")
    dock.export_svg_action.trigger()
    assert (tmp_path / "asked.svg").is_file()
    dock.export_data_action.trigger()
    assert (tmp_path / "asked.csv").is_file()


def _blocks(image: QImage, size) -> np.ndarray:
    """The picture as 16 × 16-pixel blocks of mean grey (text antialiasing and 1-px offsets aside)."""
    image = image.scaled(size).convertToFormat(QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    grey = rows[:, :image.width()].astype(float)
    h, w = (grey.shape[0] // 16) * 16, (grey.shape[1] // 16) * 16
    return grey[:h, :w].reshape(h // 16, 16, w // 16, 16).mean(axis=(1, 3))


def test_the_svg_draws_the_plot_where_the_screen_does(make, tmp_path):
    """Drawn by an SVG renderer, the file looks like the plot: the axes, their numbers and the
    curves in the same places (pyqtgraph sizes axes for the screen's dots per inch; an SVG of 72 dpi
    drew them at 3/4 of the plot's size, the curves not)."""
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtSvg import QSvgRenderer

    dock, playback = make(TraceDock, xor(), ["h_or", "y"])
    dock.resize(900, 320)
    for _ in range(12):
        playback.step()
    dock.refresh()
    dock.export(tmp_path / "trace.svg", "svg")
    item = dock.plot_item()
    source = item.sceneBoundingRect()
    size = source.size().toSize()
    screen = QImage(size, QImage.Format.Format_ARGB32)
    screen.fill(QColor("white"))
    painter = QPainter(screen)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    item.scene().render(painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    svg = (tmp_path / "trace.svg").read_bytes()
    # As a renderer without SVG's vector-effect draws it (cairo-based converters and the like):
    # before the curves were moved out of their data-unit groups, it drew them ~20 px thick.
    without_vector_effect = svg.replace(b'vector-effect="non-scaling-stroke"', b"")
    for data in (svg, without_vector_effect):
        drawn = QImage(size, QImage.Format.Format_ARGB32)
        drawn.fill(QColor("white"))
        painter = QPainter(drawn)
        QSvgRenderer(QByteArray(data)).render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        difference = np.abs(_blocks(screen, size) - _blocks(drawn, size))
        assert difference.max() < 15, difference.max()  # 7.7 here; the 72-dpi drawing differed by 36
