"""Recovery copies: unsaved work is written to the app-data folder every 30 s and offered after a crash.

One copy per window, `<app data>/recovery/<pid>-<random>.json`, beside a QLockFile (`….json.lock`)
that the writing process holds while it runs. A copy whose lock can be taken belongs to a process
that is gone (crashed, killed, power cut): that is the copy the next start offers. A copy whose
lock is held belongs to another running instance and is left alone. A save, a discard, New/Open
and a clean exit remove the window's copy.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QLockFile, QObject, QSaveFile, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from neuron_sim.model import Network
from neuron_sim.model.fileformat import from_dict, to_dict

from neuron_sim.ui.document import Document
from neuron_sim.ui.examples import example_in_ui_language
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.window.recovery_files import lock_for, orphaned_copies, recovery_folder

AUTOSAVE_INTERVAL_MS = 30_000
RECOVERY_FORMAT = "neuron-sim-recovery"
RECOVERY_VERSION = 1
MAX_RECOVERY_BYTES = 64 * 1024 * 1024  # a copy larger than any network file could be is not read


# ---- writing: one keeper per window ------------------------------------------------------------
class RecoveryKeeper(QObject):
    """Writes the document's recovery copy while it has unsaved changes."""

    message = Signal(str)  # for the status bar

    def __init__(self, document: Document, parent: QObject | None = None, interval_ms: int = AUTOSAVE_INTERVAL_MS):
        super().__init__(parent)
        self.document = document
        self.path: Path | None = None  # the copy, once written
        self._lock: QLockFile | None = None
        self._session = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._failed = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.write_now)
        document.clean_changed.connect(self._clean_changed)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)

    def is_active(self) -> bool:
        """True while the timer runs, that is while there are unsaved changes."""
        return self._timer.isActive()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.remove()
        else:
            self._timer.start()

    def write_now(self) -> bool:
        """Write the copy (atomically) if there are unsaved changes; False when nothing was written."""
        document = self.document
        if document.is_clean():
            return False
        folder = recovery_folder()
        if folder is None:
            return False
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{self._session}.json"
            if self._lock is None:
                lock = lock_for(path)
                if not lock.tryLock(0):
                    raise OSError(f"cannot lock {lock.fileName()}")
                self._lock, self.path = lock, path
            data = {
                "format": RECOVERY_FORMAT,
                "version": RECOVERY_VERSION,
                "original_path": str(document.path) if document.path else None,
                # an untitled copy of a classroom example: restored with its bar of what to try
                "example": document.example.file if document.example is not None and document.path is None else None,
                "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "pid": os.getpid(),
                "network": to_dict(document.network),
            }
            _write_atomically(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        except (OSError, ValueError) as error:
            # Autosave must never interrupt a lesson: say it once in the status bar, keep trying.
            if not self._failed:
                self.message.emit(self.tr("Could not write the recovery copy: %1").replace("%1", str(error)))
            self._failed = True
            return False
        self._failed = False
        return True

    def remove(self) -> None:
        """Forget the copy: the changes were saved or dropped, or the window closed cleanly."""
        self._timer.stop()
        if self.path is not None:
            try:
                self.path.unlink(missing_ok=True)
            except OSError:
                pass
        if self._lock is not None:
            self._lock.unlock()
        self._lock = None
        self.path = None


def _write_atomically(path: Path, content: bytes) -> None:
    target = QSaveFile(str(path))
    if not target.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise OSError(target.errorString())
    if target.write(content) != len(content) or not target.commit():
        error = target.errorString()
        target.cancelWriting()
        raise OSError(error)


# ---- reading: what the next start finds --------------------------------------------------------
@dataclass
class RecoveryCopy:
    """A copy left by a process that is gone. Holds its lock while offered, so only one instance offers it."""

    path: Path
    lock: QLockFile = field(repr=False)
    saved_at: datetime | None = None
    original_path: Path | None = None
    example: str | None = None  # the file name of the catalogue's example the work is a copy of
    network: Network | None = None
    error: str = ""  # why the copy cannot be restored; empty when it can

    def discard(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        finally:
            self.lock.unlock()

    def keep(self) -> None:
        """Leave it for a later start."""
        self.lock.unlock()


def find_orphaned_copies() -> list[RecoveryCopy]:
    """Copies whose writer is gone, newest first. Each returned copy is locked until discarded or kept."""
    copies = [_read_copy(path, lock) for path, lock in orphaned_copies()]
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    copies.sort(key=lambda c: c.saved_at or oldest, reverse=True)
    return copies


def _read_copy(path: Path, lock: QLockFile) -> RecoveryCopy:
    copy = RecoveryCopy(path, lock)
    try:
        if path.stat().st_size > MAX_RECOVERY_BYTES:
            raise ValueError("too large")
        data = json.loads(path.read_bytes().decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != RECOVERY_FORMAT:
            raise ValueError("not a recovery copy")
        copy.saved_at = datetime.fromisoformat(str(data.get("saved_at")))
        if copy.saved_at.tzinfo is None:
            copy.saved_at = copy.saved_at.replace(tzinfo=timezone.utc)
        original = data.get("original_path")
        copy.original_path = Path(original) if isinstance(original, str) and original else None
        example = data.get("example")
        copy.example = example if isinstance(example, str) and example else None
        copy.network = from_dict(data.get("network"))
    except (OSError, ValueError, TypeError) as error:  # JSON and UTF-8 errors, and ModelError, are ValueErrors
        copy.error = error_text(error) or type(error).__name__
    if copy.saved_at is None:
        try:
            copy.saved_at = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
        except OSError:
            pass
    return copy


# ---- the question at start-up ------------------------------------------------------------------
RESTORE, DISCARD, LATER = "restore", "discard", "later"


def _when(copy: RecoveryCopy) -> str:
    if copy.saved_at is None:
        return "?"
    moment = QDateTime.fromSecsSinceEpoch(int(copy.saved_at.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def recovery_question(parent: QWidget | None, copy: RecoveryCopy) -> QMessageBox:
    """The dialog, built but not shown, so tests can read it and press its buttons without exec()."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Recovery", "Recover unsaved work"))
    if copy.original_path is not None:
        what = copy.original_path.name
    elif copy.network is not None and copy.network.name:
        what = copy.network.name
    else:
        what = translate("Recovery", "an untitled network")
    if copy.error:
        text = translate("Recovery", "neuron-sim did not close properly. Unsaved changes to %1 were kept at %2, "
                                     "but the copy cannot be read.")
        box.setText(text.replace("%1", what).replace("%2", _when(copy)))
        box.setInformativeText(copy.error)
    else:
        network = copy.network
        text = translate("Recovery", "neuron-sim did not close properly. Unsaved changes to %1 were kept at %2 "
                                     "(%3 neurons, %4 synapses).")
        box.setText(text.replace("%1", what).replace("%2", _when(copy))
                    .replace("%3", str(len(network))).replace("%4", str(len(network.synapses))))
        box.setInformativeText(translate("Recovery", "Restore opens them here; save them to keep them. "
                                                     "Discard deletes them. Later keeps them for the next start."))
        restore_button = box.addButton(translate("Recovery", "Restore"), QMessageBox.ButtonRole.AcceptRole)
        restore_button.setObjectName(RESTORE)
        box.setDefaultButton(restore_button)
    discard_button = box.addButton(translate("Recovery", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    discard_button.setObjectName(DISCARD)
    later_button = box.addButton(translate("Recovery", "Later"), QMessageBox.ButtonRole.RejectRole)
    later_button.setObjectName(LATER)
    box.setEscapeButton(later_button)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the file's name and its error are shown as written
    return box


def ask_about_copy(parent: QWidget | None, copy: RecoveryCopy) -> str:
    """RESTORE, DISCARD or LATER, asked in a modal dialog."""
    box = recovery_question(parent, copy)
    box.exec()
    clicked = box.clickedButton()
    choice = clicked.objectName() if clicked is not None else LATER
    box.deleteLater()
    return choice if choice in (RESTORE, DISCARD) else LATER


def restore(keeper: RecoveryKeeper, copy: RecoveryCopy, may_replace: Callable[[], bool]) -> bool:
    """Open the copy's network in the keeper's document, marked unsaved, remembering the file it came
    from. `may_replace` asks about the open network's unsaved changes (False: keep it, restore nothing)."""
    if copy.network is None or not may_replace():
        return False
    example = example_in_ui_language(copy.example) if copy.example and copy.original_path is None else None
    keeper.document.restore(copy.network, copy.original_path, example)
    keeper.write_now()  # the document's own copy now holds the work: the old one can go
    copy.discard()
    keeper.message.emit(QCoreApplication.translate("Recovery", "Restored the unsaved changes kept at %1. Save to keep them.")
                        .replace("%1", _when(copy)))
    return True


def offer_recovery(keeper: RecoveryKeeper, parent: QWidget | None, may_replace: Callable[[], bool],
                   ask: Callable[[QWidget | None, RecoveryCopy], str] | None = None) -> RecoveryCopy | None:
    """At start-up: offer each orphaned copy, newest first, until one is restored or the answer is Later.

    `ask` defaults to the modal dialog over `parent` (ask_about_copy). Returns the restored copy, or None.
    """
    ask = ask or ask_about_copy
    copies = find_orphaned_copies()
    restored = None
    for index, copy in enumerate(copies):
        choice = ask(parent, copy)
        if choice == RESTORE and copy.error == "" and restore(keeper, copy, may_replace):
            restored = copy
        elif choice == DISCARD:
            copy.discard()
            continue
        else:
            copy.keep()
        for other in copies[index + 1:]:
            other.keep()
        break
    return restored
