"""Where callout boxes go, without Qt: hand-made scenes whose answers can be read off a sketch."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from neuron_sim.model.callout_placement import (
    DISTANCES,
    Obstacles,
    leader_end,
    leader_points,
    near_mask,
    overlap_counts,
    place_boxes,
    segment_hits,
)

NOTHING = np.zeros((0, 4))


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_a_free_box_sits_on_the_preferred_side_at_the_first_distance():
    (box,) = place_boxes(np.array([[0.0, 0.0]]), np.array([[1.0, 0.0]]), np.array([[100.0, 40.0]]), NOTHING, NOTHING)
    # to the right: its left edge DISTANCES[0] from the anchor, centred on it vertically
    assert box.tolist() == pytest.approx([DISTANCES[0], -20.0, DISTANCES[0] + 100.0, 20.0])


def test_a_box_turns_away_from_a_cell_on_its_preferred_side():
    cell = np.array([[20.0, -60.0, 400.0, 60.0]])  # a wide cell right of the anchor
    (box,) = place_boxes(np.array([[0.0, 0.0]]), np.array([[1.0, 0.0]]), np.array([[100.0, 40.0]]), cell, NOTHING)
    assert not overlaps(box, cell[0])
    # and its leader line does not cross the cell either
    points = leader_points(np.array([0.0, 0.0]), box[None])[0]
    assert not np.any((points[:, 0] > 20) & (points[:, 0] < 400) & (points[:, 1] > -60) & (points[:, 1] < 60))


def test_callouts_do_not_cover_each_other_or_the_annotated_cell():
    anchors = np.array([[-10.0, -10.0], [10.0, -10.0], [0.0, 12.0], [14.0, 0.0]])
    directions = np.array([[-1.0, -1.0], [1.0, -1.0], [0.0, 1.0], [1.0, 0.2]])
    sizes = np.array([[120.0, 40.0], [150.0, 40.0], [90.0, 40.0], [110.0, 40.0]])
    cell = np.array([-35.0, -35.0, 55.0, 35.0])
    boxes = place_boxes(anchors, directions, sizes, NOTHING, NOTHING, cell)
    for i, box in enumerate(boxes):
        assert not overlaps(box, cell)
        assert box[2] - box[0] == pytest.approx(sizes[i][0]) and box[3] - box[1] == pytest.approx(sizes[i][1])
        for other in boxes[i + 1:]:
            assert not overlaps(box, other)


def test_when_everything_is_taken_the_box_hides_the_least():
    # A thick field of small curve squares all round: no free place, but the box must still be
    # placed, where it covers the fewest of them.
    xs, ys = np.meshgrid(np.arange(-400, 400, 12.0), np.arange(-400, 400, 12.0))
    thin = np.stack([xs.ravel(), ys.ravel(), xs.ravel() + 4, ys.ravel() + 4], axis=1)
    keep = ~((thin[:, 0] > 60) & (thin[:, 0] < 200) & (thin[:, 1] > -140) & (thin[:, 1] < -60))  # one gap
    (box,) = place_boxes(np.array([[0.0, 0.0]]), np.array([[0.0, 1.0]]), np.array([[60.0, 30.0]]),
                         NOTHING, thin[keep])
    assert overlap_counts(box[None], thin[keep])[0] == 0  # it found the gap, away from its preferred side


def test_leaving_out_what_lies_outside_an_area_changes_no_cost():
    rng = np.random.default_rng(5)

    def rects(n):
        corner = rng.uniform(-300, 300, (n, 2))
        return np.concatenate([corner, corner + rng.uniform(2, 80, (n, 2))], axis=1)

    obstacles = Obstacles(rects(30), rects(200), rects(600), rects(200), rng.uniform(-300, 300, (40, 4)),
                          boxes=rects(10))
    anchor = np.array([10.0, -20.0])
    corner = anchor + rng.uniform(-150, 150, (16, 2))
    boxes = np.concatenate([corner, corner + (90.0, 35.0)], axis=1)
    area = np.array([min(boxes[:, 0].min(), anchor[0]), min(boxes[:, 1].min(), anchor[1]),
                     max(boxes[:, 2].max(), anchor[0]), max(boxes[:, 3].max(), anchor[1])])
    smaller = obstacles.within(area)
    assert len(smaller.thin) < len(obstacles.thin)
    assert smaller.costs(anchor, boxes).tolist() == obstacles.costs(anchor, boxes).tolist()


def test_near_mask_and_leader_end():
    rects = np.array([[0, 0, 10, 10], [900, 0, 910, 10], [0, 395, 10, 420]], dtype=float)
    assert near_mask(rects, (0.0, 0.0)).tolist() == [True, False, True]
    assert leader_end((0.0, 0.0), (50.0, -10.0, 90.0, 30.0)) == (50.0, 0.0)
    assert leader_end((70.0, 100.0), (50.0, -10.0, 90.0, 30.0)) == (70.0, 30.0)


def test_boxes_keep_inside_the_area_when_it_leaves_room():
    """A callout whose preferred side lies beyond the area (the window's edge) goes to a side inside it."""
    from neuron_sim.model.callout_placement import outside, place_boxes

    anchors = np.array([[100.0, 100.0]])
    sizes = np.array([[120.0, 40.0]])
    left = np.array([[-1.0, 0.0]])
    free = place_boxes(anchors, left, sizes, np.zeros((0, 4)), np.zeros((0, 4)))
    assert free[0, 2] <= 100.0  # with no area: to the left, as preferred
    area = np.array([60.0, -200.0, 600.0, 400.0])  # the edge 40 px left of the anchor
    kept = place_boxes(anchors, left, sizes, np.zeros((0, 4)), np.zeros((0, 4)), area=area)
    assert outside(kept, area).tolist() == [0]
    tiny = np.array([90.0, 90.0, 110.0, 110.0])  # no room anywhere: placed all the same
    assert place_boxes(anchors, left, sizes, np.zeros((0, 4)), np.zeros((0, 4)), area=tiny).shape == (1, 4)


def test_is_free_checks_cover_leader_and_area():
    from neuron_sim.model.callout_placement import is_free

    box = (40.0, 0.0, 80.0, 20.0)
    assert is_free((0.0, 10.0), box, np.zeros((0, 4)))
    assert not is_free((0.0, 10.0), box, np.array([[50.0, 5.0, 60.0, 15.0]]))  # covers a name
    assert not is_free((0.0, 10.0), box, np.array([[20.0, 5.0, 30.0, 15.0]]))  # its leader crosses one
    assert not is_free((0.0, 10.0), box, np.zeros((0, 4)), np.array([0.0, 0.0, 70.0, 100.0]))  # beyond the area


def _line_points(start, end, count=20) -> np.ndarray:
    t = np.linspace(0.0, 1.0, count)[:, None]
    points = np.asarray(start) + (np.asarray(end) - np.asarray(start)) * t
    return np.concatenate([points - 3.0, points + 3.0], axis=1)


def _crossings(anchors, boxes) -> list[tuple[int, int]]:
    """(leader, box) pairs where a leader line runs through another callout's box, by dense sampling."""
    found = []
    for i, (anchor, box) in enumerate(zip(anchors, boxes)):
        end = np.array(leader_end(anchor, box))
        points = anchor + (end - anchor) * np.linspace(0.0, 1.0, 400)[:, None]
        for j, other in enumerate(boxes):
            inside = ((points[:, 0] > other[0]) & (points[:, 0] < other[2])
                      & (points[:, 1] > other[1]) & (points[:, 1] < other[3]))
            if j != i and inside.any():
                found.append((i, j))
    return found


def _lesson_page_three(area) -> tuple:
    """The schematic single neuron of the first lesson's page 3 as Present mode lays it out at
    1920 × 1080: three inputs on the left, y at (330, 150) with "θ = 1, a = 0" under it."""
    anchors = np.array([[218.74, 102.53], [308.3, 164.3], [331.7, 135.7], [360.0, 150.0]])
    directions = np.array([[-0.55, -1.0], [-0.45, 1.0], [0.35, -1.0], [0.6, 1.0]])
    sizes = np.array([[221.44, 45.73], [155.52, 45.73], [194.92, 45.73], [91.47, 45.73]])
    solid = np.array([[-30, -30, 30, 30], [-30, 120, 30, 180], [-30, 270, 30, 330],
                      [-14.74, 25, 14.74, 46.95], [-14.74, 175, 14.74, 196.95], [-14.74, 325, 14.74, 346.95],
                      [269.59, 175, 370.41, 228.36], [140.48, 61.58, 177.71, 87.58],
                      [140.38, 137, 177.62, 163], [135.45, 212.42, 182.74, 238.42]], dtype=float)
    thin = np.concatenate([_line_points((23.5, 11.0), (294.6, 138.1)), _line_points((26.0, 150.0), (292.0, 150.0)),
                           _line_points((23.5, 289.0), (294.6, 161.9))])
    cell = np.array([284.0, 114.0, 376.0, 186.0])
    return anchors, directions, sizes, solid, thin, cell, np.array(area, dtype=float)


def test_no_leader_line_runs_through_another_callouts_box():
    # In this view the activation function's leader went straight down through the box of
    # "Inputs x and weights w".
    anchors, *rest = _lesson_page_three([-44.0, -60.0, 566.5, 359.5])
    boxes = place_boxes(anchors, *rest)
    assert _crossings(anchors, boxes) == []
    for a, b in itertools.combinations(boxes, 2):
        assert not overlaps(a, b)


def test_a_callout_left_only_places_behind_a_label_is_placed_first():
    # In this view, placed in the given order, the activation function's box had room only where
    # its leader crossed y's "θ = 1, a = 0"; placed first, it finds a free place.
    anchors, directions, sizes, solid, thin, cell, area = _lesson_page_three([-50.5, -60.0, 560.0, 359.5])
    boxes = place_boxes(anchors, directions, sizes, solid, thin, cell, area)
    activation = 2
    points = leader_points(anchors[activation], boxes[activation][None], count=400, skip=8.0)[0]
    x, y = points[:, 0, None], points[:, 1, None]
    assert not ((x > solid[:, 0]) & (x < solid[:, 2]) & (y > solid[:, 1]) & (y < solid[:, 3])).any()
    assert _crossings(anchors, boxes) == []


def test_segment_hits_counts_passing_through_not_touching():
    box = np.array([[0.0, 0.0, 100.0, 50.0]])
    through = np.array([[-50.0, 25.0, 150.0, 25.0]])  # straight across
    diagonal = np.array([[-20.0, -20.0, 30.0, 70.0]])  # across a corner region
    beside = np.array([[-50.0, 80.0, 150.0, 80.0]])  # below, clear of the gap
    ending_outside = np.array([[-50.0, 25.0, -20.0, 25.0]])  # stops before the box
    vertical_inside = np.array([[50.0, -40.0, 50.0, 10.0]])  # straight down into it
    segments = np.concatenate([through, diagonal, beside, ending_outside, vertical_inside])
    assert segment_hits(segments, box)[:, 0].tolist() == [True, True, False, False, True]
