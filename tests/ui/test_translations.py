"""The Korean catalogue is complete and correct, and the app really speaks it.

The completeness check runs pyside6-lupdate on the current sources (what CI sees), so a tr()
string added without a Korean translation fails here, listing every such string.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel, QMessageBox

from neuron_sim.resources_path import translations_dir

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "neuron_sim"
TS = translations_dir() / "neuron_sim_ko.ts"
QM = translations_dir() / "neuron_sim_ko.qm"
PLACEHOLDER = re.compile(r"%\d+|%n|%s|%d|\{[^{}]*\}")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN_TERMS = {"tanh"}  # written the same way in Korean


def _tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name  # the environment's own copy first
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    assert found, f"{name} not found: it ships with PySide6-Essentials (uv sync)"
    return found


def _sources() -> list[str]:
    return sorted(str(p) for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every live message."""
    rows = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            rows.append((name, message.findtext("source") or "", translation))
    return rows


def _texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """The committed catalogue merged with what lupdate finds in today's sources."""
    folder = tmp_path_factory.mktemp("lupdate")
    ts = folder / "neuron_sim_ko.ts"
    shutil.copy(TS, ts)
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *_sources(), "-ts", str(ts)], check=True, capture_output=True, timeout=300)
    return ts


# ---- the catalogue ------------------------------------------------------------------------------
def test_every_source_string_has_a_finished_korean_translation(extracted):
    missing = [f"  [{context}] {source!r}" for context, source, translation in _messages(extracted)
               if translation.get("type") == "unfinished" or not any(t.strip() for t in _texts(translation))]
    assert not missing, (f"{len(missing)} string(s) lack a Korean translation; run tools/update-translations.sh "
                         "and translate them in resources/translations/neuron_sim_ko.ts:\n" + "\n".join(missing))


def test_the_committed_catalogue_holds_no_vanished_strings(extracted):
    live = {(c, s) for c, s, _ in _messages(extracted)}
    committed = {(c, s) for c, s, _ in _messages(TS)}
    gone = sorted(committed - live)
    assert not gone, f"strings no longer in the code; run tools/update-translations.sh: {gone}"


def test_every_string_is_extracted_with_a_context(extracted):
    """A string lupdate files under no context (a bare tr() wrapper, `x.tr()` on another object)
    is never found at run time, where the context is the class or the translate() argument."""
    orphans = [source for context, source, _ in _messages(extracted) if not context]
    assert not orphans, ("use self.tr(\"…\") in a QObject subclass or QCoreApplication.translate(\"Context\", \"…\"): "
                         f"{orphans}")


def test_placeholders_and_accelerators_survive_translation():
    problems = []
    for context, source, translation in _messages(TS):
        for text in _texts(translation):
            if not text:
                continue
            if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
                problems.append(f"[{context}] placeholders differ: {source!r} → {text!r}")
            marks = len(re.findall(r"(?<!&)&(?!&)", source)), len(re.findall(r"(?<!&)&(?!&)", text))
            if marks[0] != marks[1]:
                problems.append(f"[{context}] accelerator & differs: {source!r} → {text!r}")
    assert not problems, "\n".join(problems)


def test_a_particle_after_a_filled_in_value_is_in_its_double_form():
    """"%2를" is wrong for y1 (read 와이일: y1을): after a value the particle must be written
    "%2을(를)", which fill() fits to the value (ui/i18n/korean.py)."""
    single = re.compile(r"(%\d|\{[a-z_]+\})(을|를|이|가|은|는|과|와|으로|로|이라는|라는|이라고|라고|이나)(?![(가는를와과])")
    wrong = [f"[{c}] {t!r}" for c, s, translation in _messages(TS) for t in _texts(translation)
             if t and single.search(t)]
    assert not wrong, "\n".join(wrong)


def test_korean_translations_are_korean():
    """A copied English string is not a translation; formulas, units and "tanh" may stay as they are."""
    def wordy(source: str) -> bool:
        return bool(re.search(r"[A-Za-z]{3,}", PLACEHOLDER.sub("", source))) and source not in LATIN_TERMS

    english = [f"[{c}] {s!r}" for c, s, t in _messages(TS)
               if wordy(s) and any(x and not HANGUL.search(x) for x in _texts(t))]
    assert not english, "\n".join(english)


