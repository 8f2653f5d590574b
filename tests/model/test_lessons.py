"""Lesson files: every shipped lesson loads and validates, mistakes are named with their place, and
the task checks answer as a hand computation (numpy) says."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from neuron_sim.model import ModelError
from neuron_sim.model.file_reading import NetworkFileError
from neuron_sim.model.geometry import LOOKS
from neuron_sim.model.lessons import Text, checks, load_lesson, load_lessons
from neuron_sim.model.lessons.lesson import PANELS, lesson_from_dict
from neuron_sim.model.lessons.outline import SCHEMA_FILE, lesson_files
from neuron_sim.resources_path import examples_dir, lessons_dir


@pytest.fixture(scope="module")
def lessons():
    return load_lessons(lessons_dir(), examples_dir())


def shipped(name: str) -> dict:
    return json.loads((lessons_dir() / f"{name}.json").read_text(encoding="utf-8"))


def test_every_lesson_file_loads_with_every_text_in_english_and_korean(lessons):
    assert [lesson.path for lesson in lessons] == [lessons_dir() / "concept-of-the-neuron.json",
                                                   lessons_dir() / "deep-learning-and-the-brain.json"]
    assert [lesson.title.ko for lesson in lessons] == ["뉴런의 개념", "딥러닝과 뇌"]
    for path in lesson_files(lessons_dir()):
        lesson = load_lesson(path, examples_dir())
        for page in lesson.pages:
            texts = [page.title, page.text] + ([page.task.goal, page.task.hint] if page.task else [])
            for text in texts:
                assert text.en.strip() and text.ko.strip()
                assert any("\uac00" <= ch <= "\ud7a3" for ch in text.ko), text.ko
            page.network()  # builds


def test_the_first_lesson_follows_the_seed_from_the_cell_to_stacked_layers(lessons):
    titles = [page.title.en for page in lessons[0].pages]
    assert titles == ["A neuron in the brain", "The threshold", "The artificial neuron: x, w, Σ, f",
                      "The same neuron as blocks", "Three signals, two neurons",
                      "3 × 2 = 6 connections: a Dense layer", "Stacking layers", "A deeper network"]
    brain = [page.title.en for page in lessons[1].pages]
    assert brain == ["Hard to explain", "A logistic unit and a neuron", "What the analogy leaves out",
                     "Learning X → Y"]
    assert lessons[1].pages[-1].highlight.panel == "train"


def test_the_schema_names_the_kinds_looks_and_panels_the_code_accepts():
    schema = json.loads((lessons_dir() / SCHEMA_FILE).read_text(encoding="utf-8"))
    kinds = [variant["properties"]["kind"]["const"] for variant in schema["$defs"]["check"]["oneOf"]]
    assert kinds == list(checks.KINDS)
    page = schema["$defs"]["page"]["properties"]
    assert set(page["look"]["enum"]) <= set(LOOKS)
    assert page["highlight"]["properties"]["panel"]["enum"] == list(PANELS)
    gates = next(v for v in schema["$defs"]["check"]["oneOf"] if v["properties"]["kind"]["const"] == "truth_table")
    assert gates["properties"]["gate"]["enum"] == list(checks.GATES)


@pytest.mark.parametrize("edit, place, words", [
    (lambda d: d["pages"][0].update(look="cartoon"), "pages[0].look", "unknown value \"cartoon\""),
    (lambda d: d["pages"][0]["title"].pop("ko"), "pages[0].title", "'ko' is missing"),
    (lambda d: d["pages"][1]["network"].update(example="no-such"), "pages[1].network.example",
     "no example called no-such"),
    (lambda d: d["pages"][0]["task"]["check"].update(neuron="zz"), "pages[0].task.check.neuron",
     "no neuron with id 'zz'"),
    (lambda d: d["pages"][0]["task"]["check"].update(kind="magic"), "pages[0].task.check.kind",
     "unknown value \"magic\""),
    (lambda d: d["pages"][1]["task"]["check"]["of"][0].update(gate="MAYBE"), "pages[1].task.check.of[0].gate",
     "unknown value \"MAYBE\""),
    (lambda d: d["pages"][2]["highlight"].update(synapse=["x1", "x0"]), "pages[2].highlight.synapse",
     "no synapse x1 → x0"),
    (lambda d: d["pages"][4]["network"]["inline"]["synapses"][0].update(weight="heavy"),
     "pages[4].network.inline.synapses[0].weight", "expected a number"),
    (lambda d: d.update(pages=[]), "pages", "at least one page"),
    (lambda d: d.update(format="neuron-sim"), "format", "not a neuron-sim lesson file"),
])
def test_a_mistake_in_a_lesson_is_named_with_its_place(edit, place, words):
    data = copy.deepcopy(shipped("concept-of-the-neuron"))
    edit(data)
    with pytest.raises(ModelError) as caught:
        lesson_from_dict(data, examples_dir())
    assert caught.value.place == place
    assert words in str(caught.value)


def test_the_summary_may_be_left_out_but_not_left_blank():
    """The schema makes `summary` optional; a lesson without one loaded as a blank mistake before."""
    data = copy.deepcopy(shipped("concept-of-the-neuron"))
    del data["summary"]
    assert lesson_from_dict(data, examples_dir()).summary == Text("", "")
    data["summary"] = {"en": "", "ko": "소개"}
    with pytest.raises(ModelError) as caught:
        lesson_from_dict(data, examples_dir())
    assert caught.value.place == "summary.en"


def test_a_bad_lesson_file_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "neuron-sim-lesson", "version": 1,', encoding="utf-8")
    with pytest.raises(NetworkFileError) as caught:
        load_lesson(path, examples_dir())
    assert str(path) in str(caught.value)


# ---- the checks ------------------------------------------------------------------------------------
def numpy_output(network, neuron_id: str, inputs: dict[str, float]) -> float:
    """One computing neuron fed by inputs only, by hand: a = f(Σ w·x − θ)."""
    x = {nid: inputs.get(nid, n.value) for nid, n in network.neurons.items() if n.kind == "input"}
    neuron = network.neurons[neuron_id]
    net = sum(s.weight * x[s.source] for s in network.incoming(neuron_id)) - neuron.threshold
    return {"step": float(net >= 0), "sigmoid": 1 / (1 + np.exp(-net)), "linear": net}[neuron.activation]


def page_network(lessons, lesson: int, page: int):
    return lessons[lesson].pages[page].network()


@pytest.mark.parametrize("lesson, page, neuron", [(0, 0, "y"), (0, 1, "y"), (1, 1, "a"), (0, 4, "y2")])
def test_outputs_are_what_numpy_computes(lessons, lesson, page, neuron):
    network = page_network(lessons, lesson, page)
    ids = [n.id for n in network.neurons.values() if n.kind == "input"]
    for row in range(2 ** len(ids)):
        inputs = {nid: float((row >> k) & 1) for k, nid in enumerate(ids)}
        assert checks.outputs(network, inputs)[neuron] == pytest.approx(numpy_output(network, neuron, inputs))


def test_each_task_refuses_the_page_as_it_opens_and_accepts_a_solution(lessons):
    solutions = {
        (0, 0): lambda n: n.set_neuron_param("x1", "value", 1.0),
        (0, 1): lambda n: n.set_neuron_param("y", "threshold", 1.5),
        (0, 2): lambda n: n.set_synapse_param(("x2", "y"), "weight", 0.4),
        (0, 3): lambda n: n.set_neuron_param("y", "activation", "sigmoid"),
        (0, 4): lambda n: [n.connect(type(next(iter(n.synapses.values())))(s, t))
                           for s, t in (("x2", "y1"), ("x0", "y2"))],
        (0, 6): lambda n: (n.add_neuron(type(n.neurons["y1"])("z", position=(600, 130))),
                           [n.connect(type(next(iter(n.synapses.values())))(s, "z")) for s in ("y1", "y2")]),
        (1, 1): lambda n: n.set_synapse_param(("x1", "a"), "weight", 4.0),
    }
    tasks = {(k, j) for k, lesson in enumerate(lessons) for j, page in enumerate(lesson.pages) if page.task}
    assert tasks == set(solutions) | {(1, 3)}  # the XOR page is solved by training (tests/ui/test_lessons.py)
    for (k, j), solve in solutions.items():
        page = lessons[k].pages[j]
        start, network = page.network(), page.network()
        assert not checks.passes(page.task.check, network, start), page.title.en
        solve(network)
        assert checks.passes(page.task.check, network, start), page.title.en


def test_only_one_weight_means_one(lessons):
    page = lessons[0].pages[2]
    start, network = page.network(), page.network()
    network.set_synapse_param(("x2", "y"), "weight", 0.4)
    network.set_synapse_param(("x0", "y"), "weight", 0.7)
    assert checks.changed(network, start, "weight") == 2
    assert not checks.passes(page.task.check, network, start)
    network.set_synapse_param(("x0", "y"), "weight", 0.6)  # back as it was
    network.set_neuron_param("y", "threshold", 0.9)  # another kind of change
    assert not checks.passes(page.task.check, network, start)
    network.set_neuron_param("y", "threshold", 1.0)
    network.set_neuron_param("x1", "position", (40.0, 170.0))  # moving a cell is no change
    assert checks.passes(page.task.check, network, start)


def test_a_truth_table_reads_every_row(lessons):
    page = lessons[0].pages[1]  # the OR gate; AND is asked
    network = page.network()
    check = page.task.check["of"][0]
    for theta, holds in ((0.5, False), (1.0, False), (1.5, True), (2.0, True), (2.5, False)):
        network.set_neuron_param("y", "threshold", theta)
        assert checks.passes(check, network, network) is holds, theta


def test_a_network_without_a_settled_answer_passes_no_output_check(lessons):
    page = lessons[0].pages[0]
    network = page.network()
    network.set_neuron_param("x1", "value", 1.0)
    assert checks.passes(page.task.check, network, network)
    network.set_param("update", "synchronous")
    assert checks.outputs(network) is None
    assert not checks.passes(page.task.check, network, network)
    with pytest.raises(ModelError):
        checks.validate({"kind": "output", "neuron": "y"}, network, "check")  # no bound


def test_the_whole_lesson_file_in_the_docs_loads_and_its_task_can_be_done():
    from pathlib import Path
    import re

    doc = (Path(__file__).resolve().parents[2] / "docs" / "lessons.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)\n```", doc, re.S).group(1)
    lesson = lesson_from_dict(json.loads(block), examples_dir())
    page = lesson.pages[1]
    start, network = page.network(), page.network()
    assert not checks.passes(page.task.check, network, start)
    network.set_synapse_param(("x1", "y"), "weight", -1.0)
    network.set_neuron_param("y", "threshold", -0.5)
    assert checks.passes(page.task.check, network, start)


def test_a_page_that_shows_the_computation_panel_names_a_neuron_for_it(lessons):
    """The panel explains the selected neuron (or a selected synapse's target); a page that shows it
    with nothing selected shows an empty panel ("select a neuron"), in Present mode a third of the
    screen."""
    for lesson in lessons:
        for k, page in enumerate(lesson.pages):
            if page.highlight.panel == "computation":
                assert page.highlight.neurons or page.highlight.synapse, f"{lesson.id} page {k + 1}"
