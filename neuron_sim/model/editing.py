"""Planning compound edits without Qt: copy/paste, new layers, dense connections.

Each function returns the neurons and synapses to add; the UI wraps them in one undo command.
"""

from __future__ import annotations

import re
from typing import Any

from neuron_sim.model.entities import SYNAPSE_PARAMS, ModelError, Neuron, Synapse
from neuron_sim.model.fileformat import FORMAT_NAME, from_dict, to_dict
from neuron_sim.model.geometry import column_positions, split_columns
from neuron_sim.model.limits import check_room
from neuron_sim.model.messages import article
from neuron_sim.model.network import Network
from neuron_sim.model.notes import Note

CLIPBOARD_MIME = "application/x-neuron-sim"

#: A neuron placed in a rate network is a step unit, the all-or-nothing neuron of the logic-gate
#: and perceptron lessons. Its threshold is half a weight of 1 (the Connect tool's): it stays
#: silent while all its inputs are 0 (f(0 − 0.5) = 0) and fires once any input of 1 arrives, an
#: OR of its inputs, so a fresh network does what a class expects before anything is edited.
NEW_RATE_ACTIVATION = "step"
NEW_STEP_THRESHOLD = 0.5


def new_neuron_params(kind: str, model: str, activation: str | None = None) -> dict[str, Any]:
    """The parameters a new neuron of `kind` gets in a `model` network (`activation`: one the user
    chose, e.g. in Add layer): a step unit gets θ = NEW_STEP_THRESHOLD; other units θ = 0, no bias
    (as a deep-learning layer starts)."""
    if kind != "neuron" or model != "rate":
        return {}
    activation = activation or NEW_RATE_ACTIVATION
    return {"activation": activation, "threshold": NEW_STEP_THRESHOLD if activation == "step" else 0.0}
MAX_ID_LENGTH = 64  # as entities.validate_id allows


def copy_selection(network: Network, neuron_ids: list[str], note_ids: list[str] = ()) -> dict[str, Any]:
    """The selected neurons and the synapses between them, and the selected notes, as a small network
    file."""
    chosen = set(neuron_ids)
    part = Network(model=network.model, update=network.update, dt_ms=network.dt_ms)
    # The part only lends the network's own neurons and synapses to to_dict, which reads them.
    part.add_all([neuron for nid, neuron in network.neurons.items() if nid in chosen],
                 [synapse for (source, target), synapse in network.synapses.items()
                  if source in chosen and target in chosen])
    chosen_notes = set(note_ids)
    for nid, note in network.notes.items():
        if nid in chosen_notes:
            part.add_note(note.copy())
    return to_dict(part)


def paste_plan(network: Network, data: dict[str, Any], offset: tuple[float, float] = (30.0, 30.0)
               ) -> tuple[list[Neuron], list[Synapse]]:
    """Copies of the clipboard's neurons with fresh ids, moved by `offset`, and their synapses."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ModelError("the clipboard does not hold neurons")
    # from_dict checks the version (a whole number, not newer than FORMAT_VERSION) and everything else,
    # raising ModelError; comparing the version here raised TypeError for a version that was text.
    # Past the network's limits is refused before a copy is made (limits.py).
    check_room(len(network.neurons), _count(data.get("neurons")), len(network.synapses), _count(data.get("synapses")))
    part = from_dict({**data, "model": network.model})
    taken = set(network.neurons)
    renamed: dict[str, str] = {}
    neurons = []
    # Numbers below the last one given to a prefix are taken: starting there keeps 8,000 copies linear.
    next_number: dict[str, int] = {}
    for neuron in part.neurons.values():
        prefix = re.sub(r"\d+$", "", neuron.id) or "n"
        number = next_number.get(prefix, 1)
        while _numbered(prefix, number) in taken:
            number += 1
        next_number[prefix] = number + 1
        new_id = _numbered(prefix, number)
        taken.add(new_id)
        renamed[neuron.id] = new_id
        label = new_id if neuron.label == neuron.id else neuron.label
        x, y = neuron.position
        neurons.append(neuron.copy(id=new_id, label=label, position=(x + offset[0], y + offset[1])))
    synapses = [_reconnected(s, renamed[s.source], renamed[s.target]) for s in part.synapses.values()]
    return neurons, synapses


def paste_notes_plan(network: Network, data: dict[str, Any], offset: tuple[float, float] = (30.0, 30.0)
                     ) -> list[Note]:
    """Copies of the clipboard's notes with fresh ids, moved by `offset` (paste_plan's checks first)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ModelError("the clipboard does not hold neurons")
    part = from_dict({**data, "model": network.model})
    taken = set(network.notes)
    notes = []
    for note in part.notes.values():
        number = 1
        while _numbered("note", number) in taken:
            number += 1
        new_id = _numbered("note", number)
        taken.add(new_id)
        x, y = note.position
        notes.append(note.copy(id=new_id, position=(x + offset[0], y + offset[1])))
    return notes


