"""SetManyCommand: a batch of values as one undo step, with one model event each way; commands of one
training run (one merge key) fold into one step that undoes back to before the run."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from neuron_sim import commands as c
from neuron_sim.model import ModelError

from .command_helpers import sample


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


def events_of(network) -> list[str]:
    names: list[str] = []
    network.events.all.connect(lambda info: names.append(info.signal.name))
    return names


def weights(network, scale: float) -> list[tuple]:
    return [("synapse", key, "weight", s.weight * scale + 0.125) for key, s in network.synapses.items()]


def test_one_step_one_event_each_way_and_undo_restores_everything():
    network, stack = sample(), QUndoStack()
    before = network.copy()
    names = events_of(network)
    changes = weights(network, 2.0) + [("neuron", "h1", "threshold", -0.75), ("neuron", "x1", "value", 0.5)]
    assert c.push(stack, c.SetManyCommand(network, changes, "Train"))
    after = network.copy()
    assert names == ["params_changed"] and stack.count() == 1 and stack.undoText() == "Train"
    assert after.neuron("h1").threshold == -0.75 and after.synapse(("x1", "h1")).weight == 1.125
    stack.undo()
    assert network == before and names == ["params_changed"] * 2
    stack.redo()
    assert network == after and names == ["params_changed"] * 3


def test_commands_of_one_run_fold_into_one_step_back_to_before_the_run():
    network, stack = sample(), QUndoStack()
    before = network.copy()
    run = object()
    for k in range(1, 4):
        c.push(stack, c.SetManyCommand(network, weights(network, 0.5), f"Train {k} epochs", merge_key=run))
    c.push(stack, c.SetManyCommand(network, [("neuron", "y", "threshold", 2.0)], "Train 4 epochs", merge_key=run))
    after = network.copy()
    assert stack.count() == 1 and stack.undoText() == "Train 4 epochs"
    stack.undo()
    assert network == before
    stack.redo()
    assert network == after


def test_another_run_or_another_edit_between_makes_its_own_step():
    network, stack = sample(), QUndoStack()
    first = object()
    c.push(stack, c.SetManyCommand(network, weights(network, 0.5), "Train", merge_key=first))
    c.push(stack, c.SetManyCommand(network, weights(network, 0.5), "Train", merge_key=object()))
    assert stack.count() == 2
    c.push(stack, c.SetNeuronParamCommand(network, "h1", "threshold", 9.0))
    c.push(stack, c.SetManyCommand(network, weights(network, 0.5), "Train", merge_key=first))
    assert stack.count() == 4


def test_a_run_that_ends_where_it_began_leaves_no_step():
    network, stack = sample(), QUndoStack()
    run = object()
    old = network.synapse(("x1", "h1")).weight
    c.push(stack, c.SetManyCommand(network, [("synapse", ("x1", "h1"), "weight", 5.0)], "Train", merge_key=run))
    c.push(stack, c.SetManyCommand(network, [("synapse", ("x1", "h1"), "weight", old)], "Train", merge_key=run))
    assert stack.count() == 0 and network.synapse(("x1", "h1")).weight == old


def test_a_refused_batch_changes_nothing_and_is_not_pushed():
    network, stack = sample(), QUndoStack()
    before = network.copy()
    with pytest.raises(ModelError):
        c.push(stack, c.SetManyCommand(network, weights(network, 2.0) + [("neuron", "h1", "threshold", "high")], "x"))
    assert network == before and stack.count() == 0
    with pytest.raises(ModelError):
        c.SetManyCommand(network, [("synapse", ("x1", "y"), "weight", 1.0)], "x")
