"""Data to learn from: truth tables, the 2-D sets, and the user's CSV with one clear message per
bad file (row and column named), refused before anything changes."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.fileformat import dumps
from neuron_sim.model.training import TrainingError, bind, built_in, load_data, parse_csv, read_csv
from neuron_sim.model.training.data import PLANE_SETS, TRUTH_TABLES, output_ids


def two_one_network() -> Network:
    network = Network(name="2-2-1")
    network.add_neuron(Neuron("x1", kind="input", label="left"))
    network.add_neuron(Neuron("x2", kind="input", label="right"))
    network.add_neuron(Neuron("h", label="hidden"))
    network.add_neuron(Neuron("y", label="out"))
    for source, target in (("x1", "h"), ("x2", "h"), ("h", "y"), ("x1", "y")):
        network.connect(Synapse(source, target, weight=0.5))
    return network


@pytest.mark.parametrize("name, column", [("and", (0, 0, 0, 1)), ("or", (0, 1, 1, 1)), ("nand", (1, 1, 1, 0)),
                                          ("xor", (0, 1, 1, 0))])
def test_truth_tables(name, column):
    data = built_in(name)
    assert data.inputs.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert data.targets[:, 0].tolist() == list(column)
    assert data.is_classification


def label_rule(name: str, points: np.ndarray) -> np.ndarray:
    """What each clean 2-D set's label means, written from docs/learning.md."""
    x, y = points[:, 0], points[:, 1]
    radius = np.hypot(x, y)
    if name == "circle":
        assert np.all((radius <= 0.5) | ((radius >= 0.7) & (radius <= 1.0)))
        return (radius <= 0.5).astype(float)
    if name == "xor-quadrants":
        assert np.all(np.minimum(np.abs(x), np.abs(y)) >= 0.05)
        return (x * y < 0).astype(float)
    if name == "spiral":
        assert np.all(radius <= 1.0)
        # on arm c the angle from the y axis is 3.5π·r + cπ
        angle = np.arctan2(x, y)
        expected = 3.5 * np.pi * radius
        on_arm_1 = np.isclose(np.cos(angle - expected - np.pi), 1.0, atol=1e-9)
        return on_arm_1.astype(float)
    raise AssertionError(name)


@pytest.mark.parametrize("name", PLANE_SETS)
def test_plane_sets_are_balanced_reproducible_and_mean_what_they_say(name):
    data = built_in(name, samples=301, noise=0.0, seed=7)
    assert data.inputs.shape == (301, 2) and data.targets.shape == (301, 1)
    assert data.targets.sum() == 150
    again = built_in(name, samples=301, noise=0.0, seed=7)
    assert np.array_equal(data.inputs, again.inputs) and np.array_equal(data.targets, again.targets)
    other = built_in(name, samples=301, noise=0.0, seed=8)
    assert not np.array_equal(data.inputs, other.inputs)
    assert 0 < data.targets[:150].sum() < 150  # the classes are mixed, not in two runs
    if name == "blobs":
        side = np.sign(data.inputs.sum(axis=1))
        assert np.mean((side > 0) == (data.targets[:, 0] == 1)) > 0.9
    else:
        assert np.array_equal(label_rule(name, data.inputs), data.targets[:, 0])


def test_noise_moves_the_points_not_the_labels():
    clean = built_in("circle", samples=100, noise=0.0, seed=1)
    noisy = built_in("circle", samples=100, noise=0.2, seed=1)
    assert np.array_equal(clean.targets, noisy.targets)
    jitter = noisy.inputs - clean.inputs
    assert 0.1 < jitter.std() < 0.3


@pytest.mark.parametrize("samples, noise", [(1, 0.0), (0, 0.0), (10, -1.0), (10, float("nan"))])
def test_bad_sizes_and_noise_are_refused(samples, noise):
    with pytest.raises(TrainingError):
        built_in("spiral", samples=samples, noise=noise)


def test_a_built_in_set_binds_to_inputs_and_outputs_in_file_order():
    network = two_one_network()
    bound = bind(built_in("xor"), network)
    assert bound.input_ids == ["x1", "x2"] and bound.output_ids == ["y"]
    network.add_neuron(Neuron("x3", kind="input"))
    with pytest.raises(TrainingError, match="needs a network with 2 inputs and 1 output.*inputs are left, right, "
                                            "x3 and its outputs out"):
        bind(built_in("xor"), network)


