"""View → As code: the open network as a Keras, PyTorch, Brian2 or PyNN script, live, with Copy.

The script is model/codegen's `generate`, the same text File → Export as code… writes. Above it: what
a reader should know (codegen's notes, in the interface language), or, where the chosen framework
cannot run the network, the plain-words reason instead of code. For a feedforward rate network the
panel also shows each layer as a Keras `Dense(...)` line and its weight matrix W (a row per input of
the layer, a column per neuron) with b = −θ (model/codegen/summary.py), for any layered network.

It follows the network's events and regenerates at most once per turn of the event loop (and, for a
network whose code takes long to make, after a pause a few times that long), only while it can be
seen. A very large network's code is not shown: the panel says so and offers Export instead.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neuron_sim.model import ModelError, Network
from neuron_sim.model.codegen import ExportOptions, generate
from neuron_sim.model.codegen.summary import LayerSummary, layer_summary, matrix_lines

from neuron_sim.ui.events import EventLinks
from neuron_sim.ui.i18n import language
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.i18n.filling import fill
from neuron_sim.ui.plain_text import plain_label
from neuron_sim.ui.styles import PALETTE

TARGET_NAMES = {"keras": "Keras", "pytorch": "PyTorch", "brian2": "Brian2", "pynn": "PyNN"}
RATE_TARGETS, SPIKING_TARGETS = ("keras", "pytorch"), ("brian2", "pynn")
# Past these the code is not made live (a rate script writes a matrix per layer, up to n² numbers).
MAX_LIVE_NEURONS = {"rate": 500, "spiking": 5_000}
MAX_LIVE_SYNAPSES = 20_000
MAX_SHOWN_CHARACTERS = 400_000  # about 4,000 lines: more is saved to a file, not scrolled through
MAX_PAUSE_MS = 1_000
MAX_LAYER_LINES = 24  # the Dense lines and matrices shown without scrolling
REFUSED_COLOR = "#B3261E"  # as the inspector's refused values


def default_target(model: str) -> str:
    return "brian2" if model == "spiking" else "keras"


def interface_lang() -> str:
    return "ko" if language.STATE.language == "ko" else "en"


def fixed_font():
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class CodePanel(QWidget):
    export_requested = Signal(str)  # the chosen target: File → Export as code… with it

    def __init__(self, network: Network, parent: QWidget | None = None):
        super().__init__(parent)
        self.network = network
        self.text = ""  # the generated script ("" when there is none)
        self.reason = ""  # why there is none, in the interface language
        self._links = EventLinks(owner=self)
        self._dirty = True
        self._cost_s = 0.0  # how long the last generation took
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)

        self.target_box = QComboBox()
        self.target_box.setObjectName("code_target")
        for key, name in TARGET_NAMES.items():
            self.target_box.addItem(name, key)
        self.target_box.setToolTip(self.tr("The framework the code is for: Keras or PyTorch (rate networks), "
                                           "Brian2 or PyNN (spiking networks)"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the code to the clipboard"))
        self.copy_button.clicked.connect(self.copy)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the code as a Python file (File → Export as code…)"))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.target()))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Code for")))
        row.addWidget(self.target_box)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        row.addWidget(self.export_button)

        self.message = plain_label()  # the notes, the reason the target cannot run it, or "too long"
        self.message.setObjectName("code_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layers_view = QPlainTextEdit()  # Dense lines and W matrices
        self.layers_view.setObjectName("code_layers")
        self.code_view = QPlainTextEdit()
        self.code_view.setObjectName("code_text")
        for view in (self.layers_view, self.code_view):
            view.setReadOnly(True)
            view.setFont(fixed_font())
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.layers_title = QLabel(self.tr("The layers as Keras Dense layers, and each W (a row per input, "
                                           "a column per neuron) with b = −θ"))
        self.layers_title.setWordWrap(True)
        layers_box = QWidget()
        layers_column = QVBoxLayout(layers_box)
        layers_column.setContentsMargins(0, 0, 0, 0)
        layers_column.addWidget(self.layers_title)
        layers_column.addWidget(self.layers_view)
        self.layers_box = layers_box

        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addLayout(row)
        column.addWidget(self.message)
        column.addWidget(layers_box)
        column.addWidget(self.code_view, 1)
        self.target_box.currentIndexChanged.connect(self._target_chosen)
        self.set_network(network)

    # ---- what it follows ---------------------------------------------------------------------
    def set_network(self, network: Network) -> None:
        self._links.disconnect()
        self.network = network
        e = network.events
        self._links.connect_all([(signal, self._changed) for signal in (
            e.neuron_added, e.neuron_removed, e.neuron_changed, e.synapse_added, e.synapse_removed,
            e.synapse_changed, e.params_changed, e.structure_changed)])
        self._links.connect(e.network_changed, self._network_param_changed)
        self._fit_target_to_model()
        self._changed()

    def target(self) -> str:
        return self.target_box.currentData()

    def set_target(self, target: str) -> None:
        self.target_box.setCurrentIndex(self.target_box.findData(target))

    def _fit_target_to_model(self) -> None:
        """Keep a target that runs the network's model; otherwise take the model's default."""
        fitting = SPIKING_TARGETS if self.network.model == "spiking" else RATE_TARGETS
        if self.target() not in fitting:
            self.target_box.blockSignals(True)
            self.set_target(default_target(self.network.model))
            self.target_box.blockSignals(False)

    def _network_param_changed(self, name: str, value) -> None:
        if name == "model":
            self._fit_target_to_model()
        self._changed()

    def _target_chosen(self, _index: int) -> None:
        self._changed()
        if self.isVisible():
            self.refresh()  # the person asked: at once

    def _changed(self, *args) -> None:
        """Regenerate later: once this turn of the event loop is over (a batch edit is many events),
        and for a slow network after a pause, so that editing never waits for the code."""
        self._dirty = True
        if self.isVisible() and not self._timer.isActive():
            self._timer.start(min(MAX_PAUSE_MS, int(self._cost_s * 3000)))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._dirty and not self._timer.isActive():
            self._timer.start(0)

    # ---- making the text ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Generate the code and the layers now."""
        self._timer.stop()
        self._dirty = False
        started = time.perf_counter()
        lang = interface_lang()
        self._show_layers(lang)
        self.text, self.reason, notes = "", "", []
        too_large = self._too_large()
        if too_large:
            self.reason = too_large
        else:
            try:
                export = generate(self.network, self.target(), ExportOptions(steps=None, lang=lang))
            except ModelError as error:
                self.reason = error_text(error)
            else:
                self.text = export.text
                notes = [" ".join(note.text(lang).split()) for note in export.notes]
        self._cost_s = time.perf_counter() - started
        if self.reason:
            self._show_message(self.reason, REFUSED_COLOR)
        elif notes:
            self._show_message("\n".join("• " + note for note in notes), PALETTE.text.name())
        else:
            self.message.hide()
        shown = self.text if len(self.text) <= MAX_SHOWN_CHARACTERS else ""
        if self.text and not shown:
            lines = self.text.count("\n")
            self._show_message(fill(self.tr("The code is %1 lines long, too long to show here: Copy it, or "
                                            "save it with Export…"), f"{lines:,}"), PALETTE.text.name())
        if self.code_view.toPlainText() != shown:
            self.code_view.setPlainText(shown)
        self.code_view.setVisible(bool(shown))
        self.copy_button.setEnabled(bool(self.text))

    def _too_large(self) -> str:
        neurons, synapses = len(self.network.neurons), len(self.network.synapses)
        if neurons > MAX_LIVE_NEURONS.get(self.network.model, 500) or synapses > MAX_LIVE_SYNAPSES:
            return fill(self.tr("The network is large (%1 neurons, %2 synapses): its code is long and slow to "
                                "show here. Save it with Export…"), f"{neurons:,}", f"{synapses:,}")
        return ""

    def _show_message(self, text: str, color: str) -> None:
        self.message.setStyleSheet(f"color: {color};")
        self.message.setText(text)
        self.message.show()

    def _show_layers(self, lang: str) -> None:
        summary = layer_summary(self.network, lang) if len(self.network.neurons) <= MAX_LIVE_NEURONS["rate"] else None
        self.layers_box.setVisible(summary is not None)
        if summary is None:
            self.layers_text = ""
            self.layers_view.clear()
            return
        self.layers_text = "\n".join(layers_text_lines(summary, self.network))
        if self.layers_view.toPlainText() != self.layers_text:
            self.layers_view.setPlainText(self.layers_text)
            # as tall as its text (up to MAX_LAYER_LINES lines): the code takes the rest
            lines = min(self.layers_text.count("\n") + 1, MAX_LAYER_LINES)
            frame = 2 * self.layers_view.frameWidth() + self.layers_view.document().documentMargin() * 2
            scroll_bar = self.layers_view.horizontalScrollBar().sizeHint().height()
            self.layers_view.setMaximumHeight(int(lines * self.layers_view.fontMetrics().lineSpacing()
                                                  + frame + scroll_bar + 2))

    # ---- Copy --------------------------------------------------------------------------------
    def copy(self) -> None:
        if self._dirty:
            self.refresh()
        if self.text:
            QGuiApplication.clipboard().setText(self.text)


def layers_text_lines(summary: LayerSummary, network: Network) -> list[str]:
    """The Dense lines, then each layer's W and b as aligned text under a caption (the panel's, and
    an exported figure's "Keras code and W" block)."""
    def label(neuron_id: str) -> str:
        neuron = network.neurons.get(neuron_id)
        return neuron.label if neuron is not None and neuron.label else neuron_id

    lines = list(summary.dense_lines)
    bias_name = QCoreApplication.translate("CodePanel", "b = −θ")
    for layer in summary.layers:
        rows, columns = layer.kernel.shape
        lines.append("")
        lines.append(fill(QCoreApplication.translate("CodePanel", "Layer %1: W (%2 × %3), a row per input, a column per neuron"),
                          str(layer.number), str(rows), str(columns)))
        matrix = matrix_lines(layer, label, bias_name)
        lines.extend(matrix if matrix is not None else
                     [QCoreApplication.translate("CodePanel", "(too large to show here: the code holds it)")])
    return lines
