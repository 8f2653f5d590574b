"""The monkey of test_monkey.py: random clicks, drags, keys, wheel turns, context menus, menu and
tool-bar actions and typing on the main window, from a seeded random generator."""

from __future__ import annotations

import random
import weakref
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from neuron_sim.ui import plain_text


KEYS = [Qt.Key.Key_S, Qt.Key.Key_I, Qt.Key.Key_N, Qt.Key.Key_G, Qt.Key.Key_C, Qt.Key.Key_F, Qt.Key.Key_0,
        Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Escape,
        Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Tab, Qt.Key.Key_Left, Qt.Key.Key_Right,
        Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_1, Qt.Key.Key_5, Qt.Key.Key_Period, Qt.Key.Key_E,
        Qt.Key.Key_PageUp, Qt.Key.Key_Home]
CTRL_KEYS = [Qt.Key.Key_Z, Qt.Key.Key_Y, Qt.Key.Key_C, Qt.Key.Key_V, Qt.Key.Key_X, Qt.Key.Key_D, Qt.Key.Key_A,
             Qt.Key.Key_L, Qt.Key.Key_K, Qt.Key.Key_Right, Qt.Key.Key_Backspace, Qt.Key.Key_N, Qt.Key.Key_S,
             Qt.Key.Key_Q]
MODIFIERS = [Qt.KeyboardModifier.NoModifier] * 4 + [Qt.KeyboardModifier.ShiftModifier,
                                                     Qt.KeyboardModifier.ControlModifier]