def test_outputs_are_computing_neurons_without_outgoing_synapses():
    assert output_ids(two_one_network()) == ["y"]


def test_unknown_data_set():
    with pytest.raises(TrainingError, match="unknown data set bogus; expected one of and, or, nand, xor, blobs"):
        load_data("bogus", two_one_network())


# ---- CSV -------------------------------------------------------------------------------------------
def test_csv_names_neurons_by_id_or_label():
    network = two_one_network()
    bound = parse_csv("out,left,x2\n1,0,0.5\n0,1,-2\n", network)
    assert bound.input_ids == ["x1", "x2"] and bound.output_ids == ["y"]
    assert bound.inputs.tolist() == [[0, 0.5], [1, -2]]
    assert bound.targets.tolist() == [[1], [0]]
    assert bound.dataset.input_names == ["left", "x2"]


def test_csv_blank_lines_spaces_and_a_byte_order_mark(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes("\ufeffx1 , x2 ,y\r\n\r\n 1, 0 ,1\r\n\r\n0,0,0\r\n".encode("utf-8"))
    bound = read_csv(path, two_one_network())
    assert bound.inputs.tolist() == [[1, 0], [0, 0]] and bound.targets.tolist() == [[1], [0]]


def test_an_input_the_csv_does_not_name_keeps_its_value():
    from neuron_sim.model.training import TrainConfig, Trainer

    network = two_one_network()
    network.set_neuron_param("x2", "value", 0.75)
    trainer = Trainer(network, parse_csv("x1,y\n1,1\n0,0\n", network), TrainConfig())
    assert trainer.inputs.tolist() == [[1, 0.75], [0, 0.75]]


BAD_CSV = [
    ("", "the data file is empty"),
    ("\n \n", "the data file is empty"),
    ("x1,x2,y\n", "the data file has a header but no examples"),
    ("x1,x2,z\n0,0,0\n", "row 1, column 3: z names no neuron of the network"),
    ("x1,,y\n0,0,0\n", "row 1, column 2: the header cell is empty"),
    ("x1,h,y\n0,0,0\n", "row 1, column 2: h is a hidden neuron"),
    ("x1,left,y\n0,0,0\n", r"row 1, column 2: left is named twice \(also in column 1\)"),
    ("x1,x2\n0,0\n", "row 1: no column names an output neuron"),
    ("y\n0\n", "row 1: no column names an input neuron"),
    ("x1,x2,y\n0,0,1\n0,1\n", "row 3 has 2 values, the header 3"),
    ("x1,x2,y\n0,0,1\n0,1,1,1\n", "row 3 has 4 values, the header 3"),
    ("x1,x2,y\n0,0,1\n\n1,abc,1\n", r"row 4, column 2 \(x2\): 'abc' is not a number"),
    ("x1,x2,y\n0,,1\n", r"row 2, column 2 \(x2\) is empty"),
    ("x1,x2,y\n0,nan,1\n", r"row 2, column 2 \(x2\): 'nan' is not a number from -1e6 to 1e6"),
    ("x1,x2,y\n0,1e400,1\n", r"row 2, column 2 \(x2\): '1e400' is not a number from -1e6 to 1e6"),
    ('x1,x2,y\n0,"1,1\n', r"row 2 is not valid CSV"),
    ("x1,x2,y\n0,\0,1\n", "NUL character"),
]


@pytest.mark.parametrize("text, message", BAD_CSV)
def test_a_bad_csv_gives_one_message_and_changes_nothing(tmp_path, text, message):
    network = two_one_network()
    before = dumps(network)
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TrainingError, match=message) as caught:
        read_csv(path, network)
    assert str(caught.value).startswith(f"{path}: ")
    assert "\n" not in str(caught.value)
    assert dumps(network) == before


def test_a_label_shared_by_two_neurons_must_be_named_by_id():
    network = two_one_network()
    network.set_neuron_param("x2", "label", "left")
    with pytest.raises(TrainingError, match="row 1, column 1: left is the label of several neurons"):
        parse_csv("left,y\n0,1\n", network)


@pytest.mark.parametrize("content, message", [(b"\xff\xfe", "not UTF-8 text"), (None, "no such file")])
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "data.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(TrainingError, match=message):
        read_csv(path, two_one_network())
    with pytest.raises(TrainingError, match="is a folder"):
        read_csv(tmp_path, two_one_network())
