"""`neuron-sim export-code`: the script it writes prints what `neuron-sim simulate` prints for the same
--set and --duration-ms; every bad input is one error line, exit status 2, and nothing is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from neuron_sim.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
RELAY = str(DATA / "spiking-relay.json")
AND = str(DATA / "and.json")
LOOP = str(DATA / "loop.json")
ROOT = Path(__file__).resolve().parents[2]


def neuron_sim(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "neuron_sim", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_brian2_script_prints_what_simulate_prints(tmp_path):
    pytest.importorskip("brian2")
    out = tmp_path / "relay.py"
    flags = ["--set", "g1.rate_hz=150", "--set", "g1->n1.delay_ms=2.5", "--duration-ms", "60"]
    written = neuron_sim("export-code", RELAY, "--to", "brian2", "-o", str(out), "--lang", "ko", *flags)
    assert (written.returncode, written.stderr) == (0, "")
    (tmp_path / "brian_preferences").write_text("codegen.target = 'numpy'\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(out)], capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    simulated = neuron_sim("simulate", RELAY, *flags)
    script = json.loads(run.stdout.strip().splitlines()[-1])
    wanted = json.loads(simulated.stdout)
    assert script["spikes"] == wanted["spikes"] and wanted["spikes"]["n1"]
    assert script["ids"] == wanted["ids"] and len(script["activity"]) == len(wanted["activity"]) == 600
    assert max(abs(a - b) for r, s in zip(script["activity"], wanted["activity"]) for a, b in zip(r, s)) < 1e-9


def test_steps_and_language_reach_the_script(tmp_path, capsys):
    out = tmp_path / "and.py"
    assert main(["export-code", AND, "--to", "pytorch", "-o", str(out), "--steps", "4", "--lang", "ko",
                 "--set", "x1=1"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "STEPS = 4" in text and "네트워크" in text and "x = torch.tensor([[1.0, " in text
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(("args", "message"), [
    ([str(DATA / "missing.json"), "--to", "keras"], "missing.json: no such file"),
    ([AND, "--to", "brian2"], "Brian2 runs spiking networks and this one is a rate network"),
    ([RELAY, "--to", "keras"], "Keras runs rate networks and this one is spiking"),
    ([LOOP, "--to", "keras"], "Keras computes feedforward networks and this one updates synchronously"),
    ([AND, "--to", "keras", "--set", "y.threshold=abc"], '--set y.threshold=abc: expected a number, got "abc"'),
    ([AND, "--to", "keras", "--duration-ms", "5"], "--duration-ms is for spiking networks"),
    ([AND, "--to", "keras", "--steps", "-2"], "the number of steps must be between 0"),
    ([AND, "--to", "java"], "argument --to: invalid choice: 'java'"),
    ([AND], "the following arguments are required: --to, -o/--output"),
])
def test_bad_input_is_one_line_exit_2_and_nothing_is_written(tmp_path, capsys, args, message):
    out = tmp_path / "out.py"
    out.write_text("the old file\n", encoding="utf-8")
    extra = ["-o", str(out)] if args != [AND] else []
    assert main(["export-code", *args, *extra]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith("neuron-sim: error: ") and message in captured.err
    assert out.read_text(encoding="utf-8") == "the old file\n"


def test_an_output_that_cannot_be_written_is_an_error_and_leaves_the_folder_clean(tmp_path, capsys):
    folder = tmp_path / "read-only"
    folder.mkdir()
    (folder / "out.py").write_text("kept\n", encoding="utf-8")
    assert main(["export-code", AND, "--to", "keras", "-o", str(tmp_path / "no-such-folder" / "out.py")]) == 2
    assert "could not save: No such file or directory" in capsys.readouterr().err
    if os.geteuid() != 0:  # root writes anywhere
        folder.chmod(0o500)
        try:
            assert main(["export-code", AND, "--to", "keras", "-o", str(folder / "out.py")]) == 2
            assert "could not save: Permission denied" in capsys.readouterr().err
        finally:
            folder.chmod(0o700)
    assert sorted(p.name for p in folder.iterdir()) == ["out.py"]
    assert (folder / "out.py").read_text(encoding="utf-8") == "kept\n"
