"""Network edits: each succeeds completely and emits one event, or raises ModelError and changes nothing."""

from __future__ import annotations

import math

import pytest

from neuron_sim.model import CycleError, ModelError, Network, Neuron, Synapse
from neuron_sim.model.entities import NETWORK_PARAMS, NEURON_PARAMS, SYNAPSE_PARAMS


class Recorder:
    """Every event a network sends, in order, as (signal name, args)."""

    def __init__(self, network: Network):
        self.events: list[tuple] = []
        for name in ("neuron_added", "neuron_removed", "neuron_changed", "synapse_added",
                     "synapse_removed", "synapse_changed", "network_changed"):
            getattr(network.events, name).connect(self._make(name))

    def _make(self, name):
        def record(*args):
            self.events.append((name, *args))
        return record

    def take(self) -> list[tuple]:
        events, self.events = self.events, []
        return events


def and_gate() -> Network:
    network = Network(name="AND")
    network.add_neuron(Neuron("x1", kind="input", value=1.0, position=(0, 0)))
    network.add_neuron(Neuron("x2", kind="input", position=(0, 120)))
    network.add_neuron(Neuron("y", activation="step", threshold=1.5, position=(240, 60)))
    network.connect(Synapse("x1", "y"))
    network.connect(Synapse("x2", "y"))
    return network


@pytest.fixture
def network() -> Network:
    return and_gate()


@pytest.fixture
def recorder(network) -> Recorder:
    return Recorder(network)


# ---- successful edits and their events --------------------------------------------------------------
def test_add_neuron_emits_and_appends(network, recorder):
    neuron = network.add_neuron(Neuron("h"))
    assert neuron is network.neuron("h")
    assert list(network.neurons) == ["x1", "x2", "y", "h"]
    assert recorder.take() == [("neuron_added", "h")]
    assert neuron.label == "h"  # the label defaults to the id


def test_connect_and_disconnect_emit(network, recorder):
    network.add_neuron(Neuron("h"))
    recorder.take()
    synapse = network.connect(Synapse("y", "h", weight=-2.0))
    assert network.synapse(("y", "h")) is synapse
    assert recorder.take() == [("synapse_added", ("y", "h"))]
    assert network.disconnect("y", "h") is synapse
    assert recorder.take() == [("synapse_removed", ("y", "h"))]
    assert ("y", "h") not in network.synapses


def test_set_neuron_param_returns_old_value_and_emits(network, recorder):
    assert network.set_neuron_param("y", "threshold", 0.5) == 1.5
    assert network.neuron("y").threshold == 0.5
    assert recorder.take() == [("neuron_changed", "y", "threshold", 0.5)]
    # Setting the same value again is no edit and sends nothing.
    assert network.set_neuron_param("y", "threshold", 0.5) == 0.5
    assert recorder.take() == []
    # Values are stored in canonical form: ints become floats, lists become tuples.
    network.set_neuron_param("y", "threshold", 2)
    assert isinstance(network.neuron("y").threshold, float)
    network.set_neuron_param("y", "position", [3, 4])
    assert network.neuron("y").position == (3.0, 4.0)
    assert recorder.take()[-1] == ("neuron_changed", "y", "position", (3.0, 4.0))


def test_empty_label_falls_back_to_the_id(network, recorder):
    network.set_neuron_param("y", "label", "output")
    network.set_neuron_param("y", "label", "")
    assert network.neuron("y").label == "y"
    assert recorder.take() == [("neuron_changed", "y", "label", "output"),
                               ("neuron_changed", "y", "label", "y")]


def test_set_synapse_param_and_network_param(network, recorder):
    assert network.set_synapse_param(("x1", "y"), "weight", 0.25) == 1.0
    assert network.set_param("name", "AND gate") == "AND"
    assert network.set_param("update", "synchronous") == "feedforward"
    assert network.name == "AND gate" and network.update == "synchronous"
    assert recorder.take() == [("synapse_changed", ("x1", "y"), "weight", 0.25),
                               ("network_changed", "name", "AND gate"),
                               ("network_changed", "update", "synchronous")]
    assert network.params() == {"name": "AND gate", "description": "", "model": "rate",
                                "update": "synchronous", "dt_ms": 0.1}


