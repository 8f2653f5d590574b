"""The computation panel shows the model's own numbers for the selected neuron, live."""

from __future__ import annotations

import time

import numpy as np
import pytest

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.ui.panels.computation_panel import ComputationPanel
from neuron_sim.ui.playback import Playback


def and_gate(x1: float = 1.0, x2: float = 1.0) -> Network:
    network = Network(name="AND")
    network.add_neuron(Neuron("x1", kind="input", value=x1))
    network.add_neuron(Neuron("x2", kind="input", value=x2))
    network.add_neuron(Neuron("y", activation="step", threshold=1.5))
    network.connect(Synapse("x1", "y", weight=1.0))
    network.connect(Synapse("x2", "y", weight=1.0))
    return network


def relay() -> Network:
    network = Network(model="spiking", dt_ms=0.1)
    network.add_neuron(Neuron("g1", kind="generator", rate_hz=100.0))
    network.add_neuron(Neuron("n1", label="cell"))
    network.connect(Synapse("g1", "n1", weight=20.0, delay_ms=1.0))
    return network


@pytest.fixture
def make(qtbot):
    made = []

    def build(network: Network):
        playback = Playback(network)
        panel = ComputationPanel(playback)
        qtbot.addWidget(panel)
        panel.resize(480, 600)
        panel.show()
        qtbot.waitExposed(panel)
        made.append(playback)
        return playback, panel

    yield build
    for playback in made:
        playback.pause()


def test_nothing_selected_shows_a_hint(make):
    _, panel = make(and_gate())
    assert panel.hint_text() == "Select a neuron to see what it computes"
    panel.show_selection(["y"], [])
    assert panel.hint_text() == ""
    panel.show_selection([], [])
    assert panel.hint_text() == "Select a neuron to see what it computes"


def test_and_gate_after_a_step(make):
    playback, panel = make(and_gate(1, 1))
    panel.show_selection(["y"], [])
    playback.step()
    panel.refresh()
    assert panel.input_rows() == [("x1", "1", "1", "1"), ("x2", "1", "1", "1")]
    assert panel.value_text("sum") == "2"
    assert panel.value_text("threshold") == "1.5"
    assert panel.value_text("bias") == "\u22121.5"
    assert panel.value_text("net") == "0.5"
    assert "f(x) = 1 if x ≥ 0 else 0" in panel.value_text("activation")
    assert panel.value_text("output") == "1"
    assert "f(0.5) = 1" in panel.equation_text() and "Σ = 1·1 + 1·1 = 2" in panel.equation_text()
    assert panel.breakdown.settled


def test_the_panel_follows_edits_live_and_a_feedforward_network_is_always_evaluated(qtbot, make):
    """Issue #15 point 1: an edit re-evaluates a feedforward network, so the panel never waits for
    a step ("the inputs changed since y last computed…" cannot happen)."""
    playback, panel = make(and_gate(1, 1))
    panel.show_selection(["y"], [])
    assert panel.value_text("output") == "1" and panel.breakdown.settled  # before any step
    playback.network.set_neuron_param("x2", "value", 0.0)  # the playback emits `advanced`
    qtbot.waitUntil(lambda: panel.value_text("sum") == "1", timeout=1000)
    assert panel.value_text("net") == "\u22120.5" and panel.value_text("output") == "0"
    assert panel.breakdown.settled and "still shows" not in panel.note_text()
    assert playback.engine.output_of("y") == 0.0


def test_a_synchronous_network_shows_its_next_tick_after_an_edit(qtbot, make):
    network = and_gate(1, 1)
    network.set_param("update", "synchronous")
    playback, panel = make(network)
    panel.show_selection(["y"], [])
    playback.step()
    panel.refresh()
    assert panel.value_text("output") == "1" and "still shows" not in panel.note_text()
    playback.network.set_neuron_param("y", "threshold", 2.5)
    qtbot.waitUntil(lambda: "still shows a = 1" in panel.note_text(), timeout=1000)
    playback.step()
    qtbot.waitUntil(lambda: "still shows" not in panel.note_text(), timeout=1000)
    assert panel.value_text("output") == "0"


def test_a_selected_synapse_explains_its_target_with_its_row_marked(make):
    playback, panel = make(and_gate(1, 0))
    panel.show_selection([], [("x2", "y")])
    assert panel.focus == "y"
    assert panel.input_rows()[1] == ("x2", "0", "1", "0")
    assert panel.table.item(1, 0).background().color() != panel.table.item(0, 0).background().color()


def test_an_input_shows_its_value(make):
    _, panel = make(and_gate(0.25, 1))
    panel.show_selection(["x1"], [])
    assert panel.value_text("value") == "0.25"
    assert "value you set" in panel.note_text()


def test_a_computing_neuron_is_preferred_in_a_mixed_selection(make):
    _, panel = make(and_gate())
    panel.show_selection(["x1", "y", "x2"], [])
    assert panel.focus == "y"


