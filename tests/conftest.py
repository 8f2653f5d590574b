import os

# Qt tests run without a display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_exit_status = {"value": None}


def pytest_sessionfinish(session, exitstatus):
    _exit_status["value"] = int(exitstatus)


def pytest_unconfigure(config):
    """Leave without the interpreter's final teardown of leftover Qt objects.

    After every test has passed, destroying the remaining Qt wrappers in the interpreter's last
    garbage collection sometimes segfaulted (exit 139, seen in CI once). The report is complete by
    now, so exit with pytest's own status. Known risk, noted for the reliability issue (#7).
    """
    import sys

    if _exit_status["value"] is not None and "PySide6.QtWidgets" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status["value"])
