"""An example's own texts in the network copied from it follow the interface language.

An example opens with its name, description and neuron labels in the UI language (examples.py).
While its copy is untitled, a language change puts each of those texts that the network still holds
as the example gave it into the new language; a text the user typed stays. It is no edit: nothing to
undo, and the document stays as saved or unsaved as it was. Once saved, the texts are the file's and
a language change leaves them.

Undoing or redoing an edit from before the change can bring back a text of the language the example
was shown in then (a label renamed, a neuron deleted): it is put in the language of the network's
other texts at once, so the canvas never shows two languages of one example. An edit made after the
change is the user's own and comes back as typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QUndoCommand, QUndoStack

from neuron_sim.model import Network
from neuron_sim.ui.examples import Example, example_in_ui_language

_Field = tuple[str, str | None]  # ("name" | "description", None) or ("label", neuron id)


def _texts(example: Example) -> dict[_Field, str]:
    texts: dict[_Field, str] = {("name", None): example.title, ("description", None): example.what_to_try}
    texts.update({("label", neuron_id): label for neuron_id, label in example.labels.items()})
    return texts


def _read(network: Network, field: _Field) -> str | None:
    name, neuron_id = field
    if neuron_id is None:
        return getattr(network, name)
    neuron = network.neurons.get(neuron_id)
    return None if neuron is None else neuron.label


def _write(network: Network, field: _Field, text: str) -> None:
    name, neuron_id = field
    if neuron_id is None:
        network.set_param(name, text)
    else:
        network.set_neuron_param(neuron_id, "label", text)


def put_in(network: Network, shown: Example, earlier: Iterable[Example]) -> int:
    """Give each text of `network` that reads as the same text of one of the `earlier` versions of
    the example (its other languages) `shown`'s text instead; returns how many changed."""
    earlier_texts = [_texts(version) for version in earlier]
    changed = 0
    for field, text in _texts(shown).items():
        now = _read(network, field)
        if now is not None and now != text and any(texts.get(field) == now for texts in earlier_texts):
            _write(network, field, text)
            changed += 1
    return changed


class ExampleTexts:
    """The example a document's network is a copy of, in the language the network's texts are in,
    and the languages it was shown in before."""

    def __init__(self, example: Example):
        self.example = example
        self._earlier: list[Example] = []
        # The edits in the history at the last change: their texts may be of an earlier language.
        self._edits_before_change: list[QUndoCommand] = []  # held, so that their ids stay theirs
        self._ids_before_change: set[int] = set()

    def follow_language(self, network: Network, history: QUndoStack) -> None:
        """The interface speaks another language now: the example's texts in `network` follow it."""
        now = example_in_ui_language(self.example.file)
        if now is None or now == self.example:
            return
        self._earlier.append(self.example)
        self.example = now
        self._edits_before_change = [history.command(i) for i in range(history.count())]
        self._ids_before_change = {id(command) for command in self._edits_before_change}
        put_in(network, now, self._earlier)

    def edits_ran(self, network: Network, commands: Iterable[QUndoCommand | None]) -> None:
        """`commands` were just undone or redone (or pushed): texts an edit from before a language
        change brought back are put in the network's language."""
        if any(id(command) in self._ids_before_change for command in commands if command is not None):
            put_in(network, self.example, self._earlier)
