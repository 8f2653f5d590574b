"""Learning from examples: the perceptron rule and backpropagation with gradient descent.

The formulas are in docs/learning.md. The trainer works on dense layer matrices built once from the
network (layered.py); `write_back` puts the learnt weights and thresholds into the Network through
its edit methods, so views follow. `step` makes one update and returns every number it used
(forward values, δ per neuron, ∂L/∂w, Δw) for a view that shows the backward pass.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from neuron_sim.model.network import Network
from neuron_sim.model.training.data import BoundData, TrainingError
from neuron_sim.model.training.layered import WEIGHT_LIMIT, LayeredNetwork, slope

ALGORITHMS = ("backprop", "perceptron")
LOSSES = ("mse", "cross-entropy")
INITS = ("keep", "random")
BACKPROP_ACTIVATIONS = ("sigmoid", "tanh", "relu", "linear")


@dataclass(frozen=True)
class TrainConfig:
    algorithm: str = "backprop"
    loss: str = "mse"
    learning_rate: float = 0.1
    batch: int | None = None  # examples per update; None: the whole data set (full batch)
    shuffle: bool = False  # a new random order each epoch, from `seed`
    init: str = "keep"  # "random": Glorot-uniform weights per layer and θ = 0, from `seed`
    seed: int = 0


@dataclass
class EpochResult:
    epoch: int  # 1 for the first epoch
    loss: float  # over the whole data set, after the epoch's updates
    accuracy: float | None  # fraction of examples with every output right; None for regression
    mistakes: int | None = None  # perceptron: examples it got wrong (and learnt from) during the epoch

    def to_json(self) -> dict:
        return {"epoch": self.epoch, "loss": self.loss, "accuracy": self.accuracy}


@dataclass
class Update:
    """Everything one update computed, for showing it. Per-example arrays follow `examples`.

    delta[id][p] is δ = ∂L_p/∂net for example p alone (L_p: that example's loss, without the 1/B),
    so ∂L/∂w_ji = (1/B) Σ_p δ_i[p] · a_j[p] and ∂L/∂θ_i = −(1/B) Σ_p δ_i[p]. The perceptron's δ is
    y − t, so its rule reads the same way: Δw = −lr · δ · x.
    """

    examples: list[int]
    loss: float  # of these examples, before the update
    activity: dict[str, np.ndarray]  # a per neuron (inputs too)
    net: dict[str, np.ndarray]  # Σ w·a − θ per computing neuron
    target: dict[str, np.ndarray]  # t per output in the data
    delta: dict[str, np.ndarray]
    gradient: dict[tuple[str, str], float]  # ∂L/∂w per synapse
    threshold_gradient: dict[str, float]  # ∂L/∂θ per computing neuron
    weight_change: dict[tuple[str, str], float] = field(default_factory=dict)  # Δw = −lr·∂L/∂w
    threshold_change: dict[str, float] = field(default_factory=dict)  # Δθ = −lr·∂L/∂θ


class Trainer:
    """Trains `network` on `data`. The network itself changes only in `write_back`."""

    def __init__(self, network: Network, data: BoundData, config: TrainConfig = TrainConfig()):
        _check_config(config)
        self.network = network
        self.config = config
        self.model = LayeredNetwork(network)
        self.epoch = 0
        self.converged_epoch: int | None = None  # perceptron: the first epoch without a mistake
        _check_algorithm(self.model, network, data, config)
        self._bind(data)
        self._shuffler = np.random.default_rng(config.seed)
        if config.init == "random":
            glorot_uniform(self.model, config.seed)

    def _bind(self, data: BoundData) -> None:
        model = self.model
        self.data = data
        examples = data.inputs.shape[0]
        # Input neurons the data does not name hold their value in every example.
        values = np.array([self.network.neurons[nid].value for nid in model.input_ids], dtype=float)
        self.inputs = np.repeat(values[None, :], examples, 0)
        for column, nid in enumerate(data.input_ids):
            self.inputs[:, model.where[nid][1]] = data.inputs[:, column]
        self.targets = np.ascontiguousarray(data.targets, dtype=float)
        # Targets by layer: (layer, positions in the layer, columns of `targets`).
        by_layer: dict[int, tuple[list[int], list[int]]] = {}
        for column, nid in enumerate(data.output_ids):
            k, position = model.where[nid]
            by_layer.setdefault(k, ([], []))[0].append(position)
            by_layer[k][1].append(column)
        self.outputs = [(k, np.array(p, dtype=np.intp), np.array(c, dtype=np.intp))
                        for k, (p, c) in sorted(by_layer.items())]
        # One output layer whose positions and target columns agree: no gathering needed.
        self._whole_output_layer = len(self.outputs) == 1 and all(
            len(p) == model.layers[k].size == len(c) == self.targets.shape[1] and np.array_equal(c, np.arange(len(c)))
            and np.array_equal(p, np.arange(len(p))) for k, p, c in self.outputs)
        self.classification = data.dataset.is_classification
        if config_needs_probabilities(self.config) and np.any((self.targets < 0) | (self.targets > 1)):
            row, column = map(int, np.argwhere((self.targets < 0) | (self.targets > 1))[0])
            raise TrainingError("cross-entropy needs targets from 0 to 1; example {row} has {value:g} for {name}",
                                row=row + 1, value=float(self.targets[row, column]),
                                name=data.dataset.target_names[column])

    # ---- the schedule ------------------------------------------------------------------------------
    @property
    def size(self) -> int:
        return self.inputs.shape[0]

    def epoch_batches(self) -> list[np.ndarray]:
        """The example indices of each update in the next epoch (draws the shuffle when shuffling)."""
        order = self._shuffler.permutation(self.size) if self.config.shuffle else np.arange(self.size)
        if self.config.algorithm == "perceptron":
            return [order[p:p + 1] for p in range(self.size)]
        batch = self.config.batch or self.size
        return [order[start:start + batch] for start in range(0, self.size, batch)]

    def run_epoch(self) -> int:
        """One epoch of updates. Returns the perceptron's mistakes (0 for backprop)."""
        mistakes = 0
        # A run that diverges overflows to inf and NaN; it is refused below, after the epoch.
        with np.errstate(over="ignore", invalid="ignore"):
            if self.config.algorithm == "perceptron":
                for indices in self.epoch_batches():
                    mistakes += self._perceptron_update(int(indices[0]))
            elif not self.config.shuffle:  # in data order: slices, no copies
                batch = self.config.batch or self.size
                for start in range(0, self.size, batch):
                    self._backprop_update(self.inputs[start:start + batch], self.targets[start:start + batch])
            else:
                for indices in self.epoch_batches():
                    self._backprop_update(self.inputs[indices], self.targets[indices])
        self.epoch += 1
        if not self.model.finite_and_in_range():
            raise TrainingError("training diverged in epoch {epoch}: a weight or threshold went beyond ±{limit:g}; "
                                "try a smaller learning rate", epoch=self.epoch, limit=WEIGHT_LIMIT)
        if self.config.algorithm == "perceptron" and mistakes == 0 and self.converged_epoch is None:
            self.converged_epoch = self.epoch
        return mistakes

    def train(self, epochs: int, on_epoch: Callable[[EpochResult], None] | None = None) -> list[EpochResult]:
        """Run `epochs` epochs, evaluating after each; the network is not written (see write_back)."""
        history = []
        for _ in range(epochs):
            mistakes = self.run_epoch()
            loss, accuracy = self.evaluate()
            result = EpochResult(self.epoch, loss, accuracy,
                                 mistakes if self.config.algorithm == "perceptron" else None)
            history.append(result)
            if on_epoch is not None:
                on_epoch(result)
        return history

    # ---- evaluating --------------------------------------------------------------------------------
    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """The outputs in the data's target order for inputs in the data's input column order."""
        full = np.repeat(self.inputs[:1], inputs.shape[0], 0)
        for column, nid in enumerate(self.data.input_ids):
            full[:, self.model.where[nid][1]] = inputs[:, column]
        activity, _ = self.model.forward(full)
        return self._output_values(activity)

    def evaluate(self) -> tuple[float, float | None]:
        """(loss, accuracy) over the whole data set with the current weights."""
        activity, nets = self.model.forward(self.inputs)
        loss = self._loss(activity, nets, self.targets)
        if not self.classification:
            return loss, None
        predicted = self._output_values(activity) >= 0.5
        correct = np.all(predicted == (self.targets == 1.0), axis=1)
        return loss, float(np.mean(correct))

    def _output_values(self, activity: list[np.ndarray]) -> np.ndarray:
        out = np.empty((activity[0].shape[0], self.targets.shape[1]))
        for k, positions, columns in self.outputs:
            out[:, columns] = activity[k][:, positions]
        return out

    def _loss(self, activity: list[np.ndarray], nets: list[np.ndarray], targets: np.ndarray) -> float:
        total = 0.0
        examples = targets.shape[0]
        for k, positions, columns in self.outputs:
            t = targets[:, columns]
            if self.config.loss == "cross-entropy" and self.config.algorithm == "backprop":
                z = nets[k][:, positions]
                # −[t ln σ(z) + (1 − t) ln(1 − σ(z))] = t·softplus(−z) + (1 − t)·softplus(z), exact for any z
                total += float(np.sum(t * np.logaddexp(0.0, -z) + (1.0 - t) * np.logaddexp(0.0, z)))
            else:
                total += 0.5 * float(np.sum((activity[k][:, positions] - t) ** 2))
        return total / examples

    # ---- backprop ----------------------------------------------------------------------------------
    def gradients(self, inputs: np.ndarray, targets: np.ndarray) -> tuple[list, list, list]:
        """Fill `model.gradient` with ∂L/∂W and ∂L/∂b (b = −θ) for this batch.

        Returns (activity, nets, δ) per layer, δ = ∂L/∂net with the 1/B of the loss folded in.
        """
        model = self.model
        layers = model.layers
        activity, nets = model.forward(inputs)
        examples = inputs.shape[0]
        upstream: list[np.ndarray | None] = [None] * len(layers)  # ∂L/∂a per layer
        output_deltas: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # cross-entropy: ∂L/∂net of outputs
        cross_entropy = self.config.loss == "cross-entropy"
        for k, positions, columns in self.outputs:
            if self._whole_output_layer:
                error = (activity[k] - targets) / examples
            else:
                error = (activity[k][:, positions] - targets[:, columns]) / examples
            if cross_entropy:  # ∂L/∂net = (a − t)/B directly: σ′ cancels against the log's derivative
                output_deltas[k] = (positions, error)
            elif self._whole_output_layer:
                upstream[k] = error
            else:
                upstream[k] = np.zeros_like(activity[k])
                upstream[k][:, positions] = error
        deltas: list[np.ndarray | None] = [None] * len(layers)
        for k in range(len(layers) - 1, 0, -1):
            layer = layers[k]
            g = upstream[k]
            for consumer, block in model.consumers(k):
                back = deltas[consumer] @ block.weight.T
                g = back if g is None else g + back
            if k in output_deltas:
                positions, error = output_deltas[k]
                if g is None and self._whole_output_layer:
                    delta = error
                else:
                    delta = np.zeros_like(activity[k]) if g is None else g * slope(layer, nets[k], activity[k])
                    delta[:, positions] = error
            else:
                delta = np.zeros_like(activity[k]) if g is None else g * slope(layer, nets[k], activity[k])
            deltas[k] = delta
            delta.sum(axis=0, out=layer.bias_gradient)
            for block in layer.blocks:
                np.matmul(activity[block.source].T, delta, out=block.gradient)
                if block.mask is not None:
                    block.gradient *= block.mask
        return activity, nets, deltas

    def _backprop_update(self, inputs: np.ndarray, targets: np.ndarray) -> tuple[list, list, list]:
        """w ← w − lr·∂L/∂w, θ ← θ − lr·∂L/∂θ for every weight and threshold at once."""
        result = self.gradients(inputs, targets)
        self.model.parameters -= self.config.learning_rate * self.model.gradient
        return result

    # ---- perceptron --------------------------------------------------------------------------------
    def _perceptron_update(self, example: int) -> int:
        """w ← w + lr·(t − y)·x, θ ← θ − lr·(t − y) for one example; 1 if it was wrong, else 0."""
        x = self.inputs[example:example + 1]
        t = self.targets[example:example + 1]
        activity, _ = self.model.forward(x)
        rate = self.config.learning_rate
        wrong = 0
        for k, positions, columns in self.outputs:
            error = np.zeros(self.model.layers[k].size)
            error[positions] = t[0, columns] - activity[k][0, positions]
            if np.any(error != 0.0):
                wrong = 1
                layer = self.model.layers[k]
                for block in layer.blocks:
                    change = rate * np.outer(activity[block.source][0], error)
                    block.weight += change if block.mask is None else change * block.mask
                layer.bias += rate * error  # θ ← θ − lr·(t − y)
        return wrong

    # ---- one visible update ------------------------------------------------------------------------
    def step(self, examples: Sequence[int]) -> Update:
        """One update on `examples` (indices into the data), returning every number it used."""
        indices = np.asarray(examples, dtype=np.intp)
        if indices.size == 0 or np.any((indices < 0) | (indices >= self.size)):
            raise TrainingError("choose examples from 1 to {count}", count=self.size)
        model = self.model
        before = model.weights(), model.thresholds()
        inputs, targets = self.inputs[indices], self.targets[indices]
        activity, nets = model.forward(inputs)
        loss = self._loss(activity, nets, targets)
        if self.config.algorithm == "perceptron":
            deltas = [None] + [np.zeros_like(a) for a in activity[1:]]
            for k, positions, columns in self.outputs:
                deltas[k][:, positions] = activity[k][:, positions] - targets[:, columns]
            for p in indices.tolist():
                self._perceptron_update(p)
            weight_gradient = {key: self._perceptron_gradient(key, activity, deltas) for key in before[0]}
            threshold_gradient = {nid: -float(np.sum(deltas[k][:, pos]))
                                  for nid, (k, pos) in model.where.items() if k > 0}
        else:
            _, _, folded = self._backprop_update(inputs, targets)
            deltas = [None] + [d * indices.size for d in folded[1:]]
            weight_gradient = {}
            for _, block in model.blocks():
                weight_gradient.update(zip(block.keys, block.gradient[block.rows, block.columns].tolist()))
            threshold_gradient = {nid: -float(model.layers[k].bias_gradient[pos])
                                  for nid, (k, pos) in model.where.items() if k > 0}
        after = model.weights(), model.thresholds()
        update = Update(
            examples=indices.tolist(), loss=loss,
            activity={nid: activity[k][:, pos].copy() for nid, (k, pos) in model.where.items()},
            net={nid: nets[k][:, pos].copy() for nid, (k, pos) in model.where.items() if k > 0},
            target={nid: targets[:, column].copy() for column, nid in enumerate(self.data.output_ids)},
            delta={nid: deltas[k][:, pos].copy() for nid, (k, pos) in model.where.items() if k > 0},
            gradient=weight_gradient, threshold_gradient=threshold_gradient,
            weight_change={key: after[0][key] - before[0][key] for key in before[0]},
            threshold_change={nid: after[1][nid] - before[1][nid] for nid in before[1]})
        return update

    def _perceptron_gradient(self, key, activity, deltas) -> float:
        source, target = key
        (j, row), (k, column) = self.model.where[source], self.model.where[target]
        return float(np.sum(activity[j][:, row] * deltas[k][:, column]))

    # ---- the network -------------------------------------------------------------------------------
    def write_back(self) -> list[tuple[str, object, float, float]]:
        """Put the trained weights and thresholds into the network (one edit per changed value).

        Returns the changes, ("weight", key, old, new) and ("threshold", id, old, new), for undo.
        """
        changes = self.model.changes(self.network)
        for what, key, _, new in changes:
            if what == "weight":
                self.network.set_synapse_param(key, "weight", new)
            else:
                self.network.set_neuron_param(key, "threshold", new)
        return changes


def config_needs_probabilities(config: TrainConfig) -> bool:
    return config.algorithm == "backprop" and config.loss == "cross-entropy"


def glorot_uniform(model: LayeredNetwork, seed: int) -> None:
    """Each layer's weights drawn from U(−l, l), l = √(6 / (fan_in + fan_out)); θ = 0.

    fan_in counts the neurons that send synapses into the layer, fan_out the layer's neurons. The
    layers are drawn in depth order and, within a layer, a full matrix per source layer in depth
    order (rows: source neurons, columns: the layer's neurons); draws where no synapse exists are
    discarded.
    """
    rng = np.random.default_rng(seed)
    for layer in model.layers[1:]:
        fan_in = sum(int(np.unique(block.rows).size) for block in layer.blocks)
        limit = math.sqrt(6.0 / (fan_in + layer.size)) if fan_in + layer.size else 0.0
        for block in layer.blocks:
            drawn = rng.uniform(-limit, limit, block.weight.shape)
            block.weight[...] = drawn if block.mask is None else drawn * block.mask
        layer.bias[...] = 0.0


def _check_config(config: TrainConfig) -> None:
    if config.algorithm not in ALGORITHMS:
        raise TrainingError("unknown algorithm {name}; expected one of {options}",
                            name=config.algorithm, options=", ".join(ALGORITHMS))
    if config.loss not in LOSSES:
        raise TrainingError("unknown loss {name}; expected one of {options}", name=config.loss,
                            options=", ".join(LOSSES))
    if config.init not in INITS:
        raise TrainingError("unknown initialisation {name}; expected one of {options}", name=config.init,
                            options=", ".join(INITS))
    if not (math.isfinite(config.learning_rate) and 0.0 < config.learning_rate <= 1e3):
        raise TrainingError("the learning rate must be a number above 0 and at most 1000, not {value}",
                            value=config.learning_rate)
    if config.batch is not None and not (isinstance(config.batch, int) and config.batch >= 1):
        raise TrainingError("the batch size must be a whole number from 1 up, not {value}", value=config.batch)


def _check_algorithm(model: LayeredNetwork, network: Network, data: BoundData, config: TrainConfig) -> None:
    if not data.output_ids:
        raise TrainingError("the network has no output neuron (a computing neuron with no outgoing synapse)")
    computing = [network.neurons[nid] for layer in model.layers[1:] for nid in layer.ids]
    if config.algorithm == "perceptron":
        outputs = set(data.output_ids)
        for neuron in computing:
            if neuron.id not in outputs:
                raise TrainingError("the perceptron rule trains one layer of step units; {label} is not an output "
                                    "of the data. Use backprop for hidden layers", label=neuron.label)
            if neuron.activation != "step":
                raise TrainingError("the perceptron rule needs step units; {label} uses {activation}",
                                    label=neuron.label, activation=neuron.activation)
        return
    for neuron in computing:
        if neuron.activation not in BACKPROP_ACTIVATIONS:
            raise TrainingError("{label} is a step unit: its slope is 0 wherever it is defined, so backprop cannot "
                                "train it. Choose sigmoid for it", label=neuron.label)
    if config.loss == "cross-entropy":
        for nid in data.output_ids:
            neuron = network.neurons[nid]
            if neuron.activation != "sigmoid":
                raise TrainingError("cross-entropy needs sigmoid outputs; {label} uses {activation}",
                                    label=neuron.label, activation=neuron.activation)
