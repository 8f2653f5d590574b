"""A network loaded from a file's synapse table is shown, selected and played without making a
Synapse object per synapse, and the canvas holds the same synapses, in the same order, with the
same weights as for the same network loaded from a list."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication

import json

from neuron_sim.model.fileformat import load, save, to_dict
from neuron_sim.model.generate import layered_network


def shown(window, path):
    network = load(path)
    window.document.replace(network)
    QApplication.processEvents()
    return network


def test_a_table_file_is_shown_like_its_list_without_synapse_objects(window, tmp_path):
    network = layered_network(400, 12_000, seed=4, model="spiking")
    table, listed = tmp_path / "table.json", tmp_path / "list.json"
    save(network, table)  # past TABLE_FROM synapses: a table
    listed.write_text(json.dumps(to_dict(network, table=False)), "utf-8")
    from_table = shown(window, table)
    assert from_table._pending_columns is not None  # loaded as columns (the writer's table)
    layer = window.scene.synapse_layer
    keys, weights = list(layer.keys), layer.weights.copy()
    some = list(window.scene.neuron_items)[:3]
    window.scene.select(some)
    window.playback.play()
    for _ in range(3):
        window.playback.advance(1 / 30)
    window.playback.pause()
    assert from_table._pending_columns is not None  # shown, selected and played: still no objects
    from_list = shown(window, listed)
    assert from_list._pending_columns is None
    assert list(window.scene.synapse_layer.keys) == keys == list(network.synapses)
    assert np.array_equal(window.scene.synapse_layer.weights, weights)
