"""`neuron-sim render`: figures from files without a window; bad input is one line and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from neuron_sim.cli import main

ROOT = Path(__file__).resolve().parents[2]
XOR = str(ROOT / "tests" / "data" / "xor.json")
SVG = "{http://www.w3.org/2000/svg}"


def texts(path: Path) -> list[str]:
    return ["".join(t.itertext()).strip() for t in ET.parse(path).getroot().iter(SVG + "text")]


def test_png_at_a_scale(tmp_path, capsys):
    out = tmp_path / "xor.png"
    assert main(["render", XOR, "-o", str(out), "--scale", "1"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    one = Image.open(out).size
    assert main(["render", XOR, "-o", str(out), "--scale", "3"]) == 0
    three = Image.open(out).size
    assert abs(three[0] - 3 * one[0]) <= 2 and abs(three[1] - 3 * one[1]) <= 2


def test_transparent_png_has_clear_corners(tmp_path):
    out = tmp_path / "xor.png"
    assert main(["render", XOR, "-o", str(out), "--transparent", "--scale", "1"]) == 0
    image = Image.open(out).convert("RGBA")
    w, h = image.size
    assert all(image.getpixel(p)[3] == 0 for p in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)))


def test_svg_with_legend_formula_and_the_state_after_steps(tmp_path):
    out = tmp_path / "xor.svg"
    assert main(["render", XOR, "-o", str(out), "--style", "schematic", "--legend", "--formula", "y",
                 "--steps", "2", "--set", "x1=1", "--title", "XOR"]) == 0
    joined = "\n".join(texts(out))
    assert "Legend" in joined and "XOR" in joined
    assert "step(1·1 + 1·1 − 1.5)" in joined  # x1 = 1, x2 = 0: OR = 1, NAND = 1, y = 1
    assert "step(0.5) = 1" in joined


def test_no_labels(tmp_path):
    out = tmp_path / "bare.svg"
    assert main(["render", XOR, "-o", str(out), "--no-labels"]) == 0
    assert not any(t in ("h_or", "y", "θ = 0.5", "−1") for t in texts(out))
    assert main(["render", XOR, "-o", str(out), "--labels"]) == 0
    assert "θ = 0.5" in texts(out)


def test_pdf(tmp_path):
    out = tmp_path / "xor.pdf"
    assert main(["render", XOR, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_gif_length_and_frame_rate_as_in_the_export_animation_dialog(tmp_path):
    out = tmp_path / "xor.gif"
    # one layer at the app's pace lasts 1/1.5 s: 0, 1/4, 1/2 s
    assert main(["render", XOR, "-o", str(out), "--length", "1", "--set", "x1=1", "--fps", "4"]) == 0
    with Image.open(out) as gif:
        assert gif.n_frames == 3 and gif.info["duration"] == 250
    assert main(["render", XOR, "-o", str(out), "--set", "x1=1"]) == 0
    with Image.open(out) as gif:  # the dialog's defaults: 4 ticks at 12 frames per second
        assert gif.n_frames == 33 and gif.info["duration"] == 80  # 1/12 s in the GIF's hundredths


def test_an_example_by_its_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["render", "xor", "-o", "xor.png", "--scale", "1"]) == 0
    assert main(["render", "dense-layer.json", "-o", "dense.svg"]) == 0
    assert Image.open(tmp_path / "xor.png").size[0] > 100
    assert {"x0", "x1", "x2", "y1", "y2"} <= set(texts(tmp_path / "dense.svg"))


@pytest.mark.parametrize("args, message", [
    (["render", XOR, "-o", "out.txt"], "must end in .png, .svg, .pdf or .gif"),
    (["render", "missing.json", "-o", "out.png"], "missing.json"),
    (["render", XOR, "-o", "out.png", "--scale", "0"], "--scale"),
    (["render", XOR, "-o", "out.png", "--scale", "two"], "invalid float value"),
    (["render", XOR, "-o", "out.gif", "--length", "0"], "--length must be more than 0"),
    (["render", XOR, "-o", "out.gif", "--length", "1000"], "at most 600 frames"),
    (["render", XOR, "-o", "out.gif", "--fps", "99"], "--fps must be"),
    (["render", XOR, "-o", "out.png", "--length", "3"], "--length is for .gif"),
    (["render", "nosuchexample", "-o", "out.png"], "nosuchexample"),
    (["render", XOR, "-o", "out.png", "--steps", "-1"], "--steps must be 0 or more"),
    (["render", XOR, "-o", "out.png", "--formula", "nobody"], "nobody"),
    (["render", XOR, "-o", "out.png", "--parts", "nobody"], "--parts: no neuron has the id 'nobody'"),
    (["render", XOR, "-o", "out.png", "--parts", "x1"], "not a computing neuron"),
    (["render", XOR, "-o", "out.png", "--fps", "3"], "--fps is for .gif"),
    (["render", XOR, "-o", "out.png", "--style", "cubist"], "invalid choice"),
    (["render", XOR, "-o", "out.png", "--set", "zz=1"], "zz"),
    (["render", XOR, "-o", "no/such/folder/out.png"], "does not exist"),
    (["render", XOR], "-o/--output"),
])
def test_bad_input_is_one_line_and_status_2(tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("neuron-sim: error: ")
    assert message in err
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_a_bad_network_file_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "neuron-sim", "version": 1, "neurons": [{"id": 3}]}', encoding="utf-8")
    assert main(["render", str(bad), "-o", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.json" in err


def test_renders_without_a_display_in_korean(tmp_path):
    """The command chooses Qt's offscreen platform itself: no DISPLAY, no QT_QPA_PLATFORM.

    (A separate process also keeps the Korean catalogue out of the other tests' application.)"""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "xor.png"
    result = subprocess.run([sys.executable, "-m", "neuron_sim", "render", XOR, "-o", str(out), "--lang", "ko",
                             "--legend"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert Image.open(out).size[0] > 100


def test_every_render_option_is_documented():
    import argparse

    from neuron_sim.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    doc = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    options = [o for action in sub.choices["render"]._actions for o in action.option_strings
               if o.startswith("--") and o != "--help"]
    assert len(options) >= 12
    for option in options:
        assert f"`{option}" in doc, option


def test_name_the_parts(tmp_path):
    out = tmp_path / "parts.svg"
    assert main(["render", "xor", "-o", str(out), "--parts"]) == 0
    assert "Soma (cell body)" in texts(out)
    assert main(["render", "spiking-chain", "-o", str(out), "--parts", "n2"]) == 0
    assert any(t.startswith("Axon hillock: spike when v ≥") for t in texts(out))
    assert main(["render", "xor", "-o", str(out)]) == 0
    assert "Soma (cell body)" not in texts(out)


def test_blocks_style_writes_each_operation_and_a_gif(tmp_path, capsys):
    out = tmp_path / "xor.svg"
    assert main(["render", XOR, "-o", str(out), "--style", "blocks", "--set", "x1=1"]) == 0
    written = texts(out)
    assert written.count("Σ − θ") == 3 and "×" in written and "f" in written
    assert "= 0.5" in written  # h_or: 1·1 + 1·0 − 0.5
    assert capsys.readouterr().err == ""
    gif = tmp_path / "xor.gif"
    assert main(["render", XOR, "-o", str(gif), "--style", "blocks", "--set", "x1=1", "--length", "2",
                 "--fps", "6"]) == 0
    assert Image.open(gif).n_frames > 1


def test_blocks_style_draws_a_spiking_network_schematic_and_says_so(tmp_path, capsys):
    out = tmp_path / "chain.png"
    assert main(["render", "spiking-chain", "-o", str(out), "--style", "blocks", "--scale", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert captured.err.startswith("note: Blocks show the arithmetic of rate neurons") and "drawn schematic" in captured.err
