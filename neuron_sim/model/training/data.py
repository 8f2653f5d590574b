"""Examples to learn from: truth tables, the 2-D sets teachers know from the TensorFlow Playground,
and the user's own CSV file. Qt-free; every bad file is refused with one message naming its row
and column, before anything is trained.

A data set is bound to a network (`bind`): its input columns feed input neurons, its target columns
belong to output neurons (computing neurons with no outgoing synapse).
"""

from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from neuron_sim.model.entities import ModelError
from neuron_sim.model.network import Network


class TrainingError(ModelError):
    """Bad data, a network that cannot be trained this way, or a run that diverged."""


TRUTH_TABLES = {
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
    "xor": (0, 1, 1, 0),
}
PLANE_SETS = ("blobs", "circle", "xor-quadrants", "spiral")
BUILT_IN = (*TRUTH_TABLES, *PLANE_SETS)

DEFAULT_SAMPLES = 200
MAX_SAMPLES = 1_000_000
MAX_CSV_BYTES = 50 * 1024 * 1024


@dataclass
class Dataset:
    """P examples: `inputs[p]` are the values of the `input_names` columns, `targets[p]` of `target_names`.

    Names are what the data calls its columns; `bind` maps them to neuron ids.
    """

    name: str
    input_names: list[str]
    target_names: list[str]
    inputs: np.ndarray  # (P, len(input_names)), float64
    targets: np.ndarray  # (P, len(target_names)), float64

    @property
    def size(self) -> int:
        return self.inputs.shape[0]

    @property
    def is_classification(self) -> bool:
        """Every target is 0 or 1: accuracy is meaningful (an output counts as 1 when a ≥ 0.5)."""
        return bool(np.all((self.targets == 0.0) | (self.targets == 1.0)))


@dataclass
class BoundData:
    """A data set attached to a network: which neuron each column feeds or is the target of."""

    dataset: Dataset
    input_ids: list[str]  # neuron ids of the input columns, in column order
    output_ids: list[str]  # neuron ids of the target columns, in column order

    @property
    def inputs(self) -> np.ndarray:
        return self.dataset.inputs

    @property
    def targets(self) -> np.ndarray:
        return self.dataset.targets


# ---- built-in sets -----------------------------------------------------------------------------
def truth_table(name: str) -> Dataset:
    """The four rows 00, 01, 10, 11 of a two-input gate, targets 0 or 1."""
    rows = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    targets = np.array(TRUTH_TABLES[name], dtype=float).reshape(4, 1)
    return Dataset(name, ["x1", "x2"], ["y"], rows, targets)


def plane_set(name: str, samples: int = DEFAULT_SAMPLES, noise: float = 0.0, seed: int = 0) -> Dataset:
    """A 2-D classification set in the square [-1, 1]² (roughly), half of each class, in random order.

    `noise` is the standard deviation of Gaussian jitter added to every coordinate after the label
    is chosen (0: clean sets). The same name, samples, noise and seed give the same set.
    """
    if not isinstance(samples, int) or isinstance(samples, bool) or not 2 <= samples <= MAX_SAMPLES:
        raise TrainingError("the number of samples must be a whole number from 2 to {limit}, not {value}",
                            limit=MAX_SAMPLES, value=samples)
    if not (math.isfinite(noise) and 0.0 <= noise <= 10.0):
        raise TrainingError("the noise must be between 0 and 10, not {value}", value=noise)
    rng = np.random.default_rng(seed)
    ones = samples // 2
    labels = np.concatenate([np.zeros(samples - ones), np.ones(ones)])
    points = _PLANE_MAKERS[name](rng, labels)
    order = rng.permutation(samples)
    points, labels = points[order], labels[order]
    if noise > 0:  # drawn last, so that the same seed gives the same set, only jittered
        points = points + rng.normal(0.0, noise, points.shape)
    return Dataset(name, ["x1", "x2"], ["y"], points, labels.reshape(-1, 1))


def _blobs(rng: np.random.Generator, labels: np.ndarray) -> np.ndarray:
    # Class 1 around (0.5, 0.5), class 0 around (-0.5, -0.5), each with spread 0.25.
    centres = np.where(labels[:, None] == 1.0, 0.5, -0.5)
    return centres + rng.normal(0.0, 0.25, (labels.size, 2))


