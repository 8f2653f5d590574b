"""Where things are drawn: axon curves, dendrite tips, hit tests, label places, layer columns.

Qt-free and vectorised, so the canvas stays fast with thousands of synapses and every rule here is
unit-tested without a window. Coordinates are scene pixels, y pointing down.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neuron_sim.model import block_layout

SOMA_RADIUS = 25.0
DENDRITE_LENGTH = 42.0  # from the soma's edge to the tip where a synapse lands
AXON_STUB = 20.0  # from the soma's edge to where the axon starts to branch
SENSOR_HALF = 20.0  # inputs and generators: half the side of their square body
# Dendrites spread around "pointing left": up to 60° upward, but only 36° downward, because the
# neuron's name and threshold are written under the soma and a lower branch would cross them.
# 96° in all: five branches fit at MIN_BRANCH_SEPARATION; more are spread evenly, closer.
FAN_UP = np.radians(60.0)
FAN_DOWN = np.radians(36.0)
MIN_BRANCH_SEPARATION = np.radians(24.0)
SCHEMATIC_RADIUS = 26.0
RECIPROCAL_OFFSET = 9.0
LOOKS = ("biological", "schematic", "blocks")


@dataclass
class Layout:
    """Curve control points for every synapse, in the order of the arrays given to `layout`."""

    control: np.ndarray  # (S, 4, 2) cubic Bézier control points, from axon to dendrite tip
    dendrite_base: np.ndarray  # (S, 2) where the synapse's dendrite leaves the soma (biological)
    tip_angle: np.ndarray  # (S,) direction from the soma to the dendrite tip, radians
    row: np.ndarray | None = None  # blocks: (S,) each synapse's weight row at its target, 0 = top
    rows: np.ndarray | None = None  # blocks: (S,) how many weight rows its target has

    @property
    def end(self) -> np.ndarray:
        return self.control[:, 3]

    def tangent_at_end(self) -> np.ndarray:
        """Unit direction in which each curve arrives at its end."""
        d = self.control[:, 3] - self.control[:, 2]
        length = np.hypot(d[:, 0], d[:, 1])
        fallback = self.control[:, 3] - self.control[:, 0]
        d = np.where(length[:, None] > 1e-9, d, fallback)
        length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)
        return d / length[:, None]


def layout(positions: np.ndarray, source: np.ndarray, target: np.ndarray,
           is_sensor: np.ndarray | None = None, look: str = "biological") -> Layout:
    """Compute every synapse's curve from neuron positions (N, 2) and synapse ends (S,)."""
    positions = np.asarray(positions, dtype=float).reshape(-1, 2)
    source = np.asarray(source, dtype=np.intp)
    target = np.asarray(target, dtype=np.intp)
    if is_sensor is None:
        is_sensor = np.zeros(len(positions), dtype=bool)
    if look == "schematic":
        return _schematic_layout(positions, source, target)
    if look == "blocks":
        control, row, rows = block_layout.synapse_curves(positions, source, target, np.asarray(is_sensor, dtype=bool))
        return Layout(control, control[:, 3].copy(), np.full(source.size, np.pi), row, rows)
    return _biological_layout(positions, source, target, np.asarray(is_sensor, dtype=bool))


def axon_start(positions: np.ndarray, is_sensor: np.ndarray) -> np.ndarray:
    """Biological look: where each neuron's axon ends its stub and branches to its targets."""
    reach = np.where(is_sensor, SENSOR_HALF + AXON_STUB * 0.6, SOMA_RADIUS + AXON_STUB)
    return positions + np.stack([reach, np.zeros_like(reach)], axis=1)


