"""Figure backgrounds: white or transparent, whatever the desktop's colours.

The network's colours (dark text, brown membranes) are made for white: a dark desktop theme
must not give a figure a dark background it cannot be read on.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from neuron_sim.ui.export import Figure, FigureError, FigureOptions
from neuron_sim.ui.export.figure import BACKGROUNDS, background_color

from .export_networks import xor


@pytest.fixture
def dark_desktop(qapp):
    before = QApplication.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#E8EAED"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#2B2C2F"))
    QApplication.setPalette(dark)
    yield dark
    QApplication.setPalette(before)


def test_a_figure_on_a_dark_desktop_is_white_with_dark_text(dark_desktop):
    image = Figure(xor(), FigureOptions(scale=1.0)).image()
    rgb = image.convertToFormat(image.Format.Format_RGB888)  # held: the pixels below are its memory
    pixels = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=rgb.sizeInBytes())
    rows = pixels.reshape(rgb.height(), rgb.bytesPerLine())[:, : rgb.width() * 3].reshape(
        rgb.height(), rgb.width(), 3).copy()
    assert image.pixelColor(0, 0) == QColor("white")
    assert np.mean(np.all(rows > 245, axis=2)) > 0.6  # mostly white paper
    assert np.any(np.all(rows < 60, axis=2))  # and dark ink (the neuron names)


def test_the_dialog_offers_white_and_transparent(window, dark_desktop):
    window.document.replace(xor())
    dialog = window.figures.export_figure()
    box = dialog.background_box
    assert [box.itemData(i) for i in range(box.count())] == list(BACKGROUNDS) == ["white", "transparent"]
    assert "Transparent" not in dialog.message.text()
    box.setCurrentIndex(box.findData("transparent"))
    dialog.update_preview()
    assert "light slides" in dialog.message.text()
    dialog.reject()


def test_an_unknown_background_is_refused():
    assert background_color("transparent") is None
    assert background_color("white") == QColor("white")
    with pytest.raises(FigureError, match="white or transparent"):
        background_color("theme")
