"""The pulses drawn on the axons (spiking/pulses.py) against the way they used to be kept.

Oracle: the previous pulse trail, kept here as it was: a Python list of pulses rebuilt at every
step with spikes (synapse key, time sent, delay, weight when sent), fed from the engine's spikes
and its weights step by step. The engine's trail logs only which neurons spiked and makes the
pulses when they are read; on random networks (cells, regular and Poisson generators, delays
shorter and longer than a step, live weight edits and structural edits that rebuild the engine),
both must give the same pulses in the same order.
"""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model.engines.spiking import SpikingEngine
from neuron_sim.model.entities import Neuron, Stdp, Synapse
from neuron_sim.model.fileformat import from_dict, to_dict
from neuron_sim.model.network import Network
from neuron_sim.model.player import Player


class ListedPulses:
    """The previous trail: every pulse one by one, lists rebuilt as spikes come."""

    def __init__(self, keys, sources, delay_ms, dt_ms):
        self._keys, self._delay_ms, self._dt_ms = keys, delay_ms, dt_ms
        self._outgoing: dict[int, list[int]] = {}
        for synapse, source in enumerate(sources.tolist()):
            self._outgoing.setdefault(source, []).append(synapse)
        self.keys: list = []
        self._start, self._delay, self._weight = np.zeros(0), np.zeros(0), np.zeros(0)

    def launch(self, spiked, t_ms, weight_of):
        synapses = [s for i in spiked.tolist() for s in self._outgoing.get(i, ())]
        if not synapses:
            return
        keys = [self._keys[s] for s in synapses]
        self.keys = self.keys + keys
        self._start = np.concatenate([self._start, np.full(len(keys), t_ms)])
        self._delay = np.concatenate([self._delay, self._delay_ms[synapses]])
        self._weight = np.concatenate([self._weight, [weight_of(key) for key in keys]])

    def pulses(self, t_ms):
        alive = t_ms - self._start <= np.maximum(self._delay, self._dt_ms)
        self._keep(np.flatnonzero(alive))
        progress = (t_ms - self._start) / np.maximum(self._delay, self._dt_ms)
        return list(self.keys), np.clip(progress, 0.0, 1.0), self._weight.copy()

    def take_over(self, other, synapses):
        self.keys = other.keys
        self._start, self._delay, self._weight = other._start.copy(), other._delay.copy(), other._weight.copy()
        self._keep([i for i, key in enumerate(self.keys) if key in synapses])

    def _keep(self, chosen):
        chosen = np.asarray(chosen, dtype=np.intp)
        self.keys = [self.keys[i] for i in chosen.tolist()]
        self._start, self._delay, self._weight = self._start[chosen], self._delay[chosen], self._weight[chosen]


def random_network(seed: int, cells: int = 12, generators: int = 3, synapses: int = 40,
                   currents: bool = False) -> Network:
    """Cells and generators with random synapses; with `currents`, some of them current synapses."""
    rng = np.random.default_rng(seed)
    network = Network(model="spiking", dt_ms=float(rng.choice([0.1, 0.25])))
    neurons = [Neuron(f"n{i}", drive_mV=float(rng.uniform(10.0, 18.0)), refractory_ms=float(rng.uniform(0.5, 3.0)))
               for i in range(cells)]
    neurons += [Neuron(f"g{i}", kind="generator", pattern=str(rng.choice(["regular", "poisson"])),
                       rate_hz=float(rng.uniform(50.0, 400.0)), seed=int(rng.integers(100)))
                for i in range(generators)]
    rng.shuffle(neurons)  # sources and cells mixed, as a person adds them
    network.add_all(neurons, [])
    ids = [n.id for n in neurons]
    targets = [n.id for n in neurons if n.kind == "neuron"]
    while len(network.synapses) < synapses:
        source, target = str(rng.choice(ids)), str(rng.choice(targets))
        if source != target and (source, target) not in network.synapses:
            kind = str(rng.choice(["delta", "current_exp", "current_alpha"])) if currents else "delta"
            network.connect(Synapse(source, target, weight=float(rng.normal(4.0, 6.0)),
                                    delay_ms=float(rng.choice([0.05, 0.1, 0.3, 1.0, float(rng.uniform(0.1, 6.0))])),
                                    kind=kind))
    return network


def listed_for(engine: SpikingEngine) -> ListedPulses:
    a = engine.arrays
    return ListedPulses(a.syn_keys, a.syn_source, a.syn_delay_ms, engine.dt_ms)


def assert_same(engine: SpikingEngine, listed: ListedPulses) -> int:
    pulses = engine.pulses()
    keys, progress, strength = listed.pulses(engine.t_ms)
    assert pulses.keys == keys
    assert np.array_equal(pulses.progress, progress)
    assert np.array_equal(pulses.strength, strength)
    return len(keys)


def step(engine: SpikingEngine, listed: ListedPulses) -> None:
    t = engine.t_ms
    engine.advance_stage()
    if engine.spiked.size:
        listed.launch(engine.spiked, t, engine.weight_of)


