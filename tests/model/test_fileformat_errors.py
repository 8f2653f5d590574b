"""The network file: every kind of bad file refused with one error naming the file and the place."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from neuron_sim.model import file_reading, fileformat
from neuron_sim.model.fileformat import (
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    MAX_NESTING,
    MAX_NEURONS,
    NetworkFileError,
    dumps,
    from_dict,
    load,
    loads,
    save,
)

from .fileformat_networks import rate_network, spiking_network

DATA = Path(__file__).resolve().parent.parent / "data"


# ---- bad files -------------------------------------------------------------------------------------
def base_rate() -> dict:
    return json.loads((DATA / "and.json").read_text(encoding="utf-8"))


def base_spiking() -> dict:
    return json.loads((DATA / "spiking-relay.json").read_text(encoding="utf-8"))


def edited(base, change):
    def make():
        data = base()
        change(data)
        return json.dumps(data)
    return make


def setter(path, value):
    """change(data): data[path...] = value, for a path like ("neurons", 2, "threshold")."""
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def replaced(base, old, new):
    def make():
        text = json.dumps(base())
        assert old in text, old
        return text.replace(old, new, 1)
    return make


R, S = base_rate, base_spiking
DEEP_PREFIX = '{"format": "neuron-sim", "neurons": [{"id": "a", "threshold": '
N2 = ("neurons", 2)

# (case name, file content maker, text the message must contain: the place and the reason)
BAD_FILES = [
    # invalid JSON
    ("invalid json", lambda: '{"format": "neuron-sim", "version": 1, "neurons": [}', "line 1, column 52"),
    ("trailing garbage", lambda: json.dumps(R()) + "\n]", "line 2, column 1: Extra data"),
    ("single quotes", lambda: "{'format': 'neuron-sim'}", "line 1, column 2"),
    ("comment", lambda: '{"format": "neuron-sim", // no comments in JSON\n "version": 1}', "line 1, column 26"),
    ("empty", lambda: "", "the file is empty"),
    ("only spaces", lambda: "  \n\t ", "the file is empty"),
    ("not utf-8", lambda: b'{"format": "neuron-sim", "name": "\xff\xfe"}', "not UTF-8 text (bad byte at offset 34)"),
    ("utf-16", lambda: json.dumps(R()).encode("utf-16"), "not UTF-8"),
    ("duplicate key", lambda: '{"format": "neuron-sim", "version": 1, "neurons": [{"id": "a", "threshold": 1, "threshold": 2}]}',
     'neurons[0]: the key "threshold" appears twice'),
    ("duplicate top-level key", lambda: '{"format": "neuron-sim", "version": 1, "version": 1}',
     'the key "version" appears twice'),
    # truncated
    ("truncated in a list", lambda: json.dumps(R())[:200], "the file ends too early (truncated?)"),
    ("truncated in a string", lambda: json.dumps(R())[:20], "line 1, column 12: the file ends too early"),
    ("truncated in a number", lambda: '{"format": "neuron-sim", "version": 1, "dt_ms": 0.', "the file ends too early"),
    ("truncated in a literal", lambda: '{"format": "neuron-sim", "version": 1, "neurons": [{"id": "a", "x": tr',
     "the file ends too early"),
    # wrong top-level shape, format and version
    ("top-level list", lambda: "[1, 2]", "expected a JSON object at the top, got a list"),
    ("top-level string", lambda: '"neuron-sim"', "expected a JSON object at the top, got text"),
    ("top-level null", lambda: "null", "expected a JSON object at the top, got null"),
    ("other format", edited(R, setter(("format",), "graphml")), 'format: expected "neuron-sim", got "graphml"'),
    ("no format", edited(R, lambda d: d.pop("format")), 'format: expected "neuron-sim", got null'),
    ("no version", edited(R, lambda d: d.pop("version")), "version: expected a whole number, got null"),
    ("version as text", edited(R, setter(("version",), "1")), 'version: expected a whole number, got "1"'),
    ("newer version", edited(R, setter(("version",), FORMAT_VERSION + 1)),
     f"version: {FORMAT_VERSION + 1} is newer than this neuron-sim reads (up to {FORMAT_VERSION})"),
    ("version zero", edited(R, setter(("version",), 0)), "version: 0 is not a valid version"),
    ("unknown top-level field", edited(R, setter(("author",), "me")), 'unknown field "author" at the top level'),
    # wrong types
    ("threshold as text", edited(R, setter((*N2, "threshold"), "abc")),
     'neurons[2].threshold: expected a number, got "abc"'),
    ("value as boolean", edited(R, setter(("neurons", 0, "value"), True)),
     "neurons[0].value: expected a number, got true"),
    ("value as null", edited(R, setter(("neurons", 0, "value"), None)),
     "neurons[0].value: expected a number, got null"),
    ("position as text", edited(R, setter(("neurons", 1, "position"), "here")),
     'neurons[1].position: expected [x, y], got "here"'),
    ("position too short", edited(R, setter(("neurons", 1, "position"), [1])), "neurons[1].position: expected [x, y]"),
    ("position with text", edited(R, setter(("neurons", 1, "position"), [1, "2"])),
     'neurons[1].position[1]: expected a number, got "2"'),
    ("label as number", edited(R, setter((*N2, "label"), 7)), "neurons[2].label: expected text, got 7"),
    ("name as number", edited(R, setter(("name",), 7)), "name: expected text, got 7"),
    ("neurons as object", edited(R, setter(("neurons",), {})), "neurons: expected a list, got an object"),
    ("synapses as text", edited(R, setter(("synapses",), "none")), "synapses: expected a list, got text"),
    ("neuron as number", edited(R, setter(("neurons", 1), 5)), "neurons[1]: expected an object, got a number"),
    ("synapse as list", edited(R, setter(("synapses", 0), [])), "synapses[0]: expected an object, got a list"),
    ("weight as text", edited(R, setter(("synapses", 1, "weight"), "1")),
     'synapses[1].weight: expected a number, got "1"'),
    ("seed as fraction", edited(S, setter(("neurons", 0, "seed"), 1.5)),
     "neurons[0].seed: expected a whole number, got 1.5"),
    ("id as number", edited(R, setter(("neurons", 1, "id"), 2)), "neurons[1].id: expected text, got 2"),
    ("id with a space", edited(R, setter(("neurons", 1, "id"), "x 2")), 'neurons[1].id: "x 2" is not a valid id'),
    ("id ending in a line break", edited(R, setter(("neurons", 1, "id"), "x2\n")),
     'neurons[1].id: "x2\\n" is not a valid id'),
    ("id with a lone surrogate", lambda: json.dumps(R()).replace('"id": "x2"', '"id": "x\\ud800"'),
     'neurons[1].id: "x\\ud800" is not a valid id'),
    ("label with a lone surrogate", lambda: json.dumps(R()).replace('"label": "x2"', '"label": "\\udc00"'),
     "neurons[1].label: the text holds an invalid character (U+DC00)"),
    ("label too long", edited(R, setter((*N2, "label"), "y" * 201)), "neurons[2].label: text longer than 200"),
    ("missing id", edited(R, lambda d: d["neurons"][1].pop("id")), "neurons[1]: the field 'id' is missing"),
    ("missing source", edited(R, lambda d: d["synapses"][1].pop("source")),
     "synapses[1]: the field 'source' is missing"),
    ("unknown neuron field", edited(R, setter((*N2, "bias"), 1)), 'neurons[2]: unknown field "bias"'),
    ("unknown synapse field", edited(R, setter(("synapses", 0, "delay"), 1)), 'synapses[0]: unknown field "delay"'),
    # unknown names
    ("unknown kind", edited(R, setter((*N2, "kind"), "glia")),
     'neurons[2].kind: unknown value "glia"; expected one of input, neuron, generator'),
    ("unknown activation", edited(R, setter((*N2, "activation"), "softmax")),
     'neurons[2].activation: unknown value "softmax"; expected one of step, sigmoid, tanh, relu, linear'),
    ("unknown model", edited(R, setter(("model",), "hodgkin-huxley")), 'model: unknown value "hodgkin-huxley"'),
    ("unknown update", edited(R, setter(("update",), "async")), 'update: unknown value "async"'),
    ("unknown pattern", edited(S, setter(("neurons", 0, "pattern"), "burst")), 'neurons[0].pattern: unknown value "burst"'),
    ("generator in a rate network", edited(R, setter(("neurons", 0, "kind"), "generator")),
     'neurons[0].kind: generators belong to spiking networks, and this one is "rate"'),
    # dangling and duplicate ids
    ("dangling source", edited(R, setter(("synapses", 1, "source"), "x3")),
     "synapses[1].source: no neuron has the id 'x3'"),
    ("dangling target", edited(R, setter(("synapses", 0, "target"), "z")),
     "synapses[0].target: no neuron has the id 'z'"),
    ("dangling target of the wrong type", edited(R, setter(("synapses", 0, "target"), ["y"])),
     "synapses[0].target: expected text, got ['y']"),
    ("duplicate neuron id", edited(R, setter(("neurons", 1, "id"), "x1")), "neurons[1].id: the id 'x1' is used twice"),
    ("duplicate synapse", edited(R, lambda d: d["synapses"].append(dict(d["synapses"][0]))),
     "synapses[2]: x1 → y is connected twice"),
    ("synapse into an input", edited(R, lambda d: d["synapses"].append({"source": "y", "target": "x1"})),
     "synapses[2].target: 'x1' is an input, which cannot receive synapses"),
    ("synapse into a generator", edited(S, lambda d: d["synapses"].append({"source": "n1", "target": "g1"})),
     "synapses[1].target: 'g1' is a generator, which cannot receive synapses"),
    # non-finite and out-of-range numbers
    ("NaN threshold", replaced(R, '"threshold": 1.5', '"threshold": NaN'),
     "neurons[2].threshold: expected a finite number, got nan"),
    ("Infinity weight", replaced(R, '"weight": 1', '"weight": Infinity'),
     "synapses[0].weight: expected a finite number, got inf"),
    ("-Infinity position", replaced(R, '"position": [0, 0]', '"position": [-Infinity, 0]'),
     "neurons[0].position[0]: expected a finite number, got -inf"),
    ("1e999 threshold", replaced(R, '"threshold": 1.5', '"threshold": 1e999'),
     "neurons[2].threshold: expected a finite number, got inf"),
    ("-1e999 value", replaced(R, '"value": 0', '"value": -1e999'),
     "neurons[0].value: expected a finite number, got -inf"),
    ("5000-digit threshold", replaced(R, '"threshold": 1.5', '"threshold": 1' + "0" * 5000),
     "neurons[2].threshold: expected a finite number"),
    ("400-digit seed", replaced(S, '"start_ms": 0', '"seed": 1' + "0" * 400),
     "neurons[0].seed: expected a whole number, got inf"),
    ("threshold too large", edited(R, setter((*N2, "threshold"), 1e7)),
     "neurons[2].threshold: 1e+07 is above the maximum 1e+06"),
    ("weight too negative", edited(R, setter(("synapses", 0, "weight"), -1e12)),
     "synapses[0].weight: -1e+12 is below the minimum -1e+06"),
    ("position far away", edited(R, setter(("neurons", 0, "position"), [0, 1e8])),
     "neurons[0].position[1]: 1e+08 is above the maximum 1e+07"),
    ("tau zero", edited(S, setter(("neurons", 1, "tau_ms"), 0)), "neurons[1].tau_ms: 0 is below the minimum 0.01"),
    ("dt too large", edited(S, setter(("dt_ms",), 100)), "dt_ms: 100 is above the maximum 10"),
    ("negative rate", edited(S, setter(("neurons", 0, "rate_hz"), -5)), "neurons[0].rate_hz: -5 is below the minimum 0"),
    ("negative seed", edited(S, setter(("neurons", 0, "seed"), -1)), "neurons[0].seed: -1 is below the minimum 0"),
    ("negative delay", edited(S, setter(("synapses", 0, "delay_ms"), -1)),
     "synapses[0].delay_ms: -1 is below the minimum 0"),
    ("voltage out of range", edited(S, setter(("neurons", 1, "v_mV"), 5000)), "neurons[1].v_mV: 5000 is above"),
    ("description too long", edited(R, setter(("description",), "d" * 20001)),
     "description: text longer than 20000 characters"),
    # nesting
    ("deeply nested value", edited(R, setter((*N2, "threshold"), json.loads("[" * 200 + "]" * 200))),
     "neurons[2].threshold: expected a number, got [[[["),
    ("nested too deep to parse", lambda: DEEP_PREFIX + "[" * 100_000 + "]" * 100_000 + "}]}",
     # The prefix opens 3 levels; the bracket that opens level MAX_NESTING + 1 is the place.
     f"line 1, column {len(DEEP_PREFIX) + MAX_NESTING - 2}: nested more than {MAX_NESTING} levels deep"),
    # sizes
    ("too many neurons", lambda: '{"format": "neuron-sim", "version": 1, "neurons": ['
     + ",".join(["{}"] * (MAX_NEURONS + 1)) + "]}",
     f"neurons: {MAX_NEURONS + 1} entries is more than the {MAX_NEURONS:,} a network may hold"),
]


@pytest.mark.parametrize("make, expected", [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES])
def test_bad_file_gives_one_error_naming_file_and_place(tmp_path, make, expected):
    content = make()
    path = tmp_path / "bad-network.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(NetworkFileError) as caught:
        load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert "\n" not in message and len(message) < 400 + len(str(path))
    assert caught.value.path == str(path)
    assert caught.value.detail == message[len(f"{path}: "):]
    # The same text through loads() gives the same detail, without a file name.
    with pytest.raises(NetworkFileError) as again:
        loads(path.read_bytes())
    assert str(again.value) == caught.value.detail


def test_every_truncation_of_a_file_is_refused(tmp_path):
    text = dumps(rate_network())
    for cut in range(1, len(text.rstrip()), 3):
        path = tmp_path / f"cut-{cut}.json"
        path.write_text(text[:cut], encoding="utf-8")
        with pytest.raises(NetworkFileError) as caught:
            load(path)
        message = str(caught.value)
        assert str(path) in message and "line " in message and "truncated" in message, (cut, message)


def test_file_far_too_large_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    class Unreadable(io.FileIO):
        def read(self, *args):
            raise AssertionError("the file was read")

    def opened_unreadable(descriptor, mode, closefd=True):
        return Unreadable(descriptor, "rb", closefd=closefd)
    monkeypatch.setattr(file_reading, "open", opened_unreadable, raising=False)
    with pytest.raises(NetworkFileError, match=r"huge\.json: the file is \d+ MB, far too large to be a network"):
        load(path)



def test_text_larger_than_this_computer_opens_is_refused_before_it_is_parsed(monkeypatch):
    monkeypatch.setattr(file_reading, "memory_limit", lambda: 100_000_000)  # a 2 MB file limit
    limit = file_reading.file_byte_limit()
    assert 1_000_000 < limit < 3_000_000
    with pytest.raises(NetworkFileError, match=r"the file is 3\.0 MB, and opening it would take about [\d.]+ GB of "
                                               r"memory; at most 0\.1 GB may be used"):
        loads(b" " * 3_000_000)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_device_is_refused_not_read():
    with pytest.raises(NetworkFileError, match="/dev/zero: is not a regular file"):
        load("/dev/zero")


def test_huge_neurons_list_is_refused_before_its_entries_are_checked(tmp_path, monkeypatch):
    path = tmp_path / "many.json"
    path.write_text('{"format": "neuron-sim", "version": 1, "neurons": ['
                    + ",".join(['{"id": "n", "threshold": "not even read"}'] * (MAX_NEURONS + 1)) + "]}")
    monkeypatch.setattr(fileformat, "validate_id", lambda *args: pytest.fail("an entry was checked"))
    with pytest.raises(NetworkFileError, match=r"many\.json: neurons: 100001 entries is more than"):
        load(path)  # refused by its length, before any entry is looked at


def test_json_nesting_too_deep_for_the_parser_is_located():
    text = '{\n  "format": "neuron-sim",\n  "neurons": ' + "[" * 50_000 + "]" * 50_000 + "}"
    with pytest.raises(NetworkFileError) as caught:
        loads(text, "deep.json")
    # Depth 1 is the top object; the list passes MAX_NESTING at its (MAX_NESTING)th bracket.
    assert str(caught.value) == (f"deep.json: not valid JSON at line 3, column {14 + MAX_NESTING - 1}: "
                                 f"nested more than {MAX_NESTING} levels deep")


def test_integers_are_ints_up_to_twenty_digits_and_floats_past_them_however_often_they_come():
    """Integers come from the parser as ints, or as floats past 20 digits, the first time and every
    time after (the reader remembers digits it has seen), and after thousands of different ones."""
    limit = file_reading._Integers.LIMIT
    digits = ["7", "-0", "12345678901234567890", "-12345678901234567890", "123456789012345678901", "1" + "0" * 400,
              *map(str, range(limit + 10))]
    text = "[" + ", ".join(digits * 2 + ["1" + "0" * 4400]) + "]"
    parsed = file_reading.parse_json(text, None)
    expected = [int(d) if len(d) <= 20 else float(d) for d in digits] * 2 + [float("inf")]  # the sign counts
    assert parsed == expected
    assert [type(value) for value in parsed] == [type(value) for value in expected]


@pytest.mark.parametrize("where, expected", [
    ("missing", "no such file"),
    ("folder", "is a folder, not a network file"),
])
def test_unreadable_paths(tmp_path, where, expected):
    path = tmp_path / "missing.json" if where == "missing" else tmp_path
    with pytest.raises(NetworkFileError) as caught:
        load(path)
    assert str(caught.value) == f"{path}: {expected}"


@pytest.mark.permissions
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.json"
    path.write_text("{}")
    path.chmod(0)
    try:
        with pytest.raises(NetworkFileError, match=r"secret\.json: permission denied"):
            load(path)
    finally:
        path.chmod(0o600)


def test_path_with_nul_byte():
    with pytest.raises(NetworkFileError, match="could not read"):
        load("bad\0name.json")


def test_save_into_a_missing_folder_is_a_network_file_error(tmp_path):
    path = tmp_path / "no" / "such" / "folder" / "net.json"
    with pytest.raises(NetworkFileError, match="could not save"):
        save(rate_network(), path)
    assert not path.parent.exists()


def test_save_replaces_atomically(tmp_path):
    path = tmp_path / "net.json"
    save(rate_network(), path)
    save(spiking_network(), path)
    assert load(path) == spiking_network()
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]


def test_nothing_half_loaded_from_dict_errors_are_model_errors():
    from neuron_sim.model import ModelError

    data = base_rate()
    data["synapses"][1]["target"] = "nobody"
    with pytest.raises(ModelError, match=r"synapses\[1\]\.target"):
        from_dict(data)
    assert fileformat.MAX_SYNAPSES >= 1_000_000
