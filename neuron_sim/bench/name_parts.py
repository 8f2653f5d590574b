"""View → Name the parts in `neuron-sim bench`: what the callouts cost while the network plays.

Two figures per network size, each against a baseline measured in the same run:
- an animation frame (advance 1/30 s, repaint) with the callouts shown, against the same frames
  without them: while the network plays, the callouts only check whether anything they are
  placed around changed (a synchronous rate network also changes the a = … text under the cells
  every tick, so some frames lay the callouts out again);
- laying the callouts out once, against the synapse layer laying out the whole network.
"""

from __future__ import annotations

import os
from collections.abc import Iterator


def name_parts_benchmarks(quick: bool = False) -> Iterator[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from neuron_sim.bench.core import median_seconds, record

    from neuron_sim.bench.window import bench_window, median_frame_ms, playing_network, warm_up

    sizes, frames, repeats = (((100, 1000),), 10, 3) if quick else (((200, 2000), (1000, 10000)), 40, 7)
    for neurons, synapses in sizes:
        window = bench_window(playing_network(neurons, synapses))
        playback = window.playback
        name = f"{neurons}/{synapses}"
        warm_up(playback)
        without = median_frame_ms(playback, frames)
        window.name_parts.action.setChecked(True)
        QApplication.processEvents()
        shown = median_frame_ms(playback, frames)
        yield record(f"animation frame, Name the parts shown, {name}", shown, "ms", without,
                     "the same frames without the callouts (same run)")

        overlay, layer = window.name_parts.overlay, window.scene.synapse_layer
        relayout_ms = median_seconds(overlay.relayout, repeats) * 1000
        rebuild_ms = median_seconds(layer.rebuild, repeats) * 1000
        yield record(f"Name the parts layout, {name}", relayout_ms, "ms", rebuild_ms,
                     "laying out every synapse of the network (same run)")
        window.name_parts.action.setChecked(False)
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
