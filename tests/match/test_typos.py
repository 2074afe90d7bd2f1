"""The typo pass's Mandarin-reading rule (glossary._match.typos): a stretch that spells
romanized Mandarin in one system is a name of its own, never a typo of another."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary._match.typos import _reads_as_mandarin, _spellings


def _one_system_at_a_time(bare: str) -> bool:
    """The rule as written: for each system, whether its syllables (of any length) spell the
    whole name."""
    for spellings in _spellings():
        reached = [True] + [False] * len(bare)
        for i in range(len(bare)):
            if reached[i]:
                for j in range(i + 1, len(bare) + 1):
                    if bare[i:j] in spellings:
                        reached[j] = True
        if reached[-1]:
            return True
    return False


_SYLLABLES = sorted({s for spellings in _spellings() for s in spellings})


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(_SYLLABLES), max_size=5).map("".join),
        st.text(alphabet="abceghinoqrstuxyz", max_size=16),
        st.lists(
            st.one_of(st.sampled_from(_SYLLABLES), st.sampled_from("aeiouhngx")), max_size=7
        ).map("".join),
    )
)
def test_all_systems_at_once_agree_with_one_at_a_time(bare: str) -> None:
    """The one-pass check (a bit per system) answers as one pass per system does."""
    assert _reads_as_mandarin(bare) == _one_system_at_a_time(bare), bare


def test_examples() -> None:
    """Mandarin in one system, and typos that are not (nor a mix of two systems')."""
    assert _reads_as_mandarin("nanyang")
    assert _reads_as_mandarin("hsinchuang")
    assert _reads_as_mandarin("")
    assert not _reads_as_mandarin("shidng")
    assert not _reads_as_mandarin("bnaqiao")


def test_the_longest_spelling_bounds_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """How far a syllable is read comes from the table, not a number written in the code:
    a system whose one syllable has eight letters reads it whole. (Today's longest, seven
    letters: Gwoyeu Romatzyh's chiuann, also read as chiu + ann.)"""
    from glossary._match import typos

    assert typos._longest_spelling() == max(map(len, typos._systems())) == 7
    monkeypatch.setattr(typos, "_systems", lambda: {"zhuanggg": 1})
    monkeypatch.setattr(typos, "_spellings", lambda: (frozenset({"zhuanggg"}),))
    typos._longest_spelling.cache_clear()
    try:
        assert typos._reads_as_mandarin("zhuanggg")
        assert typos._reads_as_mandarin("zhuangggzhuanggg")
        assert not typos._reads_as_mandarin("zhuangg")
    finally:
        typos._longest_spelling.cache_clear()
