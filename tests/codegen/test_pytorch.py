"""PyTorch scripts. Torch is not a project dependency (its wheel is gigabytes), so in CI the script is
compiled and read (ast): its parameters, masks and forward pass must be the network's synapses,
thresholds and activations, read here from the network itself. With NEURON_SIM_TORCH_PYTHON set to
a Python that has torch (a throwaway venv), the scripts also run and must agree with `simulate`."""

from __future__ import annotations

import ast
import os

import pytest

from neuron_sim.model.codegen import generate
from neuron_sim.model.fileformat import load
from neuron_sim.model.network import Network

from .helpers import assert_same_rates, examples, expected, run_scripts
from .rate_networks import SHAPES, random_feedforward, random_synchronous

ACTIVATION_CALLS = {"torch.sigmoid": "sigmoid", "torch.tanh": "tanh", "torch.relu": "relu", "step": "step"}


def feedforward_networks() -> list[Network]:
    return ([random_feedforward(seed, shape) for shape in SHAPES for seed in range(3)]
            + [load(path) for path in examples("rate", "feedforward")])


def synchronous_networks() -> list[Network]:
    return [random_synchronous(seed) for seed in range(6)] + [load(path) for path in examples("rate", "synchronous")]


class Script:
    """The parts of a generated PyTorch script, read without running it."""

    def __init__(self, text: str):
        compile(text, "script.py", "exec")
        self.tree = ast.parse(text)
        self.constants = {node.targets[0].id: ast.literal_eval(node.value) for node in self.tree.body
                          if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                          and node.targets[0].id.isupper()}
        module = next(node for node in self.tree.body if isinstance(node, ast.ClassDef) and node.name == "Network")
        assert [base.attr for base in module.bases] == ["Module"]
        methods = {f.name: f for f in module.body if isinstance(f, ast.FunctionDef)}
        self.tensors: dict[str, list] = {}
        for node in ast.walk(methods["__init__"]):
            if not isinstance(node, ast.Call):
                continue
            if ast.unparse(node.func) == "nn.Parameter":
                target = next(a for a in ast.walk(methods["__init__"]) if isinstance(a, ast.Assign) and a.value is node)
                self.tensors[target.targets[0].attr] = ast.literal_eval(node.args[0].args[0])
            if ast.unparse(node.func) == "self.register_buffer":
                self.tensors[node.args[0].value] = ast.literal_eval(node.args[1].args[0])
        self.forward: dict[str, ast.expr] = {}  # name → its first assignment
        self.later: dict[str, ast.expr] = {}  # name → its last one
        for node in methods["forward"].body:
            if isinstance(node, ast.Assign):
                self.forward.setdefault(node.targets[0].id, node.value)
                self.later[node.targets[0].id] = node.value
        self.returns = next(node.value for node in methods["forward"].body if isinstance(node, ast.Return))


def activations(expression: ast.expr, count: int, net: str) -> list[str]:
    """Each column's activation in `h = …` (a call on net, or torch.cat of calls on column slices)."""
    if isinstance(expression, ast.Name):
        assert expression.id == net
        return ["linear"] * count
    name = ast.unparse(expression.func)
    if name in ACTIVATION_CALLS:
        assert ast.unparse(expression.args[0]) == net
        return [ACTIVATION_CALLS[name]] * count
    assert name == "torch.cat"
    result = []
    for part in expression.args[0].elts:
        inner = part if isinstance(part, ast.Subscript) else part.args[0]
        columns = inner.slice.elts[1]
        width = columns.upper.value - columns.lower.value
        assert columns.lower.value == len(result)
        result += activations(part, width, ast.unparse(inner)) if not isinstance(part, ast.Subscript) else \
            ["linear"] * width
    return result


