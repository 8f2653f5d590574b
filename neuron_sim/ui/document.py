"""The document: the open network, the file it came from, its undo stack and whether it is saved.

Everything that replaces the network (New, Open, an example, restored work) goes through
`Document.replace`, which emits `network_replaced` and `path_changed`; the window and its helpers
follow those signals and never set the network themselves. The document asks no questions and shows
no dialogs (ui/window/files.py does); loading and saving raise NetworkFileError for the caller to say.

A file in the shipped examples folder, however it is reached (File → Open, the command line, Recent
files, a link to it), opens as an untitled copy as the Examples menu opens it, and is never saved
back into that folder: the examples stay as shipped for the next class.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from neuron_sim.model import Network
from neuron_sim.model.fileformat import load, save

from neuron_sim.ui.examples import Example, example_at, is_shipped_example, load_example

if TYPE_CHECKING:  # the Neuronify reader and writer load with the first file opened (start-up time)
    from neuron_sim.model.neuronify import NeuronifyImport, NeuronifyNotice


class Opened(Enum):
    """How `Document.open` opened a file."""

    FILE = "file"  # the file itself: Save writes back to it
    EXAMPLE = "example"  # one of the catalogue's examples, as an untitled copy (example_opened was emitted)
    SHIPPED_COPY = "shipped copy"  # another file of the examples folder, as an untitled copy
    NEURONIFY = "neuronify"  # a Neuronify circuit (.nfy), as an untitled network (neuronify_opened was emitted)


class Document(QObject):
    network_replaced = Signal(object)  # the new Network
    path_changed = Signal(object)  # Path | None: where Save writes
    clean_changed = Signal(bool)  # True when everything is saved
    example_opened = Signal(object)  # an Example, just after network_replaced for its network
    neuronify_opened = Signal(object)  # a NeuronifyImport, just after network_replaced for its network

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.network = Network()  # untitled and empty until replaced
        self._path: Path | None = None
        self.example: Example | None = None  # the catalogue's example the network is a copy of
        # The meters, notes and view of an imported Neuronify circuit, kept for a save as .nfy.
        self.neuronify: NeuronifyImport | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.clean_changed)

    @property
    def path(self) -> Path | None:
        return self._path

    def is_clean(self) -> bool:
        return self.undo_stack.isClean()

    def can_save_in_place(self) -> bool:
        """False for untitled work and for a path inside the shipped examples: Save must ask where."""
        return self._path is not None and not is_shipped_example(self._path)

    # ---- replacing the network -------------------------------------------------------------
    def replace(self, network: Network, path: Path | None = None, saved: bool = True,
                example: Example | None = None) -> None:
        """Show `network` (from `path`, or a copy of `example`) instead of the open one; its
        history starts empty.

        `saved=False` marks it unsaved even with nothing to undo (restored work).
        """
        self.network = network
        self._path = Path(path) if path else None
        self.example = example
        self.neuronify = None
        self.undo_stack.clear()
        if not saved:
            self.undo_stack.resetClean()
        self.network_replaced.emit(network)
        self.path_changed.emit(self._path)

    def new(self) -> None:
        self.replace(Network())

    def open(self, path: str | Path) -> Opened:
        """Open the file at `path` (raises NetworkFileError, leaving the open network as it was)."""
        from neuron_sim.model.neuronify import is_nfy, load_nfy

        if is_nfy(path):  # Save never writes our format over Neuronify's file: it asks where
            imported = load_nfy(path)
            self.replace(imported.network)
            self.neuronify = imported
            self.neuronify_opened.emit(imported)
            return Opened.NEURONIFY
        if is_shipped_example(path):
            example = example_at(path)
            if example is not None:
                self.open_example(example)
                return Opened.EXAMPLE
            self.replace(load(path))
            return Opened.SHIPPED_COPY
        self.replace(load(path), Path(path))
        return Opened.FILE

    def open_example(self, example: Example) -> None:
        """`example` as an untitled copy, its texts in the UI language (raises NetworkFileError)."""
        self.replace(load_example(example), example=example)
        self.example_opened.emit(example)

    # ---- saving ----------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Save atomically to `path`, which becomes the document's; raises NetworkFileError, after
        which the file on disk is untouched and the changes stay unsaved."""
        target = Path(path)
        save(self.network, target)
        if target != self._path:
            self._path = target
            self.path_changed.emit(target)
        self.undo_stack.setClean()

    def save_neuronify(self, path: str | Path) -> list[NeuronifyNotice]:
        """Write the network as a Neuronify file (version 4) and return what it could not hold. An
        export: the document's own file and its saved state stay. Raises ModelError (a rate network)
        or NetworkFileError, after which the file on disk is untouched."""
        from neuron_sim.model.neuronify import save_nfy, to_nfy

        imported = self.neuronify
        export = to_nfy(self.network, imported.meters if imported else (), imported.view if imported else None)
        save_nfy(export, path)
        return export.left_out
