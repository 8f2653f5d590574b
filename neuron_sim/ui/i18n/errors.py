"""An error as the person at the screen reads it: in the interface language.

Model errors carry an English template and its values (neuron_sim/model/messages.py). Here the
template is translated (context "ErrorMessages"; lupdate finds the templates in error_templates.py)
and filled with the same values, its Korean particles fitted to them; vocabulary words ({kind:w})
are translated on their own and a place that is a parameter's key ("threshold") shows as the
inspector names it. Any other error
(an OSError, a JSON error from the clipboard) is shown as its own text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from neuron_sim.model.entities import NETWORK_PARAMS, NEURON_PARAMS, SYNAPSE_PARAMS
from neuron_sim.model.messages import MessageError

from neuron_sim.ui.i18n.error_templates import CONTEXT
from neuron_sim.ui.i18n.filling import particles
from neuron_sim.ui.i18n.vocabulary import Vocabulary

_PARAM_KEYS = {*NEURON_PARAMS, *SYNAPSE_PARAMS, *NETWORK_PARAMS}


def error_text(error: BaseException) -> str:
    """`str(error)` in the interface language: the translated message, with the file first if
    the error names one ("path: neurons[2].weight: …")."""
    if not isinstance(error, MessageError):
        return str(error)
    try:
        text = error.render(_translate, word=_translate, place=_place)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):
        # A translation whose placeholders do not fit the values: English beats no message.
        text = error.render()
    text = particles(text)  # "{value}은(는)": the particle the value takes
    path = getattr(error, "path", None)
    return f"{path}: {text}" if path else text


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _place(place: str) -> str:
    return Vocabulary().label(place) if place in _PARAM_KEYS else place
