"""The instrument docks: traces, activation function (or f–I curve) and spike raster.

Importing this package does not import pyqtgraph; each dock imports it when it is first shown.

    docks = create_plot_docks(playback, main_window)
    for dock in docks:
        main_window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    scene.selection_changed_to.connect(dock.show_selection)  # for each dock
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .activation import ActivationDock
from .base import PlotDock
from .raster import RasterDock
from .trace import TraceDock

__all__ = ["ActivationDock", "PlotDock", "RasterDock", "TraceDock", "create_plot_docks"]


def create_plot_docks(playback, parent: QWidget | None = None) -> list[PlotDock]:
    """One of each dock, in the order a main window would tabify them."""
    return [TraceDock(playback, parent), ActivationDock(playback, parent), RasterDock(playback, parent)]
