"""Errors in the interface language: a Korean teacher reads why a file or an edit was refused.

The model speaks English (str(error), the command line); neuron_sim/ui/i18n/errors.py translates the
template and fills in the same values. The list lupdate reads (error_templates.py) cannot drift
from the raise sites, and every Korean template must fill without error.
"""

from __future__ import annotations

import errno
import json
import os
import re
import string

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from neuron_sim.model import run_memory
from neuron_sim.ui import plain_text
from neuron_sim import commands
from neuron_sim.model import ModelError, Network, Neuron, Synapse
from neuron_sim.model.entities import NEURON_KINDS
from neuron_sim.model.fileformat import NetworkFileError, _type_name, load, loads, save
from neuron_sim.model.messages import WORD, article, fill
from neuron_sim.ui.i18n import errors
from neuron_sim.ui.i18n.error_templates import CONTEXT, TEMPLATES, WORDS
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.export import Figure, FigureError, FigureOptions
from neuron_sim.ui.export.animation import start_playback
from neuron_sim.ui.playback import Playback
from tests.model.message_sites import raise_sites, templates_in_code, templates_listed

HANGUL = re.compile(r"[\uac00-\ud7a3]")
BAD_WEIGHT = ('{"format": "neuron-sim", "version": 1, "neurons": [{"id": "x", "kind": "input"}, {"id": "y"}], '
              '"synapses": [{"source": "x", "target": "y", "weight": "abc"}]}')


@pytest.fixture
def korean(qapp):
    from neuron_sim.ui.i18n import language

    assert language.apply_language(qapp, "ko", font_check=lambda: True) == "ko"
    yield
    language.apply_language(qapp, "en")


# ---- the list lupdate reads ----------------------------------------------------------------------
def test_the_template_list_holds_exactly_the_templates_of_the_code():
    listed, used = templates_listed(), templates_in_code()
    assert len(listed) == len(set(listed)), "a template is listed twice"
    assert listed == list(TEMPLATES)  # what the test reads is what Python sees
    missing = [site for site in raise_sites() if site.template in used - set(listed)]
    lines = sorted({f'    QT_TRANSLATE_NOOP("{CONTEXT}", {json.dumps(s.template, ensure_ascii=False)}),  # {s.path}'
                    for s in missing})
    assert not missing, ("templates raised but not in neuron_sim/ui/i18n/error_templates.py (add these lines, then "
                         "run tools/update-translations.sh and translate them):\n" + "\n".join(lines))
    gone = set(listed) - used
    assert not gone, f"templates in error_templates.py that nothing raises any more: {sorted(gone)}"


def test_every_vocabulary_word_is_listed():
    """The values that fill a {…:w} placeholder: kinds with their article, JSON value types, and the
    messages Python's json module gives for damaged files."""
    words = {article(kind) for kind in NEURON_KINDS}
    words |= {_type_name(value) for value in ({}, [], "a", 1, 1.5, True, None)}
    for broken in ('{"a" 1}', "[1 2]", "{1: 2}", "[1] 2", '"\x01"', "", '{"a": "b'):
        try:
            json.loads(broken)
        except json.JSONDecodeError as error:
            words.add(error.msg)
    words.add("(no suffix)")
    words |= set(run_memory.PARTS)
    # the operating system's reasons a file could not be read or written, as this system words them
    words |= {os.strerror(getattr(errno, name)) for name in OS_REASONS if hasattr(errno, name)}
    try:
        open("a\0b")
    except ValueError as error:
        words.add(str(error))
    assert words <= set(WORDS), sorted(words - set(WORDS))


OS_REASONS = ("ENOENT", "EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "EISDIR", "ENOTDIR", "EEXIST",
              "ENAMETOOLONG", "EIO", "ELOOP", "EBUSY", "ESTALE")


def test_the_reason_a_file_could_not_be_saved_is_in_korean(korean, tmp_path):
    network = Network()
    network.add_neuron(Neuron("x1", kind="input"))
    with pytest.raises(NetworkFileError) as caught:
        save(network, tmp_path / "없는 폴더" / "수업.json")
    assert str(caught.value).endswith("could not save: No such file or directory")  # English stays
    assert error_text(caught.value).endswith("저장할 수 없습니다: 파일이나 폴더가 없습니다")


# ---- Korean ------------------------------------------------------------------------------------
def _sample_values(template: str) -> dict:
    values = {}
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is not None:
            values[name] = "word" if spec in ("", WORD) else 1234  # an int suits every number format
    return values


def test_every_korean_template_fills_with_the_values_of_its_english_one(korean):
    problems = []
    for template in TEMPLATES:
        korean_text = QCoreApplication.translate(CONTEXT, template)
        if korean_text == template or not HANGUL.search(korean_text):
            problems.append(f"not translated: {template!r}")
            continue
        try:
            fill(korean_text, _sample_values(template), word=str)
        except (KeyError, IndexError, ValueError) as error:
            problems.append(f"{korean_text!r}: {error!r}")
    assert not problems, "\n".join(problems)


