"""The bar above the canvas that says what an open example shows and what to try.

For the Dense-layer examples it also shows the network as Keras code and its weight matrices, read
from the network's real weights and thresholds, so they change as soon as a weight is edited.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QToolButton, QVBoxLayout, QWidget

from neuron_sim.model import Network
from neuron_sim.model.dense import DenseLayer, dense_layers, keras_code

if TYPE_CHECKING:
    from neuron_sim.ui.examples import Example

_STYLE = """
#example-info { background: #FFF8E1; border-bottom: 1px solid #E0C872; }
#example-info QLabel { color: #1F2328; }
#example-info #keras { background: #FFFFFF; border: 1px solid #E0C872; border-radius: 4px; padding: 4px 8px; }
"""


class ExampleInfoBar(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("example-info")
        self.setStyleSheet(_STYLE)
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keras_label = QLabel()
        self.keras_label.setObjectName("keras")
        self.keras_label.setTextFormat(Qt.TextFormat.RichText)
        self.keras_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keras_label.hide()
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Hide this text"))
        self.close_button.clicked.connect(self.hide)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.title_label)
        texts.addWidget(self.text_label)
        texts.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 6, 8)
        row.setSpacing(12)
        row.addLayout(texts, 1)
        row.addWidget(self.keras_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.network: Network | None = None
        self.example: Example | None = None
        self.hide()

    @classmethod
    def install_above_canvas(cls, window: QMainWindow) -> ExampleInfoBar:
        """Put a bar above the window's canvas (the central widget becomes [bar, canvas])."""
        view = window.takeCentralWidget()
        container = QWidget(window)
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        bar = cls(container)
        column.addWidget(bar)
        column.addWidget(view, 1)
        window.setCentralWidget(container)
        return bar

    # ---- what it shows -------------------------------------------------------------------
    def show_example(self, example: Example, network: Network) -> None:
        self.clear()
        self.example = example
        self.title_label.setText(example.title)
        self.text_label.setText(example.what_to_try)
        if example.shows_dense_layers:
            self.network = network
            e = network.events
            for signal in (e.neuron_added, e.neuron_removed, e.neuron_changed, e.synapse_added,
                           e.synapse_removed, e.synapse_changed, e.network_changed):
                signal.connect(self._refresh_layers)
            self._refresh_layers()
        self.show()

    def clear(self) -> None:
        """Forget the example (another network was opened)."""
        if self.network is not None:
            e = self.network.events
            for signal in (e.neuron_added, e.neuron_removed, e.neuron_changed, e.synapse_added,
                           e.synapse_removed, e.synapse_changed, e.network_changed):
                signal.disconnect(self._refresh_layers)
        self.network = None
        self.example = None
        self.keras_label.hide()
        self.hide()

    def _refresh_layers(self, *args) -> None:
        layers = dense_layers(self.network) if self.network is not None else None
        if layers is None:
            self.keras_label.setText(self.tr("This network is no longer a stack of Dense layers."))
        else:
            self.keras_label.setText(self.layers_html(layers))
        self.keras_label.show()

    def layers_html(self, layers: list[DenseLayer]) -> str:
        code = "<br>".join(escape(line, quote=False) for line in keras_code(layers))
        heading = escape(self.tr("In Keras"))
        bias_name = escape(self.tr("b = −θ"))
        parts = [f"<b>{heading}</b><br><code style='font-size:large'>{code}</code>"]
        matrices = []
        for layer in layers:
            rows, columns = layer.shape
            caption = self.tr("W (%1 × %2): a row per input, a column per neuron") \
                .replace("%1", str(rows)).replace("%2", str(columns))
            labels = self._labels
            head = "".join(f"<th>{escape(labels(nid))}</th>" for nid in layer.units)
            body = "".join(
                f"<tr><th align='right'>{escape(labels(source))}</th>"
                + "".join(f"<td align='right'>{_number(w)}</td>" for w in layer.kernel[i]) + "</tr>"
                for i, source in enumerate(layer.inputs))
            bias = (f"<tr><th align='right'>{bias_name}</th>"
                    + "".join(f"<td align='right'>{_number(b)}</td>" for b in layer.bias) + "</tr>")
            matrices.append(f"<td valign='top'>{escape(caption)}<table cellspacing='0' cellpadding='3'>"
                            f"<tr><th></th>{head}</tr>{body}{bias}</table></td>")
        parts.append(f"<table cellspacing='0' cellpadding='0'><tr>{'<td width=16></td>'.join(matrices)}</tr></table>")
        return "<br>".join(parts)

    def _labels(self, neuron_id: str) -> str:
        neuron = self.network.neurons.get(neuron_id) if self.network is not None else None
        return neuron.label if neuron is not None else neuron_id


def _number(value: float) -> str:
    text = f"{value:.3g}"
    return text.replace("-", "−") if value != 0 else "0"
