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


def group_name(benchmark: Benchmark) -> str:
    """What `--only` calls a benchmark: its function's name without "_benchmarks", with dashes."""
    return benchmark.__name__.removesuffix("_benchmarks").replace("_", "-")


GROUPS = tuple(group_name(benchmark) for benchmark in BENCHMARKS)


def run(json_output: bool = False, quick: bool = False, check: bool = False, only: list[str] | None = None) -> int:
    """Run the benchmarks in BENCHMARKS, or only the groups named (the `neuron-sim bench` command)."""
    chosen = [b for b in BENCHMARKS if not only or group_name(b) in only]
    return run_bench(chosen, json_output=json_output, quick=quick, check=check)
