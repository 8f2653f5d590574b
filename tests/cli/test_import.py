"""`neuron-sim import FILE.nfy -o OUT.json` and `neuron-sim simulate FILE.nfy`: a Neuronify circuit
read directly, what it holds beyond the network said on stderr, a bad file one error line."""

from __future__ import annotations

import json
from pathlib import Path

from neuron_sim.cli import main
from neuron_sim.model.fileformat import load, to_dict
from neuron_sim.model.neuronify import load_nfy

DATA = Path(__file__).resolve().parent.parent / "data" / "neuronify"
CIRCUIT = str(DATA / "v4-touch-circuit.nfy")


def test_import_writes_the_network_and_tells_what_it_left_out(capsys, tmp_path):
    out = tmp_path / "circuit.json"
    assert main(["import", CIRCUIT, "-o", str(out)]) == 0
    _, err = capsys.readouterr()
    assert to_dict(load(out)) == to_dict(load_nfy(CIRCUIT).network)
    lines = err.splitlines()
    assert "neuron-sim: note: 1 × a link to the next tutorial: left out (open that file on its own)" in lines
    assert any("3 meter(s) are not kept" in line for line in lines)
    assert [note.text for note in load(out).notes.values()][0].startswith("Touch the sensor")


def test_simulate_reads_a_neuronify_file(capsys):
    assert main(["simulate", str(DATA / "v2-oscillator.nfy"), "--duration-ms", "100"]) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert {"n1", "n2", "x1"} <= set(result["ids"])
    assert len(result["activity"]) == 1000  # 100 ms at Neuronify's 0.1 ms
    assert result["spikes"]["n1"], "the driven cell fires"
    assert "conductance synapse" in err


def test_a_bad_neuronify_file_is_one_error_line(capsys, tmp_path):
    bad = tmp_path / "bad.nfy"
    bad.write_text('{"nodes": [{"filename": "neurons/Glia.qml"}]}', encoding="utf-8")
    out = tmp_path / "never.json"
    assert main(["import", str(bad), "-o", str(out)]) == 2
    _, err = capsys.readouterr()
    assert err == f'neuron-sim: error: {bad}: nodes[0]: unknown Neuronify item "neurons/Glia.qml"\n'
    assert not out.exists()
    assert main(["simulate", str(bad)]) == 2
    assert capsys.readouterr()[1].startswith("neuron-sim: error: ")
