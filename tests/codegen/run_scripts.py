"""Runs generated scripts one after another in this process; prints each one's last line of output.

The tests run every script of one target in one subprocess of this runner rather than one process
per script: starting Keras or Brian2 costs seconds each time. Each script still runs as a program
(`runpy.run_path` as `__main__`), from its file, with its own globals.
"""

from __future__ import annotations

import contextlib
import io
import runpy
import sys
import warnings


def main(paths: list[str]) -> None:
    warnings.simplefilter("ignore")  # Brian2 and PyNN warn about their own dependencies
    for path in paths:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            runpy.run_path(path, run_name="__main__")
        lines = buffer.getvalue().strip().splitlines()
        sys.stdout.write((lines[-1] if lines else "") + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
