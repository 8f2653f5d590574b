"""The base of every undo command (ModelCommand), how one is pushed (push), and macro."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QUndoCommand, QUndoStack

from neuron_sim.model import Network


class ModelCommand(QUndoCommand):
    """Base: children are applied first (in order) and reverted last (in reverse)."""

    def __init__(self, network: Network, text: str = "", parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self.network = network
        self._children: list[ModelCommand] = []
        self._already_applied = False

    def add_child(self, command: ModelCommand) -> ModelCommand:
        self._children.append(command)
        return command

    # Overridden by each command: the one model call that does / undoes the edit.
    def apply(self) -> None:
        pass

    def revert(self) -> None:
        pass

    def redo(self) -> None:
        if self._already_applied:  # `push` applied it to learn whether the model accepts it
            self._already_applied = False
            return
        done: list[ModelCommand] = []
        try:
            for child in self._children:
                child.redo()
                done.append(child)
            self.apply()
        except Exception:
            for child in reversed(done):
                child.undo()
            raise

    def undo(self) -> None:
        self.revert()
        for child in reversed(self._children):
            child.undo()

    def child_count(self) -> int:
        return len(self._children)


def push(stack: QUndoStack, command: ModelCommand) -> bool:
    """Apply `command`; if the model refuses, raise ModelError and leave the stack untouched.

    A command that changed nothing (a parameter set to the value it had, a move to where the
    neuron is) is dropped rather than pushed as an undo step that undoes nothing. Whether it
    changed anything is whether the model sent an event while it ran. Returns True if pushed.
    """
    events: list[object] = []
    relay = command.network.events.all
    relay.connect(events.append)
    try:
        command.redo()
    finally:
        relay.disconnect(events.append)
    if not events:
        return False
    command._already_applied = True
    stack.push(command)
    return True



def macro(network: Network, text: str, children: Iterable[ModelCommand]) -> ModelCommand:
    """One undo step made of several commands."""
    parent = ModelCommand(network, text)
    for child in children:
        parent.add_child(child)
    return parent
