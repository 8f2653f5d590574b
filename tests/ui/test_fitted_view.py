"""The canvas and its docks as the window changes: a fitted network stays in view when docks open or the
window changes size (issue #15, point 2), cells land where they are clicked, and plot docks open with
room for their plots beside the full-height side columns."""

from __future__ import annotations

from PySide6.QtCore import QPoint


def _neurons_outside_view(window) -> list[str]:
    view = window.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    return [nid for nid, item in window.scene.neuron_items.items()
            if not visible.contains(item.sceneBoundingRect())]


def _settle(qtbot, window) -> None:
    qtbot.wait(50)  # the layout of docks and the queued fit after an example opened
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def test_play_keeps_the_dense_example_in_view(qtbot, window):
    assert window.examples.open_example_named("dense-layer")
    _settle(qtbot, window)
    assert not _neurons_outside_view(window)
    assert not window.instruments.trace_dock.isVisible()
    window.playback.play()  # opens the Trace dock under the canvas
    _settle(qtbot, window)
    window.playback.pause()
    assert window.instruments.trace_dock.isVisible()
    assert not _neurons_outside_view(window), "a neuron left the view when the Trace dock opened"


def test_a_view_the_person_zoomed_is_left_alone(qtbot, window):
    assert window.examples.open_example_named("dense-layer")
    _settle(qtbot, window)
    assert window.view.fitted
    window.view.zoom_in()
    assert not window.view.fitted
    zoom = window.view.zoom()
    window.resize(window.width() - 200, window.height() - 150)
    _settle(qtbot, window)
    assert window.view.zoom() == zoom  # their zoom is kept, not refitted
    window.fit_action.trigger()
    assert window.view.fitted


def test_scrolling_the_view_ends_the_fit(qtbot, window):
    assert window.examples.open_example_named("dense-layer")
    _settle(qtbot, window)
    assert window.view.fitted
    bar = window.view.horizontalScrollBar()
    bar.triggerAction(bar.SliderAction.SliderSingleStepAdd)  # as a click on the scroll bar's arrow
    assert not window.view.fitted


