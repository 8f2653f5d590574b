"""A zoom or a drag on a scrolling plot (traces, raster) sticks while the simulation runs; the
Follow button, a double-click or pyqtgraph's "A" button go back to following the newest data.

The mouse and wheel events are real Qt events sent to the plot widget's viewport.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel

from neuron_sim.ui.panels.plots import RasterDock, TraceDock

from .plot_helpers import and_gate, relay, run

WINDOW_MS = 20.0


def viewport(dock):
    return dock.plot_item().getViewBox().scene().views()[0].viewport()


def view_centre(dock) -> QPoint:
    """The centre of the plotting area (not the axes) in viewport pixels."""
    box = dock.plot_item().getViewBox()
    widget = box.scene().views()[0]
    return widget.mapFromScene(box.sceneBoundingRect().center())


def wheel(dock, steps: int) -> None:
    """Turn the mouse wheel over the plot: positive steps zoom in."""
    target = viewport(dock)
    at = QPointF(view_centre(dock))
    event = QWheelEvent(at, QPointF(target.mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(target, event)


def send(dock, kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
    target = viewport(dock)
    QApplication.sendEvent(target, QMouseEvent(kind, QPointF(pos), QPointF(target.mapToGlobal(pos)), button,
                                                buttons, Qt.KeyboardModifier.NoModifier))


LEFT, NO_BUTTON = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton


def drag(qtbot, dock, dx: int) -> None:
    """Drag the plot sideways with the left button held, in small moves as a hand does (pyqtgraph
    drops moves that come faster than its rate limit, ~60 a second). QTest's mouseMove does not
    carry the held button to pyqtgraph's scene, so the events a mouse makes are sent."""
    start = view_centre(dock)
    send(dock, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    for k in range(1, 11):
        qtbot.wait(25)
        send(dock, QEvent.Type.MouseMove, start + QPoint(dx * k // 10, 0), NO_BUTTON, LEFT)
    send(dock, QEvent.Type.MouseButtonRelease, start + QPoint(dx, 0), LEFT, NO_BUTTON)


def double_click(dock) -> None:
    """What a mouse sends for a double-click (QTest's mouseDClick sends no releases)."""
    at = view_centre(dock)
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
                 QEvent.Type.MouseButtonRelease):
        released = kind == QEvent.Type.MouseButtonRelease
        send(dock, kind, at, LEFT, NO_BUTTON if released else LEFT)


def x_range(dock) -> tuple[float, float]:
    low, high = dock.plot_item().viewRange()[0]
    return float(low), float(high)


def playing_trace(make):
    playback, dock = make(TraceDock, relay(), ["n1"])
    dock.set_window(WINDOW_MS)
    run(playback, 400)  # 40 ms
    dock.refresh()
    return playback, dock


def held_note(dock) -> QLabel:
    return dock.findChild(QLabel, "plot_held_note")


def assert_follows_the_newest(dock, playback) -> None:
    end = float(playback.recorder.times()[-1])
    assert x_range(dock) == pytest.approx((end - WINDOW_MS, end))
    assert dock.following and dock.follow_button.isChecked()
    assert not held_note(dock).isVisible()


def test_a_trace_follows_the_newest_data_until_the_wheel_zooms_it(make):
    playback, dock = playing_trace(make)
    assert_follows_the_newest(dock, playback)
    wheel(dock, 3)
    zoomed = x_range(dock)
    assert zoomed[1] - zoomed[0] < WINDOW_MS * 0.9  # the wheel zoomed in
    assert not dock.following and not dock.follow_button.isChecked()
    assert held_note(dock).isVisible() and held_note(dock).text() == "Not following the newest data"
    y_zoomed = dock.y_range()
    run(playback, 300)
    dock.refresh()
    assert x_range(dock) == pytest.approx(zoomed)  # the view stays where the user put it
    assert dock.y_range() == pytest.approx(y_zoomed)
    x, _ = dock.curve_data("n1")
    times = playback.recorder.times()
    inside = times[(times >= zoomed[0]) & (times <= zoomed[1])]
    assert inside.size and set(inside.tolist()) <= set(x.tolist())  # every sample in view is drawn

    dock.follow_button.click()
    assert_follows_the_newest(dock, playback)
    run(playback, 100)
    dock.refresh()
    assert_follows_the_newest(dock, playback)


def test_dragging_a_trace_shows_the_past_and_a_double_click_follows_again(qtbot, make):
    playback, dock = playing_trace(make)
    before = x_range(dock)
    width = viewport(dock).width()
    drag(qtbot, dock, width // 3)  # the content moves right: earlier times come into view
    panned = x_range(dock)
    assert panned[0] < before[0] - 2.0 and panned[1] - panned[0] == pytest.approx(WINDOW_MS)
    assert not dock.following
    dock.refresh()
    x, _ = dock.curve_data("n1")
    assert x.min() <= panned[0]  # the recording before the old window is drawn, not an empty plot
    spikes = playback.recorder.spike_times("n1")
    in_view = spikes[(spikes >= panned[0]) & (spikes <= panned[1])]
    assert in_view.size and set(in_view.tolist()) <= set(dock.spike_tick_times("n1").tolist())
    run(playback, 200)
    dock.refresh()
    assert x_range(dock) == pytest.approx(panned)
    double_click(dock)
    assert_follows_the_newest(dock, playback)


def test_pyqtgraphs_auto_button_follows_again(qtbot, make):
    playback, dock = playing_trace(make)
    wheel(dock, -2)
    assert not dock.following
    item = dock.plot_item()
    item.autoBtn.show()  # pyqtgraph shows it when the mouse is over the plot
    widget = item.getViewBox().scene().views()[0]
    centre = widget.mapFromScene(item.autoBtn.sceneBoundingRect().center())
    qtbot.mouseClick(viewport(dock), Qt.MouseButton.LeftButton, pos=centre)
    assert_follows_the_newest(dock, playback)
    low, high = dock.y_range()
    assert low < -70.0 and high > -55.0  # the trace's own y axis (reset to threshold), not pyqtgraph's


def test_unchecking_follow_freezes_the_view_and_a_new_window_follows_again(make):
    playback, dock = playing_trace(make)
    dock.follow_button.click()
    assert not dock.following
    frozen = x_range(dock)
    run(playback, 200)
    dock.refresh()
    assert x_range(dock) == pytest.approx(frozen)
    dock.set_window(WINDOW_MS * 2)
    end = float(playback.recorder.times()[-1])
    assert dock.following and x_range(dock) == pytest.approx((end - 2 * WINDOW_MS, end))


def test_another_network_or_model_follows_again(make):
    playback, dock = make(TraceDock, and_gate(), ["y"])
    run(playback, 10)
    dock.refresh()
    wheel(dock, 2)
    assert not dock.following
    playback.network.set_param("model", "spiking")  # ticks become milliseconds
    run(playback, 50)
    dock.refresh()
    assert dock.following
    end = float(playback.recorder.times()[-1])
    assert x_range(dock)[1] == pytest.approx(max(end, x_range(dock)[0] + dock.DEFAULT_WINDOW["ms"]))
    wheel(dock, 2)
    assert not dock.following
    playback.set_network(relay())  # a new document, in the same unit
    dock.show_selection(["n1"], [])
    assert dock.following


def test_a_zoomed_raster_stays_zoomed_until_follow(make):
    playback, dock = make(RasterDock, relay(drive=30.0), ["n1"])
    run(playback, 500)
    dock.refresh()
    y_before = dock.plot_item().viewRange()[1]
    wheel(dock, 3)
    zoomed = x_range(dock)
    assert not dock.following
    assert dock.plot_item().viewRange()[1] == pytest.approx(y_before)  # rows stay put: y is not zoomable
    run(playback, 500)
    dock.refresh()
    assert x_range(dock) == pytest.approx(zoomed)
    times, _rows = dock.spike_points()
    assert times.max() > zoomed[1]  # the new spikes are recorded, off to the right of the view
    dock.follow_button.click()
    samples = playback.recorder.times()
    low, high = x_range(dock)
    assert low <= samples[0] + 1.0 and high >= samples[-1]  # the whole recording again
    assert np.isclose(high - low, (samples[-1] - min(samples[0], times.min())) * 1.02, rtol=0.05)


def right_click(dock) -> None:
    """The context-menu event a right-click makes on the plot."""
    from PySide6.QtGui import QContextMenuEvent

    target = viewport(dock)
    at = view_centre(dock)
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, target.mapToGlobal(at)))


def test_right_click_offers_the_docks_own_menu_not_pyqtgraphs(make):
    playback, dock = playing_trace(make)
    assert not dock.plot_item().menuEnabled()  # pyqtgraph's English power-user menu is off
    right_click(dock)
    menu = dock.last_plot_menu
    assert menu is not None and menu.isVisible()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Follow the newest data", "Plot as PNG image…", "Plot as SVG drawing…", "Data as CSV…"]
    menu.close()
    wheel(dock, 3)
    right_click(dock)
    follow = dock.last_plot_menu.actions()[0]
    assert not follow.isChecked()
    follow.trigger()  # back to following, as the Follow button does
    assert_follows_the_newest(dock, playback)
    dock.last_plot_menu.close()
