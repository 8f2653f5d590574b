"""Hostile inputs for the file loader, shared by the fuzz tests and tools/fuzz-report.py.

Each strategy produces the bytes of a would-be network file. The contract under test (`check_case`):
loading ends in a valid Network or a NetworkFileError, never another exception, and a network that
loads saves as strict JSON and loads back equal.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from neuron_sim.model import ModelError, Network, run_memory
from neuron_sim.model.fileformat import MAX_NESTING, NetworkFileError, dumps, loads, to_dict

ROOT = Path(__file__).resolve().parents[2]
VALID_FILES = sorted([*ROOT.glob("resources/examples/*.json"), *ROOT.glob("tests/data/*.json")])
VALID_DOCUMENTS = [json.loads(path.read_text(encoding="utf-8")) for path in VALID_FILES]

# Values that broke loaders elsewhere: non-finite and huge numbers, numbers as text, wrong types,
# ids of other kinds, huge integers Python cannot turn into floats.
HOSTILE_VALUES = [
    float("nan"), float("inf"), -float("inf"), 1e308, -1e308, 5e-324, 10**30, 2**64, 10**400, -1, 0,
    1.5, True, False, None, "", "1", "1e3", "NaN", "x1", "neuron", "input", "generator", "spiking",
    "sigmoid", "\u0000", "\ud800", "가", "a" * 300, [], [1, 2], [float("nan"), 0], [1e308, -1e308],
    {}, {"id": "x1"}, {"source": "x1", "target": "y"},
]

json_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children,
                                                                      max_size=5),
    max_leaves=25)

# Keys a network file uses: random objects built from them get further than random keys do.
FILE_KEYS = ["format", "version", "name", "model", "update", "dt_ms", "neurons", "synapses", "id", "kind",
             "label", "position", "value", "activation", "threshold", "tau_ms", "v_mV", "pattern",
             "rate_hz", "seed", "source", "target", "weight", "delay_ms", "notes", "text", "size"]
file_like_values = st.recursive(
    st.sampled_from(HOSTILE_VALUES) | st.floats() | st.integers() | st.text(max_size=6),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(FILE_KEYS), children,
                                                                      max_size=6),
    max_leaves=12)


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*path, i))
    return found


MUTATIONS = ("hostile value", "random value", "drop", "duplicate entry", "swap types", "duplicate id",
             "dangling synapse")


@st.composite
def mutated_documents(draw) -> Any:
    """A valid file with 1–5 mutations: values replaced, fields dropped, entries duplicated, …"""
    document = copy.deepcopy(draw(st.sampled_from(VALID_DOCUMENTS)))
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(MUTATIONS))
        if kind == "duplicate id" and document.get("neurons"):
            neurons = document["neurons"]
            if isinstance(neurons, list) and neurons and isinstance(neurons[0], dict):
                neurons.append(copy.deepcopy(neurons[draw(st.integers(0, len(neurons) - 1))]))
            continue
        if kind == "dangling synapse" and isinstance(document.get("synapses"), list):
            document["synapses"].append({"source": draw(st.sampled_from(["x1", "ghost", "y"])),
                                         "target": draw(st.sampled_from(["y", "ghost", "x1"]))})
            continue
        paths = [p for p in _paths(document) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        if kind == "hostile value":
            parent[key] = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
        elif kind == "random value":
            parent[key] = copy.deepcopy(draw(file_like_values))
        elif kind == "drop":
            del parent[key]
        elif kind == "duplicate entry" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif kind == "swap types":
            value = parent[key]
            swapped = {str: 1, int: "1", float: [value], bool: "true", list: {}, dict: [], type(None): 0}
            parent[key] = swapped.get(type(value), None)
    return document


def encode(document: Any) -> bytes:
    """JSON text as Python writes it, NaN and Infinity included (the loader must refuse them);
    lone surrogates go out as their escapes."""
    return json.dumps(document, allow_nan=True).encode("utf-8")


mutated_files = mutated_documents().map(encode)
random_json_files = json_values.map(encode)
random_network_shaped_files = st.builds(
    lambda neurons, synapses, extra: encode({"format": "neuron-sim", "version": 1, **extra,
                                             "neurons": neurons, "synapses": synapses}),
    st.lists(st.dictionaries(st.sampled_from(FILE_KEYS), file_like_values, max_size=6), max_size=4),
    st.lists(st.dictionaries(st.sampled_from(FILE_KEYS), file_like_values, max_size=4), max_size=4),
    st.dictionaries(st.sampled_from(["name", "model", "update", "dt_ms", "description"]), file_like_values,
                    max_size=3))


@st.composite
def corrupted_bytes(draw) -> bytes:
    """A valid file with bytes flipped, cut, or invalid UTF-8 put in."""
    data = bytearray(VALID_FILES[draw(st.integers(0, len(VALID_FILES) - 1))].read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "invalid utf-8", "cut", "insert"]))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "invalid utf-8":
            data[at:at] = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe2\x82", b"\x80"]))
        elif kind == "cut":
            del data[at:]
            if not data:
                break
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
    return bytes(data)


random_bytes = st.binary(max_size=400)


@st.composite
def deeply_nested(draw) -> bytes:
    """Lists and objects nested around and beyond the parser's depth limit, in a file's fields."""
    depth = draw(st.sampled_from([MAX_NESTING - 5, MAX_NESTING, MAX_NESTING + 1, 1000, 100_000]))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
    inner = opener * depth + ("1" if opener != "[" else "") + closer * depth
    where = draw(st.sampled_from(["top", "neurons", "position", "name"]))
    if where == "top":
        return inner.encode()
    if where == "neurons":
        return ('{"format": "neuron-sim", "version": 1, "neurons": ' + inner + "}").encode()
    if where == "position":
        return ('{"format": "neuron-sim", "version": 1, "neurons": [{"id": "a", "position": '
                + inner + "}]}").encode()
    return ('{"format": "neuron-sim", "version": 1, "name": ' + inner + "}").encode()


# Text that a widget guessing rich text would interpret: images read from devices, links, tags,
# entities, Qt's own markers, format placeholders, bidi and zero-width characters.
MARKUP_TEXTS = [
    "<img src=/dev/zero>", "<img src='file:///dev/urandom' width=99999 height=99999>",
    '<a href="https://example.com">click</a>', "<script>alert(1)</script>", "<b>bold</b>", "<qt>rich",
    "<table><tr><td>" * 50, "&lt;img&gt;", "&#x3C;b&#x3E;", "<!--", "<style>*{font-size:999px}</style>",
    "{label}", "{0}", "%1", "%n", "{kind:w}", "\u202eevil", "a\u200bb", "<h1>가</h1>",
]
TEXT_FIELDS = ("name", "description")


@st.composite
def markup_documents(draw) -> Any:
    """A valid file whose every text field holds markup: the network's name and description, every
    label, notes' texts, and, as values that must be refused by name, the activation and kind."""
    document = copy.deepcopy(draw(st.sampled_from(VALID_DOCUMENTS)))
    markup = st.sampled_from(MARKUP_TEXTS) | st.builds("".join, st.lists(st.sampled_from(MARKUP_TEXTS), max_size=4))
    for field in TEXT_FIELDS:
        document[field] = draw(markup)
    for neuron in document.get("neurons", []):
        neuron["label"] = draw(markup)
    # Notes are the teacher's text and may hold anything but a lone surrogate; they came in version 3.
    document["version"] = 3
    document["notes"] = [{"id": f"note{i + 1}", "text": draw(markup), "position": [i * 50, -80],
                          "size": [draw(st.sampled_from([40, 200, 4000])), 60]}
                         for i in range(draw(st.integers(0, 3)))]
    neurons = document.get("neurons", [])
    if neurons and draw(st.booleans()):
        field = draw(st.sampled_from(["activation", "kind", "pattern"]))
        draw(st.sampled_from(neurons))[field] = draw(markup)
    return document


