"""The app's named colours, apart from the rest of the styles (ui/styles.py) so that the start page,
the first screen, can use them without importing numpy."""

from __future__ import annotations

from PySide6.QtGui import QColor


def _c(hex_code: str, alpha: int = 255) -> QColor:
    color = QColor(hex_code)
    color.setAlpha(alpha)
    return color


class Palette:
    """Named colours; one shared instance, PALETTE."""

    background = _c("#FFFFFF")
    grid = _c("#E9EDF2")
    text = _c("#1F2328")
    muted_text = _c("#5A6270")
    excitatory = _c("#D55E00")
    inhibitory = _c("#0072B2")
    silent = _c("#9AA0A6")  # weight 0
    membrane = _c("#7A5C3E")  # outline of soma, dendrites and axon stub
    soma_rest = _c("#F6EEDF")
    soma_active = _c("#FFB000")
    nucleus = _c("#C9B79C")
    dendrite = _c("#A9805A")
    sensor_rest = _c("#EEF3F8")
    sensor_on = _c("#56B4E9")
    sensor_outline = _c("#3B5B78")
    generator_fill = _c("#EFE9F7")
    generator_outline = _c("#5D4B8A")
    selection = _c("#1A73E8")
    selection_halo = _c("#1A73E8", 70)
    hover_halo = _c("#1A73E8", 35)
    connect_ok = _c("#188038")
    label_box = _c("#FFFFFF", 235)
    threshold_line = _c("#B3261E")
    charge = _c("#7CC4E8")  # membrane potential filling a spiking soma
    refractory = _c("#D5D8DC")


PALETTE = Palette()
