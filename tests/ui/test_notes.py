"""Notes on the canvas through real mouse and keyboard input: place, type, undo, move, resize, delete,
copy, save and reopen, the inspector, and figures that hold the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication

from neuron_sim.model import Neuron, Note
from neuron_sim.model.fileformat import load
from neuron_sim.model.notes import MAX_NOTE_TEXT
from neuron_sim.ui.export.actions import qt_made_mime_data

from .canvas_helpers import click, double_click, drag


def note_tool(window):
    window.tool_actions["note"].trigger()
    assert window.scene.tool.name == "note"


def type_note(qtbot, window, text: str) -> None:
    """Keys typed on the canvas; letters beyond ASCII as a keyboard's input method sends them."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(window.view, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(window.view.viewport(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def place_note(qtbot, window, x=100, y=-100, text="Look at y") -> str:
    note_tool(window)
    click(qtbot, window, x, y)
    assert window.scene.note_editor.editing
    type_note(qtbot, window, text)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.scene.note_editor.editing
    return next(reversed(window.network.notes))


def add_note(window, note: Note) -> None:
    window.network.add_note(note)


def test_placing_and_typing_a_note_is_one_undo_step(qtbot, window):
    stack = window.document.undo_stack
    note_id = place_note(qtbot, window, 100, -100, "Look at y")
    note = window.network.notes[note_id]
    assert note.text == "Look at y" and note.position == (100.0, -100.0)
    assert stack.count() == 1 and stack.undoText() == "Add note"
    assert window.scene.note_items[note_id].text_item.toPlainText() == "Look at y"
    assert window.scene.selected_note_ids() == [note_id]
    stack.undo()
    assert window.network.notes == {} and window.scene.note_items == {}
    stack.redo()
    assert window.network.notes[note_id].text == "Look at y"


def test_keys_of_tools_and_edits_go_into_the_note(qtbot, window):
    window.network.add_neuron(Neuron("y", position=(0, 0)))
    note_tool(window)
    click(qtbot, window, 100, -100)
    type_note(qtbot, window, "SNICGF0+ abc")
    for key in (Qt.Key.Key_Backspace, Qt.Key.Key_Left, Qt.Key.Key_Delete, Qt.Key.Key_Return):
        qtbot.keyClick(window.view, key)
    type_note(qtbot, window, "x")
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert [n.text for n in window.network.notes.values()] == ["SNICGF0+ a\nx"]
    assert window.scene.tool.name == "note" and "y" in window.network.neurons
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)  # a second Esc goes back to Select
    assert window.scene.tool.name == "select"


def test_a_click_elsewhere_keeps_the_note_and_places_no_other(qtbot, window):
    note_tool(window)
    click(qtbot, window, 100, -100)
    type_note(qtbot, window, "first")
    click(qtbot, window, 400, 200)
    assert [n.text for n in window.network.notes.values()] == ["first"]
    assert not window.scene.note_editor.editing
    click(qtbot, window, 400, 200)  # now a click places the next one
    type_note(qtbot, window, "second")
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert [n.text for n in window.network.notes.values()] == ["first", "second"]
    assert window.document.undo_stack.count() == 2


def test_a_new_note_left_empty_is_dropped(qtbot, window):
    note_tool(window)
    click(qtbot, window, 100, -100)
    type_note(qtbot, window, "  ")
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.wait(10)  # the editor's item is taken out after its key event
    assert window.network.notes == {} and window.document.undo_stack.count() == 0
    assert not any(item.isVisible() for item in window.scene.items() if type(item).__name__ == "NoteItem")


def test_double_click_edits_a_note_in_one_step(qtbot, window):
    add_note(window, Note("note1", "old text", (100, -100), (200, 60)))
    double_click(qtbot, window, 150, -80)
    editor = window.scene.note_editor
    assert editor.editing and editor.item.note_id == "note1"
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select the text
    type_note(qtbot, window, "새 글 <b>")
    click(qtbot, window, 500, 300)
    assert window.network.notes["note1"].text == "새 글 <b>"
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Edit note"
    stack.undo()
    assert window.network.notes["note1"].text == "old text"
    assert window.scene.note_items["note1"].text_item.toPlainText() == "old text"


def test_markup_is_shown_and_kept_as_plain_text(qtbot, window):
    add_note(window, Note("note1", "<b>bold?</b> <img src=/dev/zero>", (100, -100)))
    text_item = window.scene.note_items["note1"].text_item
    assert text_item.toPlainText() == "<b>bold?</b> <img src=/dev/zero>"
    html = text_item.toHtml()
    assert "&lt;b&gt;" in html and "<img" not in html


def test_pasting_into_a_note_inserts_plain_text(qtbot, window):
    mime = qt_made_mime_data()  # a Python-made one, left on Qt's clipboard, crashes the exit
    mime.setHtml("<b>rich</b><img src=/dev/zero>")
    mime.setText("plain words")
    QGuiApplication.clipboard().setMimeData(mime)
    note_tool(window)
    click(qtbot, window, 100, -100)
    qtbot.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    html = window.scene.note_editor.item.text_item.toHtml()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert [n.text for n in window.network.notes.values()] == ["plain words"]
    assert "font-weight:700" not in html and "<img" not in html