def test_remove_neuron_returns_its_synapses_and_emits_in_order(network, recorder):
    neuron, synapses = network.remove_neuron("y")
    assert neuron.id == "y"
    assert [s.key for s in synapses] == [("x1", "y"), ("x2", "y")]
    assert network.synapses == {}
    assert list(network.neurons) == ["x1", "x2"]
    assert recorder.take() == [("synapse_removed", ("x1", "y")), ("synapse_removed", ("x2", "y")),
                               ("neuron_removed", "y")]


def test_undo_of_a_delete_restores_the_same_network(network):
    before = network.copy()
    position = network.neuron_index("x2")
    synapse_positions = {s.key: network.synapse_index(s.key) for s in network.synapses_of("x2")}
    neuron, synapses = network.remove_neuron("x2")
    assert network != before
    # Undo: the index-restoring add puts everything back in its place.
    network.add_neuron(neuron, index=position)
    for synapse in synapses:
        network.connect(synapse, index=synapse_positions[synapse.key])
    assert network == before
    assert list(network.neurons) == list(before.neurons)
    assert list(network.synapses) == list(before.synapses)


def test_add_at_index(network):
    network.add_neuron(Neuron("first"), index=0)
    network.add_neuron(Neuron("third"), index=2)
    network.add_neuron(Neuron("last"), index=99)
    network.add_neuron(Neuron("negative"), index=-5)
    assert list(network.neurons) == ["negative", "first", "x1", "third", "x2", "y", "last"]
    network.connect(Synapse("first", "y"), index=0)
    assert list(network.synapses)[0] == ("first", "y")


def test_new_id_takes_the_first_free_number(network):
    assert network.new_id("n") == "n1"
    network.add_neuron(Neuron(network.new_id("n")))
    network.add_neuron(Neuron(network.new_id("n")))
    network.add_neuron(Neuron("n7"))
    network.add_neuron(Neuron("n2x"))  # not of the form n<number>
    assert network.new_id("n") == "n3"
    network.remove_neuron("n1")
    assert network.new_id("n") == "n1"
    assert network.new_id("x") == "x3"
    assert network.new_id("a.b") == "a.b1"  # the prefix is literal, not a pattern


def test_reading_helpers(network):
    assert [s.key for s in network.incoming("y")] == [("x1", "y"), ("x2", "y")]
    assert [s.key for s in network.outgoing("x1")] == [("x1", "y")]
    assert [s.key for s in network.synapses_of("x2")] == [("x2", "y")]
    assert len(network) == 3
    assert [n.id for n in network] == ["x1", "x2", "y"]
    assert network.neuron_index("y") == 2
    assert "3 neurons" in repr(network)
    with pytest.raises(AttributeError):
        network.no_such_thing  # noqa: B018


# ---- refusals leave the network unchanged --------------------------------------------------------
REFUSED_EDITS = [
    ("duplicate id", lambda n: n.add_neuron(Neuron("y"))),
    ("not a neuron", lambda n: n.add_neuron("y")),
    ("generator in a rate network", lambda n: n.add_neuron(Neuron("g", kind="generator"))),
    ("remove unknown", lambda n: n.remove_neuron("nobody")),
    ("connect twice", lambda n: n.connect(Synapse("x1", "y"))),
    ("connect into an input", lambda n: n.connect(Synapse("y", "x1"))),
    ("connect from nowhere", lambda n: n.connect(Synapse("ghost", "y"))),
    ("connect to nowhere", lambda n: n.connect(Synapse("x1", "ghost"))),
    ("connect not a synapse", lambda n: n.connect(("x1", "y"))),
    ("disconnect unknown", lambda n: n.disconnect("y", "x1")),
    ("unknown neuron", lambda n: n.set_neuron_param("nobody", "threshold", 1.0)),
    ("unknown parameter", lambda n: n.set_neuron_param("y", "bias", 1.0)),
    ("the id is not a parameter", lambda n: n.set_neuron_param("y", "id", "z")),
    ("text for a number", lambda n: n.set_neuron_param("y", "threshold", "abc")),
    ("NaN", lambda n: n.set_neuron_param("y", "threshold", math.nan)),
    ("infinity", lambda n: n.set_neuron_param("y", "threshold", math.inf)),
    ("too large", lambda n: n.set_neuron_param("y", "threshold", 1e7)),
    ("huge int", lambda n: n.set_neuron_param("y", "threshold", 10**400)),
    ("bool for a number", lambda n: n.set_neuron_param("y", "threshold", True)),
    ("unknown activation", lambda n: n.set_neuron_param("y", "activation", "softmax")),
    ("unknown kind", lambda n: n.set_neuron_param("y", "kind", "glia")),
    ("input with incoming synapses", lambda n: n.set_neuron_param("y", "kind", "input")),
    ("generator kind in rate", lambda n: n.set_neuron_param("x1", "kind", "generator")),
    ("bad position", lambda n: n.set_neuron_param("y", "position", [1, 2, 3])),
    ("far position", lambda n: n.set_neuron_param("y", "position", [0, 1e9])),
    ("label too long", lambda n: n.set_neuron_param("y", "label", "x" * 201)),
    ("label with a lone surrogate", lambda n: n.set_neuron_param("y", "label", "a\ud800")),
    ("negative tau", lambda n: n.set_neuron_param("y", "tau_ms", -1.0)),
    ("fractional seed", lambda n: n.set_neuron_param("y", "seed", 1.5)),
    ("unknown synapse", lambda n: n.set_synapse_param(("x2", "x1"), "weight", 1.0)),
    ("unknown synapse parameter", lambda n: n.set_synapse_param(("x1", "y"), "strength", 1.0)),
    ("NaN weight", lambda n: n.set_synapse_param(("x1", "y"), "weight", math.nan)),
    ("weight too large", lambda n: n.set_synapse_param(("x1", "y"), "weight", -2e6)),
    ("negative delay", lambda n: n.set_synapse_param(("x1", "y"), "delay_ms", -1.0)),
    ("unknown network parameter", lambda n: n.set_param("speed", 1)),
    ("unknown model", lambda n: n.set_param("model", "hodgkin-huxley")),
    ("unknown update", lambda n: n.set_param("update", "asynchronous")),
    ("dt too small", lambda n: n.set_param("dt_ms", 0.0)),
    ("name not text", lambda n: n.set_param("name", 5)),
]


