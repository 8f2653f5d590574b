"""Figures for teaching: the network as PNG, SVG, PDF, on the clipboard, or as an animated GIF.

    with Figure(network, FigureOptions(look="schematic", scale=2, legend=True), playback) as figure:
        figure.save("xor.svg")  # leaving the block deletes the figure's scene (Figure.close)

`neuron-sim render` (render.py) and the File menu's export actions (actions.py) both go through
`Figure` (figure.py) and `write_animation` (animation.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from neuron_sim.ui.export.figure import BACKGROUNDS, FORMATS, SCOPES, Figure, FigureError, FigureOptions

__all__ = ["BACKGROUNDS", "FORMATS", "SCOPES", "Figure", "FigureError", "FigureOptions"]


def __getattr__(name: str) -> Any:
    # figure.py loads on the first export, not with the window's File menu (start-up time)
    if name in __all__:
        from neuron_sim.ui.export import figure
        return getattr(figure, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
