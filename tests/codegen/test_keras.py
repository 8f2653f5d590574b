"""Keras scripts, run by Keras 3 on JAX, compute what `neuron-sim simulate` computes (to 1e-6)."""

from __future__ import annotations

import pytest

from neuron_sim.model.codegen import generate
from neuron_sim.model.entities import Synapse
from neuron_sim.model.fileformat import load

from .helpers import assert_same_rates, examples, expected, need, run_scripts
from .rate_networks import SHAPES, random_feedforward


def test_random_networks_of_every_shape_and_every_rate_example(tmp_path):
    need("keras")
    need("jax")
    networks = [random_feedforward(seed, shape) for shape in SHAPES for seed in range(3)]
    networks += [load(path) for path in examples("rate", "feedforward")]
    steps = [None if k % 2 else 1 + k % 3 for k in range(len(networks))]
    outputs = run_scripts(networks, "keras", tmp_path, steps)
    for network, n, output in zip(networks, steps, outputs):
        assert_same_rates(output, expected(network, n))


@pytest.mark.parametrize("seed", range(3))
def test_a_plain_stack_is_a_sequential_model_and_the_rest_the_functional_api(seed):
    stack = generate(random_feedforward(seed, "stack"), "keras")
    assert "keras.Sequential(" in stack.text and "keras.Model(" not in stack.text and not stack.notes
    for shape in ("sparse", "skip", "mixed", "sourceless"):
        export = generate(random_feedforward(seed, shape), "keras")
        if not export.notes:  # the random draw kept it a plain stack (no synapse dropped, none skipping)
            assert "keras.Sequential(" in export.text
            continue
        assert "keras.Model(" in export.text and "keras.Sequential(" not in export.text
        assert [note.key for note in export.notes] in (["reason_missing"], ["reason_skip"], ["reason_mixed"])
        assert str(export.notes[0]).splitlines()[0] in export.text  # the reason is at the top of the script


def test_the_reason_names_the_neuron_that_skips_a_layer():
    network = random_feedforward(0, "stack")
    first = next(nid for nid in network.neurons if nid.startswith("x"))
    last = list(network.neurons)[-1]
    network.connect(Synapse(first, last, weight=0.5))
    note = generate(network, "keras").notes[0]
    assert note.key == "reason_skip" and note.values["neuron"] == last and note.values["source"] == first
    assert f"{last} receives from {first}" in str(note)


def test_a_missing_synapse_and_mixed_activations_are_named():
    network = random_feedforward(1, "stack")
    layer = [nid for nid in network.neurons if nid.startswith("h1_")]
    source = network.incoming(layer[0])[0].source
    network.disconnect(source, layer[0])
    note = generate(network, "keras").notes[0]
    assert (note.key, note.values) == ("reason_missing", {"source": source, "target": layer[0]})
    network.connect(Synapse(source, layer[0]))
    for k, nid in enumerate(layer):
        network.set_neuron_param(nid, "activation", "tanh" if k == 0 else "relu")
    note = generate(network, "keras").notes[0]
    assert (note.key, note.values) == ("reason_mixed", {"layer": 1, "activations": "tanh, relu"})
