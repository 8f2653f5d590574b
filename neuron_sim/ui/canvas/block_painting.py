"""The blocks look of one neuron: a = f(Σ wᵢ·xᵢ − θ) drawn as its operations, like building blocks.

Green weight blocks (× wᵢ, one per incoming synapse, a darker green for a negative weight), red ×
blocks and the yellow sum block for the operators, the blue activation block with a small plot
of f, and the output block. Where the parts go is model/block_layout.py's; what is written in
them comes from the same hand computation as the computation panel's (model/analysis.py), so
the two always show the same numbers. An input is a block holding its value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from neuron_sim.model import block_layout as blocks
from neuron_sim.model.activations import ACTIVATIONS
from neuron_sim.model.analysis import RateBreakdown

from neuron_sim.ui import styles
from neuron_sim.ui.styles import PALETTE

WEIGHT_POSITIVE = QColor("#5DBB63")
WEIGHT_NEGATIVE = QColor("#1E6B3A")
WEIGHT_ZERO = QColor("#CBD8C6")
MULTIPLY = QColor("#D9443A")
SUM = QColor("#F5C542")
ACTIVATION = QColor("#2F6FBA")
OUTPUT_REST = QColor("#F4F5F7")
LIT = QColor("#FFB000")  # a block a pulse is passing through
DARK_TEXT = QColor("#1F2328")
LIGHT_TEXT = QColor("#FFFFFF")
MIN_POINT_SIZE = 6.0
#: the part of f each small plot shows: net from −PLOT_NET to +PLOT_NET, and this range of a
PLOT_NET = 4.0
PLOT_RANGE = {"step": (-0.15, 1.15), "sigmoid": (-0.15, 1.15), "tanh": (-1.15, 1.15),
              "relu": (-0.5, 4.3), "linear": (-4.3, 4.3)}


@dataclass(frozen=True)
class Lit:
    """Which blocks a pulse lights now: a stage of model/blocks.py's STAGES and, in the weight
    stage, the rows it passes through."""

    stage: int = -1
    rows: frozenset[int] = frozenset()


NOTHING_LIT = Lit()


def weight_colours(weight: float) -> tuple[QColor, QColor]:
    """(fill, text) of a weight block: green, darker for a negative weight, pale for 0."""
    if weight > 0:
        return WEIGHT_POSITIVE, DARK_TEXT
    if weight < 0:
        return WEIGHT_NEGATIVE, LIGHT_TEXT
    return WEIGHT_ZERO, DARK_TEXT


def _block_font(points: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def fitted_font(text: str, font: QFont, width: float) -> QFont:
    """`font`, made smaller (down to MIN_POINT_SIZE) until `text` fits a box `width` wide."""
    font = QFont(font)
    room = width - 4
    while font.pointSizeF() > MIN_POINT_SIZE and QFontMetricsF(font).horizontalAdvance(text) > room:
        font.setPointSizeF(font.pointSizeF() - 0.5)
    return font


def draw_fitted(painter: QPainter, rect: QRectF, text: str, font: QFont, color: QColor,
                align=Qt.AlignmentFlag.AlignCenter) -> None:
    """`text` in `rect`, its font made smaller (down to MIN_POINT_SIZE) until it fits the width."""
    if not text:
        return
    painter.setFont(fitted_font(text, font, rect.width()))
    painter.setPen(color)
    painter.drawText(rect, align, text)


def _block(painter: QPainter, rect: QRectF, fill: QColor, lit: bool, radius: float = 3.0) -> None:
    painter.setPen(QPen(LIT if lit else fill.darker(150), 3.0 if lit else 1.2))
    painter.setBrush(QBrush(fill))
    painter.drawRoundedRect(rect, radius, radius)


def row_rects(count: int) -> list[tuple[QRectF, QRectF]]:
    """(× block, weight block) of each weight row, top to bottom, in the item's coordinates."""
    half = blocks.ROW_HEIGHT / 2.0
    return [(QRectF(blocks.MULTIPLY_LEFT, y - half, blocks.MULTIPLY_RIGHT - blocks.MULTIPLY_LEFT, blocks.ROW_HEIGHT),
             QRectF(blocks.WEIGHT_LEFT, y - half, blocks.WEIGHT_RIGHT - blocks.WEIGHT_LEFT, blocks.ROW_HEIGHT))
            for y in blocks.row_offsets(count).tolist()]


