"""One way for the UI to follow events: the model's psygnal signals and Qt signals alike.

    self._links = EventLinks(owner=self)
    self._links.connect_all([(events.neuron_changed, self._on_neuron_changed),
                             (events.neuron_removed, self._on_neuron_removed)])
    ...
    self._links.disconnect()  # e.g. before following another network

A handle remembers the (signal, slot) pairs it connected and undoes them all at once. It holds
bound methods weakly, as psygnal does, so a link never keeps its receiver alive. Given an `owner`
QObject, the links are undone when the owner is destroyed, so a deleted widget is never called.
Undoing is safe at any time: twice, after the emitter is deleted, after the receiver is gone.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, SignalInstance
from shiboken6 import isValid

Slot = Callable[..., Any]
_Link = tuple[Any, Callable[[], Slot | None]]


class EventLinks:
    """Connections made together and undone together (`disconnect`)."""

    def __init__(self, owner: QObject | None = None):
        self._links: list[_Link] = []
        if owner is not None:
            owner.destroyed.connect(partial(_undo, self._links))  # holds the list, not the owner

    def connect(self, signal: Any, slot: Slot) -> None:
        """Connect `slot` to `signal` (a psygnal SignalInstance or a bound Qt signal)."""
        signal.connect(slot)
        self._links.append((signal, _reference(slot)))

    def connect_all(self, pairs: Iterable[tuple[Any, Slot]]) -> EventLinks:
        for signal, slot in pairs:
            self.connect(signal, slot)
        return self

    def disconnect(self) -> None:
        """Undo every link made so far (the handle can be used again afterwards)."""
        _undo(self._links)

    def __len__(self) -> int:
        return len(self._links)


def connect_all(pairs: Iterable[tuple[Any, Slot]], owner: QObject | None = None) -> EventLinks:
    """Connect each (signal, slot) pair; the returned handle's `disconnect()` undoes them all."""
    return EventLinks(owner).connect_all(pairs)


def _reference(slot: Slot) -> Callable[[], Slot | None]:
    if hasattr(slot, "__self__") and hasattr(slot, "__func__"):
        return weakref.WeakMethod(slot)
    return lambda: slot


def _undo(links: list[_Link], *_destroyed: Any) -> None:
    while links:
        signal, reference = links.pop()
        slot = reference()
        if slot is None:
            continue  # the receiver is gone; the emitter dropped its weak reference with it
        receiver = getattr(slot, "__self__", None)
        if isinstance(signal, SignalInstance) and isinstance(receiver, QObject) and not isValid(receiver):
            continue  # Qt removes its own connections to a deleted receiver
        try:
            signal.disconnect(slot)
        except RuntimeError:
            pass  # the emitter is deleted, and its connections with it
