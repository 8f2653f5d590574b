"""Error messages as English templates with named values, so that the UI can show them translated.

The model is Qt-free and speaks English: the command line prints `str(error)` and the tests match
it. A raise site names the values instead of building an f-string:

    raise ModelError("{number:g} is below the minimum {minimum:g}", place=place, number=x, minimum=low)

`str(error)` is "neurons[2].threshold: -2e+06 is below the minimum -1e+06" as before, and the UI
(neuron_sim/ui/i18n/errors.py) looks the template up in the translations and fills in the same values.
A template is a literal string (tests/model/test_messages.py reads every raise site and keeps the
list lupdate sees, neuron_sim/ui/i18n/error_templates.py, equal to them). Placeholders use Python's format
syntax, with one addition: `{type:w}` marks a word from the model's fixed vocabulary ("an input",
"a list"), which the UI translates; English shows it as it is.

`place` says where the bad value is (a parameter, a JSON path such as neurons[2].weight, a
command-line option) and is shown before the message, "place: message"; it is never translated.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import Any

WORD = "w"  # the format spec of a vocabulary word: {kind:w}


class _Formatter(string.Formatter):
    def __init__(self, word: Callable[[str], str] | None):
        super().__init__()
        self._word = word

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == WORD:
            return self._word(str(value)) if self._word else str(value)
        return super().format_field(value, format_spec)


_ENGLISH = _Formatter(None)


def fill(template: str, values: dict[str, Any], word: Callable[[str], str] | None = None) -> str:
    """`template` with its placeholders replaced by `values`; `word` shows each vocabulary word.

    A template without values is shown as it is, so that any text (an OS message, a message made
    before this module existed) can be an error's message: braces in it mean nothing.
    """
    if not values:
        return template
    formatter = _ENGLISH if word is None else _Formatter(word)
    return formatter.vformat(template, (), values)


def article(word: str) -> str:
    """`an input`, `a generator`: an English word with its indefinite article."""
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


class MessageError(Exception):
    """An error whose message is a template, its values and the place it is about.

    `MessageError(other_error, place=…)` takes over another MessageError's message, to re-raise
    it as a different error or with a different place.
    """

    def __init__(self, template: str | MessageError, /, *, place: str | None = None, **values: Any):
        if isinstance(template, MessageError):
            self.template, self.values = template.template, {**template.values, **values}
            self.place = template.place if place is None else place
        else:
            self.template, self.values, self.place = str(template), values, place or ""
        super().__init__(self.render())

    def render(self, translate: Callable[[str], str] | None = None,
               word: Callable[[str], str] | None = None, place: Callable[[str], str] | None = None) -> str:
        """The message in English, or through `translate` (the template), `word` (vocabulary words)
        and `place` (the place) in another language."""
        template = translate(self.template) if translate else self.template
        text = fill(template, self.values, word)
        where = place(self.place) if place and self.place else self.place
        return f"{where}: {text}" if where else text
