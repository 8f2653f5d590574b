"""Compound edits in the window (Add layer, Connect all, Duplicate, Paste, Delete, and their undo and
redo) are one model event each: the engine is rebuilt once and the synapses are laid out once,
however many neurons and synapses the edit holds. Counted, not timed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from neuron_sim.model import limits


class Counts:
    """What one action cost: model events, engine rebuilds, synapse layouts."""

    def __init__(self, window, monkeypatch):
        self.window = window
        self.events: list[str] = []
        self.rebuilds = 0
        self.layouts = 0
        window.network.events.all.connect(lambda info: self.events.append(info.signal.name))
        player, layer = window.playback.player, window.scene.synapse_layer
        player_rebuild, layer_rebuild = player.rebuild, layer.rebuild

        def counted_rebuild(*args, **kwargs):
            self.rebuilds += 1
            return player_rebuild(*args, **kwargs)

        def counted_layout(*args, **kwargs):
            self.layouts += 1
            return layer_rebuild(*args, **kwargs)

        monkeypatch.setattr(player, "rebuild", counted_rebuild)
        monkeypatch.setattr(layer, "rebuild", counted_layout)

    def of(self, action) -> tuple[list[str], int, int]:
        self.window.scene.flush()
        self.events.clear()
        self.rebuilds = self.layouts = 0
        action()
        self.window.scene.flush()
        return list(self.events), self.rebuilds, self.layouts


ONCE = (["structure_changed"], 1, 1)


@pytest.fixture
def counts(window, monkeypatch):
    return Counts(window, monkeypatch)


def two_columns(window) -> tuple[list[str], list[str]]:
    inputs = window.edit.add_layer_with(30, "input", at=QPointF(0.0, 0.0))
    cells = window.edit.add_layer_with(20, "neuron", at=QPointF(400.0, 0.0))
    return inputs, cells


def test_add_layer_and_connect_all_are_one_event_each_and_so_are_their_undo_and_redo(window, counts):
    stack = window.document.undo_stack
    assert counts.of(lambda: window.edit.add_layer_with(30, "input", at=QPointF(0.0, 0.0))) == ONCE
    cells = []
    assert counts.of(lambda: cells.extend(window.edit.add_layer_with(20, "neuron", at=QPointF(400.0, 0.0)))) == ONCE
    window.scene.select(list(window.network.neurons))
    assert counts.of(window.edit.connect_all) == ONCE
    assert len(window.network.synapses) == 600
    assert set(window.scene.synapse_layer.keys) == set(window.network.synapses)
    for _ in range(3):  # connect all, then the two layers, and back
        assert counts.of(stack.undo) == ONCE
    assert len(window.network) == 0 and window.scene.neuron_items == {}
    for _ in range(3):
        assert counts.of(stack.redo) == ONCE
    assert len(window.network.synapses) == 600 and len(window.scene.neuron_items) == 50
    assert window.playback.engine is not None and len(window.playback.engine.ids) == 50


def test_duplicate_paste_and_delete_are_one_event_each_and_so_are_their_undo_and_redo(window, counts):
    inputs, cells = two_columns(window)
    window.scene.select(inputs + cells)
    window.edit.connect_all()
    before = window.network.copy()
    stack = window.document.undo_stack
    assert counts.of(window.edit.duplicate) == ONCE
    assert len(window.network) == 100 and len(window.network.synapses) == 1200
    copies = window.scene.selected_neuron_ids()
    assert len(copies) == 50 and not set(copies) & set(before.neurons)  # the copies are selected
    window.edit.copy()
    assert counts.of(window.edit.paste) == ONCE
    assert len(window.network) == 150
    window.scene.select(copies)
    assert counts.of(window.edit.delete) == ONCE
    assert len(window.network) == 100 and not set(copies) & set(window.network.neurons)
    assert set(window.scene.neuron_items) == set(window.network.neurons)
    assert window.scene.selected_neuron_ids() == []
    for _ in range(3):  # delete, paste, duplicate
        assert counts.of(stack.undo) == ONCE
    assert window.network == before
    for _ in range(3):
        assert counts.of(stack.redo) == ONCE
    assert len(window.network) == 100 and set(window.scene.neuron_items) == set(window.network.neurons)


def test_the_inspector_lets_go_of_what_a_batch_deleted(window):
    inputs, cells = two_columns(window)
    window.scene.select(cells[:1])
    assert window.inspector.field_keys()  # it shows the cell
    window.scene.select(cells)
    window.edit.delete()
    assert window.inspector._neuron_ids == []


def test_an_edit_past_the_limits_is_refused_with_a_message_before_anything_is_made(window, monkeypatch):
    inputs, cells = two_columns(window)
    monkeypatch.setattr(limits, "MAX_SYNAPSES", 500)
    messages: list[str] = []
    window.edit.message.connect(messages.append)
    before = window.network.copy()
    count = window.document.undo_stack.count()
    window.scene.select(inputs + cells)
    window.edit.connect_all()
    assert window.network == before and window.document.undo_stack.count() == count
    assert messages[-1] == ("this would make 600 synapses, and a network may hold at most 500; delete synapses "
                            "first, or connect fewer neurons")
    monkeypatch.setattr(limits, "MAX_NEURONS", 60)
    window.edit.duplicate()
    assert window.network == before
    assert window.edit.add_layer_with(20, "neuron", at=QPointF(800.0, 0.0)) == []
    assert window.network == before
    assert "a network may hold at most 60" in messages[-1]
