"""A spiking run goes on through an edit: the engine rebuilt for the edited network continues
the old one's state by neuron id and synapse key (`carry_over`), input in flight included.

Oracles: an uninterrupted run of the network without the edit (for everything the edit does not
touch: spike for spike and bitwise the same potentials), and, for what it does touch, an
uninterrupted run whose weights are switched live at the steps that make the same input arrive
(a weight is read when a spike is sent, so a weight of 0 from step s on means nothing sent from s
on arrives).
"""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model.entities import Neuron, Synapse
from neuron_sim.model.fileformat import from_dict, to_dict
from neuron_sim.model.network import Network
from neuron_sim.model.engines.spiking import SpikingEngine

DT = 0.1
RING, SPARSE = 3.0, 600.0  # ms: 30 steps wait in a ring buffer; 6,000 (> 4,096) in a sparse queue


def circuit(delay_ms: float) -> Network:
    """A regular and a Poisson generator drive cell a, which relays to b; u listens to both
    generators. Every synapse is slow, so input is always in flight; the cells are refractory."""
    network = Network(model="spiking", dt_ms=DT)
    network.add_all(
        [Neuron("g", kind="generator", rate_hz=140.0, start_ms=0.3),
         Neuron("p", kind="generator", pattern="poisson", rate_hz=300.0, seed=7),
         Neuron("a", refractory_ms=2.0, tau_ms=12.0),
         Neuron("b", refractory_ms=3.5, v_reset_mV=-72.0),
         Neuron("u", refractory_ms=1.0, tau_ms=15.0)],
        [Synapse("g", "a", weight=9.0, delay_ms=delay_ms), Synapse("p", "a", weight=4.0, delay_ms=delay_ms / 2),
         Synapse("a", "b", weight=16.0, delay_ms=delay_ms),
         Synapse("g", "u", weight=6.0, delay_ms=delay_ms), Synapse("p", "u", weight=5.5, delay_ms=delay_ms)])
    return network


def copy_of(network: Network) -> Network:
    return from_dict(to_dict(network))


def steps(delay_ms: float) -> int:
    return round(delay_ms / DT)


def run(engine: SpikingEngine, count: int, edits: dict[int, list] | None = None):
    """(v rows by id, spike steps by id) of `count` steps; `edits[step]` = live weight edits."""
    rows = {nid: [] for nid in engine.ids[:engine.n_cells]}
    spikes = {nid: [] for nid in engine.ids}
    for _ in range(count):
        for key, weight in (edits or {}).get(engine.step_count, ()):
            assert engine.set_synapse_param(key, "weight", weight)
        k = engine.step_count
        for i in engine.step().tolist():
            spikes[engine.ids[i]].append(k)
        for nid, values in rows.items():
            values.append(engine.v[engine.index[nid]])
    return {nid: np.array(values) for nid, values in rows.items()}, spikes


def rebuilt(network: Network, old: SpikingEngine) -> SpikingEngine:
    engine = SpikingEngine(network)
    engine.carry_over(old)
    return engine


def assert_same(ids, result, oracle, exact=True):
    rows, spikes = result
    oracle_rows, oracle_spikes = oracle
    for nid in ids:
        assert spikes[nid] == oracle_spikes[nid], nid
        if nid in rows:
            if exact:
                assert np.array_equal(rows[nid], oracle_rows[nid]), nid
            else:
                np.testing.assert_allclose(rows[nid], oracle_rows[nid], rtol=0, atol=1e-9, err_msg=nid)


def tail(result, start: int):
    rows, spikes = result
    return ({nid: values[start:] for nid, values in rows.items()},
            {nid: [k for k in found if k >= start] for nid, found in spikes.items()})


@pytest.mark.parametrize("delay_ms", [RING, SPARSE])
@pytest.mark.parametrize("edit", ["add a neuron", "add a generator and a synapse", "delete a synapse",
                                  "delete a neuron", "change an unrelated delay"])
def test_what_an_edit_does_not_touch_runs_on_as_if_there_had_been_no_edit(delay_ms, edit):
    network = circuit(delay_ms)
    before, after = 137, 3 * steps(delay_ms) + 500
    oracle = tail(run(SpikingEngine(network), before + after), before)

    old = SpikingEngine(network)
    run(old, before)
    edited = copy_of(network)
    if edit == "add a neuron":
        edited.add_neuron(Neuron("z", drive_mV=25.0), index=0)  # first: every index moves
    elif edit == "add a generator and a synapse":
        edited.add_neuron(Neuron("q", kind="generator", pattern="poisson", rate_hz=500.0, seed=3))
        edited.connect(Synapse("q", "u", weight=3.0, delay_ms=delay_ms))
    elif edit == "delete a synapse":
        edited.disconnect("p", "u")
    elif edit == "delete a neuron":
        edited.remove_neuron("u")
    else:
        edited.set_synapse_param(("g", "u"), "delay_ms", delay_ms / 3)
    engine = rebuilt(edited, old)
    assert engine.delays.sparse == (delay_ms == SPARSE)
    result = run(engine, after)

    assert_same(["g", "p", "a", "b"], result, oracle)
    assert result[1]["b"]  # the relay relayed: input sent before the edit arrived after it
    if edit == "add a neuron":
        assert result[1]["z"]  # the new neuron runs too


