"""Animated GIFs and numbered PNG frames, computed by the engines from a copy of the current state
(spikes in flight included)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from neuron_sim.ui.export import FigureError, FigureOptions
from neuron_sim.ui.export.animation import AnimationOptions, frame_paths, frames_for, write_animation
from neuron_sim.ui.playback import RATE_PHASES_PER_SECOND, Playback

from .export_networks import relay, xor


def gif_frames(path) -> list[np.ndarray]:
    with Image.open(path) as gif:
        frames = []
        for i in range(gif.n_frames):
            gif.seek(i)
            frames.append(np.asarray(gif.convert("RGB")))
        return frames


def pixels_of(frame: np.ndarray, rgb: tuple[int, int, int]) -> int:
    return int(np.sum(np.all(np.abs(frame.astype(int) - rgb) <= 12, axis=2)))


def lit_pixels(frame: np.ndarray) -> int:
    """Pixels of the active soma colour #FFB000 (styles.PALETTE.soma_active)."""
    return pixels_of(frame, (255, 176, 0))


PULSE = (0xFF, 0xD2, 0x3F)  # an excitatory pulse's fill (animation.EXCITATORY_PULSE)
CHARGE = (0x7C, 0xC4, 0xE8)  # the membrane potential filling a spiking soma (PALETTE.charge)


def test_a_gif_has_one_frame_per_tick_and_they_differ(qapp, tmp_path):
    path = tmp_path / "xor.gif"
    write_animation(path, xor(update="synchronous"), FigureOptions(scale=1.0),
                    AnimationOptions(frames=2, per_tick=True, fps=2))
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
    network = xor(update="synchronous")
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


def test_an_animation_started_mid_flight_carries_the_spike_on(qapp, tmp_path):
    """The relay's generator fires at 0, 10, 20 ms, and its spike needs 1 ms to reach n1. Half way
    (t = 0.5 ms) the window shows the pulse in the middle of the axon: so must frame 1. Frame 2
    (1/12 s of playback = 1.7 ms later) can only show n1 charged if that spike, launched before
    the export began, is delivered in the animation."""
    network = relay()
    source = Playback(network)
    for _ in range(5):
        source.step()
    keys, progress, _strength = source.pulses()
    assert keys == [("g1", "n1")] and progress.tolist() == pytest.approx([0.5])
    t_before = source.engine.t_ms

    unlabelled = FigureOptions(scale=1.0, show_weights=False)  # mid-axon, the pulse passes under the weight
    mid = write_animation(tmp_path / "mid.png", network, unlabelled, AnimationOptions(frames=2, fps=12), source)
    rest = write_animation(tmp_path / "rest.png", network, unlabelled, AnimationOptions(frames=2, fps=12))
    first, second = (np.asarray(Image.open(p).convert("RGB")) for p in mid)
    width = first.shape[1]
    between = first[:, width // 4: 3 * width // 4]  # g1 is at the left edge, n1 at the right
    assert pixels_of(between, PULSE) > 20
    assert pixels_of(np.asarray(Image.open(rest[0]).convert("RGB")), PULSE) == 0
    assert pixels_of(first, CHARGE) == 0 and pixels_of(second, CHARGE) > 20
    assert source.engine.t_ms == t_before and source.pulses()[0] == keys  # the window's run stays put


def test_a_rate_animation_started_half_way_through_a_layer_shows_its_pulses(qapp, tmp_path):
    network = xor()
    source = Playback(network)
    source.advance(0.5 / RATE_PHASES_PER_SECOND)  # half a layer: x1's pulses half way to OR and NAND
    assert source.phase == pytest.approx(0.5) and source.pulses()[0]
    unlabelled = FigureOptions(scale=1.0, show_weights=False)  # mid-axon, the pulses pass under the weights
    mid = write_animation(tmp_path / "mid.png", network, unlabelled, AnimationOptions(frames=1), source)
    rest = write_animation(tmp_path / "rest.png", network, unlabelled, AnimationOptions(frames=1))
    assert pixels_of(np.asarray(Image.open(mid[0]).convert("RGB")), PULSE) > 20
    assert pixels_of(np.asarray(Image.open(rest[0]).convert("RGB")), PULSE) == 0


def test_bad_animations_are_refused(qapp, tmp_path):
    with pytest.raises(FigureError, match="frames"):
        write_animation(tmp_path / "a.gif", xor(), FigureOptions(), AnimationOptions(frames=0))
    with pytest.raises(FigureError, match="frame rate"):
        write_animation(tmp_path / "a.gif", xor(), FigureOptions(), AnimationOptions(frames=2, fps=0))
    with pytest.raises(FigureError, match=r"\.gif"):
        write_animation(tmp_path / "a.mp4", xor(), FigureOptions(), AnimationOptions(frames=2))
