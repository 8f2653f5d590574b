"""The parts of a Neuronify file neuron-sim imports approximately or leaves out, and what a save
as .nfy leaves out: one literal template each (the UI translates them, tests/ui/test_errors.py
keeps the list lupdate sees equal to them), counted, said once per file."""

from __future__ import annotations

from neuron_sim.model.neuronify.records import NeuronifyNotice


# ---- reading ------------------------------------------------------------------------------------
def retina(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a camera input (Retina): neuron-sim has no camera; left out", count=count)


def ammeter(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × an ammeter: neuron-sim has no current meter; left out", count=count)


def speaker(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a loudspeaker: neuron-sim plays no sound; left out", count=count)


def entity(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × an empty item of the first Neuronify files: left out", count=count)


def next_tutorial(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a link to the next tutorial: left out (open that file on its own)",
                           count=count)


def adaptation(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × the adaptation current of an adaptive neuron: this neuron-sim has no "
                           "adaptation; imported as leaky neurons", count=count)


def burst(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × the bursting current of a burst neuron: neuron-sim has no bursting current; "
                           "imported as leaky neurons", count=count)


def early_neuron(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × Neuronify's first neuron model: imported as leaky neurons with Neuronify's "
                           "standard values", count=count)


def long_note(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a note longer than a neuron-sim note holds (5000 characters): cut there",
                           count=count)


def edge_to_left_out(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a connection to or from an item neuron-sim left out", count=count)


def odd_edge(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a connection neuron-sim cannot draw (to a source, a sensor or a note); "
                           "left out", count=count)


def twice(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a second connection between the same two cells: neuron-sim keeps one "
                           "synapse from a cell to another; left out", count=count)


def meter_on_left_out(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a meter on an item neuron-sim left out", count=count)


def conductance(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a conductance synapse of a version 1–2 file: imported as a current synapse "
                           "whose current is taken at the target's resting potential", count=count)


def delta(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a current synapse: this neuron-sim has no current synapses; imported as a "
                           "jump of v with the same charge", count=count)


def dc_as_drive(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a current source: this neuron-sim has no current sources; its R·I is the "
                           "constant drive of the cell it feeds", count=count)


def ac_left_out(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × an alternating current source: this neuron-sim has no AC sources; left out",
                           count=count)


UNSUPPORTED_ITEMS = {"retina": retina, "ammeter": ammeter, "speaker": speaker, "entity": entity,
                     "next": next_tutorial}


# ---- writing ------------------------------------------------------------------------------------
def mixed_signs(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a cell with both excitatory and inhibitory synapses: a Neuronify cell is one "
                           "or the other; written as excitatory, each synapse with the size of its weight",
                           count=count)


def input_as_touch(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × an input: written as a touch sensor, which fires while touched", count=count)


def generator_start(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a generator's start time or seed: Neuronify's generators start at once with "
                           "a random seed; left out", count=count)


def stdp(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a synapse that learns (STDP): Neuronify's synapses do not learn; written "
                           "with its start weight", count=count)


def delta_as_current(count: int) -> NeuronifyNotice:
    return NeuronifyNotice("{count} × a synapse that makes v jump: Neuronify's synapses are currents; written as a "
                           "current of the same charge with τ = 1 ms", count=count)
