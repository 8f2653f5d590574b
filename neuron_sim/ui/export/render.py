"""`neuron-sim render`: a figure from a network file, without a window (Qt's offscreen platform).

    neuron-sim render resources/examples/xor.json -o xor.svg --style schematic --legend
    neuron-sim render xor.json -o xor.gif --steps 2 --set x2=1

`--steps N` renders the state after N ticks (a tick is what the app's Step does: one layer of a
feedforward pass, one synchronous tick, or one dt of a spiking network); for a GIF, the N frames
after each tick. Every problem is a RenderError, which the command line prints as one line with exit
status 2.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

OUTPUTS = (".png", ".svg", ".pdf", ".gif")  # the options are in cli.py (its parser imports no Qt)
MAX_STILL_STEPS = 1_000_000
DEFAULT_TICK_FPS = {"rate": 2.0, "spiking": 25.0}


class RenderError(Exception):
    """A bad option or file for `render`."""


def run_render(args: argparse.Namespace) -> int:
    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in OUTPUTS:
        raise RenderError(f"{args.output}: the output must end in .png, .svg, .pdf or .gif")
    if not output.parent.is_dir():
        raise RenderError(f"{args.output}: the folder {output.parent} does not exist")
    if not 0 < args.scale <= 16:
        raise RenderError(f"--scale must be more than 0 and at most 16, got {args.scale:g}")
    if args.steps is not None and args.steps < (1 if suffix == ".gif" else 0):
        raise RenderError(f"--steps must be {'1' if suffix == '.gif' else '0'} or more, got {args.steps}")
    if args.steps is not None and args.steps > MAX_STILL_STEPS:
        raise RenderError(f"--steps may be at most {MAX_STILL_STEPS:,}")
    network = _load(args)
    if args.formula is not None and args.formula not in network.neurons:
        raise RenderError(f"--formula: no neuron has the id {args.formula!r}")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display is needed, or wanted
    from neuron_sim.ui.application import create_application, install_translator

    app = create_application()
    if args.lang:
        install_translator(app, args.lang)
    from neuron_sim.ui.export.animation import MAX_FRAMES, AnimationOptions, write_animation
    from neuron_sim.ui.export.figure import Figure, FigureError, FigureOptions

    options = FigureOptions(look=args.style, scale=args.scale,
                            background="transparent" if args.transparent else "white",
                            legend=args.legend, title=args.title, formula_neuron=args.formula,
                            activity=True).with_labels(args.labels)
    try:
        if suffix == ".gif":
            frames = args.steps if args.steps is not None else _default_frames(network)
            if frames > MAX_FRAMES:
                raise RenderError(f"a GIF has at most {MAX_FRAMES} frames; --steps {frames} is too many")
            fps = args.fps if args.fps is not None else DEFAULT_TICK_FPS[network.model]
            write_animation(output, network, options, AnimationOptions(frames=frames, fps=fps, per_tick=True))
        else:
            if args.fps is not None:
                raise RenderError("--fps is for .gif output")
            playback = _played(network, args.steps or 0)
            Figure(network, options, playback).save(output)
    except FigureError as error:
        raise RenderError(str(error)) from None
    print(output)
    return 0


def _load(args: argparse.Namespace):
    from neuron_sim.model import ModelError
    from neuron_sim.model.fileformat import NetworkFileError, load
    from neuron_sim.model.simulate import apply_assignment

    try:
        network = load(args.file)
        for assignment in args.set:
            apply_assignment(network, assignment)
    except (NetworkFileError, ModelError) as error:
        raise RenderError(str(error)) from None
    return network


def _default_frames(network) -> int:
    from neuron_sim.model import ModelError
    from neuron_sim.model.engines.rate import RateEngine

    if network.model == "spiking":
        return max(1, round(20.0 / network.dt_ms))
    if network.update == "feedforward":
        try:
            return max(1, len(RateEngine(network).layers))  # one pass, a frame per layer
        except ModelError as error:
            raise RenderError(str(error)) from None
    return 10


def _played(network, steps: int):
    """A Playback of `network` after `steps` ticks (the figure reads its state)."""
    from neuron_sim.ui.playback import Playback

    playback = Playback(network)
    if playback.engine is None:
        if steps:
            raise RenderError(str(playback.failure))  # the command line speaks English
        return None  # a network that cannot run is still drawn, at rest
    for _ in range(steps):
        playback.step()
    return playback
