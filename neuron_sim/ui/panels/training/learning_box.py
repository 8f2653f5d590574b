"""What the last step one example did at the selected neuron: its error signal δ with the formula and
the numbers, and for each incoming synapse ∂L/∂w = δ·a and the change Δw = −lr·∂L/∂w.

It sits in the computation panel, under what the neuron computes going forward. The numbers are the
trainer's (Update); the formula's parts (f′(net), Σ w·δ) are read from the same Update, so that the
line shows how δ is made and ends on the trainer's δ.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from neuron_sim.model import Network

from neuron_sim.ui.styles import PALETTE

if TYPE_CHECKING:
    from neuron_sim.ui.panels.training.session import Step


def three_digits(value: float) -> str:
    """Three significant digits, with a real minus sign: enough to follow the arithmetic."""
    value = float(value)
    if value != value:
        return "—"
    return f"{value:.3g}".replace("-", "−")


class LearningBox(QWidget):
    """Shown once a step has been made; follows the selection (`show_selection`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("learning_box")
        self.network: Network | None = None
        self.step: Step | None = None
        self.config_loss = "mse"
        self.algorithm = "backprop"
        self._neuron_ids: list[str] = []
        self._synapse_keys: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("learning_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet(f"border-top: 1px solid {PALETTE.grid.name()}; padding-top: 6px;")
        layout.addWidget(self.label)
        self.hide()

    def show_step(self, network: Network, step: Step | None, algorithm: str, loss: str) -> None:
        self.network, self.step, self.algorithm, self.config_loss = network, step, algorithm, loss
        self._draw()

    def show_selection(self, neuron_ids: list[str], synapse_keys: list) -> None:
        self._neuron_ids = list(neuron_ids)
        self._synapse_keys = [tuple(k) for k in synapse_keys]
        self._draw()

    # ---- the text -----------------------------------------------------------------------------
    def delta_formula(self, nid: str) -> str:
        """δ of `nid` in the last step: the formula, then the same with its numbers (plain text)."""
        step = self.step
        update = step.update
        delta = float(update.delta[nid][0])
        a = float(update.activity[nid][0])
        if nid in update.target:
            t = float(update.target[nid][0])
            if self.algorithm == "perceptron":
                return f"δ = y − t = {three_digits(a)} − {three_digits(t)} = {three_digits(delta)}"
            if self.config_loss == "cross-entropy":
                return f"δ = a − t = {three_digits(a)} − {three_digits(t)} = {three_digits(delta)}"
            slope = self._slope(nid)
            return f"δ = (a − t) · f′(net) = ({three_digits(a)} − {three_digits(t)}) · {three_digits(slope)} = {three_digits(delta)}"
        consumers = [(key[1], step.old_weights.get(key, 0.0)) for key in update.gradient if key[0] == nid]
        terms = " + ".join(f"{three_digits(w)} · {three_digits(update.delta[k][0])}" for k, w in consumers[:4])
        if len(consumers) > 4:
            terms += " + …"
        slope = self._slope(nid)
        return f"δ = f′(net) · Σₖ wₖ·δₖ = {three_digits(slope)} · ({terms or '0'}) = {three_digits(delta)}"

    def _slope(self, nid: str) -> float:
        neuron = self.network.neurons[nid]
        a = float(self.step.update.activity[nid][0])
        net = float(self.step.update.net[nid][0])
        return {"sigmoid": a * (1.0 - a), "tanh": 1.0 - a * a, "relu": 1.0 if net > 0 else 0.0,
                "linear": 1.0}.get(neuron.activation, 0.0)

    def _draw(self) -> None:
        step, network = self.step, self.network
        if step is None or network is None:
            self.hide()
            return
        update = step.update
        focus = next((nid for nid in self._neuron_ids if nid in update.delta), None)
        keys = [key for key in self._synapse_keys if key in update.gradient]
        if focus is None and not keys:
            self.label.setText(html.escape(self.tr("Learning from example %1: select a neuron or a synapse to "
                                                   "see its error signal δ and its weight change.")
                                           .replace("%1", str(step.example + 1))))
            self.show()
            return
        title = self.tr("Learning from example %1").replace("%1", str(step.example + 1))
        parts = [f"<b>{html.escape(title)}</b> (lr = {three_digits(step.learning_rate)})"]
        if focus is not None:
            heading = self.tr("error signal δ of %1").replace("%1", network.neurons[focus].label)
            parts.append(f"<b>{html.escape(heading)}</b><br>{html.escape(self.delta_formula(focus))}")
            keys = [key for key in update.gradient if key[1] == focus] + [k for k in keys if k[1] != focus]
            theta_gradient = update.threshold_gradient.get(focus, 0.0)
            parts.append(html.escape(f"∂L/∂θ = −δ = {three_digits(theta_gradient)}    Δθ = −lr · ∂L/∂θ = "
                                     f"{three_digits(update.threshold_change.get(focus, 0.0))}"))
        rows = "".join(self._synapse_row(key) for key in keys[:12])
        if rows:
            head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in (
                self.tr("synapse"), "w", "∂L/∂w = δ·a", "Δw = −lr·∂L/∂w", self.tr("new w")))
            parts.append(f"<table cellspacing='0' cellpadding='2'><tr>{head}</tr>{rows}</table>")
        self.label.setText("<br>".join(parts))
        self.show()

    def _synapse_row(self, key: tuple[str, str]) -> str:
        update, network = self.step.update, self.network
        names = [network.neurons[k].label if k in network.neurons else k for k in key]
        old = self.step.old_weights.get(key, 0.0)
        change = update.weight_change.get(key, 0.0)
        cells = (f"{names[0]} → {names[1]}", three_digits(old), three_digits(update.gradient[key]), three_digits(change), three_digits(old + change))
        return "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"

    def text(self) -> str:
        return self.label.text()
