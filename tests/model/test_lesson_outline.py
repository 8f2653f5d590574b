"""A lesson's outline (title, summary, page count) is read with the standard library alone, for the
start page before the model is loaded; a file that is not a lesson this version reads has none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from neuron_sim.model.lessons import outline
from neuron_sim.model.lessons.outline import Text, lesson_outlines, read_outline
from neuron_sim.resources_path import lessons_dir
from tests.hang_guard import guarded_fifo


def test_the_shipped_lessons_outlines_say_what_their_files_say():
    files = sorted(p for p in lessons_dir().glob("*.json") if p.name != "lesson.schema.json")
    expected = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        expected.append((data["order"], data["id"], data["title"]["en"], data["title"]["ko"],
                         data["summary"]["en"], data["summary"]["ko"], len(data["pages"]), path))
    got = [(o.order, o.id, o.title.en, o.title.ko, o.summary.en, o.summary.ko, o.page_count, o.path)
           for o in lesson_outlines(lessons_dir())]
    assert got == sorted(expected) and len(got) >= 2


def _lesson(**changes) -> dict:
    data = {"format": "neuron-sim-lesson", "version": 1, "id": "mine", "order": 3,
            "title": {"en": "Mine", "ko": "내 것"}, "pages": [{"anything": "the outline does not look"}]}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _write(tmp_path: Path, content: object, name: str = "lesson.json") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode("utf-8"))
    return path


def test_an_outline_needs_only_the_top_fields(tmp_path):
    found = read_outline(_write(tmp_path, _lesson()))
    assert found == outline.LessonOutline(tmp_path / "lesson.json", "mine", 3, Text("Mine", "내 것"), Text("", ""), 1)
    with_summary = read_outline(_write(tmp_path, _lesson(summary={"en": "About", "ko": "소개"}, order=None)))
    assert with_summary.summary == Text("About", "소개") and with_summary.order == 0


@pytest.mark.parametrize("content", [
    b"\xff\xfe not UTF-8",
    b"{ not JSON",
    [1, 2, 3],
    _lesson(format="neuron-sim-network"),
    _lesson(version=2),
    _lesson(version=True),
    _lesson(version="1"),
    _lesson(order=1.5),
    _lesson(order=False),
    _lesson(id="  "),
    _lesson(id=None),
    _lesson(title={"en": "Only English"}),
    _lesson(title={"en": "Mine", "ko": ""}),
    _lesson(title="Mine"),
    _lesson(summary={"en": "About"}),
    _lesson(pages=[]),
    _lesson(pages={"0": {}}),
])
def test_a_file_that_is_not_a_readable_lesson_has_no_outline(tmp_path, content):
    assert read_outline(_write(tmp_path, content)) is None


def test_a_file_too_large_for_a_lesson_is_not_read(tmp_path, monkeypatch):
    path = _write(tmp_path, _lesson())
    monkeypatch.setattr(outline, "MAX_OUTLINE_BYTES", path.stat().st_size - 1)
    assert read_outline(path) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_a_folder_named_like_a_lesson_is_refused_without_waiting(tmp_path):
    with guarded_fifo(tmp_path / "pipe.json") as fifo:
        assert read_outline(fifo) is None
    (tmp_path / "folder.json").mkdir()
    assert read_outline(tmp_path / "folder.json") is None
    assert read_outline(tmp_path / "missing.json") is None


def test_a_folder_lists_only_the_lessons_that_have_an_outline_in_their_order(tmp_path):
    _write(tmp_path, _lesson(id="late", order=9), "a.json")
    _write(tmp_path, _lesson(id="early", order=1), "b.json")
    _write(tmp_path, b"{ broken", "c.json")
    _write(tmp_path, {"title": "the schema is no lesson"}, "lesson.schema.json")
    assert [o.id for o in lesson_outlines(tmp_path)] == ["early", "late"]


def test_reading_outlines_loads_no_numpy_and_the_model_names_load_when_used():
    program = ("import sys\n"
               "from neuron_sim.model.lessons.outline import lesson_outlines\n"
               "from neuron_sim.resources_path import lessons_dir\n"
               "lesson_outlines(lessons_dir())\n"
               "print('numpy' in sys.modules)\n"
               "from neuron_sim.model import Network\n"
               "from neuron_sim.model.lessons import Lesson, Text\n"
               "print(Network.__module__, Lesson.__module__, Text.__module__, 'numpy' in sys.modules)\n"
               "import neuron_sim.model as model\n"
               "try:\n"
               "    model.Nothing\n"
               "except AttributeError as error:\n"
               "    print(error)\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        "False",
        "neuron_sim.model.network neuron_sim.model.lessons.lesson neuron_sim.model.lessons.outline True",
        "module 'neuron_sim.model' has no attribute 'Nothing'",
    ]


def test_a_summary_given_blank_has_no_outline_as_the_lesson_loader_refuses_it(tmp_path):
    assert read_outline(_write(tmp_path, _lesson(summary={"en": "", "ko": "소개"}))) is None
