"""The Train dock in the window: one example's step shown on the canvas (forward pass, backward pulses,
weights easing in), training runs as one undo step, bad CSV files refused, and the dock's numbers
against a plain-numpy computation of the same network."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from neuron_sim.model import Network

from neuron_sim.ui.canvas.backward_pulses import STAGE_SECONDS

SIGMOID_DERIVATIVE = {"sigmoid": lambda a, net: a * (1 - a)}
XOR_ROWS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_TARGETS = np.array([0.0, 1.0, 1.0, 0.0])


def weights(network: Network) -> dict:
    return {key: s.weight for key, s in network.synapses.items()}


def thresholds(network: Network) -> dict:
    return {n.id: n.threshold for n in network if n.kind == "neuron"}


def numpy_xor_pass(network: Network, x: np.ndarray) -> dict[str, np.ndarray]:
    """The 2-2-1 sigmoid network's outputs, written out for the test from the network's own numbers."""
    w = weights(network)
    th = thresholds(network)

    def sigmoid(z):
        return 1.0 / (1.0 + np.exp(-z))

    a = {"x1": x[:, 0], "x2": x[:, 1]}
    for nid in ("h1", "h2"):
        a[nid] = sigmoid(w[("x1", nid)] * a["x1"] + w[("x2", nid)] * a["x2"] - th[nid])
    a["y"] = sigmoid(w[("h1", "y")] * a["h1"] + w[("h2", "y")] * a["h2"] - th["y"])
    return a


@pytest.fixture
def xor_window(window):
    assert window.examples.open_example_named("learn-xor")
    return window


def play_forward_pass(window) -> None:
    """Move the playback on until the step's forward pass is complete (no real time involved)."""
    training = window.training
    for _ in range(20):
        if not training._watching_forward:
            return
        window.playback.advance(0.25)
    raise AssertionError("the forward pass did not complete")


def test_the_example_sets_the_dock_and_shows_it(xor_window):
    training = xor_window.training
    assert training.dock.isVisible()
    assert training.session.data_choice.name == "xor"
    assert training.session.config.learning_rate == 1.0 and training.session.epochs == 1000


def test_step_one_example_plays_forward_then_sends_errors_back_then_changes_the_weights(xor_window):
    window, training = xor_window, xor_window.training
    network = window.network
    before = weights(network)
    training.session.next_example = 1  # the example (0, 1), target 1
    training.step_example()
    assert training._watching_forward and window.playback.playing
    # The example's inputs are on the input neurons; the weights are still the old ones.
    assert (network.neuron("x1").value, network.neuron("x2").value) == (0.0, 1.0)
    assert weights(network) == before
    play_forward_pass(window)
    assert not window.playback.playing and window.playback.player.clock().tick == 1

    # δ by hand, from the old weights: the output's (a − t)·σ′, then each hidden unit's σ′·w·δ_y.
    a = numpy_xor_pass(network, np.array([[0.0, 1.0]]))
    delta_y = (a["y"][0] - 1.0) * a["y"][0] * (1 - a["y"][0])
    delta_h = {h: a[h][0] * (1 - a[h][0]) * before[(h, "y")] * delta_y for h in ("h1", "h2")}

    layer = training.backward.layer
    assert training.backward.phase == "backward"
    assert sorted(layer.keys) == [("h1", "y"), ("h2", "y")]  # the output's error leaves first
    assert np.all(layer.radii == layer.radii[0]) and layer.radii[0] > 0  # one δ, one size
    assert np.all(np.sign(layer.signs) == np.sign(delta_y))
    training.backward.advance(STAGE_SECONDS * 1.2)
    assert sorted(layer.keys) == [("x1", "h1"), ("x1", "h2"), ("x2", "h1"), ("x2", "h2")]
    size = {key[1]: r for key, r in zip(layer.keys, layer.radii.tolist())}
    assert size["h1"] / size["h2"] == pytest.approx(max(abs(delta_h["h1"]), 2.5 / 11 * abs(delta_y))
                                                    / max(abs(delta_h["h2"]), 2.5 / 11 * abs(delta_y)))
    notes = {text for _x, _y, text, _s in layer.notes}
    assert any(text.startswith("δ = ") for text in notes) and len(notes) == 3
    assert weights(network) == before  # nothing written while the errors travel

    training.backward.advance(STAGE_SECONDS)  # the errors have arrived: the new weights are written
    assert training.backward.phase == "ease" and layer.keys == []
    after = weights(network)
    lr = 1.0
    expected = {("h1", "y"): before[("h1", "y")] - lr * delta_y * a["h1"][0],
                ("h2", "y"): before[("h2", "y")] - lr * delta_y * a["h2"][0],
                ("x2", "h1"): before[("x2", "h1")] - lr * delta_h["h1"] * 1.0,
                ("x2", "h2"): before[("x2", "h2")] - lr * delta_h["h2"] * 1.0,
                ("x1", "h1"): before[("x1", "h1")], ("x1", "h2"): before[("x1", "h2")]}
    for key, value in expected.items():
        assert after[key] == pytest.approx(value, abs=1e-12)
    # The canvas eases from the old weights to the new ones.
    synapses = window.scene.synapse_layer
    training.backward.advance(0.4)
    shown = dict(zip(synapses.keys, synapses.weights.tolist()))
    assert min(before[("h1", "y")], after[("h1", "y")]) < shown[("h1", "y")] < max(before[("h1", "y")],
                                                                                     after[("h1", "y")])
    training.backward.advance(1.0)
    assert training.backward.phase == "idle"
    assert layer.boundingRect().isNull()  # idle, it adds nothing to the scene's extent
    assert dict(zip(synapses.keys, synapses.weights.tolist())) == after


