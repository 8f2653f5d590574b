"""The classroom examples: which file, its title and "what to try" text in the UI language.

A file of the shipped examples folder always opens as an untitled copy (`is_shipped_example`), so
the examples stay as shipped for the next class.

The files in resources/examples/ hold the English name and description; the texts here are the same
sentences marked for translation (tests/ui/test_examples.py keeps the two equal), so a Korean
interface shows Korean texts while the files stay readable on their own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from neuron_sim.resources_path import examples_dir

if TYPE_CHECKING:
    from neuron_sim.model import Network


@dataclass(frozen=True)
class _Entry:
    file: str
    look: str  # "biological" or "schematic": the look that shows the idea best
    select: tuple[str, ...]  # neurons selected on opening: the computation panel and the trace follow them
    title: str  # English source texts; translated when the catalogue is built
    what_to_try: str
    labels: dict[str, str] = field(default_factory=dict)  # neuron id → label text to translate
    training: TrainingPreset | None = None


@dataclass(frozen=True)
class TrainingPreset:
    """How the Train dock is set when the example opens."""

    data: str  # a built-in data set
    algorithm: str = "backprop"
    loss: str = "mse"
    learning_rate: float = 0.1
    epochs: int = 100
    batch: int | None = None  # None: the whole data set


@dataclass(frozen=True)
class Example:
    file: str
    look: str
    select: tuple[str, ...]
    title: str  # in the UI language
    what_to_try: str
    labels: dict[str, str]
    source_title: str  # English, as in the file
    source_text: str
    training: TrainingPreset | None = None  # the Train dock's settings for it

    @property
    def path(self) -> Path:
        return examples_dir() / self.file

    @property
    def shows_dense_layers(self) -> bool:
        return self.file in DENSE_EXAMPLES


@dataclass(frozen=True)
class Topic:
    title: str
    examples: tuple[Example, ...]


DENSE_EXAMPLES = ("dense-layer.json", "multi-layer.json")  # they open with the As-code panel (Keras, W)

TOPIC_NEURON = QT_TRANSLATE_NOOP("Examples", "One neuron")
TOPIC_GATES = QT_TRANSLATE_NOOP("Examples", "Logic gates")
TOPIC_LAYERS = QT_TRANSLATE_NOOP("Examples", "Layers")
TOPIC_SPIKING = QT_TRANSLATE_NOOP("Examples", "Spiking neurons")
TOPIC_LEARNING = QT_TRANSLATE_NOOP("Examples", "Learning")

_CATALOGUE = (
    (TOPIC_NEURON, (
        _Entry("single-neuron.json", "schematic", ("y",),
               QT_TRANSLATE_NOOP("Examples", "One artificial neuron"),
               QT_TRANSLATE_NOOP("Examples",
                                 "Three inputs x0, x1, x2 reach one neuron through synapses of strength w0 = 0.6, w1 = "
                                 "0.6 and w2 = -0.5. The neuron adds w0·x0 + w1·x1 + w2·x2 (Σ) and its activation "
                                 "function f fires when the sum reaches the threshold 1. Press Play, then click x1 to "
                                 "switch it on: 0.6 + 0.6 = 1.2 reaches the threshold and y fires. Then switch x2 on: "
                                 "its negative weight holds y back."),
               {}),
        _Entry("logistic-unit.json", "schematic", ("a",),
               QT_TRANSLATE_NOOP("Examples", "A logistic-regression unit"),
               QT_TRANSLATE_NOOP("Examples",
                                 "Three inputs x1, x2, x3 and a sigmoid activation: a = σ(w·x + b) lies between 0 and "
                                 "1, so it can be read as a probability. Press Play, then double-click an input, type "
                                 "a value between 0 and 1, and watch a slide smoothly instead of jumping."),
               {}),
    )),
    (TOPIC_GATES, (
        _Entry("and-gate.json", "biological", ("y",),
               QT_TRANSLATE_NOOP("Examples", "AND gate"),
               QT_TRANSLATE_NOOP("Examples",
                                 "Two inputs, one threshold unit. The output y fires only when x1 AND x2 are on: 1·x1 "
                                 "+ 1·x2 must reach the threshold 1.5. Press Play, then click x2 to switch it on: y "
                                 "fires. Switch either input off and it stops."),
               {}),
        _Entry("or-gate.json", "biological", ("y",),
               QT_TRANSLATE_NOOP("Examples", "OR gate"),
               QT_TRANSLATE_NOOP("Examples",
                                 "Two inputs, one threshold unit. The output fires when x1 OR x2 (or both) is on: one "
                                 "input alone, 1·x1 = 1, already reaches the threshold 0.5. Press Play and click the "
                                 "inputs to go through the truth table."),
               {}),
        _Entry("not-gate.json", "biological", ("y",),
               QT_TRANSLATE_NOOP("Examples", "NOT gate"),
               QT_TRANSLATE_NOOP("Examples",
                                 "One input and an inhibitory synapse (w = -1). With the threshold -0.5 the unit fires "
                                 "while x1 is off and falls silent when x1 is on: the output is the opposite of the "
                                 "input. Press Play and click x1."),
               {}),
        _Entry("nand-gate.json", "biological", ("y",),
               QT_TRANSLATE_NOOP("Examples", "NAND gate"),
               QT_TRANSLATE_NOOP("Examples",
                                 "NOT AND: the output is on unless both inputs are on. The weights are negative (-1) "
                                 "and the threshold is -1.5, so only the sum -2 of two active inputs falls below it. "
                                 "Press Play and switch one input off: y fires."),
               {}),
        _Entry("xor.json", "biological", ("y",),
               QT_TRANSLATE_NOOP("Examples", "XOR needs a hidden layer"),
               QT_TRANSLATE_NOOP("Examples",
                                 "No single threshold unit computes XOR. Two hidden units do: h1 is OR, h2 is NAND, "
                                 "and the output y is their AND. Press Play and click the inputs through 00, 01, 10, "
                                 "11: y fires only when exactly one input is on."),
               {}),
    )),
    (TOPIC_LAYERS, (
        _Entry("dense-layer.json", "schematic", ("y1",),
               QT_TRANSLATE_NOOP("Examples", "A Dense layer: 3 inputs, 2 neurons"),
               QT_TRANSLATE_NOOP("Examples",
                                 "Three signals x0, x1, x2 reach two neurons: 3 × 2 = 6 connections, each with its own "
                                 "weight. In Keras this layer is Dense(2, input_shape=(3,)); its 3 × 2 weight matrix W "
                                 "holds the six weights, and the outputs are the weighted sums y = x·W (linear "
                                 "activation, bias 0). Press Play, then double-click a weight and change it: the "
                                 "matrix and y1, y2 follow."),
               {}),
        _Entry("multi-layer.json", "schematic", ("y1",),
               QT_TRANSLATE_NOOP("Examples", "Stacked layers: a small multi-layer network"),
               QT_TRANSLATE_NOOP("Examples",
                                 "Two Dense layers stacked: 3 inputs → 4 hidden neurons (ReLU) → 2 outputs (sigmoid). "
                                 "The outputs of one layer are the inputs of the next. In Keras: Dense(4, "
                                 "input_shape=(3,), activation='relu') and then Dense(2, activation='sigmoid'). Press "
                                 "Play and watch the signal pass layer by layer."),
               {}),
    )),
    (TOPIC_SPIKING, (
        _Entry("spiking-integrate-and-fire.json", "biological", ("n1",),
               QT_TRANSLATE_NOOP("Examples", "Integrate and fire"),
               QT_TRANSLATE_NOOP("Examples",
                                 "The cell stores what it receives until it overflows, then fires. Each input spike "
                                 "lifts n1's membrane potential by 7 mV; between spikes it leaks back toward rest. "
                                 "Press Play: only after several inputs in a row does n1 reach the threshold line, "
                                 "fire, and send a spike on to n2."),
               {}),
        _Entry("spiking-chain.json", "biological", ("n1", "n2", "n3"),
               QT_TRANSLATE_NOOP("Examples", "A chain of spiking neurons"),
               QT_TRANSLATE_NOOP("Examples",
                                 "A generator fires 10 times a second. Each spike travels down the axon and, after the "
                                 "synaptic delay of 8 ms, lifts the next cell's membrane potential past its threshold. "
                                 "Press Play and watch the signal travel along the chain; make a delay longer in the "
                                 "inspector and see it arrive later."),
               {}),
        _Entry("spiking-excitation-inhibition.json", "biological", ("n1",),
               QT_TRANSLATE_NOOP("Examples", "Excitation and inhibition"),
               QT_TRANSLATE_NOOP("Examples",
                                 "Two sensors reach one cell. Each spike of the excitatory synapse (+20 mV) lifts the "
                                 "membrane potential past the threshold, so the cell fires. Switch the inhibitory "
                                 "sensor on: its synapse (-20 mV) pulls the potential below rest just before each "
                                 "excitatory spike arrives, and the cell falls silent."),
               {"exc": QT_TRANSLATE_NOOP("Examples", "excitatory"), "inh": QT_TRANSLATE_NOOP("Examples", "inhibitory")}),
        _Entry("spiking-summation.json", "biological", ("n1",),
               QT_TRANSLATE_NOOP("Examples", "Summation of two inputs"),
               QT_TRANSLATE_NOOP("Examples",
                                 "Each synapse lifts the membrane potential by 9 mV, less than the 15 mV from rest to "
                                 "threshold, so one input alone never makes the cell fire. Switch x2 on as well: the "
                                 "two inputs arrive together, add up to 18 mV and the cell fires."),
               {}),
        _Entry("spiking-refractory.json", "biological", ("n1", "n2"),
               QT_TRANSLATE_NOOP("Examples", "The refractory period"),
               QT_TRANSLATE_NOOP("Examples",
                                 "One generator sends a spike every 2.5 ms to two cells; each spike alone is enough to "
                                 "fire them. n1 rests for 2 ms after a spike and follows almost every input. n2 rests "
                                 "for 10 ms and ignores the inputs that arrive meanwhile, so it fires far less often. "
                                 "Change n2's refractory period in the inspector and compare."),
               {}),
        _Entry("spiking-lateral-inhibition.json", "biological", ("n1", "n2", "n3"),
               QT_TRANSLATE_NOOP("Examples", "Lateral inhibition"),
               QT_TRANSLATE_NOOP("Examples",
                                 "Three sensors side by side; the middle one, s2, is stimulated hardest. Each cell "
                                 "inhibits its neighbours. n2 reaches the threshold first and its inhibition keeps n1 "
                                 "and n3 silent: the strongest signal wins and the contrast is sharpened. Switch s2 "
                                 "off and n1 and n3 start firing."),
               {}),
        _Entry("spiking-mutual-inhibition.json", "biological", ("A", "B"),
               QT_TRANSLATE_NOOP("Examples", "Mutual inhibition: a rhythm generator"),
               QT_TRANSLATE_NOOP("Examples",
                                 "Two cells with a steady drive would fire on their own, almost together. Each "
                                 "inhibits the other, so they are pushed apart and fire in turn: A, B, A, B, a rhythm "
                                 "like the one that alternates left and right steps in walking. Set both weights to 0 "
                                 "and they fire together again."),
               {}),
        _Entry("spiking-reflex-arc.json", "biological", ("inter", "motor"),
               QT_TRANSLATE_NOOP("Examples", "A reflex arc"),
               QT_TRANSLATE_NOOP("Examples",
                                 "A touch on the skin excites a sensor; its signal reaches an interneuron in the "
                                 "spinal cord, which excites a motor neuron that makes the muscle contract. Play and "
                                 "follow each spike: sensor, then interneuron, then motor neuron, each a synaptic "
                                 "delay later. Click the sensor to switch it off and on."),
               {"sensor": QT_TRANSLATE_NOOP("Examples", "sensor"), "inter": QT_TRANSLATE_NOOP("Examples", "interneuron"), "motor": QT_TRANSLATE_NOOP("Examples", "motor neuron")}),
    )),
    (TOPIC_LEARNING, (
        _Entry("learn-and.json", "schematic", ("y",),
               QT_TRANSLATE_NOOP("Examples", "Learning AND with a perceptron"),
               QT_TRANSLATE_NOOP("Examples",
                                 "One step unit starts with both weights 0.5 and the threshold 0, so it answers 1 "
                                 "to every input: it has not learnt AND yet. The Train dock is set to the "
                                 "perceptron rule on the AND truth table. Press Step one example: the example's "
                                 "inputs go in, the output y is compared with the target t, and each weight "
                                 "changes by lr·(t − y)·x. Press Train: from epoch 3 on no example is wrong. Then "
                                 "choose XOR as the data, press Reset weights and train again: the perceptron "
                                 "never stops making mistakes."),
               {}, TrainingPreset("and", algorithm="perceptron", learning_rate=0.1, epochs=10)),
        _Entry("learn-xor.json", "schematic", ("y",),
               QT_TRANSLATE_NOOP("Examples", "Learning XOR with backprop"),
               QT_TRANSLATE_NOOP("Examples",
                                 "The XOR network of two hidden units, with sigmoid units and small start "
                                 "weights: it does not compute XOR yet. Press Play and click the inputs through "
                                 "00, 01, 10, 11: y stays between 0.63 and 0.7 for all four. The Train dock is "
                                 "set to backprop on the XOR truth table: press Step one example to see the "
                                 "forward pass, the error signals δ flowing back and each weight changing, then "
                                 "Train and watch the loss fall and the decision boundary bend until it reaches "
                                 "100 %. The same on the command line: neuron-sim train learn-xor.json --data xor "
                                 "--epochs 1000 --lr 1 -o trained.json, then open trained.json and try the inputs "
                                 "again."),
               {}, TrainingPreset("xor", learning_rate=1.0, epochs=1000)),
        _Entry("learn-blobs.json", "schematic", ("a",),
               QT_TRANSLATE_NOOP("Examples", "A logistic unit learns two clouds of points"),
               QT_TRANSLATE_NOOP("Examples",
                                 "A logistic-regression unit, a = σ(w1·x1 + w2·x2 − θ), learns to tell two clouds "
                                 "of points apart. The Train dock is set to the two-blobs data, the cross-entropy "
                                 "loss and the learning rate 0.5. Its map shows a over the plane of x1 and x2 "
                                 "with the points on it. Press Train and watch the boundary a = 0.5, a straight "
                                 "line, turn until it separates the clouds: the accuracy reaches 99 %."),
               {}, TrainingPreset("blobs", loss="cross-entropy", learning_rate=0.5, epochs=100)),
        _Entry("backprop-or-brain-backprop.json", "schematic", ("y",),
               QT_TRANSLATE_NOOP("Examples", "Backprop or the brain? 1: backprop"),
               QT_TRANSLATE_NOOP("Examples",
                                 "The same task as its twin, \"Backprop or the brain? 2: STDP\": y "
                                 "should fire when x1 or x2 is on (OR). Here y is an artificial "
                                 "neuron, y = σ(0.2·x1 + 0.2·x2 − 1), below 0.5 for every input: "
                                 "it does not compute OR yet. Backprop learns OR from examples. "
                                 "It needs to know the target t of every example, the error y − t "
                                 "at the output, and the weights the error travels back through; "
                                 "then it changes each weight against its gradient. On the "
                                 "command line: neuron-sim train backprop-or-brain-backprop.json "
                                 "--data or --epochs 300 --lr 2 -o trained.json, then open "
                                 "trained.json and click the inputs: y is above 0.5 unless both "
                                 "are off."),
               {}),
        _Entry("backprop-or-brain-stdp.json", "biological", ("y",),
               QT_TRANSLATE_NOOP("Examples", "Backprop or the brain? 2: STDP"),
               QT_TRANSLATE_NOOP("Examples",
                                 "The same task, OR, learned the brain's way. x1 and x2 fire "
                                 "every 20 ms, and 3 ms after each of their spikes reaches y the "
                                 "teacher makes y fire. The synapses x1 → y and x2 → y learn by "
                                 "STDP: a spike that arrives just before y fires strengthens its "
                                 "synapse, one that arrives just after weakens it. Nothing is "
                                 "sent back: each synapse knows only when its own two cells "
                                 "fired. Press Play and watch both grow, from 4 mV and 2 mV, to "
                                 "16 mV (View → Instruments → Weights). Then click the teacher "
                                 "off and x2 off: x1 alone now makes y fire, which 4 mV could "
                                 "not. Reset returns to the start weights. Backprop needed the "
                                 "target and the error of every example; STDP needs only the "
                                 "teacher's spikes at the right moment."),
               {"teacher": QT_TRANSLATE_NOOP("Examples", "teacher")}),
    )),
)


def _translate(text: str) -> str:
    return QCoreApplication.translate("Examples", text)


def catalogue() -> list[Topic]:
    """The examples grouped by topic, in the order of the lessons, texts in the UI language."""
    return [Topic(_translate(topic), tuple(
        Example(e.file, e.look, e.select, _translate(e.title), _translate(e.what_to_try),
                {nid: _translate(label) for nid, label in e.labels.items()}, e.title, e.what_to_try, e.training)
        for e in entries)) for topic, entries in _CATALOGUE]


def all_examples() -> list[Example]:
    return [example for topic in catalogue() for example in topic.examples]


def load_example(example: Example) -> Network:
    """The example's network with its title, text and labels in the UI language (not yet shown)."""
    from neuron_sim.model.fileformat import load  # here: the start page lists the examples before numpy is loaded

    return with_example_texts(load(example.path), example)


