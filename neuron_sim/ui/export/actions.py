"""File menu: Export figure… (Ctrl+E), Copy figure (Ctrl+Shift+C), Export animation….

The main window creates one FigureActions and adds its actions to the File menu. The last
choices made in the export dialog are kept for the rest of the session: Copy figure uses them.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QProgressDialog, QWidget

from neuron_sim.ui.canvas.editor_scene import EditorScene
from neuron_sim.ui.canvas.view import NetworkView
from neuron_sim.ui.document import Document
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.playback import Playback

if TYPE_CHECKING:  # the figure code loads on the first export, not at start-up
    from neuron_sim.ui.export.dialog import ExportDialog
    from neuron_sim.ui.export.figure import Figure, FigureOptions


def figure_mime_data(figure: Figure) -> QMimeData:
    """The figure for the clipboard: an image (every application), and SVG where it is taken."""
    data = qt_made_mime_data()
    data.setImageData(figure.image())
    data.setData("image/svg+xml", figure.svg_bytes())
    return data


def qt_made_mime_data() -> QMimeData:
    """An empty QMimeData made by Qt, not by Python. Where the clipboard is Qt's own (offscreen and
    the framebuffer platforms), it keeps its data in a global object destroyed after Python has shut
    down; a QMimeData made in Python would call into the finished interpreter then, and the exit
    would crash. Qt's item models make one for a drag (all their formats are removed here)."""
    model = QStringListModel([""])
    data = model.mimeData([model.index(0)])
    for name in data.formats():
        data.removeFormat(name)
    return data


