"""The Note tool: a click on the canvas puts a note there, open for typing (note_editing.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from neuron_sim.ui.canvas.tools import Tool


class NoteTool(Tool):
    """A click on the canvas puts a note there, open for typing; a click on a note edits it."""

    name = "note"

    def hint(self) -> str:
        return QCoreApplication.translate("tools", "Note: click on the canvas to put a text box there and type. "
                                          "Esc or a click outside the note keeps it.")

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        if self.scene.neuron_item_at(pos) is not None or self.start_resize(event):
            return self.resize is not None  # a neuron: selected and moved as anywhere else
        note = self.scene.note_item_at(pos)
        if note is not None:
            self.scene.select(note_ids=[note.note_id])
            self.scene.note_editor.edit(note.note_id)
            return True
        self.scene.note_editor.place(pos)
        return True

    def cancel(self) -> bool:
        return self.cancel_drag()
