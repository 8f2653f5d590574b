"""Every export replaces its file the way a network is saved: all at once, or not at all.

A failure while writing (a full disk when the data is flushed), a bad option, or a pipe in the
file's place leaves an existing file byte for byte as it was and no temporary file behind.
"""

from __future__ import annotations

import errno
import os

import pytest

from neuron_sim.ui.export import FigureError, FigureOptions
from neuron_sim.ui.export.animation import AnimationOptions, write_animation
from neuron_sim.ui.export.figure import Figure
from neuron_sim.ui.panels.plots import TraceDock
from neuron_sim.ui.playback import Playback

from tests.hang_guard import guarded_fifo

from .export_networks import xor

OLD = b"the file as it was"


@pytest.fixture
def full_disk(monkeypatch):
    def no_space(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)


def only(tmp_path, name: str) -> None:
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert (tmp_path / name).read_bytes() == OLD


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_a_figure_that_fails_to_write_leaves_the_old_file(qapp, tmp_path, full_disk, suffix):
    target = tmp_path / f"figure.{suffix}"
    target.write_bytes(OLD)
    with pytest.raises(FigureError, match="No space left on device"):
        Figure(xor(), FigureOptions()).save(target)
    only(tmp_path, target.name)


@pytest.mark.parametrize("suffix", ["gif", "png"])
def test_an_animation_that_fails_to_write_leaves_the_old_file(qapp, tmp_path, full_disk, suffix):
    target = tmp_path / f"anim.{suffix}"
    target.write_bytes(OLD)
    first_frame = tmp_path / "anim-0001.png"
    if suffix == "png":
        first_frame.write_bytes(OLD)
    with pytest.raises(FigureError, match="No space left on device"):
        write_animation(target, xor(), FigureOptions(), AnimationOptions(frames=2, per_tick=True))
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name] + ([first_frame.name] if suffix == "png" else []))
    if suffix == "png":
        assert first_frame.read_bytes() == OLD


def test_a_bad_frame_rate_is_refused_before_the_file_is_touched(qapp, tmp_path):
    target = tmp_path / "anim.gif"
    target.write_bytes(OLD)
    for fps in (0.001, float("nan"), 0.0, 1e9):
        with pytest.raises(FigureError, match="frame rate must be between"):
            write_animation(target, xor(), FigureOptions(), AnimationOptions(frames=2, fps=fps))
    only(tmp_path, target.name)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_pipe_in_place_of_the_figure_is_refused(qapp, tmp_path):
    with guarded_fifo(tmp_path / "figure.png") as fifo:
        with pytest.raises(FigureError, match="not a regular file"):
            Figure(xor(), FigureOptions()).save(fifo)
        with pytest.raises(FigureError, match="not a regular file"):
            write_animation(fifo, xor(), FigureOptions(), AnimationOptions(frames=2, per_tick=True))
    assert fifo.is_fifo()


@pytest.mark.parametrize("kind", ["png", "svg", "csv"])
def test_a_plot_export_that_fails_leaves_the_old_file(qtbot, tmp_path, monkeypatch, kind):
    playback = Playback(xor())
    dock = TraceDock(playback)
    qtbot.addWidget(dock)
    dock.show()
    dock.show_selection(["y"], [])
    playback.step()
    target = tmp_path / f"trace.{kind}"
    target.write_bytes(OLD)
    monkeypatch.setattr(os, "fsync", lambda descriptor: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space")))
    with pytest.raises(OSError):
        dock.export(target, kind)
    only(tmp_path, target.name)


def test_a_long_korean_name_can_be_exported(qapp, tmp_path):
    target = tmp_path / ("가" * 76 + ".svg")  # 233 bytes
    Figure(xor(), FigureOptions()).save(target)
    assert target.read_bytes().lstrip().startswith(b"<?xml")
