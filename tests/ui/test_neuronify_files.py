"""File → Open reads a Neuronify circuit (its view applied, each meter's dock on the neurons it
measures, the unsupported parts listed once in plain text); Save As writes one (.nfy, version 4),
as an export that leaves the network's own file and saved state as they were."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from neuron_sim.model import Network
from neuron_sim.model.neuronify import load_nfy

DATA = Path(__file__).resolve().parents[1] / "data" / "neuronify"
CIRCUIT = DATA / "v4-touch-circuit.nfy"


@pytest.fixture
def notices(window) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    window.files.notice.connect(lambda title, text: shown.append((title, text)))
    return shown


def _settle(qtbot) -> None:
    qtbot.wait(50)  # the view and the docks follow one turn of the event loop later


def test_opening_a_neuronify_circuit_shows_it_as_neuronify_did(window, qtbot, notices):
    assert window.files.open(CIRCUIT)
    _settle(qtbot)
    network = window.document.network
    assert [n.id for n in network if n.kind != "generator"] == ["x1", "n1", "n2", "n3"]
    assert [note.text for note in network.notes.values()][0].startswith("Touch the sensor")  # on the canvas
    assert window.document.path is None  # Save asks where: it never writes our format over the .nfy
    assert window.document.neuronify.meters[0].kind == "voltmeter"
    # The voltmeter measures n3 and n1: they are selected, so the Trace (shown) draws them.
    assert sorted(window.scene.selected_neuron_ids()) == ["n1", "n3"]
    assert window.instruments.trace_dock.isVisible()
    assert not window.instruments.raster_dock.isHidden()  # tabbed behind the Trace
    # Neuronify's visible rectangle (1200 × 900 from the origin) is what the canvas shows.
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(600, 450)
    assert shown.width() >= 1199 or shown.height() >= 899
    # The unsupported parts, once, in plain words and plain text.
    assert len(notices) == 1
    title, text = notices[0]
    assert "v4-touch-circuit.nfy opened" in text
    assert "• 1 × a link to the next tutorial: left out (open that file on its own)" in text.splitlines()
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and boxes[0].textFormat() == boxes[0].textFormat().PlainText
    assert not boxes[0].isModal()  # the window stays usable
    boxes[0].close()


def test_a_bad_neuronify_file_is_refused_and_the_open_network_stays(window, tmp_path):
    errors: list[str] = []
    window.show_error = lambda title, text, detail="": errors.append(text)
    before = window.document.network
    bad = tmp_path / "bad.nfy"
    bad.write_text('{"nodes": [], "edges": [{"from": 0, "to": 1}]}', encoding="utf-8")
    assert not window.files.open(bad)
    assert window.document.network is before
    assert len(errors) == 1 and "there is no node 0" in errors[0]


def test_save_as_neuronify_writes_version_4_and_keeps_the_document(window, qtbot, tmp_path, notices, monkeypatch):
    window.files.open(CIRCUIT)
    _settle(qtbot)
    for box in window.findChildren(QMessageBox):
        box.close()
    notices.clear()
    target = tmp_path / "for-class"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), window.files.neuronify_filter()))
    assert window.files.save_as()
    written = target.with_suffix(".nfy")
    back = load_nfy(written)
    assert [n.id for n in back.network] == [n.id for n in window.document.network]
    assert back.meters == window.document.neuronify.meters
    assert back.network.notes == window.document.network.notes
    assert window.document.path is None  # an export: the network still has no file of its own
    assert len(notices) <= 1  # only what Neuronify cannot hold, if anything


def test_a_rate_network_is_not_saved_for_neuronify(window, tmp_path):
    errors: list[str] = []
    window.show_error = lambda title, text, detail="": errors.append(text)
    window.document.replace(Network(model="rate"))
    target = tmp_path / "rate.nfy"
    assert not window.files.save_neuronify(target)
    assert not target.exists()
    assert len(errors) == 1 and "Neuronify runs spiking networks" in errors[0]


def test_a_circuit_wider_than_neuronify_showed_it_is_all_in_view(window, qtbot):
    """Neuronify's visible rectangle is kept, and widened to every cell where the circuit reaches
    beyond it; the spike raster its detector opens is laid out first, so nothing is cut by it."""
    assert window.files.open(DATA / "lateral-inhibition.nfy")
    _settle(qtbot)
    view = window.view
    assert window.instruments.raster_dock.isVisible()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    outside = [nid for nid, item in window.scene.neuron_items.items() if not shown.contains(item.sceneBoundingRect())]
    assert outside == []
    assert not view.horizontalScrollBar().isVisible() and not view.verticalScrollBar().isVisible()
    window.instruments.trace_dock.toggleViewAction().trigger()  # View → Traces as well: still all in view
    _settle(qtbot)
    assert window.instruments.trace_dock.isVisible()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert [nid for nid, item in window.scene.neuron_items.items() if not shown.contains(item.sceneBoundingRect())] == []


def test_a_change_of_language_keeps_the_circuits_framing(window, qtbot):
    from neuron_sim.ui.i18n import language

    assert window.files.open(DATA / "lateral-inhibition.nfy")
    _settle(qtbot)
    area = window.view.fitted_area()
    assert area is not None and window.view.fitted
    try:
        korean = window.reopen_in_language("ko")
        qtbot.addWidget(korean)
        korean.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
        _settle(qtbot)
        assert korean.view.fitted and korean.view.fitted_area() == area
        korean.instruments.trace_dock.toggleViewAction().trigger()  # a dock opens: refit to the same framing
        _settle(qtbot)
        shown = korean.view.mapToScene(korean.view.viewport().rect()).boundingRect()
        assert all(shown.contains(item.sceneBoundingRect()) for item in korean.scene.neuron_items.values())
    finally:
        language.apply_language(QApplication.instance(), "en")
