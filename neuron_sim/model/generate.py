"""Synthetic networks for benchmarks and stress tests (seeded, so every run builds the same one)."""

from __future__ import annotations

import numpy as np

from neuron_sim.model.entities import Neuron, Synapse
from neuron_sim.model.network import Network


def layered_network(neurons: int, synapses: int, seed: int = 0, model: str = "rate",
                    layers: int = 10, spacing: float = 160.0) -> Network:
    """`neurons` in `layers` columns, `synapses` random forward connections between neighbours."""
    rng = np.random.default_rng(seed)
    network = Network(name=f"{neurons} neurons, {synapses} synapses", model=model)
    per_layer = int(np.ceil(neurons / layers))
    ids = []
    layer_of = []
    for i in range(neurons):
        layer, row = divmod(i, per_layer)
        kind = "input" if layer == 0 else "neuron"
        nid = f"n{i}"
        network.add_neuron(Neuron(nid, kind=kind, position=(layer * spacing * 2.0, row * spacing * 0.7),
                                  activation="sigmoid", threshold=float(rng.normal(0, 0.5))))
        ids.append(nid)
        layer_of.append(layer)
    layer_of = np.array(layer_of)
    added = set()
    attempts = 0
    while len(added) < synapses and attempts < synapses * 20:
        attempts += 1
        target = int(rng.integers(per_layer, neurons))
        candidates = np.flatnonzero(layer_of == layer_of[target] - 1)
        source = int(rng.choice(candidates))
        if (source, target) in added:
            continue
        added.add((source, target))
        network.connect(Synapse(ids[source], ids[target], weight=float(rng.normal(0, 1))))
    return network
