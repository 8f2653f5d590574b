"""The learning algorithms as docs/learning.md defines them: the perceptron rule, backprop's
schedule (shuffling, initialisation), what is refused, and writing the result into the network."""

from __future__ import annotations

import math

import numpy as np
import pytest

from neuron_sim.model import ModelError, Network, Neuron, Synapse
from neuron_sim.model.fileformat import dumps, load
from neuron_sim.model.network import CycleError
from neuron_sim.model.training import TrainConfig, Trainer, TrainingError, bind, built_in
from neuron_sim.model.training.data import BoundData, Dataset, input_ids, output_ids
from neuron_sim.resources_path import examples_dir

from .backprop_oracle import oracle_sgd, random_layered_network
from .test_training_gradients import make_case


def single_unit(activation: str = "step", weight: float = 0.0, threshold: float = 0.0) -> Network:
    network = Network(name="one unit")
    network.add_neuron(Neuron("x1", kind="input"))
    network.add_neuron(Neuron("x2", kind="input"))
    network.add_neuron(Neuron("y", activation=activation, threshold=threshold))
    network.connect(Synapse("x1", "y", weight=weight))
    network.connect(Synapse("x2", "y", weight=weight))
    return network


def perceptron(network: Network, data: str, rate: float = 0.1) -> Trainer:
    return Trainer(network, bind(built_in(data), network), TrainConfig(algorithm="perceptron", learning_rate=rate))


# ---- the perceptron ----------------------------------------------------------------------------
@pytest.mark.parametrize("gate", ["and", "or", "nand"])
def test_perceptron_converges_on_linearly_separable_gates(gate):
    network = single_unit()
    trainer = perceptron(network, gate)
    history = trainer.train(50)
    assert trainer.converged_epoch is not None and trainer.converged_epoch < 50
    assert history[-1].accuracy == 1.0 and history[-1].loss == 0.0
    assert history[trainer.converged_epoch - 1].mistakes == 0
    trainer.write_back()
    from neuron_sim.model.engines.rate import RateEngine
    engine = RateEngine(network)
    table = built_in(gate)
    for row, target in zip(table.inputs, table.targets[:, 0]):
        engine.set_neuron_param("x1", "value", row[0])
        engine.set_neuron_param("x2", "value", row[1])
        assert engine.step()[2] == target


def test_perceptron_does_not_converge_on_xor():
    trainer = perceptron(single_unit(), "xor")
    history = trainer.train(200)
    assert trainer.converged_epoch is None
    assert all(result.mistakes > 0 for result in history)
    assert all(result.accuracy < 1.0 for result in history)


def test_perceptron_rule_step_by_step():
    """w ← w + lr·(t − y)·x, θ ← θ − lr·(t − y), one example at a time in data order, written out."""
    network = single_unit(weight=0.3, threshold=0.2)
    rate = 0.25
    trainer = perceptron(network, "xor", rate)
    w, theta = np.array([0.3, 0.3]), 0.2
    table = built_in("xor")
    for _ in range(3):
        for x, t in zip(table.inputs, table.targets[:, 0]):
            y = 1.0 if w @ x - theta >= 0 else 0.0
            w = w + rate * (t - y) * x
            theta = theta - rate * (t - y)
        trainer.run_epoch()
        assert trainer.model.weights() == {("x1", "y"): pytest.approx(w[0], abs=1e-15),
                                           ("x2", "y"): pytest.approx(w[1], abs=1e-15)}
        assert trainer.model.thresholds()["y"] == pytest.approx(theta, abs=1e-15)


def test_a_perceptron_step_shows_its_error_as_delta():
    network = single_unit(weight=0.0, threshold=0.5)
    trainer = perceptron(network, "or", rate=0.5)
    update = trainer.step([3])  # inputs 1, 1, target 1; net = −0.5, y = 0
    assert update.delta["y"].tolist() == [-1.0]
    assert update.weight_change == {("x1", "y"): 0.5, ("x2", "y"): 0.5}
    assert update.threshold_change == {"y": -0.5}
    assert update.gradient == {("x1", "y"): -1.0, ("x2", "y"): -1.0}


