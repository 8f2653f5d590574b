"""Fuzzing the loader: whatever the bytes, a valid network or one NetworkFileError, nothing else.

The strategies are in loader_fuzzing.py; tools/fuzz-report.py runs them with many more cases and
records the case count and the slowest case in docs/reliability.md. Here they run derandomized
(the same cases on every run, so CI does not turn red at random) and small enough for CI.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neuron_sim.model import Neuron, Synapse, file_reading
from neuron_sim.model.fileformat import MAX_FILE_BYTES, MAX_NEURONS, MAX_SYNAPSES, NetworkFileError, load, loads
from neuron_sim.model.plain_entries import plain_neuron, plain_synapse

from .loader_fuzzing import STRATEGIES, VALID_DOCUMENTS, check_case, encode, file_like_values

FUZZ = settings(max_examples=150, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("name", list(STRATEGIES))
def test_loader_gives_a_network_or_a_network_file_error(name):
    @FUZZ
    @given(STRATEGIES[name])
    def run(raw):
        check_case(raw)

    run()


def test_the_fuzzing_reaches_both_outcomes():
    """The mutations keep some files valid (so the round trip is exercised) and break others."""
    outcomes = {"valid": 0, "refused": 0}

    # Twice the draws of the other cases: how many stay valid depends on which shipped files are drawn.
    @settings(FUZZ, max_examples=300)
    @given(STRATEGIES["mutations of valid files"])
    def run(raw):
        outcomes["valid" if check_case(raw) else "refused"] += 1

    run()
    assert outcomes["valid"] >= 5 and outcomes["refused"] >= 50, outcomes


def test_every_valid_document_loads():
    for document in VALID_DOCUMENTS:
        assert check_case(encode(document)) is not None


# ---- the fast path for plain synapses agrees with the full check ---------------------------------------
KINDS = {"x1": "input", "y": "neuron", "z": "neuron", "g": "generator"}


@FUZZ
@given(st.dictionaries(st.sampled_from(["source", "target", "weight", "delay_ms", "other"]),
                       st.sampled_from(list(KINDS) + ["ghost"]) | file_like_values, max_size=5))
def test_plain_synapse_fast_path_accepts_only_what_the_full_check_accepts(entry):
    fast = plain_synapse(entry, KINDS)
    if fast is None:
        return
    full = Synapse(**entry)  # raises if the fast path let a bad value through
    assert KINDS[full.target] == "neuron" and full.source in KINDS
    assert fast == full
    assert type(fast.weight) is float and type(fast.delay_ms) is float


NEURON_FIELDS = ["kind", "label", "position", "tau_ms", "v_mV", "threshold", "rate_hz", "seed", "activation", "other"]


@FUZZ
@given(st.dictionaries(st.sampled_from(NEURON_FIELDS),
                       st.sampled_from(["neuron", "input", "generator", "x", [0, 1], [1e7, -1e7], [1e8, 0]])
                       | file_like_values, max_size=6))
def test_plain_neuron_fast_path_accepts_only_what_the_full_check_accepts_and_makes_the_same_neuron(entry):
    fast = plain_neuron("n1", entry)
    if fast is None:
        return
    full = Neuron("n1", **entry)  # raises if the fast path let a bad value through
    assert fast == full and repr(fast) == repr(full)
    assert all(type(getattr(fast, name)) is type(getattr(full, name)) for name in vars(full))


def test_plain_neuron_fast_path_takes_the_entries_neuron_sim_writes():
    entry = {"id": "c0", "kind": "neuron", "label": "c0", "position": [60, 0], "tau_ms": 20, "v_rest_mV": -70,
             "drive_mV": 16.3, "v_mV": -67.2}
    assert plain_neuron("c0", entry) == Neuron("c0", label="c0", position=(60, 0), tau_ms=20, v_rest_mV=-70,
                                               drive_mV=16.3, v_mV=-67.2)


# ---- sizes: huge arrays, huge files ---------------------------------------------------------------------
def _document(**fields) -> dict:
    return {"format": "neuron-sim", "version": 1, **fields}


@pytest.mark.parametrize("case, make, expected", [
    ("half a million numbers as the network", lambda: "[" + ",".join(["1e308"] * 500_000) + "]",
     "expected a JSON object at the top, got a list"),
    ("too many neurons", lambda: json.dumps(_document(neurons=[{}] * (MAX_NEURONS + 1))),
     f"neurons: {MAX_NEURONS + 1} entries is more than the {MAX_NEURONS:,}"),
    ("too many synapses", lambda: json.dumps(_document(synapses=[0] * (MAX_SYNAPSES + 1)), separators=(",", ":")),
     f"synapses: {MAX_SYNAPSES + 1} entries is more than the {MAX_SYNAPSES:,}"),
    ("a position of a million numbers", lambda: json.dumps(
        _document(neurons=[{"id": "a", "position": [0] * 1_000_000}])), "neurons[0].position: expected [x, y]"),
    ("a label of a million letters", lambda: json.dumps(_document(neurons=[{"id": "a", "label": "가" * 1_000_000}]),
                                                   ensure_ascii=False),
     "neurons[0].label: text longer than 200 characters"),
    ("a 4000-digit number", lambda: json.dumps(_document(neurons=[{"id": "a", "threshold": 10**4000}])),
     "neurons[0].threshold: expected a finite number, got inf"),
    ("a thousand-digit id", lambda: json.dumps(_document(neurons=[{"id": "1" * 1000}])),
     "neurons[0].id:"),
])
def test_huge_values_are_refused_with_the_place(case, make, expected):
    with pytest.raises(NetworkFileError) as caught:
        loads(make().encode())
    assert expected in str(caught.value), case


def test_a_hundred_megabyte_file_is_refused(tmp_path, monkeypatch):
    """A real 100 MB file (not sparse): a valid start, then a huge description, on a computer that
    opens files of up to 47 MB."""
    monkeypatch.setattr(file_reading, "memory_limit", lambda: 1_000_000_000)
    path = tmp_path / "huge.json"
    start = b'{"format": "neuron-sim", "version": 1, "description": "'
    with open(path, "wb") as handle:
        handle.write(start)
        block = b"a" * (1 << 20)
        for _ in range(100):
            handle.write(block)
        handle.write(b'"}')
    assert path.stat().st_size > 100 * 10**6
    with pytest.raises(NetworkFileError) as caught:
        load(path)
    assert str(caught.value) == (f"{path}: the file is 104.9 MB, and opening it would take about 2.2 GB of memory; "
                                 f"at most 1.0 GB may be used (half of this computer's memory). Open it on a computer "
                                 f"with more memory, or save the network there with fewer synapses")


def test_largest_accepted_file_loads_and_one_bad_entry_at_its_end_is_found(tmp_path):
    """Just under the size limit, every synapse valid but the last: the loader reads to the end."""
    ids = [f"n{i}" for i in range(300)]
    synapses = [{"source": s, "target": t, "weight": 0.5} for s in ids[:200] for t in ids]
    document = _document(neurons=[{"id": nid} for nid in ids], synapses=synapses)
    text = json.dumps(document, separators=(",", ":"))
    assert len(text) < MAX_FILE_BYTES
    network = loads(text)
    assert len(network.synapses) == 60_000 and network.synapses[("n3", "n7")].weight == 0.5
    synapses[-1] = {"source": "n0", "target": "n1", "weight": math.inf}
    with pytest.raises(NetworkFileError) as caught:
        loads(json.dumps(document, allow_nan=True))
    assert "synapses[59999].weight: expected a finite number, got inf" in str(caught.value)
    synapses[-1] = dict(synapses[0])
    with pytest.raises(NetworkFileError, match=r"synapses\[59999\]: n0 → n0 is connected twice"):
        loads(json.dumps(document))


def test_messages_of_refused_files_are_one_line():
    for raw in [b'{"format": "neuron-sim", "version": 1, "name": "a\\nb", "neurons": 1}',
                b'{"format": "neuron-sim", "version": 1, "neurons": [{"id": "a\\nb"}]}',
                b'{"format": "neuron-sim", "version": 1, "neurons": [{"id": "a", "\\n": 1}]}',
                b'{"format": "neuron-sim", "version": "\\ud800"}']:
        with pytest.raises(NetworkFileError) as caught:
            loads(raw)
        assert "\n" not in str(caught.value)



def test_markup_is_kept_as_written_or_refused_by_name():
    """Labels, names and descriptions hold markup as plain text (the UI shows it as such:
    tests/ui/test_plain_text.py); a markup activation or kind is refused with a one-line message."""
    from .loader_fuzzing import markup_documents

    outcomes = {"valid": 0, "refused": 0}

    @FUZZ
    @given(markup_documents())
    def run(document):
        network = check_case(encode(document))
        if network is None:
            outcomes["refused"] += 1
            return
        outcomes["valid"] += 1
        assert network.name == document["name"] and network.description == document["description"]
        for entry in document["neurons"]:
            assert network.neurons[entry["id"]].label == (entry["label"] or entry["id"])  # empty: the id
        assert [note.text for note in network.notes.values()] == [entry["text"] for entry in document["notes"]]

    run()
    assert outcomes["valid"] >= 50 and outcomes["refused"] >= 5, outcomes


def test_small_files_asking_for_huge_runs_are_refused_or_run():
    """A run the estimate accepts really runs (a short one, here); one it refuses says why."""
    import io

    from neuron_sim.model import ModelError
    from neuron_sim.model.simulate import write_simulation

    from .loader_fuzzing import heavy_documents

    outcomes = {"ran": 0, "refused": 0}

    @FUZZ
    @given(heavy_documents())
    def run(document):
        network = check_case(encode(document))
        assert network is not None  # inside the format's ranges: always a valid file
        try:
            out = io.StringIO()
            write_simulation(network, 20, out)
        except ModelError as error:
            assert "\n" not in str(error)
            outcomes["refused"] += 1
            return
        json.loads(out.getvalue())
        outcomes["ran"] += 1

    run()
    assert outcomes["ran"] >= 50, outcomes
