"""Training a rate network on examples (docs/learning.md): data sets, the perceptron rule and backprop."""

from neuron_sim.model.training.data import (
    BUILT_IN,
    BoundData,
    Dataset,
    TrainingError,
    bind,
    built_in,
    load_data,
    parse_csv,
    read_csv,
)
from neuron_sim.model.training.trainer import EpochResult, TrainConfig, Trainer, Update

__all__ = ["BUILT_IN", "BoundData", "Dataset", "EpochResult", "TrainConfig", "Trainer", "TrainingError", "Update",
           "bind", "built_in", "load_data", "parse_csv", "read_csv"]
