"""`neuron-sim render`: a figure from a network file, without a window (Qt's offscreen platform).

    neuron-sim render resources/examples/xor.json -o xor.svg --style schematic --legend
    neuron-sim render xor -o xor.gif --set x2=1

FILE is a network file or the name of a shipped example (`xor`, `dense-layer`), as for
`neuron-sim --example`. `--steps N` renders the state after N ticks (a tick is what the app's Step
does: one layer of a feedforward pass, one synchronous tick, or one dt of a spiking network). A GIF
is File → Export animation's animation, made by the same code: from that state (at rest by
default), `--length` ticks or ms at `--fps` frames per second (the dialog's defaults: 4 ticks or
50 ms, 12 frames per second), pulses travelling along the axons. `--parts [ID]` adds the callouts
of View → Name the parts. `--style blocks` draws a network the blocks do not fit schematic, and
says why on standard error. Every problem is a RenderError,
which the command line prints as one line with exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

OUTPUTS = (".png", ".svg", ".pdf", ".gif")  # the options are in cli.py (its parser imports no Qt)
MAX_STILL_STEPS = 1_000_000


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
    if args.steps is not None and args.steps < 0:
        raise RenderError(f"--steps must be 0 or more, got {args.steps}")
    if args.steps is not None and args.steps > MAX_STILL_STEPS:
        raise RenderError(f"--steps may be at most {MAX_STILL_STEPS:,}")
    if suffix != ".gif":
        for name, value in (("--fps", args.fps), ("--length", args.length)):
            if value is not None:
                raise RenderError(f"{name} is for .gif output")
    if args.length is not None and not args.length > 0:
        raise RenderError(f"--length must be more than 0, got {args.length:g}")
    network = _load(args)
    if args.formula is not None and args.formula not in network.neurons:
        raise RenderError(f"--formula: no neuron has the id {args.formula!r}")
    if args.parts and args.parts not in network.neurons:
        raise RenderError(f"--parts: no neuron has the id {args.parts!r}")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display is needed, or wanted
    from neuron_sim.ui.application import create_application, install_translator

    app = create_application()
    if args.lang:
        install_translator(app, args.lang)
    from neuron_sim.ui.export.animation import MAX_FPS, MAX_FRAMES, MIN_FPS, smooth_options, write_animation
    from neuron_sim.ui.export.figure import Figure, FigureError, FigureOptions
    from neuron_sim.model.blocks import blocks_fit
    from neuron_sim.ui.canvas.blocks_notice import fit_text

    if args.style == "blocks" and not (fit := blocks_fit(network)).fits:
        print(f"note: {fit_text(fit)}", file=sys.stderr)

    options = FigureOptions(look=args.style, scale=args.scale,
                            background="transparent" if args.transparent else "white",
                            legend=args.legend, title=args.title, formula_neuron=args.formula, parts=args.parts,
                            keras=args.keras, activity=True).with_labels(args.labels)
    try:
        playback = _played(network, args.steps or 0, args.file)
        if suffix == ".gif":
            if args.fps is not None and not MIN_FPS <= args.fps <= MAX_FPS:  # NaN too
                raise RenderError(f"--fps must be between {MIN_FPS:g} and {MAX_FPS:g} frames per second, "
                                  f"got {args.fps:g}")
            animation = smooth_options(network, args.length, args.fps)
            if animation.frames > MAX_FRAMES:
                raise RenderError(f"a GIF has at most {MAX_FRAMES} frames; {animation.frames} are too many: "
                                  "shorten --length or lower --fps")
            write_animation(output, network, options, animation, playback)
        else:
            with Figure(network, options, playback) as figure:
                figure.save(output)
    except FigureError as error:
        raise RenderError(str(error)) from None
    print(output)
    return 0


def network_path(name: str) -> Path:
    """FILE as given, or the shipped example of that name (`xor`, `xor.json`) if no such file exists."""
    path = Path(name)
    if path.exists():
        return path
    from neuron_sim.resources_path import examples_dir

    example = examples_dir() / (path.name if path.suffix == ".json" else path.name + ".json")
    if path.parent == Path(".") and example.is_file():
        return example
    return path  # the loader says what is wrong with it


def _load(args: argparse.Namespace):
    from neuron_sim.model import ModelError
    from neuron_sim.model.fileformat import NetworkFileError, load
    from neuron_sim.model.simulate import apply_assignment

    try:
        network = load(network_path(args.file))
        for assignment in args.set:
            apply_assignment(network, assignment)
    except (NetworkFileError, ModelError) as error:
        raise RenderError(str(error)) from None
    return network


def _played(network, steps: int, source: str):
    """A Playback of `network` after `steps` ticks (the figure reads its state)."""
    from neuron_sim.ui.playback import Playback

    playback = Playback(network)
    if playback.engine is None:
        if steps:
            raise RenderError(f"{source}: {playback.failure}")  # the command line speaks English
        return None  # a network that cannot run is still drawn, at rest
    for _ in range(steps):
        playback.step()
    return playback
