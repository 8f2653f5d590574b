"""The training tests' oracles, sharing no code with neuron_sim.model.training or .activations.

`oracle_sgd` is backpropagation written out neuron by neuron and example by example from the
formulas of docs/learning.md, on the network's own dictionaries; `finite_difference_gradient`
differentiates the loss numerically through the rate engine's forward pass.
"""

from __future__ import annotations

import math

import numpy as np

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.engines.rate import RateEngine


def f(name: str, x: float) -> float:
    if name == "sigmoid":
        return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
    if name == "tanh":
        return math.tanh(x)
    if name == "relu":
        return x if x > 0 else 0.0
    if name == "linear":
        return x
    raise AssertionError(name)


def f_prime(name: str, x: float) -> float:
    if name == "sigmoid":
        s = f("sigmoid", x)
        return s * (1.0 - s)
    if name == "tanh":
        return 1.0 - math.tanh(x) ** 2
    if name == "relu":
        return 1.0 if x > 0 else 0.0
    return 1.0


def random_layered_network(rng: np.random.Generator, activations: tuple[str, ...],
                           output_activation: str | None = None, skip: bool = True) -> Network:
    """Inputs, 1–2 hidden layers and an output layer of random widths, random partial connectivity
    (each neuron keeps at least one incoming synapse), skip connections when `skip`."""
    sizes = [int(rng.integers(2, 4))] + [int(rng.integers(2, 5)) for _ in range(int(rng.integers(1, 3)))]
    sizes.append(int(rng.integers(1, 3)))
    network = Network(name="random layered")
    layers: list[list[str]] = []
    for depth, size in enumerate(sizes):
        ids = [f"L{depth}n{k}" for k in range(size)]
        layers.append(ids)
        for nid in ids:
            if depth == 0:
                network.add_neuron(Neuron(nid, kind="input", value=float(rng.normal())))
            else:
                last = depth == len(sizes) - 1
                name = output_activation if last and output_activation else str(rng.choice(activations))
                network.add_neuron(Neuron(nid, activation=name, threshold=float(rng.normal(0, 0.5))))
    for depth in range(1, len(sizes)):
        earlier = [nid for d in range(depth) for nid in layers[d]] if skip else layers[depth - 1]
        for target in layers[depth]:
            sources = [s for s in earlier if s in layers[depth - 1] and rng.random() < 0.8
                       or s not in layers[depth - 1] and rng.random() < 0.3]
            if not any(s in layers[depth - 1] for s in sources):
                sources.append(str(rng.choice(layers[depth - 1])))
            for source in sources:
                network.connect(Synapse(source, target, weight=float(rng.normal(0, 1.0))))
    # A hidden neuron nobody reads would be an output; give each one a reader in the next layer.
    for depth in range(1, len(sizes) - 1):
        for source in layers[depth]:
            if not network.outgoing(source):
                network.connect(Synapse(source, str(rng.choice(layers[depth + 1])), weight=float(rng.normal())))
    return network


def _order(network: Network) -> list[str]:
    return [nid for layer in network.layers() for nid in layer if network.neurons[nid].kind != "input"]


def _forward(network: Network, weights, thresholds, x: dict[str, float]):
    a = dict(x)
    net = {}
    for nid in _order(network):
        total = sum(weights[(s, t)] * a[s] for (s, t) in weights if t == nid)
        net[nid] = total - thresholds[nid]
        a[nid] = f(network.neurons[nid].activation, net[nid])
    return a, net


