"""Filling values into a translated text, with its Korean particles fitted to them.

A Korean translation writes a particle after a filled-in name in its double form ("%1을(를)",
"{label}이(가)"): which form is right depends on the name. `fill` puts the values in and, when
the interface speaks Korean, picks each particle by the word before it (ui/i18n/korean.py).
In English it only fills. Every translated text with values goes through it, so none forgets.
"""

from __future__ import annotations

import re

from neuron_sim.ui.i18n import language
from neuron_sim.ui.i18n.korean import with_particles

_NUMBERED = re.compile(r"%([1-9])")


def fill(template: str, /, *numbered: object, **named: object) -> str:
    """`template` with %1, %2 … replaced by `numbered` and {name} fields by `named` (str.format rules),
    then its double-form Korean particles resolved (nothing else changes in English)."""
    text = template.format(**named) if named else template
    if numbered:
        # One pass, so a value that holds "%2" is not filled in again.
        def value(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            return str(numbered[index]) if index < len(numbered) else match.group(0)

        text = _NUMBERED.sub(value, text)
    return particles(text)


def particles(text: str) -> str:
    """`text` with its double-form particles resolved when the interface speaks Korean."""
    return with_particles(text) if language.STATE.language == "ko" else text
