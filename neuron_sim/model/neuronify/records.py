"""What an imported Neuronify circuit holds besides the network (whose notes are its Neuronify notes):
the meters, the view, and the parts neuron-sim cannot express, each said once in plain words."""

from __future__ import annotations

from dataclasses import dataclass, field

from neuron_sim.model.messages import MessageError
from neuron_sim.model.network import Network

#: Neuronify's fixed time step (0.1 ms); an imported circuit runs with the same dt.
NEURONIFY_DT_MS = 0.1


class NeuronifyNotice(MessageError):
    """One part of a Neuronify file that neuron-sim imports approximately or leaves out: a
    template with named values, like an error, so that the UI can show it translated. It is never
    raised: a circuit with such a part is imported, and the notice is listed with it."""


@dataclass(frozen=True)
class Meter:
    """A Neuronify meter and the neurons it measures (by neuron-sim id). `kind` is "voltmeter"
    (membrane potential: the Trace), "spikes" (SpikeDetector, RasterPlot: the Raster) or "rate"
    (RatePlot, FiringRateMeter: the Raster's rates)."""

    kind: str
    neuron_ids: tuple[str, ...]
    position: tuple[float, float] = (0.0, 0.0)
    size: tuple[float, float] = (320.0, 224.0)


@dataclass(frozen=True)
class WorkspaceView:
    """The part of the canvas Neuronify showed: the visible rectangle (x, y, width, height)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)


@dataclass
class NeuronifyImport:
    """A Neuronify file as neuron-sim reads it."""

    network: Network
    version: int  # Neuronify's fileFormatVersion (0: the early script files)
    meters: list[Meter] = field(default_factory=list)
    view: WorkspaceView | None = None
    unsupported: list[NeuronifyNotice] = field(default_factory=list)

    def unsupported_text(self) -> list[str]:
        """The unsupported parts in English, one line each."""
        return [notice.render() for notice in self.unsupported]