class Monkey:
    def __init__(self, window, rng: random.Random, save_folder: Path, examples: list[Path]):
        self.window = window
        self.examples = examples
        self.rng = rng
        self.save_folder = save_folder
        self.log: list[str] = []  # the last actions, for the failure message
        self.counts: dict[str, int] = {}
        self.replaced_networks: list[weakref.ref] = []
        self.pokes: dict[int, int] = {}

    # ---- dialogs answer at once -------------------------------------------------------------
    def patch_dialogs(self, monkeypatch) -> None:
        rng = self.rng
        answers = [QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Cancel,
                   QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Ok]
        for name in ("question", "warning", "information", "critical"):
            monkeypatch.setattr(QMessageBox, name, lambda *a, **k: rng.choice(answers))
        monkeypatch.setattr(QMessageBox, "about", lambda *a, **k: None)
        monkeypatch.setattr(plain_text, "warn", lambda *a, **k: None)
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *a, **k: (str(rng.choice(self.examples)) if rng.random() < 0.7 else "", ""))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save_file_name)
        monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (rng.randint(1, 4), rng.random() < 0.7))
        monkeypatch.setattr(QInputDialog, "getDouble", lambda *a, **k: (rng.uniform(-3, 3), rng.random() < 0.7))
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("monkey", rng.random() < 0.7))
        monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))
        # exec() of the app's own dialogs (Python subclasses of QDialog) returns at once. Patching
        # exec() does not reach Qt's own classes (a QMenu's exec, a QMessageBox built in code):
        # the watcher below answers those from inside their event loop, as a person would.
        monkeypatch.setattr(QDialog, "exec", lambda dialog, *args: self._dialog_exec(dialog))
        self.watcher = QTimer(self.window)  # dies with the window, even if the test fails
        self.watcher.setInterval(5)
        self.watcher.timeout.connect(self._answer_modal)
        self.watcher.start()

    def _save_file_name(self, parent, caption="", directory="", file_filter="", *rest, **kwargs):
        # Network files are saved for real (the atomic save runs thousands of times); exports
        # (PNG, SVG, PDF, GIF, CSV) are cancelled: they are tested on their own and a GIF is slow.
        if "*.json" in str(file_filter) and self.rng.random() < 0.5:
            return str(self.save_folder / f"monkey-{self.rng.randint(0, 3)}.json"), ""
        return "", ""

    def _dialog_exec(self, dialog) -> int:
        self.note("dialog " + type(dialog).__name__)
        if isinstance(dialog, QMessageBox):
            buttons = dialog.buttons()
            if buttons:
                self.rng.choice(buttons).click()
            return 0
        if self.rng.random() < 0.5:
            dialog.accept()
            return QDialog.DialogCode.Accepted
        dialog.reject()
        return QDialog.DialogCode.Rejected

    def _answer_modal(self) -> None:
        """Runs inside nested event loops: a context menu's exec(), a message box's exec()."""
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            actions = [a for a in popup.actions() if a.isEnabled() and not a.isSeparator()]
            if actions and self.rng.random() < 0.8:
                action = self.rng.choice(actions)
                self.note("  menu → " + action.text().replace("&", ""))
                popup.setActiveAction(action)
                QTest.keyClick(popup, Qt.Key.Key_Return)
            else:
                popup.close()
            return
        if popup is not None:
            popup.close()
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self.window:
            self._poke_modal(modal)

    # ---- events ----------------------------------------------------------------------------
    def note(self, text: str) -> None:
        self.log.append(text)
        del self.log[:-40]

    def act(self) -> None:
        window = self.window
        if not window.isVisible():  # Quit or close was accepted: a person starts the app again
            window.show()
            self.note("show the window again")
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not window:
            self._poke_modal(modal)
            return
        popup = QApplication.activePopupWidget()
        if popup is not None:
            QTest.keyClick(popup, Qt.Key.Key_Escape)
            return
        kind = self.rng.choices(
            ["click", "drag", "double", "wheel", "key", "ctrl-key", "context", "action", "widget", "play",
             "wait", "open"],
            weights=[20, 12, 5, 8, 14, 6, 3, 8, 14, 3, 4, 1])[0]
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if self.window.playback.playing:
            self.counts["while playing"] = self.counts.get("while playing", 0) + 1
        getattr(self, "_" + kind.replace("-", "_"))()

    def _canvas_point(self) -> QPoint:
        viewport = self.window.view.viewport()
        # Aim at neurons half of the time: random points mostly hit empty canvas.
        items = list(self.window.scene.neuron_items.values())
        if items and self.rng.random() < 0.5:
            item = self.rng.choice(items)
            point = self.window.view.mapFromScene(item.scenePos() + QPointF(self.rng.uniform(-30, 30),
                                                                             self.rng.uniform(-30, 30)))
            if viewport.rect().contains(point):
                return point
        return QPoint(self.rng.randrange(max(1, viewport.width())), self.rng.randrange(max(1, viewport.height())))

    def _modifiers(self):
        return self.rng.choice(MODIFIERS)

    def _click(self) -> None:
        point, button = self._canvas_point(), self.rng.choice([Qt.MouseButton.LeftButton] * 5 + [Qt.MouseButton.RightButton])
        self.note(f"click {button.name} {point.x()},{point.y()}")
        QTest.mouseClick(self.window.view.viewport(), button, self._modifiers(), point)

    def _drag(self) -> None:
        viewport = self.window.view.viewport()
        start, end = self._canvas_point(), self._canvas_point()
        modifiers = self._modifiers()
        self.note(f"drag {start.x()},{start.y()} → {end.x()},{end.y()}")
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, start)
        steps = self.rng.randint(1, 6)
        for i in range(1, steps + 1):
            QTest.mouseMove(viewport, start + (end - start) * (i / steps))
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, end)

    def _double(self) -> None:
        point = self._canvas_point()
        self.note(f"double-click {point.x()},{point.y()}")
        # As a mouse sends it: press, release, double-click, release. QTest.mouseDClick alone sends
        # only the double-click event, and the item it grabs would never be let go.
        viewport, left, plain = self.window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(viewport, left, plain, point)
        QTest.mouseDClick(viewport, left, plain, point)
        QTest.mouseRelease(viewport, left, plain, point)

    def _wheel(self) -> None:
        viewport = self.window.view.viewport()
        point = QPointF(self._canvas_point())
        delta = self.rng.choice([-240, -120, 120, 240])
        modifiers = self.rng.choice([Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier])
        self.note(f"wheel {delta} {modifiers.name}")
        event = QWheelEvent(point, QPointF(viewport.mapToGlobal(point.toPoint())), QPoint(), QPoint(0, delta),
                            Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)

    def _target_for_keys(self) -> QWidget:
        focus = QApplication.focusWidget()
        return focus if focus is not None and focus.isVisible() else self.window.view

    def _key(self) -> None:
        key, modifiers = self.rng.choice(KEYS), self.rng.choice(MODIFIERS[:5])
        target = self._target_for_keys()
        self.note(f"key {key.name} {modifiers.name} → {type(target).__name__}")
        QTest.keyClick(target, key, modifiers)

    def _ctrl_key(self) -> None:
        key = self.rng.choice(CTRL_KEYS)
        modifiers = Qt.KeyboardModifier.ControlModifier
        if self.rng.random() < 0.3:
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        target = self._target_for_keys()
        self.note(f"ctrl key {key.name} {modifiers.name} → {type(target).__name__}")
        QTest.keyClick(target, key, modifiers)

    def _context(self) -> None:
        viewport = self.window.view.viewport()
        point = self._canvas_point()
        self.note(f"context menu at {point.x()},{point.y()}")
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
        QApplication.sendEvent(viewport, event)

    def _action(self) -> None:
        actions = [a for a in self.all_actions() if a.isEnabled() and a.isVisible()]
        action = self.rng.choice(actions)
        self.note("action " + action.text().replace("&", ""))
        network_before = self.window.network
        action.trigger()
        if self.window.network is not network_before:
            self.replaced_networks.append(weakref.ref(network_before))

    def _open(self) -> None:
        network_before = self.window.network
        example = self.rng.choice(self.examples)
        self.note("open " + example.name)
        self.window.files.open(example)
        if self.window.network is not network_before:
            self.replaced_networks.append(weakref.ref(network_before))

    def _widget(self) -> None:
        """Anywhere in the window: tool bars, the inspector's fields, docks, the status bar."""
        window = self.window
        point = QPoint(self.rng.randrange(window.width()), self.rng.randrange(window.height()))
        target = window.childAt(point)
        if target is None:
            return
        local = target.mapFrom(window, point)
        self.note(f"click {type(target).__name__} {target.objectName()} at {local.x()},{local.y()}")
        if self.rng.random() < 0.15:
            QTest.mouseDClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)
        else:
            QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)
        if self.rng.random() < 0.3:  # type into whatever took the focus
            _type_text(self._target_for_keys(), self.rng.choice(["0.5", "-2", "abc", "1e308", "nan", "", "７", "가중치"]))
            QTest.keyClick(self._target_for_keys(), self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Tab,
                                                                     Qt.Key.Key_Escape]))

    def _play(self) -> None:
        controls = self.window.playback_controls
        action = self.rng.choice([controls.play_action, controls.play_action, controls.step_action,
                                  controls.reset_action])
        self.note("playback " + action.text().replace("&", ""))
        if action.isEnabled():
            action.trigger()

    def _wait(self) -> None:
        milliseconds = self.rng.choice([0, 5, 20, 60])
        self.note(f"wait {milliseconds} ms")
        QTest.qWait(milliseconds)  # timers fire: playback frames, autosave, deferred relayouts

    def _poke_modal(self, modal: QWidget) -> None:
        self.pokes[id(modal)] = self.pokes.get(id(modal), 0) + 1
        choice = self.rng.random() if self.pokes[id(modal)] < 30 else 1.0  # a person gives up at last
        self.note(f"modal {type(modal).__name__}: {'click' if choice < 0.5 else 'key' if choice < 0.8 else 'reject'}")
        if choice < 0.5:
            point = QPoint(self.rng.randrange(max(1, modal.width())), self.rng.randrange(max(1, modal.height())))
            target = modal.childAt(point) or modal
            QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             target.mapFrom(modal, point) if target is not modal else point)
        elif choice < 0.8:
            QTest.keyClick(QApplication.focusWidget() or modal, self.rng.choice([Qt.Key.Key_Tab, Qt.Key.Key_Space,
                                                                                 Qt.Key.Key_Return, Qt.Key.Key_Down]))
        elif isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()

    def all_actions(self) -> list[QAction]:
        window = self.window
        found: list[QAction] = []
        for action in window.menuBar().actions():
            found.extend(_leaf_actions(action.menu()) if action.menu() else [action])
        for toolbar in window.findChildren(type(window.tools_toolbar)):
            found.extend(a for a in toolbar.actions() if not a.isSeparator())
        return found


def _type_text(target: QWidget, text: str) -> None:
    """Key events carrying text (QTest.keyClicks only knows ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _leaf_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            found.extend(_leaf_actions(action.menu()))
        else:
            found.append(action)
    return found
