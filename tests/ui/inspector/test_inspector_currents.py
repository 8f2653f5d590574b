"""The inspector's fields for currents: a synapse's kind and τ_syn, a cell's adaptation and bounds,
a current source's pattern and frequency; each appears where it applies and edits through undo."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.entities import Stdp

from .helpers import box, type_into


def network() -> Network:
    net = Network(name="currents", model="spiking")
    net.add_all([Neuron("g", kind="generator"), Neuron("ac", kind="generator", pattern="ac", frequency_hz=5.0),
                 Neuron("dc", kind="generator", pattern="dc"), Neuron("n")],
                [Synapse("g", "n", weight=20.0), Synapse("ac", "n", weight=3.0)])
    return net


def choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a person's choice emits


def test_a_synapse_becomes_a_current_synapse_and_back(make, stack, qtbot):
    net = network()
    inspector = make(net)
    inspector.show_selection([], [("g", "n")])
    assert inspector.field_keys() == ["ends", "weight", "delay_ms", "synapse_kind", "learns"]
    combo = inspector.field("synapse_kind").widget
    assert [combo.itemData(i) for i in range(combo.count())] == ["delta", "current_exp", "current_alpha"]
    choose(combo, "current_alpha")
    assert net.synapse(("g", "n")).kind == "current_alpha"
    assert stack.count() == 1 and stack.text(0) == "Set kind"
    # τ_syn appears; STDP goes (only delta synapses learn)
    assert inspector.field_keys() == ["ends", "weight", "delay_ms", "synapse_kind", "tau_syn_ms"]
    assert inspector.section_titles() == ["Synapse (connection)"]
    assert box(inspector, "tau_syn_ms").suffix() == " ms"
    type_into(qtbot, box(inspector, "tau_syn_ms"), "4.5")
    assert net.synapse(("g", "n")).tau_syn_ms == 4.5
    stack.undo()
    stack.undo()
    assert net.synapse(("g", "n")).kind == "delta" and net.synapse(("g", "n")).tau_syn_ms == 2.0
    assert inspector.field_keys()[-1] == "learns"


def test_a_learning_synapse_cannot_become_a_current_synapse(make, stack):
    net = network()
    net.set_synapse_param(("g", "n"), "plasticity", Stdp())
    inspector = make(net)
    inspector.show_selection([], [("g", "n")])
    choose(inspector.field("synapse_kind").widget, "current_exp")
    assert net.synapse(("g", "n")).kind == "delta" and stack.count() == 0
    assert "only delta synapses can learn" in inspector.error_text()
    assert inspector.field("synapse_kind").widget.currentData() == "delta"


def test_a_current_source_shows_what_applies_to_it(make, stack, qtbot):
    net = network()
    inspector = make(net)
    inspector.show_selection(["ac"], [])
    assert inspector.field_keys() == ["id", "label", "kind", "pattern", "frequency_hz"]
    assert box(inspector, "frequency_hz").suffix() == " Hz"
    type_into(qtbot, box(inspector, "frequency_hz"), "12")
    assert net.neuron("ac").frequency_hz == 12.0
    inspector.show_selection(["dc"], [])
    assert inspector.field_keys() == ["id", "label", "kind", "pattern"]
    choose(inspector.field("pattern").widget, "regular")
    assert inspector.field_keys() == ["id", "label", "kind", "pattern", "rate_hz", "start_ms", "seed"]
    inspector.show_selection([], [("ac", "n")])  # its current goes along: only the weight applies
    assert inspector.field_keys() == ["ends", "weight"]


def test_a_cell_edits_its_adaptation_and_bounds(make, stack, qtbot):
    net = network()
    inspector = make(net)
    inspector.show_selection(["n"], [])
    assert box(inspector, "v_min_mV").text() == "no bound"
    type_into(qtbot, box(inspector, "adaptation"), "0.4")
    type_into(qtbot, box(inspector, "v_min_mV"), "-90")
    assert net.neuron("n").adaptation == pytest.approx(0.4) and net.neuron("n").v_min_mV == -90.0
    assert [stack.text(i) for i in range(stack.count())] == ["Set adaptation", "Set lowest potential"]
    stack.undo()
    assert net.neuron("n").v_min_mV is None and box(inspector, "v_min_mV").text() == "no bound"
