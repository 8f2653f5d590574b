"""What the undo-command tests share: a sample network and a mirror that follows the model's events."""

from __future__ import annotations

from neuron_sim.model import Network, Neuron, Synapse


def sample() -> Network:
    """x1, x2 → h1, h2 → y, with a loop y → h1 and a self-loop on h2, synapses in a mixed order."""
    network = Network(name="sample")
    network.add_neuron(Neuron("x1", kind="input", position=(0.0, 0.0), value=1.0))
    network.add_neuron(Neuron("h1", position=(200.0, 0.0), threshold=0.5))
    network.add_neuron(Neuron("x2", kind="input", position=(0.0, 110.0)))
    network.add_neuron(Neuron("h2", position=(200.0, 110.0), activation="relu"))
    network.add_neuron(Neuron("y", label="Output", position=(400.0, 55.0)))
    for source, target, weight in (("x1", "h1", 0.5), ("h1", "y", 1.5), ("x2", "h1", -1.0), ("y", "h1", 0.25),
                                   ("x1", "h2", 2.0), ("h2", "h2", 0.1), ("h2", "y", -0.5), ("x2", "h2", 3.0)):
        network.connect(Synapse(source, target, weight=weight))
    return network


class Mirror:
    """What a view knows: the ids and keys it was told about through events."""

    def __init__(self, network: Network):
        self.neurons = set(network.neurons)
        self.synapses = set(network.synapse_columns().keys())  # without making the objects of a loaded table
        events = network.events
        events.neuron_added.connect(self._neuron_added)
        events.neuron_removed.connect(self._neuron_removed)
        events.synapse_added.connect(self._synapse_added)
        events.synapse_removed.connect(self._synapse_removed)
        events.structure_changed.connect(self._structure_changed)
        self.log: list[tuple[str, object]] = []

    def _structure_changed(self, change):
        """A batch: what went first (synapses, then their neurons), then what came (neurons first)."""
        for key in change.removed_synapses:
            self._synapse_removed(key)
        for nid in change.removed_neurons:
            self._neuron_removed(nid)
        for nid in change.added_neurons:
            self._neuron_added(nid)
        for key in change.added_synapses:
            self._synapse_added(key)

    def _neuron_added(self, nid):
        assert nid not in self.neurons
        self.neurons.add(nid)
        self.log.append(("neuron_added", nid))

    def _neuron_removed(self, nid):
        assert nid in self.neurons
        assert not any(nid in key for key in self.synapses), "a neuron went before its synapses"
        self.neurons.remove(nid)
        self.log.append(("neuron_removed", nid))

    def _synapse_added(self, key):
        assert key not in self.synapses and set(key) <= self.neurons
        self.synapses.add(key)
        self.log.append(("synapse_added", key))

    def _synapse_removed(self, key):
        assert key in self.synapses
        self.synapses.remove(key)
        self.log.append(("synapse_removed", key))

    def agrees_with(self, network: Network) -> bool:
        return self.neurons == set(network.neurons) and self.synapses == set(network.synapses)
