"""The inspector's STDP section: whether the selected synapses learn by spike timing, and the six
numbers of their rule (A_pre, A_post, τ_pre, τ_post, w_min, w_max).

A synapse's `plasticity` is one parameter holding a whole rule (entities.Stdp); each field here
reads and edits one part of it, so that every change is one undoable SetSynapseParamCommand.
"""

from __future__ import annotations

from typing import Any

from neuron_sim.model.entities import STDP_PARAMS, SYNAPSE_PARAMS, Stdp
from neuron_sim.ui.panels.fields import CheckField, Field, FloatField

STDP_STEPS = {"A_pre": 0.1, "A_post": 0.1, "tau_pre_ms": 1.0, "tau_post_ms": 1.0, "w_min": 0.5, "w_max": 0.5}


class LearnsField(CheckField):
    """On: the synapse learns by STDP (a new rule takes the defaults); off: its weight stays."""

    def __init__(self, text: str):
        super().__init__("learns", SYNAPSE_PARAMS["plasticity"], text=text)

    def read(self, obj: Any) -> Any:
        return 0.0 if obj.plasticity is None else 1.0

    def param_value(self, obj: Any, value: Any) -> Any:
        return (obj.plasticity or Stdp()) if value else None


class StdpNumberField(FloatField):
    """One number of the rule; the other five stay as they are."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(name, STDP_PARAMS[name], "plasticity", step=STDP_STEPS[name])

    def read(self, obj: Any) -> Any:
        return getattr(obj.plasticity, self.name) if obj.plasticity is not None else None

    def param_value(self, obj: Any, value: Any) -> Any:
        return (obj.plasticity or Stdp()).replaced(self.name, value)


def stdp_fields(synapses: list[Any], learns_text: str) -> list[Field]:
    """The section's fields for these synapses: the switch, and the numbers when all learn."""
    fields: list[Field] = [LearnsField(learns_text)]
    if synapses and all(s.plasticity is not None for s in synapses):
        fields += [StdpNumberField(name) for name in STDP_PARAMS]
    return fields
