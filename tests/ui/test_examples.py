"""The Examples menu, the info bar above the canvas, the start page and its thumbnails."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from neuron_sim import commands
from neuron_sim.model.fileformat import load
from neuron_sim.resources_path import examples_dir
from neuron_sim.ui.examples import all_examples, catalogue
from neuron_sim.ui.window.preferences import START_PAGE_KEY
from neuron_sim.ui.window.card_pictures import example_thumbnail
from neuron_sim.ui.window.start_page import StartPage
from neuron_sim.ui.styles import PALETTE

SHIPPED = sorted(path.name for path in examples_dir().glob("*.json"))


def by_file(name: str):
    return next(example for example in all_examples() if example.file == name)


def menu_action(window, file: str):
    """The QAction under Examples → topic that opens `file` (found through the menus, as a user would)."""
    for topic_action in window.examples.menu.actions():
        submenu = topic_action.menu()
        if submenu is None:
            continue
        for action in submenu.actions():
            if action is window.examples.example_actions[file]:
                return action
    raise AssertionError(f"{file} is not in the Examples menu")


# ---- the catalogue ----------------------------------------------------------------------------
def test_catalogue_lists_every_shipped_file_once():
    files = [example.file for example in all_examples()]
    assert sorted(files) == SHIPPED
    assert len(set(files)) == len(files)
    assert [topic.title for topic in catalogue()] == ["One neuron", "Logic gates", "Layers", "Spiking neurons", "Learning"]


@pytest.mark.parametrize("example", all_examples(), ids=lambda e: e.file)
def test_catalogue_texts_are_the_files_texts(example):
    """The translatable English texts are the files' own name and description, word for word."""
    data = json.loads(example.path.read_text(encoding="utf-8"))
    assert example.source_title == data["name"]
    assert example.source_text == data["description"]
    ids = {n["id"] for n in data["neurons"]}
    assert set(example.select) <= ids and set(example.labels) <= ids
    assert example.look in ("biological", "schematic")


# ---- opening an example -----------------------------------------------------------------------
def test_menu_opens_an_example_as_an_untitled_copy(window, monkeypatch):
    example = by_file("xor.json")
    before = example.path.read_bytes()
    menu_action(window, "xor.json").trigger()
    assert window.document.path is None
    assert window.network.name == example.title
    assert window.windowTitle().startswith(example.title)
    assert not window.isWindowModified() and window.document.undo_stack.count() == 0
    shipped = load(example.path)
    assert list(window.network.neurons) == list(shipped.neurons)
    assert {k: s.weight for k, s in window.network.synapses.items()} == \
        {k: s.weight for k, s in shipped.synapses.items()}
    assert window.scene.selected_neuron_ids() == ["y"]
    # Save asks for a name: nothing is ever written into resources/
    asked = []
    monkeypatch.setattr("neuron_sim.ui.window.files.QFileDialog.getSaveFileName",
                        lambda parent, caption, start, filters: (asked.append(start), ("", ""))[1])
    window.network.set_neuron_param("x2", "value", 1.0)
    assert not window.files.save()
    assert asked == [example.title + ".json"]
    assert example.path.read_bytes() == before


def test_info_bar_shows_what_to_try_and_closes(window, qtbot):
    bar = window.examples.info_bar
    assert not bar.isVisible()
    window.examples.example_actions["spiking-summation.json"].trigger()
    example = by_file("spiking-summation.json")
    assert bar.isVisible()
    assert bar.title_label.text() == example.title
    assert bar.text_label.text() == example.what_to_try
    assert bar.geometry().bottom() < window.view.geometry().top() + 1  # above the canvas, not over it
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert window.network.name == example.title  # closing the text keeps the network


def test_opening_another_network_hides_the_example_text(window, tmp_path):
    window.examples.example_actions["and-gate.json"].trigger()
    assert window.examples.info_bar.isVisible()
    window.files.new()
    assert not window.examples.info_bar.isVisible()
    window.examples.example_actions["and-gate.json"].trigger()
    path = tmp_path / "mine.json"
    path.write_text((examples_dir() / "or-gate.json").read_text(encoding="utf-8"), encoding="utf-8")
    assert window.files.open(path)
    assert not window.examples.info_bar.isVisible()


