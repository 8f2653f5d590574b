"""The weights into a group of rate neurons as one matrix: Σ_j w_ji · a_j for the whole group at once.

A feedforward layer (or all computing neurons, for a synchronous tick) gets one matrix, built once
per engine. It is dense (one BLAS matrix-vector product) unless few of its entries are synapses;
then it is compressed rows (CSR) evaluated with numpy: a gather (`np.take`), a product and
`np.add.reduceat`. The crossover, measured on one core at 1,000 × 1,000: a dense entry costs
~0.13 ns and a stored synapse ~1.2 ns, so a matrix is dense from 1/8 of its entries on (and never
above DENSE_LIMIT entries, whatever its density).
"""

from __future__ import annotations

import numpy as np

#: a matrix with at least this share of its entries as synapses is stored dense
DENSE_SHARE = 1 / 8
#: entries (8 bytes each) above which a matrix is always compressed: 16 M entries = 128 MB
DENSE_LIMIT = 16_000_000


def contiguous(indices: np.ndarray) -> slice | np.ndarray:
    """`indices` as a slice when they are a run of consecutive numbers (a view, no gather)."""
    if indices.size and indices[-1] - indices[0] == indices.size - 1 and np.all(np.diff(indices) == 1):
        return slice(int(indices[0]), int(indices[-1]) + 1)
    return indices


class WeightMatrix:
    """w[target, source] for the synapses into `rows` neurons, from the `sources` they read.

    `slots[k]` is where synapse k (of the synapses given) lives in `values`, so that a weight edit
    is one store; `values` is the dense matrix's flat view or the CSR data.
    """

    def __init__(self, rows: int, local_target: np.ndarray, source: np.ndarray, weight: np.ndarray):
        self.rows = rows
        used = np.unique(source)
        self.sources = contiguous(used)
        columns = np.searchsorted(used, source)
        self.dense = local_target.size >= DENSE_SHARE * rows * used.size and rows * used.size <= DENSE_LIMIT
        if self.dense:
            self.matrix = np.zeros((rows, used.size))
            self.values = self.matrix.reshape(-1)  # a view: edits reach the matrix
            self.slots = local_target * used.size + columns
            self.values[self.slots] = weight
            return
        order = np.lexsort((columns, local_target))
        self.slots = np.empty(order.size, dtype=np.intp)
        self.slots[order] = np.arange(order.size)
        self.values = weight[order].astype(float)
        self.columns = columns[order]
        counts = np.bincount(local_target, minlength=rows)
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        self.filled = np.flatnonzero(counts)  # rows with a synapse (reduceat needs non-empty runs)
        self.starts = starts[self.filled]
        self.every_row_filled = self.filled.size == rows
        self.products = np.empty(order.size)

    def set(self, k: int, weight: float) -> None:
        self.values[self.slots[k]] = weight

    def sums(self, activity: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """Σ_j w_ij · a_j for each row i, reading the sources' outputs from `activity`; written into
        `out` if given (it must not overlap `activity`)."""
        x = activity[self.sources]
        if self.dense:
            return np.matmul(self.matrix, x, out=out)
        out = np.empty(self.rows) if out is None else out
        if not self.values.size:
            out.fill(0.0)
            return out
        np.take(x, self.columns, out=self.products)  # 1.5x faster than x[self.columns]
        np.multiply(self.products, self.values, out=self.products)
        if self.every_row_filled:
            return np.add.reduceat(self.products, self.starts, out=out)
        out.fill(0.0)
        out[self.filled] = np.add.reduceat(self.products, self.starts)
        return out
