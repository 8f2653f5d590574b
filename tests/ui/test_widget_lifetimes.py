"""A deleted window takes all its widgets with it: none is left for the garbage collector to free.

A widget Python owns that only reference cycles hold is freed whenever the collector runs, also
while QApplication.topLevelWidgets() is turning a list that holds it into Python objects: the next
step reads freed memory and the process crashes (pyqtgraph makes its right-click menus so).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid


def live_widgets_only_cycles_hold() -> list[str]:
    """The widgets, still alive in Qt, that the garbage collector would free now."""
    gc.set_debug(gc.DEBUG_SAVEALL)  # keeps what it finds in gc.garbage instead of freeing it
    try:
        gc.collect()
        found = [f"{type(o).__name__} {getattr(o, 'title', o.windowTitle)()!r}" for o in gc.garbage
                 if isinstance(o, QWidget) and isValid(o)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    gc.collect()
    return found


def delete_now(window) -> None:
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(window)


def window_with_every_plot_built(window, qtbot):
    assert window.examples.open_example_named("and-gate")
    window.instruments.trace_dock.refresh()  # its pyqtgraph plot is built on first show
    window.training.dock_action.trigger()
    plots = window.training.dock.plots
    plots.build()  # the loss (with its accuracy view) and the decision map
    scene = plots.loss_plot.sceneObj  # pyqtgraph's Export dialog, as its right-click menu opens it
    scene.contextMenuItem = plots.loss_plot.getPlotItem()
    scene.showExportDialog()
    scene.exportDialog.close()
    qtbot.wait(20)
    return window


def test_a_deleted_window_leaves_no_live_widget_to_the_garbage_collector(qtbot):
    from neuron_sim.ui.window.main_window import MainWindow

    gc.collect()  # what earlier tests left
    window = MainWindow()  # not the fixture's: nothing may hold the window once it is deleted
    window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    window.show()
    qtbot.waitExposed(window)
    window_with_every_plot_built(window, qtbot)
    delete_now(window)
    del window
    assert live_widgets_only_cycles_hold() == []


def test_pyqtgraph_menus_and_dialogs_are_deleted_with_their_plot(qtbot, window):
    window_with_every_plot_built(window, qtbot)
    plots = window.training.dock.plots
    items = [window.instruments.trace_dock.plot_item(), plots.loss_plot.getPlotItem(), plots.map_plot.getPlotItem()]
    menus = [m for item in items for m in (item.ctrlMenu, item.getViewBox().menu) if m is not None]
    menus.append(plots.loss_plot.sceneObj.exportDialog)  # the ViewBoxes' menus are off: pyqtgraph drops them
    assert len(menus) >= 4 and all(isValid(menu) for menu in menus)
    delete_now(window)
    assert [menu for menu in menus if isValid(menu)] == []  # held here, yet gone with their plots
