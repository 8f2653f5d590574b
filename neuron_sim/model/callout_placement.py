"""Where Name-the-parts callout boxes go: geometry only, numpy and no Qt (tested without a window).

Each callout has an anchor (the point on the part it names), a preferred side and a box size.
Boxes are tried on rings around the anchor, nearest and closest to the preferred side first,
until one covers nothing and its leader line crosses no cell, label or earlier box, nor does
the box sit on an earlier leader line: a line running through another callout's box reads as
pointing at the wrong part. Every rectangle is a row (x0, y0, x1, y1) in scene units.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

GAP = 4.0  # free space kept around every box
DISTANCES = (34.0, 55.0, 80.0, 110.0, 145.0, 185.0, 230.0)
# Radians away from the preferred side: near it first, then all the way round.
TURNS = np.array(sorted((k * np.pi / 8 for k in range(-7, 9)), key=lambda turn: (abs(turn), turn)))
# How far around the annotated cell a box can land (the farthest ring and a wide box fit inside):
# what lies outside cannot meet a callout, so it is left out of the obstacles.
NEAR_HALF_WIDTH = 500.0
NEAR_HALF_HEIGHT = 400.0
ANCHOR_REACH = 8.0 + GAP  # kept clear around another callout's anchor dot
WORTH_ANOTHER_ORDER = 5  # a leader through a label: a box hiding that much (curves aside) is placed earlier
OUTSIDE = 60  # a box beyond the visible area is unread: worse than covering a name, not a callout


@dataclass
class Obstacles:
    """What a callout's box and leader line should keep clear of, as (x0, y0, x1, y1) rows."""

    callouts: np.ndarray  # earlier boxes and the other anchor dots: never cover them
    solid: np.ndarray  # cells, names, weight labels
    thin: np.ndarray  # small squares along the synapse curves
    uncrossable: np.ndarray  # cells and labels a leader line should not pass through
    leaders: np.ndarray  # earlier leader lines as segments (L, 4): x0, y0, x1, y1
    area: np.ndarray | None = None  # (x0, y0, x1, y1) the boxes should stay inside (the visible view)
    boxes: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))  # earlier boxes, for leaders

    def costs(self, anchor: np.ndarray, boxes: np.ndarray, curves: bool = True) -> np.ndarray:
        """How much each candidate box (K, 4) hides; an earlier callout weighs most, a curve least.
        A leader line through another callout's box, either way round, weighs as much as covering it.
        Without `curves`, the curves covered are left out (what is worth another try)."""
        segments = leader_segments(anchor, boxes, skip=8.0)
        cost = (100 * overlap_counts(boxes, self.callouts) + 10 * overlap_counts(boxes, self.solid)
                + (overlap_counts(boxes, self.thin) if curves else 0)
                + 100 * (segments_cross(segments, self.boxes) | boxes_cut(boxes, self.leaders))
                + 5 * crosses(leader_points(anchor, boxes, skip=8.0), self.uncrossable))
        if self.area is not None:
            cost = cost + OUTSIDE * outside(boxes, self.area)
        return cost

    def within(self, area: np.ndarray) -> Obstacles:
        """Only what reaches into `area` (x0, y0, x1, y1): the rest cannot change a cost there."""
        def rects(rows: np.ndarray) -> np.ndarray:
            x0, y0, x1, y1 = area
            return rows[(rows[:, 2] > x0) & (rows[:, 0] < x1) & (rows[:, 3] > y0) & (rows[:, 1] < y1)]

        return Obstacles(rects(self.callouts), rects(self.solid), rects(self.thin), rects(self.uncrossable),
                         self.leaders, self.area, self.boxes)


def place_boxes(anchors: np.ndarray, directions: np.ndarray, sizes: np.ndarray, solid: np.ndarray,
                thin: np.ndarray, cell: np.ndarray | None = None, area: np.ndarray | None = None) -> np.ndarray:
    """A box (K, 4) for each callout, placed in order: anchors (K, 2), preferred directions (K, 2),
    sizes (K, 2) as (width, height). `solid`: cells, labels and weights a box may not cover nor a
    leader cross; `thin`: squares along the curves (covering them costs little); `cell`: the
    annotated cell's surroundings (x0, y0, x1, y1), which boxes keep clear but leaders start in;
    `area`: (x0, y0, x1, y1) the boxes should stay inside where they can (the window's view)."""
    area = None if area is None else np.asarray(area, dtype=float).reshape(4)
    anchors = np.asarray(anchors, dtype=float).reshape(-1, 2)
    solid = np.asarray(solid, dtype=float).reshape(-1, 4)
    thin = np.asarray(thin, dtype=float).reshape(-1, 4)
    kept_clear = solid if cell is None else np.vstack([solid, np.asarray(cell, dtype=float).reshape(1, 4)])
    dots = np.concatenate([anchors - ANCHOR_REACH, anchors + ANCHOR_REACH], axis=1)
    # The first callout takes the best place for itself, which may leave a later one only places
    # that hide something (its leader through that first box, or through a label): then the later
    # one is placed first, and of the orders tried the layout that hides least is kept.
    order = list(range(len(anchors)))
    tried: set[tuple[int, ...]] = set()
    best, best_cost = np.zeros((0, 4)), None
    while tuple(order) not in tried and len(tried) <= len(order) ** 2:
        tried.add(tuple(order))
        boxes, costs = _place_in_order(order, anchors, directions, sizes, kept_clear, solid, thin, dots, area)
        if best_cost is None or costs.sum() < best_cost:
            best, best_cost = boxes, costs.sum()
        troubled = [index for index in order[1:] if costs[index] >= WORTH_ANOTHER_ORDER]  # curves aside
        if not troubled:
            break
        order.remove(troubled[0])
        order.insert(0, troubled[0])
    return best


