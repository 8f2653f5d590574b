"""Activation functions f(net) of the rate model and their derivatives, vectorised and overflow-free."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Array = np.ndarray


def step(net: Array) -> Array:
    """1 where net ≥ 0, else 0: the all-or-nothing firing of a threshold unit."""
    return (np.asarray(net) >= 0).astype(float)


def sigmoid(net: Array) -> Array:
    """Logistic 1 / (1 + e^−net), computed without overflow for any finite net."""
    net = np.asarray(net, dtype=float)
    # e^−|net| never overflows; the two branches are the same function. |net| is capped at 700 so
    # e^−|net| (≥ 1e−304) never underflows either: beyond that the result is already 0 or 1 to
    # double precision, apart from values below 1e−304 that no one can tell from 0.
    e = np.exp(-np.minimum(np.abs(net), _SIGMOID_CAP))
    return np.where(net >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


_SIGMOID_CAP = 700.0


def tanh(net: Array) -> Array:
    return np.tanh(np.asarray(net, dtype=float))


def relu(net: Array) -> Array:
    return np.maximum(np.asarray(net, dtype=float), 0.0)


def linear(net: Array) -> Array:
    return np.asarray(net, dtype=float).copy()


def step_derivative(net: Array) -> Array:
    return np.zeros_like(np.asarray(net, dtype=float))


def sigmoid_derivative(net: Array) -> Array:
    s = sigmoid(net)
    return s * (1.0 - s)


def tanh_derivative(net: Array) -> Array:
    t = np.tanh(np.asarray(net, dtype=float))
    return (1.0 - t) * (1.0 + t)  # 1 − t², without squaring a tiny t into an underflow


def relu_derivative(net: Array) -> Array:
    return (np.asarray(net) > 0).astype(float)


def linear_derivative(net: Array) -> Array:
    return np.ones_like(np.asarray(net, dtype=float))


ACTIVATIONS: dict[str, Callable[[Array], Array]] = {
    "step": step,
    "sigmoid": sigmoid,
    "tanh": tanh,
    "relu": relu,
    "linear": linear,
}

DERIVATIVES: dict[str, Callable[[Array], Array]] = {
    "step": step_derivative,
    "sigmoid": sigmoid_derivative,
    "tanh": tanh_derivative,
    "relu": relu_derivative,
    "linear": linear_derivative,
}

# Formula shown to students, by name.
FORMULAS: dict[str, str] = {
    "step": "f(x) = 1 if x ≥ 0 else 0",
    "sigmoid": "f(x) = 1 / (1 + e^−x)",
    "tanh": "f(x) = tanh(x)",
    "relu": "f(x) = max(0, x)",
    "linear": "f(x) = x",
}
