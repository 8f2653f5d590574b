"""View → Name the parts: callouts from the real geometry, no overlaps, following the neuron."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from neuron_sim.commands import move_command, push
from neuron_sim.model import Network, Neuron, geometry
from neuron_sim.ui.window.help import example_neuron

from .name_parts_helpers import dense, overlaps, settle, show_parts, spiking_chain, xor

BIOLOGICAL_PARTS = ["dendrites", "synapse", "soma", "hillock", "axon"]
SCHEMATIC_PARTS = ["inputs", "sum", "activation", "output"]


def test_the_action_is_in_the_view_menu(window):
    view_menu = window.menuBar().actions()[2].menu()
    assert window.name_parts.action in view_menu.actions()
    assert window.name_parts.action.isCheckable()


@pytest.mark.parametrize("look, parts", [("biological", BIOLOGICAL_PARTS), ("schematic", SCHEMATIC_PARTS)])
def test_it_names_each_part_with_both_vocabularies(window, look, parts):
    overlay = show_parts(window, example_neuron(), look)
    assert overlay.neuron_id == "y"  # the computing neuron with inputs and an output
    assert [c.part for c in overlay.callouts] == parts
    titles = {c.part: (c.title, c.subtitle) for c in overlay.callouts}
    if look == "biological":
        assert titles["synapse"] == ("Synapse", "weight w (synapse strength)")
        assert titles["dendrites"][0] == "Dendrites" and "inputs" in titles["dendrites"][1]
        assert titles["axon"][0] == "Axon" and titles["axon"][1].startswith("output")
    else:
        assert titles["sum"] == ("Σ weighted sum", "soma (cell body)")


def test_anchors_come_from_the_real_geometry(window):
    network = example_neuron()
    overlay = show_parts(window, network)
    # Oracle: the model's own layout of the same positions, not the canvas.
    ids = list(network.neurons)
    positions = np.array([network.neuron(n).position for n in ids])
    keys = list(network.synapses)
    layout = geometry.layout(positions, np.array([ids.index(s) for s, _ in keys]),
                             np.array([ids.index(t) for _, t in keys]),
                             np.array([network.neuron(n).kind != "neuron" for n in ids]))
    tips = {key: layout.end[i] for i, key in enumerate(keys)}
    anchors = {c.part: (c.anchor.x(), c.anchor.y()) for c in overlay.callouts}
    lowest_input = max((k for k in keys if k[1] == "y"), key=lambda k: tips[k][1])
    assert anchors["synapse"] == pytest.approx(tuple(tips[lowest_input]))
    soma = network.neuron("y").position
    assert np.hypot(anchors["soma"][0] - soma[0], anchors["soma"][1] - soma[1]) <= geometry.SOMA_RADIUS + 1
    assert anchors["axon"][0] > soma[0] + geometry.SOMA_RADIUS  # right of the soma, on the axon


@pytest.mark.parametrize("make", [example_neuron, xor, dense])
@pytest.mark.parametrize("look", ["biological", "schematic"])
def test_no_callout_covers_another_a_neuron_or_a_weight(window, make, look):
    overlay = show_parts(window, make(), look)
    assert overlay.callouts
    assert overlaps(window, overlay) == []


def test_callouts_follow_the_neuron_when_it_moves(window):
    overlay = show_parts(window, xor())
    target = overlay.neuron_id
    before = {c.part: (c.anchor.x(), c.anchor.y()) for c in overlay.callouts}
    x, y = window.network.neuron(target).position
    push(window.document.undo_stack, move_command(window.network, {target: (x + 40.0, y + 25.0)}))
    settle()
    after = {c.part: (c.anchor.x(), c.anchor.y()) for c in overlay.callouts}
    assert after["soma"] == pytest.approx((before["soma"][0] + 40, before["soma"][1] + 25))
    assert overlaps(window, overlay) == []
    window.document.undo_stack.undo()
    settle()
    assert {c.part: (c.anchor.x(), c.anchor.y()) for c in overlay.callouts}["soma"] == pytest.approx(before["soma"])


def test_it_names_the_selected_neuron(window):
    overlay = show_parts(window, xor())
    assert overlay.neuron_id == "h1"  # has inputs and an output; h2 as well, h1 comes first
    window.scene.select(["y"])
    settle()
    assert overlay.neuron_id == "y"
    window.scene.select(["x1"])  # an input is not a computing neuron: the callouts stay
    settle()
    assert overlay.neuron_id == "y"


def test_the_look_switch_relabels(window):
    overlay = show_parts(window, xor())
    window.look_actions["schematic"].trigger()
    settle()
    assert [c.part for c in overlay.callouts] == SCHEMATIC_PARTS


def test_deleting_the_neuron_moves_the_callouts_on(window):
    overlay = show_parts(window, xor())
    window.scene.select([overlay.neuron_id])
    window.edit.delete()
    settle()
    assert overlay.neuron_id in window.network.neurons
    assert overlay.callouts and overlaps(window, overlay) == []


def test_without_a_computing_neuron_it_says_what_to_do(window):
    network = Network()
    network.add_neuron(Neuron("x1", kind="input"))
    window.document.replace(network)
    window.name_parts.action.setChecked(True)
    assert not window.name_parts.action.isChecked()
    assert "Add a neuron first" in window.status_line.text()


def test_turning_it_off_removes_the_callouts(window):
    overlay = show_parts(window, xor())
    assert overlay.scene() is window.scene
    window.name_parts.action.setChecked(False)
    assert window.name_parts.overlay is None
    assert not any(type(item).__name__ == "PartsOverlay" for item in window.scene.items())


def test_korean_callouts(window, qapp):
    from neuron_sim.ui.i18n import language

    language.apply_language(qapp, "ko", font_check=lambda: True)
    try:
        overlay = show_parts(window, xor())
        titles = {c.part: c.title for c in overlay.callouts}
        assert titles == {"dendrites": "수상돌기", "synapse": "시냅스", "soma": "세포체 (소마)",
                          "hillock": "축삭 둔덕: 발화할지 결정", "axon": "축삭돌기"}
        assert overlaps(window, overlay) == []
    finally:
        language.apply_language(qapp, "en")


def test_callouts_make_room_when_another_neuron_moves_under_them(window):
    overlay = show_parts(window, xor())
    box = next(c.box for c in overlay.callouts if c.part == "soma")
    # Move the other hidden neuron right onto the soma callout.
    push(window.document.undo_stack, move_command(window.network, {"h2": (box.center().x(), box.center().y())}))
    settle()
    assert overlaps(window, overlay) == []


def test_fit_frames_the_callouts_with_the_network(window):
    overlay = show_parts(window, xor())
    window.view.set_zoom(3.0)  # zoomed in: the callouts cannot all be visible
    window.view.fit()
    view = window.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(overlay.sceneBoundingRect())
    assert visible.contains(window.scene.network_rect())
    window.name_parts.action.setChecked(False)
    assert overlay not in window.scene.annotations


def test_leaving_far_cells_out_changes_no_box(window):
    """Only cells, labels and curves near the annotated neuron are read; the oracle places the
    same callouts against every cell, label and curve of the network."""
    from neuron_sim.model.generate import layered_network
    from neuron_sim.model.callout_placement import GAP, place_boxes
    from neuron_sim.ui.canvas.parts_overlay import PADDING, _subtitle_font, _title_font, text_room

    overlay = show_parts(window, layered_network(150, 600, seed=4))
    scene, item = window.scene, window.scene.neuron_items[overlay.neuron_id]
    assert any(abs(other.x() - item.x()) > 1000 for other in scene.neuron_items.values())  # far cells exist
    rects = [other.mapRectToScene(other.body_rect()) for other in scene.neuron_items.values() if other is not item]
    rects += [other.mapRectToScene(text_room(other)) for other in scene.neuron_items.values()]
    rects += [QRectF(x - half, y - 9, 2 * half, 18) for x, y, _text, half in scene.synapse_layer.labels()]
    solid = np.array([r.getCoords() for r in rects]) + (-GAP, -GAP, GAP, GAP)
    points = geometry.bezier_points(scene.synapse_layer.layout_.control, 20).reshape(-1, 2)
    thin = np.concatenate([points - 3.0, points + 3.0], axis=1)
    title, subtitle = QFontMetricsF(_title_font()), QFontMetricsF(_subtitle_font())
    sizes = [(max(title.horizontalAdvance(c.title), subtitle.horizontalAdvance(c.subtitle)) + 2 * PADDING,
              title.height() + subtitle.height() + 2 * PADDING) for c in overlay.callouts]
    cell = item.mapRectToScene(item.body_rect()).adjusted(-10, -10, 10 + geometry.AXON_STUB, 10)
    expected = place_boxes(np.array([(c.anchor.x(), c.anchor.y()) for c in overlay.callouts]),
                           np.array([c.direction for c in overlay.callouts]), np.array(sizes), solid, thin,
                           np.array(cell.getCoords()))
    assert np.array([c.box.getCoords() for c in overlay.callouts]) == pytest.approx(expected)


@pytest.mark.parametrize("look", ["biological", "schematic"])
def test_spiking_cells_are_named_in_spiking_terms(window, look):
    network = spiking_chain()
    network.set_neuron_param("a", "v_threshold_mV", -52.5)
    network.set_neuron_param("a", "refractory_ms", 3.0)
    overlay = show_parts(window, network, look)
    assert overlay.neuron_id == "a"
    texts = {c.part: (c.title, c.subtitle) for c in overlay.callouts}
    everything = " ".join(" ".join(pair) for pair in texts.values())
    assert "Σ" not in everything and "f(" not in everything and "activation function" not in everything
    assert "−52.5 mV" in everything and "3 ms" in everything and "refractory" in everything
    assert "spike" in everything.lower()
    if look == "biological":
        assert "membrane potential" in texts["soma"][0]
        assert "−52.5 mV" in texts["hillock"][0] and "refractory" in texts["hillock"][1]
    else:
        assert "membrane potential" in texts["sum"][0]
        assert texts["activation"][0] == "Spike when v ≥ −52.5 mV"
    window.network.set_neuron_param("a", "v_threshold_mV", -50.0)  # the callouts say the new number
    settle()
    assert any("−50 mV" in c.title for c in overlay.callouts)


def test_a_rate_cell_in_a_spiking_window_keeps_the_rate_words(window):
    overlay = show_parts(window, example_neuron())
    assert {c.part: c.subtitle for c in overlay.callouts}["soma"] == "weighted sum Σ w·x − θ"


@pytest.mark.parametrize("side", ["left", "right", "top", "bottom"])
def test_callouts_stay_inside_the_view_when_it_moves_to_the_edge(window, side):
    overlay = show_parts(window, xor())
    settle()
    view = window.view
    view.set_zoom(1.0)
    cell = window.scene.neuron_items[overlay.neuron_id]
    visible = window.name_parts.visible_rect()
    dx = {"left": visible.width() / 2 - 90, "right": -(visible.width() / 2 - 90)}.get(side, 0.0)
    dy = {"top": visible.height() / 2 - 80, "bottom": -(visible.height() / 2 - 80)}.get(side, 0.0)
    view.centerOn(cell.x() + dx, cell.y() + dy)  # the cell close to that edge of the window
    settle()
    visible = window.name_parts.visible_rect()
    assert visible.contains(cell.sceneBoundingRect())
    for callout in overlay.callouts:
        assert visible.contains(callout.box), (callout.part, callout.box, visible)


def leaders_through_boxes(overlay) -> list[str]:
    """Leader lines that run through another callout's box, found by sampling each line densely."""
    found = []
    for callout in overlay.callouts:
        anchor = np.array([callout.anchor.x(), callout.anchor.y()])
        end = np.array([min(max(anchor[0], callout.box.left()), callout.box.right()),
                        min(max(anchor[1], callout.box.top()), callout.box.bottom())])
        points = anchor + (end - anchor) * np.linspace(0.0, 1.0, 400)[:, None]
        for other in overlay.callouts:
            x0, y0, x1, y1 = other.box.getCoords()
            inside = (points[:, 0] > x0) & (points[:, 0] < x1) & (points[:, 1] > y0) & (points[:, 1] < y1)
            if other is not callout and inside.any():
                found.append(f"{callout.part} through {other.part}")
    return found


