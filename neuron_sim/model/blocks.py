"""The blocks look's rules: which networks it draws, and the way a pulse takes through the blocks.

Blocks spell out a rate neuron's arithmetic, a = f(Σ wᵢ·xᵢ − θ), one operation per block
(block_layout.py places them). They are drawn for rate networks of up to MAX_BLOCK_NEURONS
computing neurons with up to MAX_BLOCK_INPUTS synapses arriving at each; past that the rows
would no longer fit between the layers, and a spiking cell integrates its input over time
rather than computing one sum, so such networks are drawn schematic and the UI says why.

A rate pulse (model/engines/protocol.py: its progress 0..1 through the current layer) passes
through the blocks in the order of the computation: along its synapse to the × and weight
blocks, through them, then along the links between the blocks into the sum block, the activation
block and the output block (it runs beside the numbers written in those, never over them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neuron_sim.model import block_layout as blocks
from neuron_sim.model import geometry
from neuron_sim.model.network import Network

MAX_BLOCK_NEURONS = 16  # computing neurons
MAX_BLOCK_INPUTS = 6  # synapses arriving at one neuron

#: the stages of a pulse: 0 along the synapse, 1 through the × and weight blocks, 2 into the
#: sum block, 3 through the activation block, 4 into the output block
STAGES = ("synapse", "weight", "sum", "activation", "output")
#: where each stage ends, as a fraction of a layer's pass
STAGE_ENDS = np.array([0.5, 0.64, 0.78, 0.9, 1.0])



@dataclass(frozen=True)
class BlocksFit:
    """Whether the blocks look draws a network; if not, why: `reason` is "spiking", "neurons"
    (more than `limit` computing neurons: `count`) or "inputs" (`count` synapses, more than
    `limit`, arrive at the neuron labelled `label`)."""

    reason: str = ""
    count: int = 0
    limit: int = 0
    label: str = ""

    @property
    def fits(self) -> bool:
        return not self.reason


def blocks_fit(network: Network) -> BlocksFit:
    """Whether `network` can be drawn in blocks (see the module docstring)."""
    if network.model != "rate":
        return BlocksFit("spiking")
    computing = [nid for nid, n in network.neurons.items() if n.kind == "neuron"]
    if len(computing) > MAX_BLOCK_NEURONS:
        return BlocksFit("neurons", len(computing), MAX_BLOCK_NEURONS)
    arriving = dict.fromkeys(computing, 0)
    for _source, target in network.synapses:
        if target in arriving:
            arriving[target] += 1
    crowded = max(arriving, key=arriving.get, default=None)
    if crowded is not None and arriving[crowded] > MAX_BLOCK_INPUTS:
        return BlocksFit("inputs", arriving[crowded], MAX_BLOCK_INPUTS, network.neurons[crowded].label)
    return BlocksFit()


def stage_of(progress: np.ndarray) -> np.ndarray:
    """The stage (index into STAGES) each pulse is in at `progress` 0..1."""
    return np.minimum(np.searchsorted(STAGE_ENDS, np.asarray(progress, dtype=float), side="right"),
                      len(STAGES) - 1)


def pulse_points(control: np.ndarray, row: np.ndarray, rows: np.ndarray, target_position: np.ndarray,
                 progress: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(positions (P, 2), stages (P,)) of pulses at `progress` along their way, each on the synapse
    whose curve is `control[p]`, arriving at weight row `row[p]` of `rows[p]` of the neuron at
    `target_position[p]`."""
    progress = np.clip(np.asarray(progress, dtype=float), 0.0, 1.0)
    stage = stage_of(progress)
    starts = np.r_[0.0, STAGE_ENDS[:-1]]
    within = (progress - starts[stage]) / (STAGE_ENDS[stage] - starts[stage])
    row_y = (row - (rows - 1) / 2.0) * blocks.ROW_PITCH
    zeros = np.zeros_like(row_y)
    # each stage's start and end relative to the target neuron (stage 0 is the curve)
    ways = [
        None,
        (np.stack([zeros + blocks.MULTIPLY_LEFT, row_y], 1), np.stack([zeros + blocks.WEIGHT_RIGHT, row_y], 1)),
        (np.stack([zeros + blocks.WEIGHT_RIGHT, row_y], 1), np.stack([zeros + blocks.SUM_LEFT, row_y], 1)),
        (np.stack([zeros + blocks.SUM_RIGHT, zeros], 1), np.stack([zeros + blocks.ACTIVATION_LEFT, zeros], 1)),
        (np.stack([zeros + blocks.ACTIVATION_RIGHT, zeros], 1), np.stack([zeros + blocks.OUTPUT_LEFT, zeros], 1)),
    ]
    positions = geometry.point_on_curves(control, np.minimum(within, 1.0)) if len(control) else np.zeros((0, 2))
    for number in range(1, len(STAGES)):
        here = stage == number
        if np.any(here):
            start, end = ways[number]
            f = within[here][:, None]
            positions[here] = target_position[here] + start[here] + (end[here] - start[here]) * f
    return positions, stage
