"""The Help menu: Quick guide (F1), Keyboard shortcuts, About.

The quick guide is a short page whose two pictures the app renders itself: the same neuron in
both looks, its parts named by View → Name the parts in the interface language. The shortcut list
is read from the window's actions, so a new shortcut appears in it without editing this file;
mouse gestures, which are not actions, are listed by hand.
"""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QRectF,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAction,
    QImage,
    QKeySequence,
    QPainter,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from neuron_sim.model import Network, Neuron, Synapse

from neuron_sim.ui.canvas.parts_overlay import PartsOverlay
from neuron_sim.ui.i18n.vocabulary import Vocabulary
from neuron_sim.ui.plain_text import escaped

GUIDE_IMAGE_WIDTH = 640  # pixels at most: the canvas's own scale, or smaller to fit the dialog


def _plain(text: str) -> str:
    """A menu text without its accelerator mark and ellipsis: "&Open…" → "Open", "열기(&O)…" → "열기"."""
    text = re.sub(r"\s*\(&\w\)", "", text)  # the CJK style: a letter in brackets after the word
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def example_neuron() -> Network:
    """Three inputs, one neuron, one target: the seed lesson's figure (x0, x1, x2 → Σ, f → a)."""
    network = Network()
    for i, (y, value) in enumerate(((0.0, 1.0), (110.0, 0.0), (220.0, 1.0))):
        network.add_neuron(Neuron(f"x{i}", kind="input", position=(0.0, y), value=value))
    network.add_neuron(Neuron("y", kind="neuron", position=(300.0, 110.0), activation="step", threshold=0.5))
    network.add_neuron(Neuron("z", kind="neuron", position=(560.0, 110.0), activation="step", threshold=0.5))
    for i, weight in enumerate((0.8, -0.5, 0.6)):
        network.connect(Synapse(f"x{i}", "y", weight=weight))
    network.connect(Synapse("y", "z", weight=1.0))
    return network


def render_named_neuron(look: str, width: int = GUIDE_IMAGE_WIDTH) -> QImage:
    """The example neuron in `look` with its parts named, as an image `width` pixels wide."""
    from neuron_sim.ui.canvas.scene import throwaway_scene

    with throwaway_scene(example_neuron(), look) as scene:
        overlay = PartsOverlay(Vocabulary(scene))
        scene.addItem(overlay)
        scene.annotations.append(overlay)
        overlay.neuron_id = "y"
        overlay.relayout()
        source = scene.framed_rect().adjusted(-12, -12, 12, 12)
        width = min(width, round(source.width()))  # never enlarged: text stays the canvas's size
        height = max(1, round(width * source.height() / source.width()))
        image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(0, 0, width, height), source)
        painter.end()
    return image


class QuickGuide(QDialog):
    """A short illustrated page: build, edit, run, the two vocabularies, where to find more."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setWindowTitle(self.tr("Quick guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        document = self.browser.document()
        for look in ("biological", "schematic", "blocks"):
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"neuron-sim:{look}.png"),
                                 render_named_neuron(look))
        self.browser.setHtml(self.html(shortcut_rows(window)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(GUIDE_IMAGE_WIDTH + 80, 760)

    def html(self, shortcuts: list[tuple[str, str]]) -> str:
        # tr() outside the f-strings: lupdate reads an f-string as one string and would miss them.
        pairs = [
            (self.tr("dendrite"), self.tr("input x")),
            (self.tr("synapse strength"), self.tr("weight w")),
            (self.tr("soma: adds up"), self.tr("weighted sum Σ")),
            (self.tr("threshold"), self.tr("−bias (b = −θ)")),
            (self.tr("firing"), self.tr("activation f")),
            (self.tr("axon"), self.tr("output a")),
        ]
        pair_rows = "".join(f"<tr><td>{bio}</td><td>↔</td><td>{art}</td></tr>" for bio, art in pairs)
        sections = [
            (self.tr("A neuron, two ways"),
             self.tr("Each neuron adds up its weighted inputs and fires when the sum passes its threshold: "
                     "a = f(Σ w·x − θ). The biological look draws it as a cell, the schematic look as the "
                     "diagram of deep learning. View → Name the parts labels them on your own network.")),
            (self.tr("Build"),
             self.tr("Pick a tool in the tool bar: Add input (I), Add neuron (N), then click on the canvas. "
                     "Connect (C): press on a neuron, drag to another, release. With Select (S), drag from "
                     "the small circle at the end of an axon to connect.")),
            (self.tr("Edit"),
             self.tr("Double-click a synapse to type its weight, a neuron to type its threshold, an input "
                     "to type its value; click an input to switch it between 0 and 1. The Inspector on the "
                     "right edits everything about the selection, with both names for each part.")),
            (self.tr("Run"),
             self.tr("Play (Space) runs the network: pulses travel down the axons and the somas light up. "
                     "Step advances one layer or one time step; Reset returns to rest. Select a neuron to "
                     "see what it computes, step by step.")),
        ]
        blocks = self.tr("View → Blocks draws it as building blocks, one for each operation: × w for each "
                         "input, Σ − θ, the activation f and the output a.")
        biology, deep_learning = self.tr("Biology"), self.tr("Deep learning")
        (first_title, first_text), rest = sections[0], sections[1:]
        html = [f"<h2>{first_title}</h2><p>{first_text}</p>",
                "<p><img src='neuron-sim:biological.png'></p>",
                "<p><img src='neuron-sim:schematic.png'></p>",
                f"<p>{blocks}</p>", "<p><img src='neuron-sim:blocks.png'></p>",
                f"<table cellspacing='4'><tr><th align='left'>{biology}</th><th></th>"
                f"<th align='left'>{deep_learning}</th></tr>{pair_rows}</table>"]
        html += [f"<h2>{title}</h2><p>{text}</p>" for title, text in rest]
        shortcuts_title = self.tr("Keyboard shortcuts")
        html += [f"<h2>{shortcuts_title}</h2>", _table(shortcuts)]
        return "".join(html)


def _table(rows: list[tuple[str, str]]) -> str:
    return ("<table cellspacing='5'>"
            # escaped: an action's text can hold a neuron's label ("Undo Switch input <label>")
            + "".join(f"<tr><td>{escaped(what)}</td><td><b>{escaped(keys)}</b></td></tr>" for what, keys in rows)
            + "</table>")


def _gesture_rows() -> list[tuple[str, str]]:
    """Mouse gestures and keys that are not actions (so not found in the menus)."""
    rows = [
        (QT_TRANSLATE_NOOP("HelpActions", "Move the selection"),
         QT_TRANSLATE_NOOP("HelpActions", "Arrow keys (Shift: 10×)")),
        (QT_TRANSLATE_NOOP("HelpActions", "Switch an input between 0 and 1"),
         QT_TRANSLATE_NOOP("HelpActions", "Click it")),
        (QT_TRANSLATE_NOOP("HelpActions", "Type a weight, threshold or input value"),
         QT_TRANSLATE_NOOP("HelpActions", "Double-click it")),
        (QT_TRANSLATE_NOOP("HelpActions", "Nudge a weight"),
         QT_TRANSLATE_NOOP("HelpActions", "Ctrl+wheel over a synapse")),
        (QT_TRANSLATE_NOOP("HelpActions", "Connect with the Select tool"),
         QT_TRANSLATE_NOOP("HelpActions", "Drag from the end of an axon")),
        (QT_TRANSLATE_NOOP("HelpActions", "Zoom"), QT_TRANSLATE_NOOP("HelpActions", "Wheel")),
        (QT_TRANSLATE_NOOP("HelpActions", "Cancel / back to Select"), "Esc"),
    ]
    return [(QCoreApplication.translate("HelpActions", what), QCoreApplication.translate("HelpActions", keys))
            for what, keys in rows]


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window's menus and tool bars that has a shortcut."""
    seen: set[int] = set()
    rows: list[tuple[str, str]] = []

    def visit(actions) -> None:
        for action in actions:
            menu = action.menu()
            if menu is not None:
                visit(menu.actions())
                continue
            keys = " / ".join(text for s in action.shortcuts()
                              if (text := s.toString(QKeySequence.SequenceFormat.NativeText)))
            if id(action) in seen or action.isSeparator() or not keys:
                continue
            seen.add(id(action))
            rows.append((_plain(action.text()), keys))

    bar = window.menuBar() if hasattr(window, "menuBar") else None
    if bar is not None:
        visit(bar.actions())
    for toolbar in window.findChildren(QToolBar):
        visit(toolbar.actions())
    return rows + _gesture_rows()


class HelpActions(QObject):
    """The Help menu's actions; `add_to_menu` fills it. `window` is read for its menus and tool bars."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.guide_action = QAction(self.tr("&Quick guide"), window)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.setStatusTip(self.tr("A short illustrated guide: the parts of a neuron, building, running"))
        self.guide_action.triggered.connect(self.show_quick_guide)
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), window)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(self.tr("&About neuron-sim"), window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.dialog: QDialog | None = None  # the last one opened (tests read it)

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addActions([self.guide_action, self.shortcuts_action])
        menu.addSeparator()
        menu.addAction(self.about_action)

    def show_quick_guide(self) -> None:
        self.dialog = QuickGuide(self.window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.show()

    def shortcuts_box(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"), _table(shortcut_rows(self.window)),
                          QMessageBox.StandardButton.Close, self.window)
        box.setTextFormat(Qt.TextFormat.RichText)
        return box

    def show_shortcuts(self) -> None:
        self.dialog = self.shortcuts_box()
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.show()

    def show_about(self) -> None:
        from neuron_sim import __version__

        QMessageBox.about(self.window, self.tr("About neuron-sim"), self.tr(
            "<b>neuron-sim %1</b><br>How a neuron works, from the biological cell to the artificial unit "
            "of deep learning.").replace("%1", __version__))
