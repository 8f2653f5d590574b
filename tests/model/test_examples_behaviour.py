"""Every shipped example loads, runs, and does what its text says.

The oracles are written here, outside the engines: truth tables by hand, numpy formulas for the
layers, spike times read off and compared with the delays and rates written in the files.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from neuron_sim.model.codegen.summary import layer_summary
from neuron_sim.model.fileformat import load
from neuron_sim.model.network import Network
from neuron_sim.model.engines.rate import RateEngine
from neuron_sim.model.simulate import simulate
from neuron_sim.model.engines.spiking import SpikingEngine
from neuron_sim.resources_path import examples_dir

EXAMPLES = sorted(examples_dir().glob("*.json"))
DT = 0.1


def example(name: str) -> Network:
    return load(examples_dir() / name)


def rate_output(network: Network, inputs: dict[str, float], output: str) -> float:
    for nid, value in inputs.items():
        network.set_neuron_param(nid, "value", value)
    engine = RateEngine(network)
    engine.step()
    return float(engine.activity[engine.index[output]])


def spikes(network: Network, duration_ms: float, **inputs: float) -> dict[str, list[float]]:
    for nid, value in inputs.items():
        network.set_neuron_param(nid, "value", value)
    return simulate(network, int(round(duration_ms / DT))).spikes


def without_inhibition(network: Network) -> Network:
    for key, synapse in network.synapses.items():
        if synapse.weight < 0:
            network.set_synapse_param(key, "weight", 0.0)
    return network


# ---- every file --------------------------------------------------------------------------------
def test_there_is_an_example_for_every_topic_of_the_issue():
    names = {path.name for path in EXAMPLES}
    assert {"single-neuron.json", "logistic-unit.json", "and-gate.json", "or-gate.json", "not-gate.json",
            "nand-gate.json", "xor.json", "dense-layer.json", "multi-layer.json",
            "spiking-integrate-and-fire.json", "spiking-chain.json", "spiking-excitation-inhibition.json",
            "spiking-summation.json", "spiking-refractory.json", "spiking-lateral-inhibition.json",
            "spiking-mutual-inhibition.json", "spiking-reflex-arc.json"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_runs_100_ticks(path: Path):
    network = load(path)
    assert network.name and network.description
    if network.model == "rate":
        rows = RateEngine(network).run(100)
    else:
        rows, _ = SpikingEngine(network).run(100)
    assert rows.shape == (100, len(network)) and np.isfinite(rows).all()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_has_a_behaviour_check_here(path: Path):
    """A new example without a test of its claim fails here."""
    assert path.name in CHECKED, f"add a test of what {path.name} claims to this file"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_cells_do_not_overlap(path: Path):
    network = load(path)
    points = [np.array(n.position) for n in network.neurons.values()]
    for a, b in itertools.combinations(points, 2):
        assert np.linalg.norm(a - b) >= 120  # a cell with its labels is about 100 px wide


# ---- rate: gates and units -------------------------------------------------------------------
BITS = [(0, 0), (0, 1), (1, 0), (1, 1)]
TRUTH = {  # by hand
    "and-gate.json": [0, 0, 0, 1],
    "or-gate.json": [0, 1, 1, 1],
    "nand-gate.json": [1, 1, 1, 0],
    "xor.json": [0, 1, 1, 0],
}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_gate_truth_table(name: str):
    network = example(name)
    table = [rate_output(network, {"x1": a, "x2": b}, "y") for a, b in BITS]
    assert table == TRUTH[name]


def test_not_gate():
    network = example("not-gate.json")
    assert [rate_output(network, {"x1": a}, "y") for a in (0, 1)] == [1, 0]


def test_xor_goes_through_the_hidden_layer():
    network = example("xor.json")
    assert network.layers() == [["x1", "x2"], ["h1", "h2"], ["y"]]
    for (a, b), expected in zip(BITS, TRUTH["xor.json"]):
        rate_output(network, {"x1": a, "x2": b}, "y")
        engine = RateEngine(network)
        engine.step()
        h1, h2 = (engine.activity[engine.index[h]] for h in ("h1", "h2"))
        assert (h1, h2) == (a or b, not (a and b))  # OR and NAND, as the text says
        assert engine.activity[engine.index["y"]] == expected


def test_single_neuron_fires_when_x1_joins_x0_and_x2_holds_it_back():
    network = example("single-neuron.json")
    assert [n.label for n in network.neurons.values()] == ["x0", "x1", "x2", "y"]
    w = np.array([0.6, 0.6, -0.5])
    for x in itertools.product((0, 1), repeat=3):
        expected = 1.0 if w @ np.array(x) - 1.0 >= 0 else 0.0
        assert rate_output(network, dict(zip(("x0", "x1", "x2"), x)), "y") == expected
    assert rate_output(network, {"x0": 1, "x1": 0, "x2": 0}, "y") == 0  # as it opens
    assert rate_output(network, {"x0": 1, "x1": 1, "x2": 0}, "y") == 1  # turn x1 on
    assert rate_output(network, {"x0": 1, "x1": 1, "x2": 1}, "y") == 0  # then x2


def test_logistic_unit_is_a_sigmoid_of_the_weighted_sum():
    network = example("logistic-unit.json")
    w, b = np.array([1.5, -1.0, 2.0]), -0.5
    for x in ([1, 0.5, 0], [0, 0, 0], [0.2, 0.9, 0.4], [1, 1, 1]):
        expected = 1 / (1 + np.exp(-(w @ np.array(x) + b)))
        assert rate_output(network, dict(zip(("x1", "x2", "x3"), x)), "a") == pytest.approx(expected, abs=1e-12)


# ---- rate: Dense layers ---------------------------------------------------------------------
def test_dense_layer_outputs_are_w_times_x():
    network = example("dense-layer.json")
    W = np.array([[0.8, -0.6], [-0.4, 1.2], [0.3, 0.5]])  # rows x0..x2, columns y1, y2, from the file
    summary = layer_summary(network)
    layers = summary.layers
    assert len(layers) == 1 and layers[0].kernel.shape == (3, 2)
    np.testing.assert_array_equal(layers[0].kernel, W)
    assert summary.dense_lines == ["Dense(2, input_shape=(3,))"]
    for x in ([1, 0.5, 0], [0.3, -1, 2], [0, 0, 1]):
        y = np.array(x) @ W
        got = [rate_output(network, dict(zip(("x0", "x1", "x2"), x)), out) for out in ("y1", "y2")]
        np.testing.assert_allclose(got, y, atol=1e-12)


def test_dense_matrix_follows_an_edited_weight():
    network = example("dense-layer.json")
    network.set_synapse_param(("x2", "y1"), "weight", -2.5)
    assert layer_summary(network).layers[0].kernel[2, 0] == -2.5


def test_multi_layer_network_is_two_stacked_dense_layers():
    network = example("multi-layer.json")
    summary = layer_summary(network)
    layers = summary.layers
    assert [layer.kernel.shape for layer in layers] == [(3, 4), (4, 2)]
    assert summary.dense_lines == ["Dense(4, input_shape=(3,), activation='relu')",
                                  "Dense(2, activation='sigmoid')"]
    W1, W2 = layers[0].kernel, layers[1].kernel
    theta1 = np.array([network.neurons[h].threshold for h in ("h1", "h2", "h3", "h4")])
    theta2 = np.array([network.neurons[y].threshold for y in ("y1", "y2")])
    assert np.count_nonzero(W1) == 12 and np.count_nonzero(W2) == 8  # fully connected
    for x in ([1, 0.5, 0], [0, 1, 1], [0.7, 0.2, 0.9]):
        hidden = np.maximum(0, np.array(x) @ W1 - theta1)
        expected = 1 / (1 + np.exp(-(hidden @ W2 - theta2)))
        got = [rate_output(network, dict(zip(("x0", "x1", "x2"), x)), y) for y in ("y1", "y2")]
        np.testing.assert_allclose(got, expected, atol=1e-12)


def test_networks_that_are_not_dense_stacks():
    xor = example("xor.json")
    assert layer_summary(xor).plan.sequential  # 2-2-1 is one
    xor.connect(type(next(iter(xor.synapses.values())))("x1", "y", 1.0))  # a skip connection
    summary = layer_summary(xor)  # still layered: W of the last layer gets a row for x1
    assert not summary.plan.sequential and summary.layers[1].sources == ["x1", "x2", "h1", "h2"]
    assert summary.dense_lines[1].endswith("; reads x1, x2, h1, h2")
    assert layer_summary(example("spiking-chain.json")) is None


def test_keras_line_names_activations_keras_lacks():
    assert layer_summary(example("and-gate.json")).dense_lines == ["Dense(1, input_shape=(2,))  # step: not a Keras activation"]


# ---- spiking ------------------------------------------------------------------------------
def test_integrate_and_fire_needs_several_inputs_to_reach_threshold():
    network = example("spiking-integrate-and-fire.json")
    s = spikes(network, 200)
    arrivals = [t + 3 for t in s["g1"]]  # the synapse delay, from the file
    first = s["n1"][0]
    assert sum(a <= first for a in arrivals) >= 3  # 7 mV each, 15 mV to go, leaking in between
    assert len(s["n1"]) >= 3
    # each spike of n1 reaches n2 (20 mV) 6 ms later, and n2 fires on the next step
    assert s["n2"] == pytest.approx([t + 6 + DT for t in s["n1"] if t + 6 + DT < 200])


def test_chain_delay_is_the_synaptic_delay_per_link():
    network = example("spiking-chain.json")
    s = spikes(network, 250)
    chain = ["g1", "n1", "n2", "n3"]
    assert all(len(s[n]) == 3 for n in chain)  # 10 Hz, from 5 ms: 5, 105, 205
    for before, after in zip(chain, chain[1:]):
        delay = network.synapse((before, after)).delay_ms
        # the input arrives after the delay and crosses the threshold in the following step
        assert np.array(s[after]) - np.array(s[before]) == pytest.approx(delay + DT)


def test_excitation_fires_and_inhibition_silences():
    alone = spikes(example("spiking-excitation-inhibition.json"), 300)
    assert len(alone["n1"]) == len(alone["exc"]) == 15  # every excitatory spike fires n1
    both = spikes(example("spiking-excitation-inhibition.json"), 300, inh=1)
    assert len(both["inh"]) == 15 and both["n1"] == []
    inhibition_only = spikes(example("spiking-excitation-inhibition.json"), 300, exc=0, inh=1)
    assert inhibition_only["n1"] == []


def test_summation_two_inputs_fire_where_one_does_not():
    assert spikes(example("spiking-summation.json"), 300)["n1"] == []  # x1 alone: 9 mV < 15 mV
    assert spikes(example("spiking-summation.json"), 300, x1=0, x2=1)["n1"] == []
    both = spikes(example("spiking-summation.json"), 300, x2=1)
    assert len(both["n1"]) == len(both["x1"]) == 6  # 9 + 9 = 18 mV ≥ 15 mV, at 20 Hz


def test_refractory_period_limits_the_firing_rate():
    network = example("spiking-refractory.json")
    s = spikes(network, 200)
    for cell in ("n1", "n2"):
        refractory = network.neurons[cell].refractory_ms
        assert np.diff(s[cell]).min() >= refractory
    assert np.diff(s["n2"]) == pytest.approx(12.5)  # 10 ms rest, then the next 2.5 ms input
    assert len(s["n1"]) > 3 * len(s["n2"])


def test_lateral_inhibition_silences_the_neighbours_of_the_strongest():
    s = spikes(example("spiking-lateral-inhibition.json"), 300)
    free = spikes(without_inhibition(example("spiking-lateral-inhibition.json")), 300)
    assert len(free["n1"]) > 5 and len(free["n3"]) > 5  # they would fire on their own
    assert s["n1"] == [] and s["n3"] == []
    assert len(s["n2"]) == len(free["n2"]) > 10
    released = spikes(example("spiking-lateral-inhibition.json"), 300, s2=0)  # switch s2 off
    assert len(released["n1"]) > 5 and len(released["n3"]) > 5


def phase_of_b_in_a(s: dict[str, list[float]]) -> list[float]:
    """Where each B spike falls between the A spikes around it: 0 = with A, 0.5 = halfway."""
    a = np.array(s["A"])
    phases = []
    for t in s["B"]:
        k = np.searchsorted(a, t) - 1
        if 0 <= k < len(a) - 1:
            phases.append((t - a[k]) / (a[k + 1] - a[k]))
    return phases


def test_mutual_inhibition_alternates():
    s = spikes(example("spiking-mutual-inhibition.json"), 1000)
    assert len(s["A"]) >= 10 and abs(len(s["A"]) - len(s["B"])) <= 1
    events = sorted([(t, "A") for t in s["A"]] + [(t, "B") for t in s["B"]])
    order = "".join(name for _, name in events)
    assert "AA" not in order[2:] and "BB" not in order[2:]  # A, B, A, B …
    settled = phase_of_b_in_a(s)[2:]
    assert settled and all(0.4 <= p <= 0.6 for p in settled)  # B halfway between two A spikes
    together = spikes(without_inhibition(example("spiking-mutual-inhibition.json")), 1000)
    assert all(p < 0.1 for p in phase_of_b_in_a(together))  # weights 0: they fire together


def test_reflex_arc_order_sensor_interneuron_motor():
    network = example("spiking-reflex-arc.json")
    s = spikes(network, 300)
    assert len(s["sensor"]) == len(s["inter"]) == len(s["motor"]) == 3
    for t_sensor, t_inter, t_motor in zip(s["sensor"], s["inter"], s["motor"]):
        assert t_sensor < t_inter < t_motor
        assert t_inter - t_sensor == pytest.approx(network.synapse(("sensor", "inter")).delay_ms + DT)
        assert t_motor - t_inter == pytest.approx(network.synapse(("inter", "motor")).delay_ms + DT)
    assert spikes(example("spiking-reflex-arc.json"), 300, sensor=0)["motor"] == []


def test_learn_xor_does_not_compute_xor_until_trained_as_its_text_says(tmp_path):
    from neuron_sim.cli import main

    network = example("learn-xor.json")
    before = [rate_output(network, {"x1": a, "x2": b}, "y") for a, b in BITS]
    assert all(0.63 <= y <= 0.7 for y in before)
    trained = tmp_path / "trained.json"
    command = "train learn-xor.json --data xor --epochs 1000 --lr 1 -o trained.json"
    assert command in network.description
    arguments = command.split()
    arguments[1], arguments[-1] = str(examples_dir() / "learn-xor.json"), str(trained)
    assert main(arguments) == 0
    network = load(trained)
    assert [rate_output(network, {"x1": a, "x2": b}, "y") > 0.5 for a, b in BITS] == [False, True, True, False]


def test_backprop_twin_learns_or_with_the_command_its_text_gives(tmp_path):
    from neuron_sim.cli import main

    network = example("backprop-or-brain-backprop.json")
    assert all(rate_output(network, {"x1": a, "x2": b}, "y") < 0.5 for a, b in BITS)  # not OR yet
    command = "train backprop-or-brain-backprop.json --data or --epochs 300 --lr 2 -o trained.json"
    assert command in network.description
    arguments = command.split()
    arguments[1], arguments[-1] = str(examples_dir() / "backprop-or-brain-backprop.json"), str(tmp_path / "t.json")
    assert main(arguments) == 0
    trained = load(tmp_path / "t.json")
    assert [rate_output(trained, {"x1": a, "x2": b}, "y") > 0.5 for a, b in BITS] == [False, True, True, True]


def test_stdp_twin_learns_or_from_the_teacher_as_its_text_says():
    """Both plastic synapses grow from 4 to 16 mV while the teacher pairs them with y's spikes; then
    x1 alone (teacher and x2 off) makes y fire, which it could not before."""
    network = example("backprop-or-brain-stdp.json")
    text = network.description
    assert "every 20 ms" in text and "from 4 mV and 2 mV, to 16 mV" in text and "3 ms after" in text
    keys = [("x1", "y"), ("x2", "y")]
    assert [network.synapse(k).weight for k in keys] == [4.0, 2.0]
    assert all(network.synapse(k).plasticity.w_max == 16.0 for k in keys)
    for source in ("x1", "x2"):
        assert network.neuron(source).rate_hz == 50.0  # every 20 ms
    arrival = network.neuron("x1").start_ms + network.synapse(("x1", "y")).delay_ms
    teacher = network.neuron("teacher").start_ms + network.synapse(("teacher", "y")).delay_ms
    assert teacher - arrival == 3.0
    engine = SpikingEngine(network)
    engine.run(int(round(150 / DT)), record=False)
    assert engine.learned_weights() == {("x1", "y"): 16.0, ("x2", "y"): 16.0}
    # without the teacher, x1 alone: silent with the start weights, firing with the learned ones
    assert spikes(network.copy(), 200, teacher=0, x2=0)["y"] == []
    learned = network.copy()
    for key in keys:
        learned.set_synapse_param(key, "weight", 16.0)
    assert len(spikes(learned, 200, teacher=0, x2=0)["y"]) >= 9  # every 20 ms
    assert spikes(learned, 200, teacher=0, x1=0, x2=0)["y"] == []


def test_learn_and_answers_1_to_everything_then_the_perceptron_learns_it_and_never_learns_xor():
    from neuron_sim.model.training import TrainConfig, Trainer, bind, built_in

    network = example("learn-and.json")
    assert [rate_output(network, {"x1": a, "x2": b}, "y") for a, b in BITS] == [1.0] * 4
    assert "weights 0.5 and the threshold 0" in network.description
    perceptron = TrainConfig(algorithm="perceptron", learning_rate=0.1)  # as the example sets the Train dock
    trainer = Trainer(network, bind(built_in("and"), network), perceptron)
    mistakes = [r.mistakes for r in trainer.train(10)]
    assert "from epoch 3 on no example is wrong" in network.description
    assert mistakes[1] > 0 and mistakes[2:] == [0] * 8
    trainer.write_back()
    assert [rate_output(network, {"x1": a, "x2": b}, "y") for a, b in BITS] == [0.0, 0.0, 0.0, 1.0]
    xor = Trainer(network, bind(built_in("xor"), network), perceptron)
    assert all(r.mistakes > 0 for r in xor.train(200)) and xor.converged_epoch is None


def test_learn_blobs_is_a_logistic_unit_that_separates_the_clouds_as_its_text_says():
    from neuron_sim.model.training import TrainConfig, Trainer, bind, built_in

    network = example("learn-blobs.json")
    assert network.neuron("a").activation == "sigmoid" and len(network.incoming("a")) == 2
    config = TrainConfig(loss="cross-entropy", learning_rate=0.5)
    trainer = Trainer(network, bind(built_in("blobs"), network), config)
    history = trainer.train(100)
    assert "the accuracy reaches 99 %" in network.description
    assert history[0].accuracy < 0.9 and round(history[-1].accuracy * 100) >= 99


CHECKED = {
    "and-gate.json", "or-gate.json", "nand-gate.json", "not-gate.json", "xor.json", "single-neuron.json",
    "logistic-unit.json", "dense-layer.json", "multi-layer.json", "spiking-integrate-and-fire.json",
    "spiking-chain.json", "spiking-excitation-inhibition.json", "spiking-summation.json",
    "spiking-refractory.json", "spiking-lateral-inhibition.json", "spiking-mutual-inhibition.json",
    "spiking-reflex-arc.json", "learn-xor.json", "backprop-or-brain-backprop.json", "backprop-or-brain-stdp.json",
    "learn-and.json", "learn-blobs.json",
}
