"""The simulation engines: rate (artificial) neurons and spiking (leaky integrate-and-fire) neurons.

Both implement the `Engine` protocol of protocol.py, which is all the Player (model/player.py) and
the panels use; `build_engine` (build.py) chooses the engine for a network.
"""
