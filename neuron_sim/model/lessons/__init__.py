"""Guided lessons as data: pages with a network, a look, highlights, a text and a checked task.

`outline` (a lesson's title, summary and page count) needs no numpy; the rest is imported when
first used (PEP 562), so the start page can list the lessons before the engines are loaded.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from neuron_sim.model.lessons.lesson import Highlight, Lesson, Page, Task, load_lesson, load_lessons
    from neuron_sim.model.lessons.outline import Text

__all__ = ["Highlight", "Lesson", "Page", "Task", "Text", "load_lesson", "load_lessons"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{'outline' if name == 'Text' else 'lesson'}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
