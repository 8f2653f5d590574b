"""What the UI benchmarks share: a real main window showing a generated network, offscreen.

Imported only inside the benchmark functions, so `neuron_sim/bench/core.py` never imports Qt.
"""

from __future__ import annotations

import os
import statistics
import time

from neuron_sim.model import Network


def playing_network(neurons: int, synapses: int) -> Network:
    """A layered rate network in which every synapse carries a pulse on every tick."""
    from neuron_sim.model.generate import layered_network

    network = layered_network(neurons, synapses, seed=2)
    network.set_param("update", "synchronous")
    for nid in list(network.neurons)[: max(1, neurons // 10)]:
        network.set_neuron_param(nid, "value", 1.0)
    return network


def bench_window(network: Network):
    """A shown 1600 × 1000 main window holding `network`, with its events processed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from neuron_sim.ui.application import create_application
    from neuron_sim.ui.window.main_window import MainWindow

    create_application()
    window = MainWindow()
    window.files.ask_to_save = lambda: None  # a benchmark never asks
    window.resize(1600, 1000)
    window.show()
    window.document.replace(network)
    QApplication.processEvents()
    return window


FRAME_SECONDS = 1 / 30


def warm_up(playback) -> None:
    """A few ticks in, so that the caches are filled before anything is timed."""
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        playback.advance(0.4)
        QApplication.processEvents()


def median_frame_ms(playback, frames: int) -> float:
    """Median time of what the playback timer does per frame: advance 1/30 s, then repaint."""
    from PySide6.QtWidgets import QApplication

    times = []
    for _ in range(frames):
        start = time.perf_counter()
        playback.advance(FRAME_SECONDS)
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000
