"""The inspector edits through undo commands and follows the model's events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from neuron_sim.commands import (
    RemoveNeuronCommand,
    SetNetworkParamCommand,
    SetNeuronParamCommand,
    SetSynapseParamCommand,
    delete_command,
    push,
)
from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.ui.inspector import Inspector


def rate_network() -> Network:
    net = Network(name="demo", description="two inputs, two neurons")
    net.add_neuron(Neuron("x1", kind="input"))
    net.add_neuron(Neuron("x2", kind="input", value=1.0))
    net.add_neuron(Neuron("h1", threshold=0.5))
    net.add_neuron(Neuron("h2", threshold=-1.0, activation="relu"))
    net.connect(Synapse("x1", "h1", weight=0.5))
    net.connect(Synapse("x2", "h1", weight=-2.0))
    net.connect(Synapse("x1", "h2", weight=0.5))
    return net


def spiking_network() -> Network:
    net = Network(name="lif", model="spiking")
    net.add_neuron(Neuron("s", kind="input", value=1.0))
    net.add_neuron(Neuron("g", kind="generator", pattern="poisson", seed=7))
    net.add_neuron(Neuron("n1", tau_ms=10.0))
    net.add_neuron(Neuron("n2", tau_ms=10.0, v_rest_mV=-65.0))
    net.connect(Synapse("s", "n1", weight=2.0, delay_ms=1.5))
    return net


@pytest.fixture
def stack():
    return QUndoStack()


@pytest.fixture
def make(qtbot, stack):
    def build(net: Network) -> Inspector:
        inspector = Inspector()
        qtbot.addWidget(inspector)
        inspector.set_document(net, stack)
        inspector.show()
        return inspector
    return build


@pytest.fixture
def net():
    return rate_network()


@pytest.fixture
def inspector(make, net):
    return make(net)


def type_into(qtbot, box, text: str, key=Qt.Key.Key_Return) -> None:
    """Select the field's text, type `text` and press Enter, as a person would."""
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, key)


def box(inspector: Inspector, key: str):
    return inspector.field(key).box


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
                                          "refractory_ms", "drive_mV", "v_mV"]
    assert box(inspector, "tau_ms").suffix() == " ms"
    assert box(inspector, "v_mV").text() == "at rest"  # None: starts at rest
    inspector.show_selection(["g"], [])
    assert inspector.field_keys()[3:] == ["pattern", "rate_hz", "start_ms", "seed"]
    assert box(inspector, "seed").value() == 7
    inspector.show_selection(["s"], [("s", "n1")])
    assert inspector.field_keys()[3:] == ["sensor", "rate_hz", "start_ms", "ends", "weight", "delay_ms"]
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


# ---- refusals ----------------------------------------------------------------------------------
def test_text_in_a_number_field_shows_a_message_and_changes_nothing(inspector, net, stack, qtbot):
    before = net.copy()
    inspector.show_selection(["h1"], [])
    messages = []
    inspector.message.connect(messages.append)
    spin = box(inspector, "threshold")
    spin.lineEdit().setText("abc")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert "abc" in inspector.error_text()
    assert inspector.findChild(type(inspector._error), "inspector_error").isVisible()
    assert messages == [inspector.error_text()]
    assert net == before and stack.count() == 0
    assert spin.value() == 0.5 and "abc" not in spin.text()
    type_into(qtbot, spin, "1")  # a good edit clears the message
    assert inspector.error_text() == ""
    type_into(qtbot, spin, "-")  # typed keys: a lone minus sign is not a number
    assert "“-”" in inspector.error_text()
    assert net.neuron("h1").threshold == 1.0 and stack.count() == 1


def test_a_value_the_model_refuses_shows_a_message(inspector, net, stack):
    before = net.copy()
    inspector.show_selection(["h1"], [])  # h1 has incoming synapses: it cannot become an input
    messages = []
    inspector.message.connect(messages.append)
    combo: QComboBox = inspector.field("kind").widget
    index = combo.findData("input")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert "incoming synapses" in inspector.error_text()
    assert len(messages) == 1
    assert net == before and stack.count() == 0
    assert combo.currentData() == "neuron"  # shows the model again


def test_a_refused_edit_of_several_neurons_changes_none(inspector, net, stack):
    net.disconnect("x1", "h2")  # h2 may become an input, h1 may not
    before = net.copy()
    inspector.show_selection(["h2", "h1"], [])
    combo: QComboBox = inspector.field("kind").widget
    index = combo.findData("input")
    combo.activated.emit(index)
    assert inspector.error_text()
    assert net == before and stack.count() == 0


