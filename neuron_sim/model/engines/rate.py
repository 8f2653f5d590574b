"""Rate (artificial) neurons: a_i = f(Σ_j w_ji · a_j − θ_i), feedforward or synchronous.

The engine compiles a Network into arrays once, and each feedforward layer (or, for a synchronous
tick, all computing neurons) into one weight matrix (rate_matrix.py): a step is one matrix-vector
product per layer and a few numpy calls. Parameter edits (input values, weights, thresholds,
activations) are applied in place so that playback can keep running; a structural edit needs a
new engine, which takes the old one's state over by neuron id.
It implements the Engine protocol (protocol.py): a stage is one layer of a feedforward pass, or
one synchronous tick.

A feedforward network has one right answer for its inputs, whatever happened before: `settle`
computes it (one pass) and the Player calls it after every edit, so what is shown is always the
network's output; playing a pass recomputes the same values while the pulses show the way. A
synchronous network's state is its history; `previous_activity` keeps the outputs the last tick
computed from, so that a neuron's computation can be shown for the tick on the canvas.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

from neuron_sim.model.engines.protocol import Clock, Pulses, Sample, levels_by_id
from neuron_sim.model.engines.rate_matrix import WeightMatrix, contiguous
from neuron_sim.model.entities import ModelError
from neuron_sim.model.network import Network

#: Outputs are clipped to ±MAX_ACTIVITY, so that a linear or relu loop that grows without end
#: (a = 2·a each tick) levels off instead of overflowing to infinity and then NaN. Any weighted sum
#: of such outputs stays finite too: 2,000,000 synapses × |w| ≤ 1e6 × 1e100 is far below 1e308.
MAX_ACTIVITY = 1e100

#: layers (or synchronous ticks) per second of playback at speed 1
PLAYBACK_STAGES_PER_SECOND = 1.5


def _sigmoid_into(net: np.ndarray, out: np.ndarray, scratch: _Scratch) -> None:
    np.negative(net, out=out)
    _sigmoid_of_negated(out, scratch)


def _sigmoid_of_negated(out: np.ndarray, scratch: _Scratch) -> None:
    """1 / (1 + e^x) in place, x = −net already in `out`. e^x overflows to inf (output 0) or
    underflows to 0 (output 1), both exact limits, so the callers hold those two floating-point
    flags off (_EXP_LIMITS). The constant is an array of out's shape: a ufunc with a Python float
    (or a broadcast scalar) costs about twice as much on small layers."""
    np.exp(out, out=out)
    np.add(out, scratch.ones, out=out)
    np.divide(scratch.ones, out, out=out)


#: The activation functions of activations.py, written into a given array (a view of the engine's
#: activity where it can be): the same values, without a temporary array per ufunc.
_ACTIVATE_INTO = {
    "sigmoid": _sigmoid_into,
    "tanh": lambda net, out, scratch: np.tanh(net, out=out),
    "relu": lambda net, out, scratch: np.maximum(net, 0.0, out=out),
    "linear": lambda net, out, scratch: np.copyto(out, net),
    "step": lambda net, out, scratch: np.greater_equal(net, 0.0, out=out),
}
_UNBOUNDED = {"relu", "linear"}  # outputs that need clipping to ±MAX_ACTIVITY
_EXP_LIMITS = {"over": "ignore", "under": "ignore"}


class _Scratch:
    """Constant and work arrays of one layer's size, made once."""

    def __init__(self, size: int):
        self.ones = np.ones(size)
        self.net = np.empty(size)


@dataclass
class _Layer:
    members: np.ndarray  # global indices of the neurons computed in this layer
    synapses: np.ndarray  # indices into the engine's synapse arrays whose target is in this layer
    weights: WeightMatrix  # those synapses' weights, rows in `members` order

    def __post_init__(self):
        self.rows = contiguous(self.members)  # a slice where the members are consecutive
        # (weighted_sum, activity, threshold) views of `rows`, made once per set of state arrays
        self.views: tuple[np.ndarray, ...] | None = None
        # computes the layer from the current activity; made with the views (RateEngine._kernel)
        self.kernel: Callable[[], None] | None = None
        self.scratch = _Scratch(self.members.size)


