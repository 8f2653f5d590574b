"""The network file: versioned UTF-8 JSON, read all-or-nothing, with errors that name the place.

Loading builds a complete new Network or raises one NetworkFileError; it never executes anything
from the file (plain `json`, no object hooks beyond duplicate-key detection).
"""

from __future__ import annotations

import json
import os
from typing import Any

from neuron_sim.model.atomic_write import write_atomically
from neuron_sim.model.entities import NETWORK_PARAMS, NEURON_PARAMS, SYNAPSE_PARAMS, ModelError, Neuron, Synapse, _show, validate_id
from neuron_sim.model.file_reading import (  # noqa: F401 (MAX_FILE_BYTES, MAX_NESTING: the file's limits, here too)
    MAX_FILE_BYTES,
    MAX_NESTING,
    NetworkFileError,
    check_size,
    decoded_text,
    file_byte_limit,
    parse_json,
    read_named_file,
)
from neuron_sim.model.file_reading import type_name as _type_name
from neuron_sim.model.limits import MAX_NEURONS, MAX_SYNAPSES
from neuron_sim.model.messages import article
from neuron_sim.model.network import Network
from neuron_sim.model.notes import MAX_NOTES, NOTE_PARAMS, Note, validate_note_value
from neuron_sim.model.plain_entries import plain_neuron, plain_neurons, plain_synapse
from neuron_sim.model.synapse_table import TABLE_FROM, TABLE_VERSION, read_table, table_of

FORMAT_NAME = "neuron-sim"
# 2 adds a synapse's "plasticity", 3 the "notes", 4 the synapse table (synapse_table.py); older files
# load unchanged. A file is written as version 3 unless it holds a table, so that neuron-sim
# versions that read up to 3 open every file without one.
FORMAT_VERSION = TABLE_VERSION
LIST_VERSION = 3

# Fields written per kind and model: a file holds what matters for its network (and, beyond that,
# only values that differ from their defaults).
_RATE_FIELDS = {"input": ("value",), "neuron": ("activation", "threshold"), "generator": ()}
_CELL_FIELDS = ("tau_ms", "v_rest_mV", "v_reset_mV", "v_threshold_mV", "refractory_ms", "drive_mV", "v_mV")
_SPIKING_FIELDS = {
    "input": ("value", "rate_hz", "start_ms"),
    "neuron": _CELL_FIELDS,
    "generator": ("pattern", "rate_hz", "start_ms", "seed"),
}
_TOP_LEVEL = ("format", "version", "name", "description", "model", "update", "dt_ms", "neurons", "synapses", "notes")


