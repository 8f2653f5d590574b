"""The main window: canvas, tool bar, inspector, menus, and the file a person is working on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
)

from neuron_sim.model import Network

from neuron_sim.ui.window.context_menus import ContextMenus
from neuron_sim.ui.document import DocumentFiles
from neuron_sim.ui.window.editing import EditActions
from neuron_sim.ui.window.examples import ExamplesMenu
from neuron_sim.ui.export.actions import FigureActions
from neuron_sim.ui.window.help import HelpActions
from neuron_sim.ui.panels.inspector import Inspector
from neuron_sim.ui.window.instruments import Instruments
from neuron_sim.ui.canvas.name_parts import NameParts
from neuron_sim.ui.window.playback_controls import PlaybackControls
from neuron_sim.ui.window.preferences import add_preferences_action
from neuron_sim.ui.window.recovery import RecoveryKeeper
from neuron_sim.ui.canvas.scene import NetworkScene
from neuron_sim.ui.canvas.tools import AddNeuronTool, ConnectTool, SelectTool
from neuron_sim.ui.canvas.view import NetworkView



class MainWindow(QMainWindow):
    network_replaced = Signal(object)  # set_network: New, Open, an example

    def __init__(self, network: Network | None = None, path: str | None = None):
        super().__init__()
        self.network = network or Network()
        self.path: Path | None = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.settings = QSettings("neuron-sim", "neuron-sim")
        self.document = DocumentFiles(self, self.settings)  # New / Open / Save, recent files
        self.recovery = RecoveryKeeper(self)  # a copy of unsaved changes every 30 s, for after a crash
        self.scene = NetworkScene(self.network, self.undo_stack, self)
        self.view = NetworkView(self.scene, self)
        self.setCentralWidget(self.view)
        self.inspector = Inspector()
        self.inspector.set_document(self.network, self.undo_stack)
        dock = QDockWidget(self.tr("Inspector"), self)
        dock.setObjectName("inspector-dock")
        dock.setWidget(self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.inspector_dock = dock
        self.edit = EditActions(self)
        self.context_menus = ContextMenus(self)
        self._status = QLabel()
        self.statusBar().addWidget(self._status, 1)
        self._zoom_label = QLabel("100%")
        self.statusBar().addPermanentWidget(self._zoom_label)
        self._create_actions()
        self.playback_controls = PlaybackControls(self)
        self.playback = self.playback_controls.playback
        self.instruments = Instruments(self)
        self.figures = FigureActions(self)  # File → Export figure, Copy figure, Export animation
        self._create_menus()
        self._create_toolbars()
        self.scene.message.connect(self.show_message)
        self.inspector.message.connect(self.show_message)
        self.scene.selection_changed_to.connect(self.inspector.show_selection)
        self.scene.selection_changed_to.connect(self._selection_changed)
        self.scene.tool_reset_requested.connect(lambda: self.tool_actions["select"].trigger())
        self.view.zoom_changed.connect(lambda z: self._zoom_label.setText(f"{z * 100:.0f}%"))
        self.network.events.network_changed.connect(self._network_param_changed)
        self._fit_to_screen()
        self._update_title()
        self._sync_model_actions()
        self._selection_changed([], [])
        self.show_message(self.scene.tool.hint())

    def _fit_to_screen(self) -> None:
        screen = QApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        available = screen.availableGeometry()
        self.resize(min(1440, int(available.width() * 0.92)), min(900, int(available.height() * 0.92)))
        self.resizeDocks([self.inspector_dock], [390], Qt.Orientation.Horizontal)

    # ---- actions -------------------------------------------------------------------------
    def _action(self, text: str, slot=None, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.new_action = self._action(self.tr("&New"), self.new_file, QKeySequence.StandardKey.New, self.tr("Start an empty network"))
        self.open_action = self._action(self.tr("&Open…"), lambda: self.open_file(), QKeySequence.StandardKey.Open,
                                        self.tr("Open a network file"))
        self.save_action = self._action(self.tr("&Save"), self.save_file, QKeySequence.StandardKey.Save, self.tr("Save the network"))
        self.save_as_action = self._action(self.tr("Save &As…"), self.save_file_as, QKeySequence("Ctrl+Shift+S"),
                                           self.tr("Save the network under a new name"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, self.tr("Quit neuron-sim"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        tools = (
            ("select", self.tr("Select"), "S", self.tr("Select and move neurons; drag from an axon's end to connect (S)")),
            ("input", self.tr("Add input"), "I", self.tr("Click on the canvas to add an input, a sensor you switch on and off (I)")),
            ("neuron", self.tr("Add neuron"), "N", self.tr("Click on the canvas to add a neuron (N)")),
            ("generator", self.tr("Add generator"), "G", self.tr("Click on the canvas to add a spike generator, spiking networks only (G)")),
            ("connect", self.tr("Connect"), "C", self.tr("Drag from one neuron to another to connect them with a synapse (C)")),
        )
        for name, text, key, tip in tools:
            action = self._action(text, shortcut=QKeySequence(key), tip=tip, checkable=True)
            action.triggered.connect(lambda checked=False, n=name: self.set_tool(n))
            self.tool_group.addAction(action)
            self.tool_actions[name] = action
        self.tool_actions["select"].setChecked(True)

        self.look_group = QActionGroup(self)
        self.look_actions = {}
        for look, text, tip in (("biological", self.tr("&Biological"), self.tr("Neurons as cells: dendrites, soma, axon, synapses")),
                                ("schematic", self.tr("&Schematic"), self.tr("Textbook diagram: Σ and f, arrows with weights"))):
            action = self._action(text, tip=tip, checkable=True)
            action.triggered.connect(lambda checked=False, lk=look: self.scene.set_look(lk))
            self.look_group.addAction(action)
            self.look_actions[look] = action
        self.look_actions["biological"].setChecked(True)
        self.weights_action = self._action(self.tr("Weight &labels"), self.scene.set_show_weights, tip=self.tr("Show each synapse's weight"), checkable=True)
        self.weights_action.setChecked(True)
        self.thresholds_action = self._action(self.tr("&Thresholds"), self.scene.set_show_thresholds, tip=self.tr("Show each neuron's threshold θ"), checkable=True)
        self.thresholds_action.setChecked(True)
        self.grid_action = self._action(self.tr("&Grid"), self.scene.set_show_grid, tip=self.tr("Show a grid"), checkable=True)
        self.snap_action = self._action(self.tr("S&nap to grid"), self._set_snap, tip=self.tr("Place and move neurons on the grid"), checkable=True)
        self.zoom_in_action = self._action(self.tr("Zoom &in"), self.view.zoom_in, [QKeySequence("+"), QKeySequence("="), QKeySequence.StandardKey.ZoomIn], self.tr("Zoom in (+)"))
        self.zoom_out_action = self._action(self.tr("Zoom &out"), self.view.zoom_out, [QKeySequence("-"), QKeySequence.StandardKey.ZoomOut], self.tr("Zoom out (−)"))
        self.zoom_reset_action = self._action(self.tr("&Actual size"), self.view.reset_zoom, QKeySequence("0"), self.tr("Zoom to 100% (0)"))
        self.fit_action = self._action(self.tr("&Fit network"), self.view.fit, QKeySequence("F"), self.tr("Fit the whole network in the window (F)"))

        self.model_group = QActionGroup(self)
        self.model_actions = {}
        for model, text, tip in (("rate", self.tr("&Rate (artificial neurons)"), self.tr("a = f(Σ w·x − θ): the unit of deep learning")),
                                 ("spiking", self.tr("&Spiking (integrate-and-fire)"), self.tr("Membrane potential charges up and fires spikes"))):
            action = self._action(text, tip=tip, checkable=True)
            action.triggered.connect(lambda checked=False, m=model: self.edit.set_network_param("model", m))
            self.model_group.addAction(action)
            self.model_actions[model] = action
        self.update_group = QActionGroup(self)
        self.update_actions = {}
        for scheme, text, tip in (("feedforward", self.tr("&Feedforward"), self.tr("One pass from inputs to outputs, layer by layer")),
                                  ("synchronous", self.tr("S&ynchronous"), self.tr("All neurons update together each tick; loops allowed"))):
            action = self._action(text, tip=tip, checkable=True)
            action.triggered.connect(lambda checked=False, s=scheme: self.edit.set_network_param("update", s))
            self.update_group.addAction(action)
            self.update_actions[scheme] = action

        self.help = HelpActions(self)  # Help: quick guide, keyboard shortcuts, about
        self.name_parts = NameParts(self)  # View → Name the parts

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.document.set_recent_menu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        self.figures.add_to_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        self.edit.add_to_menu(edit_menu)
        self.preferences_action = add_preferences_action(self, edit_menu)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions(list(self.look_actions.values()))
        self.name_parts.add_to_menu(view_menu)
        view_menu.addSeparator()
        view_menu.addActions([self.weights_action, self.thresholds_action, self.grid_action, self.snap_action])
        view_menu.addSeparator()
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, self.fit_action])
        view_menu.addSeparator()
        view_menu.addAction(self.inspector_dock.toggleViewAction())
        self.instruments.add_to_menu(view_menu.addMenu(self.tr("&Instruments")))
        sim_menu = bar.addMenu(self.tr("&Simulation"))
        self.playback_controls.add_to_menu(sim_menu)
        sim_menu.addSection(self.tr("Neuron model"))
        sim_menu.addActions(list(self.model_actions.values()))
        sim_menu.addSection(self.tr("Update scheme (rate)"))
        sim_menu.addActions(list(self.update_actions.values()))
        self.examples = ExamplesMenu(self)  # the Examples menu, the start page, the info bar
        bar.addMenu(self.examples.menu)
        help_menu = bar.addMenu(self.tr("&Help"))
        self.help.add_to_menu(help_menu)
        help_menu.addAction(self.examples.start_page_action)

    def _create_toolbars(self) -> None:
        tools = QToolBar(self.tr("Tools"), self)
        tools.setObjectName("tools-toolbar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.addActions(list(self.tool_actions.values()))
        tools.addSeparator()
        tools.addAction(self.edit.add_layer_action)
        tools.addAction(self.edit.connect_all_action)
        tools.addAction(self.edit.delete_action)
        tools.addSeparator()
        tools.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_action])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)
        self.tools_toolbar = tools
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.playback_controls.toolbar)

    # ---- tools ---------------------------------------------------------------------------
    def set_tool(self, name: str) -> None:
        if name == "select":
            tool = SelectTool(self.scene)
        elif name == "connect":
            tool = ConnectTool(self.scene)
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

    def show_message(self, text: str) -> None:
        self._status.setText(text)

    def _selection_changed(self, neuron_ids: list, synapse_keys: list) -> None:
        self.edit.selection_changed(neuron_ids, synapse_keys)

    def _network_param_changed(self, name: str, value) -> None:
        if name in ("model", "update", "name"):
            self._sync_model_actions()
            self._update_title()

    def _sync_model_actions(self) -> None:
        self.model_actions[self.network.model].setChecked(True)
        self.update_actions[self.network.update].setChecked(True)
        for action in self.update_actions.values():
            action.setEnabled(self.network.model == "rate")
        self.tool_actions["generator"].setEnabled(self.network.model == "spiking")

    # ---- the document --------------------------------------------------------------------
    def set_network(self, network: Network, path: Path | None) -> None:
        """Replace the open network (New, Open, an example)."""
        self.network.events.network_changed.disconnect(self._network_param_changed)
        self.network = network
        self.path = path
        self.undo_stack.clear()
        self.scene.set_network(network, self.undo_stack)
        self.playback_controls.set_network(network)
        self.inspector.set_document(network, self.undo_stack)
        network.events.network_changed.connect(self._network_param_changed)
        self.tool_actions["select"].trigger()
        self._sync_model_actions()
        self._update_title()
        self.view.fit()
        self.network_replaced.emit(network)

    def _update_title(self, *args) -> None:
        name = self.path.name if self.path else (self.network.name or self.tr("Untitled"))
        self.setWindowTitle(f"{name}[*] — neuron-sim")
        self.setWindowModified(not self.undo_stack.isClean())

    # File work lives in document.py; these names are the window's public API (menus, tests, CLI).
    def ask_to_save(self) -> QMessageBox.StandardButton:
        """Ask what to do with unsaved changes (tests replace this)."""
        return self.document.ask_to_save()

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current network."""
        return self.document.maybe_save()

    def new_file(self) -> None:
        self.document.new_file()

    def open_file(self, path: str | Path | None = None) -> bool:
        return self.document.open_file(path)

    def save_file(self) -> bool:
        return self.document.save_file()

    def save_file_as(self) -> bool:
        return self.document.save_file_as()

    def _save_to(self, path: Path) -> bool:
        return self.document.save_to(path)

    def show_error(self, title: str, text: str) -> None:
        self.show_message(text)
        QMessageBox.warning(self, title, text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.maybe_save():
            self.scene.tool.cancel()
            self.playback.pause()
            self.recovery.remove()  # saved or discarded: nothing left to recover
            event.accept()
        else:
            event.ignore()


def application_window(path: str | None = None) -> MainWindow:
    window = MainWindow()
    if path:
        window.open_file(path)
    QApplication.instance()
    return window
