"""A rate network as a PyTorch script: an `nn.Module` whose forward follows the layers (feedforward)
or makes one tick (synchronous), weights as `nn.Parameter`, masks for missing synapses, and the
training loop of `neuron-sim train` commented out (docs/code-export.md)."""

from __future__ import annotations

from neuron_sim.model.codegen.common import (
    CodeExport,
    ExportOptions,
    Writer,
    header,
    json_footer,
    matrix,
    numbers,
    resolve_steps,
    strings,
)
from neuron_sim.model.codegen.rate_plan import Group, check_rate, feedforward_plan, tick_plan
from neuron_sim.model.network import Network

TORCH_ACTIVATIONS = {"sigmoid": "torch.sigmoid({})", "tanh": "torch.tanh({})", "relu": "torch.relu({})",
                     "linear": "{}", "step": "step({})"}


def generate_pytorch(network: Network, options: ExportOptions) -> CodeExport:
    check_rate(network, "PyTorch")
    steps = resolve_steps(network, options)
    feedforward = network.update == "feedforward"
    plan = feedforward_plan(network) if feedforward else tick_plan(network)
    groups = [g for layer in plan.layers for g in layer.groups] if feedforward else plan.groups
    write = Writer(options.lang)
    header(write, network, "target_pytorch", steps, [])
    write("", "import json", "", "import torch", "from torch import nn", "")
    write.say("float64")
    write("torch.set_default_dtype(torch.float64)", "")
    if any(g.activation == "step" for g in groups):
        write("", "")
        write.say("step_fn", framework="PyTorch")
        write("def step(net):", "    return (net >= 0).to(net.dtype)", "")
    write("", "")
    write.say("ids")
    write(f"IDS = {strings(network.neurons)}")
    write.say("steps")
    write(f"STEPS = {steps}")
    if feedforward:
        _feedforward(write, plan, network)
    else:
        _synchronous(write, plan)
    json_footer(write, spikes=False)
    return CodeExport(write.text(), [])


def _activate(net: str, groups: list[Group]) -> str:
    if not groups:
        return net
    if len(groups) == 1:
        return TORCH_ACTIVATIONS[groups[0].activation].format(net)
    parts = [TORCH_ACTIVATIONS[g.activation].format(f"{net}[:, {g.start}:{g.stop}]") for g in groups]
    return f"torch.cat([{', '.join(parts)}], dim=1)"


def _parameter(write: Writer, name: str, rows: list[list[float]], comments: list[str]) -> None:
    lines = matrix(rows, "        ", comments)
    write(f"        self.{name} = nn.Parameter(torch.tensor([", *lines[1:-1], "        ]))")


def _mask(write: Writer, name: str, mask, comments: list[str]) -> None:
    write(f'        self.register_buffer("{name}", torch.tensor([')
    for comment, row in zip(comments, mask):
        write(f"            [{', '.join('1.0' if m else '0.0' for m in row)}],  # {comment}")
    write("        ]))")


