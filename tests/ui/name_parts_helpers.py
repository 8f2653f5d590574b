"""Networks and steps the Name-the-parts tests share (test_name_parts.py, test_name_parts_playing.py)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from neuron_sim.model import Network, Neuron, Synapse


def xor() -> Network:
    network = Network()
    for nid, kind, pos in (("x1", "input", (0, 0)), ("x2", "input", (0, 180)), ("h1", "neuron", (260, 0)),
                           ("h2", "neuron", (260, 180)), ("y", "neuron", (520, 90))):
        network.add_neuron(Neuron(nid, kind=kind, position=pos))
    for source, target, weight in (("x1", "h1", 1), ("x2", "h1", 1), ("x1", "h2", -1), ("x2", "h2", -1),
                                   ("h1", "y", 1), ("h2", "y", 1)):
        network.connect(Synapse(source, target, weight=weight))
    return network


def dense() -> Network:
    network = Network()
    for i in range(3):
        network.add_neuron(Neuron(f"x{i}", kind="input", position=(0, i * 110)))
    for j in range(2):
        network.add_neuron(Neuron(f"y{j}", kind="neuron", position=(300, 55 + j * 110)))
        for i in range(3):
            network.connect(Synapse(f"x{i}", f"y{j}", weight=0.5 - i * 0.4))
    return network


def spiking_chain() -> Network:
    network = Network(model="spiking")
    network.add_neuron(Neuron("g", kind="generator", rate_hz=200.0, position=(0, 0)))
    network.add_neuron(Neuron("a", position=(260, 0)))
    network.add_neuron(Neuron("b", position=(520, 0)))
    network.connect(Synapse("g", "a", weight=20.0, delay_ms=2.0))
    network.connect(Synapse("a", "b", weight=20.0, delay_ms=2.0))
    return network


def show_parts(window, network: Network, look: str = "biological"):
    window.document.replace(network)
    window.look_actions[look].trigger()
    window.name_parts.action.setChecked(True)
    QApplication.processEvents()
    return window.name_parts.overlay


def settle():
    for _ in range(3):
        QApplication.processEvents()


def overlaps(window, overlay) -> list[str]:
    boxes = [(c.part, c.box) for c in overlay.callouts]
    found = [f"{a} × {b}" for (a, ra), (b, rb) in itertools.combinations(boxes, 2) if ra.intersects(rb)]
    for item in window.scene.neuron_items.values():
        body = item.mapRectToScene(item.body_rect())
        label = item.mapRectToScene(item.label_rect())
        found += [f"{part} × {item.neuron_id}" for part, box in boxes if box.intersects(body) or box.intersects(label)]
    for x, y, text, half in window.scene.synapse_layer.labels():
        weight = QRectF(x - half, y - 8, 2 * half, 16)
        found += [f"{part} × weight {text}" for part, box in boxes if box.intersects(weight)]
    return found


def boxes(overlay) -> list[tuple]:
    return [c.box.getCoords() for c in overlay.callouts]


def count_calls(obj, name: str) -> list:
    calls = []
    original = getattr(obj, name)

    def counting(*args):
        calls.append(args)
        return original(*args)

    setattr(obj, name, counting)
    return calls
