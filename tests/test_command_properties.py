"""Random sequences of 200 edit commands, undone and redone: the file content comes back exactly.

Each sequence starts from an example network and applies 200 random edits through the real
command classes on a QUndoStack: add neuron, delete (neurons and synapses), connect, disconnect,
set a neuron, synapse or network parameter (valid and invalid values), move, paste, add layer,
connect all, and undo / redo in between. ("Train" does not exist yet.) After every step the model
invariants hold; at the end, undoing everything gives back the starting network's file content
(`fileformat.to_dict`), and redoing everything the end state. The oracle is the file content taken
before any edit, not the commands' own bookkeeping.

Seeds are fixed (random.Random(seed)), so every run and CI checks the same sequences;
tests/test_commands.py holds the hypothesis state machine that explores (and shrinks) further.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from neuron_sim import commands as c
from neuron_sim.model import ModelError, Network, Neuron, Synapse
from neuron_sim.model import editing, geometry
from neuron_sim.model.entities import NETWORK_PARAMS, NEURON_PARAMS, SYNAPSE_PARAMS, ParamSpec, Stdp, validate_id
from neuron_sim.model.fileformat import from_dict, load, to_dict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))
STEPS = 200


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


# ---- invariants ---------------------------------------------------------------------------------------
def check_invariants(network: Network) -> None:
    ids = list(network.neurons)
    assert len(ids) == len(set(ids))
    for nid, neuron in network.neurons.items():
        assert neuron.id == nid and validate_id(nid) == nid
        for name, spec in NEURON_PARAMS.items():
            assert _within(spec, getattr(neuron, name)), (nid, name, getattr(neuron, name))
        assert network.model == "spiking" or neuron.kind != "generator"
    for key, synapse in network.synapses.items():
        assert key == (synapse.source, synapse.target)
        assert synapse.source in network.neurons and synapse.target in network.neurons
        assert network.neurons[synapse.target].kind == "neuron"
        for name, spec in SYNAPSE_PARAMS.items():
            assert _within(spec, getattr(synapse, name)), (key, name)
    for name, spec in NETWORK_PARAMS.items():
        assert _within(spec, getattr(network, name)), name
    # The network validates as a file: what it saves loads back equal, through JSON text.
    data = to_dict(network)
    assert from_dict(json.loads(json.dumps(data, allow_nan=False))) == network


def _within(spec: ParamSpec, value: Any) -> bool:
    """The value is what the parameter table allows, already in its canonical form."""
    try:
        return spec.validate(value) == value
    except ModelError:
        return False


# ---- random edits ---------------------------------------------------------------------------------------
ANY_VALUES = [float("nan"), float("inf"), -1e9, 1e9, -1.0, 0.0, 0.5, 3, True, None, "", "abc", "relu",
              "spiking", "synchronous", (1.0, 2.0), (math.inf, 0.0), [5.0], "가나다"]


def random_value(rng: random.Random, spec: ParamSpec) -> Any:
    """A value for `spec`: mostly valid, sometimes anything (which the model must refuse cleanly)."""
    if rng.random() < 0.25:
        return rng.choice(ANY_VALUES)
    if spec.kind == "float":
        low = spec.minimum if spec.minimum is not None else -1e6
        high = spec.maximum if spec.maximum is not None else 1e6
        return rng.choice([low, high, spec.default if spec.default is not None else low,
                           rng.uniform(max(low, -100), min(high, 100))])
    if spec.kind == "int":
        return rng.randint(int(spec.minimum or 0), int(spec.minimum or 0) + 50)
    if spec.kind == "choice":
        return rng.choice(spec.choices)
    if spec.kind == "str":
        return rng.choice(["", "a", "Zelle 1", "뉴런", "x" * 10])
    if spec.kind == "plasticity":  # None, a rule, a file's object, or bounds that cross (refused)
        return rng.choice([None, Stdp(), Stdp(A_pre=rng.uniform(-1, 1), w_max=rng.uniform(0, 20)),
                           {"rule": "stdp", "tau_pre_ms": rng.uniform(1, 50)}, Stdp(w_min=5.0, w_max=1.0)])
    return (rng.uniform(-800, 800), rng.uniform(-800, 800))


class Walk:
    """One random sequence of edits; `step` applies one and records what the stack should hold."""

    def __init__(self, network: Network, seed: int):
        self.rng = random.Random(seed)
        self.network = network
        self.stack = QUndoStack()
        self.clipboard: dict | None = None
        self.counts: dict[str, int] = {}

    def some_ids(self, most: int = 3) -> list[str]:
        ids = list(self.network.neurons)
        chosen = self.rng.sample(ids, k=min(len(ids), self.rng.randint(0, most)))
        return chosen + (["ghost"] if self.rng.random() < 0.1 else [])

    def one_id(self) -> str:
        ids = list(self.network.neurons)
        return self.rng.choice(ids) if ids and self.rng.random() < 0.9 else "ghost"

    def command(self, kind: str) -> c.ModelCommand | None:
        network, rng = self.network, self.rng
        if kind == "add neuron":
            neuron_kind = rng.choice(["input", "neuron", "generator"])
            nid = rng.choice([network.new_id(neuron_kind[0]), *list(network.neurons)[:1]])
            return c.AddNeuronCommand(network, Neuron(nid, kind=neuron_kind,
                                                      position=(rng.uniform(-500, 500), rng.uniform(-500, 500))))
        if kind == "delete":
            keys = rng.sample(list(network.synapses), k=min(2, len(network.synapses)))
            return c.delete_command(network, self.some_ids(2), keys)
        if kind == "connect":
            cells = [n.id for n in network if n.kind == "neuron"]
            target = rng.choice(cells) if cells and rng.random() < 0.8 else self.one_id()
            return c.ConnectCommand(network, Synapse(self.one_id(), target, weight=rng.uniform(-5, 5)))
        if kind == "disconnect":
            return c.DisconnectCommand(network, rng.choice(list(network.synapses))) if network.synapses else None
        if kind == "set neuron parameter":
            name = rng.choice(sorted(NEURON_PARAMS))
            merge = rng.choice([None, None, "drag"])
            return c.SetNeuronParamCommand(network, self.one_id(), name,
                                           random_value(rng, NEURON_PARAMS[name]), merge_key=merge)
        if kind == "set synapse parameter":
            if not network.synapses:
                return None
            name = rng.choice(sorted(SYNAPSE_PARAMS))
            return c.SetSynapseParamCommand(network, rng.choice(list(network.synapses)), name,
                                            random_value(rng, SYNAPSE_PARAMS[name]),
                                            merge_key=rng.choice([None, "slider"]))
        if kind == "set network parameter":
            name = rng.choice(sorted(NETWORK_PARAMS))
            return c.SetNetworkParamCommand(network, name, random_value(rng, NETWORK_PARAMS[name]))
        if kind == "move":
            ids = [nid for nid in self.some_ids() if nid in network.neurons]
            if not ids:
                return None
            dx, dy = rng.choice([0.0, rng.uniform(-60, 60)]), rng.uniform(-60, 60)
            return c.move_command(network, {nid: (network.neurons[nid].position[0] + dx,
                                                  network.neurons[nid].position[1] + dy) for nid in ids})
        if kind == "paste":
            self.clipboard = editing.copy_selection(network, self.some_ids())
            neurons, synapses = editing.paste_plan(network, self.clipboard,
                                                   offset=(rng.uniform(-40, 40), rng.uniform(-40, 40)))
            return c.add_items_command(network, "Paste", neurons, synapses)
        if kind == "add layer":
            x = geometry.free_spot_right_of([n.position for n in network])
            neurons = editing.layer_plan(network, rng.randint(1, 4), rng.choice(["input", "neuron"]),
                                         rng.choice(["sigmoid", "relu", "step"]), x, 0.0)
            return c.add_items_command(network, "Add layer", neurons, [])
        if kind == "connect all":
            ids = [nid for nid in self.some_ids(4) if nid in network.neurons]
            return c.add_items_command(network, "Connect all", [], editing.connect_all_plan(network, ids))
        raise AssertionError(kind)

    KINDS = ("add neuron", "delete", "connect", "disconnect", "set neuron parameter", "set synapse parameter",
             "set network parameter", "move", "paste", "add layer", "connect all", "undo", "redo")
    WEIGHTS = (6, 3, 8, 2, 8, 5, 2, 4, 2, 2, 2, 3, 2)

    def step(self) -> None:
        kind = self.rng.choices(self.KINDS, self.WEIGHTS)[0]
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if kind == "undo":
            self.stack.undo()
            return
        if kind == "redo":
            self.stack.redo()
            return
        before, count, index = to_dict(self.network), self.stack.count(), self.stack.index()
        try:
            command = self.command(kind)
            if command is None:
                return
            pushed = c.push(self.stack, command)
        except ModelError:
            pushed = None
        if not pushed:  # refused or changed nothing: the network and the history are as they were
            assert to_dict(self.network) == before
            assert (self.stack.count(), self.stack.index()) == (count, index)
            self.counts["not pushed"] = self.counts.get("not pushed", 0) + 1


@pytest.mark.parametrize("seed", range(8))
def test_200_random_edits_undo_to_the_start_and_redo_to_the_end(seed):
    network = load(EXAMPLES[seed % len(EXAMPLES)])
    start = to_dict(network)
    walk = Walk(network, seed)
    for _ in range(STEPS):
        walk.step()
        check_invariants(network)
    # The walk undid and redid in between; make the end state the top of the history.
    while walk.stack.canRedo():
        walk.stack.redo()
    end = to_dict(network)
    assert walk.stack.count() >= 20, walk.counts  # the walk really edited
    while walk.stack.canUndo():
        walk.stack.undo()
        check_invariants(network)
    assert to_dict(network) == start
    while walk.stack.canRedo():
        walk.stack.redo()
    assert to_dict(network) == end


def test_the_walks_use_every_kind_of_edit():
    totals: dict[str, int] = {}
    for seed in range(8):
        walk = Walk(load(EXAMPLES[seed % len(EXAMPLES)]), seed)
        for _ in range(STEPS):
            walk.step()
        for kind, count in walk.counts.items():
            totals[kind] = totals.get(kind, 0) + count
    assert set(Walk.KINDS) | {"not pushed"} <= set(totals), totals


# ---- commands that change nothing are not undo steps -----------------------------------------------------
def _network() -> Network:
    network = Network()
    network.add_neuron(Neuron("x1", kind="input", value=1.0))
    network.add_neuron(Neuron("y", threshold=0.5, position=(100.0, 0.0)))
    network.connect(Synapse("x1", "y", weight=2.0))
    return network


@pytest.mark.parametrize("make", [
    lambda n: c.SetNeuronParamCommand(n, "y", "threshold", 0.5),
    lambda n: c.SetNeuronParamCommand(n, "y", "threshold", 0.5, merge_key="drag"),
    lambda n: c.SetNeuronParamCommand(n, "y", "label", ""),  # an empty label is the id, as it was
    lambda n: c.SetSynapseParamCommand(n, ("x1", "y"), "weight", 2),
    lambda n: c.SetNetworkParamCommand(n, "model", "rate"),
    lambda n: c.move_command(n, {"y": (100.0, 0.0), "x1": (0.0, 0.0)}),
    lambda n: c.macro(n, "Nothing", [c.SetNeuronParamCommand(n, "x1", "value", 1.0)]),
], ids=["threshold", "threshold in a drag", "label", "weight", "model", "move in place", "macro"])
def test_a_command_that_changes_nothing_adds_no_undo_step(make):
    network = _network()
    stack = QUndoStack()
    c.push(stack, c.SetNeuronParamCommand(network, "y", "threshold", 0.25))
    stack.undo()  # something to redo, which a pushed no-op would throw away
    before = to_dict(network)
    assert c.push(stack, make(network)) is False
    assert stack.count() == 1 and stack.index() == 0 and stack.canRedo()
    assert to_dict(network) == before


def test_a_command_that_changes_something_is_one_undo_step():
    network = _network()
    stack = QUndoStack()
    assert c.push(stack, c.SetNeuronParamCommand(network, "y", "threshold", 0.75)) is True
    assert c.push(stack, c.move_command(network, {"y": (100.0, 0.0), "x1": (5.0, 0.0)})) is True
    assert stack.count() == 2 and network.neurons["x1"].position == (5.0, 0.0)
    stack.undo()
    stack.undo()
    assert network.neurons["y"].threshold == 0.5 and network.neurons["x1"].position == (0.0, 0.0)
