"""Korean particles chosen by the word they follow: 이/가, 은/는, 을/를, 과/와, (으)로, (이)라는 …

A Korean text with a name filled in at run time cannot fix its particle in advance: "y가" but
"x1이", "h1 (OR)을" but "y (XOR)를". The translations write the particle in its double form
("{label}이(가)", "%1을(를)"); `with_particles` picks the form that follows the sound of the
word before it. The sound is the last syllable's final consonant (받침); for a Latin letter or a
digit it is the final consonant of how a Korean reads it aloud (R → 알, 3 → 삼, 10 → 십), and
closing brackets and quotes are skipped ("y (XOR)" ends in R). Where the sound cannot be told
(a symbol, an emoji), the double form stays, which is still correct Korean.

Pure Python, no Qt: the model's error messages and the figures use it too.
"""

from __future__ import annotations

import re

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # ㄹ as a final consonant: index in the 28 finals of a Hangul syllable

# The final consonant index (0: none) of how each Latin letter and digit is read in Korean.
_LETTER_FINALS = {
    "a": 0, "b": 0, "c": 0, "d": 0, "e": 0, "f": 0, "g": 0, "h": 0, "i": 0, "j": 0, "k": 0,
    "l": _RIEUL, "m": 16, "n": 4, "o": 0, "p": 0, "q": 0, "r": _RIEUL, "s": 0, "t": 0, "u": 0,
    "v": 0, "w": 0, "x": 0, "y": 0, "z": 0,
}  # 엘 ㄹ, 엠 ㅁ, 엔 ㄴ, 알 ㄹ; 에스, 엑스, 에프 … end in a vowel
_DIGIT_FINALS = {"0": 21, "1": _RIEUL, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": _RIEUL,
                 "8": _RIEUL, "9": 0}  # 영 일 이 삼 사 오 육 칠 팔 구
# A whole number ending in zeros is read by its last unit: 십 백 천, then 만 억 조 for 4, 8, 12 zeros on.
_UNIT_FINALS = {1: 17, 2: 1, 3: 4}  # 십 ㅂ, 백 ㄱ, 천 ㄴ
_MYRIAD_FINALS = {1: 4, 2: 1, 3: 0}  # 만 ㄴ, 억 ㄱ, 조

_SKIPPED = set(")]}>”’\"'」』》〉")

# double form → (after a final consonant, after a vowel); (으)로 also takes 로 after ㄹ.
_PAIRS = {
    "이(가)": ("이", "가"), "은(는)": ("은", "는"), "을(를)": ("을", "를"),
    "과(와)": ("과", "와"), "와(과)": ("과", "와"), "(이)라는": ("이라는", "라는"),
    "(이)라고": ("이라고", "라고"), "(이)나": ("이나", "나"), "(으)로": ("으로", "로"),
}
_MARKERS = re.compile("|".join(re.escape(marker) for marker in sorted(_PAIRS, key=len, reverse=True)))


def final_consonant(word: str) -> int | None:
    """The final consonant index (0: none, 8: ㄹ …) of the sound `word` ends with, or None if unknown."""
    end = len(word)
    while end and word[end - 1] in _SKIPPED:
        end -= 1
    if not end:
        return None
    last = word[end - 1]
    code = ord(last)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return (code - _HANGUL_FIRST) % 28
    if last.isascii() and last.isalpha():
        return _LETTER_FINALS[last.lower()]
    if last.isascii() and last.isdigit():
        return _number_final(word[:end])
    return None


def _number_final(text: str) -> int:
    digits = re.search(r"[0-9][0-9,]*(?:\.[0-9]+)?$", text).group(0).replace(",", "")
    whole, _, fraction = digits.partition(".")
    if fraction or digits[-1] != "0" or whole.strip("0") == "":
        return _DIGIT_FINALS[digits[-1]]  # "1.0" 일 점 영, "0" 영, "25" 오
    zeros = len(whole) - len(whole.rstrip("0"))
    if zeros < 4:
        return _UNIT_FINALS[zeros]
    return _MYRIAD_FINALS.get(zeros // 4, 0)  # 십만, 백만 … end in 만


def with_particles(text: str) -> str:
    """`text` with every double-form particle ("이(가)", "을(를)", "(으)로" …) resolved by the word before it."""
    def choose(match: re.Match) -> str:
        marker = match.group(0)
        final = final_consonant(text[: match.start()])
        if final is None or match.start() == 0:
            return marker
        with_final, without_final = _PAIRS[marker]
        if marker == "(으)로":
            return without_final if final in (0, _RIEUL) else with_final
        return with_final if final else without_final

    return _MARKERS.sub(choose, text)
