"""What every code generator shares: the options, the result, Python literals and the script's frame."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from neuron_sim.model.codegen.phrases import phrase
from neuron_sim.model.entities import ModelError
from neuron_sim.model.network import Network
from neuron_sim.model.simulate import MAX_STEPS, default_steps

LANGUAGES = ("en", "ko")


@dataclass(frozen=True)
class ExportOptions:
    """`steps`: updates the script runs (None: what `neuron-sim simulate` runs by default);
    `lang`: the language of the script's comments."""

    steps: int | None = None
    lang: str = "en"


@dataclass(frozen=True)
class Note:
    """Something the reader of the script should know (why the functional API, what PyNN does
    differently): a phrase of phrases.py and its values, so that it can be shown in either language."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return phrase(self.key, lang, **self.values)

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class CodeExport:
    text: str  # the script, a complete Python file
    notes: list[Note]  # also written as comments at the top of the script


class Writer:
    """Collects the lines of a script; `say` writes a comment in the chosen language."""

    def __init__(self, lang: str):
        self.lang = lang
        self.lines: list[str] = []

    def __call__(self, *lines: str) -> None:
        self.lines.extend(lines)

    def say(self, key: str, indent: str = "", **values: Any) -> None:
        for line in phrase(key, self.lang, **values).splitlines():
            self.lines.append(f"{indent}# {line}" if line else f"{indent}#")

    def text(self) -> str:
        """The script, with at most two blank lines in a row (the parts each end with room)."""
        kept: list[str] = []
        for line in self.lines:
            if line or len(kept) < 2 or kept[-1] or kept[-2]:
                kept.append(line)
        return "\n".join(kept).strip("\n") + "\n"


def resolve_steps(network: Network, options: ExportOptions) -> int:
    steps = default_steps(network) if options.steps is None else options.steps
    if isinstance(steps, bool) or not isinstance(steps, int) or not 0 <= steps <= MAX_STEPS:
        raise ModelError("the number of steps must be between 0 and {limit:,}, got {steps}",
                         limit=MAX_STEPS, steps=steps)
    return steps


def check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ModelError("unknown value {value}; expected one of {options}", place="lang",
                         value=lang, options=", ".join(LANGUAGES))


def number(value: float) -> str:
    """A float as Python reads it back bit for bit (repr), whole numbers with `.0`."""
    return repr(float(value))


def numbers(values: Iterable[float]) -> str:
    return "[" + ", ".join(number(v) for v in values) + "]"


def integers(values: Iterable[int]) -> str:
    return "[" + ", ".join(str(int(v)) for v in values) + "]"


def strings(values: Iterable[str]) -> str:
    return "[" + ", ".join(string(v) for v in values) + "]"


def string(value: str) -> str:
    """A Python string literal; ids may hold any letters (Korean included), kept readable."""
    return json.dumps(value, ensure_ascii=False)


def matrix(rows: Sequence[Sequence[float]], indent: str, comments: Sequence[str] | None = None) -> list[str]:
    """A nested list literal, one row per line (with a trailing comment naming the row)."""
    if not len(rows):
        return [f"{indent}[]"]
    lines = [f"{indent}["]
    for k, row in enumerate(rows):
        comment = f"  # {comments[k]}" if comments else ""
        lines.append(f"{indent}    {numbers(row)},{comment}")
    lines.append(f"{indent}]")
    return lines


def header(write: Writer, network: Network, target_key: str, steps: int, notes: list[Note]) -> None:
    """The docstring-like opening comment: what the file is, how to run it, what to know."""
    title = network.name or phrase("untitled", write.lang)
    write.say("header", title=title, target=phrase(target_key, write.lang))
    write.say("run_it", steps=steps)
    if notes:
        write("#")
        write.say("notes_title")
        for note in notes:
            for k, line in enumerate(note.text(write.lang).splitlines()):
                write(f"#   {'- ' if k == 0 else '  '}{line}")


def json_footer(write: Writer, spikes: bool) -> None:
    """The last line printed: the same JSON as `neuron-sim simulate` (ids, activity, spikes)."""
    write("", "")
    write.say("json_footer")
    fields = '{"ids": IDS, "activity": activity, "spikes": spikes}' if spikes else \
        '{"ids": IDS, "activity": activity}'
    write(f"print(json.dumps({fields}, ensure_ascii=False))")
