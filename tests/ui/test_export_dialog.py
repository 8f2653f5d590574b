"""File → Export figure / Copy figure / Export animation, driven like a person: menu, fields, buttons."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence

from neuron_sim.ui.export import Figure, FigureOptions

from .export_networks import xor


def file_menu_actions(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().title() == window.tr("&File"))
    return menu.actions()


def open_xor(window, qtbot):
    window.document.replace(xor())
    qtbot.wait(1)


def test_the_file_menu_has_the_export_entries_with_their_shortcuts(window):
    figures = window.figures
    actions = file_menu_actions(window)
    for action, keys in ((figures.export_action, "Ctrl+E"), (figures.copy_action, "Ctrl+Shift+C"),
                         (figures.animation_action, None)):
        assert action in actions
        if keys:
            assert action.shortcut() == QKeySequence(keys)


def test_export_dialog_shows_the_pixel_size_and_saves_the_chosen_format(window, qtbot, tmp_path):
    open_xor(window, qtbot)
    window.figures.export_action.trigger()
    dialog = window.figures.dialog
    qtbot.waitUntil(dialog.isVisible)
    expected = Figure(window.network, dialog.figure_options(), window.playback).pixel_size()
    assert dialog.pixel_label.text() == f"{expected.width()} × {expected.height()} pixels"
    dialog.scale_box.setCurrentIndex(dialog.scale_box.findData(4.0))
    dialog.update_preview()
    assert dialog.dpi_box.value() == 384
    four = Figure(window.network, dialog.figure_options(), window.playback).pixel_size()
    assert abs(four.width() - 2 * expected.width()) <= 1  # 4× is twice the default 2×
    assert dialog.pixel_label.text() == f"{four.width()} × {four.height()} pixels"
    assert not dialog.preview.pixmap().isNull()

    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    dialog.legend_check.setChecked(True)
    dialog.title_edit.setText("XOR")
    asked = []
    window.figures.ask_save_path = lambda title, suggested, file_filter: (asked.append(suggested), str(tmp_path / "fig"))[1]
    dialog.save_button.click()
    assert asked and asked[0].endswith(".svg")
    svg = (tmp_path / "fig.svg").read_bytes()
    texts = ["".join(t.itertext()) for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert "XOR" in texts and "Legend" in texts
    assert "fig.svg" in window.status_line.text()


def test_selection_scope_follows_the_selection(window, qtbot, tmp_path):
    open_xor(window, qtbot)
    dialog = window.figures.export_figure()
    selection_item = dialog.scope_box.model().item(dialog.scope_box.findData("selection"))
    assert not selection_item.isEnabled()  # nothing selected
    dialog.reject()
    window.scene.select(["h_or", "y"])
    dialog = window.figures.export_figure()
    assert dialog.scope_box.model().item(dialog.scope_box.findData("selection")).isEnabled()
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findData("selection"))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    window.figures.ask_save_path = lambda *args: str(tmp_path / "part.png")
    dialog.save_button.click()
    part = QImage(str(tmp_path / "part.png"))
    whole = Figure(window.network, FigureOptions(scale=dialog.scale())).pixel_size()
    assert 0 < part.width() < whole.width()


def test_copy_figure_puts_an_image_and_svg_on_the_clipboard(window, qtbot):
    open_xor(window, qtbot)
    QGuiApplication.clipboard().clear()
    window.figures.copy_action.trigger()
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasImage()
    image = data.imageData()
    expected = Figure(window.network, FigureOptions(look=window.scene.look), window.playback).pixel_size()
    assert (image.width(), image.height()) == (expected.width(), expected.height())
    assert "image/svg+xml" in data.formats()
    ET.fromstring(bytes(data.data("image/svg+xml")))
    assert "copied" in window.status_line.text()


COPY_FIGURE_AND_QUIT = """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from neuron_sim import cli
    from neuron_sim.ui.application import create_application
    from neuron_sim.ui.window.main_window import MainWindow

    def copy_and_quit():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.figures.copy_action.trigger()
        assert "image/svg+xml" in QApplication.clipboard().mimeData().formats()
        window.quit_action.trigger()

    create_application(["neuron-sim"])  # the app's own start below finds and uses this one
    QTimer.singleShot(300, copy_and_quit)
    sys.exit(cli.main(["--example", "xor"]))
