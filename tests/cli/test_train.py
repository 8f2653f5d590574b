"""`neuron-sim train`: one line per epoch, the trained network written in the normal file format,
and one clean error line (exit status 2) for every bad input, with nothing written."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from neuron_sim.cli import main
from neuron_sim.model.fileformat import load
from neuron_sim.model.training import TrainConfig, Trainer, bind, built_in, read_csv
from neuron_sim.resources_path import examples_dir

ROOT = Path(__file__).resolve().parents[2]
LEARN_XOR = str(examples_dir() / "learn-xor.json")
XOR_STEP = str(examples_dir() / "xor.json")
AND_GATE = str(examples_dir() / "and-gate.json")
LOGISTIC = str(examples_dir() / "logistic-unit.json")


def train(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["train", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_lines_and_the_written_network_match_the_trainer(capsys, tmp_path):
    out_path = tmp_path / "trained.json"
    status, out, err = train(capsys, LEARN_XOR, "--data", "xor", "--epochs", "5", "--lr", "0.5", "--batch", "2",
                             "--shuffle", "--seed", "3", "-o", str(out_path), "--json")
    assert status == 0 and err == ""
    records = [json.loads(line) for line in out.splitlines()]
    network = load(LEARN_XOR)
    trainer = Trainer(network, bind(built_in("xor"), network),
                      TrainConfig(learning_rate=0.5, batch=2, shuffle=True, seed=3))
    expected = trainer.train(5)
    assert records == [{"epoch": r.epoch, "loss": r.loss, "accuracy": r.accuracy} for r in expected]
    trainer.write_back()
    written = load(out_path)
    assert written == network
    assert written.name == load(LEARN_XOR).name


def test_human_lines_and_backprop_reaching_xor(capsys, tmp_path):
    out_path = tmp_path / "trained.json"
    status, out, _ = train(capsys, LEARN_XOR, "--data", "xor", "--epochs", "1000", "--lr", "1", "-o", str(out_path))
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 1000
    assert lines[0].startswith("epoch 1: loss ") and lines[-1].endswith("accuracy 100%")


def test_regression_has_no_accuracy(capsys, tmp_path):
    csv_path = tmp_path / "data.csv"
    csv_path.write_text("x1,x2,x3,a\n1,0,0,0.3\n0,1,0,0.7\n", encoding="utf-8")
    status, out, _ = train(capsys, LOGISTIC, "--data", str(csv_path), "--epochs", "2", "--lr", "0.1",
                           "-o", str(tmp_path / "o.json"), "--json")
    assert status == 0
    assert [json.loads(line)["accuracy"] for line in out.splitlines()] == [None, None]


def test_perceptron_says_whether_it_converged(capsys, tmp_path):
    status, out, _ = train(capsys, AND_GATE, "--data", "xor", "--algorithm", "perceptron", "--epochs", "30",
                           "--lr", "0.1", "-o", str(tmp_path / "o.json"))
    assert status == 0
    assert "did not converge" in out.splitlines()[-1]
    status, out, _ = train(capsys, AND_GATE, "--data", "or", "--algorithm", "perceptron", "--epochs", "30",
                           "--lr", "0.1", "-o", str(tmp_path / "o.json"))
    assert status == 0
    assert "converged: no mistakes in epoch" in out.splitlines()[-1]


def test_random_initialisation_and_cross_entropy(capsys, tmp_path):
    out_path = tmp_path / "o.json"
    status, out, _ = train(capsys, LEARN_XOR, "--data", "circle", "--samples", "40", "--noise", "0.05",
                           "--epochs", "3", "--lr", "0.5", "--loss", "cross-entropy", "--init", "random",
                           "--seed", "9", "-o", str(out_path), "--json")
    assert status == 0
    network = load(LEARN_XOR)
    trainer = Trainer(network, bind(built_in("circle", samples=40, noise=0.05, seed=9), network),
                      TrainConfig(learning_rate=0.5, loss="cross-entropy", init="random", seed=9))
    assert [json.loads(line)["loss"] for line in out.splitlines()] == [r.loss for r in trainer.train(3)]


BAD = [
    (["--data", "xor", "--epochs", "3", "--lr", "1"], "the following arguments are required: file"),
    ([XOR_STEP, "--data", "xor", "--epochs", "3", "--lr", "1"], r"h1 \(OR\) is a step unit"),
    ([LEARN_XOR, "--data", "bogus", "--epochs", "3", "--lr", "1"], "unknown data set bogus"),
    ([LEARN_XOR, "--data", "xor", "--epochs", "0", "--lr", "1"], "--epochs: expected a whole number from 1"),
    ([LEARN_XOR, "--data", "xor", "--epochs", "3", "--lr", "-1"], "the learning rate must be a number above 0"),
    ([LEARN_XOR, "--data", "xor", "--epochs", "3", "--lr", "nan"], "the learning rate must be a number above 0"),
    ([LEARN_XOR, "--data", "xor", "--epochs", "3", "--lr", "1", "--batch", "0"], "argument --batch"),
    ([LEARN_XOR, "--data", "xor", "--epochs", "3", "--lr", "1", "--seed", "-1"], "--seed: expected"),
    ([LEARN_XOR, "--data", "spiral", "--samples", "1", "--epochs", "3", "--lr", "1"], "the number of samples"),
    ([LEARN_XOR, "--data", "xor", "--epochs", "3", "--lr", "1", "--loss", "hinge"], "argument --loss"),
    ([LEARN_XOR, "--data", "xor", "--epochs", "3", "--lr", "1", "--algorithm", "perceptron"],
     r"the perceptron rule trains one layer of step units; h1 is not an output"),
    ([str(ROOT / "missing.json"), "--data", "xor", "--epochs", "3", "--lr", "1"], "no such file"),
    ([AND_GATE, "--data", "xor", "--epochs", "3", "--lr", "1", "--algorithm", "backprop"], "y is a step unit"),
    ([LOGISTIC, "--data", "and", "--epochs", "3", "--lr", "1"], "needs a network with 2 inputs and 1 output"),
]


@pytest.mark.parametrize("args, message", BAD)
def test_bad_input_is_one_line_exit_2_and_nothing_written(capsys, tmp_path, args, message):
    out_path = tmp_path / "o.json"
    status, out, err = train(capsys, *args, "-o", str(out_path))
    assert status == 2, out
    assert err.startswith("neuron-sim: error: ") and err.count("\n") == 1
    assert re.search(message, err), err
    assert not out_path.exists()


def test_a_bad_csv_names_row_and_column_and_writes_nothing(capsys, tmp_path):
    csv_path = tmp_path / "data.csv"
    csv_path.write_text("x1,x2,y\n0,0,0\n1,one,1\n", encoding="utf-8")
    out_path = tmp_path / "o.json"
    status, _, err = train(capsys, LEARN_XOR, "--data", str(csv_path), "--epochs", "3", "--lr", "1",
                           "-o", str(out_path))
    assert status == 2
    assert err == f"neuron-sim: error: {csv_path}: row 3, column 2 (x2): 'one' is not a number\n"
    assert not out_path.exists()


def test_a_diverging_run_is_an_error_and_writes_nothing(capsys, tmp_path):
    network_path = tmp_path / "linear.json"
    data = json.loads(Path(LEARN_XOR).read_text(encoding="utf-8"))
    for neuron in data["neurons"]:
        if neuron["kind"] == "neuron":
            neuron["activation"] = "linear"
    network_path.write_text(json.dumps(data), encoding="utf-8")
    out_path = tmp_path / "o.json"
    status, _, err = train(capsys, str(network_path), "--data", "spiral", "--epochs", "50", "--lr", "50",
                           "-o", str(out_path))
    assert status == 2 and "training diverged in epoch" in err
    assert not out_path.exists()


def test_as_a_process(tmp_path):
    out_path = tmp_path / "o.json"
    result = subprocess.run([sys.executable, "-m", "neuron_sim", "train", LEARN_XOR, "--data", "and", "--epochs", "2",
                             "--lr", "1", "-o", str(out_path), "--json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["epoch"] for line in result.stdout.splitlines()] == [1, 2]
    assert out_path.exists()


def test_csv_data_reads_the_same_as_in_the_model(tmp_path):
    csv_path = tmp_path / "data.csv"
    csv_path.write_text("x1,x2,y\n0,0,0\n1,1,1\n", encoding="utf-8")
    bound = read_csv(csv_path, load(LEARN_XOR))
    assert bound.inputs.tolist() == [[0, 0], [1, 1]]
