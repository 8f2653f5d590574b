"""The start page: every classroom example as a card with a picture the app draws from the file itself.

Shown at launch (unless "Show at start" is turned off; QSettings key `show_start_page`) and from
Help → Start page or the Examples menu. Choosing a card opens that example as an untitled copy.

At launch the page is the app's first screen, shown before the main window is built
(first_screen.py): this module and what it imports at the top need no numpy and no canvas, the
lessons are listed from their outlines, and `first_painted` tells when the page is on the screen.
The pictures (of the lessons and the examples) are drawn after the page's first paint, one per turn
of the event loop, so that the page appears at once; each card shows its blank picture area until
then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from neuron_sim.model.lessons.outline import LessonOutline
from neuron_sim.ui.examples import Example, catalogue
from neuron_sim.ui.i18n import language
from neuron_sim.ui.i18n.filling import fill
from neuron_sim.ui.lessons.catalogue import current_language, lesson_at, lesson_outlines
from neuron_sim.ui.palette import PALETTE
from neuron_sim.ui.window.card_pictures import (
    THUMBNAIL_SIZE,
    blank_picture,
    drawn_lesson_thumbnail,
    drawn_thumbnail,
    example_thumbnail,
    lesson_thumbnail,
)

if TYPE_CHECKING:
    from neuron_sim.model.lessons import Lesson

START_PAGE_KEY = "show_start_page"  # QSettings: whether the page shows at launch

COLUMNS = 3
_CARD_BORDER = QColor("#D5DAE1")
_CARD_LIT = PALETTE.selection  # under the pointer or with the focus
_MUTED_TEXT = QColor("#4A5260")
_BACKDROP = QColor("#F4F6F9")  # behind the cards


def show_start_page() -> bool:
    """Whether the start page shows at launch (the page's own "Show at start" box and Preferences set it)."""
    return bool(language.settings().value(START_PAGE_KEY, True, type=bool))


class Card(QFrame):
    """A white card with a rounded border, blue while the pointer is over it or it has the focus; a
    click (or Enter, Space) emits `chosen` with what the card stands for.

    Drawn by hand rather than by a style sheet: a sheet on the page made laying out its ~20 cards
    cost more than the rest of the start page together."""

    chosen = Signal(object)

    def __init__(self, item: object, parent: QWidget | None = None):
        super().__init__(parent)
        self._item = item
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lit = self.underMouse() or self.hasFocus()
        width = 2.0 if lit else 1.0
        painter.setPen(QPen(_CARD_LIT if lit else _CARD_BORDER, width))
        painter.setBrush(PALETTE.background)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2), 6, 6)
        painter.end()

    def event(self, event) -> bool:
        if event.type() in (QEvent.Type.HoverEnter, QEvent.Type.HoverLeave):
            self.update()
        return super().event(event)

    def focusInEvent(self, event) -> None:  # noqa: N802
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.chosen.emit(self._item)
        else:
            super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self._item)
        else:
            super().keyPressEvent(event)


def _muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, _MUTED_TEXT)
    label.setPalette(palette)
    return label


class ExampleCard(Card):
    """A picture, a title and the "what to try" text; a click (or Enter) opens the example."""

    def __init__(self, example: Example, parent: QWidget | None = None):
        super().__init__(example, parent)
        self.example = example
        self.setToolTip(fill(self.tr("Open “%1” as a new, untitled network"), example.title))
        self.picture = QLabel()
        image = drawn_thumbnail(example)
        self.has_picture = image is not None
        # without a picture yet, it is drawn after the page's first paint (draw_picture)
        self.picture.setPixmap(QPixmap.fromImage(image) if image is not None else blank_picture())
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(example.title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.text = QLabel(example.what_to_try)
        self.text.setWordWrap(True)
        small = self.text.font()
        small.setPointSizeF(small.pointSizeF() * 0.92)
        self.text.setFont(small)
        _muted(self.text)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 10, 10, 10)
        column.setSpacing(6)
        column.addWidget(self.picture)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addStretch(1)
        self.setFixedWidth(THUMBNAIL_SIZE.width() + 22)

    def draw_picture(self) -> None:
        self.picture.setPixmap(QPixmap.fromImage(example_thumbnail(self.example)))
        self.has_picture = True


class LessonCard(Card):
    """A guided lesson: its first page's picture, its title and what it covers; a click starts it.

    Made from the lesson's outline; the whole lesson is read for its picture, or when it is chosen."""

    def __init__(self, outline: LessonOutline, parent: QWidget | None = None):
        super().__init__(outline, parent)
        self.outline = outline
        language = current_language()
        self.setToolTip(fill(self.tr("Start the lesson “%1”"), outline.title.get(language)))
        self.picture = QLabel()
        image = drawn_lesson_thumbnail(outline.path)
        self.has_picture = image is not None
        self.picture.setPixmap(QPixmap.fromImage(image) if image is not None else blank_picture())
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(outline.title.get(language))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.pages = QLabel(self.tr("%n page(s)", "", outline.page_count))
        self.text = QLabel(outline.summary.get(language))
        self.text.setWordWrap(True)
        _muted(self.text)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 10, 10, 10)
        column.setSpacing(6)
        for widget in (self.picture, self.title, self.pages, self.text):
            column.addWidget(widget)
        column.addStretch(1)
        self.setFixedWidth(THUMBNAIL_SIZE.width() + 22)

    @property
    def lesson(self) -> Lesson | None:
        """The whole lesson (None when its file has a mistake: choosing the card then says which)."""
        return lesson_at(self.outline.path).lesson

    def draw_picture(self) -> None:
        lesson = self.lesson
        if lesson is not None:
            self.picture.setPixmap(QPixmap.fromImage(lesson_thumbnail(lesson)))
        self.has_picture = True  # or the blank one stays, for a lesson that cannot be read


