"""Animated figures: an animated GIF (or numbered PNG frames) of what the network does next.

The frames are computed by the model's engines through a Playback of their own, started from
a copy of the window's current state, spikes in flight included (the window's simulation does
not move). Two ways to step:

- `per_tick`: one frame per tick (a layer in feedforward networks, a synchronous tick, or one dt
  of a spiking network), with the next stage's pulses half way along their axons;
- smooth: each frame is 1/fps second of playback at the given speed, pulses travelling along
  the axons as they do on the canvas. The Export animation dialog and `neuron-sim render … .gif`
  both make this one, from `smooth_options` (the same length and frame rate give the same frames).

Consecutive identical frames are merged by the GIF writer, their time kept.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from neuron_sim.model import Network

from neuron_sim.ui.playback import RATE_PHASES_PER_SECOND, SPIKING_MS_PER_SECOND, Playback
from neuron_sim.ui.styles import PALETTE
from neuron_sim.ui.export.figure import (Figure, FigureError, FigureOptions, background_color, check_writable,
                                         copy_network, write_bytes)

MAX_FRAMES = 600
MAX_ANIMATION_PIXELS = 300_000_000  # every frame of a GIF is kept until it is written: 300 MB of palette pixels
MAX_FPS = 50.0  # GIF viewers slow anything faster down
DEFAULT_FPS = 12.0
DEFAULT_LENGTH = {"rate": 4.0, "spiking": 50.0}  # ticks of a rate network, ms of a spiking one
MIN_FPS = 0.01  # a GIF frame lasts at most 655.35 s (16 bits of centiseconds): 100 s is the longest we write


@dataclass(frozen=True)
class AnimationOptions:
    frames: int
    fps: float = 12.0
    per_tick: bool = False
    speed: float = 1.0  # smooth mode: playback speed (1 = the app's normal pace)

    def frame_ms(self) -> int:
        return max(20, round(1000.0 / self.fps))


def frames_for(network: Network, length: float, fps: float, speed: float = 1.0) -> int:
    """Frames of a smooth animation covering `length` ticks (rate) or milliseconds (spiking)."""
    per_second = SPIKING_MS_PER_SECOND if network.model == "spiking" else RATE_PHASES_PER_SECOND
    seconds = length / (per_second * speed)
    return int(math.floor(seconds * fps + 1e-9)) + 1  # both ends: the state now and at the end


def smooth_options(network: Network, length: float | None = None, fps: float | None = None) -> AnimationOptions:
    """A smooth animation running `length` ticks (rate) or ms (spiking) at `fps` frames per second
    and the app's normal pace; unset, the Export animation dialog's defaults."""
    length = DEFAULT_LENGTH[network.model] if length is None else length
    fps = DEFAULT_FPS if fps is None else fps
    return AnimationOptions(frames=frames_for(network, length, fps), fps=fps, speed=1.0)


def _check(options: AnimationOptions) -> None:
    if not 1 <= options.frames <= MAX_FRAMES:
        raise FigureError("an animation has 1 to {limit} frames, not {frames}", limit=MAX_FRAMES, frames=options.frames)
    if not MIN_FPS <= options.fps <= MAX_FPS:  # also refuses NaN
        raise FigureError("the frame rate must be between {low:g} and {limit:g} frames per second, got {fps:g}",
                          low=MIN_FPS, limit=MAX_FPS, fps=options.fps)


def start_playback(network: Network, source: Playback | None, speed: float) -> Playback:
    """A Playback on a copy of `network`, in the state `source` is in now (or at rest).

    Everything the window shows carries over (Playback.continue_from): each neuron's activity
    or potential, the tick or time, how far the current layer's pulses have travelled, and in a
    spiking network the spikes still travelling down the axons, which arrive in the animation
    when they would have arrived on the canvas.
    """
    playback = Playback(copy_network(network))
    if playback.engine is None:
        if playback.failure is not None:
            raise FigureError(playback.failure)  # the model's reason, translated where shown
        raise FigureError("this network cannot run")
    if source is not None:
        playback.continue_from(source)
    playback.set_speed(speed)
    return playback


def animation_frames(network: Network, figure_options: FigureOptions, options: AnimationOptions,
                     source: Playback | None = None, selection=None,
                     visible_rect: QRectF | None = None,
                     progress: Callable[[int, int], bool] | None = None) -> Iterator[QImage]:
    """Yield the frames as images. `progress(done, total)` may return False to stop early."""
    _check(options)
    playback = start_playback(network, source, options.speed)
    with Figure(network, replace(figure_options, activity=True), playback, selection, visible_rect) as figure:
        figure.follow(playback)

        def replay() -> Iterator[int]:
            figure.follow(start_playback(network, source, options.speed))
            return _advance(figure.playback, options)

        # Every frame has the same size, room for all of them: text grows while playing (a = …
        # appears under computed neurons, the formula's numbers change). Two cheap passes over the
        # same frames without drawing find that room: the network's, then the figure's.
        for _ in replay():
            figure.include_labels()
        bounds = QRectF()
        for _ in replay():
            figure.relayout()
            bounds = bounds.united(figure.bounds)
        figure.bounds = bounds
        size = figure.raster_size()  # one frame: refused past MAX_PIXELS before anything is drawn
        if size.width() * size.height() * options.frames > MAX_ANIMATION_PIXELS:  # a GIF keeps every frame
            raise FigureError("{frames} frames of {width} × {height} pixels are too many pixels for one animation "
                              "(the limit is {limit:,}); choose a smaller scale or fewer frames", frames=options.frames,
                              width=size.width(), height=size.height(), limit=MAX_ANIMATION_PIXELS)
        for i, _ in enumerate(replay()):
            figure.relayout()
            figure.bounds = bounds
            yield figure.image()
            if progress is not None and progress(i + 1, options.frames) is False:
                return


def _advance(playback: Playback, options: AnimationOptions) -> Iterator[int]:
    """Move the playback to each frame's moment in turn."""
    for i in range(options.frames):
        if options.per_tick:
            playback.step()
            _show_next_stage_in_flight(playback)
        elif i > 0:
            playback.advance(1.0 / options.fps)
        else:
            playback.advanced.emit()
        yield i


