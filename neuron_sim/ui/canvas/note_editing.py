"""Editing notes on the canvas: typing a note's text in place, and resizing a note by its corner.

Each ends in one undo command: a new note is added with its text when its editing ends (Esc, a
click elsewhere, the focus gone), an existing note's text is set, a resize sets the size on release.
A new note left empty is dropped. A text the model refuses keeps the editor open, the text in it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QTimer

from neuron_sim import commands
from neuron_sim.model import ModelError, Note, geometry
from neuron_sim.model.notes import MAX_NOTE_TEXT

from neuron_sim.ui.canvas.host import EditingHost
from neuron_sim.ui.canvas.note_item import NoteItem
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.styles import GRID_SIZE


class NoteEditor(QObject):
    """The one note being typed into, if any."""

    def __init__(self, scene: EditingHost):
        super().__init__()
        self.scene = scene
        self.item: NoteItem | None = None
        self.is_new = False  # a note placed just now, not in the network until its editing ends
        self._retired: list[NoteItem] = []  # new notes' editors, taken out once their events are over

    @property
    def editing(self) -> bool:
        return self.item is not None

    def owns(self, scene_pos: QPointF) -> bool:
        """Whether a mouse event at `scene_pos` belongs to the text being edited (cursor, selection)."""
        return self.item is not None and self.item.contains(self.item.mapFromScene(scene_pos))

    def place(self, pos: QPointF) -> NoteItem:
        """A new, empty note at `pos` (its top-left corner), open for typing."""
        self.finish()
        network = self.scene.network
        point = (pos.x(), pos.y())
        if self.scene.snap_to_grid:
            point = geometry.snap(point, GRID_SIZE)
        item = NoteItem(Note(network.new_note_id(), "", point))
        self.scene.addItem(item)
        item.setPos(*point)
        self._open(item, is_new=True)
        return item

    def edit(self, note_id: str) -> None:
        if self.item is not None and self.item.note_id == note_id and not self.is_new:
            return
        self.finish()
        item = self.scene.note_items.get(note_id)
        if item is not None:
            self._open(item, is_new=False)

    def _open(self, item: NoteItem, is_new: bool) -> None:
        self.item, self.is_new = item, is_new
        item.text_item.editing_finished.connect(self.finish)
        item.text_item.text_cut.connect(self._text_cut)
        item.text_item.start_editing()
        item.update()
        self.scene.message.emit(QCoreApplication.translate(
            "notes", "Type the note. Esc or a click outside it keeps it; Ctrl+Z inside it undoes typing."))

    def _text_cut(self) -> None:
        self.scene.message.emit(QCoreApplication.translate("notes", "A note holds at most %1 characters: the rest was "
                                                           "cut off.").replace("%1", f"{MAX_NOTE_TEXT:,}"))

    def finish(self) -> bool:
        """End the editing, as one undo step. False if the model refused the text (the editor stays open)."""
        item = self.item
        if item is None:
            return True
        text = item.text_item.toPlainText()
        network = self.scene.network
        try:
            if self.is_new:
                command = commands.AddNoteCommand(network, item.note.copy(text=text)) if text.strip() else None
            else:
                command = (commands.SetNoteParamCommand(network, item.note_id, "text", text)
                           if item.note_id in network.notes and text != item.note.text else None)
        except ModelError as error:
            self.scene.message.emit(error_text(error))
            return False
        if command is not None and not self.scene.push(command):
            return False
        self._close()
        if self.is_new:
            self._retire(item)  # the network's note, added by the command, has its own item
            if command is not None:
                self.scene.select(note_ids=[item.note_id])
        return True

    def cancel(self) -> None:
        """Drop the editing without an edit (the network is replaced)."""
        item = self.item
        if item is None:
            return
        self._close()
        if self.is_new:
            self._retire(item)

    def _retire(self, item: NoteItem) -> None:
        # Not removed now: this may run inside the item's own key or focus event.
        item.hide()
        self._retired.append(item)
        QTimer.singleShot(0, self, self._remove_retired)

    def _remove_retired(self) -> None:
        retired, self._retired = self._retired, []
        for item in retired:
            if item.scene() is not None:
                item.scene().removeItem(item)

    def _close(self) -> None:
        item = self.item
        self.item = None
        item.text_item.editing_finished.disconnect(self.finish)
        item.text_item.text_cut.disconnect(self._text_cut)
        item.text_item.stop_editing()
        item.refresh()
        item.update()


class NoteResize:
    """A drag of a selected note's corner: the box follows the mouse; the release is one undo step."""

    def __init__(self, scene: EditingHost, item: NoteItem, press: QPointF):
        self.scene = scene
        self.item = item
        # The corner keeps its distance from the mouse: it does not jump to where the handle was grabbed.
        self.grip = item.mapToScene(item.box_rect().bottomRight()) - press

    def move(self, pos: QPointF) -> None:
        self.item.show_size(self.item.size_for_corner(pos + self.grip))

    def finish(self, pos: QPointF) -> bool:
        size = self.item.size_for_corner(pos + self.grip)
        self.item.show_size(self.item.note.size)
        if size == self.item.note.size or self.item.note_id not in self.scene.network.notes:
            return False
        return self.scene.push(commands.SetNoteParamCommand(self.scene.network, self.item.note_id, "size", size))

    def cancel(self) -> None:
        self.item.show_size(self.item.note.size)
