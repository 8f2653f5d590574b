"""Animation frame time for `neuron-sim bench`, against the least a frame must do, in the same run.

A frame is what the playback timer does: advance the model by 1/30 s, hand the state to the canvas,
and let Qt repaint the viewport. The floor is the least any canvas could do for the same frame:
the same model advance (the player's steps, then its pulses and levels read, as every frame must),
each pulse placed on its curve (the fastest way known here: the curves as polynomials, made
beforehand), then a window of the viewport's size repainted (as any frame reaches the screen): one
blit of the still picture (every synapse and cell, drawn beforehand) and the frame's pulses stamped
from an atlas in one call. The two alternate, frame by frame, on one player.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import numpy as np

#: a frame within 1.5× of the floor (docs/performance.md)
FRAME_GOAL = 1.5


def frame_records(sizes=((200, 2000), (1000, 10000)), frames: int = 40) -> Iterator[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from neuron_sim.bench.core import interleaved, record, timed
    from neuron_sim.bench.window import FRAME_SECONDS, bench_window, playing_network, warm_up

    for neurons, synapses in sizes:
        window = bench_window(playing_network(neurons, synapses))
        playback = window.playback
        warm_up(playback)
        floor = _Floor(window)

        def app_frame() -> float:
            def frame():
                playback.advance(FRAME_SECONDS)
                QApplication.processEvents()
            return timed(frame)

        medians = interleaved({"app": app_frame, "floor": floor.frame}, frames)
        floor.close()
        frame_ms, floor_ms = medians["app"] * 1000, medians["floor"] * 1000
        name = f"{neurons}/{synapses}"
        yield record(f"animation frame {name}", frame_ms, "ms", floor_ms,
                     "the same model advance, the pulses placed, a window repainted with one blit of the"
                     " still picture and the pulses stamped",
                     goal=FRAME_GOAL)
        yield record(f"animation frames per second {name}", 1000 / frame_ms, "fps", 30.0, "goal")
        playback.pause()
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
        QApplication.processEvents()


class _Floor:
    """The floor's frame on the window's own player; its pictures and curves are made once,
    untimed. Its window repaints at once (QWidget.repaint): no other event is handled in its time."""

    def __init__(self, window):
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QWidget

        from neuron_sim.ui.canvas import animation
        from neuron_sim.ui.canvas.animation_sprites import PulseSprites

        view = window.view
        self.player = window.playback.player
        layer = view.network_scene().synapse_layer
        self.still = view.viewport().grab()  # what is on screen now, pulses and all: a picture to blit
        self.transform = view.viewportTransform()
        self.sprites = PulseSprites(float(f"{self.transform.m11():.2g}"),
                                    (animation.EXCITATORY_PULSE, animation.INHIBITORY_PULSE),
                                    (animation.PALETTE.excitatory, animation.PALETTE.inhibitory))
        self.spiking = window.network.model == "spiking"
        self.coefficients = animation.power_coefficients(layer.layout_.control)
        row_of = layer.row_of()
        self.rows = np.array([row_of[key] for key in self.player.pulses().synapse_keys], dtype=np.intp)
        self.fragments = np.zeros((0, 10))
        floor = self

        class FloorWindow(QWidget):
            def paintEvent(self, _event):  # noqa: N802 (Qt's name)
                floor._paint()

        self.window = FloorWindow()
        self.window.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # the blit covers it
        self.window.resize(view.viewport().size())
        self.window.show()

    def _paint(self) -> None:
        from PySide6.QtGui import QPainter

        from neuron_sim.ui.canvas.animation_sprites import stamp

        painter = QPainter(self.window)
        painter.drawPixmap(0, 0, self.still)
        painter.setTransform(self.transform)
        stamp(painter, self.fragments, self.sprites.pixmap)
        painter.end()

    def frame(self) -> float:
        from neuron_sim.bench.core import timed
        from neuron_sim.bench.window import FRAME_SECONDS
        from neuron_sim.ui.canvas.animation import on_curves, pulse_radii

        def draw():
            self.player.advance(FRAME_SECONDS)
            pulses = self.player.pulses()
            self.player.levels()
            strength = np.asarray(pulses.strength)
            positions = on_curves(self.coefficients, self.rows[pulses.synapses], np.asarray(pulses.progress))
            self.fragments = self.sprites.fragments(positions, pulse_radii(strength, self.spiking), strength < 0)
            self.window.repaint()
        return timed(draw)

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()


def animation_benchmarks(quick: bool = False) -> Iterator[dict]:
    """`neuron-sim bench` entry: frame time at 200/2,000 and 1,000/10,000 (quick: 50/200)."""
    sizes = ((50, 200),) if quick else ((200, 2000), (1000, 10000))
    yield from frame_records(sizes, frames=10 if quick else 40)