def dendrite_angles(positions: np.ndarray, source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Angle of each synapse's dendrite: toward its source, within the left fan, kept apart."""
    s = source.size
    if s == 0:
        return np.zeros(0)
    delta = positions[source] - positions[target]
    wanted = np.arctan2(delta[:, 1], delta[:, 0])  # 0 = right, ±π = left
    # Measure from "pointing left" so the fan is [−FAN_DOWN, +FAN_UP] around 0.
    from_left = np.angle(np.exp(1j * (wanted - np.pi)))
    self_loop = source == target
    # (y grows downward: a negative angle from "left" points down-left)
    from_left = np.where(self_loop, -FAN_DOWN, from_left)
    from_left = np.clip(from_left, -FAN_DOWN, FAN_UP)
    # Spread the branches of a target that would sit too close together, evenly around their mean.
    order = np.lexsort((source, from_left, target))
    sorted_target = target[order]
    sorted_angle = from_left[order]
    starts = np.flatnonzero(np.r_[True, sorted_target[1:] != sorted_target[:-1]])
    counts = np.diff(np.r_[starts, s])
    group = np.repeat(np.arange(starts.size), counts)
    too_close = np.zeros(s, dtype=bool)
    too_close[1:] = (sorted_target[1:] == sorted_target[:-1]) & (np.diff(sorted_angle) < MIN_BRANCH_SEPARATION)
    crowded = np.logical_or.reduceat(too_close, starts)
    if crowded.any():
        # Never wider than the fan: a wider span made the centre's clip bounds cross, pushing the
        # lowest branches of a target with 7+ inputs out of the fan on one side only.
        span = np.minimum(MIN_BRANCH_SEPARATION * (counts - 1), FAN_UP + FAN_DOWN)
        mean = np.add.reduceat(sorted_angle, starts) / counts
        centre = np.clip(mean, -FAN_DOWN + span / 2, FAN_UP - span / 2)
        rank = np.arange(s) - starts[group]
        step = np.where(counts > 1, span / np.maximum(counts - 1, 1), 0.0)
        spread = centre[group] - span[group] / 2 + rank * step[group]
        sorted_angle = np.where(crowded[group], spread, sorted_angle)
    result = np.empty(s)
    result[order] = sorted_angle
    return result + np.pi


def _biological_layout(positions: np.ndarray, source: np.ndarray, target: np.ndarray,
                       is_sensor: np.ndarray) -> Layout:
    s = source.size
    angle = dendrite_angles(positions, source, target)
    direction = np.stack([np.cos(angle), np.sin(angle)], axis=1) if s else np.zeros((0, 2))
    tip = positions[target] + direction * (SOMA_RADIUS + DENDRITE_LENGTH)
    base = positions[target] + direction * SOMA_RADIUS * 0.92
    start = axon_start(positions, is_sensor)[source]
    dx = tip[:, 0] - start[:, 0]
    reach = np.clip(np.abs(dx) * 0.45, 40.0, 160.0)
    control = np.empty((s, 4, 2))
    control[:, 0] = start
    control[:, 1] = start + np.stack([reach, np.zeros(s)], axis=1)
    control[:, 2] = tip + direction * reach[:, None]
    control[:, 3] = tip
    # Backward connections (target left of source) and self-loops bow around instead of crossing
    # the cells: below for backward pairs, above for self-loops.
    backward = dx < 40.0
    if np.any(backward):
        loop = backward & (source == target)
        bow = np.where(loop, -95.0, 70.0 + 0.15 * np.abs(dx))
        control[backward, 1, 1] += bow[backward]
        control[backward, 2, 1] += bow[backward]
    return Layout(control, base, angle)


def _schematic_layout(positions: np.ndarray, source: np.ndarray, target: np.ndarray) -> Layout:
    s = source.size
    a = positions[source]
    b = positions[target]
    delta = b - a
    length = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-9)
    unit = delta / length[:, None]
    normal = np.stack([-unit[:, 1], unit[:, 0]], axis=1)
    # A reciprocal pair is drawn as two parallel arrows, each shifted to its own right.
    keys = set(zip(source.tolist(), target.tolist()))
    reciprocal = np.array([(t, q) in keys and t != q for q, t in zip(source.tolist(), target.tolist())],
                          dtype=bool) if s else np.zeros(0, dtype=bool)
    shift = np.where(reciprocal, RECIPROCAL_OFFSET, 0.0)[:, None] * normal
    start = a + unit * SCHEMATIC_RADIUS + shift
    end = b - unit * (SCHEMATIC_RADIUS + 2.0) + shift
    control = np.empty((s, 4, 2))
    control[:, 0] = start
    control[:, 1] = start + (end - start) / 3.0
    control[:, 2] = start + (end - start) * 2.0 / 3.0
    control[:, 3] = end
    loop = source == target
    if np.any(loop):
        centre = positions[source[loop]]
        r = SCHEMATIC_RADIUS
        control[loop, 0] = centre + [r * 0.5, -r * 0.87]
        control[loop, 1] = centre + [r * 1.6, -r * 2.8]
        control[loop, 2] = centre + [-r * 1.6, -r * 2.8]
        control[loop, 3] = centre + [-r * 0.5, -r * 0.87 - 2.0]
    angle = np.arctan2(-unit[:, 1], -unit[:, 0]) if s else np.zeros(0)
    return Layout(control, end.copy(), angle)


