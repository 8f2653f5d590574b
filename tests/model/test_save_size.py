"""What the app writes, it reads back: files are written one entry per line (tighter near the
limit), the limits follow what the app can build, and a network whose file would pass what this
computer opens is refused before the disk is touched. A 5.04 MB compact file, edited and saved, once
became 12.3 MB of indented JSON that a fixed 5 MB limit then refused; a network built with Add
layer and Connect all was saved as 12 MB and could not be opened again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from neuron_sim.model import Network, file_reading
from neuron_sim.model.editing import connect_all_plan, layer_plan
from neuron_sim.model.fileformat import NetworkFileError, dumps, load, loads, save

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))


def built_as_in_the_app(left: int, right: int) -> Network:
    """Add layer (at most 256 neurons each) until a column of `left` sigmoid units stands at x = 0,
    one of `right` at x = 400, then Connect all: what the Edit menu makes."""
    network = Network(name="built")
    for x, count in ((0.0, left), (400.0, right)):
        placed = 0
        while placed < count:
            size = min(256, count - placed)
            network.add_all(layer_plan(network, size, "neuron", "sigmoid", x, placed * 60.0), [])
            placed += size
    network.add_all([], connect_all_plan(network, list(network.neurons)))
    return network


def test_a_network_built_with_add_layer_and_connect_all_saves_and_opens_again(tmp_path):
    network = built_as_in_the_app(1000, 100)
    assert len(network) == 1100 and len(network.synapses) == 100_000
    path = tmp_path / "built.json"
    path.write_text(dumps(network, table=False), encoding="utf-8")  # as a list of synapse objects
    assert path.stat().st_size > 5 * 1024 * 1024  # past the old fixed limit
    assert load(path) == network
    save(network, path)  # as a synapse table (from 10,000 synapses up)
    assert json.loads(path.read_bytes())["version"] == 4
    opened = load(path)
    assert opened == network
    opened.add_all(layer_plan(opened, 3, "neuron", "sigmoid", 800.0, 0.0), [])  # an edit, saved again
    save(opened, path)
    assert load(path) == opened


def test_a_network_too_large_for_this_computer_is_refused_and_the_old_file_kept(tmp_path, monkeypatch):
    network = built_as_in_the_app(300, 400)  # 120,000 synapses: a 1.6 MB table
    monkeypatch.setattr(file_reading, "memory_limit", lambda: 80_000_000)  # files of up to 1 MB
    path = tmp_path / "large.json"
    path.write_bytes(b"the old file")
    with pytest.raises(NetworkFileError, match=r"large\.json: the network is too large to save: its file would be "
                                               r"[\d.]+ MB, and a network file may be at most 1 MB"):
        save(network, path)
    assert path.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["large.json"]


def test_near_the_limit_the_file_is_written_tight(tmp_path, monkeypatch):
    network = built_as_in_the_app(300, 30)
    readable, tight = len(dumps(network).encode()), len(dumps(network, tight=True).encode())
    assert tight < readable
    limit = (tight + readable) // 2
    monkeypatch.setattr(file_reading, "memory_limit",
                        lambda: limit * file_reading.LOADING_BYTES_PER_FILE_BYTE + file_reading.LOADING_NEURON_BYTES)
    assert file_reading.file_byte_limit() == limit
    path = tmp_path / "tight.json"
    save(network, path)
    assert path.stat().st_size == tight
    assert load(path) == network


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_files_are_written_as_the_examples_are(path):
    """One line per field, neuron and synapse, as the shipped examples are written."""
    network = load(path)
    text = dumps(network)
    assert loads(text) == network
    entries = [line for line in text.splitlines() if line.startswith("    {")]
    assert len(entries) == len(network.neurons) + len(network.synapses)
    assert all(json.loads(line.rstrip(",")) for line in entries)
    assert loads(dumps(network, tight=True)) == network
