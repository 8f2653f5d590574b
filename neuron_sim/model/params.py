"""The one table that says what every parameter may hold, and the checks that hold values to it.

The parameter table (`NEURON_PARAMS`, `SYNAPSE_PARAMS`, `NETWORK_PARAMS`, `STDP_PARAMS`) is the
single source of truth for validation, file loading, the inspector's ranges and
docs/file-format.md. The records that hold the values are entities.py's.
"""

from __future__ import annotations

import json
import math
import re
import reprlib
from dataclasses import dataclass
from typing import Any, ClassVar

from neuron_sim.model.activations import ACTIVATIONS
from neuron_sim.model.messages import MessageError


class ModelError(MessageError, ValueError):
    """A value or an edit the model refuses; the message says why in plain words.

    Raised with a template and its values (see messages.py), so that the UI can translate it.
    """


NEURON_KINDS = ("input", "neuron", "generator")
GENERATOR_PATTERNS = ("regular", "poisson", "dc", "ac")
#: Generator patterns that send a current along their synapses instead of spikes.
CURRENT_PATTERNS = ("dc", "ac")
#: `delta`: a spike moves the target's v by w at once; the others feed a synaptic current.
SYNAPSE_KINDS = ("delta", "current_exp", "current_alpha")
MODELS = ("rate", "spiking")
UPDATE_SCHEMES = ("feedforward", "synchronous")

# Neuronify's defaults, a teaching standard.
DEFAULT_V_REST_MV = -70.0
DEFAULT_V_THRESHOLD_MV = -55.0
DEFAULT_TAU_MS = 20.0
DEFAULT_REFRACTORY_MS = 2.0

# Letters beyond ASCII are welcome; lone surrogates (U+D800–U+DFFF) are not, as UTF-8 cannot hold them.
_ID_PATTERN = re.compile(r"[A-Za-z0-9_.:\-\u00C0-\uD7FF\uE000-\uFFFF]{1,64}")  # the whole id (fullmatch)
MAX_LABEL_LENGTH = 200
MAX_COORDINATE = 1e7


@dataclass(frozen=True)
class ParamSpec:
    """What one parameter may hold: type, unit, range, default, and who uses it."""

    name: str
    kind: str  # "float", "int", "str", "choice", "bool", "position", "plasticity"
    default: Any
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    applies_to: str = ""  # human words: which neurons or models use it
    doc: str = ""
    allow_none: bool = False

    def validate(self, value: Any, where: str = "") -> Any:
        """Return `value` in canonical form or raise ModelError naming `where`."""
        place = where or self.name
        if value is None and self.allow_none:
            return None
        if self.kind == "float":
            return _as_float(value, place, self.minimum, self.maximum)
        if self.kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                else:
                    raise ModelError("expected a whole number, got {value}", place=place, value=_show(value))
            if self.minimum is not None and value < self.minimum:
                raise ModelError("{value} is below the minimum {minimum:g}", place=place, value=_show(value),
                                 minimum=self.minimum)
            if self.maximum is not None and value > self.maximum:
                raise ModelError("{value} is above the maximum {maximum:g}", place=place, value=_show(value),
                                 maximum=self.maximum)
            return value
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise ModelError("expected true or false, got {value}", place=place, value=_show(value))
            return value
        if self.kind == "choice":
            if not isinstance(value, str) or value not in self.choices:
                options = ", ".join(self.choices)
                raise ModelError("unknown value {value}; expected one of {options}", place=place,
                                 value=_show(value), options=options)
            return value
        if self.kind == "str":
            if not isinstance(value, str):
                raise ModelError("expected text, got {value}", place=place, value=_show(value))
            _check_encodable(value, place)
            limit = int(self.maximum) if self.maximum is not None else MAX_LABEL_LENGTH
            if len(value) > limit:
                raise ModelError("text longer than {limit} characters", place=place, limit=limit)
            return value
        if self.kind == "position":
            if not isinstance(value, (list, tuple)) or len(value) != 2:
                raise ModelError("expected [x, y], got {value}", place=place, value=_show(value))
            x = _as_float(value[0], f"{place}[0]", -MAX_COORDINATE, MAX_COORDINATE)
            y = _as_float(value[1], f"{place}[1]", -MAX_COORDINATE, MAX_COORDINATE)
            return (x, y)
        if self.kind == "plasticity":
            return validate_plasticity(value, place)
        raise AssertionError(f"unknown parameter kind {self.kind}")