def test_the_step_is_one_undo_step_back_to_the_inputs_and_weights_before(xor_window):
    window, training = xor_window, xor_window.training
    network = window.network
    start = network.copy()
    stack = window.document.undo_stack
    count = stack.count()
    training.session.next_example = 3
    training.step_example()
    play_forward_pass(window)
    training.backward.advance(10.0)
    training.backward.advance(10.0)
    assert stack.count() == count + 1 and stack.undoText() == "Learn from example 4"
    assert network != start
    stack.undo()
    assert network == start


def test_the_computation_panel_shows_delta_with_its_formula_and_hovering_a_synapse_its_change(xor_window):
    window, training = xor_window, xor_window.training
    network = window.network
    before = weights(network)
    training.session.next_example = 2  # (1, 0), target 1
    training.step_example()
    a = numpy_xor_pass(network.copy(), np.array([[1.0, 0.0]]))
    delta_y = (a["y"][0] - 1.0) * a["y"][0] * (1 - a["y"][0])
    window.scene.select(["y"])
    text = training.learning_box.text()
    assert "δ = (a − t) · f′(net)" in text
    assert f"{delta_y:.3g}".replace("-", "−") in text
    window.scene.select(["h1"])
    delta_h1 = a["h1"][0] * (1 - a["h1"][0]) * before[("h1", "y")] * delta_y
    assert "Σₖ wₖ·δₖ" in training.learning_box.text()
    assert f"{delta_h1:.3g}".replace("-", "−") in training.learning_box.text()
    messages = []
    training.message.connect(messages.append)
    window.scene.synapse_hovered.emit(("h1", "y"))
    gradient = delta_y * a["h1"][0]
    assert messages and "Δw" in messages[-1] and "∂L/∂w" in messages[-1]
    assert f"∂L/∂w = {gradient:.3g}".replace("-", "−") in messages[-1]