def test_a_scroll_bar_coming_or_going_does_not_refit_the_view(qtbot, window, monkeypatch):
    """A fit whose new scale shows a scroll bar must not refit for the viewport that bar took away:
    the refit would hide the bar, and so on without end (the event loop never idles)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QApplication

    assert window.examples.open_example_named("dense-layer")
    _settle(qtbot, window)
    view = window.view
    assert view.fitted
    fits = []
    monkeypatch.setattr(view, "fit", lambda: fits.append(1))
    viewport = view.viewport().size()
    narrower = QSize(viewport.width() - 15, viewport.height())  # as a vertical scroll bar takes it
    QApplication.sendEvent(view, QResizeEvent(narrower, viewport))
    assert not fits, "the view refit when only a scroll bar took room"
    view.resize(view.width() - 60, view.height())  # the room itself changes: refit
    assert fits


def _centre_offset(window) -> tuple[float, float]:
    """Where the network's centre is on screen, from the viewport's centre, in pixels."""
    view = window.view
    centre = view.mapFromScene(window.scene.framed_rect().center())
    middle = view.viewport().rect().center()
    return abs(centre.x() - middle.x()), abs(centre.y() - middle.y())


def test_a_small_page_after_one_with_far_callouts_sits_in_the_middle_without_scroll_bars(qtbot, window):
    window.resize(1400, 900)
    window.lessons.start_named("concept-of-the-neuron", 0)  # callouts name the cell's parts, far out
    _settle(qtbot, window)
    window.lessons.next()  # one cell and its input, no callouts
    _settle(qtbot, window)
    view = window.view
    assert not view.horizontalScrollBar().isVisible() and not view.verticalScrollBar().isVisible()
    dx, dy = _centre_offset(window)
    assert dx <= 2 and dy <= 2, f"the network is {dx}, {dy} px from the middle"
    assert not _neurons_outside_view(window)


def test_a_cell_added_beyond_the_fitted_room_can_be_scrolled_to(qtbot, window):
    from neuron_sim import commands
    from neuron_sim.model import Neuron

    assert window.examples.open_example_named("dense-layer")
    _settle(qtbot, window)
    far = window.scene.framed_rect().right() + 3000
    window.scene.push(commands.AddNeuronCommand(window.network, Neuron("far", position=(far, 0.0))))
    _settle(qtbot, window)
    item = window.scene.neuron_items["far"]
    assert window.view.sceneRect().contains(item.sceneBoundingRect())
    window.view.reset_zoom()
    window.view.centerOn(item)
    _settle(qtbot, window)
    assert "far" not in _neurons_outside_view(window)


def _as_launched(qtbot):
    """A main window as the app opens one without a file: its own empty network, nothing fitted yet
    (the `window` fixture zooms and centres its view)."""
    from PySide6.QtWidgets import QMessageBox

    from neuron_sim.ui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    _settle(qtbot, window)
    return window


def _click(qtbot, window, tool: str, point) -> None:
    """The tool chosen, then a click at `point` (viewport pixels) on the canvas."""
    from PySide6.QtCore import Qt

    window.tool_actions[tool].trigger()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    _settle(qtbot, window)


def test_a_cell_placed_by_a_click_stays_under_the_pointer(qtbot):
    """The window as the app opens it (the empty network it starts with, nothing fitted yet), and
    after New: each cell lands where it was clicked, and what is already there does not move."""
    window = _as_launched(qtbot)
    for round_ in ("at launch", "after New"):
        viewport = window.view.viewport()
        clicks = [("input", QPoint(120, 150)),  # then at the edges: the room grows, the view stays
                  ("neuron", QPoint(viewport.width() - 12, viewport.height() - 12)), ("input", QPoint(10, 12))]
        placed = {}
        for tool, point in clicks:
            _click(qtbot, window, tool, point)
            new = next(nid for nid in window.network.neurons if nid not in placed)
            placed[new] = point
            for nid, where in placed.items():
                shown = window.view.mapFromScene(window.scene.neuron_items[nid].pos())
                assert (shown - where).manhattanLength() <= 2, f"{round_}: {nid} is at {shown}, clicked at {where}"
        window.new_action.trigger()
        _settle(qtbot, window)


def test_a_dock_opening_over_a_small_network_built_by_hand_shows_no_scroll_bars(qtbot):
    """Built by clicks (never fitted), the network fits in the canvas before and after Play opens the
    Traces dock under it: no scroll bar comes for nothing, and no cell leaves the view."""
    window = _as_launched(qtbot)
    for tool, point in (("input", QPoint(150, 200)), ("input", QPoint(150, 420)), ("neuron", QPoint(520, 310))):
        _click(qtbot, window, tool, point)
    assert not window.instruments.trace_dock.isVisible()
    window.playback.play()  # opens the Traces dock under the canvas
    _settle(qtbot, window)
    window.playback.pause()
    assert window.instruments.trace_dock.isVisible()
    view = window.view
    assert not view.horizontalScrollBar().isVisible() and not view.verticalScrollBar().isVisible()
    assert not _neurons_outside_view(window)


def test_the_plots_under_the_canvas_leave_the_side_columns_their_full_height(qtbot, window):
    """The Train dock (left) and the inspector and computation panel (right) run the window's full
    height; the Traces dock sits under the canvas between them, not under the Train dock's tall form
    (which squeezed it to a strip)."""
    assert window.examples.open_example_named("learn-xor")  # opens the Train dock on the left
    window.playback.play()  # opens the Traces dock under the canvas
    _settle(qtbot, window)
    window.playback.pause()
    train, trace = window.training.dock, window.instruments.trace_dock
    assert train.isVisible() and trace.isVisible()
    assert trace.geometry().left() >= train.geometry().right()
    assert trace.geometry().right() <= window.instruments.panel_dock.geometry().left()
    assert train.geometry().bottom() > trace.geometry().top()  # beside it, down to the bottom


def test_a_plot_dock_opened_from_the_view_menu_has_room_for_its_plot(qtbot, window):
    """View → Activation function (before anything played): the dock opens tall enough to read its
    plot, not as a strip a few pixels high."""
    assert window.examples.open_example_named("logistic-unit")
    _settle(qtbot, window)
    dock = window.instruments.plot_docks[1]
    assert not dock.isVisible()
    dock.toggleViewAction().trigger()
    _settle(qtbot, window)
    assert dock.isVisible() and dock.height() >= 200, dock.height()


def test_the_first_play_leaves_a_plot_the_person_opened_in_front(qtbot, window):
    assert window.examples.open_example_named("spiking-reflex-arc")
    raster = window.instruments.raster_dock
    raster.toggleViewAction().trigger()  # View → Spike raster, then Play
    window.playback.play()
    _settle(qtbot, window)
    window.playback.pause()
    assert raster.isVisible() and not raster.visibleRegion().isEmpty()  # in front, not behind a tab
    assert not window.instruments.trace_dock.isVisible()
