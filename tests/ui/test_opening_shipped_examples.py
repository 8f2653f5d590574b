"""A shipped example opened as a file (File → Open, the command line, Recent files, a link) opens as
the Examples menu opens it: an untitled copy, so that Save asks for a name and the file in
resources/examples stays as shipped."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QFileDialog, QMessageBox

from neuron_sim.model import fileformat
from neuron_sim.resources_path import examples_dir
from neuron_sim.ui.examples import all_examples

XOR = examples_dir() / "xor.json"
XOR_TITLE_IN_FILE = "XOR needs a hidden layer"  # resources/examples/xor.json's "name"


def _xor_example():
    return next(example for example in all_examples() if example.file == "xor.json")


def _save_dialog_answers(monkeypatch, answer: Path | None) -> list[str]:
    """Replace the Save dialog; returns the start names it was asked with."""
    asked: list[str] = []

    def dialog(parent, caption, start, filters):
        asked.append(start)
        return (str(answer), "") if answer else ("", "")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return asked


def _assert_untitled_copy_of_xor(window) -> None:
    """What the Examples menu gives (tests/ui/test_examples.py checks the menu itself)."""
    assert window.document.path is None
    assert window.network.name == XOR_TITLE_IN_FILE  # the English interface of the tests
    assert window.windowTitle().startswith(XOR_TITLE_IN_FILE)
    assert not window.isWindowModified() and window.document.undo_stack.count() == 0
    shipped = fileformat.load(XOR)
    assert list(window.network.neurons) == list(shipped.neurons)
    assert {k: s.weight for k, s in window.network.synapses.items()} == \
        {k: s.weight for k, s in shipped.synapses.items()}
    assert window.examples.info_bar.isVisible()
    assert window.look_actions["biological"].isChecked()  # the example's own look
    assert window.scene.selected_neuron_ids() == ["y"]


def test_open_a_shipped_example_opens_an_untitled_copy_and_save_asks_for_a_name(window, tmp_path, monkeypatch):
    before = XOR.read_bytes()
    window.look_actions["schematic"].trigger()
    assert window.files.open(XOR)
    _assert_untitled_copy_of_xor(window)
    assert "copy" in window.status_line.text()
    assert str(XOR.resolve()) not in window.files.recent_files()  # Recent files would lead back to it

    window.network.set_neuron_param("x2", "value", 1.0)  # an edit, as in class
    window.edit.add_layer_with(1, "neuron", "sigmoid")
    assert window.isWindowModified()
    mine = tmp_path / "my-xor.json"
    asked = _save_dialog_answers(monkeypatch, mine)
    assert window.files.save()  # Ctrl+S
    assert asked == [XOR_TITLE_IN_FILE + ".json"]  # a name, not the shipped file's path
    assert XOR.read_bytes() == before
    assert window.document.path == mine and not window.isWindowModified()
    assert len(fileformat.load(mine)) == len(fileformat.load(XOR)) + 1


def test_open_through_the_file_dialog_asks_about_unsaved_changes_once(window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(XOR), ""))
    window.edit.add_layer_with(2, "neuron", "sigmoid")
    asked = []
    window.files.ask_to_save = lambda: (asked.append(1), QMessageBox.StandardButton.Discard)[1]
    window.open_action.trigger()
    assert asked == [1]
    _assert_untitled_copy_of_xor(window)
    window.edit.add_layer_with(1, "neuron", "sigmoid")
    window.new_action.trigger()  # the question is asked again for later changes
    assert asked == [1, 1]


def test_cancelling_the_question_keeps_the_open_network(window):
    window.edit.add_layer_with(2, "neuron", "sigmoid")
    before = window.network
    window.files.ask_to_save = lambda: QMessageBox.StandardButton.Cancel
    assert not window.files.open(XOR)
    assert window.network is before and window.isWindowModified()


def test_a_file_given_on_the_command_line_opens_as_a_copy(qtbot):
    from neuron_sim.ui.window.launch import open_window

    window = open_window(str(XOR))  # what `neuron-sim resources/examples/xor.json` does
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    _assert_untitled_copy_of_xor(window)


def test_an_example_in_recent_files_opens_as_a_copy(window):
    """A shipped file remembered before this rule (or by an older version) still opens as a copy."""
    window.settings.setValue("recent_files", [str(XOR.resolve())])
    window.files.set_recent_menu(window.recent_menu)
    [action] = window.recent_menu.actions()
    action.trigger()
    _assert_untitled_copy_of_xor(window)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_a_link_to_a_shipped_example_opens_as_a_copy(window, tmp_path):
    link = tmp_path / "xor-link.json"
    link.symlink_to(XOR)
    assert window.files.open(link)
    _assert_untitled_copy_of_xor(window)


def test_a_copy_of_an_example_elsewhere_is_an_ordinary_file(window, tmp_path):
    copy = tmp_path / "xor.json"
    copy.write_bytes(XOR.read_bytes())
    assert window.files.open(copy)
    assert window.document.path == copy
    assert not window.examples.info_bar.isVisible()


def test_a_shipped_file_that_is_not_in_the_examples_menu_opens_as_a_copy(window, tmp_path, monkeypatch):
    """A file in the examples folder the menu does not list (an older example left by an update)."""
    folder = tmp_path / "examples"
    folder.mkdir()
    extra = folder / "half-adder.json"
    fileformat.save(fileformat.load(XOR), extra)
    extra.write_text(extra.read_text(encoding="utf-8").replace(XOR_TITLE_IN_FILE, "Half adder"), encoding="utf-8")
    before = extra.read_bytes()
    monkeypatch.setattr("neuron_sim.ui.examples.examples_dir", lambda: folder)
    assert window.files.open(extra)
    assert window.document.path is None and not window.isWindowModified()
    assert window.windowTitle().startswith("Half adder")
    assert "half-adder.json" in window.status_line.text()
    window.edit.add_layer_with(1, "neuron", "sigmoid")
    asked = _save_dialog_answers(monkeypatch, None)
    assert not window.files.save()  # asked where, and cancelled: nothing written
    assert asked == ["Half adder.json"]
    assert extra.read_bytes() == before


def test_save_never_writes_back_into_the_examples_folder(window, tmp_path, monkeypatch):
    """Recovered work remembers the file it came from; an example's must not be saved over it."""
    from neuron_sim.ui.window.recovery import RecoveryCopy, restore

    before = XOR.read_bytes()
    lock = QLockFile(str(tmp_path / "copy.lock"))
    assert lock.tryLock(0)
    copy = RecoveryCopy(tmp_path / "copy.json", lock, original_path=XOR, network=fileformat.load(XOR))
    assert restore(window.recovery, copy, window.files.maybe_save)
    assert window.document.path == XOR and window.isWindowModified()
    asked = _save_dialog_answers(monkeypatch, tmp_path / "rescued.json")
    assert window.files.save()
    assert asked == [XOR_TITLE_IN_FILE + ".json"]
    assert XOR.read_bytes() == before
    assert window.document.path == tmp_path / "rescued.json"
    assert fileformat.load(window.document.path) == fileformat.load(XOR)


