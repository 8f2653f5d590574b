"""Crash recovery: unsaved work is copied to the app-data folder and offered by the next start.

App data lives under XDG_DATA_HOME, pointed at a temporary folder by tests/conftest.py; the
subprocesses here inherit it, so a "crashed" process and the next start share one folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from neuron_sim.model import Network, Neuron
from neuron_sim.model.fileformat import from_dict, load
from neuron_sim.ui.window import recovery
from neuron_sim.resources_path import examples_dir
from neuron_sim.ui.window.recovery import DISCARD, LATER, RESTORE, find_orphaned_copies, recovery_folder

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def app_names(qapp):
    """The names the app sets at start (create_application): they place the app-data folder."""
    app = qapp
    before = app.organizationName(), app.applicationName()
    app.setOrganizationName("neuron-sim")
    app.setApplicationName("neuron-sim")
    yield
    app.setOrganizationName(before[0])
    app.setApplicationName(before[1])


def _new_window(qtbot, interval_ms: int = 30_000):
    from neuron_sim.ui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    window.recovery.set_interval(interval_ms)
    return window


def _copies_on_disk() -> list[Path]:
    folder = recovery_folder()
    return sorted(folder.glob("*.json")) if folder and folder.is_dir() else []


def _run(script: str, *args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] + "-config"  # the child's QSettings too
    env.update(env_extra or {})
    # A bound against a hung child only; no test here measures speed.
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args], capture_output=True,
                          text=True, env=env, cwd=REPO, timeout=300)


def test_the_folder_is_the_isolated_app_data_folder(isolated_app_data):
    assert recovery_folder() == isolated_app_data / "neuron-sim" / "neuron-sim" / "recovery"


# ---- writing ------------------------------------------------------------------------------------
def test_unsaved_changes_are_copied_on_the_timer(qtbot, window, lesson):
    window.recovery.set_interval(20)
    assert window.recovery.interval_ms == 20
    window.files.open(lesson)
    assert not window.recovery.is_active()  # nothing unsaved, nothing to copy
    window.edit.add_layer_with(2, "neuron", "sigmoid")
    assert window.recovery.is_active()
    qtbot.waitUntil(lambda: len(_copies_on_disk()) == 1)
    data = json.loads(_copies_on_disk()[0].read_text("utf-8"))
    assert data["format"] == "neuron-sim-recovery"
    assert data["original_path"] == str(lesson)
    assert data["saved_at"].endswith("+00:00")
    assert from_dict(data["network"]) == window.network
    assert len(window.network) == 4


def test_the_default_interval_is_thirty_seconds(window):
    assert window.recovery.interval_ms == 30_000


def test_save_undo_to_clean_new_and_close_remove_the_copy(qtbot, window, lesson):
    window.files.open(lesson)
    window.edit.add_layer_with(1, "neuron", "sigmoid")
    assert window.recovery.write_now()
    copy = window.recovery.path
    assert copy.exists() and Path(str(copy) + ".lock").exists()
    window.files.save()
    assert not copy.exists() and not Path(str(copy) + ".lock").exists()
    assert not window.recovery.is_active()

    window.edit.add_layer_with(1, "neuron", "sigmoid")
    assert window.recovery.write_now()
    window.undo_action.trigger()  # back to the saved state
    assert _copies_on_disk() == []

    window.edit.add_layer_with(1, "neuron", "sigmoid")
    assert window.recovery.write_now()
    window.files.new()  # the changes were discarded (answer: Discard)
    assert _copies_on_disk() == []

    window.edit.add_layer_with(1, "neuron", "sigmoid")
    assert window.recovery.write_now()
    window.close()
    assert _copies_on_disk() == []
    assert not window.recovery.is_active()


def test_no_copy_without_changes(window):
    assert not window.recovery.write_now()
    assert _copies_on_disk() == []


def test_a_failing_autosave_is_said_once_and_never_interrupts(qtbot, window, monkeypatch, isolated_app_data):
    blocker = isolated_app_data / "neuron-sim"
    blocker.write_text("a file where the folder should be")
    window.edit.add_layer_with(1, "neuron", "sigmoid")
    assert not window.recovery.write_now()
    assert "recovery copy" in window.status_line.text()
    window.show_message("something else")
    assert not window.recovery.write_now()
    assert window.status_line.text() == "something else"  # not repeated every 30 s
    blocker.unlink()
    assert window.recovery.write_now()


# ---- another instance's copy is not ours ----------------------------------------------------------
def test_a_running_windows_copy_is_never_offered(qtbot, window):
    window.edit.add_layer_with(1, "neuron", "sigmoid")
    assert window.recovery.write_now()
    lock = Path(str(window.recovery.path) + ".lock")
    an_hour_ago = lock.stat().st_mtime - 3600
    os.utime(lock, (an_hour_ago, an_hour_ago))  # a long lesson: an old lock is still a live one
    assert find_orphaned_copies() == []
    second = _new_window(qtbot)
    assert second.offer_recovery(ask=lambda *a: pytest.fail("offered a live window's copy")) is None
    assert window.recovery.path.exists()


def test_a_running_processs_copy_is_never_offered(qtbot):
    """Another instance, alive, with unsaved changes: its copy stays its own."""
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys
        from neuron_sim.ui.application import create_application
        from neuron_sim.ui.window.main_window import MainWindow
        app = create_application(["neuron-sim"])
        window = MainWindow()
        window.edit.add_layer_with(1, "neuron", "sigmoid")
        assert window.recovery.write_now()
        print("written", flush=True)
        sys.stdin.readline()  # alive until the test is done, then a clean exit
        window.files.ask_to_save = lambda: None  # not saved, not cancelled: close anyway
        window.files.maybe_save = lambda: True
        window.close()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
        env={**os.environ, "XDG_CONFIG_HOME": os.environ["XDG_DATA_HOME"] + "-config"})
    try:
        assert child.stdout.readline().strip() == "written"
        assert len(_copies_on_disk()) == 1
        assert find_orphaned_copies() == []
    finally:
        child.stdin.close()
        child.wait(timeout=300)
    assert child.returncode == 0
    assert _copies_on_disk() == []  # a clean exit takes its copy along


# ---- the crash and the next start -----------------------------------------------------------------
CRASHING_SESSION = """
    import json, os, sys, time
    from neuron_sim.model.fileformat import to_dict
    from neuron_sim.ui.application import create_application
    from neuron_sim.ui.window.main_window import MainWindow

    app = create_application(["neuron-sim"])
    window = MainWindow()
    window.recovery.set_interval(50)
    window.show()
    if sys.argv[1]:
        assert window.files.open(sys.argv[1])
    window.edit.add_layer_with(3, "neuron", "relu")
    window.edit.set_network_param("name", "edited before the crash")
    while window.recovery.path is None or not window.recovery.path.exists():
        app.processEvents()  # the autosave timer fires in here
        time.sleep(0.01)
    print(json.dumps(to_dict(window.network)), flush=True)
    os._exit(0)  # a crash: no close, no clean-up
