"""A monkey on the main window: random clicks, drags, keys, wheel turns, context menus, menu and
tool-bar actions, typing into the inspector, with the network playing a good part of the time and
recovery copies written every 0.1 s. Nothing may raise, Qt may not warn about deleted objects, and
after every burst the network is valid, saves and loads back equal, and the canvas shows exactly it.

The seed fixes the sequence of actions (timers such as playback make two runs differ slightly).
Longer runs, other seeds; NEURON_SIM_MONKEY_BURST=1 checks after every event to find the culprit:
    NEURON_SIM_MONKEY_EVENTS=20000 NEURON_SIM_MONKEY_SEED=7 uv run pytest tests/ui/test_monkey.py -q -s
Modal dialogs cannot block: the static file, message and input dialogs are patched to answer at
random, exec() of the app's own QDialog subclasses returns at once (accepted or rejected), and a
watcher timer answers what still runs its own event loop (context menus, message boxes built in
code) from inside that loop; a window-modal dialog opened with open() gets the monkey's events.
"""

from __future__ import annotations

import gc
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, qInstallMessageHandler
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from neuron_sim.model.fileformat import dumps, from_dict, loads, to_dict

from .monkey import Monkey

SHIPPED_EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "resources" / "examples").glob("*.json"))
EVENTS = int(os.environ.get("NEURON_SIM_MONKEY_EVENTS", "3000"))
SEED = int(os.environ.get("NEURON_SIM_MONKEY_SEED", "20261123"))
BURST = int(os.environ.get("NEURON_SIM_MONKEY_BURST", "150"))  # events between checks
# Qt's words when something used an object it had already destroyed.
DELETED_OBJECT_WORDS = ("already deleted", "deleted object", "destroyed while", "Internal C++ object",
                        "QObject::connect: Cannot", "QPainter::begin: Paint device returned engine == 0")

@pytest.fixture
def examples(tmp_path) -> list[Path]:
    """Copies of the shipped examples: the monkey saves what it opens, and must never save over those."""
    folder = tmp_path / "examples"
    folder.mkdir()
    copies = []
    for path in SHIPPED_EXAMPLES:
        copy = folder / path.name
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    return copies


def check_document(window) -> None:
    """The network is valid, survives the file format, and the canvas shows exactly it."""
    network = window.network
    for key, synapse in network.synapses.items():
        assert key == (synapse.source, synapse.target)
        assert synapse.source in network.neurons and synapse.target in network.neurons
        assert math.isfinite(synapse.weight) and math.isfinite(synapse.delay_ms)
    for neuron_id, neuron in network.neurons.items():
        assert neuron.id == neuron_id
        assert all(math.isfinite(v) for v in neuron.position)
    data = to_dict(network)
    assert from_dict(data) == network
    text = dumps(network)
    json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in the saved file"))
    assert loads(text) == network
    window.scene.flush()
    assert set(window.scene.neuron_items) == set(network.neurons)
    for neuron_id, item in window.scene.neuron_items.items():
        assert (item.pos().x(), item.pos().y()) == pytest.approx(network.neurons[neuron_id].position)
    window.scene.synapse_layer.ensure_layout()
    assert set(window.scene.synapse_layer.keys) == set(network.synapses)


def _subscribers(network) -> int:
    """Slots connected to the network's events from outside the model."""
    return sum(len(network.events[name]) for name in network.events)


@pytest.fixture
def qt_messages():
    messages: list[str] = []

    def handler(mode, context, message):
        messages.append(f"{mode.name}: {message}")
        if mode.name in ("QtCriticalMsg", "QtFatalMsg"):
            print(f"{mode.name}: {message}", file=sys.stderr, flush=True)

    previous = qInstallMessageHandler(handler)
    yield messages
    qInstallMessageHandler(previous)


def test_monkey(qtbot, window, monkeypatch, tmp_path, qt_messages, examples):
    shipped = {path: path.read_bytes() for path in SHIPPED_EXAMPLES}
    rng = random.Random(SEED)
    monkey = Monkey(window, rng, tmp_path, examples)
    monkey.patch_dialogs(monkeypatch)
    errors: list[str] = []

    def excepthook(kind, value, traceback):
        import traceback as tb

        errors.append("".join(tb.format_exception(kind, value, traceback)))
    monkeypatch.setattr(sys, "excepthook", excepthook)
    window.files.open(examples[-1])  # xor.json: something to play and edit from the start
    window.recovery.set_interval(100)  # recovery copies are written all along, not every 30 s

    started = time.perf_counter()
    done = 0
    while done < EVENTS:
        for _ in range(min(BURST, EVENTS - done)):
            monkey.act()
            done += 1
            if errors:
                break
        QTest.qWait(1)
        recent = "\n  ".join(monkey.log[-15:])
        assert not errors, f"after {done} events (seed {SEED}); last actions:\n  {recent}\n{errors[0]}"
        bad = [m for m in qt_messages if any(w in m for w in DELETED_OBJECT_WORDS) or m.startswith(("QtCriticalMsg",
                                                                                                     "QtFatalMsg"))]
        assert not bad, f"after {done} events (seed {SEED}): {bad[:3]}; last actions:\n  {recent}"
        try:
            check_document(window)
            if window.recovery.path is not None:  # a recovery copy only of unsaved changes, and readable
                assert not window.document.undo_stack.isClean()
                copy = json.loads(window.recovery.path.read_text("utf-8"))
                assert from_dict(copy["network"]) is not None
        except AssertionError as error:
            state = (f"tool {window.scene.tool.name!r}, mouse grabber {window.scene.mouseGrabberItem()}, "
                     f"snap {window.scene.snap_to_grid}, model {window.network.model}")
            raise AssertionError(f"after {done} events (seed {SEED}; {state}); last actions:\n  {recent}") from error
    elapsed = time.perf_counter() - started
    monkey.watcher.stop()

    # Replaced networks (New, Open, examples) keep no subscriber from the window and are freed.
    window.playback.pause()
    gc.collect()
    alive = [ref() for ref in monkey.replaced_networks if ref() is not None]
    assert all(_subscribers(network) == 0 for network in alive)
    if alive and os.environ.get("NEURON_SIM_MONKEY_REFERRERS"):  # to find who holds one
        for referrer in gc.get_referrers(alive[0]):
            if referrer is not alive:
                owners = [type(o).__name__ for o in gc.get_referrers(referrer) if getattr(o, "__dict__", None) is referrer]
                print("held by", type(referrer).__name__, owners, [k for k, v in referrer.items() if v is alive[0]]
                      if isinstance(referrer, dict) else "")
    assert not alive, f"{len(alive)} replaced networks are still referenced"
    assert {path: path.read_bytes() for path in SHIPPED_EXAMPLES} == shipped
    assert monkey.counts.get("while playing", 0) >= done // 10  # a good part of it during playback
    print(f"\nmonkey: {done} events, seed {SEED}, {elapsed:.1f} s, {len(monkey.replaced_networks)} networks "
          f"replaced; {sorted(monkey.counts.items())}")


