"""Each synapse's curve, ending and dendrite as a QPainterPath, made only for the synapses drawn.

A path costs a few Python calls; a million of them took longer than everything else in showing a
100,000-cell network, while a window shows a few thousand. So the points are computed for every
synapse with numpy when the layout changes, and a synapse's paths are made the first time it is
drawn (then kept until the layout changes). Zoomed far out, where every synapse may be in view,
the curves of a pen come as one path built from the arrays (path_arrays.py).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath

from neuron_sim.model import geometry
from neuron_sim.ui.canvas.path_arrays import cubic_curves_path

BOUTON_RADIUS = 5.2


class SynapsePaths:
    """Paths for the synapses of one layout, in the layout's order."""

    def __init__(self) -> None:
        self.layout: geometry.Layout | None = None
        self.biological = True
        self.signs = np.zeros(0)
        self._curves: list[QPainterPath | None] = []
        self._endings: list[QPainterPath | None] = []
        self._dendrites: list[QPainterPath | None] = []
        self._ending_points: dict[str, np.ndarray] | None = None
        self._dendrite_corners: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self._curves)

    def lay_out(self, layout: geometry.Layout, biological: bool, signs: np.ndarray, same_synapses: bool) -> None:
        """Take a new layout. With `same_synapses` (the same synapses in the same order and look),
        a curve whose four control points all moved by one offset (both its neurons were dragged
        together) is translated rather than made again: moving a selection stays cheap."""
        n = len(layout.control)
        if same_synapses and self.layout is not None and len(self._curves) == n:
            moved = layout.control - self.layout.control
            rigid = np.all(np.abs(moved - moved[:, :1]) < 1e-6, axis=(1, 2))
            curves = self._curves
            shifted = np.flatnonzero(rigid & np.any(moved[:, 0] != 0.0, axis=1))
            for i, (dx, dy) in zip(shifted.tolist(), moved[shifted, 0].tolist()):
                if curves[i] is not None:
                    curves[i].translate(dx, dy)
            for i in np.flatnonzero(~rigid).tolist():
                curves[i] = None
        else:
            self._curves = [None] * n
        self.layout = layout
        self.biological = biological
        self.set_signs(signs)

    def set_signs(self, signs: np.ndarray) -> None:
        """The weights' signs (an ending, bouton or bar, follows the sign); endings and dendrites
        are made again."""
        self.signs = np.asarray(signs, dtype=float)
        n = len(self._curves)
        self._endings = [None] * n
        self._dendrites = [None] * n
        self._ending_points = None
        self._dendrite_corners = None

    # ---- curves --------------------------------------------------------------------------
    def curve(self, i: int) -> QPainterPath:
        return self.curves(np.array([i]))[i]

    def curves(self, indices: np.ndarray) -> list[QPainterPath]:
        """Every synapse's curve, by index; made at least for `indices`."""
        curves = self._curves
        missing = [i for i in np.asarray(indices).tolist() if curves[i] is None]
        if missing:
            # plain floats from tolist(): ~10x faster than indexing numpy scalars
            for i, (p0, p1, p2, p3) in zip(missing, self.layout.control[missing].tolist()):
                path = QPainterPath(QPointF(*p0))
                path.cubicTo(p1[0], p1[1], p2[0], p2[1], p3[0], p3[1])
                curves[i] = path
        return curves  # type: ignore[return-value]

    def curves_as_one(self, indices: np.ndarray) -> QPainterPath:
        """The curves of `indices` in one path (for hairlines: stroked curve by curve anyway)."""
        return cubic_curves_path(self.layout.control[np.asarray(indices, dtype=np.intp)])

    # ---- endings and dendrites ---------------------------------------------------------------
    def endings(self, indices: np.ndarray) -> list[QPainterPath]:
        """Every synapse's ending (a bar if inhibitory, else a bouton or an arrowhead), by index;
        made at least for `indices`."""
        endings = self._endings
        missing = [i for i in np.asarray(indices).tolist() if endings[i] is None]
        if missing:
            points = self._endings_points()
            signs = self.signs[missing].tolist()
            bar_a, bar_b = points["bar_a"][missing].tolist(), points["bar_b"][missing].tolist()
            bouton, tip = points["bouton"][missing].tolist(), points["end"][missing].tolist()
            arrow_l, arrow_r = points["arrow_l"][missing].tolist(), points["arrow_r"][missing].tolist()
            for k, i in enumerate(missing):
                path = QPainterPath()
                if signs[k] < 0:
                    path.moveTo(*bar_a[k])
                    path.lineTo(*bar_b[k])
                elif self.biological:
                    path.addEllipse(QPointF(*bouton[k]), BOUTON_RADIUS, BOUTON_RADIUS)
                else:
                    path.moveTo(*tip[k])
                    path.lineTo(*arrow_l[k])
                    path.lineTo(*arrow_r[k])
                    path.closeSubpath()
                endings[i] = path
        return endings  # type: ignore[return-value]

    def _endings_points(self) -> dict[str, np.ndarray]:
        if self._ending_points is None:
            end = self.layout.end
            tangent = self.layout.tangent_at_end()
            normal = np.stack([-tangent[:, 1], tangent[:, 0]], axis=1)
            half_bar = 7.0 if self.biological else 6.0
            size = 11.0
            self._ending_points = {"end": end, "bar_a": end + normal * half_bar, "bar_b": end - normal * half_bar,
                                   "bouton": end - tangent * 2.0,
                                   "arrow_l": end - tangent * size + normal * size * 0.45,
                                   "arrow_r": end - tangent * size - normal * size * 0.45}
        return self._ending_points

    def dendrites(self, indices: np.ndarray) -> list[QPainterPath]:
        """Biological look: every synapse's dendrite (a tapered branch from the target's soma to
        where the synapse lands, with two twigs), by index; made at least for `indices`."""
        dendrites = self._dendrites
        missing = [i for i in np.asarray(indices).tolist() if dendrites[i] is None]
        if missing:
            for i, corners in zip(missing, self._corners()[missing].tolist()):
                path = QPainterPath()
                path.setFillRule(Qt.FillRule.WindingFill)
                for first, last in ((0, 4), (4, 7), (7, 10)):  # the branch's outline, then each twig
                    path.moveTo(*corners[first])
                    for corner in corners[first + 1:last]:
                        path.lineTo(*corner)
                    path.closeSubpath()
                dendrites[i] = path
        return dendrites  # type: ignore[return-value]

    def _corners(self) -> np.ndarray:
        """(n, 10, 2): each dendrite's outline (4 corners) and its two twigs (3 each)."""
        if self._dendrite_corners is None:
            base = self.layout.dendrite_base
            tip = self.layout.end
            d = tip - base
            length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)[:, None]
            u = d / length
            nrm = np.stack([-u[:, 1], u[:, 0]], axis=1)
            wide, narrow = 4.2, 1.2
            corners = [base + nrm * wide, tip + nrm * narrow, tip - nrm * narrow, base - nrm * wide]
            for along, side, reach in ((0.45, 1.0, 13.0), (0.7, -1.0, 10.0)):
                mid = base + d * along + nrm * side * (wide + (narrow - wide) * along) * 0.2
                corners += [mid - u * 2.5, mid + (u * 0.75 + nrm * side * 0.66) * reach, mid + u * 3.5]
            self._dendrite_corners = np.stack(corners, axis=1)
        return self._dendrite_corners
