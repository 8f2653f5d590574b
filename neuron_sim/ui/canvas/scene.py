"""NetworkScene: follows the model's events, keeps id ↔ item maps, hands input to the active tool."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPainter, QPen, QUndoStack
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from neuron_sim import commands
from neuron_sim.model import ModelError, Network
from neuron_sim.model.entities import SynapseKey

from neuron_sim.ui import styles
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.canvas.neuron_item import NeuronItem
from neuron_sim.ui.styles import PALETTE
from neuron_sim.ui.canvas.synapse_layer import SynapseLayer


class NetworkScene(QGraphicsScene):
    selection_changed_to = Signal(list, list)  # neuron ids, synapse keys
    message = Signal(str)  # for the status bar: refusals and hints
    edit_requested = Signal(str, object, QPointF)  # "weight" | "threshold" | "value" | "rate", target, scene pos
    neuron_added = Signal(str)
    tool_reset_requested = Signal()  # Esc with nothing to cancel: back to the Select tool
    context_menu_requested = Signal(QPointF, object)  # scene position, screen position

    def __init__(self, network: Network, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.look = "biological"
        self.show_weights = True
        self.show_thresholds = True
        self.snap_to_grid = False
        self.placing_from_model = False  # items follow the model's positions without snapping
        self.show_grid = False
        self.for_export = False  # figures show the network, not the editor
        self.undo_stack = undo_stack
        self.network = network
        self.neuron_items: dict[str, NeuronItem] = {}
        self.annotations: list[QGraphicsItem] = []  # drawn over the network and framed with it (Name the parts)
        self.synapse_layer = SynapseLayer()
        self.addItem(self.synapse_layer)
        self.addItem(self.synapse_layer.label_layer)  # the weight labels, above the pulses
        self.tool = None
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self.flush)
        self._emitting_selection = False
        self.selectionChanged.connect(self._emit_selection)
        self._connect_network()
        self._rebuild_items()
        from neuron_sim.ui.canvas.tools import SelectTool  # tools import the scene's types

        self.set_tool(SelectTool(self))

    # ---- documents -----------------------------------------------------------------------
    def set_network(self, network: Network, undo_stack: QUndoStack | None = None) -> None:
        self._disconnect_network()
        self.network = network
        if undo_stack is not None:
            self.undo_stack = undo_stack
        self._connect_network()
        self._rebuild_items()

    def _connect_network(self) -> None:
        e = self.network.events
        e.neuron_added.connect(self._on_neuron_added)
        e.neuron_removed.connect(self._on_neuron_removed)
        e.neuron_changed.connect(self._on_neuron_changed)
        e.synapse_added.connect(self._on_synapses_changed)
        e.synapse_removed.connect(self._on_synapse_removed)
        e.synapse_changed.connect(self._on_synapse_changed)
        e.network_changed.connect(self._on_network_changed)

    def _disconnect_network(self) -> None:
        e = self.network.events
        for signal, slot in ((e.neuron_added, self._on_neuron_added), (e.neuron_removed, self._on_neuron_removed),
                             (e.neuron_changed, self._on_neuron_changed),
                             (e.synapse_added, self._on_synapses_changed),
                             (e.synapse_removed, self._on_synapse_removed),
                             (e.synapse_changed, self._on_synapse_changed),
                             (e.network_changed, self._on_network_changed)):
            signal.disconnect(slot)

    def _rebuild_items(self) -> None:
        for item in self.neuron_items.values():
            self.removeItem(item)
        self.neuron_items = {}
        self.synapse_layer.selected.clear()
        for neuron_id in self.network.neurons:
            self._add_item(neuron_id)
        self.synapse_layer.rebuild()

    def _add_item(self, neuron_id: str) -> NeuronItem:
        neuron = self.network.neurons[neuron_id]
        item = NeuronItem(neuron)
        self._refresh_item(item)
        self.neuron_items[neuron_id] = item
        self.addItem(item)
        self.place_item(item, neuron.position)
        return item

    def place_item(self, item: NeuronItem, position) -> None:
        """Put an item where the model says, unsnapped: the grid snaps drags, never the model's positions."""
        self.placing_from_model = True
        try:
            item.setPos(position[0], position[1])
        finally:
            self.placing_from_model = False

    def _refresh_item(self, item: NeuronItem) -> None:
        item.for_export = self.for_export
        item.refresh(self.look, self.network.model, self.show_thresholds)

    # ---- model events --------------------------------------------------------------------
    def _on_neuron_added(self, neuron_id: str) -> None:
        self._add_item(neuron_id)
        self.schedule_relayout()
        self.neuron_added.emit(neuron_id)

    def _on_neuron_removed(self, neuron_id: str) -> None:
        item = self.neuron_items.pop(neuron_id, None)
        if item is not None:
            self.removeItem(item)
        self.schedule_relayout()
        self._emit_selection()

    def _on_neuron_changed(self, neuron_id: str, name: str, value) -> None:
        item = self.neuron_items.get(neuron_id)
        if item is None:
            return
        if name == "position":
            if (item.x(), item.y()) != tuple(value):
                self.place_item(item, value)
        else:
            self._refresh_item(item)
            if name == "kind":
                self.schedule_relayout()

    def _on_synapses_changed(self, key) -> None:
        self.schedule_relayout()

    def _on_synapse_removed(self, key) -> None:
        if tuple(key) in self.synapse_layer.selected:
            self.synapse_layer.selected.discard(tuple(key))
            self._emit_selection()
        self.schedule_relayout()

    def _on_synapse_changed(self, key, name: str, value) -> None:
        self.schedule_relayout()

    def _on_network_changed(self, name: str, value) -> None:
        if name == "model":
            self._refresh_all()

    def neuron_item_moved(self, item: NeuronItem) -> None:
        self.schedule_relayout()

    def schedule_relayout(self) -> None:
        self.synapse_layer.invalidate()
        if not self._relayout_timer.isActive():
            self._relayout_timer.start()

    def flush(self) -> None:
        """Bring the synapse drawing up to date now (normally it happens once per event-loop turn)."""
        self._relayout_timer.stop()
        self.synapse_layer.ensure_layout()

    # ---- looks ---------------------------------------------------------------------------
    def set_look(self, look: str) -> None:
        self.look = look
        self._refresh_all()

    def set_show_weights(self, show: bool) -> None:
        self.show_weights = show
        self._refresh_all()

    def set_show_thresholds(self, show: bool) -> None:
        self.show_thresholds = show
        self._refresh_all()

    def set_show_grid(self, show: bool) -> None:
        self.show_grid = show
        self.update()

    def _refresh_all(self) -> None:
        for item in self.neuron_items.values():
            self._refresh_item(item)
        self.synapse_layer.rebuild()
        self.update()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt's name)
        painter.fillRect(rect, QBrush(PALETTE.background))
        if self.show_grid and not self.for_export:
            painter.setPen(QPen(PALETTE.grid, 0))
            g = styles.GRID_SIZE
            left = int(rect.left() // g) * g
            top = int(rect.top() // g) * g
            x = left
            while x < rect.right():
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
                x += g
            y = top
            while y < rect.bottom():
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
                y += g

    def network_rect(self) -> QRectF:
        """Bounds of what is drawn (neurons, labels, curves)."""
        self.flush()
        rect = QRectF()
        for item in self.neuron_items.values():
            rect = rect.united(item.sceneBoundingRect())
        if self.synapse_layer.keys:
            rect = rect.united(self.synapse_layer.boundingRect())
        return rect

    def framed_rect(self) -> QRectF:
        """What Fit frames: the network and the annotations drawn on it."""
        rect = self.network_rect()
        for item in self.annotations:
            rect = rect.united(item.sceneBoundingRect())
        return rect

    # ---- selection -----------------------------------------------------------------------
    def selected_neuron_ids(self) -> list[str]:
        ids = {item.neuron_id for item in self.selectedItems() if isinstance(item, NeuronItem)}
        return [nid for nid in self.network.neurons if nid in ids]

    def selected_synapse_keys(self) -> list[SynapseKey]:
        chosen = self.synapse_layer.selected
        return [key for key in self.network.synapses if key in chosen]

    def select(self, neuron_ids=(), synapse_keys=(), add: bool = False) -> None:
        self._emitting_selection = True
        try:
            if not add:
                self.clearSelection()
                self.synapse_layer.selected.clear()
            for nid in neuron_ids:
                if nid in self.neuron_items:
                    self.neuron_items[nid].setSelected(True)
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
        self.select(list(self.network.neurons), list(self.network.synapses))

    def _emit_selection(self) -> None:
        if not self._emitting_selection:
            self.selection_changed_to.emit(self.selected_neuron_ids(), self.selected_synapse_keys())

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

    def synapse_at(self, pos: QPointF) -> SynapseKey | None:
        return self.synapse_layer.synapse_at(pos)

    # ---- input: the active tool decides --------------------------------------------------
    def set_tool(self, tool) -> None:
        if self.tool is not None:
            self.tool.cancel()
        self.tool = tool
        self.message.emit(tool.hint())

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.tool.press(event):
            return
        if event.button() == Qt.MouseButton.RightButton:
            # A context menu follows and takes the release: an item grabbing the mouse now would
            # stay grabbed, and the next drag anywhere (or a zoom) would move it.
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if not self.tool.move(event):
            super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:  # no hover feedback while dragging
            self._update_hover(event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if not self.tool.release(event):
            super().mouseReleaseEvent(event)
            self.tool.after_release(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if not self.tool.double_click(event):
            super().mouseDoubleClickEvent(event)

    def _update_hover(self, pos: QPointF) -> None:
        key = None if self.neuron_item_at(pos) else self.synapse_layer.synapse_at(pos)
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

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.tool.cancel()
        self.context_menu_requested.emit(event.scenePos(), event.screenPos())
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            if not self.tool.cancel():
                if self.tool.name == "select":
                    self.select()
                else:
                    self.tool_reset_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


@contextmanager
def throwaway_scene(network: Network) -> Iterator[NetworkScene]:
    """A scene of `network` only to draw it into an image (thumbnails, guide pictures).

    Afterwards it is taken apart at once, while every item is whole, rather than leaving a
    scene full of items to the event loop: that crashed two full test runs.
    """
    undo_stack = QUndoStack()
    scene = NetworkScene(network, undo_stack)
    try:
        yield scene
    finally:
        scene.clear()
        scene.deleteLater()
        undo_stack.deleteLater()
