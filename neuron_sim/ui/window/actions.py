"""One way to make a menu or tool-bar action: text, slot, shortcut(s), tip, checkable; and tool-bar
buttons that show an action's words without the menu's accelerator."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

# A menu accelerator written after the words, as Korean (and Japanese, Chinese) menus do: "층 추가(&L)…".
_TRAILING_ACCELERATOR = re.compile(r"\s*\(&[^)]\)")


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


def button_text(text: str) -> str:
    """An action's menu text as a tool-bar button shows it: no accelerator ("(&L)" or "&"), no "…"."""
    text = _TRAILING_ACCELERATOR.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


def add_buttons(toolbar: QToolBar, actions: Iterable[QAction]) -> None:
    """Add `actions` to `toolbar`, each button reading its action's words without the accelerator."""
    for action in actions:
        _follow_text(action)
        toolbar.addAction(action)


def _follow_text(action: QAction) -> None:
    # iconText follows text() only while never set: set it now and again whenever the text changes.
    def update() -> None:
        wanted = button_text(action.text())
        if action.iconText() != wanted:
            action.setIconText(wanted)

    if not action.property("button_text_follows"):
        action.setProperty("button_text_follows", True)
        action.changed.connect(update)
    update()
