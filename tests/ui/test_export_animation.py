"""Animated GIFs and numbered PNG frames, computed by the engines from a copy of the current state."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from neuron_sim.ui.export import FigureError, FigureOptions
from neuron_sim.ui.export.animation import AnimationOptions, frame_paths, frames_for, write_animation
from neuron_sim.ui.playback import Playback

from .export_networks import relay, xor


def gif_frames(path) -> list[np.ndarray]:
    with Image.open(path) as gif:
        frames = []
        for i in range(gif.n_frames):
            gif.seek(i)
            frames.append(np.asarray(gif.convert("RGB")))
        return frames


def lit_pixels(frame: np.ndarray) -> int:
    """Pixels of the active soma colour #FFB000 (styles.PALETTE.soma_active)."""
    return int(np.sum(np.all(np.abs(frame.astype(int) - (255, 176, 0)) <= 12, axis=2)))


def test_a_gif_has_one_frame_per_tick_and_they_differ(qapp, tmp_path):
    path = tmp_path / "xor.gif"
    write_animation(path, xor(), FigureOptions(scale=1.0), AnimationOptions(frames=2, per_tick=True, fps=2))
    frames = gif_frames(path)
    assert len(frames) == 2
    assert frames[0].shape == frames[1].shape
    assert np.any(frames[0] != frames[1])  # the hidden layer fires, then the output
    with Image.open(path) as gif:
        assert gif.info["duration"] == 500 and gif.info["loop"] == 0


def test_smooth_frames_show_pulses_travelling(qapp, tmp_path):
    network = xor()
    count = frames_for(network, 1, fps=6)  # one layer at the app's pace: 1/1.5 s, both ends
    assert count == 5
    path = tmp_path / "smooth.gif"
    write_animation(path, network, FigureOptions(scale=1.0, look="schematic"), AnimationOptions(frames=count, fps=6))
    frames = gif_frames(path)
    assert len(frames) == count
    assert all(np.any(a != b) for a, b in zip(frames, frames[1:]))


def test_a_spiking_cell_charges_frame_by_frame(qapp, tmp_path):
    network = relay()
    count = frames_for(network, 12.0, fps=10)  # 12 ms of simulated time at 20 ms per second
    paths = write_animation(tmp_path / "relay.png", network, FigureOptions(scale=1.0),
                            AnimationOptions(frames=count, fps=10))
    assert paths == frame_paths(tmp_path / "relay.png", count)
    assert [p.name for p in paths[:2]] == ["relay-0001.png", "relay-0002.png"]
    images = [np.asarray(Image.open(p).convert("RGB")) for p in paths]
    assert len({im.shape for im in images}) == 1  # every frame has the same size
    assert sum(np.any(a != b) for a, b in zip(images, images[1:])) >= count // 2


def test_the_window_state_is_the_start_and_is_not_moved(qapp, tmp_path):
    network = xor()
    source = Playback(network)
    source.step()
    tick, cursor, activity = source.engine.tick, source.engine.layer_cursor, source.engine.activity.copy()
    path = tmp_path / "from-now.gif"
    write_animation(path, network, FigureOptions(scale=1.0), AnimationOptions(frames=1, per_tick=True), source)
    assert (source.engine.tick, source.engine.layer_cursor) == (tick, cursor)
    assert np.array_equal(source.engine.activity, activity)
    # Started after the hidden layer, one more tick computes the output: three somas are lit
    # (OR, NAND and y); from rest, the same tick lights only the hidden two.
    rest = tmp_path / "from-rest.gif"
    write_animation(rest, network, FigureOptions(scale=1.0), AnimationOptions(frames=1, per_tick=True))
    now_lit, rest_lit = lit_pixels(gif_frames(path)[0]), lit_pixels(gif_frames(rest)[0])
    assert rest_lit > 0 and now_lit / rest_lit == pytest.approx(1.5, rel=0.15)


def test_bad_animations_are_refused(qapp, tmp_path):
    with pytest.raises(FigureError, match="frames"):
        write_animation(tmp_path / "a.gif", xor(), FigureOptions(), AnimationOptions(frames=0))
    with pytest.raises(FigureError, match="frame rate"):
        write_animation(tmp_path / "a.gif", xor(), FigureOptions(), AnimationOptions(frames=2, fps=0))
    with pytest.raises(FigureError, match=r"\.gif"):
        write_animation(tmp_path / "a.mp4", xor(), FigureOptions(), AnimationOptions(frames=2))