def test_every_shipped_example_opened_as_a_file_is_the_menus_copy(window):
    for example in all_examples():
        assert window.files.open(example.path)
        assert window.document.path is None
        assert window.network.name == example.title
        assert window.examples.info_bar.title_label.text() == example.title


@pytest.mark.parametrize("look", ["schematic", "biological"])
def test_neuron_sim_with_a_shipped_file_opens_a_copy_in_the_look_asked_for(tmp_path, look):
    """The real command line, `neuron-sim resources/examples/and-gate.json --look LOOK`, in a child
    process: an untitled copy, and the look given on the command line wins over the example's own."""
    import json
    import os
    import subprocess
    import textwrap

    script = textwrap.dedent("""
        import json, sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from neuron_sim.cli import main

        def report():
            window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow")
            looks = [name for name, action in window.look_actions.items() if action.isChecked()]
            print(json.dumps({"path": window.document.path and str(window.document.path), "title": window.windowTitle(),
                              "looks": looks, "info_bar": window.examples.info_bar.isVisible()}))
            QApplication.instance().exit(0)

        QTimer.singleShot(0, report)
        sys.exit(main(sys.argv[1:]))
    """)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}  # the child's own settings
    shipped = examples_dir() / "and-gate.json"
    result = subprocess.run([sys.executable, "-c", script, str(shipped), "--look", look, "--lang", "en"],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state == {"path": None, "title": "AND gate[*] — neuron-sim", "looks": [look], "info_bar": True}
