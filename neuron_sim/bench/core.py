"""`neuron-sim bench`: the engines' speed, each figure against a baseline measured in the same run.

A figure is a record (a dict), printed as a table row or, with --json, as one JSON line:

    {"name": ..., "value": ..., "unit": ..., "baseline": ... or null, "ratio": value / baseline or null,
     "baseline_name": what the baseline is}

Figures come from the benchmarks listed in `neuron_sim.bench.BENCHMARKS`: functions called as
`benchmark(quick=...)` that yield records. The modules that need Qt import it inside those
functions, so listing them costs nothing, and one failing benchmark costs one error line, not the
whole bench.

Method: every timing is the median of interleaved repeats (engine, baseline, engine, baseline …),
because the machines this runs on are shared and noisy; trust the ratios more than the times.
"""

from __future__ import annotations

import gc
import json
import math
import os
import platform
import statistics
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

Record = dict[str, Any]
Benchmark = Callable[..., Iterable[Record]]

def record(name: str, value: float, unit: str, baseline: float | None = None,
           baseline_name: str | None = None, goal: float | None = None) -> Record:
    """One figure. `ratio` = value / baseline (null without a baseline); `goal`, where the figure
    has one, is the largest ratio that meets it (`bench --check` fails a run that misses one)."""
    ratio = value / baseline if baseline else None
    rec = {"name": name, "value": _round(value), "unit": unit,
           "baseline": None if baseline is None else _round(baseline),
           "ratio": None if ratio is None else _round(ratio), "baseline_name": baseline_name}
    if goal is not None:
        rec["goal"] = goal
    return rec


def missed_goal(rec: Record) -> bool:
    """The figure has a goal and a measured ratio above it."""
    return rec.get("goal") is not None and rec.get("ratio") is not None and rec["ratio"] > rec["goal"]


def _round(x: float) -> float:
    return float(f"{x:.4g}") if math.isfinite(x) else x


# ---- timing helpers ----------------------------------------------------------------------------
def median_seconds(action: Callable[[], Any], repeats: int) -> float:
    """Median wall time of `repeats` calls (the UI benchmarks: what a person waits for)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(action: Callable[[], Any]) -> float:
    """Wall time of one call, with the garbage collector held off."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start
    finally:
        if enabled:
            gc.enable()


def steps_for(step: Callable[[], Any], seconds: float, limit: int = 200_000) -> int:
    """How many calls of `step` take about `seconds` (at least 50)."""
    trial = 20
    elapsed = per_call(step, trial) * trial
    while elapsed < 0.02 and trial < limit:
        trial *= 4
        elapsed = per_call(step, trial) * trial
    return int(min(max(50, seconds / max(elapsed / trial, 1e-9)), limit))


def per_call(step: Callable[[], Any], count: int) -> float:
    """Seconds per call of `step`, over `count` calls."""
    return timed(lambda: repeat_calls(step, count)) / count


def repeat_calls(step: Callable[[], Any], count: int) -> None:
    for _ in range(count):
        step()


def interleaved(measures: dict[str, Callable[[], float]], repeats: int) -> dict[str, float]:
    """Median over `repeats` rounds; each round calls every measure once, in turn."""
    results: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(repeats):
        for name, measure in measures.items():
            results[name].append(measure())
    return {name: statistics.median(values) for name, values in results.items()}


# ---- running and printing --------------------------------------------------------------------
def _name_of(benchmark: Benchmark) -> str:
    return getattr(benchmark, "__name__", repr(benchmark))


def _environment() -> str:
    parts = [f"Python {platform.python_version()}", f"numpy {np.__version__}"]
    try:
        from importlib.metadata import version
        parts.append(f"Brian2 {version('brian2')}")
    except Exception:  # noqa: BLE001
        pass
    parts.append(f"{os.cpu_count()} CPUs")
    return ", ".join(parts)


_UNITS = {"us": "µs"}


def _cell(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.4g} {_UNITS.get(unit, unit)}"


def _row(rec: Record) -> str:
    ratio = "—" if rec.get("ratio") is None else f"{rec['ratio']:.2f}×"
    goal = "" if rec.get("goal") is None else f"≤ {rec['goal']:g}×"
    baseline_name = rec.get("baseline_name") or ""
    return (f"{rec['name']:<34} {_cell(rec['value'], rec['unit']):>12} "
            f"{_cell(rec.get('baseline'), rec['unit']):>12} {ratio:>7} {goal:>7}   {baseline_name}")


def run_bench(benchmarks: Iterable[Benchmark], json_output: bool = False, quick: bool = False,
              check: bool = False) -> int:
    """Run the benchmarks in turn; print a table or JSON lines. 0 if all ran, 1 if one failed; with
    `check`, also 1 if a figure missed its goal (each one missed is named on stderr)."""
    out = sys.stdout
    failed = False
    missed: list[Record] = []
    if not json_output:
        mode = "quick: small sizes, no Brian2" if quick else "medians of interleaved repeats"
        print(f"neuron-sim bench ({mode}; {_environment()})", file=out)
        print(f"{'figure':<34} {'value':>12} {'baseline':>12} {'ratio':>7} {'goal':>7}   baseline is", file=out)
        out.flush()
    for benchmark in benchmarks:
        try:
            for rec in benchmark(quick=quick):
                out.write((json.dumps(rec, ensure_ascii=False) if json_output else _row(rec)) + "\n")
                out.flush()
                if missed_goal(rec):
                    missed.append(rec)
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, out.fileno())
            return 1
        except Exception as error:  # noqa: BLE001 - one broken benchmark must not hide the others
            failed = True
            print(f"neuron-sim bench: {_name_of(benchmark)} failed: {type(error).__name__}: {error}",
                  file=sys.stderr)
            if os.environ.get("NEURON_SIM_BENCH_TRACEBACK"):
                traceback.print_exc()
    if check:
        for rec in missed:
            print(f"neuron-sim bench: missed the goal: {rec['name']}: {rec['ratio']:.3g}× the baseline, "
                  f"goal ≤ {rec['goal']:g}× (baseline: {rec.get('baseline_name') or 'unnamed'})", file=sys.stderr)
        if not missed and not failed:
            print("neuron-sim bench: every goal met", file=sys.stderr)
    return 1 if failed or (check and missed) else 0

