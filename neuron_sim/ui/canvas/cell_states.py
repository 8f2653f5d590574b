"""What each cell shows of a playback, frame by frame, read from the engine as arrays.

A frame compares the engine's levels, spikes, refractory states and outputs with those it showed
the frame before and touches only the cells whose picture changes: a network that has settled
costs a few array operations a frame, not a call per cell.
"""

from __future__ import annotations

import numpy as np


class CellStates:
    """Hands each cell item its playback state (`NeuronItem.set_state`), only where it changed."""

    def __init__(self):
        self._key: tuple | None = None  # (engine, spiking, the items): what the arrays below are for
        self._order = np.zeros(0, dtype=np.intp)  # each item's index in the engine, −1 if it has none
        self._shows_output = np.zeros(0, dtype=bool)  # a computing unit: its a = … is shown
        self._last: tuple[np.ndarray, ...] | None = None

    def forget(self) -> None:
        """The next frame hands every cell its state, as if none had been shown."""
        self._last = None

    def show(self, items: dict, engine, spiking: bool, sheet=None) -> None:
        """Bring `items` (id → NeuronItem) up to `engine`'s state (None: no engine, all at rest).
        With a `sheet` (cell_sheet.CellSheet, drawing every cell far out) the levels go to it
        instead, and the items, which draw nothing meanwhile, get their states when it stops."""
        listed = list(items.values())
        key = (engine, spiking, tuple(listed))
        if key != self._key:
            self._key, self._last = key, None
            index = engine.index if engine is not None else {}
            self._order = np.array([index.get(nid, -1) for nid in items], dtype=np.intp)
            # a kind edit rebuilds the engine, so the kinds hold as long as the engine does
            self._shows_output = np.array([item.neuron.kind == "neuron" for item in listed], dtype=bool)
        count = len(listed)
        present = self._order >= 0
        running = engine is not None and present.any()
        if running:
            at = np.where(present, self._order, 0)
            levels, fired_all, refractory_all = engine.level_arrays()
            level = np.where(present, levels[at], 0.0)
        else:
            level = np.zeros(count)
        if sheet is not None:  # far out the sheet draws the levels: nothing else is shown
            sheet.show_levels(listed, level)
            self._last = None
            return
        if running:
            fired, refractory = present & fired_all[at], present & refractory_all[at]
            shows = present & self._shows_output
            computed = engine.computed_ids()  # their a = … is real
            if len(computed) < len(engine.ids):
                shows &= np.array([nid in computed for nid in items], dtype=bool)
            output = np.where(shows, engine.outputs()[at], np.nan)
        else:
            fired = refractory = np.zeros(count, dtype=bool)
            output = np.full(count, np.nan)
        rounded = np.round(level, 3)  # as the cell compares: a change it would not draw is no change
        now = (rounded, fired, refractory, output)
        if self._last is None:
            changed = np.ones(count, dtype=bool)
        else:
            was_rounded, was_fired, was_refractory, was_output = self._last
            same_output = (output == was_output) | (np.isnan(output) & np.isnan(was_output))
            changed = (rounded != was_rounded) | (fired != was_fired) | (refractory != was_refractory) | ~same_output
        self._last = now
        for i in np.flatnonzero(changed).tolist():
            value = float(output[i])
            listed[i].set_state(float(level[i]), bool(fired[i]), bool(refractory[i]), spiking,
                                None if value != value else value)