def test_a_network_that_cannot_run_says_so(make):
    network = Network(update="feedforward")
    network.add_neuron(Neuron("a"))
    network.add_neuron(Neuron("b"))
    network.connect(Synapse("a", "b"))
    network.connect(Synapse("b", "a"))
    playback, panel = make(network)
    assert playback.engine is None
    panel.show_selection(["a"], [])
    assert "cannot run" in panel.hint_text()


def test_spiking_cell_shows_its_membrane(make):
    playback, panel = make(relay())
    panel.show_selection(["n1"], [])
    assert panel.value_text("v") == "\u221270 mV" and panel.value_text("last_spike") == "not yet"
    for _ in range(11):  # the generator fires at 0 ms; 20 mV arrive 1 ms later (step 10)
        playback.step()
    panel.refresh()
    assert panel.value_text("v") == "\u221250 mV"  # above threshold: it fires in the next step
    playback.step()
    panel.refresh()
    engine = playback.engine
    v = engine.v[engine.index["n1"]]
    assert v == -70.0  # the cell fired in step 11 and was reset
    # on the clock the window shows (t = 1.2 ms after 12 steps): since = t − last spike
    assert playback.time_text() == "t = 1.2 ms" and panel.value_text("time") == "1.2 ms"
    assert panel.value_text("last_spike") == "1.1 ms" and panel.value_text("since") == "0.1 ms"
    assert panel.value_text("refractory") == "yes, 1.9 ms left"  # held until 1.1 + 2 ms
    assert panel.value_text("v_threshold") == "\u221255 mV"
    for _ in range(5):
        playback.step()
    panel.refresh()
    assert playback.time_text() == "t = 1.7 ms" and panel.value_text("time") == "1.7 ms"
    assert panel.value_text("since") == "0.6 ms" and panel.value_text("refractory") == "yes, 1.4 ms left"
    assert panel.state.v_mV == pytest.approx(float(engine.v[engine.index["n1"]]))


def test_spiking_source_shows_its_spikes(make):
    playback, panel = make(relay())
    panel.show_selection(["g1"], [])
    for _ in range(3):
        playback.step()
    panel.refresh()
    assert playback.time_text() == "t = 0.3 ms"  # three steps on the clock: since = t − 0 ms
    assert panel.value_text("time") == "0.3 ms"
    assert panel.value_text("last_spike") == "0 ms" and panel.value_text("since") == "0.3 ms"
    assert "100 times a second" in panel.note_text()


def test_redraws_are_throttled_and_skipped_while_hidden(qtbot, make):
    playback, panel = make(and_gate())
    panel.show_selection(["y"], [])
    draws = []
    original = panel._draw
    panel._draw = lambda: (draws.append(1), original())
    start = time.perf_counter()
    panel.refresh()
    for _ in range(20):
        playback.step()
    # one draw per 1/30 s at most: the steps in between only start the timer
    assert len(draws) <= 2 + int((time.perf_counter() - start) * 30)
    qtbot.waitUntil(lambda: not panel.redraws.dirty, timeout=1000)
    panel.hide()
    count = len(draws)
    for _ in range(5):
        playback.step()
    qtbot.wait(60)
    assert len(draws) == count
    panel.show()
    assert len(draws) == count + 1  # catches up when shown
    assert panel.value_text("output") == "1"
    assert np.isfinite(panel.breakdown.net)


# ---- the inputs table: columns as wide as their headers, scrolling when the dock is narrow ----
@pytest.fixture(params=["en", "ko"])
def language(request, qapp):
    from neuron_sim.ui.i18n import language

    language.apply_language(qapp, request.param, font_check=lambda: True)
    yield request.param
    language.apply_language(qapp, "en")


def _layer(inputs: int) -> Network:
    network = Network()
    for i in range(inputs):
        network.add_neuron(Neuron(f"x{i}", kind="input", value=1.0))
    network.add_neuron(Neuron("y", label="y", activation="sigmoid"))
    for i in range(inputs):
        network.connect(Synapse(f"x{i}", "y", weight=0.5))
    return network


def _cramped_headers(table) -> list[str]:
    """The headings with a line without 2 px of room on each side, beyond the style's margin."""
    from PySide6.QtWidgets import QStyle

    header = table.horizontalHeader()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    metrics = header.fontMetrics()
    texts = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return [text for c, text in enumerate(texts)
            if max(metrics.horizontalAdvance(line) for line in text.split("\n")) + 2 * margin + 4
            > header.sectionSize(c)]


