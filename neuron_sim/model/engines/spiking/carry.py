"""Carrying a spiking run over an edit: the new engine goes on where the old one was.

An edit that changes the wiring (a neuron or synapse added or deleted, a delay changed) needs a
new engine. `carry_run_over(new, old)` gives it the old engine's state by neuron id and synapse key:

  - time, membrane potentials, refractory periods and last spikes of the neurons still there;
  - the input travelling along the synapses (the delay buffers): what is due to cells that are
    still there arrives when it was due. Input on a deleted synapse is taken back, with the
    weight and delay it was sent with; input to a deleted cell goes with it;
  - a changed delay applies to spikes sent from now on: input already on its way keeps its
    remaining time (as a pulse drawn half way along an axon goes on at its pace);
  - generators that still exist, unchanged, go on with their schedules (a Poisson generator with
    its own random numbers); new or changed ones start theirs as on a rebuild.

Taking input back needs to know which spikes are still travelling on a synapse and what they
carry: the delays keep the spikes of the last steps (`SynapticDelays.spike_log`, as long as the
longest delay), and the engine's EditHistory the step each synapse appeared (`born`) and its
weight and delay before each change (`edits`: (step of the change, weight before, delay
before)). A weight edited while input is in flight leaves that input as it was sent (the engine
adds a spike's weight when the spike is sent).

`continue_run(new, old)` takes over everything of an engine of an identical network (the
animation export runs a copy of the window's network from where the window is).

Voltages stay bitwise those of a run without the edit for every cell whose input did not change:
the ring buffer's sums (or the sparse queue's parts) are copied as they are. A cell that loses
input from a deleted synapse gets the sum minus that input, which may differ from a sum that never
held it in the last bit.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from neuron_sim.model.engines.spiking.arrays import SpikingArrays
from neuron_sim.model.engines.spiking.delays import Due, SynapticDelays, delay_steps
from neuron_sim.model.engines.spiking.sources import SpikeSources

SynapseKey = tuple[str, str]


class EditHistory:
    """What an edit during a run needs to know of the input in flight: since when each synapse
    exists (`born`: key → step), and its weight and delay before each change (`edits`: key →
    [(step of the change, weight before, delay in steps before), ...])."""

    def __init__(self) -> None:
        self.born: dict[SynapseKey, int] = {}
        self.edits: dict[SynapseKey, list[tuple[int, float, int]]] = {}

    def record_weight_edit(self, key: SynapseKey, weight_before: float, delay: int, k: int, window: int) -> None:
        """Note a live weight edit of `key` before step k (delay: its delay in steps), so that
        input sent before it can be taken back as it was sent; `window`: steps input may travel."""
        if not window:
            return  # no delays: nothing is ever in flight
        edits = self.edits.setdefault(key, [])
        if edits and edits[-1][0] == k:
            return  # several edits between two steps: spikes before them carry the first weight
        edits[:] = [edit for edit in edits if edit[0] > k - window]
        edits.append((k, weight_before, delay))

    def copy_from(self, other: EditHistory) -> None:
        self.born = dict(other.born)
        self.edits = {key: list(edits) for key, edits in other.edits.items()}


class Run(Protocol):
    """The parts of a spiking engine (engine.py) that carrying a run over reads and sets."""

    arrays: SpikingArrays
    ids: list[str]
    index: dict[str, int]
    n: int
    n_cells: int
    dt_ms: float
    step_count: int
    v: np.ndarray
    last_spike_step: np.ndarray
    spiked: np.ndarray
    delays: SynapticDelays
    sources: SpikeSources
    history: EditHistory

    def refreeze(self) -> None: ...


def wired_alike(a: Run, b: Run) -> bool:
    """Same neurons in the same order, same synapses with the same delays in steps."""
    x, y = a.arrays, b.arrays
    return (a.ids == b.ids and a.n_cells == b.n_cells and a.dt_ms == b.dt_ms
            and np.array_equal(x.syn_source, y.syn_source) and np.array_equal(x.syn_target, y.syn_target)
            and np.array_equal(delay_steps(x.syn_delay_ms, a.dt_ms), delay_steps(y.syn_delay_ms, b.dt_ms)))


def continue_run(new: Run, old: Run) -> None:
    """Give `new` the whole state of `old`, an engine of an identical network: the time, every
    potential and refractory period, the input still travelling along the synapses and where each
    generator is in its schedule, Poisson draws included. ValueError if they are wired apart."""
    if not wired_alike(new, old):
        raise ValueError("continue_from needs an engine of the same network (same neurons, synapses, delays)")
    new.step_count = old.step_count
    new.v[:] = old.v  # in place: the engine's views of it stay valid
    new.last_spike_step[:] = old.last_spike_step
    new.spiked = old.spiked.copy()
    if old.delays.max_delay != new.delays.max_delay:  # `old` was carried over an edit: reach as far
        new.delays.compile(old.delays.max_delay)
    new.delays.reset(old.delays.spike_log.maxlen)
    new.delays.load_in_flight(old.delays.in_flight(old.step_count), new.step_count)
    new.delays.spike_log.extend(old.delays.spike_log)
    new.history.copy_from(old.history)
    new.refreeze()
    new.sources.continue_from(old.sources)


def carry_run_over(new: Run, old: Run) -> None:
    """Set `new`, a freshly built engine of the edited network, to `old`'s state (module doc)."""
    if new.dt_ms != old.dt_ms:
        raise ValueError("carry_over needs engines with the same time step")
    k = old.step_count
    old_to_new = _match_neurons(new, old)
    new.step_count = k
    shared = np.flatnonzero(old_to_new >= 0)
    cells = shared[shared < old.n_cells]
    new.v[old_to_new[cells]] = old.v[cells]  # in place: the engine's views of it stay valid
    new.last_spike_step[old_to_new[shared]] = old.last_spike_step[shared]
    spiked = old_to_new[old.spiked]
    new.spiked = np.sort(spiked[spiked >= 0])

    due = _carried_input(new, old, old_to_new)
    reach = max((step - k for step in due), default=0)
    if reach > new.delays.max_delay:
        new.delays.compile(reach)
    new.delays.reset(old.delays.spike_log.maxlen if due else 0)
    new.delays.load_in_flight(due, k)
    for step, indices in old.delays.spike_log:
        mapped = old_to_new[indices]
        mapped = mapped[mapped >= 0]
        if mapped.size:
            new.delays.spike_log.append((step, mapped))
    _carry_history(new, old)
    new.refreeze()
    new.sources.carry_over(old.sources, _match_sources(new, old))


