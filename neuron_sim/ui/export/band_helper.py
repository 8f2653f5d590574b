"""A second process that draws some of a large PNG's bands: Qt's painting holds the GIL, so the
only way to draw on two cores at once is two processes.

The helper is a fork of this process, taken after the figure is built: it has the figure already,
draws exactly what this process would (the same bytes), and never touches the event loop. Bands
are handed out through a pipe holding their numbers: each process reads the next number when it
is free, so a busy core does not hold the other back. The helper sends each deflated band back
through a second pipe and leaves with `os._exit`, running no Python or Qt teardown.

Nothing depends on the helper finishing. A band it claimed but never sent (it died, or hung and
was killed) is drawn here afterwards, so the worst case is the time of drawing alone.

Forking is safe only where the child needs no thread of the parent. Qt's raster engine hands large
fills to its own thread pool and waits for it, and a forked child has none of those threads: it
would wait forever. `QT_NO_GUI_THREADPOOL` (set by `create_application`, before anything is
painted) keeps fills on the painting thread, so the helper runs only when that is set.
"""

from __future__ import annotations

import os
import signal
import struct
import sys
import threading
import traceback
import warnings
from collections.abc import Callable, Iterator

from neuron_sim.ui.export.png import DeflatedBand

CLAIM = struct.Struct(">H")  # a band's number, in the claims pipe
HEADER = struct.Struct(">HIQI")  # band number, Adler-32, length of its rows, length of its data
MAX_BANDS = 1 << 16
MIN_WAIT_S = 5.0  # how long the helper may take after this process has drawn its share, at least


def helper_available() -> bool:
    """Whether a helper process can draw bands here (Linux, two cores, Qt's GUI pool off)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False  # macOS frameworks and Windows do not survive (or have no) fork
    if len(os.sched_getaffinity(0)) < 2:
        return False
    return bool(os.environ.get("QT_NO_GUI_THREADPOOL"))


class BandHelper:
    """Draws bands in a forked process, claiming them from the same pipe as `claims()` here.

    `draw(indices, deliver)` is the band loop both processes run: it draws the bands whose numbers
    `indices` yields and calls `deliver(number, band)` with each deflated band.
    """

    def __init__(self, count: int, draw: Callable[[Iterator[int], Callable[[int, DeflatedBand], None]], None]):
        if count > MAX_BANDS:
            raise ValueError(f"{count} bands: at most {MAX_BANDS}")
        self.received: dict[int, DeflatedBand] = {}
        claims_in, claims_out = os.pipe()
        with os.fdopen(claims_out, "wb") as out:  # all the numbers first: a pipe holds 64 KB
            out.write(b"".join(CLAIM.pack(k) for k in range(count)))
        self._claims = claims_in
        results_in, results_out = os.pipe()
        try:
            with warnings.catch_warnings():
                # Python warns that forking a threaded process may deadlock the child: the child
                # here takes no lock another thread could hold (the module's notes), and is watched.
                warnings.simplefilter("ignore", DeprecationWarning)
                self.pid = os.fork()
        except OSError:
            for fd in (claims_in, results_in, results_out):
                os.close(fd)
            raise
        if self.pid == 0:  # the helper
            _run_helper(draw, self.claims(), results_out)
            os._exit(1)  # never run on as a copy of the caller
        os.close(results_out)
        self._reader = threading.Thread(target=self._read, args=(results_in,), name="png-helper", daemon=True)
        self._reader.start()

    def claims(self) -> Iterator[int]:
        """The numbers of the bands this process should draw next, until none are left."""
        while True:
            data = os.read(self._claims, CLAIM.size)  # a pipe read takes a whole number, atomically
            if len(data) < CLAIM.size:
                return
            yield CLAIM.unpack(data)[0]

    def _read(self, fd: int) -> None:
        with os.fdopen(fd, "rb") as results:
            while True:
                header = results.read(HEADER.size)
                if len(header) < HEADER.size:
                    return
                number, adler, length, size = HEADER.unpack(header)
                data = results.read(size)
                if len(data) < size:
                    return  # the helper died mid-band: that band is drawn here
                self.received[number] = DeflatedBand(data, adler, length)

    def finish(self, waited_for_s: float) -> dict[int, DeflatedBand]:
        """The bands the helper sent. Waits for it at most `waited_for_s` (or MIN_WAIT_S), then
        stops it; the caller draws whatever is missing."""
        self._reader.join(max(MIN_WAIT_S, waited_for_s))
        self.close()
        return dict(self.received)

    def close(self) -> None:
        """Stop the helper if it still runs, and reap it."""
        if self.pid <= 0:
            return
        if self._reader.is_alive():
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self.pid = -1
        self._reader.join()
        os.close(self._claims)


def _run_helper(draw, claims: Iterator[int], results_fd: int) -> None:
    """The helper's whole life: draw claimed bands, send them, leave without any teardown."""
    status = 1
    try:
        with os.fdopen(results_fd, "wb") as results:
            def deliver(number: int, band: DeflatedBand) -> None:
                results.write(HEADER.pack(number, band.adler, band.length, len(band.data)))
                results.write(band.data)
                results.flush()

            draw(claims, deliver)
        status = 0
    except BaseException:
        traceback.print_exc()  # the parent draws the missing bands; this says why they were missing
    finally:
        os._exit(status)  # no atexit, no Qt destructors, no flushing of buffers copied from the parent
