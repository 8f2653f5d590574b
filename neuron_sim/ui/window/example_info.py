"""The bar above the canvas that says what an open example shows and what to try.

The network as Keras code and its weight matrices are the As-code panel's (ui/panels/code_panel.py),
for any layered network; the window opens that panel with the Dense-layer examples.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMainWindow, QToolButton, QVBoxLayout, QWidget

from neuron_sim.ui.plain_text import plain_label

if TYPE_CHECKING:
    from neuron_sim.ui.examples import Example

_STYLE = """
#example-info { background: #FFF8E1; border-bottom: 1px solid #E0C872; }
#example-info QLabel { color: #1F2328; }
"""


class ExampleInfoBar(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("example-info")
        self.setStyleSheet(_STYLE)
        self.title_label = plain_label()
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.text_label = plain_label()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Hide this text"))
        self.close_button.clicked.connect(self.hide)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.title_label)
        texts.addWidget(self.text_label)
        texts.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 6, 8)
        row.setSpacing(12)
        row.addLayout(texts, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.example: Example | None = None
        self.hide()

    @classmethod
    def install_above_canvas(cls, window: QMainWindow) -> ExampleInfoBar:
        """Put a bar above the window's canvas (the central widget becomes [bar, canvas])."""
        view = window.takeCentralWidget()
        container = QWidget(window)
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        bar = cls(container)
        column.addWidget(bar)
        column.addWidget(view, 1)
        window.setCentralWidget(container)
        return bar

    # ---- what it shows -------------------------------------------------------------------
    def show_example(self, example: Example) -> None:
        self.clear()
        self.example = example
        self.title_label.setText(example.title)
        self.text_label.setText(example.what_to_try)
        self.show()

    def clear(self) -> None:
        """Forget the example (another network was opened)."""
        self.example = None
        self.hide()
