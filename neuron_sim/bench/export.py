"""Export timings for `neuron-sim bench`: a 4× PNG and an SVG of a 200-neuron network.

Each figure is the wall time of the whole export a person waits for (the figure's scene built
from the network, drawn, encoded, written), median of repeats, against the issue's goal of 2 s;
the PNG also against a floor measured in the same run: Qt drawing the built figure into one image
on one core (the export shares its bands with a helper process where it can: export/band_helper.py).
Where it does, one more figure says what the helper buys: the built figure's PNG with the helper
against the same PNG drawn in one process, measured in turns.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from collections.abc import Iterator
from pathlib import Path

EXPORT_GOAL_S = 2.0


def export_benchmarks(quick: bool = False) -> Iterator[dict]:
    """`neuron-sim bench` entry: PNG at 4× and SVG of a layered network (quick: 40 neurons, 1×)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from neuron_sim.bench.core import median_seconds, record, timed
    from neuron_sim.model.generate import layered_network

    from neuron_sim.ui.application import create_application
    from neuron_sim.ui.export.figure import Figure, FigureOptions
    from neuron_sim.ui.export.raster import png_bytes, shares_with_helper

    create_application()
    neurons, synapses, scale, repeats = (40, 200, 1.0, 1) if quick else (200, 1000, 4.0, 3)
    network = layered_network(neurons, synapses, seed=1)
    name = f"{neurons} neurons, {synapses} synapses"
    with tempfile.TemporaryDirectory() as folder:
        png = Path(folder) / "figure.png"
        svg = Path(folder) / "figure.svg"
        built = Figure(network, FigureOptions(scale=scale))
        size = built.pixel_size()
        png_s = median_seconds(lambda: Figure(network, FigureOptions(scale=scale)).save(png), repeats)
        svg_s = median_seconds(lambda: Figure(network, FigureOptions(scale=scale)).save(svg), repeats)
        # The floor: Qt drawing the built figure into one image, no building, no encoding, no file.
        floor_s = median_seconds(built.image, repeats)
        shared = shares_with_helper(size.width(), size.height())
        if shared:  # what the helper process buys: the built figure's PNG both ways, taken in turns
            both = [(timed(lambda: png_bytes(built)), timed(lambda: png_bytes(built, helper_allowed=False)))
                    for _ in range(repeats)]
            helper_s, alone_s = (statistics.median(times) for times in zip(*both))
    processes = "2 processes" if shared else "1 process"
    pixels = f"{size.width()} × {size.height()} px, {processes}"
    yield _record(f"export PNG {scale:g}× ({pixels}), {name}", png_s)
    yield _record(f"export SVG, {name}", svg_s)
    yield record(f"export PNG {scale:g}× vs drawing it, {name}", png_s, "s", floor_s,
                 "Qt drawing the same figure into one image (same run)")
    if shared:
        yield record(f"PNG {scale:g}× of the built figure, 2 processes vs 1, {name}", helper_s, "s", alone_s,
                     "the same bands drawn in this process alone (same run, in turns)")


def _record(name: str, seconds: float) -> dict:
    from neuron_sim.bench.core import record

    return record(name, seconds, "s", EXPORT_GOAL_S, "goal (< 2 s)", goal=1.0)