@pytest.mark.parametrize("edit", [e for _, e in REFUSED_EDITS], ids=[name for name, _ in REFUSED_EDITS])
def test_refused_edits_change_nothing_and_send_nothing(network, recorder, edit):
    before = network.copy()
    with pytest.raises(ModelError) as caught:
        edit(network)
    message = str(caught.value)
    assert message and "\n" not in message
    assert network == before
    assert list(network.neurons) == list(before.neurons)
    assert recorder.take() == []


def test_switching_to_rate_with_generators_is_refused():
    network = Network(model="spiking")
    network.add_neuron(Neuron("g", kind="generator"))
    before = network.copy()
    with pytest.raises(ModelError, match="generator"):
        network.set_param("model", "rate")
    assert network == before and network.model == "spiking"


def test_refusal_messages_read_well(network):
    network.add_neuron(Neuron("z"))
    with pytest.raises(ModelError, match=r"^x1 is an input: it has no dendrites"):
        network.connect(Synapse("y", "x1"))
    spiking = Network(model="spiking")
    spiking.add_neuron(Neuron("g", kind="generator"))
    spiking.add_neuron(Neuron("n"))
    spiking.connect(Synapse("g", "n"))
    with pytest.raises(ModelError, match=r"^g is a generator: it has no dendrites"):
        spiking.connect(Synapse("n", "g"))
    with pytest.raises(ModelError, match=r"a generator cannot receive any"):
        spiking.set_neuron_param("n", "kind", "generator")
    with pytest.raises(ModelError, match=r'threshold: expected a number, got "abc"'):
        network.set_neuron_param("y", "threshold", "abc")
    with pytest.raises(ModelError, match="x1 is already connected to y"):
        network.connect(Synapse("x1", "y"))
    with pytest.raises(ModelError, match="there is no neuron with id 'ghost'"):
        network.connect(Synapse("ghost", "y"))


@pytest.mark.parametrize("bad", [
    dict(id=""), dict(id="has space"), dict(id="x" * 65), dict(id=5), dict(id="a>b"),
    dict(id="ok", kind="glia"), dict(id="ok", threshold=math.nan), dict(id="ok", position=(0,)),
    dict(id="ok", v_mV=2000.0), dict(id="ok", rate_hz=-1.0), dict(id="ok", pattern="burst"),
    dict(id="\ud800"),
])
def test_records_validate_on_construction(bad):
    with pytest.raises(ModelError):
        Neuron(**bad)


def test_ids_may_hold_letters_beyond_ascii():
    assert Neuron("Zelle_ä.1:x-y").id == "Zelle_ä.1:x-y"
    assert Neuron("ニューロン").label == "ニューロン"


