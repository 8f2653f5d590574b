"""The inspector's STDP section: switching learning on and off, and editing the rule's numbers,
each one undo step; refusals leave the rule as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from neuron_sim.model.entities import Stdp

from .helpers import box, rate_network, spiking_network, type_into


def test_a_spiking_synapse_can_be_made_to_learn_and_its_rule_edited(make, stack, qtbot):
    net = spiking_network()
    inspector = make(net)
    inspector.show_selection([], [("s", "n1")])
    assert inspector.section_titles() == ["Synapse (connection)", "STDP (learning by spike timing)"]
    assert inspector.field_keys()[-1] == "learns"
    learns = inspector.field("learns").widget
    assert not learns.isChecked()
    qtbot.mouseClick(learns, Qt.MouseButton.LeftButton)
    assert net.synapse(("s", "n1")).plasticity == Stdp()
    assert inspector.field_keys()[-7:] == ["learns", "A_pre", "A_post", "tau_pre_ms", "tau_post_ms", "w_min", "w_max"]
    assert box(inspector, "A_post").value() == pytest.approx(-1.05)
    assert box(inspector, "tau_pre_ms").suffix() == " ms"
    type_into(qtbot, box(inspector, "A_pre"), "0.25")
    assert net.synapse(("s", "n1")).plasticity == Stdp(A_pre=0.25)
    assert stack.count() == 2
    stack.undo()
    assert net.synapse(("s", "n1")).plasticity == Stdp()
    assert box(inspector, "A_pre").value() == pytest.approx(1.0)
    stack.undo()
    assert net.synapse(("s", "n1")).plasticity is None
    assert inspector.field_keys()[-1] == "learns" and inspector.field("A_pre") is None


def test_bounds_that_cross_are_refused(make, stack, qtbot):
    net = spiking_network()
    net.set_synapse_param(("s", "n1"), "plasticity", Stdp(w_min=1.0, w_max=5.0))
    inspector = make(net)
    inspector.show_selection([], [("s", "n1")])
    type_into(qtbot, box(inspector, "w_min"), "7")
    assert net.synapse(("s", "n1")).plasticity == Stdp(w_min=1.0, w_max=5.0)
    assert stack.count() == 0
    assert "w_min 7 is above w_max 5" in inspector.error_text()
    assert box(inspector, "w_min").value() == 1.0


def test_several_synapses_switch_together(make, stack, qtbot):
    net = spiking_network()
    from neuron_sim.model import Synapse
    net.connect(Synapse("g", "n2", weight=3.0))
    inspector = make(net)
    inspector.show_selection([], [("s", "n1"), ("g", "n2")])
    qtbot.mouseClick(inspector.field("learns").widget, Qt.MouseButton.LeftButton)
    assert all(s.plasticity == Stdp() for s in net.synapses.values())
    assert stack.count() == 1  # one undo step for the selection
    type_into(qtbot, box(inspector, "w_max"), "4")
    assert all(s.plasticity.w_max == 4.0 for s in net.synapses.values())


def test_rate_networks_have_no_stdp_section(make):
    inspector = make(rate_network())
    inspector.show_selection([], [("x1", "h1")])
    assert "learns" not in inspector.field_keys()
