"""The instrument docks draw the recorder's and the engine's numbers, and load pyqtgraph lazily."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.activations import sigmoid
from neuron_sim.model import recording
from neuron_sim.model.analysis import fi_curve
from neuron_sim.ui.panels.plots import ActivationDock, RasterDock, TraceDock, create_plot_docks
from neuron_sim.ui.styles import format_number

from .plot_helpers import and_gate, relay, run


def test_importing_the_instruments_does_not_import_pyqtgraph():
    code = textwrap.dedent("""
        import sys
        import neuron_sim.ui.panels.plots, neuron_sim.ui.panels.plots.trace, neuron_sim.ui.panels.computation_panel
        assert "pyqtgraph" not in sys.modules, "imported at module load"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from neuron_sim.model import Network, Neuron
        from neuron_sim.ui.playback import Playback
        from neuron_sim.ui.panels.plots import create_plot_docks
        from neuron_sim.ui.panels.computation_panel import ComputationPanel
        network = Network()
        network.add_neuron(Neuron("n"))
        playback = Playback(network)
        docks = create_plot_docks(playback)
        panel = ComputationPanel(playback)
        panel.show()
        for dock in docks:
            dock.show_selection(["n"], [])
        playback.step()
        assert "pyqtgraph" not in sys.modules, "imported before a dock was shown"
        docks[0].show()
        assert "pyqtgraph" in sys.modules
        print("ok")
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


# ---- traces --------------------------------------------------------------------------------
def test_rate_trace_is_the_recorders_data(make):
    playback, dock = make(TraceDock, and_gate(), ["y", "x1"])
    run(playback, 5)
    dock.refresh()
    recorder = playback.recorder
    for nid in ("y", "x1"):
        x, y = dock.curve_data(nid)
        assert np.array_equal(x, recorder.times()) and np.array_equal(y, recorder.values(nid))
    assert dock.legend_labels() == ["AND", "x1"]
    assert dock.threshold_levels() == [1.0]  # a step neuron outputs f(0) = 1 where Σ = θ
    assert dock.hint_text() == ""


def test_trace_scrolls_with_a_window(make):
    playback, dock = make(TraceDock, relay(), ["n1"])
    dock.set_window(10.0)
    run(playback, 300)
    dock.refresh()
    times = playback.recorder.times()
    x, y = dock.curve_data("n1")
    inside = times >= times[-1] - 10.0
    assert np.array_equal(x, times[inside])
    assert np.array_equal(y, playback.recorder.values("n1")[inside])


def test_spiking_trace_shows_v_threshold_and_spikes(make):
    playback, dock = make(TraceDock, relay(), ["n1", "g1"])
    dock.set_window(1000.0)
    run(playback, 400)
    dock.refresh()
    recorder = playback.recorder
    x, y = dock.curve_data("n1")
    assert np.array_equal(x, recorder.times()) and np.array_equal(y, recorder.values("n1"))
    assert np.array_equal(dock.spike_tick_times("n1"), recorder.spike_times("n1"))
    assert np.array_equal(dock.spike_tick_times("g1"), recorder.spike_times("g1"))
    assert len(recorder.spike_times("n1")) == 4  # 1.1, 11.1, 21.1, 31.1 ms
    assert dock.threshold_levels() == [-55.0]
    assert dock.legend_labels() == ["cell", "g1"]
    with pytest.raises(KeyError):
        dock.curve_data("g1")  # a generator has no membrane: only its spikes are drawn


def _assert_readable_axis(dock) -> None:
    axis = dock.plot_item().getAxis("left")
    assert axis.autoSIPrefixScale == 1.0 and "0.001" not in axis.labelString()


def test_a_flat_rate_trace_shows_the_units_range_0_to_1(make):
    playback, dock = make(TraceDock, and_gate(0, 0), ["y"])
    run(playback, 5)
    dock.refresh()
    assert set(dock.curve_data("y")[1]) == {0.0}  # AND of 0 and 0 never fires
    low, high = dock.y_range()
    assert -0.1 <= low < 0.0 and 1.0 < high <= 1.1
    _assert_readable_axis(dock)


