"""The words the inspector, tooltips and callouts show, pairing biology and deep learning, all through tr()."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from neuron_sim.model.editing import NEW_STEP_THRESHOLD

# The model is Qt-free, so its ParamSpec docs are English text; marked here for lupdate and
# translated where shown (Vocabulary.help). tests/ui/test_translations.py keeps this list equal
# to the model's docs.
PARAM_DOCS = (
    QT_TRANSLATE_NOOP("ParamSpec", "`input` holds a value the user sets; `neuron` computes; `generator` emits spikes."),
    QT_TRANSLATE_NOOP("ParamSpec", "Name shown on the canvas; defaults to the id."),
    QT_TRANSLATE_NOOP("ParamSpec", "Centre of the cell on the canvas, [x, y], y pointing down."),
    QT_TRANSLATE_NOOP("ParamSpec", "Rate model: the input's activation. Spiking model: the sensor is on "
                                   "(fires regularly at `rate_hz`) while the value is not 0."),
    QT_TRANSLATE_NOOP("ParamSpec", "Activation function f of a = f(Σ w·a − θ)."),
    QT_TRANSLATE_NOOP("ParamSpec", "θ, subtracted from the weighted sum (bias b = −θ)."),
    QT_TRANSLATE_NOOP("ParamSpec", "Membrane time constant τ."),
    QT_TRANSLATE_NOOP("ParamSpec", "Resting potential the membrane decays to."),
    QT_TRANSLATE_NOOP("ParamSpec", "Potential right after a spike."),
    QT_TRANSLATE_NOOP("ParamSpec", "The neuron fires when v reaches this."),
    QT_TRANSLATE_NOOP("ParamSpec", "After a spike, v is held and synaptic input is ignored for this long."),
    QT_TRANSLATE_NOOP("ParamSpec", "Constant input: the depolarisation v would hold at steady state "
                                   "(v → v_rest + drive)."),
    QT_TRANSLATE_NOOP("ParamSpec", "Initial membrane potential; defaults to v_rest_mV."),
    QT_TRANSLATE_NOOP("ParamSpec", "Spike-frequency adaptation: each spike adds this to the adaptation conductance "
                                   "(as R·g, no unit), which pulls v towards v_rest with −R·g·(v − v_rest); 0: none."),
    QT_TRANSLATE_NOOP("ParamSpec", "Time constant of the decay of the adaptation conductance."),
    QT_TRANSLATE_NOOP("ParamSpec", "Lowest potential: after each step v is raised to this if below; null: no bound."),
    QT_TRANSLATE_NOOP("ParamSpec", "Highest potential: after each step v is lowered to this if above; null: no bound."),
    QT_TRANSLATE_NOOP("ParamSpec", "`regular`: evenly spaced spikes; `poisson`: random spikes at the mean rate; "
                                   "`dc`: no spikes, a constant current (weight × 1) along each synapse; "
                                   "`ac`: no spikes, an alternating current (weight × sin 2π·f·t)."),
    QT_TRANSLATE_NOOP("ParamSpec", "Spikes per second."),
    QT_TRANSLATE_NOOP("ParamSpec", "Time of the first spike (regular) or of the first possible spike (Poisson)."),
    QT_TRANSLATE_NOOP("ParamSpec", "Random seed: the same seed gives the same spikes."),
    QT_TRANSLATE_NOOP("ParamSpec", "Frequency f of the alternating current."),
    QT_TRANSLATE_NOOP("ParamSpec", "Synapse strength. Rate: w in Σ w·a. Spiking: the jump of the target's v, in mV "
                                   "(a current synapse: the peak of its current as R·I, in mV)."),
    QT_TRANSLATE_NOOP("ParamSpec", "`delta`: each spike moves the target's v by w at once. `current_exp`: each spike "
                                   "adds w to a synaptic current (as R·I, mV) that decays with tau_syn_ms. "
                                   "`current_alpha`: the current rises and falls as an alpha function, peaking at w "
                                   "tau_syn_ms after the spike arrives."),
    QT_TRANSLATE_NOOP("ParamSpec", "Time constant of the synaptic current (current synapses)."),
    QT_TRANSLATE_NOOP("ParamSpec", "Time from the presynaptic spike to its arrival at the target."),
    QT_TRANSLATE_NOOP("ParamSpec", "A learning rule that changes the weight while the network runs: "
                                   "null (none) or an STDP object (see Plasticity)."),
    QT_TRANSLATE_NOOP("ParamSpec", "Added to the presynaptic trace apre at each presynaptic spike's arrival."),
    QT_TRANSLATE_NOOP("ParamSpec", "Added to the postsynaptic trace apost at each postsynaptic spike."),
    QT_TRANSLATE_NOOP("ParamSpec", "Time constant of the decay of apre."),
    QT_TRANSLATE_NOOP("ParamSpec", "Time constant of the decay of apost."),
    QT_TRANSLATE_NOOP("ParamSpec", "The weight never falls below this."),
    QT_TRANSLATE_NOOP("ParamSpec", "The weight never rises above this."),
    QT_TRANSLATE_NOOP("ParamSpec", "Title of the network."),
    QT_TRANSLATE_NOOP("ParamSpec", "What the network shows and what to try."),
    QT_TRANSLATE_NOOP("ParamSpec", "`rate`: artificial neurons a = f(Σ w·a − θ). `spiking`: leaky integrate-and-fire."),
    QT_TRANSLATE_NOOP("ParamSpec", "Rate model only. `feedforward`: one pass in layer order per step; "
                                   "`synchronous`: all neurons update at once from the previous step."),
    QT_TRANSLATE_NOOP("ParamSpec", "Spiking time step."),
)


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
            "adaptation": self.tr("Adaptation per spike (R·g)"),
            "tau_adaptation_ms": self.tr("Adaptation time constant"),
            "v_min_mV": self.tr("Lowest potential"),
            "v_max_mV": self.tr("Highest potential"),
            "pattern": self.tr("Output (spikes or current)"),
            "frequency_hz": self.tr("Frequency"),
            "rate_hz": self.tr("Firing rate"),
            "start_ms": self.tr("First spike at"),
            "seed": self.tr("Random seed"),
            "ends": self.tr("Connects (axon → dendrite)"),
            "weight": self.tr("Weight (synapse strength)"),
            "delay_ms": self.tr("Delay (axon conduction time)"),
            "synapse_kind": self.tr("Synapse type"),
            "tau_syn_ms": self.tr("Synaptic time constant τ_syn"),
            "learns": self.tr("Plasticity"),
            "A_pre": self.tr("A_pre (pre before post)"),
            "A_post": self.tr("A_post (post before pre)"),
            "tau_pre_ms": self.tr("τ_pre (trace apre)"),
            "tau_post_ms": self.tr("τ_post (trace apost)"),
            "w_min": self.tr("Lowest weight w_min"),
            "w_max": self.tr("Highest weight w_max"),
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
            ("pattern", "dc"): self.tr("DC current (constant)"),
            ("pattern", "ac"): self.tr("AC current (sine)"),
            ("synapse_kind", "delta"): self.tr("delta (v jumps by w)"),
            ("synapse_kind", "current_exp"): self.tr("current, decaying exponentially"),
            ("synapse_kind", "current_alpha"): self.tr("current, alpha function"),
            ("model", "rate"): self.tr("rate (artificial neurons)"),
            ("model", "spiking"): self.tr("spiking (integrate-and-fire)"),
            ("update", "feedforward"): self.tr("feedforward (layer by layer)"),
            ("update", "synchronous"): self.tr("synchronous (all at once)"),
        }
        return texts.get((key, choice), choice)

    def neuron_title(self, kind: str, label: str) -> str:
        titles = {"input": self.tr("Input %1"), "neuron": self.tr("Neuron %1"),
                  "generator": self.tr("Generator %1")}
        return titles.get(kind, "%1").replace("%1", label)

    def pairing(self, key: str) -> tuple[str, str] | None:
        """(biological name, artificial name) of what parameter `key` stands for, if it has both."""
        pairs = {
            "value": (self.tr("signal arriving on a dendrite"), self.tr("input x")),
            "sensor": (self.tr("sensory cell firing"), self.tr("input x = 1")),
            "weight": (self.tr("synapse strength"), self.tr("weight w")),
            "threshold": (self.tr("firing threshold"), self.tr("threshold θ = −bias")),
            "bias": (self.tr("firing threshold"), self.tr("bias b = −θ")),
            "activation": (self.tr("firing (how strongly the cell fires)"), self.tr("activation function f")),
            "ends": (self.tr("axon → dendrite"), self.tr("output → input")),
            "kind": (self.tr("sensory cell / nerve cell"), self.tr("input / unit")),
            "v_threshold_mV": (self.tr("spike threshold"), self.tr("threshold θ")),
            "drive_mV": (self.tr("input current"), self.tr("a constant input, like a bias")),
            "delay_ms": (self.tr("conduction along the axon"),
                         self.tr("(no counterpart: a unit's output arrives at once)")),
            "learns": (self.tr("synaptic plasticity: cells that fire together wire together"),
                       self.tr("a local learning rule: no error is sent back, unlike backprop")),
        }
        return pairs.get(key)

    def pairing_line(self, key: str) -> str:
        """One tooltip line naming both: "Biology: synapse strength ↔ Deep learning: weight w"."""
        pair = self.pairing(key)
        if pair is None:
            return ""
        return self.tr("Biology: %1  ↔  Deep learning: %2").replace("%1", pair[0]).replace("%2", pair[1])

    def part(self, part: str, spiking: bool = False, threshold: str = "", refractory: str = "") -> tuple[str, str]:
        """(title, subtitle) of a callout of View → Name the parts.

        Biological look (dendrites … axon): the biological name leads, the artificial one follows;
        schematic look (inputs … output): the other way round. A spiking cell computes no
        f(Σ w·x − θ): its parts are named in the terms of its model (membrane potential, the
        threshold in mV, the spike, the refractory period), with its own numbers (`threshold` and
        `refractory`, written as the canvas writes numbers).
        """
        if spiking:
            spiking_parts = {
                "dendrites": (self.tr("Dendrites"), self.tr("input spikes arrive here")),
                "synapse": (self.tr("Synapse"), self.tr("weight w: each spike moves v by w mV")),
                "soma": (self.tr("Soma: membrane potential v"), self.tr("adds up the inputs, leaks back to rest")),
                "hillock": (self.tr("Axon hillock: spike when v ≥ %1 mV").replace("%1", threshold),
                            self.tr("then silent for the refractory period, %1 ms").replace("%1", refractory)),
                "axon": (self.tr("Axon"), self.tr("carries the spike, all or nothing")),
                "inputs": (self.tr("Input spikes × weights w (mV)"), self.tr("dendrites and synapses")),
                "sum": (self.tr("v: membrane potential (mV)"), self.tr("soma: adds up the inputs, leaks")),
                "activation": (self.tr("Spike when v ≥ %1 mV").replace("%1", threshold),
                               self.tr("axon hillock; refractory period %1 ms").replace("%1", refractory)),
                "output": (self.tr("Output: spikes"), self.tr("axon")),
            }
            return spiking_parts[part]
        parts = {
            "dendrites": (self.tr("Dendrites"), self.tr("inputs x₁, x₂, …")),
            "synapse": (self.tr("Synapse"), self.tr("weight w (synapse strength)")),
            "soma": (self.tr("Soma (cell body)"), self.tr("weighted sum Σ w·x − θ")),
            "hillock": (self.tr("Axon hillock: fires or not"), self.tr("activation function f")),
            "axon": (self.tr("Axon"), self.tr("output a = f(Σ w·x − θ)")),
            "inputs": (self.tr("Inputs x and weights w"), self.tr("dendrites and synapses")),
            "sum": (self.tr("Σ weighted sum"), self.tr("soma (cell body)")),
            "activation": (self.tr("f activation function"), self.tr("axon hillock: fires or not")),
            "output": (self.tr("Output a"), self.tr("axon")),
        }
        return parts[part]

    def new_neuron_line(self) -> str:
        """What a neuron placed with Add neuron starts as (model/editing.py's defaults), and why."""
        return (self.tr("A new neuron starts as a step unit with θ = %1: silent while all its inputs "
                        "are 0, it fires once an input of weight 1 is on.")
                .replace("%1", f"{NEW_STEP_THRESHOLD:g}"))

    def help(self, key: str, doc: str, low: float | None = None, high: float | None = None,
             unit: str = "") -> str:
        """A field's tooltip: both names, the spec's doc (translated at run time), then its range."""
        special = {
            "id": self.tr("The neuron's permanent name in the file; it cannot be changed."),
            "ends": self.tr("The presynaptic neuron (its axon) and the postsynaptic neuron (its dendrite)."),
            "bias": self.tr("Deep learning writes f(Σ w·a + b); editing the bias b sets the threshold θ = −b."),
            "learns": self.tr("STDP: a spike that arrives shortly before the target fires strengthens the "
                              "synapse (by about A_pre); one that arrives shortly after weakens it (A_post < 0). "
                              "The weight changes while the network plays; Reset returns to the start weight."),
        }
        lines = [self.pairing_line(key), special.get(key) or QCoreApplication.translate("ParamSpec", doc)]
        if key in ("activation", "threshold"):
            lines.append(self.new_neuron_line())
        if low is not None and high is not None:
            lines.append(self.tr("From %1 to %2%3").replace("%1", f"{low:g}").replace("%2", f"{high:g}")
                         .replace("%3", f" {unit}" if unit else ""))
        return "\n".join(line for line in lines if line)
