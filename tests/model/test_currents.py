"""Current synapses, current sources, adaptation and bounds: parameters, files, edits and runs.

The dynamics are checked against Brian2 in test_currents_brian2.py. Here: what the model accepts
and refuses, what a file keeps, and that a run goes on across an edit or a copy as an uninterrupted
run does (the oracle is that uninterrupted run).
"""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model.entities import ModelError, Neuron, Stdp, Synapse
from neuron_sim.model.fileformat import from_dict, to_dict
from neuron_sim.model.network import Network
from neuron_sim.model.engines.build import build_engine
from neuron_sim.model.engines.spiking import SpikingEngine


def circuit(delay_ms: float = 3.0) -> Network:
    """Every feature at once, with input always in flight: a regular and a Poisson generator feed
    an adapting cell through exp and alpha synapses; a dc and an ac source; a delta relay."""
    network = Network(model="spiking", dt_ms=0.1)
    network.add_all(
        [Neuron("g", kind="generator", rate_hz=140.0, start_ms=0.3),
         Neuron("p", kind="generator", pattern="poisson", rate_hz=300.0, seed=7),
         Neuron("dc", kind="generator", pattern="dc"),
         Neuron("ac", kind="generator", pattern="ac", frequency_hz=30.0),
         Neuron("a", refractory_ms=2.0, tau_ms=12.0, adaptation=0.3, tau_adaptation_ms=80.0),
         Neuron("b", refractory_ms=3.5, v_reset_mV=-72.0, v_min_mV=-75.0),
         Neuron("c", drive_mV=10.0)],
        [Synapse("g", "a", weight=60.0, delay_ms=delay_ms, kind="current_exp", tau_syn_ms=3.0),
         Synapse("p", "a", weight=20.0, delay_ms=delay_ms / 2, kind="current_alpha", tau_syn_ms=1.0),
         Synapse("a", "b", weight=120.0, delay_ms=delay_ms, kind="current_alpha", tau_syn_ms=2.0),
         Synapse("a", "c", weight=4.0, delay_ms=delay_ms),
         Synapse("dc", "b", weight=5.0), Synapse("ac", "c", weight=10.0)])
    return network


def copy_of(network: Network) -> Network:
    return from_dict(to_dict(network))


# ---- the model ---------------------------------------------------------------------------------
def test_only_delta_synapses_learn():
    with pytest.raises(ModelError, match="only delta synapses can learn"):
        Synapse("a", "b", kind="current_exp", plasticity=Stdp())
    network = circuit()
    network.set_synapse_param(("a", "c"), "plasticity", Stdp())
    with pytest.raises(ModelError, match="a current_alpha synapse; only delta synapses can learn"):
        network.set_synapse_param(("a", "c"), "kind", "current_alpha")
    with pytest.raises(ModelError, match="only delta synapses can learn"):
        network.set_synapse_param(("g", "a"), "plasticity", Stdp())
    with pytest.raises(ModelError, match="only delta synapses can learn"):
        network.set_many([("synapse", ("a", "c"), "kind", "current_exp")])
    assert network.synapse(("a", "c")).kind == "delta" and network.synapse(("g", "a")).plasticity is None
    # both at once, as one edit: a synapse that stops learning may become a current synapse
    network.set_many([("synapse", ("a", "c"), "plasticity", None), ("synapse", ("a", "c"), "kind", "current_exp")])
    assert network.synapse(("a", "c")).kind == "current_exp"


@pytest.mark.parametrize(("name", "value"), [("kind", "current"), ("tau_syn_ms", 0.0), ("tau_syn_ms", -1.0)])
def test_bad_synapse_values_are_refused(name, value):
    with pytest.raises(ModelError):
        Synapse("a", "b", **{name: value})


@pytest.mark.parametrize(("name", "value"), [("adaptation", -0.1), ("tau_adaptation_ms", 0.0),
                                             ("v_min_mV", "low"), ("pattern", "sine"), ("frequency_hz", -1.0)])
def test_bad_neuron_values_are_refused(name, value):
    with pytest.raises(ModelError):
        Neuron("n", **{name: value})