def test_a_training_run_is_one_undo_step_and_the_dock_shows_the_loss_numpy_computes(xor_window):
    window, training = xor_window, xor_window.training
    session, dock = training.session, training.dock
    network = window.network
    start = network.copy()
    stack = window.document.undo_stack
    count = stack.count()
    dock.epochs_box.setValue(300)
    dock.toggle_training()
    assert session.running and session.epochs_done == 0  # Train returns at once; slices follow on the timer
    slices = 0
    while session.running:
        session._slice()
        slices += 1
    assert session.epochs_done == 300 and dock.train_button.text() == "Train"
    assert stack.count() == count + 1 and stack.undoText() == "Train (epochs 1 to 300)"
    a = numpy_xor_pass(network, XOR_ROWS)
    loss = np.sum((a["y"] - XOR_TARGETS) ** 2) / (2 * 4)
    accuracy = np.mean((a["y"] >= 0.5) == (XOR_TARGETS == 1))
    assert session.history[-1].loss == pytest.approx(loss, rel=1e-12)
    assert f"loss {loss:.4g}" in dock.progress.text()
    assert f"accuracy {100 * accuracy:.0f} %" in dock.progress.text()
    dock.redraws.draw()
    assert dock.plots.loss_values[-1] == pytest.approx(loss, rel=1e-12) and len(dock.plots.loss_values) == 300
    # The map is the network's output over the input plane.
    x0, x1, y0, y1 = dock.plots.extent
    corner = numpy_xor_pass(network, np.array([[x0, y0]]))["y"][0]
    assert dock.plots.boundary[0, 0] == pytest.approx(corner, rel=1e-9)
    stack.undo()
    assert network == start
    dock.redraws.draw()  # the map follows the network back to its start
    corner = numpy_xor_pass(network, np.array([[x0, y0]]))["y"][0]
    assert dock.plots.boundary[0, 0] == pytest.approx(corner, rel=1e-9)
    stack.redo()
    assert numpy_xor_pass(network, XOR_ROWS)["y"] == pytest.approx(a["y"])


def test_an_edit_during_training_stops_it_and_the_next_run_starts_from_the_edit(xor_window):
    from neuron_sim.commands import SetSynapseParamCommand, push
    from neuron_sim.model.training import Trainer, bind, built_in

    window, training = xor_window, xor_window.training
    session = training.session
    network = window.network
    session.epochs = 50
    session.train()
    session._slice()
    assert session.epochs_done > 0
    push(window.document.undo_stack, SetSynapseParamCommand(network, ("h1", "y"), "weight", 2.5))
    assert not session.running and session.trainer is None
    edited = network.copy()
    session.run_epochs(1)
    # The same epoch from the edited network, by a trainer of the test's own.
    reference = Trainer(edited, bind(built_in("xor"), edited), session.config)
    reference.train(1)
    reference.write_back()
    assert weights(network) == weights(edited) and thresholds(network) == thresholds(edited)


def test_reset_weights_goes_back_to_before_the_first_epoch_as_one_undo_step(xor_window):
    window, training = xor_window, xor_window.training
    network = window.network
    start = network.copy()
    training.session.run_epochs(20)
    training.session.run_epochs(20)
    assert network != start
    window.training.dock.reset_button.click()
    assert weights(network) == weights(start) and thresholds(network) == thresholds(start)
    assert training.session.history == []
    window.document.undo_stack.undo()
    assert weights(network) != weights(start)


@pytest.mark.parametrize("content", [
    "x1,x2,nowhere\n0,0,1\n",  # a column that matches no neuron
    "x1,x2,y\n0,zero,1\n",  # not a number
    "x1,x2,y\n0,1\n",  # a ragged row
    "",  # empty
])
def test_a_bad_csv_gives_its_message_and_changes_nothing(xor_window, tmp_path, content):
    window, training = xor_window, xor_window.training
    dock, session = training.dock, training.session
    network = window.network
    before = network.copy()
    count = window.document.undo_stack.count()
    choice = session.data_choice
    path = tmp_path / "data.csv"
    path.write_text(content)
    assert not dock.choose_csv(str(path))
    assert dock.status.text().startswith("Not used: ") and len(dock.status.text()) > 20
    assert session.data_choice == choice and dock.data_box.currentData() == "xor"
    assert network == before and window.document.undo_stack.count() == count


def test_a_good_csv_is_used(xor_window, tmp_path):
    training = xor_window.training
    path = tmp_path / "or.csv"
    path.write_text("x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n")
    assert training.dock.choose_csv(str(path))
    assert training.session.data_choice.csv_path == str(path)
    assert training.session.run_epochs(2) and training.session.trainer.size == 4


def test_the_perceptron_on_xor_says_why_it_cannot_learn_it_and_offers_the_hidden_layer(window, qtbot):
    assert window.examples.open_example_named("learn-and")
    training = window.training
    dock = training.dock
    dock.data_box.setCurrentIndex(dock.data_box.findData("xor"))
    dock._apply_data()
    dock.epochs_box.setValue(30)
    dock.toggle_training()
    while training.session.running:
        training.session._slice()
    assert training.session.converged_epoch is None
    assert "not linearly separable" in dock.status.text() and "30" in dock.status.text()
    assert dock.example_button.isVisible()
    qtbot.mouseClick(dock.example_button, Qt.MouseButton.LeftButton)
    assert window.network.name == "Learning XOR with backprop" and window.training.session.config.learning_rate == 1.0


