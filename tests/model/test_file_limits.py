"""The file limits follow what the app can write and what the machine can hold (file_reading.py):
the longest entries the app writes fit MAX_*_ENTRY_BYTES, and the memory a load takes stays under
`loading_memory` of the file's size, for the entries that cost most per byte."""

from __future__ import annotations

import gc
import json
import string
import tracemalloc

import pytest

from neuron_sim.model import Network, Neuron, Synapse, file_reading, limits
from neuron_sim.model.entities import NEURON_PARAMS, SYNAPSE_PARAMS, Stdp
from neuron_sim.model.fileformat import dumps, loads
from neuron_sim.model.notes import MAX_NOTE_TEXT, MAX_NOTES, Note

def longest(spec) -> object:
    """The value of a parameter whose text is longest: 17 digits, negative where it may be."""
    if spec.kind == "int":
        return int(spec.maximum)
    if spec.kind == "choice":
        return max(spec.choices, key=len)
    low, high = spec.minimum, spec.maximum
    return low * 0.98765432109876543 if low < 0 else high * 0.98765432109876543


def longest_network(model: str) -> Network:
    """One neuron of each kind and the longest synapses, every text and number as long as it may be."""
    network = Network(model=model)
    stem = "\uD7FF" * 63  # 3 bytes each in UTF-8
    kinds = ["input", "neuron"] + (["generator"] if model == "spiking" else [])
    numbers = {name: longest(spec) for name, spec in NEURON_PARAMS.items()
               if spec.kind in ("float", "int", "choice") and name != "kind"}
    for i, kind in enumerate(kinds):
        network.add_neuron(Neuron(stem + str(i), kind=kind, label="\x01" * 200,  # written as \u0001: 6 bytes each
                                  position=(-1234567.8901234567, -1234567.8901234567), **numbers))
    network.add_neuron(Neuron(stem + "9", label="\x01" * 200, position=(0.0, 0.0), **numbers))
    weight = longest(SYNAPSE_PARAMS["weight"])
    delay = longest(SYNAPSE_PARAMS["delay_ms"])
    rule = Stdp(A_pre=-0.12345678901234567, A_post=-0.12345678901234567, tau_pre_ms=1234.5678901234567,
                tau_post_ms=1234.5678901234567, w_min=weight, w_max=-weight / 2)
    network.connect(Synapse(stem + "0", stem + "1", weight=weight, delay_ms=delay, plasticity=rule))
    network.connect(Synapse(stem + "0", stem + "9", weight=weight, delay_ms=delay, kind="current_alpha",
                            tau_syn_ms=longest(SYNAPSE_PARAMS["tau_syn_ms"])))
    return network


@pytest.mark.parametrize("model", ["rate", "spiking"])
@pytest.mark.parametrize("tight", [False, True])
def test_the_longest_entries_the_app_writes_fit_the_entry_bounds(model, tight):
    network = longest_network(model)
    lines = [line for line in dumps(network, tight=tight).splitlines() if line.startswith("    {")]
    sizes = [len(line.encode()) + 1 for line in lines]  # with the newline
    neuron_sizes, synapse_sizes = sizes[:len(network)], sizes[len(network):]
    assert max(neuron_sizes) <= file_reading.MAX_NEURON_ENTRY_BYTES
    assert max(neuron_sizes) > 0.9 * file_reading.MAX_NEURON_ENTRY_BYTES  # the bound is not loose
    assert synapse_sizes and max(synapse_sizes) <= file_reading.MAX_SYNAPSE_ENTRY_BYTES
    assert max(synapse_sizes) > 0.9 * file_reading.MAX_SYNAPSE_ENTRY_BYTES


def test_the_longest_note_fits_the_note_bound():
    network = Network()
    network.add_note(Note("\uD7FF" * 64, text="\x01" * MAX_NOTE_TEXT, position=(-1234567.8901234567, -1234567.8901234567),
                          size=(3987.6543210987654, 3987.6543210987654)))
    lines = [line for line in dumps(network).splitlines() if line.startswith("    {")]
    assert 0.9 * file_reading.MAX_NOTE_ENTRY_BYTES < len(lines[0].encode()) + 1 <= file_reading.MAX_NOTE_ENTRY_BYTES


def test_the_largest_file_of_the_most_neurons_synapses_and_notes_fits_the_file_limit():
    head = Network(name="\x01" * 200, description="\x01" * 20_000)
    head_bytes = len(dumps(head).encode())
    assert head_bytes <= file_reading.MAX_HEAD_BYTES
    assert file_reading.MAX_FILE_BYTES >= (limits.MAX_NEURONS * file_reading.MAX_NEURON_ENTRY_BYTES
                                           + limits.MAX_SYNAPSES * file_reading.MAX_SYNAPSE_ENTRY_BYTES
                                           + MAX_NOTES * file_reading.MAX_NOTE_ENTRY_BYTES + head_bytes)


def _peak_of_loading(raw: bytes) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        network = loads(raw)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(network) > 0
    return peak + len(raw)  # and the bytes read from the file


def _document(neurons: list, synapses: list) -> bytes:
    return json.dumps({"format": "neuron-sim", "version": 1, "neurons": neurons, "synapses": synapses},
                      separators=(",", ":")).encode()


IDS = [a + b for a in string.ascii_letters for b in string.ascii_letters]


@pytest.mark.parametrize("case, raw", [
    ("the shortest synapses", lambda: _document([{"id": i} for i in IDS[:800]],
                                                [{"source": s, "target": t} for s in IDS[:200] for t in IDS[:800]])),
    ("synapses with weights", lambda: _document([{"id": i} for i in IDS[:800]],
                                                [{"source": s, "target": t, "weight": 0.25}
                                                 for s in IDS[:200] for t in IDS[:800]])),
    ("the most neurons, the shortest", lambda: _document([{"id": f"{i:x}"} for i in range(limits.MAX_NEURONS)], [])),
])
def test_loading_takes_less_memory_than_the_estimate(case, raw):
    raw = raw()
    assert _peak_of_loading(raw) <= file_reading.loading_memory(len(raw)), case


def test_the_file_limit_follows_the_memory_one_task_may_use(monkeypatch):
    monkeypatch.setattr(file_reading, "memory_limit", lambda: 10**12)
    assert file_reading.file_byte_limit() == file_reading.MAX_FILE_BYTES
    monkeypatch.setattr(file_reading, "memory_limit", lambda: 2_060_000_000)
    assert file_reading.file_byte_limit() == 100_000_000
    assert file_reading.loading_memory(100_000_000) <= 2_060_000_000
