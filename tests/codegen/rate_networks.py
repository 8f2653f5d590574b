"""Random rate networks of every shape the Keras and PyTorch exports distinguish."""

from __future__ import annotations

import numpy as np

from neuron_sim.model.entities import Neuron, Synapse
from neuron_sim.model.network import Network

ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "linear")
SHAPES = ("stack", "sparse", "skip", "mixed", "sourceless")


def random_feedforward(seed: int, shape: str) -> Network:
    """`stack`: fully connected layers, one activation each (a Keras Sequential); `sparse`: synapses
    missing; `skip`: synapses that jump a layer; `mixed`: several activations in a layer;
    `sourceless`: a neuron without incoming synapses. Weights, thresholds and inputs are random."""
    rng = np.random.default_rng(seed)
    network = Network(name=f"{shape} {seed}")
    inputs = [f"x{i}" for i in range(1, int(rng.integers(1, 5)) + 1)]
    for nid in inputs:
        network.add_neuron(Neuron(nid, kind="input", value=float(rng.uniform(-1.5, 1.5))))
    columns = [inputs]
    for depth in range(1, int(rng.integers(2, 4)) + 1):
        shared = str(rng.choice(ACTIVATIONS))
        column = []
        for k in range(int(rng.integers(1, 5))):
            activation = str(rng.choice(ACTIVATIONS)) if shape == "mixed" else shared
            nid = f"h{depth}_{k}"
            network.add_neuron(Neuron(nid, activation=activation, threshold=float(rng.normal(0, 0.7))))
            column.append(nid)
        earlier = [nid for c in columns[:-1] for nid in c] if shape == "skip" else []
        for target in column:
            for source in columns[-1]:
                if shape == "sparse" and rng.random() < 0.35 and len(network.incoming(target)) > 0:
                    continue
                network.connect(Synapse(source, target, weight=float(rng.normal(0, 1.2))))
            for source in earlier:
                if rng.random() < 0.5:
                    network.connect(Synapse(source, target, weight=float(rng.normal(0, 1.2))))
        columns.append(column)
    if shape == "sourceless":
        network.add_neuron(Neuron("alone", activation="sigmoid", threshold=float(rng.normal(0, 1))))
        network.connect(Synapse("alone", columns[-1][0], weight=float(rng.normal(0, 1))))
    return network


def random_synchronous(seed: int) -> Network:
    """Loops included: every neuron may feed any other, itself too."""
    rng = np.random.default_rng(seed)
    network = Network(name=f"loops {seed}", update="synchronous")
    for i in range(int(rng.integers(1, 4))):
        network.add_neuron(Neuron(f"x{i}", kind="input", value=float(rng.uniform(-1, 1))))
    cells = [f"n{i}" for i in range(int(rng.integers(2, 7)))]
    for nid in cells:
        network.add_neuron(Neuron(nid, activation=str(rng.choice(ACTIVATIONS)), threshold=float(rng.normal(0, 0.5))))
    for source in network.neurons:
        for target in cells:
            if rng.random() < 0.4:
                network.connect(Synapse(source, target, weight=float(rng.normal(0, 0.8))))
    return network
