"""A rate network read as the layers a deep-learning framework computes, for Keras and PyTorch.

A feedforward network becomes a list of computing layers, in the order neuron-sim computes them
(`Network.layers()`, inputs left out). Each layer reads one or more earlier blocks (the inputs,
or the outputs of earlier layers), concatenated; its kernel has a row per neuron of those blocks and
a column per unit, 0 (and masked) where there is no synapse. Within a layer the units are grouped by
activation function, since a framework's layer applies one activation: a group is a run of
columns. A synchronous network becomes one tick over all neurons instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neuron_sim.model.entities import ModelError
from neuron_sim.model.network import Network


@dataclass
class Group:
    activation: str
    start: int  # columns start:stop of the layer
    stop: int


@dataclass
class RateLayer:
    number: int  # 1, 2, … (the inputs are block 0)
    units: list[str]  # ids, grouped by activation
    blocks: list[int]  # the blocks this layer reads, concatenated in this order (0: the inputs)
    sources: list[str]  # the ids of those blocks in the same order: the kernel's rows
    kernel: np.ndarray  # (len(sources), len(units))
    mask: np.ndarray  # True where a synapse exists
    bias: np.ndarray  # b = −θ
    groups: list[Group]

    @property
    def full(self) -> bool:
        return bool(self.mask.all())


@dataclass
class FeedforwardPlan:
    inputs: list[str]  # block 0
    values: list[float]  # the inputs' values
    layers: list[RateLayer]
    sequential: bool  # a plain stack: every layer reads the one before, fully connected, one activation
    reason: tuple[str, dict] | None  # why not (a phrase key and its values), when it is not


@dataclass
class TickPlan:
    """Synchronous update: every computing neuron from all activations of the previous tick."""

    ids: list[str]  # every neuron, in network order (the state vector)
    initial: list[float]  # inputs hold their value, the rest start at 0
    computing: list[int]  # positions in `ids` of the computing neurons, grouped by activation
    kernel: np.ndarray  # (len(ids), len(computing))
    mask: np.ndarray
    bias: np.ndarray
    groups: list[Group]


def check_rate(network: Network, target: str) -> None:
    if network.model != "rate":
        raise ModelError("{target} runs rate networks and this one is spiking; export it to Brian2 or PyNN",
                         target=target)
    if not network.neurons:
        raise ModelError("the network has no neurons: there is nothing to export")
    if not any(n.kind == "input" for n in network.neurons.values()):
        raise ModelError("{target}: the network has no inputs, and a {target} model needs at least one",
                         target=target)


def _grouped(ids: list[str], network: Network) -> tuple[list[str], list[Group]]:
    by_name: dict[str, list[str]] = {}
    for nid in ids:
        by_name.setdefault(network.neurons[nid].activation, []).append(nid)
    ordered: list[str] = []
    groups = []
    for name, members in by_name.items():
        groups.append(Group(name, len(ordered), len(ordered) + len(members)))
        ordered.extend(members)
    return ordered, groups


def feedforward_plan(network: Network) -> FeedforwardPlan:
    """The computing layers; raises CycleError (naming the loop) for a network with a loop."""
    neurons = network.neurons
    inputs = [nid for nid, n in neurons.items() if n.kind == "input"]
    block_of = {nid: 0 for nid in inputs}
    blocks: list[list[str]] = [inputs]
    layers: list[RateLayer] = []
    for members in network.layers():
        computing = [nid for nid in members if neurons[nid].kind != "input"]
        if not computing:
            continue
        units, groups = _grouped(computing, network)
        incoming = [s for nid in units for s in network.incoming(nid)]
        read = sorted({block_of[s.source] for s in incoming}) or [len(blocks) - 1]
        sources = [nid for b in read for nid in blocks[b]]
        row = {nid: i for i, nid in enumerate(sources)}
        column = {nid: j for j, nid in enumerate(units)}
        kernel = np.zeros((len(sources), len(units)))
        mask = np.zeros(kernel.shape, dtype=bool)
        for s in incoming:
            kernel[row[s.source], column[s.target]] = s.weight
            mask[row[s.source], column[s.target]] = True
        bias = np.array([-neurons[nid].threshold for nid in units], dtype=float)
        layers.append(RateLayer(len(layers) + 1, units, read, sources, kernel, mask, bias, groups))
        for nid in units:
            block_of[nid] = len(blocks)
        blocks.append(units)
    reason = _why_not_sequential(network, layers, block_of)
    values = [float(neurons[nid].value) for nid in inputs]
    return FeedforwardPlan(inputs, values, layers, reason is None, reason)


def _why_not_sequential(network: Network, layers: list[RateLayer],
                        block_of: dict[str, int]) -> tuple[str, dict] | None:
    """None for a plain stack of Dense layers, else the first reason it is not one."""
    for layer in layers:
        for nid in layer.units:
            for s in network.incoming(nid):
                if block_of[s.source] != layer.number - 1:
                    return ("reason_skip", {"neuron": nid, "source": s.source})
        if not layer.full:
            i, j = np.argwhere(~layer.mask)[0]
            return ("reason_missing", {"source": layer.sources[i], "target": layer.units[j]})
        if len(layer.groups) > 1:
            return ("reason_mixed", {"layer": layer.number,
                                     "activations": ", ".join(g.activation for g in layer.groups)})
    return None


def tick_plan(network: Network) -> TickPlan:
    neurons = network.neurons
    ids = list(neurons)
    position = {nid: i for i, nid in enumerate(ids)}
    units, groups = _grouped([nid for nid in ids if neurons[nid].kind != "input"], network)
    column = {nid: j for j, nid in enumerate(units)}
    kernel = np.zeros((len(ids), len(units)))
    mask = np.zeros(kernel.shape, dtype=bool)
    for s in network.synapses.values():
        kernel[position[s.source], column[s.target]] = s.weight
        mask[position[s.source], column[s.target]] = True
    bias = np.array([-neurons[nid].threshold for nid in units], dtype=float)
    initial = [float(n.value) if n.kind == "input" else 0.0 for n in neurons.values()]
    return TickPlan(ids, initial, [position[nid] for nid in units], kernel, mask, bias, groups)
