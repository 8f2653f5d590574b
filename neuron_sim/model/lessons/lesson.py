"""A lesson file: a sequence of pages, each a network, a look, what is highlighted, a short text in
English and Korean, and optionally a task the app checks (checks.py).

The format is in docs/lessons.md and resources/lessons/lesson.schema.json. `load_lesson` validates
everything a page names (its example, its look, the neurons and synapses it highlights or checks)
when the file is read, so a mistake in a lesson is reported with its place before a class sees it.
Every `*.json` file of the lessons folder (`lesson_files`) is a lesson; `order` sorts them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neuron_sim.model.entities import ModelError, _show
from neuron_sim.model.file_reading import NetworkFileError, decoded_text, parse_json, read_named_file
from neuron_sim.model.fileformat import _type_name, from_dict, load, to_dict
from neuron_sim.model.geometry import LOOKS
from neuron_sim.model.lessons import checks
from neuron_sim.model.lessons.outline import FORMAT_NAME, FORMAT_VERSION, LANGUAGES, Text, lesson_files
from neuron_sim.model.network import Network

PANELS = ("computation", "code", "train")  # the dock a page shows beside the canvas


@dataclass(frozen=True)
class Task:
    goal: Text  # what to do
    check: dict[str, Any]  # checks.py
    hint: Text  # shown after a wrong try


@dataclass(frozen=True)
class Highlight:
    parts: bool = False  # Name the parts on the first selected neuron
    neurons: tuple[str, ...] = ()  # selected: the computation panel explains the first computing one
    synapse: tuple[str, str] | None = None  # selected: its row of the computation panel is highlighted
    panel: str | None = None  # "computation", "code" or "train": shown beside the canvas


@dataclass(frozen=True)
class Page:
    title: Text
    text: Text
    look: str
    network_data: dict[str, Any] = field(repr=False, compare=False, hash=False)  # a network file's JSON
    example: str | None = None  # the shipped example it starts from, if it names one
    highlight: Highlight = Highlight()
    task: Task | None = None

    def network(self) -> Network:
        """A fresh copy of the page's network, as the page opens (and as Reset page restores it)."""
        return from_dict(self.network_data)


@dataclass(frozen=True)
class Lesson:
    id: str
    order: int
    title: Text
    summary: Text
    pages: tuple[Page, ...]
    path: Path | None = None


# ---- reading -------------------------------------------------------------------------------------
def load_lesson(path: str | os.PathLike, examples: Path) -> Lesson:
    """The lesson in the file at `path` (its examples in the folder `examples`); raises
    NetworkFileError naming the file and the place of the first mistake."""
    path, raw = read_named_file(path)
    text = decoded_text(raw, path)
    data = parse_json(text, path)
    try:
        return lesson_from_dict(data, examples, path)
    except ModelError as error:
        raise NetworkFileError(error, path) from None


def load_lessons(folder: Path, examples: Path) -> list[Lesson]:
    """Every lesson of `folder`, in their `order` (raises for the first bad file)."""
    lessons = [load_lesson(p, examples) for p in lesson_files(folder)]
    return sorted(lessons, key=lambda lesson: (lesson.order, lesson.id))


def lesson_from_dict(data: Any, examples: Path, path: Path | None = None) -> Lesson:
    top = _object(data, "")
    if top.get("format") != FORMAT_NAME:
        raise ModelError('expected "{name}", got {value}; this is not a neuron-sim lesson file', place="format",
                         name=FORMAT_NAME, value=_show(top.get("format")))
    version = top.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ModelError("expected a whole number, got {value}", place="version", value=_show(version))
    if version > FORMAT_VERSION:
        raise ModelError("{value} is newer than this neuron-sim reads (up to {newest}); please update neuron-sim",
                         place="version", value=_show(version), newest=FORMAT_VERSION)
    _fields(top, "", {"format", "version", "id", "title", "pages"}, {"order", "summary", "$schema"})
    lesson_id = _text_value(top["id"], "id")
    order = top.get("order", 0)
    if isinstance(order, bool) or not isinstance(order, int):
        raise ModelError("expected a whole number, got {value}", place="order", value=_show(order))
    pages = top["pages"]
    if not isinstance(pages, list):
        raise ModelError("expected a list, got {type:w}", place="pages", type=_type_name(pages))
    if not pages:
        raise ModelError("a lesson needs at least one page", place="pages")
    summary = _text(top["summary"], "summary") if "summary" in top else Text("", "")  # optional
    return Lesson(lesson_id, order, _text(top["title"], "title"), summary,
                  tuple(_page(p, examples, f"pages[{k}]") for k, p in enumerate(pages)), path)