class StartPage(QDialog):
    example_chosen = Signal(object)
    lesson_chosen = Signal(object)  # the whole Lesson
    lesson_failed = Signal(object)  # the LessonEntry of a chosen lesson whose file has a mistake
    first_painted = Signal()  # once, when the page's first paint has finished
    quit_requested = Signal()  # Ctrl+Q (the platform's Quit keys) on the page

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("start-page")
        self.setWindowTitle(self.tr("Start — neuron-sim"))
        heading = QLabel(self.tr("How a neuron works: choose an example"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr("Each example opens as a copy you can change and play; a bar above the canvas "
                               "says what to try. Examples are also in the Examples menu."))
        intro.setWordWrap(True)
        cards = QWidget()
        cards.setObjectName("cards")
        backdrop = cards.palette()
        backdrop.setColor(QPalette.ColorRole.Window, _BACKDROP)
        cards.setPalette(backdrop)
        cards.setAutoFillBackground(True)
        grid = QVBoxLayout(cards)
        grid.setContentsMargins(16, 8, 16, 16)
        self.cards: list[ExampleCard] = []
        self.lesson_cards: list[LessonCard] = []
        lessons = lesson_outlines()
        if lessons:
            grid.addWidget(self._topic_label(self.tr("Guided lessons: pages to walk through, with tasks the app checks")))
            row_widget = QWidget()
            rows = QGridLayout(row_widget)
            rows.setContentsMargins(0, 0, 0, 0)
            rows.setSpacing(12)
            for k, lesson in enumerate(lessons):
                card = LessonCard(lesson)
                card.chosen.connect(self._choose_lesson)
                rows.addWidget(card, k // COLUMNS, k % COLUMNS, Qt.AlignmentFlag.AlignTop)
                self.lesson_cards.append(card)
            rows.setColumnStretch(COLUMNS, 1)
            grid.addWidget(row_widget)
        for topic in catalogue():
            grid.addSpacing(8)
            grid.addWidget(self._topic_label(topic.title))
            row_widget = QWidget()
            rows = QGridLayout(row_widget)
            rows.setContentsMargins(0, 0, 0, 0)
            rows.setSpacing(12)
            for k, example in enumerate(topic.examples):
                card = ExampleCard(example)
                card.chosen.connect(self._choose)
                rows.addWidget(card, k // COLUMNS, k % COLUMNS, Qt.AlignmentFlag.AlignTop)
                self.cards.append(card)
            rows.setColumnStretch(COLUMNS, 1)
            grid.addWidget(row_widget)
        grid.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(cards)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.show_at_start = QCheckBox(self.tr("Show at start"))
        self.show_at_start.setToolTip(self.tr("Show this page each time neuron-sim starts without a file"))
        self.show_at_start.setChecked(bool(settings.value(START_PAGE_KEY, True, type=bool)))
        self.show_at_start.toggled.connect(lambda on: self.settings.setValue(START_PAGE_KEY, on))
        buttons = QDialogButtonBox()
        self.empty_button = QPushButton(self.tr("Empty network"))
        self.empty_button.setToolTip(self.tr("Close this page and build a network yourself"))
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        bottom = QGridLayout()
        bottom.addWidget(self.show_at_start, 0, 0)
        bottom.addWidget(buttons, 0, 1)
        layout.addLayout(bottom)
        self.quit_keys = QAction(self)  # as File → Quit's in the main window: the page may be the only window
        self.quit_keys.setShortcut(QKeySequence.StandardKey.Quit)  # Ctrl+Q on Linux, ⌘Q on macOS
        self.quit_keys.triggered.connect(self.quit_requested)
        self.addAction(self.quit_keys)
        self.resize(COLUMNS * (THUMBNAIL_SIZE.width() + 34) + 80, 760)
        self._drawing_pictures = False
        self._painted = False

    @staticmethod
    def _topic_label(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        label.setFont(font)
        return label

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.first_painted.emit)  # once this paint is on the screen
        if not self._drawing_pictures and any(not card.has_picture for card in self._all_cards()):
            self._drawing_pictures = True
            QTimer.singleShot(0, self, self._draw_next_picture)  # once this paint is on the screen

    def _all_cards(self) -> list[LessonCard | ExampleCard]:
        return [*self.lesson_cards, *self.cards]

    def _draw_next_picture(self) -> None:
        waiting = [card for card in self._all_cards() if not card.has_picture]
        if waiting:
            waiting[0].draw_picture()
        if len(waiting) > 1:
            QTimer.singleShot(0, self, self._draw_next_picture)  # one per turn: the page stays responsive
        else:
            self._drawing_pictures = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # The Preferences dialog may have changed the setting since this page was built.
        self.show_at_start.setChecked(bool(self.settings.value(START_PAGE_KEY, True, type=bool)))
        super().showEvent(event)

    def _choose(self, example: Example) -> None:
        self.accept()
        self.example_chosen.emit(example)

    def _choose_lesson(self, outline: LessonOutline) -> None:
        entry = lesson_at(outline.path)
        self.accept()
        if entry.lesson is None:
            self.lesson_failed.emit(entry)
        else:
            self.lesson_chosen.emit(entry.lesson)

