"""The synapse table (file format version 4): a large network's synapses as columns, the same network
as the list of objects gives, kept as columns until something asks for Synapse objects, and every
bad table refused with the place of its first fault."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.engines.build import build_engine
from neuron_sim.model.entities import ModelError, Stdp
from neuron_sim.model.fileformat import NetworkFileError, dumps, loads, to_dict
from neuron_sim.model.run_memory import estimate
from neuron_sim.model.simulate import simulate
from neuron_sim.model.synapse_table import TABLE_FROM

from .brian2_oracle import random_network, run_brian2


def mixed_spiking(seed: int = 5, n: int = 60) -> Network:
    """Cells, generators (spikes and currents) and a sensor; delta and current synapses with varied
    weights, delays and time constants, in a shuffled order."""
    rng = np.random.default_rng(seed)
    network = Network(name="mixed", model="spiking", dt_ms=0.1)
    cells = [Neuron(f"c{i}", drive_mV=float(rng.uniform(10, 20)), v_mV=float(rng.uniform(-70, -56)),
                    position=(float(i), 0.0)) for i in range(n)]
    sources = [Neuron("g0", kind="generator", rate_hz=80.0), Neuron("p0", kind="generator", pattern="poisson",
                                                                  rate_hz=150.0, seed=3),
               Neuron("dc", kind="generator", pattern="dc"), Neuron("eye", kind="input", value=1.0)]
    ordered = cells[: n // 2] + sources[:2] + cells[n // 2:] + sources[2:]  # sources among the cells
    pairs = [(s, t) for s in ordered for t in cells if rng.random() < 0.15]
    rng.shuffle(pairs)
    synapses = []
    for s, t in pairs:
        kind = str(rng.choice(["delta", "delta", "current_exp", "current_alpha"]))
        synapses.append(Synapse(s.id, t.id, weight=float(rng.uniform(-3, 6)), delay_ms=float(rng.uniform(0, 3)),
                                kind=kind, tau_syn_ms=float(rng.uniform(0.5, 5)) if kind != "delta" else 2.0))
    network.add_all(ordered, synapses)
    return network


def rate_layers() -> Network:
    network = Network(name="layers", update="feedforward")
    network.add_all([Neuron(f"x{i}", kind="input", value=i / 10) for i in range(10)]
                    + [Neuron(f"h{i}", activation="tanh", threshold=0.1 * i) for i in range(10)]
                    + [Neuron("y")],
                    [Synapse(f"x{i}", f"h{j}", weight=(i - j) / 7) for i in range(10) for j in range(10)]
                    + [Synapse(f"h{j}", "y", weight=0.5 - j / 10) for j in range(10)])
    return network


NETWORKS = {"spiking": mixed_spiking, "rate": rate_layers}


# ---- the same network in either form ------------------------------------------------------------
@pytest.mark.parametrize("make", NETWORKS.values(), ids=NETWORKS)
def test_a_table_loads_as_the_same_network_as_the_list_in_the_same_order(make):
    network = make()
    as_table, as_list = dumps(network, table=True), dumps(network, table=False)
    assert json.loads(as_table)["version"] == 4 and isinstance(json.loads(as_table)["synapses"], dict)
    assert json.loads(as_list)["version"] == 3 and isinstance(json.loads(as_list)["synapses"], list)
    from_table, from_list = loads(as_table), loads(as_list)
    assert from_table == network == from_list
    assert list(from_table.synapses) == list(network.synapses) == list(from_list.synapses)
    assert dumps(from_table, table=True) == as_table and dumps(from_table, table=False) == as_list


def test_a_loaded_table_stays_columns_until_the_objects_are_asked_for():
    network = loads(dumps(mixed_spiking(), table=True))
    count = network.synapse_count()
    build_engine(network)
    simulate(network, 200)
    estimate(network, 1000)
    dumps(network, table=True)  # written from the columns (the list form makes the objects)
    copy = network.copy()
    repr(network)
    assert network._pending_columns is not None and copy._pending_columns is not None
    assert len(network.synapses) == count and network._pending_columns is None  # made once asked for
    assert copy == network


def test_rate_layers_come_from_the_columns_without_the_objects():
    network = loads(dumps(rate_layers(), table=True))
    assert network.layers() == rate_layers().layers()
    assert network._pending_columns is not None


def test_the_writer_uses_the_table_from_its_size_up_and_never_for_learning_synapses():
    small = Network()
    small.add_all([Neuron(f"n{i}") for i in range(101)],
                  [Synapse(f"n{i}", f"n{j}") for i in range(100) for j in range(100)][: TABLE_FROM - 1])
    assert isinstance(to_dict(small)["synapses"], list)
    small.add_all([], [Synapse("n100", "n0")])
    assert isinstance(to_dict(small)["synapses"], dict) and to_dict(small)["version"] == 4
    learning = mixed_spiking()
    key = next(key for key, synapse in learning.synapses.items() if synapse.kind == "delta")
    learning.set_synapse_param(key, "plasticity", Stdp())
    data = json.loads(dumps(learning, table=True))
    assert data["version"] == 3 and isinstance(data["synapses"], list)
    assert loads(dumps(learning, table=True)) == learning


def test_a_table_written_from_columns_holds_only_the_columns_that_matter():
    rate = json.loads(dumps(rate_layers(), table=True))["synapses"]
    assert list(rate) == ["source", "target", "weight"]
    spiking = Network(model="spiking")
    spiking.add_all([Neuron("a"), Neuron("b")], [Synapse("a", "b", weight=2.0), Synapse("b", "a", weight=0.5)])
    table = json.loads(dumps(spiking, table=True))["synapses"]
    assert list(table) == ["source", "target", "weight", "delay_ms"]
    assert decoded(table["source"], "<i4") == [0, 1] and decoded(table["target"], "<i4") == [1, 0]
    assert decoded(table["weight"], "<f8") == [2.0, 0.5] and decoded(table["delay_ms"], "<f8") == [1.0, 1.0]


def decoded(column: dict, dtype: str) -> list:
    """A binary column's numbers, decoded here with the standard library and numpy."""
    (text,) = column.values()
    return np.frombuffer(base64.b64decode(text), dtype=dtype).tolist()


