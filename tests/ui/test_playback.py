"""Playback on the canvas: what lights up, what travels, and edits while playing."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.fileformat import save

from .canvas_helpers import click


@pytest.fixture
def and_gate(tmp_path):
    network = Network(name="AND")
    network.add_neuron(Neuron("x1", kind="input", position=(0, 0), value=1))
    network.add_neuron(Neuron("x2", kind="input", position=(0, 140), value=0))
    network.add_neuron(Neuron("y", position=(260, 70), activation="step", threshold=1.5))
    network.connect(Synapse("x1", "y"))
    network.connect(Synapse("x2", "y"))
    path = tmp_path / "and.json"
    save(network, path)
    return path


def play_one_pass(window):
    playback = window.playback
    start = playback.engine.tick
    while playback.engine.tick == start:
        playback.advance(0.1)


@pytest.mark.parametrize("x1, x2, lit", [(0, 0, False), (1, 0, False), (0, 1, False), (1, 1, True)])
def test_and_gate_lights_the_output_only_when_both_inputs_are_on(window, and_gate, x1, x2, lit):
    window.files.open(and_gate)
    window.network.set_neuron_param("x1", "value", float(x1))
    window.network.set_neuron_param("x2", "value", float(x2))
    window.playback.play()
    play_one_pass(window)
    window.playback.pause()
    item = window.scene.neuron_items["y"]
    assert item.activity == (1.0 if lit else 0.0)
    assert item.value_text == ("a = 1" if lit else "a = 0")


def test_pulses_travel_during_a_phase_with_strength_w_times_a(window, and_gate):
    window.files.open(and_gate)
    playback = window.playback
    playback.advance(0.3)  # part of the way through the only layer
    keys, progress, strength = playback.pulses()
    assert keys == [("x1", "y")]  # x2 is 0: no signal travels on its axon
    assert 0 < progress[0] < 1 and strength[0] == 1.0
    layer = window.playback_controls.animator.pulse_layer
    assert len(layer.positions) == 1
    expected = window.scene.synapse_layer.layout_.control[window.scene.synapse_layer._index[("x1", "y")]]
    # the pulse lies on the synapse's curve
    from neuron_sim.model import geometry

    assert np.allclose(layer.positions[0], geometry.point_on_curves(expected[None], progress[0])[0])


def test_toggling_an_input_while_playing_changes_the_output_at_the_next_pass(qtbot, window, and_gate):
    window.files.open(and_gate)
    window.view.reset_zoom()
    window.view.centerOn(130, 70)
    playback = window.playback
    playback.play()
    qtbot.wait(50)  # the trace dock opens on the first play: let the layout settle
    window.view.centerOn(130, 70)
    play_one_pass(window)
    assert window.scene.neuron_items["y"].activity == 0.0
    click(qtbot, window, 0, 140)  # switch x2 on, by mouse, while playing
    qtbot.waitUntil(lambda: window.network.neuron("x2").value == 1.0, timeout=3000)
    assert playback.playing
    play_one_pass(window)
    assert window.scene.neuron_items["y"].activity == 1.0
    playback.pause()


def test_deleting_and_adding_neurons_while_playing_keeps_running(window, and_gate):
    window.files.open(and_gate)
    playback = window.playback
    playback.play()
    play_one_pass(window)
    window.scene.select(["x2"])
    window.edit.delete_action.trigger()
    playback.advance(0.5)
    window.edit.add_layer_with(2, "neuron", "sigmoid")
    playback.advance(0.5)
    window.undo_action.trigger()
    window.undo_action.trigger()
    play_one_pass(window)
    assert playback.engine is not None and playback.playing
    assert set(playback.engine.ids) == {"x1", "x2", "y"}
    playback.pause()


def test_a_loop_in_feedforward_is_reported_and_synchronous_runs_it(window, and_gate):
    window.files.open(and_gate)
    window.network.add_neuron(Neuron("z", position=(400, 70), activation="step", threshold=0.5))
    window.network.connect(Synapse("y", "z"))
    window.network.connect(Synapse("z", "y"))
    assert window.playback.engine is None
    assert not window.playback_controls.play_action.isEnabled()
    assert "loop" in window.playback_controls.time_label.text()
    window.update_actions["synchronous"].trigger()
    assert window.playback.engine is not None
    window.playback.step()
    assert window.playback.engine.tick == 1


def test_reset_returns_to_rest(window, and_gate):
    window.files.open(and_gate)
    window.network.set_neuron_param("x2", "value", 1.0)
    window.playback.step()
    assert window.scene.neuron_items["y"].activity == 1.0
    window.playback_controls.reset_action.trigger()
    assert window.playback.engine.tick == 0
    assert window.scene.neuron_items["y"].activity == 1.0  # feedforward: always the network's output
    window.update_actions["synchronous"].trigger()
    window.playback.step()
    window.playback_controls.reset_action.trigger()
    assert window.scene.neuron_items["y"].activity == 0.0  # synchronous: back to rest
    assert window.playback.engine.tick == 0


def test_play_action_toggles_and_timer_stops_on_close(window, and_gate):
    window.files.open(and_gate)
    window.playback_controls.play_action.trigger()
    assert window.playback.playing
    assert window.playback_controls.play_action.text() == "Pause"
    window.playback_controls.play_action.trigger()
    assert not window.playback.playing
    window.playback.play()
    window.close()
    assert not window.playback.playing


def test_spiking_chain_pulse_arrives_after_the_delay_and_the_trace_has_the_models_spike_times(window):
    from neuron_sim.model.fileformat import load
    from neuron_sim.model.simulate import simulate
    from neuron_sim.resources_path import examples_dir

    path = examples_dir() / "spiking-chain.json"
    window.files.open(path)
    playback = window.playback
    engine = playback.engine
    while engine.t_ms < 17.0:  # n1 spiked at 13.1 ms; its pulse is half way to n2
        playback.advance(0.02)
    keys, progress, strength = playback.pulses()
    on_axon = dict(zip(keys, progress))
    assert ("n1", "n2") in on_axon
    assert on_axon[("n1", "n2")] == pytest.approx((engine.t_ms - 13.1) / 8.0, abs=0.02)
    assert window.scene.neuron_items["n2"].activity < 0.05  # nothing has arrived yet
    while engine.t_ms < 30.0:
        playback.advance(0.05)
    expected = simulate(load(path), steps=300).spikes
    for nid in ("n1", "n2", "n3"):
        assert playback.recorder.spike_times(nid).tolist() == pytest.approx(expected[nid][:1])
    assert ("n1", "n2") not in dict(zip(*playback.pulses()[:2]))  # delivered, so gone


def test_spiking_soma_fills_toward_threshold_and_flashes(window):
    network = Network(model="spiking")
    network.add_neuron(Neuron("n", position=(0, 0), drive_mV=20.0))
    window.document.replace(network)
    playback = window.playback
    item = window.scene.neuron_items["n"]
    levels = []
    fired_seen = False
    for _ in range(120):
        playback.advance(0.05)  # 1 ms of simulated time per call at speed 1
        levels.append(item.activity)
        fired_seen |= item.fired
    assert item.spiking
    assert max(levels) > 0.9 and fired_seen
    assert len(playback.recorder.spike_times("n")) >= 1


def test_instruments_are_docked_and_trace_opens_on_first_play(window, and_gate):
    window.files.open(and_gate)
    instruments = window.instruments
    assert instruments.panel_dock.isVisible()
    assert not instruments.trace_dock.isVisible()
    window.scene.select(["y"])
    assert instruments.panel._neuron_ids == ["y"]
    window.playback.play()
    assert instruments.trace_dock.isVisible()
    window.playback.pause()


def relay_with_a_bystander() -> Network:
    """g fires every 25 ms; each spike makes a fire 8 ms later and b 8 ms after that. The
    bystander x → z has nothing to do with them."""
    network = Network(model="spiking")
    network.add_all(
        [Neuron("g", kind="generator", rate_hz=40.0, start_ms=2.0, position=(0, 0)),
         Neuron("a", position=(200, 0)), Neuron("b", position=(400, 0)),
         Neuron("x", kind="generator", pattern="poisson", rate_hz=200.0, seed=5, position=(0, 200)),
         Neuron("z", position=(200, 200))],
        [Synapse("g", "a", weight=30.0, delay_ms=8.0), Synapse("a", "b", weight=30.0, delay_ms=8.0),
         Synapse("x", "z", weight=2.0, delay_ms=8.0)])
    return network


@pytest.mark.parametrize("edit", ["add a neuron", "delete the bystander's synapse", "lengthen a delay"])
def test_an_edit_while_playing_does_not_lose_the_spikes_travelling_on_the_axons(window, edit):
    """Edited at 14 ms, while a's first spike (at 10.1 ms) is on its way to b: b still fires
    8 ms after it, when the pulse drawn on the axon arrives, and the run goes on as without the edit.
    Oracle: the model's own run of the unedited network (simulate)."""
    from neuron_sim import commands
    from neuron_sim.model.simulate import simulate

    network = relay_with_a_bystander()
    expected = simulate(network.copy(), steps=600).spikes
    sent = expected["a"][0]  # 10.1 ms: the step in which a reaches its threshold
    assert 10.0 <= sent < 14.0 and sent + 8.0 < expected["b"][0] < sent + 8.5  # fires as it arrives
    window.document.replace(network)
    playback = window.playback
    playback.play()
    while playback.engine.t_ms < 14.0:
        playback.advance(0.01)
    assert ("a", "b") in playback.pulses()[0]
    stack = window.document.undo_stack
    if edit == "add a neuron":
        commands.push(stack, commands.AddNeuronCommand(window.network, Neuron("n", position=(400, 200))))
    elif edit == "delete the bystander's synapse":
        commands.push(stack, commands.DisconnectCommand(window.network, ("x", "z")))
    else:  # only spikes sent from now on take the longer way: b's first spike stays put
        commands.push(stack, commands.SetSynapseParamCommand(window.network, ("a", "b"), "delay_ms", 9.0))
    progress = dict(zip(*playback.pulses()[:2]))[("a", "b")]
    assert progress == pytest.approx((playback.engine.t_ms - sent) / 8.0)  # the pulse goes on
    while playback.engine.t_ms < 60.0:
        playback.advance(0.01)
    playback.pause()
    recorded = {nid: playback.recorder.spike_times(nid).tolist() for nid in ("g", "a", "b")}
    assert recorded["g"] == pytest.approx([t for t in expected["g"] if t < 60.0])
    assert recorded["a"] == pytest.approx([t for t in expected["a"] if t < 60.0])
    b_times = [t for t in expected["b"] if t < 60.0]
    if edit == "lengthen a delay":
        b_times = [b_times[0]] + [t + 1.0 for t in b_times[1:]]
    assert recorded["b"] == pytest.approx(b_times) and len(b_times) == 2


