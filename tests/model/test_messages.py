"""Error messages as templates: English exactly as before, every raise site a literal template.

The expected English texts below were printed by neuron-sim before messages became templates
(commit 3182a7c), so they are the oracle that `str(error)` did not change for the command line.
"""

from __future__ import annotations

import pickle
import string

import pytest

from neuron_sim.model import ModelError, Network, Neuron, Synapse
from neuron_sim.model.fileformat import NetworkFileError, from_dict, loads
from neuron_sim.model.messages import MessageError, article, fill
from neuron_sim.model.network import CycleError
from neuron_sim.model.simulate import apply_assignment

from .message_sites import raise_sites

DOCUMENT = '{"format": "neuron-sim", "version": 1, "neurons": [%s], "synapses": [%s]}'
X_AND_Y = '{"id": "x", "kind": "input"}, {"id": "y"}'


def _network() -> Network:
    network = Network()
    network.add_neuron(Neuron("x1", kind="input"))
    network.add_neuron(Neuron("y"))
    network.connect(Synapse("x1", "y"))
    return network


# ---- the English of real raise sites, as the command line printed it before ------------------
FILE_CASES = [
    (DOCUMENT % (X_AND_Y, '{"source": "x", "target": "y", "weight": "abc"}'),
     'f.json: synapses[0].weight: expected a number, got "abc"'),
    (DOCUMENT % ('{"id": "y", "threshold": -2e6}', ""),
     "f.json: neurons[0].threshold: -2e+06 is below the minimum -1e+06"),
    ((DOCUMENT % ('{"id": "g", "kind": "generator", "seed": 5000000000}', "")).replace('"version": 1',
                                                                                    '"version": 1, "model": "spiking"'),
     "f.json: neurons[0].seed: 5000000000 is above the maximum 4.29497e+09"),
    (DOCUMENT % ('{"id": "y", "label": "a\\ud800"}', ""),
     "f.json: neurons[0].label: the text holds an invalid character (U+D800) at position 1"),
    (DOCUMENT % ('{"id": "y", "kind": "cell"}', ""),
     'f.json: neurons[0].kind: unknown value "cell"; expected one of input, neuron, generator'),
    (DOCUMENT % (X_AND_Y, '{"source": "y", "target": "x"}'),
     "f.json: synapses[0].target: 'x' is an input, which cannot receive synapses"),
    (DOCUMENT % ('{"id": "g", "kind": "generator"}', ""),
     'f.json: neurons[0].kind: generators belong to spiking networks, and this one is "rate"'),
    ('{"format": "neuron-sim", "version": 1, "neurons": {}}', "f.json: neurons: expected a list, got an object"),
    ('{"format": "neuron-sim", "version": 5}',
     "f.json: version: 5 is newer than this neuron-sim reads (up to 4); please update neuron-sim"),
    ('{"format": "nn"}', 'f.json: format: expected "neuron-sim", got "nn"; this is not a neuron-sim network file'),
    ('{"format": "neuron-sim", "version": 1, "neurons": [{"id": "a", "id": "b"}]}',
     "f.json: neurons[0]: the key \"id\" appears twice in one object"),
    ('{"format": "neuron-sim", "version": 1, "neurons": [', "f.json: not valid JSON at line 1, column 52: "
                                                            "the file ends too early (truncated?)"),
    ('{"format": 1 2}', "f.json: not valid JSON at line 1, column 14: Expecting ',' delimiter"),
    ("[" * 100_000 + "]" * 100_000, "f.json: not valid JSON at line 1, column 65: nested more than 64 levels deep"),
    (b"\xff", "f.json: not UTF-8 text (bad byte at offset 0)"),
    ("  ", "f.json: the file is empty"),
]


@pytest.mark.parametrize("content, expected", FILE_CASES, ids=[e.split(": ", 1)[1][:40] for _, e in FILE_CASES])
def test_file_errors_read_exactly_as_before(content, expected):
    with pytest.raises(NetworkFileError) as caught:
        loads(content.encode("utf-8") if isinstance(content, str) else content, "f.json")
    assert str(caught.value) == expected
    assert caught.value.detail == expected.removeprefix("f.json: ")


