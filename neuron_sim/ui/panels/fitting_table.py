"""A read-only table whose columns show their headings and cells in full, narrowing the headings
before it scrolls.

Each column is as wide as its heading and its widest cell, and the first column takes any spare
width. When the columns are wider than the table, the headings give way in steps: first the
headings that save the most wrap onto two lines, then those with a short form (the symbol alone,
"xᵢ" for "dendrite input xᵢ") show it, their full text in the tooltip. Only when even that does
not fit does the table scroll sideways; a cell is never squeezed or elided.

Header widths are measured here from the text as drawn, because Qt's own header size hint
measures it unshaped: with Hangul or the subscripts of xᵢ and wᵢ (glyphs from a fallback font) it
came out a few pixels short in Korean, so the text touched the grid lines, and up to 18 px too
wide in English, which pushed the table past the width of the dock.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableWidget, QTableWidgetItem, QWidget

BREATHING_ROOM = 4  # px added to each column: text that touches the grid lines reads as cut off


class Form(IntEnum):
    """How a heading is shown, in the order the table gives way."""

    FULL = 0  # the heading on one line
    WRAPPED = 1  # the same words on two lines
    SHORT = 2  # its short form, the full heading in the tooltip


@dataclass(frozen=True)
class _Heading:
    form: Form
    text: str
    width: int  # of the column with this heading and its cells


def two_lines(text: str, width_of) -> str:
    """`text` broken at the space that makes its wider line narrowest (itself if it has no space)."""
    words = text.split(" ")
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    if not splits:
        return text
    first, second = min(splits, key=lambda lines: max(width_of(lines[0]), width_of(lines[1])))
    return f"{first}\n{second}"


class FittingTable(QTableWidget):
    """Set the headings with `set_headings`, call `fit()` after changing the cells' texts; the
    widths follow the table's own resizes.

    The table is as tall as its rows, up to `visible_rows` (a scroll bar beyond), plus the
    horizontal scroll bar when the columns do not fit. `columns_cut` says so each time the
    headings cannot all be shown in full on one line, for a holder that can make room.
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
        self._full: list[str] = [""] * columns
        self._short: list[str] = [""] * columns
        self._headings: list[list[_Heading]] = []  # each column's forms, each narrower than the one before
        self._shown: list[_Heading] = []
        self._measured: tuple | None = None

    def set_headings(self, full: list[str], short: list[str] | None = None) -> None:
        """The columns' headings, and the short forms they may show when the table is narrow
        (an empty string or None: that column has none)."""
        self._full = list(full)
        self._short = [text or "" for text in (short or [""] * len(full))]
        for column, text in enumerate(self._full):
            self.setHorizontalHeaderItem(column, QTableWidgetItem(text))
        self.fit()

    def fit(self) -> None:
        texts = (tuple(self._full), tuple(self._short),
                 tuple(self._cell_text(r, c) for r in range(self.rowCount()) for c in range(self.columnCount())),
                 tuple(self.columnSpan(r, 0) for r in range(self.rowCount())))
        if texts != self._measured:  # measuring is the costly part; playback refits every frame
            self._measured = texts
            self._headings = [self._measure(c) for c in range(self.columnCount())]
        self._apply()

    def remeasure(self) -> None:
        """Measure again after a font change (Present mode): the cached widths were for the old font."""
        self._measured = None
        self.fit()

    def content_widths(self) -> list[int]:
        """What each column needs to show its heading, as now shown, and its cells in full."""
        return [heading.width for heading in self._shown]

    def missing_width(self) -> int:
        """How many more pixels the viewport needs to show every heading in full on one line (0 if none)."""
        return max(sum(forms[0].width for forms in self._headings) - self.viewport().width(), 0)

    # ---- Qt ------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._apply()

    # ---- measuring -------------------------------------------------------------------------------
    def _cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def _text_width(self, text: str) -> int:
        """The widest line as drawn (shaped, fallback fonts included)."""
        metrics = self.horizontalHeader().fontMetrics()
        return max(metrics.horizontalAdvance(line) for line in text.split("\n"))

    def _measure(self, column: int) -> list[_Heading]:
        header = self.horizontalHeader()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        grid = 1 if self.showGrid() else 0
        cells = 0
        for row in range(self.rowCount()):
            if self.columnSpan(row, 0) > 1:  # a note across the row belongs to no column
                continue
            cells = max(cells, self.sizeHintForIndex(self.model().index(row, column)).width() + grid)
        full = self._full[column] if column < len(self._full) else ""
        short = self._short[column] if column < len(self._short) else ""
        candidates = [(Form.FULL, full), (Form.WRAPPED, two_lines(full, self._text_width))]
        if short:
            candidates.append((Form.SHORT, short))
        forms: list[_Heading] = []
        for form, text in candidates:
            width = max(self._text_width(text) + 2 * margin + BREATHING_ROOM, cells + BREATHING_ROOM,
                        header.minimumSectionSize())
            if not forms or width < forms[-1].width:  # a form that saves nothing is never shown
                forms.append(_Heading(form, text, width))
        return forms

    # ---- laying out ------------------------------------------------------------------------------
    def _choose(self, room: int) -> list[_Heading]:
        """Full headings where they fit; else, a step at a time, the columns that save the most give way."""
        shown = [forms[0] for forms in self._headings]
        for step in (Form.WRAPPED, Form.SHORT):
            narrowest = [next(h for h in reversed(forms) if h.form <= step) for forms in self._headings]
            order = sorted(range(len(shown)), key=lambda c: shown[c].width - narrowest[c].width, reverse=True)
            for column in order:
                if sum(h.width for h in shown) <= room:
                    return shown
                shown[column] = narrowest[column]
        return shown

    def _apply(self) -> None:
        if not self._headings:
            return
        room = self.viewport().width()
        self._shown = self._choose(room)
        widths = [heading.width for heading in self._shown]
        spare = room - sum(widths)
        if spare > 0:
            widths[0] += spare
        header = self.horizontalHeader()
        for column, (heading, width) in enumerate(zip(self._shown, widths)):
            item = self.horizontalHeaderItem(column)
            if item is not None and item.text() != heading.text:
                item.setText(heading.text)
                item.setToolTip(self._full[column] if heading.form == Form.SHORT else "")
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        rows = min(max(self.rowCount(), 1), self.visible_rows)
        height = (header.sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
                  + 2 * self.frameWidth() + 2)
        if spare < 0:
            height += self.horizontalScrollBar().sizeHint().height()
        if self.missing_width():
            self.columns_cut.emit()
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)
