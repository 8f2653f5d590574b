"""Neuronify's .nfy files: each hand-written fixture (tests/data/neuronify/, one per file format
version, together every node and edge type) imports with the numbers worked out by hand from
Neuronify's equations, C·dV/dt = (E − V)/R + I: τ = R·C, a current I counts as R·I in mV.

Where the model cannot yet express a part (current synapses, adaptation, DC/AC sources), the
importer takes the documented approximation and lists it; each test checks the branch the model
has (items.CURRENT_SYNAPSES …), so every assertion checks a number either way.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.fileformat import NetworkFileError, to_dict
from neuron_sim.model.neuronify import encode_nfy, load_nfy, loads_nfy, to_nfy
from neuron_sim.model.neuronify import items
from neuron_sim.model.neuronify.reader import NEWEST_VERSION

DATA = Path(__file__).resolve().parents[1] / "data" / "neuronify"
FIXTURES = sorted(DATA.glob("*.nfy"))


def _load(name: str):
    return load_nfy(DATA / name)


def _delta_or_current(result, key, peak_mV, tau_syn_ms, alpha=False):
    """A current synapse of peak R·I `peak_mV`: itself when the model has current synapses, else a
    jump of the same charge, peak · τ_syn (· e for the alpha function) / τ_m of the target."""
    synapse = result.network.synapses[key]
    if items.CURRENT_SYNAPSES:
        assert synapse.kind == ("current_alpha" if alpha else "current_exp")
        assert synapse.tau_syn_ms == pytest.approx(tau_syn_ms)
        assert synapse.weight == pytest.approx(peak_mV)
    else:
        tau_m = result.network.neuron(key[1]).tau_ms
        assert synapse.weight == pytest.approx(peak_mV * tau_syn_ms * (math.e if alpha else 1) / tau_m)
    return synapse


def _source(result, generator, target, depolarisation_mV):
    """A DC source's R·I: a dc generator's synapse, or (without sources) the target's drive."""
    if items.CURRENT_SOURCES:
        assert result.network.neuron(generator).pattern == "dc"
        assert result.network.synapses[(generator, target)].weight == pytest.approx(depolarisation_mV)
    else:
        assert result.network.neuron(target).drive_mV == pytest.approx(depolarisation_mV)


def test_there_is_a_fixture_for_each_file_format_version():
    versions = {load_nfy(path).version for path in FIXTURES}
    assert versions == set(range(0, NEWEST_VERSION + 1))


def test_version_4_units_touch_sensor_meters_notes_and_view():
    result = _load("v4-touch-circuit.nfy")
    network = result.network
    assert network.model == "spiking" and network.dt_ms == 0.1 and network.name == "v4-touch-circuit"
    cells = [n for n in network if n.kind == "neuron"]
    assert [n.label for n in cells] == ["A", "B", "n3"]
    a, b, c = cells
    # A: R 100 MΩ, C 200 pF → τ 20 ms; potentials in V → mV; 3 ms refractory; saved voltage −65 mV.
    assert (a.tau_ms, a.v_rest_mV, a.v_reset_mV, a.v_threshold_mV, a.refractory_ms, a.v_mV) == \
        pytest.approx((20, -70, -75, -50, 3, -65))
    assert (b.tau_ms, b.v_rest_mV, b.v_reset_mV) == pytest.approx((20, -65, -70))  # 200 MΩ × 100 pF
    assert c.tau_ms == pytest.approx(30) and c.v_mV is None  # 50 MΩ × 600 pF; no saved voltage
    # Positions: Neuronify's top-left corner + half its 64 px item.
    assert a.position == (332.0, 232.0)
    touch = network.neuron("x1")
    assert touch.kind == "input" and touch.label == "touch" and touch.value == 0
    # The immediate-fire synapse lifts A from its lowest potential past the threshold at once.
    immediate = network.synapses[("x1", "n1")]
    assert immediate.weight == pytest.approx(-50 - (-75) + items.IMMEDIATE_FIRE_MARGIN_MV) and immediate.delay_ms == 0
    # A → C: 2 nA into 50 MΩ peaks at 100 mV, τ 3 ms, after 4 ms.
    assert _delta_or_current(result, ("n1", "n3"), 100, 3).delay_ms == pytest.approx(4)
    # B is inhibitory: 1 nA, alpha function, τ 5 ms → −50 mV.
    assert _delta_or_current(result, ("n2", "n3"), -50, 5, alpha=True).delay_ms == pytest.approx(2)
    # The clamp's 200 pA into B's 200 MΩ: 40 mV.
    _source(result, "g1", "n2", 40)
    kinds = [(m.kind, m.neuron_ids) for m in result.meters]
    assert kinds == [("voltmeter", ("n3", "n1")), ("spikes", ("n1", "n2")), ("rate", ("n3",))]
    assert result.meters[0].position == (650, 250) and result.meters[0].size == (320, 200)
    notes = list(network.notes.values())
    assert [n.text for n in notes] == ["Touch the sensor: A fires and excites C.\nB, driven by the source, inhibits C."]
    assert notes[0].position == (80, 40) and notes[0].size == (280, 120)
    assert (result.view.x, result.view.y, result.view.width, result.view.height) == (0, 0, 1200, 900)
    text = result.unsupported_text()
    assert "1 × a link to the next tutorial: left out (open that file on its own)" in text
    assert (a.v_min_mV, a.v_max_mV) == (-90, 60)  # Neuronify's voltage limits, kept
    assert b.v_min_mV is None  # a cell the file does not limit
    assert len(text) == len(set(text))


