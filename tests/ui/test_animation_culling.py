"""A large network's frames bring only the cells in view up to date while it plays, and every
cell once it stops: what is seen is always the engine's state."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from neuron_sim.bench.playback import spiking_network
from neuron_sim.ui.canvas import animation


def shown(item) -> tuple:
    return item.activity, item.fired, item.refractory


def engine_state(window, nid: str) -> tuple:
    return window.playback.neuron_levels([nid])[nid]


def test_a_playing_frame_follows_the_cells_in_view_and_a_pause_every_cell(window):
    network = spiking_network(animation.CULLED_FROM + 500, fan_out=3)
    window.document.replace(network)
    QApplication.processEvents()
    window.view.reset_zoom()
    window.view.centerOn(0.0, 0.0)  # the first cells of the grid
    near, far = "c0", f"c{len(network.neurons) - 1}"
    items = window.scene.neuron_items
    playback = window.playback
    playback.play()
    for _ in range(5):
        playback.advance(1 / 30)
    assert shown(items[near]) == engine_state(window, near)
    assert shown(items[far]) != engine_state(window, far)  # out of view: left as it was
    playback.pause()
    assert shown(items[far]) == engine_state(window, far)


def test_a_step_brings_every_cell_up_to_date_when_it_ends(window, qtbot):
    network = spiking_network(animation.CULLED_FROM + 500, fan_out=3)
    window.document.replace(network)
    QApplication.processEvents()
    window.view.reset_zoom()
    window.view.centerOn(0.0, 0.0)
    far = f"c{len(network.neurons) - 1}"
    window.playback.play_step()
    window.playback.advance(1.0)  # the step's one dt, then the timer stops
    assert not window.playback.stepping
    qtbot.waitUntil(lambda: shown(window.scene.neuron_items[far]) == engine_state(window, far))


def test_a_small_network_follows_every_cell_in_every_frame(window):
    network = spiking_network(200, fan_out=3)
    window.document.replace(network)
    QApplication.processEvents()
    window.view.reset_zoom()
    window.view.centerOn(0.0, 0.0)
    playback = window.playback
    playback.play()
    for _ in range(3):
        playback.advance(1 / 30)
        for nid, item in window.scene.neuron_items.items():
            assert shown(item) == engine_state(window, nid)
    playback.pause()
