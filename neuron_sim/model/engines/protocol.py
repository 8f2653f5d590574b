"""What every engine offers the Player (model/player.py) and the panels, whatever it simulates.

An engine is built from a Network and then advanced one *stage* at a time: the smallest move the
animation shows (a rate layer or a synchronous tick; one dt of a spiking run). It takes parameter
edits in place or says that it needs a rebuild, and a rebuilt engine takes the old one's state
over by neuron id and synapse key. It reports what it draws: each neuron's level, the pulses on
the synapses, which neurons have a computed output, and its clock. The Player and the UI ask these
questions, never which class they hold; `kind` only chooses which explanation a panel shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol

import numpy as np

SynapseKey = tuple[str, str]


class Sample(NamedTuple):
    """One row of a recording: the time, a value per neuron (in the engine's `ids` order) and the
    engine indices of the neurons that spiked (None for none). A tuple: one is made per step."""

    time: float
    values: np.ndarray
    spiked: np.ndarray | None = None


@dataclass(frozen=True)
class Pulses:
    """The signals travelling along synapses now: the synapse (an index into `synapse_keys`, the
    engine's synapses in its order), the progress 0..1 along it and the signed strength of each."""

    synapses: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))
    progress: np.ndarray = field(default_factory=lambda: np.zeros(0))
    strength: np.ndarray = field(default_factory=lambda: np.zeros(0))
    synapse_keys: Sequence[SynapseKey] = ()

    @property
    def keys(self) -> list[SynapseKey]:
        """Each pulse's synapse key (a list made on each call: the canvas reads `synapses`)."""
        keys = self.synapse_keys
        return [keys[i] for i in self.synapses.tolist()]


@dataclass(frozen=True)
class Clock:
    """Where a run is: spiking runs in milliseconds (`t_ms`); rate runs in ticks, and a
    feedforward pass also by layer (`layer` of `layers`, 0-based; None when it is not layered)."""

    tick: int = 0
    t_ms: float | None = None
    layer: int | None = None
    layers: int = 0


class Engine(Protocol):
    #: "rate" or "spiking": which explanation a panel shows (model/analysis.py)
    kind: str
    #: the unit of a recording's time axis: "tick" or "ms"
    time_unit: str
    #: stages per second of playback at speed 1
    stages_per_second: float
    #: True: a stage's progress 0..1 is drawn (pulses half way along during a rate layer);
    #: False: time moves in whole stages, rounded
    continuous_phase: bool
    ids: list[str]
    index: dict[str, int]

    def reset(self) -> None:
        """Back to the start of the run."""

    def advance_stage(self) -> Sample | None:
        """Compute one stage; the sample to record if one is due (rate: a tick completed). Its
        values may be the engine's own array: copy them before the next stage to keep them."""

    def settle(self) -> bool:
        """Make every output the network's settled answer for its parameters now, when it has one
        that does not depend on the past (a feedforward rate network: one pass); the clock does
        not move. False: the state is the simulation's (synchronous rate, spiking)."""

    def initial_sample(self) -> Sample | None:
        """What a recording holds before the first stage (rate: the rest state at tick 0)."""

    def set_neuron_param(self, neuron_id: str, name: str, value: Any) -> bool:
        """Apply a neuron's parameter edit in place; False: the engine must be rebuilt."""

    def set_synapse_param(self, key: SynapseKey, name: str, value: Any) -> bool:
        """Apply a synapse's parameter edit in place; False: the engine must be rebuilt."""

    def carry_over(self, old: Engine) -> None:
        """Take over the state of `old`, an engine of the same kind built before an edit, by
        neuron id and synapse key (what the edit deleted is dropped)."""

    def take_over(self, other: Engine) -> None:
        """Take over everything `other`, an engine of an identical copy of this network, is
        doing now, so that both go on alike; `other` is only read."""

    def pulses(self, phase: float) -> Pulses:
        """The pulses to draw now (`phase`: the progress of the current stage, 0..1)."""

    def computed_ids(self) -> set[str]:
        """Neurons whose output has been computed since the start (their value is real)."""

    def output_of(self, neuron_id: str) -> float:
        """The output a neuron shows (rate: its activity a; spiking: v in mV)."""

    def levels(self, ids: list[str] | None = None) -> dict[str, tuple[float, bool, bool]]:
        """For each neuron (of `ids`, or every one): (level 0..1 shown in the soma, just fired,
        refractory)."""

    def level_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """`levels` of every neuron as arrays in `ids` order: (level, just fired, refractory)."""

    def outputs(self) -> np.ndarray:
        """`output_of` every neuron, in `ids` order (a view: read it before the next step)."""

    def learned_weights(self) -> dict[SynapseKey, float]:
        """The weight now of each synapse that learns while the network runs (spiking STDP); the
        network keeps the weights a run starts from. Empty when no synapse learns."""

    def clock(self) -> Clock:
        """Where the run is now."""


def levels_by_id(index: dict[str, int], arrays: tuple[np.ndarray, np.ndarray, np.ndarray],
                 ids: list[str] | None = None) -> dict[str, tuple[float, bool, bool]]:
    """`Engine.levels` from `Engine.level_arrays`: each neuron of `ids` (or every one) by its id."""
    levels, fired, refractory = (column.tolist() for column in arrays)
    pairs = index.items() if ids is None else ((nid, index[nid]) for nid in ids if nid in index)
    return {nid: (levels[i], fired[i], refractory[i]) for nid, i in pairs}
