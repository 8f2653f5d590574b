"""File → Export as code…'s dialog: the framework, how long the script runs (steps, or milliseconds
for a spiking network) and the language of its comments. Loaded on the first export, with the code
generators it reads from."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from neuron_sim.model import Network
from neuron_sim.model.codegen import ExportOptions
from neuron_sim.model.simulate import MAX_STEPS, default_steps, steps_for_duration

from neuron_sim.ui.panels.code_panel import TARGET_NAMES

LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}


class CodeExportDialog(QDialog):
    """Framework, length of the run and the comments' language."""

    def __init__(self, network: Network, target: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export as code"))
        self.network = network
        self.spiking = network.model == "spiking"
        form = QFormLayout(self)
        self.target_box = QComboBox()
        for key, name in TARGET_NAMES.items():
            self.target_box.addItem(name, key)
        self.target_box.setCurrentIndex(self.target_box.findData(target))
        form.addRow(self.tr("Framework:"), self.target_box)
        if self.spiking:
            self.duration_box = QDoubleSpinBox()
            self.duration_box.setDecimals(3)
            self.duration_box.setRange(0.0, MAX_STEPS * network.dt_ms)
            self.duration_box.setSuffix(" ms")
            self.duration_box.setValue(default_steps(network) * network.dt_ms)
            form.addRow(self.tr("Simulated time:"), self.duration_box)
        else:
            self.steps_box = QSpinBox()
            self.steps_box.setRange(0, MAX_STEPS)
            self.steps_box.setValue(default_steps(network))
            self.steps_box.setToolTip(self.tr("Updates the script runs: a feedforward network computes the same "
                                              "pass at every step; a synchronous one runs a tick per step"))
            form.addRow(self.tr("Steps:"), self.steps_box)
        self.lang_box = QComboBox()
        for key, name in LANGUAGE_NAMES.items():
            self.lang_box.addItem(name, key)
        self.lang_box.setCurrentIndex(self.lang_box.findData(lang))
        form.addRow(self.tr("Comments in:"), self.lang_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def target(self) -> str:
        return self.target_box.currentData()

    def options(self) -> ExportOptions:
        """The export's options; raises ModelError for a duration the network cannot run."""
        if self.spiking:
            steps = steps_for_duration(self.network, self.duration_box.value())
        else:
            steps = self.steps_box.value()
        return ExportOptions(steps=steps, lang=self.lang_box.currentData())
