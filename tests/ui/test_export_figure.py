"""Figures as PNG, SVG and PDF: sizes, where things are drawn, transparency, real vectors and text."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from neuron_sim.model import Network
from neuron_sim.model.geometry import SCHEMATIC_RADIUS, SOMA_RADIUS
from neuron_sim.ui.export import Figure, FigureError, FigureOptions
from neuron_sim.ui.playback import Playback

from .export_networks import XOR_POSITIONS, xor

SVG = "{http://www.w3.org/2000/svg}"
WHITE = QColor("white").rgb()


def pixels(image: QImage) -> np.ndarray:
    """(height, width, 4) BGRA bytes of an image."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].reshape(
        image.height(), image.width(), 4).copy()  # the converted image's memory goes with it


def ink(image: QImage) -> np.ndarray:
    """True where a pixel is not plain white (or not transparent)."""
    p = pixels(image).astype(int)
    return (p[:, :, 3] > 0) & (p[:, :, :3].min(axis=2) < 250) if image.hasAlphaChannel() else \
        p[:, :, :3].min(axis=2) < 250


def to_pixel(figure: Figure, x: float, y: float, scale: float) -> tuple[int, int]:
    return int((x - figure.bounds.left()) * scale), int((y - figure.bounds.top()) * scale)


def svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()).strip() for t in root.iter(SVG + "text")]


def test_png_size_is_the_figure_bounds_times_the_scale_plus_the_margin(qapp):
    margin = 16.0
    for scale in (1.0, 2.0, 4.0):
        figure = Figure(xor(), FigureOptions(scale=scale, margin=margin))
        image = figure.image()
        content = figure.content
        assert image.width() == round((content.width() + 2 * margin) * scale)
        assert image.height() == round((content.height() + 2 * margin) * scale)
    # The content holds every cell: each soma (known position ± radius) lies inside it.
    for x, y in XOR_POSITIONS.values():
        assert content.contains(x - SOMA_RADIUS, y - SOMA_RADIUS) and content.contains(x + SOMA_RADIUS, y + SOMA_RADIUS)


def test_the_margin_is_empty_and_the_drawing_reaches_it(qapp):
    """The bounds are tight: nothing is cut off, and there is no wasted border beyond the margin."""
    scale, margin = 2.0, 16.0
    image = Figure(xor(), FigureOptions(scale=scale, margin=margin)).image()
    drawn = ink(image)
    m = int(margin * scale)
    assert not drawn[: m - 2].any() and not drawn[-(m - 2):].any()
    assert not drawn[:, : m - 2].any() and not drawn[:, -(m - 2):].any()
    slack = m + int(5 * scale)  # the content is found at half resolution and padded: within 4 units
    assert drawn[:slack].any() and drawn[-slack:].any() and drawn[:, :slack].any() and drawn[:, -slack:].any()


@pytest.mark.parametrize("look", ["biological", "schematic"])
def test_neurons_are_drawn_at_their_positions(qapp, look):
    scale = 2.0
    figure = Figure(xor(), FigureOptions(scale=scale, look=look))
    drawn = ink(figure.image())
    r = int(SCHEMATIC_RADIUS * scale)  # the smallest body: a square of this half-size lies inside every body
    for nid, (x, y) in XOR_POSITIONS.items():
        px, py = to_pixel(figure, x, y, scale)
        assert drawn[py - r:py + r, px - r:px + r].mean() > 0.05, nid
    empty = to_pixel(figure, 130, 225, scale)  # under the lowest synapse, between the columns
    assert not drawn[empty[1] - 4:empty[1] + 4, empty[0] - 4:empty[0] + 4].any()


def test_transparent_background_has_alpha_0_in_the_corners(qapp):
    image = Figure(xor(), FigureOptions(scale=2.0, background="transparent")).image()
    assert image.hasAlphaChannel()
    alpha = pixels(image)[:, :, 3]
    h, w = alpha.shape
    for y, x in ((0, 0), (0, w - 1), (h - 1, 0), (h - 1, w - 1)):
        assert alpha[y, x] == 0
    assert alpha.max() == 255  # the network itself is opaque
    opaque = Figure(xor(), FigureOptions(scale=1.0, background="white")).image()
    assert not opaque.hasAlphaChannel() and opaque.pixel(0, 0) == WHITE


