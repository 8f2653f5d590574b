"""`neuron-sim bench`: every figure against a baseline measured in the same run (see core.py).

The list below is the whole registry, in the order the bench runs: the engines and training first, then the
canvas, compound edits and loading, the animation, the spiking playback, Name the parts and the figure export,
which import Qt when they run, and the start-up, which starts fresh processes.
"""

from __future__ import annotations

from neuron_sim.bench import animation, canvas, engines, export, name_parts, playback, startup, structure, training
from neuron_sim.bench.core import Benchmark, run_bench

BENCHMARKS: tuple[Benchmark, ...] = (
    engines.rate_benchmarks,
    engines.spiking_benchmarks,
    training.training_benchmarks,
    canvas.canvas_benchmarks,
    structure.structure_benchmarks,
    animation.animation_benchmarks,
    playback.playback_benchmarks,
    name_parts.name_parts_benchmarks,
    export.export_benchmarks,
    startup.startup_benchmarks,
)


def run(json_output: bool = False, quick: bool = False, check: bool = False) -> int:
    """Run every benchmark in BENCHMARKS (the `neuron-sim bench` command)."""
    return run_bench(BENCHMARKS, json_output=json_output, quick=quick, check=check)
