"""Command line: the app by default; `simulate`, `bench` and more run headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


#: the Speed box's choices (ui/playback.py SPEEDS, which a test holds this to), without importing Qt
APP_SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 10.0, 100.0, float("inf"))


class CliError(Exception):
    """A bad argument or file: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump, no traceback
        raise CliError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="neuron-sim", description="Build networks of neurons and watch them compute.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    app = sub.add_parser("app", help="open the desktop app (the default)")
    app.add_argument("file", nargs="?", help="a network file to open")
    app.add_argument("--look", choices=("biological", "schematic", "blocks"), help="how neurons are drawn at start")
    app.add_argument("--play", action="store_true", help="start playing the network at once")
    app.add_argument("--select", metavar="ID", action="append", default=[],
                     help="select this neuron at start (its trace and computation are shown); may be repeated")
    app.add_argument("--lang", choices=("ko", "en"),
                     help="interface language for this run (default: Preferences, else the system's)")
    app.add_argument("--example", metavar="NAME", choices=_example_names(),
                     help="open a classroom example as an untitled copy, with its text (e.g. dense-layer)")
    app.add_argument("--start-page", action="store_true", help="show the start page of examples")
    app.add_argument("--lesson", metavar="NAME", choices=_lesson_names(),
                     help="start a guided lesson (e.g. concept-of-the-neuron)")
    app.add_argument("--page", metavar="N", type=_positive_int, default=1, help="the lesson's page to open (from 1)")
    app.add_argument("--present", action="store_true", help="start in Present mode (View → Present, F5)")
    app.add_argument("--speed", type=float, choices=APP_SPEEDS, metavar="SPEED",
                     help="playback speed at start, as the Speed box offers it: 0.25, 0.5, 1, 2, 4, 10, 100, "
                          "or inf (as fast as possible)")
    app.add_argument("--train", metavar="EPOCHS", type=_positive_int,
                     help="open the Train dock and train this many epochs at start (with its current settings)")
    app.add_argument("--train-step", action="store_true",
                     help="open the Train dock and show one example's step (after --train's epochs)")

    sim = sub.add_parser("simulate", help="run a network without the GUI and print its activity")
    sim.add_argument("file", help="a network file (.json) or a Neuronify circuit (.nfy)")
    length = sim.add_mutually_exclusive_group()
    length.add_argument("--steps", type=int, help="number of updates (default: one feedforward pass, "
                        "10 synchronous ticks, or 100 ms of spiking)")
    length.add_argument("--duration-ms", type=float, help="simulated time, spiking networks")
    sim.add_argument("--set", action="append", default=[], metavar="ID=VALUE",
                     help="set an input's value (x1=1), any parameter (y.threshold=0.5) or a weight "
                          "(x1->y.weight=2); may be repeated")
    sim.add_argument("--format", choices=("json", "csv"), default="json", help="output format")

    imported = sub.add_parser("import", help="read a Neuronify circuit (.nfy) and write it as a network file")
    imported.add_argument("file", help="a Neuronify file (.nfy)")
    imported.add_argument("-o", "--output", required=True, metavar="OUT.json", help="the network file to write")

    bench = sub.add_parser("bench", help="measure the engines against baselines in the same run")
    bench.add_argument("--json", action="store_true", help="one JSON record per figure")
    bench.add_argument("--quick", action="store_true", help="fewer repetitions, smaller sizes (for tests)")
    bench.add_argument("--check", action="store_true",
                       help="exit with status 1 when a figure misses its goal (each one missed is named)")
    bench.add_argument("--only", metavar="GROUP", action="append",
                       help="run only this group of figures (rate, spiking, training, canvas, structure, "
                            "animation, playback, name-parts, export, startup); may be repeated")
    _add_render_parser(sub)
    _add_train_parser(sub)
    _add_export_code_parser(sub)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 10_000_000:
        raise argparse.ArgumentTypeError(f"{value} is not from 1 to 10000000")
    return value


def _lesson_names() -> list[str]:
    from neuron_sim.model.lessons.outline import lesson_files
    from neuron_sim.resources_path import lessons_dir

    return [path.stem for path in lesson_files(lessons_dir())]