_SHORT = reprlib.Repr()
_SHORT.maxlevel = 3
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = 4
_SHORT.maxlong = _SHORT.maxother = 40


def _show(value: Any) -> str:
    """A short one-line rendering of a value for an error message (never a deep or huge repr)."""
    if isinstance(value, str):
        # JSON quoting: "abc", with newlines and quotes escaped so a message stays one line.
        text = json.dumps(value if len(value) <= 60 else value[:60], ensure_ascii=False)
        # A lone surrogate cannot be printed or written as UTF-8: show it as its escape, \ud800.
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    elif value is None or isinstance(value, bool):
        text = json.dumps(value)  # the words a file uses: null, true, false
    else:
        text = _SHORT.repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_encodable(text: str, place: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ModelError("the text holds an invalid character (U+{code:04X}) at position {position}",
                         place=place, code=ord(text[error.start]), position=error.start) from None


def _as_float(value: Any, place: str, minimum: float | None, maximum: float | None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelError("expected a number, got {value}", place=place, value=_show(value))
    try:
        number = float(value)
    except OverflowError:  # an int beyond the float range
        raise ModelError("{value} is far too large a number", place=place, value=_show(value)) from None
    if not math.isfinite(number):
        raise ModelError("expected a finite number, got {value}", place=place, value=_show(value))
    if minimum is not None and number < minimum:
        raise ModelError("{value} is below the minimum {minimum:g}", place=place, value=f"{number:g}",
                         minimum=minimum)
    if maximum is not None and number > maximum:
        raise ModelError("{value} is above the maximum {maximum:g}", place=place, value=f"{number:g}",
                         maximum=maximum)
    return number


def _specs(*specs: ParamSpec) -> dict[str, ParamSpec]:
    return {spec.name: spec for spec in specs}


NEURON_PARAMS: dict[str, ParamSpec] = _specs(
    ParamSpec("kind", "choice", "neuron", choices=NEURON_KINDS, applies_to="all",
              doc="`input` holds a value the user sets; `neuron` computes; `generator` emits spikes."),
    ParamSpec("label", "str", "", applies_to="all", doc="Name shown on the canvas; defaults to the id."),
    ParamSpec("position", "position", (0.0, 0.0), unit="px", applies_to="all",
              doc="Centre of the cell on the canvas, [x, y], y pointing down."),
    ParamSpec("value", "float", 0.0, minimum=-1e6, maximum=1e6, applies_to="input",
              doc="Rate model: the input's activation. Spiking model: the sensor is on "
                  "(fires regularly at `rate_hz`) while the value is not 0."),
    ParamSpec("activation", "choice", "sigmoid", choices=tuple(ACTIVATIONS), applies_to="rate neuron",
              doc="Activation function f of a = f(Σ w·a − θ)."),
    ParamSpec("threshold", "float", 0.0, minimum=-1e6, maximum=1e6, applies_to="rate neuron",
              doc="θ, subtracted from the weighted sum (bias b = −θ)."),
    ParamSpec("tau_ms", "float", DEFAULT_TAU_MS, unit="ms", minimum=0.01, maximum=1e5,
              applies_to="spiking neuron", doc="Membrane time constant τ."),
    ParamSpec("v_rest_mV", "float", DEFAULT_V_REST_MV, unit="mV", minimum=-1000, maximum=1000,
              applies_to="spiking neuron", doc="Resting potential the membrane decays to."),
    ParamSpec("v_reset_mV", "float", DEFAULT_V_REST_MV, unit="mV", minimum=-1000, maximum=1000,
              applies_to="spiking neuron", doc="Potential right after a spike."),
    ParamSpec("v_threshold_mV", "float", DEFAULT_V_THRESHOLD_MV, unit="mV", minimum=-1000, maximum=1000,
              applies_to="spiking neuron", doc="The neuron fires when v reaches this."),
    ParamSpec("refractory_ms", "float", DEFAULT_REFRACTORY_MS, unit="ms", minimum=0, maximum=1e4,
              applies_to="spiking neuron",
              doc="After a spike, v is held and synaptic input is ignored for this long."),
    ParamSpec("drive_mV", "float", 0.0, unit="mV", minimum=-1000, maximum=1000,
              applies_to="spiking neuron",
              doc="Constant input: the depolarisation v would hold at steady state (v → v_rest + drive)."),
    ParamSpec("v_mV", "float", None, unit="mV", minimum=-1000, maximum=1000, allow_none=True,
              applies_to="spiking neuron", doc="Initial membrane potential; defaults to v_rest_mV."),
    ParamSpec("adaptation", "float", 0.0, minimum=0, maximum=1000, applies_to="spiking neuron",
              doc="Spike-frequency adaptation: each spike adds this to the adaptation conductance "
                  "(as R·g, no unit), which pulls v towards v_rest with −R·g·(v − v_rest); 0: none."),
    ParamSpec("tau_adaptation_ms", "float", 500.0, unit="ms", minimum=0.01, maximum=1e5,
              applies_to="spiking neuron", doc="Time constant of the decay of the adaptation conductance."),
    ParamSpec("v_min_mV", "float", None, unit="mV", minimum=-1000, maximum=1000, allow_none=True,
              applies_to="spiking neuron",
              doc="Lowest potential: after each step v is raised to this if below; null: no bound."),
    ParamSpec("v_max_mV", "float", None, unit="mV", minimum=-1000, maximum=1000, allow_none=True,
              applies_to="spiking neuron",
              doc="Highest potential: after each step v is lowered to this if above; null: no bound."),
    ParamSpec("pattern", "choice", "regular", choices=GENERATOR_PATTERNS, applies_to="generator",
              doc="`regular`: evenly spaced spikes; `poisson`: random spikes at the mean rate; "
                  "`dc`: no spikes, a constant current (weight × 1) along each synapse; "
                  "`ac`: no spikes, an alternating current (weight × sin 2π·f·t)."),
    ParamSpec("rate_hz", "float", 20.0, unit="Hz", minimum=0, maximum=5000,
              applies_to="generator, spiking input", doc="Spikes per second."),
    ParamSpec("start_ms", "float", 0.0, unit="ms", minimum=0, maximum=1e9,
              applies_to="generator, spiking input", doc="Time of the first spike (regular) or of the first possible spike (Poisson)."),
    ParamSpec("seed", "int", 0, minimum=0, maximum=2**32 - 1, applies_to="poisson generator",
              doc="Random seed: the same seed gives the same spikes."),
    ParamSpec("frequency_hz", "float", 10.0, unit="Hz", minimum=0, maximum=5000, applies_to="ac generator",
              doc="Frequency f of the alternating current."),
)

SYNAPSE_PARAMS: dict[str, ParamSpec] = _specs(
    ParamSpec("weight", "float", 1.0, minimum=-1e6, maximum=1e6, applies_to="all",
              doc="Synapse strength. Rate: w in Σ w·a. Spiking: the jump of the target's v, in mV "
                  "(a current synapse: the peak of its current as R·I, in mV)."),
    ParamSpec("kind", "choice", "delta", choices=SYNAPSE_KINDS, applies_to="spiking",
              doc="`delta`: each spike moves the target's v by w at once. `current_exp`: each spike "
                  "adds w to a synaptic current (as R·I, mV) that decays with tau_syn_ms. "
                  "`current_alpha`: the current rises and falls as an alpha function, peaking at w "
                  "tau_syn_ms after the spike arrives."),
    ParamSpec("tau_syn_ms", "float", 2.0, unit="ms", minimum=0.01, maximum=1e5, applies_to="current synapse",
              doc="Time constant of the synaptic current (current synapses)."),
    ParamSpec("delay_ms", "float", 1.0, unit="ms", minimum=0, maximum=1e4, applies_to="spiking",
              doc="Time from the presynaptic spike to its arrival at the target."),
    ParamSpec("plasticity", "plasticity", None, allow_none=True, applies_to="spiking",
              doc="A learning rule that changes the weight while the network runs: "
                  "null (none) or an STDP object (see Plasticity)."),
)

PLASTICITY_RULES = ("stdp",)

#: The fields of an STDP rule: weights and amplitudes in the unit of the weight (mV), times in ms.
STDP_PARAMS: dict[str, ParamSpec] = _specs(
    ParamSpec("A_pre", "float", 1.0, minimum=-1e6, maximum=1e6, applies_to="stdp",
              doc="Added to the presynaptic trace apre at each presynaptic spike's arrival."),
    ParamSpec("A_post", "float", -1.05, minimum=-1e6, maximum=1e6, applies_to="stdp",
              doc="Added to the postsynaptic trace apost at each postsynaptic spike."),
    ParamSpec("tau_pre_ms", "float", 20.0, unit="ms", minimum=0.01, maximum=1e5, applies_to="stdp",
              doc="Time constant of the decay of apre."),
    ParamSpec("tau_post_ms", "float", 20.0, unit="ms", minimum=0.01, maximum=1e5, applies_to="stdp",
              doc="Time constant of the decay of apost."),
    ParamSpec("w_min", "float", 0.0, minimum=-1e6, maximum=1e6, applies_to="stdp",
              doc="The weight never falls below this."),
    ParamSpec("w_max", "float", 10.0, minimum=-1e6, maximum=1e6, applies_to="stdp",
              doc="The weight never rises above this."),
)


@dataclass(frozen=True)
class Stdp:
    """Pair-based spike-timing-dependent plasticity, Brian2's standard model (docs/learning.md).

    Traces apre, apost decay with tau_pre_ms, tau_post_ms. When a presynaptic spike arrives:
    v_post += w, apre += A_pre, w ← clip(w + apost, w_min, w_max); when the postsynaptic cell
    fires: apost += A_post, w ← clip(w + apre, w_min, w_max).
    """

    A_pre: float = 1.0
    A_post: float = -1.05
    tau_pre_ms: float = 20.0
    tau_post_ms: float = 20.0
    w_min: float = 0.0
    w_max: float = 10.0
    rule: ClassVar[str] = "stdp"

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, **{name: getattr(self, name) for name in STDP_PARAMS}}

    def replaced(self, name: str, value: Any) -> Stdp:
        """A copy with one field changed, validated as a whole (w_min ≤ w_max)."""
        return validate_plasticity({**self.to_dict(), name: value}, name)


def validate_plasticity(value: Any, place: str = "plasticity") -> Stdp | None:
    """A synapse's plasticity: None, an Stdp, or a file's object {"rule": "stdp", …} (the missing
    fields take their defaults)."""
    if value is None:
        return None
    if isinstance(value, Stdp):  # checked like a file's object: each field's range, then the bounds
        value = value.to_dict()
    if not isinstance(value, dict):
        raise ModelError("expected a plasticity object or null, got {value}", place=place,
                         value=_show(value))
    if "rule" not in value:
        raise ModelError("the field {name!r} is missing", place=place, name="rule")
    rule = value["rule"]
    if not isinstance(rule, str) or rule not in PLASTICITY_RULES:
        raise ModelError("unknown value {value}; expected one of {options}", place=f"{place}.rule",
                         value=_show(rule), options=", ".join(PLASTICITY_RULES))
    fields_ = {}
    for name, item in value.items():
        if name == "rule":
            continue
        spec = STDP_PARAMS.get(name)
        if spec is None:
            raise ModelError("unknown field {name}", place=place, name=_show(name))
        fields_[name] = spec.validate(item, f"{place}.{name}")
    rule_ = Stdp(**fields_)
    _check_bounds(rule_.w_min, rule_.w_max, place)
    return rule_


def check_learning_fits_kind(kind: str, plasticity: Stdp | None, source: str, target: str) -> None:
    """STDP is defined for delta synapses only: its weight is the jump of v it changes."""
    if plasticity is not None and kind != "delta":
        raise ModelError("the synapse {source} → {target} is a {kind} synapse; only delta synapses "
                         "can learn (STDP)", place="plasticity", source=source, target=target, kind=kind)


def _check_bounds(w_min: float, w_max: float, place: str) -> None:
    if w_min > w_max:
        raise ModelError("w_min {w_min:g} is above w_max {w_max:g}", place=place, w_min=w_min, w_max=w_max)

NETWORK_PARAMS: dict[str, ParamSpec] = _specs(
    ParamSpec("name", "str", "", doc="Title of the network."),
    ParamSpec("description", "str", "", maximum=20000, doc="What the network shows and what to try."),
    ParamSpec("model", "choice", "rate", choices=MODELS,
              doc="`rate`: artificial neurons a = f(Σ w·a − θ). `spiking`: leaky integrate-and-fire."),
    ParamSpec("update", "choice", "feedforward", choices=UPDATE_SCHEMES,
              doc="Rate model only. `feedforward`: one pass in layer order per step; "
                  "`synchronous`: all neurons update at once from the previous step."),
    ParamSpec("dt_ms", "float", 0.1, unit="ms", minimum=0.001, maximum=10, doc="Spiking time step."),
)


def validate_id(value: Any, place: str = "id") -> str:
    if not isinstance(value, str):
        raise ModelError("expected text, got {value}", place=place, value=_show(value))
    if not _ID_PATTERN.fullmatch(value):  # (a $ would let a final line break through)
        raise ModelError("{value} is not a valid id (1-64 letters, digits, '_', '-', '.', ':')",
                         place=place, value=_show(value))
    return value
