"""View → Present (F5): full screen with the canvas, the computation panel and the lesson only, every
text at least 24 px at 1920 × 1080 (measured from the fonts set), arrow keys, Esc, the halo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDockWidget, QHeaderView, QLabel, QStyle, QTableView,
                               QToolBar, QWidget)

from neuron_sim.ui import styles
from neuron_sim.ui.canvas import block_painting, parts_overlay
from neuron_sim.ui.panels.fitting_table import FittingTable
from neuron_sim.ui.window.present import PRESENT_FIT_TEXT_PX, PRESENT_MIN_TEXT_PX
from tests.ui.test_name_parts import leaders_through_boxes

LESSONS = ["concept-of-the-neuron", "deep-learning-and-the-brain"]


def settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def present(window, qtbot):
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    settle()
    assert window.present.presenting and window.isFullScreen()
    # The projector's size: the offscreen test screen is smaller, and a full-screen window keeps to it.
    window.showNormal()
    window.setGeometry(0, 0, 1920, 1080)
    settle()
    window.present.frame()
    return window.present


def shows_text(widget: QWidget) -> bool:
    if not widget.isVisible():
        return False
    if isinstance(widget, QLabel):
        return bool(widget.text().strip())
    if isinstance(widget, QAbstractButton):
        return bool(widget.text().strip())
    return isinstance(widget, (QTableView, QHeaderView, QDockWidget))


def test_f5_shows_the_canvas_the_computation_panel_and_the_lesson_only_and_esc_brings_all_back(window, qtbot):
    window.lessons.start_named("concept-of-the-neuron", 2)
    settle()
    assert window.inspector_dock.isVisible() and window.menuBar().isVisible()
    present(window, qtbot)
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert not any(bar.isVisible() for bar in window.findChildren(QToolBar))
    docks = [dock for dock in window.findChildren(QDockWidget) if dock.isVisible()]
    assert docks == [window.instruments.panel_dock]
    assert window.view.isVisible() and window.lesson_bar.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    settle()
    assert not window.present.presenting
    assert window.inspector_dock.isVisible() and window.menuBar().isVisible() and window.statusBar().isVisible()
    assert window.tools_toolbar.isVisible()


def whole_in_view(window) -> bool:
    view = window.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.contains(window.scene.framed_rect())


def test_the_smallest_text_is_at_least_24_px_at_1920_by_1080(window, qtbot):
    window.lessons.start_named("concept-of-the-neuron", 2)
    settle()
    before = QFontInfo(window.lesson_bar.text_label.font()).pixelSize()
    mode = present(window, qtbot)
    assert window.size().width() == 1920 and window.size().height() == 1080
    widgets = [w for root in (window.instruments.panel_dock, window.lesson_bar)
               for w in [root, *root.findChildren(QWidget)] if shows_text(w)]
    assert len(widgets) > 20
    sizes = {w: QFontInfo(w.font()).pixelSize() for w in widgets}
    smallest = min(sizes, key=sizes.get)
    assert sizes[smallest] >= PRESENT_MIN_TEXT_PX, (smallest.objectName(), type(smallest).__name__)
    # The canvas: every font it draws with, at the zoom Present mode keeps.
    canvas_fonts = [styles.label_font(), styles.small_font(), styles.weight_font(),
                    parts_overlay._title_font(), parts_overlay._subtitle_font()]
    for page in range(len(window.lessons.lesson.pages)):
        window.lessons.show_page(page)
        settle()
        zoom = window.view.zoom()
        # 24 px, or 18 px where that shows the whole network (and its callouts)
        least = PRESENT_MIN_TEXT_PX if not whole_in_view(window) else PRESENT_FIT_TEXT_PX
        smallest_canvas = min(QFontInfo(font).pixelSize() for font in canvas_fonts) * zoom
        assert smallest_canvas >= least - 0.5, (page, zoom)
        # The Blocks look draws a number too wide for its block smaller: the zoom makes up for it.
        for item in window.scene.neuron_items.values():
            if item.look == "blocks" and item.neuron.kind != "input":
                font = QFont()
                font.setPointSizeF(block_painting.smallest_text_points(item.block_texts()))
                assert QFontInfo(font).pixelSize() * zoom >= least - 0.5, (page, item.neuron_id, zoom)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    settle()
    assert QFontInfo(window.lesson_bar.text_label.font()).pixelSize() == before
    assert mode.keys and not any(action.isEnabled() for action in mode.keys)


def test_arrow_keys_step_the_lesson_and_the_animation(window, qtbot):
    window.lessons.start_named("concept-of-the-neuron", 0)
    settle()
    present(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert window.lessons.index == 1
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
    assert window.lessons.index == 2
    qtbot.keyClick(window.view, Qt.Key.Key_Left)
    assert window.lessons.index == 1
    positions = {nid: n.position for nid, n in window.network.neurons.items()}
    window.scene.select(["y"])
    steps = []
    window.playback_controls.step_action.triggered.connect(lambda *_: steps.append(1))
    qtbot.keyClick(window.view, Qt.Key.Key_Down)
    assert steps == [1]
    assert {nid: n.position for nid, n in window.network.neurons.items()} == positions  # no nudging
    window.lessons.end()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)  # without a lesson: one more animation step
    assert steps == [1, 1]
    window.playback.pause()


def test_the_pointer_carries_a_halo_over_the_canvas(window, qtbot):
    present(window, qtbot)
    viewport = window.view.viewport()
    qtbot.mouseMove(viewport, QPoint(300, 200))
    settle()
    halo = window.present.halo
    centre = halo.geometry().center()
    assert halo.isVisible() and abs(centre.x() - 300) <= 1 and abs(centre.y() - 200) <= 1
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not halo.isVisible()



@pytest.mark.parametrize("lesson", LESSONS)
def test_every_column_and_the_whole_network_are_in_sight_on_every_page_at_1920_by_1080(window, qtbot, lesson):
    """The computation table never cuts a column; the canvas has no scroll bar unless the network
    and its callouts are larger than it at the projector's zoom, and then it scrolls over all of
    them; no callout's leader line runs through another callout."""
    window.lessons.start_named(lesson, 0)
    settle()
    present(window, qtbot)
    view, scene = window.view, window.scene
    bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
    tables_seen = 0
    for page in range(len(window.lessons.lesson.pages)):
        window.lessons.show_page(page)
        for _ in range(3):
            settle()
        for table in window.instruments.panel_dock.findChildren(FittingTable):
            if not table.isVisible():
                continue
            tables_seen += 1
            header, last = table.horizontalHeader(), table.columnCount() - 1
            assert not table.horizontalScrollBar().isVisible(), page
            assert header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width(), page
            assert all(header.sectionSize(c) >= w for c, w in enumerate(table.content_widths())), page
            assert table.missing_width() == 0, page  # the headings in full, on one line
        framed, zoom, room = scene.framed_rect(), view.zoom(), view.maximumViewportSize()
        assert view.sceneRect().contains(framed), page  # every part can be scrolled to
        if view.horizontalScrollBar().isVisible():
            assert framed.width() * zoom > room.width() - 0.5 - bar, page
        if view.verticalScrollBar().isVisible():
            assert framed.height() * zoom > room.height() - 0.5 - bar, page
        if not (view.horizontalScrollBar().isVisible() or view.verticalScrollBar().isVisible()):
            seen = view.mapToScene(view.viewport().rect()).boundingRect()
            pixel = 1 / zoom  # the viewport is whole pixels; the framed rect is not
            assert seen.adjusted(-pixel, -pixel, pixel, pixel).contains(framed), page
        overlay = window.name_parts.overlay
        if overlay is not None and overlay.isVisible():
            assert leaders_through_boxes(overlay) == [], page
    assert tables_seen


