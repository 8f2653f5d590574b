"""Far out, every cell drawn by one item from arrays.

Below styles.OVERVIEW_ZOOM a cell is only its body, filled by its activity, with a membrane or
selection ring (NeuronItem._paint_overview). Drawn by 100,000 items, that costs Qt a walk, a bound
and a blit per item on every frame, and Python a repaint per cell whose level changed. The sheet
draws the same picture from arrays: a cell's body shape, place, fill (its level quantised to
FILL_LEVELS steps) and ring are stamped from an atlas of pictures, one QPainter call for all the
cells crossing the painted rectangle. While the sheet draws, the scene gives the cells the flag
ItemHasNoContents: Qt neither paints nor bounds them, yet still finds them under the mouse and in
a rubber band, so clicks, hovering and selecting work as before.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neuron_sim.ui import styles
from neuron_sim.ui.canvas import neuron_painting
from neuron_sim.ui.canvas.animation_sprites import stamp
from neuron_sim.ui.styles import PALETTE

FILL_LEVELS = 64  # steps of a fill between rest and active: one step is under 2 of 255 colour levels
RING_REACH = neuron_painting.OVERVIEW_SELECTED_PEN / 2 + 1.0  # the ring and its antialiasing beyond the body
MAX_ATLAS_SCALE = 1.0  # device pixels per scene unit; drawn larger (a figure, a high-density screen far in), exactly
NEURON, INPUT, GENERATOR = 0, 1, 2  # which fill a cell takes: its activity, an input's value, the generator's
MAX_CELL_UPDATES = 200  # more cells changed in a frame than this: the sheet is painted again whole
_FIELDS = 10  # a QPainter.PixmapFragment, as animation_sprites lays it out
_NO_SHAPE = QPainterPath()


def fill_column(palette: np.ndarray, level: np.ndarray) -> np.ndarray:
    """Each cell's column in the atlas: its fill's level quantised (neurons, inputs) or the
    generator's single fill."""
    return np.where(palette == GENERATOR, 2 * FILL_LEVELS, palette * FILL_LEVELS + _fill_step(level))


def _fill_step(level: np.ndarray) -> np.ndarray:
    """A level's step of the fill (a neuron's own column); ufuncs, called every frame."""
    return np.rint(np.minimum(np.maximum(level, 0.0), 1.0) * (FILL_LEVELS - 1))


def column_fill(column: int):
    """The colour of an atlas column (fill_column's inverse)."""
    if column >= 2 * FILL_LEVELS:
        return PALETTE.generator_fill
    level = (column % FILL_LEVELS) / (FILL_LEVELS - 1)
    if column >= FILL_LEVELS:
        return styles.activity_color(level, PALETTE.sensor_rest, PALETTE.sensor_on)
    return styles.activity_color(level, PALETTE.soma_rest, PALETTE.soma_active)


