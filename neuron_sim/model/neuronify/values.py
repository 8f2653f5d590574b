"""Reading one value of a Neuronify node into neuron-sim's unit and range; every problem is a
ModelError naming the place in the file."""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from neuron_sim.model.entities import MAX_COORDINATE, NEURON_PARAMS, SYNAPSE_PARAMS, ModelError, _show
from neuron_sim.model.neuronify import items
from neuron_sim.model.neuronify.reader import RawNode
from neuron_sim.model.notes import MAX_NOTE_TEXT, NOTE_MAX_SIZE, NOTE_MIN_SIZE

#: A Neuronify note's size when its file does not say (Neuronify's own).
NOTE_SIZE = (256.0, 192.0)


class NoteText(NamedTuple):
    text: str
    cut: bool  # longer than a neuron-sim note holds, so cut to its length


def finite(value: Any, place: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelError("expected a number, got {value}", place=place, value=_show(value))
    number = float(value)
    if not math.isfinite(number):
        raise ModelError("expected a finite number, got {value}", place=place, value=_show(value))
    return number


def number(node: RawNode, key: str, default: float | None = None) -> float:
    value = node.value(key)
    if value is None:
        value = items.DEFAULTS[key] if default is None else default
    return finite(value, f"{node.place}.{key}")


def positive(node: RawNode, key: str, unit: str, early: bool) -> float:
    value = number(node, key, default=items.EARLY_DEFAULTS[key] if early else None)
    if value <= 0:
        raise ModelError("{value:g} {unit} is not positive", place=f"{node.place}.{key}", value=value, unit=unit)
    return value


def volts(node: RawNode, key: str, name: str) -> float:
    return converted(node, key, number(node, key) * 1000.0, name)


def converted(node: RawNode, key: str | None, value: float, name: str) -> float:
    """`value`, already in neuron-sim's unit, checked against the range of `name`."""
    return checked(value, name, node.place, key or name)


def checked(value: float, name: str, place: str, key: str) -> float:
    """`value` in neuron-sim's unit, to 12 significant digits (a unit conversion's last bits are noise:
    -0.0013 V is -1.3 mV, not -1.2999999999999998), checked against the range of `name`."""
    if math.isfinite(value):
        value = float(f"{value:.12g}")
    spec = NEURON_PARAMS.get(name) or SYNAPSE_PARAMS[name]
    low, high = spec.minimum, spec.maximum
    if not math.isfinite(value) or (low is not None and value < low) or (high is not None and value > high):
        raise ModelError("{value:g} {unit} is outside the range neuron-sim takes for {name} ({low:g} to {high:g})",
                         place=f"{place}.{key}", value=value, unit=spec.unit, name=name, low=low, high=high)
    return value


def scaled_current(node: RawNode) -> float:
    """Version 2 current clamps may keep their current in µA as `currentOutputScaled`."""
    scaled = node.value("currentOutputScaled")
    if scaled is None:
        return items.DEFAULTS["currentOutput"]
    return finite(scaled, f"{node.place}.currentOutputScaled") * 1e-6


def label(node: RawNode) -> str:
    label = node.props.get("label", "")
    if label is None:
        return ""
    return NEURON_PARAMS["label"].validate(label, f"{node.place}.label")


def inhibitory(node: RawNode) -> bool:
    value = node.props.get("inhibitory", False)
    if items.NEURON_TYPES.get(node.type, ("",))[0] == "early":
        stimulation = node.props.get("stimulation", node.props.get("outputStimulation", 1))
        return isinstance(stimulation, (int, float)) and stimulation < 0
    if not isinstance(value, bool):
        raise ModelError("expected true or false, got {value}", place=f"{node.place}.inhibitory", value=_show(value))
    return value


def coordinate(node: RawNode, key: str) -> float:
    value = finite(node.props.get(key, 0.0), f"{node.place}.{key}")
    if abs(value) > MAX_COORDINATE:
        raise ModelError("{value:g} is outside the canvas (±{limit:g})", place=f"{node.place}.{key}", value=value,
                         limit=MAX_COORDINATE)
    return value


def position(node: RawNode, half: float) -> tuple[float, float]:
    return (coordinate(node, "x") + half, coordinate(node, "y") + half)


def size(node: RawNode, default: tuple[float, float]) -> tuple[float, float]:
    size = []
    for key, fallback in zip(("width", "height"), default):
        value = node.props.get(key, fallback)
        value = finite(value, f"{node.place}.{key}")
        size.append(min(max(value, 16.0), 1e4))
    return (size[0], size[1])


def note_text(node: RawNode) -> NoteText:
    text = node.props.get("text", "")
    if not isinstance(text, str):
        raise ModelError("expected text, got {value}", place=f"{node.place}.text", value=_show(text))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ModelError("the text holds an invalid character (U+{code:04X}) at position {position}",
                         place=f"{node.place}.text", code=ord(text[error.start]), position=error.start) from None
    return NoteText(text[:MAX_NOTE_TEXT], len(text) > MAX_NOTE_TEXT)


def note_size(node: RawNode) -> tuple[float, float]:
    """Its width and height, kept within what a neuron-sim note may be."""
    width, height = size(node, NOTE_SIZE)
    return (min(max(width, NOTE_MIN_SIZE[0]), NOTE_MAX_SIZE[0]), min(max(height, NOTE_MIN_SIZE[1]), NOTE_MAX_SIZE[1]))