def test_version_3_generators_adaptation_burst_and_an_unsupported_retina():
    result = _load("v3-sources.nfy")
    network = result.network
    regular, poisson, rhythm = (network.neuron(g) for g in ("g1", "g2", "g3"))
    assert (regular.pattern, regular.rate_hz, regular.label) == ("regular", 40, "regular")
    assert (poisson.pattern, poisson.rate_hz) == ("poisson", 25)
    assert (rhythm.pattern, rhythm.rate_hz) == ("regular", 10)
    adapting = network.neuron("n1")
    # A plain edge from an inhibitory generator is Neuronify's standard synapse, 3 nA × 100 MΩ, made negative.
    _delta_or_current(result, ("g2", "n1"), -300, 2)
    _delta_or_current(result, ("g1", "n1"), 300, 2)
    text = result.unsupported_text()
    if items.ADAPTATION:
        assert adapting.adaptation == pytest.approx(0.2)  # 2 nS × 100 MΩ
        assert adapting.tau_adaptation_ms == pytest.approx(300)
    else:
        assert any("adaptation current" in line for line in text)
    if items.CURRENT_SOURCES:
        ac = network.neuron("g4")
        assert (ac.pattern, ac.frequency_hz) == ("ac", 8)
        assert network.synapses[("g4", "n2")].weight == pytest.approx(50)  # 500 pA × 100 MΩ
    else:
        assert "1 × an alternating current source: this neuron-sim has no AC sources; left out" in text
    assert "1 × the bursting current of a burst neuron: neuron-sim has no bursting current; imported as leaky " \
           "neurons" in text
    assert "1 × a camera input (Retina): neuron-sim has no camera; left out" in text
    assert "1 × a connection to or from an item neuron-sim left out" in text
    assert result.meters[0].kind == "spikes" and result.meters[0].neuron_ids == ("n1", "n2")


def test_version_2_keeps_properties_beside_the_engine_and_synapses_as_conductances():
    result = _load("v2-oscillator.nfy")
    network = result.network
    left, right = network.neuron("n1"), network.neuron("n2")
    assert (left.label, right.label) == ("left", "right")
    assert (left.tau_ms, right.tau_ms) == pytest.approx((10, 20))  # 10 kΩ × 1 µF, 10 kΩ × 2 µF
    assert (left.refractory_ms, right.refractory_ms) == (1, 0)  # beside the engine, as version 2 keeps them
    assert left.v_mV == -50 and right.v_mV is None
    # A spike adds 20 µS toward −90 mV, taken at rest (−60 mV): R·g·(E − v_rest) = 10 kΩ × 20 µS × −30 mV.
    _delta_or_current(result, ("n1", "n2"), -6, 10)  # the target's synaptic time constant
    _delta_or_current(result, ("n2", "n1"), -6, 20)
    assert network.synapses[("n1", "n2")].delay_ms == 0
    # currentOutputScaled is in µA: 3 µA × 10 kΩ = 30 mV; the other clamp's 2.5 µA = 25 mV.
    _source(result, "g1", "n1", 30)
    _source(result, "g2", "n2", 25)
    assert network.synapses[("x1", "n1")].weight == pytest.approx(-40 - (-80) + items.IMMEDIATE_FIRE_MARGIN_MV)
    assert result.meters[0].kind == "spikes" and result.meters[0].neuron_ids == ("n1", "n2")  # edges cell → meter
    assert [n.text for n in network.notes.values()] == ["Two cells that inhibit each other; the left one, driven harder, fires most of the time."]
    assert any("conductance synapse of a version 1–2 file" in line for line in result.unsupported_text())


