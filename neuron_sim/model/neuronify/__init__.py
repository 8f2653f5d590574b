"""Neuronify's .nfy circuits: read them as a neuron-sim network with its meters, notes and view
(`load_nfy`), and write a spiking network as a Neuronify file (`save_nfy`). Qt-free.

docs/neuronify.md says what maps to what and what neuron-sim leaves out.
"""

from __future__ import annotations

import os

from neuron_sim.model.entities import ModelError
from neuron_sim.model.file_reading import NetworkFileError, decoded_text, read_named_file
from neuron_sim.model.neuronify.mapping import to_import
from neuron_sim.model.neuronify.reader import parse_document
from neuron_sim.model.neuronify.records import Meter, NeuronifyImport, NeuronifyNotice, WorkspaceView
from neuron_sim.model.neuronify.writer import NeuronifyExport, encode_nfy, save_nfy, to_nfy

__all__ = ["Meter", "NeuronifyExport", "NeuronifyImport", "NeuronifyNotice", "WorkspaceView",
           "encode_nfy", "is_nfy", "load_nfy", "loads_nfy", "save_nfy", "to_nfy"]


def is_nfy(path: str | os.PathLike) -> bool:
    return str(path).lower().endswith(".nfy")


def load_nfy(path: str | os.PathLike) -> NeuronifyImport:
    """The circuit of a Neuronify file; NetworkFileError names the file, the place and the problem."""
    path, raw = read_named_file(path)
    return loads_nfy(raw, path, name=path.stem)


def loads_nfy(raw: str | bytes, path: str | os.PathLike | None = None, name: str = "") -> NeuronifyImport:
    text = decoded_text(raw, path)
    try:
        return to_import(parse_document(text), name=name[:200])
    except NetworkFileError as error:
        raise NetworkFileError(error, path) from None
    except ModelError as error:
        raise NetworkFileError(error, path) from None