"""


def test_quitting_after_copy_figure_exits_cleanly():
    """The clipboard keeps the figure past the interpreter's shutdown here (offscreen): the real exit
    path, app.exec() returning and then the interpreter shutting down (status 139 is a segfault)."""
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] + "-config"  # the child's QSettings too
    # A bound against a hung child only; no test here measures speed.
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(COPY_FIGURE_AND_QUIT)], capture_output=True,
                            text=True, env=env, cwd=Path(__file__).resolve().parents[2], timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]


def test_copy_button_of_the_dialog_uses_its_choices(window, qtbot):
    open_xor(window, qtbot)
    dialog = window.figures.export_figure()
    dialog.scale_box.setCurrentIndex(dialog.scale_box.findData(1.0))
    dialog.background_box.setCurrentIndex(dialog.background_box.findData("transparent"))
    dialog.copy_button.click()
    image = QGuiApplication.clipboard().mimeData().imageData()
    assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0
    expected = Figure(window.network, dialog.figure_options(), window.playback).pixel_size()
    assert image.width() == expected.width()


def test_an_empty_network_says_why_there_is_nothing_to_export(window, qtbot):
    dialog = window.figures.export_figure()
    assert "empty" in dialog.message.text()
    assert not dialog.save_button.isEnabled() and not dialog.copy_button.isEnabled()


def test_export_animation_writes_a_gif_from_the_current_state(window, qtbot, tmp_path):
    open_xor(window, qtbot)
    window.playback.step()
    tick = (window.playback.engine.tick, window.playback.engine.layer_cursor)
    window.figures.animation_action.trigger()
    dialog = window.figures.dialog
    assert dialog.format_box.currentData() == "gif"
    dialog.length_box.setValue(1)
    dialog.fps_box.setValue(3)
    frames = dialog.frame_count()
    assert frames == 3  # one layer lasts 1/1.5 s at the app's pace: 0, 1/3 and 2/3 s
    assert dialog.frames_label.text().startswith("3 frames")
    window.figures.ask_save_path = lambda *args: str(tmp_path / "next.gif")
    dialog.save_button.click()
    with Image.open(tmp_path / "next.gif") as gif:
        assert gif.n_frames == frames
    assert (window.playback.engine.tick, window.playback.engine.layer_cursor) == tick  # the window did not move


def test_the_dialog_opens_again_after_it_was_closed(window, qtbot):
    first = window.figures.export_figure()
    first.reject()
    qtbot.wait(10)  # its deferred deletion runs
    assert window.figures.dialog is None
    second = window.figures.export_animation()
    third = window.figures.export_figure()  # replaces the open one
    assert not second.isVisible() and third.isVisible() and window.figures.dialog is third


def test_the_wait_cursor_shows_while_the_figure_is_written_and_goes_after(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from neuron_sim.ui.export import FigureError

    open_xor(window, qtbot)
    dialog = window.figures.export_figure()
    window.figures.ask_save_path = lambda *args: str(tmp_path / "fig.png")
    seen = []

    def save(figure, path, fmt=None):
        seen.append(QApplication.overrideCursor().shape())
        if len(seen) == 2:
            raise FigureError("could not write {path}: {reason}", path=str(path), reason="disk full")

    monkeypatch.setattr(Figure, "save", save)
    window.show_error = lambda title, text: seen.append(text)
    dialog.save_button.click()
    assert seen == [Qt.CursorShape.WaitCursor] and QApplication.overrideCursor() is None
    dialog = window.figures.export_figure()
    dialog.save_button.click()  # a failed export gives the cursor back too
    assert seen[1] == Qt.CursorShape.WaitCursor and "disk full" in seen[2]
    assert QApplication.overrideCursor() is None


def test_render_gif_is_the_export_animation_of_the_same_options(window, qtbot, tmp_path):
    """`neuron-sim render … .gif` and File → Export animation (default length and frame rate, at
    rest, the same look and scale) write the same frames: pulses travel in both."""
    import numpy as np

    from neuron_sim.cli import main
    from neuron_sim.model.fileformat import load
    from neuron_sim.resources_path import examples_dir

    example = examples_dir() / "dense-layer.json"
    window.document.replace(load(example))
    window.network.set_neuron_param("x1", "value", 1.0)
    qtbot.wait(1)
    window.figures.animation_action.trigger()
    dialog = window.figures.dialog
    window.figures.ask_save_path = lambda *args: str(tmp_path / "dialog.gif")
    dialog.save_button.click()
    assert main(["render", "dense-layer", "-o", str(tmp_path / "cli.gif"), "--set", "x1=1"]) == 0
    with Image.open(tmp_path / "dialog.gif") as made, Image.open(tmp_path / "cli.gif") as rendered:
        assert made.n_frames == rendered.n_frames == dialog.frame_count() > 10
        assert made.info["duration"] == rendered.info["duration"]
        for i in range(made.n_frames):
            made.seek(i)
            rendered.seek(i)
            assert np.array_equal(np.asarray(made.convert("RGB")), np.asarray(rendered.convert("RGB"))), i


def test_the_dialog_can_name_the_parts_of_the_neuron_the_canvas_names(window, qtbot):
    open_xor(window, qtbot)
    window.figures.export_action.trigger()
    dialog = window.figures.dialog
    assert not dialog.parts_check.isChecked()  # off while the canvas names no part
    assert dialog.figure_options().parts is None
    dialog.parts_check.setChecked(True)
    assert dialog.figure_options().parts == ""  # the figure chooses as the canvas would
    assert dialog.build_figure().parts_overlay.callouts
    dialog.reject()
    window.scene.select(["y"])
    window.name_parts.action.setChecked(True)
    window.figures.export_action.trigger()
    dialog = window.figures.dialog
    assert dialog.parts_check.isChecked()  # on, as on the canvas
    assert dialog.figure_options().parts == "y"
    figure = dialog.build_figure()
    assert figure.parts_overlay.neuron_id == "y"
    assert [c.title for c in figure.parts_overlay.callouts] == [c.title for c in window.name_parts.overlay.callouts]


@pytest.fixture(params=["en", "ko"])
def interface_language(request, qapp):
    from neuron_sim.ui.i18n import language

    language.apply_language(qapp, request.param, font_check=lambda: True)
    yield request.param
    language.apply_language(qapp, "en")


def test_every_show_option_is_inside_the_dialog(window, qtbot, interface_language):
    """Six options in one row were wider than the dialog: "Keras code and W" was cut off (seen in a
    real window). Each check box is whole, inside its group and the dialog, in both languages."""
    open_xor(window, qtbot)
    window.figures.export_action.trigger()
    dialog = window.figures.dialog
    qtbot.waitUntil(dialog.isVisible)
    checks = [dialog.weights_check, dialog.thresholds_check, dialog.labels_check, dialog.legend_check,
              dialog.parts_check, dialog.keras_check]
    for check in checks:
        group = check.parentWidget()
        assert check.width() >= check.sizeHint().width(), check.text()
        assert group.rect().contains(check.geometry()), check.text()
        top_left = check.mapTo(dialog, check.rect().topLeft())
        bottom_right = check.mapTo(dialog, check.rect().bottomRight())
        assert dialog.rect().contains(top_left) and dialog.rect().contains(bottom_right), check.text()
    dialog.close()
