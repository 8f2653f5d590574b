"""A layered rate network in brief: one Keras `Dense(...)` line per layer, and each layer's weight
matrix W (a row per input of the layer, a column per neuron) with its bias b = −θ, as text.

The As-code panel and exported figures show these beside (or instead of) the whole script. They are
read from the same plan the Keras and PyTorch generators use (rate_plan.py), so they cannot drift
from the code: any feedforward rate network with inputs has them, not only a plain stack.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from neuron_sim.model.codegen.phrases import phrase
from neuron_sim.model.codegen.rate_plan import FeedforwardPlan, RateLayer, feedforward_plan
from neuron_sim.model.network import CycleError, Network

# Keras's name for each activation; None: Keras has none (the step function).
KERAS_NAMES = {"linear": "linear", "sigmoid": "sigmoid", "tanh": "tanh", "relu": "relu", "step": None}
MAX_SHOWN = 12  # rows or columns of a W shown as text; a larger one is summarised


@dataclass
class LayerSummary:
    plan: FeedforwardPlan
    dense_lines: list[str]  # `Dense(2, input_shape=(3,))`, one per layer (one per activation in a mixed one)

    @property
    def layers(self) -> list[RateLayer]:
        return self.plan.layers


def layer_summary(network: Network, lang: str = "en") -> LayerSummary | None:
    """The network's Dense lines and matrices; None when it is no feedforward rate network with
    inputs and computing neurons (a spiking or synchronous network, a loop)."""
    if network.model != "rate" or network.update != "feedforward":
        return None
    if not any(n.kind == "input" for n in network.neurons.values()):
        return None
    try:
        plan = feedforward_plan(network)
    except CycleError:
        return None
    if not plan.layers:
        return None
    return LayerSummary(plan, dense_lines(plan, lang))


def dense_lines(plan: FeedforwardPlan, lang: str = "en") -> list[str]:
    """One Keras layer line per layer: `Dense(units, input_shape=(n,), activation='…')`; a mixed
    layer takes a line per activation, and a layer that reads more than the layer before it says so."""
    lines = []
    for k, layer in enumerate(plan.layers):
        reads_previous = layer.blocks == [layer.number - 1]
        for g, group in enumerate(layer.groups):
            arguments = [str(group.stop - group.start)]
            if k == 0 and g == 0:
                arguments.append(f"input_shape=({len(layer.sources)},)")
            keras_name = KERAS_NAMES.get(group.activation)
            if keras_name and keras_name != "linear":
                arguments.append(f"activation='{keras_name}'")
            comments = []
            if keras_name is None:
                comments.append(phrase("dense_no_keras_activation", lang, activation=group.activation))
            if g > 0:
                comments.append(phrase("dense_same_layer", lang))
            elif not reads_previous:
                comments.append(phrase("dense_reads", lang, sources=_names(layer.sources)))
            line = f"Dense({', '.join(arguments)})"
            lines.append(line + ("  # " + "; ".join(comments) if comments else ""))
    return lines


def _names(ids: list[str], most: int = 6) -> str:
    return ", ".join(ids[:most]) + (", …" if len(ids) > most else "")


def number_text(value: float) -> str:
    """A weight as the panel shows it: 3 significant digits, a real minus sign."""
    text = f"{value:.3g}"
    return text.replace("-", "−") if value != 0 else "0"


def text_width(text: str) -> int:
    """Columns `text` takes in a monospaced font: wide (Hangul, CJK) letters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return " " * (width - text_width(text)) + text


def matrix_lines(layer: RateLayer, label: Callable[[str], str], bias_name: str) -> list[str] | None:
    """W and b of `layer` as aligned monospaced text: a header of the neurons' labels, a row per
    input with its label, then the bias row named `bias_name`. None when W is larger than
    MAX_SHOWN × MAX_SHOWN (the script holds it all)."""
    rows, columns = layer.kernel.shape
    if rows > MAX_SHOWN or columns > MAX_SHOWN:
        return None
    row_names = [label(nid) for nid in layer.sources] + [bias_name]
    cells = [[number_text(w) for w in row] for row in layer.kernel.tolist()] + [
        [number_text(b) for b in layer.bias.tolist()]]
    heads = [label(nid) for nid in layer.units]
    first = max(text_width(name) for name in row_names)
    widths = [max([text_width(heads[j])] + [text_width(row[j]) for row in cells]) for j in range(columns)]
    lines = [" " * first + "".join("  " + _pad(heads[j], widths[j]) for j in range(columns))]
    for name, row in zip(row_names, cells):
        lines.append(_pad(name, first) + "".join("  " + _pad(row[j], widths[j]) for j in range(columns)))
    return lines
