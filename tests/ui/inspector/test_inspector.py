"""The inspector shows the selection's fields and edits them through undo commands
(refusals and following the model: test_inspector_following.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from neuron_sim.commands import SetNetworkParamCommand, push

from .helpers import box, spiking_network, type_into


# ---- showing -----------------------------------------------------------------------------------
def test_nothing_selected_shows_the_network(inspector, net):
    assert inspector.section_titles() == ["Network"]
    assert inspector.field_keys() == ["name", "description", "model", "update"]
    assert inspector.field("name").widget.text() == "demo"
    assert inspector.field("model").widget.currentData() == "rate"


def test_spiking_network_shows_dt_not_update(make):
    inspector = make(spiking_network())
    assert inspector.field_keys() == ["name", "description", "model", "dt_ms"]
    assert box(inspector, "dt_ms").value() == pytest.approx(0.1)
    assert box(inspector, "dt_ms").suffix() == " ms"


def test_selecting_a_neuron_shows_its_fields(inspector):
    inspector.show_selection(["h1"], [])
    assert inspector.field_keys() == ["id", "label", "kind", "activation", "threshold", "bias"]
    assert inspector.field("id").widget.text() == "h1"
    assert inspector.field("kind").widget.currentData() == "neuron"
    assert inspector.field("activation").widget.currentData() == "sigmoid"
    assert box(inspector, "threshold").value() == 0.5
    assert box(inspector, "bias").value() == -0.5
    assert box(inspector, "threshold").decimals() >= 3
    assert not box(inspector, "threshold").keyboardTracking()


def test_vocabularies_are_paired_in_labels_and_tooltips(inspector):
    inspector.show_selection(["h1"], [("x1", "h1")])
    labels = {label.text() for label in inspector.findChildren(type(inspector._error))}
    assert "Threshold θ (bias b = −θ)" in labels
    assert "Activation function (firing rule)" in labels
    assert "Weight (synapse strength)" in labels
    assert "bias b = −θ" in inspector.field("threshold").widget.toolTip()


def test_input_shows_value_with_a_toggle(inspector, net, stack, qtbot):
    inspector.show_selection(["x2"], [])
    assert inspector.field_keys() == ["id", "label", "kind", "value"]
    toggle = inspector.field("value").toggle
    assert toggle.isChecked()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert net.neuron("x2").value == 0.0
    assert stack.count() == 1 and stack.text(0) == "Set input value"
    assert box(inspector, "value").value() == 0.0


def test_spiking_fields_by_kind(make):
    inspector = make(spiking_network())
    inspector.show_selection(["n1"], [])
    assert inspector.field_keys()[3:] == ["tau_ms", "v_rest_mV", "v_reset_mV", "v_threshold_mV",
                                          "refractory_ms", "drive_mV", "v_mV", "adaptation",
                                          "tau_adaptation_ms", "v_min_mV", "v_max_mV"]
    assert box(inspector, "tau_ms").suffix() == " ms"
    assert box(inspector, "v_mV").text() == "at rest"  # None: starts at rest
    inspector.show_selection(["g"], [])
    assert inspector.field_keys()[3:] == ["pattern", "rate_hz", "start_ms", "seed"]
    assert box(inspector, "seed").value() == 7
    inspector.show_selection(["s"], [("s", "n1")])
    assert inspector.field_keys()[3:] == ["sensor", "rate_hz", "start_ms", "ends", "weight", "delay_ms",
                                          "synapse_kind", "learns"]
    assert inspector.field("sensor").widget.isChecked()
    assert inspector.field("ends").widget.text() == "s → n1"
    assert box(inspector, "delay_ms").value() == 1.5


def test_kind_offers_generators_only_in_spiking_networks(inspector, make):
    inspector.show_selection(["h1"], [])
    combo: QComboBox = inspector.field("kind").widget
    assert [combo.itemData(i) for i in range(combo.count())] == ["input", "neuron"]
    spiking = make(spiking_network())
    spiking.show_selection(["n1"], [])
    combo = spiking.field("kind").widget
    assert "generator" in [combo.itemData(i) for i in range(combo.count())]


# ---- editing -----------------------------------------------------------------------------------
def test_typing_a_threshold_and_enter_is_one_command(inspector, net, stack, qtbot):
    inspector.show_selection(["h1"], [])
    type_into(qtbot, box(inspector, "threshold"), "2.5")
    assert net.neuron("h1").threshold == 2.5
    assert stack.count() == 1
    assert stack.text(0) == "Set threshold"
    assert box(inspector, "bias").value() == -2.5


def test_editing_the_bias_sets_minus_threshold(inspector, net, stack, qtbot):
    inspector.show_selection(["h1"], [])
    type_into(qtbot, box(inspector, "bias"), "1.25")
    assert net.neuron("h1").threshold == -1.25
    assert stack.count() == 1 and stack.text(0) == "Set threshold"
    assert box(inspector, "threshold").value() == -1.25


def test_undo_and_redo_update_the_fields(inspector, net, stack, qtbot):
    inspector.show_selection(["h1"], [])
    type_into(qtbot, box(inspector, "threshold"), "3")
    stack.undo()
    assert net.neuron("h1").threshold == 0.5
    assert box(inspector, "threshold").value() == 0.5
    assert box(inspector, "bias").value() == -0.5
    stack.redo()
    assert box(inspector, "threshold").value() == 3.0
    assert stack.count() == 1


def test_focus_in_and_out_of_a_rounded_value_changes_nothing(inspector, net, stack, qtbot):
    net.set_neuron_param("h1", "threshold", 0.123456)
    inspector.show_selection(["h1"], [])
    qtbot.keyClick(box(inspector, "threshold"), Qt.Key.Key_Return)
    assert net.neuron("h1").threshold == 0.123456
    assert stack.count() == 0


def test_arrow_steps_in_a_burst_are_one_step(inspector, net, stack):
    inspector.show_selection(["h1"], [])
    spin = box(inspector, "threshold")
    for _ in range(3):
        spin.stepBy(1)
    assert net.neuron("h1").threshold == pytest.approx(0.8)
    assert stack.count() == 1
    stack.undo()
    assert net.neuron("h1").threshold == 0.5


def test_a_slider_drag_is_one_undo_step(inspector, net, stack):
    inspector.show_selection([], [("x1", "h1")])
    slider = inspector.field("weight").slider
    assert slider.minimum() == -5000 and slider.maximum() == 5000
    slider.setSliderDown(True)  # sliderPressed
    for ticks in (1000, 1500, 2000, 2500):
        slider.setValue(ticks)
        assert net.synapse(("x1", "h1")).weight == ticks / 1000  # live on the canvas
    slider.setSliderDown(False)  # sliderReleased
    assert stack.count() == 1 and stack.text(0) == "Set weight"
    assert box(inspector, "weight").value() == 2.5
    stack.undo()
    assert net.synapse(("x1", "h1")).weight == 0.5
    assert slider.value() == 500
    # A second drag is a second step, not merged into the first.
    stack.redo()
    slider.setSliderDown(True)
    slider.setValue(-1000)
    slider.setSliderDown(False)
    assert stack.count() == 2


def test_the_weight_box_accepts_more_than_the_slider(inspector, net, qtbot):
    inspector.show_selection([], [("x1", "h1")])
    type_into(qtbot, box(inspector, "weight"), "40")
    assert net.synapse(("x1", "h1")).weight == 40.0
    assert inspector.field("weight").slider.value() == 5000


def test_editing_two_neurons_activation_is_one_step(inspector, net, stack, qtbot):
    inspector.show_selection(["h1", "h2"], [])
    combo: QComboBox = inspector.field("activation").widget
    assert combo.currentIndex() == -1  # sigmoid and relu: mixed
    index = combo.findData("tanh")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a person's choice emits
    assert net.neuron("h1").activation == net.neuron("h2").activation == "tanh"
    assert stack.count() == 1 and stack.text(0) == "Set activation"
    assert combo.currentData() == "tanh"
    stack.undo()
    assert (net.neuron("h1").activation, net.neuron("h2").activation) == ("sigmoid", "relu")
    assert combo.currentIndex() == -1


def test_mixed_threshold_is_blank_and_a_typed_value_applies_to_all(inspector, net, stack, qtbot):
    inspector.show_selection(["h1", "h2"], [])
    spin = box(inspector, "threshold")
    assert spin.text() == "" and spin.lineEdit().placeholderText() == "mixed"
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # Enter on the blank changes nothing
    assert stack.count() == 0
    type_into(qtbot, spin, "0.5")  # h1 already has 0.5: only h2 changes
    assert net.neuron("h1").threshold == net.neuron("h2").threshold == 0.5
    assert stack.count() == 1
    assert spin.value() == 0.5 and spin.text() != ""


def test_several_synapses_show_a_shared_weight(inspector, net, stack, qtbot):
    inspector.show_selection([], [("x1", "h1"), ("x1", "h2")])
    assert inspector.field_keys() == ["weight"]
    assert box(inspector, "weight").value() == 0.5
    slider = inspector.field("weight").slider
    slider.setSliderDown(True)
    slider.setValue(1000)
    slider.setValue(1500)
    slider.setSliderDown(False)  # several targets: committed once, on release
    assert net.synapse(("x1", "h1")).weight == net.synapse(("x1", "h2")).weight == 1.5
    assert stack.count() == 1


def test_renaming_a_neuron_updates_the_synapse_ends(inspector, net, qtbot):
    inspector.show_selection(["x1"], [("x1", "h1")])
    line: QLineEdit = inspector.field("label").widget
    line.selectAll()
    qtbot.keyClicks(line, "retina")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert net.neuron("x1").label == "retina"
    assert inspector.field("ends").widget.text() == "retina → h1"


def test_network_fields_edit_the_network(inspector, net, stack):
    combo: QComboBox = inspector.field("update").widget
    index = combo.findData("synchronous")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert net.update == "synchronous"
    assert stack.text(0) == "Set update scheme"


def test_switching_the_model_rebuilds_the_fields(inspector, net, stack):
    inspector.show_selection(["h1"], [("x1", "h1")])
    push(stack, SetNetworkParamCommand(net, "model", "spiking"))
    assert "tau_ms" in inspector.field_keys() and "delay_ms" in inspector.field_keys()
    assert "threshold" not in inspector.field_keys()
    stack.undo()
    assert "threshold" in inspector.field_keys()


def test_the_sensor_checkbox_switches_the_input(make, stack, qtbot):
    net = spiking_network()
    inspector = make(net)
    inspector.show_selection(["s"], [])
    check: QCheckBox = inspector.field("sensor").widget
    check.click()  # as a person's click: toggles and emits clicked
    assert net.neuron("s").value == 0.0 and stack.count() == 1
    assert not check.isChecked()


def test_initial_potential_can_be_set_and_unset(make, stack, qtbot):
    net = spiking_network()
    inspector = make(net)
    inspector.show_selection(["n1"], [])
    spin = box(inspector, "v_mV")
    type_into(qtbot, spin, "-60")
    assert net.neuron("n1").v_mV == -60.0
    spin.setValue(spin.minimum())
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert net.neuron("n1").v_mV is None
    assert stack.count() == 2
