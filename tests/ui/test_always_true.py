"""What the canvas shows is always true (issue #15): every shipped example and a network built by
clicking, after each kind of edit, without pressing Play.

After every edit the values the canvas draws (the "a = …" under each computing neuron, how lit
each soma is) are compared with the computation panel's output for the same neuron and with two
outside oracles run on the network saved to a file:

- `neuron-sim simulate FILE` (the command line's own entry point, in this process so that a walk of
  every example stays quick; it loads the saved file, so the file format's round trip is part of
  what is checked), and
- a forward pass written here in plain Python from the saved JSON (its own topological order, its
  own activation functions from rate_oracle.oracle_f): no code of the app or its engines.

The app's values come from the Player's settled evaluation; `simulate` runs a fresh engine one
pass from rest (RateEngine.step); the JSON pass shares nothing. Spiking examples have no settled
answer: there the canvas and the panel must show the same tick of the run (the soma's fill is the
panel's v between rest and threshold).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from neuron_sim.cli import main as cli_main
from neuron_sim.commands import (
    AddNeuronCommand,
    ConnectCommand,
    SetNeuronParamCommand,
    SetSynapseParamCommand,
    delete_command,
    push,
)
from neuron_sim.model import Neuron, Synapse
from neuron_sim.model.fileformat import save
from neuron_sim.ui.examples import all_examples
from neuron_sim.ui.styles import format_number

from tests.model.rate_oracle import oracle_f

from .canvas_helpers import click, drag

EXAMPLES = all_examples()
RATE_EXAMPLES = [e for e in EXAMPLES if json.loads(e.path.read_text("utf-8")).get("model", "rate") == "rate"]
SPIKING_EXAMPLES = [e for e in EXAMPLES if e not in RATE_EXAMPLES]
LEVEL_STEP = 1e-3  # a soma is redrawn when its level moves by this much (NeuronItem.set_state)


# ---- the outside oracles -----------------------------------------------------------------------
def json_forward_pass(path: Path) -> dict[str, float]:
    """a = f(Σ w·a − θ) in topological order, from the file alone (defaults: docs/file-format.md)."""
    data = json.loads(path.read_text("utf-8"))
    neurons = {n["id"]: n for n in data["neurons"]}
    incoming: dict[str, list[tuple[str, float]]] = {nid: [] for nid in neurons}
    for s in data.get("synapses", []):
        incoming[s["target"]].append((s["source"], float(s.get("weight", 1.0))))
    values: dict[str, float] = {}
    pending = list(neurons)
    while pending:
        ready = [nid for nid in pending if all(src in values for src, _ in incoming[nid])
                 or neurons[nid].get("kind", "neuron") == "input"]
        assert ready, "a loop in a feedforward network"
        for nid in ready:
            n = neurons[nid]
            if n.get("kind", "neuron") == "input":
                values[nid] = float(n.get("value", 0.0))
            else:
                net = sum(w * values[src] for src, w in incoming[nid]) - float(n.get("threshold", 0.0))
                values[nid] = float(oracle_f(n.get("activation", "sigmoid"), [net])[0])
            pending.remove(nid)
    return values


def cli_simulate(path: Path, capsys) -> dict[str, float]:
    capsys.readouterr()
    assert cli_main(["simulate", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    return dict(zip(out["ids"], out["activity"][-1]))


# ---- what the window shows ---------------------------------------------------------------------
def canvas_text(window, nid: str) -> str:
    text = window.scene.neuron_items[nid].value_text
    assert text.startswith("a = "), (nid, text)
    return text[len("a = "):]


def panel_output(window, nid: str) -> str:
    panel = window.instruments.panel
    panel.show_selection([nid], [])
    panel.refresh()
    assert "still shows" not in panel.note_text()
    return panel.value_text("output")


def check_rate(window, tmp_path: Path, capsys, what: str) -> None:
    network = window.network
    assert window.playback.engine is not None, what
    path = tmp_path / "shown.json"
    save(network, path)
    expected = json_forward_pass(path)
    from_cli = cli_simulate(path, capsys)
    for nid, neuron in network.neurons.items():
        value = expected[nid]
        assert from_cli[nid] == pytest.approx(value, rel=1e-9, abs=1e-12), (what, nid)
        item = window.scene.neuron_items[nid]
        assert item.activity == pytest.approx(min(abs(value), 1.0), abs=LEVEL_STEP), (what, nid)
        if neuron.kind == "neuron":
            assert canvas_text(window, nid) == format_number(value), (what, nid)
            assert panel_output(window, nid) == format_number(value), (what, nid)


def check_spiking(window, what: str) -> None:
    """The canvas and the panel show the same tick: the soma's fill is the panel's v."""
    network = window.network
    panel = window.instruments.panel
    for nid, neuron in network.neurons.items():
        if neuron.kind != "neuron":
            continue
        panel.show_selection([nid], [])
        panel.refresh()
        v = panel.state.v_mV
        assert panel.value_text("v") == f"{format_number(v)} mV"
        level = (v - neuron.v_rest_mV) / (neuron.v_threshold_mV - neuron.v_rest_mV)
        shown = window.scene.neuron_items[nid].activity
        assert shown == pytest.approx(min(max(level, 0.0), 1.0), abs=LEVEL_STEP), (what, nid)


# ---- the edits ---------------------------------------------------------------------------------
def stack(window):
    return window.document.undo_stack


def edits(window, qtbot):
    """Each kind of edit in turn, as (name, do); every one is an undo step."""
    network = window.network
    inputs = [nid for nid, n in network.neurons.items() if n.kind == "input"]
    computing = [nid for nid, n in network.neurons.items() if n.kind == "neuron"]
    synapse = next(iter(network.synapses))
    new_id = network.new_id("q")
    right = max(n.position[0] for n in network.neurons.values()) + 160.0

    def switch_input():
        x, y = network.neuron(inputs[0]).position
        before = network.neuron(inputs[0]).value
        window.view.centerOn(x, y)
        click(qtbot, window, x, y)  # a click with the Select tool switches it
        qtbot.waitUntil(lambda: network.neuron(inputs[0]).value != before, timeout=3000)

    def set_weight():
        push(stack(window), SetSynapseParamCommand(network, synapse, "weight", -0.75))

    def set_threshold():
        push(stack(window), SetNeuronParamCommand(network, computing[-1], "threshold", 0.25))

    def set_activation():
        now = network.neuron(computing[0]).activation
        push(stack(window), SetNeuronParamCommand(network, computing[0], "activation",
                                                  "sigmoid" if now != "sigmoid" else "tanh"))

    def add_neuron():
        push(stack(window), AddNeuronCommand(network, Neuron(new_id, position=(right, 0.0),
                                                             activation="relu", threshold=-0.5)))

    def connect():
        push(stack(window), ConnectCommand(network, Synapse(computing[-1], new_id, weight=2.0)))

    def delete_neuron():
        push(stack(window), delete_command(network, [computing[0]], []))

    result = [("set weight", set_weight), ("set threshold", set_threshold),
              ("set activation", set_activation), ("add neuron", add_neuron), ("connect", connect),
              ("delete neuron", delete_neuron)]
    if inputs:
        result.insert(0, ("switch input", switch_input))
    return result


def walk(window, qtbot, check) -> None:
    check("opened")
    done = 0
    for name, do in edits(window, qtbot):
        do()
        done += 1
        check(name)
    for k in range(done):
        window.undo_action.trigger()
        check(f"undo {k + 1}")
    for k in range(done):
        window.redo_action.trigger()
        check(f"redo {k + 1}")


# ---- the tests ---------------------------------------------------------------------------------
@pytest.mark.parametrize("example", RATE_EXAMPLES, ids=[e.file for e in RATE_EXAMPLES])
def test_every_rate_example_shows_its_settled_values_after_every_edit(window, qtbot, tmp_path, capsys, example):
    assert window.examples.open_example(example)
    walk(window, qtbot, lambda what: check_rate(window, tmp_path, capsys, f"{example.file}: {what}"))


@pytest.mark.parametrize("example", SPIKING_EXAMPLES, ids=[e.file for e in SPIKING_EXAMPLES])
def test_every_spiking_example_shows_one_tick_on_the_canvas_and_the_panel(window, qtbot, example):
    assert window.examples.open_example(example)
    playback = window.playback

    def check(what: str) -> None:
        for _ in range(37):  # 3.7 ms: potentials away from rest
            playback.step()
        check_spiking(window, f"{example.file}: {what}")

    walk(window, qtbot, check)


def test_a_network_built_by_clicking_shows_its_values_after_every_edit(window, qtbot, tmp_path, capsys):
    inputs, neurons = [(0.0, 0.0), (0.0, 120.0), (0.0, 240.0)], [(300.0, 60.0), (300.0, 180.0)]
    window.tool_actions["input"].trigger()
    for x, y in inputs:
        click(qtbot, window, x, y)
    window.tool_actions["neuron"].trigger()
    for x, y in neurons:
        click(qtbot, window, x, y)
    window.tool_actions["connect"].trigger()
    for source in inputs:
        for target in neurons:
            drag(qtbot, window, source, target)
    window.tool_actions["select"].trigger()
    window.scene.flush()
    assert len(window.network.synapses) == 6
    walk(window, qtbot, lambda what: check_rate(window, tmp_path, capsys, f"built by clicking: {what}"))
