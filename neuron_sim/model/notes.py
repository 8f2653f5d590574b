"""Notes: the teacher's text boxes on the canvas, and the network's edits of them.

A note is data, never markup: its text is shown as plain text wherever it is drawn. It belongs to
the drawing of a network, not to its computation: the engines never read notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from neuron_sim.model.entities import ModelError, ParamSpec, _as_float, _show, validate_id

MAX_NOTE_TEXT = 5000  # characters: a paragraph or two of explanation, a worksheet's question
MAX_NOTES = 1000
NOTE_MIN_SIZE = (40.0, 24.0)
NOTE_MAX_SIZE = (4000.0, 4000.0)
DEFAULT_NOTE_SIZE = (200.0, 80.0)

NOTE_PARAMS: dict[str, ParamSpec] = {spec.name: spec for spec in (
    ParamSpec("text", "str", "", maximum=MAX_NOTE_TEXT, applies_to="all",
              doc="The note's text, plain (never markup), on several lines if it holds newlines."),
    ParamSpec("position", "position", (0.0, 0.0), unit="px", applies_to="all",
              doc="Top-left corner of the note on the canvas, [x, y], y pointing down."),
    ParamSpec("size", "size", DEFAULT_NOTE_SIZE, unit="px", minimum=NOTE_MIN_SIZE[0], maximum=NOTE_MAX_SIZE[0],
              applies_to="all",
              doc="[width, height]: the text wraps at the width; a longer text makes the box taller."),
)}


def validate_size(value: Any, place: str = "size") -> tuple[float, float]:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise ModelError("expected [width, height], got {value}", place=place, value=_show(value))
    width = _as_float(value[0], f"{place}[0]", NOTE_MIN_SIZE[0], NOTE_MAX_SIZE[0])
    height = _as_float(value[1], f"{place}[1]", NOTE_MIN_SIZE[1], NOTE_MAX_SIZE[1])
    return (width, height)


def validate_note_value(name: str, value: Any, place: str = "") -> Any:
    """A note's field in canonical form, or ModelError naming `place`."""
    spec = NOTE_PARAMS.get(name)
    if spec is None:
        raise ModelError("notes have no parameter {name!r}", name=name)
    if name == "size":
        return validate_size(value, place or name)
    return spec.validate(value, place or name)


@dataclass
class Note:
    """A text box on the canvas: `position` is its top-left corner, `size` its width and height."""

    id: str
    text: str = ""
    position: tuple[float, float] = (0.0, 0.0)
    size: tuple[float, float] = DEFAULT_NOTE_SIZE

    def __post_init__(self) -> None:
        validate_id(self.id)
        for name in NOTE_PARAMS:
            setattr(self, name, validate_note_value(name, getattr(self, name)))

    def copy(self, **changes: Any) -> Note:
        return replace(self, **changes)


class NoteEdits:
    """The notes part of Network: kept by id in their order, edited by validated methods that each
    send one event (note_added, note_removed, note_changed), as the neurons' are."""

    _notes: dict[str, Note]

    @property
    def notes(self) -> dict[str, Note]:
        """Read-only by convention: edit through the methods so that events are sent."""
        return self._notes

    def note(self, note_id: str) -> Note:
        try:
            return self._notes[note_id]
        except KeyError:
            raise ModelError("there is no note with id {id!r}", id=note_id) from None

    def note_index(self, note_id: str) -> int:
        return list(self._notes).index(note_id)

    def new_note_id(self, prefix: str = "note") -> str:
        """The first free note id `note1`, `note2`, …"""
        taken = {int(m.group(1)) for nid in self._notes if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", nid))}
        number = 1
        while number in taken:
            number += 1
        return f"{prefix}{number}"

    def add_note(self, note: Note, index: int | None = None) -> Note:
        """Add `note` (at `index` in the file order, to restore an undone delete)."""
        if not isinstance(note, Note):
            raise ModelError("add_note needs a Note")
        if note.id in self._notes:
            raise ModelError("a note with id {id!r} already exists", id=note.id)
        if len(self._notes) >= MAX_NOTES:
            raise ModelError("a network holds at most {limit:,} notes", limit=MAX_NOTES)
        if index is None or index >= len(self._notes):
            self._notes[note.id] = note
        else:
            items = list(self._notes.items())
            items.insert(max(index, 0), (note.id, note))
            self._notes = dict(items)
        self.events.note_added.emit(note.id)
        return note

    def remove_note(self, note_id: str) -> Note:
        note = self.note(note_id)
        del self._notes[note_id]
        self.events.note_removed.emit(note_id)
        return note

    def set_note_param(self, note_id: str, name: str, value: Any) -> Any:
        """Set a note's text, position or size; returns the old value."""
        note = self.note(note_id)
        value = validate_note_value(name, value)
        old = getattr(note, name)
        if old == value:
            return old
        setattr(note, name, value)
        self.events.note_changed.emit(note_id, name, value)
        return old

