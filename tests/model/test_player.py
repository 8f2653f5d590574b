"""The Player (model/player.py) without Qt: stages and the clock, reset, edits while playing, the
rebuild that carries a run over a structural edit, and what the recorder holds.

Oracles: rate values are computed again with numpy from the weights (rate_oracle.oracle_f);
spiking runs are compared with a fresh engine's run of the unedited network (`simulate`), whose
spikes the Brian2 tests check (test_spiking_brian2.py).
"""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model import CycleError, Network, Neuron, Synapse
from neuron_sim.model.fileformat import from_dict, to_dict
from neuron_sim.model.player import MAX_STAGES_PER_ADVANCE, Player
from neuron_sim.model.simulate import simulate

from .rate_oracle import oracle_f


def xor(update: str = "feedforward") -> Network:
    """x1, x2 → OR (h1), NAND (h2) → AND (y): XOR, two layers."""
    network = Network(update=update)
    network.add_all(
        [Neuron("x1", kind="input", value=1.0), Neuron("x2", kind="input", value=0.0),
         Neuron("h1", activation="step", threshold=0.5), Neuron("h2", activation="step", threshold=-1.5),
         Neuron("y", activation="step", threshold=1.5)],
        [Synapse("x1", "h1", weight=1.0), Synapse("x2", "h1", weight=1.0),
         Synapse("x1", "h2", weight=-1.0), Synapse("x2", "h2", weight=-1.0),
         Synapse("h1", "y", weight=1.0), Synapse("h2", "y", weight=1.0)])
    return network


def xor_oracle(x1: float, x2: float) -> dict[str, float]:
    h1 = oracle_f("step", np.array([x1 + x2 - 0.5]))[0]
    h2 = oracle_f("step", np.array([-x1 - x2 + 1.5]))[0]
    return {"h1": h1, "h2": h2, "y": oracle_f("step", np.array([h1 + h2 - 1.5]))[0]}


def relay() -> Network:
    """g fires every 25 ms; each spike makes a fire and, 8 ms later, b; x → z is a bystander."""
    network = Network(model="spiking")
    network.add_all(
        [Neuron("g", kind="generator", rate_hz=40.0, start_ms=2.0), Neuron("a"), Neuron("b"),
         Neuron("x", kind="generator", pattern="poisson", rate_hz=200.0, seed=5), Neuron("z")],
        [Synapse("g", "a", weight=30.0, delay_ms=8.0), Synapse("a", "b", weight=30.0, delay_ms=8.0),
         Synapse("x", "z", weight=2.0, delay_ms=8.0)])
    return network


def copy_of(network: Network) -> Network:
    return from_dict(to_dict(network))


class Events:
    def __init__(self, player: Player):
        self.changed, self.failures = 0, []
        player.changed.connect(self.count)
        player.failed.connect(self.failures.append)

    def count(self) -> None:
        self.changed += 1


def test_a_feedforward_pass_is_one_stage_per_layer_and_records_each_pass():
    player = Player(xor())
    expected = xor_oracle(1.0, 0.0)
    assert player.engine.kind == "rate" and player.recorder.unit == "tick"
    assert len(player.recorder) == 1 and player.recorder.times().tolist() == [0.0]  # evaluated at once
    assert player.engine.computed_ids() == set(xor().neurons)
    player.step()
    assert player.clock().layer == 1 and player.clock().tick == 0 and len(player.recorder) == 1
    player.step()
    assert player.clock().tick == 1 and player.clock().layer == 0
    for nid, value in expected.items():
        assert player.recorder.values(nid).tolist() == [value, value]
    assert player.recorder.times().tolist() == [0.0, 1.0]


