"""Carrying a spiking run over an edit: the new engine goes on where the old one was.

An edit that changes the wiring (a neuron or synapse added or deleted, a delay changed) needs a
new engine. `carry_over(new, old)` gives it the old engine's state by neuron id and synapse key:

  - time, membrane potentials, refractory periods and last spikes of the neurons still there;
  - the input travelling along the synapses (the delay buffers): what is due to cells that are
    still there arrives when it was due. Input on a deleted synapse is taken back, with the
    weight and delay it was sent with; input to a deleted cell goes with it;
  - a changed delay applies to spikes sent from now on: input already on its way keeps its
    remaining time (as a pulse drawn half way along an axon goes on at its pace);
  - generators that still exist, unchanged, go on with their schedules (a Poisson generator with
    its own random numbers); new or changed ones start theirs as on a rebuild.

Taking input back needs to know which spikes are still travelling on a synapse and what they
carry: the engine keeps the spikes of the last steps (`_spike_log`, as long as the longest
delay), the step each synapse appeared (`_synapse_born`) and its weight and delay before each
change (`_synapse_edits`: (step of the change, weight before, delay before)). A weight edited
while input is in flight leaves that input as it was sent (the engine adds a spike's weight when
the spike is sent).

Voltages stay bitwise those of a run without the edit for every cell whose input did not change:
the ring buffer's sums (or the sparse queue's parts) are copied as they are. A cell that loses
input from a deleted synapse gets the sum minus that input, which may differ from a sum that never
held it in the last bit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from neuron_sim.model.engines.spiking.engine import SpikingEngine

SynapseKey = tuple[str, str]
Due = dict[int, list[tuple[np.ndarray, np.ndarray]]]


def record_weight_edit(engine: SpikingEngine, key: SynapseKey, weight_before: float, delay: int) -> None:
    """Note a live weight edit of the synapse `key` (delay: its delay in steps), so that input
    sent before it can be taken back as it was sent."""
    window = engine._spike_log.maxlen
    if not window:
        return  # no delays: nothing is ever in flight
    k = engine.step_count
    edits = engine._synapse_edits.setdefault(key, [])
    if edits and edits[-1][0] == k:
        return  # several edits between two steps: spikes before them carry the first weight
    edits[:] = [edit for edit in edits if edit[0] > k - window]
    edits.append((k, weight_before, delay))


def carry_over(new: SpikingEngine, old: SpikingEngine) -> None:
    """Set `new`, a freshly built engine of the edited network, to `old`'s state (module doc)."""
    if new.dt_ms != old.dt_ms:
        raise ValueError("carry_over needs engines with the same time step")
    k = old.step_count
    old_to_new = _match_neurons(new, old)
    new.step_count = k
    shared = np.flatnonzero(old_to_new >= 0)
    cells = shared[shared < old.n_cells]
    new.v[old_to_new[cells]] = old.v[cells]  # in place: `_v_cells` is a view of it
    new.last_spike_step[old_to_new[shared]] = old.last_spike_step[shared]
    spiked = old_to_new[old.spiked]
    new.spiked = np.sort(spiked[spiked >= 0])

    due = _carried_input(new, old, old_to_new)
    reach = max((step - k for step in due), default=0)
    if reach > new._max_delay:
        new._compile_synapses(reach)
    new._reset_delivery(old._spike_log.maxlen if due else 0)
    new._load_in_flight(due)
    for step, indices in old._spike_log:
        mapped = old_to_new[indices]
        mapped = mapped[mapped >= 0]
        if mapped.size:
            new._spike_log.append((step, mapped))
    _carry_history(new, old)
    new._refreeze()
    new._sources.carry_over(old._sources, _match_sources(new, old))


def _match_neurons(new: SpikingEngine, old: SpikingEngine) -> np.ndarray:
    """For each index of `old`, the index of the same neuron in `new` (-1: gone or other kind)."""
    old_to_new = np.full(old.n, -1, dtype=np.intp)
    for i, nid in enumerate(old.ids):
        j = new.index.get(nid)
        if j is not None and (i < old.n_cells) == (j < new.n_cells):
            old_to_new[i] = j
    return old_to_new