class FigureActions(QObject):
    message = Signal(str)  # for the status bar
    error = Signal(str, str)  # title, text: for a message box

    def __init__(self, document: Document, scene: EditorScene, view: NetworkView, playback: Playback,
                 parent: QWidget):
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.view = view
        self.playback = playback
        self._parent = parent
        self.options: FigureOptions | None = None  # the dialog's last choices
        self.dialog: ExportDialog | None = None
        self.export_action = QAction(self.tr("&Export figure…"), parent)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip(self.tr("Save the network as a PNG, SVG or PDF figure for slides and worksheets"))
        self.export_action.triggered.connect(self.export_figure)
        self.copy_action = QAction(self.tr("&Copy figure"), parent)
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.setStatusTip(self.tr("Copy the network as a picture, to paste into slides"))
        self.copy_action.triggered.connect(self.copy_figure)
        self.animation_action = QAction(self.tr("Export &animation…"), parent)
        self.animation_action.setStatusTip(self.tr("Save what the network does next as an animated GIF"))
        self.animation_action.triggered.connect(self.export_animation)

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addActions([self.export_action, self.copy_action, self.animation_action])

    # ---- the dialogs -------------------------------------------------------------------------
    def export_figure(self) -> ExportDialog:
        return self._open_dialog(animation=False)

    def export_animation(self) -> ExportDialog:
        return self._open_dialog(animation=True)

    def _open_dialog(self, animation: bool) -> ExportDialog:
        if self.dialog is not None:  # one export dialog at a time
            self.dialog.reject()
        from neuron_sim.ui.export.dialog import ExportDialog

        initial = self._initial_options()
        dialog = ExportDialog(self._parent, animation=animation, initial=initial)
        dialog.accepted.connect(lambda: self._save(dialog))
        if dialog.copy_button is not None:
            dialog.copy_button.clicked.connect(lambda: self._copy_from(dialog))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: ExportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _initial_options(self) -> FigureOptions | None:
        if self.options is None:
            return None
        # A neuron named in an earlier figure may be gone: the figure chooses again ("").
        parts = None if self.options.parts is None else ""
        return replace(self.options, look=self.scene.look, parts=parts)

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> str:
        """The file to write (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self._parent, title, suggested, file_filter)
        return path

    def _suggested(self, suffix: str) -> str:
        path = self.document.path
        folder = path.parent if path else Path.home()
        stem = path.stem if path else (self.document.network.name or "network")
        return str(folder / f"{stem}.{suffix}")

    def _save(self, dialog: ExportDialog) -> None:
        from neuron_sim.ui.export.figure import FigureError

        self.options = dialog.figure_options()
        fmt = dialog.file_format()
        if dialog.animation:
            self._save_animation(dialog, fmt)
            return
        filters = {"png": self.tr("PNG images (*.png)"), "svg": self.tr("SVG drawings (*.svg)"),
                   "pdf": self.tr("PDF documents (*.pdf)")}
        path = self.ask_save_path(self.tr("Export figure"), self._suggested(fmt), filters[fmt])
        if not path:
            return
        if Path(path).suffix.lower() != "." + fmt:
            path += "." + fmt
        try:
            with busy(), dialog.build_figure() as figure:  # a 4× PNG of a large network takes seconds
                figure.save(path, fmt)
        except FigureError as error:
            self.error.emit(self.tr("Could not export the figure"), error_text(error))
            return
        self.message.emit(self.tr("Figure saved to %1").replace("%1", path))

    def _save_animation(self, dialog: ExportDialog, fmt: str) -> None:
        from neuron_sim.ui.export.animation import write_animation
        from neuron_sim.ui.export.figure import FigureError

        file_filter = self.tr("GIF animations (*.gif)") if fmt == "gif" else self.tr("PNG frames (*.png)")
        path = self.ask_save_path(self.tr("Export animation"), self._suggested(fmt), file_filter)
        if not path:
            return
        if Path(path).suffix.lower() != "." + fmt:
            path += "." + fmt
        options = dialog.animation_options()
        progress = QProgressDialog(self.tr("Drawing the frames…"), self.tr("Cancel"), 0, options.frames, self._parent)
        progress.setMinimumDuration(500)
        cancelled = []

        def advance(done: int, total: int) -> bool:
            progress.setValue(done)
            QApplication.processEvents()
            if progress.wasCanceled():
                cancelled.append(done)
            return not cancelled

        try:
            written = write_animation(path, self.document.network, self.options, options, self.playback,
                                      dialog.selection, dialog.visible_rect(), advance)
        except FigureError as error:
            self.error.emit(self.tr("Could not export the animation"), error_text(error))
            return
        finally:
            progress.close()
            progress.deleteLater()
        if cancelled:  # nothing half-done stays behind
            for file in written:
                file.unlink(missing_ok=True)
            self.message.emit(self.tr("Animation export cancelled"))
            return
        self.message.emit(self.tr("Animation saved: %1 (%2 files)").replace("%1", str(written[0]))
                                 .replace("%2", str(len(written))) if len(written) > 1 else
                                 self.tr("Animation saved to %1").replace("%1", str(written[0])))

    # ---- clipboard -----------------------------------------------------------------------------
    def _copy_from(self, dialog: ExportDialog) -> None:
        from neuron_sim.ui.export.figure import FigureError

        self.options = dialog.figure_options()
        try:
            figure = dialog.build_figure()
        except FigureError as error:
            self.error.emit(self.tr("Could not copy the figure"), error_text(error))
            return
        with figure:
            self._copy(figure)

    def copy_figure(self) -> None:
        """Copy the whole network (or the dialog's last choices) to the clipboard."""
        from neuron_sim.ui.export.figure import Figure, FigureError, FigureOptions

        scene = self.scene
        options = self._initial_options() or FigureOptions(look=scene.look, show_weights=scene.show_weights,
                                                           show_thresholds=scene.show_thresholds)
        selection = (scene.selected_neuron_ids(), scene.selected_synapse_keys(), scene.selected_note_ids())
        if options.scope == "selection" and not selection[0]:
            options = replace(options, scope="network")
        view = self.view
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        try:
            figure = Figure(self.document.network, options, self.playback, selection, visible)
        except FigureError as error:
            self.error.emit(self.tr("Could not copy the figure"), error_text(error))
            return
        with figure:
            self._copy(figure)

    def _copy(self, figure: Figure) -> None:
        """Put `figure` on the clipboard (the caller closes the figure afterwards)."""
        size = figure.pixel_size()
        QGuiApplication.clipboard().setMimeData(figure_mime_data(figure))
        self.message.emit(self.tr("Figure copied (%1 × %2 pixels): paste it into a slide")
                                 .replace("%1", str(size.width())).replace("%2", str(size.height())))


@contextmanager
def busy():
    """The wait cursor while the app draws and writes, so that it does not look frozen."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