def test_perceptron_refuses_what_it_cannot_train():
    with pytest.raises(TrainingError, match="the perceptron rule needs step units; y uses sigmoid"):
        perceptron(single_unit("sigmoid"), "and")
    network = load(examples_dir() / "xor.json")
    with pytest.raises(TrainingError, match=r"one layer of step units; h1 \(OR\) is not an output"):
        perceptron(network, "xor")


# ---- backprop: what is refused -------------------------------------------------------------------
def test_backprop_refuses_a_step_unit_by_name_and_suggests_sigmoid():
    network = load(examples_dir() / "xor.json")
    with pytest.raises(TrainingError, match=r"h1 \(OR\) is a step unit.*backprop cannot train it. Choose sigmoid"):
        Trainer(network, bind(built_in("xor"), network))


def test_cross_entropy_needs_sigmoid_outputs_and_targets_from_0_to_1():
    network = single_unit("tanh", 0.5)
    with pytest.raises(TrainingError, match="cross-entropy needs sigmoid outputs; y uses tanh"):
        Trainer(network, bind(built_in("and"), network), TrainConfig(loss="cross-entropy"))
    network, data = make_case("tanh", "mse", 0)
    for nid in data.output_ids:
        network.set_neuron_param(nid, "activation", "sigmoid")
    with pytest.raises(TrainingError, match="cross-entropy needs targets from 0 to 1; example 1 has"):
        Trainer(network, data, TrainConfig(loss="cross-entropy"))


@pytest.mark.parametrize("config, message", [
    (TrainConfig(learning_rate=0.0), "the learning rate must be a number above 0"),
    (TrainConfig(learning_rate=math.nan), "the learning rate must be a number above 0"),
    (TrainConfig(batch=0), "the batch size must be a whole number from 1 up"),
    (TrainConfig(algorithm="hebb"), "unknown algorithm hebb"),
    (TrainConfig(loss="hinge"), "unknown loss hinge"),
    (TrainConfig(init="zeros"), "unknown initialisation zeros"),
])
def test_bad_settings(config, message):
    network = single_unit("sigmoid")
    with pytest.raises(TrainingError, match=message):
        Trainer(network, bind(built_in("and"), network), config)


def test_loops_and_spiking_networks_are_refused():
    network = single_unit("sigmoid")
    network.add_neuron(Neuron("z", activation="sigmoid"))
    network.connect(Synapse("y", "z"))
    network.connect(Synapse("z", "y"))
    network.add_neuron(Neuron("out", activation="sigmoid"))
    with pytest.raises(CycleError):
        Trainer(network, bind(built_in("and"), network))
    spiking = Network(model="spiking")
    spiking.add_neuron(Neuron("x1", kind="input"))
    with pytest.raises(ModelError, match="only rate networks can be trained"):
        Trainer(spiking, bind(built_in("and"), single_unit("sigmoid")))


def test_a_diverging_run_is_refused_and_the_network_keeps_its_weights():
    network = single_unit("linear", 1.0)
    before = dumps(network)
    trainer = Trainer(network, bind(built_in("spiral", samples=50, noise=0.0), network),
                      TrainConfig(learning_rate=900.0))
    with pytest.raises(TrainingError, match="training diverged in epoch .*try a smaller learning rate"):
        trainer.train(50)
    assert dumps(network) == before


