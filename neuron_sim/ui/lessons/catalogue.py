"""The lessons the app offers: every lesson file of resources/lessons/, read when asked.

`lesson_outlines` (the start page's) needs no numpy; the whole lessons are read when first asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from neuron_sim.model.lessons import outline
from neuron_sim.model.lessons.outline import LessonOutline, lesson_files
from neuron_sim.resources_path import examples_dir, lessons_dir
from neuron_sim.ui.i18n import language

if TYPE_CHECKING:
    from neuron_sim.model.file_reading import NetworkFileError
    from neuron_sim.model.lessons import Lesson


@dataclass(frozen=True)
class LessonEntry:
    """A lesson file: its lesson, or why it cannot be used."""

    path: Path
    lesson: Lesson | None
    error: NetworkFileError | None = None

    @property
    def order(self) -> tuple:
        return (self.lesson.order, self.lesson.id) if self.lesson else (1 << 30, self.path.name)


def lesson_entries(folder: Path | None = None) -> list[LessonEntry]:
    """Every lesson file of `folder` (the shipped lessons by default), the good ones in their order,
    then the ones with a mistake (each with its error)."""
    return sorted((lesson_at(path) for path in lesson_files(folder or lessons_dir())), key=lambda entry: entry.order)


# A file is read again only when it has changed: the Lessons menu and the start page both list them at launch.
_read: dict[tuple[Path, int, int], LessonEntry] = {}


def lesson_at(path: Path) -> LessonEntry:
    """The lesson in the file at `path`, or why it cannot be used (read again only when changed)."""
    try:
        status = path.stat()
    except OSError:  # gone since the folder was listed: reading it says so
        return _read_entry(path)
    key = (path, status.st_mtime_ns, status.st_size)
    if key not in _read:
        _read[key] = _read_entry(path)
    return _read[key]


def _read_entry(path: Path) -> LessonEntry:
    from neuron_sim.model.file_reading import NetworkFileError
    from neuron_sim.model.lessons import load_lesson

    try:
        return LessonEntry(path, load_lesson(path, examples_dir()))
    except NetworkFileError as error:
        return LessonEntry(path, None, error)


def lesson_outlines(folder: Path | None = None) -> list[LessonOutline]:
    """The title, summary and page count of every lesson of `folder` (the shipped lessons by default)
    whose top fields read, in their order; read without the model, for the start page."""
    return outline.lesson_outlines(folder or lessons_dir())


def current_language() -> str:
    return language.STATE.language
