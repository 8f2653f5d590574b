"""How much memory a run will take, estimated from the network before it starts, and a refusal
when that is more than a run may use (docs/security.md).

A small file can ask for a huge run: 400 cells firing every step through synapses with a 10 s
delay at dt = 0.001 ms keep ten million steps of input in flight; ten million steps of a few
neurons make a table of tens of millions of numbers. What grows with a run:

- spiking input in flight: every spike waits in the delay buffers until its delay has passed. A
  ring buffer has a fixed size; the sparse queue (long delays, SynapticDelays) holds up to the
  longest delay's worth of steps of (target, weight) pairs, plus a log of who spiked;
- the spikes of a headless run (`neuron-sim simulate`), kept until they are printed;
- the activity table, kept by `simulate()` (the command line streams it in blocks instead);
- the window's recording (recording.TraceRecorder: a fixed number of samples of every neuron).

Each is bounded from above: a cell fires at most once per step and once per refractory period,
a generator or sensor at its rate (a Poisson one at its mean), and every spike sends one entry per
synapse. The estimate is refused past MEMORY_SHARE of the machine's memory (or of the process's
address-space limit, when one is set).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

import numpy as np

from neuron_sim.model.engines.spiking.delays import SynapticDelays
from neuron_sim.model.entities import ModelError
from neuron_sim.model.network import Network
from neuron_sim.model.recording import DEFAULT_CAPACITY

MEMORY_SHARE = 0.5  # of the memory of the machine (or of the process's limit) one run may use
FALLBACK_MEMORY = 4 << 30  # when the system does not say (4 GB)

# Bytes per item on 64-bit CPython with numpy, rounded up (tests/model/test_run_memory.py checks the
# estimate against tracemalloc's peak of real runs).
QUEUED_INPUT_BYTES = 20  # a (target index, weight) pair of the sparse delay queue (16), and a margin
QUEUED_PART_BYTES = 640  # per step and delay value: two numpy arrays, a tuple, list and dict slots
LOGGED_STEP_BYTES = 200  # per step of the spike log: a numpy array and a deque slot
SPIKE_BYTES = 16  # a spike kept by `neuron-sim simulate`: its step and its neuron, as int64
LISTED_SPIKE_BYTES = 120  # a spike kept by simulate(): a (step, index) tuple, then a float in a list
TABLE_VALUE_BYTES = 8  # a float64 of an activity table
RING_ENTRY_BYTES = 8
# Beyond these the engine keeps input in flight in a sparse queue rather than a ring buffer.
MAX_RING_ENTRIES = SynapticDelays.MAX_RING_ENTRIES
MAX_RING_DELAY = SynapticDelays.MAX_RING_DELAY
RECORDER_SAMPLES = DEFAULT_CAPACITY  # samples of every neuron the window keeps


PARTS = ("input in flight along the synapses", "the spikes of the run", "the table of activity")


@dataclass(frozen=True)
class MemoryEstimate:
    in_flight: int  # delay buffers and the spike log
    spikes: int  # spikes kept until printed
    table: int  # the activity table or the window's recording

    @property
    def total(self) -> int:
        return self.in_flight + self.spikes + self.table

    def largest(self) -> str:
        """The part that weighs most, as words the message names."""
        sizes = dict(zip(PARTS, (self.in_flight, self.spikes, self.table)))
        return max(sizes, key=sizes.get)


def machine_memory() -> int:
    """The memory this process may have: the machine's, or less when an address-space limit is set."""
    total = FALLBACK_MEMORY
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        pass
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_AS)
        if soft != resource.RLIM_INFINITY and soft > 0:
            total = min(total, soft)
    except (ImportError, AttributeError, ValueError, OSError):
        pass
    return max(total, 1)


def memory_limit() -> int:
    return int(machine_memory() * MEMORY_SHARE)


def estimate(network: Network, steps: int | None, *, table_rows: int | None = None,
             keep_spikes: bool = False, spike_bytes: int = SPIKE_BYTES) -> MemoryEstimate:
    """Upper bound of the memory that grows with a run of `steps` (None: playing without end).
    `table_rows`: rows of the activity table kept at once; `keep_spikes`: the run keeps every spike."""
    n = len(network)
    table = (table_rows or 0) * n * TABLE_VALUE_BYTES
    if network.model != "spiking":
        return MemoryEstimate(0, 0, table)
    dt = network.dt_ms
    per_step = {nid: _spikes_per_step(network, nid, dt) for nid in network.neurons}
    spikes_per_step = sum(per_step.values())
    columns = network.synapse_columns()  # arrays: no Synapse objects for a network loaded as a table
    fan_out = np.bincount(columns.source, minlength=len(columns.ids))
    steps_of_delays = (columns.delay_ms / dt + 0.5).astype(np.int64)  # as delays.delay_steps rounds
    delays = np.unique(steps_of_delays)
    max_delay = int(delays[-1]) if delays.size else 0
    inputs_per_step = sum(per_step[nid] * int(count) for nid, count in zip(columns.ids, fan_out.tolist()) if count)
    cells = sum(1 for neuron in network.neurons.values() if neuron.kind == "neuron")
    ring_length = 1 << max_delay.bit_length()
    ring_width = 1 << max(cells - 1, 0).bit_length()
    held = max_delay + 1 if steps is None else min(steps, max_delay + 1)
    if ring_length * ring_width > MAX_RING_ENTRIES or max_delay > MAX_RING_DELAY:
        queue = held * (inputs_per_step * QUEUED_INPUT_BYTES + min(len(delays), spikes_per_step + 1) * QUEUED_PART_BYTES)
    else:
        queue = ring_length * ring_width * RING_ENTRY_BYTES
    log = held * (math.ceil(spikes_per_step) * 8 + LOGGED_STEP_BYTES)
    spikes = int(spikes_per_step * (steps or 0) * spike_bytes) if keep_spikes else 0
    return MemoryEstimate(int(queue + log), spikes, table)


def _spikes_per_step(network: Network, neuron_id: str, dt: float) -> float:
    neuron = network.neurons[neuron_id]
    if neuron.kind == "neuron":  # once per step at most, and once per refractory period
        return 1.0 / (1 + math.floor(neuron.refractory_ms / dt))
    if neuron.kind == "input" and not neuron.value:
        return 0.0
    return min(1.0, neuron.rate_hz * dt * 1e-3 * 2)  # a Poisson source's count varies: twice its mean


def check(network: Network, steps: int | None, *, table_rows: int | None = None, keep_spikes: bool = False,
          spike_bytes: int = SPIKE_BYTES) -> None:
    """Refuse with a ModelError a run whose estimate is more than it may use."""
    need = estimate(network, steps, table_rows=table_rows, keep_spikes=keep_spikes, spike_bytes=spike_bytes)
    limit = memory_limit()
    if need.total <= limit:
        return
    raise ModelError("this run would need about {need:.1f} GB of memory, mostly for {part:w}; at most {limit:.1f} GB "
                     "may be used (half of this computer's memory). Run fewer steps, make the longest synaptic "
                     "delay shorter or the time step larger, or use fewer neurons or synapses",
                     need=need.total / 1e9, part=need.largest(), limit=limit / 1e9)
