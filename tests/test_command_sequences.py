"""Random edit sequences through `push`: after each edit the model is sound, a mirror fed only by its
events agrees with it, and undo / redo walk back and forth through exactly the states it passed."""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from PySide6.QtGui import QUndoStack

from neuron_sim import commands as c
from neuron_sim.model import ModelError, Neuron, Synapse
from neuron_sim.model import editing, geometry
from neuron_sim.model.entities import NETWORK_PARAMS, NEURON_PARAMS, SYNAPSE_PARAMS

from .command_helpers import Mirror, sample


@pytest.fixture(autouse=True)
def _app(qapp):
    """QUndoStack and translations want an application object (the state machine too)."""
    return qapp


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
