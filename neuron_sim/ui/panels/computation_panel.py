"""What the selected neuron computes, live: each input xᵢ, weight wᵢ and product wᵢ·xᵢ, then the
weighted sum Σ, the threshold θ (bias b = −θ), the net input, the activation f and the output a.

Each heading pairs the biology with the machine-learning word ("dendrite input xᵢ", "weighted
sum Σ (soma)", "output a (axon)"). A spiking cell shows its membrane instead: v, threshold, rest,
reset, drive, time since the last spike and the refractory period. The numbers come from
`neuron_sim.model.analysis`, read from the playback's engine on every `advanced` signal
(through a ThrottledRedraw: at most 30 times a second, and not while the panel is hidden).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neuron_sim.model.analysis import RateBreakdown, SpikingState, rate_breakdown, spiking_state

from neuron_sim.ui.events import connect_all
from neuron_sim.ui.panels.fitting_table import FittingTable
from neuron_sim.ui.styles import PALETTE, duration_parts, format_number, sign_color
from neuron_sim.ui.throttle import ThrottledRedraw
from neuron_sim.ui.i18n.vocabulary import Vocabulary
from neuron_sim.ui.i18n.filling import fill
from neuron_sim.ui.plain_text import plain_label

MAX_INPUT_ROWS = 100
VISIBLE_INPUT_ROWS = 8
MAX_EQUATION_TERMS = 6
NUMBER_POINT_SIZE = 14


class ComputationPanel(QWidget):
    """Construct with the Playback; the main window forwards the selection to `show_selection`."""

    def __init__(self, playback, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("computation_panel")
        self.playback = playback
        self._words = Vocabulary(self)
        self._neuron_ids: list[str] = []
        self._synapse_keys: list[tuple[str, str]] = []
        self.redraws = ThrottledRedraw(self, lambda: self._draw())
        self.focus: str | None = None  # the neuron shown
        self.breakdown: RateBreakdown | None = None
        self.state: SpikingState | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self._title = plain_label()
        self._title.setObjectName("computation_title")
        title_font = QFont()
        title_font.setPointSizeF(NUMBER_POINT_SIZE)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._note = plain_label()
        self._note.setObjectName("computation_note")
        self._note.setWordWrap(True)
        self._note.setStyleSheet(f"color: {PALETTE.muted_text.name()};")
        self._hint = QLabel(self.tr("Select a neuron to see what it computes"))
        self._hint.setObjectName("computation_hint")
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet(f"color: {PALETTE.muted_text.name()}; font-size: 13pt; padding: 12px;")
        self._stack = QStackedWidget()
        self._stack.addWidget(self._hint)
        self._stack.addWidget(self._build_rate_page())
        self._stack.addWidget(self._build_values_page())
        layout.addWidget(self._title)
        layout.addWidget(self._note)
        layout.addWidget(self._stack, 1)
        self._links = connect_all([(playback.advanced, self.redraws.request)], owner=self)
        self.refresh()

    # ---- pages --------------------------------------------------------------------------------
    def _build_rate_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.table = FittingTable(4, VISIBLE_INPUT_ROWS)
        self.table.setObjectName("computation_inputs")
        # In a narrow dock a heading shows its short form (the symbol alone), the full one in its tooltip.
        self.table.set_headings(
            [self.tr("from (axon of)"), self.tr("dendrite input xᵢ"),
             self.tr("synapse strength wᵢ"), self.tr("wᵢ·xᵢ")],
            short=[self.tr("from", "the sending neuron, short heading"), self.tr("xᵢ"), self.tr("wᵢ"), None])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column.addWidget(self.table)
        self._rate_rows = self._grid(column, [
            ("sum", self.tr("weighted sum Σ (soma)"), self.tr("Σ = Σᵢ wᵢ·xᵢ: the dendrites' inputs added up in the soma")),
            ("threshold", self.tr("threshold θ"), self.tr("how much Σ must reach before the neuron fires")),
            ("bias", self.tr("bias b = −θ"), self.tr("deep learning's name for the threshold, with the sign flipped")),
            ("net", self.tr("net input Σ − θ (= Σ + b)"), self.tr("above 0 when Σ is past the threshold")),
            ("activation", self.tr("activation f (firing)"), self.tr("the rule that turns the net input into an output")),
            ("output", self.tr("output a = f(net) (axon)"), self.tr("what the axon carries to the next neurons")),
        ])
        self._equation = plain_label()
        self._equation.setObjectName("computation_equation")
        self._equation.setWordWrap(True)
        self._equation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self._equation)
        column.addStretch(1)
        activation = self._rate_rows["activation"][1]
        activation.setFont(QFont())
        activation.setWordWrap(True)
        equation_font = QFont()
        equation_font.setPointSizeF(NUMBER_POINT_SIZE - 2)
        self._equation.setFont(equation_font)
        return page

    def _build_values_page(self) -> QWidget:
        """Inputs (their value) and spiking cells and sources (membrane and spikes)."""
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self._value_rows = self._grid(column, [
            ("value", self.tr("input value x (sensor)"), self.tr("an input passes the value you set along its axon")),
            ("rate", self.tr("firing rate"), self.tr("how often the sensor fires while its value is not 0")),
            ("v", self.tr("membrane potential v"), self.tr("the charge the soma has gathered")),
            ("v_threshold", self.tr("firing threshold"), self.tr("the cell fires (spikes) when v reaches it")),
            ("v_rest", self.tr("resting potential"), self.tr("where v settles with no input")),
            ("v_reset", self.tr("reset potential"), self.tr("v right after a spike")),
            ("drive", self.tr("constant drive (input current)"), self.tr("v tends to rest + drive")),
            ("input", self.tr("input current now (R·I)"),
             self.tr("what the current synapses and current sources feed the cell at this moment")),
            ("adaptation", self.tr("adaptation (R·g)"),
             self.tr("grows with each spike and fades; it pulls v back towards rest")),
            ("time", self.tr("time now t"),
             self.tr("the moment these numbers belong to: while playing, the status bar's clock may be a frame ahead")),
            ("last_spike", self.tr("last spike (axon)"), self.tr("when the cell last fired")),
            ("since", self.tr("time since last spike"), ""),
            ("refractory", self.tr("refractory"), self.tr("just after a spike the cell ignores its input")),
        ])
        column.addStretch(1)
        return page

    def _grid(self, column: QVBoxLayout, rows) -> dict[str, tuple[QLabel, QLabel]]:
        frame = QFrame()
        grid = QGridLayout(frame)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setColumnStretch(1, 1)
        font = QFont()
        font.setPointSizeF(NUMBER_POINT_SIZE)
        result = {}
        for r, (key, name, tip) in enumerate(rows):
            name_label = QLabel(name)
            value_label = plain_label()
            value_label.setObjectName(f"computation_{key}")
            value_label.setFont(font)
            value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            for label in (name_label, value_label):
                label.setToolTip(tip)
            grid.addWidget(name_label, r, 0)
            grid.addWidget(value_label, r, 1)
            result[key] = (name_label, value_label)
        bold = QFont(font)
        bold.setBold(True)
        if "output" in result:
            result["output"][1].setFont(bold)
        column.addWidget(frame)
        return result

    # ---- public API ---------------------------------------------------------------------------
    def add_section(self, widget: QWidget) -> None:
        """Another view of the selected neuron, under this one (the Train dock's learning step)."""
        self.layout().addWidget(widget)

    def show_selection(self, neuron_ids: list[str], synapse_keys: list) -> None:
        self._neuron_ids = list(dict.fromkeys(neuron_ids))
        self._synapse_keys = [tuple(key) for key in synapse_keys]
        self.redraws.request_now()

    def refresh(self) -> None:
        """Read the engine and redraw now."""
        self.redraws.draw()

    def value_text(self, key: str) -> str:
        """The number shown for `key` (sum, threshold, bias, net, activation, output, v, …)."""
        rows = self._rate_rows if key in self._rate_rows else self._value_rows
        return rows[key][1].text()

    def input_rows(self) -> list[tuple[str, str, str, str]]:
        table = self.table
        return [tuple(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())]

    def hint_text(self) -> str:
        return self._hint.text() if self._stack.currentWidget() is self._hint else ""

    def note_text(self) -> str:
        return self._note.text()

    def equation_text(self) -> str:
        return self._equation.text()

    # ---- drawing ------------------------------------------------------------------------------
    def _choose(self) -> tuple[str | None, tuple[str, str] | None]:
        """The neuron to explain (first selected computing neuron, else the first selected,
        else the target of a selected synapse) and the synapse to highlight."""
        neurons = self.playback.network.neurons
        present = [nid for nid in self._neuron_ids if nid in neurons]
        chosen = next((nid for nid in present if neurons[nid].kind == "neuron"),
                      present[0] if present else None)
        if chosen is not None:
            return chosen, None
        key = next((k for k in self._synapse_keys if k in self.playback.network.synapses), None)
        return (key[1], key) if key else (None, None)

    def _draw(self) -> None:
        nid, highlight = self._choose()
        self.focus, self.breakdown, self.state = nid, None, None
        network = self.playback.network
        if nid is None:
            self._title.clear()
            self._note.clear()
            self._hint.setText(self.tr("Select a neuron to see what it computes"))
            self._stack.setCurrentWidget(self._hint)
            return
        neuron = network.neurons[nid]
        self._title.setText(self._words.neuron_title(neuron.kind, neuron.label))
        engine = self.playback.engine
        if engine is None:
            self._note.clear()
            reason = getattr(self.playback, "error", "")
            self._hint.setText(fill(self.tr("This network cannot run, so {label} computes nothing yet."),
                                    label=neuron.label) + ("\n" + reason if reason else ""))
            self._stack.setCurrentWidget(self._hint)
            return
        if nid not in engine.index:  # the engine is being rebuilt
            return
        if engine.kind == "rate":
            self._draw_rate(rate_breakdown(network, engine, nid), highlight)
        else:
            self._draw_spiking(spiking_state(network, engine, nid), neuron)

    def _draw_rate(self, b: RateBreakdown, highlight) -> None:
        self.breakdown = b
        if b.is_input:
            self._show_values({"value": format_number(b.output)})
            self._note.setText(self.tr("An input has no dendrites and computes nothing: "
                                       "its output a is the value you set."))
            return
        self._stack.setCurrentIndex(1)
        self._fill_table(b, highlight)
        rows = self._rate_rows
        rows["sum"][1].setText(format_number(b.weighted_sum))
        rows["threshold"][1].setText(format_number(b.threshold))
        rows["bias"][1].setText(format_number(b.bias))
        rows["net"][1].setText(format_number(b.net))
        name = self._words.choice("activation", b.activation)
        rows["activation"][1].setText(f"{name}\n{b.formula}")
        rows["output"][1].setText(format_number(b.output))
        self._equation.setText(self._equation_for(b))
        if b.settled:
            self._note.setText(self.tr("a = f(Σ − θ): the weighted sum of the inputs, past the threshold, "
                                       "through the activation function."))
        else:
            self._note.setText(fill(self.tr("The inputs changed since {label} last computed, so the canvas still "
                                            "shows a = {shown}. These are the values of its next step."),
                                    label=b.label, shown=format_number(b.engine_output)))

    def _equation_for(self, b: RateBreakdown) -> str:
        def product(term) -> str:
            x = format_number(term.x)
            return f"{format_number(term.w)}·{'(' + x + ')' if term.x < 0 else x}"

        terms = [product(t) for t in b.inputs[:MAX_EQUATION_TERMS]]
        if len(b.inputs) > MAX_EQUATION_TERMS:
            terms.append("…")
        total = " + ".join(terms) if terms else "0"
        theta = format_number(b.threshold)
        sums = self.tr("Σ = {terms} = {sum}").format(terms=total, sum=format_number(b.weighted_sum))
        output = self.tr("a = f(Σ − θ) = f({sum} − {theta}) = f({net}) = {a}").format(
            sum=format_number(b.weighted_sum), theta=f"({theta})" if b.threshold < 0 else theta,
            net=format_number(b.net), a=format_number(b.output))
        return f"{sums}\n{output}"

    def _fill_table(self, b: RateBreakdown, highlight) -> None:
        inputs = b.inputs[:MAX_INPUT_ROWS]
        extra = len(b.inputs) - len(inputs)
        table = self.table
        rows = len(inputs) + (1 if extra or not inputs else 0)
        if table.rowCount() != rows:
            table.setRowCount(rows)
        if not inputs:
            self._note_row(0, self.tr("no synapse arrives: Σ = 0"))
        for r, term in enumerate(inputs):
            if table.columnSpan(r, 0) > 1:  # was a note row
                table.setSpan(r, 0, 1, 1)
            marked = highlight is not None and highlight[0] == term.source_id
            texts = (term.label, format_number(term.x), format_number(term.w), format_number(term.product))
            for c, text in enumerate(texts):
                cell = self._cell(r, c)
                cell.setText(text)
                cell.setBackground(PALETTE.selection_halo if marked else PALETTE.background)
            self._cell(r, 2).setForeground(sign_color(term.w))
        if extra:
            self._note_row(len(inputs), self.tr("… and {n} more").format(n=extra))
        table.fit()

    def _note_row(self, row: int, text: str) -> None:
        """A sentence across the whole row, not squeezed into (or widening) the first column."""
        for c in range(4):
            cell = self._cell(row, c)
            cell.setText("" if c else text)
            cell.setBackground(PALETTE.background)
        if self.table.columnSpan(row, 0) == 1:
            self.table.setSpan(row, 0, 1, 4)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        cell = self.table.item(row, column)
        if cell is None:
            cell = QTableWidgetItem()
            if column:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, cell)
        return cell

    def _draw_spiking(self, s: SpikingState, neuron) -> None:
        self.state = s
        values = {"time": self.duration_text(s.time_ms)}  # with last spike and since: three numbers that add up
        if s.last_spike_ms is not None:
            values["last_spike"] = self.duration_text(s.last_spike_ms)
            values["since"] = self.duration_text(s.since_last_spike_ms)
        else:
            values["last_spike"] = values["since"] = self.tr("not yet")
        if not s.is_cell and neuron.kind == "generator" and neuron.pattern in ("dc", "ac"):
            self._show_values({})  # it never spikes: no last spike to show
            shape = "1" if neuron.pattern == "dc" else f"sin(2π·{format_number(neuron.frequency_hz)} Hz·t)"
            self._note.setText(self.tr("{label} is a current source: it sends no spikes; each of its synapses "
                                       "adds weight × {shape} (mV, as R·I) to its target's input at every "
                                       "step.").format(label=s.label, shape=shape))
            return
        if not s.is_cell:
            if s.kind == "input":
                values["value"] = format_number(neuron.value)
            rate = self.tr("{rate} Hz").format(rate=format_number(neuron.rate_hz))
            values["rate"] = rate if s.kind != "input" or neuron.value != 0 else self.tr("silent (value 0)")
            self._show_values(values)
            self._note.setText(self.tr("{label} is a spike source: it fires {rate} times a second by "
                                       "its own clock{when}.").format(
                label=s.label, rate=format_number(neuron.rate_hz),
                when=self.tr(" while its value is not 0") if s.kind == "input" else ""))
            return
        mv = self.tr("{v} mV")
        values.update({
            "v": mv.format(v=format_number(s.v_mV)),
            "v_threshold": mv.format(v=format_number(s.v_threshold_mV)),
            "v_rest": mv.format(v=format_number(s.v_rest_mV)),
            "v_reset": mv.format(v=format_number(s.v_reset_mV)),
            "drive": mv.format(v=format_number(s.drive_mV)),
            **({"input": mv.format(v=format_number(s.input_mV))} if s.input_mV is not None else {}),
            **({"adaptation": format_number(s.adaptation)} if s.adaptation is not None else {}),
            "refractory": (self.tr("yes, {t} left").format(t=self.duration_text(s.refractory_left_ms))
                           if s.refractory else self.tr("no")),
        })
        self._show_values(values)
        gap = s.v_threshold_mV - s.v_mV
        self._note.setText(self.tr("The cell fires when v reaches the threshold: {gap} mV to go.").format(
            gap=format_number(max(gap, 0.0))) if not s.refractory else
            self.tr("The cell has just fired: it is held at the reset potential."))

    def duration_text(self, ms: float) -> str:
        """2.4 s, not 2.4e+03 ms (styles.duration_parts)."""
        number, unit = duration_parts(ms)
        return (self.tr("{t} s") if unit == "s" else self.tr("{t} ms")).format(t=number)

    def _show_values(self, values: dict[str, str]) -> None:
        self._stack.setCurrentIndex(2)
        for key, (name_label, value_label) in self._value_rows.items():
            shown = key in values
            name_label.setVisible(shown)
            value_label.setVisible(shown)
            if shown:
                value_label.setText(values[key])

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.redraws.dirty:
            self.refresh()
