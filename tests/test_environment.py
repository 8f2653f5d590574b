"""Traps in the environment itself (see docs/performance.md, "Environment traps").

PySide6 / PySide6-Essentials 6.12.0 on CPython 3.11 returns None from void calls without taking a
reference: the refcount of None falls by one per call (QPainterPath.moveTo, QImage.fill, setPos …)
and the process aborts with `Fatal Python error: none_dealloc` after a few thousand calls or at
exit. pyproject.toml excludes that release; this test catches it (or a later one like it) if an
environment gets it anyway. It runs in a child process so that the abort fails one test instead of
killing the whole run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

CALLS = 3000


def test_void_qt_calls_do_not_steal_references_to_none():
    pytest.importorskip("PySide6.QtGui")
    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtGui import QPainterPath
        path = QPainterPath()
        before = sys.getrefcount(None)
        for i in range({CALLS}):
            path.moveTo(float(i), 0.0)
        print(before - sys.getrefcount(None))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env=env)
    import PySide6

    where = f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}"
    assert result.returncode == 0, f"{where} crashed after void calls:\n{result.stderr[-2000:]}"
    drop = int(result.stdout.strip())
    # a correct binding leaves it where it was (immortal None on 3.12+ never moves at all)
    assert drop < CALLS // 10, (
        f"{where}: the refcount of None fell by {drop} over {CALLS} void calls "
        "(the 6.12.0-on-3.11 bug; exclude this PySide6 release)")
