"""PyNN scripts (on pyNN.brian2) against `neuron-sim simulate`: exact where PyNN can express the
model, and the two differences the script states (docs/code-export.md) where it cannot:
a delay of 0 steps arrives one step late, and a cell brought exactly to its threshold does not fire."""

from __future__ import annotations

import pytest

from neuron_sim.model.codegen import ExportOptions, generate
from neuron_sim.model.engines.spiking import delay_steps
from neuron_sim.model.entities import Neuron, Synapse
from neuron_sim.model.fileformat import load
from neuron_sim.model.network import Network

from .helpers import assert_same_spikes, examples, expected, need, run_scripts
from .spiking_networks import spiking_networks

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def zero_delays(network: Network) -> list[tuple[str, str]]:
    return [s.key for s in network.synapses.values() if delay_steps(s.delay_ms, network.dt_ms) == 0]


def with_one_step_delays(network: Network) -> Network:
    """The network as PyNN runs it: each delay of 0 steps becomes one step."""
    shifted = network.copy()
    for key in zero_delays(network):
        shifted.set_synapse_param(key, "delay_ms", network.dt_ms)
    return shifted


def test_exact_where_pynn_expresses_the_model_and_one_step_late_for_delays_of_zero(tmp_path):
    need("pyNN")
    pairs = spiking_networks() + [(load(path), None) for path in examples("spiking")]
    networks, steps = [p[0] for p in pairs], [p[1] for p in pairs]
    assert any(zero_delays(n) for n in networks) and any(not zero_delays(n) for n in networks)
    outputs = run_scripts(networks, "pynn", tmp_path, steps)
    for network, n, output in zip(networks, steps, outputs):
        wanted = expected(with_one_step_delays(network), n)
        assert sum(map(len, wanted["spikes"].values())) > 0, network.name
        assert_same_spikes(output, wanted)  # v to 1e-9 mV: PyNN computes in volts


def at_threshold(threshold_mv: float) -> Network:
    """A cell resting at 0 mV, the threshold at `threshold_mv`: v stays 0 exactly, in either unit."""
    network = Network(name="at the threshold", model="spiking")
    network.add_neuron(Neuron("n", v_rest_mV=0.0, v_mV=0.0, v_threshold_mV=threshold_mv, v_reset_mV=-70.0))
    return network


def test_a_cell_exactly_at_its_threshold_fires_in_neuron_sim_not_in_pynn(tmp_path):
    need("pyNN")
    exact, below = at_threshold(0.0), at_threshold(-1e-6)
    outputs = run_scripts([exact, below], "pynn", tmp_path, [50, 50])
    assert expected(exact, 50)["spikes"]["n"] == [0.0] and outputs[0]["spikes"]["n"] == []
    assert_same_spikes(outputs[1], expected(below, 50))
    assert outputs[1]["spikes"]["n"] == [0.0]


def test_the_differences_are_stated_at_the_top_of_the_script():
    network = at_threshold(0.0)
    network.add_neuron(Neuron("g", kind="generator"))
    network.add_neuron(Neuron("m"))
    network.connect(Synapse("g", "m", weight=1.0, delay_ms=0.04))  # 0.4 steps: 0
    export = generate(network, "pynn")
    keys = [note.key for note in export.notes]
    assert keys == ["pynn_threshold", "pynn_volts", "pynn_zero_delay"]
    assert export.notes[2].values["synapses"] == "g → m"
    top = export.text.split("\nimport ")[0]
    for note in export.notes:
        assert note.text().splitlines()[0] in top
    korean = generate(network, "pynn", ExportOptions(lang="ko")).text.split("\nimport ")[0]
    assert "g → m: 지연이 0 ms" in korean
