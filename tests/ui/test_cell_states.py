"""Each frame hands a cell its playback state only when it changed, and what every cell shows
is the engine's state: its level and, for a computing unit, its output a = …."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from neuron_sim.bench.window import playing_network
from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.ui.canvas.neuron_item import NeuronItem
from neuron_sim.ui.styles import format_number


def chain() -> Network:
    network = Network(name="chain", update="synchronous")
    network.add_neuron(Neuron("x", kind="input", value=1.0, position=(0.0, 0.0)))
    network.add_neuron(Neuron("h", activation="sigmoid", threshold=0.0, position=(200.0, 0.0)))
    network.add_neuron(Neuron("y", activation="sigmoid", threshold=0.0, position=(400.0, 0.0)))
    network.connect(Synapse("x", "h", weight=2.0))
    network.connect(Synapse("h", "y", weight=-1.0))
    return network


def counting(monkeypatch) -> list[str]:
    calls: list[str] = []
    original = NeuronItem.set_state

    def set_state(item, *args):
        calls.append(item.neuron.id)
        original(item, *args)
    monkeypatch.setattr(NeuronItem, "set_state", set_state)
    return calls


def engine_shown(window, nid: str) -> tuple:
    engine = window.playback.engine
    level = window.playback.neuron_levels([nid])[nid][0]
    computing = window.network.neurons[nid].kind == "neuron" and nid in engine.computed_ids()
    return round(level, 3), "a = " + format_number(engine.output_of(nid)) if computing else ""


def assert_cells_show_the_engine(window) -> None:
    for nid, item in window.scene.neuron_items.items():
        assert (round(item.activity, 3), item.value_text) == engine_shown(window, nid)


def playing_settled_chain(window):
    """The chain shown and played long enough for every unit to have settled; its playback."""
    window.document.replace(chain())
    QApplication.processEvents()
    playback = window.playback
    playback.play()
    for _ in range(40):
        playback.advance(1 / 30)
    return playback


def test_every_cell_shows_the_engines_level_and_output_frame_by_frame(window):
    window.document.replace(playing_network(60, 300))
    QApplication.processEvents()
    playback = window.playback
    playback.play()
    for _ in range(12):
        playback.advance(1 / 30)
        assert_cells_show_the_engine(window)
    playback.pause()


def test_a_settled_network_touches_no_cell_and_an_edit_only_the_cells_it_changes(window, monkeypatch):
    playback = playing_settled_chain(window)
    calls = counting(monkeypatch)
    for _ in range(5):
        playback.advance(1 / 30)
    assert calls == []  # nothing the cells show changed
    window.network.set_neuron_param("x", "value", 0.5)  # into the running engine, in place
    for _ in range(40):
        playback.advance(1 / 30)
    assert set(calls) == {"x", "h", "y"}
    assert_cells_show_the_engine(window)
    playback.pause()


def test_a_new_engine_brings_every_cell_up_to_date(window, monkeypatch):
    playback = playing_settled_chain(window)
    calls = counting(monkeypatch)
    window.network.set_param("update", "feedforward")  # a new engine, from the start
    playback.advance(1 / 30)
    assert {"x", "h", "y"} <= set(calls)
    assert_cells_show_the_engine(window)
    playback.pause()