@pytest.mark.parametrize("first, second", [("biological", "schematic"), ("schematic", "biological")])
def test_paused_pulses_follow_the_axons_when_the_look_switches(window, and_gate, first, second):
    from neuron_sim.model import geometry

    window.files.open(and_gate)
    window.scene.set_look(first)
    window.playback.advance(0.3)  # a pulse part of the way along x1 → y, then paused
    window.playback.pause()
    layer = window.playback_controls.animator.pulse_layer
    (key,), progress, _strength = window.playback.pulses()
    before = layer.positions.copy()
    window.scene.set_look(second)
    window.scene.flush()
    control = window.scene.synapse_layer.curve_of(key)
    expected = geometry.point_on_curves(control[None], progress[0])[0]
    assert not np.allclose(before[0], expected)  # the two looks draw that axon apart
    assert np.allclose(layer.positions[0], expected)
    window.network.set_neuron_param("y", "position", (300.0, 20.0))  # a moved cell carries them too
    window.scene.flush()
    control = window.scene.synapse_layer.curve_of(key)
    assert np.allclose(layer.positions[0], geometry.point_on_curves(control[None], progress[0])[0])


def xor_network() -> Network:
    network = Network(name="XOR")
    for nid, position, value in (("x1", (0, 0), 1.0), ("x2", (0, 140), 0.0)):
        network.add_neuron(Neuron(nid, kind="input", position=position, value=value))
    network.add_neuron(Neuron("h1", position=(200, 0), activation="step", threshold=0.5))
    network.add_neuron(Neuron("h2", position=(200, 140), activation="step", threshold=-1.5))
    network.add_neuron(Neuron("y", position=(400, 70), activation="step", threshold=1.5))
    for source, target, weight in (("x1", "h1", 1.0), ("x2", "h1", 1.0), ("x1", "h2", -1.0),
                                   ("x2", "h2", -1.0), ("h1", "y", 1.0), ("h2", "y", 1.0)):
        network.connect(Synapse(source, target, weight=weight))
    return network


