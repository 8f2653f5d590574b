"""One neuron on the canvas: a cell (soma, hillock, axon stub), a sensor (input) or a spike generator.

Items only draw and report geometry changes; they never write to the model. The look
("biological" and "schematic", painted by neuron_painting.py, or "blocks", by block_painting.py)
and all colours come from the scene and styles.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QGuiApplication, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neuron_sim.model import block_layout, geometry
from neuron_sim.model.analysis import RateBreakdown
from neuron_sim.model.entities import Neuron, SynapseKey

from neuron_sim.ui import styles
from neuron_sim.ui.styles import PALETTE
from neuron_sim.ui import plain_text
from neuron_sim.ui.canvas import block_painting, neuron_painting
from neuron_sim.ui.canvas.block_painting import NOTHING_LIT, Lit

R = styles.SOMA_RADIUS
S = styles.SENSOR_HALF
SR = styles.SCHEMATIC_RADIUS
AXON_HANDLE_RADIUS = 7.0
# Qt's enum members, looked up once: the lookup costs more than the rest of a constructor's Python
# work, and a large network makes 100,000 items.
_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
          | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_POSITION_CHANGE = QGraphicsItem.GraphicsItemChange.ItemPositionChange
_POSITION_HAS_CHANGED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged


_metrics: dict[bool, tuple[QFont, QFontMetricsF]] = {}


def _label_metrics(main: bool) -> QFontMetricsF:
    """The metrics of a name (main) or of the small text under it, made again only when the
    application's font changes (the label fonts derive from it)."""
    base = QGuiApplication.font()
    made = _metrics.get(main)
    if made is None or made[0] != base:
        made = _metrics[main] = (base, QFontMetricsF(styles.label_font() if main else styles.small_font()))
    return made[1]


