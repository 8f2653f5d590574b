"""The synapse table of a network file (format version 4): the synapses as columns of numbers,
`{"source": [...], "target": [...], "weight": [...], "delay_ms": [...]}`, with the ends as
indices into the file's "neurons". Parsing a list of numbers is several times faster than a list
of objects, and the columns become arrays with no object per synapse (docs/file-format.md).

Reading checks everything the list form checks, column by column with numpy, and names the place
of the first fault as the list form does (`synapses.weight[12345]: …`).
"""

from __future__ import annotations

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


# ---- writing -----------------------------------------------------------------------------------
def table_of(columns: SynapseColumns, spiking: bool) -> dict[str, list]:
    """The table of `columns` (whose ends index the file's neurons): the ends and weights always,
    delays in a spiking network or where any differs from its default, kinds and synaptic time
    constants where any does."""
    table: dict[str, list] = {"source": columns.source.tolist(), "target": columns.target.tolist(),
                              "weight": _plain_numbers(columns.weight)}
    if spiking or (columns.delay_ms != SYNAPSE_PARAMS["delay_ms"].default).any():
        table["delay_ms"] = _plain_numbers(columns.delay_ms)
    if columns.kind is not None and columns.kind.any():
        table["kind"] = [SYNAPSE_KINDS[code] for code in columns.kind.tolist()]
    if columns.tau_syn_ms is not None and (columns.tau_syn_ms != DEFAULT_TAU_SYN_MS).any():
        table["tau_syn_ms"] = _plain_numbers(columns.tau_syn_ms)
    return table


def _plain_numbers(values: np.ndarray) -> list:
    """A column of whole numbers as ints (1 rather than 1.0), as the list form writes them."""
    if values.size and np.all(np.abs(values) < 1e15) and np.all(values == np.round(values)):
        return values.astype(np.int64).tolist()
    return values.tolist()


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
    for name, values in table.items():
        if not isinstance(values, list):
            raise ModelError("expected a list, got {type:w}", place=f"synapses.{name}", type=type_name(values))
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


def _indices(values: list, name: str, neuron_count: int) -> np.ndarray:
    """A column of neuron indices (whole numbers from 0 to neuron_count − 1)."""
    array = None
    if set(map(type, values)) <= {int}:  # JSON's true and false are bools: not indices
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
    value = values[first]
    place = f"synapses.{name}[{first}]"
    if type(value) is not int:
        raise ModelError("expected a neuron's index (a whole number), got {value}", place=place, value=_show(value))
    raise ModelError("no neuron has the index {index} (the file has {count} neurons, numbered from 0)", place=place,
                     index=_show(value), count=neuron_count)


def _numbers(values: list, name: str) -> np.ndarray:
    """A column of a numeric synapse parameter, each in the parameter's range."""
    spec = SYNAPSE_PARAMS[name]
    array = None
    if set(map(type, values)) <= {int, float}:
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
        spec.validate(values[first], f"synapses.{name}[{first}]")  # raises, saying why
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
    pairs = source.astype(np.int64) * max(len(neurons), 1) + target
    ordered = np.sort(pairs)
    if not (ordered[1:] == ordered[:-1]).any():
        return
    order = np.argsort(pairs, kind="stable")  # equal pairs keep the file's order
    repeats = order[1:][pairs[order[1:]] == pairs[order[:-1]]]
    first = int(repeats.min())
    raise ModelError("{source} → {target} is connected twice", place=f"synapses.target[{first}]",
                     source=neurons[int(source[first])].id, target=neurons[int(target[first])].id)