class RateEngine:
    """Simulates a rate network. `activity[i]` is neuron i's output a_i, in `ids` order."""

    kind = "rate"
    time_unit = "tick"
    stages_per_second = PLAYBACK_STAGES_PER_SECOND
    continuous_phase = True

    def __init__(self, network: Network):
        if network.model != "rate":
            raise ModelError("this is a spiking network; use the spiking engine")
        self.update = network.update
        self.ids = list(network.neurons)
        self.index = {nid: i for i, nid in enumerate(self.ids)}
        neurons = list(network.neurons.values())
        n = len(neurons)
        self.is_input = np.array([nr.kind == "input" for nr in neurons], dtype=bool)
        self.values = np.array([nr.value for nr in neurons], dtype=float)
        self.threshold = np.array([nr.threshold for nr in neurons], dtype=float)
        self.activation = [nr.activation for nr in neurons]
        columns = network.synapse_columns()  # no Synapse objects for a network loaded as a table
        self.synapse_keys = columns.keys()
        self._synapse_index: dict[tuple[str, str], int] | None = None
        self.source = columns.source.copy()
        self.target = columns.target.copy()
        self.weight = columns.weight.copy()  # edited in place; the network's columns are read-only
        self.computing = np.flatnonzero(~self.is_input)
        self._inputs = contiguous(np.flatnonzero(self.is_input))
        self.computing_synapses = np.flatnonzero(~self.is_input[self.target]) if n else np.array([], int)
        self.layers: list[_Layer] = []
        self._slot: list[tuple[WeightMatrix, int]] | None = None  # synapse → (its matrix, its number there)
        if self.update == "feedforward":
            self._build_layers(network)  # raises CycleError for loops
        else:
            self.ticking = self._layer(self.computing, self.computing_synapses)
        self._groups_cache: dict[int, list[tuple[str, np.ndarray]]] = {}
        self._unbounded: dict[int, bool] = {}  # per key of _groups_cache: some outputs need clipping
        self.reset()

    @property
    def synapse_index(self) -> dict[tuple[str, str], int]:
        """Each synapse's number by key (made on the first edit that needs it)."""
        if self._synapse_index is None:
            self._synapse_index = {key: k for k, key in enumerate(self.synapse_keys)}
        return self._synapse_index

    # ---- compilation --------------------------------------------------------------------
    def _build_layers(self, network: Network) -> None:
        for layer_ids in network.layers():
            members = np.array([self.index[nid] for nid in layer_ids if
                                not self.is_input[self.index[nid]]], dtype=np.intp)
            if members.size == 0:
                continue
            position = np.full(len(self.ids), -1, dtype=np.intp)
            position[members] = np.arange(members.size)
            self.layers.append(self._layer(members, np.flatnonzero(position[self.target] >= 0)))

    def _layer(self, members: np.ndarray, synapses: np.ndarray) -> _Layer:
        position = np.full(len(self.ids), -1, dtype=np.intp)
        position[members] = np.arange(members.size)
        weights = WeightMatrix(members.size, position[self.target[synapses]], self.source[synapses],
                               self.weight[synapses])
        return _Layer(members, synapses, weights)

    def _slots(self) -> list[tuple[WeightMatrix, int]]:
        """For each synapse, the matrix holding its weight and its number among that matrix's
        synapses (built on the first weight edit)."""
        if self._slot is None:
            slot: list = [None] * self.weight.size
            for layer in self.layers if self.update == "feedforward" else [self.ticking]:
                for number, k in enumerate(layer.synapses.tolist()):
                    slot[k] = (layer.weights, number)
            self._slot = slot
        return self._slot

    def _activation_groups(self, members: np.ndarray) -> list[tuple[str, np.ndarray]]:
        """(activation name, positions within members) for each activation used by `members`."""
        # `members` is one of the engine's own arrays (a layer's, or `computing`), alive as long as
        # the engine, so its id is a safe key; an activation edit clears the cache.
        key = id(members)
        groups = self._groups_cache.get(key)
        if groups is None:
            names = np.array([self.activation[i] for i in members])
            groups = [(name, np.flatnonzero(names == name)) for name in dict.fromkeys(names.tolist())]
            self._groups_cache[key] = groups
            self._unbounded[key] = any(name in _UNBOUNDED for name, _ in groups)
        return groups

    # ---- state ----------------------------------------------------------------------------
    def reset(self) -> None:
        """Back to the start: inputs hold their values, every other neuron a = 0."""
        n = len(self.ids)
        self.activity = np.where(self.is_input, self.values, 0.0)
        self.weighted_sum = np.zeros(n)  # Σ w·a arriving at each neuron
        for layer in [*self.layers, *([self.ticking] if self.update != "feedforward" else [])]:
            layer.views = layer.kernel = None  # views of the arrays just replaced
        self.tick = 0
        self.layer_cursor = 0  # next layer a `step_layer` computes (feedforward)
        self.settled = False  # every output is the settled pass for the current parameters
        self.previous_activity: np.ndarray | None = None  # synchronous: what the last tick read

    def settle(self) -> bool:
        """Feedforward: compute every layer now from the inputs' values (one pass), leaving the
        clock and the pass being played where they are. False for a synchronous network, whose
        state is its simulation's."""
        if self.update != "feedforward":
            return False
        self._hold_inputs()
        with np.errstate(**_EXP_LIMITS):
            for layer in self.layers:
                (layer.kernel or self._kernel(layer))()
        self.settled = True
        return True

    @property
    def net(self) -> np.ndarray:
        """Σ w·a − θ of each neuron (0 for inputs), derived: a pass never spends a ufunc on it."""
        return np.where(self.is_input, 0.0, self.weighted_sum - self.threshold)

    @property
    def layer_count(self) -> int:
        return len(self.layers)

    def step(self) -> np.ndarray:
        """One update: a whole feedforward pass, or one synchronous tick. Returns the activity."""
        if self.update == "feedforward":
            with np.errstate(**_EXP_LIMITS):
                for layer in self.layers:
                    (layer.kernel or self._kernel(layer))()
            self.layer_cursor = 0
            self._hold_inputs()
            self.settled = True
        else:
            self._synchronous_tick()
        self.tick += 1
        return self.activity

    def step_layer(self) -> int:
        """Feedforward only: compute the next layer; returns its number (0-based).

        After the last layer the pass counts as one tick, as `step` does.
        """
        if self.update != "feedforward":
            self._synchronous_tick()
            self.tick += 1
            return 0
        if not self.layers:
            self.tick += 1
            return 0
        number = self.layer_cursor
        if number == 0:
            self._hold_inputs()
        layer = self.layers[number]
        with np.errstate(**_EXP_LIMITS):
            (layer.kernel or self._kernel(layer))()
        self.layer_cursor = (number + 1) % len(self.layers)
        if self.layer_cursor == 0:
            self.tick += 1
        return number

    def _hold_inputs(self) -> None:
        self.activity[self._inputs] = self.values[self._inputs]

    def _kernel(self, layer: _Layer) -> Callable[[], None]:
        """The layer's computation from the current activity, as one call. For the common layer
        (consecutive members reading consecutive sources through a dense matrix, all sigmoid) it is
        five ufuncs on views bound once; on a 3-4-2 network the general path's look-ups cost as
        much as the arithmetic."""
        weights = layer.weights
        groups = self._activation_groups(layer.members)
        if (isinstance(layer.rows, slice) and weights.dense and isinstance(weights.sources, slice)
                and len(groups) == 1 and groups[0][0] == "sigmoid"):
            rows = layer.rows
            layer.views = (self.weighted_sum[rows], self.activity[rows], self.threshold[rows])
            sums, out, threshold = layer.views
            matrix, reading, ones = weights.matrix, self.activity[weights.sources], layer.scratch.ones

            def kernel(dot=np.dot, subtract=np.subtract, exp=np.exp, add=np.add, divide=np.divide):
                dot(matrix, reading, out=sums)
                subtract(threshold, sums, out=out)
                exp(out, out=out)
                add(out, ones, out=out)
                divide(ones, out, out=out)
        else:
            kernel = partial(self._compute_layer, layer)
        layer.kernel = kernel
        return kernel

    def _compute_layer(self, layer: _Layer, reading: np.ndarray | None = None) -> None:
        """weighted_sum and activity of the layer's neurons, from the outputs in `reading` (the
        current activity by default). Where the members are consecutive both are written through
        views, with no temporary arrays."""
        reading = self.activity if reading is None else reading
        rows = layer.rows
        if isinstance(rows, slice):
            if layer.views is None:
                layer.views = (self.weighted_sum[rows], self.activity[rows], self.threshold[rows])
            sums, out, threshold = layer.views
            layer.weights.sums(reading, out=sums)
            self._activate(layer, sums, threshold, out)
            return
        sums = layer.weights.sums(reading)
        out = np.empty_like(sums)
        self._activate(layer, sums, self.threshold[rows], out)
        self.weighted_sum[rows] = sums
        self.activity[rows] = out

    def _activate(self, layer: _Layer, sums: np.ndarray, threshold: np.ndarray, out: np.ndarray) -> None:
        """out = f(sums − θ), each neuron with its own activation function."""
        groups = self._activation_groups(layer.members)
        scratch = layer.scratch
        if len(groups) == 1 and groups[0][0] == "sigmoid":  # the common case: −net straight into out
            np.subtract(threshold, sums, out=out)
            _sigmoid_of_negated(out, scratch)
        else:
            net = scratch.net
            np.subtract(sums, threshold, out=net)
            if len(groups) == 1:  # one activation function for all: no gathering and scattering
                _ACTIVATE_INTO[groups[0][0]](net, out, scratch)
            else:
                for name, positions in groups:
                    part = np.empty(positions.size)
                    _ACTIVATE_INTO[name](net[positions], part, _Scratch(positions.size))
                    out[positions] = part
        if self._unbounded[id(layer.members)]:
            np.minimum(out, MAX_ACTIVITY, out=out)  # two ufuncs: np.clip costs 3x as much per tick
            np.maximum(out, -MAX_ACTIVITY, out=out)

    def _synchronous_tick(self) -> None:
        self.previous_activity = self.activity.copy()
        self._hold_inputs()
        with np.errstate(**_EXP_LIMITS):
            self._compute_layer(self.ticking, self.previous_activity)

    def run(self, steps: int) -> np.ndarray:
        """Run `steps` updates; row k is the activity after k+1 updates."""
        if steps < 0:
            raise ModelError("the number of steps cannot be negative")
        rows = np.empty((steps, len(self.ids)))
        for k in range(steps):
            rows[k] = self.step()
        return rows

    # ---- live edits ----------------------------------------------------------------------
    def set_neuron_param(self, neuron_id: str, name: str, value) -> bool:
        """Apply a parameter edit in place; False if it needs a rebuilt engine."""
        i = self.index.get(neuron_id)
        if i is None:
            return False
        self.settled = False
        if name == "value":
            self.values[i] = value
            if self.is_input[i]:
                self.activity[i] = value
        elif name == "threshold":
            self.threshold[i] = value
        elif name == "activation":
            self.activation[i] = value
            self._groups_cache.clear()
            for layer in self.layers:
                layer.kernel = None
        elif name == "kind":
            return False
        return True

    def set_weight(self, key: tuple[str, str], weight: float) -> bool:
        k = self.synapse_index.get(tuple(key))
        if k is None:
            return False
        self.weight[k] = weight
        matrix, number = self._slots()[k] or (None, 0)
        if matrix is not None:  # None: a synapse into an input, which nothing reads
            matrix.set(number, weight)
        self.settled = False
        return True

    def state_of(self, neuron_id: str) -> dict[str, float]:
        i = self.index[neuron_id]
        return {"activity": float(self.activity[i]), "weighted_sum": float(self.weighted_sum[i]),
                "net": 0.0 if self.is_input[i] else float(self.weighted_sum[i] - self.threshold[i])}

    # ---- the Engine protocol (protocol.py) ----------------------------------------------------
    def advance_stage(self) -> Sample | None:
        """The next layer of a feedforward pass, or a synchronous tick; a sample when a tick ends."""
        tick_before = self.tick
        if self.update == "feedforward" and self.layers:
            self.step_layer()
        else:
            self.step()
        return self.initial_sample() if self.tick != tick_before else None

    def initial_sample(self) -> Sample:
        return Sample(float(self.tick), self.activity)

    def set_synapse_param(self, key: tuple[str, str], name: str, value) -> bool:
        return name == "weight" and self.set_weight(key, value)

    def carry_over(self, old: RateEngine) -> None:
        """Outputs and sums of the neurons still there (inputs keep their own values), the tick
        and the layer a pass is at."""
        shared = [nid for nid in self.ids if nid in old.index]
        if shared:
            new_idx = np.array([self.index[nid] for nid in shared], dtype=np.intp)
            old_idx = np.array([old.index[nid] for nid in shared], dtype=np.intp)
            computed = ~self.is_input[new_idx]
            self.activity[new_idx[computed]] = old.activity[old_idx[computed]]
            self.weighted_sum[new_idx] = old.weighted_sum[old_idx]
            if old.previous_activity is not None:
                self.previous_activity = self.activity.copy()
                self.previous_activity[new_idx] = old.previous_activity[old_idx]
        self.tick = old.tick
        self.layer_cursor = min(old.layer_cursor, max(len(self.layers) - 1, 0))

    def take_over(self, other: RateEngine) -> None:
        """The arrays are the whole state: taking them over by id is taking over everything."""
        self.carry_over(other)
        self.settled = other.settled

    def stage_synapses(self) -> np.ndarray:
        """Indices of the synapses whose signals travel during the current stage."""
        if self.update == "feedforward":
            return self.layers[self.layer_cursor].synapses if self.layers else np.zeros(0, dtype=np.intp)
        return self.computing_synapses

    def pulses(self, phase: float) -> Pulses:
        """Each signal w·a of the current stage, `phase` of the way along its synapse."""
        syn = self.stage_synapses()
        if syn.size == 0 or phase <= 0.0:
            return Pulses()
        strength = self.weight[syn] * self.activity[self.source[syn]]
        shown = np.flatnonzero(np.abs(strength) > 1e-9)
        return Pulses(syn[shown], np.full(shown.size, phase), strength[shown], self.synapse_keys)

    def computed_ids(self) -> set[str]:
        if self.tick > 0 or self.settled:
            return set(self.ids)
        done = [i for layer in self.layers[:self.layer_cursor] for i in layer.members.tolist()]
        return {self.ids[i] for i in done}

    def output_of(self, neuron_id: str) -> float:
        return float(self.activity[self.index[neuron_id]])

    def outputs(self) -> np.ndarray:
        return self.activity

    def level_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        never = np.zeros(len(self.ids), dtype=bool)  # a rate unit neither spikes nor rests
        return np.minimum(np.abs(self.activity), 1.0), never, never

    def levels(self, ids: list[str] | None = None) -> dict[str, tuple[float, bool, bool]]:
        return levels_by_id(self.index, self.level_arrays(), ids)

    def learned_weights(self) -> dict[tuple[str, str], float]:
        return {}  # rate synapses change only by edits and training, never while running

    def clock(self) -> Clock:
        layered = self.update == "feedforward" and bool(self.layers)
        return Clock(tick=self.tick, layer=self.layer_cursor if layered else None, layers=len(self.layers))
