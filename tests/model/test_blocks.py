"""The blocks look without a window: which networks it draws, where synapses land, the pulses' way.

Oracles: the rows are checked against a hand ordering of the sources by height, landing points
against the documented block edges, the size limit against networks built one past it, and the
pulse path against the points it must pass (the × block's left edge, the weight block's right
edge, the block centres) written out from block_layout's constants.
"""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model import block_layout as bl
from neuron_sim.model import geometry
from neuron_sim.model.blocks import MAX_BLOCK_INPUTS, MAX_BLOCK_NEURONS, STAGES, blocks_fit, pulse_points, stage_of
from neuron_sim.model.fileformat import load
from neuron_sim.resources_path import examples_dir


def fan() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """3 inputs at x = 0 (listed bottom first) and 2 neurons at x = 300, fully connected."""
    positions = np.array([[0.0, 220.0], [0.0, 0.0], [0.0, 110.0], [300.0, 55.0], [300.0, 165.0]])
    source = np.array([0, 1, 2, 0, 1, 2])
    target = np.array([3, 3, 3, 4, 4, 4])
    is_input = np.array([True, True, True, False, False])
    return positions, source, target, is_input


def test_weight_rows_follow_the_sources_from_top_to_bottom():
    positions, source, target, _ = fan()
    row, rows = bl.input_slots(positions, source, target)
    # sources by height: 1 (y 0), 2 (y 110), 0 (y 220)
    assert row.tolist() == [2, 0, 1, 2, 0, 1]
    assert rows.tolist() == [3] * 6


def test_synapses_land_just_left_of_their_own_multiply_block_and_leave_from_the_output():
    positions, source, target, is_input = fan()
    layout = geometry.layout(positions, source, target, is_input, "blocks")
    ends = layout.end
    expected_x = 300.0 + bl.MULTIPLY_LEFT - bl.LANDING_GAP
    assert np.allclose(ends[:, 0], expected_x)
    # row 0 of neuron 3 (y 55) is one pitch above its centre
    assert np.allclose(ends[1], [expected_x, 55.0 - bl.ROW_PITCH])
    assert np.allclose(ends[0], [expected_x, 55.0 + bl.ROW_PITCH])
    assert np.allclose(layout.control[:, 0, 0], bl.INPUT_HALF)  # inputs: their block's right edge
    assert layout.row.tolist() == [2, 0, 1, 2, 0, 1] and layout.rows.tolist() == [3] * 6


def test_a_computing_neuron_sends_from_its_output_block():
    positions = np.array([[0.0, 0.0], [300.0, 0.0]])
    layout = geometry.layout(positions, np.array([0]), np.array([1]), np.array([False, False]), "blocks")
    assert np.allclose(layout.control[0, 0], [bl.OUTPUT_RIGHT, 0.0])


def test_a_loop_and_a_backward_synapse_bow_around_the_blocks():
    positions = np.array([[0.0, 0.0], [300.0, 0.0]])
    source, target = np.array([1, 0]), np.array([1, 1])  # a self-loop and a forward one into 1
    layout = geometry.layout(positions, source, target, np.array([True, False]), "blocks")
    top = -bl.body_height(2) / 2.0
    assert layout.control[0, 1:3, 1].max() < top - 40  # the loop goes well above the body
    backward = geometry.layout(np.array([[300.0, 0.0], [0.0, 0.0]]), np.array([0]), np.array([1]),
                               np.array([False, False]), "blocks")
    assert backward.control[0, 1:3, 1].min() > bl.body_height(1) / 2.0  # below, not through the blocks


def test_body_height_holds_the_rows_and_never_less_than_the_sum_block():
    assert bl.body_height(1) == bl.SUM_MIN_HEIGHT
    assert bl.body_height(5) == 5 * bl.ROW_PITCH - (bl.ROW_PITCH - bl.ROW_HEIGHT)
    offsets = bl.row_offsets(4)
    assert np.allclose(offsets, [-36.0, -12.0, 12.0, 36.0])