def test_a_file_keeps_every_new_field_and_an_old_file_loads_with_the_defaults():
    network = circuit()
    data = to_dict(network)
    again = from_dict(data)
    assert again == network
    entries = {(s["source"], s["target"]): s for s in data["synapses"]}
    assert entries[("p", "a")]["kind"] == "current_alpha" and entries[("p", "a")]["tau_syn_ms"] == 1
    assert "kind" not in entries[("a", "c")]  # a delta synapse's file is as before
    neurons = {n["id"]: n for n in data["neurons"]}
    assert neurons["ac"]["pattern"] == "ac" and neurons["ac"]["frequency_hz"] == 30
    assert neurons["a"]["adaptation"] == 0.3 and neurons["b"]["v_min_mV"] == -75
    assert "adaptation" not in neurons["c"] and "v_max_mV" not in neurons["b"]
    old = from_dict({"format": "neuron-sim", "version": 1, "model": "spiking",
                     "neurons": [{"id": "n"}, {"id": "g", "kind": "generator"}],
                     "synapses": [{"source": "g", "target": "n", "weight": 3}]})
    assert old.synapse(("g", "n")).kind == "delta" and old.neuron("n").adaptation == 0.0
    assert old.neuron("n").v_min_mV is None and old.neuron("g").pattern == "regular"


def test_a_network_without_currents_runs_the_delta_step():
    network = circuit()
    for key in [k for k, s in network.synapses.items() if s.kind != "delta"]:
        network.set_synapse_param(key, "kind", "delta")
    network.remove_neuron("dc")
    network.remove_neuron("ac")
    for nid in ("a", "b"):
        network.set_neuron_param(nid, "adaptation", 0.0)
        network.set_neuron_param(nid, "v_min_mV", None)
    assert SpikingEngine(network).currents is None
    assert SpikingEngine(circuit()).currents is not None


def test_the_rate_model_ignores_the_kind_of_a_synapse():
    def xor_like(kind: str) -> Network:
        network = Network(model="rate")
        network.add_all([Neuron("x", kind="input", value=1.0), Neuron("y", activation="sigmoid")],
                        [Synapse("x", "y", weight=2.0, kind=kind, tau_syn_ms=7.0)])
        return network

    outputs = []
    for kind in ("delta", "current_alpha"):
        engine = build_engine(xor_like(kind))
        engine.settle()
        outputs.append(engine.output_of("y"))
    assert outputs[0] == outputs[1] == pytest.approx(1 / (1 + np.exp(-2.0)))


# ---- runs ---------------------------------------------------------------------------------------
def run(engine: SpikingEngine, steps: int):
    rows, spikes = engine.run(steps)
    return rows, sorted(spikes)


@pytest.mark.parametrize("delay_ms", [3.0, 600.0])  # a ring buffer; a sparse queue (> 4096 steps)
def test_a_continued_engine_runs_as_the_uninterrupted_run(delay_ms):
    network = circuit(delay_ms)
    before, after = 1337, 3 * round(delay_ms / 0.1) + 500
    rows, spikes = run(SpikingEngine(network), before + after)
    first = SpikingEngine(network)
    first.run(before)
    second = SpikingEngine(copy_of(network))
    second.continue_from(first)
    assert second.currents.delays.sparse == (delay_ms > 400)
    later_rows, later_spikes = run(second, after)
    assert later_spikes == [(k, i) for k, i in spikes if k >= before]
    assert np.array_equal(later_rows, rows[before:])
    b = first.index["b"]
    assert any(i == b for _, i in later_spikes)  # input sent before the copy arrived after it


@pytest.mark.parametrize("edit", ["add a neuron", "delete the delta synapse", "move a cell"])
def test_what_an_edit_does_not_touch_runs_on_as_if_there_had_been_no_edit(edit):
    network = circuit()
    before, after = 1337, 3000
    straight = SpikingEngine(network)
    rows, spikes = run(straight, before + after)
    old = SpikingEngine(network)
    old.run(before)
    edited = copy_of(network)
    if edit == "add a neuron":
        edited.add_neuron(Neuron("z", drive_mV=25.0), index=0)  # first: every index moves
    elif edit == "delete the delta synapse":
        edited.disconnect("a", "c")
    else:
        edited.set_neuron_param("b", "position", (50.0, 50.0))
    engine = SpikingEngine(edited)
    engine.carry_over(old)
    later_rows, later_spikes = run(engine, after)
    for nid in ("a", "b"):  # untouched by every edit
        i, j = straight.index[nid], engine.index[nid]
        assert [k for k, x in later_spikes if x == j] == [k for k, x in spikes if x == i and k >= before], nid
        assert np.array_equal(later_rows[:, j], rows[before:, i]), nid
    assert any(x == engine.index["b"] for _, x in later_spikes)