# ---- backprop: the schedule -----------------------------------------------------------------------
def test_shuffling_is_a_seeded_permutation_each_epoch():
    network, data = make_case("mixed", "mse", 2, examples=9)
    rate, batch, seed = 0.01, 2, 42
    trainer = Trainer(network, data, TrainConfig(learning_rate=rate, batch=batch, shuffle=True, seed=seed))
    trainer.train(2)
    # The same as training in data order on each epoch's permutation, drawn by default_rng(seed).
    rng = np.random.default_rng(seed)
    copy = network.copy()
    for _ in range(2):
        order = rng.permutation(data.inputs.shape[0])
        weights, thresholds = oracle_sgd(copy, data.inputs[order], data.targets[order], data.input_ids,
                                         data.output_ids, "mse", rate, batch)
        for key, w in weights.items():
            copy.set_synapse_param(key, "weight", w)
        for nid, th in thresholds.items():
            copy.set_neuron_param(nid, "threshold", th)
    for key, w in trainer.model.weights().items():
        assert w == pytest.approx(copy.synapses[key].weight, rel=1e-10, abs=1e-12)
    again = Trainer(network, data, TrainConfig(learning_rate=rate, batch=batch, shuffle=True, seed=seed))
    again.train(2)
    assert again.model.weights() == trainer.model.weights()
    other = Trainer(network, data, TrainConfig(learning_rate=rate, batch=batch, shuffle=True, seed=seed + 1))
    other.train(2)
    assert other.model.weights() != trainer.model.weights()


def test_random_initialisation_is_glorot_uniform_per_layer_with_zero_thresholds():
    rng = np.random.default_rng(3)
    network = random_layered_network(rng, ("sigmoid",), skip=False)
    ins, outs = input_ids(network), output_ids(network)
    data = BoundData(Dataset("d", ins, outs, np.zeros((2, len(ins))), np.zeros((2, len(outs)))), ins, outs)
    trainer = Trainer(network, data, TrainConfig(init="random", seed=5))
    layers = network.layers()
    weights = trainer.model.weights()
    assert weights.keys() == network.synapses.keys()
    for before, layer in zip(layers, layers[1:]):
        senders = {s for (s, t) in network.synapses if t in layer}
        limit = math.sqrt(6.0 / (len(senders) + len(layer)))
        drawn = [w for (s, t), w in weights.items() if t in layer]
        assert all(-limit <= w <= limit for w in drawn) and len(set(drawn)) == len(drawn)
    assert set(trainer.model.thresholds().values()) == {0.0}
    same = Trainer(network, data, TrainConfig(init="random", seed=5))
    assert same.model.weights() == weights
    assert Trainer(network, data, TrainConfig(init="random", seed=6)).model.weights() != weights


# ---- the shipped learning example -----------------------------------------------------------------
def test_backprop_learns_xor_from_the_learning_example_start_weights():
    network = load(examples_dir() / "learn-xor.json")
    data = bind(built_in("xor"), network)
    trainer = Trainer(network, data, TrainConfig(learning_rate=1.0))
    assert trainer.evaluate()[1] < 1.0  # it does not compute XOR before training
    history = trainer.train(1000)
    assert history[-1].accuracy == 1.0
    assert history[-1].loss < history[0].loss / 4


# ---- the network ----------------------------------------------------------------------------------
def test_write_back_edits_the_network_through_its_events():
    network = single_unit("sigmoid", 0.1)
    seen = []
    network.events.synapse_changed.connect(lambda key, name, value: seen.append((key, name, value)))
    network.events.neuron_changed.connect(lambda nid, name, value: seen.append((nid, name, value)))
    trainer = Trainer(network, bind(built_in("or"), network), TrainConfig(learning_rate=0.5))
    assert seen == []
    trainer.train(3)
    assert seen == []  # training works on its own matrices
    changes = trainer.write_back()
    assert {(what, key) for what, key, _, _ in changes} == {("weight", ("x1", "y")), ("weight", ("x2", "y")),
                                                           ("threshold", "y")}
    assert sorted(map(str, seen)) == sorted(str((key, what, new)) for what, key, _, new in changes)
    assert network.synapses[("x1", "y")].weight == trainer.model.weights()[("x1", "y")]
    seen.clear()
    assert trainer.write_back() == [] and seen == []
