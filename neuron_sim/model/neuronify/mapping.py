"""Neuronify's nodes and edges as a neuron-sim network, in neuron-sim's units: V → mV, s → ms,
and a current I into a cell of resistance R → the depolarisation R·I in mV it would hold.

Neuronify's cell is C·dV/dt = (E_rest − V)/R + I, so τ_m = R·C and a current I counts as R·I in
neuron-sim's dv/dt = (v_rest − v + R·I)/τ_m. A current synapse's `maximumCurrent` becomes the
peak R·I of the target; a current clamp's current the R·I it adds to each target.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from neuron_sim.model.entities import ModelError, Neuron, Synapse, _show
from neuron_sim.model.network import Network
from neuron_sim.model.neuronify import items, notices, values
from neuron_sim.model.neuronify.reader import NfyDocument, RawEdge, RawNode
from neuron_sim.model.neuronify.records import NEURONIFY_DT_MS, Meter, NeuronifyImport, NeuronifyNotice
from neuron_sim.model.notes import Note


def to_import(document: NfyDocument, name: str = "") -> NeuronifyImport:
    """The network, meters, notes and view of a parsed Neuronify file; ModelError on bad input."""
    return _Mapper(document, name).run()


class _Mapper:
    def __init__(self, document: NfyDocument, name: str):
        self.document = document
        self.network = Network(name=name, model="spiking", dt_ms=NEURONIFY_DT_MS)
        self.result = NeuronifyImport(self.network, document.version, view=document.view)
        self.ids: dict[int, str] = {}  # node index → neuron id
        self.roles: dict[int, str] = {}  # node index → "neuron", "generator", "input", "meter" …
        self.resistance: dict[str, float] = {}  # neuron id → R (Ω)
        self.inhibitory: dict[int, bool] = {}
        self.meter_nodes: dict[int, tuple[str, RawNode]] = {}
        self.measured: dict[int, list[str]] = {}
        self.counts: dict[str, int] = {}
        self.noticed: dict[str, NeuronifyNotice] = {}

    def run(self) -> NeuronifyImport:
        for node in self.document.nodes:
            self._node(node)
        for edge in self.document.edges:
            self._edge(edge)
        for index, (kind, node) in self.meter_nodes.items():
            self.result.meters.append(Meter(kind, tuple(dict.fromkeys(self.measured.get(index, []))),
                                            values.position(node, 0.0), values.size(node, (320.0, 224.0))))
        self.result.unsupported = list(self.noticed.values())
        return self.result

    # ---- notices: each kind said once, with a count ----------------------------------------------
    def tell(self, key: str, notice: Callable[[int], NeuronifyNotice]) -> None:
        """Say `notice` once for the file, with how often it happened."""
        self.counts[key] = self.counts.get(key, 0) + 1
        self.noticed[key] = notice(self.counts[key])

    # ---- nodes -------------------------------------------------------------------------------------
    def _node(self, node: RawNode) -> None:
        kind = node.type
        if kind in items.NEURON_TYPES:
            self._neuron(node, *items.NEURON_TYPES[kind])
        elif kind in items.GENERATOR_TYPES:
            self._generator(node, items.GENERATOR_TYPES[kind])
        elif kind in items.TOUCH_SENSOR_TYPES:
            neuron_id = self._next_id("x")
            self.network.add_neuron(Neuron(neuron_id, kind="input", label=values.label(node),
                                           position=values.position(node, items.ITEM_HALF_SIZE), value=0.0,
                                           rate_hz=items.TOUCH_RATE_HZ))
            self.roles[node.index] = "input"
            self.ids[node.index] = neuron_id
        elif kind in items.METER_TYPES:
            self.roles[node.index] = "meter"
            self.meter_nodes[node.index] = (items.METER_TYPES[kind], node)
        elif kind in items.NOTE_TYPES:
            self.roles[node.index] = "note"
            text = values.note_text(node)
            if text.cut:
                self.tell("long-note", notices.long_note)
            self.network.add_note(Note(self._next_id("note"), text=text.text, position=values.position(node, 0.0),
                                       size=values.note_size(node)))
        elif kind in items.UNSUPPORTED_TYPES:
            self.roles[node.index] = "unsupported"
            what = items.UNSUPPORTED_TYPES[kind]
            self.tell(what, notices.UNSUPPORTED_ITEMS[what])
        else:
            raise ModelError("unknown Neuronify item {value}", place=node.place, value=_show(kind))
        self.inhibitory[node.index] = values.inhibitory(node) or items.NEURON_TYPES.get(kind, ("", False))[1]

    def _next_id(self, prefix: str) -> str:
        number = self.counts.get(f"id:{prefix}", 0) + 1
        self.counts[f"id:{prefix}"] = number
        return f"{prefix}{number}"

    def _neuron(self, node: RawNode, model: str, _inhibitory_type: bool) -> None:
        early = self.document.version <= 2
        resistance = values.positive(node, "resistance", "Ω", early)
        capacitance = values.positive(node, "capacitance", "F", early)
        fields: dict[str, Any] = {
            "tau_ms": values.converted(node, None, resistance * capacitance * 1000.0, "tau_ms"),
            "v_rest_mV": values.volts(node, "restingPotential", "v_rest_mV"),
            "v_reset_mV": values.volts(node, "initialPotential", "v_reset_mV"),
            "v_threshold_mV": values.volts(node, "threshold", "v_threshold_mV"),
            "refractory_ms": values.converted(node, "refractoryPeriod",
                                              values.number(node, "refractoryPeriod") * 1000.0, "refractory_ms"),
        }
        if node.value("voltage") is not None:
            fields["v_mV"] = values.volts(node, "voltage", "v_mV")
        if model == "adaptation":
            if items.ADAPTATION:
                increment = resistance * values.number(node, "adaptation")  # R·g, dimensionless
                fields["adaptation"] = values.converted(node, "adaptation", increment, "adaptation")
                fields["tau_adaptation_ms"] = values.converted(node, "timeConstant",
                                                               values.number(node, "timeConstant") * 1000.0,
                                                               "tau_adaptation_ms")
            else:
                self.tell("adaptation", notices.adaptation)
        elif model == "burst":
            self.tell("burst", notices.burst)
        elif model == "early":
            self.tell("early", notices.early_neuron)
        if node.value("voltageClamped") is True:
            # Neuronify keeps v between its limits after each step; neuron-sim does the same with v_min/v_max.
            fields["v_min_mV"] = values.volts(node, "minimumVoltage", "v_min_mV")
            fields["v_max_mV"] = values.volts(node, "maximumVoltage", "v_max_mV")
        neuron_id = self._next_id("n")
        position = values.position(node, items.ITEM_HALF_SIZE)
        self.network.add_neuron(Neuron(neuron_id, label=values.label(node), position=position, **fields))
        self.ids[node.index] = neuron_id
        self.roles[node.index] = "neuron"
        self.resistance[neuron_id] = resistance

    def _generator(self, node: RawNode, pattern: str) -> None:
        position = values.position(node, items.ITEM_HALF_SIZE)
        if pattern in ("dc", "ac"):
            self.roles[node.index] = pattern
            if not items.CURRENT_SOURCES:
                return  # its current goes to the targets' drive (dc) or is listed (ac), edge by edge
            fields: dict[str, Any] = {"pattern": pattern}
            if pattern == "ac":
                fields["frequency_hz"] = values.converted(node, "frequency", values.number(node, "frequency"),
                                                          "frequency_hz")
        else:
            self.roles[node.index] = "generator"
            fields = {"pattern": pattern,
                      "rate_hz": values.converted(node, "rate", values.number(node, "rate"), "rate_hz")}
        neuron_id = self._next_id("g")
        self.network.add_neuron(Neuron(neuron_id, kind="generator", label=values.label(node), position=position,
                                       **fields))
        self.ids[node.index] = neuron_id

    # ---- edges -------------------------------------------------------------------------------------
    def _edge(self, edge: RawEdge) -> None:
        if edge.type not in items.EDGE_TYPES:
            raise ModelError("unknown Neuronify connection {value}", place=edge.place, value=_show(edge.type))
        source_role, target_role = self.roles[edge.source], self.roles[edge.target]
        if "meter" in (source_role, target_role):
            self._measure(edge, source_role, target_role)
            return
        if "unsupported" in (source_role, target_role):
            self.tell("unsupported-edge", notices.edge_to_left_out)
            return
        if target_role != "neuron" or source_role == "note":
            self.tell("odd-edge", notices.odd_edge)
            return
        target = self.ids[edge.target]
        if source_role in ("dc", "ac"):
            self._current_source(edge, source_role, target)
            return
        source = self.ids[edge.source]
        if (source, target) in self.network.synapses:
            self.tell("twice", notices.twice)
            return
        sign = -1.0 if self.inhibitory[edge.source] else 1.0
        if edge.type == "edges/ImmediateFireSynapse.qml" or (source_role == "input" and edge.type == "Edge.qml"):
            self.network.connect(Synapse(source, target, weight=sign * self._immediate_weight(target), delay_ms=0.0))
        elif edge.type == "edges/CurrentSynapse.qml":
            self._current_synapse(edge, source, target, sign)
        elif self.document.version <= 2 and source_role == "neuron" and self.document.version > 0:
            self._conductance_synapse(edge, source, target)
        else:  # a plain edge between cells: Neuronify's standard current synapse
            self._current_synapse(edge, source, target, sign)

    def _measure(self, edge: RawEdge, source_role: str, target_role: str) -> None:
        meter, other = (edge.source, edge.target) if source_role == "meter" else (edge.target, edge.source)
        if self.roles[other] == "meter":
            return
        neuron_id = self.ids.get(other)
        if neuron_id is None or self.roles[other] not in ("neuron", "input", "generator"):
            self.tell("meter-edge", notices.meter_on_left_out)
            return
        self.measured.setdefault(meter, []).append(neuron_id)

    def _immediate_weight(self, target: str) -> float:
        cell = self.network.neuron(target)
        return cell.v_threshold_mV - min(cell.v_reset_mV, cell.v_rest_mV) + items.IMMEDIATE_FIRE_MARGIN_MV

    def _current_synapse(self, edge: RawEdge, source: str, target: str, sign: float) -> None:
        engine = _EdgeValues(edge)
        tau = engine.number("tau")
        if tau <= 0:
            raise ModelError("{value:g} s is not a positive time constant", place=f"{edge.place}.engine.tau",
                             value=tau)
        alpha = engine.flag("alphaFunction")
        peak_mV = sign * abs(engine.number("maximumCurrent")) * self.resistance[target] * 1000.0
        self._connect_current(edge, source, target, peak_mV, tau * 1000.0, alpha, engine.number("delay") * 1000.0)

    def _conductance_synapse(self, edge: RawEdge, source: str, target: str) -> None:
        """Versions 1 and 2: a spike adds the source's `fireOutput` to a conductance of the target
        that decays with its `synapticTimeConstant` toward its `synapticPotential`; taken as a
        current at the target's resting potential."""
        pre = self.document.nodes[edge.source]
        post = self.document.nodes[edge.target]
        conductance = values.number(pre, "fireOutput", default=0.0)
        reversal = values.number(post, "synapticPotential")
        tau = values.number(post, "synapticTimeConstant")
        if tau <= 0:
            raise ModelError("{value:g} s is not a positive time constant", place=f"{post.place}.synapticTimeConstant",
                             value=tau)
        cell = self.network.neuron(target)
        peak_mV = self.resistance[target] * conductance * (reversal * 1000.0 - cell.v_rest_mV)
        self.tell("conductance", notices.conductance)
        self._connect_current(edge, source, target, peak_mV, tau * 1000.0, False, 0.0)

    def _connect_current(self, edge: RawEdge, source: str, target: str, peak_mV: float, tau_ms: float,
                         alpha: bool, delay_ms: float) -> None:
        place = f"{edge.place}.engine"
        if items.CURRENT_SYNAPSES:
            synapse = Synapse(source, target, weight=values.checked(peak_mV, "weight", place, "maximumCurrent"),
                              delay_ms=values.checked(delay_ms, "delay_ms", place, "delay"),
                              kind="current_alpha" if alpha else "current_exp",
                              tau_syn_ms=values.checked(tau_ms, "tau_syn_ms", place, "tau"))
        else:
            # The same charge as one jump: ∫R·I dt / τ_m (the alpha function's integral is e·τ).
            tau_m = self.network.neuron(target).tau_ms
            weight = peak_mV * tau_ms * (math.e if alpha else 1.0) / tau_m
            synapse = Synapse(source, target, weight=values.checked(weight, "weight", place, "maximumCurrent"),
                              delay_ms=values.checked(delay_ms, "delay_ms", place, "delay"))
            self.tell("delta", notices.delta)
        self.network.connect(synapse)

    def _current_source(self, edge: RawEdge, pattern: str, target: str) -> None:
        clamp = self.document.nodes[edge.source]
        current = values.number(clamp, "currentOutput" if pattern == "dc" else "amplitude",
                                default=values.scaled_current(clamp))
        depolarisation = current * self.resistance[target] * 1000.0
        place = f"{clamp.place}.engine"
        if items.CURRENT_SOURCES:
            source = self.ids[edge.source]
            if (source, target) in self.network.synapses:
                self.tell("twice", notices.twice)
                return
            weight = values.checked(depolarisation, "weight", place, "currentOutput")
            self.network.connect(Synapse(source, target, weight=weight, delay_ms=0.0))
        elif pattern == "dc":
            cell = self.network.neuron(target)
            drive = values.checked(cell.drive_mV + depolarisation, "drive_mV", place, "currentOutput")
            self.network.set_neuron_param(target, "drive_mV", drive)
            self.tell("dc", notices.dc_as_drive)
        else:
            self.tell("ac", notices.ac_left_out)


class _EdgeValues:
    def __init__(self, edge: RawEdge):
        self.edge = edge

    def number(self, key: str) -> float:
        value = self.edge.engine.get(key, items.DEFAULTS[key])
        return values.finite(value, f"{self.edge.place}.engine.{key}")

    def flag(self, key: str) -> bool:
        value = self.edge.engine.get(key, False)
        if not isinstance(value, bool):
            raise ModelError("expected true or false, got {value}", place=f"{self.edge.place}.engine.{key}",
                             value=_show(value))
        return value
