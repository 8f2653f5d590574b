"""What the canvas's items and tools ask of the scene they live in, as Protocols.

The items (synapse layer, weight labels) and the tools only read a few of the scene's members, so
they name those here instead of importing the scene, which builds them: no import circle, and the
members an item depends on are listed in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from PySide6.QtCore import QPointF

from neuron_sim.model import Network


class DrawingHost(Protocol):
    """The scene a synapse layer or a label layer is drawn in (DisplayScene)."""

    network: Network
    look: str
    drawn_look: str
    show_weights: bool
    detail_follows_zoom: bool
    neuron_items: Mapping[str, Any]
    cell_sheet: Any  # far out, every cell drawn by one item (cell_sheet.CellSheet)


class EditingHost(DrawingHost, Protocol):
    """The scene a tool edits through (EditorScene)."""

    snap_to_grid: bool
    synapse_layer: Any
    message: Any  # Signal(str)
    edit_requested: Any  # Signal(str, object, QPointF)
    note_items: Mapping[str, Any]
    note_editor: Any  # NoteEditor

    def push(self, command: Any) -> bool: ...

    def neuron_item_at(self, pos: QPointF) -> Any: ...

    def synapse_at(self, pos: QPointF) -> Any: ...

    def note_item_at(self, pos: QPointF) -> Any: ...

    def select(self, *args: Any, **kwargs: Any) -> None: ...

    def toggle_synapse_selection(self, key: Any) -> None: ...

    def addItem(self, item: Any) -> None: ...  # noqa: N802 (Qt's name)

    def removeItem(self, item: Any) -> None: ...  # noqa: N802 (Qt's name)
