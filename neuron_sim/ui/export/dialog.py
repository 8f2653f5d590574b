"""The Export figure and Export animation dialogs: what to draw, how big, with which labels.

The dialog only collects choices (`figure_options()`, `file_format()`, `animation_options()`)
and shows a preview with the size in pixels; actions.py builds the figure and writes it. It is
opened with `open()`, never `exec()`, so tests fill it and press its buttons like a person.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from neuron_sim.model.codegen.summary import layer_summary
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.plain_text import plain_label
from neuron_sim.ui.canvas.blocks_notice import blocks_notice
from neuron_sim.ui.export.animation import (DEFAULT_FPS, DEFAULT_LENGTH, MAX_FPS, MAX_FRAMES, AnimationOptions,
                                           smooth_options)
from neuron_sim.ui.export.figure import MAX_SCALE, Figure, FigureError, FigureOptions

PREVIEW_SIZE = (420, 240)
BASE_DPI = 96.0  # 1× is one pixel per canvas unit, 96 dots per inch


class ExportDialog(QDialog):
    """`animation=False`: format PNG/SVG/PDF. `animation=True`: GIF or PNG frames, length, frame rate."""

    def __init__(self, window, animation: bool = False, initial: FigureOptions | None = None):
        super().__init__(window)
        self.window_ = window
        self.animation = animation
        self.network = window.network
        self.setWindowTitle(self.tr("Export animation") if animation else self.tr("Export figure"))
        self.setObjectName("export-animation-dialog" if animation else "export-figure-dialog")
        scene = window.scene
        self.selection = (scene.selected_neuron_ids(), scene.selected_synapse_keys(), scene.selected_note_ids())
        initial = initial or FigureOptions(look=scene.look, show_weights=scene.show_weights,
                                           show_thresholds=scene.show_thresholds)
        self._figure_ok = True
        self._preview_timer = QTimer(self)  # the preview follows changes, at most every 120 ms
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(120)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build(initial)
        self._connect_changes()
        self.update_preview()

    # ---- building --------------------------------------------------------------------------
    def _build(self, initial: FigureOptions) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.format_box = QComboBox()
        if self.animation:
            self.format_box.addItem(self.tr("Animated GIF"), "gif")
            self.format_box.addItem(self.tr("Numbered PNG frames"), "png")
        else:
            self.format_box.addItem(self.tr("PNG image"), "png")
            self.format_box.addItem(self.tr("SVG drawing (vector)"), "svg")
            self.format_box.addItem(self.tr("PDF document (vector)"), "pdf")
        form.addRow(self.tr("Format:"), self.format_box)

        self.scope_box = QComboBox()
        self.scope_box.addItem(self.tr("The whole network"), "network")
        self.scope_box.addItem(self.tr("The selection"), "selection")
        self.scope_box.addItem(self.tr("The visible area"), "visible")
        if not self.selection[0]:
            self.scope_box.model().item(1).setEnabled(False)
            self.scope_box.setItemData(1, self.tr("Select neurons first"), Qt.ItemDataRole.ToolTipRole)
        _select_data(self.scope_box, initial.scope if initial.scope != "selection" or self.selection[0] else "network")
        form.addRow(self.tr("What:"), self.scope_box)

        size_row = QHBoxLayout()
        self.scale_box = QComboBox()
        for scale in (1.0, 2.0, 4.0):
            self.scale_box.addItem(f"{scale:g}×", scale)
        self.scale_box.addItem(self.tr("Other"), None)
        self.dpi_box = QSpinBox()
        self.dpi_box.setRange(24, int(BASE_DPI * MAX_SCALE))
        self.dpi_box.setSuffix(" dpi")
        self.dpi_box.setToolTip(self.tr("Dots per inch when printed at the size the network has on screen"))
        self.pixel_label = QLabel()
        self.pixel_label.setObjectName("pixel_size")
        size_row.addWidget(self.scale_box)
        size_row.addWidget(self.dpi_box)
        size_row.addWidget(self.pixel_label, 1)
        form.addRow(self.tr("Size:"), size_row)
        self.set_scale(initial.scale)

        self.background_box = QComboBox()
        self.background_box.addItem(self.tr("White"), "white")
        self.background_box.addItem(self.tr("Transparent"), "transparent")
        _select_data(self.background_box, initial.background)
        form.addRow(self.tr("Background:"), self.background_box)

        self.look_box = QComboBox()
        self.look_box.addItem(self.tr("Biological (cells)"), "biological")
        self.look_box.addItem(self.tr("Schematic (Σ and f)"), "schematic")
        self.look_box.addItem(self.tr("Blocks (× w, Σ, f)"), "blocks")
        _select_data(self.look_box, initial.look)
        form.addRow(self.tr("Look:"), self.look_box)

        self.activity_box = QComboBox()
        self.activity_box.addItem(self.tr("As it is now (lit neurons, pulses)"), True)
        self.activity_box.addItem(self.tr("At rest"), False)
        _select_data(self.activity_box, initial.activity)
        if not self.animation:
            form.addRow(self.tr("Activity:"), self.activity_box)

        shown = QGroupBox(self.tr("Show"))
        grid = QGridLayout(shown)  # three to a row: six in one row were wider than the dialog
        self.weights_check = QCheckBox(self.tr("Weights"))
        self.thresholds_check = QCheckBox(self.tr("Thresholds"))
        self.labels_check = QCheckBox(self.tr("Neuron names"))
        self.legend_check = QCheckBox(self.tr("Legend"))
        self.parts_check = QCheckBox(self.tr("Name the parts"))
        self.parts_check.setToolTip(self.tr("Callouts naming one neuron's parts, as View → Name the parts shows them "
                                            "(that neuron, else the selected or a computing one)"))
        parts_shown = initial.parts is not None or self._canvas_parts() is not None
        self.keras_check = QCheckBox(self.tr("Keras code and W"))
        layered = layer_summary(self.network) is not None
        self.keras_check.setEnabled(layered)
        self.keras_check.setToolTip(self.tr("Each layer as a Keras Dense line and its weight matrix W, under the network")
                                    if layered else self.tr("Only for feedforward rate networks with inputs"))
        for check, value in ((self.weights_check, initial.show_weights), (self.thresholds_check, initial.show_thresholds),
                             (self.labels_check, initial.show_labels), (self.legend_check, initial.legend),
                             (self.parts_check, parts_shown), (self.keras_check, initial.keras and layered)):
            check.setChecked(value)
            grid.addWidget(check, grid.count() // 3, grid.count() % 3)
        layout.addWidget(shown)

        extra = QFormLayout()
        layout.addLayout(extra)
        self.title_edit = QLineEdit(initial.title)
        self.title_edit.setPlaceholderText(self.tr("No title"))
        extra.addRow(self.tr("Title:"), self.title_edit)
        self.formula_box = QComboBox()
        self.formula_box.addItem(self.tr("None"), None)
        for nid, neuron in self.network.neurons.items():
            self.formula_box.addItem(neuron.label, nid)
        chosen = initial.formula_neuron
        _select_data(self.formula_box, chosen if chosen in self.network.neurons else None)
        self.formula_box.setToolTip(self.tr("Write out a = f(Σ wᵢxᵢ − θ) for this neuron, with its numbers"))
        extra.addRow(self.tr("Computation of:"), self.formula_box)

        if self.animation:
            self._build_animation_rows(extra)

        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setMinimumSize(*PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #E9EDF2; border-radius: 4px;")
        layout.addWidget(self.preview, 1)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setObjectName("message")
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(self.tr("Save…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = None
        if not self.animation:
            self.copy_button = self.buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
            self.copy_button.setToolTip(self.tr("Copy the figure to the clipboard (Ctrl+Shift+C later copies it again)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _build_animation_rows(self, form: QFormLayout) -> None:
        spiking = self.network.model == "spiking"
        self.length_box = QDoubleSpinBox()
        self.length_box.setDecimals(1 if spiking else 0)
        self.length_box.setRange(0.1 if spiking else 1, 10_000)
        self.length_box.setValue(DEFAULT_LENGTH[self.network.model])
        self.length_box.setSuffix(self.tr(" ms") if spiking else self.tr(" ticks"))
        self.length_box.setToolTip(self.tr("How far the network runs from its current state"))
        form.addRow(self.tr("Length:"), self.length_box)
        self.fps_box = QSpinBox()
        self.fps_box.setRange(1, int(MAX_FPS))
        self.fps_box.setValue(int(DEFAULT_FPS))
        self.fps_box.setSuffix(self.tr(" frames/s"))
        form.addRow(self.tr("Frame rate:"), self.fps_box)
        self.frames_label = QLabel()
        self.frames_label.setObjectName("frames")
        form.addRow("", self.frames_label)

    def _connect_changes(self) -> None:
        self.scale_box.currentIndexChanged.connect(self._scale_chosen)
        self.dpi_box.valueChanged.connect(self._dpi_changed)
        for box in (self.format_box, self.scope_box, self.background_box, self.look_box, self.activity_box, self.formula_box):
            box.currentIndexChanged.connect(self.schedule_preview)
        for check in (self.weights_check, self.thresholds_check, self.labels_check, self.legend_check, self.parts_check,
                      self.keras_check):
            check.toggled.connect(self.schedule_preview)
        self.title_edit.textChanged.connect(self.schedule_preview)
        if self.animation:
            self.length_box.valueChanged.connect(self._update_frames)
            self.fps_box.valueChanged.connect(self._update_frames)
            self._update_frames()

    # ---- size ------------------------------------------------------------------------------
    def scale(self) -> float:
        return self.dpi_box.value() / BASE_DPI

    def set_scale(self, scale: float) -> None:
        with QSignalBlocker(self.dpi_box), QSignalBlocker(self.scale_box):
            self.dpi_box.setValue(round(scale * BASE_DPI))
            index = self.scale_box.findData(scale)
            self.scale_box.setCurrentIndex(index if index >= 0 else self.scale_box.count() - 1)
        self.schedule_preview()

    def _scale_chosen(self, index: int) -> None:
        scale = self.scale_box.itemData(index)
        if scale is not None:
            self.set_scale(scale)

    def _dpi_changed(self, dpi: int) -> None:
        with QSignalBlocker(self.scale_box):
            index = self.scale_box.findData(dpi / BASE_DPI)
            self.scale_box.setCurrentIndex(index if index >= 0 else self.scale_box.count() - 1)
        self.schedule_preview()

    # ---- what the dialog says ----------------------------------------------------------------
    def file_format(self) -> str:
        return self.format_box.currentData()

    def figure_options(self) -> FigureOptions:
        return FigureOptions(
            look=self.look_box.currentData(), scope=self.scope_box.currentData(), scale=self.scale(),
            background=self.background_box.currentData(), show_weights=self.weights_check.isChecked(),
            show_thresholds=self.thresholds_check.isChecked(), show_labels=self.labels_check.isChecked(),
            legend=self.legend_check.isChecked(), title=self.title_edit.text().strip(),
            formula_neuron=self.formula_box.currentData(), parts=self._parts_choice(),
            keras=self.keras_check.isChecked(),
            activity=True if self.animation else bool(self.activity_box.currentData()))

    def _canvas_parts(self) -> str | None:
        """The neuron whose parts the canvas names now, if View → Name the parts is on."""
        name_parts = getattr(self.window_, "name_parts", None)
        return None if name_parts is None else name_parts.target()

    def _parts_choice(self) -> str | None:
        """FigureOptions.parts: None unticked; the canvas's neuron when the figure holds it; else ""
        (the figure chooses as the canvas does)."""
        if not self.parts_check.isChecked():
            return None
        target = self._canvas_parts()
        if target is None or (self.scope_box.currentData() == "selection" and target not in self.selection[0]):
            return ""
        return target

    def animation_options(self) -> AnimationOptions:
        return smooth_options(self.network, self.length_box.value(), float(self.fps_box.value()))

    def frame_count(self) -> int:
        return self.animation_options().frames

    def _update_frames(self) -> None:
        frames = self.frame_count()
        seconds = (frames - 1) / self.fps_box.value()
        text = self.tr("%1 frames, %2 s").replace("%1", str(frames)).replace("%2", f"{seconds:.1f}")
        if frames > MAX_FRAMES:
            text += " — " + self.tr("at most %1: shorten it or lower the frame rate").replace("%1", str(MAX_FRAMES))
        self.frames_label.setText(text)
        self.save_button.setEnabled(frames <= MAX_FRAMES and self._figure_ok)

    # ---- preview ---------------------------------------------------------------------------
    def schedule_preview(self, *args) -> None:
        self._preview_timer.start()

    def visible_rect(self):
        view = self.window_.view
        return view.mapToScene(view.viewport().rect()).boundingRect()

    def build_figure(self) -> Figure:
        """The figure as the dialog describes it now (raises FigureError)."""
        return Figure(self.network, self.figure_options(), self.window_.playback, self.selection,
                      self.visible_rect())

    def update_preview(self) -> None:
        self._preview_timer.stop()
        try:
            figure = self.build_figure()
        except FigureError as error:
            self._figure_ok = False
            self.preview.setPixmap(QPixmap())
            self.pixel_label.setText("")
            self.message.setText(error_text(error))
        else:
            self._figure_ok = True
            with figure:  # the preview's figure is freed as soon as it is drawn
                size = figure.pixel_size()
                self.pixel_label.setText(self.tr("%1 × %2 pixels").replace("%1", str(size.width()))
                                         .replace("%2", str(size.height())))
                fit = min(PREVIEW_SIZE[0] / figure.bounds.width(), PREVIEW_SIZE[1] / figure.bounds.height(), 2.0)
                self.preview.setPixmap(QPixmap.fromImage(figure.image(fit * self.devicePixelRatioF())))
                self.message.setText(" ".join(filter(None, (blocks_notice(figure.scene), self._note()))))
        self.save_button.setEnabled(self._figure_ok)
        if self.copy_button is not None:
            self.copy_button.setEnabled(self._figure_ok)
        if self.animation:
            self._update_frames()

    def _note(self) -> str:
        fmt = self.file_format()
        if self.animation and fmt == "gif" and self.background_box.currentData() == "transparent":
            return self.tr("GIF has no soft transparency: the frames are laid on white.")
        notes = []
        if fmt in ("svg", "pdf"):
            notes.append(self.tr("Vector drawing: sharp at any size (the scale sets only its nominal size)."))
        if self.background_box.currentData() == "transparent":
            notes.append(self.tr("Transparent suits light slides: the dark text and lines would not show on a dark one."))
        return " ".join(notes)


def _select_data(box: QComboBox, data) -> None:
    index = box.findData(data)
    if index >= 0:
        box.setCurrentIndex(index)

