"""EventLinks: connect a set of (signal, slot) pairs, undo them all, safely."""

import gc
import weakref

import pytest
from PySide6.QtCore import QObject, Signal
from shiboken6 import delete

from neuron_sim.model import Network, Neuron
from neuron_sim.ui.events import EventLinks, connect_all


class Recorder:
    def __init__(self):
        self.seen = []

    def added(self, neuron_id):
        self.seen.append(("added", neuron_id))

    def removed(self, neuron_id):
        self.seen.append(("removed", neuron_id))


class QtRecorder(QObject):
    def __init__(self):
        super().__init__()
        self.seen = []

    def added(self, neuron_id):
        self.seen.append(("added", neuron_id))

    def ping(self):
        self.seen.append("ping")


class Emitter(QObject):
    pinged = Signal()


def _events_of(recorder, network):
    return [(network.events.neuron_added, recorder.added), (network.events.neuron_removed, recorder.removed)]


def test_the_links_deliver_model_events_until_disconnected():
    network, recorder = Network(), Recorder()
    links = connect_all(_events_of(recorder, network))
    network.add_neuron(Neuron("a"))
    network.remove_neuron("a")
    assert recorder.seen == [("added", "a"), ("removed", "a")]
    links.disconnect()
    network.add_neuron(Neuron("b"))
    assert recorder.seen == [("added", "a"), ("removed", "a")]
    assert len(links) == 0
    links.disconnect()  # twice: nothing left to undo, no error


def test_a_handle_follows_a_new_emitter_after_disconnect():
    first, second, recorder = Network(), Network(), Recorder()
    links = EventLinks()
    links.connect_all(_events_of(recorder, first))
    links.disconnect()
    links.connect_all(_events_of(recorder, second))
    first.add_neuron(Neuron("old"))
    second.add_neuron(Neuron("new"))
    assert recorder.seen == [("added", "new")]


def test_links_do_not_keep_their_receiver_alive():
    network, recorder = Network(), Recorder()
    links = connect_all(_events_of(recorder, network))
    alive = weakref.ref(recorder)
    del recorder
    gc.collect()
    assert alive() is None
    network.add_neuron(Neuron("a"))  # the emitter skips the dead receiver
    links.disconnect()


def test_a_destroyed_owner_is_never_called_by_the_model():
    network, owner = Network(), QtRecorder()
    connect_all([(network.events.neuron_added, owner.added)], owner=owner)
    network.add_neuron(Neuron("a"))
    seen = owner.seen
    delete(owner)  # the C++ object goes; the Python wrapper stays referenced here
    network.add_neuron(Neuron("b"))
    assert seen == [("added", "a")]


def test_disconnect_after_the_qt_emitter_is_deleted():
    emitter, receiver = Emitter(), QtRecorder()
    links = connect_all([(emitter.pinged, receiver.ping)])
    emitter.pinged.emit()
    delete(emitter)
    links.disconnect()
    assert receiver.seen == ["ping"]


@pytest.mark.filterwarnings("error")
def test_disconnect_after_the_qt_receiver_is_deleted_warns_nothing():
    emitter, receiver = Emitter(), QtRecorder()
    links = connect_all([(emitter.pinged, receiver.ping)])
    delete(receiver)
    emitter.pinged.emit()
    links.disconnect()
    assert len(links) == 0