def _reconnected(synapse: Synapse, source: str, target: str) -> Synapse:
    """A copy of a checked synapse between two new ids (valid: a valid id's letters and a number),
    without checking each of a hundred thousand again."""
    twin = object.__new__(Synapse)
    twin.__dict__ = {**synapse.__dict__, "source": source, "target": target}
    return twin


def _count(entries: Any) -> int:
    return len(entries) if isinstance(entries, list) else 0


def _numbered(prefix: str, number: int) -> str:
    """`prefix` + `number`, the prefix shortened so that the id keeps within 64 characters."""
    digits = str(number)
    return prefix[:MAX_ID_LENGTH - len(digits)] + digits


def layer_plan(network: Network, count: int, kind: str, activation: str, x: float, centre_y: float,
               prefix: str | None = None) -> list[Neuron]:
    """`count` new neurons in a column at x, centred on centre_y."""
    if not 1 <= count <= 256:
        raise ModelError("a layer has 1 to 256 neurons, not {count}", count=count)
    check_room(len(network.neurons), count, len(network.synapses), 0)
    prefix = prefix or {"input": "x", "neuron": "h", "generator": "g"}.get(kind, "n")
    neurons = []
    taken = set(network.neurons)
    number = 1
    for position in column_positions(count, x, centre_y):
        while _numbered(prefix, number) in taken:
            number += 1
        nid = _numbered(prefix, number)
        taken.add(nid)
        extra = new_neuron_params(kind, network.model, activation) if kind == "neuron" else {}
        if kind == "neuron" and not extra:
            extra = {"activation": activation}
        neurons.append(Neuron(nid, kind=kind, position=position, **extra))
    return neurons


def dense_plan(network: Network, sources: list[str], targets: list[str], weight: float = 1.0) -> list[Synapse]:
    """Every source to every target (a Dense layer), skipping pairs already connected."""
    sources = list(dict.fromkeys(sources))
    targets = list(dict.fromkeys(targets))
    for nid in sources:
        network.neuron(nid)  # ModelError for an unknown id, before planning anything
    bad = [network.neuron(t) for t in targets if network.neuron(t).kind != "neuron"]
    if bad:
        raise ModelError("{label} is {kind:w}: nothing can connect to it", label=bad[0].label,
                         kind=article(bad[0].kind))
    weight = SYNAPSE_PARAMS["weight"].validate(weight)
    delay = SYNAPSE_PARAMS["delay_ms"].default
    existing = network.synapses
    # The ids are the network's and the weight is checked: a million synapses need no check each.
    return [Synapse.trusted(s, t, weight, delay) for s in sources for t in targets
            if s != t and (s, t) not in existing]


def connect_all_plan(network: Network, neuron_ids: list[str], weight: float = 1.0) -> list[Synapse]:
    """Fully connect each column of the selection to the next column to its right."""
    neuron_ids = list(dict.fromkeys(neuron_ids))
    if len(neuron_ids) < 2:
        raise ModelError("select two groups of neurons side by side (for example 3 inputs and 2 neurons)")
    xs = [network.neuron(nid).position[0] for nid in neuron_ids]
    columns = [[neuron_ids[i] for i in sorted(col, key=lambda i: network.neuron(neuron_ids[i]).position[1])]
               for col in split_columns(xs)]
    if len(columns) < 2:
        raise ModelError("the selected neurons stand in one column; select a column to connect from "
                         "and a column to its right to connect to")
    _check_room_for_columns(network, columns)
    plan: list[Synapse] = []
    for left, right in zip(columns, columns[1:]):
        plan += dense_plan(network, left, right, weight)
    if not plan:
        raise ModelError("these neurons are already fully connected")
    return plan


def _check_room_for_columns(network: Network, columns: list[list[str]]) -> None:
    """Refuse connecting each column to the next when that would pass MAX_SYNAPSES, counting the
    pairs and the synapses already among them, before any synapse is made."""
    pairs = sum(len(left) * len(right) for left, right in zip(columns, columns[1:]))
    column_of = {nid: i for i, column in enumerate(columns) for nid in column}
    existing = sum(1 for source, target in network.synapses
                   if source in column_of and column_of.get(target) == column_of[source] + 1)
    check_room(len(network.neurons), 0, len(network.synapses), pairs - existing)
