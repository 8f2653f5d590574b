"""Runs that would need more memory than the machine has are refused before they start.

Memory probes run in a subprocess under `resource.setrlimit(RLIMIT_AS)`: before, the first file
grew to gigabytes and died with MemoryError (or took the machine's memory with it)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path

import pytest

from neuron_sim.model import ModelError, Network, Neuron, Synapse, run_memory
from neuron_sim.model import simulate as simulate_module
from neuron_sim.model.fileformat import load, save
from neuron_sim.model.simulate import simulate, write_simulation
from neuron_sim.model.engines.spiking import SpikingEngine

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json")) + sorted((ROOT / "tests" / "data").glob("*.json"))
resource = pytest.importorskip("resource")
CAP_MB = 2500


def busy_cells(count: int, fan_out: int, delay_ms: float, dt_ms: float = 0.001) -> Network:
    """`count` cells that may fire every step, each with `fan_out` synapses of `delay_ms`."""
    network = Network(model="spiking", dt_ms=dt_ms)
    for i in range(count):
        network.add_neuron(Neuron(f"c{i}", kind="neuron", position=(i * 10.0, 0.0), drive_mV=1000.0,
                                  refractory_ms=0.0, tau_ms=0.01))
    for i in range(count):
        for j in range(1, fan_out + 1):
            network.connect(Synapse(f"c{i}", f"c{(i + j) % count}", weight=1.0, delay_ms=delay_ms))
    return network


def run_capped(*args: str) -> subprocess.CompletedProcess:
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({CAP_MB} << 20, {CAP_MB} << 20))
        from neuron_sim.cli import main
        sys.exit(main({list(args)!r}))
    """)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.mark.parametrize("steps", [None, "10000000"])
def test_a_small_file_asking_for_a_huge_run_is_refused_under_a_memory_cap(tmp_path, steps):
    path = tmp_path / "bomb.json"
    save(busy_cells(400, 10, 10_000.0), path)  # 10 s delays at dt = 0.001 ms: 10^7 steps in flight
    tiny = tmp_path / "tiny.json"
    save(busy_cells(2, 1, 10_000.0), tiny)
    target = path if steps is None else tiny
    result = run_capped("simulate", str(target), *(["--steps", steps] if steps else []))
    assert result.returncode == 2, result.stderr[-2000:]
    line = result.stderr.strip()
    assert "\n" not in line and "MemoryError" not in line
    assert line.startswith(f"neuron-sim: error: {target}: this run would need about ")
    assert "Run fewer steps" in line
    assert result.stdout == ""


def test_every_example_may_run_and_play():
    for path in EXAMPLES:
        network = load(path)
        run_memory.check(network, None, table_rows=run_memory.RECORDER_SAMPLES)
        run_memory.check(network, 100_000, table_rows=1000, keep_spikes=True)


@pytest.mark.parametrize("delay_ms,steps", [(5.0, 3000), (6.0, 3000), (4000.0, 300)])
def test_the_estimate_is_an_upper_bound_of_what_a_run_takes(delay_ms, steps):
    """tracemalloc's peak of a real run (cells that fire every step, ring buffer and sparse queue)
    is below the estimate of the parts that grow, plus the engine's fixed tables."""
    network = busy_cells(20, 5, delay_ms)
    engine = SpikingEngine(network)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        _, spikes = engine.run(steps, record=False)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert len(spikes) >= steps * 20 * 0.9  # they do fire (almost) every step
    need = run_memory.estimate(network, steps)
    spike_list = len(spikes) * 100  # the tuples engine.run returns (write_simulation keeps int64 pairs)
    assert peak <= need.total + spike_list + 256 * 1024, (peak, need)


def test_a_playing_window_refuses_the_bomb():
    network = busy_cells(400, 10, 10_000.0)
    with pytest.raises(ModelError, match="this run would need about"):
        run_memory.check(network, None, table_rows=run_memory.RECORDER_SAMPLES)


def test_an_address_space_limit_lowers_the_limit():
    script = textwrap.dedent("""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        from neuron_sim.model import run_memory
        print(run_memory.memory_limit())
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert int(result.stdout) == (1 << 30) // 2


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_streamed_output_is_the_whole_table(monkeypatch, fmt):
    monkeypatch.setattr(simulate_module, "BLOCK_VALUES", 7)  # blocks of a step or two
    for path in EXAMPLES:
        network = load(path)
        for steps in (None, 0, 1, 5, 23):
            whole = simulate(load(path), steps)
            expected = whole.to_json() if fmt == "json" else whole.to_csv()
            out = io.StringIO()
            write_simulation(network if steps is None else load(path), steps, out, fmt)
            assert out.getvalue() == expected, (path.name, steps)
            if fmt == "json":
                json.loads(out.getvalue())
