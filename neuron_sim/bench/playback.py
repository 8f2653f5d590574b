"""Spiking playback in the app for `neuron-sim bench`, each figure against the engine alone or a
drawing floor measured in the same run.

- Playback per step: the Player (model/player.py: the step, its sample into the trace recorder,
  the pulses' bookkeeping) against `SpikingEngine.step()` alone, on the same network, 7 steps
  at a time as a frame at speed 1 asks for them, in turns (player, engine, player …), medians.
  Reading the pulses for the canvas is a frame's work, not a step's: it is in the frame figure.
- Peak memory: tracemalloc's peak while a Player is built for the network and plays (reading
  the pulses and levels every frame's worth of steps), against the same for the engine alone.
- Pulse drawing: the canvas's pulse layer painting P pulses travelling along a network's curves
  (choosing those in view, placing them on their curves, stamping them) against a floor that
  stamps the same pulses, already placed, from an atlas made beforehand, with one QPainter call.
  The old way (one antialiased ellipse per pulse, pens and brushes switched by sign) is measured
  beside them, for the record.
"""

from __future__ import annotations

import gc
import os
import tracemalloc
from collections.abc import Callable, Iterator

import numpy as np

from neuron_sim.bench.core import Record, interleaved, record, timed

#: the app's playback per step within 1.5× the engine's step; its peak memory within 1.5× the
#: engine's; the pulses' drawing within 2× the stamping floor (docs/performance.md)
STEP_GOAL = 1.5
MEMORY_GOAL = 1.5
DRAWING_GOAL = 2.0
FRAME_STEPS = 7  # spiking steps per frame at speed 1 (20 ms of simulated time per second, 30 frames)
WARMUP_STEPS = 2000  # 200 ms: the firing settles, the delay buffers fill
FAN_OUT = 100
GRID = 120.0  # scene units between neighbouring cells (a cell is about 90 wide)
PAINTS_PER_SAMPLE = 4  # paints timed together: one sample spans a few busy-machine hiccups


