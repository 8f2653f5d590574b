"""Small dialogs. They only ask; the main window turns the answer into commands."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from neuron_sim.model.entities import NEURON_PARAMS

from neuron_sim.ui.i18n.vocabulary import Vocabulary

MAX_LAYER_SIZE = 64


@dataclass(frozen=True)
class AddLayerResult:
    """What to add: `count` neurons of `kind` ("input" or "neuron").

    `activation` is always a valid activation name (the model's default unless chosen); it only
    matters for rate-model neurons, and the dialog disables it otherwise.
    """

    count: int
    kind: str
    activation: str


class AddLayerDialog(QDialog):
    """Asks how many neurons, which kind, and (rate neurons) which activation function."""

    def __init__(self, parent: QWidget | None = None, model: str = "rate", count: int = 3,
                 kind: str = "neuron", activation: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add layer"))
        self._model = model
        words = Vocabulary(self)

        self.count_box = QSpinBox()
        self.count_box.setObjectName("count")
        self.count_box.setRange(1, MAX_LAYER_SIZE)
        self.count_box.setValue(max(1, min(MAX_LAYER_SIZE, count)))
        self.count_box.setToolTip(self.tr("How many neurons the new column holds (1 to 64)."))

        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kind")
        for choice in ("input", "neuron"):
            self.kind_box.addItem(words.choice("kind", choice), choice)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))

        spec = NEURON_PARAMS["activation"]
        self.activation_box = QComboBox()
        self.activation_box.setObjectName("activation")
        for choice in spec.choices:
            self.activation_box.addItem(words.choice("activation", choice), choice)
        wanted = activation if activation in spec.choices else spec.default
        self.activation_box.setCurrentIndex(self.activation_box.findData(wanted))
        tip = self.tr("Activation function f of a = f(Σ w·a − θ); rate-model neurons only.")
        self.activation_box.setToolTip(tip)
        self.kind_box.currentIndexChanged.connect(self._update_enabled)

        form = QFormLayout()
        form.addRow(QLabel(words.label("count")), self.count_box)
        form.addRow(QLabel(words.label("kind")), self.kind_box)
        self._activation_label = QLabel(words.label("activation"))
        form.addRow(self._activation_label, self.activation_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._update_enabled()

    def values(self) -> AddLayerResult:
        return AddLayerResult(self.count_box.value(), self.kind_box.currentData(),
                              self.activation_box.currentData())

    @classmethod
    def ask(cls, parent: QWidget | None = None, model: str = "rate") -> AddLayerResult | None:
        """Show the dialog modally; the answer, or None if cancelled."""
        dialog = cls(parent, model)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def _update_enabled(self) -> None:
        applies = self._model == "rate" and self.kind_box.currentData() == "neuron"
        self.activation_box.setEnabled(applies)
        self._activation_label.setEnabled(applies)
