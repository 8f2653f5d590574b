"""A deleted window takes all its widgets with it: none is left for the garbage collector to free.
Nor does a figure (Copy figure, Export figure, Export animation, the dialog's preview) leave its
scene behind once it is done.

A widget Python owns that only reference cycles hold is freed whenever the collector runs, also
while QApplication.topLevelWidgets() is turning a list that holds it into Python objects: the next
step reads freed memory and the process crashes (pyqtgraph makes its right-click menus so). A
figure's scene and its animator hold each other in the same way.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QGraphicsItem, QMessageBox, QWidget
from shiboken6 import isValid

from .export_networks import xor


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


def live_qt_objects_only_cycles_hold() -> list[str]:
    """The Qt objects and scene items, still alive in Qt, that the garbage collector would free now."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what Qt deletes by itself first
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        found = sorted({type(o).__name__ for o in gc.garbage if isinstance(o, (QObject, QGraphicsItem)) and isValid(o)})
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


# ---- figures ------------------------------------------------------------------------------------
@pytest.fixture
def playing_xor(window, qtbot):
    """A window whose network has moved on: figures show its activity (through an animator)."""
    window.document.replace(xor())
    qtbot.wait(1)
    window.playback.step()
    live_qt_objects_only_cycles_hold()  # what came before
    return window


def test_copy_figure_frees_its_scene(playing_xor):
    playing_xor.figures.copy_action.trigger()
    assert "copied" in playing_xor.status_line.text()
    assert live_qt_objects_only_cycles_hold() == []


def test_export_figure_frees_the_scenes_of_its_previews_and_of_the_figure_saved(playing_xor, tmp_path):
    figures = playing_xor.figures
    dialog = figures.export_figure()
    dialog.scale_box.setCurrentIndex(dialog.scale_box.findData(1.0))
    dialog.update_preview()
    assert live_qt_objects_only_cycles_hold() == []  # the previews', while the dialog is open
    dialog.copy_button.click()
    figures.ask_save_path = lambda *args: str(tmp_path / "figure.png")
    dialog.save_button.click()
    assert (tmp_path / "figure.png").stat().st_size > 0
    assert live_qt_objects_only_cycles_hold() == []


def test_export_animation_frees_the_scene_that_followed_the_playback(playing_xor, tmp_path):
    figures = playing_xor.figures
    dialog = figures.export_animation()
    dialog.length_box.setValue(1)
    dialog.fps_box.setValue(3)
    figures.ask_save_path = lambda *args: str(tmp_path / "next.gif")
    dialog.save_button.click()
    assert (tmp_path / "next.gif").stat().st_size > 0
    assert live_qt_objects_only_cycles_hold() == []


def test_a_figure_refused_half_way_frees_its_scene_too(playing_xor, tmp_path):
    from neuron_sim.ui.export import FigureError, FigureOptions
    from neuron_sim.ui.export.animation import AnimationOptions, write_animation
    from neuron_sim.ui.export.figure import Figure

    network, playback = playing_xor.network, playing_xor.playback
    with pytest.raises(FigureError):  # the scene is built before the neuron to name is looked for
        Figure(network, FigureOptions(parts="no-such-neuron"), playback)
    assert live_qt_objects_only_cycles_hold() == []
    with pytest.raises(FigureError, match="too many pixels"):  # found after the frames' dry runs
        write_animation(tmp_path / "big.gif", network, FigureOptions(scale=16.0),
                        AnimationOptions(frames=20, fps=10.0, speed=1.0), playback)
    assert not (tmp_path / "big.gif").exists()
    assert live_qt_objects_only_cycles_hold() == []
