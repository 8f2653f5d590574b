"""The tasks a lesson page can set, as data, and the checks that decide whether a network does them.

A check is a JSON object with a "kind" and its parameters (docs/lessons.md lists them). `validate`
refuses a check that names a kind, a gate or a neuron that does not exist, with the place to fix;
`passes(check, network, start)` answers for the network as the student left it, where `start` is the
page's network as it opened (for "only one weight changed"). Outputs are computed by the rate
engine itself, on a copy with the inputs set, so a check never disturbs the open network.
"""

from __future__ import annotations

import math
from dataclasses import fields
from collections.abc import Iterable
from typing import Any

from neuron_sim.model.activations import ACTIVATIONS
from neuron_sim.model.engines.rate import RateEngine
from neuron_sim.model.entities import ModelError, _show
from neuron_sim.model.fileformat import _type_name
from neuron_sim.model.network import CycleError, Network

GATES = {
    "AND": lambda bits: all(bits),
    "OR": lambda bits: any(bits),
    "NAND": lambda bits: not all(bits),
    "NOR": lambda bits: not any(bits),
    "XOR": lambda bits: sum(bits) % 2 == 1,
    "XNOR": lambda bits: sum(bits) % 2 == 0,
}
CHANGEABLE = ("weight", "threshold")  # what "only_changed" counts
KINDS = ("output", "truth_table", "synapse_count", "layer_sizes", "only_changed", "activation", "all")
_FIELDS = {
    "output": ({"neuron"}, {"inputs", "at_least", "at_most"}),
    "truth_table": ({"neuron", "inputs", "gate"}, {"threshold"}),
    "synapse_count": ({"from", "to", "equals"}, set()),
    "layer_sizes": ({"equals"}, set()),
    "only_changed": ({"param", "count"}, set()),
    "activation": ({"neuron", "is"}, set()),
    "all": ({"of"}, set()),
}
MAX_TRUTH_TABLE_INPUTS = 4


# ---- validation ----------------------------------------------------------------------------------
def validate(check: Any, network: Network, place: str) -> dict[str, Any]:
    """`check` as given, or a ModelError naming `place` (a JSON path) and what is wrong."""
    if not isinstance(check, dict):
        raise ModelError("expected an object, got {type:w}", place=place, type=_type_name(check))
    kind = check.get("kind")
    if kind not in KINDS:
        raise ModelError("unknown value {value}; expected one of {options}", place=f"{place}.kind",
                         value=_show(kind), options=", ".join(KINDS))
    needed, optional = _FIELDS[kind]
    for name in sorted(needed - check.keys()):
        raise ModelError("the field {name!r} is missing", place=place, name=name)
    for name in sorted(check.keys() - needed - optional - {"kind"}):
        raise ModelError("unknown field {name}", place=place, name=name)
    if "neuron" in check:
        _neuron(network, check["neuron"], f"{place}.neuron", computing=True)
    if kind == "output":
        inputs = check.get("inputs", {})
        if not isinstance(inputs, dict):
            raise ModelError("expected an object, got {type:w}", place=f"{place}.inputs", type=_type_name(inputs))
        for nid, value in inputs.items():
            _neuron(network, nid, f"{place}.inputs", inputs=True)
            _number(value, f"{place}.inputs.{nid}")
        if "at_least" not in check and "at_most" not in check:
            raise ModelError("the field {name!r} is missing", place=place, name="at_least")
        for bound in ("at_least", "at_most"):
            if bound in check:
                _number(check[bound], f"{place}.{bound}")
    elif kind == "truth_table":
        ids = _id_list(check["inputs"], f"{place}.inputs")
        if not 1 <= len(ids) <= MAX_TRUTH_TABLE_INPUTS:
            raise ModelError("a truth table has 1 to {most} inputs, not {count}", place=f"{place}.inputs",
                             most=MAX_TRUTH_TABLE_INPUTS, count=len(ids))
        for nid in ids:
            _neuron(network, nid, f"{place}.inputs", inputs=True)
        if check["gate"] not in GATES:
            raise ModelError("unknown value {value}; expected one of {options}", place=f"{place}.gate",
                             value=_show(check["gate"]), options=", ".join(GATES))
        if "threshold" in check:
            _number(check["threshold"], f"{place}.threshold")
    elif kind == "synapse_count":
        for end in ("from", "to"):
            _group_spec(check[end], network, f"{place}.{end}")
        _count(check["equals"], f"{place}.equals")
    elif kind == "layer_sizes":
        sizes = check["equals"]
        if not isinstance(sizes, list) or not sizes:
            raise ModelError("expected a list, got {type:w}", place=f"{place}.equals", type=_type_name(sizes))
        for k, size in enumerate(sizes):
            _count(size, f"{place}.equals[{k}]")
    elif kind == "only_changed":
        if check["param"] not in CHANGEABLE:
            raise ModelError("unknown value {value}; expected one of {options}", place=f"{place}.param",
                             value=_show(check["param"]), options=", ".join(CHANGEABLE))
        _count(check["count"], f"{place}.count")
    elif kind == "activation":
        if check["is"] not in ACTIVATIONS:
            raise ModelError("unknown value {value}; expected one of {options}", place=f"{place}.is",
                             value=_show(check["is"]), options=", ".join(ACTIVATIONS))
    elif kind == "all":
        parts = check["of"]
        if not isinstance(parts, list) or not parts:
            raise ModelError("expected a list, got {type:w}", place=f"{place}.of", type=_type_name(parts))
        for k, part in enumerate(parts):
            validate(part, network, f"{place}.of[{k}]")
    return check