def test_unsaved_work_is_asked_about_first(window):
    window.examples.example_actions["and-gate.json"].trigger()
    window.document.undo_stack.push(commands.SetNeuronParamCommand(window.network, "y", "threshold", 0.7))
    window.files.ask_to_save = lambda: QMessageBox.StandardButton.Cancel
    assert not window.examples.open_example(by_file("xor.json"))
    assert window.network.neurons["y"].threshold == 0.7  # kept


def test_example_opens_in_its_look(window):
    window.examples.example_actions["dense-layer.json"].trigger()
    assert window.scene.look == "schematic" and window.look_actions["schematic"].isChecked()
    window.examples.example_actions["spiking-reflex-arc.json"].trigger()
    assert window.scene.look == "biological"


def test_translated_labels_replace_the_files_labels(window):
    window.examples.example_actions["spiking-reflex-arc.json"].trigger()
    labels = {nid: n.label for nid, n in window.network.neurons.items()}
    assert labels == {"sensor": "sensor", "inter": "interneuron", "motor": "motor neuron"}  # English UI


# ---- the start page ---------------------------------------------------------------------------
def test_start_page_appears_at_first_launch_and_not_after_it_is_turned_off(window, qtbot):
    from neuron_sim.ui.window.launch import show_start_page_when_shown

    assert QSettings("neuron-sim", "neuron-sim").value(START_PAGE_KEY) is None  # a first run
    show_start_page_when_shown(window)
    qtbot.waitUntil(lambda: window.examples.start_page is not None and window.examples.start_page.isVisible())
    page = window.examples.start_page
    qtbot.addWidget(page)
    assert page.show_at_start.isChecked()
    page.show_at_start.click()  # the teacher turns it off
    page.reject()
    assert QSettings("neuron-sim", "neuron-sim").value(START_PAGE_KEY, type=bool) is False
    window.examples.start_page = None
    window.examples.show_start_page_if_wanted()
    assert window.examples.start_page is None  # not shown again
    window.examples.start_page_action.trigger()  # but still reachable from Help and Examples
    assert window.examples.start_page.isVisible()
    qtbot.addWidget(window.examples.start_page)
    assert not window.examples.start_page.show_at_start.isChecked()
    assert window.examples.start_page_action in window.examples.menu.actions()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.examples.start_page_action in help_menu.actions()


def test_start_page_is_not_shown_over_an_opened_file(window, qtbot, tmp_path):
    from neuron_sim.ui.window.launch import show_start_page_when_shown

    window.examples.example_actions["and-gate.json"].trigger()
    show_start_page_when_shown(window)
    qtbot.wait(20)
    assert window.examples.start_page is None


def test_clicking_a_card_opens_its_example(window, qtbot):
    window.examples.show_start_page()
    page: StartPage = window.examples.start_page
    qtbot.addWidget(page)
    assert [card.example.file for card in page.cards] == [e.file for e in all_examples()]
    card = next(card for card in page.cards if card.example.file == "spiking-chain.json")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert not page.isVisible()
    assert window.network.name == by_file("spiking-chain.json").title and window.document.path is None
    assert window.examples.info_bar.isVisible()


def test_a_card_chosen_by_keyboard_leaves_the_keyboard_on_the_canvas(window, qtbot):
    """Tab to a card, Enter: the example opens and the keys go to the canvas at once (Space
    plays), without a click to bring the window back."""
    window.examples.show_start_page()
    page: StartPage = window.examples.start_page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    card = next(card for card in page.cards if card.example.file == "or-gate.json")
    card.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert not page.isVisible() and window.network.name == by_file("or-gate.json").title
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.view
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert window.playback.playing
    window.playback.pause()


def test_closing_the_start_page_by_esc_gives_the_window_the_keyboard(window, qtbot):
    window.examples.show_start_page()
    page: StartPage = window.examples.start_page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert not page.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.view


def test_empty_network_button_closes_the_page_and_keeps_the_window_empty(window, qtbot):
    window.examples.show_start_page()
    page = window.examples.start_page
    qtbot.addWidget(page)
    qtbot.mouseClick(page.empty_button, Qt.MouseButton.LeftButton)
    assert not page.isVisible() and len(window.network) == 0