@pytest.mark.parametrize("bad", [dict(weight=math.inf), dict(weight="1"), dict(delay_ms=-0.5),
                                 dict(source="a b"), dict(target="")])
def test_synapse_validates_on_construction(bad):
    fields = dict(source="a", target="b") | bad
    with pytest.raises(ModelError):
        Synapse(**fields)


def test_defaults_come_from_the_parameter_table():
    neuron = Neuron("n")
    for name, spec in NEURON_PARAMS.items():
        if name != "label":
            assert getattr(neuron, name) == spec.default, name
    synapse = Synapse("a", "b")
    for name, spec in SYNAPSE_PARAMS.items():
        assert getattr(synapse, name) == spec.default
    network = Network()
    for name, spec in NETWORK_PARAMS.items():
        assert getattr(network, name) == spec.default
    assert neuron.initial_v_mV == -70.0 and Neuron("m", v_mV=-60).initial_v_mV == -60.0
    assert (neuron.v_rest_mV, neuron.v_threshold_mV, neuron.tau_ms, neuron.refractory_ms) == (-70, -55, 20, 2)


# ---- layers --------------------------------------------------------------------------------------------
def test_layers_follow_the_graph_not_the_file_order():
    network = Network()
    for nid in ("out", "h2", "h1", "in2", "in1", "lonely"):
        network.add_neuron(Neuron(nid, kind="input" if nid.startswith("in") else "neuron"))
    for source, target in (("in1", "h1"), ("in2", "h1"), ("h1", "h2"), ("h2", "out"), ("in1", "out")):
        network.connect(Synapse(source, target))
    # Each neuron sits one past its deepest source; unconnected neurons sit with the inputs.
    assert network.layers() == [["in2", "in1", "lonely"], ["h1"], ["h2"], ["out"]]
    assert network.find_cycle() is None
    assert Network().layers() == []


def test_layers_of_a_long_chain_do_not_recurse():
    network = Network()
    network.add_neuron(Neuron("n0", kind="input"))
    for i in range(1, 3000):
        network.add_neuron(Neuron(f"n{i}"))
        network.connect(Synapse(f"n{i - 1}", f"n{i}"))
    layers = network.layers()
    assert len(layers) == 3000 and layers[-1] == ["n2999"]


def test_layers_raise_cycle_error_with_the_loop():
    network = Network()
    for nid in "abcde":
        network.add_neuron(Neuron(nid))
    for source, target in (("a", "b"), ("b", "c"), ("c", "d"), ("d", "b"), ("d", "e")):
        network.connect(Synapse(source, target))
    with pytest.raises(CycleError) as caught:
        network.layers()
    cycle = caught.value.cycle
    assert sorted(cycle) == ["b", "c", "d"]
    for source, target in zip(cycle, cycle[1:] + cycle[:1]):
        assert (source, target) in network.synapses
    assert sorted(network.find_cycle()) == ["b", "c", "d"]
    assert "synchronous" in str(caught.value)


# ---- equality and copies -----------------------------------------------------------------------------
def test_copy_is_equal_deep_and_silent(network, recorder):
    other = network.copy()
    assert other == network and other is not network
    assert other.neuron("y") is not network.neuron("y")
    other_recorder = Recorder(other)
    other.set_neuron_param("y", "threshold", 0.0)
    assert network.neuron("y").threshold == 1.5  # deep: the original is untouched
    assert recorder.take() == []  # the copy has its own events
    assert other_recorder.take() == [("neuron_changed", "y", "threshold", 0.0)]
    assert other != network


def test_equality_sees_order_params_and_values(network):
    reordered = Network(name="AND")
    for nid in ("x2", "x1", "y"):
        reordered.add_neuron(network.neuron(nid).copy())
    for synapse in network.synapses.values():
        reordered.connect(synapse.copy())
    assert reordered != network  # the file order is part of the network
    renamed = network.copy()
    renamed.set_param("description", "changed")
    assert renamed != network
    assert network != "not a network"
    with pytest.raises(TypeError):
        hash(network)


def test_clear_and_add_all(network, recorder):
    neurons = [n.copy() for n in network]
    synapses = [s.copy() for s in network.synapses.values()]
    network.clear()
    assert len(network) == 0 and network.synapses == {}
    events = recorder.take()
    assert [e[0] for e in events].count("neuron_removed") == 3
    network.add_all(neurons, synapses)
    assert network == and_gate()