def test_a_page_whose_task_needs_the_train_dock_says_so_while_presenting_and_shows_it_after(window, qtbot):
    window.lessons.start_named("deep-learning-and-the-brain", 2)
    settle()
    present(window, qtbot)
    assert window.lesson_bar.status_text() == ""  # a computation-panel page: nothing to say
    qtbot.keyClick(window.view, Qt.Key.Key_Right)  # the next page: teach XOR with the Train dock
    settle()
    assert window.lessons.index == 3
    assert "Train dock" in window.lesson_bar.status_text() and "Esc" in window.lesson_bar.status_text()
    assert not window.training.dock.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    settle()
    assert window.training.dock.isVisible() and window.lesson_bar.status_text() == ""
    present(window, qtbot)  # presenting again on that page says it again
    assert "Train dock" in window.lesson_bar.status_text()


def test_a_network_that_fits_at_18_px_is_shown_whole(window, qtbot):
    """At 24 px the STDP page's network is cut at the canvas's edge (the teacher cell's rate); at
    18 px or more it fits whole."""
    from neuron_sim.ui.window.present import least_zoom

    window.lessons.start_named("deep-learning-and-the-brain", 2)
    settle()
    present(window, qtbot)
    settle()
    zoom, least = window.view.zoom(), least_zoom(window.scene)
    assert least * PRESENT_FIT_TEXT_PX / PRESENT_MIN_TEXT_PX - 1e-9 <= zoom < least  # smaller, not too small
    assert whole_in_view(window)
    view = window.view
    assert not view.horizontalScrollBar().isVisible() and not view.verticalScrollBar().isVisible()


def test_a_network_whole_at_24_px_with_its_callouts_moved_into_view_stays_at_24_px(window, qtbot):
    """The artificial-neuron page fits whole at 24 px once its callouts are placed inside the view:
    it is not made smaller for the callouts' freely placed boxes."""
    from neuron_sim.ui.window.present import least_zoom

    window.lessons.start_named("concept-of-the-neuron", 2)
    settle()
    present(window, qtbot)
    settle()
    assert window.view.zoom() >= least_zoom(window.scene) - 1e-9
    assert whole_in_view(window)