def check_weights(network: Network, rows: list[str], columns: list[str], weight, mask, bias, activation) -> None:
    synapses = network.synapses
    for i, source in enumerate(rows):
        for j, target in enumerate(columns):
            synapse = synapses.get((source, target))
            assert weight[i][j] == (synapse.weight if synapse else 0.0), (source, target)
            if mask is None:
                assert synapse is not None, f"{source} → {target}: no synapse, and no mask"
            else:
                assert mask[i][j] == (1.0 if synapse else 0.0), (source, target)
    for j, target in enumerate(columns):
        assert bias[j] == -network.neurons[target].threshold
        assert activation[j] == network.neurons[target].activation, target


@pytest.mark.parametrize("network", feedforward_networks(), ids=lambda n: n.name)
def test_feedforward_parameters_masks_and_layers_are_the_networks(network):
    script = Script(generate(network, "pytorch").text)
    inputs, layers = script.constants["INPUTS"], script.constants["LAYERS"]
    assert script.constants["IDS"] == list(network.neurons)
    assert inputs == [nid for nid, n in network.neurons.items() if n.kind == "input"]
    assert sorted(nid for layer in layers for nid in layer) == sorted(set(network.neurons) - set(inputs))
    block = {"x": inputs}
    seen = set()
    for number, units in enumerate(layers, start=1):
        net = script.forward[f"net{number}"]  # reads @ weight + self.b{number}
        reads, weight = net.left.left, ast.unparse(net.left.right)
        names = [e.id for e in reads.args[0].elts] if isinstance(reads, ast.Call) else [reads.id]
        assert all(name in block for name in names), "a layer reads a later one"
        rows = [nid for name in names for nid in block[name]]
        masked = f"self.mask{number}" in weight
        check_weights(network, rows, units, script.tensors[f"w{number}"],
                      script.tensors[f"mask{number}"] if masked else None, script.tensors[f"b{number}"],
                      activations(script.forward[f"h{number}"], len(units), f"net{number}"))
        seen |= {(s, t) for s in rows for t in units if (s, t) in network.synapses}
        block[f"h{number}"] = units
    assert seen == set(network.synapses)  # every synapse is in the layer of its target
    assert ast.unparse(script.returns) == "[" + ", ".join(f"h{k}" for k in range(1, len(layers) + 1)) + "]"


@pytest.mark.parametrize("network", synchronous_networks(), ids=lambda n: n.name)
def test_one_tick_holds_every_synapse(network):
    script = Script(generate(network, "pytorch").text)
    ids = script.constants["IDS"]
    assert ids == list(network.neurons)
    computing = [ids[p] for p in script.tensors["computing"]]
    assert sorted(computing) == sorted(nid for nid, n in network.neurons.items() if n.kind != "input")
    check_weights(network, ids, computing, script.tensors["w"], script.tensors.get("mask"), script.tensors["b"],
                  activations(script.forward["out"], len(computing), "net"))
    assert ast.unparse(script.later["out"]) == "out.clamp(-1e+100, 1e+100)"  # as the rate engine's MAX_ACTIVITY
    assert ast.unparse(script.returns) == "a.index_copy(1, self.computing, out)"


def test_the_training_loop_is_there_commented_out():
    text = generate(random_feedforward(0, "stack"), "pytorch").text
    assert "# optimizer = torch.optim.SGD(model.parameters(), lr=0.5)" in text
    assert "# loss = " not in text and "#     loss = 0.5 * ((predicted - targets) ** 2).sum() / len(examples)" in text


TORCH_PYTHON = os.environ.get("NEURON_SIM_TORCH_PYTHON")


@pytest.mark.skipif(not TORCH_PYTHON, reason="set NEURON_SIM_TORCH_PYTHON to a Python with torch to run the scripts")
def test_the_scripts_run_on_torch_and_agree_with_simulate(tmp_path):
    networks = feedforward_networks() + synchronous_networks()
    steps = [None if k % 3 else 1 + k % 4 for k in range(len(networks))]
    outputs = run_scripts(networks, "pytorch", tmp_path, steps, python=TORCH_PYTHON)
    for network, n, output in zip(networks, steps, outputs):
        assert_same_rates(output, expected(network, n))