@pytest.mark.parametrize("delay_ms", [RING, SPARSE])
def test_input_in_flight_on_a_deleted_synapse_is_dropped_and_nothing_else(delay_ms):
    """Oracle: p → u's weight is 0 for every spike sent from one delay before the deletion on."""
    network = circuit(delay_ms)
    before, after, d = 2 * steps(delay_ms) + 37, 2 * steps(delay_ms) + 400, steps(delay_ms)
    oracle = tail(run(SpikingEngine(network), before + after, {before - d: [(("p", "u"), 0.0)]}), before)
    old = SpikingEngine(network)
    run(old, before)
    edited = copy_of(network)
    edited.disconnect("p", "u")
    result = run(rebuilt(edited, old), after)
    assert_same(["u"], result, oracle, exact=False)  # u's sums lose p's part by a subtraction
    assert_same(["g", "p", "a", "b"], result, oracle)
    unchanged = tail(run(SpikingEngine(network), before + after), before)
    assert not np.allclose(result[0]["u"], unchanged[0]["u"])  # there was input to drop


@pytest.mark.parametrize("delay_ms", [RING, SPARSE])
@pytest.mark.parametrize("unrelated_edit_between", [False, True])
def test_a_deleted_synapse_takes_back_its_input_as_it_was_sent(delay_ms, unrelated_edit_between):
    """The weight of p → u changes while its input travels, then it is deleted: the input sent
    before the change is taken back with the old weight, the rest with the new one. Oracle: the
    same weight change, then 0 for every spike sent from one delay before the deletion on."""
    network = circuit(delay_ms)
    d = steps(delay_ms)
    change, delete, after = 2 * d + 11, 2 * d + 11 + d // 2, 2 * d + 400
    # nothing sent from one delay before the deletion on arrives (that is before the change)
    oracle = tail(run(SpikingEngine(network), delete + after, {delete - d: [(("p", "u"), 0.0)]}), delete)

    engine = SpikingEngine(network)
    run(engine, change)
    assert engine.set_synapse_param(("p", "u"), "weight", -20.0)
    edited = copy_of(network)
    edited.set_synapse_param(("p", "u"), "weight", -20.0)
    if unrelated_edit_between:
        run(engine, 3)
        edited.add_neuron(Neuron("z"))
        engine = rebuilt(edited, engine)
        run(engine, delete - change - 3)
    else:
        run(engine, delete - change)
    edited.disconnect("p", "u")
    result = run(rebuilt(edited, engine), after)
    assert_same(["u"], result, oracle, exact=False)
    assert_same(["g", "p", "a", "b"], result, oracle)


@pytest.mark.parametrize("delays", [(RING, RING / 6), (RING / 6, RING), (RING, SPARSE), (SPARSE, RING)])
def test_a_changed_delay_applies_to_spikes_sent_from_now_on(delays):
    """Input already on its way keeps its remaining time, as the pulse drawn on the axon does.
    Oracle: two twin generators, one with each delay, switched by weight at the edit."""
    first, second = delays
    network = circuit(first)
    edit = max(steps(first), steps(second)) + 77
    after = 2 * max(steps(first), steps(second)) + 300
    twins = copy_of(network)
    twins.add_neuron(Neuron("g2", kind="generator", rate_hz=140.0, start_ms=0.3))
    twins.connect(Synapse("g2", "a", weight=0.0, delay_ms=second))
    switch = {edit: [(("g", "a"), 0.0), (("g2", "a"), 9.0)]}
    oracle = tail(run(SpikingEngine(twins), edit + after, switch), edit)

    old = SpikingEngine(network)
    run(old, edit)
    edited = copy_of(network)
    edited.set_synapse_param(("g", "a"), "delay_ms", second)
    engine = rebuilt(edited, old)
    result = run(engine, after)
    # the twin's sums hold an extra + 0.0, which changes nothing: bitwise equal
    assert_same(["g", "p", "a", "b", "u"], result, oracle)
    assert engine.delays.sparse == (SPARSE in delays)  # a ring would not reach the input still due


