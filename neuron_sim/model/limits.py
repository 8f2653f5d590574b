"""How many neurons and synapses a network may hold (docs/file-format.md, docs/security.md).

The same limits hold for a file being read and for an edit in the app, so that whatever the app
builds it can save and open again: an edit past them is refused before anything is made.
"""

from __future__ import annotations

from neuron_sim.model.entities import ModelError

MAX_NEURONS = 100_000
MAX_SYNAPSES = 2_000_000


def check_room(neurons: int, adding_neurons: int, synapses: int, adding_synapses: int) -> None:
    """Refuse (ModelError) adding neurons or synapses to a network that holds `neurons` and
    `synapses` when that would pass MAX_NEURONS or MAX_SYNAPSES."""
    if adding_neurons and neurons + adding_neurons > MAX_NEURONS:
        raise ModelError("this would make {count:,} neurons, and a network may hold at most {limit:,}; delete "
                         "neurons first, or add fewer", count=neurons + adding_neurons, limit=MAX_NEURONS)
    if adding_synapses and synapses + adding_synapses > MAX_SYNAPSES:
        raise ModelError("this would make {count:,} synapses, and a network may hold at most {limit:,}; delete "
                         "synapses first, or connect fewer neurons", count=synapses + adding_synapses,
                         limit=MAX_SYNAPSES)