def test_version_1_has_no_version_number_and_an_offset_view():
    result = _load("v1-chain.nfy")
    assert result.version == 1
    _source(result, "g1", "n1", 80)  # 8 µA × 10 kΩ
    _delta_or_current(result, ("n1", "n2"), 115, 10)  # 10 kΩ × 100 µS × (50 − (−65)) mV
    # workspace x 100, y −50 at scale 0.5: the view starts at (−200, 100) and is twice the window.
    view = result.view
    assert (view.x, view.y, view.width, view.height) == (-200, 100, 2560, 1600)
    assert result.meters[0].neuron_ids == ("n1", "n2")


def test_the_early_script_files_are_read_line_by_line_without_running_them():
    result = _load("v0-script.nfy")
    network = result.network
    assert result.version == 0
    assert [(n.id, n.label, n.kind) for n in network] == [("n1", "n1", "neuron"), ("n2", "n2", "neuron"),
                                                           ("n3", "end", "neuron"), ("x1", "x1", "input")]
    assert set(network.synapses) == {("n1", "n2"), ("n2", "n3"), ("x1", "n1"), ("x1", "n3")}
    assert network.synapses[("n2", "n3")].weight < 0 < network.synapses[("n1", "n2")].weight  # stimulation −3
    assert network.neuron("n1").tau_ms == pytest.approx(10)  # the early 10 kΩ × 1 µF
    assert result.meters[0].neuron_ids == ("n3",)
    assert [n.text for n in network.notes.values()] == ["The first files were a script."]
    view = result.view
    assert (view.x, view.y, view.width, view.height) == (10, -20, 640, 400)
    assert any("first neuron model" in line for line in result.unsupported_text())


def test_the_first_scripts_made_each_item_with_its_own_function():
    """Before createEntity, Neuronify saved createNeuron/createVoltmeter/createTouchSensor calls with
    script objects (keys without quotes) and connected them with a function per kind of link."""
    text = ("var neuron0 = createNeuron({x: 120, y: 80, clampCurrent: 75, clampCurrentEnabled: true, "
            "adaptationIncreaseOnFire: 0, outputStimulation: 4})\n"
            "var neuron1 = createNeuron({x: 260, y:80, outputStimulation: -2, label: \"a: b, c: d\"})\n"
            "connectNeurons(neuron0, neuron1) \n"
            "var voltmeter0 = createVoltmeter({x: 120, y: 300}) \n"
            "connectVoltmeterToNeuron(neuron1, voltmeter0) \n"
            "var sensor0 = createTouchSensor({x: 0, y: -100})\n"
            "connectSensorToNeuron(sensor0, neuron0)\n")
    result = loads_nfy(text)
    network = result.network
    assert result.version == 0
    assert [(n.id, n.kind, n.position) for n in network] == [
        ("n1", "neuron", (152.0, 112.0)), ("n2", "neuron", (292.0, 112.0)), ("x1", "input", (32.0, -68.0))]
    assert network.neuron("n2").label == "a: b, c: d"  # a colon inside a string is not a key
    assert set(network.synapses) == {("n1", "n2"), ("x1", "n1")}
    assert network.synapses[("n1", "n2")].weight > 0
    assert result.meters[0].kind == "voltmeter" and result.meters[0].neuron_ids == ("n2",)
    back = loads_nfy(text.replace("connectNeurons(neuron0, neuron1)", "connectNeurons(neuron1, neuron0)"))
    assert back.network.synapses[("n2", "n1")].weight < 0  # a negative output stimulation inhibits
    assert any("first neuron model" in line for line in result.unsupported_text())


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_round_trip_through_a_neuronify_file_gives_the_same_network(path):
    first = load_nfy(path)
    exported = to_nfy(first.network, first.meters, first.view)
    assert exported.data["fileFormatVersion"] == 4
    second = loads_nfy(encode_nfy(exported), name=first.network.name)
    assert to_dict(second.network) == to_dict(first.network)
    assert second.meters == first.meters and second.view == first.view
    assert second.network.notes == first.network.notes