def _circle(rng: np.random.Generator, labels: np.ndarray) -> np.ndarray:
    # Class 1 inside the radius 0.5, class 0 on a ring from 0.7 to 1.
    radius = np.where(labels == 1.0, rng.uniform(0.0, 0.5, labels.size), rng.uniform(0.7, 1.0, labels.size))
    angle = rng.uniform(0.0, 2.0 * np.pi, labels.size)
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])


def _xor_quadrants(rng: np.random.Generator, labels: np.ndarray) -> np.ndarray:
    # Class 1 where exactly one coordinate is positive (x1·x2 < 0), as XOR; 0.05 clear of the axes.
    magnitude = rng.uniform(0.05, 1.0, (labels.size, 2))
    first = rng.choice([-1.0, 1.0], labels.size)
    second = np.where(labels == 1.0, -first, first)
    return magnitude * np.column_stack([first, second])


def _spiral(rng: np.random.Generator, labels: np.ndarray) -> np.ndarray:
    # Two arms winding 1.75 turns out from the centre, the class-1 arm turned by half a turn.
    progress = rng.uniform(0.0, 1.0, labels.size)
    angle = 1.75 * 2.0 * np.pi * progress + np.pi * labels
    return np.column_stack([progress * np.sin(angle), progress * np.cos(angle)])


_PLANE_MAKERS = {"blobs": _blobs, "circle": _circle, "xor-quadrants": _xor_quadrants, "spiral": _spiral}


def built_in(name: str, samples: int = DEFAULT_SAMPLES, noise: float = 0.0, seed: int = 0) -> Dataset:
    if name in TRUTH_TABLES:
        return truth_table(name)
    if name in _PLANE_MAKERS:
        return plane_set(name, samples, noise, seed)
    raise TrainingError("unknown data set {name}; expected one of {options} or a .csv file",
                        name=name, options=", ".join(BUILT_IN))


# ---- binding to a network ----------------------------------------------------------------------
def output_ids(network: Network) -> list[str]:
    """The computing neurons with no outgoing synapse, in file order."""
    sources = {source for source, _ in network.synapses}
    return [n.id for n in network if n.kind == "neuron" and n.id not in sources]


def input_ids(network: Network) -> list[str]:
    return [n.id for n in network if n.kind == "input"]


def bind(dataset: Dataset, network: Network) -> BoundData:
    """A built-in set feeds the network's inputs in file order and targets its outputs in file order."""
    inputs, outputs = input_ids(network), output_ids(network)
    if len(inputs) != len(dataset.input_names) or len(outputs) != len(dataset.target_names):
        raise TrainingError("the data set {name} needs a network with {need_in} inputs and {need_out} output "
                            "(a computing neuron with no outgoing synapse); this network's inputs are {inputs} and "
                            "its outputs {outputs}", name=dataset.name, need_in=len(dataset.input_names),
                            need_out=len(dataset.target_names), inputs=_labels(network, inputs),
                            outputs=_labels(network, outputs))
    return BoundData(dataset, inputs, outputs)


def _labels(network: Network, ids: list[str]) -> str:
    return ", ".join(network.neurons[nid].label for nid in ids) if ids else "none"


def load_data(spec: str, network: Network, samples: int = DEFAULT_SAMPLES, noise: float = 0.0,
              seed: int = 0) -> BoundData:
    """A built-in set by name (and, for the 2-D sets, samples, noise and seed), else a CSV file's path."""
    if spec in BUILT_IN:
        return bind(built_in(spec, samples, noise, seed), network)
    if spec.lower().endswith(".csv") or os.path.exists(spec):
        return read_csv(spec, network)
    raise TrainingError("unknown data set {name}; expected one of {options} or a .csv file",
                        name=spec, options=", ".join(BUILT_IN))


