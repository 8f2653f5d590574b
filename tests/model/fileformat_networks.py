"""Two small networks, one of each model, for the network-file tests."""

from __future__ import annotations

from neuron_sim.model import Network, Neuron, Synapse


def rate_network() -> Network:
    network = Network(name="AND gate", description="Two inputs, one threshold unit\nand a second line",
                      update="synchronous")
    network.add_neuron(Neuron("x1", kind="input", value=1.0, position=(0, 0)))
    network.add_neuron(Neuron("x2", kind="input", value=-0.125, position=(0.5, 120), label="second"))
    network.add_neuron(Neuron("y", activation="step", threshold=1.5, position=(240, 60)))
    network.add_neuron(Neuron("ä:ü.ß-1", activation="tanh", threshold=-1e6, label="Zelle «1»"))
    network.connect(Synapse("x1", "y", weight=1.0))
    network.connect(Synapse("x2", "y", weight=-1e6))
    network.connect(Synapse("y", "ä:ü.ß-1", weight=1e-300))
    network.connect(Synapse("ä:ü.ß-1", "ä:ü.ß-1", weight=0.3))
    return network


def spiking_network() -> Network:
    network = Network(name="Relay", model="spiking", dt_ms=0.05)
    network.add_neuron(Neuron("g1", kind="generator", pattern="regular", rate_hz=20, start_ms=5))
    network.add_neuron(Neuron("g2", kind="generator", pattern="poisson", rate_hz=7.5, seed=42))
    network.add_neuron(Neuron("eye", kind="input", value=1.0, rate_hz=50))
    network.add_neuron(Neuron("n1", tau_ms=10, v_rest_mV=-65, v_reset_mV=-75, v_threshold_mV=-50,
                              refractory_ms=0, drive_mV=3.5, v_mV=-60))
    network.add_neuron(Neuron("n2"))
    network.connect(Synapse("g1", "n1", weight=20, delay_ms=1.5))
    network.connect(Synapse("g2", "n1", weight=-5, delay_ms=0))
    network.connect(Synapse("eye", "n2", weight=16))
    network.connect(Synapse("n1", "n2", weight=2.5, delay_ms=10))
    return network
