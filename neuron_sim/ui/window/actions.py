"""One way to make a menu or tool-bar action: text, slot, shortcut(s), tip, checkable."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def make_action(parent: QObject, text: str, slot=None, shortcut=None, tip: str = "",
                checkable: bool = False) -> QAction:
    """`shortcut` is a QKeySequence, a standard key, or a list of QKeySequences."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.setCheckable(checkable)
    if slot is not None:
        action.triggered.connect(slot)
    return action