# ---- curves ------------------------------------------------------------------------------------
def bezier_points(control: np.ndarray, samples: int = 16) -> np.ndarray:
    """Points along each cubic curve: (S, samples, 2)."""
    t = np.linspace(0.0, 1.0, samples)[None, :, None]
    p0, p1, p2, p3 = (control[:, i][:, None, :] for i in range(4))
    u = 1.0 - t
    return u**3 * p0 + 3 * u**2 * t * p1 + 3 * u * t**2 * p2 + t**3 * p3


def point_on_curves(control: np.ndarray, t: float | np.ndarray) -> np.ndarray:
    t = np.broadcast_to(np.asarray(t, dtype=float), (control.shape[0],))[:, None]
    u = 1.0 - t
    return (u**3 * control[:, 0] + 3 * u**2 * t * control[:, 1]
            + 3 * u * t**2 * control[:, 2] + t**3 * control[:, 3])


def distances_to_curves(point: tuple[float, float], control: np.ndarray, samples: int = 24) -> np.ndarray:
    """Distance from `point` to each curve (approximated by a polyline of `samples` points)."""
    if control.shape[0] == 0:
        return np.zeros(0)
    pts = bezier_points(control, samples)
    a = pts[:, :-1]
    b = pts[:, 1:]
    p = np.asarray(point, dtype=float)[None, None, :]
    ab = b - a
    denom = np.maximum((ab**2).sum(axis=2), 1e-12)
    t = np.clip(((p - a) * ab).sum(axis=2) / denom, 0.0, 1.0)
    closest = a + t[..., None] * ab
    return np.sqrt(((closest - p) ** 2).sum(axis=2)).min(axis=1)


def nearest_curve(point: tuple[float, float], control: np.ndarray, tolerance: float) -> int | None:
    """Index of the curve within `tolerance` of `point` that is closest, or None."""
    d = distances_to_curves(point, control)
    if d.size == 0:
        return None
    best = int(np.argmin(d))
    return best if d[best] <= tolerance else None


# ---- placing and grouping neurons ----------------------------------------------------------------
def column_positions(count: int, x: float, centre_y: float, spacing: float = 110.0) -> list[tuple[float, float]]:
    """`count` positions in a vertical column centred on `centre_y` (a new layer)."""
    top = centre_y - spacing * (count - 1) / 2.0
    return [(float(x), float(top + i * spacing)) for i in range(count)]


def snap(point: tuple[float, float], grid: float) -> tuple[float, float]:
    if grid <= 0:
        return (float(point[0]), float(point[1]))
    return (float(round(point[0] / grid) * grid), float(round(point[1] / grid) * grid))


def split_columns(xs: list[float], tolerance: float = 60.0) -> list[list[int]]:
    """Group indices by x into columns, left to right (for "Connect all" between layers)."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    columns: list[list[int]] = []
    for i in order:
        if columns and xs[i] - xs[columns[-1][0]] <= tolerance:
            columns[-1].append(i)
        else:
            columns.append([i])
    return columns


def free_spot_right_of(positions: np.ndarray, gap: float = 220.0) -> float:
    """x for a new column to the right of everything (or 0 for an empty canvas)."""
    positions = np.asarray(positions, dtype=float).reshape(-1, 2)
    return float(positions[:, 0].max() + gap) if positions.size else 0.0