def spiking_network(n: int, fan_out: int = FAN_OUT, seed: int = 1, reach: int | None = None):
    """A random recurrent LIF Network like the engine bench's arrays (bench/engines.py:
    spiking_arrays), with neurons and synapses, so that the Player can play it: min(fan_out, n − 1)
    synapses from each cell to distinct other cells, 80 % excitatory (+0.2 mV), 20 % inhibitory
    (−0.8 mV), delays 0.5–3 ms; τ = 20 ms, threshold 15 mV above rest, 2 ms refractory, drive
    15.5–17 mV (about 20 Hz). The cells sit on a square grid, GRID apart; with `reach`, each one's
    targets are among the cells at most `reach` rows and columns away (else anywhere)."""
    from neuron_sim.model.entities import Neuron, Synapse
    from neuron_sim.model.network import Network

    rng = np.random.default_rng(seed)
    fan_out = min(fan_out, n - 1)
    ids = [f"c{i}" for i in range(n)]
    inhibitory = rng.random(n) < 0.2
    drive, start = rng.uniform(15.5, 17.0, n), rng.uniform(-70.0, -55.0, n)
    side = max(1, int(np.ceil(np.sqrt(n))))
    neurons = [Neuron(ids[i], v_rest_mV=-70.0, v_reset_mV=-70.0, v_threshold_mV=-55.0, tau_ms=20.0,
                      refractory_ms=2.0, drive_mV=float(drive[i]), v_mV=float(start[i]),
                      position=(float(GRID * (i % side)), float(GRID * (i // side)))) for i in range(n)]
    if reach is not None:
        steps = np.arange(-reach, reach + 1)
        around = (steps[:, None] * side + steps[None, :]).ravel()  # row and column offsets, flattened
        around = around[around != 0]
    synapses = []
    for i in range(n):
        if reach is None:
            targets = ((i + 1 + rng.choice(n - 1, fan_out, replace=False)) % n).tolist()
        else:
            column = i % side
            near = i + around
            near = near[(near >= 0) & (near < n) & (np.abs(near % side - column) <= reach)]
            targets = rng.choice(near, min(fan_out, near.size), replace=False).tolist()
        weight = -0.8 if inhibitory[i] else 0.2
        for target, delay in zip(targets, rng.uniform(0.5, 3.0, len(targets)).tolist()):
            synapses.append(Synapse.trusted(ids[i], ids[target], weight, delay))
    network = Network(name=f"bench spiking {n}", model="spiking", dt_ms=0.1)
    network.add_all(neurons, synapses)
    return network


# ---- per step -----------------------------------------------------------------------------------
def step_records(sizes, repeats: int, seconds: float) -> Iterator[Record]:
    from neuron_sim.model.engines.spiking import SpikingEngine
    from neuron_sim.model.player import Player

    for n in sizes:
        network = spiking_network(n)
        engine = SpikingEngine(network)
        player = Player(network)
        player.close()  # nothing edits it here
        for _ in range(WARMUP_STEPS):
            engine.step()
        player.advance_stages(WARMUP_STEPS)
        trial = timed(lambda: [player.advance_stages(FRAME_STEPS) for _ in range(20)]) / 20
        frames = max(3, int(seconds / max(trial, 1e-6)))

        def played(frames=frames) -> float:
            return timed(lambda: [player.advance_stages(FRAME_STEPS) for _ in range(frames)]) / (frames * FRAME_STEPS)

        def alone(frames=frames) -> float:
            def run():
                for _ in range(frames):
                    for _ in range(FRAME_STEPS):
                        engine.step()
            return timed(run) / (frames * FRAME_STEPS)

        medians = interleaved({"player": played, "engine": alone}, repeats)
        yield record(f"spiking playback per step, N={n:,}", medians["player"] * 1e6, "us",
                     medians["engine"] * 1e6, "SpikingEngine.step() alone, same network", goal=STEP_GOAL)


# ---- peak memory --------------------------------------------------------------------------------
def _peak_bytes(action: Callable[[], object]) -> int:
    """tracemalloc's peak above what was allocated before, while `action` runs (its result kept)."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = action()
        peak = tracemalloc.get_traced_memory()[1]
        del kept
        return peak - before
    finally:
        tracemalloc.stop()


def memory_records(sizes, steps: int) -> Iterator[Record]:
    from neuron_sim.model.engines.spiking import SpikingEngine
    from neuron_sim.model.player import Player

    for n in sizes:
        network = spiking_network(n)

        def engine_alone():
            engine = SpikingEngine(network)
            for _ in range(steps):
                engine.step()
            return engine

        def app_playback():
            player = Player(network)
            for _ in range(steps // FRAME_STEPS):
                player.advance_stages(FRAME_STEPS)
                player.pulses()  # what the canvas reads each frame
                player.levels()
            player.close()
            return player

        engine_bytes = _peak_bytes(engine_alone)
        player_bytes = _peak_bytes(app_playback)
        # the goal is for large networks: a small one's recording (4,000 samples) outweighs its engine
        yield record(f"spiking playback peak memory, N={n:,}", player_bytes / 1e6, "MB", engine_bytes / 1e6,
                     f"SpikingEngine built and run alone (tracemalloc peaks, {steps} steps)",
                     goal=MEMORY_GOAL if n >= 10_000 else None)


# ---- drawing the pulses -------------------------------------------------------------------------
def drawing_records(pulse_counts, repeats: int) -> Iterator[Record]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem

    from neuron_sim.bench.window import bench_window
    from neuron_sim.ui.canvas import animation
    from neuron_sim.ui.canvas.animation_sprites import PulseSprites, stamp

    gc.collect()  # the networks of the benchmarks before: not collected while this one is timed
    window = bench_window(spiking_network(1000, fan_out=10, seed=3))
    scene, view = window.scene, window.view
    scene.flush()
    view.fit()
    QApplication.processEvents()
    layer = scene.synapse_layer
    layer.ensure_layout()
    pulse_layer = window.playback_controls.animator.pulse_layer
    window.playback_controls.animator.stop_following()  # the bench hands the pulses over itself
    size = view.viewport().size()
    transform = view.viewportTransform()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    rng = np.random.default_rng(5)
    for count in pulse_counts:
        rows = rng.integers(0, len(layer.keys), count)
        progress = rng.random(count)
        strength = np.where(rng.random(count) < 0.8, 0.2, -0.8) * rng.uniform(0.5, 2.0, count)
        pulse_layer.set_travelling(rows, progress, strength, layer.layout_.control, layer.curve_boxes(), True,
                                   layer.boundingRect(), layer.label_boxes)
        option = QStyleOptionGraphicsItem()
        option.exposedRect = visible
        positions, radii, signs = pulse_layer.positions, pulse_layer.radii, pulse_layer.signs
        inside = ((positions[:, 0] >= visible.left() - 12) & (positions[:, 0] <= visible.right() + 12)
                  & (positions[:, 1] >= visible.top() - 12) & (positions[:, 1] <= visible.bottom() + 12))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)

        def painted(draw, times: int = PAINTS_PER_SAMPLE) -> float:
            elapsed = 0.0
            for _ in range(times):
                image.fill(QColor("white"))
                painter = QPainter(image)
                painter.setTransform(transform)
                painter.setClipRect(visible)
                elapsed += timed(lambda: draw(painter))  # the garbage collector held off, as in core
                painter.end()
            return elapsed / times

        def app(painter) -> None:
            pulse_layer.paint(painter, option, None)

        scale = float(f"{transform.m11():.2g}")
        sprites = PulseSprites(scale, (animation.EXCITATORY_PULSE, animation.INHIBITORY_PULSE),
                               (animation.PALETTE.excitatory, animation.PALETTE.inhibitory))
        fragments = np.ascontiguousarray(sprites.fragments(positions[inside], radii[inside], signs[inside] < 0))

        def floor(painter) -> None:
            stamp(painter, fragments, sprites.pixmap)

        ellipses = list(zip(positions[inside].tolist(), radii[inside].tolist(), signs[inside].tolist()))

        def one_by_one(painter) -> None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            colours = animation._SignColours(painter)
            for (x, y), r, s in ellipses:
                colours.use(s)
                painter.drawEllipse(QPointF(x, y), r, r)

        medians = interleaved({"app": lambda: painted(app), "floor": lambda: painted(floor),
                               "ellipses": lambda: painted(one_by_one, 1)}, repeats)
        shown = int(inside.sum())
        yield record(f"pulse drawing, {count:,} pulses ({shown:,} in view)", medians["app"] * 1e3, "ms",
                     medians["floor"] * 1e3, "the same pulses placed beforehand, stamped in one call",
                     goal=DRAWING_GOAL)
        yield record(f"pulses as ellipses (before), {count:,}", medians["ellipses"] * 1e3, "ms",
                     medians["floor"] * 1e3, "the stamping floor")
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def playback_benchmarks(quick: bool = False) -> Iterator[Record]:
    """`neuron-sim bench` entry: playback per step and peak memory at 1,000 and 10,000 cells,
    pulse drawing at 1,000 and 10,000 pulses (quick: 200 cells, 1,000 pulses)."""
    if quick:
        yield from step_records((200,), repeats=3, seconds=0.03)
        yield from memory_records((200,), steps=70)
        yield from drawing_records((1000,), repeats=3)
        return
    yield from step_records((1_000, 10_000), repeats=7, seconds=0.3)
    yield from memory_records((10_000,), steps=700)
    yield from drawing_records((1_000, 10_000), repeats=15)
