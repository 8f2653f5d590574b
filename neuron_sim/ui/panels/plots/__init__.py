"""The instrument docks: traces, activation function (or f–I curve), spike raster and the weights
of synapses that learn (STDP).

Importing this package does not import pyqtgraph; each dock imports it when it is first shown.

    docks = create_plot_docks(playback, main_window)
    for dock in docks:
        main_window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    scene.selection_changed_to.connect(dock.show_selection)  # for each dock
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from neuron_sim.ui.panels.plots.activation import ActivationDock
from neuron_sim.ui.panels.plots.base import PlotDock
from neuron_sim.ui.panels.plots.raster import RasterDock
from neuron_sim.ui.panels.plots.trace import TraceDock
from neuron_sim.ui.panels.plots.weights import WeightDock

__all__ = ["ActivationDock", "PlotDock", "RasterDock", "TraceDock", "WeightDock", "create_plot_docks"]


def create_plot_docks(playback, parent: QWidget | None = None) -> list[PlotDock]:
    """One of each dock, in the order a main window would tabify them."""
    return [TraceDock(playback, parent), ActivationDock(playback, parent), RasterDock(playback, parent),
            WeightDock(playback, parent)]
