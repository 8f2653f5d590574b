"""A note on the canvas: the teacher's text in a box, shown as plain text, edited in place.

Like a NeuronItem, a NoteItem only draws and reports; commands change the model (note_editing.py).
The text is the model's, set with setPlainText and read back with toPlainText: markup in it stays
the letters it is, and what is pasted or dropped while editing is inserted as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence, QPainter, QPen, QPolygonF, QTextCursor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

from neuron_sim.model.notes import MAX_NOTE_TEXT, NOTE_MAX_SIZE, NOTE_MIN_SIZE, Note

from neuron_sim.ui.styles import PALETTE

NOTE_Z = 2  # above the synapses (0), below the pulses (5), weight labels (6) and cells (10)
PADDING = 8.0
HANDLE = 10.0  # the resize corner's side
NOTE_FONT_SIZE = 11
NOTE_FILL = QColor("#FFF6CC")
NOTE_OUTLINE = QColor("#C8A93A")


def note_font() -> QFont:
    font = QFont()
    font.setPointSizeF(NOTE_FONT_SIZE)
    return font


class NoteText(QGraphicsTextItem):
    """The note's text. Read-only until `start_editing`; Esc or losing the focus ends the editing."""

    editing_finished = Signal()
    text_cut = Signal()  # typing or pasting went past MAX_NOTE_TEXT: the end was cut off

    def __init__(self, parent: QGraphicsItem):
        super().__init__(parent)
        self.editing = False
        self._cutting = False
        self.setFont(note_font())
        self.setDefaultTextColor(PALETTE.text)
        self.document().setDocumentMargin(0)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.document().contentsChanged.connect(self._keep_within_limit)

    def start_editing(self) -> None:
        self.editing = True
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.setTextCursor(cursor)

    def stop_editing(self) -> None:
        self.editing = False  # first: losing the focus below is no second end of the editing
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.clearFocus()

    def _keep_within_limit(self) -> None:
        if self._cutting or self.document().characterCount() - 1 <= MAX_NOTE_TEXT:
            return
        self._cutting = True
        try:
            cursor = QTextCursor(self.document())
            cursor.setPosition(MAX_NOTE_TEXT)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        finally:
            self._cutting = False
        self.text_cut.emit()

    def _insert_plain(self, mime: QMimeData | None) -> None:
        if mime is not None and mime.hasText():
            self.textCursor().insertText(mime.text())

    # ---- events: Esc ends the editing; paste and drop insert plain text ------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.editing and event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.editing_finished.emit()
            return
        if self.editing and event.matches(QKeySequence.StandardKey.Paste):
            event.accept()
            self._insert_plain(QGuiApplication.clipboard().mimeData())
            return
        super().keyPressEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self.editing:
            event.ignore()
            return
        event.accept()
        self._insert_plain(event.mimeData())

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Qt's editing menu would paste rich text; while not editing the canvas's menu applies.
        if self.editing:
            event.accept()
        else:
            event.ignore()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        if self.editing:
            self.editing_finished.emit()


class NoteItem(QGraphicsItem):
    """Draws one Note record (the model's own object). `position` is the item's pos, its top-left."""

    def __init__(self, note: Note):
        super().__init__()
        self.note = note
        self.note_id = note.id
        self._size = note.size  # the drawn size: the note's, or the one a resize drag shows
        self.text_item = NoteText(self)
        self.text_item.setPos(PADDING, PADDING)
        self.text_item.document().contentsChanged.connect(self._text_changed)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setZValue(NOTE_Z)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the note's text and size (its position is the scene's to place)."""
        if not self.text_item.editing and self.text_item.toPlainText() != self.note.text:
            self.text_item.setPlainText(self.note.text)
        self.show_size(self.note.size)

    def show_size(self, size: tuple[float, float]) -> None:
        self.prepareGeometryChange()
        self._size = size
        self.text_item.setTextWidth(max(1.0, size[0] - 2 * PADDING))
        self.update()

    def _text_changed(self) -> None:
        self.prepareGeometryChange()  # a longer text makes the box taller
        self.update()

    # ---- geometry ------------------------------------------------------------------------
    def box_rect(self) -> QRectF:
        width, height = self._size
        text_height = self.text_item.boundingRect().height() + 2 * PADDING
        return QRectF(0, 0, width, max(height, text_height))

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self.box_rect().adjusted(-2, -2, 2, 2)

    def handle_rect(self) -> QRectF:
        box = self.box_rect()
        return QRectF(box.right() - HANDLE, box.bottom() - HANDLE, HANDLE, HANDLE)

    def near_handle(self, local: QPointF) -> bool:
        return self.handle_rect().adjusted(-3, -3, 3, 3).contains(local)

    def size_for_corner(self, corner: QPointF) -> tuple[float, float]:
        """The size a resize drag to `corner` (in scene coordinates) asks for, within the limits."""
        local = corner - self.pos()
        width = min(max(local.x(), NOTE_MIN_SIZE[0]), NOTE_MAX_SIZE[0])
        height = min(max(local.y(), NOTE_MIN_SIZE[1]), NOTE_MAX_SIZE[1])
        return (round(width), round(height))

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):  # noqa: N802 (Qt's name)
        scene = self.scene()
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and scene is not None:
            return scene.item_position(self, value)
        return super().itemChange(change, value)

    def hoverMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        on_handle = self.isSelected() and self.near_handle(event.pos())
        self.setCursor(Qt.CursorShape.SizeFDiagCursor if on_handle else Qt.CursorShape.ArrowCursor)
        super().hoverMoveEvent(event)

    # ---- painting ------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.box_rect()
        painter.setBrush(QBrush(NOTE_FILL))
        painter.setPen(QPen(NOTE_OUTLINE, 1.0))
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        if self.isSelected() or self.text_item.editing:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(PALETTE.selection, 1.5, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
            if self.isSelected():
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(PALETTE.selection))
                handle = self.handle_rect()
                painter.drawPolygon(QPolygonF([handle.topRight(), handle.bottomRight(), handle.bottomLeft()]))
