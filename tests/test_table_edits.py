"""Edits of a network loaded from a synapse table (format version 4), whose synapses are columns
until an edit asks for the objects: each edit and its undo leave the network as they leave the same
network loaded from a list of synapse objects, and the events a view follows come as they do."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from neuron_sim import commands as c
from neuron_sim.model import Neuron, Synapse
from neuron_sim.model.fileformat import dumps, loads

from .command_helpers import Mirror
from .model.test_synapse_table import mixed_spiking


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


def twins():
    """The same network loaded from a table and from a list (the list's as the oracle)."""
    network = mixed_spiking(seed=11, n=30)
    return loads(dumps(network, table=True)), loads(dumps(network, table=False))


def edits(network):
    keys = list(network.synapse_columns().keys())  # without making the objects of a loaded table
    first, last = keys[0], keys[-1]
    free = next((s, t) for s in ("c1", "c2", "c3") for t in ("c4", "c6", "c7", "c8", "c9") if (s, t) not in keys)
    return [
        c.SetSynapseParamCommand(network, first, "weight", 4.25),
        c.SetSynapseParamCommand(network, last, "delay_ms", 0.5),
        c.SetNeuronParamCommand(network, "c3", "position", (10.0, 20.0)),
        c.RemoveItemsCommand(network, ["c5"], [keys[len(keys) // 2]]),
        c.AddItemsCommand(network, "add", [Neuron("new")], [Synapse("c1", "new", weight=2.0), Synapse("new", "c2")]),
        c.DisconnectCommand(network, first),
        c.AddNeuronCommand(network, Neuron("h9", position=(1.0, 1.0))),
        c.ConnectCommand(network, Synapse(*free, weight=-1.0)),
        c.RemoveNeuronCommand(network, "c0"),
    ]


@pytest.mark.parametrize("edit", range(9))
def test_an_edit_after_a_table_load_and_its_undo_match_the_list_loaded_network(edit):
    from_table, from_list = twins()
    stacks = QUndoStack(), QUndoStack()
    mirror = Mirror(from_table)
    before = from_list.copy()
    assert from_table._pending_columns is not None  # the edit meets the columns
    for network, stack in zip((from_table, from_list), stacks):
        c.push(stack, edits(network)[edit])
    assert from_table == from_list and list(from_table.synapses) == list(from_list.synapses)
    assert mirror.agrees_with(from_table)
    after = from_list.copy()
    for _ in range(2):
        for stack in stacks:
            stack.undo()
        assert from_table == from_list == before and list(from_table.synapses) == list(before.synapses)
        for stack in stacks:
            stack.redo()
        assert from_table == from_list == after
    assert mirror.agrees_with(from_table)
    assert loads(dumps(from_table, table=True)) == after  # and it saves as it is


def test_setting_a_parameter_of_a_neuron_keeps_the_columns():
    from_table, _ = twins()
    stack = QUndoStack()
    c.push(stack, c.SetNeuronParamCommand(from_table, "c3", "tau_ms", 12.0))
    c.push(stack, c.SetNeuronParamCommand(from_table, "c3", "position", (1.0, 2.0)))
    assert from_table._pending_columns is not None  # no synapse involved: no objects made
