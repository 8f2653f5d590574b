"""generate(): what each target refuses (with a message naming the reason), the comment languages,
the phrase table, and that it never changes the network it reads."""

from __future__ import annotations

import re
import string

import pytest

from neuron_sim.model import ModelError
from neuron_sim.model.codegen import TARGETS, CodeExport, ExportOptions, generate
from neuron_sim.model.codegen.phrases import PHRASES
from neuron_sim.model.entities import Neuron, Synapse
from neuron_sim.model.fileformat import dumps, load
from neuron_sim.model.network import CycleError, Network
from neuron_sim.resources_path import examples_dir

from .helpers import examples
from .rate_networks import random_feedforward, random_synchronous
from .spiking_networks import sources_network

HANGUL = re.compile("[\uac00-\ud7a3]")


def rate_loop() -> Network:
    network = Network()
    network.add_all([Neuron("x", kind="input"), Neuron("a"), Neuron("b")],
                    [Synapse("x", "a"), Synapse("a", "b"), Synapse("b", "a")])
    return network


@pytest.mark.parametrize(("target", "network", "message"), [
    ("keras", sources_network(), "Keras runs rate networks and this one is spiking; export it to Brian2 or PyNN"),
    ("pytorch", sources_network(), "PyTorch runs rate networks and this one is spiking"),
    ("brian2", random_feedforward(0, "stack"), "Brian2 runs spiking networks and this one is a rate network"),
    ("pynn", random_feedforward(0, "stack"), "PyNN runs spiking networks and this one is a rate network"),
    ("keras", random_synchronous(0), "Keras computes feedforward networks and this one updates synchronously"),
    ("keras", Network(), "the network has no neurons: there is nothing to export"),
    ("brian2", Network(model="spiking"), "the network has no neurons: there is nothing to export"),
    ("pytorch", Network(name="y only", update="synchronous"), None),
])
def test_what_a_target_cannot_run_is_refused_with_the_reason(target, network, message):
    if message is None:  # no inputs
        network.add_neuron(Neuron("y"))
        message = "PyTorch: the network has no inputs, and a PyTorch model needs at least one"
    with pytest.raises(ModelError) as error:
        generate(network, target)
    assert message in str(error.value)


@pytest.mark.parametrize("target", ["keras", "pytorch"])
def test_a_feedforward_network_with_a_loop_names_the_neurons_on_it(target):
    with pytest.raises(CycleError) as error:
        generate(rate_loop(), target)
    assert "a → b → a" in str(error.value) or "b → a → b" in str(error.value)


def test_unknown_target_language_and_steps_are_refused():
    network = random_feedforward(0, "stack")
    with pytest.raises(ModelError, match="target: unknown value java; expected one of keras, pytorch, brian2, pynn"):
        generate(network, "java")
    with pytest.raises(ModelError, match="lang: unknown value fr"):
        generate(network, "keras", ExportOptions(lang="fr"))
    with pytest.raises(ModelError, match="the number of steps must be between 0"):
        generate(network, "keras", ExportOptions(steps=-1))


def every_export(lang: str) -> list[CodeExport]:
    rate = [load(path) for path in examples("rate")] + [random_feedforward(1, "mixed"), random_synchronous(2)]
    spiking = [load(path) for path in examples("spiking")] + [sources_network()]
    options = ExportOptions(lang=lang)
    exports = [generate(n, "pytorch", options) for n in rate]
    exports += [generate(n, "keras", options) for n in rate if n.update == "feedforward"]
    exports += [generate(n, target, options) for n in spiking for target in ("brian2", "pynn")]
    return exports


def comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if line.lstrip().startswith("#")]


def test_comments_follow_the_language_and_the_code_stays_the_same():
    english, korean = every_export("en"), every_export("ko")
    for en, ko in zip(english, korean):
        code = [line for line in en.text.splitlines() if not line.lstrip().startswith("#")]
        assert code == [line for line in ko.text.splitlines() if not line.lstrip().startswith("#")]
        assert not any(HANGUL.search(c) for c in comments(en.text))
        assert sum(bool(HANGUL.search(c)) for c in comments(ko.text)) >= 5
        compile(ko.text, "script.py", "exec")


def test_every_phrase_has_the_same_placeholders_in_both_languages():
    fields = lambda text: sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)  # noqa: E731
    for key, (english, korean) in PHRASES.items():
        assert fields(english) == fields(korean), key
        assert HANGUL.search(korean) or english == korean, key


def test_generate_reads_the_network_and_changes_nothing():
    for network in [random_feedforward(3, "skip"), sources_network()]:
        before = dumps(network)
        for target in TARGETS:
            try:
                generate(network, target)
            except ModelError:
                pass
        assert dumps(network) == before


def test_ids_and_names_of_any_letters_stay_text():
    """Ids may hold any script's letters, '.', ':' and '-'; the name may hold line breaks: none
    becomes code (the name is a comment line by line)."""
    network = Network(name="a\nimport os\rraise SystemExit\u2028x = 1", model="spiking")
    network.add_all([Neuron("감각", kind="generator"), Neuron("n:1"), Neuron("운동.뉴런-2")],
                    [Synapse("감각", "n:1", weight=20.0), Synapse("n:1", "운동.뉴런-2", weight=20.0)])
    for target in ("brian2", "pynn"):
        text = generate(network, target).text
        tree = compile(text, "script.py", "exec", flags=0x400)  # ast.PyCF_ONLY_AST
        names = {alias.name for node in tree.body if hasattr(node, "names") for alias in node.names}
        assert "os" not in names and not any(type(node).__name__ == "Raise" for node in tree.body)
        assert 'IDS = ["감각", "n:1", "운동.뉴런-2"]' in text


@pytest.mark.parametrize("target", TARGETS)
def test_a_network_that_learns_is_refused_naming_the_synapse(target):
    """No target carries STDP yet: a script without the rule would compute something else."""
    path = next(p for p in sorted(examples_dir().glob("*.json"))
                if any(s.plasticity is not None for s in load(p).synapses.values()))
    network = load(path)
    learning = next(s for s in network.synapses.values() if s.plasticity is not None)
    with pytest.raises(ModelError) as caught:
        generate(network, target)
    assert "plasticity" in str(caught.value)
    assert f"{learning.source} → {learning.target}" in str(caught.value)


@pytest.mark.parametrize(("change", "words"), [
    (("synapse", ("g", "n"), "kind", "current_alpha"), "current synapses yet: synapse g → n is a current_alpha synapse"),
    (("neuron", "g", "pattern", "ac"), "current sources yet: generator g sends a current (ac)"),
    (("neuron", "n", "adaptation", 0.5), "adaptation yet: n adapts"),
    (("neuron", "n", "v_min_mV", -80.0), "bounds on v yet: n has v_min_mV or v_max_mV"),
])
def test_currents_are_refused_by_pynn_naming_what_carries_them(change, words):
    """A script without them would compute something else; the same network without them exports.
    (Brian2 carries them: test_brian2.py.)"""
    target = "pynn"
    network = Network(model="spiking")
    network.add_all([Neuron("g", kind="generator"), Neuron("n")], [Synapse("g", "n", weight=20.0)])
    generate(network, target)
    network.set_many([change])
    with pytest.raises(ModelError) as caught:
        generate(network, target)
    assert str(caught.value) == f"target: PyNN export does not carry {words}"
    generate(network, "brian2")


def test_a_rate_network_exports_whatever_kind_its_synapses_keep_for_the_spiking_model():
    network = random_feedforward(0, "stack")
    key = next(iter(network.synapses))
    network.set_synapse_param(key, "kind", "current_exp")
    generate(network, "keras")
