"""Where weight labels go: along their own synapse, clear of each other, of the cells and of the
other synapses' lines. Geometry only, numpy and no Qt (tested without a window).

Each label is tried at places along its curve (the middle first, then outward) and takes the
cheapest: covering another label or a cell costs most, sitting on another synapse's line (a
crossing, where a reader cannot tell whose weight it is) costs less, then crowding another label
(two numbers side by side read as a pair), and straying from the middle a little. Labels are placed one after the other, each keeping clear of those before it; a label
with no free place takes the one that hides the least, still on its own curve. Rectangles are rows
(x0, y0, x1, y1) in scene units.
"""

from __future__ import annotations

import numpy as np

from neuron_sim.model.geometry import bezier_points, point_on_curves

# Places along the curve, nearest the middle first (ties: toward the target, where the lines of a
# dense layer fan out to different dendrites rather than crossing).
ALONG = np.array([0.5 + side * k * 0.035 for k in range(11) for side in ((1,) if k == 0 else (1, -1))])
GAP = 5.0  # free space kept between two labels, and between a label and a cell
ROOMY = 14.0  # two labels closer than this read as a pair: avoided where there is room
CURVE_SAMPLES = 64  # points along each curve for the crossing test
LINE_CLEARANCE = 2.0  # how far a line must pass from a box (the points leave gaps between them)
GRID_CELL = 3.0  # the points are counted on a grid of this size (scene units)...
MAX_GRID = 1500  # ...with at most this many cells across (a very wide network gets coarser ones)

COVERS_LABEL = 1000.0
COVERS_CELL = 1000.0
ON_A_LINE = 60.0  # for each point of another synapse's line in the box
CROWDED = 40.0  # for each label closer than ROOMY
OFF_MIDDLE = 30.0  # per unit of t away from the middle


def place_labels(control: np.ndarray, sizes: np.ndarray, obstacles: np.ndarray) -> np.ndarray:
    """Centres (S, 2) for the labels of the curves `control` (S, 4, 2), each of size (width,
    height) in `sizes` (S, 2), clear of each other, of `obstacles` (K, 4) (the cells) and of the
    other curves where a place allows it."""
    control = np.asarray(control, dtype=float).reshape(-1, 4, 2)
    sizes = np.asarray(sizes, dtype=float).reshape(-1, 2)
    cells = np.asarray(obstacles, dtype=float).reshape(-1, 4) + (-GAP, -GAP, GAP, GAP)
    count = len(control)
    if count == 0:
        return np.zeros((0, 2))
    candidates = np.stack([point_on_curves(control, t) for t in ALONG], axis=1)  # (S, C, 2)
    half = sizes[:, None, :] / 2
    boxes = np.concatenate([candidates - half, candidates + half], axis=2)  # (S, C, 4)
    # What does not depend on the other labels is costed for every candidate at once.
    fixed = (COVERS_CELL * overlap_counts(boxes.reshape(-1, 4), cells).reshape(count, -1)
             + ON_A_LINE * other_lines_in(boxes, bezier_points(control, CURVE_SAMPLES))
             + OFF_MIDDLE * np.abs(ALONG - 0.5))
    # Which labels can come near which: their candidates' areas (grown by ROOMY) meet.
    areas = np.concatenate([boxes[..., :2].min(axis=1), boxes[..., 2:].max(axis=1)], axis=1)
    neighbours = separations(areas, areas) < ROOMY
    placed = np.tile([np.inf, np.inf, -np.inf, -np.inf], (count, 1))  # a label not placed yet is nowhere
    centres = np.zeros((count, 2))
    for i in _order(control, sizes):
        gaps = separations(boxes[i], placed[neighbours[i]])  # (C, neighbours)
        cost = (fixed[i] + COVERS_LABEL * np.count_nonzero(gaps < GAP, axis=1)
                + CROWDED * np.count_nonzero(gaps < ROOMY, axis=1))
        best = int(np.argmin(cost))
        centres[i] = candidates[i, best]
        placed[i] = boxes[i, best]
    return centres


def separations(boxes: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """(K, N): how far apart each box (K, 4) and rect (N, 4) are (the larger of the horizontal and
    vertical gaps; negative when they overlap)."""
    b, r = boxes[:, None, :], rects[None, :, :]
    across = np.maximum(r[..., 0] - b[..., 2], b[..., 0] - r[..., 2])
    down = np.maximum(r[..., 1] - b[..., 3], b[..., 1] - r[..., 3])
    return np.maximum(across, down)


def other_lines_in(boxes: np.ndarray, points: np.ndarray) -> np.ndarray:
    """(S, C): how many points of the other curves lie in each candidate box (S, C, 4) of each
    curve, the curves given as points (S, P, 2). All points go into a grid once and a summed-area
    table counts any box in four look-ups; a curve's own points are then taken off its boxes."""
    count = len(points)
    flat = points.reshape(-1, 2)
    reach = LINE_CLEARANCE
    lows = np.minimum(flat.min(axis=0), boxes[..., :2].reshape(-1, 2).min(axis=0)) - reach - 1
    highs = np.maximum(flat.max(axis=0), boxes[..., 2:].reshape(-1, 2).max(axis=0)) + reach + 1
    cell = max(GRID_CELL, float((highs - lows).max()) / MAX_GRID)
    shape = np.ceil((highs - lows) / cell).astype(int) + 1  # (columns, rows)
    grid = np.zeros((shape[1] + 1, shape[0] + 1))
    where = ((flat - lows) // cell).astype(int)
    np.add.at(grid, (where[:, 1] + 1, where[:, 0] + 1), 1.0)
    table = grid.cumsum(axis=0).cumsum(axis=1)
    # Whole grid cells that the box (grown by the clearance) touches: a point near an edge counts.
    first = ((boxes[..., :2] - reach - lows) // cell).astype(int)
    last = ((boxes[..., 2:] + reach - lows) // cell).astype(int)
    x0, y0, x1, y1 = first[..., 0], first[..., 1], last[..., 0] + 1, last[..., 1] + 1
    everyone = table[y1, x1] - table[y0, x1] - table[y1, x0] + table[y0, x0]
    # The same cells, for the curve's own points only.
    own_cells = ((points - lows) // cell).astype(int)  # (S, P, 2)
    ox, oy = own_cells[:, None, :, 0], own_cells[:, None, :, 1]
    own = np.count_nonzero((ox >= x0[..., None]) & (ox < x1[..., None]) & (oy >= y0[..., None]) & (oy < y1[..., None]),
                           axis=2)
    return (everyone - own).reshape(count, -1)


def _order(control: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Short curves first: they have the fewest places, the long ones can make way."""
    span = np.hypot(*(control[:, 3] - control[:, 0]).T) - sizes[:, 0]
    return np.argsort(span, kind="stable")


def overlap_counts(boxes: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """For each box (K, 4), how many of `rects` (N, 4) it overlaps."""
    b, r = boxes[:, None, :], rects[None, :, :]
    return np.count_nonzero((r[..., 0] < b[..., 2]) & (r[..., 2] > b[..., 0])
                            & (r[..., 1] < b[..., 3]) & (r[..., 3] > b[..., 1]), axis=1)
