"""The PNG export's helper process: the same file as drawing alone, whatever becomes of the helper."""

from __future__ import annotations

import gc
import os
import signal
import time

import pytest

from neuron_sim.model.generate import layered_network
from neuron_sim.ui.export import Figure, FigureOptions, band_helper, png, raster

pytestmark = pytest.mark.skipif(not band_helper.helper_available(), reason="needs Linux, two cores and fork")


@pytest.fixture
def figure(qapp, monkeypatch):
    """A figure cut into many bands, with a helper for any size: curves, cells and labels cross
    the bands' edges."""
    fig = Figure(layered_network(12, 30, seed=2), FigureOptions(scale=2.0))
    monkeypatch.setattr(raster, "HELPER_MIN_PIXELS", 1)
    assert raster.band_plan(fig, 2.0).count == 2 * raster.BANDS_PER_PROCESS
    return fig


def drawn_alone(figure: Figure) -> bytes:
    return raster.png_bytes(figure, helper_allowed=False)


def open_descriptors() -> int:
    """This process's open files, once the garbage of earlier tests (files it would close at any
    moment, changing the count under the test) is collected."""
    gc.collect()
    return len(os.listdir("/proc/self/fd"))


def test_bands_drawn_by_the_helper_are_the_bands_drawn_here(figure):
    plan = raster.band_plan(figure, 2.0)
    helper = band_helper.BandHelper(plan.count, plan.draw)  # this process claims none: the helper draws all
    bands = helper.finish(30.0)
    assert sorted(bands) == list(range(plan.count))
    data = png.assemble_png(plan.width, plan.height, plan.alpha, 192.0, [bands[k] for k in range(plan.count)])
    assert data == drawn_alone(figure)


def test_an_export_shared_with_the_helper_is_the_file_drawn_alone(figure, monkeypatch):
    received = []
    finish = band_helper.BandHelper.finish

    def counting_finish(helper, waited_for_s):
        bands = finish(helper, waited_for_s)
        received.append(len(bands))
        return bands

    monkeypatch.setattr(band_helper.BandHelper, "finish", counting_finish)
    before = open_descriptors()
    assert raster.png_bytes(figure) == drawn_alone(figure)
    assert len(received) == 1  # a helper ran (it may have drawn any share, none on a busy machine), one only:
    # drawing alone (helper_allowed=False, as the bench measures it) started none
    assert open_descriptors() == before


def claim_one_then(action):
    def run_helper(draw, claims, results_fd):
        next(claims)  # takes a band, then never sends it
        action()
    return run_helper


def test_a_band_the_helper_claimed_and_died_on_is_drawn_here(figure, monkeypatch):
    monkeypatch.setattr(band_helper, "_run_helper", claim_one_then(lambda: os._exit(3)))
    assert raster.png_bytes(figure) == drawn_alone(figure)


def test_a_helper_that_hangs_is_stopped_and_its_band_drawn_here(figure, monkeypatch):
    monkeypatch.setattr(band_helper, "_run_helper", claim_one_then(lambda: time.sleep(600)))
    monkeypatch.setattr(band_helper, "MIN_WAIT_S", 0.5)
    signals = []
    kill = os.kill

    def recording_kill(pid, sig):
        signals.append(sig)
        kill(pid, sig)
    monkeypatch.setattr(os, "kill", recording_kill)
    assert raster.png_bytes(figure) == drawn_alone(figure)
    assert signals == [signal.SIGKILL]  # stopped, not waited for: it would have slept ten minutes


def test_without_a_process_to_spare_every_band_is_drawn_here(figure, monkeypatch):
    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    before = open_descriptors()
    monkeypatch.setattr(os, "fork", no_fork)
    assert raster.png_bytes(figure) == drawn_alone(figure)
    assert open_descriptors() == before  # the pipes made for the helper are closed


def test_no_helper_while_qt_may_fill_on_its_own_threads(monkeypatch):
    """A forked child has none of the parent's threads: Qt's GUI thread pool would never answer it."""
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL")
    assert not band_helper.helper_available()


def test_the_application_keeps_qt_fills_on_the_painting_thread(qapp, monkeypatch):
    from neuron_sim.ui.application import create_application

    monkeypatch.delenv("QT_NO_GUI_THREADPOOL")
    create_application()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"
