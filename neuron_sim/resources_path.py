"""Where the shipped resources (examples, translations) are: beside the package in a checkout,
inside it in an installed wheel."""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    inside = Path(__file__).resolve().parent / "resources"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def examples_dir() -> Path:
    return resources_dir() / "examples"


def lessons_dir() -> Path:
    return resources_dir() / "lessons"
