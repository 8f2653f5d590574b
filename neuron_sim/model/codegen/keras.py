"""A feedforward rate network as a Keras 3 script: `keras.Sequential` of `Dense` layers when it is a
plain stack, else the functional API with masked kernels (docs/code-export.md)."""

from __future__ import annotations

from neuron_sim.model.codegen.common import (
    CodeExport,
    ExportOptions,
    Note,
    Writer,
    header,
    json_footer,
    matrix,
    numbers,
    resolve_steps,
    strings,
)
from neuron_sim.model.codegen.rate_plan import FeedforwardPlan, RateLayer, check_rate, feedforward_plan
from neuron_sim.model.entities import ModelError
from neuron_sim.model.network import Network

KERAS_ACTIVATIONS = {"sigmoid": '"sigmoid"', "tanh": '"tanh"', "relu": '"relu"', "linear": '"linear"',
                     "step": "step"}


def generate_keras(network: Network, options: ExportOptions) -> CodeExport:
    check_rate(network, "Keras")
    if network.update != "feedforward":
        raise ModelError("Keras computes feedforward networks and this one updates synchronously; "
                         "export it to PyTorch, which runs one tick at a time")
    plan = feedforward_plan(network)
    steps = resolve_steps(network, options)
    notes = [] if plan.reason is None else [Note(*plan.reason)]
    write = Writer(options.lang)
    header(write, network, "target_keras", steps, notes)
    write("", "import json", "import os", "")
    write.say("keras_backend")
    write('os.environ.setdefault("KERAS_BACKEND", "jax")', 'os.environ.setdefault("JAX_ENABLE_X64", "1")', "")
    write("import keras  # noqa: E402", "import numpy as np  # noqa: E402", "")
    write.say("float64")
    write('keras.config.set_floatx("float64")', "")
    if any(g.activation == "step" for layer in plan.layers for g in layer.groups):
        write("", "")
        write.say("step_fn", framework="Keras")
        write("def step(net):", "    return keras.ops.cast(keras.ops.greater_equal(net, 0.0), net.dtype)", "")
    if not all(layer.full for layer in plan.layers):
        write("", "")
        write("class KeepAbsentSynapsesAtZero(keras.constraints.Constraint):")
        write.say("keras_mask", indent="    ")
        write("    def __init__(self, mask):", '        self.mask = np.asarray(mask, dtype="float64")', "",
              "    def __call__(self, kernel):", "        return kernel * self.mask", "")
    write("", "")
    write.say("ids")
    write(f"IDS = {strings(network.neurons)}")
    write.say("steps")
    write(f"STEPS = {steps}")
    write.say("inputs")
    write(f"INPUTS = {strings(plan.inputs)}", f"x = np.array([{numbers(plan.values)}])", "")
    _model(write, plan)
    _weights(write, plan)
    _run(write, plan)
    json_footer(write, spikes=False)
    return CodeExport(write.text(), notes)


def _dense_name(layer: RateLayer, group_index: int) -> str:
    if len(layer.groups) == 1:
        return f"layer_{layer.number}"
    return f"layer_{layer.number}_{layer.groups[group_index].activation}"


def _dense(layer: RateLayer, group_index: int, masked: bool) -> str:
    group = layer.groups[group_index]
    name = _dense_name(layer, group_index)
    arguments = [str(group.stop - group.start), f"activation={KERAS_ACTIVATIONS[group.activation]}"]
    if masked:
        arguments.append(f"kernel_constraint=KeepAbsentSynapsesAtZero(MASK_{layer.number}[:, {group.start}:{group.stop}])")
    arguments.append(f'name="{name}"')
    return f"{name} = keras.layers.Dense({', '.join(arguments)})"


def _layer_comment(write: Writer, layer: RateLayer) -> None:
    write.say("layer", number=layer.number, units=", ".join(layer.units), sources=", ".join(layer.sources))
    if len(layer.groups) > 1:
        write.say("mixed_layer", activations=", ".join(g.activation for g in layer.groups))


def _model(write: Writer, plan: FeedforwardPlan) -> None:
    if plan.sequential:
        write.say("keras_sequential")
        for layer in plan.layers:
            _layer_comment(write, layer)
            write(_dense(layer, 0, masked=False))
        names = ", ".join(f"layer_{layer.number}" for layer in plan.layers)
        write(f"model = keras.Sequential([keras.Input(shape=({len(plan.inputs)},)), {names}])", "")
        return
    write.say("keras_functional")
    write(f"inputs = keras.Input(shape=({len(plan.inputs)},))")
    tensor = {0: "inputs"}
    for layer in plan.layers:
        write("")
        _layer_comment(write, layer)
        if not layer.full:
            write(f"MASK_{layer.number} = np.array([")
            for source, row in zip(layer.sources, layer.mask):
                write(f"    [{', '.join('1' if m else '0' for m in row)}],  # {source}")
            write("])")
        reads = [tensor[b] for b in layer.blocks]
        source = reads[0] if len(reads) == 1 else f"keras.layers.Concatenate()([{', '.join(reads)}])"
        if len(reads) > 1:
            write(f"reads_{layer.number} = {source}")
            source = f"reads_{layer.number}"
        parts = []
        for k in range(len(layer.groups)):
            write(_dense(layer, k, masked=not layer.full))
            parts.append(f"{_dense_name(layer, k)}({source})")
        out = parts[0] if len(parts) == 1 else f"keras.layers.Concatenate()([{', '.join(parts)}])"
        write(f"h{layer.number} = {out}")
        tensor[layer.number] = f"h{layer.number}"
    outputs = ", ".join(f"h{layer.number}" for layer in plan.layers)
    write(f"model = keras.Model(inputs, [{outputs}])", "")


def _weights(write: Writer, plan: FeedforwardPlan) -> None:
    write("")
    write.say("keras_weights")
    write.say("weights_doc")
    for layer in plan.layers:
        for k, group in enumerate(layer.groups):
            write(f"{_dense_name(layer, k)}.set_weights([")
            write.say("layer", indent="    ", number=layer.number, units=", ".join(layer.units[group.start:group.stop]),
                      sources=", ".join(layer.sources))
            lines = matrix(layer.kernel[:, group.start:group.stop].tolist(), "    ", layer.sources)
            write("    np.array([", *lines[1:-1], "    ]),")
            write(f"    np.array({numbers(layer.bias[group.start:group.stop])}),  # b = −θ")
            write("])")


def _run(write: Writer, plan: FeedforwardPlan) -> None:
    write("", "")
    write.say("keras_run_layers")
    units = ",\n         ".join(strings(layer.units) for layer in plan.layers)
    write(f"LAYERS = [{units}]")
    if plan.sequential:
        write("outputs = []", "a = x", "for layer in model.layers:", "    a = layer(a)", "    outputs.append(a)")
    else:
        write("outputs = model(x)")
    write("values = dict(zip(INPUTS, x[0].tolist()))",
          "for units, output in zip(LAYERS, outputs):",
          "    values.update(zip(units, keras.ops.convert_to_numpy(output)[0].tolist()))")
    write.say("same_pass")
    write("activity = [[values[nid] for nid in IDS] for _ in range(STEPS)]")
