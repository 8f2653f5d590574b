"""The Train dock's plots answer a right-click with the app's own, translated menu, never with
pyqtgraph's English one; its Reset the view fits all the data again after a zoom.

The right-clicks are real Qt events sent to each plot's viewport.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QApplication


@pytest.fixture
def plots(window, qtbot):
    assert window.examples.open_example_named("learn-xor")
    dock = window.training.dock
    session = window.training.session
    assert session.run_epochs(40)
    dock.redraws.draw()
    plots = dock.plots
    qtbot.waitUntil(plots.loss_plot.isVisible)  # widgets added to a shown layout are shown by a queued call
    assert plots.loss_plot.isVisible() and plots.map_plot.isVisible()
    return plots


def centre_of(plot) -> QPoint:
    """The centre of the plotting area (not the axes) in viewport pixels."""
    return plot.mapFromScene(plot.getPlotItem().getViewBox().sceneBoundingRect().center())


def right_axis_point(plots) -> QPoint:
    return plots.loss_plot.mapFromScene(plots.loss_plot.getPlotItem().getAxis("right").sceneBoundingRect().center())


def context_menu_event(plot, at: QPoint) -> None:
    """The context-menu event a right-click makes."""
    target = plot.viewport()
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, target.mapToGlobal(at)))


def right_button_click(plot, at: QPoint) -> None:
    """The press and release a right-click makes (pyqtgraph opens its menus on these)."""
    target = plot.viewport()
    for kind, buttons in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.RightButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        event = QMouseEvent(kind, QPointF(at), QPointF(target.mapToGlobal(at)), Qt.MouseButton.RightButton,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target, event)


def pyqtgraph_menus(plots) -> list:
    menus = [plots.accuracy_view.menu]
    for plot in (plots.loss_plot, plots.map_plot):
        item = plot.getPlotItem()
        menus += [item.ctrlMenu, item.getViewBox().menu]
    return [menu for menu in menus if menu is not None]


@pytest.fixture
def korean(qapp):
    from neuron_sim.ui.application import install_translator

    assert install_translator(qapp, "ko") == "ko"
    yield
    install_translator(qapp, "en")


def test_a_right_click_on_either_plot_offers_the_apps_menu(plots):
    assert not plots.accuracy_view.menuEnabled()
    for plot in (plots.loss_plot, plots.map_plot):
        assert not plot.getPlotItem().menuEnabled()  # pyqtgraph's English power-user menu is off
        plots.last_plot_menu = None
        context_menu_event(plot, centre_of(plot))
        menu = plots.last_plot_menu
        assert menu is not None and menu.isVisible()
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        extra = ["Loss per epoch as CSV…"] if plot is plots.loss_plot else []
        assert texts == ["Reset the view", "Plot as PNG image…", "Plot as SVG drawing…", *extra]
        menu.close()


def test_the_menu_speaks_korean(plots, korean):
    for plot in (plots.loss_plot, plots.map_plot):
        context_menu_event(plot, centre_of(plot))
        texts = [a.text() for a in plots.last_plot_menu.actions() if not a.isSeparator()]
        assert texts[:3] == ["보기 되돌리기", "그래프를 PNG 이미지로…", "그래프를 SVG 그림으로…"]
        plots.last_plot_menu.close()


def test_a_right_button_click_opens_none_of_pyqtgraphs_menus(plots):
    for plot, at in ((plots.loss_plot, centre_of(plots.loss_plot)), (plots.loss_plot, right_axis_point(plots)),
                     (plots.map_plot, centre_of(plots.map_plot))):
        right_button_click(plot, at)
        assert [menu for menu in pyqtgraph_menus(plots) if menu.isVisible()] == []


def shows_all(box, x0: float, x1: float, y0: float, y1: float) -> bool:
    (x_low, x_high), (y_low, y_high) = box.viewRange()
    return x_low <= x0 and x_high >= x1 and y_low <= y0 and y_high >= y1


def test_reset_the_view_shows_all_the_data_and_follows_it(plots, window, qtbot):
    loss_box = plots.loss_plot.getPlotItem().getViewBox()
    loss_box.setRange(xRange=(10, 12), yRange=(0.0, 0.01), padding=0)  # as a zoom with the mouse leaves it
    map_box = plots.map_plot.getPlotItem().getViewBox()
    map_box.setRange(xRange=(0.4, 0.5), yRange=(0.4, 0.5), padding=0)
    for plot in (plots.loss_plot, plots.map_plot):
        context_menu_event(plot, centre_of(plot))
        plots.last_plot_menu.actions()[0].trigger()
        plots.last_plot_menu.close()
    # pyqtgraph fits the view when it next paints the plot.
    qtbot.waitUntil(lambda: shows_all(loss_box, 1, 40, min(plots.loss_values), max(plots.loss_values)))
    qtbot.waitUntil(lambda: shows_all(map_box, *plots.extent))
    # It keeps following: later epochs stay in view.
    assert window.training.session.run_epochs(60)
    window.training.dock.redraws.draw()
    assert len(plots.loss_values) == 100
    qtbot.waitUntil(lambda: shows_all(loss_box, 1, 100, min(plots.loss_values), max(plots.loss_values)))


def _menu_action(plots, plot, text):
    context_menu_event(plot, centre_of(plot))
    menu = plots.last_plot_menu
    action = next(a for a in menu.actions() if a.text() == text)
    menu.close()
    return action


def test_each_plot_exports_as_png_and_svg_for_a_slide(plots, tmp_path):
    from PySide6.QtGui import QImage

    asked = []
    plots.ask_path = lambda title, suggested, file_filter: asked.append(suggested) or str(tmp_path / suggested)
    for plot in (plots.loss_plot, plots.map_plot):
        _menu_action(plots, plot, "Plot as PNG image…").trigger()
        _menu_action(plots, plot, "Plot as SVG drawing…").trigger()
    assert asked == ["training-loss.png", "training-loss.svg", "decision-boundary.png", "decision-boundary.svg"]
    for stem, plot in (("training-loss", plots.loss_plot), ("decision-boundary", plots.map_plot)):
        image = QImage(str(tmp_path / f"{stem}.png"))
        width = plot.getPlotItem().sceneBoundingRect().width()
        assert not image.isNull() and image.width() == int(width * 2)  # twice the size on screen
        svg = (tmp_path / f"{stem}.svg").read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "<path" in svg


def test_the_loss_exports_as_csv_with_every_epoch(plots, window, tmp_path):
    plots.ask_path = lambda title, suggested, file_filter: str(tmp_path / "loss")  # no suffix typed
    _menu_action(plots, plots.loss_plot, "Loss per epoch as CSV…").trigger()
    lines = (tmp_path / "loss.csv").read_text(encoding="utf-8").splitlines()
    history = window.training.session.history
    assert lines[0] == "epoch,loss,accuracy" and len(lines) == 1 + len(history) == 41
    for line, result in zip(lines[1:], history):
        epoch, loss, accuracy = line.split(",")
        assert int(epoch) == result.epoch and float(loss) == result.loss and float(accuracy) == result.accuracy


def test_a_plot_that_cannot_be_written_says_why(plots, tmp_path, monkeypatch):
    from neuron_sim.ui import plain_text

    warned = []
    monkeypatch.setattr(plain_text, "warn", lambda parent, title, text: warned.append(text))
    folder = tmp_path / "a-folder.png"
    folder.mkdir()
    plots.ask_path = lambda title, suggested, file_filter: str(folder)
    _menu_action(plots, plots.loss_plot, "Plot as PNG image…").trigger()
    assert len(warned) == 1 and str(folder) in warned[0] and folder.is_dir()