def _headings(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def _laid_out(table) -> bool:
    """The view's sideways scroll range has caught up with its columns (it follows a layout pass)."""
    header = table.horizontalHeader()
    overflow = sum(header.sectionSize(c) for c in range(table.columnCount())) - table.viewport().width()
    return table.horizontalScrollBar().maximum() == max(overflow, 0)


def test_every_header_is_shown_in_full_in_a_wide_panel(qtbot, make, language):
    _, panel = make(_layer(2))
    panel.show_selection(["y"], [])
    table = panel.table
    if language == "ko":
        assert table.horizontalHeaderItem(1).text() == "수상돌기 입력 xᵢ"
    assert _cramped_headers(table) == []
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(4)]
    assert sum(widths) == table.viewport().width() and table.horizontalScrollBar().maximum() == 0
    needed = table.content_widths()
    assert widths[1:] == needed[1:] and widths[0] > needed[0]  # the spare width goes to the names


def test_a_narrow_panel_narrows_the_headings_instead_of_scrolling(qtbot, make, language):
    _, panel = make(_layer(3))
    panel.show_selection(["y"], [])
    table = panel.table
    full = _headings(table)
    assert "\n" not in "".join(full) and not any(table.horizontalHeaderItem(c).toolTip() for c in range(4))
    rows = panel.input_rows()
    for width in (340, 300, 260, 220):  # 220: narrower than the panel's own rows allow
        panel.resize(width, 600)
        qtbot.waitUntil(lambda: table.viewport().width() < width and _laid_out(table), timeout=5000)
        assert table.horizontalScrollBar().maximum() == 0, width  # every column in sight
        assert _cramped_headers(table) == [], width
        assert panel.input_rows() == rows  # the cells keep their text: only the headings give way
        for column, text in enumerate(_headings(table)):
            tip = table.horizontalHeaderItem(column).toolTip()
            if text.replace("\n", " ") != full[column]:  # a short form: the full heading, a hover away
                assert tip == full[column] and len(text) < len(full[column])
            else:
                assert tip == ""
    assert _headings(table) != full
    panel.resize(700, 600)  # widening brings the full headings back
    qtbot.waitUntil(lambda: _headings(table) == full, timeout=5000)
    assert not any(table.horizontalHeaderItem(c).toolTip() for c in range(4))


def test_a_panel_too_narrow_even_for_short_headings_scrolls_sideways_and_clips_no_row(qtbot, make, language):
    network = _layer(3)
    for i in range(3):  # names wider than the narrowest panel: no heading can make room for them
        network.set_neuron_param(f"x{i}", "label", f"the sensor on the far left, number {i}")
    _, panel = make(network)
    panel.show_selection(["y"], [])
    table = panel.table
    panel.resize(220, 600)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0, timeout=5000)
    assert _cramped_headers(table) == []
    header = table.horizontalHeader()
    assert [header.sectionSize(c) for c in range(4)] == table.content_widths()  # none squeezed
    last = table.visualRect(table.model().index(table.rowCount() - 1, 1))
    assert last.bottom() < table.viewport().height()  # the scroll bar does not cover the last row


@pytest.mark.parametrize("example_name", ["single-neuron", "logistic-unit", "xor", "or-gate"])
def test_the_inputs_table_fits_the_dock_at_the_default_window_size(qtbot, language, example_name):
    """As a teacher first sees it: the window at the size it opens at, an example from the start
    page, its neuron of interest selected; no column is cut at the dock's edge."""
    from PySide6.QtWidgets import QApplication, QMessageBox, QScrollArea

    from neuron_sim.ui.examples import all_examples
    from neuron_sim.ui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    window.show()
    qtbot.waitExposed(window)
    example = next(e for e in all_examples() if e.file == f"{example_name}.json")
    window.document.open_example(example)
    panel = window.instruments.panel
    table = panel.table
    qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() >= 2, timeout=5000)
    for _ in range(3):  # the dock takes the panel's new height (and its scroll bar) a pass later
        qtbot.wait(10)
        QApplication.processEvents()
    qtbot.waitUntil(lambda: _laid_out(table), timeout=5000)
    assert table.horizontalScrollBar().maximum() == 0, _headings(table)
    assert _cramped_headers(table) == []
    scroller = window.instruments.panel_dock.findChild(QScrollArea)
    right = table.viewport().mapTo(scroller.viewport(), table.viewport().rect().topRight()).x()
    assert right < scroller.viewport().width() and scroller.horizontalScrollBar().maximum() == 0
    window.close()


def test_a_note_row_spans_the_table_without_widening_the_first_column(make):
    network = and_gate()
    network.add_neuron(Neuron("lonely", activation="step"))
    _, panel = make(network)
    panel.show_selection(["y"], [])
    first_width = panel.table.horizontalHeader().sectionSize(0)
    panel.show_selection(["lonely"], [])
    table = panel.table
    assert table.rowCount() == 1 and table.columnSpan(0, 0) == 4
    assert panel.input_rows()[0][0] == "no synapse arrives: Σ = 0"
    panel.show_selection(["y"], [])
    assert table.columnSpan(0, 0) == 1 and table.horizontalHeader().sectionSize(0) == first_width