# ---- following the model -----------------------------------------------------------------------
def test_a_command_from_elsewhere_updates_the_field_without_pushing(inspector, net, stack):
    inspector.show_selection(["h1"], [("x1", "h1")])
    push(stack, SetNeuronParamCommand(net, "h1", "threshold", -3.0))
    push(stack, SetSynapseParamCommand(net, ("x1", "h1"), "weight", 4.0))
    assert stack.count() == 2
    assert box(inspector, "threshold").value() == -3.0
    assert box(inspector, "bias").value() == 3.0
    assert box(inspector, "weight").value() == 4.0
    assert inspector.field("weight").slider.value() == 4000
    net.set_neuron_param("h1", "activation", "step")  # even straight on the model
    assert inspector.field("activation").widget.currentData() == "step"
    assert stack.count() == 2


def test_changing_the_kind_rebuilds_the_fields(inspector, net, stack):
    net.disconnect("x1", "h2")
    inspector.show_selection(["h2"], [])
    push(stack, SetNeuronParamCommand(net, "h2", "kind", "input"))
    assert inspector.field_keys() == ["id", "label", "kind", "value"]
    assert stack.count() == 1


def test_removing_the_selected_neuron_clears_the_inspector(inspector, net, stack):
    inspector.show_selection(["h1"], [("x1", "h1")])
    push(stack, RemoveNeuronCommand(net, "h1"))
    assert inspector.field_keys() == ["name", "description", "model", "update"]
    stack.undo()  # the neuron is back but no longer selected; nothing breaks
    inspector.show_selection(["h1"], [])
    assert box(inspector, "threshold").value() == 0.5


def test_deleting_part_of_the_selection_keeps_the_rest(inspector, net, stack):
    inspector.show_selection(["h1", "h2"], [("x1", "h2")])
    push(stack, delete_command(net, ["h2"], []))
    assert inspector.section_titles() == ["Neuron h1"]


def test_a_new_document_forgets_the_old_network(inspector, net, stack):
    inspector.show_selection(["h1"], [])
    other = spiking_network()
    inspector.set_document(other, stack)
    net.set_neuron_param("h1", "threshold", 9.0)
    net.remove_neuron("h1")
    assert inspector.section_titles() == ["Network"]
    assert inspector.field("name").widget.text() == "lif"
    assert net.events.neuron_changed.connect  # still usable, and no inspector slot left on it
    assert len(net.events.neuron_changed) == 0


def test_showing_the_same_selection_keeps_the_widgets(inspector, net):
    inspector.show_selection(["h1"], [])
    widget = inspector.field("threshold").widget
    net.set_neuron_param("h1", "threshold", 2.0)
    inspector.show_selection(["h1"], [])
    assert inspector.field("threshold").widget is widget
    assert box(inspector, "threshold").value() == 2.0


def test_clearing_a_label_shows_the_id_again(inspector, net, qtbot):
    inspector.show_selection(["h1"], [])
    line: QLineEdit = inspector.field("label").widget
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert net.neuron("h1").label == "h1" and line.text() == "h1"


def test_a_deleted_inspector_stops_listening(qtbot, net, stack):
    from shiboken6 import delete

    inspector = Inspector()
    inspector.set_document(net, stack)
    inspector.show_selection(["h1"], [])
    delete(inspector)
    net.set_neuron_param("h1", "threshold", 1.0)  # would raise if a dead slot were called
    net.remove_neuron("h1")
    assert len(net.events.neuron_changed) == 0


def test_show_selection_ignores_unknown_ids(inspector):
    inspector.show_selection(["nope"], [("x1", "nope")])
    assert inspector.section_titles() == ["Network"]


def test_the_wheel_over_an_unfocused_field_scrolls_instead_of_editing(inspector, net, stack):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    inspector.show_selection(["h1"], [("x1", "h1")])
    widgets = [box(inspector, "threshold"), inspector.field("activation").widget,
               inspector.field("weight").slider]
    for widget in widgets:
        centre = QPointF(widget.rect().center())
        event = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(), QPoint(0, 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)
        assert not event.isAccepted()
    assert stack.count() == 0 and net.neuron("h1").activation == "sigmoid"
