"""The command line against hostile paths and options: one line, exit status 2, no hang, no file
changed. Each runs the real command in a subprocess with a timeout (a FIFO once blocked for ever)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
XOR = str(ROOT / "tests" / "data" / "xor.json")
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symbolic links")


def neuron_sim(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "neuron_sim", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, env=env, timeout=120)


def one_error_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("neuron-sim: error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@posix_only
@pytest.mark.parametrize("command", ["simulate", "render"])
def test_a_fifo_as_the_network_file(tmp_path, command):
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    extra = ["-o", str(tmp_path / "out.png")] if command == "render" else []
    line = one_error_line(neuron_sim(command, str(fifo), *extra))
    assert "is not a regular file" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json"]


@posix_only
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".gif"])
def test_a_fifo_as_the_output(tmp_path, suffix):
    fifo = tmp_path / ("out" + suffix)
    os.mkfifo(fifo)
    line = one_error_line(neuron_sim("render", XOR, "-o", str(fifo)))
    assert "not a regular file" in line
    assert fifo.is_fifo() and sorted(p.name for p in tmp_path.iterdir()) == [fifo.name]


@posix_only
def test_a_link_loop(tmp_path):
    (tmp_path / "a.json").symlink_to("b.json")
    (tmp_path / "b.json").symlink_to("a.json")
    line = one_error_line(neuron_sim("simulate", str(tmp_path / "a.json")))
    assert "a.json: could not read: Too many levels of symbolic links" in line


@pytest.mark.parametrize("fps", ["0.001", "0", "-1", "nan", "inf", "1e308"])
def test_a_bad_frame_rate_leaves_an_existing_gif_alone(tmp_path, fps):
    gif = tmp_path / "a.gif"
    gif.write_bytes(b"the old animation")
    line = one_error_line(neuron_sim("render", XOR, "-o", str(gif), "--fps", fps))
    assert "must be between 0.01 and 50 frames per second" in line
    assert gif.read_bytes() == b"the old animation"
    assert [p.name for p in tmp_path.iterdir()] == ["a.gif"]


def test_an_empty_file_name(tmp_path):
    line = one_error_line(neuron_sim("simulate", ""))
    assert line == "neuron-sim: error: no file name was given"


def test_a_file_name_starting_with_a_dash_says_how(tmp_path):
    dash = tmp_path / "-dash.json"
    dash.write_text(Path(XOR).read_text(encoding="utf-8"), encoding="utf-8")
    line = one_error_line(subprocess.run([sys.executable, "-m", "neuron_sim", "simulate", "-dash.json"],
                                         capture_output=True, text=True, cwd=tmp_path, timeout=120,
                                         env={**os.environ, "PYTHONPATH": str(ROOT)}))
    assert "--" in line and "-dash.json" in line
    result = subprocess.run([sys.executable, "-m", "neuron_sim", "simulate", "--", "-dash.json"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr


def test_a_run_error_names_the_file(tmp_path):
    data = json.loads(Path(ROOT / "tests" / "data" / "loop.json").read_text(encoding="utf-8"))
    data["update"] = "feedforward"
    cyclic = tmp_path / "cyclic.json"
    cyclic.write_text(json.dumps(data), encoding="utf-8")
    line = one_error_line(neuron_sim("simulate", str(cyclic)))
    assert line.startswith(f"neuron-sim: error: {cyclic}: ") and "loop" in line


def _capped(*args: str, cap_mb: int = 3000) -> subprocess.CompletedProcess:
    """`neuron-sim ARGS` in a subprocess under an address-space cap."""
    script = ("import resource, sys\n"
              f"resource.setrlimit(resource.RLIMIT_AS, ({cap_mb} << 20, {cap_mb} << 20))\n"
              "from neuron_sim.cli import main\n"
              f"sys.exit(main({list(args)!r}))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=600)


def _network(tmp_path: Path, name: str, positions: list[tuple[float, float]]) -> Path:
    neurons = [{"id": f"n{i}", "kind": "input", "label": "", "position": list(p)} for i, p in enumerate(positions)]
    path = tmp_path / name
    path.write_text(json.dumps({"format": "neuron-sim", "version": 1, "neurons": neurons, "synapses": []},
                               separators=(",", ":")), encoding="utf-8")
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="needs resource.setrlimit")
def test_neurons_far_apart_are_refused_for_pixels_and_drawn_as_vectors(tmp_path):
    """Two neurons at ±1e7 (inside the allowed range) took ~10 GB in the scan for the figure's edges."""
    far = _network(tmp_path, "far.json", [(-1e7, -1e7), (1e7, 1e7)])
    for suffix in (".png", ".gif"):
        line = one_error_line(_capped("render", str(far), "-o", str(tmp_path / ("out" + suffix))))
        assert "pixels is too large" in line
    for suffix in (".svg", ".pdf"):
        result = _capped("render", str(far), "-o", str(tmp_path / ("out" + suffix)))
        assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["far.json", "out.pdf", "out.svg"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs resource.setrlimit")
def test_thousands_of_neurons_on_one_spot_render(tmp_path):
    """30,000 neurons at one point crashed Qt's scene index (SIGSEGV); a fixed index depth draws them."""
    pile = _network(tmp_path, "pile.json", [(0.0, 0.0)] * 30_000)
    result = _capped("render", str(pile), "-o", str(tmp_path / "pile.png"), "--scale", "1")
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert (tmp_path / "pile.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.skipif(sys.platform == "win32", reason="needs resource.setrlimit")
def test_an_animation_too_large_to_keep_is_refused_before_drawing(tmp_path):
    gif = tmp_path / "big.gif"
    line = one_error_line(_capped("render", str(ROOT / "resources/examples/multi-layer.json"), "-o", str(gif),
                                  "--scale", "16", "--fps", "50"))
    assert "too many pixels for one animation" in line
    assert not gif.exists()