def _neuron(network: Network, nid: Any, place: str, computing: bool = False, inputs: bool = False) -> None:
    if not isinstance(nid, str) or nid not in network.neurons:
        raise ModelError("there is no neuron with id {id!r}", place=place, id=nid if isinstance(nid, str) else _show(nid))
    kind = network.neurons[nid].kind
    if (computing and kind != "neuron") or (inputs and kind != "input"):
        raise ModelError("unknown value {value}; expected one of {options}", place=place, value=nid,
                         options=", ".join(n.id for n in network.neurons.values()
                                           if n.kind == ("neuron" if computing else "input")))


def _id_list(value: Any, place: str) -> list[str]:
    if not isinstance(value, list):
        raise ModelError("expected a list, got {type:w}", place=place, type=_type_name(value))
    return value


def _group_spec(spec: Any, network: Network, place: str) -> None:
    """A list of neuron ids, or {"layer": k}: the k-th column of network.layers() (0: the inputs)."""
    if isinstance(spec, dict):
        if set(spec) != {"layer"}:
            raise ModelError("the field {name!r} is missing", place=place, name="layer")
        _count(spec["layer"], f"{place}.layer")
        return
    for nid in _id_list(spec, place):
        _neuron(network, nid, place)


def _number(value: Any, place: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ModelError("expected a finite number, got {value}", place=place, value=_show(value))
    return float(value)


def _count(value: Any, place: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ModelError("expected a whole number, got {value}", place=place, value=_show(value))
    return value


# ---- answering -----------------------------------------------------------------------------------
def outputs(network: Network, inputs: dict[str, float] | None = None) -> dict[str, float] | None:
    """Every neuron's output once a feedforward rate network has settled with `inputs` set (the
    others as they are); None for a network that has no such answer (spiking, synchronous, a loop)."""
    if network.model != "rate" or network.update != "feedforward":
        return None
    trial = network.copy()
    for nid, value in (inputs or {}).items():
        if nid in trial.neurons and trial.neurons[nid].kind == "input":
            trial.set_neuron_param(nid, "value", float(value))
    try:
        engine = RateEngine(trial)
    except (CycleError, ModelError):
        return None
    if not engine.settle():
        return None
    return {nid: float(engine.output_of(nid)) for nid in trial.neurons}


def passes(check: dict[str, Any], network: Network, start: Network) -> bool:
    """Whether `network` does what `check` asks (`start`: the page's network as it opened)."""
    kind = check["kind"]
    if kind == "all":
        return all(passes(part, network, start) for part in check["of"])
    if "neuron" in check and check["neuron"] not in network.neurons:
        return False  # the student deleted it
    if kind == "output":
        answer = outputs(network, check.get("inputs"))
        if answer is None:
            return False
        value = answer[check["neuron"]]
        return (value >= check.get("at_least", -math.inf) - 1e-9
                and value <= check.get("at_most", math.inf) + 1e-9)
    if kind == "truth_table":
        return _truth_table_holds(check, network)
    if kind == "synapse_count":
        sources = _group(check["from"], network)
        targets = _group(check["to"], network)
        if sources is None or targets is None:
            return False
        count = sum(1 for (s, t) in network.synapses if s in sources and t in targets)
        return count == check["equals"]
    if kind == "layer_sizes":
        try:
            sizes = [len(layer) for layer in network.layers()]
        except CycleError:
            return False
        return sizes == check["equals"]
    if kind == "only_changed":
        return changed(network, start, check["param"]) == check["count"] and _same_otherwise(
            network, start, check["param"])
    if kind == "activation":
        return network.neurons[check["neuron"]].activation == check["is"]
    raise ModelError("unknown value {value}; expected one of {options}", place="kind", value=_show(kind),
                     options=", ".join(KINDS))


def _truth_table_holds(check: dict[str, Any], network: Network) -> bool:
    ids, gate = check["inputs"], GATES[check["gate"]]
    if any(nid not in network.neurons for nid in ids):
        return False
    threshold = check.get("threshold", 0.5)
    for row in range(2 ** len(ids)):
        bits = [(row >> (len(ids) - 1 - k)) & 1 for k in range(len(ids))]
        answer = outputs(network, dict(zip(ids, bits)))
        if answer is None or (answer[check["neuron"]] >= threshold) != gate(bits):
            return False
    return True


def _group(spec: Any, network: Network) -> set[str] | None:
    if isinstance(spec, dict):
        try:
            layers = network.layers()
        except CycleError:
            return None
        k = spec["layer"]
        return set(layers[k]) if k < len(layers) else set()
    return set(spec)


def changed(network: Network, start: Network, param: str) -> int:
    """How many synapse weights (param "weight") or neuron thresholds ("threshold") differ from `start`."""
    if param == "weight":
        return sum(1 for key, s in network.synapses.items()
                   if key in start.synapses and s.weight != start.synapses[key].weight)
    return sum(1 for nid, n in network.neurons.items()
               if nid in start.neurons and n.threshold != start.neurons[nid].threshold)


def _same_otherwise(network: Network, start: Network, param: str) -> bool:
    """The same neurons and synapses as `start`, with the same parameters apart from `param`, the
    positions, labels and input values (moving a cell or trying the inputs is no change)."""
    if set(network.neurons) != set(start.neurons) or set(network.synapses) != set(start.synapses):
        return False
    free = {"position", "label", "value", param}
    return (all(_differences(n, start.neurons[nid]) <= free for nid, n in network.neurons.items())
            and all(_differences(s, start.synapses[key]) <= free for key, s in network.synapses.items()))


def _differences(now: Any, before: Any) -> set[str]:
    return {name for name in _field_names(now) if getattr(now, name) != getattr(before, name)}


def _field_names(record: Any) -> Iterable[str]:
    return [f.name for f in fields(record)]
