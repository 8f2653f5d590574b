"""Random text typed into the inspector's number fields: refused with a message and no change, or
taken as the number it plainly is. Never a half-applied edit, never an exception.

The oracle is Python's own float(): text that float() cannot read must be refused. Text the box
takes must be the number float() reads (rounded to the box's decimals), within the parameter's
range, as one undo step.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.fileformat import to_dict
from neuron_sim.ui.panels.inspector import Inspector

FUZZ = settings(max_examples=40, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

HOSTILE = ["abc", "", " ", "-", "+", ".", "..", "1..2", "--1", "1-", "1e", "e5", "1e400", "-1e400", "nan", "NaN",
           "inf", "-Infinity", "0x10", "1,5", "1_000", "١٢", "３", "가나", "½", "1 2", "\t", "'1'", "(1)", "1/2",
           "9" * 400, "-" * 50, "1e-400", "0.0000001", "999999999", "-999999999", "1e6", "1000001", "-0"]
typed_text = (st.sampled_from(HOSTILE)
              | st.text(alphabet="0123456789-+.,eE xa가 ", max_size=12)
              | st.floats(allow_nan=True, allow_infinity=True).map(repr))


def python_number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def networks() -> dict[str, tuple[Network, list[str], list[tuple[str, str]], list[str]]]:
    rate = Network()
    rate.add_neuron(Neuron("x1", kind="input", value=1.0))
    rate.add_neuron(Neuron("h1", threshold=0.5))
    rate.connect(Synapse("x1", "h1", weight=0.5))
    spiking = Network(model="spiking")
    spiking.add_neuron(Neuron("g", kind="generator"))
    spiking.add_neuron(Neuron("n1"))
    spiking.connect(Synapse("g", "n1", weight=2.0))
    return {
        # (network, selected neurons, selected synapses, the number fields to type into)
        "rate neuron": (rate, ["h1"], [], ["threshold", "bias"]),
        "rate input": (rate, ["x1"], [], ["value"]),
        "rate synapse": (rate, [], [("x1", "h1")], ["weight"]),
        "spiking cell": (spiking, ["n1"], [], ["tau_ms", "v_threshold_mV", "refractory_ms", "drive_mV"]),
        "spiking generator": (spiking, ["g"], [], ["rate_hz", "start_ms"]),
        "spiking synapse": (spiking, [], [("g", "n1")], ["weight", "delay_ms"]),
        "spiking network": (spiking, [], [], ["dt_ms"]),
    }


def shown_inspector(qtbot, network, neuron_ids, synapse_keys):
    """An inspector on `network` with its own undo stack, showing the given selection."""
    stack = QUndoStack()
    inspector = Inspector()
    qtbot.addWidget(inspector)
    inspector.set_document(network, stack)
    inspector.show()
    inspector.show_selection(neuron_ids, synapse_keys)
    return inspector, stack


@pytest.mark.parametrize("case", list(networks()))
def test_random_text_in_a_number_field_is_refused_or_taken_exactly(qtbot, case):
    network, neuron_ids, synapse_keys, keys = networks()[case]
    inspector, stack = shown_inspector(qtbot, network, neuron_ids, synapse_keys)
    start = to_dict(network)
    outcomes = {"refused": 0, "taken": 0}

    @FUZZ
    @given(key=st.sampled_from(keys), text=typed_text, by_keys=st.booleans())
    def type_text(key, text, by_keys):
        while stack.canUndo():  # every case starts from the same network
            stack.undo()
        stack.clear()
        assert to_dict(network) == start
        field = inspector.field(key)
        box = field.box
        before_text = box.lineEdit().text()
        # QTest can type ASCII only (it aborts on other characters): the rest goes in whole.
        if by_keys and text.isascii():  # typed key by key: the box's validator drops what it cannot hold
            box.lineEdit().selectAll()
            qtbot.keyClicks(box, text)
        else:  # put in whole, as a paste that bypassed the validator would
            box.lineEdit().setText(text)
        typed = box.lineEdit().text()
        qtbot.keyClick(box, Qt.Key.Key_Return)
        error = inspector.error_text()
        changed = to_dict(network) != start
        if error:
            outcomes["refused"] += 1
            assert not changed and stack.count() == 0, (key, text, error)
            return
        if not changed:
            return  # the same value again, or nothing typed: nothing to undo
        outcomes["taken"] += 1
        shown = typed.removesuffix(box.suffix()).strip()
        number = python_number(shown)
        assert number is not None, f"{key}: {shown!r} was taken as a number"
        value = field.read(_target(network, neuron_ids, synapse_keys))
        low, high = field.view_range()
        assert low <= number * 1 <= high or math.isclose(number, low) or math.isclose(number, high)
        assert math.isclose(value * field.sign, round(number, field.decimals), abs_tol=10 ** -field.decimals)
        assert stack.count() == 1
        assert typed != before_text

    type_text()
    assert outcomes["refused"] >= 5, outcomes  # the cases reached the refusal


def _target(network, neuron_ids, synapse_keys):
    if neuron_ids:
        return network.neurons[neuron_ids[0]]
    if synapse_keys:
        return network.synapses[synapse_keys[0]]
    return network


def test_words_typed_into_a_number_field_are_refused_with_their_text(qtbot):
    network, neuron_ids, synapse_keys, _ = networks()["rate neuron"]
    inspector, stack = shown_inspector(qtbot, network, neuron_ids, synapse_keys)
    before = to_dict(network)
    for text in ["abc", "1..2", "가나", "1e400", "nan", "1,5"]:  # 1,5 was taken as 15
        box = inspector.field("threshold").box
        box.lineEdit().setText(text)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert f"“{text}”" in inspector.error_text()
        assert to_dict(network) == before and stack.count() == 0
