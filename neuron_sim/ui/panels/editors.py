"""Editing widgets that report what the person changed, for the inspector's fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QPlainTextEdit, QSlider, QWidget


class _FocusedWheel:
    """Mixin: the mouse wheel edits the widget only once it has the focus; otherwise it scrolls
    the inspector (the ignored event goes to the scroll area)."""

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()


class NumberBox(_FocusedWheel, QDoubleSpinBox):
    """A spin box that commits only what the person changed.

    `typed` on Enter / focus-out when the text differs from what was last shown (so focusing a
    rounded value never rewrites it), `stepped` after an arrow / wheel / PageUp step, `rejected(text)`
    when the text is not an acceptable number, `reverted` on Escape. `set_mixed()` shows a blank
    box with the placeholder "mixed" until the person types or steps.
    """

    typed = Signal()
    stepped = Signal()
    rejected = Signal(str)
    reverted = Signal()

    def __init__(self, unit: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel alone does not focus it
        self.setKeyboardTracking(False)
        self._unit_suffix = f" {unit}" if unit else ""
        self._mixed = False
        self._updating = False
        self._shown = ""
        self.setSuffix(self._unit_suffix)
        self.lineEdit().setPlaceholderText(QCoreApplication.translate("NumberBox", "mixed"))
        self.lineEdit().textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self._on_editing_finished)

    # ---- what the inspector calls -------------------------------------------------------
    def display(self, value: float) -> None:
        self._updating = True
        try:
            self._mixed = False
            self.setValue(value)
            self.setSuffix(self._unit_suffix)  # also forces the text to be redrawn
        finally:
            self._updating = False
        self._shown = self.lineEdit().text()

    def set_mixed(self) -> None:
        self._updating = True
        try:
            self._mixed = True
            self.setSuffix("")  # redraws the text, which textFromValue makes empty
        finally:
            self._updating = False
        self._shown = self.lineEdit().text()

    def is_dirty(self) -> bool:
        return self.lineEdit().text() != self._shown

    # ---- Qt overrides -------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # The default fits the widest value of the range (±1e6 …): too wide for a dock.
        hint = super().sizeHint()
        text = "-00000." + "0" * self.decimals() + self._unit_suffix
        width = self.fontMetrics().horizontalAdvance(text) + 40  # frame and arrows
        return QSize(min(hint.width(), width), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        return "" if self._mixed else super().textFromValue(value)

    def validate(self, text: str, position: int) -> object:
        # "1,5" is 1.5 to many people; QDoubleSpinBox took it as 15, the comma as a thousands
        # separator (whatever the locale's options say), changing a weight tenfold without a
        # word. A group separator makes the text invalid: typed, it is not taken; pasted, refused.
        if self.locale().groupSeparator() in text.removesuffix(self.suffix()):
            return QValidator.State.Invalid, text, position
        return super().validate(text, position)

    def stepBy(self, steps: int) -> None:  # noqa: N802
        if self._mixed:  # step from the value behind the blank, showing it again
            self._mixed = False
            self.setSuffix(self._unit_suffix)
        super().stepBy(steps)
        self._shown = self.lineEdit().text()
        self.stepped.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._refuse_bad_text():
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.is_dirty():
            event.accept()
            self.reverted.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self._refuse_bad_text()
        super().focusOutEvent(event)

    # ---- internals ----------------------------------------------------------------------
    def _refuse_bad_text(self) -> bool:
        if not self.is_dirty() or self.hasAcceptableInput():
            return False
        text = self.lineEdit().text()
        if self._unit_suffix and text.endswith(self._unit_suffix):
            text = text[: -len(self._unit_suffix)]
        self._shown = self.lineEdit().text()  # so the editingFinished that follows commits nothing
        self.rejected.emit(text.strip())
        return True

    def _on_text_changed(self, text: str) -> None:
        if not self._updating and text != self._shown:
            self._mixed = False  # the person typed: show numbers again

    def _on_editing_finished(self) -> None:
        if self.is_dirty():
            self._shown = self.lineEdit().text()
            self.typed.emit()


class PlainTextBox(QPlainTextEdit):
    """Multi-line text that reports `finished` when it loses focus after an edit."""

    finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if self.document().isModified():
            self.document().setModified(False)
            self.finished.emit()


class ChoiceBox(_FocusedWheel, QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class Slider(_FocusedWheel, QSlider):
    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None):
        super().__init__(orientation, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