@pytest.mark.parametrize("example", all_examples(), ids=lambda e: e.file)
def test_thumbnail_is_a_drawing_of_the_network(qapp, example):
    image = example_thumbnail(example)
    assert not image.isNull() and image.width() > 100
    background = PALETTE.background.rgb()
    drawn = coloured = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            color = image.pixelColor(x, y)
            if color.rgb() != background:
                drawn += 1
                if color.saturation() > 80:
                    coloured += 1
    assert drawn > 150  # cells, synapses and labels, not a blank card
    assert coloured > 20  # synapses are vermillion or blue
    assert example_thumbnail(example) is image  # cached


def test_the_pictures_are_drawn_after_the_pages_first_paint(qapp, qtbot, monkeypatch):
    from PySide6.QtCore import QEvent, QObject

    from neuron_sim.ui.window import card_pictures

    monkeypatch.setattr(card_pictures, "_thumbnails", {})  # nothing drawn yet
    events: list[str] = []
    render = card_pictures._render
    monkeypatch.setattr(card_pictures, "_render", lambda example, size: events.append("draw") or render(example, size))

    class Paints(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is page:
                events.append("paint")
            return False

    page = StartPage(QSettings("neuron-sim", "neuron-sim"))
    qtbot.addWidget(page)
    cards = [*page.lesson_cards, *page.cards]
    assert page.lesson_cards and events == [] and not any(card.has_picture for card in cards)
    paints = Paints()
    page.installEventFilter(paints)
    page.show()
    qtbot.waitUntil(lambda: all(card.has_picture for card in cards), timeout=20_000)
    assert events[0] == "paint" and events.count("draw") == len(page.cards)
    for card in page.lesson_cards:
        shown = card.picture.pixmap().toImage().convertToFormat(QImage.Format.Format_RGB32)
        assert shown == card_pictures.lesson_thumbnail(card.lesson).convertToFormat(QImage.Format.Format_RGB32)
    for card in page.cards:
        shown = card.picture.pixmap().toImage().convertToFormat(QImage.Format.Format_RGB32)
        assert shown == card_pictures.example_thumbnail(card.example).convertToFormat(QImage.Format.Format_RGB32)
    again = StartPage(QSettings("neuron-sim", "neuron-sim"))  # drawn once: the next page has them at once
    qtbot.addWidget(again)
    assert all(card.has_picture for card in [*again.lesson_cards, *again.cards])


def test_thumbnails_differ_between_examples(qapp):
    images = {e.file: example_thumbnail(e) for e in all_examples()}
    assert images["and-gate.json"] != images["xor.json"]
    assert images["spiking-chain.json"] != images["spiking-reflex-arc.json"]


# ---- the command line ---------------------------------------------------------------------------
def test_open_example_by_name_as_the_command_line_does(window, monkeypatch):
    assert window.examples.open_example_named("dense-layer")
    assert window.network.name == by_file("dense-layer.json").title and window.document.path is None
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    assert not window.examples.open_example_named("no-such-example")
    assert errors == ["There is no example called no-such-example."]
    assert window.network.name == by_file("dense-layer.json").title  # kept


def test_cli_refuses_an_unknown_example_in_one_line(capsys):
    from neuron_sim.cli import main

    assert main(["--example", "xorr"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("neuron-sim: error:") and error.count("\n") == 1
    assert "'xorr'" in error and "xor" in error and "dense-layer" in error


def test_a_card_is_outlined_in_blue_while_it_has_the_focus_or_the_pointer_is_over_it(qapp, qtbot):
    page = StartPage(QSettings("neuron-sim", "neuron-sim"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    cards = page.cards[:3]

    def left_edge(card) -> QColor:
        return card.grab().toImage().pixelColor(1, card.height() // 2)

    unlit = 0
    for focused in cards:  # the pointer stays wherever earlier tests left it: over one card or none
        focused.setFocus()
        qtbot.waitUntil(focused.hasFocus)
        for card in cards:
            if card.hasFocus() or card.underMouse():
                assert left_edge(card) == PALETTE.selection
            else:
                unlit += 1
                assert left_edge(card) != PALETTE.selection and left_edge(card).red() > 150  # light grey
    assert unlit >= 3
