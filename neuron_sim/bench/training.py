"""Training speed for `neuron-sim bench`: epochs per second of the trainer (neuron_sim/model/training)
against a plain numpy implementation of the same SGD, measured in the same run.

Both sides run with one BLAS thread, so that the comparison is of the code and not of how many
cores each happened to get: the figures are measured in a child process whose thread-count
variables are set before numpy loads (threadpoolctl is not a dependency).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from functools import partial

import numpy as np

from neuron_sim.bench.core import Record, interleaved, per_call, record, steps_for

# (name, layer widths, examples, examples per update or None for full batch)
CASES = (("2-8-1", (2, 8, 1), 200, None), ("784-64-10", (784, 64, 10), 1_000, 100))
QUICK_CASES = (("2-8-1", (2, 8, 1), 200, None), ("784-64-10", (784, 64, 10), 100, 50))
LEARNING_RATE = 0.5
#: an epoch within 1.5× of plain numpy SGD (docs/performance.md)
EPOCH_GOAL = 1.5
ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
              "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def training_benchmarks(quick: bool = False) -> Iterator[Record]:
    """Epochs per second, trainer vs plain numpy SGD, one BLAS thread each, in a child process."""
    environment = {**os.environ, **{name: "1" for name in ONE_THREAD}}
    command = [sys.executable, "-c", "import sys; from neuron_sim.bench.training import main; sys.exit(main(sys.argv[1:]))",
               *(["--quick"] if quick else [])]
    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=3600)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed")
    for line in result.stdout.splitlines():
        yield json.loads(line)


def layered_network(widths: tuple[int, ...], seed: int):
    """A fully connected sigmoid Network with Glorot-uniform weights, and the same as matrices."""
    from neuron_sim.model.entities import Neuron, Synapse
    from neuron_sim.model.network import Network

    rng = np.random.default_rng(seed)
    network = Network(name="-".join(map(str, widths)))
    layers = [[f"L{depth}n{k}" for k in range(width)] for depth, width in enumerate(widths)]
    for depth, ids in enumerate(layers):
        for nid in ids:
            network.add_neuron(Neuron(nid, kind="input") if depth == 0 else
                               Neuron(nid, activation="sigmoid", threshold=float(rng.normal(0.0, 0.1))))
    matrices = []
    for before, after in zip(layers, layers[1:]):
        limit = np.sqrt(6.0 / (len(before) + len(after)))
        weight = rng.uniform(-limit, limit, (len(before), len(after)))
        for i, source in enumerate(before):
            for j, target in enumerate(after):
                network.connect(Synapse(source, target, weight=float(weight[i, j])))
        matrices.append((weight, np.array([network.neurons[t].threshold for t in after])))
    return network, matrices


class NumpySGD:
    """Backprop with the mean-squared-error loss on sigmoid layers, written directly in numpy."""

    def __init__(self, matrices, inputs: np.ndarray, targets: np.ndarray, rate: float, batch: int | None):
        from neuron_sim.model.activations import sigmoid

        self.sigmoid = sigmoid  # the same activation function as the trainer's forward pass
        self.weights = [w.copy() for w, _ in matrices]
        self.thresholds = [t.copy() for _, t in matrices]
        self.inputs, self.targets, self.rate = inputs, targets, rate
        self.batch = batch or inputs.shape[0]

    def epoch(self) -> None:
        for start in range(0, self.inputs.shape[0], self.batch):
            x = self.inputs[start:start + self.batch]
            t = self.targets[start:start + self.batch]
            activity = [x]
            for w, theta in zip(self.weights, self.thresholds):
                activity.append(self.sigmoid(activity[-1] @ w - theta))
            a = activity[-1]
            delta = (a - t) / x.shape[0] * a * (1.0 - a)
            for k in range(len(self.weights) - 1, -1, -1):
                below = activity[k]
                gradient = below.T @ delta
                if k:
                    back = delta @ self.weights[k].T
                self.weights[k] -= self.rate * gradient
                self.thresholds[k] += self.rate * delta.sum(axis=0)
                if k:
                    delta = back * below * (1.0 - below)


def measure(quick: bool) -> Iterator[Record]:
    from neuron_sim.model.training import TrainConfig, Trainer
    from neuron_sim.model.training.data import BoundData, Dataset, input_ids, output_ids

    repeats, seconds = (3, 0.02) if quick else (7, 0.5)
    for name, widths, examples, batch in QUICK_CASES if quick else CASES:
        network, matrices = layered_network(widths, seed=1)
        rng = np.random.default_rng(2)
        inputs = rng.uniform(0.0, 1.0, (examples, widths[0]))
        targets = np.eye(widths[-1])[rng.integers(0, widths[-1], examples)] if widths[-1] > 1 else \
            (inputs.sum(axis=1, keepdims=True) > widths[0] / 2).astype(float)
        ins, outs = input_ids(network), output_ids(network)
        data = BoundData(Dataset(name, ins, outs, inputs, targets), ins, outs)
        trainer = Trainer(network, data, TrainConfig(learning_rate=LEARNING_RATE, batch=batch))
        baseline = NumpySGD(matrices, inputs, targets, LEARNING_RATE, batch)
        # The two compute the same SGD: one epoch each from the same start gives the same weights.
        trainer.run_epoch()
        baseline.epoch()
        last = trainer.model.layers[-1].blocks[0].weight
        if not np.allclose(last, baseline.weights[-1], rtol=0.0, atol=1e-9):
            raise AssertionError("the numpy baseline does not compute the same SGD")
        trainer_epochs = steps_for(trainer.run_epoch, seconds, limit=20_000)
        baseline_epochs = steps_for(baseline.epoch, seconds, limit=20_000)
        medians = interleaved({
            "trainer": partial(per_call, trainer.run_epoch, trainer_epochs),
            "numpy": partial(per_call, baseline.epoch, baseline_epochs),
        }, repeats)
        updates = "full batch" if batch is None else f"batches of {batch}"
        # Time per epoch carries the comparison (ratio = trainer / numpy, as every timed figure of the
        # bench: above 1 the trainer is slower); epochs per second follows as a figure of its own.
        yield record(f"training epoch, {name} on {examples:,} ({updates})", medians["trainer"] * 1e3, "ms",
                     medians["numpy"] * 1e3, "plain numpy SGD, same net and data, 1 BLAS thread",
                     goal=EPOCH_GOAL)
        yield record(f"training speed, {name} on {examples:,}", 1.0 / medians["trainer"], "epochs/s")


def main(argv: list[str] | None = None) -> int:
    quick = "--quick" in (sys.argv[1:] if argv is None else argv)
    for rec in measure(quick):
        sys.stdout.write(json.dumps(rec) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
