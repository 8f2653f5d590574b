"""A layered rate network read as Keras `Dense` layers: the kernel matrices, biases and the code line.

Keras stores a Dense layer's weights as a kernel of shape (inputs, units): row i holds the weights
leaving input i, column j the weights arriving at unit j, so `y = f(x · W + b)`. Here b = −θ.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neuron_sim.model.network import CycleError, Network

# Keras's name for each activation; None: Keras has no such activation (the step function).
KERAS_ACTIVATIONS = {"linear": "linear", "sigmoid": "sigmoid", "tanh": "tanh", "relu": "relu", "step": None}


@dataclass
class DenseLayer:
    inputs: list[str]  # ids of the previous layer, in network order (the kernel's rows)
    units: list[str]  # ids of this layer's neurons (the kernel's columns)
    kernel: np.ndarray  # (len(inputs), len(units)); 0 where there is no synapse
    bias: np.ndarray  # (len(units),), b = −θ
    activation: str | None  # the activation all units share, None when they differ

    @property
    def shape(self) -> tuple[int, int]:
        return self.kernel.shape

    def keras_line(self, first: bool) -> str:
        """`Dense(2, input_shape=(3,))`, with `activation='…'` unless it is linear (Keras's default)."""
        arguments = [str(len(self.units))]
        if first:
            arguments.append(f"input_shape=({len(self.inputs)},)")
        keras_name = KERAS_ACTIVATIONS.get(self.activation or "")
        if keras_name and keras_name != "linear":
            arguments.append(f"activation='{keras_name}'")
        line = f"Dense({', '.join(arguments)})"
        if self.activation is None:
            line += "  # mixed activations: Keras gives one activation per layer"
        elif keras_name is None:
            line += f"  # {self.activation}: not a Keras activation"
        return line


def dense_layers(network: Network) -> list[DenseLayer] | None:
    """The network as a stack of Dense layers, or None when it is not one.

    It is one when it is a rate network without loops whose first layer holds only inputs and
    whose every synapse runs from one layer to the next (missing synapses are zero weights).
    """
    if network.model != "rate" or not network.neurons:
        return None
    try:
        layers = network.layers()
    except CycleError:
        return None
    if len(layers) < 2 or any(network.neurons[nid].kind != "input" for nid in layers[0]):
        return None
    depth = {nid: k for k, members in enumerate(layers) for nid in members}
    if any(depth[target] != depth[source] + 1 for source, target in network.synapses):
        return None
    result = []
    for previous, members in zip(layers, layers[1:]):
        row = {nid: i for i, nid in enumerate(previous)}
        kernel = np.zeros((len(previous), len(members)))
        for j, nid in enumerate(members):
            for synapse in network.incoming(nid):
                kernel[row[synapse.source], j] = synapse.weight
        neurons = [network.neurons[nid] for nid in members]
        bias = np.array([-n.threshold for n in neurons], dtype=float)
        names = {n.activation for n in neurons}
        result.append(DenseLayer(list(previous), list(members), kernel, bias,
                                 names.pop() if len(names) == 1 else None))
    return result


def keras_code(layers: list[DenseLayer]) -> list[str]:
    """One `Dense(...)` line per layer, the first with its `input_shape`."""
    return [layer.keras_line(first=k == 0) for k, layer in enumerate(layers)]