def test_the_perceptron_learns_and_and_says_so(window):
    assert window.examples.open_example_named("learn-and")
    dock = window.training.dock
    dock.toggle_training()
    while window.training.session.running:
        window.training.session._slice()
    assert "has learnt and: no mistakes in epoch 3" in dock.status.text()


def test_a_network_that_cannot_be_trained_says_why(window):
    assert window.examples.open_example_named("xor")  # step units: backprop refuses them by name
    training = window.training
    training.dock.data_box.setCurrentIndex(training.dock.data_box.findData("xor"))
    training.dock._apply_data()
    training.step_example()
    assert "step unit" in training.dock.status.text()
    assert training.step is None and not training.backward.running


def test_the_command_line_opens_the_dock_trains_and_then_shows_a_step(qtbot, monkeypatch):
    from neuron_sim.cli import build_parser
    from neuron_sim.ui.window import launch

    monkeypatch.setattr(launch, "show_start_page_when_shown", lambda window, always=False: None)
    args = build_parser().parse_args(["app", "--example", "learn-and", "--train", "3", "--train-step",
                                      "--speed", "0.5"])
    window = launch.open_window(example=args.example, train=args.train, train_step=args.train_step,
                                speed=args.speed)
    qtbot.addWidget(window)
    window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard  # no modal dialog when it closes
    training = window.training
    assert training.dock.isVisible() and window.playback.speed == 0.5
    while training.session.running:
        training.session._slice()
    assert training.session.epochs_done == 3
    assert training.step is not None and training._watching_forward  # the step follows the epochs
    window.playback.pause()


def test_a_new_dock_shows_the_data_and_settings_it_will_train_with(window):
    """Opened on a network of one's own, the dock's controls say what Train will use."""
    training = window.training
    training.show_dock()
    dock, session = training.dock, training.session
    assert dock.data_box.currentData() == session.data_choice.name == "xor"
    assert dock.rate_box.value() == session.config.learning_rate
    assert dock.epochs_box.value() == session.epochs
    assert dock.algorithm_box.currentData() == session.config.algorithm


def test_a_change_of_language_goes_on_with_the_training(xor_window, qtbot, qapp):
    """The rebuilt window's Train dock has the same data, settings, loss curve and start weights;
    training goes on from the epoch it reached, and Reset weights still goes back to the start."""
    from neuron_sim.model.training import TrainConfig, Trainer, bind, built_in
    from neuron_sim.ui.i18n import language

    window, training = xor_window, xor_window.training
    start = window.network.copy()
    dock = training.dock
    dock.rate_box.setValue(2.0)
    dock.epochs_box.setValue(40)
    training.session.run_epochs(40)
    curve = [result.loss for result in training.session.history]
    try:
        korean = window.reopen_in_language("ko")
        qtbot.addWidget(korean)
        korean.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
        session, dock = korean.training.session, korean.training.dock
        assert dock.isVisible() and dock.data_box.currentText() == "XOR (진리표)"
        assert session.config.learning_rate == 2.0 and dock.rate_box.value() == 2.0 and dock.epochs_box.value() == 40
        assert [result.loss for result in session.history] == curve
        dock.redraws.draw()
        assert dock.plots.loss_values == pytest.approx(curve)
        assert "40" in dock.progress.text()
        after_40 = korean.network.copy()
        session.run_epochs(1)
        assert session.history[-1].epoch == 41
        # the 41st epoch from the network as the 40th left it, by a trainer of the test's own
        reference = Trainer(after_40, bind(built_in("xor"), after_40), TrainConfig(learning_rate=2.0))
        reference.train(1)
        reference.write_back()
        assert weights(korean.network) == pytest.approx(weights(after_40), rel=1e-12)
        korean.training.dock.reset_button.click()
        assert weights(korean.network) == weights(start) and thresholds(korean.network) == thresholds(start)
        assert not window.training.session.running
    finally:
        language.apply_language(qapp, "en")