def _example_names() -> list[str]:
    from neuron_sim.resources_path import examples_dir

    return sorted(path.stem for path in examples_dir().glob("*.json"))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    commands = {"app", "simulate", "import", "bench", "render", "train", "export-code", "-h", "--help", "--version"}
    if not args_list or args_list[0] not in commands:
        args_list = ["app", *args_list]
    try:
        args = build_parser().parse_args(args_list)
        if args.version:
            from neuron_sim import __version__
            print(f"neuron-sim {__version__}")
            return 0
        if args.command == "simulate":
            return _simulate(args)
        if args.command == "import":
            return _import(args)
        if args.command == "render":
            from neuron_sim.ui.export.render import RenderError, run_render
            try:
                return run_render(args)
            except RenderError as error:
                raise CliError(str(error)) from None
        if args.command == "train":
            return _train(args)
        if args.command == "export-code":
            return _export_code(args)
        if args.command == "bench":
            from neuron_sim import bench
            unknown = [name for name in args.only or [] if name not in bench.GROUPS]
            if unknown:
                raise CliError(f"no benchmark group {unknown[0]!r}; the groups are {', '.join(bench.GROUPS)}")
            return bench.run(json_output=args.json, quick=args.quick, check=args.check, only=args.only)
        from neuron_sim.app import run_app
        return run_app(args.file, look=args.look, play=args.play, select=args.select, lang=args.lang,
                       example=args.example, start_page=args.start_page, train=args.train,
                       train_step=args.train_step, speed=args.speed, lesson=args.lesson, page=args.page,
                       present=args.present)
    except CliError as error:
        message = " ".join((str(error) + _dash_hint(args_list)).split())  # always exactly one line
        print(f"neuron-sim: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _dash_hint(args: list[str]) -> str:
    """argparse takes `-name.json` for an option: say how to pass such a file."""
    dashed = next((a for a in args[1:] if a.startswith("-") and not a.startswith("--")
                   and a.lower().endswith(".json")), None)
    if dashed is None or "--" in args:
        return ""
    return f"; a file name that starts with '-' goes after '--': neuron-sim {args[0]} -- {dashed}"


def _network_and_steps(args: argparse.Namespace):
    """The file's network with every `--set` applied, and the steps `--steps` / `--duration-ms` ask
    for (None: the default run), as `simulate` and `export-code` read them."""
    from neuron_sim.model.fileformat import load
    from neuron_sim.model.neuronify import is_nfy, load_nfy
    from neuron_sim.model.simulate import apply_assignment, steps_for_duration

    if is_nfy(args.file):
        imported = load_nfy(args.file)
        _tell_left_out(imported.unsupported_text())
        network = imported.network
    else:
        network = load(args.file)
    for assignment in args.set:
        apply_assignment(network, assignment)
    steps = args.steps if args.duration_ms is None else steps_for_duration(network, args.duration_ms)
    return network, steps


def _simulate(args: argparse.Namespace) -> int:
    from neuron_sim.model import ModelError
    from neuron_sim.model.fileformat import NetworkFileError
    from neuron_sim.model.simulate import write_simulation

    try:
        network, steps = _network_and_steps(args)
    except (NetworkFileError, ModelError) as error:
        raise CliError(str(error)) from None
    try:
        # Streamed: every check (steps, memory, a network that cannot run) comes before the first line.
        write_simulation(network, steps, sys.stdout, args.format)
    except ModelError as error:  # the network loaded but cannot run as asked: say which file
        raise CliError(f"{args.file}: {error}") from None
    if args.format == "json":
        sys.stdout.write("\n")
    return 0


def _import(args: argparse.Namespace) -> int:
    from neuron_sim.model.fileformat import NetworkFileError, save
    from neuron_sim.model.neuronify import load_nfy

    try:
        imported = load_nfy(args.file)
        save(imported.network, args.output)
    except NetworkFileError as error:
        raise CliError(str(error)) from None
    _tell_left_out(imported.unsupported_text())
    if imported.meters:
        print(f"neuron-sim: note: {len(imported.meters)} meter(s) are not kept in {args.output} (the app opens "
              f"their instruments when it opens {args.file})", file=sys.stderr)
    return 0


def _tell_left_out(lines: list[str]) -> None:
    """What an imported Neuronify circuit holds that neuron-sim imported approximately or left out."""
    for line in lines:
        print(f"neuron-sim: note: {line}", file=sys.stderr)


# ---- render: figures without a window (neuron_sim/ui/export/render.py) ------------------------
def _add_render_parser(sub) -> None:
    """The `render` subcommand's options (run by neuron_sim/ui/export/render.py)."""
    render = sub.add_parser("render", help="draw a network as a PNG, SVG, PDF or animated GIF, without a window")
    render.add_argument("file", help="a network file (.json), or a shipped example's name (xor, dense-layer)")
    render.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="the figure to write: .png, .svg, .pdf or .gif (the format follows the suffix)")
    render.add_argument("--scale", type=float, default=2.0,
                        help="pixels per canvas unit for PNG and GIF (default 2: crisp on projectors)")
    render.add_argument("--style", choices=("biological", "schematic", "blocks"), default="biological",
                        help="draw neurons as cells, as a textbook diagram, or as blocks: × w, Σ − θ and f for each "
                             "neuron (rate networks of up to 16 computing neurons with up to 6 inputs each; "
                             "others are drawn schematic, with a note)")
    render.add_argument("--transparent", action="store_true", help="no background (PNG, SVG, PDF)")
    render.add_argument("--legend", action="store_true", help="add a legend of synapse symbols and widths")
    render.add_argument("--labels", action=argparse.BooleanOptionalAction, default=True,
                        help="neuron names, thresholds and weights (default: shown)")
    render.add_argument("--title", default="", help="a title above the network")
    render.add_argument("--formula", metavar="ID", help="write out what this neuron computes, with its numbers")
    render.add_argument("--parts", metavar="ID", nargs="?", const="", default=None,
                        help="name the parts of neuron ID (without ID: of the neuron the app would choose), "
                             "as View → Name the parts does")
    render.add_argument("--keras", action="store_true",
                        help="add each layer's Keras Dense line and weight matrix W (feedforward rate networks)")
    render.add_argument("--steps", type=int, default=None,
                        help="render the state after N ticks (default: at rest); a GIF starts from it")
    render.add_argument("--length", type=float, default=None,
                        help="GIF: how far the network runs, in ticks (rate) or ms (spiking), as in "
                             "File → Export animation (default 4 ticks or 50 ms)")
    render.add_argument("--fps", type=float, default=None, help="GIF frames per second (default 12)")
    render.add_argument("--set", action="append", default=[], metavar="ID=VALUE",
                        help="set an input's value or a parameter first, as in `simulate`; may be repeated")
    render.add_argument("--lang", choices=("ko", "en"), help="language of the legend and formula text")


