"""Plastic synapses across the engine's life: reset, live edits, carrying a run over an edit, and
what the Player tells the canvas. (That the learning itself is Brian2's: test_stdp_brian2.py.)"""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model.entities import Neuron, Stdp, Synapse
from neuron_sim.model.engines.spiking import SpikingEngine
from neuron_sim.model.network import Network
from neuron_sim.model.player import Player

RULE = Stdp(A_pre=0.4, A_post=-0.3, tau_pre_ms=10.0, tau_post_ms=15.0, w_min=0.0, w_max=12.0)


def paired() -> Network:
    """g's spikes reach n 2 ms before h makes n fire: g → n strengthens; n → m learns too."""
    network = Network(model="spiking")
    network.add_all(
        [Neuron("g", kind="generator", rate_hz=40.0), Neuron("h", kind="generator", rate_hz=40.0, start_ms=3.0),
         Neuron("n", drive_mV=5.0), Neuron("m", drive_mV=14.0)],
        [Synapse("g", "n", weight=3.0, delay_ms=1.0, plasticity=RULE),
         Synapse("h", "n", weight=20.0, delay_ms=0.0),
         Synapse("n", "m", weight=2.0, delay_ms=2.5, plasticity=RULE)])
    return network


def test_weights_learn_and_reset_returns_to_the_files():
    engine = SpikingEngine(paired())
    assert engine.learned_weights() == {("g", "n"): 3.0, ("n", "m"): 2.0}
    engine.run(2000, record=False)
    learned = engine.learned_weights()
    assert learned[("g", "n")] > 3.0 and learned[("n", "m")] != 2.0
    assert engine.weight_of(("g", "n")) == learned[("g", "n")]
    assert engine.weight_of(("h", "n")) == 20.0  # a fixed synapse keeps its weight
    engine.reset()
    assert engine.learned_weights() == {("g", "n"): 3.0, ("n", "m"): 2.0}


def test_no_plastic_synapse_means_no_plasticity_part():
    network = paired()
    for key in list(network.synapses):
        network.set_synapse_param(key, "plasticity", None)
    engine = SpikingEngine(network)
    assert engine.plasticity is None and engine.learned_weights() == {}


def test_a_weight_edit_applies_at_once_to_a_plastic_synapse():
    engine = SpikingEngine(paired())
    engine.run(500, record=False)
    assert engine.set_synapse_param(("g", "n"), "weight", 7.5)
    assert engine.learned_weights()[("g", "n")] == 7.5


def run_with_edit(edit) -> tuple[SpikingEngine, SpikingEngine]:
    """An engine run 700 + 1300 steps without the edit, and one rebuilt after 700 steps with it."""
    network = paired()
    reference = SpikingEngine(network)
    reference.run(700, record=False)
    edited = network.copy()
    edit(edited)
    rebuilt = SpikingEngine(edited)
    rebuilt.carry_over(reference)
    return reference, rebuilt


def test_an_unrelated_edit_carries_the_learning_over():
    reference, rebuilt = run_with_edit(lambda n: n.add_neuron(Neuron("extra", drive_mV=3.0)))
    assert rebuilt.learned_weights() == reference.learned_weights()
    _, ours = reference.run(1300, record=False)
    _, theirs = rebuilt.run(1300, record=False)
    assert rebuilt.learned_weights() == reference.learned_weights()
    names = lambda engine, spikes: sorted((k, engine.ids[i]) for k, i in spikes if engine.ids[i] != "extra")  # noqa: E731
    assert names(reference, ours) == names(rebuilt, theirs)


def test_a_deleted_plastic_synapse_takes_its_learning_and_spikes_with_it():
    reference, rebuilt = run_with_edit(lambda n: n.disconnect("n", "m"))
    assert rebuilt.learned_weights() == {("g", "n"): reference.learned_weights()[("g", "n")]}
    rebuilt.run(1300, record=False)  # spikes that were on their way along n → m arrive nowhere


def test_take_over_continues_alike():
    network = paired()
    source = SpikingEngine(network)
    source.run(650, record=False)
    copy = SpikingEngine(network.copy())
    copy.take_over(source)
    _, a = source.run(1000, record=False)
    _, b = copy.run(1000, record=False)
    assert a == b and source.learned_weights() == copy.learned_weights()


def test_a_delay_edit_keeps_spikes_in_flight_and_may_bring_two_together():
    """Spikes sent before a delay edit keep their arrival step; with the shorter delay a later
    spike arrives in the same step as an earlier one, and both add their weight."""
    network = Network(model="spiking")
    network.add_all([Neuron("g", kind="generator", rate_hz=1000.0), Neuron("n", tau_ms=10.0)],
                    [Synapse("g", "n", weight=1.0, delay_ms=3.0,
                             plasticity=Stdp(A_pre=0.5, A_post=0.0, w_max=100.0))])
    engine = SpikingEngine(network)
    engine.run(25, record=False)  # g fires every 10 steps: 0, 10, 20 are on their way (30 steps)
    edited = network.copy()
    edited.set_synapse_param(("g", "n"), "delay_ms", 1.0)
    rebuilt = SpikingEngine(edited)
    rebuilt.carry_over(engine)
    rows, _ = rebuilt.run(30, record=True)  # steps 25 … 54
    # arrivals: 0 → 30; 10 and 30 (now 10 steps) → 40; 20 and 40 → 50; each adds w = 1 mV to n,
    # which never fires, so w stays 1 (it changes only by apost, and A_post = 0)
    arrivals = {30: 1, 40: 2, 50: 2}
    decay = np.exp(-(0.1e-3) / (10.0e-3))
    v = float(engine.v[engine.index["n"]])
    expected = []
    for k in range(25, 55):
        v = -70.0 + (v + 70.0) * decay + arrivals.get(k, 0)
        expected.append(v)
    assert np.allclose(rows[:, rebuilt.index["n"]], expected, rtol=0, atol=1e-9)
    assert rebuilt.learned_weights()[("g", "n")] == 1.0
    # and each arrival added A_pre to the trace: at the last one (step 50) apre is their decayed sum
    expected_apre = sum(0.5 * np.exp(-(50 - step) * 0.1 / 20.0) for step in (30, 40, 40, 50, 50))
    assert rebuilt.plasticity.apre[0] == pytest.approx(expected_apre, abs=1e-12)


def test_the_player_reports_learned_weights():
    player = Player(paired())
    assert player.learned_weights() == {("g", "n"): 3.0, ("n", "m"): 2.0}
    for _ in range(40):
        player.advance(0.05)
    learned = player.learned_weights()
    assert learned[("g", "n")] > 3.0
    assert player.network.synapse(("g", "n")).weight == 3.0  # the file's weight stays where it started
    player.network.add_neuron(Neuron("extra"))  # a structural edit rebuilds the engine
    assert player.learned_weights() == learned
    player.reset()
    assert player.learned_weights() == {("g", "n"): 3.0, ("n", "m"): 2.0}
