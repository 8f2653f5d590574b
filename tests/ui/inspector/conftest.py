"""Fixtures of the inspector's tests: an undo stack, a rate network, and an inspector showing it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from neuron_sim.model import Network
from neuron_sim.ui.panels.inspector import Inspector

from .helpers import rate_network


@pytest.fixture
def stack():
    return QUndoStack()


@pytest.fixture
def make(qtbot, stack):
    def build(net: Network) -> Inspector:
        inspector = Inspector()
        qtbot.addWidget(inspector)
        inspector.set_document(net, stack)
        inspector.show()
        return inspector
    return build


@pytest.fixture
def net():
    return rate_network()


@pytest.fixture
def inspector(make, net):
    return make(net)
