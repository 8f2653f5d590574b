"""A file that is not a network is told in plain words; the parser's detail is one click away (#15, point 12)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from neuron_sim.ui.i18n.error_templates import TEMPLATES
from neuron_sim.ui.window import file_errors


@pytest.fixture
def shown(window, monkeypatch):
    seen = []
    monkeypatch.setattr(window, "show_error", lambda title, text, detail="": seen.append((title, text, detail)))
    return seen


@pytest.fixture
def korean(qapp):
    from neuron_sim.ui.i18n import language

    assert language.apply_language(qapp, "ko", font_check=lambda: True) == "ko"
    yield
    language.apply_language(qapp, "en")


@pytest.mark.parametrize(("name", "content", "what"), [
    ("README.md", b"# neuron-sim\n\nA desktop simulator", "it is not JSON."),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "it is not a text file."),
    ("empty.json", b"", "it is empty."),
    ("table.json", b'[{"a": 1}, {"a": 2}]', "it is JSON, but not a network."),
    ("config.json", b'{"format": "something-else", "version": 1}', "it is JSON, but not a network."),
])
def test_a_file_that_is_no_network_says_what_it_is_not(window, shown, tmp_path, name, content, what):
    path = tmp_path / name
    path.write_bytes(content)
    assert not window.files.open(path)
    title, text, detail = shown[0]
    assert text.startswith(f"{name} is not a neuron-sim network file: {what}")
    assert "neuron-sim opens the .json files it saves (and the examples)." in text
    assert detail and detail.startswith(str(path))  # the parser's own message, for whoever asks


def test_the_plain_words_are_korean_too(korean, window, shown, tmp_path):
    path = tmp_path / "README.md"
    path.write_text("# hello")
    assert not window.files.open(path)
    _, text, detail = shown[0]
    assert text.startswith("README.md는 neuron-sim 네트워크 파일이 아닙니다. JSON 형식이 아닙니다.")
    assert detail.startswith(str(path)) and "JSON" in detail


def test_a_bad_value_in_a_network_keeps_its_precise_message(window, shown, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "neuron-sim", "version": 1, "neurons": [{"id": "a", "threshold": "abc"}]}')
    assert not window.files.open(bad)
    _, text, detail = shown[0]
    assert "neurons[0].threshold" in text and not detail


def test_the_detail_is_behind_the_message_box_button(window, monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    window.show_error("Could not open the file", "README.md is not a neuron-sim network file", "line 1, column 1")
    assert boxes[0].detailedText() == "line 1, column 1"
    assert boxes[0].text() == "README.md is not a neuron-sim network file"


def test_every_plain_reason_belongs_to_a_real_parser_message():
    assert set(file_errors._REASONS) <= set(TEMPLATES)


def test_the_command_line_keeps_its_one_line(tmp_path, capsys):
    from neuron_sim.cli import main

    path = tmp_path / "README.md"
    path.write_text("# hello")
    assert main(["simulate", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "not valid JSON at line 1, column 1" in err and len(err.splitlines()) == 1


def test_a_network_too_large_for_this_computer_says_what_it_would_take_and_nothing_changes(window, shown, tmp_path,
                                                                                            monkeypatch):
    from neuron_sim.model import file_reading
    from neuron_sim.model.fileformat import save
    from neuron_sim.model.generate import layered_network

    path = tmp_path / "large.json"
    save(layered_network(300, 3000, seed=1), path)  # about 0.3 MB
    monkeypatch.setattr(file_reading, "memory_limit", lambda: 62_000_000)  # files of up to 0.1 MB
    before = window.network.copy()
    assert not window.files.open(path)
    _, text, detail = shown[0]
    assert text.startswith(f"{path}: the file is 0.3 MB, and opening it would take about 0.1 GB of memory; at most "
                           f"0.1 GB may be used (half of this computer's memory)") and not detail
    assert window.network == before