def _match_neurons(new: Run, old: Run) -> np.ndarray:
    """For each index of `old`, the index of the same neuron in `new` (-1: gone or other kind)."""
    old_to_new = np.full(old.n, -1, dtype=np.intp)
    for i, nid in enumerate(old.ids):
        j = new.index.get(nid)
        if j is not None and (i < old.n_cells) == (j < new.n_cells):
            old_to_new[i] = j
    return old_to_new


def _carried_input(new: Run, old: Run, old_to_new: np.ndarray) -> Due:
    """`old`'s input in flight in `new`'s indices, less what deleted synapses still carry."""
    due: Due = {}
    for step, parts in old.delays.in_flight(old.step_count).items():
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


def _taken_back(new: Run, old: Run, old_to_new: np.ndarray) -> dict[int, tuple[list, list]]:
    """Step → (cells, −weights) of the input still travelling on synapses the edit deleted."""
    k = old.step_count
    kept = set(new.arrays.syn_keys)
    a = old.arrays
    deleted = [(index, key) for index, key in enumerate(a.syn_keys) if key not in kept]
    taken: dict[int, tuple[list, list]] = {}
    if not deleted or not old.delays.spike_log:
        return taken
    spike_steps: dict[int, list[int]] = {}
    for step, indices in old.delays.spike_log:
        for i in indices.tolist():
            spike_steps.setdefault(i, []).append(step)
    weights, delays = old.delays.weights(), old.delays.delays()
    for index, key in deleted:
        target = int(old_to_new[a.syn_target[index]])
        if target < 0:
            continue  # the cell is gone too, and its input with it
        born = old.history.born.get(key)
        edits = old.history.edits.get(key, ())
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


def _carry_history(new: Run, old: Run) -> None:
    """When each synapse appeared, and what changed on it, as far back as input may travel."""
    k = new.step_count
    window = new.delays.spike_log.maxlen
    if not window:
        return
    old_index = {key: index for index, key in enumerate(old.arrays.syn_keys)}
    old_weights, old_delays = old.delays.weights(), old.delays.delays()
    new_weights, new_delays = new.delays.weights(), new.delays.delays()
    for index, key in enumerate(new.arrays.syn_keys):
        before = old_index.get(key)
        if before is None:
            new.history.born[key] = k
            continue
        born = old.history.born.get(key)
        if born is not None and born > k - window:
            new.history.born[key] = born
        edits = [edit for edit in old.history.edits.get(key, ()) if edit[0] > k - window]
        was = (float(old_weights[before]), int(old_delays[before]))
        if was != (float(new_weights[index]), int(new_delays[index])):
            edits.append((k, *was))
        if edits:
            new.history.edits[key] = edits


def _match_sources(new: Run, old: Run) -> np.ndarray:
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
