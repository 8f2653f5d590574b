import os
import sys

import pytest

# Qt tests run without a display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# As create_application does (pytest-qt makes the application here): large fills stay on the
# painting thread, so the PNG export's forked helper process can draw (export/band_helper.py).
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

_exit_status = {"value": None}


def bypasses_permissions() -> bool:
    """Whether this process reads and writes files whatever their mode says (root, or Windows)."""
    return sys.platform == "win32" or os.geteuid() == 0


def pytest_collection_modifyitems(config, items):
    """Tests marked `permissions` need a mode to be obeyed: they cannot run as root. CI runs as
    root, so `.ci/run` runs them again as an unprivileged user (`-m permissions`)."""
    if not bypasses_permissions():
        return
    skip = pytest.mark.skip(reason="root may read and write anything (.ci/run runs these as another user)")
    for item in items:
        if item.get_closest_marker("permissions"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_app_data(tmp_path_factory, monkeypatch):
    """App data (recovery copies) goes to a temporary folder, never the user's: Qt's
    QStandardPaths reads XDG_DATA_HOME on every call (Linux, where the tests run)."""
    folder = tmp_path_factory.mktemp("app-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


def pytest_sessionfinish(session, exitstatus):
    _exit_status["value"] = int(exitstatus)


def pytest_unconfigure(config):
    """Leave without the interpreter's final teardown of leftover Qt objects.

    After every test had passed, the process sometimes segfaulted (exit 139). Found (#7): a
    QMimeData made in Python and handed to the clipboard was destroyed by Qt's C exit handlers
    after Python had shut down; Copy now puts plain text on the clipboard, and the suite exits 0
    without this guard. Kept as a belt for local runs: any other Python-made object left to Qt's
    globals would bring the crash back (docs/reliability.md). CI sets NEURON_SIM_TEST_REAL_EXIT=1
    (.ci/run), so such a crash at exit fails CI instead of hiding behind this guard.
    """
    if os.environ.get("NEURON_SIM_TEST_REAL_EXIT"):  # exit through the interpreter's teardown
        return
    if _exit_status["value"] is not None and "PySide6.QtWidgets" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status["value"])
