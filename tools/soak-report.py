#!/usr/bin/env python3
"""Run the long soaks of both engines and print steps, seconds and memory growth.

    uv run python tools/soak-report.py [--steps N]

The figures in docs/reliability.md come from this. Each engine runs N steps (default 10^6) as the
player does (state recorded every step in a bounded TraceRecorder) under warnings-as-errors and
np.errstate(all="raise"): once plainly, for the time, and once under tracemalloc, for the peak
memory above the start of the run (tracemalloc slows the run about threefold). A short traced run
of 2,000 steps beside it shows whether memory grows with the length of the run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.model.soaking import rate_soak_network, soak, spiking_soak_network  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1_000_000, help="steps per soak (default 1,000,000)")
    args = parser.parse_args()
    print("| soak | steps | seconds | µs per step | peak memory above start (2,000 steps → N steps) | "
          "spikes | largest value |\n|---|---|---|---|---|---|---|")
    for name, make in (("rate, synchronous, 8 neurons", rate_soak_network),
                       ("spiking, 7 neurons and sources", spiking_soak_network)):
        plain = soak(make(), args.steps)
        short = soak(make(), 2_000, trace_memory=True)
        traced = soak(make(), args.steps, trace_memory=True)
        print(f"| {name} | {plain.steps:,} | {plain.seconds:.1f} | {plain.seconds / plain.steps * 1e6:.1f} | "
              f"{short.peak_growth_bytes / 1024:.1f} KB → {traced.peak_growth_bytes / 1024:.1f} KB | "
              f"{plain.spikes:,} | {plain.largest:.3g} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
