"""docs/file-format.md cannot drift from the parameter tables: names, defaults, ranges, units, users."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from neuron_sim.model import file_reading, fileformat
from neuron_sim.model.entities import (
    MAX_COORDINATE,
    MAX_LABEL_LENGTH,
    NETWORK_PARAMS,
    NEURON_PARAMS,
    STDP_PARAMS,
    SYNAPSE_PARAMS,
    ParamSpec,
)
from neuron_sim.model.notes import NOTE_MAX_SIZE, NOTE_MIN_SIZE, NOTE_PARAMS

DOC = Path(__file__).resolve().parents[2] / "docs" / "file-format.md"
TEXT = DOC.read_text(encoding="utf-8")

# Fields of the format that are not parameters: required, or structure.
STRUCTURE = {
    "Top level": {"format", "version", "neurons", "synapses", "notes"},
    "Neurons": {"id"},
    "Synapses": {"source", "target"},
    "Plasticity": {"rule"},
    "Notes": {"id"},
}
TABLES = {"Top level": NETWORK_PARAMS, "Neurons": NEURON_PARAMS, "Synapses": SYNAPSE_PARAMS,
          "Plasticity": STDP_PARAMS, "Notes": NOTE_PARAMS}


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", TEXT, flags=re.M | re.S)
    assert match, f"docs/file-format.md has no section '## {title}'"
    return match.group(1)


def parameter_table(title: str) -> dict[str, dict[str, str]]:
    """The table of a section whose header has a Default column: field name → {column: cell}."""
    lines = [line for line in section(title).splitlines() if line.startswith("|")]
    for start, line in enumerate(lines):
        header = [cell.strip() for cell in line.strip("|").split("|")]
        if "Default" in header:
            break
    else:
        raise AssertionError(f"no parameter table in '## {title}'")
    rows = {}
    for line in lines[start + 2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != len(header):
            break
        name = re.fullmatch(r"`([^`]+)`", cells[0])
        assert name, f"first cell should be a `field`: {line}"
        rows[name.group(1)] = dict(zip(header, cells))
    return rows


def numbers(x: float) -> set[str]:
    """The ways the doc may write a number: 20, 0.1, -70, 1e6, 4294967295."""
    forms = {f"{x:g}"}
    if float(x).is_integer() and abs(x) < 1e15:
        forms.add(str(int(x)))
    if x and float(x).is_integer():
        exponent = math.log10(abs(x))
        if exponent.is_integer() and exponent >= 3:
            forms.add(f"{'-' if x < 0 else ''}1e{int(exponent)}")
    return forms


def rendered_default(spec: ParamSpec) -> set[str]:
    value = spec.default
    if value is None:
        return {"`null`"}
    if isinstance(value, str):
        return {f"`{json.dumps(value)}`"}
    if isinstance(value, tuple):
        return {"`[" + ", ".join(sorted(numbers(v))[0] for v in value) + "]`"}
    return {f"`{form}`" for form in numbers(value)}


ALL = [(title, name) for title, table in TABLES.items() for name in table]


@pytest.mark.parametrize("title, name", ALL, ids=[f"{t}.{n}" for t, n in ALL])
def test_every_parameter_is_documented_with_its_default(title, name):
    spec = TABLES[title][name]
    row = parameter_table(title).get(name)
    assert row is not None, f"{name} is missing from the '{title}' table of docs/file-format.md"
    default_cell = row["Default"]
    assert any(form in default_cell for form in rendered_default(spec)), (
        f"{name}: the doc says the default is {default_cell}, the program says {spec.default!r}")


@pytest.mark.parametrize("title, name", ALL, ids=[f"{t}.{n}" for t, n in ALL])
def test_range_unit_and_users_match(title, name):
    spec = TABLES[title][name]
    row = parameter_table(title)[name]
    rng = row["Range"]
    if spec.kind == "choice":
        for choice in spec.choices:
            assert f'`"{choice}"`' in rng, f"{name}: choice {choice!r} is not documented"
    elif spec.kind == "str":
        limit = int(spec.maximum) if spec.maximum is not None else MAX_LABEL_LENGTH
        assert f"up to {limit} characters" in rng
    elif spec.kind == "plasticity":
        assert "(#plasticity)" in rng and "object or `null`" in row["Type"]
    elif spec.kind == "size":
        assert f"width {NOTE_MIN_SIZE[0]:g} … {NOTE_MAX_SIZE[0]:g}" in rng
        assert f"height {NOTE_MIN_SIZE[1]:g} … {NOTE_MAX_SIZE[1]:g}" in rng
    elif spec.kind == "position":
        assert any(f"{lo} … {hi}" in rng for lo in numbers(-MAX_COORDINATE) for hi in numbers(MAX_COORDINATE))
    else:
        assert spec.minimum is not None and spec.maximum is not None
        assert any(f"{lo} … {hi}" in rng for lo in numbers(spec.minimum) for hi in numbers(spec.maximum)), (
            f"{name}: the doc says the range is {rng}, the program says {spec.minimum:g} … {spec.maximum:g}")
        kind_word = "whole number" if spec.kind == "int" else "number"
        assert row["Type"].startswith(kind_word)
    if spec.unit:
        assert spec.unit in row["Unit"], f"{name}: unit {spec.unit} is not documented"
    if spec.applies_to:
        assert row["Used by"] == spec.applies_to, f"{name}: used by {spec.applies_to!r}"


@pytest.mark.parametrize("title", TABLES)
def test_tables_hold_nothing_the_program_does_not_know(title):
    documented = set(parameter_table(title))
    assert documented == set(TABLES[title]) | STRUCTURE[title]


def test_top_level_fields_are_the_ones_the_reader_accepts():
    assert set(parameter_table("Top level")) == set(fileformat._TOP_LEVEL)


def test_limits_and_version_are_stated():
    limits = section("Limits")
    assert f"{fileformat.MAX_FILE_BYTES:,} bytes" in limits
    assert f"{fileformat.MAX_FILE_BYTES / 1e9:.2f} GB" in limits
    assert f"{file_reading.MAX_NEURON_ENTRY_BYTES:,} bytes" in limits
    assert f"{file_reading.MAX_SYNAPSE_ENTRY_BYTES:,} bytes" in limits
    assert f"{file_reading.MAX_HEAD_BYTES:,} bytes" in limits
    assert f"{file_reading.MAX_NOTE_ENTRY_BYTES:,} bytes" in limits
    assert f"{file_reading.LOADING_BYTES_PER_FILE_BYTE} bytes of memory per byte of file" in limits
    assert f"{file_reading.LOADING_NEURON_BYTES // 1_000_000} MB for the neurons" in limits
    assert f"{fileformat.MAX_NEURONS:,} neurons" in limits
    assert f"{fileformat.MAX_SYNAPSES:,} synapses" in limits
    assert f"passes {fileformat.MAX_NESTING} levels" in limits
    assert f"writes version **{fileformat.FORMAT_VERSION}**" in section("Versioning")
    assert f"at most\n{fileformat.MAX_NOTES:,} notes" in section("Notes")


def test_json_examples_in_the_doc_load():
    blocks = re.findall(r"```json\n(.*?)```", TEXT, flags=re.S)
    assert len(blocks) >= 2
    models = {fileformat.loads(block).model for block in blocks}
    assert models == {"rate", "spiking"}


def test_spiking_example_states_the_defaults():
    # The spiking example spells out the default cell parameters; they must be the defaults.
    spiking = next(b for b in re.findall(r"```json\n(.*?)```", TEXT, flags=re.S) if '"spiking"' in b)
    cell = next(n for n in json.loads(spiking)["neurons"] if n["kind"] == "neuron")
    for name, value in cell.items():
        if name in NEURON_PARAMS and name not in ("kind", "label", "position"):
            assert value == NEURON_PARAMS[name].default, name
