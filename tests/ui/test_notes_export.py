"""Notes in exported figures: PNG, SVG, PDF and GIF hold the note inside the figure's bounds, in both looks."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PIL import Image

from neuron_sim.model import Note
from neuron_sim.ui.export import FigureOptions
from neuron_sim.ui.export.animation import AnimationOptions, write_animation
from neuron_sim.ui.export.figure import Figure
from neuron_sim.ui.export.painting import alpha_channel

from .export_networks import xor

NOTE_FILL = (0xFF, 0xF6, 0xCC)  # note_item.NOTE_FILL
TEXT = "XOR needs <b>two</b> layers: 메모"


def with_note():
    network = xor()
    network.add_note(Note("note1", TEXT, (400, -160), (180, 60)))
    return network


def fill_pixels(rgb: np.ndarray) -> int:
    return int(np.sum(np.all(np.abs(rgb.astype(int) - NOTE_FILL) <= 6, axis=2)))


def rgb_of(image) -> np.ndarray:
    image = image.convertToFormat(image.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3].reshape(
        image.height(), image.width(), 3).copy()


@pytest.mark.parametrize("look", ["biological", "schematic"])
def test_a_figure_draws_the_note_inside_its_bounds(qapp, look):
    figure = Figure(with_note(), FigureOptions(look=look, scale=1.0))
    note = figure.scene.note_items["note1"].sceneBoundingRect()
    assert figure.content.contains(note) and figure.bounds.contains(note)
    rgb = rgb_of(figure.image(1.0))
    assert fill_pixels(rgb) > 0.6 * 180 * 60  # the box, less its text
    svg = figure.svg_bytes().decode("utf-8")
    lines = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))  # the note wraps at its width
    assert "XOR needs &lt;b&gt;two&lt;/b&gt; layers: 메모" in " ".join(lines.split())  # the letters, never markup
    assert figure.pdf_bytes().startswith(b"%PDF")


def test_a_figure_of_the_selection_holds_the_selected_notes_only(qapp):
    network = with_note()
    network.add_note(Note("note2", "not selected", (0, 300)))
    figure = Figure(network, FigureOptions(scope="selection", scale=1.0), selection=(["x1", "h1"], [], ["note1"]))
    assert list(figure.network.notes) == ["note1"] and list(figure.scene.note_items) == ["note1"]
    assert figure.content.contains(figure.scene.note_items["note1"].sceneBoundingRect())
    figure = Figure(network, FigureOptions(scope="selection", scale=1.0), selection=(["x1", "h1"], []))
    assert figure.network.notes == {}


def test_a_gif_shows_the_note_in_every_frame(qapp, tmp_path):
    path = tmp_path / "xor.gif"
    write_animation(path, with_note(), FigureOptions(scale=1.0), AnimationOptions(frames=2, per_tick=True, fps=2))
    with Image.open(path) as gif:
        for i in range(gif.n_frames):
            gif.seek(i)
            assert fill_pixels(np.asarray(gif.convert("RGB"))) > 0.5 * 180 * 60


def test_a_transparent_figure_keeps_the_note_opaque(qapp):
    figure = Figure(with_note(), FigureOptions(scale=1.0, background="transparent"))
    note = figure.scene.note_items["note1"].sceneBoundingRect()
    alpha = alpha_channel(figure.image(1.0))
    left, top = note.left() - figure.bounds.left(), note.top() - figure.bounds.top()
    inside = alpha[int(top) + 10:int(top) + 40, int(left) + 10:int(left) + 40]
    assert inside.min() == 255
