"""Where recovery copies live and which of them wait to be offered (recovery.py writes and reads them).

Apart from recovery.py so that a launch can ask whether a copy waits (`orphaned_copy_waits`) with
QtCore alone, before the first screen paints (first_screen.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths


def recovery_folder() -> Path | None:
    """`<app data>/recovery`, or None when the platform names no writable app-data folder."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery" if base else None


def lock_for(copy_path: Path) -> QLockFile:
    lock = QLockFile(str(copy_path) + ".lock")
    # Only a dead owner makes a lock stale. By default Qt also calls a lock older than 30 s stale;
    # flock() still protects a live owner on local disks, but not on every network file system.
    lock.setStaleLockTime(0)
    return lock


def orphaned_copies() -> Iterator[tuple[Path, QLockFile]]:
    """Each copy whose writer is gone, locked by this process."""
    folder = recovery_folder()
    if folder is None or not folder.is_dir():
        return
    for path in sorted(folder.glob("*.json")):
        lock = lock_for(path)
        if lock.tryLock(0):  # else a running instance (this one included) owns it
            yield path, lock


def orphaned_copy_waits() -> bool:
    """Whether a copy whose writer is gone waits to be offered (it is left unlocked and unread)."""
    for _path, lock in orphaned_copies():
        lock.unlock()
        return True
    return False