def encoded(values, dtype: str, word: str) -> dict:
    return {word: base64.b64encode(np.array(values, dtype=dtype).tobytes()).decode("ascii")}


def test_list_columns_and_binary_columns_load_alike_and_weights_keep_every_bit():
    network = mixed_spiking()
    data = json.loads(dumps(network, table=True))
    binary = data["synapses"]
    assert set(binary["weight"]) == {"float64"} and set(binary["source"]) == {"int32"}
    as_lists = {name: (column if isinstance(column, list) else decoded(column, "<i4" if name in ("source", "target")
                                                                         else "<f8"))
                for name, column in binary.items()}
    listed = loads(json.dumps({**data, "synapses": as_lists}))
    assert listed == loads(json.dumps(data)) == network
    weights = [synapse.weight for synapse in listed.synapses.values()]
    assert weights == [synapse.weight for synapse in network.synapses.values()]  # bit for bit


# ---- the engines run the same -------------------------------------------------------------------
@pytest.mark.parametrize("seed", [1, 2])
def test_the_spiking_engine_steps_alike_from_a_table_and_from_a_list(seed):
    network = random_network(40, seed) if seed == 1 else mixed_spiking(seed)
    from_table, from_list = loads(dumps(network, table=True)), loads(dumps(network, table=False))
    ours, theirs = build_engine(from_table), build_engine(from_list)
    rows_table, spikes_table = ours.run(3000)
    rows_list, spikes_list = theirs.run(3000)
    assert len(spikes_list) > 100 and spikes_table == spikes_list
    assert np.array_equal(rows_table, rows_list)
    assert list(ours.arrays.syn_keys) == list(theirs.arrays.syn_keys)


def test_a_network_loaded_from_a_table_spikes_as_brian2_simulates_it():
    network = loads(dumps(random_network(30, 7), table=True))
    engine = build_engine(network)  # from the columns, before the oracle makes the objects
    assert network._pending_columns is not None
    _, spikes = engine.run(2000)
    oracle = run_brian2(network, 2000)
    assert engine.ids == oracle.ids and len(spikes) > 100
    assert sorted(spikes) == oracle.spikes


def test_the_rate_engine_computes_alike_from_a_table_and_from_a_list():
    network = rate_layers()
    ours, theirs = build_engine(loads(dumps(network, table=True))), build_engine(loads(dumps(network, table=False)))
    ours.settle(), theirs.settle()
    assert np.array_equal(ours.activity, theirs.activity)
    assert list(ours.synapse_keys) == list(theirs.synapse_keys)
    assert ours.set_synapse_param(("h3", "y"), "weight", 2.0) and theirs.set_synapse_param(("h3", "y"), "weight", 2.0)
    ours.settle(), theirs.settle()
    assert np.array_equal(ours.activity, theirs.activity)


def test_the_engine_never_writes_into_the_networks_columns():
    network = loads(dumps(mixed_spiking(), table=True))
    engine = build_engine(network)
    key = next(key for key, synapse in mixed_spiking().synapses.items() if synapse.kind == "delta"
               and not key[0].startswith(("dc",)))
    engine.set_synapse_param(key, "weight", 99.0)
    assert network.synapse(key).weight != 99.0


