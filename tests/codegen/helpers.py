"""Generate scripts, run them with the real peer (Keras, Brian2, PyNN) and compare with `simulate`."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from neuron_sim.model.codegen import ExportOptions, generate
from neuron_sim.model.fileformat import load
from neuron_sim.model.network import Network
from neuron_sim.model.simulate import simulate
from neuron_sim.resources_path import examples_dir

RUNNER = Path(__file__).resolve().parent / "run_scripts.py"
ROOT = Path(__file__).resolve().parents[2]


def need(module: str) -> None:
    """Skip when a peer is not installed (`uv run` installs them: codegen is a default dependency
    group); in CI a missing peer is a failure, never a silent skip."""
    if importlib.util.find_spec(module) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{module} is not installed; `uv sync` installs it (the codegen dependency group)")
        pytest.skip(f"{module} is not installed (uv sync installs the codegen group)")


def examples(model: str, update: str | None = None) -> list[Path]:
    """The shipped examples of a model; those whose synapses learn (STDP) are left out: export
    refuses them (test_errors checks the refusal)."""
    paths = []
    for path in sorted(examples_dir().glob("*.json")):
        network = load(path)
        learns = any(s.plasticity is not None for s in network.synapses.values())
        if network.model == model and (update is None or network.update == update) and not learns:
            paths.append(path)
    return paths


def run_scripts(networks: list[Network], target: str, folder: Path, steps: list[int | None] | None = None,
                python: str = sys.executable) -> list[dict]:
    """Generate a script per network, run them all in one subprocess, return their printed JSON."""
    steps = steps or [None] * len(networks)
    paths = []
    for k, (network, n) in enumerate(zip(networks, steps)):
        path = folder / f"script_{target}_{k}.py"
        path.write_text(generate(network, target, ExportOptions(steps=n)).text, encoding="utf-8")
        paths.append(str(path))
    # Brian2 (and PyNN's Brian2 back-end) read preferences from the working folder: numpy code,
    # as neuron-sim's Brian2 oracle uses, rather than compiling C++ for every script.
    (folder / "brian_preferences").write_text("codegen.target = 'numpy'\n", encoding="utf-8")
    env = {**os.environ, "KERAS_BACKEND": "jax", "PYTHONWARNINGS": "ignore"}
    result = subprocess.run([python, str(RUNNER), *paths], capture_output=True, text=True, encoding="utf-8",
                            cwd=folder, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(paths), result.stdout[-2000:]
    return [json.loads(line) for line in lines]


def expected(network: Network, steps: int | None = None) -> dict:
    return json.loads(simulate(network, steps).to_json())


def activity(output: dict) -> np.ndarray:
    return np.array(output["activity"], dtype=float).reshape(len(output["activity"]), len(output["ids"]))


def assert_same_rates(output: dict, wanted: dict) -> None:
    assert output["ids"] == wanted["ids"]
    assert "spikes" not in output
    np.testing.assert_allclose(activity(output), activity(wanted), rtol=0, atol=1e-6)


def assert_same_spikes(output: dict, wanted: dict, atol_mv: float = 1e-9) -> None:
    assert output["ids"] == wanted["ids"]
    assert output["spikes"] == wanted["spikes"]  # exactly: the same steps, stamped alike
    np.testing.assert_allclose(activity(output), activity(wanted), rtol=0, atol=atol_mv)
