"""Notes on the canvas in the model: records, edits with events, equality and copies, the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from neuron_sim.model import ModelError, Network, Neuron, Note
from neuron_sim.model.fileformat import LIST_VERSION, NetworkFileError, dumps, load, loads, save
from neuron_sim.model.notes import DEFAULT_NOTE_SIZE, MAX_NOTE_TEXT, MAX_NOTES

DATA = Path(__file__).resolve().parent.parent / "data"


def recorded(network: Network) -> list[tuple]:
    events: list[tuple] = []
    e = network.events
    e.note_added.connect(lambda nid: events.append(("added", nid)))
    e.note_removed.connect(lambda nid: events.append(("removed", nid)))
    e.note_changed.connect(lambda nid, name, value: events.append(("changed", nid, name, value)))
    return events


def test_a_note_holds_plain_text_a_corner_and_a_size():
    note = Note("note1", "line one\nline <b>two</b>", (10, -20), [300, 90])
    assert note.text == "line one\nline <b>two</b>"
    assert note.position == (10.0, -20.0) and note.size == (300.0, 90.0)
    assert Note("n").size == DEFAULT_NOTE_SIZE and Note("n").text == ""


@pytest.mark.parametrize("fields, place", [
    ({"text": "\ud800"}, "text"),
    ({"text": "a" * (MAX_NOTE_TEXT + 1)}, "text"),
    ({"text": 5}, "text"),
    ({"position": (float("nan"), 0)}, "position[0]"),
    ({"position": (0, 1e8)}, "position[1]"),
    ({"size": (39, 50)}, "size[0]"),
    ({"size": (100, 5000)}, "size[1]"),
    ({"size": (100,)}, "size"),
    ({"size": "big"}, "size"),
])
def test_bad_note_values_are_refused_by_name(fields, place):
    with pytest.raises(ModelError) as caught:
        Note("note1", **fields)
    assert str(caught.value).startswith(f"{place}:")


def test_the_longest_text_is_kept():
    assert len(Note("n", "가" * MAX_NOTE_TEXT).text) == MAX_NOTE_TEXT


def test_add_change_remove_send_one_event_each():
    network = Network()
    events = recorded(network)
    network.add_note(Note("note1", "a"))
    network.add_note(Note("note2", "b"))
    assert network.set_note_param("note1", "text", "c") == "a"
    assert network.set_note_param("note1", "text", "c") == "c"  # no change: no event
    network.set_note_param("note2", "position", [5, 6])
    network.set_note_param("note2", "size", (50, 30))
    removed = network.remove_note("note1")
    assert removed.text == "c"
    assert events == [("added", "note1"), ("added", "note2"), ("changed", "note1", "text", "c"),
                      ("changed", "note2", "position", (5.0, 6.0)), ("changed", "note2", "size", (50.0, 30.0)),
                      ("removed", "note1")]
    network.add_note(removed, index=0)
    assert list(network.notes) == ["note1", "note2"]


def test_refused_edits_change_nothing_and_send_nothing():
    network = Network()
    network.add_note(Note("note1", "a"))
    events = recorded(network)
    before = network.copy()
    for edit in (lambda: network.add_note(Note("note1")), lambda: network.add_note("note"),
                 lambda: network.set_note_param("note1", "text", "\udfff"),
                 lambda: network.set_note_param("note1", "colour", "red"),
                 lambda: network.set_note_param("ghost", "text", "x"), lambda: network.remove_note("ghost"),
                 lambda: network.set_note_param("note1", "size", (10, 10))):
        with pytest.raises(ModelError):
            edit()
    assert events == [] and network == before


def test_a_network_holds_a_bounded_number_of_notes():
    network = Network()
    for i in range(MAX_NOTES):
        network.add_note(Note(f"n{i}"))
    with pytest.raises(ModelError, match="at most 1,000 notes"):
        network.add_note(Note("one-more"))


def test_new_note_ids_are_the_first_free_numbers():
    network = Network()
    network.add_neuron(Neuron("note1"))  # neurons and notes have ids of their own
    assert network.new_note_id() == "note1"
    network.add_note(Note("note1"))
    network.add_note(Note("note3"))
    assert network.new_note_id() == "note2"


def test_equality_and_copies_include_notes():
    network = Network()
    network.add_note(Note("note1", "a"))
    other = network.copy()
    assert other == network and other.notes["note1"] is not network.notes["note1"]
    other.set_note_param("note1", "text", "b")
    assert other != network and network.notes["note1"].text == "a"
    reordered = Network()
    reordered.add_note(Note("note2"))
    reordered.add_note(Note("note1", "a"), index=0)
    network.add_note(Note("note2"))
    assert reordered == network
    network.clear()
    assert network.notes == {}


# ---- the file -----------------------------------------------------------------------------------
def test_a_version_3_file_round_trips_exactly(tmp_path):
    path = DATA / "notes.json"
    network = load(path)
    assert [n.text for n in network.notes.values()] == ["Switch x1 and x2:\ny fires when either is on.",
                                                       "가중치 1, 임계값 0.5 <b>OR</b>"]
    assert network.notes["note2"].size == (160.5, 48.0)
    save(network, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == path.read_bytes()


def test_notes_are_written_in_version_3_only_when_there_are_some():
    network = Network()
    data = json.loads(dumps(network))
    assert data["version"] == LIST_VERSION == 3 and "notes" not in data
    network.add_note(Note("note1", "hi", (1.5, 2), (100, 50)))
    data = json.loads(dumps(network))
    assert data["notes"] == [{"id": "note1", "text": "hi", "position": [1.5, 2], "size": [100, 50]}]
    assert loads(dumps(network)) == network
    assert loads(dumps(network, tight=True)) == network


@pytest.mark.parametrize("version", [1, 2])
def test_older_files_still_load_without_notes(version):
    text = (DATA / "or.json").read_text(encoding="utf-8")
    data = json.loads(text)
    data["version"] = version
    network = loads(json.dumps(data))
    assert network.notes == {} and len(network.neurons) == len(data["neurons"])


@pytest.mark.parametrize("notes, message", [
    ([{"id": "a"}, {"id": "a"}], "notes[1].id: the id 'a' is used twice"),
    ([{"text": "x"}], "notes[0]: the field 'id' is missing"),
    (["x"], "notes[0]: expected an object, got text"),
    ([{"id": "a b"}], "notes[0].id: \"a b\" is not a valid id"),
    ([{"id": "a", "html": "<b>"}], 'notes[0]: unknown field "html"'),
    ([{"id": "a", "text": "\ud800"}], "notes[0].text: the text holds an invalid character (U+D800)"),
    ([{"id": "a", "text": "a" * 5001}], "notes[0].text: text longer than 5000 characters"),
    ([{"id": "a", "size": [100, 1e9]}], "notes[0].size[1]: 1e+09 is above the maximum 4000"),
    ([{"id": "a", "position": [0, "1"]}], 'notes[0].position[1]: expected a number, got "1"'),
    ({"id": "a"}, "notes: expected a list, got an object"),
    ([{"id": f"n{i}"} for i in range(MAX_NOTES + 1)], "notes: 1001 entries is more than the 1,000"),
])
def test_bad_notes_are_refused_with_the_place(notes, message):
    document = {"format": "neuron-sim", "version": 3, "neurons": [], "notes": notes}
    with pytest.raises(NetworkFileError) as caught:
        loads(json.dumps(document))
    assert message in str(caught.value)


def test_notes_in_an_older_version_are_refused_with_the_reason():
    document = {"format": "neuron-sim", "version": 2, "notes": [{"id": "a"}]}
    with pytest.raises(NetworkFileError, match=r"notes: notes need file format version 3 \(this file is version 2\)"):
        loads(json.dumps(document))
