"""The blocks look in motion: each computing neuron's blocks given the numbers of its computation,
and the pulses on their way through the blocks (model/blocks.py), lighting the blocks they pass.

The CanvasAnimator (animation.py) calls these once per frame while the scene is drawn in blocks;
its pulse layer stamps the pulses placed here.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF

from neuron_sim.model import blocks
from neuron_sim.model.analysis import rate_breakdown

from neuron_sim.ui.canvas.block_painting import NOTHING_LIT, Lit
from neuron_sim.ui.canvas.scene import DisplayScene


def show_block_numbers(scene: DisplayScene, engine, computed: set[str]) -> None:
    """Each computing neuron's blocks show its computation, the computation panel's numbers."""
    network = scene.network
    rate = engine is not None and engine.kind == "rate"
    for nid, item in scene.neuron_items.items():
        if item.neuron.kind != "neuron":
            continue
        shown = rate and nid in computed and nid in engine.index
        item.set_breakdown(rate_breakdown(network, engine, nid) if shown else None)


def through_blocks(scene: DisplayScene, rows: np.ndarray, progress: np.ndarray,
                   strength: np.ndarray) -> tuple[np.ndarray, np.ndarray, QRectF]:
    """Each pulse (on the synapse layer's row `rows[i]`) on its way through the blocks, carrying
    x to its weight block, w·x from there to the sum, and then one pulse per neuron: its net
    input Σ − θ through f and its output a on to the output block. The blocks a pulse is in are
    lit. Returns the positions, the strengths carried and the bounds to draw in."""
    layer = scene.synapse_layer
    layout = layer.layout_
    targets = [layer.keys[r][1] for r in rows.tolist()]
    items = [scene.neuron_items[t] for t in targets]
    where = np.array([(item.x(), item.y()) for item in items], dtype=float).reshape(-1, 2)
    positions, stage = blocks.pulse_points(layout.control[rows], layout.row[rows], layout.rows[rows], where,
                                           progress)
    weights = layer.weights[rows]
    carried = np.where(stage == 0, strength / np.where(weights == 0, 1.0, weights), strength)
    keep = np.ones(len(rows), dtype=bool)
    lit: dict[str, Lit] = {}
    for p, (target, item) in enumerate(zip(targets, items)):
        number = int(stage[p])
        if number >= 3:  # merged in the sum block: one pulse goes on
            if target in lit:
                keep[p] = False
                continue
            b = item.breakdown
            carried[p] = 1.0 if b is None else (b.net if number == 3 else b.output)
        if number >= 1:
            before = lit.get(target, NOTHING_LIT)
            lit[target] = Lit(number, before.rows | {int(layout.row[rows[p]])} if number == 1 else frozenset())
    light_blocks(scene, lit)
    bounds = layer.boundingRect()
    for item in items:
        bounds = bounds.united(item.sceneBoundingRect())
    return positions[keep], carried[keep], bounds


def light_blocks(scene: DisplayScene, lit: dict[str, Lit]) -> None:
    """Light the blocks `lit` names, neuron by neuron; every other neuron's blocks go dark."""
    for nid, item in scene.neuron_items.items():
        item.set_lit(lit.get(nid, NOTHING_LIT))