def test_a_deleted_current_synapse_takes_its_input_with_it():
    network = circuit()
    old = SpikingEngine(network)
    old.run(1337)
    assert old.currents.synaptic_input()[old.index["b"]] != 0.0 or old.currents.delays.in_flight(1337)
    edited = copy_of(network)
    edited.disconnect("a", "b")
    engine = SpikingEngine(edited)
    engine.carry_over(old)
    assert engine.currents.synaptic_input()[engine.index["b"]] == 0.0
    assert not engine.currents.delays.in_flight(engine.step_count)
    engine.run(100)


def test_adaptation_carries_over_an_edit():
    network = circuit()
    old = SpikingEngine(network)
    old.run(1500)
    g = old.currents.g[old.index["a"]]
    assert g > 0
    edited = copy_of(network)
    edited.set_neuron_param("a", "tau_adaptation_ms", 40.0)
    engine = SpikingEngine(edited)
    engine.carry_over(old)
    assert engine.currents.g[engine.index["a"]] == g


def test_a_live_weight_edit_applies_to_spikes_sent_from_then_on():
    network = circuit()
    edited = copy_of(network)
    for key, weight in ((("g", "a"), 30.0), (("p", "a"), 35.0), (("dc", "b"), -2.0)):
        edited.set_synapse_param(key, "weight", weight)
    oracle = run(SpikingEngine(edited), 2000)
    engine = SpikingEngine(network)  # edited before the first step: as if built with those weights
    for key, weight in ((("g", "a"), 30.0), (("p", "a"), 35.0), (("dc", "b"), -2.0)):
        assert engine.set_synapse_param(key, "weight", weight)
        assert engine.weight_of(key) == weight
    result = run(engine, 2000)
    assert result[1] == oracle[1]
    assert np.array_equal(result[0], oracle[0])


def test_current_sources_never_spike_and_draw_no_pulses():
    network = circuit()
    engine = SpikingEngine(network)
    sources = {engine.index["dc"], engine.index["ac"]}
    for _ in range(1000):
        engine.advance_stage()
        assert not sources & set(engine.spiked.tolist())
        assert not {key for key in engine.pulses().keys if key[0] in ("dc", "ac")}


def test_the_f_i_curve_of_an_adapting_cell_is_lower():
    from neuron_sim.model.analysis import fi_curve

    drives = [20.0, 30.0, 40.0]
    plain = fi_curve(Neuron("n"), drives)
    adapting = fi_curve(Neuron("n", adaptation=0.5, tau_adaptation_ms=100.0), drives)
    assert np.all(plain > 0) and np.all(adapting < 0.8 * plain)


def test_edits_while_playing_go_into_the_engine_or_rebuild_it_keeping_the_run():
    """A weight goes into the running engine; a new kind or bound rebuilds it, the run (time,
    adaptation) carries over, and the new bound holds from the edit on."""
    from neuron_sim.model.player import Player

    network = circuit()
    player = Player(network)
    player.advance_stages(1000)
    engine = player.engine
    g_before = engine.currents.g[engine.index["a"]]
    assert g_before > 0
    network.set_synapse_param(("g", "a"), "weight", 45.0)  # a current synapse's weight: in place
    network.set_synapse_param(("ac", "c"), "weight", 4.0)  # a current source's: in place
    assert player.engine is engine
    network.set_synapse_param(("a", "c"), "kind", "current_exp")  # a new kind: a new engine, same run
    assert player.engine is not engine and player.engine.step_count == 1000
    assert player.engine.currents.g[player.engine.index["a"]] == g_before
    network.set_neuron_param("b", "v_max_mV", -60.0)
    player.advance_stages(2000)
    b = player.recorder.values("b")
    assert b[:1000].max() > -60.0 and b[1000:].max() <= -60.0  # the bound holds from the edit on
    assert player.engine.step_count == 3000