def test_a_feedforward_network_is_evaluated_after_every_edit_without_playing():
    """Point 1 of issue #15: no Play or Step is needed for the numbers to be true. Oracle: the
    XOR truth table computed again with numpy (rate_oracle.oracle_f)."""
    network = xor()
    player = Player(network)
    events = Events(player)

    def shown() -> dict[str, float]:
        return {nid: player.engine.output_of(nid) for nid in ("h1", "h2", "y")}

    for x1, x2 in ((0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0)):
        network.set_neuron_param("x1", "value", x1)
        network.set_neuron_param("x2", "value", x2)
        assert shown() == xor_oracle(x1, x2)
        assert player.recorder.values("y").tolist() == [xor_oracle(x1, x2)["y"]]  # the tick-0 sample
    network.set_neuron_param("y", "threshold", 2.5)  # AND of h1, h2 can no longer fire
    assert shown()["y"] == 0.0
    network.set_synapse_param(("h1", "y"), "weight", 2.0)
    assert shown()["y"] == 1.0
    network.set_neuron_param("y", "activation", "linear")
    assert shown()["y"] == pytest.approx(2.0 + 1.0 - 2.5)
    network.add_neuron(Neuron("z", activation="linear", threshold=0.25))  # a rebuild
    network.connect(Synapse("y", "z", weight=2.0))
    assert player.engine.output_of("z") == pytest.approx(2.0 * 0.5 - 0.25)
    assert player.clock().tick == 0 and events.failures == []


def test_advance_moves_by_the_speed_and_keeps_the_stages_progress():
    player = Player(xor())
    events = Events(player)
    player.set_speed(2.0)
    stages_per_second = player.engine.stages_per_second
    player.advance(0.6 / (2.0 * stages_per_second))  # 0.6 of a stage
    assert player.phase == pytest.approx(0.6) and player.clock().layer == 0
    keys, progress, strength = (lambda p: (p.keys, p.progress, p.strength))(player.pulses())
    assert keys == [("x1", "h1"), ("x1", "h2")]  # x2 = 0: nothing travels from it
    assert progress.tolist() == pytest.approx([0.6, 0.6]) and strength.tolist() == [1.0, -1.0]
    player.advance(0.9 / (2.0 * stages_per_second))  # past the end of the first layer
    assert player.phase == pytest.approx(0.5) and player.clock().layer == 1
    assert events.changed == 2


def test_a_spiking_advance_is_whole_steps_and_a_slow_frame_is_capped():
    network = relay()
    player = Player(network)
    assert player.recorder.unit == "ms" and len(player.recorder) == 0
    player.advance(1.0 / player.engine.stages_per_second * 7)  # 7 steps
    assert player.engine.step_count == 7 and player.recorder.times().tolist() == pytest.approx(
        [k * network.dt_ms for k in range(7)])
    player.set_speed(16.0)
    player.advance(10.0)
    assert player.engine.step_count == 7 + MAX_STAGES_PER_ADVANCE


def test_the_spiking_recording_holds_the_models_voltages_and_spikes():
    network = relay()
    expected = simulate(copy_of(network), steps=600)
    player = Player(network)
    for _ in range(600):
        player.step()
    recorder = player.recorder
    assert recorder.values().shape == (600, 5)
    assert np.array_equal(recorder.values(), expected.activity)
    for nid in network.neurons:
        assert recorder.spike_times(nid).tolist() == pytest.approx(expected.spikes[nid])
    assert len(expected.spikes["b"]) >= 2


def test_reset_returns_to_the_start_and_starts_the_recording_again():
    player = Player(xor("synchronous"))
    for _ in range(3):
        player.step()
    assert player.clock().tick == 3 and len(player.recorder) == 4
    player.reset()
    assert player.clock().tick == 0 and len(player.recorder) == 1
    assert player.engine.output_of("y") == 0.0


def test_a_parameter_edit_while_playing_goes_into_the_running_engine():
    network = xor("synchronous")
    player = Player(network)
    engine = player.engine
    events = Events(player)
    player.step()
    network.set_neuron_param("x2", "value", 1.0)
    network.set_synapse_param(("h1", "y"), "weight", 2.0)
    assert player.engine is engine and events.changed == 3  # no rebuild
    player.step()
    player.step()
    h1 = oracle_f("step", np.array([2.0 - 0.5]))[0]
    h2 = oracle_f("step", np.array([-2.0 + 1.5]))[0]
    assert player.engine.output_of("y") == oracle_f("step", np.array([2.0 * h1 + h2 - 1.5]))[0]
    assert player.recorder.values("x2").tolist() == [0.0, 0.0, 1.0, 1.0]