# ---- hostile tables -----------------------------------------------------------------------------
def _table_document(**changes) -> dict:
    network = Network(model="spiking")
    network.add_all([Neuron("a"), Neuron("b"), Neuron("c"), Neuron("g", kind="generator")],
                    [Synapse("a", "b", weight=1.5), Synapse("b", "c", delay_ms=2.0), Synapse("g", "a"),
                     Synapse("c", "a", weight=-2.0)])
    data = json.loads(dumps(network, table=True))
    for name, value in changes.items():
        if value is None:
            del data["synapses"][name]
        else:
            data["synapses"][name] = value
    return data


HOSTILE = [
    ({"weight": [1, 2, float("nan"), 4]}, "synapses.weight[2]: expected a finite number, got nan"),
    ({"weight": [1, 2, 3, 1e7]}, "synapses.weight[3]: 1e+07 is above the maximum 1e+06"),
    ({"weight": [1, True, 3, 4]}, "synapses.weight[1]: expected a number, got true"),
    ({"weight": [1, "2", 3, 4]}, 'synapses.weight[1]: expected a number, got "2"'),
    ({"weight": [1, None, 3, 4]}, "synapses.weight[1]: expected a number, got null"),
    ({"weight": [1, 2, 3, 10 ** 400]}, "synapses.weight[3]: expected a finite number, got inf"),
    ({"delay_ms": [1, -1, 1, 1]}, "synapses.delay_ms[1]: -1 is below the minimum 0"),
    ({"tau_syn_ms": [1, 2, 0, 1]}, "synapses.tau_syn_ms[2]: 0 is below the minimum 0.01"),
    ({"kind": ["delta", "delta", "spiky", "delta"]},
     'synapses.kind[2]: unknown value "spiky"; expected one of delta, current_exp, current_alpha'),
    ({"kind": ["delta", 3, "delta", "delta"]},
     "synapses.kind[1]: unknown value 3; expected one of delta, current_exp, current_alpha"),
    ({"source": [0, 1, 3, 2.0]}, "synapses.source[3]: expected a neuron's index (a whole number), got 2.0"),
    ({"source": [0, 1, 3, "c"]}, 'synapses.source[3]: expected a neuron\'s index (a whole number), got "c"'),
    ({"target": [1, False, 0, 0]}, "synapses.target[1]: expected a neuron's index (a whole number), got false"),
    ({"target": [1, 4, 0, 0]},
     "synapses.target[1]: no neuron has the index 4 (the file has 4 neurons, numbered from 0)"),
    ({"source": [0, -1, 3, 2]},
     "synapses.source[1]: no neuron has the index -1 (the file has 4 neurons, numbered from 0)"),
    ({"source": [0, 1, 3, 2 ** 64]},
     "synapses.source[3]: no neuron has the index 18446744073709551616 (the file has 4 neurons, numbered from 0)"),
    ({"source": [0, 1, 3, 2 ** 70]},  # past 20 digits the reader takes a number as a float
     "synapses.source[3]: expected a neuron's index (a whole number), got 1.1805916207174113e+21"),
    ({"target": [1, 2, 3, 0]}, "synapses.target[2]: 'g' is a generator, which cannot receive synapses"),
    ({"source": [0, 1, 3, 0], "target": [1, 2, 0, 1]}, "synapses.target[3]: a → b is connected twice"),
    ({"weight": [1, 2, 3]}, "synapses.weight: 3 entries, but synapses.source has 4: each column holds one entry "
                            "per synapse"),
    ({"source": [0, 1, 3, 2, 0]}, "synapses.target: 4 entries, but synapses.source has 5: each column holds one "
                                  "entry per synapse"),
    ({"weight": {"0": 1}}, 'synapses.weight: expected a list, or an object with one field float64 holding base64 '
                           "text; got {'0': 1}"),
    ({"target": "0,1"}, 'synapses.target: expected a list, or an object with one field int32 holding base64 text; '
                        'got "0,1"'),
    ({"kind": "delta"}, "synapses.kind: expected a list, got text"),
    ({"weight": {"float64": "AAAA!AAA"}}, "synapses.weight.float64: not valid base64 text"),
    ({"weight": {"float64": "가나다라"}}, "synapses.weight.float64: not valid base64 text"),
    ({"weight": {"float64": "AAAAAAAA"}}, "synapses.weight.float64: 6 bytes are not a whole number of float64 "
                                          "values (8 bytes each)"),
    ({"weight": {"float64": 12}}, "synapses.weight: expected a list, or an object with one field float64 holding "
                                  "base64 text; got {'float64': 12}"),
    ({"weight": encoded([1, 2, float("inf"), 4], "<f8", "float64")},
     "synapses.weight[2]: expected a finite number, got inf"),
    ({"delay_ms": encoded([1, 2, 3, -0.5], "<f8", "float64")}, "synapses.delay_ms[3]: -0.5 is below the minimum 0"),
    ({"weight": encoded([1, 2, 3], "<f8", "float64")},
     "synapses.weight: 3 entries, but synapses.source has 4: each column holds one entry per synapse"),
    ({"source": encoded([0, 1, 3, 9], "<i4", "int32")},
     "synapses.source[3]: no neuron has the index 9 (the file has 4 neurons, numbered from 0)"),
    ({"target": encoded([1, 2, 0, -7], "<i4", "int32")},
     "synapses.target[3]: no neuron has the index -7 (the file has 4 neurons, numbered from 0)"),
    ({"source": encoded([0, 1, 3, 0], "<i4", "int32"), "target": encoded([1, 2, 0, 1], "<i4", "int32")},
     "synapses.target[3]: a → b is connected twice"),
    ({"source": {"float64": encoded([0, 1, 3, 2], "<f8", "float64")["float64"]}},
     "synapses.source: expected a list, or an object with one field int32 holding base64 text; got {'float64': "
     "'AAAAAAAAAAAA...AAAAAAAAA..."),
    ({"target": None}, "synapses: the field 'target' is missing"),
    ({"plasticity": [None] * 4},
     "synapses.plasticity: a table of synapses cannot hold learning rules; synapses that learn are written as "
     "a list of objects"),
    ({"colour": [1, 2, 3, 4]}, 'synapses: unknown field "colour"'),
]