def test_compiled_catalogue_is_up_to_date(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)],
                   check=True, capture_output=True, timeout=120)
    assert QM.exists(), "resources/translations/neuron_sim_ko.qm is missing: run tools/update-translations.sh"
    assert fresh.read_bytes() == QM.read_bytes(), "the .qm is older than the .ts: run tools/update-translations.sh"


# ---- the sources, read the way Python reads them ----------------------------------------------
class _Calls(ast.NodeVisitor):
    """Every tr / translate / QT_TRANSLATE_NOOP call: (context, text) when both are literal."""

    def __init__(self, path: Path):
        self.path = path
        self.classes: list[str] = []
        self.found: list[tuple[str, str, int]] = []
        self.problems: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        where = f"{self.path.relative_to(ROOT)}:{node.lineno}"
        args = node.args
        if name == "tr" and args:
            owner = func.value if isinstance(func, ast.Attribute) else None
            if isinstance(owner, ast.Name) and owner.id == "self" and self.classes:
                self._record(self.classes[-1], args[0], where)
            elif _literal(args[0]) is not None:
                self.problems.append(f"{where}: tr() without `self.`: lupdate cannot tell its context")
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and _literal(args[0]) is not None:
            self._record(_literal(args[0]), args[1], where)
        self.generic_visit(node)

    def _record(self, context: str, text_node: ast.AST, where: str) -> None:
        text = _literal(text_node)
        if text is not None:
            self.found.append((context, text, text_node.lineno))
        elif isinstance(text_node, (ast.JoinedStr, ast.BinOp)):
            self.problems.append(f"{where}: the text is built at run time (f-string or +): it cannot be translated")


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def test_lupdate_sees_every_string_the_code_translates(extracted):
    """lupdate reads Python with a simple tokenizer; a call it misreads (a tr() inside an f-string,
    a plural count given as a call) is silently never translated."""
    known = {(c, s) for c, s, _ in _messages(extracted)}
    unseen, problems = [], []
    for path in map(Path, _sources()):
        calls = _Calls(path)
        calls.visit(ast.parse(path.read_text(encoding="utf-8")))
        problems += calls.problems
        unseen += [f"{path.relative_to(ROOT)}:{line}: [{c}] {s!r}" for c, s, line in calls.found if (c, s) not in known]
    assert not problems, "\n".join(problems)
    assert not unseen, "strings lupdate did not extract:\n" + "\n".join(unseen)


def test_every_parameter_doc_is_marked_for_translation():
    from neuron_sim.model.entities import NETWORK_PARAMS, NEURON_PARAMS, STDP_PARAMS, SYNAPSE_PARAMS
    from neuron_sim.ui.i18n.vocabulary import PARAM_DOCS

    docs = {spec.doc for table in (NEURON_PARAMS, SYNAPSE_PARAMS, NETWORK_PARAMS, STDP_PARAMS)
            for spec in table.values() if spec.doc}
    assert set(PARAM_DOCS) == docs


# ---- the running app ------------------------------------------------------------------------
@pytest.fixture
def korean(qapp):
    from neuron_sim.ui.i18n import language

    assert language.apply_language(qapp, "ko", font_check=lambda: True) == "ko"
    yield
    language.apply_language(qapp, "en")


def _menu_texts(window) -> list[str]:
    texts = []
    for top in window.menuBar().actions():
        texts.append(top.text())
        texts += [a.text() for a in top.menu().actions() if a.text() and not a.isSeparator()]
    return texts


def test_the_window_speaks_korean(korean, window):
    texts = _menu_texts(window)
    english = [t for t in texts if not HANGUL.search(t)]
    assert not english, f"untranslated menu entries: {english}"
    assert "파일(&F)" in texts and "편집(&E)" in texts and "보기(&V)" in texts
    assert window.tool_actions["neuron"].text() == "뉴런 추가"
    from neuron_sim.ui.window.help import example_neuron

    window.document.replace(example_neuron())
    window.scene.select(["y"])
    shown = {label.text() for label in window.inspector.findChildren(QLabel)}
    assert "임계값 θ (편향 b = −θ)" in shown
    assert "가중치 (시냅스 강도)" not in shown  # no synapse selected
    tip = window.inspector.field("threshold").widget.toolTip()
    assert "생물학: 발화 임계값" in tip and "딥러닝: 임계값 θ = −편향" in tip


def test_qt_dialog_buttons_are_korean(korean, qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "t", "t",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Save).text() == "저장"


def test_english_is_the_source_language(qapp, window):
    from neuron_sim.ui.i18n import language

    assert language.apply_language(qapp, "en") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert QLocale().language() == QLocale.Language.English


