"""Where the blocks look puts each part of a computing neuron, and where its synapses land.

In the blocks look a rate neuron is drawn as its operations, left to right: for every incoming
synapse a row of a red × block and a green weight block (× wᵢ), then the yellow sum block
(Σ − θ), the blue activation block (f) and the output block (a). Coordinates are scene pixels
relative to the neuron's position, which is the centre of the sum block; y points down.

Plain numpy, so the canvas, the figures and the tests share one set of numbers.
"""

from __future__ import annotations

import numpy as np

ROW_HEIGHT = 20.0  # a × block and its weight block
ROW_PITCH = 24.0
MULTIPLY_LEFT, MULTIPLY_RIGHT = -86.0, -70.0  # the red × block
WEIGHT_LEFT, WEIGHT_RIGHT = -70.0, -36.0  # the green weight block, joined to the × block
SUM_LEFT, SUM_RIGHT = -30.0, 30.0  # the yellow Σ − θ block
SUM_MIN_HEIGHT = 52.0  # its three lines: Σ − θ, the numbers, = net
ACTIVATION_LEFT, ACTIVATION_RIGHT = 36.0, 72.0  # the blue f block, square
OUTPUT_LEFT, OUTPUT_RIGHT = 78.0, 112.0  # the output block
OUTPUT_HEIGHT = 24.0
CAPTION_HEIGHT = 14.0  # "f" and "a" above their blocks
INPUT_HALF = 20.0  # an input is a square block of this half side
LANDING_GAP = 2.0  # a synapse ends this far left of its × block (room for its arrowhead)


def row_offsets(count: int) -> np.ndarray:
    """y of each of `count` weight rows, top to bottom, centred on the neuron."""
    return (np.arange(count) - (count - 1) / 2.0) * ROW_PITCH


def body_height(count: int) -> float:
    """Height of a computing neuron with `count` weight rows: the rows or the sum block."""
    rows = count * ROW_PITCH - (ROW_PITCH - ROW_HEIGHT) if count else 0.0
    return max(rows, SUM_MIN_HEIGHT)


def body_box(count: int, is_input: bool) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of what a neuron draws in the blocks look."""
    if is_input:
        return (-INPUT_HALF, -INPUT_HALF, INPUT_HALF, INPUT_HALF)
    half = body_height(count) / 2.0
    captions = (ACTIVATION_RIGHT - ACTIVATION_LEFT) / 2.0 + CAPTION_HEIGHT
    return (MULTIPLY_LEFT, -max(half, captions), OUTPUT_RIGHT, half)


def output_x(is_input: np.ndarray) -> np.ndarray:
    """Where each neuron's output leaves it (the right edge of its input or output block)."""
    return np.where(np.asarray(is_input, dtype=bool), INPUT_HALF, OUTPUT_RIGHT)


def input_slots(positions: np.ndarray, source: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each synapse's weight row at its target (0 = top) and the number of rows there.

    Rows follow the sources from top to bottom (then left to right, then their order), so that
    the synapses arriving at a neuron do not cross each other.
    """
    s = source.size
    if s == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    order = np.lexsort((np.arange(s), positions[source, 0], positions[source, 1], target))
    sorted_target = target[order]
    starts = np.flatnonzero(np.r_[True, sorted_target[1:] != sorted_target[:-1]])
    counts = np.diff(np.r_[starts, s])
    group = np.repeat(np.arange(starts.size), counts)
    rank = np.empty(s, dtype=np.intp)
    rank[order] = np.arange(s) - starts[group]
    count = np.empty(s, dtype=np.intp)
    count[order] = counts[group]
    return rank, count


def landing_points(positions: np.ndarray, target: np.ndarray, rank: np.ndarray, count: np.ndarray) -> np.ndarray:
    """(S, 2) where each synapse ends: just left of its own × block."""
    y = (rank - (count - 1) / 2.0) * ROW_PITCH
    return positions[target] + np.stack([np.full(rank.shape, MULTIPLY_LEFT - LANDING_GAP), y], axis=1)


def synapse_curves(positions: np.ndarray, source: np.ndarray, target: np.ndarray,
                   is_input: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(control (S, 4, 2), rank, count): a cubic curve from each source's output to its weight row.

    Curves leave and arrive horizontally; one that would run backward (its target left of its
    source's output) or loop onto its own neuron bows around below, or above for a loop.
    """
    s = source.size
    rank, count = input_slots(positions, source, target)
    start = positions[source] + np.stack([output_x(is_input)[source], np.zeros(s)], axis=1) if s \
        else np.zeros((0, 2))
    end = landing_points(positions, target, rank, count) if s else np.zeros((0, 2))
    dx = end[:, 0] - start[:, 0]
    reach = np.clip(np.abs(dx) * 0.45, 30.0, 160.0)
    control = np.empty((s, 4, 2))
    control[:, 0] = start
    control[:, 1] = start + np.stack([reach, np.zeros(s)], axis=1)
    control[:, 2] = end - np.stack([reach, np.zeros(s)], axis=1)
    control[:, 3] = end
    backward = dx < 30.0
    if np.any(backward):
        loop = backward & (source == target)
        half_body = np.maximum(count * ROW_PITCH, SUM_MIN_HEIGHT) / 2.0
        bow = np.where(loop, -(half_body + 70.0), half_body + 60.0 + 0.15 * np.abs(dx))
        control[backward, 1, 1] += bow[backward]
        control[backward, 2, 1] += bow[backward]
    return control, rank, count
