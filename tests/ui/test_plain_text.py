"""Text from a file is shown as text, never as markup (docs/security.md).

A neuron label or an error message `<img src=/dev/zero>` once made Qt read /dev/zero as an image
(std::bad_alloc, abort) and `<a href=…>` became a link. The crash is checked in a subprocess under a
memory cap (it would abort the test process); the widgets' formats are checked in the real window.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QLabel, QMessageBox

from neuron_sim.ui import plain_text
from neuron_sim.ui.window.recovery import RecoveryCopy, recovery_question

MARKUP = '<img src=/dev/zero><a href="https://example.com">click</a>'
ROOT = Path(__file__).resolve().parents[2]


def _markup_network(path: Path, *, model: str = "rate") -> Path:
    neurons = [
        {"id": "x1", "kind": "input", "label": MARKUP, "position": [0, 0], "value": 1},
        {"id": "y", "kind": "neuron", "label": MARKUP + "y", "position": [200, 0], "threshold": 0.5},
    ]
    data = {"format": "neuron-sim", "version": 3, "name": MARKUP, "description": MARKUP, "model": model,
            "neurons": neurons, "synapses": [{"source": "x1", "target": "y", "weight": 1}],
            "notes": [{"id": "note1", "text": MARKUP, "position": [0, -120], "size": [200, 60]}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_every_label_showing_file_text_is_plain(window, qtbot, tmp_path):
    path = _markup_network(tmp_path / (MARKUP.replace("/", "_")[:60] + ".json"))
    assert window.files.open(path)
    window.scene.select(["y"])
    for dock in window.instruments.plot_docks:
        dock.show()
    QApplication.processEvents()
    window.scene.select(["x1", "y"])
    QApplication.processEvents()
    window.scene.select(note_ids=["note1"])
    QApplication.processEvents()
    assert window.inspector.note_view.text.toPlainText() == MARKUP  # a QPlainTextEdit: never markup
    window.scene.select(["y"])
    QApplication.processEvents()
    checked = 0
    for label in window.findChildren(QLabel):
        if "<img" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName() or label.text()
            assert not label.openExternalLinks()
            checked += 1
    assert checked >= 2  # the status bar ("Opened …") and the computation panel's title at least
    for item in window.scene.items():
        assert "<img" not in item.toolTip()
    for action in window.findChildren(type(window.menuBar().actions()[0])):
        assert "<img" not in action.toolTip()
    text_items = _graphics_text_items(window)
    for text_item in text_items:  # pyqtgraph's titles and legends are HTML
        assert "<img" not in text_item.toHtml().replace("&lt;img", "")
    assert MARKUP in [item.toPlainText() for item in text_items]  # the note's text, as the letters it is


def _graphics_text_items(window) -> list[QGraphicsTextItem]:
    from PySide6.QtWidgets import QGraphicsView

    items = []
    for view in window.findChildren(QGraphicsView):
        if view.scene() is not None:
            items += [item for item in view.scene().items() if isinstance(item, QGraphicsTextItem)]
    return items


def test_an_error_naming_markup_is_shown_as_plain_text(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(plain_text, "warn", lambda parent, title, text: shown.append(text))
    bad = tmp_path / "bad.json"
    data = json.loads((ROOT / "resources/examples/and-gate.json").read_text(encoding="utf-8"))
    data["neurons"][2]["activation"] = MARKUP
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert not window.files.open(bad)
    assert shown and "<img src=/dev/zero>" in shown[0]
    assert window.status_line.label.textFormat() == Qt.TextFormat.PlainText


def test_the_warning_box_is_plain_and_has_no_links(qtbot):
    box = plain_text.message_box(None, QMessageBox.Icon.Warning, "t", MARKUP)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    labels = [label for label in box.findChildren(QLabel) if "<img" in label.text()]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert not any(label.openExternalLinks() for label in box.findChildren(QLabel))


def test_tooltips_escape_file_text():
    tip = plain_text.tooltip(MARKUP)
    assert "<img" not in tip and "&lt;img src=/dev/zero&gt;" in tip
    assert plain_text.escaped("<b>") == "&lt;b&gt;"


def test_the_recovery_question_shows_a_file_name_as_written(qtbot, tmp_path):
    path = _markup_network(tmp_path / "n.json")
    from neuron_sim.model.fileformat import load

    copy = RecoveryCopy(path=tmp_path / "copy.json", lock=QLockFile(str(tmp_path / "copy.lock")), original_path=tmp_path / (MARKUP.replace("/", "_") + ".json"),
                        network=load(path))
    box = recovery_question(None, copy)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "<img" in box.text()


def test_opening_markup_everywhere_in_the_real_window_does_not_crash(tmp_path):
    """The real app, offscreen, under a 3 GB address-space cap: the old failure was an abort
    (std::bad_alloc) two seconds after opening. A timeout stops a run that would hang."""
    good = _markup_network(tmp_path / "labels.json")
    bad = tmp_path / "activation.json"
    data = json.loads((ROOT / "resources/examples/and-gate.json").read_text(encoding="utf-8"))
    data["neurons"][2]["activation"] = MARKUP
    bad.write_text(json.dumps(data), encoding="utf-8")
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox
        app = QApplication([])
        from neuron_sim.ui.window.main_window import MainWindow
        QMessageBox.exec = lambda self: QTimer.singleShot(0, self.accept) or 0
        window = MainWindow()
        window.ask_to_save = lambda: QMessageBox.StandardButton.Discard
        window.show()
        window.files.open({str(bad)!r})
        window.files.open({str(good)!r})
        window.scene.select(["x1", "y"])
        for dock in window.instruments.plot_docks:
            dock.show()
        QTimer.singleShot(2500, app.quit)
        app.exec()
        print("alive", window.status_line.label.text())
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())  # the child's recent files and recovery, not the user's
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "alive" in result.stdout


def test_the_shortcut_list_escapes_an_undo_text_holding_a_label(window, qtbot, tmp_path):
    """Undo's text names the last edit ("Undo Switch input <label>") and Ctrl+Z puts it in the
    rich-text list of keyboard shortcuts."""
    from neuron_sim import commands

    path = _markup_network(tmp_path / "labels.json")
    assert window.files.open(path)
    window.scene.push(commands.SetNeuronParamCommand(window.network, "x1", "value", 0.0,
                                                     text="Switch input " + window.network.neurons["x1"].label))
    assert "<img" in window.scene.undo_stack.undoText()
    box = window.help.shortcuts_box()
    qtbot.addWidget(box)
    assert "<img" not in box.text() and "&lt;img src=/dev/zero&gt;" in box.text()