def _carried_input(new: SpikingEngine, old: SpikingEngine, old_to_new: np.ndarray) -> Due:
    """`old`'s input in flight in `new`'s indices, less what deleted synapses still carry."""
    due: Due = {}
    for step, parts in old._in_flight().items():
        kept = []
        for targets, weights in parts:
            mapped = old_to_new[targets]
            alive = mapped >= 0
            if alive.any():
                kept.append((mapped[alive], weights[alive]))
        if kept:
            due[step] = kept
    for step, (targets, weights) in _taken_back(new, old, old_to_new).items():
        due.setdefault(step, []).append((np.array(targets, dtype=np.intp), np.array(weights)))
    return due


def _taken_back(new: SpikingEngine, old: SpikingEngine, old_to_new: np.ndarray) -> dict[int, tuple[list, list]]:
    """Step → (cells, −weights) of the input still travelling on synapses the edit deleted."""
    k = old.step_count
    kept = set(new.arrays.syn_keys)
    a = old.arrays
    deleted = [(index, key) for index, key in enumerate(a.syn_keys) if key not in kept]
    taken: dict[int, tuple[list, list]] = {}
    if not deleted or not old._spike_log:
        return taken
    spike_steps: dict[int, list[int]] = {}
    for step, indices in old._spike_log:
        for i in indices.tolist():
            spike_steps.setdefault(i, []).append(step)
    weights, delays = old.synapse_weights(), old.synapse_delay_steps()
    for index, key in deleted:
        target = int(old_to_new[a.syn_target[index]])
        if target < 0:
            continue  # the cell is gone too, and its input with it
        born = old._synapse_born.get(key)
        edits = old._synapse_edits.get(key, ())
        for step in spike_steps.get(int(a.syn_source[index]), ()):
            if born is not None and step < born:
                continue  # the spike was sent before this synapse existed
            weight, delay = next(((w, d) for changed, w, d in edits if step < changed),
                                 (float(weights[index]), int(delays[index])))
            if step + delay >= k:
                cells, amounts = taken.setdefault(step + delay, ([], []))
                cells.append(target)
                amounts.append(-weight)
    return taken


def _carry_history(new: SpikingEngine, old: SpikingEngine) -> None:
    """When each synapse appeared, and what changed on it, as far back as input may travel."""
    k = new.step_count
    window = new._spike_log.maxlen
    if not window:
        return
    old_index = {key: index for index, key in enumerate(old.arrays.syn_keys)}
    old_weights, old_delays = old.synapse_weights(), old.synapse_delay_steps()
    new_weights, new_delays = new.synapse_weights(), new.synapse_delay_steps()
    for index, key in enumerate(new.arrays.syn_keys):
        before = old_index.get(key)
        if before is None:
            new._synapse_born[key] = k
            continue
        born = old._synapse_born.get(key)
        if born is not None and born > k - window:
            new._synapse_born[key] = born
        edits = [edit for edit in old._synapse_edits.get(key, ()) if edit[0] > k - window]
        was = (float(old_weights[before]), int(old_delays[before]))
        if was != (float(new_weights[index]), int(new_delays[index])):
            edits.append((k, *was))
        if edits:
            new._synapse_edits[key] = edits


def _match_sources(new: SpikingEngine, old: SpikingEngine) -> np.ndarray:
    """For each source of `new`, the same source of `old` if its schedule is unchanged, else -1."""
    a, b = new.arrays, old.arrays
    matches = np.full(len(new.ids) - new.n_cells, -1, dtype=np.intp)
    for j, nid in enumerate(new.ids[new.n_cells:]):
        i = old.index.get(nid, -1)
        if i < old.n_cells:
            continue
        i -= old.n_cells
        if (a.source_poisson[j] == b.source_poisson[i] and a.source_rate_hz[j] == b.source_rate_hz[i]
                and a.source_start_ms[j] == b.source_start_ms[i] and a.source_seed[j] == b.source_seed[i]):
            matches[j] = i
    return matches