def sum_rect(count: int) -> QRectF:
    height = blocks.body_height(count)
    return QRectF(blocks.SUM_LEFT, -height / 2.0, blocks.SUM_RIGHT - blocks.SUM_LEFT, height)


def activation_rect() -> QRectF:
    side = blocks.ACTIVATION_RIGHT - blocks.ACTIVATION_LEFT
    return QRectF(blocks.ACTIVATION_LEFT, -side / 2.0, side, side)


def output_rect() -> QRectF:
    return QRectF(blocks.OUTPUT_LEFT, -blocks.OUTPUT_HEIGHT / 2.0, blocks.OUTPUT_RIGHT - blocks.OUTPUT_LEFT,
                  blocks.OUTPUT_HEIGHT)


@dataclass(frozen=True)
class BlockTexts:
    """What the blocks of one neuron say: a text per weight row, the sum block's three lines and
    the output. Tests compare them with the computation panel's."""

    weights: tuple[str, ...]
    sum_lines: tuple[str, str, str]
    output: str


def block_texts(weights: list[float], threshold: float, breakdown: RateBreakdown | None,
                show_weights: bool, show_threshold: bool) -> BlockTexts:
    fmt = styles.format_number
    rows = tuple(fmt(w) if show_weights else f"w{i + 1}" for i, w in enumerate(weights))
    if breakdown is None:
        middle = ("θ = " + fmt(threshold)) if show_threshold else ""
        return BlockTexts(rows, ("Σ − θ", middle, ""), "a")
    theta = fmt(breakdown.threshold)
    theta = f"({theta})" if breakdown.threshold < 0 else theta
    middle = f"{fmt(breakdown.weighted_sum)} − {theta}"
    return BlockTexts(rows, ("Σ − θ", middle, "= " + fmt(breakdown.net)), fmt(breakdown.output))


def smallest_text_points(texts: BlockTexts) -> float:
    """The point size of the smallest text paint_neuron_blocks draws for `texts`: SMALL_FONT_SIZE
    unless a number too wide for its block is drawn smaller."""
    small, plain = _block_font(styles.SMALL_FONT_SIZE, bold=True), _block_font(styles.SMALL_FONT_SIZE)
    sizes = [fitted_font(text, small, weight_box.width()).pointSizeF()
             for (_mul, weight_box), text in zip(row_rects(len(texts.weights)), texts.weights) if text]
    width = sum_rect(len(texts.weights)).width()
    sizes += [fitted_font(text, small if bold else plain, width).pointSizeF()
              for text, bold in zip(texts.sum_lines, (True, False, True)) if text]
    if texts.output:
        sizes.append(fitted_font(texts.output, small, output_rect().width()).pointSizeF())
    return min(sizes, default=styles.SMALL_FONT_SIZE)