def _place_in_order(order, anchors, directions, sizes, kept_clear, solid, thin, dots, area) -> tuple[np.ndarray, np.ndarray]:
    """The boxes (K, 4) placed one by one in `order`, and what each hides (K,), in the callouts' own order."""
    boxes = np.zeros((len(anchors), 4))
    placed = np.zeros((0, 4))  # earlier boxes
    leaders = np.zeros((0, 4))  # earlier leader lines, from their anchors to their boxes
    costs = np.zeros(len(anchors))
    for index in order:
        anchor, direction, (width, height) = anchors[index], directions[index], sizes[index]
        others = np.concatenate([np.delete(dots, index, axis=0), placed + (-GAP, -GAP, GAP, GAP)])
        obstacles = Obstacles(callouts=others, solid=kept_clear, thin=thin, uncrossable=solid,
                              leaders=leaders, area=area, boxes=placed)
        box = free_box(anchor, direction, float(width), float(height), obstacles)
        costs[index] = obstacles.costs(anchor, box[None], curves=False)[0]
        boxes[index] = box
        placed = np.vstack([placed, box])
        leaders = np.vstack([leaders, leader_segments(anchor, box[None])])
    return boxes, costs


def free_box(anchor: np.ndarray, direction, width: float, height: float, obstacles: Obstacles) -> np.ndarray:
    """The first candidate box, nearest and closest to the preferred side first, that covers
    nothing and whose leader line crosses no box, cell or label; when every place is taken,
    the one that hides the least (another callout least of all)."""
    preferred = np.arctan2(direction[1], direction[0])
    ux, uy = np.cos(preferred + TURNS), np.sin(preferred + TURNS)
    best, best_cost = None, None
    for distance in DISTANCES:  # one ring of candidates at a time: most boxes fit in the first
        # The box's nearest corner or edge sits `distance` from the anchor along the direction.
        cx = anchor[0] + ux * (distance + width / 2)
        cy = anchor[1] + uy * (distance + height / 2)
        boxes = np.stack([cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2], axis=1)
        # The ring's boxes and leader lines lie in this area; what is outside costs nothing here.
        area = np.array([min(boxes[:, 0].min(), anchor[0]), min(boxes[:, 1].min(), anchor[1]),
                         max(boxes[:, 2].max(), anchor[0]), max(boxes[:, 3].max(), anchor[1])])
        costs = obstacles.within(area).costs(anchor, boxes)
        index = int(np.argmin(costs))  # the first of the cheapest: nearest the preferred side
        if best_cost is None or costs[index] < best_cost:
            best, best_cost = boxes[index], costs[index]
        if best_cost == 0:
            break
    return best


def near_mask(rects: np.ndarray, centre, half_width: float = NEAR_HALF_WIDTH,
              half_height: float = NEAR_HALF_HEIGHT) -> np.ndarray:
    """Which rects (N, 4) reach into the window around `centre` (x, y) where callouts can go."""
    x, y = centre
    return ((rects[:, 2] > x - half_width) & (rects[:, 0] < x + half_width)
            & (rects[:, 3] > y - half_height) & (rects[:, 1] < y + half_height))


