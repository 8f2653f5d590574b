"""`neuron-sim bench`: the output format (never the timings themselves: machines differ)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

import neuron_sim.bench
from neuron_sim.bench import core as bench

from neuron_sim.bench import engines as bench_engines
from neuron_sim.bench import training as bench_training
from neuron_sim.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"name", "value", "unit", "baseline", "ratio"}


def check_record(record: dict) -> None:
    assert KEYS <= set(record), record
    assert isinstance(record["name"], str) and record["name"]
    assert isinstance(record["unit"], str) and record["unit"]
    assert isinstance(record["value"], float) and math.isfinite(record["value"]) and record["value"] > 0
    if record["baseline"] is None:
        assert record["ratio"] is None
    else:
        assert isinstance(record["baseline"], float) and record["baseline"] > 0
        assert record["ratio"] == pytest.approx(record["value"] / record["baseline"], rel=1e-2)


@pytest.fixture(scope="module")
def quick_json_lines() -> list[str]:
    result = subprocess.run([sys.executable, "-m", "neuron_sim", "bench", "--json", "--quick"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_quick_json_is_one_record_per_line(quick_json_lines):
    records = [json.loads(line) for line in quick_json_lines]
    assert records
    for record in records:
        check_record(record)
    names = [r["name"] for r in records]
    assert len(names) == len(set(names))


def test_quick_json_covers_rate_and_spiking_networks(quick_json_lines):
    records = {r["name"]: r for r in map(json.loads, quick_json_lines)}
    for name, _, _ in bench_engines.RATE_QUICK_NETS:
        rate = records[f"rate feedforward pass, {name}"]
        assert rate["unit"] == "us" and rate["baseline"] is not None  # plain numpy chains, same run
        assert rate["goal"] == bench_engines.RATE_GOAL and "CSR" in rate["baseline_name"]
    for n in bench_engines.SPIKING_QUICK_SIZES:
        assert records[f"spiking step, N={n:,}"]["unit"] == "us"
        assert records[f"spiking firing rate, N={n:,}"]["unit"] == "Hz"


def test_quick_json_covers_training_against_numpy(quick_json_lines):
    records = {r["name"]: r for r in map(json.loads, quick_json_lines)}
    for name, _, examples, batch in bench_training.QUICK_CASES:
        updates = "full batch" if batch is None else f"batches of {batch}"
        epoch = records[f"training epoch, {name} on {examples:,} ({updates})"]
        assert epoch["unit"] == "ms" and epoch["baseline"] is not None  # plain numpy SGD, same run
        assert records[f"training speed, {name} on {examples:,}"]["unit"] == "epochs/s"


def test_quick_json_covers_the_spiking_playback(quick_json_lines):
    records = {r["name"]: r for r in map(json.loads, quick_json_lines)}
    step = records["spiking playback per step, N=200"]
    assert step["unit"] == "us" and step["goal"] == 1.5 and "SpikingEngine.step()" in step["baseline_name"]
    memory = records["spiking playback peak memory, N=200"]
    assert memory["unit"] == "MB" and memory["baseline"] is not None and "goal" not in memory  # a goal at 10,000
    drawing = records["pulse drawing, 1,000 pulses (1,000 in view)"]
    assert drawing["unit"] == "ms" and drawing["goal"] == 2.0 and "stamped" in drawing["baseline_name"]


def test_human_table(capsys):
    def figures(quick: bool):
        yield bench.record("something, N=10", 2.0, "us", 4.0, "a baseline")
        yield bench.record("without baseline", 3.0, "Hz")

    assert bench.run_bench(json_output=False, quick=True, benchmarks=[figures]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("neuron-sim bench")
    assert "baseline" in lines[1]
    assert "something, N=10" in lines[2] and "2 µs" in lines[2] and "0.50×" in lines[2]
    assert "a baseline" in lines[2]
    assert "without baseline" in lines[3] and "—" in lines[3]


def test_a_failing_benchmark_does_not_hide_the_others(capsys):
    def broken(quick: bool):
        raise RuntimeError("no display")
        yield  # pragma: no cover

    def working(quick: bool):
        yield bench.record("works", 1.0, "ms")

    status = bench.run_bench(json_output=True, quick=True, benchmarks=[broken, working])
    out, err = capsys.readouterr()
    assert status == 1
    assert json.loads(out)["name"] == "works"
    assert "broken failed: RuntimeError: no display" in err


def test_every_benchmark_is_listed_once():
    assert len(set(neuron_sim.bench.BENCHMARKS)) == len(neuron_sim.bench.BENCHMARKS) == 10
    assert all(callable(b) for b in neuron_sim.bench.BENCHMARKS)


def test_cli_passes_its_flags(monkeypatch):
    seen = {}
    monkeypatch.setattr(neuron_sim.bench, "run", lambda json_output, quick, check, only: seen.update(
        json_output=json_output, quick=quick, check=check, only=only) or 0)
    assert main(["bench", "--json", "--quick", "--check"]) == 0
    assert seen == {"json_output": True, "quick": True, "check": True, "only": None}
    assert main(["bench", "--only", "rate", "--only", "name-parts"]) == 0
    assert seen["only"] == ["rate", "name-parts"]


def test_only_runs_the_groups_named_and_refuses_an_unknown_one(monkeypatch, capsys):
    ran = []
    monkeypatch.setattr(neuron_sim.bench, "run_bench", lambda chosen, **_: ran.extend(chosen) or 0)
    assert neuron_sim.bench.run(only=["spiking", "startup"]) == 0
    assert ran == [neuron_sim.bench.engines.spiking_benchmarks, neuron_sim.bench.startup.startup_benchmarks]
    assert set(neuron_sim.bench.GROUPS) >= {"rate", "spiking", "structure", "animation", "name-parts", "startup"}
    bench_help = next(a for a in build_parser()._subparsers._group_actions[0].choices["bench"]._actions
                      if "--only" in a.option_strings).help
    assert all(group in bench_help for group in neuron_sim.bench.GROUPS)  # the help names every group
    assert main(["bench", "--only", "spiky"]) == 2
    assert "no benchmark group 'spiky'; the groups are rate, spiking" in capsys.readouterr().err


def _goal_figures(quick: bool):
    yield bench.record("met", 1.0, "ms", 1.0, "a baseline", goal=1.2)
    yield bench.record("missed", 3.0, "ms", 2.0, "a baseline", goal=1.2)
    yield bench.record("unmeasured", 3.0, "ms", None, "not measured", goal=1.2)


def test_check_fails_a_run_that_misses_a_goal_and_names_it(capsys):
    assert bench.run_bench([_goal_figures], json_output=True, quick=True) == 0  # without --check
    capsys.readouterr()
    assert bench.run_bench([_goal_figures], json_output=True, quick=True, check=True) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["goal"] for line in out.splitlines()] == [1.2, 1.2, 1.2]
    assert "missed the goal: missed: 1.5×" in err
    assert "met" not in err.replace("missed", "") and "unmeasured" not in err


def test_check_passes_a_run_that_meets_every_goal(capsys):
    def figures(quick: bool):
        yield bench.record("met", 1.0, "ms", 1.0, "a baseline", goal=1.2)
        yield bench.record("no goal", 9.0, "ms", 1.0, "a baseline")

    assert bench.run_bench([figures], json_output=False, quick=True, check=True) == 0
    out, err = capsys.readouterr()
    assert "≤ 1.2×" in out and "every goal met" in err


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Brian2 2.9 on pyparsing 3.3
def test_brian2_baseline_falls_back_to_numpy_when_cython_fails(monkeypatch):
    real = bench_engines.brian2_network

    def no_cython(arrays, target):
        if target == "cython":
            raise RuntimeError("no compiler")
        return real(arrays, target)

    monkeypatch.setattr(bench_engines, "brian2_network", no_cython)
    brian = bench_engines._Brian2(quick=False)
    assert brian.target == "numpy"
    assert "numpy" in brian.label and "cython failed" in brian.label


def test_the_brian2_figures_compare_the_spike_trains_and_miss_on_one_unlike_spike(monkeypatch):
    """The bench's Brian2 baseline must simulate the same network: its spike trains are compared
    cell by cell and step by step, and a single changed synapse on Brian2's side misses the goal."""
    records = {r["name"]: r for r in bench_engines.spiking_benchmarks(quick=False, sizes=(10,))}
    same = records["spiking spikes unlike Brian2's, N=10"]
    assert same["value"] == 0.0 and same["baseline"] > 0 and not bench.missed_goal(same)

    build = bench_engines.brian2_network

    def one_weight_changed(arrays, target):
        arrays.syn_weight = arrays.syn_weight.copy()
        arrays.syn_weight[0] += 5.0  # a 5 mV jump more on one synapse
        return build(arrays, target)

    monkeypatch.setattr(bench_engines, "brian2_network", one_weight_changed)
    records = {r["name"]: r for r in bench_engines.spiking_benchmarks(quick=False, sizes=(10,))}
    unlike = records["spiking spikes unlike Brian2's, N=10"]
    assert unlike["value"] > 0 and bench.missed_goal(unlike)