def test_saving_a_network_made_in_neuron_sim_lists_what_neuronify_cannot_hold():
    network = Network(model="spiking")
    network.add_neuron(Neuron("x1", kind="input", value=1, rate_hz=50, position=(0, 0)))
    network.add_neuron(Neuron("g1", kind="generator", pattern="poisson", rate_hz=30, seed=7, position=(0, 100)))
    network.add_neuron(Neuron("y1", tau_ms=25, drive_mV=12, position=(200, 0)))
    network.add_neuron(Neuron("y2", position=(400, 0)))
    network.connect(Synapse("x1", "y1", weight=8))
    network.connect(Synapse("g1", "y1", weight=-3, delay_ms=2))
    network.connect(Synapse("y1", "y2", weight=4, delay_ms=3))
    exported = to_nfy(network)
    text = exported.left_out_text()
    assert "1 × an input: written as a touch sensor, which fires while touched" in text
    assert any("start time or seed" in line for line in text)
    assert any("same charge with τ = 1 ms" in line for line in text)
    back = loads_nfy(encode_nfy(exported)).network
    # What Neuronify holds comes back: τ, the generator, the delay, the drive (as a current source).
    assert back.neuron("n1").tau_ms == pytest.approx(25)
    assert back.neuron("g1").pattern == "poisson" and back.neuron("g1").rate_hz == 30
    assert back.synapses[("g1", "n1")].delay_ms == pytest.approx(2) and back.synapses[("g1", "n1")].weight < 0
    # y1 → y2, a 4 mV jump, is a current of the same charge: the jump it gives back is 4 mV again.
    synapse = back.synapses[("n1", "n2")]
    charge = synapse.weight * (synapse.tau_syn_ms / back.neuron("n2").tau_ms if items.CURRENT_SYNAPSES else 1)
    assert charge == pytest.approx(4)
    if not items.CURRENT_SOURCES:
        assert back.neuron("n1").drive_mV == pytest.approx(12)


def test_a_rate_network_is_not_saved_as_neuronify():
    with pytest.raises(Exception, match="Neuronify runs spiking networks"):
        to_nfy(Network(model="rate"))


NODE = ('{"filename": "neurons/LeakyNeuron.qml", "savedProperties": {"engine": {"threshold": %s}, '
        '"label": "", "x": 0, "y": 0}}')


@pytest.mark.parametrize("text, message", [
    ("{", "f.nfy: not valid JSON at line 1, column 2: the file ends too early (truncated?)"),
    ("hello", 'f.nfy: this is not a Neuronify file: Neuronify\'s .nfy files are JSON objects with "nodes" and "edges"'),
    ("[1, 2]", "f.nfy: this is not a Neuronify file: expected a JSON object at the top"),
    ('{"edges": []}', "f.nfy: the field 'nodes' is missing; this is not a Neuronify circuit"),
    ('{"nodes": {}}', "f.nfy: nodes: expected a list, got {}"),
    ('{"nodes": [%s], "edges": [{"from": 0, "to": 3}]}' % (NODE % "-0.05"),
     "f.nfy: edges[0].to: there is no node 3: the file has 1 nodes (0 to 0)"),
    ('{"nodes": [%s], "edges": [{"to": 0}]}' % (NODE % "-0.05"), "f.nfy: edges[0]: the field 'from' is missing"),
    ('{"nodes": [%s]}' % (NODE % "5"),
     "f.nfy: nodes[0].threshold: 5000 mV is outside the range neuron-sim takes for v_threshold_mV (-1000 to 1000)"),
    ('{"nodes": [%s]}' % (NODE % '"low"'), 'f.nfy: nodes[0].threshold: expected a number, got "low"'),
    ('{"nodes": [{"filename": "neurons/Glia.qml"}]}', 'f.nfy: nodes[0]: unknown Neuronify item "neurons/Glia.qml"'),
    ('{"nodes": [{"label": "x"}]}', 'f.nfy: nodes[0]: the node has no type (its "filename" is missing)'),
    ('{"fileFormatVersion": 5, "nodes": []}',
     "f.nfy: fileFormatVersion: 5 is newer than the Neuronify files neuron-sim reads (versions 1 to 4)"),
    ('{"nodes": [{"filename": "neurons/LeakyNeuron.qml", "savedProperties": {"engine": {"capacitance": -1}}}]}',
     "f.nfy: nodes[0].capacitance: -1 F is not positive"),
    ('{"nodes": [{"filename": "annotations/Note.qml", "savedProperties": {"x": 1e300, "y": 0}}]}',
     "f.nfy: nodes[0].x: 1e+300 is outside the canvas (±1e+07)"),
    ('var a = createEntity("neurons/LeakyNeuron.qml", {"x": 1})\nrm -rf /\n',
     'f.nfy: line 2: not a statement of a Neuronify file: "rm -rf /"'),
    ('var c = connectEntities(a, b)\n', "f.nfy: line 1: a is not created before it is connected"),
    ('var a = createNeuron({x: 1, y: })\n', "f.nfy: line 1: the properties of a are not valid JSON"),
    ("neurons{\n\t{\n\tid:A\n\t}\n}\n",
     "f.nfy: this is a sketch of a file format (neurons in braces), not a circuit: no version of Neuronify reads it"),
    ("", "f.nfy: the file is empty"),
])
def test_bad_input_is_one_message_with_its_place(tmp_path, text, message):
    path = tmp_path / "f.nfy"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NetworkFileError) as caught:
        load_nfy(path)
    assert str(caught.value) == str(path.parent / message)


