"""DisplayScene: follows a network's events and draws it (neuron items, synapses, weight labels).

It holds no undo stack, no tools and no selection editing: figures (ui/export/figure.py), the
start page's thumbnails and the quick guide's pictures draw through it. The canvas's
`EditorScene` (editor_scene.py) adds editing on top.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import shiboken6
from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from neuron_sim.model import Network
from neuron_sim.model.blocks import BlocksFit, blocks_fit

from neuron_sim.ui.canvas.cell_sheet import CellSheet
from neuron_sim.ui.canvas.neuron_item import NeuronItem
from neuron_sim.ui.canvas.note_item import NoteItem
from neuron_sim.ui.canvas.synapse_layer import SynapseLayer
from neuron_sim.ui.events import EventLinks
from neuron_sim.ui.styles import PALETTE

BSP_TREE_DEPTH = 8  # 256 cells of the scene's index: plenty for hit tests in the largest network
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class DisplayScene(QGraphicsScene):
    """Items that follow `network`, drawn in a look, with or without weights and thresholds."""

    synapses_laid_out = Signal()  # the synapse curves were computed anew (a move, an edit, a look)
    # the look drawn or the blocks' fit changed: blocks collapse to schematic where they do not
    # fit (`blocks_fit` says why) and come back when they fit again
    drawn_look_changed = Signal()
    # far out (True) the cell sheet draws every cell, and the cells draw nothing; back in (False)
    overview_changed = Signal(bool)

    # The editor's canvas drops details (text, dendrites, boutons) when zoomed far out, to stay
    # fast and legible; a drawing of the network keeps every detail at any size.
    detail_follows_zoom = False
    # Far out, every cell's overview drawn by one item from arrays (cell_sheet.py); False: each
    # cell draws its own, as it does where details do not follow the zoom.
    use_cell_sheet = True

    def __init__(self, network: Network, look: str = "biological", *, show_weights: bool = True,
                 show_thresholds: bool = True, show_labels: bool = True, parent=None):
        super().__init__(parent)
        # A fixed depth: Qt's automatic one grows with the item count, and thousands of neurons on one
        # spot (a hostile file) then crash the index (SIGSEGV) or take gigabytes (docs/security.md).
        self.setBspTreeDepth(BSP_TREE_DEPTH)
        self.look = look  # the look chosen
        # the look drawn: the chosen one, except blocks for a network they do not fit (model/blocks.py)
        self.drawn_look = look
        self.blocks_fit = BlocksFit()
        self.show_weights = show_weights
        self.show_thresholds = show_thresholds
        self.show_labels = show_labels  # neuron names (figures may leave them out)
        self.network = network
        self.neuron_items: dict[str, NeuronItem] = {}
        self.note_items: dict[str, NoteItem] = {}
        self.annotations: list[QGraphicsItem] = []  # drawn over the network and framed with it (Name the parts)
        self.synapse_layer = SynapseLayer()
        self.addItem(self.synapse_layer)
        self.addItem(self.synapse_layer.label_layer)  # the weight labels, above the pulses
        self.overview = False  # the cell sheet draws the cells (show_overview)
        self.cell_sheet = CellSheet()
        self.addItem(self.cell_sheet)
        self.selectionChanged.connect(self._selection_changed)
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self.flush)
        self._model_links = EventLinks(owner=self)
        self._follow(network)
        self._check_drawn_look(redraw=False)
        self._rebuild_items()

    # ---- the network ---------------------------------------------------------------------
    def set_network(self, network: Network) -> None:
        """Follow and draw another network."""
        self._model_links.disconnect()
        self.network = network
        self._follow(network)
        self._check_drawn_look(redraw=False)  # the items are made anew, in the look drawn
        self._rebuild_items()

    def _follow(self, network: Network) -> None:
        e = network.events
        self._model_links.connect_all([(e.neuron_added, self._on_neuron_added),
                                       (e.neuron_removed, self._on_neuron_removed),
                                       (e.neuron_changed, self._on_neuron_changed),
                                       (e.synapse_added, self._on_synapse_added),
                                       (e.synapse_removed, self._on_synapse_removed),
                                       (e.synapse_changed, self._on_synapse_changed),
                                       (e.params_changed, self._on_params_changed),
                                       (e.structure_changed, self._on_structure_changed),
                                       (e.network_changed, self._on_network_changed),
                                       (e.note_added, self._on_note_added),
                                       (e.note_removed, self._on_note_removed),
                                       (e.note_changed, self._on_note_changed)])

    def _rebuild_items(self) -> None:
        for item in self.neuron_items.values():
            self.removeItem(item)
        self.neuron_items = {}
        for item in self.note_items.values():
            self.removeItem(item)
        self.note_items = {}
        for neuron_id in self.network.neurons:
            self._add_item(neuron_id)
        self.cell_sheet.invalidate()
        for note_id in self.network.notes:
            self._add_note_item(note_id)
        self.synapse_layer.rebuild()

    def _add_item(self, neuron_id: str) -> NeuronItem:
        neuron = self.network.neurons[neuron_id]
        item = NeuronItem(neuron)
        item.show_label = self.show_labels
        self._refresh_item(item)
        # Placed before it joins the scene: exactly where the model says (no snapping), and
        # without the scene's index following the move (the caller lays the synapses out).
        item.setPos(neuron.position[0], neuron.position[1])
        if self.overview:
            item.setFlag(_NO_CONTENTS)
        self.neuron_items[neuron_id] = item
        self.addItem(item)
        self.cell_sheet.invalidate()
        return item

    def _add_note_item(self, note_id: str) -> NoteItem:
        note = self.network.notes[note_id]
        item = NoteItem(note)
        self.note_items[note_id] = item
        self.addItem(item)
        self.place_item(item, note.position)
        return item

    def place_item(self, item: NeuronItem | NoteItem, position) -> None:
        """Put an item where the model says."""
        item.setPos(position[0], position[1])

    def item_position(self, item: NeuronItem, position: QPointF) -> QPointF:
        """Where an item that is being moved to `position` goes (the editor snaps it to the grid)."""
        return position

    def _refresh_item(self, item: NeuronItem) -> None:
        item.detail_follows_zoom = self.detail_follows_zoom
        item.refresh(self.drawn_look, self.network.model, self.show_thresholds, self.show_weights)
        self.cell_sheet.invalidate()

    def _remove_neuron_item(self, neuron_id: str) -> None:
        item = self.neuron_items.pop(neuron_id, None)
        if item is not None:
            self.removeItem(item)
            self.cell_sheet.invalidate()

    # ---- far out -------------------------------------------------------------------------
    def show_overview(self, far: bool) -> None:
        """Zoomed out below OVERVIEW_ZOOM (`far`) or not, as a view is about to paint: far out the
        cell sheet draws every cell and the cells get the flag ItemHasNoContents (Qt neither paints
        nor bounds them, and still finds them under the mouse); back in, they draw themselves."""
        far = far and self.detail_follows_zoom and self.use_cell_sheet
        if far == self.overview:
            return
        self.overview = far
        for item in self.neuron_items.values():
            item.setFlag(_NO_CONTENTS, far)
        # the weight labels are not drawn that far out either (LABELS_HIDDEN_BELOW_ZOOM): without
        # the flag Qt still blits their empty, viewport-sized cache on every frame
        self.synapse_layer.label_layer.setFlag(_NO_CONTENTS, far)
        if not far:
            self.synapse_layer.label_layer.update()
        self.cell_sheet.set_active(far)
        if far:
            self.cell_sheet.refresh()
        self.overview_changed.emit(far)

    def _selection_changed(self) -> None:
        if shiboken6.isValid(self.cell_sheet):  # (also emitted while the scene is taken apart)
            self.cell_sheet.selection_changed()

    # ---- model events --------------------------------------------------------------------
    def _on_neuron_added(self, neuron_id: str) -> None:
        self._add_item(neuron_id)
        self.schedule_relayout()

    def _on_neuron_removed(self, neuron_id: str) -> None:
        self._remove_neuron_item(neuron_id)
        self.schedule_relayout()

    def _on_neuron_changed(self, neuron_id: str, name: str, value) -> None:
        item = self.neuron_items.get(neuron_id)
        if item is None:
            return
        if name == "position":
            if (item.x(), item.y()) != tuple(value):
                self.place_item(item, value)
        else:
            self._refresh_item(item)
            if name == "kind":
                self.schedule_relayout()

    def _on_note_added(self, note_id: str) -> None:
        self._add_note_item(note_id)

    def _on_note_removed(self, note_id: str) -> None:
        item = self.note_items.pop(note_id, None)
        if item is not None:
            self.removeItem(item)

    def _on_note_changed(self, note_id: str, name: str, value) -> None:
        item = self.note_items.get(note_id)
        if item is None:
            return
        if name == "position":
            if (item.x(), item.y()) != tuple(value):
                self.place_item(item, value)
        else:
            item.refresh()

    def _on_synapse_added(self, key) -> None:
        self.schedule_relayout()

    def _on_synapse_removed(self, key) -> None:
        self.schedule_relayout()

    def _on_synapse_changed(self, key, name: str, value) -> None:
        self.schedule_relayout()

    def _on_params_changed(self, changes) -> None:
        """A batch edit: each neuron's item once, and the synapses laid out once."""
        for what, key, name, value in changes:
            if what == "neuron":
                self._on_neuron_changed(key, name, value)
        if any(what == "synapse" for what, *_ in changes):
            self.schedule_relayout()

    def _on_structure_changed(self, change) -> None:
        """A batch of structural edits (model.network.StructureChange): the items in one go, the
        synapses laid out once."""
        for neuron_id in change.removed_neurons:
            self._remove_neuron_item(neuron_id)
        for neuron_id in change.added_neurons:
            self._add_item(neuron_id)
        self.schedule_relayout()

    def _on_network_changed(self, name: str, value) -> None:
        if name == "model":
            if not self._check_drawn_look():
                self._refresh_all()

    def neuron_item_moved(self, item: NeuronItem) -> None:
        self.cell_sheet.moved(item)
        self.schedule_relayout()

    def schedule_relayout(self) -> None:
        self.synapse_layer.invalidate()
        if not self._relayout_timer.isActive():
            self._relayout_timer.start()

    def flush(self) -> None:
        """Bring the synapse drawing up to date now (normally it happens once per event-loop turn)."""
        self._relayout_timer.stop()
        if self.overview:
            self.cell_sheet.refresh()  # its bounds, before Qt looks for what to paint
        if not self._check_drawn_look():  # (a change lays everything out anew)
            self.synapse_layer.ensure_layout()

    # ---- looks ---------------------------------------------------------------------------
    def set_look(self, look: str) -> None:
        self.look = look
        if not self._check_drawn_look():
            self._refresh_all()

    def _check_drawn_look(self, redraw: bool = True) -> bool:
        """Draw blocks only where they fit (else schematic); True if the look drawn changed, and
        (with `redraw`) everything was drawn anew in it. Edits that add neurons or synapses can end
        the fit."""
        fit = blocks_fit(self.network) if self.look == "blocks" else BlocksFit()
        drawn = self.look if fit.fits else "schematic"
        if drawn == self.drawn_look and fit == self.blocks_fit:
            return False
        changed = drawn != self.drawn_look
        self.drawn_look, self.blocks_fit = drawn, fit
        if changed and redraw:
            self._refresh_all()
        self.drawn_look_changed.emit()
        return changed

    def set_show_weights(self, show: bool) -> None:
        self.show_weights = show
        self._refresh_all()

    def set_show_thresholds(self, show: bool) -> None:
        self.show_thresholds = show
        self._refresh_all()

    def _refresh_all(self) -> None:
        for item in self.neuron_items.values():
            self._refresh_item(item)
        self.synapse_layer.rebuild()
        self.update()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt's name)
        painter.fillRect(rect, QBrush(PALETTE.background))

    def network_rect(self) -> QRectF:
        """Bounds of what is drawn (neurons, labels, curves, notes)."""
        self.flush()
        rect = _union_of_bounds(self.neuron_items.values())
        for item in self.note_items.values():
            rect = rect.united(item.sceneBoundingRect())
        if self.synapse_layer.keys:
            rect = rect.united(self.synapse_layer.boundingRect())
        return rect

    def is_framed(self, item) -> bool:
        """Whether `item` (a top-level item) is part of what Fit frames (framed_rect)."""
        return (isinstance(item, (NeuronItem, NoteItem)) or item is self.synapse_layer
                or item in self.annotations)

    def framed_rect(self) -> QRectF:
        """What Fit frames: the network and the annotations drawn on it."""
        rect = self.network_rect()
        for item in self.annotations:
            rect = rect.united(item.sceneBoundingRect())
        return rect


def _union_of_bounds(items) -> QRectF:
    """The scene rectangle around these (unrotated, unscaled) items' bounds: read in Python, not
    through Qt's sceneBoundingRect, which calls back into Python for each of 100,000 items."""
    corners = np.array([(item.x(), item.y(), *item.boundingRect().getCoords()) for item in items],
                       dtype=float).reshape(-1, 6)
    if not len(corners):
        return QRectF()
    left, top = (corners[:, 0] + corners[:, 2]).min(), (corners[:, 1] + corners[:, 3]).min()
    right, bottom = (corners[:, 0] + corners[:, 4]).max(), (corners[:, 1] + corners[:, 5]).max()
    return QRectF(left, top, right - left, bottom - top)


@contextmanager
def throwaway_scene(network: Network, look: str = "biological", *, show_weights: bool = True) -> Iterator[DisplayScene]:
    """A scene of `network` only to draw it into an image (thumbnails, guide pictures).

    Afterwards it is taken apart at once, while every item is whole, rather than left with its
    items to the event loop.
    """
    scene = DisplayScene(network, look, show_weights=show_weights)
    try:
        yield scene
    finally:
        scene.clear()
        scene.deleteLater()