def test_a_text_past_the_limit_is_cut_with_a_message(qtbot, window):
    QGuiApplication.clipboard().setText("가" * (MAX_NOTE_TEXT + 10))
    messages = []
    window.scene.message.connect(messages.append)
    note_tool(window)
    click(qtbot, window, 100, -100)
    qtbot.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert [len(n.text) for n in window.network.notes.values()] == [MAX_NOTE_TEXT]
    assert any("at most 5,000 characters" in m for m in messages)


def test_dragging_a_note_moves_it_in_one_step(qtbot, window):
    add_note(window, Note("note1", "drag me", (100, -100), (200, 60)))
    drag(qtbot, window, (150, -80), (250, 20))
    assert window.network.notes["note1"].position == (200.0, 0.0)
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Move note"
    stack.undo()
    assert window.network.notes["note1"].position == (100.0, -100.0)
    assert window.scene.note_items["note1"].pos() == QPointF(100, -100)


def test_a_note_and_a_neuron_move_together_in_one_step(qtbot, window):
    window.network.add_neuron(Neuron("y", position=(0, 0)))
    add_note(window, Note("note1", "with y", (100, -100), (200, 60)))
    window.scene.select(["y"], note_ids=["note1"])
    drag(qtbot, window, (150, -80), (170, -60))
    assert window.network.notes["note1"].position == (120.0, -80.0)
    assert window.network.neurons["y"].position == (20.0, 20.0)
    assert window.document.undo_stack.count() == 1
    window.edit.nudge(0, 10)
    assert window.network.notes["note1"].position == (120.0, -70.0)


def test_the_corner_handle_resizes_a_note_in_one_step(qtbot, window):
    add_note(window, Note("note1", "resize me", (100, -100), (200, 60)))
    window.scene.select(note_ids=["note1"])
    corner = window.scene.note_items["note1"].handle_rect().center() + QPointF(100, -100)
    drag(qtbot, window, (corner.x(), corner.y()), (corner.x() + 100, corner.y() + 40))
    note = window.network.notes["note1"]
    assert note.position == (100.0, -100.0)
    assert abs(note.size[0] - 300) <= 2 and abs(note.size[1] - 100) <= 2
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Resize note"
    stack.undo()
    assert window.scene.note_items["note1"].box_rect().width() == 200


def test_delete_copy_paste_and_duplicate_take_notes(qtbot, window):
    add_note(window, Note("note1", "keep me", (100, -100)))
    window.scene.select(note_ids=["note1"])
    assert window.edit.delete_action.isEnabled() and window.edit.copy_action.isEnabled()
    window.edit.duplicate()
    assert [n.text for n in window.network.notes.values()] == ["keep me", "keep me"]
    assert window.scene.selected_note_ids() == ["note2"]
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert list(window.network.notes) == ["note1"]
    window.scene.select(note_ids=["note1"])
    window.edit.copy()
    window.edit.paste()
    assert list(window.network.notes) == ["note1", "note2"]
    assert window.network.notes["note2"].position == (130.0, -70.0)


def test_saved_notes_reopen_on_the_canvas(qtbot, window, tmp_path):
    place_note(qtbot, window, 100, -100, "메모: 두 입력")
    path = tmp_path / "with-notes.json"
    window.document.save(path)
    assert [n.text for n in load(path).notes.values()] == ["메모: 두 입력"]
    window.files.new()
    assert window.scene.note_items == {}
    assert window.files.open(path)
    items = list(window.scene.note_items.values())
    assert [item.text_item.toPlainText() for item in items] == ["메모: 두 입력"]
    assert window.scene.framed_rect().contains(items[0].sceneBoundingRect())


def test_saving_while_typing_keeps_the_text(qtbot, window, tmp_path):
    note_tool(window)
    click(qtbot, window, 100, -100)
    type_note(qtbot, window, "typed")
    path = tmp_path / "typing.json"
    window.files.save_as = lambda: window.document.save(path)
    window.save_action.trigger()
    assert [n.text for n in load(path).notes.values()] == ["typed"]


def test_the_inspector_shows_the_selected_note(qtbot, window):
    add_note(window, Note("note1", "<i>what the class should see</i>", (100, -100)))
    click(qtbot, window, 150, -80)
    view = window.inspector.note_view
    assert view.isVisible() and view.text.toPlainText() == "<i>what the class should see</i>"
    window.network.set_note_param("note1", "text", "changed")
    assert view.text.toPlainText() == "changed"
    click(qtbot, window, 600, 400)
    assert not view.isVisible()


def test_moving_to_another_widget_keeps_the_note(qtbot, window):
    note_tool(window)
    click(qtbot, window, 100, -100)
    type_note(qtbot, window, "kept")
    window.inspector.setFocus()  # e.g. a click in the inspector
    assert not window.scene.note_editor.editing
    assert [n.text for n in window.network.notes.values()] == ["kept"]
    assert window.document.undo_stack.count() == 1
