"""neuron-sim: a desktop simulator that teaches how a neuron works."""

__version__ = "0.1.0"