@pytest.mark.parametrize("look", ["biological", "schematic", "blocks"])
def test_no_leader_line_crosses_another_callout_in_any_example(window, look):
    from neuron_sim.model.fileformat import load
    from neuron_sim.resources_path import examples_dir

    window.resize(1600, 1000)
    crossings = {}
    for path in sorted(examples_dir().glob("*.json")):
        overlay = show_parts(window, load(path), look)
        settle()
        if overlay is not None and overlay.isVisible() and overlay.callouts:
            if found := leaders_through_boxes(overlay):
                crossings[path.stem] = found
        window.name_parts.action.setChecked(False)
    assert crossings == {}


@pytest.mark.parametrize("lesson", ["concept-of-the-neuron", "deep-learning-and-the-brain"])
def test_no_leader_line_crosses_another_callout_on_any_lesson_page(window, lesson):
    window.resize(1600, 1000)
    window.lessons.start_named(lesson, 0)
    crossings, shown = {}, 0
    for page in range(len(window.lessons.lesson.pages)):
        window.lessons.show_page(page)
        settle()
        overlay = window.name_parts.overlay
        if overlay is not None and overlay.isVisible() and overlay.callouts:
            shown += 1
            if found := leaders_through_boxes(overlay):
                crossings[page] = found
    assert shown and crossings == {}


