"""Every editable parameter has an undo text of its own (Edit → Undo "Set membrane time constant",
not "Set tau_ms"), marked for translation."""

from __future__ import annotations

import pytest

from neuron_sim import commands
from neuron_sim.model.entities import NETWORK_PARAMS, NEURON_PARAMS, SYNAPSE_PARAMS

EVERY_PARAMETER = sorted({*NEURON_PARAMS, *SYNAPSE_PARAMS, *NETWORK_PARAMS})


@pytest.mark.parametrize("name", EVERY_PARAMETER)
def test_each_parameter_names_its_undo_step_in_words(qapp, name):
    # in the table that QT_TRANSLATE_NOOP marks for lupdate, so it reaches the Korean catalogue
    assert name in commands._PARAM_NAMES
    assert "_" not in commands.param_text(name)  # words, not a key such as tau_ms


def test_an_unknown_parameter_still_gets_a_readable_undo_text(qapp):
    assert commands.param_text("no_such_parameter") == "Set no_such_parameter"
