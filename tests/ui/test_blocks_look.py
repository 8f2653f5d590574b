"""The blocks look: every rate example drawn and exported in blocks, the numbers in the blocks
against the computation panel's, pulses passing through the blocks in order, and the collapse to
schematic (past the size, and for spiking networks) with what the app says about it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.blocks import MAX_BLOCK_INPUTS, MAX_BLOCK_NEURONS
from neuron_sim.model.fileformat import load
from neuron_sim.resources_path import examples_dir
from neuron_sim.ui.canvas.animation import EXCITATORY_PULSE, INHIBITORY_PULSE, CanvasAnimator
from neuron_sim.ui.canvas.block_painting import row_rects
from neuron_sim.ui.canvas.blocks_notice import blocks_notice
from neuron_sim.ui.canvas.scene import DisplayScene
from neuron_sim.ui.export import Figure, FigureOptions
from neuron_sim.ui.panels.computation_panel import ComputationPanel
from neuron_sim.ui.playback import Playback
from neuron_sim.ui.styles import format_number

from .canvas_helpers import double_click, view_point

SVG = "{http://www.w3.org/2000/svg}"
RATE_EXAMPLES = sorted(p.stem for p in examples_dir().glob("*.json") if load(p).model == "rate")


def example(name: str) -> Network:
    return load(examples_dir() / f"{name}.json")


def layer(inputs: int, neurons: int) -> Network:
    network = Network()
    for i in range(inputs):
        network.add_neuron(Neuron(f"x{i}", kind="input", position=(0, 60 * i), value=1.0))
    for j in range(neurons):
        network.add_neuron(Neuron(f"y{j}", position=(300, 120 * j)))
        for i in range(inputs):
            network.connect(Synapse(f"x{i}", f"y{j}", weight=0.5))
    return network


@pytest.fixture
def shown(qapp):
    """shown(network): a blocks scene lit by its own playback, as the canvas is."""
    made = []

    def make(network: Network, look: str = "blocks"):
        playback = Playback(network)
        scene = DisplayScene(network, look)
        animator = CanvasAnimator(scene, playback)
        animator.show_state()
        scene.flush()
        made.append((scene, playback))
        return scene, playback, animator

    yield make
    for scene, playback in made:
        playback.pause()
        scene.clear()
        scene.deleteLater()


def render(scene: DisplayScene) -> np.ndarray:
    scene.flush()
    rect = scene.itemsBoundingRect().adjusted(-10, -10, 10, 10)
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), rect)
    painter.end()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine()).copy()


# ---- every rate example, drawn and exported ------------------------------------------------------
@pytest.mark.parametrize("name", RATE_EXAMPLES)
def test_every_rate_example_is_drawn_in_blocks_and_exports_png_svg_and_pdf(qapp, name):
    network = example(name)
    playback = Playback(network)
    figure = Figure(network, FigureOptions(look="blocks", scale=1.0), playback)
    scene = figure.scene
    assert scene.drawn_look == "blocks" and blocks_notice(scene) == ""
    for item in scene.neuron_items.values():
        assert item.look == "blocks"
        if item.neuron.kind == "neuron":
            arriving = sorted(key for key in network.synapses if key[1] == item.neuron_id)
            assert sorted(item.block_keys) == arriving  # one weight row per incoming synapse
            assert item.breakdown is not None  # the numbers are shown
    # the neurons' blocks do not overlap one another
    bodies = [item.mapRectToScene(item.body_rect()) for item in scene.neuron_items.values()]
    for i, a in enumerate(bodies):
        for b in bodies[i + 1:]:
            assert not a.intersects(b), name
    png = figure.data("png")
    assert png.startswith(b"\x89PNG")
    image = QImage.fromData(png)
    assert image.width() > 100 and image.height() > 50
    svg = figure.data("svg")
    texts = ["".join(t.itertext()).strip() for t in ET.fromstring(svg).iter(SVG + "text")]
    assert texts.count("Σ − θ") == sum(n.kind == "neuron" for n in network.neurons.values())
    assert "f" in texts and "×" in texts
    assert figure.data("pdf").startswith(b"%PDF")
    playback.pause()


# ---- the numbers -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["multi-layer", "xor", "logistic-unit", "dense-layer"])
def test_the_numbers_in_the_blocks_are_the_computation_panels(qtbot, shown, name):
    network = example(name)
    scene, playback, _ = shown(network)
    panel = ComputationPanel(playback)
    qtbot.addWidget(panel)
    for nid, item in scene.neuron_items.items():
        if item.neuron.kind != "neuron":
            continue
        panel.show_selection([nid], [])
        panel.refresh()
        texts = item.block_texts()
        theta = panel.value_text("threshold")
        theta = f"({theta})" if theta.startswith("−") else theta
        assert texts.sum_lines == ("Σ − θ", f"{panel.value_text('sum')} − {theta}", "= " + panel.value_text("net"))
        assert texts.output == panel.value_text("output")
        weight_of = {row[0]: row[2] for row in panel.input_rows()}  # source label → the panel's wᵢ
        labels = [network.neurons[key[0]].label for key in item.block_keys]
        assert list(texts.weights) == [weight_of[label] for label in labels]


def test_the_blocks_follow_an_edit(shown):
    network = example("and-gate")
    scene, playback, _ = shown(network)
    item = scene.neuron_items["y"]
    before = item.block_texts()
    network.set_neuron_param("x2", "value", 0.0)
    network.set_synapse_param(("x1", "y"), "weight", 0.25)
    scene.flush()
    after = item.block_texts()
    assert after != before
    row = item.block_keys.index(("x1", "y"))
    assert after.weights[row] == "0.25"
    b = item.breakdown
    assert after.sum_lines[2] == "= " + format_number(0.25 * 1.0 - network.neurons["y"].threshold)
    assert b.weighted_sum == pytest.approx(0.25)


# ---- the pulses ----------------------------------------------------------------------------------
def test_pulses_pass_through_the_blocks_in_order_and_the_frames_differ(shown):
    network = example("single-neuron")
    scene, playback, animator = shown(network)
    item = scene.neuron_items["y"]
    seconds_per_layer = 1.0 / playback.engine.stages_per_second
    stages, frames = [], []
    for _ in range(24):
        playback.advance(seconds_per_layer / 24)
        animator.show_state()
        stages.append(item.lit.stage)
        frames.append(render(scene))
    lit = [s for s in stages if s >= 0]
    assert lit == sorted(lit) and set(lit) == {1, 2, 3, 4}  # × w, then Σ − θ, f and the output, in order
    assert {s for s in stages} >= {-1, 1, 4}  # first along the synapses, lighting nothing
    different = sum(not np.array_equal(a, b) for a, b in zip(frames, frames[1:]))
    assert different >= len(frames) // 2
    weights = item.lit.rows if item.lit.stage == 1 else None
    assert weights is None or weights <= set(range(len(item.block_keys)))


def test_in_the_weight_stage_only_the_rows_a_signal_passes_are_lit(shown):
    network = example("single-neuron")  # x1 = x2 = 0: only x0's row carries a signal
    scene, playback, animator = shown(network)
    item = scene.neuron_items["y"]
    seconds_per_layer = 1.0 / playback.engine.stages_per_second
    playback.advance(seconds_per_layer * 0.57)
    animator.show_state()
    assert item.lit.stage == 1
    carrying = {item.block_keys.index(key) for key, s in network.synapses.items()
                if s.weight * network.neurons[key[0]].value != 0}
    assert item.lit.rows == carrying


def test_pulses_in_the_blocks_are_stamped_over_the_blocks_where_they_are_placed(shown):
    network = example("single-neuron")
    scene, playback, animator = shown(network)
    playback.advance(0.57 / playback.engine.stages_per_second)  # in the weight blocks
    animator.show_state()
    layer = animator.pulse_layer
    positions, signs = layer.positions, layer.signs
    assert len(positions) and layer.zValue() > scene.neuron_items["y"].zValue()
    with_pulses = render(scene)
    layer.setVisible(False)
    without = render(scene)
    layer.setVisible(True)
    rect = scene.itemsBoundingRect().adjusted(-10, -10, 10, 10)
    for (x, y), sign in zip(positions.tolist(), signs.tolist()):
        column, row = int(round(x - rect.left())), int(round(y - rect.top()))
        blue, green, red = with_pulses[row, 4 * column:4 * column + 3].tolist()
        fill = EXCITATORY_PULSE if sign >= 0 else INHIBITORY_PULSE
        assert abs(red - fill.red()) + abs(green - fill.green()) + abs(blue - fill.blue()) < 40
        assert not np.array_equal(with_pulses[row, 4 * column:4 * column + 3], without[row, 4 * column:4 * column + 3])


# ---- collapsing ----------------------------------------------------------------------------------
def test_past_the_documented_size_blocks_collapse_to_schematic_and_come_back(shown):
    network = layer(MAX_BLOCK_INPUTS, 1)
    scene, _, _ = shown(network)
    seen = []
    scene.drawn_look_changed.connect(lambda: seen.append(scene.drawn_look))
    assert scene.drawn_look == "blocks"
    network.add_neuron(Neuron("extra", kind="input", position=(0, -60)))
    network.connect(Synapse("extra", "y0"))
    scene.flush()
    assert scene.drawn_look == "schematic" and scene.look == "blocks"
    assert all(item.look == "schematic" for item in scene.neuron_items.values())
    assert blocks_notice(scene) == (f"Blocks are drawn for up to {MAX_BLOCK_INPUTS} synapses into one neuron; "
                                    f"y0 has {MAX_BLOCK_INPUTS + 1}, so the network is drawn schematic.")
    network.disconnect("extra", "y0")
    scene.flush()
    assert scene.drawn_look == "blocks" and blocks_notice(scene) == ""
    assert seen == ["schematic", "blocks"]


def test_too_many_neurons_collapse_and_a_figure_says_so(qapp):
    network = layer(1, MAX_BLOCK_NEURONS + 1)
    figure = Figure(network, FigureOptions(look="blocks"))
    assert figure.scene.drawn_look == "schematic"
    assert blocks_notice(figure.scene) == (f"Blocks are drawn for up to {MAX_BLOCK_NEURONS} computing neurons; "
                                           f"this network has {MAX_BLOCK_NEURONS + 1}, so it is drawn schematic.")
    assert Figure(layer(1, MAX_BLOCK_NEURONS), FigureOptions(look="blocks")).scene.drawn_look == "blocks"


@pytest.mark.parametrize("name", sorted(p.stem for p in examples_dir().glob("spiking-*.json")))
def test_spiking_networks_are_drawn_schematic_in_the_blocks_look(qapp, name):
    figure = Figure(example(name), FigureOptions(look="blocks"))
    assert figure.scene.drawn_look == "schematic"
    assert "spiking cell" in blocks_notice(figure.scene)
    assert figure.data("png").startswith(b"\x89PNG")


def test_switching_the_model_to_spiking_collapses_the_blocks(shown):
    network = example("and-gate")
    scene, _, _ = shown(network)
    network.set_param("model", "spiking")
    scene.flush()
    assert scene.drawn_look == "schematic" and "spiking cell" in blocks_notice(scene)


# ---- in the window -------------------------------------------------------------------------------
def test_view_blocks_draws_the_canvas_in_blocks_and_the_status_line_says_when_they_collapse(window, qtbot):
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().title() == "&View")
    assert window.look_actions["blocks"] in view_menu.actions()
    window.document.replace(example("xor"))
    window.look_actions["blocks"].trigger()
    assert window.scene.look == window.scene.drawn_look == "blocks"
    assert all(item.look == "blocks" for item in window.scene.neuron_items.values())
    assert window.scene.neuron_items["y"].breakdown is not None  # the window's playback lights the blocks
    window.document.replace(layer(MAX_BLOCK_INPUTS + 1, 1))
    qtbot.wait(1)
    assert window.scene.drawn_look == "schematic" and window.look_actions["blocks"].isChecked()
    assert "so the network is drawn schematic" in window.status_line.text()
    window.document.replace(example("xor"))
    qtbot.wait(1)
    assert window.scene.drawn_look == "blocks"
    assert window.status_line.text() == "The network fits in blocks again."


def test_switching_to_spiking_in_blocks_says_why_the_network_is_drawn_schematic(window, qtbot):
    window.document.replace(example("and-gate"))
    window.look_actions["blocks"].trigger()
    window.model_actions["spiking"].trigger()
    qtbot.waitUntil(lambda: "spiking cell adds up" in window.status_line.text())
    assert window.scene.drawn_look == "schematic"
    window.document.undo_stack.undo()
    qtbot.wait(1)
    assert window.scene.drawn_look == "blocks"


def test_the_export_dialog_offers_blocks_and_notes_a_collapse(window, qtbot):
    window.document.replace(example("spiking-summation"))
    window.look_actions["blocks"].trigger()
    window.figures.export_action.trigger()
    dialog = window.figures.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.figure_options().look == "blocks"
    assert "drawn schematic" in dialog.message.text()
    dialog.look_box.setCurrentIndex(dialog.look_box.findData("schematic"))
    dialog.update_preview()
    assert "drawn schematic" not in dialog.message.text()
    dialog.reject()


def test_double_clicking_a_weight_block_types_that_synapses_weight(window, qtbot):
    window.document.replace(example("dense-layer"))
    window.look_actions["blocks"].trigger()
    window.view.reset_zoom()
    y2 = window.scene.neuron_items["y2"]
    row = y2.block_keys.index(("x1", "y2"))
    weight_block = row_rects(len(y2.block_keys))[row][1]
    centre = y2.mapToScene(weight_block.center())
    window.view.centerOn(centre)
    qtbot.mouseMove(window.view.viewport(), view_point(window, centre.x(), centre.y()))
    qtbot.waitUntil(lambda: window.scene.synapse_layer.hovered == ("x1", "y2"))
    assert "Synapse x1 → y2" in window.status_line.text()
    double_click(qtbot, window, centre.x(), centre.y())
    editor = window.view.editor
    assert editor is not None and editor.text() == "1.2"
    editor.selectAll()
    qtbot.keyClicks(editor, "-0.75")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.network.synapse(("x1", "y2")).weight == -0.75
    window.scene.flush()
    assert y2.block_texts().weights[row] == "−0.75"


def test_a_blocks_legend_says_what_the_colours_mean(qapp):
    svg = Figure(example("dense-layer"), FigureOptions(look="blocks", legend=True)).data("svg")
    written = "".join("".join(t.itertext()) for t in ET.fromstring(svg).iter(SVG + "text"))  # (runs split by font)
    for text in ("weight block × wᵢ (darker: w < 0)", "operators × and Σ − θ", "activation function f"):
        assert text in written
    schematic = Figure(example("dense-layer"), FigureOptions(look="schematic", legend=True)).data("svg")
    assert b"operators" not in schematic
