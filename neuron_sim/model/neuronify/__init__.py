"""Neuronify's .nfy circuits: read them as a neuron-sim network with its meters, notes and view
(`load_nfy`), and write a spiking network as a Neuronify file (`save_nfy`). Qt-free.

docs/neuronify.md says what maps to what and what neuron-sim leaves out.
"""

from __future__ import annotations

import os
from pathlib import Path

from neuron_sim.model.entities import ModelError
from neuron_sim.model.file_reading import MAX_FILE_BYTES, NetworkFileError, read_regular_file, too_large
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
    if not str(path).strip():
        raise NetworkFileError("no file name was given")
    path = Path(path)
    try:
        raw = read_regular_file(path)
    except IsADirectoryError:
        raise NetworkFileError("is a folder, not a network file", path) from None
    except FileNotFoundError:
        raise NetworkFileError("no such file", path) from None
    except PermissionError:
        raise NetworkFileError("permission denied", path) from None
    except OSError as error:
        raise NetworkFileError("could not read: {reason:w}", path, reason=error.strerror or error) from None
    except ValueError as error:  # e.g. a NUL character in the path
        raise NetworkFileError("could not read: {reason:w}", path, reason=error) from None
    return loads_nfy(raw, path, name=path.stem)


def loads_nfy(raw: str | bytes, path: str | os.PathLike | None = None, name: str = "") -> NeuronifyImport:
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise too_large(len(raw), path)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise NetworkFileError("not UTF-8 text (bad byte at offset {offset})", path, offset=error.start) from None
    else:
        text = raw
        if len(text) > MAX_FILE_BYTES:
            raise too_large(None, path)
    if not text.strip():
        raise NetworkFileError("the file is empty", path)
    try:
        return to_import(parse_document(text), name=name[:200])
    except NetworkFileError as error:
        raise NetworkFileError(error, path) from None
    except ModelError as error:
        raise NetworkFileError(error, path) from None
