"""Undo commands of notes: add, delete, move, resize, edit text, and notes in delete, move and paste.

The oracle is the model itself: copies before and after each edit compared with `==` (notes in order).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from neuron_sim import commands as c
from neuron_sim.model import ModelError, Network, Note, editing

from .command_helpers import sample


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


@pytest.fixture
def stack():
    return QUndoStack()


def with_notes() -> Network:
    network = sample()
    network.add_note(Note("note1", "first", (0, -100), (150, 40)))
    network.add_note(Note("note2", "둘째 <i>메모</i>", (300, -100)))
    network.add_note(Note("note3", "third", (0, 300)))
    return network


def round_trip(stack: QUndoStack, network: Network, command: c.ModelCommand) -> Network:
    """Push, then undo / redo twice, checking the network each time; one stack entry. Returns the edited copy."""
    before = network.copy()
    count = stack.count()
    assert c.push(stack, command)
    after = network.copy()
    assert stack.count() == count + 1 and after != before
    for _ in range(2):
        stack.undo()
        assert network == before
        stack.redo()
        assert network == after
    return after


def test_add_and_delete_a_note(stack):
    network = with_notes()
    after = round_trip(stack, network, c.AddNoteCommand(network, Note("note4", "new", (5, 5))))
    assert list(after.notes) == ["note1", "note2", "note3", "note4"] and stack.undoText() == "Add note"
    after = round_trip(stack, network, c.RemoveNoteCommand(network, "note2"))
    assert list(after.notes) == ["note1", "note3", "note4"] and stack.undoText() == "Delete note"
    stack.undo()
    assert list(network.notes) == ["note1", "note2", "note3", "note4"]  # back in its place


@pytest.mark.parametrize("name, value, text", [
    ("text", "edited\nover two lines", "Edit note"),
    ("position", (12.5, -40.0), "Move note"),
    ("size", (320.0, 100.0), "Resize note"),
])
def test_each_note_edit_is_one_undo_step(stack, name, value, text):
    network = with_notes()
    after = round_trip(stack, network, c.SetNoteParamCommand(network, "note1", name, value))
    assert getattr(after.notes["note1"], name) == value and stack.undoText() == text


def test_refused_and_empty_note_edits_stay_out_of_the_history(stack):
    network = with_notes()
    before = network.copy()
    for command in (lambda: c.SetNoteParamCommand(network, "note1", "size", (1, 1)),
                    lambda: c.SetNoteParamCommand(network, "note1", "text", "\ud800"),
                    lambda: c.AddNoteCommand(network, Note("note1")),
                    lambda: c.SetNoteParamCommand(network, "note1", "colour", "red")):
        with pytest.raises(ModelError):
            c.push(stack, command())
    assert not c.push(stack, c.SetNoteParamCommand(network, "note1", "text", "first"))  # no change
    assert stack.count() == 0 and network == before


def test_deleting_a_selection_takes_its_notes_in_one_step(stack):
    network = with_notes()
    after = round_trip(stack, network, c.delete_command(network, ["h1"], [("x2", "h2")], ["note3", "note1", "note1"]))
    assert list(after.notes) == ["note2"] and "h1" not in after.neurons and ("x2", "h2") not in after.synapses
    assert stack.undoText() == "Delete"
    round_trip(stack, network, c.delete_command(network, [], [], ["note2"]))
    assert stack.undoText() == "Delete note"


def test_moving_neurons_and_notes_is_one_step(stack):
    network = with_notes()
    after = round_trip(stack, network, c.move_command(network, {"x1": (10.0, 10.0)}, {"note2": (0.0, 0.0)}))
    assert after.neurons["x1"].position == (10.0, 10.0) and after.notes["note2"].position == (0.0, 0.0)
    assert stack.undoText() == "Move 2 items"
    round_trip(stack, network, c.move_command(network, {}, {"note1": (1.0, 2.0)}))
    assert stack.undoText() == "Move note"


def test_copy_and_paste_take_the_selected_notes(stack):
    network = with_notes()
    data = editing.copy_selection(network, ["x1", "h1"], ["note2"])
    assert [n["text"] for n in data["notes"]] == ["둘째 <i>메모</i>"]
    neurons, synapses = editing.paste_plan(network, data)
    notes = editing.paste_notes_plan(network, data)
    assert [n.id for n in notes] == ["note4"] and notes[0].position == (330.0, -70.0)
    after = round_trip(stack, network, c.add_items_command(network, "Paste", neurons, synapses, notes))
    assert after.notes["note4"].text == "둘째 <i>메모</i>" and len(after.neurons) == 7
    only_notes = editing.copy_selection(network, [], ["note1", "note3"])
    neurons, synapses = editing.paste_plan(network, only_notes)
    assert neurons == [] and synapses == []
    assert [n.id for n in editing.paste_notes_plan(network, only_notes)] == ["note5", "note6"]