def test_a_batch_edit_goes_into_the_running_engine_with_one_change():
    network = xor("synchronous")
    player = Player(network)
    engine = player.engine
    events = Events(player)
    player.step()
    network.set_many([("neuron", "x2", "value", 1.0), ("synapse", ("h1", "y"), "weight", 2.0),
                      ("neuron", "h1", "label", "first")])
    assert player.engine is engine and events.changed == 2  # the step, then the batch: no rebuild
    player.step()
    player.step()
    h1 = oracle_f("step", np.array([2.0 - 0.5]))[0]
    h2 = oracle_f("step", np.array([-2.0 + 1.5]))[0]
    assert player.engine.output_of("y") == oracle_f("step", np.array([2.0 * h1 + h2 - 1.5]))[0]


def test_a_batch_edit_the_engine_cannot_take_rebuilds_once_with_every_value():
    network = xor("synchronous")
    player = Player(network)
    engine = player.engine
    rebuilt = []
    original = player.rebuild
    player.rebuild = lambda keep_state=True: (rebuilt.append(keep_state), original(keep_state))
    # A kind needs a new engine; the weight after it in the batch must reach that engine too.
    network.set_many([("neuron", "x1", "kind", "neuron"), ("synapse", ("h1", "y"), "weight", 3.0)])
    assert rebuilt == [True] and player.engine is not engine
    assert player.engine.weight[player.engine.synapse_index[("h1", "y")]] == 3.0


def test_a_structural_edit_rebuilds_and_the_rate_run_carries_over():
    network = xor("synchronous")
    player = Player(network)
    for _ in range(3):
        player.step()
    before = {nid: player.engine.output_of(nid) for nid in network.neurons}
    recorded = player.recorder.values().copy()
    engine = player.engine
    network.add_neuron(Neuron("z", activation="linear"))
    network.connect(Synapse("y", "z", weight=2.0))
    assert player.engine is not engine and player.clock().tick == 3
    assert {nid: player.engine.output_of(nid) for nid in before} == before
    assert player.recorder.ids == ["x1", "x2", "h1", "h2", "y", "z"]
    assert np.array_equal(player.recorder.values()[:, :5], recorded)
    assert player.recorder.values("z").tolist() == [0.0] * 4
    player.step()
    assert player.engine.output_of("z") == 2.0 * before["y"]
    network.remove_neuron("h2")
    assert player.clock().tick == 4 and "h2" not in player.recorder.ids and len(player.recorder) == 5


@pytest.mark.parametrize("edit", ["add a neuron", "delete the bystander's synapse", "lengthen a delay"])
def test_a_structural_edit_while_spiking_keeps_the_input_in_flight(edit):
    """Edited at 14 ms, while a's first spike is travelling to b: b still fires when it arrives,
    and the recording so far stays. Oracle: the unedited network's run (simulate)."""
    network = relay()
    expected = simulate(copy_of(network), steps=600).spikes
    sent = expected["a"][0]
    player = Player(network)
    while player.clock().t_ms < 14.0:
        player.step()
    assert ("a", "b") in player.pulses().keys
    engine = player.engine
    if edit == "add a neuron":
        network.add_neuron(Neuron("n"))
    elif edit == "delete the bystander's synapse":
        network.disconnect("x", "z")
    else:
        network.set_synapse_param(("a", "b"), "delay_ms", 9.0)
    assert player.engine is not engine and player.clock().t_ms == pytest.approx(14.0)
    pulses = player.pulses()
    progress = dict(zip(pulses.keys, pulses.progress.tolist()))[("a", "b")]
    assert progress == pytest.approx((14.0 - sent) / 8.0)  # the pulse goes on at its pace
    while player.clock().t_ms < 60.0:
        player.step()
    recorded = {nid: player.recorder.spike_times(nid).tolist() for nid in ("g", "a", "b")}
    assert recorded["g"] == pytest.approx([t for t in expected["g"] if t < 60.0])
    assert recorded["a"] == pytest.approx([t for t in expected["a"] if t < 60.0])
    b_times = [t for t in expected["b"] if t < 60.0]
    if edit == "lengthen a delay":
        b_times = [b_times[0]] + [t + 1.0 for t in b_times[1:]]
    assert recorded["b"] == pytest.approx(b_times) and len(b_times) == 2


