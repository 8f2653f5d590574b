"""Neuronify's items (nodes and edges) by their QML file, and what each becomes in neuron-sim."""

from __future__ import annotations

from neuron_sim.model.entities import GENERATOR_PATTERNS, NEURON_PARAMS, SYNAPSE_PARAMS

# What this neuron-sim's model can express (the current-based synapses, the adaptation current and
# the DC/AC sources are newer than its first spiking engine).
CURRENT_SYNAPSES = "kind" in SYNAPSE_PARAMS
ADAPTATION = "adaptation" in NEURON_PARAMS
CURRENT_SOURCES = "dc" in GENERATOR_PATTERNS and "ac" in GENERATOR_PATTERNS

#: Neuron types: (model, inhibitory). "leaky" is the integrate-and-fire cell; "adaptation" adds the
#: adaptation current; "burst" adds a bursting current neuron-sim has not; "early" is the first
#: neuron model, before the integrate-and-fire one.
NEURON_TYPES: dict[str, tuple[str, bool]] = {
    "neurons/LeakyNeuron.qml": ("leaky", False),
    "neurons/LeakyInhibitoryNeuron.qml": ("leaky", True),
    "neurons/PassiveNeuron.qml": ("leaky", False),
    "neurons/PassiveInhibitoryNeuron.qml": ("leaky", True),
    "neurons/AdaptationNeuron.qml": ("adaptation", False),
    "neurons/AdaptationInhibitoryNeuron.qml": ("adaptation", True),
    "neurons/BurstNeuron.qml": ("burst", False),
    "neurons/BurstInhibitoryNeuron.qml": ("burst", True),
    "neurons/OldNeuron.qml": ("early", False),
    "Neuron.qml": ("early", False),  # the first files' createNeuron()
}

#: Sources: the current clamps inject a current; the spike generators fire.
GENERATOR_TYPES: dict[str, str] = {
    "generators/CurrentClamp.qml": "dc",
    "generators/ACClamp.qml": "ac",
    "generators/RegularSpikeGenerator.qml": "regular",
    "generators/RhythmGenerator.qml": "regular",
    "generators/IrregularSpikeGenerator.qml": "poisson",
    "generators/PoissonGenerator.qml": "poisson",
}

TOUCH_SENSOR_TYPES = frozenset({"sensors/TouchSensor.qml", "TouchSensor.qml"})

#: Meters that neuron-sim shows in an instrument dock.
METER_TYPES: dict[str, str] = {
    "meters/Voltmeter.qml": "voltmeter",
    "Voltmeter.qml": "voltmeter",
    "meters/SpikeDetector.qml": "spikes",
    "meters/RasterPlot.qml": "spikes",
    "meters/RatePlot.qml": "rate",
    "meters/FiringRateMeter.qml": "rate",
}

NOTE_TYPES = frozenset({"annotations/Note.qml"})

#: Items neuron-sim has no counterpart for; each is listed as left out.
UNSUPPORTED_TYPES: dict[str, str] = {
    "sensors/Retina.qml": "retina",
    "meters/Amperemeter.qml": "ammeter",
    "meters/Loudspeaker.qml": "speaker",
    "meters/Speaker.qml": "speaker",
    "annotations/NextTutorial.qml": "next",
    "Entity.qml": "entity",
}

EDGE_TYPES = frozenset({"Edge.qml", "edges/CurrentSynapse.qml", "edges/ImmediateFireSynapse.qml",
                        "edges/MeterEdge.qml"})

#: The cells of version 1 and 2 files (and the script files) were 10 kΩ and 1 µF when a file did not say.
EARLY_DEFAULTS = {"resistance": 1e4, "capacitance": 1e-6}
# Neuronify's defaults (SI units), used where a file leaves a property out.
DEFAULTS = {
    "capacitance": 2e-10, "resistance": 1e8, "restingPotential": -0.07, "initialPotential": -0.08,
    "threshold": -0.055, "refractoryPeriod": 0.002, "adaptation": 1e-8, "timeConstant": 0.5,
    "tau": 0.002, "maximumCurrent": 3e-9, "delay": 0.005, "currentOutput": 3e-10, "amplitude": 3e-10,
    "frequency": 50.0, "rate": 500.0, "minimumVoltage": -0.09, "maximumVoltage": 0.06,
    "synapticPotential": 0.05, "synapticTimeConstant": 0.01,
}

#: Neuronify places an item by its top-left corner; neuron-sim places a cell by its centre.
ITEM_HALF_SIZE = 32.0
#: A touch sensor becomes an input that fires at this rate while it is switched on.
TOUCH_RATE_HZ = 100.0
#: An immediate-fire synapse (touch sensor → neuron) lifts v this far above its threshold gap.
IMMEDIATE_FIRE_MARGIN_MV = 50.0