# ---- the user's CSV ----------------------------------------------------------------------------
def read_csv(path: str | os.PathLike, network: Network) -> BoundData:
    """Read a CSV file of examples for `network`. Refuses a bad file with TrainingError (place: the file)."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_CSV_BYTES + 1)
    except IsADirectoryError:
        raise TrainingError("is a folder, not a data file", place=str(path)) from None
    except FileNotFoundError:
        raise TrainingError("no such file", place=str(path)) from None
    except PermissionError:
        raise TrainingError("permission denied", place=str(path)) from None
    except OSError as error:
        raise TrainingError("could not read: {reason:w}", place=str(path), reason=error.strerror or error) from None
    except ValueError as error:  # e.g. a NUL character in the path
        raise TrainingError("could not read: {reason:w}", place=str(path), reason=error) from None
    if len(raw) > MAX_CSV_BYTES:
        raise TrainingError("the data file is larger than {limit} MB", place=str(path),
                            limit=MAX_CSV_BYTES // (1024 * 1024))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TrainingError("not UTF-8 text (bad byte at offset {offset})", place=str(path),
                            offset=error.start) from None
    try:
        return parse_csv(text, network, name=path.stem)
    except TrainingError as error:
        raise TrainingError(error, place=str(path)) from None


def parse_csv(text: str, network: Network, name: str = "data") -> BoundData:
    """Examples from CSV text: a header naming neurons by id or label, then one example per row.

    Rows are numbered as a spreadsheet numbers them (the header is row 1), columns from 1. Blank
    lines are skipped. Input neurons the header does not name keep their value.
    """
    if "\0" in text:
        raise TrainingError("the data file holds a NUL character; it is not a text file")
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            raise TrainingError("row {row} is not valid CSV (check its quotes)",
                                row=reader.line_num) from None
        if any(cell.strip() for cell in row):
            rows.append((reader.line_num, row))
    if not rows:
        raise TrainingError("the data file is empty")
    header_row, header = rows[0]
    columns = [cell.strip() for cell in header]
    ids, is_input = _match_columns(columns, network, header_row)
    examples = rows[1:]
    if not examples:
        raise TrainingError("the data file has a header but no examples")
    values = np.empty((len(examples), len(columns)))
    for k, (number, row) in enumerate(examples):
        if len(row) != len(columns):
            raise TrainingError("row {row} has {count} values, the header {expected}",
                                row=number, count=len(row), expected=len(columns))
        for c, cell in enumerate(row):
            values[k, c] = _number(cell, number, c + 1, columns[c])
    inputs = [c for c in range(len(columns)) if is_input[c]]
    targets = [c for c in range(len(columns)) if not is_input[c]]
    dataset = Dataset(name, [columns[c] for c in inputs], [columns[c] for c in targets],
                      values[:, inputs], values[:, targets])
    return BoundData(dataset, [ids[c] for c in inputs], [ids[c] for c in targets])


def _match_columns(columns: list[str], network: Network, header_row: int) -> tuple[list[str], list[bool]]:
    outputs = set(output_ids(network))
    by_label: dict[str, list[str]] = {}
    for neuron in network:
        by_label.setdefault(neuron.label, []).append(neuron.id)
    ids: list[str] = []
    is_input: list[bool] = []
    first_column: dict[str, int] = {}
    for c, column in enumerate(columns, start=1):
        if not column:
            raise TrainingError("row {row}, column {column}: the header cell is empty; "
                                "it must name an input or output neuron", row=header_row, column=c)
        if column in network.neurons:
            nid = column
        elif len(by_label.get(column, ())) == 1:
            nid = by_label[column][0]
        elif column in by_label:
            raise TrainingError("row {row}, column {column}: {name} is the label of several neurons; "
                                "name the column by a neuron's id", row=header_row, column=c, name=column)
        else:
            raise TrainingError("row {row}, column {column}: {name} names no neuron of the network",
                                row=header_row, column=c, name=column)
        neuron = network.neurons[nid]
        if neuron.kind != "input" and nid not in outputs:
            raise TrainingError("row {row}, column {column}: {name} is a hidden neuron; a column names an "
                                "input or an output (a neuron with no outgoing synapse)",
                                row=header_row, column=c, name=column)
        if nid in first_column:
            raise TrainingError("row {row}, column {column}: {name} is named twice (also in column {first})",
                                row=header_row, column=c, name=column, first=first_column[nid])
        first_column[nid] = c
        ids.append(nid)
        is_input.append(neuron.kind == "input")
    if not any(is_input):
        raise TrainingError("row {row}: no column names an input neuron", row=header_row)
    if all(is_input):
        raise TrainingError("row {row}: no column names an output neuron (a computing neuron with no "
                            "outgoing synapse)", row=header_row)
    return ids, is_input


def _number(cell: str, row: int, column: int, name: str) -> float:
    text = cell.strip()
    if not text:
        raise TrainingError("row {row}, column {column} ({name}) is empty", row=row, column=column, name=name)
    try:
        value = float(text)
    except ValueError:
        raise TrainingError("row {row}, column {column} ({name}): {value} is not a number",
                            row=row, column=column, name=name, value=_shown(text)) from None
    if not math.isfinite(value) or abs(value) > 1e6:
        raise TrainingError("row {row}, column {column} ({name}): {value} is not a number from -1e6 to 1e6",
                            row=row, column=column, name=name, value=_shown(text))
    return value


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")
