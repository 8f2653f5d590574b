"""Animation frame time for `neuron-sim bench`, against a bare-QPainter floor measured in the same run.

A frame is what the playback timer does: advance the engine by 1/30 s, hand the state to the canvas,
and let Qt repaint the viewport. The floor draws the same primitives (every synapse curve, every
cell, every pulse) with one QPainter into an image of the viewport's size, with the same transform.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterator


#: a frame within 1.5× of the bare-QPainter floor (docs/performance.md)
FRAME_GOAL = 1.5


def frame_records(sizes=((200, 2000), (1000, 10000)), frames: int = 40) -> Iterator[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from neuron_sim.bench.core import record
    from neuron_sim.bench.window import bench_window, median_frame_ms, playing_network, warm_up

    for neurons, synapses in sizes:
        window = bench_window(playing_network(neurons, synapses))
        playback = window.playback
        warm_up(playback)
        frame_ms = median_frame_ms(playback, frames)
        floor_ms = _floor_ms(window, frames=max(5, frames // 4))
        name = f"{neurons}/{synapses}"
        yield record(f"animation frame {name}", frame_ms, "ms", floor_ms, "bare QPainter, same primitives",
                     goal=FRAME_GOAL)
        yield record(f"animation frames per second {name}", 1000 / frame_ms, "fps", 30.0, "goal")
        playback.pause()
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
        QApplication.processEvents()


def _floor_ms(window, frames: int) -> float:
    """Draw the frame's primitives with one bare QPainter: curves, cells, pulses."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen

    from neuron_sim.model import geometry

    view = window.view
    scene = window.scene
    scene.flush()
    layer = scene.synapse_layer
    curves = layer._curves
    pulse_layer = window.playback_controls.animator.pulse_layer
    pulses = list(zip(pulse_layer.positions.tolist(), pulse_layer.radii.tolist()))
    cells = [(item.x(), item.y()) for item in scene.neuron_items.values()]
    size = view.viewport().size()
    transform = view.viewportTransform()
    pen = QPen(QColor("#D55E00"), 2.0)
    brush = QBrush(QColor("#F6EEDF"))
    pulse_brush = QBrush(QColor("#FFD23F"))
    radius = geometry.SOMA_RADIUS
    times = []
    for _ in range(frames):
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        start = time.perf_counter()
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(transform)
        painter.setClipRect(view.mapToScene(view.viewport().rect()).boundingRect())
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path in curves:
            painter.drawPath(path)
        painter.setBrush(brush)
        for x, y in cells:
            painter.drawEllipse(QPointF(x, y), radius, radius)
        painter.setBrush(pulse_brush)
        for (x, y), r in pulses:
            painter.drawEllipse(QPointF(x, y), r, r)
        painter.end()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def animation_benchmarks(quick: bool = False) -> Iterator[dict]:
    """`neuron-sim bench` entry: frame time at 200/2,000 and 1,000/10,000 (quick: 50/200)."""
    sizes = ((50, 200),) if quick else ((200, 2000), (1000, 10000))
    yield from frame_records(sizes, frames=10 if quick else 40)
