"""What the start page shows of a lesson before the model is loaded: its title, summary and number
of pages, read from the file's top fields with the standard library alone (no numpy, no network).

`load_lesson` (lesson.py) still reads and checks the whole file when the lesson starts; a file whose
top fields are not what a lesson needs has no outline, and the Lessons menu, which loads it whole,
names its mistake.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

FORMAT_NAME = "neuron-sim-lesson"
FORMAT_VERSION = 1
LANGUAGES = ("en", "ko")
SCHEMA_FILE = "lesson.schema.json"
MAX_OUTLINE_BYTES = 4 * 1024 * 1024  # far above any lesson; a larger file is left to load_lesson's checks


@dataclass(frozen=True)
class Text:
    """One text in every language of the app."""

    en: str
    ko: str

    def get(self, language: str) -> str:
        return self.ko if language == "ko" else self.en


@dataclass(frozen=True)
class LessonOutline:
    path: Path
    id: str
    order: int
    title: Text
    summary: Text
    page_count: int


def lesson_files(folder: Path) -> list[Path]:
    """The lesson files of `folder` (every .json file but the schema)."""
    return sorted(p for p in folder.glob("*.json") if p.name != SCHEMA_FILE)


def lesson_outlines(folder: Path) -> list[LessonOutline]:
    """The outline of every lesson file of `folder` that has one, in the lessons' order."""
    outlines = (read_outline(path) for path in lesson_files(folder))
    return sorted((o for o in outlines if o is not None), key=lambda o: (o.order, o.id))


def read_outline(path: Path) -> LessonOutline | None:
    """The outline of the lesson file at `path`, or None when it cannot be read or is not a lesson
    this version reads (never blocks: a FIFO or device is refused before it is read)."""
    try:
        data = json.loads(_read_regular_file(path).decode("utf-8-sig"))
    except (OSError, ValueError):  # unreadable, too big, not UTF-8, not JSON
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        return None
    version, order, pages = data.get("version"), data.get("order", 0), data.get("pages")
    if not (_whole(version) and version <= FORMAT_VERSION and _whole(order)):
        return None
    lesson_id = data.get("id")
    title = _text(data.get("title"))
    summary = _text(data["summary"]) if "summary" in data else Text("", "")  # optional
    if not (isinstance(lesson_id, str) and lesson_id.strip() and title and summary
            and isinstance(pages, list) and pages):
        return None
    return LessonOutline(path, lesson_id, order, title, summary, len(pages))


def _read_regular_file(path: Path) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise OSError(f"{path} is not a regular file")
        if status.st_size > MAX_OUTLINE_BYTES:
            raise OSError(f"{path} is larger than a lesson file")
        return file.read(MAX_OUTLINE_BYTES + 1)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: object) -> Text | None:
    if not isinstance(value, dict):
        return None
    texts = [value.get(code) for code in LANGUAGES]
    if not all(isinstance(text, str) and text.strip() for text in texts):
        return None
    return Text(*texts)
