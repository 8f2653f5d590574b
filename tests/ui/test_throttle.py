"""ThrottledRedraw: a burst of requests draws at most once per 1/max_fps s, nothing while hidden."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from neuron_sim.ui import throttle


@pytest.fixture
def clock(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(throttle.time, "perf_counter", lambda: now[0])
    return now


@pytest.fixture
def shown(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_burst_draws_once_now_and_once_when_the_interval_is_up(qtbot, clock, shown):
    draws = []
    redraws = throttle.ThrottledRedraw(shown, lambda: draws.append(clock[0]), max_fps=10.0)
    for _ in range(50):
        redraws.request()
    assert draws == [100.0] and redraws.dirty  # the other 49 wait for the timer
    clock[0] += 0.1
    qtbot.waitUntil(lambda: len(draws) == 2, timeout=5000)
    assert not redraws.dirty
    qtbot.wait(150)
    assert len(draws) == 2  # nothing new was asked for


def test_a_request_after_the_interval_draws_at_once(clock, shown):
    draws = []
    redraws = throttle.ThrottledRedraw(shown, lambda: draws.append(1), max_fps=10.0)
    redraws.request()
    clock[0] += 0.5
    redraws.request()
    assert len(draws) == 2


def test_nothing_is_drawn_while_hidden_but_it_stays_dirty(qtbot, clock, shown):
    draws = []
    redraws = throttle.ThrottledRedraw(shown, lambda: draws.append(1))
    shown.hide()
    for _ in range(5):
        clock[0] += 1.0
        redraws.request()
    redraws.request_now()
    qtbot.wait(50)
    assert draws == [] and redraws.dirty
    shown.show()
    redraws.request_now()
    assert draws == [1] and not redraws.dirty


def test_draw_ignores_the_rate_and_the_predicate(clock, shown):
    draws = []
    redraws = throttle.ThrottledRedraw(shown, lambda: draws.append(1), can_draw=lambda: False)
    redraws.request()
    assert draws == []
    redraws.draw()
    redraws.draw()
    assert draws == [1, 1] and not redraws.dirty
