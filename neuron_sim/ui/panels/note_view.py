"""The inspector's view of the selected notes: a note's text, plain, read-only (it is typed on the canvas)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QPlainTextEdit, QVBoxLayout, QWidget

from neuron_sim.model import Network

from neuron_sim.ui import plain_text
from neuron_sim.ui.events import EventLinks


class NoteView(QGroupBox):
    """Shows the one selected note's text, or how many notes are selected; hidden with none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._network: Network | None = None
        self._note_ids: list[str] = []
        self._links = EventLinks(owner=self)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit()  # plain text only: markup in a note is shown as written
        self.text.setObjectName("note_text")
        self.text.setReadOnly(True)
        self.hint = plain_text.plain_label()
        self.hint.setWordWrap(True)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.hint)
        self.hide()

    def set_network(self, network: Network) -> None:
        self._links.disconnect()
        self._network = network
        events = network.events
        self._links.connect_all([(events.note_changed, self._on_note_changed),
                                 (events.note_removed, self._on_note_removed)])
        self.show_notes([])

    def show_notes(self, note_ids: list[str]) -> None:
        network = self._network
        self._note_ids = [nid for nid in note_ids if network is not None and nid in network.notes]
        self._refresh()

    def _refresh(self) -> None:
        count = len(self._note_ids)
        self.setVisible(count > 0)
        if count == 0:
            return
        if count == 1:
            self.setTitle(self.tr("Note"))
            self.text.setPlainText(self._network.notes[self._note_ids[0]].text)
            self.text.show()
            self.hint.setText(self.tr("Double-click the note on the canvas to edit its text; drag its corner "
                                      "to resize it."))
        else:
            self.setTitle(self.tr("%n notes", "", count))
            self.text.hide()
            self.hint.setText(self.tr("Drag them to move them together; Del deletes them."))

    def _on_note_changed(self, note_id: str, name: str, _value) -> None:
        if name == "text" and note_id in self._note_ids:
            self._refresh()

    def _on_note_removed(self, note_id: str) -> None:
        if note_id in self._note_ids:
            self._note_ids.remove(note_id)
            self._refresh()