def oracle_gradient(network: Network, weights, thresholds, examples, outputs: list[str], loss: str):
    """(L, ∂L/∂w, ∂L/∂θ) over `examples`, a list of (inputs dict, targets list), P = len(examples)."""
    count = len(examples)
    grad_w = {key: 0.0 for key in weights}
    grad_t = {nid: 0.0 for nid in thresholds}
    total = 0.0
    order = _order(network)
    for x, t in examples:
        a, net = _forward(network, weights, thresholds, x)
        delta: dict[str, float] = {}
        for nid in reversed(order):
            upstream = sum(weights[(s, d)] * delta[d] for (s, d) in weights if s == nid)
            if nid in outputs:
                target = t[outputs.index(nid)]
                if loss == "cross-entropy":
                    total += -(target * math.log(a[nid]) + (1 - target) * math.log(1 - a[nid]))
                    delta[nid] = a[nid] - target  # σ′ cancels
                    continue
                total += 0.5 * (a[nid] - target) ** 2
                upstream += a[nid] - target
            delta[nid] = upstream * f_prime(network.neurons[nid].activation, net[nid])
        for (s, d) in weights:
            grad_w[(s, d)] += delta[d] * a[s] / count
        for nid in thresholds:
            grad_t[nid] -= delta[nid] / count
    return total / count, grad_w, grad_t


def oracle_sgd(network: Network, inputs: np.ndarray, targets: np.ndarray, input_ids, outputs, loss: str,
               rate: float, batch: int | None, epochs: int = 1):
    """The weights and thresholds after `epochs` epochs of SGD in data order, chunks of `batch`."""
    weights = {key: s.weight for key, s in network.synapses.items()}
    thresholds = {n.id: n.threshold for n in network if n.kind == "neuron"}
    constant = {n.id: n.value for n in network if n.kind == "input"}
    examples = [({**constant, **dict(zip(input_ids, row.tolist()))}, list(t)) for row, t in zip(inputs, targets)]
    size = batch or len(examples)
    for _ in range(epochs):
        for start in range(0, len(examples), size):
            _, grad_w, grad_t = oracle_gradient(network, weights, thresholds, examples[start:start + size],
                                                outputs, loss)
            weights = {key: w - rate * grad_w[key] for key, w in weights.items()}
            thresholds = {nid: th - rate * grad_t[nid] for nid, th in thresholds.items()}
    return weights, thresholds


def engine_loss(network: Network, inputs: np.ndarray, targets: np.ndarray, input_ids, outputs, loss: str) -> float:
    """The loss through the rate engine's forward pass (network as it is)."""
    engine = RateEngine(network)
    total = 0.0
    for row, t in zip(inputs, targets):
        for nid, value in zip(input_ids, row.tolist()):
            engine.set_neuron_param(nid, "value", value)
        engine.reset()
        engine.step()
        for nid, target in zip(outputs, t.tolist()):
            a = engine.activity[engine.index[nid]]
            if loss == "cross-entropy":
                total += -(target * math.log(a) + (1 - target) * math.log(1 - a))
            else:
                total += 0.5 * (a - target) ** 2
    return total / len(inputs)


def finite_difference_gradient(network: Network, inputs, targets, input_ids, outputs, loss: str, h: float = 1e-6):
    """Central differences of the engine's loss in every weight and threshold."""
    grad_w, grad_t = {}, {}
    for key, synapse in list(network.synapses.items()):
        w = synapse.weight
        network.set_synapse_param(key, "weight", w + h)
        up = engine_loss(network, inputs, targets, input_ids, outputs, loss)
        network.set_synapse_param(key, "weight", w - h)
        down = engine_loss(network, inputs, targets, input_ids, outputs, loss)
        network.set_synapse_param(key, "weight", w)
        grad_w[key] = (up - down) / (2 * h)
    for neuron in [n for n in network if n.kind == "neuron"]:
        th = neuron.threshold
        network.set_neuron_param(neuron.id, "threshold", th + h)
        up = engine_loss(network, inputs, targets, input_ids, outputs, loss)
        network.set_neuron_param(neuron.id, "threshold", th - h)
        down = engine_loss(network, inputs, targets, input_ids, outputs, loss)
        network.set_neuron_param(neuron.id, "threshold", th)
        grad_t[neuron.id] = (up - down) / (2 * h)
    return grad_w, grad_t
