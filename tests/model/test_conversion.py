"""Switching rate ↔ spiking (model/conversion.py): the stated rule, its round trip, and that a
converted gate still decides as its rate network does.

Oracles: the rate decisions come from the truth tables written out here (what AND, OR, NAND, NOT
compute); the spiking side runs the spiking engine, which test_spiking_brian2.py checks spike for
spike against Brian2. Input rates are counted from the spikes the engine emits.
"""

from __future__ import annotations

import itertools

import pytest

from neuron_sim.model import Network, Neuron, Synapse, conversion
from neuron_sim.model.fileformat import load
from neuron_sim.model.simulate import simulate
from neuron_sim.resources_path import examples_dir

TRUTH = {
    "and-gate": lambda a, b: a and b,
    "or-gate": lambda a, b: a or b,
    "nand-gate": lambda a, b: not (a and b),
    "not-gate": lambda a: not a,
}
RUN_MS = 500.0
SETTLE_MS = 100.0  # the first spikes of a run are not its rate


def apply(network: Network, model: str) -> None:
    neurons, synapses = (conversion.to_spiking if model == "spiking" else conversion.to_rate)(network)
    network.set_param("model", model)
    for edit in neurons:
        network.set_neuron_param(edit.target, edit.name, edit.value)
    for edit in synapses:
        network.set_synapse_param(edit.target, edit.name, edit.value)


def rates_hz(network: Network) -> dict[str, float]:
    result = simulate(network, steps=int(round(RUN_MS / network.dt_ms)))
    return {nid: sum(1 for t in times if t >= SETTLE_MS) / ((RUN_MS - SETTLE_MS) / 1000.0)
            for nid, times in result.spikes.items()}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_converted_gate_fires_exactly_when_its_rate_unit_does(name):
    base = load(examples_dir() / f"{name}.json")
    inputs = [nid for nid, n in base.neurons.items() if n.kind == "input"]
    for values in itertools.product((0.0, 1.0), repeat=len(inputs)):
        network = load(examples_dir() / f"{name}.json")
        for nid, value in zip(inputs, values):
            network.set_neuron_param(nid, "value", value)
        apply(network, "spiking")
        fires = rates_hz(network)["y"] > 10.0
        assert fires == bool(TRUTH[name](*values)), (name, values)


def test_the_stated_rule_inputs_weights_and_thresholds():
    network = Network()
    network.add_all(
        [Neuron("off", kind="input", value=0.0), Neuron("half", kind="input", value=0.5),
         Neuron("on", kind="input", value=1.0), Neuron("y", activation="step", threshold=1.5)],
        [Synapse("off", "y", weight=1.0), Synapse("half", "y", weight=-2.0), Synapse("on", "y", weight=0.5)])
    apply(network, "spiking")
    n = network.neurons
    assert [(n[i].value, n[i].rate_hz) for i in ("off", "half", "on")] == [(0.0, 100.0), (0.5, 50.0), (1.0, 100.0)]
    # G = 15 mV to threshold, τ = 20 ms: a weight of 1 is 15 / (100 Hz × 0.02 s) = 7.5 mV
    assert [network.synapses[k].weight for k in (("off", "y"), ("half", "y"), ("on", "y"))] == [7.5, -15.0, 3.75]
    assert n["y"].drive_mV == pytest.approx(15.0 * (1.0 - 1.5))
    rates = rates_hz(network)
    assert rates["off"] == 0.0  # value 0: silent
    assert rates["half"] == pytest.approx(50.0, abs=2.5) and rates["on"] == pytest.approx(100.0, abs=2.5)


def test_switching_there_and_back_gives_the_network_it_was():
    for name in ("xor", "dense-layer", "multi-layer", "logistic-unit"):
        original = load(examples_dir() / f"{name}.json")
        network = load(examples_dir() / f"{name}.json")
        apply(network, "spiking")
        apply(network, "rate")
        assert network.model == "rate"
        for nid, neuron in original.neurons.items():
            assert (network.neurons[nid].value, network.neurons[nid].threshold) == (neuron.value, neuron.threshold)
        assert {k: s.weight for k, s in network.synapses.items()} == {k: s.weight for k, s in original.synapses.items()}


def test_a_spiking_network_switched_to_rate_reads_its_rates_and_drives():
    network = Network(model="spiking")
    network.add_all([Neuron("x", kind="input", value=1.0, rate_hz=40.0), Neuron("c", drive_mV=7.5)],
                    [Synapse("x", "c", weight=15.0)])
    apply(network, "rate")
    assert network.neurons["x"].value == 0.4 and network.neurons["c"].threshold == 0.5
    assert network.synapses[("x", "c")].weight == 2.0
