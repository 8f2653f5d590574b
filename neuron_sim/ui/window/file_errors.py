"""Why a file could not be opened, in plain words first and the parser's detail one click away.

A file that is not a network at all (a README, a picture, a spreadsheet saved as JSON) is told
in words a teacher reads at a glance: what the file is not, and what neuron-sim opens. The
technical message (line and column of the JSON error…) goes into the message box's details.
A network file with one bad value keeps its precise message: it names the place to fix.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from neuron_sim.model.fileformat import NetworkFileError

from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.i18n.filling import fill

CONTEXT = "FileErrors"
NOT_TEXT = QT_TRANSLATE_NOOP("FileErrors", "it is not a text file.")
EMPTY = QT_TRANSLATE_NOOP("FileErrors", "it is empty.")
NOT_JSON = QT_TRANSLATE_NOOP("FileErrors", "it is not JSON.")
CUT_OFF = QT_TRANSLATE_NOOP("FileErrors", "it ends too early, as if it had been cut off.")
OTHER_JSON = QT_TRANSLATE_NOOP("FileErrors", "it is JSON, but not a network.")
TOO_LARGE = QT_TRANSLATE_NOOP("FileErrors", "it is far too large to be a network.")
FOLDER = QT_TRANSLATE_NOOP("FileErrors", "it is a folder.")

# The parser's message templates (model/fileformat.py) → what the file is not, in plain words.
_REASONS = {
    "not UTF-8 text (bad byte at offset {offset})": NOT_TEXT,
    "the file is empty": EMPTY,
    "not valid JSON at line {line}, column {column}: {reason:w}": NOT_JSON,
    "not valid JSON: {reason}": NOT_JSON,
    "not valid JSON at line {line}, column {column}: the file ends too early (truncated?)": CUT_OFF,
    "not valid JSON at line {line}, column {column}: nested more than {limit} levels deep": OTHER_JSON,
    "not valid JSON: nested more than {limit} levels deep": OTHER_JSON,
    "expected a JSON object at the top, got {type:w}": OTHER_JSON,
    'expected "{name}", got {value}; this is not a neuron-sim network file': OTHER_JSON,
    "the file is {size:.0f} MB, far too large to be a network (the limit is {limit} MB)": TOO_LARGE,
    "the file is far too large to be a network (the limit is {limit} MB)": TOO_LARGE,
    "is a folder, not a network file": FOLDER,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def explain(error: NetworkFileError) -> tuple[str, str]:
    """(what to show, the technical detail or "") for a file that could not be opened."""
    reason = _REASONS.get(error.template)
    if reason is None:
        return error_text(error), ""
    name = Path(error.path).name if error.path else ""
    text = fill(QCoreApplication.translate("FileErrors", "%1 is not a neuron-sim network file: %2"), name, _tr(reason))
    text += "\n\n" + QCoreApplication.translate("FileErrors", "neuron-sim opens the .json files it saves (and the "
                                                               "examples).")
    return text, error_text(error)
