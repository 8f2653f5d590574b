"""`neuron-sim simulate`: outputs, and one clean error line (exit status 2) for every bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from neuron_sim.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
AND = str(DATA / "and.json")
RELAY = str(DATA / "spiking-relay.json")
LOOP = str(DATA / "loop.json")
ROOT = Path(__file__).resolve().parents[2]


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["simulate", *args])
    out, err = capsys.readouterr()
    return status, out, err


def run_process(*args: str) -> tuple[int, str, str]:
    result = subprocess.run([sys.executable, "-m", "neuron_sim", "simulate", *args], capture_output=True,
                            text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    return result.returncode, result.stdout, result.stderr


@pytest.fixture(params=["main", "subprocess"])
def run(request, capsys):
    if request.param == "main":
        return lambda *args: run_main(capsys, *args)
    return run_process


# ---- bad files and bad arguments ----------------------------------------------------------------------
def _bad_threshold_file(tmp_path: Path) -> str:
    data = json.loads(Path(AND).read_text(encoding="utf-8"))
    data["neurons"][2]["threshold"] = "abc"
    path = tmp_path / "bad threshold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _cycle_file(tmp_path: Path) -> str:
    data = json.loads(Path(LOOP).read_text(encoding="utf-8"))
    data["update"] = "feedforward"
    return _file(tmp_path, "cycle.json", json.dumps(data))


def _wide_file(tmp_path: Path) -> str:
    neurons = [{"id": f"x{i}", "kind": "input"} for i in range(10)]
    return _file(tmp_path, "wide.json", json.dumps({"format": "neuron-sim", "version": 1, "neurons": neurons}))


# (case, function tmp_path → argument list, text the error line must contain)
BAD = [
    ("missing file", lambda t: [str(t / "nope.json")], "nope.json: no such file"),
    ("directory", lambda t: [str(t)], "is a folder, not a network file"),
    ("invalid json", lambda t: [_file(t, "broken.json", '{"format": "neuron-sim",,}')],
     "broken.json: not valid JSON at line 1, column 25"),
    ("truncated", lambda t: [_file(t, "cut.json", Path(AND).read_text(encoding="utf-8")[:150])],
     "cut.json: not valid JSON at line 1, column 75: the file ends too early (truncated?)"),
    ("bad value in file", lambda t: [_bad_threshold_file(t)],
     'bad threshold.json: neurons[2].threshold: expected a number, got "abc"'),
    ("newer version", lambda t: [_file(t, "new.json", '{"format": "neuron-sim", "version": 99}')],
     "new.json: version: 99 is newer than this neuron-sim reads"),
    ("NaN in file", lambda t: [_file(t, "nan.json", Path(AND).read_text(encoding="utf-8").replace(
        '"threshold": 1.5', '"threshold": NaN'))], "nan.json: neurons[2].threshold: expected a finite number"),
    ("empty file", lambda t: [_file(t, "empty.json", "")], "empty.json: the file is empty"),
    ("cycle in feedforward", lambda t: [_cycle_file(t)], "synchronous"),
    ("steps not a number", lambda t: [AND, "--steps", "abc"], "argument --steps: invalid int value: 'abc'"),
    ("steps fractional", lambda t: [AND, "--steps", "1.5"], "argument --steps: invalid int value: '1.5'"),
    ("negative steps", lambda t: [AND, "--steps", "-3"], "the number of steps must be between 0 and 10,000,000, got -3"),
    ("too many steps", lambda t: [AND, "--steps", "100000000000"], "the number of steps must be between 0"),
    ("table too large", lambda t: [_wide_file(t), "--steps", "9000000"],
     "9,000,000 steps × 10 neurons is too large a table to print"),
    ("duration on a rate network", lambda t: [AND, "--duration-ms", "5"],
     "--duration-ms is for spiking networks; rate networks count --steps"),
    ("negative duration", lambda t: [RELAY, "--duration-ms", "-1"], "the duration must be zero or more milliseconds"),
    ("NaN duration", lambda t: [RELAY, "--duration-ms", "nan"], "the duration must be zero or more milliseconds"),
    ("duration not a number", lambda t: [RELAY, "--duration-ms", "long"], "argument --duration-ms: invalid float value"),
    ("overflowing duration", lambda t: [RELAY, "--duration-ms", "1e308"], "the most a run may take is 10,000,000 steps"),
    ("steps and duration", lambda t: [RELAY, "--steps", "1", "--duration-ms", "1"],
     "argument --duration-ms: not allowed with argument --steps"),
    ("set unknown id", lambda t: [AND, "--set", "zz=1"], "--set zz=1: there is no neuron with id 'zz'"),
    ("set unknown id with param", lambda t: [AND, "--set", "zz.threshold=1"],
     "--set zz.threshold=1: there is no neuron with id 'zz'"),
    ("set unknown param", lambda t: [AND, "--set", "y.bias=1"], "--set y.bias=1: neurons have no parameter 'bias'"),
    ("set bad value", lambda t: [AND, "--set", "y.threshold=abc"],
     '--set y.threshold=abc: expected a number, got "abc"'),
    ("set non-finite value", lambda t: [AND, "--set", "y.threshold=1e999"],
     "--set y.threshold=1e999: expected a finite number, got inf"),
    ("set NaN", lambda t: [AND, "--set", "x1=NaN"], "--set x1=NaN: expected a finite number, got nan"),
    ("set out of range", lambda t: [AND, "--set", "x1->y.weight=2e6"],
     "--set x1->y.weight=2e6: 2e+06 is above the maximum 1e+06"),
    ("set missing synapse", lambda t: [AND, "--set", "x2->x1.weight=1"], "--set x2->x1.weight=1: there is no synapse x2 → x1"),
    ("set unknown synapse param", lambda t: [AND, "--set", "x1->y.delay=1"],
     "--set x1->y.delay=1: synapses have no parameter 'delay'"),
    ("set value of a non-input", lambda t: [AND, "--set", "y=1"], "--set y=1: y is not an input"),
    ("set without value", lambda t: [AND, "--set", "x1"], "--set x1: expected ID=VALUE"),
    ("set empty value", lambda t: [AND, "--set", "x1="], "--set x1=: expected ID=VALUE"),
    ("set unknown activation", lambda t: [AND, "--set", "y.activation=softmax"],
     '--set y.activation=softmax: unknown value "softmax"; expected one of step, sigmoid, tanh, relu, linear'),
    ("set generator kind in rate", lambda t: [AND, "--set", "y.kind=generator"],
     "--set y.kind=generator: spike generators belong to spiking networks"),
    ("set text with a newline", lambda t: [AND, "--set", "y.activation=a\nb"], 'unknown value "a\\nb"'),
    ("set option without argument", lambda t: [AND, "--set"], "argument --set: expected one argument"),
    ("bad format", lambda t: [AND, "--format", "xml"], "argument --format: invalid choice: 'xml'"),
    ("no file", lambda t: [], "the following arguments are required: file"),
    ("unknown option", lambda t: [AND, "--speed", "2"], "unrecognized arguments: --speed 2"),
]


@pytest.mark.parametrize("args, expected", [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_bad_input_gives_one_error_line_and_status_2(run, tmp_path, args, expected):
    status, out, err = run(*args(tmp_path))
    assert status == 2, err
    assert out == ""
    assert err.startswith("neuron-sim: error: ")
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert expected in err
    assert "Traceback" not in err


@pytest.mark.permissions
def test_unreadable_file(run, tmp_path):
    path = tmp_path / "locked.json"
    path.write_text(Path(AND).read_text(encoding="utf-8"), encoding="utf-8")
    path.chmod(0)
    try:
        status, out, err = run(str(path))
    finally:
        path.chmod(0o600)
    assert (status, out) == (2, "")
    assert err == f"neuron-sim: error: {path}: permission denied\n"


def test_exact_error_line_for_a_bad_set(capsys):
    assert run_main(capsys, AND, "--set", "y.threshold=abc") == (
        2, "", 'neuron-sim: error: --set y.threshold=abc: expected a number, got "abc"\n')


# ---- outputs ------------------------------------------------------------------------------------------
def test_rate_json_output(run):
    status, out, err = run(AND, "--set", "x1=1", "--set", "x2=1")
    assert (status, err) == (0, "")
    assert out == '{"ids": ["x1", "x2", "y"], "activity": [[1.0, 1.0, 1.0]]}\n'
    assert "spikes" not in json.loads(out)


def test_rate_csv_output(run):
    status, out, err = run(LOOP, "--steps", "4", "--format", "csv")
    assert (status, err) == (0, "")
    assert out == "x,a,b\n1.0,1.0,0.0\n1.0,1.0,1.0\n1.0,-1.0,1.0\n1.0,-1.0,-1.0\n"


def test_set_parameters_and_weights(capsys):
    status, out, _ = run_main(capsys, AND, "--set", "y.activation=linear", "--set", "x1=2",
                              "--set", "x1->y.weight=-0.5", "--set", "y.threshold=-3", "--set", "y.label=123")
    assert status == 0
    assert json.loads(out)["activity"] == [[2.0, 0.0, -0.5 * 2 + 3]]


def test_zero_steps(capsys):
    assert run_main(capsys, AND, "--steps", "0") == (0, '{"ids": ["x1", "x2", "y"], "activity": []}\n', "")
    assert run_main(capsys, AND, "--steps", "0", "--format", "csv") == (0, "x1,x2,y\n", "")


def test_spiking_json_output_hand_checked(run):
    # 100 Hz generator from 0 ms; 20 mV synapse with a 1 ms delay onto a cell at rest (−70 mV,
    # threshold −55 mV). Step 0: g1 spikes. Step 10: the input arrives, v = −50 mV. Step 11: v has
    # decayed only slightly, is still ≥ −55 mV, so n1 spikes (t = 11 · 0.1 ms) and is reset to −70 mV.
    status, out, err = run(RELAY, "--duration-ms", "2")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["ids"] == ["g1", "n1"]
    assert data["spikes"] == {"g1": [0.0], "n1": [1.1]}
    activity = data["activity"]
    assert len(activity) == 20
    assert [row[0] for row in activity] == [1.0] + [0.0] * 19
    assert activity[9][1] == -70.0 and activity[10][1] == -50.0 and activity[11][1] == -70.0


def test_spike_times_are_step_times_dt(capsys):
    status, out, _ = run_main(capsys, RELAY)  # default: 100 ms
    assert status == 0
    data = json.loads(out)
    activity = data["activity"]
    assert len(activity) == 1000
    steps = [k for k, row in enumerate(activity) if row[0] == 1.0]
    assert steps == list(range(0, 1000, 100))
    assert data["spikes"]["g1"] == [round(k * 0.1, 9) for k in steps]
    # Every cell spike is a step at which the membrane was reset.
    for t in data["spikes"]["n1"]:
        k = round(t / 0.1)
        assert t == round(k * 0.1, 9) and activity[k][1] == -70.0


def test_spiking_csv_matches_json(capsys):
    _, as_json, _ = run_main(capsys, RELAY, "--steps", "30")
    status, as_csv, err = run_main(capsys, RELAY, "--steps", "30", "--format", "csv")
    assert (status, err) == (0, "")
    rows = list(csv.reader(io.StringIO(as_csv)))
    data = json.loads(as_json)
    assert rows[0] == data["ids"]
    assert [[float(v) for v in row] for row in rows[1:]] == data["activity"]


def test_poisson_generator_is_reproducible(tmp_path, capsys):
    data = json.loads(Path(RELAY).read_text(encoding="utf-8"))
    data["neurons"][0].update(pattern="poisson", rate_hz=200, seed=7)
    path = _file(tmp_path, "poisson.json", json.dumps(data))
    first = run_main(capsys, path, "--duration-ms", "50")
    second = run_main(capsys, path, "--duration-ms", "50")
    assert first == second and first[0] == 0
    spikes = json.loads(first[1])["spikes"]["g1"]
    assert 2 <= len(spikes) <= 30  # about 10 expected at 200 Hz over 50 ms


def test_set_on_a_spiking_network(capsys):
    status, out, _ = run_main(capsys, RELAY, "--duration-ms", "2", "--set", "g1->n1.weight=10")
    assert status == 0
    assert json.loads(out)["spikes"]["n1"] == []  # −60 mV stays below threshold