def _page(data: Any, examples: Path, place: str) -> Page:
    page = _object(data, place)
    _fields(page, place, {"title", "text", "look", "network"}, {"highlight", "task"})
    look = page["look"]
    if look not in LOOKS:
        raise ModelError("unknown value {value}; expected one of {options}", place=f"{place}.look",
                         value=_show(look), options=", ".join(LOOKS))
    network_data, example = _network(page["network"], examples, f"{place}.network")
    network = from_dict(network_data)
    highlight = _highlight(page.get("highlight", {}), network, f"{place}.highlight")
    task = _task(page["task"], network, f"{place}.task") if "task" in page else None
    return Page(_text(page["title"], f"{place}.title"), _text(page["text"], f"{place}.text"), look,
                network_data, example, highlight, task)


def _network(data: Any, examples: Path, place: str) -> tuple[dict[str, Any], str | None]:
    """The network file JSON of {"example": NAME} (a file of the examples folder) or {"inline": {…}}."""
    source = _object(data, place)
    if set(source) == {"example"}:
        name = _text_value(source["example"], f"{place}.example")
        file = examples / f"{name}.json"
        if "/" in name or "\\" in name or not file.is_file():
            raise ModelError("there is no example called {name}", place=f"{place}.example", name=name)
        return to_dict(load(file)), name
    if set(source) == {"inline"}:
        inline = _object(source["inline"], f"{place}.inline")
        try:
            from_dict(inline)
        except ModelError as error:
            inner = f".{error.place}" if error.place else ""
            raise ModelError(error, place=f"{place}.inline{inner}") from None
        return inline, None
    raise ModelError("the field {name!r} is missing", place=place, name="example")


def _highlight(data: Any, network: Network, place: str) -> Highlight:
    highlight = _object(data, place)
    _fields(highlight, place, set(), {"parts", "neurons", "synapse", "panel"})
    parts = highlight.get("parts", False)
    if not isinstance(parts, bool):
        raise ModelError("expected true or false, got {value}", place=f"{place}.parts", value=_show(parts))
    neurons = highlight.get("neurons", [])
    if not isinstance(neurons, list):
        raise ModelError("expected a list, got {type:w}", place=f"{place}.neurons", type=_type_name(neurons))
    for nid in neurons:
        if nid not in network.neurons:
            raise ModelError("there is no neuron with id {id!r}", place=f"{place}.neurons",
                             id=nid if isinstance(nid, str) else _show(nid))
    synapse = highlight.get("synapse")
    if synapse is not None:
        if not (isinstance(synapse, list) and len(synapse) == 2 and tuple(synapse) in network.synapses):
            source, target = (synapse + ["?", "?"])[:2] if isinstance(synapse, list) else (_show(synapse), "?")
            raise ModelError("there is no synapse {source} → {target}", place=f"{place}.synapse",
                             source=source, target=target)
        synapse = tuple(synapse)
    panel = highlight.get("panel")
    if panel is not None and panel not in PANELS:
        raise ModelError("unknown value {value}; expected one of {options}", place=f"{place}.panel",
                         value=_show(panel), options=", ".join(PANELS))
    return Highlight(parts, tuple(neurons), synapse, panel)


def _task(data: Any, network: Network, place: str) -> Task:
    task = _object(data, place)
    _fields(task, place, {"goal", "check", "hint"}, set())
    check = checks.validate(task["check"], network, f"{place}.check")
    return Task(_text(task["goal"], f"{place}.goal"), check, _text(task["hint"], f"{place}.hint"))


# ---- small readers -------------------------------------------------------------------------------
def _object(value: Any, place: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        if not place:
            raise ModelError("expected a JSON object at the top, got {type:w}", type=_type_name(value))
        raise ModelError("expected an object, got {type:w}", place=place, type=_type_name(value))
    return value


def _fields(data: dict, place: str, needed: set[str], optional: set[str]) -> None:
    for name in sorted(needed - data.keys()):
        raise ModelError("the field {name!r} is missing", place=place or None, name=name)
    for name in sorted(data.keys() - needed - optional):
        raise ModelError("unknown field {name}", place=place or None, name=name)


def _text_value(value: Any, place: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ModelError("expected text, got {value}", place=place, value=_show(value))
    return value


def _text(value: Any, place: str) -> Text:
    """{"en": …, "ko": …}: both languages, always."""
    texts = _object(value, place)
    _fields(texts, place, set(LANGUAGES), set())
    return Text(*(_text_value(texts[code], f"{place}.{code}") for code in LANGUAGES))
