"""The network file: versioned UTF-8 JSON, read all-or-nothing, with errors that name the place.

Loading builds a complete new Network or raises one NetworkFileError; it never executes anything
from the file (plain `json`, no object hooks beyond duplicate-key detection).
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from .entities import NEURON_PARAMS, SYNAPSE_PARAMS, ModelError, Neuron, Synapse, validate_id
from .network import Network

FORMAT_NAME = "neuron-sim"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024  # far beyond any teaching network (10,000 neurons ≈ 3 MB)
MAX_NEURONS = 100_000
MAX_SYNAPSES = 2_000_000
MAX_NESTING = 64

# Fields written per kind and model: a file holds what matters for its network, nothing else.
_RATE_FIELDS = {"input": ("value",), "neuron": ("activation", "threshold"), "generator": ()}
_CELL_FIELDS = ("tau_ms", "v_rest_mV", "v_reset_mV", "v_threshold_mV", "refractory_ms", "drive_mV", "v_mV")
_SPIKING_FIELDS = {
    "input": ("value", "rate_hz", "start_ms"),
    "neuron": _CELL_FIELDS,
    "generator": ("pattern", "rate_hz", "start_ms", "seed"),
}
_TOP_LEVEL = ("format", "version", "name", "description", "model", "update", "dt_ms", "neurons", "synapses")


class NetworkFileError(Exception):
    """A file that is not a valid network. The message names the file and the place."""

    def __init__(self, message: str, path: str | os.PathLike | None = None):
        self.path = None if path is None else str(path)
        self.detail = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


# ---- writing -----------------------------------------------------------------------------------
def to_dict(network: Network) -> dict[str, Any]:
    params = network.params()
    data: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    data.update({key: params[key] for key in ("name", "description", "model")})
    if network.model == "rate":
        data["update"] = params["update"]
    else:
        data["dt_ms"] = params["dt_ms"]
    per_kind = _RATE_FIELDS if network.model == "rate" else _SPIKING_FIELDS
    neurons = []
    for neuron in network.neurons.values():
        entry: dict[str, Any] = {"id": neuron.id, "kind": neuron.kind, "label": neuron.label,
                                 "position": [_plain(neuron.position[0]), _plain(neuron.position[1])]}
        for name in per_kind[neuron.kind]:
            value = getattr(neuron, name)
            if value is not None:
                entry[name] = _plain(value)
        neurons.append(entry)
    data["neurons"] = neurons
    synapses = []
    for synapse in network.synapses.values():
        entry = {"source": synapse.source, "target": synapse.target, "weight": _plain(synapse.weight)}
        if network.model == "spiking":
            entry["delay_ms"] = _plain(synapse.delay_ms)
        synapses.append(entry)
    data["synapses"] = synapses
    return data


def _plain(value: Any) -> Any:
    """Whole floats as ints keep files readable (1 rather than 1.0)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def dumps(network: Network) -> str:
    return json.dumps(to_dict(network), ensure_ascii=False, indent=2) + "\n"


def save(network: Network, path: str | os.PathLike) -> None:
    """Write atomically: a temporary file beside the target, flushed to disk, then renamed over it."""
    path = Path(path)
    text = dumps(network).encode("utf-8")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
        raise NetworkFileError(f"could not save: {error.strerror or error}", path) from error


# ---- reading -----------------------------------------------------------------------------------
def load(path: str | os.PathLike) -> Network:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise NetworkFileError(
                f"the file is {size / 1e6:.0f} MB, far too large to be a network "
                f"(the limit is {MAX_FILE_BYTES // 1_000_000} MB)", path)
        raw = path.read_bytes()
    except IsADirectoryError:
        raise NetworkFileError("is a folder, not a network file", path) from None
    except FileNotFoundError:
        raise NetworkFileError("no such file", path) from None
    except PermissionError:
        raise NetworkFileError("permission denied", path) from None
    except OSError as error:
        raise NetworkFileError(f"could not read: {error.strerror or error}", path) from None
    return loads(raw, path)


def loads(raw: str | bytes, path: str | os.PathLike | None = None) -> Network:
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise NetworkFileError("far too large to be a network", path)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise NetworkFileError(f"not UTF-8 text (bad byte at offset {error.start})", path) from None
    else:
        text = raw
    if not text.strip():
        raise NetworkFileError("the file is empty", path)
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except _DuplicateKey as error:
        raise NetworkFileError(f"the key {str(error)!r} appears twice in one object", path) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        what = "the file ends too early (truncated?)" if error.pos >= len(text.rstrip()) else error.msg
        raise NetworkFileError(f"not valid JSON at {where}: {what}", path) from None
    except RecursionError:
        raise NetworkFileError("the JSON is nested far too deeply", path) from None
    except ValueError as error:  # NaN / Infinity literals, huge integers
        raise NetworkFileError(f"not valid JSON: {error}", path) from None
    try:
        return from_dict(data)
    except ModelError as error:
        raise NetworkFileError(str(error), path) from None


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a network can hold")


