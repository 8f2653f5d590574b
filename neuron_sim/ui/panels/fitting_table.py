"""A read-only table whose columns are as wide as their headers and cells, never squeezed.

The first column takes any spare width; a dock narrower than the columns scrolls sideways
instead. Header widths are measured here from the text as drawn, because Qt's own header size
hint measures it unshaped: with Hangul or the subscripts of xᵢ and wᵢ (glyphs from a fallback
font) it came out a few pixels short in Korean, so the text touched the grid lines, and up to
18 px too wide in English, which pushed the table past the width of the dock.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableWidget, QWidget

BREATHING_ROOM = 4  # px added to each column: text that touches the grid lines reads as cut off


class FittingTable(QTableWidget):
    """Call `fit()` after changing the texts; the widths follow the table's own resizes.

    The table is as tall as its rows, up to `visible_rows` (a scroll bar beyond), plus the
    horizontal scroll bar when the columns do not fit. `columns_cut` says so each time the columns
    are laid out wider than the table, for a holder that can make room.
    """

    columns_cut = Signal()

    def __init__(self, columns: int, visible_rows: int, parent: QWidget | None = None):
        super().__init__(0, columns, parent)
        self.visible_rows = visible_rows
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._content_widths: list[int] = []
        self._measured: tuple | None = None

    def fit(self) -> None:
        texts = (tuple(self._header_text(c) for c in range(self.columnCount())),
                 tuple(self._cell_text(r, c) for r in range(self.rowCount()) for c in range(self.columnCount())),
                 tuple(self.columnSpan(r, 0) for r in range(self.rowCount())))
        if texts != self._measured:  # measuring is the costly part; playback refits every frame
            self._measured = texts
            self._content_widths = [self._content_width(c) for c in range(self.columnCount())]
        self._apply()

    def remeasure(self) -> None:
        """Measure again after a font change (Present mode): the cached widths were for the old font."""
        self._measured = None
        self.fit()

    def content_widths(self) -> list[int]:
        """What each column needs to show its header and cells in full."""
        return list(self._content_widths)

    def missing_width(self) -> int:
        """How many more pixels the viewport needs to show every column in full (0 if none)."""
        return max(sum(self._content_widths) - self.viewport().width(), 0)

    def header_text_width(self, column: int) -> int:
        """The header text's width as drawn (shaped, fallback fonts included)."""
        return self.horizontalHeader().fontMetrics().horizontalAdvance(self._header_text(column))

    # ---- Qt ------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._apply()

    # ---- measuring -------------------------------------------------------------------------------
    def _header_text(self, column: int) -> str:
        item = self.horizontalHeaderItem(column)
        return item.text() if item is not None else ""

    def _cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def _content_width(self, column: int) -> int:
        header = self.horizontalHeader()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        width = self.header_text_width(column) + 2 * margin
        grid = 1 if self.showGrid() else 0
        for row in range(self.rowCount()):
            if self.columnSpan(row, 0) > 1:  # a note across the row belongs to no column
                continue
            width = max(width, self.sizeHintForIndex(self.model().index(row, column)).width() + grid)
        return width + BREATHING_ROOM

    def _apply(self) -> None:
        if not self._content_widths:
            return
        widths = list(self._content_widths)
        spare = self.viewport().width() - sum(widths)
        if spare > 0:
            widths[0] += spare
        header = self.horizontalHeader()
        for column, width in enumerate(widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        rows = min(max(self.rowCount(), 1), self.visible_rows)
        height = (header.sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
                  + 2 * self.frameWidth() + 2)
        if spare < 0:
            height += self.horizontalScrollBar().sizeHint().height()
            self.columns_cut.emit()
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)
