"""Korean particles follow the word before them (neuron_sim/ui/i18n/korean.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from neuron_sim.ui.i18n.korean import final_consonant, with_particles


@pytest.mark.parametrize(("text", "expected"), [
    ("뉴런이(가) 발화합니다", "뉴런이 발화합니다"),  # 런: ㄴ
    ("출력이(가) 바뀝니다", "출력이 바뀝니다"),
    ("시냅스이(가) 없습니다", "시냅스가 없습니다"),  # 스: no final
    ("y이(가) 계산", "y가 계산"),  # 와이
    ("x1이(가) 켜짐", "x1이 켜짐"),  # 엑스 일: ㄹ
    ("h2을(를) 지우기", "h2를 지우기"),  # 에이치 이
    ("M을(를) 보세요", "M을 보세요"),  # 엠: ㅁ
])
def test_particles_follow_the_last_sound(text, expected):
    assert with_particles(text) == expected


def test_a_bracketed_or_quoted_name_is_read_by_its_last_letter():
    # R is read 알, which ends in ㄹ: a final consonant for 은/을/이, none for (으)로.
    assert with_particles("y (XOR)은(는) 출력") == "y (XOR)은 출력"
    assert with_particles("“xor”을(를) 열었습니다") == "“xor”을 열었습니다"
    assert with_particles("y (XOR)(으)로 보냅니다") == "y (XOR)로 보냅니다"
    assert with_particles("h1 (OR)과(와) h2 (NAND)") == "h1 (OR)과 h2 (NAND)"
    assert with_particles("h2 (NAND)와(과) y") == "h2 (NAND)와 y"  # 디: no final


@pytest.mark.parametrize(("number", "particle"), [
    ("0", "은"), ("1", "은"), ("2", "는"), ("3", "은"), ("5", "는"), ("6", "은"), ("9", "는"),
    ("10", "은"), ("100", "은"), ("1000", "은"), ("10000", "은"), ("120000", "은"),
    ("1000000000000", "는"),  # 조
    ("1.5", "는"), ("1.0", "은"), ("0.25", "는"), ("1e+09", "는"), ("1,000", "은"),
])
def test_numbers_are_read_as_koreans_say_them(number, particle):
    assert with_particles(f"{number}은(는) 너무 큽니다") == f"{number}{particle} 너무 큽니다"


def test_every_double_form_resolves():
    assert with_particles("뉴런을(를) 뉴런과(와) 뉴런(으)로 뉴런(이)라는") == "뉴런을 뉴런과 뉴런으로 뉴런이라는"
    assert with_particles("나무을(를) 나무과(와) 나무(으)로 나무(이)라는") == "나무를 나무와 나무로 나무라는"
    assert with_particles("서울(으)로") == "서울로"  # ㄹ takes 로


def test_an_unknown_sound_keeps_the_double_form():
    assert with_particles("★이(가) 있습니다") == "★이(가) 있습니다"
    assert with_particles("이(가) 처음") == "이(가) 처음"
    assert final_consonant("") is None
    assert final_consonant("”)") is None


def test_text_without_particles_is_unchanged():
    for text in ("a = f(Σ − θ)", "threshold (θ)", "(가)", "이(가"):
        assert with_particles(text) == text


def test_the_helper_needs_no_qt():
    source = Path(__file__).resolve().parents[2] / "neuron_sim" / "ui" / "i18n" / "korean.py"
    imported = {alias.name.split(".")[0] for node in ast.walk(ast.parse(source.read_text()))
                if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])}
    assert imported <= {"__future__", "re"}
