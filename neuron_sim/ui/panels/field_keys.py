"""Which fields the inspector shows for a selection: they depend on the network's model, a neuron's
kind, a generator's pattern and a synapse's kind (a field appears only where its parameter applies)."""

from __future__ import annotations

from typing import Any

from neuron_sim.model.entities import CURRENT_PATTERNS
from neuron_sim.model.network import Network

# Which fields a neuron shows, by (network model, neuron kind), after id / label / kind.
NEURON_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("rate", "neuron"): ("activation", "threshold", "bias"),
    ("rate", "input"): ("value",),
    ("spiking", "neuron"): ("tau_ms", "v_rest_mV", "v_reset_mV", "v_threshold_mV", "refractory_ms",
                            "drive_mV", "v_mV", "adaptation", "tau_adaptation_ms", "v_min_mV", "v_max_mV"),
    ("spiking", "generator"): ("pattern", "rate_hz", "start_ms", "seed"),
    ("spiking", "input"): ("sensor", "rate_hz", "start_ms"),
}
# A generator that sends a current rather than spikes, by its pattern.
CURRENT_SOURCE_FIELDS = {"dc": ("pattern",), "ac": ("pattern", "frequency_hz")}
STEPS = {"weight": 0.1, "threshold": 0.1, "bias": 0.1, "value": 0.1, "refractory_ms": 0.5,
         "delay_ms": 0.5, "dt_ms": 0.01, "adaptation": 0.1, "tau_syn_ms": 0.5, "tau_adaptation_ms": 10.0}


def is_current_source(neuron: Any) -> bool:
    return neuron.kind == "generator" and neuron.pattern in CURRENT_PATTERNS


def neuron_field_keys(model: str, neuron: Any) -> tuple[str, ...]:
    """The fields of one neuron after id, label and kind."""
    if model == "spiking" and is_current_source(neuron):
        return CURRENT_SOURCE_FIELDS[neuron.pattern]
    return NEURON_FIELDS.get((model, neuron.kind), ())


def _spike_synapses(network: Network, synapses: list[Any]) -> bool:
    """Spiking synapses, not all of them carrying a dc or ac generator's current (for those only
    the weight applies: the current goes along at once, whatever the synapse's kind)."""
    return network.model == "spiking" and not all(is_current_source(network.neuron(s.source)) for s in synapses)


def synapse_field_keys(network: Network, synapses: list[Any]) -> list[str]:
    """The fields of the selected synapses after their ends."""
    if not _spike_synapses(network, synapses):
        return ["weight"]
    keys = ["weight", "delay_ms", "synapse_kind"]
    if all(s.kind != "delta" for s in synapses):
        keys.append("tau_syn_ms")
    return keys


def learning_applies(network: Network, synapses: list[Any]) -> bool:
    """Whether the STDP section applies: only delta synapses learn."""
    return _spike_synapses(network, synapses) and all(s.kind == "delta" for s in synapses)
