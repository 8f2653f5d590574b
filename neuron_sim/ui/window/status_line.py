"""The status bar's message, cleared when it stops being true.

A message about the selection or an edit in progress ("Editing Weight…", "1e+09 is above the
maximum") lasts until the selection changes, the editor closes or the network changes; news
about the document ("Saved lesson.json", "Figure saved to …", a network that cannot run) lasts
until the network changes. Then the line shows the current tool's hint again.

The network's events are followed at a high priority: the message goes before anything the same
change has to say (Play's "cannot run" after an edit), which then stays.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from neuron_sim.model import Network

_FIRST = 1000  # psygnal priority: before the canvas, the playback and the panels


class Lasts(Enum):
    WHILE_SELECTED = "while selected"  # until the selection, the editor or the network changes
    UNTIL_CHANGED = "until changed"  # until the network changes


class StatusLine(QObject):
    """Shows messages on `label`; `resting()` gives the text shown when none is current."""

    def __init__(self, label: QLabel, resting: Callable[[], str], parent: QObject | None = None):
        super().__init__(parent)
        self.label = label
        self._resting = resting
        self._lasts: Lasts | None = None  # None: the resting text is shown
        self._network: Network | None = None

    def text(self) -> str:
        return self.label.text()

    def show(self, text: str, lasts: Lasts = Lasts.UNTIL_CHANGED) -> None:
        self.label.setText(text)
        self._lasts = lasts if text else None

    def rest(self) -> None:
        self.label.setText(self._resting())
        self._lasts = None

    def follow(self, network: Network) -> None:
        """Clear messages when `network` changes (and stop following the one before)."""
        if self._network is not None:
            for signal in self._signals(self._network):
                signal.disconnect(self._network_changed)
        self._network = network
        for signal in self._signals(network):
            signal.connect(self._network_changed, priority=_FIRST)

    @staticmethod
    def _signals(network: Network) -> list:
        e = network.events
        return [e.neuron_added, e.neuron_removed, e.neuron_changed, e.synapse_added, e.synapse_removed,
                e.synapse_changed, e.params_changed, e.structure_changed, e.network_changed]

    # ---- what makes a message stale ----------------------------------------------------------
    def _network_changed(self, *args) -> None:
        if self._lasts is not None:
            self.rest()

    def network_replaced(self) -> None:
        self._network_changed()

    def selection_changed(self, *args) -> None:
        if self._lasts is Lasts.WHILE_SELECTED:
            self.rest()

    editor_closed = selection_changed