def test_step_plays_one_pass_layer_by_layer_at_the_current_speed_and_stops(qtbot, window):
    """Issue #15 point 4: Step animates one whole pass (the pulses of each layer in turn, at the
    speed chosen) instead of jumping to its end, and then stops by itself."""
    window.document.replace(xor_network())
    playback = window.playback
    playback.set_speed(2.0)
    stage = 1.0 / (2.0 * playback.engine.stages_per_second)  # seconds one layer takes at ×2
    window.playback_controls.step_action.trigger()
    assert playback.stepping and not playback.playing
    assert playback.engine.clock().layer == 0 and playback.phase == 0.0  # nothing jumped
    playback.advance(0.5 * stage)
    keys, progress, _ = playback.pulses()
    assert set(keys) == {("x1", "h1"), ("x1", "h2")} and progress.tolist() == pytest.approx([0.5, 0.5])
    playback.advance(stage)  # into the second layer
    keys, progress, _ = playback.pulses()
    assert set(keys) == {("h1", "y"), ("h2", "y")} and progress.tolist() == pytest.approx([0.5, 0.5])
    assert playback.engine.tick == 0 and playback.stepping
    playback.advance(stage)  # the pass is done: the step ends there, whatever time is left
    assert playback.engine.tick == 1 and playback.engine.clock().layer == 0 and playback.phase == 0.0
    assert not playback.stepping and not playback.playing and playback.pulses()[0] == []
    qtbot.wait(150)  # several frames' time: the timer is off, nothing moves after the step
    assert playback.engine.tick == 1 and playback.phase == 0.0
    assert window.scene.neuron_items["y"].activity == 1.0


def test_step_again_while_stepping_finishes_that_step_and_plays_the_next(window):
    window.document.replace(xor_network())
    playback = window.playback
    window.playback_controls.step_action.trigger()
    playback.advance(0.2 / playback.engine.stages_per_second)
    window.playback_controls.step_action.trigger()
    assert playback.engine.tick == 1 and playback.stepping and playback.phase == 0.0
    playback.play()  # Play takes over from where the step is
    assert playback.playing and not playback.stepping
    playback.pause()
    assert not playback.playing and not playback.stepping


def test_a_spiking_step_is_one_dt_and_a_synchronous_step_one_tick(window):
    network = xor_network()
    network.set_param("update", "synchronous")
    window.document.replace(network)
    playback = window.playback
    window.playback_controls.step_action.trigger()
    playback.advance(0.4 / playback.engine.stages_per_second)
    assert playback.engine.tick == 0 and playback.pulses()[0]  # the tick's signals are on their way
    playback.advance(1.0 / playback.engine.stages_per_second)
    assert playback.engine.tick == 1 and not playback.stepping
    window.document.replace(relay_with_a_bystander())
    window.playback_controls.step_action.trigger()
    playback.advance(1.0)
    assert playback.engine.step_count == 1 and not playback.stepping
