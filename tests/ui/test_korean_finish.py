"""The Korean interface, finished: words a Korean teacher expects, nothing clipped (issue #15)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def korean(qapp):
    from neuron_sim.ui.i18n import language

    assert language.apply_language(qapp, "ko", font_check=lambda: True) == "ko"
    yield
    language.apply_language(qapp, "en")


def test_the_discard_button_says_what_it_does(korean, window):
    box = window.files.unsaved_changes_box()
    assert box.button(QMessageBox.StandardButton.Discard).text() == "저장 안 함"
    assert box.button(QMessageBox.StandardButton.Save).text() == "저장"


def test_the_discard_button_in_english(window):
    box = window.files.unsaved_changes_box()
    assert box.button(QMessageBox.StandardButton.Discard).text() == "Don't Save"
