"""What the app writes, it reads back: files are written one entry per line (tighter near the
limit), and a network whose file would pass the loader's size limit is refused before the disk is
touched. A 5.04 MB compact file, edited and saved, once became 12.3 MB of indented JSON that the
5 MB limit then refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.fileformat import MAX_FILE_BYTES, NetworkFileError, dumps, load, loads, save, to_dict

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))


def dense(neurons: int, synapses: int) -> Network:
    network = Network()
    ids = [f"n{i}" for i in range(neurons)]
    for i, nid in enumerate(ids):
        network.add_neuron(Neuron(nid, kind="input" if i < neurons // 2 else "neuron", position=(i % 40 * 50.0, i // 40 * 50.0)))
    sources, targets = ids[: neurons // 2], ids[neurons // 2:]
    count = 0
    for s in sources:
        for t in targets:
            if count == synapses:
                return network
            network.connect(Synapse(s, t, weight=0.5 + count % 7))
            count += 1
    return network


def test_a_near_limit_compact_file_saves_and_opens_again(tmp_path):
    network = dense(1000, 100_000)
    compact = json.dumps(to_dict(network), ensure_ascii=False, separators=(",", ":")).encode()
    assert 4.5e6 < len(compact) <= MAX_FILE_BYTES
    path = tmp_path / "large.json"
    path.write_bytes(compact)
    opened = load(path)
    opened.add_neuron(Neuron("extra", position=(-100.0, -100.0)))  # an edit
    save(opened, path)
    assert path.stat().st_size <= MAX_FILE_BYTES
    assert load(path) == opened
    assert len(json.dumps(to_dict(opened), ensure_ascii=False, indent=2).encode()) > MAX_FILE_BYTES  # as it was


def test_a_network_too_large_for_a_file_is_refused_and_the_old_file_kept(tmp_path):
    network = dense(1000, 150_000)
    path = tmp_path / "large.json"
    path.write_bytes(b"the old file")
    with pytest.raises(NetworkFileError, match=r"large\.json: the network is too large to save: its file would be "
                                               r"[\d.]+ MB, and a network file may be at most 5 MB"):
        save(network, path)
    assert path.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["large.json"]


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
