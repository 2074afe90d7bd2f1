"""Folding names to keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary._text import chinese_key, has_cjk, latin_key, strip_tone_numbers

SPELLINGS = [
    ("Hsi-t'un", "hsitun"),
    ("Hsi-t’un", "hsitun"),
    ("Hsi t‘un", "hsitun"),
    ("HSI-TʼUN", "hsitun"),
    ("Hsi-t`un", "hsitun"),
    ("Xītún", "xitun"),
    ("Lǚdǎo", "ludao"),
    ("Da’an Dist.", "daandist"),
]


@pytest.mark.parametrize(("text", "key"), SPELLINGS, ids=[s for s, _ in SPELLINGS])
def test_latin_key(text: str, key: str) -> None:
    """Case, diacritics, spaces, hyphens, apostrophes and full stops fold away."""
    assert latin_key(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [("台中市", "臺中市"), ("臺中市", "臺中市"), ("馬躍·比吼", "馬躍比吼"), ("西屯 區", "西屯區")],
)
def test_chinese_key(text: str, key: str) -> None:
    """台 folds to 臺; middle dots and spaces go."""
    assert chinese_key(text) == key


def test_tone_numbers() -> None:
    """Tone numbers after letters go; other digits stay."""
    assert strip_tone_numbers("xi1tun2") == "xitun"
    assert strip_tone_numbers("sec1") == "sec"


latin_words = st.text(alphabet=st.characters(min_codepoint=0x41, max_codepoint=0x7A), max_size=12)
separators = st.sampled_from([" ", "-", "'", "’", "‘", "ʼ", "`", ""])


@given(st.lists(latin_words, min_size=1, max_size=4), st.lists(separators, min_size=4, max_size=4))
def test_latin_key_ignores_separators_and_case(words: list[str], seps: list[str]) -> None:
    """Any separators between the same letters, in any case, give the same key."""
    plain = "".join(words)
    joined = "".join(w + s for w, s in zip(words, seps, strict=False))
    assert latin_key(joined.upper()) == latin_key(plain)


@given(st.text(max_size=30))
def test_keys_are_idempotent(text: str) -> None:
    """Folding a key again changes nothing."""
    assert latin_key(latin_key(text)) == latin_key(text)
    assert chinese_key(chinese_key(text)) == chinese_key(text)


def test_has_cjk() -> None:
    """CJK ideographs are told from Latin text and CJK punctuation."""
    assert has_cjk("Situn District (西屯)")
    assert not has_cjk("Situn District")
    assert not has_cjk("、。")
