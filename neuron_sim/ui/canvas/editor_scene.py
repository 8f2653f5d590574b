"""EditorScene: the canvas's scene. A DisplayScene that also edits: the active tool, the
selection, the undo stack, the grid and snapping, and messages for the status bar."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen, QUndoStack
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from neuron_sim import commands
from neuron_sim.model import ModelError, Network, geometry
from neuron_sim.model.entities import SynapseKey

from neuron_sim.ui import styles
from neuron_sim.ui.canvas.neuron_item import NeuronItem
from neuron_sim.ui.canvas.note_editing import NoteEditor
from neuron_sim.ui.canvas.note_item import NoteItem, NoteText
from neuron_sim.ui.canvas.scene import DisplayScene
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.styles import PALETTE


class EditorScene(DisplayScene):
    selection_changed_to = Signal(list, list)  # neuron ids, synapse keys
    notes_selected = Signal(list)  # note ids, after selection_changed_to
    message = Signal(str)  # for the status bar: refusals and hints
    edit_requested = Signal(str, object, QPointF)  # "weight" | "threshold" | "value" | "rate", target, scene pos
    tool_reset_requested = Signal()  # Esc with nothing to cancel: back to the Select tool
    context_menu_requested = Signal(QPointF, object)  # scene position, screen position
    synapse_hovered = Signal(object)  # the synapse key under the mouse, or None

    detail_follows_zoom = True
    snap_to_grid = False
    _placing_from_model = False  # items follow the model's positions without snapping

    def __init__(self, network: Network, undo_stack: QUndoStack, parent=None):
        super().__init__(network, parent=parent)
        self.undo_stack = undo_stack
        self.show_grid = False
        self.tool = None
        self.note_editor = NoteEditor(self)
        self._emitting_selection = False
        self.selectionChanged.connect(self._emit_selection)
        from neuron_sim.ui.canvas.tools import SelectTool  # tools import the scene's types

        self.set_tool(SelectTool(self))

    # ---- documents -----------------------------------------------------------------------
    def set_network(self, network: Network, undo_stack: QUndoStack | None = None) -> None:
        self.note_editor.cancel()
        self.synapse_layer.selected.clear()
        if undo_stack is not None:
            self.undo_stack = undo_stack
        # The old items leave selected; saying so once, not once per item (each time listing the
        # selection among every synapse), keeps opening a file after Select all fast.
        self._emitting_selection = True
        try:
            self.clearSelection()
            super().set_network(network)
        finally:
            self._emitting_selection = False
        self._emit_selection()

    def place_item(self, item: NeuronItem, position) -> None:
        """Put an item where the model says, unsnapped: the grid snaps drags, never the model's positions."""
        self._placing_from_model = True
        try:
            super().place_item(item, position)
        finally:
            self._placing_from_model = False

    def item_position(self, item: NeuronItem, position: QPointF) -> QPointF:
        if self.snap_to_grid and not self._placing_from_model:
            x, y = geometry.snap((position.x(), position.y()), styles.GRID_SIZE)
            return QPointF(x, y)
        return position

    # ---- model events --------------------------------------------------------------------
    def _on_neuron_removed(self, neuron_id: str) -> None:
        super()._on_neuron_removed(neuron_id)
        self._emit_selection()

    def _on_note_removed(self, note_id: str) -> None:
        editor = self.note_editor
        if editor.item is not None and editor.item.note_id == note_id and not editor.is_new:
            editor.cancel()
        super()._on_note_removed(note_id)
        self._emit_selection()

    def _on_synapse_removed(self, key) -> None:
        if tuple(key) in self.synapse_layer.selected:
            self.synapse_layer.selected.discard(tuple(key))
            self._emit_selection()
        super()._on_synapse_removed(key)

    def _on_structure_changed(self, change) -> None:
        """A batch edit: the selection loses what went, and says so once."""
        removed = set(change.removed_synapses)
        selected = self.synapse_layer.selected
        self._emitting_selection = True
        try:
            if removed and selected:
                selected.difference_update(removed)
            super()._on_structure_changed(change)
        finally:
            self._emitting_selection = False
        if change.removed_neurons or removed:
            self._emit_selection()

    # ---- grid ----------------------------------------------------------------------------
    def set_show_grid(self, show: bool) -> None:
        self.show_grid = show
        for view in self.views():  # they keep their backgrounds (NetworkView)
            view.resetCachedContent()
        self.update()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt's name)
        super().drawBackground(painter, rect)
        if not self.show_grid:
            return
        painter.setPen(QPen(PALETTE.grid, 0))
        g = styles.GRID_SIZE
        x = int(rect.left() // g) * g
        while x < rect.right():
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            x += g
        y = int(rect.top() // g) * g
        while y < rect.bottom():
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            y += g

    # ---- selection -----------------------------------------------------------------------
    def selected_neuron_ids(self) -> list[str]:
        ids = {item.neuron_id for item in self.selectedItems() if isinstance(item, NeuronItem)}
        return [nid for nid in self.network.neurons if nid in ids]

    def selected_note_ids(self) -> list[str]:
        ids = {item.note_id for item in self.selectedItems() if isinstance(item, NoteItem)}
        return [nid for nid in self.network.notes if nid in ids]

    def selected_synapse_keys(self) -> list[SynapseKey]:
        chosen = self.synapse_layer.selected
        if not chosen:  # (a network loaded as columns keeps them: no Synapse object made to say so)
            return []
        return [key for key in self.network.synapses if key in chosen]

    def select(self, neuron_ids=(), synapse_keys=(), add: bool = False, note_ids=()) -> None:
        self._emitting_selection = True
        try:
            if not add:
                self.clearSelection()
                self.synapse_layer.selected.clear()
            for nid in neuron_ids:
                if nid in self.neuron_items:
                    self.neuron_items[nid].setSelected(True)
            for nid in note_ids:
                if nid in self.note_items:
                    self.note_items[nid].setSelected(True)
            self.synapse_layer.selected.update(tuple(k) for k in synapse_keys)
            self.synapse_layer.update()
        finally:
            self._emitting_selection = False
        self._emit_selection()

    def toggle_synapse_selection(self, key: SynapseKey) -> None:
        key = tuple(key)
        if key in self.synapse_layer.selected:
            self.synapse_layer.selected.discard(key)
        else:
            self.synapse_layer.selected.add(key)
        self.synapse_layer.update()
        self._emit_selection()

    def select_all(self) -> None:
        self.select(list(self.network.neurons), list(self.network.synapses), note_ids=list(self.network.notes))

    def _emit_selection(self) -> None:
        if not self._emitting_selection:
            self.selection_changed_to.emit(self.selected_neuron_ids(), self.selected_synapse_keys())
            self.notes_selected.emit(self.selected_note_ids())

    # ---- edits ---------------------------------------------------------------------------
    def push(self, command: commands.ModelCommand) -> bool:
        """Apply an edit through the undo stack; a refusal becomes a status message."""
        try:
            commands.push(self.undo_stack, command)
        except ModelError as error:
            self.message.emit(error_text(error))
            return False
        return True

    def neuron_item_at(self, pos: QPointF) -> NeuronItem | None:
        for item in self.items(pos):
            if isinstance(item, NeuronItem):
                return item
        return None

    def note_item_at(self, pos: QPointF) -> NoteItem | None:
        for item in self.items(pos):
            if isinstance(item, NoteItem) and item.isVisible():
                return item
            if isinstance(item, NoteText) and item.parentItem().isVisible():
                return item.parentItem()
        return None

    def synapse_at(self, pos: QPointF) -> SynapseKey | None:
        return self.synapse_layer.synapse_at(pos)

    # ---- input: the active tool decides --------------------------------------------------
    def set_tool(self, tool) -> None:
        if self.tool is not None:
            self.tool.cancel()
        self.tool = tool
        self.message.emit(tool.hint())

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.note_editor.owns(event.scenePos()):
            super().mousePressEvent(event)  # placing the cursor, selecting text
            return
        if self.note_editor.editing:
            placing_notes = self.tool.name == "note"
            self.note_editor.finish()
            if placing_notes:  # the click that ends a note's editing places no new one
                event.accept()
                return
        if self.tool.press(event):
            event.accept()  # a tool's gesture: the view starts no selection rectangle under it
            return
        if event.button() == Qt.MouseButton.RightButton:
            # A context menu follows and takes the release: an item grabbing the mouse now would
            # stay grabbed, and the next drag anywhere (or a zoom) would move it.
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.note_editor.editing and self.mouseGrabberItem() is self.note_editor.item.text_item:
            super().mouseMoveEvent(event)
            return
        if not self.tool.move(event):
            super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:  # no hover feedback while dragging
            self._update_hover(event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.note_editor.editing and self.mouseGrabberItem() is self.note_editor.item.text_item:
            super().mouseReleaseEvent(event)
            return
        if not self.tool.release(event):
            super().mouseReleaseEvent(event)
            self.tool.after_release(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.note_editor.owns(event.scenePos()):
            super().mouseDoubleClickEvent(event)  # selects a word
            return
        if not self.tool.double_click(event):
            super().mouseDoubleClickEvent(event)

    def _update_hover(self, pos: QPointF) -> None:
        item = self.neuron_item_at(pos)
        key = self.synapse_layer.synapse_at(pos) if item is None else item.block_synapse_at(item.mapFromScene(pos))
        if key != self.synapse_layer.hovered:
            self.synapse_layer.hovered = key
            self.synapse_layer.update()
            if key is not None:
                synapse = self.network.synapses.get(key)
                if synapse is not None:
                    self.message.emit(self.tr("Synapse %1 → %2, weight %3: double-click to type a weight, "
                                              "Ctrl+wheel to nudge it")
                                      .replace("%1", self.network.neurons[key[0]].label)
                                      .replace("%2", self.network.neurons[key[1]].label)
                                      .replace("%3", styles.format_number(synapse.weight)))
            self.synapse_hovered.emit(key)  # after the hint: a listener's fuller message replaces it

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.tool.cancel()
        self.context_menu_requested.emit(event.scenePos(), event.screenPos())
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if self.note_editor.editing and self.focusItem() is self.note_editor.item.text_item:
            super().keyPressEvent(event)  # to the note's text; Esc ends its editing there
            return
        if event.key() == Qt.Key.Key_Escape:
            if not self.tool.cancel():
                if self.tool.name == "select":
                    self.select()
                else:
                    self.tool_reset_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