# ---- writing -----------------------------------------------------------------------------------
def to_dict(network: Network, *, table: bool | None = None) -> dict[str, Any]:
    """The file's content. Fields that matter for the network's model are always written; the
    others only when they differ from their default, so that nothing is lost (a rate network
    whose neurons were once tuned as spiking cells keeps their τ). The synapses are a table
    (version 4) when `table` says so, or by default from TABLE_FROM synapses up; synapses that
    learn are always a list of objects."""
    params = network.params()
    if table is None:
        table = network.synapse_count() >= TABLE_FROM
    columns = network.synapse_columns() if table else None
    if columns is not None and columns.plasticity is not None:
        columns = None
    data: dict[str, Any] = {"format": FORMAT_NAME, "version": LIST_VERSION if columns is None else TABLE_VERSION}
    data.update({key: params[key] for key in ("name", "description", "model")})
    spiking = network.model == "spiking"
    for key, used in (("update", not spiking), ("dt_ms", spiking)):
        if used or params[key] != NETWORK_PARAMS[key].default:
            data[key] = _plain(params[key])
    per_kind = _SPIKING_FIELDS if spiking else _RATE_FIELDS
    neurons = []
    for neuron in network.neurons.values():
        entry: dict[str, Any] = {"id": neuron.id, "kind": neuron.kind, "label": neuron.label,
                                 "position": [_plain(neuron.position[0]), _plain(neuron.position[1])]}
        used = per_kind[neuron.kind]
        for name, spec in NEURON_PARAMS.items():
            if name in entry:
                continue
            value = getattr(neuron, name)
            if value is not None and (name in used or value != spec.default):
                entry[name] = _plain(value)
        neurons.append(entry)
    data["neurons"] = neurons
    if columns is not None:
        data["synapses"] = table_of(columns, spiking)
        if network.notes:
            data["notes"] = [_note_entry(note) for note in network.notes.values()]
        return data
    synapses = []
    for synapse in network.synapses.values():
        entry = {"source": synapse.source, "target": synapse.target, "weight": _plain(synapse.weight)}
        if spiking or synapse.delay_ms != SYNAPSE_PARAMS["delay_ms"].default:
            entry["delay_ms"] = _plain(synapse.delay_ms)
        if synapse.plasticity is not None:
            entry["plasticity"] = {name: _plain(value) for name, value in synapse.plasticity.to_dict().items()}
        for name in ("kind", "tau_syn_ms"):
            value = getattr(synapse, name)
            if value != SYNAPSE_PARAMS[name].default:
                entry[name] = _plain(value)
        synapses.append(entry)
    data["synapses"] = synapses
    if network.notes:
        data["notes"] = [_note_entry(note) for note in network.notes.values()]
    return data


def _note_entry(note: Note) -> dict[str, Any]:
    return {"id": note.id, "text": note.text,
            "position": [_plain(note.position[0]), _plain(note.position[1])],
            "size": [_plain(note.size[0]), _plain(note.size[1])]}


