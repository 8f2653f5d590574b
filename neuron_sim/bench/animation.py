"""Animation frame time for `neuron-sim bench`, against the least a frame must do, in the same run.

A frame is what the playback timer does: advance the model by 1/30 s, hand the state to the canvas,
and let Qt repaint the viewport. The floor is the least any canvas could do for the same frame:
the same model advance (the player's steps, then its pulses and levels read, as every frame must),
then, into an image of the viewport's size, one blit of the still picture (every synapse and cell,
drawn beforehand) and the frame's pulses stamped from an atlas in one call, placed beforehand.
The two alternate, frame by frame, on one player.
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
        frame_ms, floor_ms = medians["app"] * 1000, medians["floor"] * 1000
        name = f"{neurons}/{synapses}"
        yield record(f"animation frame {name}", frame_ms, "ms", floor_ms,
                     "the same model advance, one blit of the still picture and the pulses stamped",
                     goal=FRAME_GOAL)
        yield record(f"animation frames per second {name}", 1000 / frame_ms, "fps", 30.0, "goal")
        playback.pause()
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
        QApplication.processEvents()


class _Floor:
    """The floor's frame on the window's own player; its pictures are made once, untimed."""

    def __init__(self, window):
        from PySide6.QtGui import QImage

        from neuron_sim.ui.canvas import animation
        from neuron_sim.ui.canvas.animation_sprites import PulseSprites

        view = window.view
        self.player = window.playback.player
        pulse_layer = window.playback_controls.animator.pulse_layer
        self.still = view.viewport().grab()  # what is on screen now, pulses and all: a picture to blit
        self.image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
        self.transform = view.viewportTransform()
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        positions, radii, signs = pulse_layer.positions, pulse_layer.radii, pulse_layer.signs
        inside = ((positions[:, 0] >= visible.left()) & (positions[:, 0] <= visible.right())
                  & (positions[:, 1] >= visible.top()) & (positions[:, 1] <= visible.bottom()))
        self.sprites = PulseSprites(float(f"{self.transform.m11():.2g}"),
                                    (animation.EXCITATORY_PULSE, animation.INHIBITORY_PULSE),
                                    (animation.PALETTE.excitatory, animation.PALETTE.inhibitory))
        self.fragments = np.ascontiguousarray(
            self.sprites.fragments(positions[inside], radii[inside], signs[inside] < 0))

    def frame(self) -> float:
        from PySide6.QtGui import QPainter

        from neuron_sim.bench.core import timed
        from neuron_sim.bench.window import FRAME_SECONDS
        from neuron_sim.ui.canvas.animation_sprites import stamp

        def draw():
            self.player.advance(FRAME_SECONDS)
            self.player.pulses()
            self.player.levels()
            painter = QPainter(self.image)
            painter.drawPixmap(0, 0, self.still)
            painter.setTransform(self.transform)
            stamp(painter, self.fragments, self.sprites.pixmap)
            painter.end()
        return timed(draw)


def animation_benchmarks(quick: bool = False) -> Iterator[dict]:
    """`neuron-sim bench` entry: frame time at 200/2,000 and 1,000/10,000 (quick: 50/200)."""
    sizes = ((50, 200),) if quick else ((200, 2000), (1000, 10000))
    yield from frame_records(sizes, frames=10 if quick else 40)
