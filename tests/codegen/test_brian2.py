"""Brian2 scripts reproduce `neuron-sim simulate` spike for spike (same dt), and v to 1e-9 mV."""

from __future__ import annotations

import pytest

from neuron_sim.model.codegen import generate
from neuron_sim.model.fileformat import load

from .helpers import assert_same_spikes, examples, expected, need, run_scripts
from .spiking_networks import currents_network, spiking_networks

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_random_networks_sources_and_every_spiking_example(tmp_path):
    need("brian2")
    pairs = spiking_networks() + [(load(path), None) for path in examples("spiking")]
    networks, steps = [p[0] for p in pairs], [p[1] for p in pairs]
    outputs = run_scripts(networks, "brian2", tmp_path, steps)
    for network, n, output in zip(networks, steps, outputs):
        wanted = expected(network, n)
        assert sum(map(len, wanted["spikes"].values())) > 0, network.name  # something to compare
        assert_same_spikes(output, wanted)


def test_the_script_sets_the_exact_equations_and_mentions_cpp_standalone():
    text = generate(load(examples("spiking")[0]), "brian2").text
    assert "dv/dt = (v_rest - v + drive) / tau : 1 (unless refractory)" in text
    assert 'threshold="v >= v_threshold"' in text and 'on_pre="v_post += w"' in text
    assert 'set_device("cpp_standalone")' in text
    compile(text, "brian2_script.py", "exec")


def test_currents_adaptation_and_bounds_carry_over_to_the_script(tmp_path):
    need("brian2")
    networks = [currents_network(), currents_network(0.25)]
    steps = [3000, 1200]
    outputs = run_scripts(networks, "brian2", tmp_path, steps)
    for network, n, output in zip(networks, steps, outputs):
        wanted = expected(network, n)
        for cell in ("a", "b", "c"):
            assert wanted["spikes"][cell], f"{cell} never fires: nothing to compare"
        assert not wanted["spikes"]["dc"] and not wanted["spikes"]["ac"]
        assert_same_spikes(output, wanted)
    text = generate(currents_network(), "brian2").text
    assert "(unless refractory)" in text and "I_source_post = w * shape_pre : 1 (summed)" in text