@pytest.mark.parametrize("seed", range(8))
def test_the_pulses_are_the_listed_pulses_through_weight_edits(seed):
    rng = np.random.default_rng(100 + seed)
    network = random_network(seed, currents=seed % 2 == 1)  # delta synapses, or current ones too
    engine = SpikingEngine(network)
    listed = listed_for(engine)
    keys = list(network.synapses)
    seen = 0
    for _ in range(600):
        if rng.random() < 0.03:  # a weight typed while pulses travel
            key = keys[rng.integers(len(keys))]
            assert engine.set_synapse_param(key, "weight", float(rng.normal(0.0, 8.0)))
        step(engine, listed)
        if rng.random() < 0.3:  # read at some steps only, as frames do
            seen += assert_same(engine, listed)
    assert seen > 100  # the comparison had pulses to compare


@pytest.mark.parametrize("seed", range(6))
def test_the_pulses_are_the_listed_pulses_through_edits_that_rebuild(seed):
    rng = np.random.default_rng(200 + seed)
    network = random_network(seed, synapses=30)
    engine = SpikingEngine(network)
    listed = listed_for(engine)
    carried = 0
    for round_ in range(6):
        for _ in range(int(rng.integers(20, 120))):
            step(engine, listed)
        keys = list(network.synapses)
        edit = round_ % 3
        if edit == 0:  # a synapse deleted
            network.disconnect(*keys[rng.integers(len(keys))])
        elif edit == 1:  # a delay changed
            network.set_synapse_param(keys[rng.integers(len(keys))], "delay_ms", float(rng.uniform(0.1, 4.0)))
        else:  # a neuron deleted with its synapses, and a synapse added from a neuron that spiked
            network.remove_neuron(str(rng.choice([n for n in network.neurons if n.startswith("n")])))
            cells = [n for n in network.neurons if n.startswith("n")]
            source = str(rng.choice(list(network.neurons)))
            target = next(c for c in cells if c != source and (source, c) not in network.synapses)
            network.connect(Synapse(source, target, weight=3.0, delay_ms=2.0))
        rebuilt = SpikingEngine(network)
        rebuilt.carry_over(engine)
        again = listed_for(rebuilt)
        again.take_over(listed, set(rebuilt.arrays.syn_keys))
        engine, listed = rebuilt, again
        carried += assert_same(engine, listed)
        for _ in range(40):
            step(engine, listed)
            assert_same(engine, listed)
    assert carried > 0


def test_a_copy_taken_over_draws_the_same_pulses():
    network = random_network(3)
    source = Player(network)
    for _ in range(237):
        source.step()
    follower = Player(from_dict(to_dict(network)))
    follower.continue_from(source)
    a, b = source.pulses(), follower.pulses()
    assert a.keys == b.keys and len(a.keys) > 0
    assert np.array_equal(a.progress, b.progress) and np.array_equal(a.strength, b.strength)
    for _ in range(50):
        source.step()
        follower.step()
    a, b = source.pulses(), follower.pulses()
    assert a.keys == b.keys and np.array_equal(a.progress, b.progress)


def test_a_learning_synapse_shows_the_weight_it_has_now():
    """On a plastic synapse the spike adds, on arrival, the weight it finds then: its pulses show
    that weight, as the synapse is drawn, while the others keep the weight they were sent with."""
    network = Network(model="spiking")
    network.add_all([Neuron("g", kind="generator", rate_hz=300.0), Neuron("a", drive_mV=14.0), Neuron("b")],
                    [Synapse("g", "a", weight=6.0, delay_ms=3.0, plasticity=Stdp(A_pre=0.5, A_post=0.2)),
                     Synapse("g", "b", weight=2.0, delay_ms=3.0)])
    engine = SpikingEngine(network)
    changed = 0
    for _ in range(400):
        engine.advance_stage()
        pulses = engine.pulses()
        keys = pulses.keys
        learned = engine.learned_weights()[("g", "a")]
        for key, strength in zip(keys, pulses.strength.tolist()):
            assert strength == (learned if key == ("g", "a") else 2.0)
        changed += learned != 6.0
    assert changed > 0


def test_a_run_nobody_reads_keeps_only_the_spikes_that_can_still_travel():
    network = random_network(5)
    engine = SpikingEngine(network)
    for _ in range(5000):
        engine.advance_stage()
    log = engine.pulse_trail.log
    longest = max(max(s.delay_ms for s in network.synapses.values()), network.dt_ms)
    assert log and (log[-1][0] - log[0][0]) * network.dt_ms <= longest + network.dt_ms


def test_at_most_the_newest_pulses_are_read(monkeypatch):
    from neuron_sim.model.engines.spiking import pulses as pulses_module

    network = random_network(2)
    engine, unlimited = SpikingEngine(network), SpikingEngine(from_dict(to_dict(network)))
    for _ in range(300):
        engine.advance_stage()
        unlimited.advance_stage()
    everything = unlimited.pulses()
    limit = len(everything.progress) - 1
    monkeypatch.setattr(pulses_module, "MAX_PULSES", limit)
    newest = engine.pulses()
    assert 0 < len(newest.progress) <= limit
    tail = len(newest.progress)
    assert newest.keys == everything.keys[-tail:]
    assert np.array_equal(newest.progress, everything.progress[-tail:])
