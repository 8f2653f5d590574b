"""The document on its own, without a window: what each way of replacing the network signals, in
which order, and what a failed load or save leaves behind."""

from __future__ import annotations

import pytest

from neuron_sim import commands
from neuron_sim.model import Network, Neuron, fileformat
from neuron_sim.model.fileformat import NetworkFileError
from neuron_sim.resources_path import examples_dir
from neuron_sim.ui.document import Document, Opened
from neuron_sim.ui.examples import all_examples


@pytest.fixture
def document(qapp):
    doc = Document()
    yield doc
    doc.deleteLater()


def _record(document: Document) -> list[tuple]:
    """Every signal of `document`, in the order it came."""
    seen: list[tuple] = []
    document.network_replaced.connect(lambda network: seen.append(("network", network)))
    document.path_changed.connect(lambda path: seen.append(("path", path)))
    document.clean_changed.connect(lambda clean: seen.append(("clean", clean)))
    document.example_opened.connect(lambda example: seen.append(("example", example.file)))
    return seen


def _edit(document: Document) -> None:
    document.undo_stack.push(commands.SetNetworkParamCommand(document.network, "name", "edited"))


def test_a_new_document_is_untitled_empty_and_saved(document):
    assert document.path is None and len(document.network) == 0
    assert document.is_clean() and not document.can_save_in_place()


def test_opening_a_file_replaces_the_network_then_says_where_it_came_from(document, lesson):
    _edit(document)
    seen = _record(document)
    assert document.open(lesson) is Opened.FILE
    assert document.network == fileformat.load(lesson) and document.path == lesson
    # The old history goes first (saved again: nothing left to lose), then the new network and its file.
    assert seen == [("clean", True), ("network", document.network), ("path", lesson)]
    assert document.is_clean() and document.undo_stack.count() == 0 and document.can_save_in_place()


def test_a_file_that_cannot_be_read_changes_nothing(document, tmp_path, lesson):
    document.open(lesson)
    before = document.network
    _edit(document)
    seen = _record(document)
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    with pytest.raises(NetworkFileError):
        document.open(bad)
    assert seen == [] and document.network is before and document.path == lesson and not document.is_clean()


def test_a_catalogue_example_opens_as_an_untitled_copy_and_says_which(document):
    example = next(e for e in all_examples() if e.file == "and-gate.json")
    seen = _record(document)
    assert document.open(examples_dir() / "and-gate.json") is Opened.EXAMPLE
    assert document.path is None and document.network.name == example.title
    assert seen == [("network", document.network), ("path", None), ("example", "and-gate.json")]
    assert not document.can_save_in_place()
    assert document.example == example  # whose title the window shows in the interface language
    document.new()
    assert document.example is None


def test_saving_names_the_file_and_marks_the_work_saved(document, tmp_path):
    document.replace(Network())
    document.network.add_neuron(Neuron("x", kind="input"))
    _edit(document)
    seen = _record(document)
    target = tmp_path / "mine.json"
    document.save(target)
    assert fileformat.load(target) == document.network
    assert seen == [("path", target), ("clean", True)] and document.path == target


def test_a_failed_save_keeps_the_changes_unsaved_and_the_old_path(document, lesson, tmp_path):
    document.open(lesson)
    _edit(document)
    seen = _record(document)
    with pytest.raises(NetworkFileError):
        document.save(tmp_path / "no-such-folder" / "x.json")
    assert seen == [] and document.path == lesson and not document.is_clean()


def test_restored_work_is_unsaved_even_with_nothing_to_undo(document, lesson):
    network = fileformat.load(lesson)
    seen = _record(document)
    document.replace(network, lesson, saved=False)
    assert document.undo_stack.count() == 0 and not document.is_clean()
    assert seen == [("clean", False), ("network", network), ("path", lesson)]
