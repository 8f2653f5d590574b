"""Spiking networks for the Brian2 and PyNN scripts: the recurrent oracle network, and sources of
every kind (fast regular ones that fire several times per step, late Poisson ones, inputs off)."""

from __future__ import annotations

from neuron_sim.model.entities import Neuron, Synapse
from neuron_sim.model.network import Network

from ..model.brian2_oracle import random_network


def sources_network(dt_ms: float = 0.1) -> Network:
    network = Network(name="sources", model="spiking", dt_ms=dt_ms)
    network.add_all(
        [Neuron("fast", kind="generator", rate_hz=4999.0, start_ms=0.3),
         Neuron("odd", kind="generator", rate_hz=333.0, start_ms=0.05),
         Neuron("late", kind="generator", pattern="poisson", rate_hz=400.0, start_ms=61.3, seed=7),
         Neuron("busy", kind="generator", pattern="poisson", rate_hz=5000.0, seed=4294967295),
         Neuron("silent", kind="generator", rate_hz=0.0),
         Neuron("on", kind="input", value=0.5, rate_hz=90.0, start_ms=1.0),
         Neuron("off", kind="input", value=0.0, rate_hz=90.0),
         Neuron("cell", tau_ms=12.0, drive_mV=3.0, refractory_ms=1.0)],
        [Synapse("odd", "cell", weight=4.0, delay_ms=0.25), Synapse("late", "cell", weight=6.0, delay_ms=2.0),
         Synapse("on", "cell", weight=5.0, delay_ms=0.0), Synapse("fast", "cell", weight=-0.2, delay_ms=1.04)])
    return network


def spiking_networks() -> list[tuple[Network, int]]:
    """(network, steps) pairs: random recurrent networks at three time steps, and the sources."""
    pairs = [(random_network(25, seed, refractory_ms=(2.0,) if seed == 0 else (0.0, 1.0, 2.0, 2.05, 3.7)), 1500)
             for seed in range(3)]
    coarse = random_network(12, 5)
    coarse.set_param("dt_ms", 0.25)
    pairs += [(coarse, 600), (sources_network(), 2500), (sources_network(0.05), 2100)]
    return pairs


def currents_network(dt_ms: float = 0.1) -> Network:
    """Current synapses from cells and sources, dc and ac sources, adaptation and bounds on v."""
    network = Network(name="currents", model="spiking", dt_ms=dt_ms)
    network.add_all(
        [Neuron("g", kind="generator", rate_hz=60.0, start_ms=1.5),
         Neuron("p", kind="generator", pattern="poisson", rate_hz=200.0, seed=11),
         Neuron("dc", kind="generator", pattern="dc"),
         Neuron("ac", kind="generator", pattern="ac", frequency_hz=30.0),
         Neuron("a", tau_ms=15.0, adaptation=0.3, tau_adaptation_ms=60.0),
         Neuron("b", drive_mV=8.0, v_min_mV=-78.0, refractory_ms=1.0),
         Neuron("c", v_max_mV=-40.0, tau_ms=25.0)],
        [Synapse("g", "a", weight=150.0, kind="current_alpha", tau_syn_ms=1.5, delay_ms=0.5),
         Synapse("p", "b", weight=40.0, kind="current_exp", tau_syn_ms=2.0, delay_ms=1.25),
         Synapse("a", "c", weight=200.0, kind="current_exp", tau_syn_ms=3.0, delay_ms=2.0),
         Synapse("b", "c", weight=-90.0, kind="current_alpha", tau_syn_ms=2.5, delay_ms=0.0),
         Synapse("a", "b", weight=3.0, delay_ms=1.0),
         Synapse("dc", "a", weight=12.0), Synapse("ac", "c", weight=14.0), Synapse("ac", "b", weight=-6.0)])
    return network