"""


def test_after_a_crash_the_next_start_restores_the_edited_network(qtbot, lesson):
    result = _run(CRASHING_SESSION, str(lesson))
    assert result.returncode == 0, result.stderr
    edited = from_dict(json.loads(result.stdout))
    assert len(edited) == 5 and edited.name == "edited before the crash"
    assert len(_copies_on_disk()) == 1

    window = _new_window(qtbot)  # the next start
    offered = []

    def ask(parent, copy):
        offered.append(copy)
        return RESTORE

    restored = window.offer_recovery(ask=ask)
    assert restored is offered[0] and len(offered) == 1
    assert offered[0].original_path == lesson
    assert window.network == edited
    assert window.document.path == lesson  # Save goes back to the file it came from
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    assert not window.document.undo_stack.isClean()
    assert "Restored" in window.status_line.text()
    assert not offered[0].path.exists()  # the old copy is gone; this window's own copy holds the work
    assert _copies_on_disk() == [window.recovery.path]

    assert window.files.save()
    assert load(lesson) == edited
    assert _copies_on_disk() == []


def test_an_untitled_network_is_restored_untitled(qtbot):
    result = _run(CRASHING_SESSION, "")
    assert result.returncode == 0, result.stderr
    window = _new_window(qtbot)
    window.offer_recovery(ask=lambda parent, copy: RESTORE)
    assert window.document.path is None
    assert len(window.network) == 3
    assert window.windowTitle().startswith("edited before the crash[*]")


def test_an_untitled_example_comes_back_as_that_example(qtbot):
    """Work on a classroom example (opened from its shipped file, as the Examples menu opens it)
    comes back as that example: its bar of what to try and its look, still untitled."""
    result = _run(CRASHING_SESSION, str(examples_dir() / "xor.json"))
    assert result.returncode == 0, result.stderr
    edited = from_dict(json.loads(result.stdout))
    window = _new_window(qtbot)
    window.offer_recovery(ask=lambda parent, copy: RESTORE)
    assert window.network == edited and window.document.path is None
    assert window.document.example is not None and window.document.example.file == "xor.json"
    assert window.example_info.isVisibleTo(window) and window.scene.look == window.document.example.look
    assert not window.document.undo_stack.isClean()


def test_later_keeps_the_copy_and_discard_deletes_it(qtbot, lesson):
    assert _run(CRASHING_SESSION, str(lesson)).returncode == 0
    window = _new_window(qtbot)
    assert window.offer_recovery(ask=lambda parent, copy: LATER) is None
    assert len(_copies_on_disk()) == 1 and len(window.network) == 0
    assert window.offer_recovery(ask=lambda parent, copy: DISCARD) is None
    assert _copies_on_disk() == []
    assert window.offer_recovery(ask=lambda *a: pytest.fail("nothing left to offer")) is None


def test_the_start_up_asks_before_the_start_page(qtbot, lesson, monkeypatch):
    """The app's start: the question comes first, so the start page sees the restored work and stays shut."""
    from neuron_sim.ui.window import launch

    assert _run(CRASHING_SESSION, str(lesson)).returncode == 0
    asked, start_page = [], []
    monkeypatch.setattr(recovery, "ask_about_copy", lambda parent, copy: asked.append(copy) or RESTORE)
    window = _new_window(qtbot)
    monkeypatch.setattr(window.examples, "show_start_page_if_wanted", lambda: start_page.append(1))
    launch.offer_recovery_when_shown(window)
    launch.show_start_page_when_shown(window)
    assert len(asked) == 1 and len(window.network) == 5
    qtbot.wait(20)
    assert start_page == []


