"""Planning compound edits: copy/paste, layers, dense connections, "Connect all"."""

from __future__ import annotations

import json

import pytest

from neuron_sim.model import ModelError, Network, Neuron, Synapse
from neuron_sim.model import editing
from neuron_sim.model.fileformat import from_dict


def two_layers() -> Network:
    """3 inputs at x = 0 and 2 neurons at x = 300 (listed in a scrambled order), unconnected."""
    network = Network(name="two layers")
    network.add_neuron(Neuron("y2", position=(300.0, 165.0)))
    network.add_neuron(Neuron("x1", kind="input", position=(0.0, 0.0)))
    network.add_neuron(Neuron("x3", kind="input", position=(0.0, 220.0)))
    network.add_neuron(Neuron("y1", position=(300.0, 55.0)))
    network.add_neuron(Neuron("x2", kind="input", position=(0.0, 110.0)))
    return network


def chain() -> Network:
    """x1 (input, labelled "Light") → h1 → h2, plus h2 → h1 back and a self-loop on h2."""
    network = Network(name="chain")
    network.add_neuron(Neuron("x1", kind="input", label="Light", position=(0.0, 0.0), value=0.5))
    network.add_neuron(Neuron("h1", position=(200.0, 0.0), threshold=0.3))
    network.add_neuron(Neuron("h2", position=(400.0, 10.0), activation="relu"))
    network.connect(Synapse("x1", "h1", weight=0.25))
    network.connect(Synapse("h1", "h2", weight=-2.0))
    network.connect(Synapse("h2", "h1", weight=3.0))
    network.connect(Synapse("h2", "h2", weight=0.5))
    return network


def keys(synapses) -> list[tuple[str, str]]:
    return [(s.source, s.target) for s in synapses]


# ---- copy ----------------------------------------------------------------------------------------
def test_copy_keeps_the_selected_neurons_and_only_the_synapses_between_them():
    network = chain()
    data = editing.copy_selection(network, ["h2", "h1"])
    assert [n["id"] for n in data["neurons"]] == ["h1", "h2"]  # the network's order
    assert [(s["source"], s["target"]) for s in data["synapses"]] == [("h1", "h2"), ("h2", "h1"), ("h2", "h2")]
    part = from_dict(data)
    assert part.neurons["h1"] == network.neurons["h1"]
    assert part.synapses[("h1", "h2")] == network.synapses[("h1", "h2")]
    json.dumps(data)  # ready for the clipboard as it is


def test_copy_of_one_neuron_drops_its_outside_synapses():
    data = editing.copy_selection(chain(), ["h1"])
    assert [n["id"] for n in data["neurons"]] == ["h1"]
    assert data["synapses"] == []


def test_copy_leaves_the_network_alone():
    network = chain()
    before = network.copy()
    editing.copy_selection(network, ["x1", "h1"])
    assert network == before


# ---- paste ---------------------------------------------------------------------------------------
def test_paste_gives_fresh_ids_offsets_positions_and_renames_the_synapses():
    network = chain()
    network.add_neuron(Neuron("x2", kind="input"))
    network.add_neuron(Neuron("x3", kind="input"))
    data = editing.copy_selection(network, ["x1", "h1", "h2"])
    neurons, synapses = editing.paste_plan(network, data)
    assert [n.id for n in neurons] == ["x4", "h3", "h4"]  # x1..x3 and h1, h2 are taken
    assert [n.position for n in neurons] == [(30.0, 30.0), (230.0, 30.0), (430.0, 40.0)]
    assert keys(synapses) == [("x4", "h3"), ("h3", "h4"), ("h4", "h3"), ("h4", "h4")]
    assert [s.weight for s in synapses] == [0.25, -2.0, 3.0, 0.5]
    # Everything else is copied.
    assert neurons[0].kind == "input" and neurons[0].value == 0.5
    assert neurons[1].threshold == 0.3 and neurons[2].activation == "relu"
    # The plan can be applied as it is.
    network.add_all(neurons, synapses)
    assert len(network) == 8 and len(network.synapses) == 8


def test_paste_keeps_labels_unless_they_were_the_old_id():
    network = chain()
    neurons, _ = editing.paste_plan(network, editing.copy_selection(network, ["x1", "h1"]))
    assert [n.label for n in neurons] == ["Light", "h3"]


