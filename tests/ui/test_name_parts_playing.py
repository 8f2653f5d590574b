"""View → Name the parts while the network plays: each change is looked at cheaply and coalesced,
nothing the callouts are placed around moves, hidden callouts do no work, and the callouts' cached
picture is never stale."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.commands import move_command, push
from neuron_sim.model import geometry

from .name_parts_helpers import boxes, count_calls, overlaps, settle, show_parts, spiking_chain, xor


# ---- following the scene cheaply -------------------------------------------------------------
def test_many_changes_in_one_event_loop_turn_lay_the_callouts_out_once(window):
    overlay = show_parts(window, xor())
    settle()
    relayouts = count_calls(overlay, "relayout")
    x, y = window.network.neuron("h1").position
    for step in (10.0, 20.0, 30.0):  # three edits before the event loop runs
        push(window.document.undo_stack, move_command(window.network, {"h1": (x + step, y)}))
    window.scene.select(["h1"])
    settle()
    assert len(relayouts) == 1
    soma = next(c.anchor for c in overlay.callouts if c.part == "soma")
    assert soma.x() - x == pytest.approx(30.0 - geometry.SOMA_RADIUS * 0.2)
    assert overlaps(window, overlay) == []


def test_playing_moves_pulses_but_does_not_lay_the_callouts_out_again(window):
    overlay = show_parts(window, spiking_chain())
    assert overlay.neuron_id == "a"
    settle()
    checks, relayouts = count_calls(overlay, "is_current"), count_calls(overlay, "relayout")
    pulses_seen = 0
    for _ in range(12):
        window.playback.advance(0.05)  # 1 ms of the network at the normal pace
        pulses_seen += len(window.playback.pulses()[0])
        settle()
    assert pulses_seen > 0  # the canvas changed: pulses travelled, somas filled
    assert checks  # and each change was looked at ...
    assert relayouts == []  # ... cheaply: nothing the callouts are placed around moved


@pytest.mark.parametrize("example, look", [("and-gate", "biological"), ("or-gate", "biological"),
                                           ("multi-layer", "biological"), ("xor", "schematic")])
def test_callouts_stay_put_while_playing(window, example, look):
    """The outputs appearing and changing under the cells (a = 1, then the next pass) never move a
    callout: room for them was kept from the start, and nothing else moved."""
    from neuron_sim.model.fileformat import load
    from neuron_sim.resources_path import examples_dir

    window.playback_controls.play_action.trigger()  # the Traces dock opens on the first play
    window.playback_controls.play_action.trigger()
    overlay = show_parts(window, load(examples_dir() / f"{example}.json"), look)
    settle()
    before = boxes(overlay)
    for _ in range(5):
        window.playback.step()  # a layer computes: "a = …" appears or changes under the cells
        settle()
        assert boxes(overlay) == before
        assert overlaps(window, overlay) == []
    window.playback.play()
    for _ in range(10):
        window.playback.advance(0.1)
        settle()
        assert boxes(overlay) == before
    window.playback.pause()


def test_spiking_callouts_stay_put_while_the_potential_changes(window):
    overlay = show_parts(window, spiking_chain())
    settle()
    before = boxes(overlay)
    for _ in range(20):
        window.playback.advance(0.05)
        settle()
        assert boxes(overlay) == before
    assert overlaps(window, overlay) == []


def test_hidden_callouts_do_no_work_until_shown_again(window):
    overlay = show_parts(window, xor())
    settle()
    relayouts = count_calls(overlay, "relayout")
    overlay.setVisible(False)
    x, y = window.network.neuron("h1").position
    push(window.document.undo_stack, move_command(window.network, {"h1": (x + 40.0, y)}))
    settle()
    assert relayouts == []
    overlay.setVisible(True)
    settle()
    assert 1 <= len(relayouts) <= 2  # twice if the first placement reached beyond the window's edge
    soma = next(c.anchor for c in overlay.callouts if c.part == "soma")
    assert soma.x() == pytest.approx(x + 40.0 - geometry.SOMA_RADIUS * 0.2)
    window.name_parts.action.setChecked(False)  # off: scene changes start nothing
    push(window.document.undo_stack, move_command(window.network, {"h1": (x, y)}))
    assert not window.name_parts._follow_timer.isActive()


def _shown_and_uncached(window, overlay):
    """The viewport as painted now (the callouts from their cached picture), then with the callouts
    painted directly."""
    settle()
    shown = window.view.viewport().grab().toImage()
    overlay.setCacheMode(overlay.CacheMode.NoCache)
    fresh = window.view.viewport().grab().toImage()
    overlay.setCacheMode(overlay.CacheMode.DeviceCoordinateCache)
    window.view.viewport().grab()  # the picture made again now, before the change that follows
    return shown, fresh


def _channels(image) -> np.ndarray:
    image = image.convertToFormat(image.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return rows[:, :image.width(), :3].astype(int)


def _same_picture(a, b) -> bool:
    """Equal within one level of a colour channel: the cached picture blends the boxes' translucent
    fill in premultiplied colours, which rounds a few pixels one level off a direct paint (a stale
    picture differs by far more: text, boxes and lines in other places)."""
    return a.size() == b.size() and int(np.abs(_channels(a) - _channels(b)).max()) <= 1


def test_the_callouts_picture_is_never_stale(window):
    """The callouts are painted from a cached picture: after each change that lays them out again,
    and after zooming, the view shows what painting them directly shows."""
    overlay = show_parts(window, xor())
    assert overlay.cacheMode() == overlay.CacheMode.DeviceCoordinateCache
    shown, fresh = _shown_and_uncached(window, overlay)
    assert _same_picture(shown, fresh)
    seen = [shown]

    def check():
        shown, fresh = _shown_and_uncached(window, overlay)
        assert _same_picture(shown, fresh)
        assert not _same_picture(shown, seen[-1])  # the change showed: the check compared a new picture
        seen.append(shown)

    target = overlay.neuron_id
    x, y = window.network.neuron(target).position
    push(window.document.undo_stack, move_command(window.network, {target: (x + 40.0, y + 25.0)}))
    check()
    window.scene.select(["y"])  # another neuron named
    check()
    window.look_actions["schematic"].trigger()
    check()
    window.view.set_zoom(window.view.zoom() * 1.5)
    check()
    window.document.undo_stack.undo()  # the look switch is not an edit: this undoes the move
    check()


def test_a_new_number_in_the_same_boxes_is_painted_anew(window):
    """A spiking cell's threshold is in its hillock's callout: a new value of the same width leaves
    every box where it was (the picture keeps its size and place) and must still show."""
    from neuron_sim.commands import SetNeuronParamCommand

    overlay = show_parts(window, spiking_chain())
    threshold = window.network.neuron("a").v_threshold_mV
    assert any(styles_number(threshold) in c.title for c in overlay.callouts)
    shown, fresh = _shown_and_uncached(window, overlay)
    placed, bounds = boxes(overlay), overlay.boundingRect()
    push(window.document.undo_stack, SetNeuronParamCommand(window.network, "a", "v_threshold_mV", threshold - 1.0))
    after, after_fresh = _shown_and_uncached(window, overlay)
    assert boxes(overlay) == placed and overlay.boundingRect() == bounds
    assert any(styles_number(threshold - 1.0) in c.title for c in overlay.callouts)
    assert _same_picture(after, after_fresh)
    assert not _same_picture(after, shown)


def styles_number(value: float) -> str:
    from neuron_sim.ui.styles import format_number

    return format_number(value)
