"""What a figure has and the canvas has not: a title, a legend, a neuron's computation, and the
network's Keras Dense lines with each layer's W (the As-code panel's text, ui/panels/code_panel.py).

Each is a QGraphicsItem added to the figure's scene, so that PNG, SVG and PDF draw them the
same way as the network (paths and text). Symbols in the legend use the canvas's own pens and
endings (styles.py), so the legend cannot drift from the drawing it explains.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontDatabase, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from neuron_sim.model import ModelError, Network
from neuron_sim.model.analysis import rate_breakdown, spiking_state
from neuron_sim.model.codegen.summary import layer_summary
from neuron_sim.model.engines.build import build_engine

from neuron_sim.ui import styles
from neuron_sim.ui.styles import PALETTE
from neuron_sim.ui.i18n.filling import fill
from neuron_sim.ui.i18n import language
from neuron_sim.ui.panels.code_panel import layers_text_lines
from neuron_sim.ui.canvas import block_painting

GAP = 18.0  # between the network and the items around it
LEGEND_WEIGHTS = (0.5, 1.0, 2.0, 4.0)  # rate networks; spiking weights are these × 10 mV
MAX_TERMS = 6  # a formula with more inputs writes the first ones and "…"


def _font(points: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    return font


class TextBlock(QGraphicsItem):
    """Lines of text, each with its own font, top-left at the item's position."""

    def __init__(self, lines: list[tuple[str, QFont]], boxed: bool = False):
        super().__init__()
        self.lines = lines
        self.boxed = boxed
        self.padding = 8.0 if boxed else 0.0
        width = max((QFontMetricsF(font).horizontalAdvance(text) for text, font in lines), default=0.0)
        height = sum(QFontMetricsF(font).height() for _text, font in lines)
        self._rect = QRectF(0, 0, width + 2 * self.padding, height + 2 * self.padding)
        self.setZValue(20)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.boxed:
            painter.setPen(QPen(PALETTE.grid.darker(115), 1.0))
            painter.setBrush(QBrush(PALETTE.label_box))
            painter.drawRoundedRect(self._rect, 6, 6)
        y = self.padding
        for text, font in self.lines:
            metrics = QFontMetricsF(font)
            painter.setFont(font)
            painter.setPen(PALETTE.text)
            painter.drawText(QRectF(self.padding, y, self._rect.width(), metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
            y += metrics.height()


class LegendItem(QGraphicsItem):
    """Excitatory and inhibitory symbols, and line thickness against |w|, in the figure's look; in
    the blocks look also what the blocks' colours mean."""

    SAMPLE = 46.0  # length of a sample synapse

    def __init__(self, look: str, spiking: bool):
        super().__init__()
        self.look = look
        self.spiking = spiking
        self.font = _font(styles.SMALL_FONT_SIZE + 1)
        self.title_font = _font(styles.SMALL_FONT_SIZE + 1, bold=True)
        self.unit = " mV" if spiking else ""
        self.weights = [w / styles.SPIKING_WEIGHT_SCALE for w in LEGEND_WEIGHTS] if spiking else list(LEGEND_WEIGHTS)
        metrics = QFontMetricsF(self.font)
        self.row = max(metrics.height(), 16.0) + 6
        self.rows = [
            (1.0, QCoreApplication.translate("Figure", "excitatory synapse (w > 0)")),
            (-1.0, QCoreApplication.translate("Figure", "inhibitory synapse (w < 0)")),
        ]
        self.block_rows = [
            ((block_painting.WEIGHT_POSITIVE, block_painting.WEIGHT_NEGATIVE),
             QCoreApplication.translate("Figure", "weight block × wᵢ (darker: w < 0)")),
            ((block_painting.MULTIPLY, block_painting.SUM), QCoreApplication.translate("Figure", "operators × and Σ − θ")),
            ((block_painting.ACTIVATION,), QCoreApplication.translate("Figure", "activation function f")),
        ] if look == "blocks" else []
        texts = [text for _sign, text in self.rows] + [text for _fills, text in self.block_rows]
        text_width = max(metrics.horizontalAdvance(text) for text in texts)
        thickness_width = self._thickness_width(metrics)
        width = 10 + max(self.SAMPLE + 12 + text_width, thickness_width) + 6
        height = (8 + QFontMetricsF(self.title_font).height() + 2 + (3 + len(self.block_rows)) * self.row
                  + metrics.height() + 8)
        self._rect = QRectF(0, 0, width, height)
        self.setZValue(20)

    def _thickness_width(self, metrics: QFontMetricsF) -> float:
        label = metrics.horizontalAdvance(QCoreApplication.translate("Figure", "line width: |w|") + "  ")
        return label + len(self.weights) * self._cell_width(metrics)

    def _cell_width(self, metrics: QFontMetricsF) -> float:
        widest = max(metrics.horizontalAdvance(styles.format_number(w) + self.unit) for w in self.weights)
        return max(widest, 30.0) + 10

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._rect.adjusted(-1, -1, 1, 1)

    def _pen_for(self, weight: float) -> QPen:
        scale = styles.SPIKING_WEIGHT_SCALE if self.spiking else 1.0
        return styles.pen(styles.sign_color(weight), styles.synapse_width(weight * scale))

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(PALETTE.grid.darker(115), 1.0))
        painter.setBrush(QBrush(PALETTE.label_box))
        painter.drawRoundedRect(self._rect, 6, 6)
        metrics = QFontMetricsF(self.font)
        x0 = 10.0
        y = 8.0
        painter.setFont(self.title_font)
        painter.setPen(PALETTE.text)
        title_height = QFontMetricsF(self.title_font).height()
        painter.drawText(QRectF(x0, y, self._rect.width(), title_height), Qt.AlignmentFlag.AlignLeft, QCoreApplication.translate("Figure", "Legend"))
        y += title_height + 2
        unit_weight = self.weights[1]
        for sign, text in self.rows:
            mid = y + self.row / 2
            self._draw_sample(painter, QPointF(x0, mid), QPointF(x0 + self.SAMPLE, mid), sign * unit_weight)
            painter.setFont(self.font)
            painter.setPen(PALETTE.text)
            painter.drawText(QRectF(x0 + self.SAMPLE + 12, y, self._rect.width(), self.row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            y += self.row
        for fills, text in self.block_rows:
            for number, fill in enumerate(fills):
                painter.setPen(QPen(fill.darker(150), 1.2))
                painter.setBrush(QBrush(fill))
                painter.drawRoundedRect(QRectF(x0 + number * 18, y + self.row / 2 - 7, 14, 14), 2, 2)
            painter.setFont(self.font)
            painter.setPen(PALETTE.text)
            painter.drawText(QRectF(x0 + self.SAMPLE + 12, y, self._rect.width(), self.row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            y += self.row
        # Thickness scale: one short vertical-ish sample per |w|, its value under it.
        painter.setFont(self.font)
        painter.setPen(PALETTE.text)
        label = QCoreApplication.translate("Figure", "line width: |w|")
        painter.drawText(QRectF(x0, y, self._rect.width(), self.row),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        x = x0 + metrics.horizontalAdvance(label + "  ")
        cell = self._cell_width(metrics)
        for w in self.weights:
            painter.setPen(self._pen_for(w))
            painter.drawLine(QPointF(x + 4, y + self.row / 2), QPointF(x + cell - 8, y + self.row / 2))
            painter.setPen(PALETTE.muted_text)
            painter.drawText(QRectF(x - 4, y + self.row, cell, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             styles.format_number(w) + self.unit)
            x += cell

    def _draw_sample(self, painter: QPainter, start: QPointF, end: QPointF, weight: float) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._pen_for(weight))
        painter.drawLine(start, end)
        color = styles.sign_color(weight)
        if weight < 0:  # a flat bar, as on the canvas
            half = 7.0 if self.look == "biological" else 6.0
            painter.setPen(styles.pen(PALETTE.inhibitory, 4.0))
            painter.drawLine(QPointF(end.x(), end.y() - half), QPointF(end.x(), end.y() + half))
        elif self.look == "biological":  # a round bouton
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(color))
            painter.drawEllipse(QPointF(end.x() - 2, end.y()), 5.2, 5.2)
        else:  # an arrowhead
            size = 11.0
            path = QPainterPath(end)
            path.lineTo(end.x() - size, end.y() + size * 0.45)
            path.lineTo(end.x() - size, end.y() - size * 0.45)
            path.closeSubpath()
            painter.fillPath(path, QBrush(color))


# ---- the computation of one neuron -------------------------------------------------------------
def formula_lines(network: Network, engine, neuron_id: str) -> list[str]:
    """The neuron's computation with its numbers, as a student would write it. Raises ModelError."""
    neuron = network.neurons.get(neuron_id)
    if neuron is None:
        raise ModelError("there is no neuron {id!r} in the figure", id=neuron_id)
    if network.model == "spiking":
        return _spiking_lines(network, engine, neuron_id)
    if engine is None or engine.kind != "rate":
        engine = build_engine(network)  # the network at rest
    b = rate_breakdown(network, engine, neuron_id)
    fmt = styles.format_number
    if b.is_input:
        return [fill(QCoreApplication.translate("Figure", "Input %1"), b.label), f"x = {fmt(b.output)}"]
    terms = []
    for term in b.inputs[:MAX_TERMS]:
        w = fmt(term.w)
        terms.append(f"{'(' + w + ')' if term.w < 0 else w}·{fmt(term.x)}")
    if len(b.inputs) > MAX_TERMS:
        terms.append("…")
    theta = b.threshold or 0.0
    sum_text = " + ".join(terms) if terms else "0"
    sign = "−" if theta >= 0 else "+"
    return [
        fill(QCoreApplication.translate("Figure", "What %1 computes"), b.label),
        "a = f(Σ wᵢxᵢ − θ)",
        f"  = {b.activation}({sum_text} {sign} {fmt(abs(theta))})",
        f"  = {b.activation}({fmt(b.net)}) = {fmt(b.output)}",
    ]


def _spiking_lines(network: Network, engine, neuron_id: str) -> list[str]:
    if engine is None or engine.kind != "spiking":
        engine = build_engine(network)
    s = spiking_state(network, engine, neuron_id)
    fmt = styles.format_number
    if not s.is_cell:
        return [fill(QCoreApplication.translate("Figure", "Spike source %1"), s.label)]
    return [
        fill(QCoreApplication.translate("Figure", "What %1 computes"), s.label),
        "τ·dv/dt = v_rest − v + drive",
        f"v = {fmt(s.v_mV)} mV,  θ = {fmt(s.v_threshold_mV)} mV",
        fill(QCoreApplication.translate("Figure", "spike when v ≥ θ, then v = %1 mV"), fmt(s.v_reset_mV)),
    ]


def keras_block(network: Network) -> TextBlock:
    """The Dense lines and each layer's W and b = −θ, monospaced, in a box. Raises ModelError for a
    network that is no feedforward rate network with inputs."""
    summary = layer_summary(network, "ko" if language.STATE.language == "ko" else "en")
    if summary is None:
        raise ModelError("the Keras code and W matrices are for feedforward rate networks with inputs")
    code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    code_font.setPointSizeF(10)
    heading = QCoreApplication.translate("Figure", "In Keras")
    return TextBlock([(heading, _font(11, bold=True))] + [(line, code_font)
                                                         for line in layers_text_lines(summary, network)],
                     boxed=True)


def place_decorations(scene, network: Network, options, content: QRectF, engine) -> list[QGraphicsItem]:
    """Add the title (above), the legend and the formula (below) and under them the Keras code
    and W around `content`; return them."""
    items: list[QGraphicsItem] = []
    if options.title:
        title = TextBlock([(options.title, _font(16, bold=True))])
        scene.addItem(title)
        title.setPos(content.left(), content.top() - GAP - title.boundingRect().height())
        items.append(title)
    x = content.left()
    y = content.bottom() + GAP
    if options.legend:
        legend = LegendItem(options.look, network.model == "spiking")
        scene.addItem(legend)
        legend.setPos(x, y)
        items.append(legend)
        x += legend.boundingRect().width() + GAP
    if options.formula_neuron:
        lines = formula_lines(network, engine, options.formula_neuron)
        block = TextBlock([(lines[0], _font(11, bold=True))] + [(line, _font(12)) for line in lines[1:]],
                          boxed=True)
        scene.addItem(block)
        block.setPos(x, y)
        items.append(block)
    if options.keras:
        block = keras_block(network)
        scene.addItem(block)
        below = max([y - GAP] + [item.sceneBoundingRect().bottom() for item in items if item.y() >= y])
        block.setPos(content.left(), below + GAP)
        items.append(block)
    return items
