"""File → Open on what is not a network file: a dialog that says why, the open network kept.

A FIFO once froze the window (open() waited for a writer) and a link loop raised an uncaught
RuntimeError with no dialog."""

from __future__ import annotations

import os

import pytest

from neuron_sim.ui import plain_text
from tests.hang_guard import guarded_fifo

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symbolic links")


@pytest.fixture
def warnings_shown(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(plain_text, "warn", lambda parent, title, text: shown.append(text))
    return shown


def _keeps_the_network(window, open_it, warnings_shown) -> str:
    window.edit.add_layer_with(2, "input", "sigmoid")
    before = window.network.copy()
    assert not open_it()
    assert window.network == before
    assert len(warnings_shown) == 1
    return warnings_shown[0]


@posix_only
def test_opening_a_fifo_shows_a_dialog(window, tmp_path, warnings_shown):
    with guarded_fifo(tmp_path / "p.json") as fifo:
        text = _keeps_the_network(window, lambda: window.files.open(fifo), warnings_shown)
    assert text == f"{fifo}: is not a regular file (a pipe, a device or a socket), so it cannot be a network file"


@posix_only
def test_opening_a_link_loop_shows_a_dialog(window, tmp_path, warnings_shown):
    (tmp_path / "a.json").symlink_to("b.json")
    (tmp_path / "b.json").symlink_to("a.json")
    text = _keeps_the_network(window, lambda: window.files.open(tmp_path / "a.json"), warnings_shown)
    assert "a.json" in text and "symbolic links" in text


def test_opening_a_device_shows_a_dialog(window, warnings_shown):
    if not os.path.exists("/dev/zero"):
        pytest.skip("needs /dev/zero")
    text = _keeps_the_network(window, lambda: window.files.open("/dev/zero"), warnings_shown)
    assert "is not a regular file" in text


def test_a_network_too_large_to_play_opens_and_says_why(window, tmp_path, warnings_shown):
    from neuron_sim.model.fileformat import save
    from tests.model.test_run_memory import busy_cells

    path = tmp_path / "bomb.json"
    save(busy_cells(400, 10, 10_000.0), path)
    assert window.files.open(path)
    playback = window.playback
    assert playback.engine is None
    assert "this run would need about" in playback.error
    playback.play()
    assert not playback.playing
