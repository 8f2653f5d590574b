"""Where things are drawn: checked against hand computations and plain geometric facts.

The oracles are independent of the implementation: distances measured with hypot, the Bézier midpoint
from the textbook formula (P0 + 3·P1 + 3·P2 + P3) / 8, point-to-segment distances computed
analytically, rectangle overlap tested by hand.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_sim.model import geometry as g
from neuron_sim.model.label_placement import place_labels

# 36° below to 60° above "pointing left" (y points down: below is the smaller angle)
LEFT_FAN = (math.pi - g.FAN_DOWN, math.pi + g.FAN_UP)
EPS = 1e-9


def fan_network():
    """3 inputs in a column at x = 0 and 2 neurons at x = 300, fully connected (6 synapses)."""
    positions = np.array([[0.0, 0.0], [0.0, 110.0], [0.0, 220.0], [300.0, 55.0], [300.0, 165.0]])
    source = np.array([0, 1, 2, 0, 1, 2])
    target = np.array([3, 3, 3, 4, 4, 4])
    is_sensor = np.array([True, True, True, False, False])
    return positions, source, target, is_sensor


def unit(angle: float) -> np.ndarray:
    return np.array([math.cos(angle), math.sin(angle)])


def rects_overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def segment_distance(p, a, b) -> float:
    """Distance from p to segment ab, by projecting onto the line and clamping."""
    p, a, b = (np.asarray(v, dtype=float) for v in (p, a, b))
    ab = b - a
    length2 = float(ab @ ab)
    if length2 == 0.0:
        return float(np.hypot(*(p - a)))
    t = min(1.0, max(0.0, float((p - a) @ ab) / length2))
    return float(np.hypot(*(p - (a + t * ab))))


# ---- biological look ---------------------------------------------------------------------------
def test_biological_curves_start_at_the_axon_and_end_at_the_dendrite_tip():
    positions, source, target, is_sensor = fan_network()
    lay = g.layout(positions, source, target, is_sensor, "biological")
    assert lay.control.shape == (6, 4, 2)
    starts, ends = lay.control[:, 0], lay.control[:, 3]
    np.testing.assert_allclose(starts, g.axon_start(positions, is_sensor)[source])
    for i, (s, t) in enumerate(zip(source, target)):
        sx, sy = positions[s]
        # The axon leaves to the right, level with the cell, outside its body.
        assert starts[i, 1] == pytest.approx(sy)
        assert starts[i, 0] > sx + g.SENSOR_HALF
        # The curve ends at the dendrite tip: soma radius + dendrite length from the target's centre,
        # in the direction of tip_angle, which lies in the left fan.
        offset = ends[i] - positions[t]
        assert np.hypot(*offset) == pytest.approx(g.SOMA_RADIUS + g.DENDRITE_LENGTH)
        np.testing.assert_allclose(offset / np.hypot(*offset), unit(lay.tip_angle[i]), atol=1e-12)
        assert LEFT_FAN[0] - EPS <= lay.tip_angle[i] <= LEFT_FAN[1] + EPS
        assert ends[i, 0] < positions[t, 0]  # on the left, where dendrites are
        # The dendrite leaves the soma on its edge, in the same direction.
        base = lay.dendrite_base[i] - positions[t]
        assert np.hypot(*base) == pytest.approx(g.SOMA_RADIUS, rel=0.1)
        np.testing.assert_allclose(base / np.hypot(*base), unit(lay.tip_angle[i]), atol=1e-12)
    # The curve arrives travelling toward the soma (along its dendrite, inward).
    inward = -np.stack([np.cos(lay.tip_angle), np.sin(lay.tip_angle)], axis=1)
    np.testing.assert_allclose(lay.tangent_at_end(), inward, atol=1e-12)
    np.testing.assert_array_equal(lay.end, ends)


def test_a_neuron_axon_starts_beyond_its_soma():
    positions = np.array([[0.0, 0.0], [300.0, 0.0]])
    lay = g.layout(positions, np.array([0]), np.array([1]), np.array([False, False]))
    assert lay.control[0, 0, 0] > g.SOMA_RADIUS
    assert lay.control[0, 0, 1] == 0.0


def test_a_source_above_left_gives_a_tip_above_the_target_centre_and_below_left_a_tip_below():
    positions = np.array([[0.0, -80.0], [0.0, 80.0], [300.0, 0.0]])
    lay = g.layout(positions, np.array([0, 1]), np.array([2, 2]))
    assert lay.end[0, 1] < 0.0 < lay.end[1, 1]


def test_a_single_branch_points_at_its_source_when_that_is_inside_the_fan():
    positions = np.array([[-300.0, 0.0], [0.0, 0.0], [-100.0, -100.0]])
    angles = g.dendrite_angles(positions, np.array([0, 2]), np.array([1, 1]))
    # Straight left, and 45° up-left (y points down, so up is a negative sine).
    assert angles[0] == pytest.approx(math.pi)
    assert angles[1] == pytest.approx(math.radians(225.0))


@pytest.mark.parametrize("where", [(0.0, -300.0), (0.0, 300.0), (300.0, -1.0), (300.0, 1.0), (200.0, -10.0)])
def test_sources_outside_the_fan_give_a_branch_on_the_fan_edge(where):
    positions = np.array([where, [0.0, 0.0]])
    angle = g.dendrite_angles(positions, np.array([0]), np.array([1]))[0]
    assert LEFT_FAN[0] - EPS <= angle <= LEFT_FAN[1] + EPS
    assert min(abs(angle - LEFT_FAN[0]), abs(angle - LEFT_FAN[1])) < 1e-9
    # On the side of the source: above gives the upper edge (a negative sine), below the lower one.
    assert math.copysign(1.0, math.sin(angle)) == math.copysign(1.0, where[1])


@pytest.mark.parametrize("count", [2, 3, 4, 5])
def test_crowded_branches_are_kept_apart_and_ordered_like_their_sources(count):
    # `count` sources far to the left, a few pixels apart: they all want nearly the same angle.
    ys = np.arange(count) * 5.0
    positions = np.vstack([np.column_stack([np.full(count, -1000.0), ys]), [[0.0, 0.0]]])
    # Give the synapses in a shuffled order: the result must not depend on it.
    order = np.array([3, 0, 1, 4, 2]) if count == 5 else np.arange(count)[::-1]
    source = order
    target = np.full(count, count)
    angles = g.dendrite_angles(positions, source, target)
    assert np.all((angles >= LEFT_FAN[0] - EPS) & (angles <= LEFT_FAN[1] + EPS))
    by_source = np.empty(count)
    by_source[source] = angles
    # Sources from top to bottom → tips from top to bottom: the angle from "left" falls (sin rises).
    tip_y = np.sin(by_source)
    assert np.all(np.diff(tip_y) > 0)
    gaps = np.diff(np.sort(angles))
    assert np.all(gaps >= g.MIN_BRANCH_SEPARATION - 1e-9)


@pytest.mark.parametrize("count", [6, 7, 10, 30])
def test_more_branches_than_fit_spread_over_the_whole_fan_and_stay_in_it(count):
    ys = np.arange(count) * 2.0
    positions = np.vstack([np.column_stack([np.full(count, -500.0), ys]), [[0.0, 0.0]]])
    angles = g.dendrite_angles(positions, np.arange(count), np.full(count, count))
    assert np.all((angles >= LEFT_FAN[0] - EPS) & (angles <= LEFT_FAN[1] + EPS))
    gaps = np.diff(np.sort(angles))
    assert np.all(gaps > 0)  # never two branches on top of each other
    assert np.allclose(gaps, gaps[0])  # evenly spread
    # Symmetric around "pointing left", as the sources are.
    assert np.sort(angles)[0] - LEFT_FAN[0] == pytest.approx(LEFT_FAN[1] - np.sort(angles)[-1], abs=1e-9)


def test_branches_of_different_targets_do_not_push_each_other():
    positions = np.array([[-300.0, 0.0], [-300.0, 1.0], [0.0, 0.0], [0.0, 1.0]])
    angles = g.dendrite_angles(positions, np.array([0, 1]), np.array([2, 3]))
    assert angles == pytest.approx([math.pi, math.pi])


def test_no_synapses_gives_empty_arrays():
    positions = np.array([[0.0, 0.0]])
    for look in g.LOOKS:
        lay = g.layout(positions, np.array([], dtype=int), np.array([], dtype=int), look=look)
        assert lay.control.shape == (0, 4, 2)
        assert lay.tip_angle.shape == (0,)
    assert g.dendrite_angles(positions, np.array([], dtype=int), np.array([], dtype=int)).shape == (0,)


# ---- schematic look ----------------------------------------------------------------------------
def test_schematic_arrows_run_straight_from_circle_edge_to_circle_edge():
    positions, source, target, _ = fan_network()
    lay = g.layout(positions, source, target, look="schematic")
    for i, (s, t) in enumerate(zip(source, target)):
        a, b = positions[s], positions[t]
        direction = (b - a) / np.hypot(*(b - a))
        start, end = lay.control[i, 0], lay.control[i, 3]
        # On the source's circle, toward the target; at the target's circle (an arrowhead's gap at most).
        assert np.hypot(*(start - a)) == pytest.approx(g.SCHEMATIC_RADIUS)
        np.testing.assert_allclose((start - a) / g.SCHEMATIC_RADIUS, direction, atol=1e-12)
        assert g.SCHEMATIC_RADIUS - EPS <= np.hypot(*(end - b)) <= g.SCHEMATIC_RADIUS + 3.0
        np.testing.assert_allclose((b - end) / np.hypot(*(b - end)), direction, atol=1e-12)
        # Straight: every control point on the line from start to end.
        for k in (1, 2):
            assert segment_distance(lay.control[i, k], start, end) < 1e-9


def test_schematic_reciprocal_pair_is_two_parallel_arrows_apart():
    positions = np.array([[0.0, 0.0], [200.0, 100.0], [0.0, 300.0]])
    source = np.array([0, 1, 2])
    target = np.array([1, 0, 1])
    lay = g.layout(positions, source, target, look="schematic")
    forward = lay.control[0, 3] - lay.control[0, 0]
    backward = lay.control[1, 3] - lay.control[1, 0]
    # Parallel, opposite directions.
    cross = forward[0] * backward[1] - forward[1] * backward[0]
    assert abs(cross) < 1e-6 * np.hypot(*forward) * np.hypot(*backward)
    assert forward @ backward < 0
    # Not coincident: the two lines are a visible distance apart (each shifted to its own side).
    gap = segment_distance(lay.control[1, 0], lay.control[0, 0] - 1e4 * forward, lay.control[0, 0] + 1e4 * forward)
    assert gap == pytest.approx(2 * g.RECIPROCAL_OFFSET)
    # The one-way arrow is not shifted: it lies on the line through both centres.
    assert segment_distance(lay.control[2, 0], positions[2], positions[1]) < 1e-9


@pytest.mark.parametrize("look", g.LOOKS)
def test_self_loop_bows_above_the_cell(look):
    positions = np.array([[100.0, 200.0]])
    lay = g.layout(positions, np.array([0]), np.array([0]), look=look)
    assert np.all(np.isfinite(lay.control))
    if look == "schematic":
        assert np.all(lay.control[0, :, 1] < 200.0)
        for k in (0, 3):
            assert np.hypot(*(lay.control[0, k] - positions[0])) == pytest.approx(g.SCHEMATIC_RADIUS, abs=3.0)
    # In both looks the curve's highest point is well above the cell.
    points = g.bezier_points(lay.control, 64)[0]
    assert points[:, 1].min() < 200.0 - g.SOMA_RADIUS


# ---- curves ------------------------------------------------------------------------------------
def test_bezier_points_start_and_end_at_the_outer_control_points():
    control = np.array([[[0.0, 0.0], [10.0, 40.0], [70.0, -20.0], [100.0, 5.0]],
                        [[-5.0, 3.0], [-5.0, 3.0], [8.0, 8.0], [1.0, -9.0]]])
    points = g.bezier_points(control, 9)
    assert points.shape == (2, 9, 2)
    np.testing.assert_array_equal(points[:, 0], control[:, 0])
    np.testing.assert_allclose(points[:, -1], control[:, 3], atol=1e-12)


def test_bezier_midpoint_matches_the_hand_computation():
    control = np.array([[[0.0, 0.0], [10.0, 40.0], [70.0, -20.0], [100.0, 5.0]]])
    # B(½) = (P0 + 3 P1 + 3 P2 + P3) / 8 = ((0 + 30 + 210 + 100) / 8, (0 + 120 − 60 + 5) / 8)
    expected = [340.0 / 8, 65.0 / 8]
    np.testing.assert_allclose(g.point_on_curves(control, 0.5)[0], expected)
    np.testing.assert_allclose(g.bezier_points(control, 3)[0, 1], expected)
    # And a quarter of the way: weights (27, 27, 9, 1) / 64.
    quarter = (27 * control[0, 0] + 27 * control[0, 1] + 9 * control[0, 2] + control[0, 3]) / 64
    np.testing.assert_allclose(g.point_on_curves(control, 0.25)[0], quarter)
    np.testing.assert_allclose(g.bezier_points(control, 5)[0, 1], quarter)


def test_point_on_curves_takes_one_t_per_curve():
    control = np.array([[[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [3.0, 0.0]]] * 2)
    np.testing.assert_allclose(g.point_on_curves(control, np.array([0.0, 1.0])), [[0.0, 0.0], [3.0, 0.0]])


def straight(a, b) -> np.ndarray:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.array([a, a + (b - a) / 3, a + 2 * (b - a) / 3, b])


@pytest.mark.parametrize("point, expected", [
    ((50.0, 30.0), 30.0),   # beside the middle
    ((-30.0, 40.0), 50.0),  # beyond the start: distance to the end point (3-4-5)
    ((130.0, -40.0), 50.0),  # beyond the end
    ((25.0, 0.0), 0.0),     # on it
])
def test_distance_to_a_straight_cubic_is_the_point_to_segment_distance(point, expected):
    control = straight((0.0, 0.0), (100.0, 0.0))[None]
    assert g.distances_to_curves(point, control)[0] == pytest.approx(expected, abs=1e-9)


coordinate = st.floats(-1000, 1000, allow_nan=False)
points = st.tuples(coordinate, coordinate)


@settings(max_examples=200, deadline=None)
@given(points, points, points)
def test_distance_to_any_straight_cubic_is_analytic(a, b, p):
    control = straight(a, b)[None]
    assert g.distances_to_curves(p, control)[0] == pytest.approx(segment_distance(p, a, b), abs=1e-6)


def test_nearest_curve_respects_the_tolerance():
    control = np.array([straight((0.0, 0.0), (100.0, 0.0)), straight((0.0, 20.0), (100.0, 20.0))])
    point = (50.0, 5.0)  # 5 from the first, 15 from the second
    assert g.nearest_curve(point, control, tolerance=4.0) is None
    assert g.nearest_curve(point, control, tolerance=5.0) == 0
    assert g.nearest_curve(point, control, tolerance=100.0) == 0
    assert g.nearest_curve((50.0, 17.0), control, tolerance=100.0) == 1
    assert g.nearest_curve(point, np.zeros((0, 4, 2)), tolerance=100.0) is None
    assert g.distances_to_curves(point, np.zeros((0, 4, 2))).shape == (0,)


# ---- columns -----------------------------------------------------------------------------------
def test_column_positions_are_centred_and_evenly_spaced():
    assert g.column_positions(3, 100, 50) == [(100.0, -60.0), (100.0, 50.0), (100.0, 160.0)]
    assert g.column_positions(1, 7, 9) == [(7.0, 9.0)]
    column = g.column_positions(4, 300.0, 12.0, spacing=80.0)
    ys = [y for _, y in column]
    assert all(x == 300.0 for x, _ in column)
    assert sum(ys) / 4 == pytest.approx(12.0)
    assert np.diff(ys) == pytest.approx([80.0] * 3)
    assert g.column_positions(0, 0, 0) == []


def test_snap_rounds_to_the_nearest_grid_point():
    assert g.snap((14.0, 16.0), 10.0) == (10.0, 20.0)
    assert g.snap((-14.0, -16.0), 10.0) == (-10.0, -20.0)
    assert g.snap((30.0, 44.9), 20.0) == (40.0, 40.0)
    assert g.snap((3.3, 4.4), 0) == (3.3, 4.4)
    assert all(type(v) is float for v in g.snap((3, 4), 5))


def test_split_columns_groups_by_x_left_to_right():
    xs = [300.0, 0.0, 310.0, 5.0, 600.0, -4.0]
    assert g.split_columns(xs) == [[5, 1, 3], [0, 2], [4]]
    assert g.split_columns([0.0, 30.0], tolerance=20.0) == [[0], [1]]
    assert g.split_columns([0.0, 30.0], tolerance=40.0) == [[0, 1]]
    assert g.split_columns([]) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(-1e4, 1e4, allow_nan=False), max_size=40), st.floats(0, 500))
def test_split_columns_is_a_left_to_right_partition(xs, tolerance):
    columns = g.split_columns(xs, tolerance)
    assert sorted(i for column in columns for i in column) == list(range(len(xs)))
    for column in columns:
        assert max(xs[i] for i in column) - min(xs[i] for i in column) <= tolerance + 1e-9
    for left, right in zip(columns, columns[1:]):
        assert max(xs[i] for i in left) < min(xs[i] for i in right)


def test_free_spot_right_of_everything():
    assert g.free_spot_right_of([]) == 0.0
    assert g.free_spot_right_of([(0.0, 0.0), (300.0, -50.0), (120.0, 900.0)]) == 520.0
    assert g.free_spot_right_of([(10.0, 0.0)], gap=50.0) == 60.0


# ---- invariants over random networks ------------------------------------------------------------
@st.composite
def random_networks(draw):
    n = draw(st.integers(1, 12))
    pos = draw(st.lists(st.tuples(coordinate, coordinate), min_size=n, max_size=n))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=40, unique=True))
    sensors = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    source = np.array([p[0] for p in pairs], dtype=int)
    target = np.array([p[1] for p in pairs], dtype=int)
    return np.array(pos, dtype=float), source, target, np.array(sensors)


@settings(max_examples=150, deadline=None)
@given(random_networks(), st.sampled_from(g.LOOKS))
def test_layout_of_random_networks_is_finite_and_dendrites_stay_in_the_fan(net, look):
    positions, source, target, is_sensor = net
    lay = g.layout(positions, source, target, is_sensor, look)
    s = source.size
    assert lay.control.shape == (s, 4, 2)
    assert np.all(np.isfinite(lay.control))
    assert np.all(np.isfinite(lay.dendrite_base))
    assert np.all(np.isfinite(lay.tip_angle))
    assert np.all(np.isfinite(lay.tangent_at_end()))
    if look == "biological" and s:
        assert np.all((lay.tip_angle >= LEFT_FAN[0] - EPS) & (lay.tip_angle <= LEFT_FAN[1] + EPS))
        reach = np.hypot(*(lay.end - positions[target]).T)
        np.testing.assert_allclose(reach, g.SOMA_RADIUS + g.DENDRITE_LENGTH)
    if s:
        sizes = np.tile([30.0, 12.0], (s, 1))
        centres = place_labels(lay.control, sizes, np.zeros((0, 4)))
        assert np.all(np.isfinite(centres))
        assert np.all(np.isfinite(g.distances_to_curves((0.0, 0.0), lay.control)))


@settings(max_examples=150, deadline=None)
@given(random_networks())
def test_dendrite_angles_stay_in_the_fan_and_crowded_targets_keep_their_branches_apart(net):
    positions, source, target, _ = net
    angles = g.dendrite_angles(positions, source, target)
    assert np.all(np.isfinite(angles))
    assert np.all((angles >= LEFT_FAN[0] - EPS) & (angles <= LEFT_FAN[1] + EPS))
    for t in np.unique(target):
        mine = np.sort(angles[target == t])
        if 1 < mine.size <= 5:  # five branches 24° apart fill the 96° fan exactly
            assert np.all(np.diff(mine) >= g.MIN_BRANCH_SEPARATION - 1e-9)