def test_png_file_holds_the_print_resolution(qapp, tmp_path):
    path = Figure(xor(), FigureOptions(scale=4.0)).save(tmp_path / "xor.png")
    image = QImage(str(path))
    assert round(image.dotsPerMeterX() * 0.0254) == 384  # 4 × 96 dpi: the same printed size as 1×


def test_the_current_activity_lights_the_computed_somas(qapp):
    network = xor(x1=1.0, x2=0.0, update="synchronous")
    playback = Playback(network)
    playback.step()  # the hidden layer: OR and NAND both fire for 1, 0
    scale = 2.0
    lit = Figure(network, FigureOptions(scale=scale), playback)
    rest = Figure(network, FigureOptions(scale=scale, activity=False), playback)
    x, y = XOR_POSITIONS["h_or"]
    sample_lit = QColor(lit.image().pixel(*to_pixel(lit, x + 8, y + 8, scale)))
    sample_rest = QColor(rest.image().pixel(*to_pixel(rest, x + 8, y + 8, scale)))
    assert sample_lit.name() == QColor("#FFB000").name()  # the active soma colour (styles.PALETTE)
    assert sample_rest.name() != sample_lit.name()
    x, y = XOR_POSITIONS["y"]  # not computed yet: at rest in both
    assert QColor(lit.image().pixel(*to_pixel(lit, x + 8, y + 8, scale))).name() == sample_rest.name()


def test_svg_is_xml_with_paths_and_text_for_the_labels_and_no_bitmap(qapp):
    network = xor()
    playback = Playback(network)
    playback.step()  # the canvas animator caches pixmaps; the figure must not
    svg = Figure(network, FigureOptions(title="XOR: 은닉층이 필요하다"), playback).svg_bytes()
    root = ET.fromstring(svg)
    assert len(list(root.iter(SVG + "path"))) >= 6  # at least one per synapse
    assert not list(root.iter(SVG + "image"))
    texts = svg_texts(svg)
    for label in ("x1", "x2", "OR", "NAND", "XOR", "θ = 0.5", "−1"):
        assert label in texts, label
    assert "은닉층이 필요하다" in svg.decode("utf-8")  # Korean stays text, in UTF-8
    assert 'sans-serif"' in svg.decode("utf-8")  # a generic fallback after Qt's family names


def test_labels_can_be_left_out(qapp):
    texts = svg_texts(Figure(xor(), FigureOptions().with_labels(False)).svg_bytes())
    for label in ("OR", "NAND", "θ = 0.5", "−1"):
        assert label not in texts
    texts = svg_texts(Figure(xor(), FigureOptions(show_labels=False)).svg_bytes())
    assert "OR" not in texts and "θ = 0.5" in texts and "−1" in texts


def test_legend_and_formula_with_the_numbers_of_the_current_state(qapp):
    network = xor(x1=1.0, x2=0.0)
    playback = Playback(network)
    playback.step()
    playback.step()  # one whole pass
    texts = svg_texts(Figure(network, FigureOptions(legend=True, formula_neuron="y"), playback).svg_bytes())
    joined = "\n".join(texts)
    assert "excitatory synapse (w > 0)" in joined and "inhibitory synapse (w < 0)" in joined
    # By hand: OR(1, 0) = 1 and NAND(1, 0) = 1, so y = step(1·1 + 1·1 − 1.5) = step(0.5) = 1.
    assert "step(1·1 + 1·1 − 1.5)" in joined
    assert "step(0.5) = 1" in joined
    at_rest = "\n".join(svg_texts(Figure(network, FigureOptions(formula_neuron="y", activity=False),
                                         playback).svg_bytes()))
    assert "step(1·0 + 1·0 − 1.5)" in at_rest and "step(−1.5) = 0" in at_rest