# ---- train: learning from examples without a window (neuron_sim/model/training) ---------------
def _add_train_parser(sub) -> None:
    train = sub.add_parser("train", help="train a rate network on examples and write the trained network")
    train.add_argument("file", help="a network file (.json)")
    train.add_argument("--data", required=True, metavar="DATA",
                       help="and, or, nand, xor, blobs, circle, xor-quadrants, spiral, or a CSV file")
    train.add_argument("--epochs", required=True, type=int, metavar="N", help="passes through the data")
    train.add_argument("--lr", required=True, type=float, metavar="R", help="learning rate")
    train.add_argument("--algorithm", choices=("backprop", "perceptron"), default="backprop")
    train.add_argument("--loss", choices=("mse", "cross-entropy"), default="mse", help="backprop's loss")
    train.add_argument("--batch", type=_batch_size, default=None, metavar="full|K",
                       help="full (one update per epoch, the default) or K examples per update")
    train.add_argument("--shuffle", action="store_true", help="a new random order each epoch (see --seed)")
    train.add_argument("--init", choices=("keep", "random"), default="keep",
                       help="keep the file's weights, or random Glorot-uniform weights and θ = 0 (see --seed)")
    train.add_argument("--seed", type=int, default=0, help="for --shuffle, --init random and the 2-D data sets")
    train.add_argument("--samples", type=int, default=200, help="examples in a 2-D data set")
    train.add_argument("--noise", type=float, default=0.0, help="jitter of a 2-D data set's points")
    train.add_argument("-o", "--output", required=True, metavar="OUT", help="where to write the trained network")
    train.add_argument("--json", action="store_true", help='one {"epoch", "loss", "accuracy"} line per epoch')


