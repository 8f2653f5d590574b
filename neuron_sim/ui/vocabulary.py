"""The words the inspector and dialogs show, pairing biology and deep learning, all through tr()."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject


class Vocabulary(QObject):
    """Labels, choice names and help texts by parameter key (translation context "Vocabulary")."""

    def label(self, key: str) -> str:
        labels = {
            "id": self.tr("Id"),
            "label": self.tr("Label"),
            "kind": self.tr("Kind (cell type)"),
            "activation": self.tr("Activation function (firing rule)"),
            "threshold": self.tr("Threshold θ (bias b = −θ)"),
            "bias": self.tr("Bias b = −θ"),
            "value": self.tr("Input value (signal on the dendrite)"),
            "sensor": self.tr("Sensor (input value)"),
            "tau_ms": self.tr("Membrane time constant τ"),
            "v_rest_mV": self.tr("Resting potential"),
            "v_reset_mV": self.tr("Reset potential (after a spike)"),
            "v_threshold_mV": self.tr("Firing threshold (spike threshold)"),
            "refractory_ms": self.tr("Refractory period"),
            "drive_mV": self.tr("Constant drive (input current)"),
            "v_mV": self.tr("Initial membrane potential"),
            "pattern": self.tr("Spike pattern"),
            "rate_hz": self.tr("Firing rate"),
            "start_ms": self.tr("First spike at"),
            "seed": self.tr("Random seed"),
            "ends": self.tr("Connects (axon → dendrite)"),
            "weight": self.tr("Weight (synapse strength)"),
            "delay_ms": self.tr("Delay (axon conduction time)"),
            "name": self.tr("Name"),
            "description": self.tr("Description"),
            "model": self.tr("Model (neuron type)"),
            "update": self.tr("Update scheme"),
            "dt_ms": self.tr("Time step dt"),
            "count": self.tr("Number of neurons"),
        }
        return labels.get(key, key)

    def choice(self, key: str, choice: str) -> str:
        texts = {
            ("kind", "input"): self.tr("input (sensor / feature)"),
            ("kind", "neuron"): self.tr("neuron (unit)"),
            ("kind", "generator"): self.tr("generator (spike source)"),
            ("activation", "step"): self.tr("step (all-or-nothing firing)"),
            ("activation", "sigmoid"): self.tr("sigmoid (logistic)"),
            ("activation", "tanh"): self.tr("tanh"),
            ("activation", "relu"): self.tr("ReLU (rectifier)"),
            ("activation", "linear"): self.tr("linear (identity)"),
            ("pattern", "regular"): self.tr("regular (evenly spaced)"),
            ("pattern", "poisson"): self.tr("Poisson (random)"),
            ("model", "rate"): self.tr("rate (artificial neurons)"),
            ("model", "spiking"): self.tr("spiking (integrate-and-fire)"),
            ("update", "feedforward"): self.tr("feedforward (layer by layer)"),
            ("update", "synchronous"): self.tr("synchronous (all at once)"),
        }
        return texts.get((key, choice), choice)

    def neuron_title(self, kind: str, label: str) -> str:
        titles = {"input": self.tr("Input {label}"), "neuron": self.tr("Neuron {label}"),
                  "generator": self.tr("Generator {label}")}
        return titles.get(kind, "{label}").format(label=label)

    def help(self, key: str, doc: str, low: float | None = None, high: float | None = None,
             unit: str = "") -> str:
        """A field's tooltip: the spec's doc (translated at run time), then its range if numeric."""
        special = {
            "id": self.tr("The neuron's permanent name in the file; it cannot be changed."),
            "ends": self.tr("The presynaptic neuron (its axon) and the postsynaptic neuron (its dendrite)."),
            "bias": self.tr("Deep learning writes f(Σ w·a + b); editing the bias b sets the threshold θ = −b."),
        }
        text = special.get(key) or QCoreApplication.translate("ParamSpec", doc)
        if low is not None and high is not None:
            text += "\n" + self.tr("From {low:g} to {high:g} {unit}").format(
                low=low, high=high, unit=unit).rstrip()
        return text