def test_a_tanh_trace_spans_minus_1_to_1_and_grows_for_larger_values(make):
    network = Network()
    network.add_neuron(Neuron("x", kind="input", value=0.0))
    network.add_neuron(Neuron("t", activation="tanh"))
    network.add_neuron(Neuron("r", activation="relu"))
    network.connect(Synapse("x", "t", weight=1.0))
    network.connect(Synapse("x", "r", weight=3.0))
    playback, dock = make(TraceDock, network, ["t"])
    run(playback, 3)
    dock.refresh()
    low, high = dock.y_range()
    assert -1.15 <= low < -1.0 and 1.0 < high <= 1.15
    playback.network.set_neuron_param("x", "value", 2.0)  # r = relu(3·2) = 6
    dock.show_selection(["t", "r"], [])
    run(playback, 3)
    dock.refresh()
    low, high = dock.y_range()
    assert -1.5 <= low < -1.0 and 6.0 < high <= 6.5  # padded by a few % of the span


def test_a_quiet_spiking_cell_shows_reset_to_threshold_in_mV(make):
    playback, dock = make(TraceDock, relay(), ["n2"])
    run(playback, 50)
    dock.refresh()
    quiet = playback.network.neurons["n2"]
    assert set(dock.curve_data("n2")[1]) == {quiet.v_rest_mV}  # nothing reaches it
    low, high = dock.y_range()
    assert low < min(quiet.v_reset_mV, quiet.v_rest_mV) and high > quiet.v_threshold_mV
    assert high - low < 2 * (quiet.v_threshold_mV - quiet.v_reset_mV) + 20  # mV, not a ±0.4 zoom
    _assert_readable_axis(dock)


@pytest.mark.parametrize("name, expected", [("step", (0.0, 1.0)), ("sigmoid", (0.0, 1.0)),
                                            ("relu", (0.0, 1.0)), ("tanh", (-1.0, 1.0)),
                                            ("linear", (-1.0, 1.0))])
def test_each_activation_has_a_natural_output_range(name, expected):
    from neuron_sim.ui.panels.plots.trace import activation_range

    assert activation_range(name) == pytest.approx(expected)


def test_the_y_range_covers_natural_ranges_and_finite_values():
    from neuron_sim.ui.panels.plots.trace import trace_y_range

    low, high = trace_y_range([(0.0, 1.0)], np.array([[0.0], [np.nan], [np.inf]]))
    assert low == pytest.approx(-0.06) and high == pytest.approx(1.06)
    low, high = trace_y_range([(-70.0, -40.0)], np.array([[-80.0], [-65.0]]))
    assert low == pytest.approx(-80.0 - 2.4) and high == pytest.approx(-40.0 + 2.4)
    low, high = trace_y_range([], np.array([[5.0], [5.0]]))  # one value and nothing else: ±1
    assert low == pytest.approx(4.0 - 0.12) and high == pytest.approx(6.0 + 0.12)


def test_trace_hint_when_nothing_is_selected(make):
    playback, dock = make(TraceDock, and_gate())
    assert "Select neurons" in dock.hint_text()
    dock.show_selection(["y"], [])
    assert dock.hint_text() == ""


def test_export_csv_writes_the_recording_of_the_selection(make, tmp_path):
    playback, dock = make(TraceDock, and_gate(), ["y", "x2"])
    run(playback, 3)
    path = tmp_path / "traces.csv"
    dock.export(path, "csv")
    assert path.read_bytes() == playback.recorder.to_csv(["y", "x2"]).encode("utf-8")
    dock.show_selection([], [])  # no plot, but the whole recording can still be saved
    dock.export(path, "csv")
    assert path.read_bytes() == playback.recorder.to_csv().encode("utf-8")
    with pytest.raises(ValueError, match="Select neurons"):
        dock.export(tmp_path / "traces.png", "png")


def test_the_export_menu_is_the_one_way_to_save_traces(make, tmp_path):
    from PySide6.QtWidgets import QAbstractButton

    playback, dock = make(TraceDock, relay(), ["n1"])
    run(playback, 20)
    buttons = [b.text() for b in dock.findChildren(QAbstractButton) if b.text()]
    assert buttons == ["Follow", "Export"]  # Follow moves the view back to the newest data
    path = tmp_path / "v.csv"
    dock.ask_path = lambda title, suggested, file_filter: str(path)
    dock.export_data_action.trigger()
    assert path.read_text(encoding="utf-8") == playback.recorder.to_csv(["n1"])
    assert "all neurons if none is selected" in dock.export_data_action.toolTip()


def test_hidden_dock_is_not_built_nor_drawn(qtbot, make):
    playback, dock = make(TraceDock, and_gate(), ["y"], show=False)
    run(playback, 3)
    assert not dock.built
    dock.show()
    assert dock.built
    x, _ = dock.curve_data("y")
    assert np.array_equal(x, playback.recorder.times())


