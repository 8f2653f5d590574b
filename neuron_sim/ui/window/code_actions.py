"""View → As code (the dock of ui/panels/code_panel.py) and File → Export as code….

Export as code asks for the framework, how long the script runs (steps, or milliseconds for a
spiking network) and the language of its comments, then for the file; it writes model/codegen's
`generate` text through `codegen.save` (all at once: a failed write leaves an existing file as it
was). A network the framework cannot run, or a file that cannot be written, is said in a message box.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMenu

from neuron_sim.model import ModelError, Network
from neuron_sim.model.fileformat import NetworkFileError

from neuron_sim.ui.document import Document
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.i18n.filling import fill

if TYPE_CHECKING:  # the panel, the dialog and the code generators load when first used (start-up time)
    from neuron_sim.ui.panels.code_panel import CodePanel
    from neuron_sim.ui.window.code_export_dialog import CodeExportDialog

PANEL_WIDTH = 480


class CodeActions(QObject):
    """The As-code dock of `window`, left of the canvas (the full height for the code), and File →
    Export as code…."""

    message = Signal(str)  # for the status bar
    error = Signal(str, str, str)  # title, text, detail: for a message box

    def __init__(self, document: Document, window: QMainWindow):
        super().__init__(window)
        self.document = document
        self._window = window
        self._panel: CodePanel | None = None
        self.dock = QDockWidget(self.tr("As code"), window)
        self.dock.setObjectName("code-dock")
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._dock_visibility_changed)
        self.view_action = self.dock.toggleViewAction()
        self.view_action.setText(self.tr("As &code"))
        self.view_action.setStatusTip(self.tr("The network as Keras, PyTorch, Brian2 or PyNN code, and each "
                                              "layer's weight matrix W"))
        self.export_action = QAction(self.tr("Export as &code…"), window)
        self.export_action.setStatusTip(self.tr("Save the network as a Keras, PyTorch, Brian2 or PyNN script"))
        self.export_action.triggered.connect(lambda: self.export_code())
        self.dialog: CodeExportDialog | None = None
        document.network_replaced.connect(self.set_network)

    @property
    def panel(self) -> CodePanel:
        """The As-code panel, built the first time the dock is shown or the panel is asked for."""
        return self._panel if self._panel is not None else self._build_panel()

    @property
    def built(self) -> bool:
        """Whether the panel exists (it is built when its dock is first shown)."""
        return self._panel is not None

    def _build_panel(self) -> CodePanel:
        from neuron_sim.ui.panels.code_panel import CodePanel

        self._panel = CodePanel(self.document.network)
        self._panel.export_requested.connect(self.export_code)
        self.dock.setWidget(self._panel)
        return self._panel

    def _dock_visibility_changed(self, visible: bool) -> None:
        if visible and self._panel is None:
            self._build_panel()

    def set_network(self, network: Network) -> None:
        if self._panel is not None:  # else it shows the document's network when it is built
            self._panel.set_network(network)

    def release(self) -> None:
        """Stop following the document (a rebuilt window takes it over)."""
        self.document.network_replaced.disconnect(self.set_network)

    def show_panel(self) -> None:
        if self._panel is None:  # before the dock takes its size
            self._build_panel()
        opening = self.dock.isHidden()
        self.dock.show()
        self.dock.raise_()
        if opening:  # wide enough for a script's lines, the canvas keeps the rest
            self._window.resizeDocks([self.dock], [PANEL_WIDTH], Qt.Orientation.Horizontal)

    def add_to_view_menu(self, menu: QMenu) -> None:
        menu.addAction(self.view_action)

    # ---- File → Export as code… -------------------------------------------------------------
    def export_code(self, target: str | None = None) -> CodeExportDialog:
        from neuron_sim.ui.panels.code_panel import default_target, interface_lang
        from neuron_sim.ui.window.code_export_dialog import CodeExportDialog

        network = self.document.network
        if target is None:
            target = self.panel.target() if self.dock.isVisible() else default_target(network.model)
        if self.dialog is not None:
            self.dialog.reject()
        dialog = CodeExportDialog(network, target, interface_lang(), self._window)
        dialog.accepted.connect(lambda: self._export(dialog))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: CodeExportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def ask_save_path(self, suggested: str) -> str:
        """The file to write (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Export as code"), suggested,
                                              self.tr("Python scripts (*.py)"))
        return path

    def _export(self, dialog: CodeExportDialog) -> None:
        from neuron_sim.model.codegen import generate, save
        from neuron_sim.ui.panels.code_panel import TARGET_NAMES

        network, target = self.document.network, dialog.target()
        try:
            export = generate(network, target, dialog.options())
        except ModelError as error:  # the framework cannot run this network: say why, ask no file
            self.error.emit(self.tr("Could not export the code"), error_text(error), "")
            return
        path = self.ask_save_path(self._suggested(target))
        if not path:
            return
        if not path.lower().endswith(".py"):
            path += ".py"
        try:
            save(export, path)
        except NetworkFileError as error:
            self.error.emit(self.tr("Could not export the code"), fill(self.tr(
                "The code was not saved:\n%1\n\nAn existing file there is unchanged."), error_text(error)), "")
            return
        self.message.emit(fill(self.tr("%1 code saved to %2"), TARGET_NAMES[target], path))

    def _suggested(self, target: str) -> str:
        path = self.document.path
        folder = path.parent if path else Path.home()
        stem = path.stem if path else (self.document.network.name or "network")
        return str(folder / f"{stem}_{target}.py")
