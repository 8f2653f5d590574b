"""Canvas interaction timings for `neuron-sim bench`: real mouse events on an offscreen window.

Each figure is the wall time from the input event to a repainted viewport, median of repeats.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterator

INTERACTION_GOAL_MS = 100.0


def interaction_records(neurons: int = 500, synapses: int = 5000, repeats: int = 5,
                        zoom: float | None = None) -> Iterator[dict]:
    """Select all, one drag step of everything, the drop (one undo command), and undo; at the
    zoom that fits the network, or at `zoom` (1.0: 100 %, where labels and details are drawn)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from neuron_sim.model.generate import layered_network

    from neuron_sim.bench.core import median_seconds

    from neuron_sim.bench.window import bench_window

    window = bench_window(layered_network(neurons, synapses, seed=1))
    view, scene = window.view, window.scene
    viewport = view.viewport()

    def settle() -> None:
        # What a person waits for: the event loop handles the input, lays the synapses out and
        # paints the viewport once (as it does in the app).
        QApplication.processEvents()

    first = next(iter(scene.neuron_items.values()))
    name = f"{neurons}/{synapses}"
    if zoom is not None:
        view.set_zoom(zoom)
        view.centerOn(first.scenePos())
        name += f" at {zoom:.0%}"
    settle()

    def select_all() -> None:
        window.edit.select_all_action.trigger()
        settle()

    times = []
    for _ in range(repeats):
        scene.select()
        settle()
        times.append(median_seconds(select_all, 1) * 1000)
    yield _record(f"canvas select all {name}", statistics.median(times))

    press_at = view.mapFromScene(first.scenePos())
    offsets = iter(range(1, 10_000))

    def drag_step() -> None:
        k = next(offsets)
        QTest.mouseMove(viewport, press_at + (QPointF(3 * k % 40, 2 * k % 30)).toPoint())
        settle()

    window.edit.select_all_action.trigger()
    settle()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press_at)
    drag_step()  # the first move only starts the drag
    drag_ms = median_seconds(drag_step, repeats * 2) * 1000
    yield _record(f"canvas drag step, all selected {name}", drag_ms)

    start = time.perf_counter()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       press_at + QPointF(12, 8).toPoint())
    settle()
    release_ms = (time.perf_counter() - start) * 1000.0
    yield _record(f"canvas drop (one move command) {name}", release_ms)

    def undo_redo() -> None:
        window.undo_action.trigger()
        settle()
        window.redo_action.trigger()
        settle()

    yield _record(f"canvas undo or redo move {name}", median_seconds(undo_redo, repeats) * 1000 / 2)
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def _record(name: str, value_ms: float) -> dict:
    from neuron_sim.bench.core import record
    return record(name, value_ms, "ms", INTERACTION_GOAL_MS, "goal", goal=1.0)


def canvas_benchmarks(quick: bool = False) -> Iterator[dict]:
    """`neuron-sim bench` entry: editing interactions on 500 neurons / 5,000 synapses (quick: 100/500)."""
    neurons, synapses = (100, 500) if quick else (500, 5000)
    repeats = 2 if quick else 5
    for rec in interaction_records(neurons, synapses, repeats):
        yield {**rec, "baseline_name": "goal (< 100 ms, no stall)"}
    # A classroom network seen at 100 %: weight labels, dendrites and boutons are all drawn.
    for rec in interaction_records(100, 500, repeats, zoom=1.0):
        yield {**rec, "baseline_name": "goal (< 100 ms, no stall)"}
