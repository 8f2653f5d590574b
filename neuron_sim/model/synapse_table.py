"""The synapse table of a network file (format version 4): the synapses as columns,
`{"source": …, "target": …, "weight": …, "delay_ms": …}`, with the ends as indices into the file's
"neurons". A column is a list of JSON numbers, or the numbers' bytes as base64 text,
`{"float64": "AAAAAAAA8D8…"}` (indices `{"int32": …}`; little-endian): what neuron-sim writes, as
parsing a million decimal numbers takes longer than Brian2 takes to build the whole network, and
decoding their bytes a hundredth of that (docs/file-format.md). The columns become arrays with no
object per synapse.

Reading checks everything the list form checks, column by column with numpy, and names the place
of the first fault as the list form does (`synapses.weight[12345]: …`).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

import numpy as np

from neuron_sim.model.entities import SYNAPSE_KINDS, SYNAPSE_PARAMS, ModelError, Neuron, _show
from neuron_sim.model.file_reading import type_name
from neuron_sim.model.limits import MAX_SYNAPSES
from neuron_sim.model.messages import article
from neuron_sim.model.synapse_columns import DEFAULT_TAU_SYN_MS, KIND_CODES, SynapseColumns

#: the first format version with a synapse table
TABLE_VERSION = 4
#: a network of at least this many synapses is written as a table (when none of them learns):
#: smaller files, the examples and lessons among them, keep one readable object per synapse
TABLE_FROM = 10_000
COLUMNS = ("source", "target", "weight", "delay_ms", "kind", "tau_syn_ms")
_NUMBER_COLUMNS = ("weight", "delay_ms", "tau_syn_ms")
#: how a column's bytes are written: indices as 4-byte integers (a network holds at most 100,000
#: neurons), numbers as 8-byte floats (exact: no decimal rounding), both little-endian
_BINARY = {"source": ("int32", "<i4"), "target": ("int32", "<i4"), "weight": ("float64", "<f8"),
           "delay_ms": ("float64", "<f8"), "tau_syn_ms": ("float64", "<f8")}


# ---- writing -----------------------------------------------------------------------------------
def table_of(columns: SynapseColumns, spiking: bool) -> dict[str, Any]:
    """The table of `columns` (whose ends index the file's neurons), each column as base64 bytes:
    the ends and weights always, delays in a spiking network or where any differs from its
    default, kinds and synaptic time constants where any does."""
    table: dict[str, Any] = {"source": _binary("source", columns.source), "target": _binary("target", columns.target),
                             "weight": _binary("weight", columns.weight)}
    if spiking or (columns.delay_ms != SYNAPSE_PARAMS["delay_ms"].default).any():
        table["delay_ms"] = _binary("delay_ms", columns.delay_ms)
    if columns.kind is not None and columns.kind.any():
        table["kind"] = [SYNAPSE_KINDS[code] for code in columns.kind.tolist()]
    if columns.tau_syn_ms is not None and (columns.tau_syn_ms != DEFAULT_TAU_SYN_MS).any():
        table["tau_syn_ms"] = _binary("tau_syn_ms", columns.tau_syn_ms)
    return table


def _binary(name: str, values: np.ndarray) -> dict[str, str]:
    word, dtype = _BINARY[name]
    return {word: base64.b64encode(np.ascontiguousarray(values, dtype=dtype).tobytes()).decode("ascii")}


# ---- reading -----------------------------------------------------------------------------------
def read_table(table: dict[str, Any], neurons: list[Neuron], version: int) -> SynapseColumns:
    """The synapses of a file's table, checked; ModelError names the place of the first fault."""
    if version < TABLE_VERSION:
        raise ModelError("a table of synapses needs file format version 4 (this file is version {version})",
                         place="synapses", version=version)
    if "plasticity" in table:
        raise ModelError("a table of synapses cannot hold learning rules; synapses that learn are written as a "
                         "list of objects", place="synapses.plasticity")
    for name in table:
        if name not in COLUMNS:
            raise ModelError("unknown field {name}", place="synapses", name=_show(name))
    for name in ("source", "target"):
        if name not in table:
            raise ModelError("the field {name!r} is missing", place="synapses", name=name)
    table = {name: _decoded(name, values) for name, values in table.items()}
    count = len(table["source"])
    if count > MAX_SYNAPSES:
        raise ModelError("{count} entries is more than the {limit:,} a network may hold", place="synapses.source",
                         count=count, limit=MAX_SYNAPSES)
    for name, values in table.items():
        if len(values) != count:
            raise ModelError("{count} entries, but synapses.source has {expected}: each column holds one entry "
                             "per synapse", place=f"synapses.{name}", count=len(values), expected=count)
    source = _indices(table["source"], "source", len(neurons))
    target = _indices(table["target"], "target", len(neurons))
    numbers = {name: _numbers(table[name], name) for name in _NUMBER_COLUMNS if name in table}
    kind = _kinds(table["kind"]) if "kind" in table else None
    _check_targets(target, neurons)
    _check_no_pair_twice(source, target, neurons)
    return SynapseColumns([neuron.id for neuron in neurons], source, target,
                          numbers.get("weight", np.full(count, SYNAPSE_PARAMS["weight"].default)),
                          numbers.get("delay_ms", np.full(count, SYNAPSE_PARAMS["delay_ms"].default)),
                          kind if kind is not None and kind.any() else None,
                          numbers.get("tau_syn_ms"))


def _decoded(name: str, values: Any) -> list | np.ndarray:
    """A column as the file holds it: a list, or an array decoded from its base64 bytes."""
    if isinstance(values, list):
        return values
    word, dtype = _BINARY.get(name, ("", ""))
    if not (word and isinstance(values, dict) and list(values) == [word] and isinstance(values[word], str)):
        if word:
            raise ModelError("expected a list, or an object with one field {name} holding base64 text; got {value}",
                             place=f"synapses.{name}", name=word, value=_show(values))
        raise ModelError("expected a list, got {type:w}", place=f"synapses.{name}", type=type_name(values))
    try:  # strict: only the base64 alphabet, padded where it must be (checked in C, unlike b64decode's)
        data = binascii.a2b_base64(values[word], strict_mode=True)
    except (binascii.Error, ValueError):  # ValueError: letters beyond ASCII
        raise ModelError("not valid base64 text", place=f"synapses.{name}.{word}") from None
    width = np.dtype(dtype).itemsize
    if len(data) % width:
        raise ModelError("{size} bytes are not a whole number of {name} values ({width} bytes each)",
                         place=f"synapses.{name}.{word}", size=len(data), name=word, width=width)
    return np.frombuffer(data, dtype=dtype)


def _indices(values: list | np.ndarray, name: str, neuron_count: int) -> np.ndarray:
    """A column of neuron indices (whole numbers from 0 to neuron_count − 1)."""
    array = None
    if isinstance(values, np.ndarray):
        array = values.astype(np.int64)
    elif set(map(type, values)) <= {int}:  # JSON's true and false are bools: not indices
        try:
            array = np.array(values, dtype=np.int64)
        except OverflowError:
            array = None
    if array is not None:
        bad = (array < 0) | (array >= neuron_count)
        if not bad.any():
            return array.astype(np.intp, copy=False)
        first = int(bad.argmax())
    else:
        first = next(i for i, value in enumerate(values) if type(value) is not int
                     or not 0 <= value < neuron_count)
    value = values[first] if isinstance(values, list) else int(values[first])
    place = f"synapses.{name}[{first}]"
    if type(value) is not int:
        raise ModelError("expected a neuron's index (a whole number), got {value}", place=place, value=_show(value))
    raise ModelError("no neuron has the index {index} (the file has {count} neurons, numbered from 0)", place=place,
                     index=_show(value), count=neuron_count)


def _numbers(values: list | np.ndarray, name: str) -> np.ndarray:
    """A column of a numeric synapse parameter, each in the parameter's range."""
    spec = SYNAPSE_PARAMS[name]
    array = None
    if isinstance(values, np.ndarray):
        array = values.astype(float)  # native byte order, and writable to no one but this table
    elif set(map(type, values)) <= {int, float}:
        try:
            array = np.array(values, dtype=float)
        except OverflowError:  # an int beyond the float range: named below
            array = None
    if array is not None:
        with np.errstate(invalid="ignore"):
            bad = ~np.isfinite(array) | (array < spec.minimum) | (array > spec.maximum)
        if not bad.any():
            return array
        first = int(bad.argmax())
        spec.validate(values[first] if isinstance(values, list) else float(values[first]),
                      f"synapses.{name}[{first}]")  # raises, saying why
    for i, value in enumerate(values):  # a value of the wrong type: the first fault in order
        spec.validate(value, f"synapses.{name}[{i}]")
    raise AssertionError("a column refused as a whole has a bad entry")  # pragma: no cover


def _kinds(values: list) -> np.ndarray:
    """A column of synapse kinds ("delta", "current_exp", "current_alpha") as codes."""
    if set(map(type, values)) <= {str} and set(values) <= set(KIND_CODES):
        return np.array([KIND_CODES[value] for value in values], dtype=np.int8)
    spec = SYNAPSE_PARAMS["kind"]
    for i, value in enumerate(values):
        spec.validate(value, f"synapses.kind[{i}]")
    raise AssertionError("a column refused as a whole has a bad entry")  # pragma: no cover


def _check_targets(target: np.ndarray, neurons: list[Neuron]) -> None:
    """Only cells (kind neuron) receive synapses."""
    receives = np.array([neuron.kind == "neuron" for neuron in neurons], dtype=bool)
    if not target.size or receives[target].all():
        return
    first = int((~receives[target]).argmax())
    neuron = neurons[int(target[first])]
    raise ModelError("{id!r} is {kind:w}, which cannot receive synapses", place=f"synapses.target[{first}]",
                     id=neuron.id, kind=article(neuron.kind))


def _check_no_pair_twice(source: np.ndarray, target: np.ndarray, neurons: list[Neuron]) -> None:
    """No two synapses join the same source to the same target."""
    count = max(len(neurons), 1)
    # as 4-byte numbers where every pair fits in one (up to 65,536 neurons): half the bytes to sort
    kind = np.uint32 if count * count <= 2**32 else np.int64
    pairs = source.astype(kind) * kind(count) + target.astype(kind)
    ordered = np.sort(pairs)
    if not (ordered[1:] == ordered[:-1]).any():
        return
    order = np.argsort(pairs, kind="stable")  # equal pairs keep the file's order
    repeats = order[1:][pairs[order[1:]] == pairs[order[:-1]]]
    first = int(repeats.min())
    raise ModelError("{source} → {target} is connected twice", place=f"synapses.target[{first}]",
                     source=neurons[int(source[first])].id, target=neurons[int(target[first])].id)

