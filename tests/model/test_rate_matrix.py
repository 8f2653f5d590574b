"""The rate engine's weight matrices, dense and compressed (CSR), against the independent numpy oracle:
random networks dense and sparse enough for each kind, weight edits in place, synchronous ticks."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.engines.rate import RateEngine
from neuron_sim.model.engines.rate_matrix import WeightMatrix

from .rate_oracle import ACTIVATION_NAMES, LayeredSpec, engine_values, oracle_f


def _close(got: dict[str, float], spec: LayeredSpec) -> None:
    expected, scale = spec.evaluate(), spec.scale()
    for nid, value in expected.items():
        assert abs(got[nid] - value) <= 1e-9 * (1.0 + scale[nid]), (nid, got[nid], value)


@pytest.mark.parametrize("density, compressed", [(0.02, True), (0.5, False), (1.0, False)])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_pass_equals_the_oracle_with_dense_and_compressed_layers(density, compressed, seed):
    rng = np.random.default_rng(seed)
    spec = LayeredSpec(rng, [200, 300, 100, 8], density=density)
    engine = RateEngine(spec.network(rng))
    assert any(not layer.weights.dense for layer in engine.layers) == compressed
    engine.step()
    _close(engine_values(engine), spec)


@pytest.mark.parametrize("density", [0.02, 1.0])
def test_weight_edits_reach_the_matrix(density):
    rng = np.random.default_rng(7)
    spec = LayeredSpec(rng, [30, 40, 10], density=density)
    network = spec.network(rng)
    engine = RateEngine(network)
    engine.step()
    keys = list(network.synapses)
    for position in rng.choice(len(keys), min(25, len(keys)), replace=False).tolist():
        key = keys[position]
        weight = float(rng.normal(0.0, 3.0))
        network.set_synapse_param(key, "weight", weight)
        assert engine.set_synapse_param(key, "weight", weight)
        source, target = key
        flat = [nid for layer in spec.ids for nid in layer]
        layer = next(k for k, ids in enumerate(spec.ids) if target in ids)
        spec.weights[layer - 1][flat.index(source), spec.ids[layer].index(target)] = weight
    engine.step()
    fresh = RateEngine(network)
    fresh.step()
    np.testing.assert_array_equal(engine.activity, fresh.activity)
    _close(engine_values(engine), spec)


@pytest.mark.parametrize("density", [0.03, 0.6])
def test_synchronous_ticks_equal_a_numpy_loop(density):
    rng = np.random.default_rng(11)
    n_inputs, n = 5, 80
    weights = np.where(rng.random((n, n)) < density, rng.normal(0.0, 0.5, (n, n)), 0.0)
    weights[:, :n_inputs] = 0.0  # nothing connects into an input
    thresholds = rng.normal(0.0, 1.0, n)
    activations = [ACTIVATION_NAMES[i] for i in rng.integers(0, 5, n)]
    network = Network(update="synchronous")
    ids = [f"n{i}" for i in range(n)]
    values = rng.normal(0.0, 1.0, n_inputs)
    for i, nid in enumerate(ids):
        network.add_neuron(Neuron(nid, kind="input", value=float(values[i])) if i < n_inputs else
                           Neuron(nid, activation=activations[i], threshold=float(thresholds[i])))
    for j, i in zip(*np.nonzero(weights)):
        network.connect(Synapse(ids[j], ids[i], weight=float(weights[j, i])))
    engine = RateEngine(network)
    a = np.concatenate([values, np.zeros(n - n_inputs)])
    for _ in range(12):
        net = weights.T @ a - thresholds
        a = np.concatenate([values, [oracle_f(activations[i], net[i:i + 1])[0] for i in range(n_inputs, n)]])
        np.testing.assert_allclose(engine.step(), a, rtol=1e-9, atol=1e-9)


def test_compressed_rows_without_synapses_sum_to_zero():
    rng = np.random.default_rng(5)
    rows, columns = 150, 400
    dense = np.where(rng.random((rows, columns)) < 0.01, rng.normal(size=(rows, columns)), 0.0)
    dense[::3] = 0.0  # every third row receives nothing
    target, source = np.nonzero(dense)
    matrix = WeightMatrix(rows, target, source, dense[target, source])
    assert not matrix.dense
    activity = rng.normal(size=columns)
    np.testing.assert_allclose(matrix.sums(activity), dense @ activity, rtol=1e-12, atol=1e-12)
    matrix.set(0, 2.5)
    dense[target[0], source[0]] = 2.5
    np.testing.assert_allclose(matrix.sums(activity), dense @ activity, rtol=1e-12, atol=1e-12)


def test_the_engines_activations_equal_the_oracles_over_the_whole_range():
    from neuron_sim.model.activations import ACTIVATIONS
    from neuron_sim.model.engines.rate import _ACTIVATE_INTO, _EXP_LIMITS, _Scratch

    assert set(_ACTIVATE_INTO) == set(ACTIVATIONS) == set(ACTIVATION_NAMES)
    net = np.concatenate([np.linspace(-50.0, 50.0, 1001), [-1e300, -800.0, -710.0, 710.0, 800.0, 1e300, 0.0]])
    for name in ACTIVATION_NAMES:
        out = np.empty_like(net)
        with np.errstate(all="raise"), np.errstate(**_EXP_LIMITS):
            _ACTIVATE_INTO[name](net, out, _Scratch(net.size))
        np.testing.assert_allclose(out, oracle_f(name, net), rtol=1e-15, atol=0, err_msg=name)


def _in_layer_order(spec: LayeredSpec, network: Network) -> Network:
    """The same network with its neurons added layer by layer, so each layer is a run of indices."""
    ordered = Network(update=network.update)
    for nid in [nid for layer in spec.ids for nid in layer]:
        ordered.add_neuron(network.neurons[nid])
    for synapse in network.synapses.values():
        ordered.connect(synapse)
    return ordered


@pytest.mark.parametrize("density, compressed", [(0.06, True), (1.0, False)])
def test_layers_of_consecutive_neurons_are_computed_in_place_and_survive_reset_and_edits(density, compressed):
    rng = np.random.default_rng(13)
    spec = LayeredSpec(rng, [300, 200, 120, 6], density=density)
    network = _in_layer_order(spec, spec.network(rng))
    engine = RateEngine(network)
    assert all(isinstance(layer.rows, slice) for layer in engine.layers)
    assert any(not layer.weights.dense for layer in engine.layers) == compressed
    engine.step()
    _close(engine_values(engine), spec)
    engine.reset()  # new state arrays: the layers' views must follow them
    assert engine.activity[engine.index["L3n0"]] == 0.0
    engine.settle()
    _close(engine_values(engine), spec)
    network.set_neuron_param("L2n0", "activation", "linear")
    engine.set_neuron_param("L2n0", "activation", "linear")
    spec.activations[1][0] = "linear"
    engine.step()
    _close(engine_values(engine), spec)


def test_the_bound_sigmoid_kernel_follows_every_edit_reset_and_layer_step():
    """All-sigmoid layers of consecutive neurons take the engine's bound five-ufunc kernel; its views
    must see edits made in place, and an activation edit or a reset must unbind it."""
    rng = np.random.default_rng(5)
    spec = LayeredSpec(rng, [3, 4, 2], density=1.0)
    spec.activations = [["sigmoid"] * size for size in spec.sizes[1:]]
    network = _in_layer_order(spec, spec.network(rng))
    engine = RateEngine(network)
    engine.step()
    assert all(layer.kernel is not None and layer.kernel.__name__ == "kernel" for layer in engine.layers)
    _close(engine_values(engine), spec)

    def edit(nid, name, value):
        network.set_neuron_param(nid, name, value)
        assert engine.set_neuron_param(nid, name, value)

    edit("L1n2", "threshold", 1.75)
    spec.thresholds[0][2] = 1.75
    edit("L0n1", "value", -2.5)
    spec.inputs[1] = -2.5
    engine.step()
    _close(engine_values(engine), spec)
    assert engine.set_weight(("L0n0", "L2n1"), 3.0)
    spec.weights[1][0, 1] = 3.0
    engine.settle()
    _close(engine_values(engine), spec)
    edit("L2n0", "activation", "tanh")
    spec.activations[1][0] = "tanh"
    assert engine.layers[1].kernel is None
    engine.step_layer()
    engine.step_layer()
    _close(engine_values(engine), spec)
    engine.reset()
    assert all(layer.kernel is None for layer in engine.layers)
    engine.step()
    _close(engine_values(engine), spec)
    assert engine.state_of("L2n1")["net"] == pytest.approx(
        spec.weights[1][:, 1] @ np.concatenate([spec.inputs, [engine_values(engine)[f"L1n{k}"] for k in range(4)]])
        - spec.thresholds[1][1], rel=1e-12)