def test_language_follows_the_system_locale_unless_chosen(qapp, monkeypatch):
    from neuron_sim.ui.i18n import language

    monkeypatch.setattr(language, "system_language", lambda: "ko")
    assert language.preferred_language() == "ko"
    language.settings().setValue(language.LANGUAGE_KEY, "en")
    assert language.preferred_language() == "en"
    assert language.preferred_language("ko") == "ko"  # --lang wins for one run
    language.settings().setValue(language.LANGUAGE_KEY, "system")
    monkeypatch.setattr(language, "system_language", lambda: "en")
    assert language.preferred_language() == "en"


def test_system_language_reads_the_locale(monkeypatch):
    from neuron_sim.ui.i18n import language

    monkeypatch.setattr(language.QLocale, "system", staticmethod(lambda: QLocale("ko_KR")))
    assert language.system_language() == "ko"
    monkeypatch.setattr(language.QLocale, "system", staticmethod(lambda: QLocale("fr_FR")))
    assert language.system_language() == "en"


def test_without_a_hangul_font_the_app_says_so_once_and_uses_english(qapp, monkeypatch):
    from neuron_sim.ui.i18n import language

    shown = []
    monkeypatch.setattr(language.QMessageBox, "information", lambda *args: shown.append(args[2]))
    try:
        assert language.apply_language(qapp, "ko", font_check=lambda: False) == "en"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        assert language.warn_missing_font_once(None) is True
        assert language.warn_missing_font_once(None) is False
        assert len(shown) == 1 and "fonts-nanum" in shown[0] and "fonts-noto-cjk" in shown[0]
    finally:
        language.apply_language(qapp, "en")


@pytest.mark.skipif(not shutil.which("fc-list"), reason="fontconfig's fc-list is the oracle")
def test_hangul_font_check_agrees_with_fontconfig(qapp):
    from neuron_sim.ui.i18n import language

    fontconfig_has_korean = bool(subprocess.run(["fc-list", ":lang=ko"], capture_output=True, text=True).stdout.strip())
    assert language.hangul_font_available() == fontconfig_has_korean


def test_lang_option_reaches_the_app(monkeypatch):
    from neuron_sim import app, cli

    calls = []
    monkeypatch.setattr(app, "run_app", lambda *a, **k: calls.append(k) or 0)
    assert cli.main(["--lang", "ko", "x.json"]) == 0
    assert calls[-1]["lang"] == "ko"
    assert cli.main(["x.json"]) == 0
    assert calls[-1]["lang"] is None
    assert cli.main(["--lang", "fr"]) == 2


# ---- English plurals ------------------------------------------------------------------------------
EN_TS = translations_dir() / "neuron_sim_en.ts"


def test_english_has_a_singular_and_a_plural_for_every_counted_string(tmp_path):
    """tr("%n page(s)", "", n) needs a catalogue in English too, or it shows "1 page(s)"."""
    ts = tmp_path / "neuron_sim_en.ts"
    shutil.copy(EN_TS, ts)
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-pluralonly",
                    "-source-language", "en", "-target-language", "en", *_sources(), "-ts", str(ts)],
                   check=True, capture_output=True, timeout=300)
    problems = []
    for context, source, translation in _messages(ts):
        forms = _texts(translation)
        if translation.get("type") == "unfinished" or len(forms) != 2 or not all("%n" in f for f in forms):
            problems.append(f"{context}: {source!r} -> {forms}")
        elif "(s)" in "".join(forms):
            problems.append(f"{context}: {source!r} keeps '(s)': {forms}")
    assert not problems, "fill the English forms in neuron_sim_en.ts:\n" + "\n".join(problems)
    fresh = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(EN_TS), "-qm", str(fresh)],
                   check=True, capture_output=True, timeout=120)
    assert fresh.read_bytes() == EN_TS.with_suffix(".qm").read_bytes(), "run tools/update-translations.sh"


def test_english_counts_say_one_page_and_eight_pages(qapp, window):
    from neuron_sim.ui.i18n import language

    assert language.apply_language(qapp, "en") == "en"
    assert QCoreApplication.translate("LessonCard", "%n page(s)", "", 1) == "1 page"
    assert QCoreApplication.translate("LessonCard", "%n page(s)", "", 8) == "8 pages"
    assert QCoreApplication.translate("EditActions", "Copied %n neuron(s).", "", 3) == "Copied 3 neurons."