def from_dict(data: Any) -> Network:
    """Build a Network from parsed JSON; raises ModelError with a JSON-path-like place."""
    if not isinstance(data, dict):
        raise ModelError(f"expected a JSON object at the top, got {_type_name(data)}")
    if data.get("format") != FORMAT_NAME:
        raise ModelError(f'format: expected "{FORMAT_NAME}", got {_short(data.get("format"))}; '
                         "this is not a neuron-sim network file")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ModelError(f"version: expected a whole number, got {_short(version)}")
    if version > FORMAT_VERSION:
        raise ModelError(f"version {version} is newer than this neuron-sim reads "
                         f"(up to {FORMAT_VERSION}); please update neuron-sim")
    if version < 1:
        raise ModelError(f"version: {version} is not a valid version")
    unknown = sorted(set(data) - set(_TOP_LEVEL))
    if unknown:
        raise ModelError(f"unknown field {unknown[0]!r} at the top level")
    network = Network(**{key: data[key] for key in ("name", "description", "model", "update", "dt_ms")
                         if key in data})
    neurons_data = _list(data, "neurons", MAX_NEURONS)
    synapses_data = _list(data, "synapses", MAX_SYNAPSES)
    allowed = set(_RATE_FIELDS["neuron"]) | set(_RATE_FIELDS["input"]) | set(NEURON_PARAMS)
    neurons = []
    seen: set[str] = set()
    for i, entry in enumerate(neurons_data):
        place = f"neurons[{i}]"
        if not isinstance(entry, dict):
            raise ModelError(f"{place}: expected an object, got {_type_name(entry)}")
        if "id" not in entry:
            raise ModelError(f"{place}: the field 'id' is missing")
        nid = validate_id(entry["id"], f"{place}.id")
        if nid in seen:
            raise ModelError(f"{place}.id: the id {nid!r} is used twice")
        seen.add(nid)
        fields: dict[str, Any] = {}
        for key, value in entry.items():
            if key == "id":
                continue
            if key not in allowed:
                raise ModelError(f"{place}: unknown field {key!r}")
            fields[key] = NEURON_PARAMS[key].validate(value, f"{place}.{key}")
        neuron = Neuron(nid, **fields)
        if neuron.kind == "generator" and network.model != "spiking":
            raise ModelError(f"{place}.kind: generators belong to spiking networks, and this one is "
                             f'"{network.model}"')
        neurons.append(neuron)
    synapses = []
    keys: set[tuple[str, str]] = set()
    kinds = {n.id: n.kind for n in neurons}
    for i, entry in enumerate(synapses_data):
        place = f"synapses[{i}]"
        if not isinstance(entry, dict):
            raise ModelError(f"{place}: expected an object, got {_type_name(entry)}")
        for end in ("source", "target"):
            if end not in entry:
                raise ModelError(f"{place}: the field {end!r} is missing")
            validate_id(entry[end], f"{place}.{end}")
            if entry[end] not in kinds:
                raise ModelError(f"{place}.{end}: no neuron has the id {entry[end]!r}")
        fields = {}
        for key, value in entry.items():
            if key in ("source", "target"):
                continue
            if key not in SYNAPSE_PARAMS:
                raise ModelError(f"{place}: unknown field {key!r}")
            fields[key] = SYNAPSE_PARAMS[key].validate(value, f"{place}.{key}")
        key = (entry["source"], entry["target"])
        if key in keys:
            raise ModelError(f"{place}: {key[0]} → {key[1]} is connected twice")
        if kinds[key[1]] != "neuron":
            raise ModelError(f"{place}.target: {key[1]!r} is an {kinds[key[1]]}, which cannot receive synapses")
        keys.add(key)
        synapses.append(Synapse(key[0], key[1], **fields))
    network.add_all(neurons, synapses)
    return network


def _list(data: dict, key: str, limit: int) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ModelError(f"{key}: expected a list, got {_type_name(value)}")
    if len(value) > limit:
        raise ModelError(f"{key}: {len(value)} entries is more than the {limit:,} a network may hold")
    return value


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return {dict: "an object", list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, float) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