class NeuronItem(QGraphicsItem):
    """Draws one Neuron record (the model's own object, which the model edits in place)."""

    def __init__(self, neuron: Neuron):
        super().__init__()
        self.neuron = neuron
        self.neuron_id = neuron.id
        # What the scene says about how to draw, copied so that an item removed from the scene
        # (or outliving its network) can still answer Qt's geometry questions.
        self.look = "biological"
        self.model = "rate"
        self.show_thresholds = True
        self.show_weights = True
        self.detail_follows_zoom = True  # False: every detail at any scale (figures, thumbnails)
        self.show_label = True  # figures may leave the names out
        self.activity = 0.0  # 0..1: rate, how strongly the soma is lit; spiking, how full the "vessel" is
        self.fired = False  # spiking: the soma flashes just after a spike
        self.refractory = False
        self.spiking = False
        self.value_text = ""  # the output a = … shown while a rate network plays
        self._state: tuple = ()
        self.hovered = False
        self.connect_target = False  # highlighted as the target of a connection being drawn
        self.has_inputs = False  # set by the scene: decorative dendrites when nothing arrives
        # the blocks look: the synapses arriving, top row first, with their weights (set by the
        # synapse layer), what the neuron computes (set while a rate network runs) and the lit blocks
        self.block_keys: list[SynapseKey] = []
        self.block_weights: list[float] = []
        self.breakdown: RateBreakdown | None = None
        self.lit: Lit = NOTHING_LIT
        self._label_rect = QRectF()
        self._bounds = QRectF()  # cached: Qt asks for it many times per move
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        # Moving a cached item repaints nothing: dragging hundreds of neurons stays smooth.
        self.setCacheMode(_DEVICE_CACHE)

    # ---- model access --------------------------------------------------------------------
    @property
    def is_sensor(self) -> bool:
        return self.neuron.kind != "neuron"

    def refresh(self, look: str, model: str, show_thresholds: bool, show_weights: bool = True) -> None:
        """Re-read the model (label, kind, parameters) and the scene's drawing options; redraw."""
        self.prepareGeometryChange()
        self.look, self.model, self.show_thresholds, self.show_weights = look, model, show_thresholds, show_weights
        self._label_rect = QRectF()
        self._bounds = QRectF()
        if self.hovered:
            self.setToolTip(self.toolTip())
        self.update()

    def toolTip(self) -> str:  # noqa: N802 (Qt's name)
        """What hovering the neuron says. Qt shows the text set on the item, which is set when the
        pointer enters it: made for every item, the texts cost more than the items in a large network."""
        return plain_text.tooltip(self._tooltip())

    def _tooltip(self) -> str:
        n = self.neuron
        if n.kind == "input":
            return QCoreApplication.translate("NeuronItem", "Input %1 = %2 (click to switch 0/1, double-click to type)") \
                .replace("%1", n.label).replace("%2", styles.format_number(n.value))
        if n.kind == "generator" and n.pattern == "dc":
            return QCoreApplication.translate("NeuronItem", "Current source %1: a constant current (DC)") \
                .replace("%1", n.label)
        if n.kind == "generator" and n.pattern == "ac":
            return QCoreApplication.translate("NeuronItem", "Current source %1: an alternating current (AC) of %2 Hz") \
                .replace("%1", n.label).replace("%2", styles.format_number(n.frequency_hz))
        if n.kind == "generator":
            return QCoreApplication.translate("NeuronItem", "Spike generator %1: %2 Hz").replace("%1", n.label) \
                .replace("%2", styles.format_number(n.rate_hz))
        return QCoreApplication.translate("NeuronItem", "Neuron %1 (double-click to type its threshold)").replace("%1", n.label)

    def set_state(self, level: float, fired: bool, refractory: bool, spiking: bool, output: float | None) -> None:
        """Playback state for this frame, `output` shown as "a = …" (None: nothing shown); redraws
        only if something visible changed, and writes the number only when it changed."""
        state = (round(level, 3), fired, refractory, spiking, output)
        if state == self._state:
            return
        text = "" if output is None else "a = " + styles.format_number(output)
        if text != self.value_text:
            self.prepareGeometryChange()
            self._label_rect = QRectF()
            self._bounds = QRectF()
        self._state = state
        self.activity, self.fired, self.refractory, self.spiking, self.value_text = level, fired, refractory, spiking, text
        self.update()

    def set_block_rows(self, keys: list[SynapseKey], weights: list[float]) -> None:
        """The blocks look's weight rows: the synapses arriving, top first, and their weights."""
        if keys == self.block_keys and weights == self.block_weights:
            return
        if len(keys) != len(self.block_keys):
            self.prepareGeometryChange()
            self._label_rect = QRectF()
            self._bounds = QRectF()
            scene = self.scene()
            if scene is not None:  # the body's size follows the rows
                scene.cell_sheet.invalidate()
        self.block_keys, self.block_weights = list(keys), list(weights)
        self.update()

    def set_breakdown(self, breakdown: RateBreakdown | None) -> None:
        """What the neuron computes now (its blocks show the numbers); None: nothing computed."""
        if breakdown != self.breakdown:
            self.breakdown = breakdown
            self.update()

    def set_lit(self, lit: Lit) -> None:
        if lit != self.lit:
            self.lit = lit
            self.update()

    def block_synapse_at(self, local: QPointF) -> SynapseKey | None:
        """The blocks look: the synapse whose × or weight block is at `local` (item coordinates)."""
        if self.look != "blocks":
            return None
        for key, (multiply, weight) in zip(self.block_keys, block_painting.row_rects(len(self.block_keys))):
            if multiply.united(weight).contains(local):
                return key
        return None

    def block_texts(self) -> block_painting.BlockTexts:
        """What this neuron's blocks say now."""
        return block_painting.block_texts(self.block_weights, self.neuron.threshold, self.breakdown,
                                          self.show_weights, self.show_thresholds)

    # ---- geometry ------------------------------------------------------------------------
    def body_rect(self) -> QRectF:
        if self.look == "blocks":
            left, top, right, bottom = block_layout.body_box(len(self.block_keys), self.is_sensor)
            return QRectF(left, top, right - left, bottom - top)
        if self.look == "schematic":
            return QRectF(-SR, -SR, 2 * SR, 2 * SR)
        if self.is_sensor:
            return QRectF(-S, -S, 2 * S, 2 * S)
        return QRectF(-R, -R, 2 * R, 2 * R)

    def axon_handle(self) -> QPointF:
        """Where a drag starts a new connection (the end of the axon stub)."""
        if self.look == "blocks":
            return QPointF(float(block_layout.output_x(self.is_sensor)), 0)
        if self.look == "schematic":
            return QPointF(SR, 0)
        x = (S + geometry.AXON_STUB * 0.6) if self.is_sensor else (R + geometry.AXON_STUB)
        return QPointF(x, 0)

    def text_lines(self) -> list[tuple[str, bool]]:
        """(text, is_main_label) shown under the body."""
        n = self.neuron
        model = self.model
        lines: list[tuple[str, bool]] = []
        if self.show_label and not (self.look == "schematic" and n.kind == "input"):
            lines.append((n.label, True))
        if self.look == "blocks":  # θ, the value and the output are written in the blocks
            return lines
        if not self.show_thresholds:
            return lines
        if n.kind == "neuron":
            if model == "rate":
                lines.append(("θ = " + styles.format_number(n.threshold), False))
            else:
                lines.append(("θ = " + styles.format_number(n.v_threshold_mV) + " mV", False))
        elif n.kind == "generator" and n.pattern == "dc":
            lines.append(("DC", False))
        elif n.kind == "generator" and n.pattern == "ac":
            lines.append(("AC " + styles.format_number(n.frequency_hz) + " Hz", False))
        elif n.kind == "generator" or model == "spiking":
            firing = n.kind == "generator" or n.value != 0  # a sensor of value 0 is silent
            lines.append((styles.format_number(n.rate_hz if firing else 0.0) + " Hz", False))
        elif self.look == "schematic":
            lines.append(("= " + styles.format_number(n.value), False))
        if self.value_text:
            lines.append((self.value_text, False))
        return lines

    def label_rect(self) -> QRectF:
        if self._label_rect.isNull():
            top = self.body_rect().bottom() + 3
            width, height = 0.0, 0.0
            for text, main in self.text_lines():
                metrics = _label_metrics(main)
                width = max(width, metrics.horizontalAdvance(text))
                height += metrics.height()
            self._label_rect = QRectF(-width / 2 + self._label_shift(), top, width, height)
        return self._label_rect

    def _label_shift(self) -> float:
        # Biological cells receive dendrites on the lower left: nudge text right, away from them.
        return 6.0 if self.look == "biological" and not self.is_sensor else 0.0

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        if self._bounds.isNull():
            body = self.body_rect().adjusted(-8, -8, 8, 8)
            if self.look == "biological":
                body = body.adjusted(-16, 0, geometry.AXON_STUB + 4, 0)
            self._bounds = body.united(self.label_rect().adjusted(-3, -2, 3, 3))
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        body = self.body_rect()
        if (self.is_sensor and self.look == "biological") or self.look == "blocks":
            path.addRoundedRect(body, 7, 7)
        else:
            path.addEllipse(body)
        path.addRect(self.label_rect())
        if self.look == "biological":
            handle = self.axon_handle()
            path.addEllipse(handle, AXON_HANDLE_RADIUS + 2, AXON_HANDLE_RADIUS + 2)
            path.addRect(QRectF(body.right() - 2, -4, handle.x() - body.right() + 2, 8))
        return path

    def near_axon_handle(self, local: QPointF) -> bool:
        d = local - self.axon_handle()
        return (d.x() ** 2 + d.y() ** 2) <= (AXON_HANDLE_RADIUS + 3) ** 2

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):  # noqa: N802
        # (Qt's own itemChange returns the value as it is)
        if change == _POSITION_CHANGE:
            scene = self.scene()
            return value if scene is None else scene.item_position(self, value)
        if change == _POSITION_HAS_CHANGED:
            scene = self.scene()
            if scene is not None:
                scene.neuron_item_moved(self)
        return value

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.setToolTip(self.toolTip())
        self.hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    # ---- painting ------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        n = self.neuron
        body = self.body_rect()
        if painter.worldTransform().m11() < styles.OVERVIEW_ZOOM and self.detail_follows_zoom:
            self._paint_overview(painter, n, body)
            return
        if self.isSelected() or self.hovered or self.connect_target:
            color = (PALETTE.connect_ok if self.connect_target else
                     PALETTE.selection_halo if self.isSelected() else PALETTE.hover_halo)
            painter.setPen(QPen(color, 7 if self.isSelected() or self.connect_target else 5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if (self.is_sensor and self.look == "biological") or self.look == "blocks":
                painter.drawRoundedRect(body.adjusted(-3, -3, 3, 3), 9, 9)
            else:
                painter.drawEllipse(body.adjusted(-3, -3, 3, 3))
        if self.look == "blocks" and n.kind != "generator":
            self._paint_blocks(painter, n)
        elif self.look == "schematic":
            neuron_painting.paint_schematic(painter, n, body, self.activity, self.spiking, self.fired)
        elif n.kind == "input":
            neuron_painting.paint_sensor(painter, n, body)
        elif n.kind == "generator":
            neuron_painting.paint_generator(painter, n, body, self.fired)
        else:
            neuron_painting.paint_cell(painter, body, self.has_inputs, self.spiking, self.activity, self.fired,
                                       self.refractory)
        if self.hovered or self.isSelected():
            painter.setPen(QPen(PALETTE.selection, 1.5))
            painter.setBrush(QBrush(PALETTE.background))
            painter.drawEllipse(self.axon_handle(), 4.0, 4.0)
        if painter.worldTransform().m11() >= styles.LABELS_HIDDEN_BELOW_ZOOM or not self.detail_follows_zoom:
            self._paint_text(painter)

    def _paint_overview(self, painter: QPainter, n: Neuron, body: QRectF) -> None:
        neuron_painting.paint_overview(painter, body, neuron_painting.overview_fill(n, self.activity),
                                       self.isSelected(), self.look == "blocks")

    def _paint_blocks(self, painter: QPainter, n: Neuron) -> None:
        if n.kind == "input":
            block_painting.paint_input_block(painter, n.value)
            return
        block_painting.paint_neuron_blocks(painter, self.block_texts(), self.block_weights, n.activation,
                                           self.breakdown, self.lit)

    def _paint_text(self, painter: QPainter) -> None:
        rect = self.label_rect()
        y = rect.top()
        for text, main in self.text_lines():
            font = styles.label_font() if main else styles.small_font()
            metrics = QFontMetricsF(font)
            painter.setFont(font)
            painter.setPen(PALETTE.text if main else PALETTE.muted_text)
            line = QRectF(rect.left() - 20, y, rect.width() + 40, metrics.height())
            painter.drawText(line, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
            y += metrics.height()
