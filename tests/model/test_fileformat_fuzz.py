"""Fuzzing the loader: whatever the bytes, a valid network or one NetworkFileError, nothing else.

The strategies are in loader_fuzzing.py; tools/fuzz-report.py runs them with many more cases and
records the case count and the slowest case in docs/reliability.md. Here they run derandomized
(the same cases on every run, so CI does not turn red at random) and small enough for CI.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neuron_sim.model import Neuron, Synapse, file_reading
from neuron_sim.model.fileformat import MAX_FILE_BYTES, MAX_NEURONS, MAX_SYNAPSES, NetworkFileError, load, loads
from neuron_sim.model.plain_entries import plain_neuron, plain_synapse

from .loader_fuzzing import HOSTILE_VALUES, STRATEGIES, VALID_DOCUMENTS, check_case, encode, file_like_values

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


# ---- the column-wise fast path for all the neurons agrees with the entry-by-entry check -------------------
def _plain_values(name: str) -> st.SearchStrategy:
    """Values the fast path takes for a field."""
    from neuron_sim.model.entities import NEURON_PARAMS

    if name == "kind":
        return st.sampled_from(["neuron", "input", "generator"])
    if name == "label":
        return st.text(st.characters(max_codepoint=127), max_size=4) | st.just("x" * 200)
    if name == "position":
        return st.lists(st.floats(-1e7, 1e7) | st.integers(-10**7, 10**7), min_size=2, max_size=2)
    spec = NEURON_PARAMS[name]
    return st.floats(spec.minimum, spec.maximum) | st.integers(int(spec.minimum), int(spec.maximum))


def _edge_values(name: str) -> list:
    """Values at the edges of what the fast path takes for a field, and just past them."""
    from neuron_sim.model.entities import NEURON_PARAMS

    if name == "kind":
        return ["neuron", "generator", "Neuron", "neuron "]
    if name == "label":
        return ["", "x" * 200, "x" * 201, "é", "\u0000", "\x7f"]
    if name == "position":
        return [[1e7, -1e7], [-10**7, 10**7], [1e7 + 1, 0], [0, -10**7 - 1], [0], [0, 0, 0], [0, True], (0, 0)]
    spec = NEURON_PARAMS[name]
    return [spec.minimum - 1, spec.maximum + 0.5, -0.0, spec.minimum, spec.maximum, int(spec.maximum),
            float(spec.minimum), spec.maximum * (1 + 1e-16), 2 ** 53 + 1]


PLAIN_NEURON_FIELDS = ["kind", "label", "position", "tau_ms", "v_mV", "threshold", "rate_hz", "v_rest_mV"]
_EDGES = {name: _edge_values(name) for name in PLAIN_NEURON_FIELDS}
_TYPICAL = {"kind": "neuron", "label": "a cell", "position": [60, 0.5], "tau_ms": 20, "v_mV": -65.5, "threshold": 0.5,
            "rate_hz": 20, "v_rest_mV": -70}
OTHER_NEURON_FIELDS = ["seed", "activation", "pattern", "other"]


@st.composite
def neuron_entry_lists(draw) -> list:
    """Lists of neuron entries that share their fields, with valid values mostly, as files hold
    them; now and then a field missing or added, an id used twice or not valid, a hostile value or
    an entry that is not an object."""
    fields = draw(st.lists(st.sampled_from(PLAIN_NEURON_FIELDS), unique=True, max_size=5))
    entries = []
    for i in range(draw(st.integers(0, 8))):
        entry = {"id": f"n{i}" if draw(st.integers(0, 7)) else draw(st.sampled_from(["n0", "n1"]) | file_like_values)}
        entry.update({name: draw(_plain_values(name)) for name in fields})
        if draw(st.integers(0, 5)) == 0:
            name = draw(st.sampled_from(PLAIN_NEURON_FIELDS + OTHER_NEURON_FIELDS))
            if name in entry and draw(st.booleans()):
                del entry[name]
            else:
                entry[name] = draw(file_like_values | st.sampled_from(_EDGES[name]) | _plain_values(name)) \
                    if name in PLAIN_NEURON_FIELDS else draw(file_like_values)
        if draw(st.integers(0, 20)) == 0:
            entry = draw(st.sampled_from([entry["id"], [], {"kind": "neuron"}, None]))
        entries.append(entry)
    return entries


def test_plain_neurons_fast_path_gives_what_the_entry_by_entry_check_gives():
    from neuron_sim.model import ModelError
    from neuron_sim.model.fileformat import _neurons_one_by_one
    from neuron_sim.model.plain_entries import plain_neurons

    taken = {"fast": 0}

    @settings(FUZZ, max_examples=600)
    @given(neuron_entry_lists(), st.sampled_from(["spiking", "rate"]))
    def run(entries, model):
        fast = plain_neurons(entries, model)
        if _alike_with_distinct_ids(entries) and model == "spiking":  # declined only for a value not plain
            plain = all(plain_neuron(entry["id"], entry) is not None for entry in entries)
            assert (fast is not None) == plain, entries
        if fast is None:
            return  # the entry-by-entry check decides (the loader's other tests hold it to its messages)
        try:
            full = list(_neurons_one_by_one(entries, model).values())  # raises if the fast path let a bad one through
        except ModelError as error:
            raise AssertionError(f"the fast path took entries the full check refuses: {error}") from None
        assert fast == full and [repr(neuron) for neuron in fast] == [repr(neuron) for neuron in full]
        for ours, theirs in zip(fast, full):
            assert list(vars(ours)) == list(vars(theirs))  # the same attributes, in the same order
            assert all(type(getattr(ours, name)) is type(getattr(theirs, name)) for name in vars(theirs))
        taken["fast"] += 1

    run()
    assert taken["fast"] >= 100, taken  # the case above is not vacuous


def _alike_with_distinct_ids(entries: list) -> bool:
    ids = [entry.get("id") if type(entry) is dict else None for entry in entries]
    return bool(entries) and all(type(nid) is str and re.fullmatch(r"n\d", nid) for nid in ids) \
        and len(set(ids)) == len(ids) and len({tuple(sorted(entry)) for entry in entries}) == 1


@pytest.mark.parametrize("name", PLAIN_NEURON_FIELDS)
def test_plain_neurons_take_a_field_up_to_its_limits_and_not_past_them(name):
    """Each value at and past the edges of what a field holds, in the middle of plain entries:
    the fast path takes the list exactly when plain_neuron takes every entry."""
    from neuron_sim.model.plain_entries import plain_neurons

    for value in [*_EDGES[name], *HOSTILE_VALUES]:
        entries = [{"id": f"n{i}", name: value if i == 1 else _TYPICAL[name]} for i in range(3)]
        expected = all(plain_neuron(entry["id"], entry) is not None for entry in entries)
        assert (plain_neurons(entries, "spiking") is not None) == expected, (name, value)


def test_plain_neurons_fast_path_takes_the_cells_neuron_sim_writes():
    import numpy as np

    from neuron_sim.model import Network
    from neuron_sim.model.fileformat import _neurons_one_by_one, to_dict
    from neuron_sim.model.plain_entries import plain_neurons

    rng = np.random.default_rng(3)
    network = Network(name="cells", model="spiking")
    network.add_all([Neuron(f"c{i}", label=f"cell {i}" if i % 3 else "", position=(i * 60.0, -0.5 * i),
                            tau_ms=float(rng.choice([20.0, 12.5])), v_rest_mV=-70.0 + i, drive_mV=float(rng.uniform(0, 20)),
                            v_mV=float(rng.uniform(-70, -55)), refractory_ms=0.0) for i in range(40)], [])
    entries = to_dict(network)["neurons"]
    fast = plain_neurons(entries, network.model)
    assert fast is not None and fast == list(network.neurons.values())
    assert fast == list(_neurons_one_by_one(entries, network.model).values())


@pytest.mark.parametrize("change, expected", [
    (lambda entries: entries[3].update(tau_ms=-1), "neurons[3].tau_ms: -1 is below the minimum 0.01"),
    (lambda entries: entries[2].update(tau_ms=True), "neurons[2].tau_ms: expected a number, got true"),
    (lambda entries: entries[4].update(position=[0, float("nan")]), "neurons[4].position"),
    (lambda entries: entries[3].update(id=entries[1]["id"]), "neurons[3].id: the id 'c1' is used twice"),
    (lambda entries: entries[2].update(id="a b"), "neurons[2].id: "),
    (lambda entries: entries[4].update(kind="generator"),
     'neurons[4].kind: generators belong to spiking networks, and this one is "rate"'),
    (lambda entries: entries[1].pop("label"), None),  # another set of fields: each entry on its own
])
def test_a_fault_among_plain_neurons_is_named_by_its_entry(change, expected):
    """The fast path declines a list with one bad entry; the entry-by-entry check names it."""
    entries = [{"id": f"c{i}", "kind": "neuron", "label": f"cell {i}", "position": [i * 60, 0], "tau_ms": 20,
                "threshold": 0.5} for i in range(6)]
    change(entries)
    text = json.dumps(_document(model="rate", neurons=entries), allow_nan=True)
    if expected is None:
        assert list(loads(text).neurons) == [f"c{i}" for i in range(6)]
        return
    with pytest.raises(NetworkFileError) as caught:
        loads(text)
    assert expected in str(caught.value)


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