def test_hostile_sizes_are_refused_before_anything_is_built(tmp_path, monkeypatch):
    from neuron_sim.model import file_reading

    monkeypatch.setattr(file_reading, "memory_limit", lambda: 100_000_000)  # files of up to 2 MB
    huge = tmp_path / "huge.nfy"
    huge.write_bytes(b'{"nodes": [' + b" " * (6 * 1024 * 1024) + b"]}")
    with pytest.raises(NetworkFileError, match=r"the file is [\d.]+ MB, and opening it would take about"):
        load_nfy(huge)
    many = '{"nodes": [%s]}' % ",".join(["{}"] * 100_001)
    with pytest.raises(NetworkFileError, match="100001 entries is more than the 100,000 a network may hold"):
        loads_nfy(many)
    deep = "{\"nodes\": " + "[" * 5000 + "]" * 5000 + "}"
    with pytest.raises(NetworkFileError, match="nested more than 64 levels deep"):
        loads_nfy(deep)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.nfy"
    os.mkfifo(fifo)
    with pytest.raises(NetworkFileError, match="is not a regular file"):
        load_nfy(fifo)


# ---- what the circuits' notes describe holds in the engine --------------------------------------
def _cell(x: int, v: float) -> str:
    return ('{"fileName": "neurons/PassiveNeuron.qml", "label": "", "x": %d, "y": 0, "resistance": 1e4, '
            '"refractoryPeriod": 0, "engine": {"capacitance": 1e-6, "fireOutput": -1.2e-5, "initialPotential": -0.07, '
            '"restingPotential": -0.002, "threshold": 0, "voltage": %g, "synapticPotential": 0.04, '
            '"synapticTimeConstant": 0.012}}' % (x, v))


#: Two cells that inhibit each other (a version 2 file: conductance synapses), each driven by a clamp.
OSCILLATOR = ('{"fileFormatVersion": 2, "nodes": [%s, %s, '
              '{"fileName": "generators/CurrentClamp.qml", "label": "", "x": -100, "y": 0, "currentOutputScaled": 0.45}, '
              '{"fileName": "generators/CurrentClamp.qml", "label": "", "x": 300, "y": 0, "currentOutputScaled": 0.5}], '
              '"edges": [{"from": 0, "to": 1}, {"from": 1, "to": 0}, {"from": 2, "to": 0}, {"from": 3, "to": 1}]}'
              % (_cell(0, -0.02), _cell(200, -0.05)))

#: An adaptive neuron under a steady current.
ADAPTIVE = ('{"fileFormatVersion": 4, "nodes": [{"filename": "neurons/AdaptationNeuron.qml", "savedProperties": '
            '{"engine": {"capacitance": 2e-10, "resistance": 1e8, "restingPotential": -0.07, "initialPotential": -0.08, '
            '"threshold": -0.055, "adaptation": 1e-8, "timeConstant": 0.5}, "x": 0, "y": 0}}, '
            '{"filename": "generators/CurrentClamp.qml", "savedProperties": {"engine": {"currentOutput": 4e-10}, '
            '"x": -100, "y": 0}}], "edges": [{"filename": "Edge.qml", "from": 1, "to": 0}]}')


def test_two_cells_that_inhibit_each_other_take_turns():
    from neuron_sim.model.simulate import simulate

    spikes = simulate(loads_nfy(OSCILLATOR).network, 5000).spikes  # 500 ms
    order = sorted([(t, "n1") for t in spikes["n1"]] + [(t, "n2") for t in spikes["n2"]])
    assert len(order) >= 10
    assert all(a[1] != b[1] for a, b in zip(order, order[1:])), order  # never the same cell twice in a row


def test_the_adaptive_neurons_intervals_grow():
    from neuron_sim.model.simulate import simulate

    spikes = simulate(loads_nfy(ADAPTIVE).network, 20000).spikes["n1"]  # 2 s
    intervals = [b - a for a, b in zip(spikes, spikes[1:])]
    assert len(intervals) >= 3
    assert intervals[0] < intervals[1] < intervals[2]
