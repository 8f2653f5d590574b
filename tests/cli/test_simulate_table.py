"""`neuron-sim simulate` on a file whose synapses are a table runs from the columns: no Synapse object
is made, and the output is the output of the same network saved as a list."""

from __future__ import annotations

import json

from neuron_sim.cli import main
from neuron_sim.model import synapse_columns
from neuron_sim.model.fileformat import dumps

from ..model.test_synapse_table import mixed_spiking


def test_simulate_runs_a_table_file_without_making_synapse_objects(tmp_path, monkeypatch, capsys):
    network = mixed_spiking(seed=4)
    as_table, as_list = tmp_path / "table.json", tmp_path / "list.json"
    as_table.write_text(dumps(network, table=True), encoding="utf-8")
    as_list.write_text(dumps(network, table=False), encoding="utf-8")
    assert main(["simulate", str(as_list), "--steps", "500"]) == 0
    from_list = json.loads(capsys.readouterr().out)

    def refuse(columns):
        raise AssertionError("simulate made the Synapse objects")

    monkeypatch.setattr(synapse_columns.SynapseColumns, "synapses", refuse)
    assert main(["simulate", str(as_table), "--steps", "500"]) == 0
    from_table = json.loads(capsys.readouterr().out)
    assert from_table == from_list and any(from_table["spikes"].values())
