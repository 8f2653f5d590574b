"""Structural edits and loading for `neuron-sim bench`: compound edits in the window against opening
the network they make from its file, and loading a large file and building its engine against
Brian2 building the same network.

A compound edit (Connect all, Duplicate) is one model event, so the engine and the canvas are
rebuilt once, as they are when a file is opened: the figure is the whole edit as a person waits for
it (planning, the undo command, the engine, the canvas laid out and painted), the baseline opening
the edit's result from its file in the same window (reading, checking, the engine, the canvas).
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from neuron_sim.bench.core import Record, interleaved, record, timed

#: a compound edit within 3× of opening its result from a file; loading and building the engine
#: within 3× of Brian2 building the same network (docs/performance.md)
EDIT_GOAL = 3.0
LOAD_GOAL = 3.0


def structure_benchmarks(quick: bool = False) -> Iterator[Record]:
    yield from fresh_process_load_benchmarks(quick)
    yield from edit_benchmarks(quick)


# ---- compound edits in the window ---------------------------------------------------------------
def edit_benchmarks(quick: bool = False) -> Iterator[Record]:
    from PySide6.QtWidgets import QApplication

    from neuron_sim.model import Network
    from neuron_sim.model.editing import layer_plan
    from neuron_sim.model.fileformat import save
    from neuron_sim.model.generate import layered_network

    from neuron_sim.bench.window import bench_window

    column = 40 if quick else 1_000
    neurons = 400 if quick else 8_000
    repeats = 1 if quick else 2
    window = bench_window(Network(name="bench"))
    folder = Path(tempfile.mkdtemp(prefix="neuron-sim-bench-"))

    def settled() -> None:
        window.scene.flush()
        QApplication.processEvents()

    def columns() -> Network:
        network = Network(name="two columns")
        for x in (0.0, 600.0):
            for start in range(0, column, 256):
                network.add_all(layer_plan(network, min(256, column - start), "neuron", "sigmoid", x, start * 60.0),
                                [])
        return network

    def edit_and_open(name: str, start: Network, edit: Callable[[], None]) -> Record:
        before, after = folder / f"{name}-before.json", folder / f"{name}-after.json"
        save(start, before)

        def prepare() -> None:
            window.document.open(before)
            settled()
            window.scene.select(list(window.network.neurons))
            gc.collect()

        prepare()
        edit()
        settled()
        save(window.network, after)
        size = (len(window.network), len(window.network.synapses))

        def edited() -> float:
            prepare()
            return timed(lambda: (edit(), settled()))

        def opened() -> float:
            window.document.open(before)  # the same network to let go of as the edit
            settled()
            gc.collect()
            return timed(lambda: (window.document.open(after), settled()))

        medians = interleaved({"edit": edited, "open": opened}, repeats)
        return record(f"{name}, to {size[0]:,} neurons / {size[1]:,} synapses", medians["edit"] * 1e3, "ms",
                      medians["open"] * 1e3, "opening the same network from its file in the same window",
                      goal=EDIT_GOAL)

    try:
        yield edit_and_open(f"Connect all, {column:,} → {column:,} neurons", columns(), window.edit.connect_all)
        yield edit_and_open(f"Duplicate {neurons:,} neurons", layered_network(neurons, neurons * 10, seed=3),
                            window.edit.duplicate)
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


# ---- loading a large file against Brian2 ---------------------------------------------------------
def load_benchmark(quick: bool = False) -> Record:
    """The figure with a goal of load_benchmarks."""
    return next(iter(load_benchmarks(quick)))


def fresh_process_load_benchmarks(quick: bool = False) -> Iterator[Record]:
    """load_benchmarks in a new Python process, as a person opening the file starts one (`neuron-sim
    simulate`, the app): after the other benchmarks the heap holds the remains of millions of
    objects, and allocating in it slowed both sides unevenly (ours by 0.1–0.2 s)."""
    child = subprocess.run([sys.executable, "-c", "import json, sys; from neuron_sim.bench.structure import "
                            "load_benchmarks; print(json.dumps(list(load_benchmarks(sys.argv[1] == 'quick'))))",
                            "quick" if quick else "full"], capture_output=True, text=True, check=False)
    if child.returncode != 0:
        raise RuntimeError(f"the load benchmark's process failed: {child.stderr.strip()[-500:]}")
    yield from json.loads(child.stdout.strip().splitlines()[-1])


def load_benchmarks(quick: bool = False) -> Iterator[Record]:
    """Load a spiking network's file (as the app saves it: from 10,000 synapses up a synapse table)
    and build its engine, against Brian2 building the same cells and synapses from arrays
    (NeuronGroup, Synapses, connect, weights and delays, and the first dt that makes it ready to
    run). Then, without a goal, the same load and engine followed by making every Synapse object
    (what opening the file in the app costs before the canvas draws), against the same baseline, so
    that the figure with the goal flatters nobody about what the canvas pays."""
    from neuron_sim.model.engines.build import build_engine
    from neuron_sim.model.fileformat import load, save

    from neuron_sim.bench.engines import _Brian2, brian2_network

    cells = 1_000 if quick else 10_000
    fan_out = 100
    arrays, network = spiking_file_network(cells, fan_out)
    brian = _Brian2(quick)
    with tempfile.TemporaryDirectory(prefix="neuron-sim-bench-") as folder:
        path = Path(folder) / "large.json"
        save(network, path)
        size = path.stat().st_size
        del network
        gc.collect()

        def ours() -> float:
            gc.collect()
            return timed(lambda: build_engine(load(path)))

        def ours_with_objects() -> float:
            gc.collect()

            def everything() -> None:
                network = load(path)
                build_engine(network)
                len(network.synapses)  # makes the Synapse objects

            return timed(everything)

        measures = {"ours": ours}
        if brian.target is not None:
            import brian2 as b2

            def theirs() -> float:
                gc.collect()

                def build() -> None:
                    net, _ = brian2_network(arrays, brian.target)
                    net.run(arrays.dt_ms * b2.ms, namespace={})

                return timed(build)

            measures["brian2"] = theirs
        repeats = 1 if quick else 5  # both sides swing by half on a shared machine: medians of five
        medians = interleaved(measures, repeats)
        # afterwards: dropping a million objects leaves a heap that slows the allocations after it
        medians["objects"] = interleaved({"objects": ours_with_objects}, min(repeats, 3))["objects"]
    baseline = medians.get("brian2")
    baseline_ms = None if baseline is None else baseline * 1e3
    baseline_name = brian.label + " building the same network from arrays" if baseline is not None else brian.error
    what = f"a {cells:,}-neuron / {cells * fan_out:,}-synapse file ({size / 1e6:.0f} MB)"
    yield record(f"load {what} and build its engine", medians["ours"] * 1e3, "ms", baseline_ms, baseline_name,
                 goal=LOAD_GOAL)
    yield record(f"load {what}, build its engine and make every Synapse object (no goal: what the first synapse edit or selection adds)",
                 medians["objects"] * 1e3, "ms", baseline_ms, baseline_name)


def spiking_file_network(cells: int, fan_out: int, seed: int = 1):
    """A random LIF network as the spiking bench builds it (engines.spiking_arrays), with each
    cell's `fan_out` targets distinct, as a network file holds them: (arrays, Network). Its
    synapses are columns, as a loaded table's are: a million Synapse objects made and dropped
    before the timings would leave a heap that slows the allocations measured after them."""
    from neuron_sim.model import Network, Neuron
    from neuron_sim.model.synapse_columns import SynapseColumns

    from neuron_sim.bench.engines import spiking_arrays

    arrays = spiking_arrays(cells, seed=seed)
    rng = np.random.default_rng(seed + 1)
    offsets = np.concatenate([rng.choice(cells - 1, fan_out, replace=False) for _ in range(cells)])
    arrays.syn_target[:] = (arrays.syn_source + 1 + offsets) % cells
    network = Network(name="bench load", model="spiking", dt_ms=arrays.dt_ms)
    ids = arrays.ids
    neurons = {nid: Neuron(nid, position=(float(i % 100) * 60.0, float(i // 100) * 60.0),
                           tau_ms=float(arrays.tau_ms[i]), v_rest_mV=float(arrays.v_rest[i]),
                           v_reset_mV=float(arrays.v_reset[i]), v_threshold_mV=float(arrays.v_threshold[i]),
                           refractory_ms=float(arrays.refractory_ms[i]), drive_mV=float(arrays.drive[i]),
                           v_mV=float(arrays.v_initial[i]))
               for i, nid in enumerate(ids)}
    network.adopt_columns(neurons, SynapseColumns(list(ids), arrays.syn_source.astype(np.intp),
                                                  arrays.syn_target.astype(np.intp), arrays.syn_weight.copy(),
                                                  arrays.syn_delay_ms.copy()))
    return arrays, network