def _batch_size(text: str) -> int | None:
    if text == "full":
        return None
    if text.isdigit() and int(text) >= 1:
        return int(text)
    raise argparse.ArgumentTypeError(f"expected full or a whole number from 1 up, got {text!r}")


def _train(args: argparse.Namespace) -> int:
    import json
    import math

    from neuron_sim.model import ModelError
    from neuron_sim.model.fileformat import NetworkFileError, load, save
    from neuron_sim.model.training import TrainConfig, Trainer, load_data

    if not 1 <= args.epochs <= 10_000_000:
        raise CliError(f"--epochs: expected a whole number from 1 to 10000000, got {args.epochs}")
    if not 0 <= args.seed <= 2**32 - 1:
        raise CliError(f"--seed: expected a whole number from 0 to 4294967295, got {args.seed}")

    def report(result) -> None:
        if args.json:
            line = json.dumps(result.to_json(), allow_nan=False) if math.isfinite(result.loss) else \
                json.dumps({**result.to_json(), "loss": None})
        else:
            accuracy = "" if result.accuracy is None else f", accuracy {result.accuracy:.0%}"
            line = f"epoch {result.epoch}: loss {result.loss:.6g}{accuracy}"
        sys.stdout.write(line + "\n")

    try:
        network = load(args.file)
        data = load_data(args.data, network, samples=args.samples, noise=args.noise, seed=args.seed)
        config = TrainConfig(algorithm=args.algorithm, loss=args.loss, learning_rate=args.lr, batch=args.batch,
                             shuffle=args.shuffle, init=args.init, seed=args.seed)
        trainer = Trainer(network, data, config)
        trainer.train(args.epochs, on_epoch=report)
        trainer.write_back()
        save(network, args.output)
    except (NetworkFileError, ModelError) as error:
        raise CliError(str(error)) from None
    if args.algorithm == "perceptron" and not args.json:
        if trainer.converged_epoch is None:
            print(f"the perceptron made mistakes in every one of the {args.epochs} epochs: it did not converge "
                  "(it converges only when a straight line, or plane, separates the classes)")
        else:
            print(f"the perceptron converged: no mistakes in epoch {trainer.converged_epoch}")
    return 0


# ---- export-code: the network as a Keras, PyTorch, Brian2 or PyNN script (model/codegen) ------
def _add_export_code_parser(sub) -> None:
    export = sub.add_parser("export-code", help="write the network as a Keras, PyTorch, Brian2 or PyNN script")
    export.add_argument("file", help="a network file (.json)")
    export.add_argument("--to", required=True, choices=("keras", "pytorch", "brian2", "pynn"),
                        help="the framework: keras or pytorch (rate networks), brian2 or pynn (spiking)")
    export.add_argument("-o", "--output", required=True, metavar="OUT.py", help="the script to write")
    length = export.add_mutually_exclusive_group()
    length.add_argument("--steps", type=int, help="updates the script runs (default: as `simulate`)")
    length.add_argument("--duration-ms", type=float, help="simulated time, spiking networks")
    export.add_argument("--set", action="append", default=[], metavar="ID=VALUE",
                        help="change the network first, as in `simulate`; may be repeated")
    export.add_argument("--lang", choices=("en", "ko"), default="en", help="language of the script's comments")


def _export_code(args: argparse.Namespace) -> int:
    from neuron_sim.model import ModelError
    from neuron_sim.model.codegen import ExportOptions, generate, save
    from neuron_sim.model.fileformat import NetworkFileError

    try:
        network, steps = _network_and_steps(args)
        save(generate(network, args.to, ExportOptions(steps=steps, lang=args.lang)), args.output)
    except (NetworkFileError, ModelError) as error:
        raise CliError(str(error)) from None
    return 0