class OverviewSprites:
    """The atlas for one device scale: a column per fill; a row per body shape, ring (membrane,
    selection) and placement within a pixel. Qt puts a picture on whole pixels, and a cell drawn
    by itself sits where it is to a fraction of one: each picture is drawn again shifted by half
    a pixel across, down, and both, and a cell takes the one nearest its place (a quarter pixel)."""

    def __init__(self, scale: float, bodies: list[tuple[bool, float, float]]):
        self.scale = scale
        self.bodies = list(bodies)
        widest = max(max(width, height) for _, width, height in bodies)
        self.cell = int(np.ceil((widest + 2 * RING_REACH) * scale)) + 2
        columns = 2 * FILL_LEVELS + 1
        cell = self.cell
        self.pixmap = QPixmap(cell * columns, cell * 8 * len(bodies))
        self.pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(self.pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        unit, half_pixel = cell / scale, 0.5 / scale
        for body, (rounded, width, height) in enumerate(bodies):
            for selected in (0, 1):
                for phase in range(4):
                    row = 8 * body + 4 * selected + phase
                    shift_x, shift_y = half_pixel * (phase & 1), half_pixel * (phase >> 1)
                    for column in range(columns):
                        left = (column + 0.5) * unit + shift_x - width / 2
                        top = (row + 0.5) * unit + shift_y - height / 2
                        neuron_painting.paint_overview(painter, QRectF(left, top, width, height),
                                                       column_fill(column), bool(selected), rounded)
        painter.end()

    def fragments(self, centres: np.ndarray, rows: np.ndarray, columns: np.ndarray,
                  device: tuple[float, float, float]) -> np.ndarray:
        """(P, 10): one QPainter.PixmapFragment per cell, laid out as Qt reads them; `rows` are
        2 × body + selected, `device` (scale, x offset, y offset) maps the painter's coordinates
        to the device's pixels."""
        cell = self.cell
        scale, offset_x, offset_y = device
        # where each picture's corner falls between pixels: half way, the half-pixel shifted one
        corner_x = centres[:, 0] * scale + (offset_x - cell / 2)
        corner_y = centres[:, 1] * scale + (offset_y - cell / 2)
        shift_x = np.abs(corner_x - np.rint(corner_x)) >= 0.25
        shift_y = np.abs(corner_y - np.rint(corner_y)) >= 0.25
        out = np.empty((centres.shape[0], _FIELDS))
        out[:, 4:] = (cell, cell, 1.0 / self.scale, 1.0 / self.scale, 0.0, 1.0)
        out[:, 0] = centres[:, 0] - shift_x * (0.5 / scale)
        out[:, 1] = centres[:, 1] - shift_y * (0.5 / scale)
        np.multiply(columns, cell, out=out[:, 2])
        out[:, 3] = (4 * rows + shift_x + 2 * shift_y) * cell
        return out


class CellSheet(QGraphicsItem):
    """Every cell's overview, drawn while `active` (the scene sets it, and the cells' flag, when
    a view is zoomed out below OVERVIEW_ZOOM). It reads the cells from the scene's neuron items:
    all of them anew after `invalidate` (cells added, removed, refreshed, resized), one row after
    `moved`, the selection after `selection_changed`; `show_levels` hands it a playback frame's
    levels without touching the items."""

    def __init__(self):
        super().__init__()
        self.setZValue(10)  # with the cells
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.active = False
        self._stale = True  # the arrays no longer describe the items
        self._selection_stale = True
        self._items: list = []
        self._row_of: dict[int, int] = {}  # id(item) → its row in the arrays
        self._ids: list[str] = []
        self._places = np.zeros((0, 2))  # each item's position
        self._offsets = np.zeros((0, 2))  # where its body's centre is, from its position
        self._halves = np.zeros((0, 2))  # half its body's width and height, with the ring's reach
        self._centres = self._low = self._high = np.zeros((0, 2))  # its body's centre and box (_bound)
        self._body = np.zeros(0, dtype=np.intp)  # its body's index in `_bodies`
        self._palette = np.zeros(0, dtype=np.intp)
        self._levels = np.zeros(0)
        self._columns = np.zeros(0)  # each cell's atlas column, from its palette and level
        self._neuron_rows = np.zeros(0, dtype=np.intp)  # the rows that show their own level
        self._selected = np.zeros(0, dtype=bool)
        self._placed: tuple | None = None  # (device, fragments of every cell): see _all_fragments
        self._bodies: list[tuple[bool, float, float]] = []  # (rounded, width, height)
        self._bounds = QRectF()
        self._sprites: OverviewSprites | None = None

    # ---- what the sheet shows ------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            if active:  # the cells drew themselves meanwhile: their states are the ones to show
                self._stale, self._ids = True, []
            self.update()

    def invalidate(self) -> None:
        """The cells changed (added, removed, their look, kind, value or size): read them all again."""
        if not self._stale:
            self._stale = True
            if self.active:
                self.update()

    def refresh(self) -> None:
        """Read what changed now (normally the first paint does)."""
        self._ensure()

    def moved(self, item) -> None:
        """One cell moved: its row only (a drag moves thousands, one by one)."""
        row = self._row_of.get(id(item))
        if self._stale or row is None:
            self.invalidate()
            return
        if self.active:
            self.update(self._cell_rect(row))  # where it was
        self._places[row] = (item.x(), item.y())
        self._centres[row] = self._places[row] + self._offsets[row]
        self._placed = None
        self._low[row], self._high[row] = self._centres[row] - self._halves[row], self._centres[row] + self._halves[row]
        cell = self._cell_rect(row)
        if not self._bounds.contains(cell):  # grown; a smaller box waits until the cells are read again
            self.prepareGeometryChange()
            self._bounds = self._bounds.united(cell)
        if self.active:
            self.update(cell)

    def selection_changed(self) -> None:
        self._selection_stale = True
        if self.active:
            self.update()

    def show_levels(self, items: list, levels: np.ndarray) -> None:
        """A playback frame: `levels[i]` is the activity of `items[i]` (the scene's neuron items)."""
        self._ensure()
        levels = np.asarray(levels, dtype=float)
        if items == self._items:
            rows = self._neuron_rows  # inputs show their value, generators their own colour
            levels = levels[rows]
        else:
            row_of = self._row_of
            rows = np.fromiter((row_of.get(id(item), -1) for item in items), dtype=np.intp, count=len(items))
            levels, rows = levels[rows >= 0], rows[rows >= 0]
            own = self._palette[rows] == NEURON
            rows, levels = rows[own], levels[own]
        # only the cells whose picture changes (their fill's step) are painted again
        columns = _fill_step(levels)  # a neuron's columns are its steps
        changed = rows[columns != self._columns[rows]]
        self._levels[rows] = levels
        self._columns[rows] = columns
        if not self.active or not changed.size:
            return
        if changed.size > MAX_CELL_UPDATES:
            self.update()
        else:
            for row in changed.tolist():
                self.update(self._cell_rect(row))

    def levels(self) -> dict[str, float]:
        """Each cell's level as the sheet shows it (by neuron id)."""
        self._ensure()
        return dict(zip(self._ids, self._levels.tolist()))

    # ---- reading the items ---------------------------------------------------------------
    def _ensure(self) -> None:
        if self._stale:
            self._read_items()
        if self._selection_stale:
            self._selection_stale = False
            selected = np.zeros(len(self._items), dtype=bool)
            scene = self.scene()
            if scene is not None:
                row_of = self._row_of
                rows = [row_of[id(item)] for item in scene.selectedItems() if id(item) in row_of]
                selected[rows] = True
            self._selected = selected
            self._placed = None

    def _read_items(self) -> None:
        scene = self.scene()
        items = list(scene.neuron_items.values()) if scene is not None else []
        # the levels frames handed over while active: the items' own are older (cell_states.py)
        known = dict(zip(self._ids, self._levels.tolist()))
        bodies: dict[tuple, int] = {}
        shapes: list[tuple[bool, float, float]] = []
        count = len(items)
        places = np.empty((count, 2))
        offsets = np.empty((count, 2))
        halves = np.empty((count, 2))
        body = np.empty(count, dtype=np.intp)
        palette = np.empty(count, dtype=np.intp)
        levels = np.empty(count)
        for i, item in enumerate(items):
            neuron = item.neuron
            rect = item.body_rect()
            rounded = item.look == "blocks"
            shape = (rounded, rect.width(), rect.height())
            index = bodies.get(shape)
            if index is None:
                index = bodies[shape] = len(shapes)
                shapes.append(shape)
            body[i] = index
            places[i] = (item.x(), item.y())
            centre = rect.center()
            offsets[i] = (centre.x(), centre.y())
            halves[i] = (rect.width() / 2 + RING_REACH, rect.height() / 2 + RING_REACH)
            if neuron.kind == "input":
                palette[i], levels[i] = INPUT, min(abs(neuron.value), 1.0)
            elif neuron.kind == "generator":
                palette[i], levels[i] = GENERATOR, 0.0
            else:
                palette[i], levels[i] = NEURON, known.get(item.neuron_id, item.activity)
        self._items, self._ids = items, [item.neuron_id for item in items]
        self._row_of = {id(item): i for i, item in enumerate(items)}
        self._places, self._offsets, self._halves = places, offsets, halves
        self._body, self._palette, self._levels = body, palette, levels
        self._columns = fill_column(palette, levels)
        self._neuron_rows = np.flatnonzero(palette == NEURON)
        if shapes != self._bodies:
            self._bodies, self._sprites = shapes, None
        self._stale = False
        self._selection_stale = True
        self._bound()

    def _bound(self) -> None:
        """Each body's centre and box, and the box around them all."""
        self._placed = None
        self._centres = self._places + self._offsets
        self._low, self._high = self._centres - self._halves, self._centres + self._halves
        if not len(self._places):
            bounds = QRectF()
        else:
            low, high = self._low.min(axis=0), self._high.max(axis=0)
            bounds = QRectF(low[0], low[1], high[0] - low[0], high[1] - low[1])
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds

    def _cell_rect(self, row: int) -> QRectF:
        (left, top), (right, bottom) = self._low[row].tolist(), self._high[row].tolist()
        return QRectF(left, top, right - left, bottom - top)

    # ---- Qt ------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        if self._stale and self.active:
            self._read_items()
        return self._bounds

    def shape(self) -> QPainterPath:
        return _NO_SHAPE  # never under the mouse: the cells themselves are

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.active:
            return
        self._ensure()
        if not len(self._items):
            return
        exposed = styles.exposed_rect(painter, option, self._bounds)
        centres, low, high = self._centres, self._low, self._high
        if exposed.contains(self._bounds):
            chosen = None
        else:
            chosen = np.flatnonzero((low[:, 0] <= exposed.right()) & (high[:, 0] >= exposed.left())
                                    & (low[:, 1] <= exposed.bottom()) & (high[:, 1] >= exposed.top()))
            centres = centres[chosen]
        if not len(centres):
            return
        body, selected, columns = self._body, self._selected, self._columns
        if chosen is not None:
            body, selected, columns = body[chosen], selected[chosen], columns[chosen]
        sprites = self._sprites_for(painter)
        if sprites is None:
            self._paint_exactly(painter, centres, 2 * body + selected, columns)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # the pictures are antialiased
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # placed between pixels as the cells are
        transform = painter.worldTransform()
        ratio = sprites.scale / transform.m11()
        device = (sprites.scale, transform.dx() * ratio, transform.dy() * ratio)
        if chosen is None:
            fragments = self._all_fragments(sprites, device)
            np.multiply(columns, sprites.cell, out=fragments[:, 2])  # the fills of this frame
        else:
            fragments = sprites.fragments(centres, 2 * body + selected, columns, device)
        stamp(painter, fragments, sprites.pixmap)

    def _all_fragments(self, sprites: OverviewSprites, device: tuple[float, float, float]) -> np.ndarray:
        """Every cell's fragment, placed once for a placement on the device (a playing frame
        changes only the fills: the caller writes the columns)."""
        key = (sprites, device)
        if self._placed is None or self._placed[0] != key:
            fragments = sprites.fragments(self._centres, 2 * self._body + self._selected, self._columns, device)
            self._placed = (key, fragments)
        return self._placed[1]

    def _sprites_for(self, painter: QPainter) -> OverviewSprites | None:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        transform = painter.worldTransform()
        scale = float(np.hypot(transform.m11(), transform.m12())) * ratio
        if scale > MAX_ATLAS_SCALE:
            return None
        if self._sprites is None or self._sprites.scale != scale:
            self._sprites = OverviewSprites(scale, self._bodies)
        return self._sprites

    def _paint_exactly(self, painter: QPainter, centres, rows, columns) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for (x, y), row, column in zip(centres.tolist(), rows.tolist(), columns.tolist()):
            rounded, width, height = self._bodies[row // 2]
            rect = QRectF(x - width / 2, y - height / 2, width, height)
            neuron_painting.paint_overview(painter, rect, column_fill(int(column)), bool(row % 2), rounded)
