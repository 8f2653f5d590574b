"""The weights into a group of rate neurons as one matrix: Σ_j w_ji · a_j for the whole group at once.

A feedforward layer (or all computing neurons, for a synchronous tick) gets one matrix, built once
per engine. It is dense (one BLAS matrix-vector product) unless few of its entries are synapses;
then it is a scipy CSR matrix. The crossover, measured on one core: a dense entry costs
0.09–0.25 ns, a stored synapse 0.45 ns plus ~2 µs a product, so a matrix is dense from a fifth of
its entries on, or when it is small enough that the product's fixed cost dominates (and never above
DENSE_LIMIT entries, whatever its density). scipy is imported only when a compressed matrix is
built: it costs ~0.2 s, which a small network never pays.
"""

from __future__ import annotations

import numpy as np

#: a matrix with at least this share of its entries as synapses is stored dense
DENSE_SHARE = 1 / 5
#: a matrix of at most this many entries is stored dense whatever its density (~2 µs a product)
DENSE_ALWAYS = 20_000
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
    is one store; `values` is the dense matrix's flat view or the CSR matrix's data.
    """

    def __init__(self, rows: int, local_target: np.ndarray, source: np.ndarray, weight: np.ndarray):
        self.rows = rows
        used = np.unique(source)
        self.sources = contiguous(used)
        columns = np.searchsorted(used, source)
        entries = rows * used.size
        self.dense = entries <= DENSE_LIMIT and (entries <= DENSE_ALWAYS or local_target.size >= DENSE_SHARE * entries)
        if self.dense:
            self.matrix = np.zeros((rows, used.size))
            self.values = self.matrix.reshape(-1)  # a view: edits reach the matrix
            self.slots = local_target * used.size + columns
            self.values[self.slots] = weight
            return
        from scipy.sparse import csr_array

        order = np.lexsort((columns, local_target))
        self.slots = np.empty(order.size, dtype=np.intp)
        self.slots[order] = np.arange(order.size)
        starts = np.concatenate(([0], np.cumsum(np.bincount(local_target, minlength=rows))))
        self.matrix = csr_array((weight[order].astype(float), columns[order], starts), shape=(rows, used.size))
        self.values = self.matrix.data  # edits reach the matrix

    def set(self, k: int, weight: float) -> None:
        self.values[self.slots[k]] = weight

    def sums(self, activity: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """Σ_j w_ij · a_j for each row i, reading the sources' outputs from `activity`; written into
        `out` if given (it must not overlap `activity`)."""
        x = activity[self.sources]
        if self.dense:
            return np.dot(self.matrix, x, out=out)  # half np.matmul's call cost on small matrices
        if out is None:
            return self.matrix @ x
        np.copyto(out, self.matrix @ x)
        return out