def _feedforward(write: Writer, plan, network: Network) -> None:
    write.say("inputs")
    write(f"INPUTS = {strings(plan.inputs)}", f"x = torch.tensor([{numbers(plan.values)}])", "", "")
    write("class Network(nn.Module):")
    write.say("torch_module", indent="    ")
    write.say("weights_doc", indent="    ")
    write.say("torch_mask", indent="    ")
    write("", "    def __init__(self):", "        super().__init__()")
    for layer in plan.layers:
        write.say("layer", indent="        ", number=layer.number, units=", ".join(layer.units),
                  sources=", ".join(layer.sources))
        _parameter(write, f"w{layer.number}", layer.kernel.tolist(), layer.sources)
        write(f"        self.b{layer.number} = nn.Parameter(torch.tensor({numbers(layer.bias)}))  # b = −θ")
        if not layer.full:
            _mask(write, f"mask{layer.number}", layer.mask, layer.sources)
    write("", "    def forward(self, x):")
    tensor = {0: "x"}
    for layer in plan.layers:
        n = layer.number
        reads = [tensor[b] for b in layer.blocks]
        source = reads[0] if len(reads) == 1 else f"torch.cat([{', '.join(reads)}], dim=1)"
        weight = f"self.w{n}" if layer.full else f"(self.w{n} * self.mask{n})"
        write.say("layer", indent="        ", number=n, units=", ".join(layer.units), sources=", ".join(layer.sources))
        if len(layer.groups) > 1:
            write.say("mixed_layer", indent="        ", activations=", ".join(g.activation for g in layer.groups))
        write(f"        net{n} = {source} @ {weight} + self.b{n}", f"        h{n} = {_activate(f'net{n}', layer.groups)}")
        tensor[n] = f"h{n}"
    write(f"        return [{', '.join(f'h{layer.number}' for layer in plan.layers)}]", "", "")
    layers = ",\n          ".join(strings(layer.units) for layer in plan.layers)
    write("model = Network()", f"LAYERS = [{layers}]", "with torch.no_grad():", "    outputs = model(x)",
          "values = dict(zip(INPUTS, x[0].tolist()))", "for units, output in zip(LAYERS, outputs):",
          "    values.update(zip(units, output[0].tolist()))")
    write.say("same_pass")
    write("activity = [[values[nid] for nid in IDS] for _ in range(STEPS)]")
    _training(write, plan, network)


def _training(write: Writer, plan, network: Network) -> None:
    """The commented-out loop of `neuron-sim train`'s SGD: outputs are computing neurons without
    outgoing synapses."""
    outputs = [(k, nid) for k, layer in enumerate(plan.layers) for nid in layer.units
               if not network.outgoing(nid)]
    write("")
    write.say("torch_train", outputs=", ".join(nid for _, nid in outputs))
    picks = ", ".join(f"outputs[{k}][:, {plan.layers[k].units.index(nid)}]" for k, nid in outputs)
    for line in ("examples = x  # (P, inputs)",
                 f"targets = torch.zeros(len(examples), {len(outputs)})  # (P, outputs)",
                 "optimizer = torch.optim.SGD(model.parameters(), lr=0.5)",
                 "for epoch in range(1000):",
                 "    optimizer.zero_grad()",
                 "    outputs = model(examples)",
                 f"    predicted = torch.stack([{picks}], dim=1)",
                 "    loss = 0.5 * ((predicted - targets) ** 2).sum() / len(examples)",
                 "    loss.backward()",
                 "    optimizer.step()"):
        write(f"# {line}")


def _synchronous(write: Writer, plan) -> None:
    write("", "")
    write("class Network(nn.Module):")
    write.say("torch_tick", indent="    ")
    write.say("weights_doc", indent="    ")
    write.say("torch_mask", indent="    ")
    write("", "    def __init__(self):", "        super().__init__()")
    units = [plan.ids[i] for i in plan.computing]
    write.say("tick_weights", indent="        ", units=", ".join(units), sources=", ".join(plan.ids))
    _parameter(write, "w", plan.kernel.tolist(), plan.ids)
    write(f"        self.b = nn.Parameter(torch.tensor({numbers(plan.bias)}))  # b = −θ")
    full = bool(plan.mask.all())
    if not full:
        _mask(write, "mask", plan.mask, plan.ids)
    write.say("torch_computing", indent="        ")
    write(f'        self.register_buffer("computing", torch.tensor({plan.computing}, dtype=torch.long))')
    write("", "    def forward(self, a):")
    weight = "self.w" if full else "(self.w * self.mask)"
    write(f"        net = a @ {weight} + self.b")
    if len(plan.groups) > 1:
        write.say("mixed_layer", indent="        ", activations=", ".join(g.activation for g in plan.groups))
    write(f"        out = {_activate('net', plan.groups)}")
    write.say("torch_clamp", indent="        ")
    write("        out = out.clamp(-1e100, 1e100)", "        return a.index_copy(1, self.computing, out)", "", "")
    write("model = Network()", f"a = torch.tensor([{numbers(plan.initial)}])")
    write.say("torch_ticks")
    write("activity = []", "with torch.no_grad():", "    for tick in range(STEPS):", "        a = model(a)",
          "        activity.append(a[0].tolist())")