# Values inside the format's ranges that ask for the most work: the finest time step, the longest
# delays, cells that can fire every step, the fastest sources, the farthest and the same positions.
HEAVY_NETWORK = {"dt_ms": [0.001, 0.01, 0.1, 10], "delay_ms": [0, 0.001, 10, 1000, 1e4],
                 "refractory_ms": [0, 1e4], "drive_mV": [1000, -1000, 0], "rate_hz": [5000, 0, 20],
                 "coordinate": [1e7, -1e7, 0, 0.5]}


@st.composite
def heavy_documents(draw) -> Any:
    """A small file (a few hundred bytes to a few hundred KB) that asks for a huge run or figure."""
    spiking = draw(st.booleans())
    count = draw(st.sampled_from([1, 2, 5, 40, 400]))
    fan_out = draw(st.sampled_from([0, 1, 3, 10]))
    pile = draw(st.booleans())
    neurons = []
    for i in range(count):
        neuron = {"id": f"n{i}", "kind": "neuron" if i or not spiking else draw(st.sampled_from(["generator", "input"])),
                  "position": [0, 0] if pile else [draw(st.sampled_from(HEAVY_NETWORK["coordinate"])),
                                                   draw(st.sampled_from(HEAVY_NETWORK["coordinate"]))]}
        if spiking and neuron["kind"] == "neuron":
            neuron["refractory_ms"] = draw(st.sampled_from(HEAVY_NETWORK["refractory_ms"]))
            neuron["drive_mV"] = draw(st.sampled_from(HEAVY_NETWORK["drive_mV"]))
        elif spiking:
            neuron["rate_hz"] = draw(st.sampled_from(HEAVY_NETWORK["rate_hz"]))
            neuron["value"] = 1
        neurons.append(neuron)
    delay = draw(st.sampled_from(HEAVY_NETWORK["delay_ms"]))
    synapses = [{"source": f"n{i}", "target": f"n{(i + j) % count}", "weight": 1000,
                 **({"delay_ms": delay} if spiking else {})}
                for i in range(count) for j in range(1, min(fan_out, count - 1) + 1) if (i + j) % count]
    document = {"format": "neuron-sim", "version": 1, "model": "spiking" if spiking else "rate",
                "neurons": neurons, "synapses": synapses}
    if spiking:
        document["dt_ms"] = draw(st.sampled_from(HEAVY_NETWORK["dt_ms"]))
    else:
        document["update"] = draw(st.sampled_from(["feedforward", "synchronous"]))
    return document


