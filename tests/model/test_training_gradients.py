"""Backprop's gradients and updates against two oracles from outside the code under test: finite
differences of the rate engine's loss, and a plain backprop written neuron by neuron
(backprop_oracle.py), on random layered networks of every differentiable activation."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model.training import TrainConfig, Trainer
from neuron_sim.model.training.data import BoundData, Dataset, output_ids

from .backprop_oracle import (
    finite_difference_gradient,
    oracle_gradient,
    oracle_sgd,
    random_layered_network,
)

DIFFERENTIABLE = ("sigmoid", "tanh", "relu", "linear")
CASES = [(activation, loss, seed) for activation in DIFFERENTIABLE for loss in ("mse", "cross-entropy")
         for seed in range(3)] + [("mixed", loss, seed) for loss in ("mse", "cross-entropy") for seed in range(4)]


def make_case(activation: str, loss: str, seed: int, examples: int = 7):
    rng = np.random.default_rng(1000 + seed)
    activations = DIFFERENTIABLE if activation == "mixed" else (activation,)
    output = "sigmoid" if loss == "cross-entropy" else None
    network = random_layered_network(rng, activations, output_activation=output)
    inputs_ids = [n.id for n in network if n.kind == "input"]
    outputs = output_ids(network)
    x = rng.normal(0.0, 1.5, (examples, len(inputs_ids)))
    if loss == "cross-entropy":
        t = rng.integers(0, 2, (examples, len(outputs))).astype(float)
        t[0] = rng.uniform(0, 1, len(outputs))  # soft targets are allowed too
    else:
        t = rng.normal(0.0, 1.0, (examples, len(outputs)))
    data = BoundData(Dataset("random", inputs_ids, outputs, x, t), inputs_ids, outputs)
    return network, data


def trainer_gradient(trainer: Trainer):
    trainer.gradients(trainer.inputs, trainer.targets)
    grad_w, grad_t = {}, {}
    for _, block in trainer.model.blocks():
        grad_w.update(zip(block.keys, block.gradient[block.rows, block.columns].tolist()))
    for layer in trainer.model.layers[1:]:
        grad_t.update(zip(layer.ids, (-layer.bias_gradient).tolist()))  # ∂L/∂θ = −∂L/∂b
    return grad_w, grad_t


def assert_close(actual: dict, expected: dict, rel: float, abs_: float):
    assert actual.keys() == expected.keys()
    for key in expected:
        assert actual[key] == pytest.approx(expected[key], rel=rel, abs=abs_), key


@pytest.mark.parametrize("activation, loss, seed", CASES)
def test_gradient_equals_finite_differences_and_the_oracle(activation, loss, seed):
    network, data = make_case(activation, loss, seed)
    trainer = Trainer(network, data, TrainConfig(loss=loss))
    grad_w, grad_t = trainer_gradient(trainer)
    numeric_w, numeric_t = finite_difference_gradient(network, data.inputs, data.targets, data.input_ids,
                                                      data.output_ids, loss)
    assert_close(grad_w, numeric_w, rel=1e-5, abs_=1e-7)
    assert_close(grad_t, numeric_t, rel=1e-5, abs_=1e-7)
    weights = {key: s.weight for key, s in network.synapses.items()}
    thresholds = {n.id: n.threshold for n in network if n.kind == "neuron"}
    examples = [(dict(zip(data.input_ids, row.tolist())), list(t)) for row, t in zip(data.inputs, data.targets)]
    oracle_loss, oracle_w, oracle_t = oracle_gradient(network, weights, thresholds, examples, data.output_ids, loss)
    assert_close(grad_w, oracle_w, rel=1e-10, abs_=1e-13)
    assert_close(grad_t, oracle_t, rel=1e-10, abs_=1e-13)
    assert trainer.evaluate()[0] == pytest.approx(oracle_loss, rel=1e-12)


@pytest.mark.parametrize("batch", [None, 1, 3, 4])
@pytest.mark.parametrize("activation, loss, seed", [c for c in CASES if c[2] < 2])
def test_one_epoch_of_updates_equals_the_oracle(activation, loss, seed, batch):
    network, data = make_case(activation, loss, seed)
    rate = 0.01
    expected_w, expected_t = oracle_sgd(network, data.inputs, data.targets, data.input_ids, data.output_ids,
                                        loss, rate, batch, epochs=2)
    before = {key: s.weight for key, s in network.synapses.items()}
    trainer = Trainer(network, data, TrainConfig(loss=loss, learning_rate=rate, batch=batch))
    trainer.train(2)
    moved = {key: w - before[key] for key, w in trainer.model.weights().items()}
    assert_close(moved, {key: w - before[key] for key, w in expected_w.items()}, rel=1e-8, abs_=1e-14)
    assert_close(trainer.model.weights(), expected_w, rel=1e-10, abs_=1e-12)
    assert_close(trainer.model.thresholds(), expected_t, rel=1e-10, abs_=1e-12)
    changes = trainer.write_back()
    assert changes
    assert_close({key: s.weight for key, s in network.synapses.items()}, expected_w, rel=1e-10, abs_=1e-12)
    assert_close({n.id: n.threshold for n in network if n.kind == "neuron"}, expected_t, rel=1e-10, abs_=1e-12)


@pytest.mark.parametrize("activation, loss", [("mixed", "mse"), ("tanh", "cross-entropy")])
def test_a_step_reports_the_numbers_it_used(activation, loss):
    network, data = make_case(activation, loss, 5)
    rate = 0.2
    trainer = Trainer(network, data, TrainConfig(loss=loss, learning_rate=rate))
    weights = {key: s.weight for key, s in network.synapses.items()}
    thresholds = {n.id: n.threshold for n in network if n.kind == "neuron"}
    chosen = [2, 4]
    examples = [(dict(zip(data.input_ids, data.inputs[p].tolist())), list(data.targets[p])) for p in chosen]
    oracle_loss, oracle_w, oracle_t = oracle_gradient(network, weights, thresholds, examples, data.output_ids, loss)
    update = trainer.step(chosen)
    assert update.examples == chosen
    assert update.loss == pytest.approx(oracle_loss, rel=1e-12)
    assert_close(update.gradient, oracle_w, rel=1e-10, abs_=1e-13)
    assert_close(update.threshold_gradient, oracle_t, rel=1e-10, abs_=1e-13)
    assert_close(update.weight_change, {k: -rate * g for k, g in oracle_w.items()}, rel=1e-9, abs_=1e-13)
    assert_close(update.threshold_change, {k: -rate * g for k, g in oracle_t.items()}, rel=1e-9, abs_=1e-13)
    # ∂L/∂w = (1/B) Σ_p δ_target[p] · a_source[p], per example δ without the 1/B
    for (source, target), gradient in update.gradient.items():
        assert gradient == pytest.approx(np.mean(update.delta[target] * update.activity[source]), rel=1e-9, abs=1e-13)
    assert network.synapses and all(network.synapses[k].weight == w for k, w in weights.items())  # not yet written
