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

from neuron_sim.ui.example_texts import ExampleTexts
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
        self._example_texts: ExampleTexts | None = None  # of the example the network is a copy of
        # The meters, notes and view of an imported Neuronify circuit, kept for a save as .nfy.
        self.neuronify: NeuronifyImport | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.clean_changed)
        self._index = 0  # the history's index before its latest change
        self.undo_stack.indexChanged.connect(self._history_moved)

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def example(self) -> Example | None:
        """The catalogue's example the network is a copy of, in the language of the network's texts."""
        return self._example_texts.example if self._example_texts else None

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
        self._example_texts = ExampleTexts(example) if example else None
        self.neuronify = None
        self.undo_stack.clear()
        self._index = 0
        if not saved:
            self.undo_stack.resetClean()
        self.network_replaced.emit(network)
        self.path_changed.emit(self._path)

    def restore(self, network: Network, path: Path | None = None, example: Example | None = None) -> None:
        """Work kept after a crash, unsaved: from the file at `path`, or a copy of `example`, which
        then comes back as an example does (its bar of what to try, its look)."""
        self.replace(network, path, saved=False, example=example)
        if example is not None:
            self.example_opened.emit(example)

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

    # ---- the interface's language ------------------------------------------------------------
    def follow_language(self) -> None:
        """After the interface changed language: an untitled copy of an example shows the example's
        texts in it where it still holds them as the example gave them (example_texts.py). A saved
        file keeps its texts. Not an edit: the history and the saved state stay as they were."""
        if self._example_texts is not None and self._path is None:
            self._example_texts.follow_language(self.network, self.undo_stack)

    def _history_moved(self, index: int) -> None:
        low, high = sorted((self._index, index))
        self._index = index
        if self._example_texts is not None:
            self._example_texts.edits_ran(self.network, (self.undo_stack.command(i) for i in range(low, high)))

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
