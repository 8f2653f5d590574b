"""The canvas's actions: its tools, its three looks, what it shows (weights, thresholds, grid, snap),
zoom and fit, and the choice of neuron model and update scheme. The window puts them in its menus
and tool bars."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from neuron_sim.ui.canvas.editor_scene import EditorScene
from neuron_sim.ui.canvas.note_tool import NoteTool
from neuron_sim.ui.canvas.tools import AddNeuronTool, ConnectTool, SelectTool
from neuron_sim.ui.canvas.view import NetworkView
from neuron_sim.ui.window.actions import make_action


class CanvasActions(QObject):
    """`set_network_param(name, value)` changes the network's model or update scheme (an undo
    command); the actions belong to `window`, whose menus and tool bars carry their shortcuts."""

    def __init__(self, scene: EditorScene, view: NetworkView,
                 set_network_param: Callable[[str, Any], None], window: QWidget):
        super().__init__(window)
        self.scene, self.view, self._window = scene, view, window

        self.tool_group = QActionGroup(window)
        self.tool_actions: dict[str, QAction] = {}
        tools = (
            ("select", self.tr("Select"), "S", self.tr("Select and move neurons; drag from an axon's end to connect (S)")),
            ("input", self.tr("Add input"), "I", self.tr("Click on the canvas to add an input, a sensor you switch on and off (I)")),
            ("neuron", self.tr("Add neuron"), "N", self.tr("Click on the canvas to add a neuron (N)")),
            ("generator", self.tr("Add generator"), "G", self.tr("Click on the canvas to add a spike generator, spiking networks only (G)")),
            ("connect", self.tr("Connect"), "C", self.tr("Drag from one neuron to another to connect them with a synapse (C)")),
            ("note", self.tr("Note"), "T", self.tr("Click on the canvas to put a note there, a text box for your "
                                                   "explanations; double-click a note to edit it (T)")),
        )
        for name, text, key, tip in tools:
            action = self._action(text, shortcut=QKeySequence(key), tip=tip, checkable=True)
            action.triggered.connect(lambda checked=False, n=name: self.set_tool(n))
            self.tool_group.addAction(action)
            self.tool_actions[name] = action
        self.tool_actions["select"].setChecked(True)

        self.look_group = QActionGroup(window)
        self.look_actions: dict[str, QAction] = {}
        for look, text, tip in (("biological", self.tr("&Biological"), self.tr("Neurons as cells: dendrites, soma, axon, synapses")),
                                ("schematic", self.tr("&Schematic"), self.tr("Textbook diagram: Σ and f, arrows with weights")),
                                ("blocks", self.tr("Bloc&ks"), self.tr("Each neuron as its operations: × w blocks, Σ − θ, f "
                                                                      "and the output, with their numbers"))):
            action = self._action(text, tip=tip, checkable=True)
            action.triggered.connect(lambda checked=False, lk=look: scene.set_look(lk))
            self.look_group.addAction(action)
            self.look_actions[look] = action
        self.look_actions["biological"].setChecked(True)
        self.weights_action = self._action(self.tr("Weight &labels"), scene.set_show_weights, tip=self.tr("Show each synapse's weight"), checkable=True)
        self.weights_action.setChecked(True)
        self.thresholds_action = self._action(self.tr("&Thresholds"), scene.set_show_thresholds, tip=self.tr("Show each neuron's threshold θ"), checkable=True)
        self.thresholds_action.setChecked(True)
        self.grid_action = self._action(self.tr("&Grid"), scene.set_show_grid, tip=self.tr("Show a grid"), checkable=True)
        self.snap_action = self._action(self.tr("S&nap to grid"), self._set_snap, tip=self.tr("Place and move neurons on the grid"), checkable=True)
        self.zoom_in_action = self._action(self.tr("Zoom &in"), view.zoom_in, [QKeySequence("+"), QKeySequence("="), QKeySequence.StandardKey.ZoomIn], self.tr("Zoom in (+)"))
        self.zoom_out_action = self._action(self.tr("Zoom &out"), view.zoom_out, [QKeySequence("-"), QKeySequence.StandardKey.ZoomOut], self.tr("Zoom out (−)"))
        self.zoom_reset_action = self._action(self.tr("&Actual size"), view.reset_zoom, QKeySequence("0"), self.tr("Zoom to 100% (0)"))
        self.fit_action = self._action(self.tr("&Fit network"), view.fit, QKeySequence("F"), self.tr("Fit the whole network in the window (F)"))

        self.model_group, self.model_actions = self._choices("model", set_network_param, (
            ("rate", self.tr("&Rate (artificial neurons)"), self.tr("a = f(Σ w·x − θ): the unit of deep learning")),
            ("spiking", self.tr("&Spiking (integrate-and-fire)"), self.tr("Membrane potential charges up and fires spikes"))))
        self.update_group, self.update_actions = self._choices("update", set_network_param, (
            ("feedforward", self.tr("&Feedforward"), self.tr("One pass from inputs to outputs, layer by layer")),
            ("synchronous", self.tr("S&ynchronous"), self.tr("All neurons update together each tick; loops allowed"))))

    def _choices(self, param: str, set_network_param, choices) -> tuple[QActionGroup, dict[str, QAction]]:
        """One checkable action per (value, text, tip) of a network parameter, exclusive in a group."""
        group = QActionGroup(self._window)
        actions: dict[str, QAction] = {}
        for value, text, tip in choices:
            action = self._action(text, tip=tip, checkable=True)
            action.triggered.connect(lambda checked=False, v=value: set_network_param(param, v))
            group.addAction(action)
            actions[value] = action
        return group, actions

    def _action(self, text: str, slot=None, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
        return make_action(self._window, text, slot, shortcut, tip, checkable)

    def set_tool(self, name: str) -> None:
        if name == "select":
            tool = SelectTool(self.scene)
        elif name == "connect":
            tool = ConnectTool(self.scene)
        elif name == "note":
            tool = NoteTool(self.scene)
        else:
            tool = AddNeuronTool(self.scene, name)
        self.scene.set_tool(tool)
        self.tool_actions[name].setChecked(True)
        cursor = Qt.CursorShape.ArrowCursor if name == "select" else Qt.CursorShape.CrossCursor
        self.view.viewport().setCursor(cursor)

    def _set_snap(self, on: bool) -> None:
        self.scene.snap_to_grid = on
        if on and not self.grid_action.isChecked():
            self.grid_action.trigger()
