"""The canvas: a scene that follows and draws a network, the editor scene with its tools, the
view, the items and layers, the animation, and Name the parts."""
