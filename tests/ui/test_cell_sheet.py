"""Far out, one item (the cell sheet) draws every cell from arrays, and the cells draw nothing.

The oracle is the cells' own overview painting: the same view rendered with the sheet switched
off (`scene.use_cell_sheet = False`) must look the same, to a few colour levels, whatever was
selected, moved, undone, added, removed or played before. Zoomed in, the sheet draws nothing."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem

from neuron_sim import commands
from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.generate import layered_network
from neuron_sim.ui import styles

from .canvas_helpers import click, drag, view_point

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
FAR = 0.3  # below styles.OVERVIEW_ZOOM, large enough that a cell is a dozen pixels


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return rows[:, : image.width(), :3].astype(int)


def drawn(window, sheet: bool = True) -> np.ndarray:
    """The viewport as painted, the cells drawn by the sheet or by themselves."""
    scene = window.scene
    scene.use_cell_sheet = sheet
    try:
        window.view._follow_zoom()
        QApplication.processEvents()
        assert scene.overview == (sheet and window.view.zoom() < styles.OVERVIEW_ZOOM)
        return pixels(window.view.viewport().grab().toImage())
    finally:
        scene.use_cell_sheet = True
        window.view._follow_zoom()
        QApplication.processEvents()


def blurred(image: np.ndarray) -> np.ndarray:
    """A 3 × 3 box blur: the sheet places its pictures to a quarter of a pixel, not exactly."""
    padded = np.pad(image, ((1, 1), (1, 1), (0, 0)), mode="edge")
    return sum(padded[dy:dy + image.shape[0], dx:dx + image.shape[1]] for dy in range(3) for dx in range(3)) / 9


def assert_sheet_draws_what_the_cells_would(window) -> None:
    # The cells' own painting once first: what they draw widens what the view scrolls over
    # (NetworkView._widen_room), which may shift the view; both pictures are taken after it.
    drawn(window, False)
    with_sheet, by_cells = drawn(window, True), drawn(window, False)
    difference = np.abs(blurred(with_sheet) - blurred(by_cells)).max(axis=2)
    # a quarter pixel of the sharpest edge (255 levels), blurred over three pixels, is 21 levels
    assert difference.max() <= 24, f"{difference.max()} colour levels apart at {np.argwhere(difference > 24)[:5]}"
    assert np.abs(with_sheet - by_cells).mean() < 0.25


def show(window, network: Network, zoom: float = FAR) -> None:
    window.document.replace(network)
    QApplication.processEvents()
    window.view.set_zoom(zoom)
    first = window.scene.neuron_items[next(iter(network.neurons))]
    window.view.centerOn(first.x() + 300, first.y() + 300)
    QApplication.processEvents()


def mixed_network() -> Network:
    """Cells, inputs at several values and a generator, in a few columns."""
    network = layered_network(60, 200, seed=3, model="spiking")
    ids = list(network.neurons)
    for nid, value in zip(ids[:6], (0.0, 0.25, 0.5, 1.0, -0.7, 3.0)):
        network.set_neuron_param(nid, "value", value)
    network.add_neuron(Neuron("gen", kind="generator", position=(-200, 0), rate_hz=20))
    network.connect(Synapse("gen", ids[-1]))
    return network


def cell_centre(window, nid: str) -> QPointF:
    item = window.scene.neuron_items[nid]
    return item.pos() + item.body_rect().center()


def test_far_out_the_sheet_draws_the_cells_and_the_cells_draw_nothing(window):
    show(window, mixed_network())
    scene = window.scene
    assert scene.overview and scene.cell_sheet.active
    assert all(item.flags() & NO_CONTENTS for item in scene.neuron_items.values())
    assert_sheet_draws_what_the_cells_would(window)


def test_zoomed_in_the_cells_draw_and_the_sheet_draws_nothing(window):
    show(window, mixed_network(), zoom=1.0)
    scene = window.scene
    assert not scene.overview and not scene.cell_sheet.active
    assert not any(item.flags() & NO_CONTENTS for item in scene.neuron_items.values())
    shown = pixels(window.view.viewport().grab().toImage())
    scene.cell_sheet.setVisible(False)
    QApplication.processEvents()
    assert np.array_equal(shown, pixels(window.view.viewport().grab().toImage()))


@pytest.mark.parametrize("zoom", [styles.OVERVIEW_ZOOM * 0.98, styles.OVERVIEW_ZOOM * 1.02])
def test_either_side_of_the_threshold_every_cell_is_drawn_once(window, zoom):
    show(window, mixed_network(), zoom=0.2)
    window.view.set_zoom(zoom)  # crossing from far out
    far = zoom < styles.OVERVIEW_ZOOM
    scene = window.scene
    assert scene.overview == far == scene.cell_sheet.active
    assert all(bool(item.flags() & NO_CONTENTS) == far for item in scene.neuron_items.values())
    image = pixels(window.view.viewport().grab().toImage())
    background = np.array(styles.PALETTE.background.getRgb()[:3])
    for nid in list(scene.neuron_items)[:20]:
        point = view_point(window, *cell_centre(window, nid).toTuple())
        if 0 <= point.x() < image.shape[1] and 0 <= point.y() < image.shape[0]:
            assert not np.array_equal(image[point.y(), point.x()], background), nid
    if far:
        assert_sheet_draws_what_the_cells_would(window)


def test_selection_shows_and_clicks_and_rubber_bands_still_reach_the_cells(window, qtbot):
    network = mixed_network()
    show(window, network)
    scene = window.scene
    ids = list(network.neurons)
    target = ids[12]
    click(qtbot, window, *cell_centre(window, target).toTuple())
    assert scene.selected_neuron_ids() == [target]
    assert_sheet_draws_what_the_cells_would(window)
    # a rubber band from an empty corner around the first column's cells
    column = [nid for nid in ids if abs(scene.neuron_items[nid].x() - scene.neuron_items[ids[0]].x()) < 1]
    xs = [scene.neuron_items[nid].x() for nid in column]
    ys = [scene.neuron_items[nid].y() for nid in column]
    drag(qtbot, window, (min(xs) - 70, min(ys) - 70), (max(xs) + 60, max(ys) + 70))
    assert set(scene.selected_neuron_ids()) >= set(column)
    assert_sheet_draws_what_the_cells_would(window)


def test_after_a_move_an_edit_and_their_undo_the_sheet_follows(window):
    network = mixed_network()
    show(window, network)
    stack = window.document.undo_stack
    nid = list(network.neurons)[8]
    x, y = network.neurons[nid].position
    stack.push(commands.SetNeuronParamCommand(network, nid, "position", (x + 100, y + 40)))
    window.scene.flush()
    assert_sheet_draws_what_the_cells_would(window)
    stack.push(commands.SetNeuronParamCommand(network, list(network.neurons)[1], "value", 0.9))
    stack.push(commands.RemoveNeuronCommand(network, list(network.neurons)[20]))
    stack.push(commands.AddNeuronCommand(network, Neuron("new", position=(x + 200, y))))
    window.scene.flush()
    assert_sheet_draws_what_the_cells_would(window)
    for _ in range(4):
        stack.undo()
    window.scene.flush()
    assert window.scene.neuron_items[nid].pos().toTuple() == (x, y)
    assert_sheet_draws_what_the_cells_would(window)


def test_a_look_switch_far_out_draws_the_new_bodies(window):
    network = Network(name="small")
    network.add_neuron(Neuron("a", kind="input", position=(0, 0), value=1))
    network.add_neuron(Neuron("b", kind="input", position=(0, 200), value=0))
    network.add_neuron(Neuron("y", position=(400, 100)))
    network.connect(Synapse("a", "y", weight=0.5))
    network.connect(Synapse("b", "y", weight=-0.5))
    show(window, network)
    for look in ("schematic", "blocks", "biological"):
        window.scene.set_look(look)
        window.scene.flush()
        assert_sheet_draws_what_the_cells_would(window)


def test_playing_far_out_the_levels_go_to_the_sheet_and_back_in_to_the_cells(window):
    network = layered_network(200, 800, seed=5)
    network.set_param("update", "synchronous")
    for nid in list(network.neurons)[:20]:
        network.set_neuron_param(nid, "value", 1.0)
    show(window, network)
    playback = window.playback
    playback.play()
    for _ in range(6):
        playback.advance(0.4)  # a few ticks: the signal reaches the later columns
        QApplication.processEvents()
    playback.pause()
    QApplication.processEvents()
    engine_levels = playback.engine.level_arrays()[0]
    index = playback.engine.index
    sheet_levels = window.scene.cell_sheet.levels()
    lit = [nid for nid, n in network.neurons.items() if n.kind == "neuron" and engine_levels[index[nid]] > 0.05]
    assert lit  # something is playing
    for nid in lit:
        assert sheet_levels[nid] == pytest.approx(engine_levels[index[nid]])
    assert_sheet_draws_what_the_cells_would(window)
    window.view.set_zoom(1.0)  # back in: the cells draw themselves, in the state shown
    for nid in lit:
        assert window.scene.neuron_items[nid].activity == pytest.approx(engine_levels[index[nid]])
    playback.play()  # played further while zoomed in, then out again while paused: the new state
    for _ in range(3):
        playback.advance(0.4)
        QApplication.processEvents()
    playback.pause()
    window.view.set_zoom(FAR)
    QApplication.processEvents()
    engine_levels = playback.engine.level_arrays()[0]
    sheet_levels = window.scene.cell_sheet.levels()
    for nid in lit:
        assert sheet_levels[nid] == pytest.approx(engine_levels[index[nid]])
    assert_sheet_draws_what_the_cells_would(window)


def test_figures_and_thumbnails_never_use_the_sheet(window):
    from neuron_sim.ui.canvas.scene import DisplayScene

    scene = DisplayScene(mixed_network())
    scene.show_overview(True)  # details do not follow the zoom there
    assert not scene.overview and not scene.cell_sheet.active
    assert not any(item.flags() & NO_CONTENTS for item in scene.neuron_items.values())
    assert Qt.MouseButton.NoButton == scene.cell_sheet.acceptedMouseButtons()



def test_far_out_the_weight_labels_layer_is_skipped_and_back_in_its_labels_show_again(window):
    assert styles.OVERVIEW_ZOOM <= styles.LABELS_HIDDEN_BELOW_ZOOM  # the switch hides nothing still drawn
    show(window, mixed_network(), zoom=1.0)
    labels = window.scene.synapse_layer.label_layer
    bars = (window.view.horizontalScrollBar(), window.view.verticalScrollBar())
    scrolled = [bar.value() for bar in bars]
    assert not labels.flags() & NO_CONTENTS
    near = pixels(window.view.viewport().grab().toImage())
    window.view.set_zoom(FAR)
    window.view._follow_zoom()
    QApplication.processEvents()
    assert labels.flags() & NO_CONTENTS  # Qt neither paints it nor blits its empty cache
    window.view.set_zoom(1.0)
    for bar, value in zip(bars, scrolled):  # exactly where it was (centring may round a pixel off)
        bar.setValue(value)
    window.view._follow_zoom()
    QApplication.processEvents()
    assert not labels.flags() & NO_CONTENTS
    assert np.array_equal(near, pixels(window.view.viewport().grab().toImage()))


def test_a_frame_paints_again_every_cell_whose_fill_changed_and_no_other(window, monkeypatch):
    from neuron_sim.ui.canvas.cell_sheet import fill_column

    network = layered_network(200, 800, seed=5)
    network.set_param("update", "synchronous")
    for nid in list(network.neurons)[:20]:
        network.set_neuron_param(nid, "value", 1.0)
    show(window, network)
    sheet = window.scene.cell_sheet
    updated: list = []
    original = type(sheet).update

    def update(item, *rect):
        updated.append(rect[0] if rect else None)  # None: the whole sheet
        original(item, *rect)
    monkeypatch.setattr(type(sheet), "update", update)
    playback = window.playback
    playback.play()
    partial = 0
    for _ in range(40):  # frame by frame, as the timer does: the signal spreads column by column
        columns = fill_column(sheet._palette, sheet._levels)
        updated.clear()
        playback.advance(1 / 30)
        changed = np.flatnonzero(fill_column(sheet._palette, sheet._levels) != columns)
        if None in updated:
            continue
        partial += bool(updated)
        for row in changed.tolist():  # each changed cell's picture is in a region painted again
            assert any(rect.contains(sheet._cell_rect(row)) for rect in updated), row
        assert len(updated) == changed.size  # and nothing else
    playback.pause()
    assert partial  # some frames painted single cells again
    updated.clear()
    for _ in range(3):  # settled: frames that change no fill paint no cell
        playback.advance(1 / 30)
    assert not updated
