"""Neuron and synapse records: the values of one cell and one connection, checked against the
parameter table (params.py) when made and changed.

The table's names (`NEURON_PARAMS`, `ModelError`, `Stdp`, …) are imported here too, so that the
model's records and what they may hold are found in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from neuron_sim.model.params import (  # noqa: F401  (the table's names, imported from here as well)
    CURRENT_PATTERNS,
    DEFAULT_REFRACTORY_MS,
    DEFAULT_TAU_MS,
    DEFAULT_V_REST_MV,
    DEFAULT_V_THRESHOLD_MV,
    GENERATOR_PATTERNS,
    MAX_COORDINATE,
    MAX_LABEL_LENGTH,
    MODELS,
    NETWORK_PARAMS,
    NEURON_KINDS,
    NEURON_PARAMS,
    PLASTICITY_RULES,
    STDP_PARAMS,
    SYNAPSE_KINDS,
    SYNAPSE_PARAMS,
    UPDATE_SCHEMES,
    ModelError,
    ParamSpec,
    Stdp,
    _as_float,
    _check_encodable,
    _show,
    check_learning_fits_kind,
    validate_id,
    validate_plasticity,
)


@dataclass
class Neuron:
    """One cell: an input, a computing neuron, or a spike generator. Units are in the field names."""

    id: str
    kind: str = "neuron"
    label: str = ""
    position: tuple[float, float] = (0.0, 0.0)
    value: float = 0.0
    activation: str = "sigmoid"
    threshold: float = 0.0
    tau_ms: float = DEFAULT_TAU_MS
    v_rest_mV: float = DEFAULT_V_REST_MV
    v_reset_mV: float = DEFAULT_V_REST_MV
    v_threshold_mV: float = DEFAULT_V_THRESHOLD_MV
    refractory_ms: float = DEFAULT_REFRACTORY_MS
    drive_mV: float = 0.0
    v_mV: float | None = None
    adaptation: float = 0.0
    tau_adaptation_ms: float = 500.0
    v_min_mV: float | None = None
    v_max_mV: float | None = None
    pattern: str = "regular"
    rate_hz: float = 20.0
    start_ms: float = 0.0
    seed: int = 0
    frequency_hz: float = 10.0

    def __post_init__(self) -> None:
        validate_id(self.id)
        fields_ = self.__dict__
        for name, spec, default, low, high in _NEURON_FIELD_SPECS:
            value = fields_[name]
            # A default is valid by construction, and so is a float in a float field's range (NaN
            # fails the comparisons); skipping them makes loading 100,000 neurons fast.
            kind = type(value)
            if kind is type(default) and value == default:
                continue
            if low is not None and (kind is float or kind is int) and low <= value <= high:
                if kind is int:
                    fields_[name] = float(value)
                continue
            fields_[name] = spec.validate(value)
        if not self.label:
            self.label = self.id

    @classmethod
    def trusted(cls, neuron_id: str, values: dict[str, Any]) -> Neuron:
        """A neuron from a value for every field, each already validated (the file loader's fast
        path); the id too."""
        return cls.trusted_in_order(neuron_id, *map(values.__getitem__, _NEURON_FIELD_NAMES))

    @classmethod
    def trusted_in_order(cls, id: str, kind: str, label: str, position: tuple[float, float], value: float,
                         activation: str, threshold: float, tau_ms: float, v_rest_mV: float, v_reset_mV: float,
                         v_threshold_mV: float, refractory_ms: float, drive_mV: float, v_mV: float | None,
                         adaptation: float, tau_adaptation_ms: float, v_min_mV: float | None,
                         v_max_mV: float | None, pattern: str, rate_hz: float, start_ms: float, seed: int,
                         frequency_hz: float) -> Neuron:
        """A neuron from every field's value in the fields' order, each already validated (the file
        loader's fast paths map it over columns of values). Set one by one in that order, as
        __init__ sets them, so that the neurons share their attribute keys (a dict updated at once
        took 950 bytes a neuron, not 340); written out, as setattr in a loop took six times as long."""
        neuron = object.__new__(cls)
        neuron.id = id
        neuron.kind = kind
        neuron.label = label
        neuron.position = position
        neuron.value = value
        neuron.activation = activation
        neuron.threshold = threshold
        neuron.tau_ms = tau_ms
        neuron.v_rest_mV = v_rest_mV
        neuron.v_reset_mV = v_reset_mV
        neuron.v_threshold_mV = v_threshold_mV
        neuron.refractory_ms = refractory_ms
        neuron.drive_mV = drive_mV
        neuron.v_mV = v_mV
        neuron.adaptation = adaptation
        neuron.tau_adaptation_ms = tau_adaptation_ms
        neuron.v_min_mV = v_min_mV
        neuron.v_max_mV = v_max_mV
        neuron.pattern = pattern
        neuron.rate_hz = rate_hz
        neuron.start_ms = start_ms
        neuron.seed = seed
        neuron.frequency_hz = frequency_hz
        return neuron

    @property
    def initial_v_mV(self) -> float:
        return self.v_rest_mV if self.v_mV is None else self.v_mV

    def copy(self, **changes: Any) -> Neuron:
        return replace(self, **changes)


_NEURON_FIELD_SPECS = tuple(
    (f.name, spec, spec.default,
     *((spec.minimum, spec.maximum) if spec.kind == "float" and None not in (spec.minimum, spec.maximum)
       else (None, None)))
    for f in fields(Neuron) if f.name != "id" for spec in (NEURON_PARAMS[f.name],))

_NEURON_FIELD_NAMES = tuple(spec[0] for spec in _NEURON_FIELD_SPECS)

SynapseKey = tuple[str, str]


@dataclass
class Synapse:
    """A directed connection from `source`'s axon to `target`'s dendrite."""

    source: str
    target: str
    weight: float = 1.0
    delay_ms: float = 1.0
    plasticity: Stdp | None = None  # a learning rule (spiking networks); None: the weight stays
    kind: str = "delta"  # SYNAPSE_KINDS
    tau_syn_ms: float = 2.0

    def __post_init__(self) -> None:
        validate_id(self.source, "source")
        validate_id(self.target, "target")
        self.weight = SYNAPSE_PARAMS["weight"].validate(self.weight)
        if not (type(self.delay_ms) is float and self.delay_ms == SYNAPSE_PARAMS["delay_ms"].default):
            self.delay_ms = SYNAPSE_PARAMS["delay_ms"].validate(self.delay_ms)
        if self.plasticity is not None:
            self.plasticity = validate_plasticity(self.plasticity)
        if self.kind != "delta":
            self.kind = SYNAPSE_PARAMS["kind"].validate(self.kind)
        if not (type(self.tau_syn_ms) is float and self.tau_syn_ms == SYNAPSE_PARAMS["tau_syn_ms"].default):
            self.tau_syn_ms = SYNAPSE_PARAMS["tau_syn_ms"].validate(self.tau_syn_ms)
        check_learning_fits_kind(self.kind, self.plasticity, self.source, self.target)

    @classmethod
    def trusted(cls, source: str, target: str, weight: float, delay_ms: float) -> Synapse:
        """A synapse from values the caller has already validated (the file loader's fast path)."""
        synapse = object.__new__(cls)
        synapse.source, synapse.target, synapse.weight, synapse.delay_ms = source, target, weight, delay_ms
        return synapse

    @property
    def key(self) -> SynapseKey:
        return (self.source, self.target)

    def copy(self, **changes: Any) -> Synapse:
        return replace(self, **changes)