def overlap_counts(boxes: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """For each box (K, 4), how many of `rects` (N, 4) it overlaps."""
    b, r = boxes[:, None, :], rects[None, :, :]
    return np.count_nonzero((r[..., 0] < b[..., 2]) & (r[..., 2] > b[..., 0])
                            & (r[..., 1] < b[..., 3]) & (r[..., 3] > b[..., 1]), axis=1)


def outside(boxes: np.ndarray, area: np.ndarray) -> np.ndarray:
    """For each box (K, 4), whether any of it lies beyond `area` (x0, y0, x1, y1)."""
    return ((boxes[:, 0] < area[0]) | (boxes[:, 1] < area[1]) | (boxes[:, 2] > area[2])
            | (boxes[:, 3] > area[3])).astype(int)


def is_free(anchor, box, solid: np.ndarray, area: np.ndarray | None = None) -> bool:
    """Whether a box (x0, y0, x1, y1) placed earlier still covers none of `solid` (N, 4), its leader
    line from `anchor` crosses none of them, and it lies inside `area` if one is given."""
    box = np.asarray(box, dtype=float).reshape(1, 4)
    if area is not None and outside(box, np.asarray(area, dtype=float))[0]:
        return False
    anchor = np.asarray(anchor, dtype=float)
    return not (overlap_counts(box, solid)[0] or crosses(leader_points(anchor, box, skip=8.0), solid)[0])


def leader_segments(anchor: np.ndarray, boxes: np.ndarray, skip: float = 0.0) -> np.ndarray:
    """The leader line from `anchor` to each box (K, 4) as a segment (K, 4): x0, y0, x1, y1,
    leaving out the first `skip` pixels (the anchor dot's surroundings)."""
    points = leader_points(anchor, boxes, count=2, skip=skip)
    return points.reshape(-1, 4)


def segment_hits(segments: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """(K, N): whether segment k (x0, y0, x1, y1) passes through the inside of rect n (x0, y0,
    x1, y1), kept GAP larger. The segment is clipped to each slab in turn (Liang–Barsky); touching
    an edge from outside does not count, so a leader ending on its own box's edge is no crossing."""
    if not len(segments) or not len(rects):
        return np.zeros((len(segments), len(rects)), dtype=bool)
    s, r = segments[:, None, :], rects[None, :, :] + (-GAP, -GAP, GAP, GAP)
    enter = np.zeros((len(segments), len(rects)))  # the part of the segment (0 to 1) inside the rect
    leave = np.ones_like(enter)
    hit = np.ones_like(enter, dtype=bool)
    for axis in (0, 1):
        start, delta = s[..., axis], s[..., axis + 2] - s[..., axis]
        low, high = r[..., axis], r[..., axis + 2]
        flat = np.abs(delta) < 1e-12
        with np.errstate(divide="ignore", invalid="ignore"):
            t0, t1 = (low - start) / delta, (high - start) / delta
        near, far = np.minimum(t0, t1), np.maximum(t0, t1)
        inside_slab = (start > low) & (start < high)
        enter = np.where(flat, enter, np.maximum(enter, near))
        leave = np.where(flat, leave, np.minimum(leave, far))
        hit &= np.where(flat, inside_slab, True)
    return hit & (enter < leave - 1e-9)


def segments_cross(segments: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """For each segment (K, 4), whether it passes through any of `rects` (N, 4) (see segment_hits)."""
    return np.any(segment_hits(segments, rects), axis=1).astype(int)


def boxes_cut(boxes: np.ndarray, segments: np.ndarray) -> np.ndarray:
    """For each box (K, 4), whether any of `segments` (L, 4) passes through it (see segment_hits)."""
    return np.any(segment_hits(segments, boxes), axis=0).astype(int)


def crosses(lines: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """For each line given as points (K, P, 2), whether a point lies inside any of `rects` (N, 4)."""
    if not rects.size:
        return np.zeros(len(lines), dtype=int)
    x, y = lines[..., 0][..., None], lines[..., 1][..., None]
    inside = (x > rects[:, 0]) & (x < rects[:, 2]) & (y > rects[:, 1]) & (y < rects[:, 3])
    return np.any(inside, axis=(1, 2)).astype(int)


def leader_end(anchor, box) -> tuple[float, float]:
    """Where the leader line meets the box (x0, y0, x1, y1): the box point nearest the anchor."""
    return (min(max(anchor[0], box[0]), box[2]), min(max(anchor[1], box[1]), box[3]))


def leader_points(anchor: np.ndarray, boxes: np.ndarray, count: int = 16, skip: float = 0.0) -> np.ndarray:
    """Points (K, count, 2) along the leader line from `anchor` to each box (K, 4), leaving out
    the first `skip` pixels (the anchor dot's surroundings)."""
    end = np.stack([np.clip(anchor[0], boxes[:, 0], boxes[:, 2]), np.clip(anchor[1], boxes[:, 1], boxes[:, 3])], axis=1)
    length = np.maximum(np.hypot(*(end - anchor).T), 1e-9)
    start = np.minimum(skip / length, 1.0)[:, None]
    t = start + (1.0 - start) * np.linspace(0.0, 1.0, count)[None, :]  # (K, count)
    return anchor + (end - anchor)[:, None, :] * t[..., None]
