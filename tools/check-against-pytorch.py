"""One epoch of `neuron-sim train` against PyTorch's SGD, in float64 (docs/learning.md, "The PyTorch check").

PyTorch is not a dependency of neuron-sim, and the tests do not run this. Run it from a throwaway
environment that has torch and numpy, giving it the project's `neuron-sim` command:

    python3 -m venv /tmp/torchvenv && /tmp/torchvenv/bin/pip install torch numpy   # a CPU build
    /tmp/torchvenv/bin/python tools/check-against-pytorch.py [--neuron-sim .venv/bin/neuron-sim]

For each case it writes a random fully connected network and a CSV of random examples, trains one
epoch with `neuron-sim train` (a separate process, so nothing of neuron-sim is imported here), does
the same epoch with torch.nn.Linear layers and torch.optim.SGD, and prints the largest difference
of a weight, a threshold and the reported loss. It exits 1 if any is above 1e-9.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
TOLERANCE = 1e-9

# name, layer widths, hidden activation, output activation, loss, examples, batch (None: full), lr, shuffle seed
CASES = [
    ("2-2-1 sigmoid, mse, full batch", (2, 2, 1), "sigmoid", "sigmoid", "mse", 4, None, 1.0, None),
    ("2-8-1 tanh/sigmoid, cross-entropy, batch 16", (2, 8, 1), "tanh", "sigmoid", "cross-entropy", 200, 16, 0.5, None),
    ("3-5-4-2 relu/linear, mse, batch 7, shuffled", (3, 5, 4, 2), "relu", "linear", "mse", 50, 7, 0.05, 11),
    ("64-32-10 relu/sigmoid, cross-entropy, batch 100", (64, 32, 10), "relu", "sigmoid", "cross-entropy", 1000, 100,
     0.3, None),
    ("784-64-10 sigmoid, mse, batch 100", (784, 64, 10), "sigmoid", "sigmoid", "mse", 300, 100, 0.5, None),
]
TORCH_ACTIVATIONS = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu, "linear": lambda z: z}


def random_case(widths, hidden, output, loss, examples, seed):
    rng = np.random.default_rng(seed)
    ids = [[f"L{d}n{k}" for k in range(w)] for d, w in enumerate(widths)]
    weights = [rng.uniform(-1, 1, (a, b)) / np.sqrt(a) for a, b in zip(widths, widths[1:])]
    thresholds = [rng.normal(0, 0.3, b) for b in widths[1:]]
    neurons, synapses = [], []
    for d, layer in enumerate(ids):
        for k, nid in enumerate(layer):
            position = [300 * d, 130 * k]
            if d == 0:
                neurons.append({"id": nid, "kind": "input", "position": position})
            else:
                neurons.append({"id": nid, "kind": "neuron", "position": position,
                                "activation": output if d == len(ids) - 1 else hidden,
                                "threshold": float(thresholds[d - 1][k])})
    for d, w in enumerate(weights):
        for i, source in enumerate(ids[d]):
            for j, target in enumerate(ids[d + 1]):
                synapses.append({"source": source, "target": target, "weight": float(w[i, j])})
    network = {"format": "neuron-sim", "version": 1, "name": "check", "model": "rate",
               "neurons": neurons, "synapses": synapses}
    inputs = rng.normal(0, 1, (examples, widths[0]))
    if loss == "cross-entropy":
        targets = rng.integers(0, 2, (examples, widths[-1])).astype(float)
    else:
        targets = rng.normal(0, 1, (examples, widths[-1])) if output == "linear" else rng.uniform(0, 1, (examples, widths[-1]))
    return network, ids, weights, thresholds, inputs, targets


def write_csv(path: Path, ids, inputs, targets) -> None:
    header = ids[0] + ids[-1]
    rows = [",".join(header)] + [",".join(repr(float(v)) for v in np.concatenate([x, t]))
                                 for x, t in zip(inputs, targets)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def torch_epoch(weights, thresholds, hidden, output, loss, inputs, targets, batch, lr, seed):
    torch.set_default_dtype(torch.float64)
    layers = []
    for w, th in zip(weights, thresholds):
        linear = torch.nn.Linear(w.shape[0], w.shape[1], dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(w.T))
            linear.bias.copy_(torch.tensor(-th))  # b = −θ
        layers.append(linear)
    parameters = [p for layer in layers for p in layer.parameters()]
    optimiser = torch.optim.SGD(parameters, lr=lr)

    def nets_and_output(x):
        a = x
        for k, layer in enumerate(layers):
            z = layer(a)
            a = TORCH_ACTIVATIONS[output if k == len(layers) - 1 else hidden](z)
        return z, a

    def loss_of(x, t):
        z, a = nets_and_output(x)
        if loss == "cross-entropy":  # L = −(1/P) Σ Σ [t ln a + (1 − t) ln(1 − a)], a = σ(z)
            return torch.nn.functional.binary_cross_entropy_with_logits(z, t, reduction="sum") / x.shape[0]
        return 0.5 * torch.sum((a - t) ** 2) / x.shape[0]  # L = (1/2P) Σ Σ (a − t)²

    x_all, t_all = torch.tensor(inputs), torch.tensor(targets)
    order = np.random.default_rng(seed).permutation(len(inputs)) if seed is not None else np.arange(len(inputs))
    size = batch or len(inputs)
    for start in range(0, len(inputs), size):
        chosen = torch.tensor(order[start:start + size])
        optimiser.zero_grad()
        loss_of(x_all[chosen], t_all[chosen]).backward()
        optimiser.step()
    with torch.no_grad():
        final_loss = float(loss_of(x_all, t_all))
    return ([layer.weight.detach().numpy().T.copy() for layer in layers],
            [-layer.bias.detach().numpy().copy() for layer in layers], final_loss)


def run_case(command, case, folder: Path, seed: int):
    name, widths, hidden, output, loss, examples, batch, lr, shuffle_seed = case
    network, ids, weights, thresholds, inputs, targets = random_case(widths, hidden, output, loss, examples, seed)
    net_path, csv_path, out_path = folder / f"net{seed}.json", folder / f"data{seed}.csv", folder / f"out{seed}.json"
    net_path.write_text(json.dumps(network), encoding="utf-8")
    write_csv(csv_path, ids, inputs, targets)
    arguments = [*command, "train", str(net_path), "--data", str(csv_path), "--epochs", "1", "--lr", repr(lr),
                 "--loss", loss, "--batch", "full" if batch is None else str(batch), "-o", str(out_path), "--json"]
    if shuffle_seed is not None:
        arguments += ["--shuffle", "--seed", str(shuffle_seed)]
    result = subprocess.run(arguments, capture_output=True, text=True, check=True)
    reported = json.loads(result.stdout.splitlines()[-1])
    trained = json.loads(out_path.read_text(encoding="utf-8"))
    got_w = {(s["source"], s["target"]): s["weight"] for s in trained["synapses"]}
    got_t = {n["id"]: n.get("threshold", 0.0) for n in trained["neurons"] if n["kind"] == "neuron"}
    torch_w, torch_t, torch_loss = torch_epoch(weights, thresholds, hidden, output, loss, inputs, targets, batch,
                                               lr, shuffle_seed)
    weight_error = max(abs(got_w[(s, t)] - torch_w[d][i, j]) for d in range(len(torch_w))
                       for i, s in enumerate(ids[d]) for j, t in enumerate(ids[d + 1]))
    threshold_error = max(abs(got_t[nid] - torch_t[d][k]) for d in range(len(torch_t))
                          for k, nid in enumerate(ids[d + 1]))
    moved = max(abs(torch_w[d] - weights[d]).max() for d in range(len(weights)))
    return name, weight_error, threshold_error, abs(reported["loss"] - torch_loss), moved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT / ".venv" / "bin" / "neuron-sim"
    parser.add_argument("--neuron-sim", default=str(default), help="the neuron-sim command (default: %(default)s)")
    args = parser.parse_args()
    print(f"torch {torch.__version__}, numpy {np.__version__}; tolerance {TOLERANCE:g}")
    print(f"{'case':<50} {'max |Δw|':>10} {'max |Δθ|':>10} {'|Δloss|':>10} {'weights moved':>14}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for seed, case in enumerate(CASES):
            name, dw, dt, dl, moved = run_case(args.neuron_sim.split(), case, Path(folder), seed)
            worst = max(worst, dw, dt, dl)
            print(f"{name:<50} {dw:>10.2e} {dt:>10.2e} {dl:>10.2e} {moved:>14.3g}")
    print("PASS" if worst <= TOLERANCE else "FAIL", f"(largest difference {worst:.2e})")
    return 0 if worst <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
