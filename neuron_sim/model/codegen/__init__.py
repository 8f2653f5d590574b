"""A network as a script for another framework: Keras and PyTorch (rate), Brian2 and PyNN (spiking).

`generate(network, target, options)` returns a CodeExport: the text of a self-contained Python
script that, run with `python`, prints as its last line the JSON `neuron-sim simulate` prints for
the same network and steps, and the notes a reader should know (also at the top of the script).
It is Qt-free and quick enough to call on every edit of a classroom-sized network. A network that
a target cannot express raises ModelError naming the neuron or synapse and the reason.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from neuron_sim.model.codegen.brian2 import generate_brian2
from neuron_sim.model.codegen.common import CodeExport, ExportOptions, Note, check_language
from neuron_sim.model.codegen.keras import generate_keras
from neuron_sim.model.codegen.pynn import generate_pynn
from neuron_sim.model.codegen.pytorch import generate_pytorch
from neuron_sim.model.atomic_write import write_atomically
from neuron_sim.model.entities import CURRENT_PATTERNS, ModelError
from neuron_sim.model.fileformat import NetworkFileError
from neuron_sim.model.network import Network

GENERATORS: dict[str, Callable[[Network, ExportOptions], CodeExport]] = {
    "keras": generate_keras,
    "pytorch": generate_pytorch,
    "brian2": generate_brian2,
    "pynn": generate_pynn,
}
TARGETS = tuple(GENERATORS)


def generate(network: Network, target: str, options: ExportOptions | None = None) -> CodeExport:
    options = options or ExportOptions()
    generator = GENERATORS.get(target)
    if generator is None:
        raise ModelError("unknown value {value}; expected one of {options}", place="target", value=target,
                         options=", ".join(TARGETS))
    check_language(options.lang)
    learning = next((s for s in network.synapses.values() if s.plasticity is not None), None)
    if learning is not None:  # a script without the rule would silently compute something else
        raise ModelError("{target} export does not carry plasticity yet: synapse {source} → {target_id} learns "
                         "with STDP", place="target", target=target, source=learning.source,
                         target_id=learning.target)
    if network.model == "spiking" and target == "pynn":
        _refuse_currents(network, "PyNN")
    return generator(network, options)


def _refuse_currents(network: Network, target: str) -> None:
    """A script without them would silently compute something else."""
    current = next((s for s in network.synapses.values() if s.kind != "delta"), None)
    if current is not None:
        raise ModelError("{target} export does not carry current synapses yet: synapse {source} → {target_id} "
                         "is a {kind} synapse", place="target", target=target, source=current.source,
                         target_id=current.target, kind=current.kind)
    for neuron in network.neurons.values():
        if neuron.kind == "generator" and neuron.pattern in CURRENT_PATTERNS:
            raise ModelError("{target} export does not carry current sources yet: generator {id} sends a current "
                             "({pattern})", place="target", target=target, id=neuron.id, pattern=neuron.pattern)
        if neuron.kind == "neuron" and neuron.adaptation > 0:
            raise ModelError("{target} export does not carry adaptation yet: {id} adapts", place="target",
                             target=target, id=neuron.id)
        if neuron.kind == "neuron" and (neuron.v_min_mV is not None or neuron.v_max_mV is not None):
            raise ModelError("{target} export does not carry bounds on v yet: {id} has v_min_mV or v_max_mV",
                             place="target", target=target, id=neuron.id)


def save(export: CodeExport, path: str | os.PathLike) -> None:
    """Write the script all at once (model/atomic_write.py): a failed write leaves `path` as it was."""
    try:
        write_atomically(path, export.text.encode("utf-8"))
    except OSError as error:
        raise NetworkFileError("could not save: {reason:w}", path, reason=error.strerror or error) from error
    except ValueError as error:  # e.g. a NUL character in the path
        raise NetworkFileError("could not save: {reason:w}", path, reason=error) from error


__all__ = ["TARGETS", "CodeExport", "ExportOptions", "Note", "generate", "save"]
