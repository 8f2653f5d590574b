"""A spiking network as a Neuronify file (file format version 4), for what Neuronify can express;
what it cannot is listed, never dropped unsaid.

Every cell is written with Neuronify's standard resistance R = 100 MΩ, its capacitance τ_m / R, and
each depolarisation R·I in mV (a synapse's peak, a source's current) as the current I it takes at
that R, so reading the file back gives the same τ_m and weights.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from collections.abc import Callable, Iterable
from typing import Any

from neuron_sim.model.atomic_write import write_atomically
from neuron_sim.model.entities import ModelError, Neuron, Synapse
from neuron_sim.model.file_reading import MAX_FILE_BYTES, NetworkFileError
from neuron_sim.model.network import Network
from neuron_sim.model.neuronify import items, notices
from neuron_sim.model.neuronify.records import Meter, NeuronifyNotice, WorkspaceView

RESISTANCE = 1e8
#: A delta synapse (a jump of v) is written as a current synapse of this time constant and the same charge.
DELTA_AS_CURRENT_TAU_MS = 1.0
_GENERATOR_FILES = {"regular": "generators/RegularSpikeGenerator.qml",
                    "poisson": "generators/IrregularSpikeGenerator.qml"}
_METER_FILES = {"voltmeter": "meters/Voltmeter.qml", "spikes": "meters/SpikeDetector.qml",
                "rate": "meters/RatePlot.qml"}


@dataclass
class NeuronifyExport:
    data: dict[str, Any]
    left_out: list[NeuronifyNotice] = field(default_factory=list)

    def left_out_text(self) -> list[str]:
        return [notice.render() for notice in self.left_out]


def to_nfy(network: Network, meters: Iterable[Meter] = (), view: WorkspaceView | None = None) -> NeuronifyExport:
    """The Neuronify file of a spiking network; ModelError for a rate network."""
    if network.model != "spiking":
        raise ModelError("Neuronify runs spiking networks and this one is a rate network; switch it to spiking "
                         "(Simulation menu) to save it as a Neuronify file")
    return _Writer(network).run(list(meters), view)


def encode_nfy(export: NeuronifyExport) -> bytes:
    data = json.dumps(export.data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise NetworkFileError("the network is too large to save: its file would be {size:.1f} MB, and a network "
                               "file may be at most {limit} MB; remove neurons or synapses, or shorten labels",
                               size=len(data) / 1e6, limit=MAX_FILE_BYTES // 1_000_000)
    return data


def save_nfy(export: NeuronifyExport, path: str | os.PathLike) -> None:
    """Write atomically: on failure the file on disk is as it was."""
    try:
        data = encode_nfy(export)
    except NetworkFileError as error:
        raise NetworkFileError(error, path) from None
    try:
        write_atomically(path, data)
    except OSError as error:
        raise NetworkFileError("could not save: {reason:w}", path, reason=error.strerror or error) from error
    except ValueError as error:
        raise NetworkFileError("could not save: {reason:w}", path, reason=error) from error


class _Writer:
    def __init__(self, network: Network):
        self.network = network
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}
        self.notices: dict[str, NeuronifyNotice] = {}
        self.counts: dict[str, int] = {}

    def tell(self, key: str, notice: Callable[[int], NeuronifyNotice]) -> None:
        """Say `notice` once for the file, with how often it happened."""
        self.counts[key] = self.counts.get(key, 0) + 1
        self.notices[key] = notice(self.counts[key])

    def run(self, meters: list[Meter], view: WorkspaceView | None) -> NeuronifyExport:
        inhibitory = {nid: self._inhibitory(nid) for nid in self.network.neurons}
        clamps: dict[tuple[str, float], int] = {}
        for neuron in self.network:
            if _is_current_source(neuron):
                # One Neuronify clamp per current the source gives (a clamp has one current), in its place.
                amplitudes = [s.weight for s in self.network.outgoing(neuron.id)] or [0.0]
                for amplitude in dict.fromkeys(amplitudes):
                    self._clamp(neuron, amplitude, clamps)
                continue
            self.index[neuron.id] = len(self.nodes)
            self.nodes.append(self._node(neuron, inhibitory[neuron.id]))
        for synapse in self.network.synapses.values():
            source = self.network.neuron(synapse.source)
            if _is_current_source(source):
                self._source_edge(source, synapse, clamps)
            else:
                self.edges.append(self._synapse_edge(source, synapse, inhibitory[source.id]))
        for neuron in self.network:
            if neuron.kind == "neuron" and neuron.drive_mV != 0:
                self._drive(neuron)
        for meter in meters:
            self._meter(meter)
        for note in self.network.notes.values():
            self.nodes.append(_item("annotations/Note.qml", note.position, text=note.text, width=note.size[0],
                                    height=note.size[1]))
        data = {"edges": self.edges, "fileFormatVersion": 4, "nodes": self.nodes,
                "workspace": {"playbackSpeed": 1, "visibleRectangle": _rectangle(view, self.nodes)}}
        return NeuronifyExport(data, list(self.notices.values()))

    def _inhibitory(self, neuron_id: str) -> bool:
        weights = [s.weight for s in self.network.outgoing(neuron_id)]
        if any(w < 0 for w in weights) and any(w > 0 for w in weights):
            self.tell("mixed", notices.mixed_signs)
            return False
        return bool(weights) and all(w < 0 for w in weights)

    # ---- nodes -------------------------------------------------------------------------------------
    def _node(self, neuron: Neuron, inhibitory: bool) -> dict[str, Any]:
        corner = (neuron.position[0] - items.ITEM_HALF_SIZE, neuron.position[1] - items.ITEM_HALF_SIZE)
        label = "" if neuron.label == neuron.id else neuron.label
        if neuron.kind == "input":
            if neuron.rate_hz != items.TOUCH_RATE_HZ or neuron.value != 0:
                self.tell("input", notices.input_as_touch)
            return _item("sensors/TouchSensor.qml", corner, label=label, inhibitory=inhibitory, engine={})
        if neuron.kind == "generator":
            return self._generator(neuron, corner, label, inhibitory)
        engine = {"capacitance": neuron.tau_ms / 1000.0 / RESISTANCE, "resistance": RESISTANCE,
                  "restingPotential": neuron.v_rest_mV / 1000.0, "initialPotential": neuron.v_reset_mV / 1000.0,
                  "threshold": neuron.v_threshold_mV / 1000.0, "refractoryPeriod": neuron.refractory_ms / 1000.0,
                  "voltageClamped": neuron.v_min_mV is not None or neuron.v_max_mV is not None}
        if engine["voltageClamped"]:  # Neuronify limits both ends: an open end is a limit no cell reaches
            engine["minimumVoltage"] = (-1000.0 if neuron.v_min_mV is None else neuron.v_min_mV) / 1000.0
            engine["maximumVoltage"] = (1000.0 if neuron.v_max_mV is None else neuron.v_max_mV) / 1000.0
        if neuron.v_mV is not None:
            engine["voltage"] = neuron.v_mV / 1000.0
        kind = "neurons/LeakyNeuron.qml"
        adaptation = getattr(neuron, "adaptation", 0.0)
        if adaptation:
            kind = "neurons/AdaptationNeuron.qml"
            engine.update(adaptation=adaptation / RESISTANCE, timeConstant=neuron.tau_adaptation_ms / 1000.0)
        return _item(kind, corner, label=label, inhibitory=inhibitory, engine=engine)

    def _generator(self, neuron: Neuron, corner: tuple[float, float], label: str, inhibitory: bool) -> dict[str, Any]:
        if neuron.start_ms != 0 or (neuron.pattern == "poisson" and neuron.seed != 0):
            self.tell("generator", notices.generator_start)
        return _item(_GENERATOR_FILES[neuron.pattern], corner, label=label, inhibitory=inhibitory,
                     engine={"rate": neuron.rate_hz})

    def _clamp(self, neuron: Neuron, amplitude_mV: float, clamps: dict[tuple[str, float], int]) -> int:
        key = (neuron.id, amplitude_mV)
        if key not in clamps:
            current = amplitude_mV / 1000.0 / RESISTANCE
            count = sum(1 for other, _ in clamps if other == neuron.id)
            corner = (neuron.position[0] - items.ITEM_HALF_SIZE, neuron.position[1] - items.ITEM_HALF_SIZE + 80 * count)
            label = "" if neuron.label == neuron.id else neuron.label
            if neuron.pattern == "dc":
                node = _item("generators/CurrentClamp.qml", corner, label=label, engine={"currentOutput": current})
            else:
                node = _item("generators/ACClamp.qml", corner, label=label,
                             engine={"amplitude": current, "frequency": neuron.frequency_hz, "time": 0})
            clamps[key] = len(self.nodes)
            self.nodes.append(node)
        return clamps[key]

    def _drive(self, neuron: Neuron) -> None:
        corner = (neuron.position[0] - items.ITEM_HALF_SIZE - 128, neuron.position[1] - items.ITEM_HALF_SIZE)
        self.edges.append({"filename": "Edge.qml", "from": len(self.nodes), "to": self.index[neuron.id],
                           "savedProperties": {"filename": "Edge.qml"}})
        self.nodes.append(_item("generators/CurrentClamp.qml", corner,
                                engine={"currentOutput": neuron.drive_mV / 1000.0 / RESISTANCE}))

    def _meter(self, meter: Meter) -> None:
        measured = [nid for nid in meter.neuron_ids if nid in self.index]
        meter_index = len(self.nodes)
        extra = {"maximumValue": 50, "minimumValue": -100} if meter.kind == "voltmeter" else {}
        self.nodes.append(_item(_METER_FILES[meter.kind], meter.position, engine={}, width=meter.size[0],
                                height=meter.size[1], **extra))
        for nid in measured:
            self.edges.append({"filename": "edges/MeterEdge.qml", "from": meter_index, "to": self.index[nid],
                               "savedProperties": {"filename": "edges/MeterEdge.qml"}})

    # ---- edges -------------------------------------------------------------------------------------
    def _source_edge(self, source: Neuron, synapse: Synapse, clamps: dict[tuple[str, float], int]) -> None:
        clamp = clamps[(source.id, synapse.weight)]
        self.edges.append({"filename": "Edge.qml", "from": clamp, "to": self.index[synapse.target],
                           "savedProperties": {"filename": "Edge.qml"}})

    def _synapse_edge(self, source: Neuron, synapse: Synapse, inhibitory: bool) -> dict[str, Any]:
        ends = {"from": self.index[synapse.source], "to": self.index[synapse.target]}
        if synapse.plasticity is not None:
            self.tell("stdp", notices.stdp)
        if source.kind == "input":
            return {"filename": "edges/ImmediateFireSynapse.qml", **ends,
                    "savedProperties": {"engine": {}, "filename": "edges/ImmediateFireSynapse.qml"}}
        kind = getattr(synapse, "kind", "delta")
        target = self.network.neuron(synapse.target)
        if kind == "delta":
            tau_ms = DELTA_AS_CURRENT_TAU_MS
            peak_mV = abs(synapse.weight) * target.tau_ms / tau_ms
            self.tell("delta", notices.delta_as_current)
        else:
            tau_ms = synapse.tau_syn_ms
            peak_mV = abs(synapse.weight)
        engine = {"alphaFunction": kind == "current_alpha", "delay": synapse.delay_ms / 1000.0,
                  "exponential": 0, "linear": 0, "maximumCurrent": peak_mV / 1000.0 / RESISTANCE,
                  "tau": tau_ms / 1000.0, "triggers": {}}
        return {"filename": "edges/CurrentSynapse.qml", **ends,
                "savedProperties": {"engine": engine, "filename": "edges/CurrentSynapse.qml"}}


def _is_current_source(neuron: Neuron) -> bool:
    return neuron.kind == "generator" and neuron.pattern in ("dc", "ac")


def _item(kind: str, corner: tuple[float, float], **properties: Any) -> dict[str, Any]:
    saved = {"inhibitory": properties.pop("inhibitory", False), "label": properties.pop("label", ""),
             "x": corner[0], "y": corner[1], **properties}
    return {"filename": kind, "savedProperties": saved}


def _rectangle(view: WorkspaceView | None, nodes: list[dict[str, Any]]) -> dict[str, float]:
    if view is not None:
        return {"height": view.height, "width": view.width, "x": view.x, "y": view.y}
    xs = [node["savedProperties"]["x"] for node in nodes]
    ys = [node["savedProperties"]["y"] for node in nodes]
    if not xs:
        return {"height": 600, "width": 960, "x": 0, "y": 0}
    left, top = min(xs) - 128, min(ys) - 128
    width, height = max(max(xs) - left + 256, 960), max(max(ys) - top + 256, 600)
    return {"height": height, "width": width, "x": left, "y": top}