@pytest.mark.parametrize("changes, expected", HOSTILE, ids=[expected.split(":")[0] + f"-{i}"
                                                           for i, (_, expected) in enumerate(HOSTILE)])
def test_a_bad_table_is_refused_with_the_place_of_its_first_fault(changes, expected):
    text = json.dumps(_table_document(**changes), allow_nan=True)
    with pytest.raises(NetworkFileError) as caught:
        loads(text, "f.json")
    assert str(caught.value) == f"f.json: {expected}"


def test_a_table_in_a_file_of_an_older_version_is_refused():
    data = _table_document()
    data["version"] = 3
    with pytest.raises(NetworkFileError, match=r"^f\.json: synapses: a table of synapses needs file format "
                                               r"version 4 \(this file is version 3\)$"):
        loads(json.dumps(data), "f.json")


def test_a_table_past_the_synapse_limit_is_refused_before_its_entries_are_read(monkeypatch):
    from neuron_sim.model import synapse_table

    monkeypatch.setattr(synapse_table, "MAX_SYNAPSES", 3)
    with pytest.raises(NetworkFileError, match=r"synapses.source: 4 entries is more than the 3 a network may hold"):
        loads(json.dumps(_table_document()), "f.json")


def test_an_empty_table_is_a_network_without_synapses():
    data = _table_document(source=[], target=[], weight=[], delay_ms=[])
    network = loads(json.dumps(data))
    assert network.synapse_count() == 0 and network.synapses == {} and len(network) == 4


def test_the_first_fault_in_file_order_is_named_when_there_are_several():
    data = _table_document(weight=[1, 1e7, float("nan"), "x"], source=[0, 1, 3, 0], target=[1, 2, 0, 1])
    with pytest.raises(NetworkFileError, match=r"synapses.weight\[1\]: 1e\+07 is above the maximum"):
        loads(json.dumps(data, allow_nan=True))


@pytest.mark.parametrize("cells", [65_536, 70_000])
def test_pairs_told_apart_in_the_largest_networks(cells):
    """Two synapses are the same pair only when their ends are: also where source × cells + target
    passes 2**32 (a network of more than 65,536 neurons), which must not wrap around onto another pair."""
    from neuron_sim.model.synapse_table import read_table

    neurons = [Neuron(f"n{i}") for i in range(cells)]
    # 61,356 × 70,000 + 47,296 is 2**32: the same as 0 → 0 in four bytes
    far, near = (61_356, 47_296), (cells - 1, cells - 1)
    columns = read_table({"source": [0, far[0], near[0]], "target": [0, far[1], near[1]]}, neurons, 4)
    assert columns.source.tolist() == [0, far[0], near[0]] and columns.target.tolist() == [0, far[1], near[1]]
    with pytest.raises(ModelError, match=r"synapses.target\[3\]: n61356 → n47296 is connected twice"):
        read_table({"source": [0, far[0], near[0], far[0]], "target": [0, far[1], near[1], far[1]]}, neurons, 4)
