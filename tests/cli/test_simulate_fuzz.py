"""`neuron-sim simulate` under hostile input: any file, --set or option gives status 0 with strict
JSON or CSV on stdout, or status 2 with exactly one error line on stderr. Nothing else."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neuron_sim.cli import main
from neuron_sim.model.entities import NEURON_PARAMS, SYNAPSE_PARAMS
from neuron_sim.model.engines.rate import MAX_ACTIVITY
from neuron_sim.model.simulate import SimulationResult
from tests.model.loader_fuzzing import STRATEGIES

DATA = Path(__file__).resolve().parent.parent / "data"
AND = str(DATA / "and.json")
RELAY = str(DATA / "spiking-relay.json")
LOOP = str(DATA / "loop.json")

FUZZ = settings(max_examples=120, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _no_constants(name: str):
    raise AssertionError(f"the output holds {name}, which is not JSON")


def check_run(capsys, *args: str) -> tuple[int, str]:
    """Run `simulate`; check that the outcome is one of the two allowed; (status, stderr)."""
    status = main(["simulate", *args])
    out, err = capsys.readouterr()
    if status == 0:
        assert err == ""
        if "--format" in args and args[args.index("--format") + 1] == "csv":
            rows = list(csv.reader(io.StringIO(out)))
            assert all(cell == "" or math.isfinite(float(cell)) for row in rows[1:] for cell in row)
        else:
            json.loads(out, parse_constant=_no_constants)
    else:
        assert status == 2, (status, err)
        assert out == ""
        assert err.startswith("neuron-sim: error: ") and err.endswith("\n") and err.count("\n") == 1, err
    return status, err


# ---- --set -----------------------------------------------------------------------------------------------
HOSTILE_TEXT = ["", "=", "==", "->", "x1->", "->y", ".", "..", "x1.", ".value", "NaN", "Infinity", "-Infinity",
                "1e400", "-1e400", "9" * 5000, "[" * 10_000, "{" * 5000, '"', '"\\ud800"', "\u0000", "\n", "가",
                "null", "true", "[]", "{}", "1,2", "0x10", "1_000", " 1 ", "1e-400", "sigmoid", "poisson"]
ids = st.sampled_from(["x1", "x2", "y", "ghost", "", "x1->y", "x2->y", "y->x1", "x1 -> y", "X1"])
params = st.sampled_from(sorted(NEURON_PARAMS) + sorted(SYNAPSE_PARAMS) + ["", "weight ", "Value", "id"])
values = st.sampled_from(HOSTILE_TEXT) | st.text(max_size=12) | st.floats().map(repr) | st.integers().map(str)


@FUZZ
@given(target=ids, param=params, value=values, dotted=st.booleans())
def test_any_set_gives_output_or_one_error_line(capsys, target, param, value, dotted):
    assignment = f"{target}.{param}={value}" if dotted else f"{target}={value}"
    check_run(capsys, AND, "--set", assignment)


@FUZZ
@given(st.text(max_size=40) | st.sampled_from(HOSTILE_TEXT))
def test_any_text_as_set_gives_output_or_one_error_line(capsys, text):
    check_run(capsys, AND, "--set", text)


@pytest.mark.parametrize("assignment, expected", [
    ("y.threshold=" + "[" * 100_000, 'expected a number, got "[[[[['),
    ("y.threshold=" + "9" * 5000, "expected a finite number, got inf"),
    ("y.threshold=1e400", "expected a finite number, got inf"),
    ("x1->y.weight=NaN", "expected a finite number, got nan"),
    ("y.label=" + "[" * 100_000, "text longer than 200 characters"),
])
def test_set_values_that_broke_the_parser(capsys, assignment, expected):
    """The first one ended in a RecursionError traceback (status 1) before."""
    status, err = check_run(capsys, AND, "--set", assignment)
    assert status == 2 and err.startswith("neuron-sim: error: --set ") and expected in err


# ---- options ------------------------------------------------------------------------------------------------
OPTION_VALUES = ["0", "1", "-1", "10", "1e3", "nan", "inf", "-inf", "1e400", "abc", "", " ", "99999999999",
                 "10000001", "0.5", "٣", "1_0"]


@FUZZ
@given(file=st.sampled_from([AND, RELAY, LOOP]),
       option=st.sampled_from(["--steps", "--duration-ms"]), value=st.sampled_from(OPTION_VALUES),
       output=st.sampled_from(["json", "csv", "xml", ""]))
def test_any_option_value_gives_output_or_one_error_line(capsys, file, option, value, output):
    check_run(capsys, file, option, value, "--format", output)


@pytest.mark.parametrize("args", [
    [], ["--steps"], ["--steps", "1", "--duration-ms", "1"], ["--frobnicate"], [AND, "extra"],
    [AND, "--set"], [AND, "--format"],
])
def test_bad_command_lines_give_one_error_line(capsys, args):
    assert check_run(capsys, *args)[0] == 2


# ---- fuzzed files through the command line -------------------------------------------------------------
@FUZZ
@given(STRATEGIES["mutations of valid files"], st.sampled_from(["json", "csv"]))
def test_fuzzed_files_give_output_or_one_error_line(capsys, tmp_path_factory, raw, output):
    path = tmp_path_factory.mktemp("fuzz") / "network.json"
    path.write_bytes(raw)
    check_run(capsys, str(path), "--steps", "3", "--format", output)


# ---- strict output -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("output", ["json", "csv"])
def test_a_diverging_loop_prints_finite_numbers(capsys, output):
    """loop.json grows ×√2 per tick: after 5,000 ticks it would be far past 1e308."""
    assert check_run(capsys, LOOP, "--steps", "5000", "--format", output)[0] == 0


def test_a_diverging_loop_levels_off_at_the_documented_limit(capsys):
    main(["simulate", LOOP, "--steps", "5000"])
    data = json.loads(capsys.readouterr().out, parse_constant=_no_constants)
    assert abs(data["activity"][-1][1]) == MAX_ACTIVITY == 1e100


def test_values_that_are_not_finite_are_written_as_null_and_empty_fields():
    result = SimulationResult(["a", "b"], np.array([[1.0, math.nan], [math.inf, -2.5]]), None, None)
    assert json.loads(result.to_json(), parse_constant=_no_constants)["activity"] == [[1.0, None], [None, -2.5]]
    assert result.to_csv() == "a,b\n1.0,\n,-2.5\n"
