"""Play a large generated spiking network in the app's main window and say how it goes.

    uv run python tools/play_large.py [NEURONS] [--fan-out K] [--fit]

The network is the bench's (neuron_sim/bench/playback.py: random recurrent LIF cells on a grid,
K synapses each to cells at most --reach rows and columns away, about 20 Hz), built through the
model API, shown in a main window and played at
speed 1. Every 2 s a line on stdout: simulated time, frames per second, the longest wait of the
event loop (how long a click would wait), pulses in flight and the process's resident memory
(now and its peak). Used with tools/app-window-shot.sh for the screenshot in docs/performance.md:

    tools/app-window-shot.sh docs/images/playback-100k.png 150 -- uv run python tools/play_large.py 100000
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TICK_MS = 50  # the event loop's pulse: a timer this often; how late it fires is how long input waits


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("neurons", type=int, nargs="?", default=100_000)
    parser.add_argument("--fan-out", type=int, default=10)
    parser.add_argument("--reach", type=int, default=3,
                        help="targets at most this many rows and columns away (0: anywhere)")
    parser.add_argument("--fit", action="store_true", help="zoom to the whole network (default: 100 %%)")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer

    from neuron_sim.bench.playback import spiking_network
    from neuron_sim.ui.application import create_application
    from neuron_sim.ui.window.main_window import MainWindow

    started = time.perf_counter()
    network = spiking_network(args.neurons, fan_out=args.fan_out, reach=args.reach or None)
    print(f"built {len(network.neurons):,} neurons, {len(network.synapses):,} synapses in "
          f"{time.perf_counter() - started:.1f} s; {resident_mb():.0f} MB resident", flush=True)
    app = create_application()
    window = MainWindow()
    window.files.ask_to_save = lambda: None
    window.resize(1600, 1000)
    window.show()
    started = time.perf_counter()
    window.document.replace(network)
    replaced = time.perf_counter()
    app.processEvents()
    if not args.fit:
        window.view.reset_zoom()
        first = window.scene.neuron_items[next(iter(network.neurons))]
        window.view.centerOn(first.x() + 2000, first.y() + 1200)
    window.view.viewport().repaint()  # the first frame as the user will see it, painted now
    print(f"shown in {time.perf_counter() - started:.1f} s (the scene made in {replaced - started:.1f} s, "
          f"then laid out and painted); {resident_mb():.0f} MB resident, peak "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)

    frames = [0]
    window.playback.advanced.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    late = [0.0]
    last_tick = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        late[0] = max(late[0], now - last_tick[0] - TICK_MS / 1000)
        last_tick[0] = now

    last_report = [time.perf_counter()]

    def report() -> None:
        now = time.perf_counter()
        seconds = now - last_report[0]
        engine = window.playback.engine
        pulses = len(window.playback.pulse_state().progress)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"t = {engine.t_ms:8.1f} ms  {frames[0] / seconds:5.1f} frames/s  event loop waited at most "
              f"{late[0] * 1000:5.0f} ms  {pulses:,} pulses  {resident_mb():.0f} MB resident (peak {peak:.0f} MB)",
              flush=True)
        frames[0], late[0], last_report[0] = 0, 0.0, now

    ticker, reporter = QTimer(), QTimer()
    ticker.timeout.connect(tick)
    reporter.timeout.connect(report)
    ticker.start(TICK_MS)
    reporter.start(2000)
    window.playback.play()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