def test_selection_draws_only_the_selected_neurons(qapp):
    network = xor()
    whole = Figure(network, FigureOptions(scale=1.0))
    part = Figure(network, FigureOptions(scale=1.0, scope="selection"), selection=(["h_or", "y"], []))
    texts = svg_texts(part.svg_bytes())
    assert "OR" in texts and "XOR" in texts and "x1" not in texts and "NAND" not in texts
    assert part.pixel_size().width() < whole.pixel_size().width()
    assert set(part.network.synapses) == {("h_or", "y")}
    assert set(network.neurons) == {"x1", "x2", "h_or", "h_nand", "y"}  # the document is untouched


def test_pdf_renders_to_an_image_that_is_not_blank_and_holds_text(qapp, tmp_path):
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftoppm, pdftotext) is not installed")
    path = Figure(xor(), FigureOptions(legend=True)).save(tmp_path / "xor.pdf")
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    image = QImage(str(tmp_path / "page.png"))
    assert not image.isNull()
    share = ink(image).mean()
    assert 0.02 < share < 0.6
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "NAND" in text and "excitatory synapse" in text  # text, not outlines or a bitmap
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) <= 2  # the header only: no embedded bitmap


def test_bad_figures_are_refused_with_a_reason(qapp, tmp_path):
    with pytest.raises(FigureError, match="empty"):
        Figure(Network(), FigureOptions())
    with pytest.raises(FigureError, match="selected"):
        Figure(xor(), FigureOptions(scope="selection"), selection=([], []))
    with pytest.raises(FigureError, match="scale"):
        Figure(xor(), FigureOptions(scale=0))
    with pytest.raises(FigureError, match="format"):
        Figure(xor(), FigureOptions()).save(tmp_path / "xor.bmp")
    with pytest.raises(FigureError, match="could not write"):
        Figure(xor(), FigureOptions()).save(tmp_path / "missing" / "xor.png")
    with pytest.raises(FigureError, match="no neuron"):
        Figure(xor(), FigureOptions(formula_neuron="nope"))


@pytest.mark.parametrize("background", ["white", "transparent"])
def test_the_png_file_holds_exactly_the_rendered_pixels(qapp, tmp_path, background):
    """neuron-sim writes its own (parallel) PNG encoder: two independent decoders read it back."""
    from PIL import Image

    figure = Figure(xor(), FigureOptions(scale=2.0, background=background))
    path = figure.save(tmp_path / "xor.png")
    rendered = pixels(figure.image())
    by_qt = pixels(QImage(str(path)))
    assert np.array_equal(by_qt, rendered)
    by_pillow = np.asarray(Image.open(path).convert("RGBA"))
    assert np.array_equal(by_pillow[:, :, [2, 1, 0, 3]], rendered)
    assert Image.open(path).info["dpi"] == pytest.approx((192, 192), abs=0.5)


def test_name_the_parts_can_be_included_and_framed(qapp):
    plain = Figure(xor(), FigureOptions(look="biological"))
    named = Figure(xor(), FigureOptions(look="biological", parts="y"))
    overlay = named.parts_overlay
    assert overlay is not None and overlay.neuron_id == "y"
    assert [c.part for c in overlay.callouts] == ["dendrites", "synapse", "soma", "hillock", "axon"]
    for callout in overlay.callouts:  # inside the figure, none cut off
        assert named.bounds.contains(callout.box)
    texts = svg_texts(named.svg_bytes())
    assert "Soma (cell body)" in texts and "Axon hillock: fires or not" in texts
    assert "Soma (cell body)" not in svg_texts(plain.svg_bytes())
    assert plain.parts_overlay is None


def test_name_the_parts_chooses_like_the_canvas_and_refuses_a_wrong_neuron(qapp):
    from .export_networks import relay

    chosen = Figure(xor(), FigureOptions(parts=""))
    assert chosen.parts_overlay.neuron_id in ("h_or", "h_nand")  # inputs and an output, most inputs
    selected = Figure(xor(), FigureOptions(parts=""), selection=(["y"], []))
    assert selected.parts_overlay.neuron_id == "y"
    spiking = Figure(relay(), FigureOptions(parts="n1", look="schematic"))
    assert any(c.title.startswith("Spike when v ≥") for c in spiking.parts_overlay.callouts)
    with pytest.raises(FigureError, match="not a computing neuron"):
        Figure(xor(), FigureOptions(parts="x1"))
