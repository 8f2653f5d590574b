"""An imported Neuronify circuit shown as Neuronify showed it: its view, and each meter's instrument
dock on the neurons it measures (voltmeters: the Trace, with those neurons selected; spike detectors
and rate plots: the Raster)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from neuron_sim.ui import plain_text
from neuron_sim.ui.canvas.editor_scene import EditorScene
from neuron_sim.ui.canvas.view import NetworkView
from neuron_sim.ui.window.instruments import Instruments

if TYPE_CHECKING:
    from neuron_sim.model.neuronify import NeuronifyImport


def show_imported(imported: NeuronifyImport, scene: EditorScene, view: NetworkView, instruments: Instruments) -> None:
    network = imported.network
    measured = [nid for meter in imported.meters if meter.kind == "voltmeter" for nid in meter.neuron_ids
                if nid in network.neurons]
    if measured:
        scene.select(list(dict.fromkeys(measured)))  # the Trace draws the selected neurons
        instruments.trace_dock.show()
    if any(meter.kind in ("spikes", "rate") and meter.neuron_ids for meter in imported.meters):
        instruments.raster_dock.show()
    if measured:
        instruments.trace_dock.raise_()
    if imported.view is not None:
        # What Neuronify showed, and every cell where the circuit reaches beyond it; kept in sight
        # as the docks the meters opened take their room (they are laid out first).
        shown = imported.view
        area = QRectF(shown.x, shown.y, shown.width, shown.height)
        framed = scene.framed_rect()
        view.window().layout().activate()
        view.fit_area(area.united(framed) if not framed.isEmpty() else area)


def show_notice(parent: QWidget, title: str, text: str) -> QMessageBox:
    """What a Neuronify file could not bring or take, shown once and not in the way: the window stays
    usable while the list is open."""
    box = plain_text.message_box(parent, QMessageBox.Icon.Information, title, text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)
    box.show()
    return box
