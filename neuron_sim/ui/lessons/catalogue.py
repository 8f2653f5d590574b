"""The lessons the app offers: every lesson file of resources/lessons/, read when asked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from neuron_sim.model.file_reading import NetworkFileError
from neuron_sim.model.lessons import Lesson, load_lesson
from neuron_sim.model.lessons.lesson import lesson_files
from neuron_sim.resources_path import examples_dir, lessons_dir
from neuron_sim.ui.i18n import language


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
    entries = []
    for path in lesson_files(folder or lessons_dir()):
        try:
            entries.append(LessonEntry(path, load_lesson(path, examples_dir())))
        except NetworkFileError as error:
            entries.append(LessonEntry(path, None, error))
    return sorted(entries, key=lambda entry: entry.order)


def current_language() -> str:
    return language.STATE.language
