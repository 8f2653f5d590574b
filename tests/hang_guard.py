"""A FIFO that cannot hang a test: should the code under test open it and wait for a writer, a
timer opens the other end after a while and closes it, so the read ends (with no data) and the
test fails on its assertions instead of blocking the run."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

RELEASE_AFTER_S = 30.0


def _release(fifo: Path) -> None:
    for flags in (os.O_WRONLY | os.O_NONBLOCK, os.O_RDONLY | os.O_NONBLOCK):  # a blocked reader, or a writer
        try:
            os.close(os.open(fifo, flags))
        except OSError:
            pass  # nobody waits on that end


@contextlib.contextmanager
def guarded_fifo(path: Path) -> Iterator[Path]:
    os.mkfifo(path)
    timer = threading.Timer(RELEASE_AFTER_S, _release, (path,))
    timer.daemon = True
    timer.start()
    try:
        yield path
    finally:
        timer.cancel()
