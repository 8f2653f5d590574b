"""Translated texts with values filled in take the Korean particle their value needs (ui/i18n/filling.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from neuron_sim.model import Network, Neuron
from neuron_sim.model import ModelError
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.i18n.filling import fill

ROOT = Path(__file__).resolve().parents[2]
DOUBLE_FORM = re.compile(r"이\(가\)|은\(는\)|을\(를\)|과\(와\)|와\(과\)|\(으\)로|\(이\)라는|\(이\)라고|\(이\)나")


@pytest.fixture
def korean(qapp):
    from neuron_sim.ui.i18n import language

    assert language.apply_language(qapp, "ko", font_check=lambda: True) == "ko"
    yield
    language.apply_language(qapp, "en")


def test_fill_puts_numbered_and_named_values_in(qapp):
    assert fill("Weight %1 → %2: %3", "x1", "y", "0.5") == "Weight x1 → y: 0.5"
    assert fill("%1 and %2", "%2", "b") == "%2 and b"  # a value is not filled again
    assert fill("{text} is not from {low:g} to {high:g}", text="abc", low=0.0, high=1.5) == \
        "abc is not from 0 to 1.5"


def test_fill_leaves_english_as_it_is(qapp):
    assert fill("%1이(가) 계산하는 것", "y") == "y이(가) 계산하는 것"  # no particles chosen in English


def test_fill_chooses_the_particle_in_korean(korean):
    assert fill("%1이(가) 계산하는 것", "y") == "y가 계산하는 것"
    assert fill("%1이(가) 계산하는 것", "h1") == "h1이 계산하는 것"
    assert fill("{label}은(는) 아직", label="y (XOR)") == "y (XOR)은 아직"
    assert fill("%1(으)로 내보낼 수 없습니다: %2", "a.svg", "오류") == "a.svg로 내보낼 수 없습니다: 오류"


def test_error_messages_take_the_particle_of_their_value(korean):
    assert error_text(ModelError("{value} is above the maximum {maximum:g}", value="1e+09", maximum=1e6)) \
        .startswith("1e+09는 최댓값")
    assert error_text(ModelError("{value} is above the maximum {maximum:g}", value="30", maximum=10)) \
        .startswith("30은 최댓값")


def test_exported_figure_texts_take_the_particle(korean):
    from neuron_sim.ui.export.decorations import formula_lines

    network = Network()
    network.add_neuron(Neuron("x1", kind="input", position=(0, 0), value=1))
    network.add_neuron(Neuron("y", position=(200, 0)))
    assert formula_lines(network, None, "y")[0] == "y가 계산하는 것"


def _double_form_sources() -> list[str]:
    """The English sources whose Korean translation has a particle in its double form (no error templates:
    error_text fills those)."""
    root = ET.parse(ROOT / "resources" / "translations" / "neuron_sim_ko.ts").getroot()
    sources = []
    for context in root:
        if context.findtext("name") == "ErrorMessages":
            continue
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            if DOUBLE_FORM.search(translation.text or "") and re.search(r"%\d|\{\w+", message.findtext("source")):
                sources.append(message.findtext("source"))
    return sources


def test_every_text_with_a_double_form_particle_is_filled_by_fill():
    code = {path: path.read_text(encoding="utf-8") for path in (ROOT / "neuron_sim").rglob("*.py")}
    sources = _double_form_sources()
    assert sources, "the catalogue has no double-form particles to check"
    unfilled = []
    for source in sources:
        start = source.split("\n")[0][:40]
        for path, text in code.items():
            for match in re.finditer(re.escape(start), text):
                line_start = text.rfind("\n", 0, match.start()) + 1
                if "fill(" not in text[line_start:match.start()]:
                    unfilled.append(f"{path.relative_to(ROOT)}: {start}")
    assert not unfilled, "fill these texts with neuron_sim.ui.i18n.filling.fill:\n" + "\n".join(unfilled)