def test_a_network_that_cannot_run_says_why_and_runs_again_once_it_can():
    network = xor()
    player = Player(network)
    events = Events(player)
    network.connect(Synapse("y", "h1", weight=1.0))  # a loop: no feedforward order
    assert player.engine is None and isinstance(player.failure, CycleError)
    assert events.failures == [player.failure] and player.clock() is None
    player.step()
    player.advance(1.0)
    assert player.pulses().keys == [] and player.levels() == {}
    network.set_param("update", "synchronous")
    assert player.engine is not None and player.failure is None
    player.step()
    assert player.clock().tick == 1


def test_changing_the_model_starts_afresh():
    network = xor("synchronous")
    player = Player(network)
    player.step()
    network.set_param("model", "spiking")
    assert player.engine.kind == "spiking" and player.recorder.unit == "ms" and len(player.recorder) == 0
    assert player.engine.step_count == 0


def test_another_network_plays_from_its_start_and_the_old_one_is_no_longer_followed():
    first = xor("synchronous")
    player = Player(first)
    player.step()
    second = relay()
    player.set_network(second)
    assert player.network is second and player.engine.kind == "spiking" and player.engine.step_count == 0
    engine = player.engine
    first.add_neuron(Neuron("q"))
    assert player.engine is engine


@pytest.mark.parametrize("make", [xor, relay])
def test_a_player_of_a_copy_continues_from_where_another_is(make):
    network = make()
    source = Player(network)
    for _ in range(157):
        source.step()
    source.advance(0.3 / source.engine.stages_per_second)
    follower = Player(copy_of(network))
    follower.continue_from(source)
    assert follower.phase == source.phase
    assert follower.pulses().keys == source.pulses().keys
    for _ in range(200):
        source.step()
        follower.step()
    assert follower.levels() == source.levels()
    assert follower.clock() == source.clock()
    assert np.array_equal(follower.recorder.values()[-50:], source.recorder.values()[-50:])


def test_pulses_nobody_draws_do_not_pile_up_and_drawing_them_changes_nothing():
    network = Network(model="spiking")
    network.add_all([Neuron("p", kind="generator", pattern="poisson", rate_hz=5000.0, seed=3),
                     *[Neuron(f"n{i}") for i in range(4)]],
                    [Synapse("p", f"n{i}", weight=1.0, delay_ms=1.0) for i in range(4)])
    drawn, undrawn = Player(network), Player(copy_of(network))
    for _ in range(3000):
        drawn.step()
        drawn.pulses()
        undrawn.step()
    trail = undrawn.engine.pulse_trail
    assert trail.log and (trail.log[-1][0] - trail.log[0][0]) * network.dt_ms <= 1.0 + network.dt_ms
    a, b = drawn.pulses(), undrawn.pulses()
    assert a.keys == b.keys and len(a.keys) > 0
    assert np.array_equal(a.progress, b.progress) and np.array_equal(a.strength, b.strength)


def test_a_step_plays_the_rest_of_the_pass_and_ends_by_itself():
    player = Player(xor())
    per_stage = 1.0 / player.engine.stages_per_second
    player.begin_step()
    assert player.stepping and player.stages_to_step == 2  # two layers
    player.advance(1.5 * per_stage)
    assert player.clock().layer == 1 and player.phase == pytest.approx(0.5) and player.stepping
    player.advance(3.0 * per_stage)  # more time than the step has left
    assert player.clock().tick == 1 and player.clock().layer == 0 and player.phase == 0.0
    assert not player.stepping
    player.advance(0.5 * per_stage)
    player.begin_step()  # from the middle of the first layer: the rest of this pass
    player.finish_step()
    assert player.clock().tick == 2 and not player.stepping and player.phase == 0.0
