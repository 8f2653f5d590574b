"""The inspector refuses bad input without changing anything, and follows the model's events
(showing and editing: test_inspector.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from neuron_sim.commands import (
    RemoveNeuronCommand,
    SetNeuronParamCommand,
    SetSynapseParamCommand,
    delete_command,
    push,
)
from neuron_sim.ui.panels.inspector import Inspector

from .helpers import box, spiking_network, type_into


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


def test_a_refused_value_is_shown_at_its_field_until_a_valid_edit(inspector, qtbot):
    inspector.show_selection(["h1"], [])
    field = inspector.field("threshold")
    spin = box(inspector, "threshold")
    own_tip = spin.toolTip()
    assert own_tip and not spin.lineEdit().styleSheet()
    spin.lineEdit().setText("abc")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert field.refusal == inspector.error_text() and "abc" in field.refusal
    assert spin.toolTip() == field.refusal  # hovering the field says why
    assert "#B3261E" in spin.lineEdit().styleSheet()  # what was typed is tinted red
    type_into(qtbot, spin, "0.25")
    assert not field.refusal and spin.toolTip() == own_tip and spin.lineEdit().styleSheet() == ""


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


def test_a_batch_edit_updates_the_shown_fields(inspector, net, stack):
    from neuron_sim.commands import SetManyCommand

    key = next(iter(net.synapses))
    old_weight = net.synapse(key).weight
    inspector.show_selection(["h1"], [])
    push(stack, SetManyCommand(net, [("neuron", "h1", "threshold", 2.5), ("synapse", key, "weight", -0.75)], "Train"))
    assert box(inspector, "threshold").value() == 2.5 and box(inspector, "bias").value() == -2.5
    inspector.show_selection([], [key])
    stack.undo()
    assert box(inspector, "weight").value() == old_weight != -0.75
    stack.redo()
    assert box(inspector, "weight").value() == -0.75
