"""Edit menu actions: clipboard, duplicate, delete, select all, nudge, add layer, connect all.

The plans come from the Qt-free `neuron_sim.model.editing`; here they become one undo step each.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from neuron_sim import commands
from neuron_sim.model import ModelError, Neuron, conversion, editing, geometry

from neuron_sim.ui.canvas.editor_scene import EditorScene
from neuron_sim.ui.canvas.view import NetworkView
from neuron_sim.ui.document import Document
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.styles import GRID_SIZE
from neuron_sim.ui.window.actions import make_action
from neuron_sim.ui.window.dialogs import AddLayerDialog
from neuron_sim.ui.i18n.filling import fill

NUDGE = 1.0
BIG_NUDGE = 10.0


class EditActions(QObject):
    message = Signal(str)  # for the status bar

    def __init__(self, document: Document, scene: EditorScene, view: NetworkView, parent: QWidget):
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.view = view
        self._parent = parent

        def act(*args) -> QAction:
            return make_action(parent, *args)

        self.cut_action = act(self.tr("Cu&t"), self.cut, QKeySequence.StandardKey.Cut,
                              self.tr("Cut the selected neurons and notes"))
        self.copy_action = act(self.tr("&Copy"), self.copy, QKeySequence.StandardKey.Copy,
                               self.tr("Copy the selected neurons, the synapses between them and the selected notes"))
        self.paste_action = act(self.tr("&Paste"), self.paste, QKeySequence.StandardKey.Paste,
                                self.tr("Paste neurons and notes"))
        self.duplicate_action = act(self.tr("&Duplicate"), self.duplicate, QKeySequence("Ctrl+D"),
                                    self.tr("Duplicate the selected neurons with their inner synapses, and the "
                                            "selected notes"))
        self.delete_action = act(self.tr("&Delete"), self.delete, [QKeySequence(QKeySequence.StandardKey.Delete),
                                                               QKeySequence("Backspace")],
                                 self.tr("Delete the selection; a neuron takes its synapses with it (Del)"))
        self.select_all_action = act(self.tr("Select &All"), self.select_all, QKeySequence.StandardKey.SelectAll,
                                     self.tr("Select every neuron, synapse and note"))
        self.add_layer_action = act(self.tr("Add &layer…"), self.add_layer, QKeySequence("Ctrl+L"),
                                    self.tr("Add a column of neurons (a layer) to the right of the network"))
        self.connect_all_action = act(self.tr("Connect &all"), self.connect_all, QKeySequence("Ctrl+K"),
                                      self.tr("Fully connect each selected column to the next (a Dense layer: "
                                         "3 inputs × 2 neurons = 6 synapses)"))
        self.nudge_actions = []
        for key, dx, dy in (("Left", -1, 0), ("Right", 1, 0), ("Up", 0, -1), ("Down", 0, 1)):
            for prefix, step in (("", NUDGE), ("Shift+", BIG_NUDGE)):
                action = QAction(parent)
                action.setShortcut(QKeySequence(prefix + key))
                action.triggered.connect(lambda checked=False, x=dx * step, y=dy * step: self.nudge(x, y))
                view.addAction(action)
                self.nudge_actions.append(action)

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addActions([self.cut_action, self.copy_action, self.paste_action, self.duplicate_action,
                         self.delete_action])
        menu.addSeparator()
        menu.addActions([self.select_all_action, self.add_layer_action, self.connect_all_action])

    def selection_changed(self, neuron_ids: list, synapse_keys: list) -> None:
        has_items = bool(neuron_ids) or bool(self.scene.selected_note_ids())
        for action in (self.cut_action, self.copy_action, self.duplicate_action):
            action.setEnabled(has_items)
        self.delete_action.setEnabled(has_items or bool(synapse_keys))
        self.connect_all_action.setEnabled(len(neuron_ids) >= 2)

    # ---- helpers -------------------------------------------------------------------------
    @property
    def network(self):
        return self.document.network

    def _push(self, command: commands.ModelCommand) -> bool:
        return self.scene.push(command)

    def _fail(self, error: ModelError) -> None:
        self.message.emit(error_text(error))

    # ---- clipboard -----------------------------------------------------------------------
    def copy(self) -> None:
        ids, note_ids = self.scene.selected_neuron_ids(), self.scene.selected_note_ids()
        if not ids and not note_ids:
            return
        data = editing.copy_selection(self.network, ids, note_ids)
        # Plain text (the JSON names its format), not a QMimeData made here: Qt keeps clipboard data
        # until after Python has shut down, and deleting a Python-made QMimeData then segfaults.
        QGuiApplication.clipboard().setText(json.dumps(data, ensure_ascii=False, indent=2))
        if ids:
            self.message.emit(self.tr("Copied %n neuron(s).", "", len(ids)))
        else:
            self.message.emit(self.tr("Copied %n note(s).", "", len(note_ids)))

    def cut(self) -> None:
        self.copy()
        self.delete(text=self.tr("Cut"))

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        raw = bytes(mime.data(editing.CLIPBOARD_MIME)) if mime is not None else b""
        if not raw and mime is not None and mime.hasText():
            raw = mime.text().encode("utf-8")
        try:
            data = json.loads(raw.decode("utf-8")) if raw else None
            if data is None:
                raise ModelError("the clipboard does not hold neurons")
            self._add_plan(self.tr("Paste"), data)
        except (ModelError, ValueError) as error:  # text that is not JSON (or not UTF-8) is no network either
            reason = error if isinstance(error, ModelError) else ModelError("the clipboard does not hold neurons")
            self.message.emit(fill(self.tr("Nothing to paste: %1"), error_text(reason)))

    def duplicate(self) -> None:
        ids, note_ids = self.scene.selected_neuron_ids(), self.scene.selected_note_ids()
        if ids or note_ids:
            try:
                self._add_plan(self.tr("Duplicate"), editing.copy_selection(self.network, ids, note_ids))
            except ModelError as error:  # past the network's limits
                self._fail(error)

    def _add_plan(self, text: str, data: dict) -> None:
        neurons, synapses = editing.paste_plan(self.network, data)
        notes = editing.paste_notes_plan(self.network, data)
        if self._push(commands.add_items_command(self.network, text, neurons, synapses, notes)):
            self.scene.select([n.id for n in neurons], note_ids=[n.id for n in notes])

    # ---- deleting, selecting, moving ------------------------------------------------------
    def delete(self, checked: bool = False, text: str | None = None) -> None:
        ids = self.scene.selected_neuron_ids()
        keys = self.scene.selected_synapse_keys()
        note_ids = self.scene.selected_note_ids()
        if not ids and not keys and not note_ids:
            self.message.emit(self.tr("Nothing selected to delete."))
            return
        command = commands.delete_command(self.network, ids, keys, note_ids)
        if text:
            command.setText(text)
        self._push(command)

    def select_all(self) -> None:
        self.scene.select_all()

    def nudge(self, dx: float, dy: float) -> None:
        ids, note_ids = self.scene.selected_neuron_ids(), self.scene.selected_note_ids()
        if not ids and not note_ids:
            return
        if self.scene.snap_to_grid:
            dx, dy = dx and GRID_SIZE * (1 if dx > 0 else -1), dy and GRID_SIZE * (1 if dy > 0 else -1)
        moves = {nid: (self.network.neurons[nid].position[0] + dx, self.network.neurons[nid].position[1] + dy)
                 for nid in ids}
        note_moves = {nid: (self.network.notes[nid].position[0] + dx, self.network.notes[nid].position[1] + dy)
                      for nid in note_ids}
        self._push(commands.move_command(self.network, moves, note_moves))

    # ---- building ------------------------------------------------------------------------
    def add_layer(self) -> None:
        result = AddLayerDialog.ask(self._parent, model=self.network.model)
        if result is not None:
            self.add_layer_with(result.count, result.kind, result.activation)

    def add_layer_with(self, count: int, kind: str, activation: str = "sigmoid",
                       at: QPointF | None = None) -> list[str]:
        """A column of `count` neurons right of the network (or at `at`), selected, as one step."""
        positions = [n.position for n in self.network.neurons.values()]
        if at is None:
            x = geometry.free_spot_right_of(positions)
            centre = (sum(p[1] for p in positions) / len(positions)) if positions else 0.0
        else:
            x, centre = at.x(), at.y()
        try:
            neurons = editing.layer_plan(self.network, count, kind, activation, x, centre)
        except ModelError as error:
            self._fail(error)
            return []
        text = self.tr("Add layer of %n", "", count)
        if self._push(commands.add_items_command(self.network, text, neurons, [])):
            self.scene.select([n.id for n in neurons])
            self.view.fit()
            return [n.id for n in neurons]
        return []

    def connect_all(self) -> None:
        try:
            plan = editing.connect_all_plan(self.network, self.scene.selected_neuron_ids())
        except ModelError as error:
            self._fail(error)
            return
        text = self.tr("Connect all (%n synapses)", "", len(plan))
        if self._push(commands.add_items_command(self.network, text, [], plan)):
            self.message.emit(self.tr("Connected %n synapse(s), each with weight 1.", "", len(plan)))

    def model_notice(self, model: str) -> str:
        """One line for the status bar after the model changed: the conversion rule's numbers
        (model/conversion.py) for a cell with the default parameters."""
        cell = Neuron("cell")
        numbers = {"%1": f"{conversion.MAX_INPUT_RATE_HZ:g}", "%2": f"{conversion.weight_scale_mV(cell):g}",
                   "%3": f"{conversion.gap_mV(cell):g}"}
        if model == "spiking":
            text = self.tr("Now spiking: input x → x × %1 Hz (0: silent), weight w → w × %2 mV, threshold θ → "
                           "drive %3 × (1 − θ) mV; decisions carry over roughly. Undo switches back.")
        else:
            text = self.tr("Now rate: weight W mV → W ÷ %2, drive d mV → θ = 1 − d ÷ %3, input at r Hz → "
                           "x = r ÷ %1. Undo switches back.")
        for placeholder, number in numbers.items():
            text = text.replace(placeholder, number)
        return text

    def set_network_param(self, name: str, value) -> None:
        if getattr(self.network, name) == value:
            return
        if name == "model":  # converts the parameters too (model/conversion.py)
            self._push(commands.set_model_command(self.network, value))
            return
        self._push(commands.SetNetworkParamCommand(self.network, name, value))