@pytest.mark.parametrize("name", sorted(p.stem for p in examples_dir().glob("*.json")))
def test_every_shipped_rate_example_fits_and_no_spiking_one_does(name):
    network = load(examples_dir() / f"{name}.json")
    fit = blocks_fit(network)
    assert fit.fits == (network.model == "rate")
    if network.model == "spiking":
        assert fit.reason == "spiking"


def layer(inputs: int, neurons: int) -> Network:
    network = Network()
    for i in range(inputs):
        network.add_neuron(Neuron(f"x{i}", kind="input", position=(0, 40 * i)))
    for j in range(neurons):
        network.add_neuron(Neuron(f"y{j}", position=(300, 40 * j)))
        for i in range(inputs):
            network.connect(Synapse(f"x{i}", f"y{j}"))
    return network


def test_the_size_limits_are_where_the_docs_say():
    assert blocks_fit(layer(MAX_BLOCK_INPUTS, MAX_BLOCK_NEURONS)).fits
    too_many = blocks_fit(layer(1, MAX_BLOCK_NEURONS + 1))
    assert (too_many.reason, too_many.count, too_many.limit) == ("neurons", MAX_BLOCK_NEURONS + 1, MAX_BLOCK_NEURONS)
    crowded = blocks_fit(layer(MAX_BLOCK_INPUTS + 1, 2))
    assert (crowded.reason, crowded.count, crowded.limit, crowded.label) == \
        ("inputs", MAX_BLOCK_INPUTS + 1, MAX_BLOCK_INPUTS, "y0")


def test_a_pulse_passes_the_blocks_in_the_order_of_the_computation():
    positions, source, target, is_input = fan()
    layout = geometry.layout(positions, source, target, is_input, "blocks")
    k = 1  # from the top input into neuron 3's row 0
    progress = np.linspace(0.0, 1.0, 201)
    count = progress.size
    points, stages = pulse_points(np.repeat(layout.control[k:k + 1], count, axis=0), np.full(count, layout.row[k]),
                                  np.full(count, layout.rows[k]), np.tile(positions[3], (count, 1)), progress)
    assert np.all(np.diff(stages) >= 0) and set(stages.tolist()) == set(range(len(STAGES)))
    assert np.allclose(points[0], layout.control[k, 0])  # starts at the input's output edge
    assert np.all(np.diff(points[:, 0]) >= -1e-9)  # always to the right, never over the blocks' numbers
    row_y = 55.0 - bl.ROW_PITCH
    at = {name: points[stages == number] for number, name in enumerate(STAGES)}
    assert np.allclose(at["weight"][:, 1], row_y)  # along its own row
    assert at["weight"][:, 0].min() >= 300 + bl.MULTIPLY_LEFT and at["weight"][:, 0].max() <= 300 + bl.WEIGHT_RIGHT
    assert np.allclose(at["sum"][:, 1], row_y)  # on into the sum block at its row
    assert at["sum"][:, 0].min() >= 300 + bl.WEIGHT_RIGHT and at["sum"][:, 0].max() <= 300 + bl.SUM_LEFT + 1e-9
    assert np.allclose(points[-1], [300 + bl.OUTPUT_LEFT, 55.0])  # ends at the output block
    # from the sum block to f, and from f to the output, on the neuron's middle line
    assert np.allclose(at["activation"][:, 1], 55.0) and np.allclose(at["output"][:, 1], 55.0)
    assert at["activation"][:, 0].min() >= 300 + bl.SUM_RIGHT - 1e-9
    assert at["activation"][:, 0].max() <= 300 + bl.ACTIVATION_LEFT + 1e-9
    assert at["output"][:, 0].min() >= 300 + bl.ACTIVATION_RIGHT - 1e-9


def test_stages_split_the_pass():
    assert stage_of(np.array([0.0, 0.49, 0.5, 0.7, 0.8, 0.95, 1.0])).tolist() == [0, 0, 1, 2, 3, 4, 4]
