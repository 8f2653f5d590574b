"""The canvas keeps its page, grid and synapses as one cached background picture (NetworkView):
after every kind of change the view must show what an uncached redraw shows, never an old picture."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from neuron_sim import commands
from neuron_sim.model.generate import layered_network
from neuron_sim.ui.styles import PALETTE

from .canvas_helpers import click, drag, synapse_midpoint, view_point


def shown_and_fresh(window):
    """The viewport as painted now (cached background and all), then as drawn from nothing."""
    QApplication.processEvents()
    window.scene.flush()
    QApplication.processEvents()
    shown = window.view.viewport().grab().toImage()
    window.view.resetCachedContent()
    fresh = window.view.viewport().grab().toImage()
    return shown, fresh


def assert_fresh(window):
    shown, fresh = shown_and_fresh(window)
    assert shown == fresh


@pytest.fixture
def shown(window):
    window.document.replace(layered_network(12, 30, seed=5))
    window.view.fit()
    assert_fresh(window)  # the cache is filled, and is what a redraw makes
    return window


def test_the_synapses_are_drawn_once_in_the_background(shown, monkeypatch):
    layer = shown.scene.synapse_layer
    calls = []
    monkeypatch.setattr(type(layer), "_paint", lambda self, painter, option: calls.append(option.exposedRect))
    shown.view.resetCachedContent()
    shown.view.viewport().grab()
    assert len(calls) == 1  # as the background; the item itself does not paint over it


def test_the_view_paints_every_pixel_itself(window):
    """Qt no longer fills the viewport before the view paints: the page must cover it all."""
    window.document.replace(layered_network(0, 0, seed=1))
    window.view.set_zoom(0.3)
    image = window.view.viewport().grab().toImage()
    page = PALETTE.background.rgb()
    corners = [(0, 0), (image.width() - 1, 0), (0, image.height() - 1), (image.width() - 1, image.height() - 1)]
    assert all(image.pixel(x, y) == page for x, y in corners)
    assert image == _filled(image, PALETTE.background)


def _filled(like, colour):
    image = like.copy()
    image.fill(colour)
    return image


def first_synapse(window):
    return next(iter(window.network.synapses))


def test_a_weight_edit_hover_and_selection_show_at_once(qtbot, shown):
    key = first_synapse(shown)
    shown.document.undo_stack.push(commands.SetSynapseParamCommand(shown.network, key, "weight", -1.75))
    assert_fresh(shown)
    point = synapse_midpoint(shown, key)
    qtbot.mouseMove(shown.view.viewport(), QPoint(1, 1))  # a move, wherever the cursor was left
    qtbot.mouseMove(shown.view.viewport(), view_point(shown, *point))
    qtbot.waitUntil(lambda: shown.scene.synapse_layer.hovered == key)
    assert_fresh(shown)
    click(qtbot, shown, *point)
    assert key in shown.scene.synapse_layer.selected
    assert_fresh(shown)
    shown.undo_action.trigger()
    assert_fresh(shown)


def test_moving_and_removing_cells_leave_no_old_curves(qtbot, shown):
    nid = next(iter(shown.network.neurons))
    item = shown.scene.neuron_items[nid]
    start = (item.x(), item.y())
    drag(qtbot, shown, start, (start[0] - 150, start[1] + 90))  # the curves' box grows
    assert shown.network.neuron(nid).position != start
    assert_fresh(shown)
    shown.undo_action.trigger()  # and shrinks back
    assert_fresh(shown)
    shown.document.undo_stack.push(commands.RemoveNeuronCommand(shown.network, nid))
    assert_fresh(shown)


def test_look_grid_zoom_scroll_and_learned_weights(shown):
    shown.scene.set_look("schematic")
    assert_fresh(shown)
    shown.scene.set_show_grid(True)
    assert_fresh(shown)
    shown.scene.set_show_grid(False)
    assert_fresh(shown)
    for zoom in (0.2, 1.6, 0.8):  # the far-out drawing below the overview zoom, and back
        shown.view.set_zoom(zoom)
        assert_fresh(shown)
    bar = shown.view.horizontalScrollBar()
    bar.setValue(bar.value() + 37)
    assert_fresh(shown)
    shown.scene.synapse_layer.show_live_weights({first_synapse(shown): -2.5})
    assert_fresh(shown)
    shown.scene.synapse_layer.show_live_weights({})
    assert_fresh(shown)


def test_the_cached_picture_is_what_the_view_shows(shown):
    """The check above can fail: a background left stale shows the old synapses."""
    layer = shown.scene.synapse_layer
    key = first_synapse(shown)
    layer.selected.add(key)
    super(type(layer), layer).update()  # the item repainted, the background not told
    shown_image, fresh = shown_and_fresh(shown)
    assert shown_image != fresh
    assert shown.view.cacheMode() & shown.view.CacheModeFlag.CacheBackground
    layer.selected.discard(key)
    layer.update()
    assert_fresh(shown)


def test_present_mode_and_a_lesson_page_change_show_no_old_picture(window, qtbot):
    """Present mode sets its own scroll area and lays the callouts out again; a lesson page
    replaces the network: what the view shows is still what a fresh redraw shows."""
    window.lessons.start_named("concept-of-the-neuron", 2)
    assert_fresh(window)
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    QApplication.processEvents()
    assert window.present.presenting
    window.present.frame()
    assert_fresh(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Right)  # the next page
    assert window.lessons.index == 3
    assert_fresh(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.present.presenting
    assert_fresh(window)
