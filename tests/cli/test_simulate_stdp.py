"""`neuron-sim simulate` runs networks with STDP synapses and reports their final weights."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from neuron_sim.cli import main
from neuron_sim.model.fileformat import load

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Brian2 with pyparsing 3.3

DATA = Path(__file__).resolve().parent.parent / "data"

PLASTIC = {
    "format": "neuron-sim", "version": 2, "model": "spiking", "dt_ms": 0.1,
    "neurons": [{"id": "g", "kind": "generator", "rate_hz": 50},
                {"id": "h", "kind": "generator", "rate_hz": 50, "start_ms": 3},
                {"id": "n", "drive_mV": 5}],
    "synapses": [{"source": "g", "target": "n", "weight": 4, "delay_ms": 1,
                  "plasticity": {"rule": "stdp", "A_pre": 0.5, "A_post": -0.6, "w_max": 8}},
                 {"source": "h", "target": "n", "weight": 16, "delay_ms": 0}],
}


def simulate(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["simulate", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_final_weights_are_reported_and_equal_brian2(tmp_path, capsys):
    pytest.importorskip("brian2")
    from tests.model.brian2_oracle import run_brian2

    path = tmp_path / "stdp.json"
    path.write_text(json.dumps(PLASTIC), encoding="utf-8")
    status, out, err = simulate(capsys, str(path), "--duration-ms", "200")
    assert status == 0, err
    data = json.loads(out)
    assert set(data["weights"]) == {"g->n"}  # only the synapse that learns
    expected = run_brian2(load(path), 2000).weights[("g", "n")]
    assert data["weights"]["g->n"] == pytest.approx(expected, abs=1e-9)
    assert data["weights"]["g->n"] > 4  # g's spikes arrive 2 ms before n fires: potentiation


def test_set_changes_the_start_weight(tmp_path, capsys):
    path = tmp_path / "stdp.json"
    path.write_text(json.dumps(PLASTIC), encoding="utf-8")
    _, out, _ = simulate(capsys, str(path), "--duration-ms", "200")
    _, changed, _ = simulate(capsys, str(path), "--duration-ms", "200", "--set", "g->n.weight=1")
    assert json.loads(changed)["weights"]["g->n"] != json.loads(out)["weights"]["g->n"]


def test_networks_without_plasticity_print_no_weights(capsys):
    status, out, _ = simulate(capsys, str(DATA / "spiking-relay.json"))
    assert status == 0 and "weights" not in json.loads(out)


def test_a_bad_rule_is_one_error_line(tmp_path, capsys):
    data = json.loads(json.dumps(PLASTIC))
    data["synapses"][0]["plasticity"]["tau_post_ms"] = -1
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = simulate(capsys, str(path))
    assert status == 2 and not out
    assert err == (f"neuron-sim: error: {path}: synapses[0].plasticity.tau_post_ms: "
                   "-1 is below the minimum 0.01\n")
