"""Saving never loses work: a failed save leaves the file on disk as it was and the changes unsaved,
and New, Open, Quit and closing the window ask about unsaved changes."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from neuron_sim.ui import plain_text
from neuron_sim.model import Network
from neuron_sim.model import atomic_write, fileformat
from neuron_sim.model.fileformat import save

Save, Discard, Cancel = (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                         QMessageBox.StandardButton.Cancel)


@pytest.fixture
def warnings_shown(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(plain_text, "warn", lambda parent, title, text, *rest: shown.append(text))
    return shown


def _edit(window) -> None:
    window.edit.add_layer_with(2, "neuron", "sigmoid")


def _assert_unsaved(window) -> None:
    assert not window.document.undo_stack.isClean()
    assert window.isWindowModified()
    assert "[*]" in window.windowTitle()


def test_error_between_write_and_replace_leaves_the_file_byte_for_byte(window, lesson, warnings_shown, monkeypatch):
    before = lesson.read_bytes()
    assert window.files.open(lesson)
    _edit(window)

    def interrupted(src, dst):
        assert Path(src).read_bytes() != before  # the new content was written in full, beside the file
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(fileformat.os, "replace", interrupted)
    assert not window.files.save()
    assert lesson.read_bytes() == before
    assert sorted(p.name for p in lesson.parent.iterdir()) == ["lesson.json"]  # no temporary file left
    _assert_unsaved(window)
    assert len(warnings_shown) == 1
    assert "lesson.json" in warnings_shown[0] and "Input/output error" in warnings_shown[0]
    assert "unchanged" in warnings_shown[0]

    monkeypatch.undo()  # the disk works again: the same Save now succeeds
    assert window.files.save()
    assert not window.isWindowModified()
    assert len(fileformat.load(lesson)) == 4


def test_disk_full_while_flushing_keeps_the_old_file(window, lesson, warnings_shown, monkeypatch):
    before = lesson.read_bytes()
    window.files.open(lesson)
    _edit(window)

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fileformat.os, "fsync", disk_full)
    assert not window.files.save()
    assert lesson.read_bytes() == before
    assert [p.name for p in lesson.parent.iterdir()] == ["lesson.json"]
    _assert_unsaved(window)
    assert os.strerror(errno.ENOSPC) in warnings_shown[0]


def test_permission_denied_keeps_the_changes(window, lesson, warnings_shown, monkeypatch):
    before = lesson.read_bytes()
    window.files.open(lesson)
    _edit(window)
    real_open = open

    def refuse_to_create(file, mode="r", *args, **kwargs):
        if "w" in mode or "x" in mode:  # writing, or creating the temporary file
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(atomic_write, "open", refuse_to_create, raising=False)
    assert not window.files.save()
    assert lesson.read_bytes() == before
    _assert_unsaved(window)
    assert os.strerror(errno.EACCES) in warnings_shown[0]


@pytest.mark.permissions
def test_read_only_folder_is_reported(window, lesson, warnings_shown):
    window.files.open(lesson)
    _edit(window)
    before = lesson.read_bytes()
    lesson.parent.chmod(0o500)
    try:
        assert not window.files.save()
    finally:
        lesson.parent.chmod(0o700)
    assert lesson.read_bytes() == before
    _assert_unsaved(window)
    assert warnings_shown


def test_folder_gone_since_opening_is_reported(window, tmp_path, warnings_shown):
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    path = folder / "lesson.json"
    save(Network(name="n"), path)
    window.files.open(path)
    _edit(window)
    path.unlink()
    folder.rmdir()
    assert not window.files.save()
    _assert_unsaved(window)
    assert "lesson.json" in warnings_shown[0]
    assert "No such file or directory" in warnings_shown[0]


def test_a_process_killed_between_write_and_replace_leaves_the_file_intact(lesson, tmp_path):
    """A real interruption: the saving process dies (no exception handling, no cleanup) just before
    the rename. The original must be byte-for-byte what it was."""
    before = lesson.read_bytes()
    script = textwrap.dedent(f"""
        import os
        from neuron_sim.model import fileformat
        network = fileformat.load({str(lesson)!r})
        network.set_param("name", "changed but never saved")
        fileformat.os.replace = lambda src, dst: os._exit(9)
        fileformat.save(network, {str(lesson)!r})
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    assert lesson.read_bytes() == before
    assert fileformat.load(lesson).name == "AND"


def test_save_as_from_an_untitled_network(window, tmp_path, monkeypatch):
    target = tmp_path / "new-lesson"  # the extension is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    _edit(window)
    assert window.files.save()  # no path yet: Save asks where
    assert window.document.path == tmp_path / "new-lesson.json"
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("new-lesson.json")
    assert len(fileformat.load(window.document.path)) == 2


def test_save_as_cancelled_keeps_the_changes(window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    _edit(window)
    assert not window.files.save()
    _assert_unsaved(window)


# ---- the question about unsaved changes: New, Open, Quit, closing the window ------------------
def _leave_by(window, way: str) -> None:
    """New, Open and Quit through their menu actions; "close" as the window manager's close button does."""
    if way == "close":
        window.close()
    else:
        {"new": window.new_action, "open": window.open_action, "quit": window.quit_action}[way].trigger()


def _answering(window, answer):
    asked = []

    def ask():
        asked.append(answer)
        return answer
    window.files.ask_to_save = ask
    return asked


@pytest.mark.parametrize("way", ["new", "open", "quit", "close"])
def test_cancel_keeps_everything(window, lesson, way, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(lesson), ""))
    _edit(window)
    before = window.network.copy()
    asked = _answering(window, Cancel)
    _leave_by(window, way)
    assert asked == [Cancel]
    assert window.isVisible()
    assert window.network == before
    _assert_unsaved(window)


@pytest.mark.parametrize("way", ["new", "open", "quit", "close"])
def test_discard_drops_the_changes(window, lesson, way, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(lesson), ""))
    _edit(window)
    asked = _answering(window, Discard)
    _leave_by(window, way)
    assert asked == [Discard]
    if way in ("quit", "close"):
        assert not window.isVisible()
    else:
        assert window.isVisible() and not window.isWindowModified()
        assert len(window.network) == (0 if way == "new" else 2)


@pytest.mark.parametrize("way", ["new", "open", "quit", "close"])
def test_save_saves_then_goes_on(window, lesson, tmp_path, way, monkeypatch):
    other = tmp_path / "other.json"
    save(Network(name="other"), other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(other), ""))
    window.files.open(lesson)
    _edit(window)
    asked = _answering(window, Save)
    _leave_by(window, way)
    assert asked == [Save]
    assert len(fileformat.load(lesson)) == 4  # the edit reached the disk first
    assert window.isVisible() == (way in ("new", "open"))


def test_a_failed_save_in_the_question_stops_new_and_quit(window, lesson, warnings_shown, monkeypatch):
    window.files.open(lesson)
    _edit(window)
    _answering(window, Save)
    monkeypatch.setattr(fileformat.os, "replace", lambda src, dst: (_ for _ in ()).throw(OSError(errno.EIO, "I/O")))
    window.new_action.trigger()
    assert len(window.network) == 4  # not replaced by an empty network: the save failed
    window.quit_action.trigger()
    assert window.isVisible()
    _assert_unsaved(window)
    assert len(warnings_shown) == 2


def test_no_question_without_changes(window, lesson):
    asked = _answering(window, Cancel)
    window.files.open(lesson)
    window.new_action.trigger()
    assert asked == []
    assert len(window.network) == 0