def with_example_texts(network: Network, example: Example) -> Network:
    """`network`, a copy of `example`'s, given the example's title, text and labels as `example` has
    them (in the UI language it was made in)."""
    network.set_param("name", example.title)
    network.set_param("description", example.what_to_try)
    for neuron_id, label in example.labels.items():
        if neuron_id in network.neurons:
            network.set_neuron_param(neuron_id, "label", label)
    return network


def example_in_ui_language(file: str) -> Example | None:
    """The catalogue's example of `file`, its texts in the UI language as it is now."""
    return next((example for example in all_examples() if example.file == file), None)


def resolved(path: str | Path) -> Path:
    """The path through its links; a link loop (which Path.resolve raises RuntimeError for) or a
    path the system refuses stays as given, and opening it then says why."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError, RuntimeError):
        return Path(path)


def is_shipped_example(path: str | Path) -> bool:
    """True for a file inside the shipped examples folder, also when reached through a link."""
    try:
        return resolved(path).is_relative_to(resolved(examples_dir()))
    except (OSError, ValueError):  # a path the system cannot resolve is no example
        return False


def example_at(path: str | Path) -> Example | None:
    """The catalogue's example whose file is `path` (a shipped file outside the catalogue: None)."""
    target = resolved(path)
    return next((e for e in all_examples() if resolved(e.path) == target), None)
