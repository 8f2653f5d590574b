"""Figures for teaching: the network as PNG, SVG, PDF, on the clipboard, or as an animated GIF.

    figure = Figure(network, FigureOptions(look="schematic", scale=2, legend=True), playback)
    figure.save("xor.svg")

`neuron-sim render` (render.py) and the File menu's export actions (actions.py) both go through
`Figure` (figure.py) and `write_animation` (animation.py).
"""

from neuron_sim.ui.export.figure import BACKGROUNDS, FORMATS, SCOPES, Figure, FigureError, FigureOptions

__all__ = ["BACKGROUNDS", "FORMATS", "SCOPES", "Figure", "FigureError", "FigureOptions"]