def test_model_errors_read_exactly_as_before():
    network = _network()
    cases = [
        (lambda: network.connect(Synapse("y", "x1")),
         "x1 is an input: it has no dendrites, so nothing can connect to it"),
        (lambda: network.set_neuron_param("y", "kind", "generator"),
         "spike generators belong to spiking networks; switch the model to spiking first "
         "(or remove the generators before switching to rate)"),
        (lambda: network.set_neuron_param("y", "kind", "input"),
         "y has incoming synapses; an input cannot receive any. Remove them first"),
        (lambda: network.neuron("ghost"), "there is no neuron with id 'ghost'"),
        (lambda: network.set_synapse_param(("x1", "y"), "weight", float("nan")),
         "weight: expected a finite number, got nan"),
        (lambda: apply_assignment(network, "y.threshold=abc"), '--set y.threshold=abc: expected a number, got "abc"'),
        (lambda: apply_assignment(network, "y.position=[1]"), "--set y.position=[1]: expected [x, y], got [1]"),
        (lambda: apply_assignment(network, "y.zz=1"),
         "--set y.zz=1: neurons have no parameter 'zz' (they have kind, label, position, value, activation, "
         "threshold, tau_ms, v_rest_mV, v_reset_mV, v_threshold_mV, refractory_ms, drive_mV, v_mV, adaptation, "
         "tau_adaptation_ms, v_min_mV, v_max_mV, pattern, rate_hz, start_ms, seed, frequency_hz)"),
    ]
    for action, expected in cases:
        with pytest.raises(ModelError) as caught:
            action()
        assert str(caught.value) == expected


def test_a_loop_is_named_in_order():
    network = _network()
    network.add_neuron(Neuron("h"))
    network.connect(Synapse("y", "h"))
    network.connect(Synapse("h", "y"))
    with pytest.raises(CycleError) as caught:
        network.layers()
    assert str(caught.value).startswith("the network has a loop (h → y → h), so it has no feedforward order")
    assert caught.value.values == {"path": "h → y → h"}


# ---- the pieces ---------------------------------------------------------------------------------
def test_a_wrapped_error_keeps_its_template_values_and_place():
    with pytest.raises(ModelError) as caught:
        from_dict({"format": "neuron-sim", "version": 1, "neurons": [{"id": "y", "threshold": "abc"}]})
    inner = caught.value
    outer = NetworkFileError(inner, "lesson.json")
    assert (outer.template, outer.values, outer.place) == (inner.template, inner.values, inner.place)
    assert outer.template == "expected a number, got {value}" and outer.place == "neurons[0].threshold"
    assert str(outer) == f"lesson.json: {inner}"
    moved = ModelError(inner, place="--set y")
    assert str(moved) == '--set y: expected a number, got "abc"'


def test_render_uses_the_translation_the_word_and_the_place_it_is_given():
    error = ModelError("{label} is {kind:w}: nothing can connect to it", place="here", label="x1",
                       kind=article("input"))
    assert str(error) == "here: x1 is an input: nothing can connect to it"
    shown = error.render(translate=lambda t: t.replace("nothing", "NOTHING"), word=str.upper, place=str.title)
    assert shown == "Here: x1 is AN INPUT: NOTHING can connect to it"


def test_a_message_without_values_is_shown_as_it_is():
    assert str(ModelError("a {brace} the OS wrote")) == "a {brace} the OS wrote"
    assert fill("{x:g} and {y!r}", {"x": 0.5, "y": "a"}) == "0.5 and 'a'"


def test_articles():
    assert [article(k) for k in ("input", "neuron", "generator")] == ["an input", "a neuron", "a generator"]


def test_errors_survive_pickling_with_their_english_text():
    error = pickle.loads(pickle.dumps(ModelError("{n} is odd", n=3)))
    assert str(error) == "3 is odd" and isinstance(error, ValueError)


# ---- every raise site, read from the source -----------------------------------------------------
def test_every_raise_site_uses_a_literal_template():
    """An f-string would be English in every language: lupdate cannot extract what is built at run
    time. Name the values instead (see neuron_sim/model/messages.py)."""
    sites = raise_sites()
    assert len(sites) > 80  # the finder really finds them
    bad = [f"{s.path}:{s.line} ({s.function})" for s in sites if s.template is None and not s.wraps]
    assert not bad, "raise with a literal template and named values:\n" + "\n".join(bad)


def test_every_template_is_a_valid_format_with_named_fields():
    problems = []
    for site in raise_sites():
        if site.template is None:
            continue
        try:
            fields = [field for _, field, _, _ in string.Formatter().parse(site.template) if field is not None]
        except ValueError as error:
            problems.append(f"{site.path}:{site.line}: {error}")
            continue
        if any(not name or not name.isidentifier() for name in fields):
            problems.append(f"{site.path}:{site.line}: placeholders must be named: {site.template!r}")
    assert not problems, "\n".join(problems)


def test_message_error_is_the_base_of_the_template_errors():
    assert issubclass(ModelError, MessageError) and issubclass(ModelError, ValueError)
    assert issubclass(NetworkFileError, MessageError) and not issubclass(NetworkFileError, ValueError)