def test_paste_uses_the_given_offset_and_pasting_twice_gives_new_ids_again():
    network = chain()
    data = editing.copy_selection(network, ["h1"])
    first, _ = editing.paste_plan(network, data, offset=(-10.0, 100.0))
    assert first[0].position == (190.0, 100.0)
    network.add_all(first, [])
    second, _ = editing.paste_plan(network, data, offset=(0.0, 0.0))
    assert second[0].id == "h4" and second[0].position == (200.0, 0.0)


def test_pasted_ids_are_unique_even_when_copies_share_a_prefix():
    network = Network()
    for nid in ("a1", "a2", "a", "b7", "7"):
        network.add_neuron(Neuron(nid))
    neurons, _ = editing.paste_plan(network, editing.copy_selection(network, list(network.neurons)))
    ids = [n.id for n in neurons]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & set(network.neurons)
    assert ids == ["a3", "a4", "a5", "b1", "n1"]


def test_paste_of_a_neuron_whose_id_has_the_maximum_length():
    network = Network()
    long_id = "a" * 64
    network.add_neuron(Neuron(long_id))
    neurons, _ = editing.paste_plan(network, editing.copy_selection(network, [long_id]))
    assert len(neurons[0].id) <= 64
    assert neurons[0].id != long_id
    network.add_all(neurons, [])


@pytest.mark.parametrize("data", [
    None,
    [],
    "x1",
    42,
    {},
    {"format": "something-else", "version": 1, "neurons": [], "synapses": []},
    {"format": "neuron-sim", "version": 99, "neurons": [], "synapses": []},
    {"format": "neuron-sim", "version": "1", "neurons": [], "synapses": []},
    {"format": "neuron-sim", "version": [1], "neurons": [], "synapses": []},
    {"format": "neuron-sim", "version": None, "neurons": [], "synapses": []},
    {"format": "neuron-sim", "neurons": [], "synapses": []},
    {"format": "neuron-sim", "version": 1, "neurons": [{"kind": "neuron"}], "synapses": []},
    {"format": "neuron-sim", "version": 1, "neurons": "x1", "synapses": []},
    {"format": "neuron-sim", "version": 1, "neurons": [{"id": "a"}],
     "synapses": [{"source": "a", "target": "missing"}]},
])
def test_paste_refuses_what_is_not_a_network_with_model_error(data):
    network = chain()
    before = network.copy()
    with pytest.raises(ModelError):
        editing.paste_plan(network, data)
    assert network == before


def test_paste_of_generators_into_a_rate_network_is_refused():
    spiking = Network(model="spiking")
    spiking.add_neuron(Neuron("g1", kind="generator"))
    data = editing.copy_selection(spiking, ["g1"])
    with pytest.raises(ModelError, match="spiking"):
        editing.paste_plan(chain(), data)
    neurons, _ = editing.paste_plan(spiking, data)
    assert [n.id for n in neurons] == ["g2"]


# ---- layers ----------------------------------------------------------------------------------------
def test_layer_plan_builds_a_centred_column_with_free_ids():
    network = chain()
    neurons = editing.layer_plan(network, 3, "neuron", "tanh", x=600.0, centre_y=100.0)
    assert [n.id for n in neurons] == ["h3", "h4", "h5"]
    assert [n.position for n in neurons] == [(600.0, -10.0), (600.0, 100.0), (600.0, 210.0)]
    assert all(n.kind == "neuron" and n.activation == "tanh" for n in neurons)
    inputs = editing.layer_plan(network, 2, "input", "tanh", x=-200.0, centre_y=0.0)
    assert [n.id for n in inputs] == ["x2", "x3"]
    assert all(n.kind == "input" for n in inputs)
    named = editing.layer_plan(network, 1, "neuron", "relu", 0.0, 0.0, prefix="out")
    assert [n.id for n in named] == ["out1"]


@pytest.mark.parametrize("count", [0, -1, 257])
def test_layer_plan_refuses_impossible_sizes(count):
    with pytest.raises(ModelError, match="1 to 256"):
        editing.layer_plan(Network(), count, "neuron", "sigmoid", 0.0, 0.0)


# ---- dense -----------------------------------------------------------------------------------------
def test_dense_3_by_2_gives_6_synapses_and_skips_existing_ones():
    network = two_layers()
    plan = editing.dense_plan(network, ["x1", "x2", "x3"], ["y1", "y2"], weight=0.5)
    assert keys(plan) == [("x1", "y1"), ("x1", "y2"), ("x2", "y1"), ("x2", "y2"), ("x3", "y1"), ("x3", "y2")]
    assert all(s.weight == 0.5 for s in plan)
    network.connect(Synapse("x2", "y1"))
    network.connect(Synapse("x3", "y2"))
    plan = editing.dense_plan(network, ["x1", "x2", "x3"], ["y1", "y2"])
    assert keys(plan) == [("x1", "y1"), ("x1", "y2"), ("x2", "y2"), ("x3", "y1")]


