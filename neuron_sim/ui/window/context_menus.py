"""Right-click menus on a neuron, a synapse, or empty canvas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF
from PySide6.QtWidgets import QMenu

from neuron_sim import commands

from neuron_sim.ui.canvas.tools import AddNeuronTool

if TYPE_CHECKING:
    from neuron_sim.ui.window.main_window import MainWindow


class ContextMenus(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        window.scene.context_menu_requested.connect(self._show)

    def _show(self, scene_pos: QPointF, screen_pos) -> None:
        menu = self.menu_at(scene_pos)
        menu.exec(screen_pos)
        menu.deleteLater()

    def menu_at(self, scene_pos: QPointF) -> QMenu:
        """The menu for what is under `scene_pos` (selecting it first, as file managers do)."""
        scene = self.window.scene
        menu = QMenu(self.window)
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
        window, scene = self.window, self.window.scene
        neuron = window.network.neuron(neuron_id)
        if neuron.kind == "input":
            menu.addAction(self.tr("Switch on/off"), lambda: self._toggle_input(neuron_id))
            menu.addAction(self.tr("Type value…"),
                           lambda: scene.edit_requested.emit("value", neuron_id, scene_pos))
        elif neuron.kind == "generator":
            menu.addAction(self.tr("Type rate…"),
                           lambda: scene.edit_requested.emit("rate_hz", neuron_id, scene_pos))
        else:
            name = "threshold" if window.network.model == "rate" else "v_threshold_mV"
            menu.addAction(self.tr("Type threshold…"), lambda: scene.edit_requested.emit(name, neuron_id, scene_pos))
        menu.addAction(self.tr("Connect from here…"), lambda: window.set_tool("connect"))
        menu.addSeparator()
        menu.addActions([window.edit.copy_action, window.edit.duplicate_action, window.edit.connect_all_action,
                         window.edit.delete_action])

    def _synapse_menu(self, menu: QMenu, key, scene_pos: QPointF) -> None:
        window, scene = self.window, self.window.scene
        menu.addAction(self.tr("Type weight…"), lambda: scene.edit_requested.emit("weight", key, scene_pos))
        menu.addAction(self.tr("Flip sign (excitatory ↔ inhibitory)"), lambda: self._flip(key))
        menu.addSeparator()
        menu.addAction(window.edit.delete_action)

    def _canvas_menu(self, menu: QMenu, scene_pos: QPointF) -> None:
        window = self.window
        for kind, text in (("neuron", self.tr("Add neuron here")), ("input", self.tr("Add input here")),
                           ("generator", self.tr("Add generator here"))):
            action = menu.addAction(text, lambda k=kind: AddNeuronTool(window.scene, k).add_at(scene_pos))
            action.setEnabled(kind != "generator" or window.network.model == "spiking")
        menu.addSeparator()
        menu.addActions([window.edit.paste_action, window.edit.select_all_action, window.edit.add_layer_action,
                         window.fit_action])

    def _toggle_input(self, neuron_id: str) -> None:
        network = self.window.network
        value = 0.0 if network.neuron(neuron_id).value != 0 else 1.0
        self.window.scene.push(commands.SetNeuronParamCommand(network, neuron_id, "value", value))

    def _flip(self, key) -> None:
        network = self.window.network
        weight = network.synapse(key).weight
        self.window.scene.push(commands.SetSynapseParamCommand(network, key, "weight", -weight))
