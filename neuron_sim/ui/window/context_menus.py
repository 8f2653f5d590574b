"""Right-click menus on a neuron, a synapse, or empty canvas."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from neuron_sim import commands

from neuron_sim.ui.canvas.editor_scene import EditorScene
from neuron_sim.ui.canvas.tools import AddNeuronTool
from neuron_sim.ui.document import Document
from neuron_sim.ui.window.editing import EditActions


class ContextMenus(QObject):
    tool_chosen = Signal(str)  # "Connect from here…": the window switches to that tool

    def __init__(self, document: Document, scene: EditorScene, edit: EditActions, fit_action: QAction,
                 parent: QWidget):
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.edit = edit
        self.fit_action = fit_action
        self._parent = parent
        scene.context_menu_requested.connect(self._show)

    def _show(self, scene_pos: QPointF, screen_pos) -> None:
        menu = self.menu_at(scene_pos)
        menu.exec(screen_pos)
        menu.deleteLater()

    def menu_at(self, scene_pos: QPointF) -> QMenu:
        """The menu for what is under `scene_pos` (selecting it first, as file managers do)."""
        scene = self.scene
        menu = QMenu(self._parent)
        item = scene.neuron_item_at(scene_pos)
        if item is not None:
            if not item.isSelected():
                scene.select([item.neuron_id])
            self._neuron_menu(menu, item.neuron_id, scene_pos)
            return menu
        key = scene.synapse_at(scene_pos)
        if key is not None:
            if key not in scene.synapse_layer.selected:
                scene.select((), [key])
            self._synapse_menu(menu, key, scene_pos)
            return menu
        self._canvas_menu(menu, scene_pos)
        return menu

    def _neuron_menu(self, menu: QMenu, neuron_id: str, scene_pos: QPointF) -> None:
        scene, network, edit = self.scene, self.document.network, self.edit
        neuron = network.neuron(neuron_id)
        if neuron.kind == "input":
            menu.addAction(self.tr("Switch on/off"), lambda: self._toggle_input(neuron_id))
            menu.addAction(self.tr("Type value…"),
                           lambda: scene.edit_requested.emit("value", neuron_id, scene_pos))
        elif neuron.kind == "generator" and neuron.pattern == "ac":
            menu.addAction(self.tr("Type frequency…"),
                           lambda: scene.edit_requested.emit("frequency_hz", neuron_id, scene_pos))
        elif neuron.kind == "generator" and neuron.pattern != "dc":
            menu.addAction(self.tr("Type rate…"),
                           lambda: scene.edit_requested.emit("rate_hz", neuron_id, scene_pos))
        else:
            name = "threshold" if network.model == "rate" else "v_threshold_mV"
            menu.addAction(self.tr("Type threshold…"), lambda: scene.edit_requested.emit(name, neuron_id, scene_pos))
        menu.addAction(self.tr("Connect from here…"), lambda: self.tool_chosen.emit("connect"))
        menu.addSeparator()
        menu.addActions([edit.copy_action, edit.duplicate_action, edit.connect_all_action, edit.delete_action])

    def _synapse_menu(self, menu: QMenu, key, scene_pos: QPointF) -> None:
        scene = self.scene
        menu.addAction(self.tr("Type weight…"), lambda: scene.edit_requested.emit("weight", key, scene_pos))
        menu.addAction(self.tr("Flip sign (excitatory ↔ inhibitory)"), lambda: self._flip(key))
        menu.addSeparator()
        menu.addAction(self.edit.delete_action)

    def _canvas_menu(self, menu: QMenu, scene_pos: QPointF) -> None:
        for kind, text in (("neuron", self.tr("Add neuron here")), ("input", self.tr("Add input here")),
                           ("generator", self.tr("Add generator here"))):
            action = menu.addAction(text, lambda k=kind: AddNeuronTool(self.scene, k).add_at(scene_pos))
            action.setEnabled(kind != "generator" or self.document.network.model == "spiking")
        menu.addSeparator()
        edit = self.edit
        menu.addActions([edit.paste_action, edit.select_all_action, edit.add_layer_action, self.fit_action])

    def _toggle_input(self, neuron_id: str) -> None:
        network = self.document.network
        value = 0.0 if network.neuron(neuron_id).value != 0 else 1.0
        self.scene.push(commands.SetNeuronParamCommand(network, neuron_id, "value", value))

    def _flip(self, key) -> None:
        network = self.document.network
        weight = network.synapse(key).weight
        self.scene.push(commands.SetSynapseParamCommand(network, key, "weight", -weight))
