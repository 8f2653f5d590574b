"""Spiking playback up to real time and beyond: ×10, ×100 and as fast as possible (issue #15)."""

from __future__ import annotations

import math

import pytest

from neuron_sim.model.fileformat import load
from neuron_sim.resources_path import examples_dir
from neuron_sim.ui.playback import FASTEST, FLAT_OUT_SHARE, Playback


@pytest.fixture
def chain():
    return load(examples_dir() / "spiking-chain.json")


def test_the_speed_box_offers_ten_a_hundred_and_as_fast_as_possible(window):
    box = window.playback_controls.speed_box
    texts = [box.itemText(i) for i in range(box.count())]
    assert "×1" in texts and "×10" in texts and "×100" in texts and "As fast as possible" in texts
    box.setCurrentIndex(texts.index("×100"))
    assert window.playback.speed == 100
    box.setCurrentIndex(texts.index("As fast as possible"))
    assert math.isinf(window.playback.speed)


def test_a_hundred_times_runs_a_hundred_times_as_far(qapp, chain):
    slow, fast = Playback(chain.copy()), Playback(chain.copy())
    fast.set_speed(100)
    slow.advance(0.5)
    fast.advance(0.005)
    assert fast.engine.t_ms == pytest.approx(slow.engine.t_ms)


def test_as_fast_as_possible_fills_each_frame_with_as_many_steps_as_fit(qapp, chain):
    playback = Playback(chain)
    playback.set_speed(FASTEST)
    per_stage = 1e-5  # seconds one dt takes on this (pretend) machine, whose clock is the work done

    def stages_done() -> int:
        return round(playback.engine.t_ms / playback.engine.dt_ms)

    playback.clock = lambda: stages_done() * per_stage
    frame = 0.033
    playback.advance(frame)  # the first frame measures
    before = stages_done()
    playback.advance(frame)
    assert stages_done() - before == round(FLAT_OUT_SHARE * frame / per_stage)  # 1980 dt in 60 % of a frame


@pytest.mark.parametrize("typed", ["10", "100", "inf", "0.25"])
def test_the_command_line_offers_every_speed_of_the_box_and_sets_it(qtbot, monkeypatch, typed):
    from neuron_sim.cli import APP_SPEEDS, build_parser
    from neuron_sim.ui.playback import SPEEDS
    from neuron_sim.ui.window import launch

    assert APP_SPEEDS == SPEEDS  # the command line cannot offer a speed the box does not have
    monkeypatch.setattr(launch, "show_start_page_when_shown", lambda window, always=False: None)
    args = build_parser().parse_args(["app", "--speed", typed])
    window = launch.open_window(speed=args.speed)
    qtbot.addWidget(window)
    assert window.playback.speed == float(typed)
    assert window.playback_controls.speed_box.currentData() == float(typed)


def test_a_speed_the_box_does_not_offer_is_refused_on_the_command_line(capsys):
    from neuron_sim.cli import main

    assert main(["app", "--speed", "16"]) == 2
    assert "invalid choice: 16.0" in capsys.readouterr().err