def paint_neuron_blocks(painter: QPainter, texts: BlockTexts, weights: list[float], activation: str,
                        breakdown: RateBreakdown | None, lit: Lit) -> None:
    """The blocks of a computing neuron, its position at the centre of the sum block."""
    count = len(weights)
    sum_box = sum_rect(count)
    act_box = activation_rect()
    out_box = output_rect()
    # what joins them: each weight row to Σ, Σ to f, f to the output
    painter.setPen(QPen(PALETTE.muted_text, 1.4))
    for (_mul, weight_box) in row_rects(count):
        painter.drawLine(QPointF(weight_box.right(), weight_box.center().y()), QPointF(sum_box.left(), weight_box.center().y()))
    painter.drawLine(QPointF(sum_box.right(), 0), QPointF(act_box.left(), 0))
    painter.drawLine(QPointF(act_box.right(), 0), QPointF(out_box.left(), 0))
    small = _block_font(styles.SMALL_FONT_SIZE, bold=True)
    for row, ((mul_box, weight_box), weight, text) in enumerate(zip(row_rects(count), weights, texts.weights)):
        row_lit = lit.stage == 1 and row in lit.rows
        _block(painter, mul_box, MULTIPLY, row_lit, 2.0)
        draw_fitted(painter, mul_box, "×", small, LIGHT_TEXT)
        fill, ink = weight_colours(weight)
        _block(painter, weight_box, fill, row_lit, 2.0)
        draw_fitted(painter, weight_box, text, small, ink)
    _block(painter, sum_box, SUM, lit.stage == 2)
    line = QFontMetricsF(small).height()
    top = -1.5 * line
    for number, (text, bold) in enumerate(zip(texts.sum_lines, (True, False, True))):
        rect = QRectF(sum_box.left(), top + number * line, sum_box.width(), line)
        draw_fitted(painter, rect, text, small if bold else _block_font(styles.SMALL_FONT_SIZE), DARK_TEXT)
    _block(painter, act_box, ACTIVATION, lit.stage == 3)
    _paint_activation_plot(painter, act_box.adjusted(4, 4, -4, -4), activation,
                           None if breakdown is None else breakdown.net)
    level = 0.0 if breakdown is None else min(abs(breakdown.output), 1.0)
    _block(painter, out_box, styles.activity_color(level, OUTPUT_REST, PALETTE.soma_active), lit.stage == 4)
    draw_fitted(painter, out_box, texts.output, small, DARK_TEXT)
    caption = _block_font(styles.SMALL_FONT_SIZE, bold=True, italic=True)
    for box, text in ((act_box, "f"), (out_box, "a")):
        rect = QRectF(box.left(), box.top() - blocks.CAPTION_HEIGHT, box.width(), blocks.CAPTION_HEIGHT)
        draw_fitted(painter, rect, text, caption, PALETTE.muted_text)


def _paint_activation_plot(painter: QPainter, area: QRectF, activation: str, net: float | None) -> None:
    """f over net ∈ [−PLOT_NET, PLOT_NET] in white on the blue block, with a dot at the current net."""
    low, high = PLOT_RANGE.get(activation, (-1.15, 1.15))
    function = ACTIVATIONS.get(activation, ACTIVATIONS["linear"])
    xs = np.linspace(-PLOT_NET, PLOT_NET, 41)
    ys = np.clip(function(xs), low, high)

    def point(x: float, y: float) -> QPointF:
        return QPointF(area.left() + (x + PLOT_NET) / (2 * PLOT_NET) * area.width(),
                       area.bottom() - (y - low) / (high - low) * area.height())

    painter.setPen(QPen(QColor(255, 255, 255, 110), 1.0))
    painter.drawLine(point(-PLOT_NET, 0.0), point(PLOT_NET, 0.0))
    painter.drawLine(point(0.0, low), point(0.0, high))
    path = QPainterPath(point(float(xs[0]), float(ys[0])))
    for x, y in zip(xs[1:].tolist(), ys[1:].tolist()):
        path.lineTo(point(x, y))
    painter.setPen(styles.pen(LIGHT_TEXT, 1.8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    if net is not None and np.isfinite(net):
        x = float(np.clip(net, -PLOT_NET, PLOT_NET))
        y = float(np.clip(function(np.array([net]))[0], low, high))
        painter.setPen(QPen(ACTIVATION, 1.2))
        painter.setBrush(QBrush(LIT))
        painter.drawEllipse(point(x, y), 3.2, 3.2)


def paint_input_block(painter: QPainter, value: float) -> None:
    """An input: a block holding its value, lit as the value grows."""
    half = blocks.INPUT_HALF
    body = QRectF(-half, -half, 2 * half, 2 * half)
    level = min(abs(value), 1.0)
    _block(painter, body, styles.activity_color(level * 0.7, PALETTE.sensor_rest, PALETTE.sensor_on), False, 5.0)
    draw_fitted(painter, body, styles.format_number(value), _block_font(13, bold=True), DARK_TEXT)
