"""A feedforward rate network as dense layer matrices, built once, for training.

Neurons are grouped by depth (Network.layers): block 0 holds the input neurons, block k ≥ 1 the
computing neurons at depth k (a computing neuron without incoming synapses sits in its own block
at depth 0). The synapses from block j into block k form one dense matrix W[j→k] of shape
(size of j, size of k), zero and masked where there is no synapse, so a forward pass is
net_k = Σ_j a_j · W[j→k] − θ_k, a_k = f(net_k): a few matrix products per layer, never a loop
over synapses. Inside, a threshold is kept as its bias b = −θ (net = Σ a·W + b), and every weight
and bias is a view into one flat array, `parameters`, with its gradient at the same place in
`gradient`: one update is one vector operation, and one check finds a run that diverged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from neuron_sim.model.activations import ACTIVATIONS
from neuron_sim.model.entities import SYNAPSE_PARAMS, ModelError, SynapseKey
from neuron_sim.model.network import Network

WEIGHT_LIMIT = SYNAPSE_PARAMS["weight"].maximum  # the range a file holds; a run beyond it diverged


@dataclass
class Block:
    """The synapses from one earlier layer into one layer."""

    source: int  # the layer they come from (0: the inputs)
    weight: np.ndarray  # (source size, target size), a view into LayeredNetwork.parameters
    gradient: np.ndarray  # ∂L/∂W, the same shape, a view into LayeredNetwork.gradient
    mask: np.ndarray | None  # True where a synapse exists; None when every pair has one
    rows: np.ndarray  # position of each synapse's source in its layer
    columns: np.ndarray  # position of each synapse's target in its layer
    keys: list[SynapseKey]  # the synapses, in the order of rows and columns


@dataclass
class Layer:
    ids: list[str]
    bias: np.ndarray  # (size,), b = −θ, a view into LayeredNetwork.parameters
    activations: list[str]  # each neuron's activation name
    blocks: list[Block] = field(default_factory=list)
    groups: list[tuple[str, np.ndarray]] = field(default_factory=list)  # activation → positions
    bias_gradient: np.ndarray | None = None  # ∂L/∂b = −∂L/∂θ, a view into LayeredNetwork.gradient

    @property
    def size(self) -> int:
        return len(self.ids)

    @property
    def threshold(self) -> np.ndarray:
        return -self.bias


class LayeredNetwork:
    """Dense matrices of a rate network without loops. `layers[0]` holds the inputs (no threshold)."""

    def __init__(self, network: Network):
        if network.model != "rate":
            raise ModelError("only rate networks can be trained; this one is spiking")
        depth_groups = network.layers()  # raises CycleError for a loop
        neurons = network.neurons
        inputs = [nid for nid in neurons if neurons[nid].kind == "input"]
        self.layers: list[Layer] = [Layer(inputs, np.zeros(0), ["linear"] * len(inputs))]
        for group in depth_groups:
            ids = [nid for nid in group if neurons[nid].kind != "input"]
            if ids:
                self.layers.append(Layer(ids, np.array([-neurons[n].threshold for n in ids], dtype=float),
                                         [neurons[n].activation for n in ids]))
        self.where: dict[str, tuple[int, int]] = {
            nid: (k, position) for k, layer in enumerate(self.layers) for position, nid in enumerate(layer.ids)}
        by_pair: dict[tuple[int, int], list] = {}
        for key, synapse in network.synapses.items():
            source, row = self.where[synapse.source]
            target, column = self.where[synapse.target]
            by_pair.setdefault((source, target), []).append((row, column, key, synapse.weight))
        for (source, target), entries in sorted(by_pair.items()):
            shape = (self.layers[source].size, self.layers[target].size)
            rows = np.array([e[0] for e in entries], dtype=np.intp)
            columns = np.array([e[1] for e in entries], dtype=np.intp)
            weight = np.zeros(shape)
            weight[rows, columns] = [e[3] for e in entries]
            mask = None
            if len(entries) < shape[0] * shape[1]:
                mask = np.zeros(shape, dtype=bool)
                mask[rows, columns] = True
            self.layers[target].blocks.append(Block(source, weight, weight, mask, rows, columns,
                                                    [e[2] for e in entries]))
        self._gather_parameters()
        for layer in self.layers[1:]:
            names = np.array(layer.activations)
            layer.groups = [(name, np.flatnonzero(names == name)) for name in dict.fromkeys(layer.activations)]
        self._consumers: list[list[tuple[int, Block]]] = [[] for _ in self.layers]
        for k, layer in enumerate(self.layers):
            for block in layer.blocks:
                self._consumers[block.source].append((k, block))

    def _gather_parameters(self) -> None:
        """Move every weight matrix and bias vector into one flat array (and their gradients into another)."""
        arrays = [block.weight for _, block in self.blocks()] + [layer.bias for layer in self.layers[1:]]
        self.parameters = np.concatenate([a.ravel() for a in arrays]) if arrays else np.zeros(0)
        self.gradient = np.zeros_like(self.parameters)
        offset = 0

        def views(shape):
            nonlocal offset
            size = int(np.prod(shape))
            parameter = self.parameters[offset:offset + size].reshape(shape)
            gradient = self.gradient[offset:offset + size].reshape(shape)
            offset += size
            return parameter, gradient

        for _, block in self.blocks():
            block.weight, block.gradient = views(block.weight.shape)
        for layer in self.layers[1:]:
            layer.bias, layer.bias_gradient = views(layer.bias.shape)

    # ---- reading ---------------------------------------------------------------------------------
    @property
    def input_ids(self) -> list[str]:
        return self.layers[0].ids

    def consumers(self, k: int) -> list[tuple[int, Block]]:
        """The blocks that read layer k, with the layer each feeds."""
        return self._consumers[k]

    def blocks(self):
        for k, layer in enumerate(self.layers):
            for block in layer.blocks:
                yield k, block

    def weights(self) -> dict[SynapseKey, float]:
        return {key: float(w) for _, block in self.blocks()
                for key, w in zip(block.keys, block.weight[block.rows, block.columns])}

    def thresholds(self) -> dict[str, float]:
        return {nid: -float(b) for layer in self.layers[1:] for nid, b in zip(layer.ids, layer.bias)}

    # ---- computing -------------------------------------------------------------------------------
    def forward(self, inputs: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """(activations, nets) per layer for a batch `inputs` of shape (B, number of input neurons)."""
        activity = [inputs]
        nets = [inputs]
        for layer in self.layers[1:]:
            net = None
            for block in layer.blocks:
                product = activity[block.source] @ block.weight
                net = product if net is None else net + product
            net = np.repeat(layer.bias[None, :], inputs.shape[0], 0) if net is None else net + layer.bias
            nets.append(net)
            activity.append(activate(layer, net))
        return activity, nets

    def finite_and_in_range(self) -> bool:
        if not self.parameters.size:
            return True
        # NaN makes max() NaN, which compares False
        return bool(self.parameters.max() <= WEIGHT_LIMIT and self.parameters.min() >= -WEIGHT_LIMIT)

    # ---- writing back ----------------------------------------------------------------------------
    def changes(self, network: Network) -> list[tuple[str, object, float, float]]:
        """What differs from `network`: ("weight", key, old, new) and ("threshold", id, old, new)."""
        result: list[tuple[str, object, float, float]] = []
        for _, block in self.blocks():
            for key, new in zip(block.keys, block.weight[block.rows, block.columns].tolist()):
                old = network.synapses[key].weight
                if old != new:
                    result.append(("weight", key, old, new))
        for layer in self.layers[1:]:
            for nid, new in zip(layer.ids, (-layer.bias).tolist()):
                old = network.neurons[nid].threshold
                if old != new:
                    result.append(("threshold", nid, old, new))
        return result


def activate(layer: Layer, net: np.ndarray) -> np.ndarray:
    if len(layer.groups) == 1:
        return ACTIVATIONS[layer.groups[0][0]](net)
    out = np.empty_like(net)
    for name, positions in layer.groups:
        out[:, positions] = ACTIVATIONS[name](net[:, positions])
    return out


def slope(layer: Layer, net: np.ndarray, activity: np.ndarray) -> np.ndarray:
    """f′(net), from the activation a = f(net) where that is exact (sigmoid: a(1 − a); tanh: 1 − a²)."""
    if len(layer.groups) == 1:
        return _slope(layer.groups[0][0], net, activity)
    out = np.empty_like(net)
    for name, positions in layer.groups:
        out[:, positions] = _slope(name, net[:, positions], activity[:, positions])
    return out


def _slope(name: str, net: np.ndarray, activity: np.ndarray) -> np.ndarray:
    if name == "sigmoid":
        return activity * (1.0 - activity)
    if name == "tanh":
        return (1.0 - activity) * (1.0 + activity)
    if name == "relu":
        return (net > 0.0).astype(float)  # relu′(0) = 0
    if name == "linear":
        return np.ones_like(net)
    return np.zeros_like(net)  # step: flat almost everywhere
