"""The lesson bar under the canvas: the page's title and text, its task and whether it is done,
the progress through the lesson, and Back, Next, Reset page and Check.

It shows what it is given and says what was pressed (signals); the window's lesson helper
(ui/window/lessons.py) opens the pages and checks the tasks. Present mode makes its text larger
(`set_text_pixels`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QToolButton, QVBoxLayout, QWidget

from neuron_sim.model.lessons import Lesson
from neuron_sim.ui.i18n.filling import fill
from neuron_sim.ui.plain_text import plain_label

_STYLE = """
#lesson-bar { background: #EEF4FF; border-top: 2px solid #1A73E8; }
#lesson-bar QLabel { color: #1F2328; }
#lesson-task { color: #0B3D91; }
"""
DONE_STYLE = "color: #137333; font-weight: bold;"
HINT_STYLE = "color: #B06000;"


class LessonBar(QFrame):
    back_requested = Signal()
    next_requested = Signal()
    reset_requested = Signal()
    check_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesson-bar")
        self.setStyleSheet(_STYLE)
        self.title_label = plain_label()
        self.title_label.setWordWrap(True)
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(120)
        self.progress.setMaximumHeight(8)
        self.text_label = plain_label()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.task_label = plain_label()
        self.task_label.setObjectName("lesson-task")
        self.task_label.setWordWrap(True)
        self.status_label = plain_label()
        self.status_label.setWordWrap(True)
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.back_button.setToolTip(self.tr("The previous page of the lesson (←)"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("The next page of the lesson (→)"))
        self.reset_button = QPushButton(self.tr("Reset page"))
        self.reset_button.setToolTip(self.tr("Put this page's network back as the page opened it"))
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setToolTip(self.tr("Does the network do what the task asks?"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("End the lesson (the network stays open)"))
        self.back_button.clicked.connect(self.back_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.reset_button.clicked.connect(self.reset_requested)
        self.check_button.clicked.connect(self.check_requested)
        self.close_button.clicked.connect(self.close_requested)

        heading = QHBoxLayout()
        heading.addWidget(self.title_label, 1)
        heading.addWidget(self.progress_label)
        heading.addWidget(self.progress)
        heading.addWidget(self.close_button)
        task = QHBoxLayout()
        task.addWidget(self.task_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        for button in (self.check_button, self.reset_button, self.back_button, self.next_button):
            buttons.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 6, 8, 8)
        column.setSpacing(4)
        column.addLayout(heading)
        column.addWidget(self.text_label)
        column.addLayout(task)
        column.addLayout(buttons)
        self.hide()

    # ---- what it shows -------------------------------------------------------------------------
    def show_page(self, lesson: Lesson, index: int, language: str) -> None:
        page = lesson.pages[index]
        count = len(lesson.pages)
        self.title_label.setText(f"{lesson.title.get(language)} · {page.title.get(language)}")
        self.progress_label.setText(fill(self.tr("Page %1 of %2"), index + 1, count))
        self.progress.setRange(0, count)
        self.progress.setValue(index + 1)
        self.text_label.setText(page.text.get(language))
        has_task = page.task is not None
        self.task_label.setVisible(has_task)
        self.check_button.setVisible(has_task)
        self.task_label.setText(fill(self.tr("Task: %1"), page.task.goal.get(language)) if has_task else "")
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < count)
        self.next_button.setText(self.tr("Next ▶"))
        self.clear_status()
        self.show()

    def show_done(self, last_page: bool) -> None:
        self.status_label.setStyleSheet(DONE_STYLE)
        self.status_label.setText(self.tr("✓ Done! That is the last page of the lesson.") if last_page
                                  else self.tr("✓ Done! Press Next when you are ready."))

    def show_hint(self, hint: str) -> None:
        self.status_label.setStyleSheet(HINT_STYLE)
        self.status_label.setText(fill(self.tr("Not yet. Hint: %1"), hint))

    def show_note(self, text: str) -> None:
        """Something to know about this page that is neither done nor a hint."""
        self.status_label.setStyleSheet(HINT_STYLE)
        self.status_label.setText(text)

    def clear_status(self) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText("")

    def status_text(self) -> str:
        return self.status_label.text()

    def labels(self) -> list[QLabel]:
        return [self.title_label, self.progress_label, self.text_label, self.task_label, self.status_label]

    def buttons(self) -> list[QPushButton | QToolButton]:
        return [self.back_button, self.next_button, self.reset_button, self.check_button, self.close_button]