def test_redraws_are_throttled(qtbot, make):
    playback, dock = make(TraceDock, and_gate(), ["y"])
    draws = []
    original = dock._draw
    dock._draw = lambda: (draws.append(1), original())
    start = time.perf_counter()
    dock.refresh()
    run(playback, 30)
    assert len(draws) <= 2 + int((time.perf_counter() - start) * 30)  # at most 30 draws a second
    qtbot.waitUntil(lambda: not dock.redraws.dirty, timeout=1000)
    x, _ = dock.curve_data("y")
    assert x[-1] == playback.recorder.times()[-1]


# ---- raster --------------------------------------------------------------------------------
def test_raster_has_one_tick_per_recorded_spike(make):
    playback, dock = make(RasterDock, relay(), ["n1"])
    run(playback, 500)
    dock.refresh()
    times, rows = playback.recorder.spikes()
    x, y = dock.spike_points()
    assert len(x) == len(times) > 0
    order = np.lexsort((y, x))
    expected = np.lexsort((rows, times))
    assert np.array_equal(x[order], times[expected]) and np.array_equal(y[order], rows[expected])
    rates = playback.recorder.firing_rates_hz()
    assert dock.rate_rows() == [("g1", format_number(rates["g1"])), ("cell", format_number(rates["n1"])),
                                ("quiet", "0")]
    assert rates["g1"] == pytest.approx(100.0, rel=0.01)


def test_raster_says_when_older_spikes_are_no_longer_kept(make, monkeypatch):
    monkeypatch.setattr(recording, "MAX_SPIKES", 30)
    playback, dock = make(RasterDock, relay(), ["n1"])
    run(playback, 50)
    dock.refresh()
    assert playback.recorder.spikes_dropped == 0 and dock.kept_note.isHidden()
    run(playback, 5000)  # 0.5 s: about 50 spikes of the 100-Hz generator alone
    dock.refresh()
    recorder = playback.recorder
    assert recorder.spikes_dropped > 0 and not dock.kept_note.isHidden()
    start, end = recorder.spike_window()
    times, _rows = recorder.spikes()
    assert start == times[0] > recorder.times()[0]  # the samples reach further back than the spikes
    assert "the last 30 spikes" in dock.kept_note.text()
    assert f"those of the last {format_number(end - times[0])} ms" in dock.kept_note.text()
    assert f"rates are measured over the last {format_number(end - start)} ms" in dock.kept_note.text()
    generator_spikes = np.count_nonzero((times > start) & (_rows == recorder.index["g1"]))
    assert generator_spikes > 0
    rates = dict(dock.rate_rows())
    assert rates["g1"] == format_number(generator_spikes / ((end - start) / 1000))
    assert recorder.firing_rates_hz()["g1"] == pytest.approx(100.0, rel=0.25)
    playback.reset()
    dock.refresh()
    assert dock.kept_note.isHidden()


def test_raster_of_a_rate_network_explains_itself(make):
    _, dock = make(RasterDock, and_gate())
    assert "spiking" in dock.hint_text()


# ---- activation function ---------------------------------------------------------------
def test_activation_dock_marks_the_current_net_input(make):
    playback, dock = make(ActivationDock, and_gate(1, 1), ["y"])
    playback.step()
    dock.refresh()
    assert dock.mode == "rate"
    assert dock.marker_position() == (0.5, 1.0)
    assert dock.threshold_position() == 0.0
    assert "f(x) = 1 if x ≥ 0 else 0" in dock.title_text()
    playback.network.set_neuron_param("x2", "value", 0.0)
    playback.step()
    dock.refresh()
    assert dock.marker_position() == (-0.5, 0.0)


def test_activation_dock_draws_the_neurons_function(make):
    network = Network()
    network.add_neuron(Neuron("x", kind="input", value=3.0))
    network.add_neuron(Neuron("h", activation="sigmoid", threshold=1.0))
    network.connect(Synapse("x", "h", weight=2.0))
    playback, dock = make(ActivationDock, network, ["x", "h"])
    playback.step()
    dock.refresh()
    x, y = dock.curve_data()
    assert np.allclose(y, sigmoid(x)) and x.min() <= -6 and x.max() >= 6
    net, a = dock.marker_position()
    assert net == 5.0 and a == pytest.approx(1 / (1 + np.exp(-5.0)))