def test_a_changed_then_deleted_synapse_takes_back_its_input_with_the_delay_it_was_sent_with():
    d_old, d_new = steps(RING), steps(RING / 3)
    change, delete = 150, 160  # g spiked at step 146: that input is due at 176, not 156
    network = circuit(RING)
    twins = copy_of(network)
    twins.add_neuron(Neuron("g2", kind="generator", rate_hz=140.0, start_ms=0.3))
    twins.connect(Synapse("g2", "a", weight=0.0, delay_ms=RING / 3))
    switch = {delete - d_old: [(("g", "a"), 0.0)],  # in flight at the deletion: sent from here
              change: [(("g2", "a"), 9.0)], delete - d_new: [(("g2", "a"), 0.0)]}
    oracle = tail(run(SpikingEngine(twins), delete + 500, switch), delete)

    engine = SpikingEngine(network)
    run(engine, change)
    edited = copy_of(network)
    edited.set_synapse_param(("g", "a"), "delay_ms", RING / 3)
    engine = rebuilt(edited, engine)
    run(engine, delete - change)
    edited.disconnect("g", "a")
    result = run(rebuilt(edited, engine), 500)
    assert_same(["a"], result, oracle, exact=False)
    assert_same(["g", "p", "u"], result, oracle)


@pytest.mark.parametrize("delay_ms", [RING, SPARSE])
def test_a_synapse_added_and_deleted_again_takes_back_only_what_it_carried(delay_ms):
    """p → b appears while p's earlier spikes travel to a and u, and goes before anything it
    carries arrives: b is as if it had never been there (those earlier spikes never went to b)."""
    network = circuit(delay_ms)
    add, delete, after = 2 * steps(delay_ms) + 40, 2 * steps(delay_ms) + 40 + steps(delay_ms) // 2, 1000
    oracle = tail(run(SpikingEngine(network), delete + after), delete)
    engine = SpikingEngine(network)
    run(engine, add)
    edited = copy_of(network)
    edited.connect(Synapse("p", "b", weight=30.0, delay_ms=delay_ms))
    engine = rebuilt(edited, engine)
    run(engine, delete - add)
    edited.disconnect("p", "b")
    result = run(rebuilt(edited, engine), after)
    assert_same(["b"], result, oracle, exact=False)
    assert_same(["g", "p", "a", "u"], result, oracle)


def test_a_generator_added_while_running_fires_at_once_as_one_that_starts_then():
    """A new Poisson generator draws its share of the block of steps already drawn for the others
    (else it would stay silent up to 1,024 steps); oracle: an engine of it alone, moved to that step."""
    network = circuit(RING)
    old = SpikingEngine(network)
    run(old, 300)
    edited = copy_of(network)
    edited.add_neuron(Neuron("q", kind="generator", pattern="poisson", rate_hz=400.0, seed=11))
    _, spikes = run(rebuilt(edited, old), 500)
    alone = Network(model="spiking", dt_ms=DT)
    alone.add_neuron(Neuron("q", kind="generator", pattern="poisson", rate_hz=400.0, seed=11))
    engine = SpikingEngine(alone)
    engine.restore_state({}, {}, 300)
    _, expected = run(engine, 500)
    assert spikes["q"] == expected["q"] and 300 <= spikes["q"][0] < 400


def test_a_generator_whose_rate_changed_starts_its_new_schedule_and_the_others_go_on():
    network = circuit(RING)
    oracle = tail(run(SpikingEngine(network), 900), 300)
    old = SpikingEngine(network)
    run(old, 300)
    edited = copy_of(network)
    edited.set_neuron_param("g", "rate_hz", 50.0)
    _, spikes = run(rebuilt(edited, old), 600)
    assert spikes["p"] == oracle[1]["p"]
    period = round(1000.0 / 50.0 / DT)  # from its start, 0.3 ms, as if it had always had that rate
    assert spikes["g"] == [k for k in range(3, 900, period) if k >= 300]


def test_a_rebuilt_engine_reaches_input_due_after_its_longest_delay_and_can_be_copied():
    """Every delay shortened from 30 steps to 5: input already sent is due up to 30 steps ahead,
    beyond a ring sized for 5, so the buffers grow to reach it. An export copy
    (`continue_from`) of the rebuilt engine still spikes alike. Oracle: twin generators."""
    def relay(delay_ms: float, twin: bool) -> Network:
        network = Network(model="spiking", dt_ms=DT)
        network.add_all([Neuron("g", kind="generator", rate_hz=140.0, start_ms=0.3), Neuron("a", tau_ms=12.0)],
                        [Synapse("g", "a", weight=9.0, delay_ms=delay_ms)])
        if twin:
            network.add_neuron(Neuron("g2", kind="generator", rate_hz=140.0, start_ms=0.3))
            network.connect(Synapse("g2", "a", weight=0.0, delay_ms=RING / 6))
        return network

    edit = 75  # g spiked at step 74: its input is due at step 104
    switch = {edit: [(("g", "a"), 0.0), (("g2", "a"), 9.0)]}
    oracle = tail(run(SpikingEngine(relay(RING, twin=True)), edit + 700, switch), edit)
    old = SpikingEngine(relay(RING, twin=False))
    run(old, edit)
    engine = rebuilt(relay(RING / 6, twin=False), old)
    assert engine.delays.max_delay >= 104 - edit and not engine.delays.sparse
    copy = SpikingEngine(relay(RING / 6, twin=False))
    copy.continue_from(engine)
    assert_same(["g", "a"], run(engine, 700), oracle)
    assert_same(["g", "a"], run(copy, 700), oracle)
