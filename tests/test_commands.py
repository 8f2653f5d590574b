"""Undo commands: every edit round-trips the model exactly, refusals never enter the history.

The oracle is the model itself: a deep copy taken before and after each edit, compared with `==`
(parameters, neurons in order, synapses in order). A mirror fed only by the model's events checks that
a view following them stays in step, rollbacks included.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtGui import QUndoStack

from neuron_sim import commands as c
from neuron_sim.model import ModelError, Network, Neuron, Synapse
from neuron_sim.model import editing, geometry

from .command_helpers import Mirror, sample


@pytest.fixture(autouse=True)
def _app(qapp):
    """QUndoStack and translations want an application object."""
    return qapp


@pytest.fixture
def stack():
    return QUndoStack()


def round_trip(stack: QUndoStack, network: Network, command: c.ModelCommand) -> tuple[Network, Network]:
    """Push, then undo / redo / undo / redo, checking the network at every point; one stack entry."""
    before = network.copy()
    count = stack.count()
    c.push(stack, command)
    after = network.copy()
    assert stack.count() == count + 1
    for _ in range(2):
        stack.undo()
        assert network == before
        stack.redo()
        assert network == after
    return before, after


# ---- each command round-trips ------------------------------------------------------------------
def test_add_neuron(stack):
    network = sample()
    before, after = round_trip(stack, network, c.AddNeuronCommand(network, Neuron("h3", position=(5.0, 6.0))))
    assert list(after.neurons)[-1] == "h3" and "h3" not in before.neurons


def test_add_neuron_keeps_its_own_copy():
    network = sample()
    neuron = Neuron("h3")
    command = c.AddNeuronCommand(network, neuron)
    neuron.threshold = 9.0  # the caller changing its object afterwards changes nothing
    command.redo()
    assert network.neurons["h3"].threshold == 0.0


def test_connect(stack):
    network = sample()
    _, after = round_trip(stack, network, c.ConnectCommand(network, Synapse("x1", "y", weight=0.75)))
    assert list(after.synapses)[-1] == ("x1", "y")


@pytest.mark.parametrize("key", [("x1", "h1"), ("y", "h1"), ("h2", "h2"), ("x2", "h2")])
def test_disconnect_restores_the_synapse_in_its_place(stack, key):
    network = sample()
    before, after = round_trip(stack, network, c.DisconnectCommand(network, key))
    assert list(after.synapses) == [k for k in before.synapses if k != key]
    stack.undo()
    assert list(network.synapses) == list(before.synapses)


@pytest.mark.parametrize("nid", ["x1", "h1", "h2", "y"])
def test_remove_neuron_removes_its_synapses_first_and_undo_restores_every_order(stack, nid):
    network = sample()
    mirror = Mirror(network)
    command = c.RemoveNeuronCommand(network, nid)
    assert command.child_count() == len(network.synapses_of(nid))
    before, after = round_trip(stack, network, command)
    assert nid not in after.neurons
    assert not any(nid in key for key in after.synapses)
    assert list(after.neurons) == [n for n in before.neurons if n != nid]
    stack.undo()
    assert list(network.neurons) == list(before.neurons)
    assert list(network.synapses) == list(before.synapses)
    assert network == before
    assert mirror.agrees_with(network)
    # On the first redo the synapses went first, the neuron last.
    first = mirror.log[:command.child_count() + 1]
    assert [kind for kind, _ in first] == ["synapse_removed"] * command.child_count() + ["neuron_removed"]


@pytest.mark.parametrize("name, value", [
    ("position", (12.5, -7.0)), ("label", "Hidden"), ("label", ""), ("threshold", -3.0),
    ("activation", "tanh"), ("kind", "input"), ("tau_ms", 5.0), ("v_mV", -60.0),
])
def test_set_neuron_param(stack, name, value):
    network = Network()
    network.add_neuron(Neuron("a", label="A"))
    network.add_neuron(Neuron("b"))
    network.connect(Synapse("a", "b"))
    round_trip(stack, network, c.SetNeuronParamCommand(network, "a", name, value))


@pytest.mark.parametrize("name, value", [("weight", -4.0), ("weight", 3), ("delay_ms", 7.5)])
def test_set_synapse_param(stack, name, value):
    network = sample()
    round_trip(stack, network, c.SetSynapseParamCommand(network, ("h1", "y"), name, value))


@pytest.mark.parametrize("name, value", [
    ("model", "spiking"), ("update", "synchronous"), ("name", "renamed"), ("description", "text"), ("dt_ms", 0.5),
])
def test_set_network_param(stack, name, value):
    network = sample()
    round_trip(stack, network, c.SetNetworkParamCommand(network, name, value))


def test_macro_of_several_edits(stack):
    network = sample()
    command = c.macro(network, "several", [
        c.AddNeuronCommand(network, Neuron("z", position=(600.0, 0.0))),
        c.ConnectCommand(network, Synapse("y", "z")),
        c.SetNeuronParamCommand(network, "h1", "threshold", 2.0),
        c.DisconnectCommand(network, ("x1", "h1")),
    ])
    round_trip(stack, network, command)
    assert command.text() == "several"


# ---- refusals --------------------------------------------------------------------------------------
def spiking_sample() -> Network:
    network = Network(model="spiking")
    network.add_neuron(Neuron("g1", kind="generator"))
    network.add_neuron(Neuron("n1"))
    network.connect(Synapse("g1", "n1"))
    return network


@pytest.mark.parametrize("make", [
    lambda n: c.AddNeuronCommand(n, Neuron("h1")),  # the id is taken
    lambda n: c.AddNeuronCommand(n, Neuron("g9", kind="generator")),  # a rate network
    lambda n: c.ConnectCommand(n, Synapse("h1", "x1")),  # into an input
    lambda n: c.ConnectCommand(n, Synapse("x1", "h1")),  # already there
    lambda n: c.ConnectCommand(n, Synapse("x1", "ghost")),
    lambda n: c.SetNeuronParamCommand(n, "h1", "threshold", "high"),
    lambda n: c.SetNeuronParamCommand(n, "h1", "threshold", math.nan),
    lambda n: c.SetNeuronParamCommand(n, "h1", "activation", "softmax"),
    lambda n: c.SetNeuronParamCommand(n, "h1", "kind", "input"),  # it has incoming synapses
    lambda n: c.SetNeuronParamCommand(n, "h1", "position", (1.0,)),
    lambda n: c.SetSynapseParamCommand(n, ("x1", "h1"), "weight", math.inf),
    lambda n: c.SetSynapseParamCommand(n, ("x1", "h1"), "delay_ms", -1.0),
    lambda n: c.SetNetworkParamCommand(n, "update", "sideways"),
    lambda n: c.SetNetworkParamCommand(n, "dt_ms", 0.0),
    lambda n: c.SetNeuronParamCommand(n, "ghost", "threshold", 1.0),
    lambda n: c.SetSynapseParamCommand(n, ("h1", "x1"), "weight", 1.0),
    lambda n: c.SetNeuronParamCommand(n, "h1", "no_such_parameter", 1.0),
    lambda n: c.SetSynapseParamCommand(n, ("x1", "h1"), "no_such_parameter", 1.0),
    lambda n: c.SetNetworkParamCommand(n, "no_such_parameter", 1.0),
    lambda n: c.SetNetworkParamCommand(n, "copy", 1.0),
    lambda n: c.RemoveNeuronCommand(n, "ghost"),
    lambda n: c.DisconnectCommand(n, ("h1", "x1")),
    lambda n: c.add_items_command(n, "nothing", [], []),
])
def test_push_leaves_stack_and_network_untouched_when_the_model_refuses(stack, make):
    network = sample()
    c.push(stack, c.SetNeuronParamCommand(network, "y", "threshold", 1.0))  # something to undo
    before = network.copy()
    mirror = Mirror(network)
    with pytest.raises(ModelError):
        c.push(stack, make(network))  # refused when built or when applied
    assert network == before
    assert stack.count() == 1 and stack.index() == 1
    assert mirror.agrees_with(network)
    stack.undo()
    assert network.neurons["y"].threshold == 0.0


def test_switching_to_rate_with_generators_is_refused(stack):
    network = spiking_sample()
    before = network.copy()
    with pytest.raises(ModelError, match="generator"):
        c.push(stack, c.SetNetworkParamCommand(network, "model", "rate"))
    assert network == before and stack.count() == 0


@pytest.mark.parametrize("failing_at", [0, 1, 3, 5])
def test_a_failed_child_rolls_back_the_whole_macro(stack, failing_at):
    network = sample()
    before = network.copy()
    mirror = Mirror(network)
    children = [
        c.AddNeuronCommand(network, Neuron("z", position=(600.0, 0.0))),
        c.RemoveNeuronCommand(network, "h1"),  # with children of its own
        c.SetSynapseParamCommand(network, ("x1", "h2"), "weight", 9.0),
        c.DisconnectCommand(network, ("h2", "y")),
        c.SetNetworkParamCommand(network, "update", "synchronous"),
    ]
    children.insert(failing_at, c.ConnectCommand(network, Synapse("y", "x2")))  # into an input: refused
    with pytest.raises(ModelError):
        c.push(stack, c.macro(network, "doomed", children))
    assert network == before
    assert stack.count() == 0
    assert mirror.agrees_with(network)


def test_a_failed_part_of_a_paste_is_rolled_back(stack):
    network = sample()
    before = network.copy()
    command = c.add_items_command(network, "Paste", [Neuron("z")], [Synapse("x1", "z"), Synapse("z", "x1")])
    with pytest.raises(ModelError):
        c.push(stack, command)
    assert network == before and stack.count() == 0


# ---- delete ----------------------------------------------------------------------------------------
def test_delete_neurons_and_synapses_in_one_step_undoes_exactly(stack):
    network = sample()
    mirror = Mirror(network)
    command = c.delete_command(
        network, ["h1", "h2"],
        [("x1", "y"), ("h1", "h2"), ("x2", "h1"), ("h2", "h2"), ("h1", "y")])  # some stale, some via neurons
    before, after = round_trip(stack, network, command)
    assert list(after.neurons) == ["x1", "x2", "y"]
    assert list(after.synapses) == []
    assert stack.count() == 1
    stack.undo()
    assert list(network.synapses) == list(before.synapses)
    assert mirror.agrees_with(network)


def test_delete_a_synapse_between_two_deleted_neurons_and_plain_synapses():
    network = Network()
    for i, nid in enumerate(["a", "b", "c", "d", "e"]):
        network.add_neuron(Neuron(nid, position=(100.0 * i, 0.0)))
    for s, t in [("a", "b"), ("b", "c"), ("c", "d"), ("d", "b"), ("a", "e"), ("e", "a"), ("b", "b"), ("a", "c")]:
        network.connect(Synapse(s, t))
    stack = QUndoStack()
    # b and d deleted with b → c, c → d, d → b, b → b; a → e and a → c deleted by key; d → b also by key.
    command = c.delete_command(network, ["d", "b"], [("a", "e"), ("d", "b"), ("a", "c")])
    before, after = round_trip(stack, network, command)
    assert list(after.neurons) == ["a", "c", "e"]
    assert list(after.synapses) == [("e", "a")]


def test_delete_with_repeated_ids_and_keys_still_works(stack):
    network = sample()
    command = c.delete_command(network, ["h1", "h1", "ghost"], [("x1", "h2"), ("x1", "h2"), ("no", "pe")])
    _, after = round_trip(stack, network, command)
    assert "h1" not in after.neurons and ("x1", "h2") not in after.synapses


def test_delete_text_names_a_single_item():
    network = sample()
    assert c.delete_command(network, [], [("x1", "h1")]).text() == "Delete synapse x1 → h1"
    assert c.delete_command(network, ["y"], []).text() == "Delete Output"
    assert c.delete_command(network, ["y", "h1"], []).text() == "Delete"


def test_delete_everything_and_back(stack):
    network = sample()
    _, after = round_trip(stack, network, c.delete_command(network, list(network.neurons), list(network.synapses)))
    assert len(after) == 0 and not after.synapses


# ---- merging -------------------------------------------------------------------------------------
def test_set_synapse_param_with_the_same_merge_key_is_one_step(stack):
    network = sample()
    before = network.copy()
    for value in (0.6, 0.7, 0.8):
        c.push(stack, c.SetSynapseParamCommand(network, ("x1", "h1"), "weight", value, merge_key="drag-1"))
    assert stack.count() == 1
    assert network.synapses[("x1", "h1")].weight == 0.8
    after = network.copy()
    stack.undo()
    assert network == before
    stack.redo()
    assert network == after


def test_different_merge_keys_or_no_key_are_separate_steps(stack):
    network = sample()
    key = ("x1", "h1")
    c.push(stack, c.SetSynapseParamCommand(network, key, "weight", 0.6, merge_key="drag-1"))
    c.push(stack, c.SetSynapseParamCommand(network, key, "weight", 0.7, merge_key="drag-2"))
    assert stack.count() == 2
    c.push(stack, c.SetSynapseParamCommand(network, key, "weight", 0.8))
    c.push(stack, c.SetSynapseParamCommand(network, key, "weight", 0.9))
    assert stack.count() == 4
    # The same key but another parameter or another synapse: separate too.
    c.push(stack, c.SetSynapseParamCommand(network, key, "delay_ms", 2.0, merge_key="drag-3"))
    c.push(stack, c.SetSynapseParamCommand(network, key, "weight", 1.0, merge_key="drag-3"))
    c.push(stack, c.SetSynapseParamCommand(network, ("h1", "y"), "weight", 1.0, merge_key="drag-3"))
    assert stack.count() == 7
    # And a neuron parameter with the same key does not merge into a synapse command.
    c.push(stack, c.SetNeuronParamCommand(network, "h1", "threshold", 1.0, merge_key="drag-3"))
    assert stack.count() == 8
    while stack.canUndo():
        stack.undo()
    assert network == sample()


def test_merging_back_to_the_original_value_makes_the_step_obsolete(stack):
    network = sample()
    c.push(stack, c.SetNeuronParamCommand(network, "y", "label", "Out"))
    before = network.copy()
    c.push(stack, c.SetSynapseParamCommand(network, ("x1", "h1"), "weight", 2.0, merge_key=7))
    c.push(stack, c.SetSynapseParamCommand(network, ("x1", "h1"), "weight", 3.0, merge_key=7))
    assert stack.count() == 2
    c.push(stack, c.SetSynapseParamCommand(network, ("x1", "h1"), "weight", 0.5, merge_key=7))  # the original
    assert stack.count() == 1 and stack.index() == 1
    assert network == before
    stack.undo()
    assert network == sample()


def test_a_slider_drag_merges_for_network_params_too(stack):
    network = spiking_sample()
    for dt in (0.2, 0.3, 0.4):
        c.push(stack, c.SetNetworkParamCommand(network, "dt_ms", dt, merge_key="slider"))
    assert stack.count() == 1
    stack.undo()
    assert network.dt_ms == 0.1


# ---- move, add items ---------------------------------------------------------------------------
def test_move_command_is_one_step(stack):
    network = sample()
    moves = {"x1": (-10.0, 5.0), "h2": (220.0, 130.0), "y": (420.0, 60.0)}
    command = c.move_command(network, moves)
    assert command.text() == "Move 3 neurons"
    _, after = round_trip(stack, network, command)
    assert {nid: after.neurons[nid].position for nid in moves} == moves
    assert c.move_command(network, {"y": (0.0, 0.0)}).text() == "Move y"


def test_paste_as_add_items_and_undo_removes_everything(stack):
    network = sample()
    data = editing.copy_selection(network, ["x1", "h1", "h2", "y"])
    neurons, synapses = editing.paste_plan(network, data)
    before, after = round_trip(stack, network, c.add_items_command(network, "Paste", neurons, synapses))
    assert len(after) == len(before) + 4
    assert len(after.synapses) == len(before.synapses) + len(synapses)
    stack.undo()
    assert network == before


def test_add_layer_and_connect_all_are_one_step_each(stack):
    network = sample()
    x = geometry.free_spot_right_of([n.position for n in network])
    layer = editing.layer_plan(network, 3, "neuron", "relu", x, 55.0)
    round_trip(stack, network, c.add_items_command(network, "Add layer", layer, []))
    plan = editing.connect_all_plan(network, ["y"] + [n.id for n in layer])
    assert len(plan) == 3
    round_trip(stack, network, c.add_items_command(network, "Connect all", [], plan))
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert network == sample()
