"""Canvas tools: Select/Move, Add (neuron, input, generator), Connect and Note.

A tool gets the scene's mouse events first and returns True when it used one. Tools turn
gestures into commands; a drag is one command pushed on release; Esc cancels what is in progress.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt, QTimer
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsSceneMouseEvent

from neuron_sim import commands
from neuron_sim.model import Neuron, Synapse, geometry
from neuron_sim.model.editing import new_neuron_params

from neuron_sim.ui.i18n.filling import fill
from neuron_sim.ui.canvas.neuron_item import NeuronItem
from neuron_sim.ui.canvas.host import EditingHost
from neuron_sim.ui.canvas.note_editing import NoteResize
from neuron_sim.ui.styles import GRID_SIZE, PALETTE

ID_PREFIXES = {"input": "x", "neuron": "y", "generator": "g"}
CLICK_SLOP = 4.0  # pixels a click may wander and still be a click, not a drag


class Tool:
    name = ""

    def __init__(self, scene: EditingHost):
        self.scene = scene
        self.drag: ConnectionDrag | None = None  # a connection being drawn, if any
        self.resize: NoteResize | None = None  # a note's corner being dragged, if any

    def hint(self) -> str:
        return ""

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        gesture = self.drag or self.resize
        if gesture is not None:
            gesture.move(event.scenePos())
            return True
        return False

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.drag is not None:
            drag, self.drag = self.drag, None
            drag.finish(event.scenePos())
            return True
        if self.resize is not None:
            resize, self.resize = self.resize, None
            resize.finish(event.scenePos())
            return True
        return False

    def start_resize(self, event: QGraphicsSceneMouseEvent) -> bool:
        """A press on a selected note's corner starts resizing it."""
        note = self.scene.note_item_at(event.scenePos())
        if note is None or not note.isSelected() or not note.near_handle(note.mapFromScene(event.scenePos())):
            return False
        self.resize = NoteResize(self.scene, note, event.scenePos())
        return True

    def cancel_drag(self) -> bool:
        if self.resize is not None:
            self.resize.cancel()
            self.resize = None
            return True
        if self.drag is None:
            return False
        self.drag.cancel()
        self.drag = None
        self.scene.message.emit(QCoreApplication.translate("tools", "Connection cancelled."))
        return True

    def after_release(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.commit_moves()

    def commit_moves(self) -> bool:
        """Neurons and notes the scene moved itself (a drag on one, whatever the tool) become one move command."""
        network = self.scene.network
        moved = {}
        for nid, item in self.scene.neuron_items.items():
            position = (item.x(), item.y())
            if position != network.neurons[nid].position:
                moved[nid] = position
        notes_moved = {}
        for nid, item in self.scene.note_items.items():
            position = (item.x(), item.y())
            if position != network.notes[nid].position:
                notes_moved[nid] = position
        return bool(moved or notes_moved) and self.scene.push(commands.move_command(network, moved, notes_moved))

    def cancel(self) -> bool:
        """Abandon what is in progress; True if there was something."""
        return False

    def double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        """Double-click edits in place: a synapse's weight, a neuron's threshold, an input's value."""
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        item = self.scene.neuron_item_at(pos)
        in_block = item.block_synapse_at(item.mapFromScene(pos)) if item is not None else None
        if in_block is not None:  # the blocks look: a weight block is its synapse's weight
            self.scene.edit_requested.emit("weight", in_block, pos)
            return True
        if item is not None:
            neuron = item.neuron
            if neuron.kind == "input":
                what = "value"
            elif neuron.kind == "generator" and neuron.pattern == "dc":
                return False  # a constant current: its synapses' weights are its strength
            elif neuron.kind == "generator":
                what = "frequency_hz" if neuron.pattern == "ac" else "rate_hz"
            else:
                what = "threshold" if self.scene.network.model == "rate" else "v_threshold_mV"
            self.scene.edit_requested.emit(what, neuron.id, pos)
            return True
        note = self.scene.note_item_at(pos)
        if note is not None:
            self.scene.note_editor.edit(note.note_id)
            return True
        key = self.scene.synapse_at(pos)
        if key is not None:
            self.scene.edit_requested.emit("weight", key, pos)
            return True
        return False


class ConnectionDrag:
    """A live axon that follows the mouse from a source neuron; dropping it on a neuron connects."""

    def __init__(self, scene: EditingHost, source: NeuronItem, press_pos: QPointF):
        self.scene = scene
        self.source = source
        self.press_pos = press_pos
        self.left_source = False  # a self-loop needs the mouse to leave the cell and come back
        self.target: NeuronItem | None = None
        self.ghost = QGraphicsPathItem()
        pen = QPen(PALETTE.selection, 2.0, Qt.PenStyle.DashLine)
        self.ghost.setPen(pen)
        self.ghost.setZValue(100)
        scene.addItem(self.ghost)
        self.move(press_pos)

    def move(self, pos: QPointF) -> None:
        start = self.source.mapToScene(self.source.axon_handle())
        reach = max(40.0, abs(pos.x() - start.x()) * 0.45)
        path = QPainterPath(start)
        path.cubicTo(start + QPointF(reach, 0), pos - QPointF(reach, 0), pos)
        self.ghost.setPath(path)
        if (pos - self.press_pos).manhattanLength() > 12 and self.scene.neuron_item_at(pos) is not self.source:
            self.left_source = True
        item = self.scene.neuron_item_at(pos)
        if item is self.source and not self.left_source:
            item = None
        if item is not None and item.neuron.kind != "neuron":
            item = None  # inputs and generators have no dendrites
        if item is not self.target:
            if self.target is not None:
                self.target.connect_target = False
                self.target.update()
            self.target = item
            if item is not None:
                item.connect_target = True
                item.update()

    def finish(self, pos: QPointF) -> bool:
        self.move(pos)
        target = self.target
        self.cancel()
        if target is None:
            self.scene.message.emit(QCoreApplication.translate("tools", "Connection cancelled: release on a neuron to connect."))
            return False
        synapse = Synapse(self.source.neuron_id, target.neuron_id, weight=1.0)
        if self.scene.push(commands.ConnectCommand(self.scene.network, synapse)):
            said = fill(QCoreApplication.translate("tools", "Connected %1 → %2 with weight 1. Double-click the synapse to change it."),
                        self.source.neuron.label, target.neuron.label)
            self.scene.message.emit(said)
            return True
        return False

    def cancel(self) -> None:
        if self.target is not None:
            self.target.connect_target = False
            self.target.update()
            self.target = None
        if self.ghost.scene() is not None:
            self.scene.removeItem(self.ghost)


class SelectTool(Tool):
    name = "select"

    def __init__(self, scene: EditingHost):
        super().__init__(scene)
        self._press_item: NeuronItem | None = None
        self._press_pos = QPointF()
        self._toggle_timer = QTimer()
        self._toggle_timer.setSingleShot(True)
        self._toggle_timer.timeout.connect(self._toggle_pending_input)
        self._pending_toggle: str | None = None
        # A press on an unselected input: a click switches it and leaves the selection alone (the
        # panel stays on the neuron being explained); only a drag selects and moves it.
        self._input_press: NeuronItem | None = None
        self._input_start = QPointF()
        self._input_dragged = False

    def hint(self) -> str:
        return QCoreApplication.translate("tools", "Select and move: click or drag a box to select, drag to move, drag from an axon's end "
                  "to connect, double-click to edit, click an input to switch it 0/1.")

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        item = self.scene.neuron_item_at(pos)
        self._press_item = item
        self._press_pos = pos
        if item is not None:
            if item.near_axon_handle(item.mapFromScene(pos)):
                self.drag = ConnectionDrag(self.scene, item, pos)
                return True
            if item.neuron.kind == "input" and not item.isSelected() and not event.modifiers():
                self._input_press, self._input_start, self._input_dragged = item, item.pos(), False
                return True
            if not item.isSelected() or event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                # a plain click on an unselected neuron also drops any selected synapses
                if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
                    self.scene.synapse_layer.selected.clear()
                    self.scene.synapse_layer.update()
            return False
        if self.start_resize(event):
            return True
        if self.scene.note_item_at(pos) is not None:
            if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
                self.scene.synapse_layer.selected.clear()
                self.scene.synapse_layer.update()
            return False  # the scene selects the note, and a drag moves it
        key = self.scene.synapse_at(pos)
        if key is not None:
            if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
                self.scene.toggle_synapse_selection(key)
            else:
                self.scene.select((), [key])
            return True
        if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            self.scene.select()
        return False  # the view starts a rubber band

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if super().move(event):
            return True
        item = self._input_press
        if item is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return False
        offset = event.scenePos() - self._press_pos
        if not self._input_dragged and offset.manhattanLength() <= CLICK_SLOP:
            return True
        if not self._input_dragged:
            self._input_dragged = True
            self.scene.select([item.neuron_id])
        item.setPos(self._input_start + offset)  # the scene snaps it to the grid if asked
        return True

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if super().release(event):
            return True
        if self._input_press is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        item, self._input_press = self._input_press, None
        if self._input_dragged:
            self.commit_moves()
        elif item.scene() is self.scene:
            self._schedule_toggle(item.neuron_id)
        self._press_item = None
        return True

    def after_release(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        moved = self.commit_moves()
        if (not moved and self._press_item is not None and self._press_item.scene() is self.scene
              and self._press_item.neuron.kind == "input"
              and (event.scenePos() - self._press_pos).manhattanLength() <= CLICK_SLOP
              and not event.modifiers()):
            self._schedule_toggle(self._press_item.neuron_id)
        self._press_item = None

    def _schedule_toggle(self, neuron_id: str) -> None:
        # Wait for a possible double-click, which types a value instead of toggling.
        self._pending_toggle = neuron_id
        self._toggle_timer.start(QApplication.doubleClickInterval())

    def _toggle_pending_input(self) -> None:
        nid, self._pending_toggle = self._pending_toggle, None
        if nid is None or nid not in self.scene.network.neurons:
            return
        neuron = self.scene.network.neurons[nid]
        new_value = 0.0 if neuron.value != 0 else 1.0
        self.scene.push(commands.SetNeuronParamCommand(self.scene.network, nid, "value", new_value,
                                                       text=QCoreApplication.translate("tools", "Switch input %1").replace("%1", neuron.label)))

    def double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        self._toggle_timer.stop()
        self._pending_toggle = None
        return super().double_click(event)

    def cancel(self) -> bool:
        self._toggle_timer.stop()
        self._pending_toggle = None
        if self._input_press is not None:
            item, self._input_press = self._input_press, None
            if self._input_dragged and item.scene() is self.scene:
                item.setPos(self._input_start)
            return True
        return self.cancel_drag()


class AddNeuronTool(Tool):
    """A click on empty canvas places a neuron, an input or a generator there."""

    def __init__(self, scene: EditingHost, kind: str):
        super().__init__(scene)
        self.kind = kind
        self.name = f"add-{kind}"

    def hint(self) -> str:
        return {
            "input": QCoreApplication.translate("tools", "Add input: click on empty canvas to place an input (a sensor whose value you set)."),
            "neuron": QCoreApplication.translate("tools", "Add neuron: click on empty canvas to place a neuron. Esc returns to Select."),
            "generator": QCoreApplication.translate("tools", "Add generator: click on empty canvas to place a spike generator (spiking networks)."),
        }[self.kind]

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        if self.scene.neuron_item_at(pos) is not None:
            return False  # clicking a neuron selects it, as anywhere else
        self.add_at(pos)
        return True

    def add_at(self, pos: QPointF) -> str | None:
        network = self.scene.network
        point = (pos.x(), pos.y())
        if self.scene.snap_to_grid:
            point = geometry.snap(point, GRID_SIZE)
        neuron_id = network.new_id(ID_PREFIXES[self.kind])
        neuron = Neuron(neuron_id, kind=self.kind, position=point,
                        **new_neuron_params(self.kind, network.model))
        if self.scene.push(commands.AddNeuronCommand(network, neuron)):
            self.scene.select([neuron_id])
            return neuron_id
        return None


class ConnectTool(Tool):
    """Press on a neuron, drag to another, release: a synapse with weight 1."""

    name = "connect"

    def hint(self) -> str:
        return QCoreApplication.translate("tools", "Connect: press on a neuron, drag to the neuron it should excite, release. "
                  "Release on empty canvas or press Esc to cancel.")

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        item = self.scene.neuron_item_at(event.scenePos())
        if item is None:
            return True
        self.drag = ConnectionDrag(self.scene, item, event.scenePos())
        return True

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        return super().release(event) or event.button() == Qt.MouseButton.LeftButton

    def cancel(self) -> bool:
        return self.cancel_drag()

