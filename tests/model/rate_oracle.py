"""The rate tests' oracle: an independent numpy evaluation of a_i = f(Σ_j w_ji · a_j − θ_i).

It shares no code with neuron_sim.model.engines.rate or .activations: it builds dense weight matrices per
layer (skip connections included) and has its own activation functions. Also the CLI helper.
"""

from __future__ import annotations

import json

import numpy as np
from hypothesis import strategies as st

from neuron_sim.cli import main
from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.engines.rate import RateEngine

ACTIVATION_NAMES = ("step", "sigmoid", "tanh", "relu", "linear")


def oracle_f(name: str, x: np.ndarray) -> np.ndarray:
    """The activation functions as the issue defines them, written out again."""
    x = np.asarray(x, dtype=float)
    if name == "step":
        return np.where(x >= 0, 1.0, 0.0)
    if name == "sigmoid":
        with np.errstate(over="ignore", under="ignore"):
            return 1.0 / (1.0 + np.exp(-x))
    if name == "tanh":
        with np.errstate(over="ignore", under="ignore"):
            # tanh x = 2σ(2x) − 1, so that this does not call the engine's np.tanh either.
            return 2.0 / (1.0 + np.exp(-2.0 * x)) - 1.0
    if name == "relu":
        return np.where(x > 0, x, 0.0)
    if name == "linear":
        return x + 0.0
    raise AssertionError(name)


class LayeredSpec:
    """A random layered network as plain arrays: the oracle's view, and a Network built from it."""

    def __init__(self, rng: np.random.Generator, sizes: list[int], weight_scale: float = 2.0,
                 extreme: bool = False, integer: bool = False, density: float = 0.7):
        self.sizes = sizes
        self.ids = [[f"L{layer}n{k}" for k in range(size)] for layer, size in enumerate(sizes)]
        self.inputs = self._draw(rng, sizes[0], extreme, integer, scale=3.0)
        self.thresholds: list[np.ndarray] = []
        self.activations: list[list[str]] = []
        self.weights: list[np.ndarray] = []  # weights[l-1]: (all neurons of layers < l) × size_l
        self.masks: list[np.ndarray] = []
        for layer in range(1, len(sizes)):
            below = sum(sizes[:layer])
            mask = rng.random((below, sizes[layer])) < density
            weights = self._draw(rng, (below, sizes[layer]), extreme, integer, weight_scale)
            weights[~mask] = 0.0
            self.weights.append(weights)
            self.masks.append(mask)
            self.thresholds.append(self._draw(rng, sizes[layer], extreme, integer, scale=1.0))
            # Mixed activations within one layer.
            self.activations.append([ACTIVATION_NAMES[i] for i in rng.integers(0, 5, sizes[layer])])

    @staticmethod
    def _draw(rng, shape, extreme, integer, scale):
        if extreme:
            return rng.choice([-1e6, 1e6, 0.0, 1.0, -1.0], size=shape)
        if integer:
            return rng.integers(-2, 3, size=shape).astype(float)
        return rng.normal(0.0, scale, size=shape)

    def evaluate(self) -> dict[str, float]:
        """One forward pass with dense matrices: a_l = f(W_lᵀ [a_0 … a_{l-1}] − θ_l)."""
        below = self.inputs.copy()
        result = dict(zip(self.ids[0], below.tolist()))
        for layer, weights in enumerate(self.weights):
            with np.errstate(over="ignore", invalid="ignore"):
                net = weights.T @ below - self.thresholds[layer]
            out = np.empty_like(net)
            for name in ACTIVATION_NAMES:
                chosen = np.array([a == name for a in self.activations[layer]], dtype=bool)
                out[chosen] = oracle_f(name, net[chosen])
            result.update(zip(self.ids[layer + 1], out.tolist()))
            below = np.concatenate([below, out])
        return result

    def undecided_steps(self, tolerance: float = 1e-9) -> list[str]:
        """Step units whose net input is 0 up to rounding, summed from terms that are not all whole
        numbers: the sign of such a sum (x ≥ 0 fires) depends on the order of the additions, which
        is the engine's own, so no oracle can say whether they fire. A sum of whole numbers is exact
        in any order: those ties are decided, and checked."""
        values = self.evaluate()
        below_ids, undecided = list(self.ids[0]), []
        for layer, weights in enumerate(self.weights):
            below = np.array([values[i] for i in below_ids])
            for k, nid in enumerate(self.ids[layer + 1]):
                if self.activations[layer][k] != "step":
                    continue
                terms = np.concatenate([weights[:, k] * below, [-self.thresholds[layer][k]]])
                if abs(terms.sum()) <= tolerance * max(1.0, np.abs(terms).sum()) and \
                        not np.all(terms == np.round(terms)):
                    undecided.append(nid)
            below_ids += self.ids[layer + 1]
        return undecided

    def scale(self) -> dict[str, float]:
        """Σ|w|·|a| + |θ| per neuron: the size of the numbers a neuron's sum adds up."""
        below = np.abs(self.inputs)
        result = dict(zip(self.ids[0], below.tolist()))
        values = self.evaluate()
        for layer, weights in enumerate(self.weights):
            scale = np.abs(weights).T @ below + np.abs(self.thresholds[layer])
            result.update(zip(self.ids[layer + 1], scale.tolist()))
            below = np.concatenate([below, np.abs([values[i] for i in self.ids[layer + 1]])])
        return result

    def network(self, rng: np.random.Generator, update: str = "feedforward") -> Network:
        network = Network(update=update)
        flat_ids = [nid for layer in self.ids for nid in layer]
        neurons = []
        for nid, value in zip(self.ids[0], self.inputs):
            neurons.append(Neuron(nid, kind="input", value=float(value)))
        for layer in range(1, len(self.sizes)):
            for k, nid in enumerate(self.ids[layer]):
                neurons.append(Neuron(nid, activation=self.activations[layer - 1][k],
                                      threshold=float(self.thresholds[layer - 1][k])))
        # Insertion order is shuffled: the engine must find the order from the graph.
        for position in rng.permutation(len(neurons)):
            network.add_neuron(neurons[position])
        synapses = []
        for layer, (weights, mask) in enumerate(zip(self.weights, self.masks)):
            for j, i in zip(*np.nonzero(mask)):
                synapses.append(Synapse(flat_ids[j], self.ids[layer + 1][i], weight=float(weights[j, i])))
        for position in rng.permutation(len(synapses)):
            network.connect(synapses[position])
        return network


def engine_values(engine: RateEngine) -> dict[str, float]:
    return dict(zip(engine.ids, engine.activity.tolist()))


def sizes_strategy():
    return st.lists(st.integers(1, 6), min_size=2, max_size=6)


def cli_json(capsys, *args: str) -> dict:
    status = main(["simulate", *args])
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    return json.loads(out)