@pytest.mark.parametrize("kind, words", [("input", "is an input"), ("generator", "spike generator")])
def test_activation_dock_explains_sources(make, kind, words):
    network = Network(model="spiking")
    network.add_neuron(Neuron("s", kind=kind))
    _, dock = make(ActivationDock, network, ["s"])
    assert words in dock.hint_text()


def test_spiking_fi_curve_with_the_drive_marked_and_cached(make):
    playback, dock = make(ActivationDock, relay(drive=20.0), ["n1"])
    assert dock.mode == "spiking"
    assert "sigmoid is like a firing rate" in dock.title_text()
    drives, rates = dock.curve_data()
    neuron = playback.network.neurons["n1"]
    assert np.array_equal(rates, fi_curve(neuron, drives, dt_ms=0.1, duration_ms=dock.FI_DURATION_MS))
    assert drives[0] < 0 and drives[-1] >= 20.0
    x, y = dock.marker_position()
    assert x == 20.0 and y == pytest.approx(np.interp(20.0, drives, rates))
    assert 30.0 < y < 45.0  # analytic LIF: 1 / (2 ms + 20 ms · ln 4) ≈ 33.6 Hz
    ox, oy = dock.overlay_data()
    assert oy.max() <= rates.max() + 1e-9 and oy[-1] > 0.8 * rates.max()
    assert dock.threshold_position() == 15.0
    run(playback, 10)
    dock.refresh()
    assert dock.fi_computations == 1  # same parameters: the curve is not measured again
    playback.network.set_neuron_param("n1", "drive_mV", 30.0)
    dock.refresh()
    assert dock.fi_computations == 1 and dock.marker_position()[0] == 30.0
    playback.network.set_neuron_param("n1", "tau_ms", 10.0)
    dock.refresh()
    assert dock.fi_computations == 2


def test_docks_survive_a_new_network_and_deleted_neurons(qtbot, make):
    playback, trace = make(TraceDock, and_gate(), ["y"])
    docks = [trace, *create_plot_docks(playback)[1:]]
    for dock in docks:
        qtbot.addWidget(dock)
        dock.show_selection(["y"], [])
        dock.show()
    playback.network.remove_neuron("y")
    for dock in docks:
        dock.refresh()
    assert "Select" in trace.hint_text()
    playback.set_network(relay())
    for dock in docks:
        dock.show_selection(["n1"], [])
        dock.refresh()
    assert docks[1].mode == "spiking" and docks[2].hint_text() == ""


def test_the_trace_says_when_older_samples_are_no_longer_kept(make):
    playback, dock = make(TraceDock, relay(), ["n1"])
    run(playback, 50)
    dock.refresh()
    assert dock.kept_note.isHidden()  # everything since the start is there
    neurons = len(playback.network.neurons)
    playback.player.set_recording_bytes(20 * neurons * 8)  # a window of 20 samples
    recorder = playback.recorder
    assert recorder.capacity == 20 and recorder.samples_dropped == 30
    run(playback, 50)
    dock.refresh()
    assert not dock.kept_note.isHidden()
    span = recorder.times()[-1] - recorder.times()[0]
    assert f"the last {span:.1f} ms" in dock.kept_note.text() or f"the last {span:.0f} ms" in dock.kept_note.text()
    x, _y = dock.curve_data("n1")
    assert np.array_equal(x, recorder.times()[recorder.times() >= x[0]])
    playback.reset()
    dock.refresh()
    assert dock.kept_note.isHidden()


def test_the_trace_window_speaks_the_networks_unit_with_nothing_selected(make):
    playback, dock = make(TraceDock, and_gate(), [])
    dock.refresh()
    assert dock._window_box.suffix().strip() == "ticks" and dock._window_box.value() == 40
    playback.set_network(relay())
    dock.refresh()
    assert "Select" in dock.hint_text()
    assert dock._window_box.suffix().strip() == "ms" and dock._window_box.value() == 200


def test_a_selected_synapse_traces_what_goes_in_and_what_comes_out(make):
    playback, dock = make(TraceDock, relay(), [])
    run(playback, 50)
    dock.show_selection([], [("g1", "n1")])
    dock.refresh()
    assert dock.legend_labels() == ["g1", "cell"]
    dock.show_selection(["n2", "n1"], [("g1", "n1")])
    dock.refresh()
    assert dock.legend_labels() == ["quiet", "cell", "g1"]  # the neurons first, no line twice