def test_replacing_the_network_disconnects_the_window(window, examples):
    """Scene, inspector, playback and the window follow the open network only."""
    old = window.network
    connected = _subscribers(old)
    assert connected > 0
    window.files.open(examples[0])
    assert _subscribers(old) == 0
    assert _subscribers(window.network) == connected
    window.edit.add_layer_with(1, "neuron", "sigmoid")  # edits reach the new network's followers only
    assert set(window.scene.neuron_items) == set(window.network.neurons)


def test_a_closed_window_lets_go_of_its_network(qtbot, examples):
    from neuron_sim.ui.window.main_window import MainWindow

    window = MainWindow()
    window.files.open(examples[0])
    window.scene.select(list(window.network.neurons)[:1])
    network = window.network
    window.close()
    window.deleteLater()
    del window
    qtbot.wait(10)
    gc.collect()
    assert _subscribers(network) == 0
    network.set_param("name", "edited after the window closed")  # nobody left to call: no error


@pytest.mark.parametrize("tool", ["neuron", "input"])
def test_dragging_a_neuron_with_an_add_tool_moves_it_in_the_network(qtbot, window, tool, examples):
    """Found by the monkey: with an Add tool a drag on a neuron moved its drawing, not the neuron."""
    from .canvas_helpers import drag

    window.files.open(examples[-1])
    window.view.reset_zoom()
    window.view.centerOn(200, 120)
    neuron_id = "h1"
    x, y = window.network.neurons[neuron_id].position
    window.tool_actions[tool].trigger()
    drag(qtbot, window, (x, y), (x + 40, y + 30))
    assert window.network.neurons[neuron_id].position == pytest.approx((x + 40, y + 30), abs=2)
    assert len(window.network) == 5  # a move, not a new neuron
    check_document(window)
    window.undo_action.trigger()
    assert window.network.neurons[neuron_id].position == (x, y)
    check_document(window)


def test_with_snap_on_items_still_sit_where_the_model_says(qtbot, window, examples):
    """Found by the monkey: with Snap to grid on, a pasted (or undone, or opened) neuron was drawn
    on the grid while the network kept its exact position."""
    window.files.open(examples[-1])
    window.snap_action.trigger()
    window.scene.select(["h1"])
    window.edit.copy_action.trigger()
    window.edit.paste_action.trigger()
    check_document(window)
    pasted = window.scene.selected_neuron_ids()
    x, y = window.network.neurons[pasted[0]].position
    window.undo_action.trigger()
    window.redo_action.trigger()
    check_document(window)
    assert window.network.neurons[pasted[0]].position == (x, y)


def test_a_right_click_leaves_no_neuron_holding_the_mouse(qtbot, window, examples):
    """Found by the monkey: after a neuron's context menu the neuron kept the mouse, and the next
    drag anywhere (or a zoom) moved it."""
    from .canvas_helpers import drag, view_point

    window.files.open(examples[-1])
    window.view.reset_zoom()
    window.view.centerOn(200, 120)
    x, y = window.network.neurons["h1"].position
    closer = QTimer()
    closer.timeout.connect(lambda: QApplication.activePopupWidget() and QApplication.activePopupWidget().close())
    closer.start(5)
    # As on a desktop: the press reaches the canvas, the context menu opens and takes the release.
    point = view_point(window, x, y)
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, point)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                       viewport.mapToGlobal(point)))
    closer.stop()
    assert window.scene.selected_neuron_ids() == ["h1"]  # the menu was about h1
    assert window.scene.mouseGrabberItem() is None
    drag(qtbot, window, (x + 150, y + 150), (x + 200, y + 180))  # a rubber band on empty canvas
    assert window.network.neurons["h1"].position == (x, y)
    check_document(window)
    # the right button goes up, as a hand lets go of it: Qt would otherwise keep it down for the
    # tests after this one (no hovering while a button is held)
    qtbot.mouseRelease(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, point)
    assert QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton
