"""Help → Lessons and the lesson under way: opens each page's network in the document, in its look
with its highlights, and checks the page's task after every edit (and when Check is pressed).

A page opens its network as an untitled network: the student's edits are theirs, undo works, and
Reset page puts the page's network back. A page made from an example opens it with the example's
name, text and labels in the interface language (as the Examples menu does), and they follow a
change of language as an example's do (example_texts.py), on the page and on the pages kept; a
page's own (inline) network is named after the page, in the interface language too. Leaving a page
keeps the student's network of it, so Back shows it as they left it. Opening another network
(File → Open, an example) ends the lesson; a change of language does not (the rebuilt window
resumes it: `hand_over`, `resume`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from neuron_sim.model import Network
from neuron_sim.model.lessons import Lesson
from neuron_sim.model.lessons.checks import passes
from neuron_sim.ui.canvas.editor_scene import EditorScene
from neuron_sim.ui.canvas.name_parts import NameParts
from neuron_sim.ui.document import Document
from neuron_sim.ui.example_texts import put_in
from neuron_sim.ui.examples import Example, example_in_ui_language, with_example_texts
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.i18n.filling import fill
from neuron_sim.ui.lessons.bar import LessonBar
from neuron_sim.ui.lessons.catalogue import LessonEntry, current_language, lesson_entries
from neuron_sim.ui.window.files import FileActions


class _KeptPage(NamedTuple):
    """A page the student left: their network, whether its task was done, and the version of the
    page's example (the language) its texts were given in."""

    network: Network
    done: bool
    texts_of: Example | None


@dataclass(frozen=True)
class LessonProgress:
    """Where a student is in a lesson, for a window that takes the document over."""

    lesson: Lesson
    index: int
    done: bool
    start: Network | None
    kept: dict[int, _KeptPage]


class LessonActions(QObject):
    """The Lessons menu and the lesson bar; `show_panel(name)` shows "computation", "code" or "train"
    beside the canvas, `set_look(look)` changes the look as the View menu does, and
    `use_training_of(example)` sets the Train dock as that example does."""

    error = Signal(str, str)  # title, text
    page_shown = Signal(int)  # the page's index
    frame_requested = Signal()  # a page's network is open and laid out: frame it in the view
    ended = Signal()

    def __init__(self, files: FileActions, scene: EditorScene, name_parts: NameParts, bar: LessonBar,
                 set_look: Callable[[str], None], show_panel: Callable[[str], None],
                 use_training_of: Callable[[object, bool], None], parent: QWidget):
        super().__init__(parent)
        self.files = files
        self.document: Document = files.document
        self.scene = scene
        self.name_parts = name_parts
        self.bar = bar
        self._set_look = set_look
        self._show_panel = show_panel
        self._use_training_of = use_training_of
        self.lesson: Lesson | None = None
        self.index = 0
        self.done = False
        self._start: Network | None = None  # the page's network as it opened
        self._kept: dict[int, _KeptPage] = {}  # the pages left, by index
        self._opening = False
        self._presenting = False
        self.entries: list[LessonEntry] = lesson_entries()
        self.menu = QMenu(self.tr("&Lessons"), parent)
        self.lesson_actions: dict[str, QAction] = {}
        for entry in self.entries:
            if entry.lesson is None:
                action = self.menu.addAction(fill(self.tr("%1 (cannot be read)"), entry.path.name))
                action.triggered.connect(lambda checked=False, e=entry: self.refuse(e))
                continue
            lesson = entry.lesson
            action = self.menu.addAction(lesson.title.get(current_language()))
            action.setToolTip(lesson.summary.get(current_language()))
            action.setStatusTip(lesson.summary.get(current_language()))
            action.triggered.connect(lambda checked=False, ls=lesson: self.start(ls))
            self.lesson_actions[lesson.id] = action
        bar.back_requested.connect(self.back)
        bar.next_requested.connect(self.next)
        bar.reset_requested.connect(self.reset_page)
        bar.check_requested.connect(self.check)
        bar.close_requested.connect(self.end)
        self.document.network_replaced.connect(self._network_replaced)
        self.document.undo_stack.indexChanged.connect(self._edited)

    def release(self) -> None:
        """Stop following the document (a rebuilt window takes it over)."""
        self.document.network_replaced.disconnect(self._network_replaced)
        self.document.undo_stack.indexChanged.disconnect(self._edited)

    @property
    def active(self) -> bool:
        return self.lesson is not None

    def lesson_named(self, name: str) -> Lesson | None:
        """The lesson whose id, or file name without .json, is `name`."""
        return next((e.lesson for e in self.entries if e.lesson and name in (e.lesson.id, e.path.stem)), None)

    def start_named(self, name: str, index: int = 0) -> bool:
        """`neuron-sim --lesson NAME --page N`: that lesson at page `index` (from 0)."""
        lesson = self.lesson_named(name)
        if lesson is None:
            self.error.emit(self.tr("No such lesson"), fill(self.tr("There is no lesson called %1."), name))
            return False
        return self.start(lesson, min(index, len(lesson.pages) - 1))

    # ---- going through a lesson ------------------------------------------------------------------
    def start(self, lesson: Lesson, index: int = 0) -> bool:
        """Open `lesson` at page `index` (after "save first?" for unsaved work)."""
        if not self.files.maybe_save():
            return False
        self.lesson, self._kept, self._start = lesson, {}, None
        self.show_page(index)
        return True

    def show_page(self, index: int) -> None:
        lesson = self.lesson
        if lesson is None or not 0 <= index < len(lesson.pages):
            return
        if self._start is not None and index != self.index:
            self._kept[self.index] = _KeptPage(self.document.network, self.done, self.document.example)
        self.index = index
        self._start = self._page_network()
        kept = self._kept.pop(index, None)
        if kept is None:
            self._open(self._page_network())
        else:
            self._open(kept.network, kept.texts_of)
        self.done = kept is not None and kept.done
        self.bar.show_page(lesson, index, current_language())
        if self.done:
            self.bar.show_done(self._last_page())
        self._note_panel_out_of_view()
        self.page_shown.emit(index)

    def _page_example(self) -> Example | None:
        """The example the page is made from, its texts in the interface language (None: inline)."""
        page = self.lesson.pages[self.index]
        return example_in_ui_language(f"{page.example}.json") if page.example else None

    def _page_network(self) -> Network:
        """A fresh copy of the page's network, an example's texts in the interface language."""
        network, example = self.lesson.pages[self.index].network(), self._page_example()
        return with_example_texts(network, example) if example is not None else network

    def _named_after_page(self, network: Network) -> Network:
        """A page's own network is called as the page is, in the interface language: unnamed, or
        named as the page in a language, it takes the page's title now (a name typed stays)."""
        page = self.lesson.pages[self.index]
        if page.example is None and network.name in ("", page.title.en, page.title.ko):
            title = page.title.get(current_language())
            if network.name != title:
                network.set_param("name", title)
        return network

    def _open(self, network: Network, texts_of: Example | None = None) -> None:
        """Show `network` as the page's; `texts_of`: the example's version (language) its texts are
        in, when it may differ from the interface's (a page kept from before a change of language)."""
        page = self.lesson.pages[self.index]
        example = self._page_example()
        if example is not None and texts_of is not None and texts_of != example:
            put_in(network, example, [texts_of])  # what was typed stays
        self._named_after_page(network)
        self._opening = True
        try:
            self.document.replace(network, example=example)
        finally:
            self._opening = False
        self._set_look(page.look)
        highlight = page.highlight
        synapses = [highlight.synapse] if highlight.synapse and highlight.synapse in network.synapses else []
        self.scene.select([nid for nid in highlight.neurons if nid in network.neurons], synapses)
        if highlight.panel:
            if highlight.panel == "train" and example is not None and example.training is not None:
                self._use_training_of(example, False)  # shown below, unless presenting
            self._show_panel(highlight.panel)
        self.name_parts.action.setChecked(False)
        if highlight.parts:
            self.name_parts.action.setChecked(True)
        QTimer.singleShot(0, self, self.frame_requested.emit)  # once the bar and the docks have their sizes

    def presenting_changed(self, on: bool) -> None:
        """Present mode shows the computation panel only: a page that needs the Train dock or the
        code panel says so while presenting, and shows it once Present mode ends."""
        self._presenting = on
        if not self.active:
            return
        panel = self.lesson.pages[self.index].highlight.panel
        if on:
            self._note_panel_out_of_view()
        elif panel in ("train", "code"):
            self._show_panel(panel)
            if not self.done:
                self.bar.clear_status()

    def _note_panel_out_of_view(self) -> None:
        panel = self.lesson.pages[self.index].highlight.panel if self.active else None
        if not self._presenting or panel not in ("train", "code") or self.done:
            return
        name = self.tr("the Train dock") if panel == "train" else self.tr("the code panel")
        self.bar.show_note(fill(self.tr("This page uses %1, which Present mode does not show: press Esc "
                                        "to leave Present mode and use it."), name))

    def next(self) -> bool:
        """The next page; False when no lesson is under way."""
        if self.lesson is not None:
            self.show_page(self.index + 1)
        return self.lesson is not None

    def back(self) -> bool:
        """The previous page; False when no lesson is under way."""
        if self.lesson is not None:
            self.show_page(self.index - 1)
        return self.lesson is not None

    def reset_page(self) -> None:
        """The page's network as the page opened it (the student's edits on it are dropped)."""
        if self.lesson is None:
            return
        self.done = False
        self._open(self._page_network())
        self.bar.clear_status()

    def hand_over(self) -> LessonProgress | None:
        """The lesson under way (None without one), for the window that takes the document over."""
        if self.lesson is None:
            return None
        return LessonProgress(self.lesson, self.index, self.done, self._start, dict(self._kept))

    def resume(self, progress: LessonProgress | None) -> None:
        """Go on with a lesson another window had under way, on the same page, the student's network
        as it is (already the document's), the bar in this window's language."""
        if progress is None:
            return
        self.lesson, self.index, self.done = progress.lesson, progress.index, progress.done
        self._start, self._kept = progress.start, dict(progress.kept)
        self._named_after_page(self.document.network)  # an example's texts follow with the document
        self.bar.show_page(self.lesson, self.index, current_language())
        if self.done:
            self.bar.show_done(self._last_page())

    def end(self) -> None:
        """Leave the lesson; the network stays open."""
        if self.lesson is None:
            return
        self.lesson, self._start, self._kept = None, None, {}
        self.bar.hide()
        self.ended.emit()

    # ---- the task --------------------------------------------------------------------------------
    def task_done(self) -> bool:
        """Whether the open network does what the page's task asks (False without a task)."""
        if self.lesson is None or self._start is None:
            return False
        task = self.lesson.pages[self.index].task
        return task is not None and passes(task.check, self.document.network, self._start)

    def check(self) -> bool:
        """Check pressed: done, or the page's hint."""
        if self.lesson is None:
            return False
        task = self.lesson.pages[self.index].task
        if task is None:
            return False
        self.done = self.task_done()
        if self.done:
            self.bar.show_done(self._last_page())
        else:
            self.bar.show_hint(task.hint.get(current_language()))
        return self.done

    def _edited(self, _index: int = 0) -> None:
        """After every edit (and undo): a task done is said at once; a task undone clears the word."""
        if self.lesson is None or self.lesson.pages[self.index].task is None:
            return
        now = self.task_done()
        if now and not self.done:
            self.bar.show_done(self._last_page())
        elif not now and self.done:
            self.bar.clear_status()
        self.done = now

    def _last_page(self) -> bool:
        return self.lesson is not None and self.index + 1 == len(self.lesson.pages)

    def _network_replaced(self, _network) -> None:
        if not self._opening:
            self.end()  # another network was opened: it is not the lesson's

    def refuse(self, entry: LessonEntry) -> None:
        """Say why the lesson of `entry` cannot be used (its file's mistake, with its place)."""
        self.error.emit(self.tr("Could not open the lesson"), error_text(entry.error))
