"""The network file: round trips and defaults (bad files: test_fileformat_errors.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.entities import NETWORK_PARAMS, NEURON_PARAMS, SYNAPSE_PARAMS
from neuron_sim.model.fileformat import (
    LIST_VERSION,
    dumps,
    from_dict,
    load,
    loads,
    save,
    to_dict,
)

from .fileformat_networks import rate_network, spiking_network

DATA = Path(__file__).resolve().parent.parent / "data"


# ---- round trips ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [rate_network, spiking_network])
def test_save_then_load_is_equal(tmp_path, make):
    network = make()
    path = tmp_path / "net.json"
    save(network, path)
    loaded = load(path)
    assert loaded == network
    assert list(loaded.neurons) == list(network.neurons)
    assert list(loaded.synapses) == list(network.synapses)
    # Saving again writes the same bytes, and no temporary file is left behind.
    save(loaded, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.json", "net.json"]


def test_written_file_is_readable_utf8_json(tmp_path):
    path = tmp_path / "net.json"
    save(rate_network(), path)
    text = path.read_bytes().decode("utf-8")
    assert "Zelle «1»" in text  # not \u-escaped
    data = json.loads(text)
    assert data["format"] == "neuron-sim" and data["version"] == LIST_VERSION  # no synapse table: version 3
    assert data["model"] == "rate" and data["update"] == "synchronous"
    assert data["neurons"][0] == {"id": "x1", "kind": "input", "label": "x1", "position": [0, 0], "value": 1}
    assert data["neurons"][2] == {"id": "y", "kind": "neuron", "label": "y", "position": [240, 60],
                                  "activation": "step", "threshold": 1.5}
    assert data["synapses"][0] == {"source": "x1", "target": "y", "weight": 1}
    assert "dt_ms" not in data  # a rate file holds what a rate network uses


def test_spiking_file_holds_spiking_fields(tmp_path):
    data = to_dict(spiking_network())
    assert data["dt_ms"] == 0.05 and "update" not in data
    n1 = data["neurons"][3]
    assert n1 == {"id": "n1", "kind": "neuron", "label": "n1", "position": [0, 0], "tau_ms": 10,
                  "v_rest_mV": -65, "v_reset_mV": -75, "v_threshold_mV": -50, "refractory_ms": 0,
                  "drive_mV": 3.5, "v_mV": -60}
    assert "v_mV" not in data["neurons"][4]  # None: defaults to v_rest_mV
    assert data["neurons"][0] == {"id": "g1", "kind": "generator", "label": "g1", "position": [0, 0],
                                  "pattern": "regular", "rate_hz": 20, "start_ms": 5, "seed": 0}
    assert data["synapses"][1] == {"source": "g2", "target": "n1", "weight": -5, "delay_ms": 0}


def test_switching_model_and_back_loses_nothing():
    network = spiking_network()
    network.remove_neuron("g1")
    network.remove_neuron("g2")
    network.set_param("model", "rate")
    # A rate file keeps the non-default spiking values it does not use, so nothing is lost.
    again = from_dict(json.loads(dumps(network)))
    assert again == network
    again.set_param("model", "spiking")
    network.set_param("model", "spiking")
    assert again == network


def strategy_networks():
    ids = st.text(alphabet="abcxyz019_.:-äß", min_size=1, max_size=8)
    finite = st.floats(-1e6, 1e6, allow_nan=False)

    @st.composite
    def build(draw):
        model = draw(st.sampled_from(["rate", "spiking"]))
        network = Network(name=draw(st.text(max_size=30)),
                          model=model, update=draw(st.sampled_from(["feedforward", "synchronous"])),
                          dt_ms=draw(st.floats(0.001, 10)))
        kinds = ["input", "neuron"] + (["generator"] if model == "spiking" else [])
        for nid in draw(st.lists(ids, unique=True, max_size=8)):
            network.add_neuron(Neuron(
                nid, kind=draw(st.sampled_from(kinds)), value=draw(finite), threshold=draw(finite),
                activation=draw(st.sampled_from(["step", "sigmoid", "tanh", "relu", "linear"])),
                position=(draw(st.floats(-1e7, 1e7)), draw(st.floats(-1e7, 1e7))),
                tau_ms=draw(st.floats(0.01, 1e5)), v_mV=draw(st.none() | st.floats(-1000, 1000)),
                rate_hz=draw(st.floats(0, 5000)), seed=draw(st.integers(0, 2**32 - 1)),
                label=draw(st.text(max_size=20))))
        targets = [n.id for n in network if n.kind == "neuron"]
        sources = list(network.neurons)
        for source in sources:
            for target in targets:
                if draw(st.booleans()):
                    network.connect(Synapse(source, target, weight=draw(finite),
                                            delay_ms=draw(st.floats(0, 1e4))))
        return network

    return build()


@settings(max_examples=120, deadline=None)
@given(network=strategy_networks())
def test_round_trip_of_any_valid_network(network):
    assert loads(dumps(network)) == network
    assert loads(dumps(network).encode("utf-8")) == network


# ---- defaults --------------------------------------------------------------------------------------
def test_missing_optional_fields_take_their_defaults():
    network = loads('{"format": "neuron-sim", "version": 1}')
    assert len(network) == 0 and network.synapses == {}
    for name, spec in NETWORK_PARAMS.items():
        assert getattr(network, name) == spec.default
    network = loads(json.dumps({"format": "neuron-sim", "version": 1, "model": "spiking",
                                "neurons": [{"id": "a"}, {"id": "b"}, {"id": "g", "kind": "generator"}],
                                "synapses": [{"source": "a", "target": "b"}]}))
    a = network.neuron("a")
    assert a.kind == "neuron" and a.label == "a" and a.position == (0.0, 0.0)
    assert (a.v_rest_mV, a.v_reset_mV, a.v_threshold_mV, a.tau_ms, a.refractory_ms) == (-70, -70, -55, 20, 2)
    assert a.drive_mV == 0 and a.v_mV is None and a.initial_v_mV == -70
    for name, spec in NEURON_PARAMS.items():
        if name != "label":
            assert getattr(a, name) == spec.default
    g = network.neuron("g")
    assert (g.pattern, g.rate_hz, g.start_ms, g.seed) == ("regular", 20, 0, 0)
    synapse = network.synapse(("a", "b"))
    for name, spec in SYNAPSE_PARAMS.items():
        assert getattr(synapse, name) == spec.default
    assert network.dt_ms == 0.1


def test_rate_defaults_and_the_issue_example():
    network = load(DATA / "and.json")
    assert network.name == "AND gate" and network.model == "rate" and network.update == "feedforward"
    assert network.neuron("y").activation == "step" and network.neuron("y").threshold == 1.5
    minimal = loads('{"format": "neuron-sim", "version": 1, "neurons": [{"id": "n"}, {"id": "x", "kind": "input"}]}')
    assert minimal.neuron("n").activation == "sigmoid" and minimal.neuron("n").threshold == 0.0
    assert minimal.neuron("x").value == 0.0


def test_byte_order_mark_and_whole_numbers_are_accepted():
    text = '\ufeff{"format": "neuron-sim", "version": 1, "dt_ms": 1, "neurons": [{"id": "n", "seed": 3.0}]}'
    network = loads(text.encode("utf-8"))
    assert network.dt_ms == 1.0 and network.neuron("n").seed == 3


def test_loading_never_executes_anything(tmp_path):
    marker = tmp_path / "executed"
    payload = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    network = loads(json.dumps({"format": "neuron-sim", "version": 1, "name": payload,
                                "neurons": [{"id": "n", "label": payload}]}))
    assert network.name == payload and network.neuron("n").label == payload
    assert not marker.exists()
