"""Headless runs: a network in, an activity table and spike times out (used by `neuron-sim simulate`)."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from typing import Any, TextIO

import numpy as np

from neuron_sim.model import run_memory
from neuron_sim.model.entities import NEURON_PARAMS, SYNAPSE_PARAMS, ModelError, ParamSpec
from neuron_sim.model.network import Network
from neuron_sim.model.engines.rate import RateEngine
from neuron_sim.model.engines.spiking import SpikingEngine

DEFAULT_SPIKING_DURATION_MS = 100.0
DEFAULT_SYNCHRONOUS_STEPS = 10
MAX_STEPS = 10_000_000
MAX_CELLS = 50_000_000  # steps × neurons in one table
BLOCK_VALUES = 1_000_000  # values of the table the command line holds at once (8 MB)


@dataclass
class SimulationResult:
    ids: list[str]
    activity: np.ndarray  # (steps, neurons)
    spikes: dict[str, list[float]] | None  # spiking only: id → spike times in ms
    dt_ms: float | None
    #: spiking networks with plastic synapses: "SRC->DST" → the weight at the end of the run
    weights: dict[str, float] | None = None

    def rows(self) -> list[list[float | None]]:
        """The activity as lists, a value that is not finite as None. The engines keep every
        value finite (rate outputs level off at ±MAX_ACTIVITY); this is the guarantee that the
        output is strict JSON and plain CSV whatever happens: null in JSON, an empty CSV field."""
        if np.isfinite(self.activity).all():
            return self.activity.tolist()
        rows = self.activity.astype(object)
        rows[~np.isfinite(self.activity)] = None
        return rows.tolist()

    def to_json(self) -> str:
        data: dict[str, Any] = {"ids": self.ids, "activity": self.rows()}
        if self.spikes is not None:
            data["spikes"] = self.spikes
        if self.weights is not None:
            data["weights"] = self.weights
        return json.dumps(data, ensure_ascii=False, allow_nan=False)

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.ids)
        writer.writerows(self.rows())  # None is written as an empty field
        return buffer.getvalue()


def default_steps(network: Network) -> int:
    if network.model == "spiking":
        return int(round(DEFAULT_SPIKING_DURATION_MS / network.dt_ms))
    return 1 if network.update == "feedforward" else DEFAULT_SYNCHRONOUS_STEPS


def steps_for_duration(network: Network, duration_ms: float) -> int:
    if network.model != "spiking":
        raise ModelError("--duration-ms is for spiking networks; rate networks count --steps")
    if not math.isfinite(duration_ms) or duration_ms < 0:
        raise ModelError("the duration must be zero or more milliseconds, got {duration:g}", duration=duration_ms)
    steps = duration_ms / network.dt_ms  # may overflow to inf for absurd durations
    if steps > MAX_STEPS:
        raise ModelError("{duration:g} ms is {steps:.3g} steps of {dt:g} ms; "
                         "the most a run may take is {limit:,} steps", duration=duration_ms, steps=steps, dt=network.dt_ms, limit=MAX_STEPS)
    return int(round(steps))


def _checked_steps(network: Network, steps: int | None) -> int:
    steps = default_steps(network) if steps is None else steps
    if steps < 0 or steps > MAX_STEPS:
        raise ModelError("the number of steps must be between 0 and {limit:,}, got {steps}", limit=MAX_STEPS,
                         steps=steps)
    if steps * max(len(network), 1) > MAX_CELLS:
        raise ModelError("{steps:,} steps × {neurons:,} neurons is too large a table to print", steps=steps,
                         neurons=len(network))
    return steps


def simulate(network: Network, steps: int | None = None) -> SimulationResult:
    """Run a fresh engine for `steps` updates (defaults: one pass, 10 ticks or 100 ms), the whole
    table kept; refused before it starts when it would need too much memory (run_memory.py)."""
    steps = _checked_steps(network, steps)
    run_memory.check(network, steps, table_rows=steps, keep_spikes=True, spike_bytes=run_memory.LISTED_SPIKE_BYTES)
    order = list(network.neurons)
    if network.model == "rate":
        engine = RateEngine(network)
        rows = engine.run(steps)
        return SimulationResult(order, rows, None, None)
    engine = SpikingEngine(network)
    rows, spike_list = engine.run(steps)
    columns = [engine.index[nid] for nid in order]
    spikes: dict[str, list[float]] = {nid: [] for nid in order}
    for k, i in spike_list:
        spikes[engine.ids[i]].append(round(k * network.dt_ms, 9))
    return SimulationResult(order, rows[:, columns], spikes, network.dt_ms, _learned(engine))


def _learned(engine: SpikingEngine) -> dict[str, float] | None:
    """The learned weights by "SRC->DST", or None when no synapse learns."""
    learned = engine.learned_weights()
    return {f"{source}->{target}": w for (source, target), w in learned.items()} if learned else None


def write_simulation(network: Network, steps: int | None, out: TextIO, fmt: str = "json") -> None:
    """What `simulate(...).to_json()` / `.to_csv()` give, written to `out` block by block: the
    table is never held whole, so memory stays the delay buffers, the spikes and one block."""
    steps = _checked_steps(network, steps)
    order = list(network.neurons)
    block = max(1, min(steps, BLOCK_VALUES // max(len(order), 1)))
    run_memory.check(network, steps, table_rows=block, keep_spikes=fmt == "json")
    spiking = network.model == "spiking"
    engine = SpikingEngine(network) if spiking else RateEngine(network)
    columns = [engine.index[nid] for nid in order] if spiking else None
    spike_steps: list[np.ndarray] = []
    spike_cells: list[np.ndarray] = []
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(order)
    else:
        out.write('{"ids": ' + json.dumps(order, ensure_ascii=False) + ', "activity": [')
    first = True
    for start in range(0, steps, block):
        count = min(block, steps - start)
        if spiking:
            rows, spikes = engine.run(count)
            rows = rows[:, columns]
            if spikes and writer is None:
                pairs = np.array(spikes, dtype=np.int64)
                spike_steps.append(pairs[:, 0])
                spike_cells.append(pairs[:, 1])
        else:
            rows = engine.run(count)
        listed = SimulationResult(order, rows, None, None).rows()
        if writer is not None:
            writer.writerows(listed)
            continue
        text = ", ".join(json.dumps(row, allow_nan=False) for row in listed)
        out.write(text if first else ", " + text)
        first = False
    if writer is not None:
        return
    out.write("]")
    if spiking:
        out.write(', "spikes": {')
        all_steps = np.concatenate(spike_steps) if spike_steps else np.zeros(0, dtype=np.int64)
        all_cells = np.concatenate(spike_cells) if spike_cells else np.zeros(0, dtype=np.int64)
        by_cell = np.argsort(all_cells, kind="stable")  # steps stay in order within a cell
        all_steps, all_cells = all_steps[by_cell], all_cells[by_cell]
        bounds = np.searchsorted(all_cells, np.arange(engine.n + 1))
        parts = []
        for nid in order:
            i = engine.index[nid]
            times = [round(k * network.dt_ms, 9) for k in all_steps[bounds[i]:bounds[i + 1]].tolist()]
            parts.append(json.dumps(nid, ensure_ascii=False) + ": " + json.dumps(times, allow_nan=False))
        out.write(", ".join(parts) + "}")
        weights = _learned(engine)
        if weights is not None:  # what STDP learned, as simulate(...).to_json() reports it
            out.write(', "weights": ' + json.dumps(weights, ensure_ascii=False, allow_nan=False))
    out.write("}")


def apply_assignment(network: Network, text: str) -> None:
    """Apply one `--set`: `ID=VALUE` (an input's value), `ID.PARAM=VALUE`, or `SRC->TGT.PARAM=VALUE`.

    Unknown ids and parameters and bad values are refused with a message that starts with the
    assignment: `--set y.threshold=abc: expected a number, got "abc"`.
    """
    prefix = f"--set {_show_text(text)}"
    left, equals, raw = text.partition("=")
    left, raw = left.strip(), raw.strip()
    if not equals or not left or not raw:
        raise ModelError("expected ID=VALUE, ID.PARAMETER=VALUE or SOURCE->TARGET.weight=VALUE", place=prefix)
    try:
        if left in network.neurons:
            if network.neurons[left].kind != "input":
                raise ModelError("{id} is not an input; name the parameter, e.g. {id}.threshold=0.5", id=left)
            target_id, param = left, "value"
        else:
            target_id, dot, param = left.rpartition(".")
            if not dot:
                raise ModelError("there is no neuron with id {id!r}", id=left)
        if "->" in target_id:
            source, _, dest = target_id.partition("->")
            key = (source.strip(), dest.strip())
            network.synapse(key)  # a clear message if there is no such synapse
            spec = SYNAPSE_PARAMS.get(param)
            if spec is None:
                raise ModelError("synapses have no parameter {name!r} (they have {names})", name=param,
                                 names=", ".join(SYNAPSE_PARAMS))
            network.set_synapse_param(key, param, spec.validate(_parse_value(raw, spec), "value"))
        else:
            network.neuron(target_id)
            spec = NEURON_PARAMS.get(param)
            if spec is None:
                raise ModelError("neurons have no parameter {name!r} (they have {names})", name=param,
                                 names=", ".join(NEURON_PARAMS))
            network.set_neuron_param(target_id, param, spec.validate(_parse_value(raw, spec), "value"))
    except ModelError as error:
        inner = "" if error.place == "value" else error.place  # the place "value" is the assignment itself
        raise ModelError(error, place=f"{prefix}: {inner}" if inner else prefix) from None


def _parse_value(raw: str, spec: ParamSpec) -> Any:
    """A JSON value (1, -0.5, 1e3, null, "text"), or the plain text for text and choices."""
    try:
        # Integers too long to convert become floats (inf), refused as numbers too large.
        value = json.loads(raw, parse_constant=float,
                           parse_int=lambda digits: int(digits) if len(digits) <= 20 else float(digits))
    except (ValueError, RecursionError):  # RecursionError: [[[[… nested past the parser's depth
        return raw  # plain words such as `sigmoid`, or a bad number the validation names
    if spec.kind in ("str", "choice") and not isinstance(value, str):
        return raw  # a label may be 123
    return value


def _show_text(text: str) -> str:
    return text if text.isprintable() and len(text) <= 80 else json.dumps(text[:80], ensure_ascii=False)
