"""Undo commands: each model edit is one QUndoCommand whose redo/undo call one model method.

Compound edits of the structure (paste, duplicate, add a layer, connect all, delete a selection)
are one command each, whose apply and revert are one batch call of the model (Network.add_all,
remove_all, restore): one event each way, so the engine and the canvas rebuild once. Other
compound edits are parent commands whose children do the parts. Commands touch only the model;
the view follows its events.

`push(stack, command)` applies the command first and pushes it only if the model accepted it and
changed, so a refused edit or one that changes nothing never enters the undo history, and a failed
part of a compound edit is rolled back.

The commands live in three modules: `base` (ModelCommand, push, macro), `edits` (one neuron,
synapse, note or parameter) and `compound` (moves, deletions, additions, a model conversion,
many parameters at once); every name is importable from here.
"""

from __future__ import annotations

from neuron_sim.commands.base import ModelCommand, macro, push
from neuron_sim.commands.compound import (AddItemsCommand, RemoveItemsCommand, SetManyCommand, add_items_command,
                                          delete_command, move_command, set_model_command)
from neuron_sim.commands.edits import (_PARAM_NAMES, AddNeuronCommand, AddNoteCommand, ConnectCommand,
                                       DisconnectCommand, RemoveNeuronCommand, RemoveNoteCommand,
                                       SetNetworkParamCommand, SetNeuronParamCommand, SetNoteParamCommand,
                                       SetSynapseParamCommand, param_text)

__all__ = ["AddItemsCommand", "AddNeuronCommand", "AddNoteCommand", "ConnectCommand", "DisconnectCommand",
           "ModelCommand", "RemoveItemsCommand", "RemoveNeuronCommand", "RemoveNoteCommand", "SetManyCommand",
           "SetNetworkParamCommand", "SetNeuronParamCommand", "SetNoteParamCommand", "SetSynapseParamCommand",
           "_PARAM_NAMES", "add_items_command", "delete_command", "macro", "move_command", "param_text", "push",
           "set_model_command"]
