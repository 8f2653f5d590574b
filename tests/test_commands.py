"""Undo commands: every edit round-trips the model exactly, refusals never enter the history.

The oracle is the model itself: a deep copy taken before and after each edit, compared with `==`
(parameters, neurons in order, synapses in order). A mirror fed only by the model's events checks that
a view following them stays in step, rollbacks included.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from PySide6.QtGui import QUndoStack

from neuron_sim import commands as c
from neuron_sim.model import ModelError, Network, Neuron, Synapse
from neuron_sim.model import editing, geometry
from neuron_sim.model.entities import NETWORK_PARAMS, NEURON_PARAMS, SYNAPSE_PARAMS


@pytest.fixture(autouse=True)
def _app(qapp):
    """QUndoStack and translations want an application object (also for the state machine below)."""
    return qapp


@pytest.fixture
def stack():
    return QUndoStack()


def sample() -> Network:
    """x1, x2 → h1, h2 → y, with a loop y → h1 and a self-loop on h2, synapses in a mixed order."""
    network = Network(name="sample")
    network.add_neuron(Neuron("x1", kind="input", position=(0.0, 0.0), value=1.0))
    network.add_neuron(Neuron("h1", position=(200.0, 0.0), threshold=0.5))
    network.add_neuron(Neuron("x2", kind="input", position=(0.0, 110.0)))
    network.add_neuron(Neuron("h2", position=(200.0, 110.0), activation="relu"))
    network.add_neuron(Neuron("y", label="Output", position=(400.0, 55.0)))
    for source, target, weight in (("x1", "h1", 0.5), ("h1", "y", 1.5), ("x2", "h1", -1.0), ("y", "h1", 0.25),
                                   ("x1", "h2", 2.0), ("h2", "h2", 0.1), ("h2", "y", -0.5), ("x2", "h2", 3.0)):
        network.connect(Synapse(source, target, weight=weight))
    return network


class Mirror:
    """What a view knows: the ids and keys it was told about through events."""

    def __init__(self, network: Network):
        self.neurons = set(network.neurons)
        self.synapses = set(network.synapses)
        events = network.events
        events.neuron_added.connect(self._neuron_added)
        events.neuron_removed.connect(self._neuron_removed)
        events.synapse_added.connect(self._synapse_added)
        events.synapse_removed.connect(self._synapse_removed)
        self.log: list[tuple[str, object]] = []

    def _neuron_added(self, nid):
        assert nid not in self.neurons
        self.neurons.add(nid)
        self.log.append(("neuron_added", nid))

    def _neuron_removed(self, nid):
        assert nid in self.neurons
        assert not any(nid in key for key in self.synapses), "a neuron went before its synapses"
        self.neurons.remove(nid)
        self.log.append(("neuron_removed", nid))

    def _synapse_added(self, key):
        assert key not in self.synapses and set(key) <= self.neurons
        self.synapses.add(key)
        self.log.append(("synapse_added", key))

    def _synapse_removed(self, key):
        assert key in self.synapses
        self.synapses.remove(key)
        self.log.append(("synapse_removed", key))

    def agrees_with(self, network: Network) -> bool:
        return self.neurons == set(network.neurons) and self.synapses == set(network.synapses)


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


# ---- random edit sequences ---------------------------------------------------------------------
values = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=32),
    st.floats(-10.0, 10.0),
    st.integers(-5, 5),
    st.none(),
    st.booleans(),
    st.text(max_size=5),
    st.sampled_from(["input", "neuron", "generator", "sigmoid", "relu", "step", "poisson", "regular",
                     "rate", "spiking", "feedforward", "synchronous"]),
    st.tuples(st.floats(-500, 500), st.floats(-500, 500)),
    st.tuples(st.floats(-500, 500)),
)
merge_keys = st.one_of(st.none(), st.sampled_from(["a", "b"]))


def valid_values(spec):
    """Values the parameter table allows (so that edits are accepted about as often as refused)."""
    if spec.kind == "float":
        low = max(spec.minimum if spec.minimum is not None else -1e3, -1e3)
        high = min(spec.maximum if spec.maximum is not None else 1e3, 1e3)
        return st.floats(low, high)
    if spec.kind == "int":
        return st.integers(int(spec.minimum or 0), int(spec.minimum or 0) + 100)
    if spec.kind == "choice":
        return st.sampled_from(spec.choices)
    if spec.kind == "str":
        return st.text(max_size=8)
    if spec.kind == "position":
        return st.tuples(st.floats(-800, 800), st.floats(-800, 800))
    return values


def param_edits(table):
    """(name, value) pairs: half valid for the parameter, half anything at all."""
    return st.sampled_from(sorted(table)).flatmap(
        lambda name: st.tuples(st.just(name), st.one_of(valid_values(table[name]), values)))
KINDS = ("input", "neuron", "generator")


class EditSequences(RuleBasedStateMachine):
    """Random edits through `push`; after each, the model is sound and matches the history."""

    def __init__(self):
        super().__init__()
        self.network = sample()
        self.mirror = Mirror(self.network)
        self.stack = QUndoStack()
        self.states = [self.network.copy()]  # states[i]: the network at stack index i
        self.clipboard: dict | None = None

    # -- helpers --
    def ids(self, data, allow_ghost=True, min_size=0, max_size=6):
        ids = list(self.network.neurons) + (["ghost"] if allow_ghost else [])
        return data.draw(st.lists(st.sampled_from(ids), min_size=min_size, max_size=max_size)) if ids else []

    def one_id(self, data):
        return data.draw(st.sampled_from(list(self.network.neurons) + ["ghost"]))

    def edit(self, make):
        index = self.stack.index()
        before = self.network.copy()
        try:
            pushed = c.push(self.stack, make())
        except ModelError:
            pushed = None
        if not pushed:  # refused, or it changed nothing: either way not in the history
            assert self.network == before
            assert self.stack.index() == index and self.stack.count() == len(self.states) - 1
            return
        now = self.stack.index()
        assert now in (index + 1, index, index - 1)
        if now == index - 1:  # merged back to where the merged step started: obsolete, removed
            assert self.network == self.states[now]
        self.states = self.states[:now] + [self.network.copy()]

    # -- rules --
    @rule(kind=st.sampled_from(KINDS), data=st.data(), x=st.floats(-800, 800), y=st.floats(-800, 800))
    def add_neuron(self, kind, data, x, y):
        nid = data.draw(st.sampled_from([self.network.new_id("n"), self.network.new_id(kind[0])]
                                        + list(self.network.neurons)[:2]))
        self.edit(lambda: c.AddNeuronCommand(self.network, Neuron(nid, kind=kind, position=(x, y))))

    @rule(data=st.data())
    def delete(self, data):
        ids = self.ids(data, max_size=2)
        all_keys = list(self.network.synapses) + [("ghost", "x1")]
        keys = data.draw(st.lists(st.sampled_from(all_keys), max_size=3))
        self.edit(lambda: c.delete_command(self.network, ids, keys))

    @rule(data=st.data(), weight=st.floats(-5, 5))
    def connect(self, data, weight):
        cells = [n.id for n in self.network if n.kind == "neuron"]
        source = self.one_id(data)
        target = data.draw(st.sampled_from(cells)) if cells and data.draw(st.booleans()) else self.one_id(data)
        self.edit(lambda: c.ConnectCommand(self.network, Synapse(source, target, weight=weight)))

    @rule(data=st.data(), edit=param_edits(NEURON_PARAMS), key=merge_keys)
    def set_neuron_param(self, data, edit, key):
        name, value = edit
        nid = self.one_id(data)
        self.edit(lambda: c.SetNeuronParamCommand(self.network, nid, name, value, merge_key=key))

    @precondition(lambda self: self.network.synapses)
    @rule(data=st.data(), edit=param_edits(SYNAPSE_PARAMS), key=merge_keys)
    def set_synapse_param(self, data, edit, key):
        name, value = edit
        synapse_key = data.draw(st.sampled_from(list(self.network.synapses)))
        self.edit(lambda: c.SetSynapseParamCommand(self.network, synapse_key, name, value, merge_key=key))

    @rule(edit=param_edits(NETWORK_PARAMS), key=merge_keys)
    def set_network_param(self, edit, key):
        name, value = edit
        self.edit(lambda: c.SetNetworkParamCommand(self.network, name, value, merge_key=key))

    @rule(data=st.data(), dx=st.floats(-100, 100), dy=st.floats(-100, 100))
    def move(self, data, dx, dy):
        ids = [nid for nid in self.ids(data, allow_ghost=False, min_size=1) if nid in self.network.neurons]
        if not ids:
            return
        moves = {nid: (self.network.neurons[nid].position[0] + dx, self.network.neurons[nid].position[1] + dy)
                 for nid in ids}
        self.edit(lambda: c.move_command(self.network, moves))

    @rule(data=st.data())
    def copy(self, data):
        self.clipboard = editing.copy_selection(self.network, self.ids(data))

    @precondition(lambda self: self.clipboard is not None)
    @rule(dx=st.floats(-50, 50), dy=st.floats(-50, 50))
    def paste(self, dx, dy):
        def make():
            neurons, synapses = editing.paste_plan(self.network, self.clipboard, offset=(dx, dy))
            return c.add_items_command(self.network, "Paste", neurons, synapses)
        self.edit(make)

    @rule(count=st.integers(0, 4), kind=st.sampled_from(KINDS), activation=st.sampled_from(["sigmoid", "relu"]))
    def add_layer(self, count, kind, activation):
        def make():
            positions = [n.position for n in self.network]
            x = geometry.free_spot_right_of(positions)
            neurons = editing.layer_plan(self.network, count, kind, activation, x, 0.0)
            return c.add_items_command(self.network, "Add layer", neurons, [])
        self.edit(make)

    @rule(data=st.data())
    def connect_all(self, data):
        everything = data.draw(st.booleans())
        ids = list(self.network.neurons) if everything else self.ids(data, allow_ghost=False, min_size=2)
        self.edit(lambda: c.add_items_command(self.network, "Connect all", [],
                                              editing.connect_all_plan(self.network, ids)))

    @rule(data=st.data(), dx=st.floats(-100, 100))
    def compound_edit_whose_last_part_is_refused(self, data, dx):
        ids = [nid for nid in self.ids(data, allow_ghost=False, max_size=3) if nid in self.network.neurons]
        moves = {nid: (self.network.neurons[nid].position[0] + dx, 0.0) for nid in ids}
        doomed = self.ids(data, max_size=2)
        keys = data.draw(st.lists(st.sampled_from(list(self.network.synapses) or [("a", "b")]), max_size=2))

        def make():
            return c.macro(self.network, "doomed", [
                c.move_command(self.network, moves),
                c.delete_command(self.network, doomed, keys),
                c.AddNeuronCommand(self.network, Neuron(self.network.new_id("n"))),
                c.ConnectCommand(self.network, Synapse("x1", "ghost")),
            ])
        self.edit(make)
        assert self.stack.count() == len(self.states) - 1

    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def undo(self):
        self.stack.undo()

    @precondition(lambda self: self.stack.canRedo())
    @rule()
    def redo(self):
        self.stack.redo()

    # -- checks --
    @invariant()
    def the_model_is_sound(self):
        network = self.network
        for nid, neuron in network.neurons.items():
            assert neuron.id == nid
            assert network.model == "spiking" or neuron.kind != "generator"
        for key, synapse in network.synapses.items():
            assert key == (synapse.source, synapse.target)
            assert synapse.source in network.neurons and synapse.target in network.neurons
            assert network.neurons[synapse.target].kind == "neuron"
        assert len(set(network.synapses)) == len(network.synapses)
        assert self.mirror.agrees_with(network)

    @invariant()
    def the_network_matches_the_history(self):
        assert self.stack.count() == len(self.states) - 1
        assert self.network == self.states[self.stack.index()]

    def teardown(self):
        while self.stack.canUndo():
            self.stack.undo()
        assert self.network == self.states[0] == sample()
        while self.stack.canRedo():
            self.stack.redo()
        assert self.network == self.states[-1]
        assert self.mirror.agrees_with(self.network)


EditSequences.TestCase.settings = settings(
    max_examples=30, stateful_step_count=120, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
TestEditSequences = EditSequences.TestCase