# ---- the dialog -------------------------------------------------------------------------------------
def _orphan(tmp_path, content: str | bytes | None = None) -> Path:
    folder = recovery_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "12345-deadbeef.json"
    if content is None:
        network = Network(name="sketch")
        network.add_neuron(Neuron("a", kind="input", position=(0, 0)))
        from neuron_sim.model.fileformat import to_dict

        content = json.dumps({"format": "neuron-sim-recovery", "version": 1, "original_path": None,
                              "saved_at": "2026-03-02T09:15:00+00:00", "pid": 12345,
                              "network": to_dict(network)})
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _button_texts(box: QMessageBox) -> list[str]:
    return sorted(b.text() for b in box.buttons())


def test_the_dialog_names_the_work_and_offers_three_choices(qtbot, tmp_path, monkeypatch):
    _orphan(tmp_path)
    [copy] = find_orphaned_copies()
    box = recovery.recovery_question(None, copy)
    qtbot.addWidget(box)
    assert "sketch" in box.text() and "1 neurons, 0 synapses" in box.text()
    assert _button_texts(box) == ["Discard", "Later", "Restore"]
    assert box.defaultButton().text() == "Restore" and box.escapeButton().text() == "Later"

    for text, expected in (("Restore", RESTORE), ("Discard", DISCARD), ("Later", LATER)):
        def press(self, text=text):  # what a person does while the dialog is open
            next(b for b in self.buttons() if b.text() == text).click()
            return 0
        monkeypatch.setattr(QMessageBox, "exec", press)
        assert recovery.ask_about_copy(None, copy) == expected
    copy.keep()


def test_a_broken_copy_can_be_discarded_but_not_restored(qtbot, tmp_path):
    path = _orphan(tmp_path, '{"format": "neuron-sim-recovery", "network": {"neurons": [{"id": 1}]}}')
    [copy] = find_orphaned_copies()
    assert copy.network is None and copy.error
    box = recovery.recovery_question(None, copy)
    qtbot.addWidget(box)
    assert "cannot be read" in box.text()
    assert _button_texts(box) == ["Discard", "Later"]
    copy.keep()
    window = _new_window(qtbot)
    assert window.offer_recovery(ask=lambda parent, c: RESTORE) is None  # refused: nothing to restore
    assert path.exists()
    window.offer_recovery(ask=lambda parent, c: DISCARD)
    assert not path.exists()


@pytest.mark.parametrize("content", [b"", b"not json", b"[]", b'{"format": "other"}', b"\xff\xfe{",
                                     b'{"format": "neuron-sim-recovery", "saved_at": "yesterday"}'])
def test_garbage_in_the_folder_is_offered_as_unreadable(tmp_path, content):
    _orphan(tmp_path, content)
    [copy] = find_orphaned_copies()
    assert copy.network is None and copy.error
    copy.discard()
    assert _copies_on_disk() == []


# ---- a clean exit ------------------------------------------------------------------------------------
EXITING_SESSION = """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from neuron_sim import cli
    from neuron_sim.ui.application import create_application
    from neuron_sim.ui.window.main_window import MainWindow

    def quit_like_a_person():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.scene.select(list(window.network.neurons))
        window.edit.copy_action.trigger()  # clipboard data outlives Python: it once crashed the exit
        window.playback.play()
        if sys.argv[2] == "edited":
            window.edit.add_layer_with(1, "neuron", "sigmoid")
            assert window.recovery.write_now()
            window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
        window.quit_action.trigger()

    create_application(["neuron-sim"])  # the app's own start below finds and uses this one
    QTimer.singleShot(300, quit_like_a_person)
    sys.exit(cli.main([sys.argv[1]]))
"""


@pytest.mark.parametrize("state", ["saved", "edited"])
def test_quitting_the_app_exits_cleanly_and_leaves_no_copy(lesson, state):
    """The real exit path: app.exec() returns, then the interpreter shuts down (exit 139 was a segfault)."""
    result = _run(EXITING_SESSION, str(lesson), state)
    assert result.returncode == 0, result.stderr[-2000:]
    assert _copies_on_disk() == []
    assert not list(recovery_folder().glob("*.lock")) if recovery_folder().is_dir() else True
