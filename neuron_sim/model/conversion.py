"""Switching a network between the rate and the spiking model so that it still does roughly the
same thing: the rule, as parameter edits (commands.py makes them one undo step).

Rate → spiking, for each part:
  - an input of value x becomes a sensor firing regularly at x × MAX_INPUT_RATE_HZ (100 Hz):
    1 → 100 Hz, 0.5 → 50 Hz, 0 (or less) → silent, ready to fire at 100 Hz when switched on;
  - a weight w becomes w × G / (MAX_INPUT_RATE_HZ × τ) mV, G = v_threshold − v_rest of the target
    cell (15 mV) and τ its membrane time constant (20 ms): 7.5 mV for w = 1. An input firing at
    x × 100 Hz through it then lifts the target's mean potential by w × x × G, so the mean
    depolarisation is G × Σ w·x;
  - the threshold θ becomes a constant drive of G × (1 − θ) mV (the bias, as an input current):
    the mean potential reaches the firing threshold, v_rest + G, when Σ w·x ≥ θ, the step unit's
    rule. It is a rule for the mean: a cell just below threshold may still fire on a lucky run of
    spikes, and a spiking cell's rate is not exactly 100 Hz, so decisions carry over roughly.
Spiking → rate inverts each rule (a weight w = W × MAX_INPUT_RATE_HZ × τ / G, θ = 1 − drive / G,
an input that is on has x = its rate / 100 Hz), so that switching there and back gives the network
it was. Spike generators have no rate counterpart: a network with them cannot switch to rate.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from neuron_sim.model.entities import NEURON_PARAMS, SYNAPSE_PARAMS, Neuron
from neuron_sim.model.network import Network

#: the firing rate of an input of value 1 in a spiking network converted from a rate one
MAX_INPUT_RATE_HZ = 100.0
SIGNIFICANT_DIGITS = 12  # rounding that keeps a round trip exact and 7.4999999 from showing


class Edit(NamedTuple):
    """One parameter to set: `target` is a neuron id or a synapse key."""

    target: Any
    name: str
    value: Any


def _round(value: float) -> float:
    return float(f"{value:.{SIGNIFICANT_DIGITS}g}")


def _clamp(value: float, spec_name: str, synapse: bool = False) -> float:
    spec = (SYNAPSE_PARAMS if synapse else NEURON_PARAMS)[spec_name]
    return min(max(_round(value), spec.minimum), spec.maximum)


def gap_mV(neuron: Neuron) -> float:
    """G: how far the firing threshold is above rest (never 0, so that the rules can divide)."""
    gap = neuron.v_threshold_mV - neuron.v_rest_mV
    return gap if abs(gap) > 1e-9 else 1e-9


def weight_scale_mV(target: Neuron) -> float:
    """The spiking weight, in mV, of a rate weight of 1 onto `target`."""
    return gap_mV(target) / (MAX_INPUT_RATE_HZ * target.tau_ms * 1e-3)


def to_spiking(network: Network) -> tuple[list[Edit], list[Edit]]:
    """(neuron edits, synapse edits) that carry a rate network's behaviour over to spiking."""
    neurons: list[Edit] = []
    for nid, neuron in network.neurons.items():
        if neuron.kind == "input":
            x = neuron.value
            rate = MAX_INPUT_RATE_HZ * x if x > 0 else MAX_INPUT_RATE_HZ
            neurons.append(Edit(nid, "rate_hz", _clamp(rate, "rate_hz")))
            if x < 0:
                neurons.append(Edit(nid, "value", 0.0))  # a spiking input is on while not 0
        elif neuron.kind == "neuron":
            neurons.append(Edit(nid, "drive_mV", _clamp(gap_mV(neuron) * (1.0 - neuron.threshold), "drive_mV")))
    synapses = [Edit(key, "weight", _clamp(s.weight * weight_scale_mV(network.neurons[s.target]), "weight", True))
                for key, s in network.synapses.items() if network.neurons[s.target].kind == "neuron"]
    return _changed(network, neurons, synapses)


def to_rate(network: Network) -> tuple[list[Edit], list[Edit]]:
    """(neuron edits, synapse edits) that carry a spiking network over to rate (to_spiking undone)."""
    neurons: list[Edit] = []
    for nid, neuron in network.neurons.items():
        if neuron.kind == "input":
            if neuron.value != 0:
                neurons.append(Edit(nid, "value", _clamp(neuron.rate_hz / MAX_INPUT_RATE_HZ, "value")))
        elif neuron.kind == "neuron":
            neurons.append(Edit(nid, "threshold", _clamp(1.0 - neuron.drive_mV / gap_mV(neuron), "threshold")))
    synapses = [Edit(key, "weight", _clamp(s.weight / weight_scale_mV(network.neurons[s.target]), "weight", True))
                for key, s in network.synapses.items() if network.neurons[s.target].kind == "neuron"]
    return _changed(network, neurons, synapses)


def _changed(network: Network, neurons: list[Edit], synapses: list[Edit]) -> tuple[list[Edit], list[Edit]]:
    """Only the edits that change something."""
    return ([e for e in neurons if getattr(network.neurons[e.target], e.name) != e.value],
            [e for e in synapses if network.synapses[e.target].weight != e.value])
