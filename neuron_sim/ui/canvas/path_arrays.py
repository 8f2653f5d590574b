"""QPainterPaths made from numpy arrays in one call, not one Python call per point.

Qt reads a path from its data-stream form (a count, then each element's type and x, y as
big-endian int32 and doubles, then the start of the last subpath and the fill rule); numpy writes
that form for thousands of curves at once, and `QDataStream >> QPainterPath` turns it into a path
without a Python call per element.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, QIODevice
from PySide6.QtGui import QPainterPath

_MOVE_TO, _LINE_TO, _CURVE_TO, _CURVE_DATA = 0, 1, 2, 3  # QPainterPath.ElementType
_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])


def _path_from_elements(types: np.ndarray, points: np.ndarray, last_start: int) -> QPainterPath:
    count = len(types)
    if count == 0:
        return QPainterPath()
    elements = np.empty(count, dtype=_ELEMENT)
    elements["type"] = types
    elements["x"] = points[:, 0]
    elements["y"] = points[:, 1]
    data = b"".join((np.array([count], ">i4").tobytes(), elements.tobytes(),
                     np.array([last_start, 0], ">i4").tobytes()))  # (fill rule 0: odd-even, Qt's default)
    path = QPainterPath()
    buffer = QByteArray(data)  # (the stream reads it in place: it must outlive the reading)
    stream = QDataStream(buffer, QIODevice.OpenModeFlag.ReadOnly)
    stream >> path
    return path


def cubic_curves_path(control: np.ndarray) -> QPainterPath:
    """One path of many cubic curves, control (n, 4, 2): each its own subpath, as if drawn with
    moveTo(p0) and cubicTo(p1, p2, p3)."""
    control = np.asarray(control, dtype=float).reshape(-1, 4, 2)
    n = len(control)
    types = np.tile(np.array([_MOVE_TO, _CURVE_TO, _CURVE_DATA, _CURVE_DATA], dtype=np.int32), n)
    return _path_from_elements(types, control.reshape(-1, 2), 4 * (n - 1))
