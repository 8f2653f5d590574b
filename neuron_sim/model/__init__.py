"""The Qt-free model: networks, validation, file format and the rate and spiking engines.

The names below are imported when first used (PEP 562), not with the package: importing a light
module of the model (a lesson's outline, for the start page) then costs no numpy, so the app's
first screen can paint before the engines are loaded (ui/window/first_screen.py).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from neuron_sim.model.entities import ModelError, Neuron, Synapse
    from neuron_sim.model.network import CycleError, Network
    from neuron_sim.model.notes import Note

_HOMES = {"ModelError": "entities", "Neuron": "entities", "Synapse": "entities",
          "CycleError": "network", "Network": "network", "Note": "notes"}

__all__ = ["CycleError", "ModelError", "Network", "Neuron", "Note", "Synapse"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
