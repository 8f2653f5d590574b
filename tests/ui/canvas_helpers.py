"""Real mouse and keyboard input on the canvas's viewport, addressed in scene coordinates."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication


def view_point(window, x: float, y: float) -> QPoint:
    return window.view.mapFromScene(QPointF(x, y))


def click(qtbot, window, x, y, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, modifier, view_point(window, x, y))


def double_click(qtbot, window, x, y):
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      view_point(window, x, y))


def drag(qtbot, window, start, end, steps: int = 6):
    viewport = window.view.viewport()
    a = view_point(window, *start)
    b = view_point(window, *end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, steps + 1):
        p = QPoint(round(a.x() + (b.x() - a.x()) * i / steps), round(a.y() + (b.y() - a.y()) * i / steps))
        qtbot.mouseMove(viewport, p)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def wheel(window, x, y, notches: int, modifiers=Qt.KeyboardModifier.ControlModifier):
    viewport = window.view.viewport()
    local = QPointF(view_point(window, x, y))
    event = QWheelEvent(local, QPointF(viewport.mapToGlobal(local.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


def synapse_midpoint(window, key) -> tuple[float, float]:
    """A point on the synapse's curve, away from labels (a third of the way along)."""
    from neuron_sim.model import geometry

    window.scene.flush()
    control = window.scene.synapse_layer.curve_of(key)
    point = geometry.point_on_curves(control[None], 0.3)[0]
    return float(point[0]), float(point[1])
