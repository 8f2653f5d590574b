"""The spiking engine (engine.py) and the parts it is made of: the cells' arrays (arrays.py), the
synaptic delays (delays.py), the spike sources (sources.py) and the carrying of a run over an edit
(carry.py)."""

from neuron_sim.model.engines.spiking.delays import delay_steps
from neuron_sim.model.engines.spiking.engine import SpikingArrays, SpikingEngine
from neuron_sim.model.engines.spiking.sources import timestep

__all__ = ["SpikingArrays", "SpikingEngine", "delay_steps", "timestep"]
