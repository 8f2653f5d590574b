"""The file loader's fast path: neuron and synapse entries that are plainly valid, checked inline
and made without the validators; anything else goes to the full check (fileformat.py), which names
what is wrong. The fuzz tests hold these paths to the same answers.
"""

from __future__ import annotations

from dataclasses import fields
from itertools import repeat
from operator import itemgetter
from typing import Any

import numpy as np

from neuron_sim.model.entities import (
    MAX_COORDINATE,
    MAX_LABEL_LENGTH,
    NEURON_PARAMS,
    SYNAPSE_PARAMS,
    ModelError,
    Neuron,
    Synapse,
    validate_id,
)

_WEIGHT = SYNAPSE_PARAMS["weight"]
_DELAY = SYNAPSE_PARAMS["delay_ms"]
_NUMBER_TYPES = (int, float)


def plain_synapse(entry: Any, kinds: dict[str, str]) -> Synapse | None:
    """The synapse of an entry that is plainly valid, checked inline; None sends it to the full
    check, which names what is wrong. Validating 600,000 synapses field by field took 6 s."""
    if type(entry) is not dict:
        return None
    source, target = entry.get("source"), entry.get("target")
    if type(source) is not str or type(target) is not str or kinds.get(target) != "neuron" \
            or source not in kinds:
        return None
    weight, delay = entry.get("weight", 1.0), entry.get("delay_ms", 1.0)
    if (type(weight) not in _NUMBER_TYPES or type(delay) not in _NUMBER_TYPES
            or not _WEIGHT.minimum <= weight <= _WEIGHT.maximum
            or not _DELAY.minimum <= delay <= _DELAY.maximum
            or len(entry) != 2 + ("weight" in entry) + ("delay_ms" in entry)):
        return None  # NaN fails the comparisons too
    return Synapse.trusted(source, target, float(weight), float(delay))


_NEURON_DEFAULTS = {name: spec.default for name, spec in NEURON_PARAMS.items()}
_FLOAT_RANGES = {name: (spec.minimum, spec.maximum) for name, spec in NEURON_PARAMS.items()
                 if spec.kind == "float" and spec.minimum is not None and spec.maximum is not None}
_NEURON_KINDS = frozenset(NEURON_PARAMS["kind"].choices)
_LABEL_LENGTH = MAX_LABEL_LENGTH if NEURON_PARAMS["label"].maximum is None else int(NEURON_PARAMS["label"].maximum)


def plain_neuron(nid: str, entry: dict) -> Neuron | None:
    """The neuron of an entry whose fields are plainly valid (numbers in range, a known kind, an
    ASCII label, a position in bounds), checked inline; None sends it to the full check, which
    names what is wrong. Checking 10,000 neurons field by field was a third of opening a
    10,000-neuron / 1,000,000-synapse file."""
    values = dict(_NEURON_DEFAULTS)
    for name, value in entry.items():
        kind = type(value)
        bounds = _FLOAT_RANGES.get(name)
        if bounds is not None:
            if not ((kind is float or kind is int) and bounds[0] <= value <= bounds[1]):
                return None  # NaN fails the comparisons too
            values[name] = float(value)
        elif name == "id":
            continue
        elif name == "kind":
            if kind is not str or value not in _NEURON_KINDS:
                return None
            values[name] = value
        elif name == "label":
            if kind is not str or len(value) > _LABEL_LENGTH or not value.isascii():
                return None
            values[name] = value
        elif name == "position":
            if kind is not list or len(value) != 2:
                return None
            x, y = value
            if not ((type(x) is float or type(x) is int) and (type(y) is float or type(y) is int)
                    and -MAX_COORDINATE <= x <= MAX_COORDINATE and -MAX_COORDINATE <= y <= MAX_COORDINATE):
                return None
            values[name] = (float(x), float(y))
        else:
            return None
    if not values["label"]:
        values["label"] = nid
    return Neuron.trusted(nid, values)


_FIELD_ORDER = tuple(field.name for field in fields(Neuron) if field.name != "id")  # trusted_in_order's
_NUMBERS = {int, float}


def plain_neurons(entries: list, model: str) -> list[Neuron] | None:
    """The neurons of a file's entries, in order, when every entry is plainly valid (as plain_neuron
    takes it) and all have the same fields, a valid id each and no id twice, and no generator is
    in a network whose model is not spiking: checked a field at a time over all the entries (the
    types as one set, ranges with numpy). None sends the entries to the loader's entry-by-entry
    check, which takes them as plain_neuron does or names what is wrong. Entry by entry, the
    checks and the attribute setting were a quarter of opening a 10,000-neuron / 1,000,000-synapse
    file."""
    if not entries or set(map(type, entries)) != {dict}:
        return None
    names = tuple(entries[0])
    if "id" not in names or not all(map(entries[0].keys().__eq__, map(dict.keys, entries))):
        return None
    rows = map(itemgetter(*names), entries) if len(names) > 1 else ((entry["id"],) for entry in entries)
    columns = dict(zip(names, zip(*rows)))  # a tuple per field, in the entries' order
    ids = columns.pop("id")
    if set(map(type, ids)) != {str} or len(set(ids)) != len(ids) or not _all_valid_ids(ids):
        return None
    for name, values in columns.items():
        column = _plain_column(name, values)
        if column is None:
            return None
        columns[name] = column
    kinds = columns.get("kind")
    if model != "spiking" and kinds is not None and "generator" in kinds:
        return None
    labels = columns.get("label")
    columns["label"] = ids if labels is None else [label or nid for label, nid in zip(labels, ids)]
    return list(map(Neuron.trusted_in_order, ids, *(columns.get(name, repeat(_NEURON_DEFAULTS[name]))
                                                     for name in _FIELD_ORDER)))


def _all_valid_ids(ids: tuple[str, ...]) -> bool:
    try:
        for nid in ids:
            validate_id(nid)
    except ModelError:
        return False
    return True


def _plain_column(name: str, values: tuple) -> Any:
    """A field's values over all entries as the neurons hold them, or None when one is not
    plainly valid (plain_neuron's checks, a column at a time)."""
    types = set(map(type, values))
    bounds = _FLOAT_RANGES.get(name)
    if bounds is not None:
        return _numbers_within(values, types, *bounds)
    if name == "kind":
        return values if types == {str} and set(values) <= _NEURON_KINDS else None
    if name == "label":
        if types != {str} or max(map(len, values)) > _LABEL_LENGTH or not "".join(values).isascii():
            return None
        return values
    if name == "position":
        if types != {list} or set(map(len, values)) != {2}:
            return None
        xs, ys = (_numbers_within(axis, None, -MAX_COORDINATE, MAX_COORDINATE) for axis in zip(*values))
        return None if xs is None or ys is None else list(zip(xs, ys))
    return None


def _numbers_within(values: tuple, types: set | None, low: float, high: float) -> list[float] | None:
    """The values as floats when each is a number (not true or false) from low to high."""
    if not (set(map(type, values)) if types is None else types) <= _NUMBERS:
        return None
    try:
        array = np.array(values, dtype=float)
    except OverflowError:  # an integer beyond the range of floats
        return None
    if not (low <= array.min() and array.max() <= high):  # NaN fails the comparisons too
        return None
    return array.tolist()