def _plain(value: Any) -> Any:
    """Whole floats as ints keep files readable (1 rather than 1.0)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def dumps(network: Network, *, tight: bool = False, table: bool | None = None) -> str:
    """The file's text: one line per field, neuron and synapse (or column of the synapse table),
    as the examples are written (indenting every field of every entry made files 2.4 times
    larger). `tight` leaves out the spaces after commas and colons inside the entries, for
    networks near the size limit; `table` as to_dict."""
    data = to_dict(network, table=table)
    separators = (",", ":") if tight else (", ", ": ")

    def text(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=separators)

    lines = ["{"]
    for n, (key, value) in enumerate(data.items()):
        comma = "," if n < len(data) - 1 else ""
        if key == "synapses" and isinstance(value, dict):  # the table: a column a line
            lines.append(f'  "{key}": {{')
            lines.extend(f"    {text(name)}: {text(column)}{',' if i < len(value) - 1 else ''}"
                         for i, (name, column) in enumerate(value.items()))
            lines.append(f"  }}{comma}")
        elif key in ("neurons", "synapses", "notes") and value:
            lines.append(f'  "{key}": [')
            lines.extend(f"    {text(entry)}{',' if i < len(value) - 1 else ''}" for i, entry in enumerate(value))
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {text(key)}: {text(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def encode(network: Network) -> bytes:
    """The bytes `save` writes: readable, or tight when that alone fits the size limit. A network
    whose file would be larger than this computer opens (file_byte_limit) is refused, so the app
    never writes a file it cannot open again."""
    limit = file_byte_limit()
    data = dumps(network).encode("utf-8")
    if len(data) > limit:
        data = dumps(network, tight=True).encode("utf-8")
    if len(data) > limit:
        raise NetworkFileError("the network is too large to save: its file would be {size:.1f} MB, and a network "
                               "file may be at most {limit} MB; remove neurons or synapses, or shorten labels",
                               size=len(data) / 1e6, limit=limit // 1_000_000)
    return data


def save(network: Network, path: str | os.PathLike) -> None:
    """Write atomically, keeping the file's permissions and symbolic links (atomic_write.py): on
    failure the file on disk is as it was."""
    try:
        data = encode(network)
    except NetworkFileError as error:
        raise NetworkFileError(error, path) from None
    except ValueError as error:  # a value JSON cannot hold (the model keeps every number finite)
        raise NetworkFileError("could not save: {reason:w}", path, reason=error) from error
    try:
        write_atomically(path, data)
    except OSError as error:
        raise NetworkFileError("could not save: {reason:w}", path, reason=error.strerror or error) from error
    except ValueError as error:  # e.g. a NUL character in the path
        raise NetworkFileError("could not save: {reason:w}", path, reason=error) from error


# ---- reading -----------------------------------------------------------------------------------
def load(path: str | os.PathLike) -> Network:
    path, raw = read_named_file(path)
    return loads(raw, path)


def loads(raw: str | bytes, path: str | os.PathLike | None = None) -> Network:
    text = decoded_text(raw, path)
    data = parse_json(text, path)
    try:
        return from_dict(data)
    except ModelError as error:
        raise NetworkFileError(error, path) from None


def from_dict(data: Any) -> Network:
    """Build a Network from parsed JSON; raises ModelError with a JSON-path-like place."""
    if not isinstance(data, dict):
        raise ModelError("expected a JSON object at the top, got {type:w}", type=_type_name(data))
    if data.get("format") != FORMAT_NAME:
        raise ModelError('expected "{name}", got {value}; this is not a neuron-sim network file', place="format",
                         name=FORMAT_NAME, value=_short(data.get("format")))
    version = data.get("version")
    if isinstance(version, float) and version.is_integer():
        version = int(version)
    if isinstance(version, bool) or not isinstance(version, int):
        raise ModelError("expected a whole number, got {value}", place="version", value=_short(version))
    if version > FORMAT_VERSION:
        raise ModelError("{value} is newer than this neuron-sim reads (up to {newest}); please update neuron-sim",
                         place="version", value=_short(version), newest=FORMAT_VERSION)
    if version < 1:
        raise ModelError("{value} is not a valid version", place="version", value=version)
    unknown = sorted(set(data) - set(_TOP_LEVEL))
    if unknown:
        raise ModelError("unknown field {name} at the top level", name=_short(unknown[0]))
    network = Network(**{key: data[key] for key in ("name", "description", "model", "update", "dt_ms")
                         if key in data})
    neurons_data = _list(data, "neurons", MAX_NEURONS)
    table = data.get("synapses")
    synapses_data = [] if isinstance(table, dict) else _list(data, "synapses", MAX_SYNAPSES)
    neurons = _neurons(neurons_data, network.model)
    if isinstance(table, dict):  # the synapses as columns (synapse_table.py), checked there
        network.adopt_columns(neurons, read_table(table, list(neurons.values()), version))
        network._notes = _notes(data, version)
        return network
    synapses: dict[tuple[str, str], Synapse] = {}
    kinds = {nid: neuron.kind for nid, neuron in neurons.items()}
    for i, entry in enumerate(synapses_data):
        synapse = plain_synapse(entry, kinds)
        if synapse is not None and synapse.key not in synapses:
            synapses[synapse.key] = synapse
            continue
        place = f"synapses[{i}]"
        if not isinstance(entry, dict):
            raise ModelError("expected an object, got {type:w}", place=place, type=_type_name(entry))
        for end in ("source", "target"):
            if end not in entry:
                raise ModelError("the field {name!r} is missing", place=place, name=end)
            if not (isinstance(entry[end], str) and entry[end] in neurons):
                validate_id(entry[end], f"{place}.{end}")  # the wrong type or form, if that is it
                raise ModelError("no neuron has the id {id!r}", place=f"{place}.{end}", id=entry[end])
        key = (entry["source"], entry["target"])
        fields = {name: value for name, value in entry.items() if name not in ("source", "target")}
        if "plasticity" in fields and version < 2:
            raise ModelError("plasticity needs file format version 2 (this file is version {version})",
                             place=f"{place}.plasticity", version=version)
        synapse = _build(Synapse, SYNAPSE_PARAMS, place, fields, *key)
        if key in synapses:
            raise ModelError("{source} → {target} is connected twice", place=place, source=key[0], target=key[1])
        target_kind = neurons[key[1]].kind
        if target_kind != "neuron":
            raise ModelError("{id!r} is {kind:w}, which cannot receive synapses", place=f"{place}.target",
                             id=key[1], kind=article(target_kind))
        synapses[key] = synapse
    # Everything Network.add_all would check has been checked above, with the place in the file.
    network.adopt(neurons, synapses)
    network._notes = _notes(data, version)
    return network


def _neurons(entries: list, model: str) -> dict[str, Neuron]:
    """The neurons of a file's entries by id: all at once when they are plainly valid
    (plain_neurons), else entry by entry, naming the place of the first fault."""
    plain = plain_neurons(entries, model)
    if plain is not None:
        return {neuron.id: neuron for neuron in plain}
    return _neurons_one_by_one(entries, model)


def _neurons_one_by_one(entries: list, model: str) -> dict[str, Neuron]:
    neurons: dict[str, Neuron] = {}
    for i, entry in enumerate(entries):
        place = f"neurons[{i}]"
        nid = _entry_id(entry, place, neurons)
        neuron = plain_neuron(nid, entry)
        if neuron is None:
            fields = {key: value for key, value in entry.items() if key != "id"}
            neuron = _build(Neuron, NEURON_PARAMS, place, fields, nid)
        if neuron.kind == "generator" and model != "spiking":
            raise ModelError('generators belong to spiking networks, and this one is "{model}"',
                             place=f"{place}.kind", model=model)
        neurons[nid] = neuron
    return neurons


def _entry_id(entry: Any, place: str, taken: dict) -> str:
    """The id of a neuron's or a note's entry: an object with a valid id not in `taken`."""
    if not isinstance(entry, dict):
        raise ModelError("expected an object, got {type:w}", place=place, type=_type_name(entry))
    if "id" not in entry:
        raise ModelError("the field 'id' is missing", place=place)
    entry_id = validate_id(entry["id"], f"{place}.id")
    if entry_id in taken:
        raise ModelError("the id {id!r} is used twice", place=f"{place}.id", id=entry_id)
    return entry_id


def _notes(data: dict, version: int) -> dict[str, Note]:
    """The file's notes by id; version 3 brought them."""
    if "notes" in data and version < 3:
        raise ModelError("notes need file format version 3 (this file is version {version})", place="notes",
                         version=version)
    notes: dict[str, Note] = {}
    for i, entry in enumerate(_list(data, "notes", MAX_NOTES)):
        place = f"notes[{i}]"
        note_id = _entry_id(entry, place, notes)
        fields = {}
        for name, value in entry.items():
            if name == "id":
                continue
            if name not in NOTE_PARAMS:
                raise ModelError("unknown field {name}", place=place, name=_short(name))
            fields[name] = validate_note_value(name, value, f"{place}.{name}")
        notes[note_id] = Note(note_id, **fields)
    return notes


def _build(record: type, specs: dict[str, Any], place: str, fields: dict[str, Any], *ids: str) -> Any:
    """A Neuron or Synapse from a file's fields, refused with the place of the first bad one."""
    for name in fields:
        if name not in specs:
            raise ModelError("unknown field {name}", place=place, name=_short(name))
    try:
        return record(*ids, **fields)  # validates every field once
    except ModelError:
        for name, value in fields.items():  # find the field to blame, and say where it is
            specs[name].validate(value, f"{place}.{name}")
        raise


def _list(data: dict, key: str, limit: int) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ModelError("expected a list, got {type:w}", place=key, type=_type_name(value))
    if len(value) > limit:
        raise ModelError("{count} entries is more than the {limit:,} a network may hold", place=key,
                         count=len(value), limit=limit)
    return value


def _short(value: Any) -> str:
    return _show(value)