def test_a_bad_file_is_explained_in_korean_with_its_place_and_value(korean, tmp_path):
    path = tmp_path / "수업.json"
    path.write_text(BAD_WEIGHT, encoding="utf-8")
    with pytest.raises(NetworkFileError) as caught:
        load(path)
    assert str(caught.value) == f'{path}: synapses[0].weight: expected a number, got "abc"'  # English stays
    shown = error_text(caught.value)
    assert shown == f'{path}: synapses[0].weight: 숫자여야 하는데 "abc"입니다'


def test_vocabulary_words_and_parameter_places_are_translated(korean):
    network = Network()
    network.add_neuron(Neuron("x1", kind="input"))
    network.add_neuron(Neuron("y"))
    network.connect(Synapse("x1", "y"))
    with pytest.raises(ModelError) as caught:
        network.connect(Synapse("y", "x1"))
    assert error_text(caught.value) == "x1은 입력이므로 수상돌기가 없어 아무것도 연결할 수 없습니다"
    with pytest.raises(ModelError) as caught:
        network.set_synapse_param(("x1", "y"), "weight", 2e6)
    text = error_text(caught.value)
    assert text.startswith("가중치") and "2e+06" in text and "1e+06" in text and HANGUL.search(text)
    with pytest.raises(NetworkFileError) as caught:
        loads('{"format": "neuron-sim", "version": 1, "neurons": {}}')
    assert error_text(caught.value) == "neurons: 목록이어야 하는데 객체입니다"
    with pytest.raises(NetworkFileError) as caught:
        loads('{"format": "neuron-sim" "version": 1}')
    assert error_text(caught.value) == "1번째 줄 25번째 칸의 JSON이 올바르지 않습니다: ',' 구분 기호가 있어야 합니다"


def test_in_english_the_interface_shows_what_the_command_line_prints(qapp):
    for content in (BAD_WEIGHT.replace('"abc"', "2e9"), BAD_WEIGHT.replace('"y"}]', '"y"}'), "[]", ""):
        with pytest.raises(NetworkFileError) as caught:
            loads(content, "f.json")
        assert error_text(caught.value) == str(caught.value)


def test_a_translation_that_does_not_fit_falls_back_to_english(monkeypatch):
    monkeypatch.setattr(errors, "_translate", lambda text: "{nothing_like_this} 번역")
    error = ModelError("expected a number, got {value}", place="w", value='"abc"')
    assert error_text(error) == str(error) == 'w: expected a number, got "abc"'


def test_other_errors_are_shown_as_they_are():
    assert error_text(OSError(28, "No space left on device")) == "[Errno 28] No space left on device"
    assert error_text(ValueError("x")) == "x"


# ---- the windows that show errors ----------------------------------------------------------------
def test_opening_a_bad_file_says_why_in_korean(korean, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(plain_text, "warn", lambda *args: shown.append((args[1], args[2])))
    bad = tmp_path / "bad.json"
    bad.write_text(BAD_WEIGHT, encoding="utf-8")
    assert not window.files.open(bad)
    title, text = shown[-1]
    assert HANGUL.search(title) and "bad.json" in text and "synapses[0].weight" in text
    assert '숫자여야 하는데 "abc"입니다' in text


def test_pasting_foreign_text_says_why_in_korean(korean, window):
    QGuiApplication.clipboard().setText("hello")
    window.edit.paste_action.trigger()
    assert "클립보드에 뉴런이 없습니다" in window.status_line.text()


def test_an_edit_the_model_refuses_is_explained_in_korean(korean, window):
    window.edit.add_layer_with(1, "input", "sigmoid")
    window.edit.add_layer_with(1, "neuron", "sigmoid")
    source, target = list(window.network.neurons)
    assert not window.scene.push(commands.ConnectCommand(window.network, Synapse(target, source)))
    assert "입력이므로" in window.status_line.text()


def test_export_refusals_are_korean(korean, qapp):
    network = Network()
    network.add_neuron(Neuron("y"))
    with pytest.raises(FigureError) as caught:
        Figure(network, FigureOptions(scope="selection"), selection=([], []))
    assert error_text(caught.value) == "선택한 것이 없습니다. 그릴 뉴런을 선택하거나 네트워크 전체를 그리세요"
    with pytest.raises(FigureError) as caught:
        Figure(network, FigureOptions(formula_neuron="ghost"))
    assert str(caught.value) == "there is no neuron 'ghost' in the figure"
    assert error_text(caught.value) == "그림에 뉴런 'ghost'가 없습니다"


def test_a_network_that_cannot_run_says_why_in_korean_and_the_command_line_keeps_english(korean, qapp):
    network = Network()  # rate, feedforward, with a loop: no layer order
    for nid in ("a", "b"):
        network.add_neuron(Neuron(nid))
    network.connect(Synapse("a", "b"))
    network.connect(Synapse("b", "a"))
    playback = Playback(network)
    assert playback.engine is None
    assert playback.error.startswith("네트워크에 고리(") and "동기식 갱신 방식" in playback.error
    assert str(playback.failure).startswith("the network has a loop (")
    with pytest.raises(FigureError) as caught:
        start_playback(network, None, 1.0)
    assert error_text(caught.value) == playback.error
    assert str(caught.value) == str(playback.failure)
