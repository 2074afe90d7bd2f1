"""The fold of Chinese text (glossary._match.fold): the Han characters it leaves alone."""

from __future__ import annotations

from glossary._match.fold import PLAIN_HAN, fold
from glossary._vocab import VARIANTS, fold_char


def test_plain_han_is_every_basic_han_character_that_folds_into_itself() -> None:
    """PLAIN_HAN, which the fold passes over when it collects a text's characters, holds
    each character of U+4E00-U+9FFF whose fold is itself, and no other (台 folds to 臺)."""
    block = [chr(code) for code in range(0x4E00, 0xA000)]
    plain = {c for c in block if PLAIN_HAN.fullmatch(c)}
    assert plain == {c for c in block if fold_char(c) == c}
    assert {c for c in block if c not in plain} == {chr(code) for code in VARIANTS}
    assert PLAIN_HAN.fullmatch("，") is None
    assert PLAIN_HAN.fullmatch("a") is None


def test_a_chinese_text_folds_its_variants_and_drops_its_commas() -> None:
    """Variants fold (台 → 臺) and full-width commas are dropped, offsets kept."""
    folded = fold("台北市，西屯區與鷄籠")
    assert folded.text == "臺北市西屯區與雞籠"
    assert [folded.original(i) for i in range(len(folded.text))] == [0, 1, 2, 4, 5, 6, 7, 8, 9]
