"""The main window: canvas, tool bar, inspector, menus. It builds the helpers and wires them together.

The open network, its file and its undo stack belong to the document (ui/document.py); the window
follows its signals. Helpers receive the document and the widgets they use, never the window, and
report back through signals (`message`, `error`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
)

from neuron_sim.model import Network
from neuron_sim.ui import plain_text

from neuron_sim.ui.canvas.blocks_notice import blocks_notice
from neuron_sim.ui.canvas.name_parts import NameParts
from neuron_sim.ui.canvas.editor_scene import EditorScene
from neuron_sim.ui.canvas.view import NetworkView
from neuron_sim.ui.document import Document
from neuron_sim.ui.examples import Example
from neuron_sim.ui.export.actions import FigureActions
from neuron_sim.ui.i18n import language
from neuron_sim.ui.panels.inspector import Inspector
from neuron_sim.ui.window import recovery
from neuron_sim.ui.window.actions import add_buttons, make_action
from neuron_sim.ui.window.canvas_actions import CanvasActions
from neuron_sim.ui.window.code_actions import CodeActions
from neuron_sim.ui.window.context_menus import ContextMenus
from neuron_sim.ui.window.editing import EditActions
from neuron_sim.ui.window.example_info import ExampleInfoBar
from neuron_sim.ui.window.examples import ExamplesMenu
from neuron_sim.ui.window.files import FileActions
from neuron_sim.ui.window.help import HelpActions
from neuron_sim.ui.lessons.bar import LessonBar
from neuron_sim.ui.window.lessons import LessonActions
from neuron_sim.ui.window.present import PresentMode
from neuron_sim.ui.window.instruments import Instruments
from neuron_sim.ui.window.neuronify_view import show_imported, show_notice
from neuron_sim.ui.window.playback_controls import PlaybackControls
from neuron_sim.ui.window.training import TrainingActions
from neuron_sim.ui.window.preferences import add_preferences_action
from neuron_sim.ui.window import window_state
from neuron_sim.ui.window.status_line import Lasts, StatusLine

_KEPT_WINDOWS: list[MainWindow] = []  # windows that replaced another (reopen_in_language)


class MainWindow(QMainWindow):
    def __init__(self, document: Document | None = None, keeper: recovery.RecoveryKeeper | None = None):
        """A window on a new, empty document, or on `document` (with its recovery `keeper`) taken over
        from a window this one replaces (`reopen_in_language`)."""
        super().__init__()
        if document is None:
            document = Document(self)
        else:
            document.setParent(self)
        self.document = document
        self.settings = QSettings("neuron-sim", "neuron-sim")
        self.files = FileActions(document, self.settings, self)  # New / Open / Save, recent files
        if keeper is None:
            keeper = recovery.RecoveryKeeper(document, self)  # a copy of unsaved changes every 30 s
        else:
            keeper.setParent(self)
        self.recovery = keeper
        self.scene = EditorScene(document.network, document.undo_stack, self)
        self.view = NetworkView(self.scene, self)
        self.setCentralWidget(self.view)
        self.example_info = ExampleInfoBar.install_above_canvas(self)
        self.inspector = Inspector()
        self.inspector.set_document(document.network, document.undo_stack)
        dock = QDockWidget(self.tr("Inspector"), self)
        dock.setObjectName("inspector-dock")
        dock.setWidget(self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.inspector_dock = dock
        self.edit = EditActions(document, self.scene, self.view, self)
        self.status_line = StatusLine(plain_text.plain_label(), lambda: self.scene.tool.hint(), self)
        self.statusBar().addWidget(self.status_line.label, 1)
        self._zoom_label = QLabel("100%")
        self.statusBar().addPermanentWidget(self._zoom_label)
        self._create_actions()
        self.context_menus = ContextMenus(document, self.scene, self.edit, self.fit_action, self)
        self.playback_controls = PlaybackControls(document.network, self.scene, self)
        self.playback = self.playback_controls.playback
        self.statusBar().addPermanentWidget(self.playback_controls.time_label)
        self.instruments = Instruments(self.playback, self.scene, self, self.inspector_dock)
        self.training = TrainingActions(document, self.scene, self.playback, self.instruments, self)  # Train dock
        # File → Export figure, Copy figure, Export animation
        self.figures = FigureActions(document, self.scene, self.view, self.playback, self)
        self.code = CodeActions(document, self)  # View → As code, File → Export as code…
        self.examples = ExamplesMenu(self.files, self.example_info, self.settings, self)
        self.training.example_requested.connect(self.examples.open_example_named)
        self.lesson_bar = LessonBar()
        self.centralWidget().layout().addWidget(self.lesson_bar)  # under the canvas, a caption
        self.lessons = LessonActions(self.files, self.scene, self.name_parts, self.lesson_bar,
                                     lambda look: self.look_actions[look].trigger(), self._show_lesson_panel,
                                     self.training.use_training_of, self)
        self.examples.lesson_chosen.connect(self.lessons.start)
        self.examples.lesson_failed.connect(self.lessons.refuse)
        self.examples.start_page_closed.connect(self._keyboard_to_canvas)
        self.examples.quit_requested.connect(self.quit_action.trigger)
        self.present = PresentMode(self, self.view, self.instruments.panel_dock, self.lesson_bar,
                                   self.lessons.next, self.lessons.back, self.playback_controls.step_action,
                                   self.playback_controls.play_action, self.edit.nudge_actions, [self.example_info],
                                   self.name_parts.lay_out_in_view)
        self.present.action.toggled.connect(self.lessons.presenting_changed)
        self.lessons.frame_requested.connect(lambda: self.present.frame() if self.present.presenting else self.view.fit())
        self._create_menus()
        self._create_toolbars()
        # About the selection or an edit in progress: stale once either changes.
        for helper in (self.scene, self.inspector, self.edit, self.name_parts, self.training):
            helper.message.connect(self._show_selection_message)
        for helper in (self.files, self.recovery, self.playback, self.figures, self.code):  # news of the document
            helper.message.connect(self.show_message)
        self.scene.selection_changed_to.connect(self.status_line.selection_changed)
        self._blocks_collapsed = False
        self.scene.drawn_look_changed.connect(self._drawn_look_changed)
        self.view.editor_closed.connect(self.status_line.editor_closed)
        self.status_line.follow(document.network)
        for helper in (self.files, self.figures, self.examples, self.code, self.lessons):
            helper.error.connect(self._report_error)
        self.context_menus.tool_chosen.connect(self.set_tool)
        self.scene.selection_changed_to.connect(self.inspector.show_selection)
        self.scene.notes_selected.connect(self.inspector.show_notes)
        self.scene.selection_changed_to.connect(self.edit.selection_changed)
        self.scene.tool_reset_requested.connect(lambda: self.tool_actions["select"].trigger())
        self.view.zoom_changed.connect(lambda z: self._zoom_label.setText(f"{z * 100:.0f}%"))
        document.network_replaced.connect(self._network_replaced)
        document.example_opened.connect(self._example_opened)
        document.neuronify_opened.connect(self._neuronify_opened)
        self.files.notice.connect(self._show_notice)
        document.path_changed.connect(self._update_title)
        document.clean_changed.connect(self._update_title)
        self._language = language.STATE.language  # every text below is made in it
        self._followed = document.network  # whose name and model the title and menus show
        self._followed.events.network_changed.connect(self._network_param_changed)
        self._fit_to_screen()
        self._update_title()
        self._sync_model_actions()
        self.edit.selection_changed([], [])
        self.show_message(self.scene.tool.hint())

    def _fit_to_screen(self) -> None:
        screen = QApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        available = screen.availableGeometry()
        self.resize(min(1440, int(available.width() * 0.92)), min(900, int(available.height() * 0.92)))
        self.resizeDocks([self.inspector_dock], [390], Qt.Orientation.Horizontal)

    @property
    def network(self) -> Network:
        """The open network (the document's), for reading."""
        return self.document.network

    # ---- actions -------------------------------------------------------------------------
    def _action(self, text: str, slot=None, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
        return make_action(self, text, slot, shortcut, tip, checkable)

    def _create_actions(self) -> None:
        files = self.files
        typed = self._with_typing_kept
        self.new_action = self._action(self.tr("&New"), typed(files.new), QKeySequence.StandardKey.New,
                                       self.tr("Start an empty network"))
        self.open_action = self._action(self.tr("&Open…"), typed(lambda: files.open()), QKeySequence.StandardKey.Open,
                                        self.tr("Open a network file"))
        self.save_action = self._action(self.tr("&Save"), typed(files.save), QKeySequence.StandardKey.Save,
                                        self.tr("Save the network"))
        self.save_as_action = self._action(self.tr("Save &As…"), typed(files.save_as), QKeySequence("Ctrl+Shift+S"),
                                           self.tr("Save the network under a new name"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, self.tr("Quit neuron-sim"))
        undo_stack = self.document.undo_stack
        self.undo_action = undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

        self.canvas_actions = CanvasActions(self.scene, self.view, self._set_network_param, self)
        for name in ("tool_actions", "look_actions", "weights_action", "thresholds_action", "grid_action",
                     "snap_action", "zoom_in_action", "zoom_out_action", "zoom_reset_action", "fit_action",
                     "model_actions", "update_actions", "set_tool"):
            setattr(self, name, getattr(self.canvas_actions, name))  # the window's names for them, as before

        self.help = HelpActions(self)  # Help: quick guide, keyboard shortcuts, about
        self.name_parts = NameParts(self.scene, self.view, self)  # View → Name the parts

    def _with_typing_kept(self, slot):
        """`slot`, run once a note being typed is kept (its shortcut leaves the note's editor open), so
        that saving or leaving the network sees the text."""
        def run(*_args) -> None:
            self.scene.note_editor.finish()
            slot()
        return run

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.files.set_recent_menu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        self.figures.add_to_menu(file_menu)
        file_menu.addAction(self.code.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        self.edit.add_to_menu(edit_menu)
        self.preferences_action = add_preferences_action(self, edit_menu, self._language_chosen,
                                                         self.playback.follow_recording_setting)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions(list(self.look_actions.values()))
        self.name_parts.add_to_menu(view_menu)
        view_menu.addSeparator()
        view_menu.addActions([self.weights_action, self.thresholds_action, self.grid_action, self.snap_action])
        view_menu.addSeparator()
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, self.fit_action])
        view_menu.addSeparator()
        view_menu.addAction(self.inspector_dock.toggleViewAction())
        self.code.add_to_view_menu(view_menu)
        self.present.add_to_menu(view_menu)
        instruments_menu = view_menu.addMenu(self.tr("&Instruments"))
        self.instruments.add_to_menu(instruments_menu)
        instruments_menu.addAction(self.training.dock_action)
        sim_menu = bar.addMenu(self.tr("&Simulation"))
        self.playback_controls.add_to_menu(sim_menu)
        sim_menu.addSection(self.tr("Neuron model"))
        sim_menu.addActions(list(self.model_actions.values()))
        sim_menu.addSection(self.tr("Update scheme (rate)"))
        sim_menu.addActions(list(self.update_actions.values()))
        self.training.add_to_menu(bar.addMenu(self.tr("&Train")))
        bar.addMenu(self.examples.menu)
        help_menu = bar.addMenu(self.tr("&Help"))
        self.help.add_to_menu(help_menu)
        help_menu.addAction(self.examples.start_page_action)
        help_menu.addMenu(self.lessons.menu)

    def _create_toolbars(self) -> None:
        tools = QToolBar(self.tr("Tools"), self)
        tools.setObjectName("tools-toolbar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        add_buttons(tools, self.tool_actions.values())
        tools.addSeparator()
        add_buttons(tools, [self.edit.add_layer_action, self.edit.connect_all_action, self.edit.delete_action])
        tools.addSeparator()
        add_buttons(tools, [self.zoom_in_action, self.zoom_out_action, self.fit_action])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)
        self.tools_toolbar = tools
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.playback_controls.toolbar)

    def show_message(self, text: str, lasts: Lasts = Lasts.UNTIL_CHANGED) -> None:
        self.status_line.show(text, lasts)

    def _show_selection_message(self, text: str) -> None:
        self.show_message(text, Lasts.WHILE_SELECTED)

    def _drawn_look_changed(self) -> None:
        # said once the turn is over: opening a network ends with the Select tool's hint
        QTimer.singleShot(0, self, self._say_blocks_fit)

    def _say_blocks_fit(self) -> None:
        """Blocks chosen for a network they do not fit are drawn schematic: say why, and when they fit again."""
        notice = blocks_notice(self.scene)
        if notice:
            self.show_message(notice)
        elif self._blocks_collapsed and self.scene.drawn_look == "blocks":
            self.show_message(self.tr("The network fits in blocks again."))
        self._blocks_collapsed = bool(notice)

    def _set_network_param(self, name: str, value) -> None:
        self.edit.set_network_param(name, value)
        self._sync_model_actions()  # a refused change puts the radio button back

    def _network_param_changed(self, name: str, value) -> None:
        if name == "model":  # after the rest of the conversion, whose edits would clear it
            QTimer.singleShot(0, self, lambda: self.show_message(" ".join(filter(None, (
                self.edit.model_notice(self.network.model), blocks_notice(self.scene))))))
        if name in ("model", "update", "name"):
            self._sync_model_actions()
            self._update_title()

    def _sync_model_actions(self) -> None:
        self.model_actions[self.network.model].setChecked(True)
        self.update_actions[self.network.update].setChecked(True)
        for action in self.update_actions.values():
            action.setEnabled(self.network.model == "rate")
        self.tool_actions["generator"].setEnabled(self.network.model == "spiking")

    def _keyboard_to_canvas(self) -> None:
        """The start page closed: the keys go to this window's canvas at once (without a window
        manager, or with some, nothing would have the keyboard until a click)."""
        self.activateWindow()
        self.view.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    # ---- following the document --------------------------------------------------------
    def _network_replaced(self, network: Network) -> None:
        """New, Open, an example, restored work: show `network` everywhere."""
        self.status_line.network_replaced()
        self.status_line.follow(network)
        undo_stack = self.document.undo_stack
        self.scene.set_network(network, undo_stack)
        self.playback_controls.set_network(network)
        self.inspector.set_document(network, undo_stack)
        self._followed.events.network_changed.disconnect(self._network_param_changed)
        self._followed = network
        network.events.network_changed.connect(self._network_param_changed)
        self.tool_actions["select"].trigger()
        self._sync_model_actions()
        self._update_title()
        self.view.fit()

    def _show_lesson_panel(self, name: str) -> None:
        """A lesson page's panel beside the canvas: "computation", "code" or "train" (Present mode
        shows the computation panel only)."""
        if self.present.presenting and name != "computation":
            return
        if name == "code":
            self.code.show_panel()
        elif name == "train":
            self.training.show_dock()
        else:
            self.instruments.panel_dock.show()
            self.instruments.panel_dock.raise_()

    def _example_opened(self, example: Example) -> None:
        """In the look that shows it best, with its neurons of interest selected."""
        self.look_actions[example.look].trigger()
        network = self.document.network
        self.scene.select([nid for nid in example.select if nid in network.neurons])
        if example.shows_dense_layers:  # the lesson's Keras code and W
            self.code.show_panel()
        QTimer.singleShot(0, self.view, self.view.fit)  # after the info bar has taken its height

    def _neuronify_opened(self, imported) -> None:
        """Its view and its meters' docks, after the window has laid out the new network."""
        QTimer.singleShot(0, self, lambda: show_imported(imported, self.scene, self.view, self.instruments))

    def _show_notice(self, title: str, text: str) -> None:
        show_notice(self, title, text)

    def _update_title(self, *args) -> None:
        path = self.document.path
        name = path.name if path else (self.network.name or self.tr("Untitled"))
        self.setWindowTitle(f"{name}[*] — neuron-sim")
        self.setWindowModified(not self.document.is_clean())

    def offer_recovery(self, ask=None) -> recovery.RecoveryCopy | None:
        """At start-up, after a crash: offer the unsaved work the last session kept (see recovery.py)."""
        return recovery.offer_recovery(self.recovery, self, self.files.maybe_save, ask)

    def _report_error(self, title: str, text: str, detail: str = "") -> None:
        # looked up at each call: tests replace show_error
        self.show_error(title, text, detail) if detail else self.show_error(title, text)

    def show_error(self, title: str, text: str, detail: str = "") -> None:
        self.show_message(" ".join(text.split()))  # on one line
        if not detail:
            plain_text.warn(self, title, text)
            return
        box = plain_text.message_box(self, QMessageBox.Icon.Warning, title, text)
        box.setDetailedText(detail)  # the parser's message, one click away
        box.exec()

    # ---- the language -------------------------------------------------------------------
    def _language_chosen(self, code: str) -> None:
        QTimer.singleShot(0, self, lambda: self.reopen_in_language(code))  # once the dialog has closed

    def reopen_in_language(self, code: str) -> MainWindow:
        """Speak `code` ("en", "ko") at once. Every text of the window is made when it is built, so a
        new window in that language takes over the document (network, file, undo history), the view,
        the docks and the look, goes on with the run, the lesson and the training, and this one
        goes. Returns the window shown afterwards (this one when
        the language stays, e.g. Korean asked for without a Hangul font)."""
        app = QApplication.instance()
        if language.apply_language(app, code) == self._language:
            return self
        state, work = window_state.capture(self), window_state.hand_over(self)
        self._release_document()
        self.document.follow_language()  # an example's own texts, before the new window shows them
        successor = MainWindow(self.document, self.recovery)
        window_state.go_on(successor, work)
        window_state.restore(successor, state)
        successor.showMaximized() if state.maximized else successor.show()
        QTimer.singleShot(0, successor, lambda: window_state.restore_view(successor, state))  # laid out by then
        _KEPT_WINDOWS.append(successor)  # a top-level window lives while Python holds it
        if self in _KEPT_WINDOWS:  # this one goes: a window per change of language is not kept for good
            _KEPT_WINDOWS.remove(self)
        self.hide()
        self.deleteLater()
        return successor

    def _release_document(self) -> None:
        """Leave the document and its network to a successor: follow nothing any more."""
        self.playback.pause()
        self.scene.note_editor.finish()
        self.scene.tool.cancel()
        self.view.close_editor()
        document = self.document
        document.network_replaced.disconnect(self._network_replaced)
        document.example_opened.disconnect(self._example_opened)
        document.neuronify_opened.disconnect(self._neuronify_opened)
        document.path_changed.disconnect(self._update_title)
        document.clean_changed.disconnect(self._update_title)
        self.files.release()
        self.examples.release()
        self.lessons.end()
        self.lessons.release()
        self.code.release()
        self.recovery.message.disconnect(self.show_message)
        empty, stack = Network(), QUndoStack(self)
        self.scene.set_network(empty, stack)
        self.playback_controls.set_network(empty)
        self.inspector.set_document(empty, stack)
        self.code.set_network(empty)
        self.status_line.follow(empty)
        self._followed.events.network_changed.disconnect(self._network_param_changed)
        self._followed = empty
        empty.events.network_changed.connect(self._network_param_changed)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.scene.note_editor.finish()
        if self.files.maybe_save():
            self.scene.tool.cancel()
            self.playback.pause()
            self.recovery.remove()  # saved or discarded: nothing left to recover
            event.accept()
        else:
            event.ignore()