def _show_next_stage_in_flight(playback: Playback) -> None:
    """Half way through the next stage: the signals of the layer (or tick) just computed are drawn
    on their way. A feedforward network is always shown evaluated, so without them its ticks would
    all look alike."""
    engine = playback.engine
    if engine is not None and engine.continuous_phase:
        playback.advance(0.5 / (playback.speed * engine.stages_per_second))


# ---- writing ----------------------------------------------------------------------------------
def write_gif(path: str | Path, frames: Iterator[QImage], frame_ms: int, background: str = "white") -> int:
    """Write an endlessly looping GIF; returns the number of frames given. Raises FigureError."""
    from PIL import Image

    # GIF has one-bit transparency: soft edges over "transparent" would be jagged, so the
    # frames are laid on white instead.
    fill = background_color(background) or QColor(PALETTE.background)
    pictures = []
    for image in frames:
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(fill)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        rgb = flat.convertToFormat(QImage.Format.Format_RGB888)
        picture = Image.frombuffer("RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB",
                                   rgb.bytesPerLine(), 1)
        pictures.append(picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE))
    if not pictures:
        raise FigureError("the animation has no frames")
    encoded = io.BytesIO()  # whole in memory first: a failure leaves the file on disk as it was
    try:
        pictures[0].save(encoded, format="GIF", save_all=True, append_images=pictures[1:], duration=frame_ms,
                         loop=0, disposal=1, optimize=False)
    except (OSError, ValueError, OverflowError) as error:
        raise FigureError("could not write {path}: {reason:w}", path=Path(path), reason=error) from None
    write_bytes(Path(path), encoded.getvalue())
    return len(pictures)


def frame_paths(path: str | Path, count: int) -> list[Path]:
    """OUT.png → OUT-0001.png, OUT-0002.png, … (as many digits as the count needs, at least 4)."""
    path = Path(path)
    digits = max(4, len(str(count)))
    return [path.with_name(f"{path.stem}-{i:0{digits}d}.png") for i in range(1, count + 1)]


def write_png_frames(path: str | Path, frames: Iterator[QImage], count: int) -> list[Path]:
    paths = frame_paths(path, count)
    for target in paths:  # before the first frame is drawn: a pipe or a folder in the way is refused at once
        check_writable(target)
    written = []
    for target, image in zip(paths, frames):
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise FigureError("could not write {path}", path=target)
        write_bytes(target, bytes(buffer.data()))
        written.append(target)
    return written


def write_animation(path: str | Path, network: Network, figure_options: FigureOptions,
                    options: AnimationOptions, source: Playback | None = None, selection=None,
                    visible_rect: QRectF | None = None, progress=None) -> list[Path]:
    """A GIF for a .gif path, numbered PNG frames for a .png path. Returns the files written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".gif", ".png"):
        raise FigureError("an animation is written as .gif or as numbered .png frames", place=path.name)
    _check(options)
    check_writable(path)
    # Closed on the way out, failures included, so that the frames' figure is freed then.
    with closing(animation_frames(network, figure_options, options, source, selection, visible_rect,
                                  progress)) as frames:
        if suffix == ".gif":
            write_gif(path, frames, options.frame_ms(), figure_options.background)
            return [path]
        return write_png_frames(path, frames, options.frames)
