"""Text from a file, a command line or the keyboard, shown as the letters it is: never as markup.

Qt guesses whether a text is HTML (Qt::mightBeRichText) in labels, message boxes and tooltips, and
pyqtgraph's labels are HTML. A neuron label `<img src=/dev/zero>` would then make Qt read a device
as an image (it runs out of memory and aborts), and `<a href=…>` would become a link. Every widget
that can show such text goes through one of these helpers (docs/security.md).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows its text as plain text whatever it holds."""
    label = QLabel(parent)
    make_plain(label)
    label.setText(text)
    return label


def make_plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    return label


def tooltip(text: str) -> str:
    """A tooltip showing `text` literally: tooltips always guess, so the text is escaped and marked
    as rich text (an escaped text without a tag would be shown with its `&lt;`)."""
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def escaped(text: str) -> str:
    """For places that always read HTML (pyqtgraph's titles, legends and axis labels)."""
    return html.escape(text, quote=False)


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> QMessageBox:
    """A message box, built but not shown, whose text is plain (no markup, no links)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    for label in box.findChildren(QLabel):  # Qt turns links on in its message boxes
        label.setOpenExternalLinks(False)
    return box


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.warning, with the text shown as plain text."""
    message_box(parent, QMessageBox.Icon.Warning, title, text).exec()