def test_dense_skips_self_connections_and_repeated_ids():
    network = two_layers()
    plan = editing.dense_plan(network, ["y1", "y2", "y1"], ["y1", "y2", "y2"])
    assert keys(plan) == [("y1", "y2"), ("y2", "y1")]


def test_dense_into_an_input_is_refused_in_plain_words():
    network = two_layers()
    network.set_neuron_param("x1", "label", "Light")
    with pytest.raises(ModelError) as error:
        editing.dense_plan(network, ["y1"], ["y2", "x1"])
    assert str(error.value) == "Light is an input: nothing can connect to it"


def test_dense_into_a_generator_says_a_generator():
    network = Network(model="spiking")
    network.add_neuron(Neuron("n1"))
    network.add_neuron(Neuron("g1", kind="generator"))
    with pytest.raises(ModelError) as error:
        editing.dense_plan(network, ["n1"], ["g1"])
    assert str(error.value) == "g1 is a generator: nothing can connect to it"


def test_dense_with_an_unknown_neuron_is_refused():
    with pytest.raises(ModelError, match="nope"):
        editing.dense_plan(two_layers(), ["nope"], ["y1"])
    with pytest.raises(ModelError, match="nope"):
        editing.dense_plan(two_layers(), ["x1"], ["nope"])


# ---- connect all -----------------------------------------------------------------------------------
def test_connect_all_3_inputs_to_2_neurons_gives_6_synapses_top_to_bottom():
    network = two_layers()
    plan = editing.connect_all_plan(network, ["y2", "x3", "x1", "y1", "x2"])
    assert keys(plan) == [("x1", "y1"), ("x1", "y2"), ("x2", "y1"), ("x2", "y2"), ("x3", "y1"), ("x3", "y2")]
    assert all(s.weight == 1.0 for s in plan)
    network.add_all([], plan)  # every planned synapse is one the network accepts


def test_connect_all_on_three_columns_connects_each_to_the_next_only():
    network = two_layers()
    network.add_neuron(Neuron("z1", position=(610.0, 100.0)))
    plan = editing.connect_all_plan(network, list(network.neurons))
    assert len(plan) == 3 * 2 + 2 * 1
    assert {(s.source[0], s.target[0]) for s in plan} == {("x", "y"), ("y", "z")}
    assert not any(s.source.startswith("x") and s.target == "z1" for s in plan)


def test_connect_all_tolerates_a_ragged_column():
    network = two_layers()
    network.set_neuron_param("x2", "position", (25.0, 110.0))  # dragged a little off the column
    assert len(editing.connect_all_plan(network, list(network.neurons))) == 6


def test_connect_all_skips_existing_synapses_and_says_when_nothing_is_left():
    network = two_layers()
    network.connect(Synapse("x1", "y1"))
    plan = editing.connect_all_plan(network, list(network.neurons))
    assert len(plan) == 5 and ("x1", "y1") not in keys(plan)
    network.add_all([], plan)
    with pytest.raises(ModelError, match="already fully connected"):
        editing.connect_all_plan(network, list(network.neurons))


@pytest.mark.parametrize("ids, words", [
    ([], "select two groups"),
    (["x1"], "select two groups"),
    (["x1", "x1"], "select two groups"),
    (["x1", "x2", "x3"], "one column"),
    (["y1", "y2"], "one column"),
])
def test_connect_all_refusals(ids, words):
    with pytest.raises(ModelError, match=words):
        editing.connect_all_plan(two_layers(), ids)


def test_connect_all_into_a_column_of_inputs_is_refused_grammatically():
    network = two_layers()
    network.add_neuron(Neuron("x9", kind="input", position=(600.0, 0.0)))
    with pytest.raises(ModelError) as error:
        editing.connect_all_plan(network, ["y1", "y2", "x9"])
    message = str(error.value)
    assert message == "x9 is an input: nothing can connect to it"
    # Nothing like "an generator", "a input", or a Python repr in what the user reads.
    assert "an generator" not in message and "a input" not in message and "'" not in message


def test_connect_all_with_an_unknown_id_is_refused():
    with pytest.raises(ModelError):
        editing.connect_all_plan(two_layers(), ["x1", "ghost"])
