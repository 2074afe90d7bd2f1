"""The scan's fast paths (glossary._match.scan) against the path they shortcut: the same
hits, whatever the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import Glossary
from glossary._match.fold import fold
from glossary._match.scan import Matcher

#: Chinese names of the built-in term base (places, a person, a landmark), their other
#: script and variant forms, words that join a place before them (長, 紀念堂, 路), filler.
_HAN = [
    "西屯區",
    "西屯区",
    "西屯",
    "台中",
    "臺中",
    "臺中市",
    "台中市",
    "信義區",
    "中正",
    "中正紀念堂",
    "中正路",
    "高雄市",
    "高雄",
    "長",
    "市長",
    "陳其邁",
    "表示",
    "大安",
    "森林公園",
    "台北",
    "臺北市",
    "台湾",
    "的",
    "居民",
    "民眾黨",
    "立委",
]
#: Between them: nothing (a text that folds to itself, 台 aside), punctuation and spaces
#: the fold drops, a full-width parenthesis it keeps, a line break, a blank line.
_JOINERS = ["", "", "", "，", "。", "、", " ", "\n", "\n\n", "（", "）", ".", "-"]
#: Latin names among the Chinese (市長Ko Wen-je表示), and a generic word.
_LATIN = ["Xitun District", "Taipei", "Situn", "Dist.", "Ko Wen-je", "Times", "District"]


@pytest.fixture(scope="module")
def matcher(glossary: Glossary) -> Matcher:
    """A matcher of the built-in term base with its automatons built, whatever the text's
    length (a short text otherwise asks the index for its substrings)."""
    built = Matcher(glossary._index)
    built._every_key()
    return built


def _reference(matcher: Matcher, text: str) -> list[tuple[object, ...]]:
    """The leftmost-longest pass over every candidate the overlapping automaton reports."""
    folded = fold(text)
    candidates = matcher._candidates(folded)
    matcher._prepare_all(candidates)
    candidates.sort()
    return [tuple(h) for h in matcher._take(text, folded, candidates, -1)[0]]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.sampled_from(_HAN), st.sampled_from(_HAN), st.sampled_from(_LATIN)),
            st.sampled_from(_JOINERS),
        ),
        max_size=20,
    ).map(lambda pieces: "".join(a + b for a, b in pieces))
)
def test_leftmost_longest_automaton_agrees_with_every_candidate(
    matcher: Matcher, text: str
) -> None:
    """The leftmost-longest automaton's path (each Chinese occurrence the rules keep taken
    at once, every candidate checked only where one is refused or a Latin key matched)
    takes the same hits as checking every candidate of the overlapping automaton: on
    text that folds to itself and text that does not, with Latin names among the Han."""
    folded = fold(text)
    if folded.edges is None:
        return
    fast = [tuple(h) for h in matcher._leftmost_longest_text(text, folded)]
    assert fast == _reference(matcher, text), text


@pytest.mark.parametrize(
    "text",
    [
        "高雄市長陳其邁表示",  # a place refused (a title follows), the person taken
        "台中市西屯區居民",  # folds (台), no character dropped
        "臺中市西屯區居民",  # folds to itself
        "，臺中市，西屯區。中正紀念堂、中正路",  # dropped punctuation between names
        "市長Ko Wen-je表示台北Times",  # Latin keys among Han text
        "中正紀念堂中正紀念堂中正路中正",  # refusals next to each other
    ],
)
def test_leftmost_longest_automaton_cases(matcher: Matcher, text: str) -> None:
    """The cases the property test draws from, each written out."""
    folded = fold(text)
    fast = [tuple(h) for h in matcher._leftmost_longest_text(text, folded)]
    assert fast == _reference(matcher, text)
    assert fast  # each names something


def test_annotate_takes_the_leftmost_longest_path_for_long_chinese_text(
    glossary: Glossary,
) -> None:
    """A Chinese text long enough for the automatons gives the spans its pieces give."""
    piece = "高雄市長陳其邁表示，臺中市西屯區與台北市信義區的居民。"
    short = [(s.start, s.end, s.text) for s in glossary.annotate(piece)]
    repeated = piece * 4000
    spans = glossary.annotate(repeated)
    matcher = glossary._matcher_obj
    assert matcher is not None
    assert matcher._leftmost_automaton is not None
    assert [(s.start, s.end, s.text) for s in spans[: len(short)]] == short
    assert len(spans) == len(short) * 4000


@pytest.mark.parametrize(
    ("text", "wide"),
    [
        ("臺中市西屯區居民", True),
        ("市長Ko Wen-je表示台北", True),
        ("situndistrict" * 40 + "西屯", False),
        ("", False),
    ],
    ids=["chinese", "chinese-with-a-latin-name", "english-with-a-chinese-name", "empty"],
)
def test_only_text_mostly_outside_ascii_takes_the_leftmost_longest_automaton(
    text: str, wide: bool
) -> None:
    """English with a Chinese name or two keeps the pass over every candidate (its Latin
    occurrences would each be checked alone the other way)."""
    from glossary._match.scan import _mostly_wide

    assert _mostly_wide(text) is wide


def test_a_key_keeps_its_number_once_the_automatons_are_built(glossary: Glossary) -> None:
    """A matcher that asked the index for a short text's keys, then builds its automatons
    for a longer one, keeps every number it gave (another thread may hold one) and finds
    what a matcher that scanned from the start finds: in the short text, in English that
    folds to ASCII (the bytes automaton and the word-boundary maps) and in text with
    Chinese in it."""
    short = "Situn District, Hsi-t'un and 西屯區 in Taichung; Ko Wen-je said."
    english = "Situn District and Hsi-t'un in Taichung; Ko Wen-je said in Xinyi District. " * 20
    mixed = (short + " Officials in Xinyi District and Taipei. ") * 20
    probing = Matcher(glossary._index)
    first = probing.find(short)
    assert probing.keys  # it asked the index
    assert probing._automaton_keys is None
    given = dict(probing._numbers)
    probing._worth_an_automaton = lambda folded: True  # type: ignore[method-assign]
    scanning = Matcher(glossary._index)
    scanning._worth_an_automaton = lambda folded: True  # type: ignore[method-assign]
    assert first == scanning.find(short)
    assert probing.find(english) == scanning.find(english)
    assert probing._bytes_automaton is not None  # the ASCII path was taken
    assert probing.find(mixed) == scanning.find(mixed)
    assert all(probing._numbers[key] == n for key, n in given.items())
    assert all(probing._numbers[key] == n for n, key in enumerate(probing.keys))
    keys = probing._automaton_keys
    assert keys is not None
    assert [probing.keys[n] for n in probing._automaton_numbers] == keys
    assert probing._automaton_bounds == [probing.bounds[n] for n in probing._automaton_numbers]