STRATEGIES = {
    "mutations of valid files": mutated_files,
    "random JSON": random_json_files,
    "random network-shaped JSON": random_network_shaped_files,
    "corrupted bytes and invalid UTF-8": corrupted_bytes(),
    "random bytes": random_bytes,
    "deep nesting": deeply_nested(),
    "markup in every text field": markup_documents().map(encode),
    "small files that ask for huge runs or figures": heavy_documents().map(encode),
}

# Steps a run is asked for: the default, a short run, and the most the command line takes.
REQUESTED_STEPS = (None, 100, 10_000_000)


def check_case(raw: bytes) -> Network | None:
    """The loader's contract for one input; returns the network, or None if it was refused."""
    try:
        network = loads(raw)
    except NetworkFileError as error:
        message = str(error)
        assert message and "\n" not in message, repr(message)
        return None
    assert isinstance(network, Network)
    for steps in REQUESTED_STEPS:  # decided from the network alone, before any memory is spent
        try:
            run_memory.check(network, steps, table_rows=1000, keep_spikes=True)
        except ModelError as error:
            assert "this run would need about" in str(error) and "\n" not in str(error)
    text = dumps(network)
    json.loads(text, parse_constant=_no_constants)  # strict JSON: no NaN or Infinity written
    assert loads(text) == network
    assert to_dict(loads(text)) == to_dict(network)
    return network


def _no_constants(name: str) -> None:
    raise AssertionError(f"the saved file holds {name}")
