"""Imported Neuronify circuits: our engine equals Brian2 spike for spike, and what the circuits'
notes describe holds.

Every fixture in tests/data/neuronify/ is imported and run in the spiking engine and in Brian2
(brian2_oracle.run_brian2, the same equations), once with its touch sensors released and once
with them held (an input of value 1 fires at Neuronify's touch rate), so that the circuits a touch
starts are compared too. Spikes must be equal and voltages within 1e-9 mV.

What Brian2 checks is the imported network, not Neuronify: the parts the importer takes
approximately (the conductance synapses of version 1–2 files, burst and first-model neurons, taken
as leaky cells) run the same approximation in both, and the parts it leaves out (the Retina of
v3-sources.nfy and its synapse, the link to the next tutorial of v4-touch-circuit.nfy) are in
neither. Poisson generators (IrregularSpikeGenerator) are fed to Brian2 as our engine drew them.

The behaviour tests run hand-written circuits made for it (lateral-inhibition.nfy,
disinhibition.nfy, and the oscillator and adaptive neuron of test_neuronify.py), each number
computed by the engine and the run it comes from checked against Brian2.

Brian2 is a test dependency: without it these tests fail at import, they are not skipped.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

with warnings.catch_warnings():  # Brian2 2.9 uses pyparsing names that pyparsing 3.3 deprecates
    warnings.simplefilter("ignore", DeprecationWarning)
    import brian2  # noqa: F401  (the oracle: a missing Brian2 is an error, not a skip)

from neuron_sim.model.network import Network
from neuron_sim.model.neuronify import load_nfy, loads_nfy

from .brian2_oracle import checked_against_brian2
from .test_neuronify import ADAPTIVE, OSCILLATOR

DATA = Path(__file__).resolve().parents[1] / "data" / "neuronify"
FIXTURES = sorted(DATA.glob("*.nfy"))
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def run_both(network: Network, steps: int) -> dict[str, list[int]]:
    """The steps in which each cell and source spikes, from our engine, checked against Brian2."""
    both = checked_against_brian2(network, steps)
    return {nid: [k for k, i in both.spikes if i == index] for index, nid in enumerate(both.engine.ids)}


def touching(network: Network, held: bool) -> Network:
    network = network.copy()
    for neuron in list(network.neurons.values()):
        if neuron.kind == "input":
            network.set_neuron_param(neuron.id, "value", 1.0 if held else 0.0)
    return network


def rates_hz(spikes: dict[str, list[int]], steps: int, dt_ms: float) -> dict[str, float]:
    return {nid: len(times) / (steps * dt_ms * 1e-3) for nid, times in spikes.items()}


@pytest.mark.parametrize("held", [False, True], ids=["released", "touched"])
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_spikes_as_in_brian2(path, held):
    network = touching(load_nfy(path).network, held)
    cells = [n.id for n in network if n.kind == "neuron"]
    spikes = run_both(network, 5000)  # 500 ms
    if held or not any(n.kind == "input" for n in network):
        assert any(spikes[c] for c in cells), "no cell fires: the comparison tests nothing"


# ---- lateral inhibition sharpens an edge (Mach bands) ------------------------------------------
LATERAL_STEPS = 20000  # 2 s


def lateral_rates(network: Network) -> list[float]:
    rates = rates_hz(run_both(network, LATERAL_STEPS), LATERAL_STEPS, network.dt_ms)
    return [rates[f"n{i}"] for i in range(1, 13)]


def test_lateral_inhibition_sharpens_the_edge():
    network = load_nfy(DATA / "lateral-inhibition.nfy").network
    cells = [n.id for n in network if n.kind == "neuron"]
    assert len(cells) == 12 and [n.label for n in network if n.kind == "neuron"][5:7] == ["bright 6", "dim 7"]
    inhibited = lateral_rates(network)
    bare = network.copy()
    for source, target in [key for key in bare.synapses if key[0] in cells]:
        bare.disconnect(source, target)
    assert len(bare.synapses) == 12  # the light remains, the 22 inhibitory synapses are gone
    plain = lateral_rates(bare)

    # Without inhibition the row reproduces the step of light: one rate per side.
    assert len(set(plain[:6])) == 1 and len(set(plain[6:])) == 1 and plain[0] > plain[6] > 0
    bright_edge, dark_edge = inhibited[5], inhibited[6]
    bright_interior = np.mean(inhibited[1:5])  # cells with two bright neighbours
    dark_interior = np.mean(inhibited[7:11])  # cells with two dark neighbours
    # Mach bands: a peak on the bright side of the edge, a dip on the dark side.
    assert bright_edge > 1.15 * bright_interior
    assert dark_edge < 0.75 * dark_interior
    assert dark_edge > 0  # dimmed, not silenced
    # The contrast across the edge is larger with the inhibition than the light's own.
    assert bright_edge / dark_edge > 1.8 * (plain[5] / plain[6])


# ---- disinhibition -----------------------------------------------------------------------------
def test_disinhibition_touching_the_blocker_lets_the_output_fire():
    network = load_nfy(DATA / "disinhibition.nfy").network
    blocker, gate, output = (n.id for n in network if n.kind == "neuron")
    assert [network.neuron(i).label for i in (blocker, gate, output)] == ["blocker", "gate", "output"]
    released = run_both(touching(network, held=False), 10000)
    assert not released[blocker] and len(released[gate]) > 20 and not released[output]
    touched = run_both(touching(network, held=True), 10000)
    assert len(touched[blocker]) > 20 and len(touched[output]) > 20
    assert not [k for k in touched[gate] if k > 100]  # silenced within 10 ms of the first touch
    # The output only fires because the gate is silent: its own drive, undisturbed, is what fires it.
    alone = network.copy()
    alone.disconnect(gate, output)
    assert run_both(touching(alone, held=False), 10000)[output] == touched[output]


# ---- the behaviour tests of test_neuronify.py, their runs checked against Brian2 ----------------
def test_the_oscillators_turns_equal_brian2():
    spikes = run_both(loads_nfy(OSCILLATOR).network, 5000)
    order = sorted([(k, "n1") for k in spikes["n1"]] + [(k, "n2") for k in spikes["n2"]])
    assert len(order) >= 10 and all(a[1] != b[1] for a, b in zip(order, order[1:]))


def test_the_adaptive_neurons_growing_intervals_equal_brian2():
    intervals = np.diff(run_both(loads_nfy(ADAPTIVE).network, 20000)["n1"])
    assert intervals.size >= 3 and np.all(np.diff(intervals[:3]) > 0)
