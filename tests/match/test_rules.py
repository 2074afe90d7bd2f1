"""The matching rules (glossary._match.rules), each held by a golden case that fails if the
rule is broken in any of the paths that call it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from glossary import Glossary
from glossary._match.fold import fold
from glossary._text import latin_key

_ROAD = """\
- id: taichung-city-xitun-road
  kind: road
  parent: taichung-city-xitun
  zh: [西屯路]
  en:
    - term: Xitun Rd.
      system: hanyu
  source: Chunghwa Post, road names (test fixture).
"""


@pytest.fixture
def builtin(glossary: Glossary) -> Glossary:
    """The session's built-in glossary (only read): its matchers are built once a run."""
    return glossary


@pytest.fixture(scope="module")
def with_road(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    path: Path = tmp_path_factory.mktemp("road") / "road.yaml"
    path.write_text(_ROAD, encoding="utf-8")
    return Glossary([path])


def _spans(g: Glossary, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(s.text, tuple(e.id for e in s.entries)) for s in g.annotate(text)]


@pytest.mark.parametrize("overlapping", [False, True], ids=["leftmost-longest", "overlapping"])
def test_a_term_ending_in_a_full_stop_matches_as_itself(
    with_road: Glossary, overlapping: bool
) -> None:
    """Xitun Rd. is the road, with its full stop, not the district Xitun and a stray Rd."""
    text = "Traffic on Xitun Rd. was slow."
    spans = with_road.annotate(text, overlapping=overlapping)
    road = [s for s in spans if s.text == "Xitun Rd."]
    assert road, spans
    assert road[0].entry.id == "taichung-city-xitun-road"
    if not overlapping:
        assert [s.text for s in spans] == ["Xitun Rd."]


def test_the_exact_matcher_finds_a_term_ending_in_a_full_stop(with_road: Glossary) -> None:
    """The exact matcher keeps the full stop of Xitun Rd. too."""
    spans = with_road.annotate("Traffic on Xitun Rd. was slow.", exact=True)
    assert [(s.text, s.entry.id) for s in spans] == [("Xitun Rd.", "taichung-city-xitun-road")]


def test_two_parents_named_keep_a_homonym_ambiguous(builtin: Glossary) -> None:
    """With both Taipei and Keelung in the text, Xinyi District could be either's: the span
    lists both, it does not silently pick one."""
    text = "Officials in Taipei and Keelung said Xinyi District was spared."
    (xinyi,) = [s for s in builtin.annotate(text) if s.text == "Xinyi District"]
    assert xinyi.ambiguous
    assert {e.id for e in xinyi.entries} == {"taipei-city-xinyi", "keelung-city-xinyi"}


def test_one_parent_named_decides_a_homonym(builtin: Glossary) -> None:
    """With only Keelung in the text, Xinyi District is Keelung's."""
    text = "Keelung officials said Xinyi District was spared."
    (xinyi,) = [s for s in builtin.annotate(text) if s.text == "Xinyi District"]
    assert xinyi.entry.id == "keelung-city-xinyi"


@pytest.mark.parametrize("overlapping", [False, True], ids=["leftmost-longest", "overlapping"])
@pytest.mark.parametrize(
    "text",
    ["He lives in Xitun. District officials agree.", "He lives in Xitun, District officials."],
    ids=["full-stop", "comma"],
)
def test_a_name_does_not_span_a_sentence_break(
    builtin: Glossary, text: str, overlapping: bool
) -> None:
    """Xitun. District is the name Xitun, then a new sentence: the span stops at Xitun."""
    spans = builtin.annotate(text, overlapping=overlapping)
    assert all("District" not in s.text for s in spans), spans
    assert "Xitun" in [s.text for s in spans]


@pytest.mark.parametrize(
    "text",
    [
        "He moved to Situn\n\nDistrict offices are closed.",
        "He moved to Situn\r\n\r\nDistrict offices are closed.",
        "He moved to Situn\n  \nDistrict offices are closed.",
        "He moved to Situn\u2029District offices are closed.",
    ],
    ids=["blank-line", "crlf", "spaces", "paragraph-separator"],
)
@pytest.mark.parametrize("overlapping", [False, True], ids=["leftmost-longest", "overlapping"])
def test_a_name_never_runs_across_a_paragraph(
    builtin: Glossary, text: str, overlapping: bool
) -> None:
    """A blank line ends a name: Situn, then a new paragraph that starts with District."""
    spans = builtin.annotate(text, overlapping=overlapping)
    assert [s.text for s in spans] == ["Situn"]


@pytest.mark.parametrize("text", ["Situn\nDistrict", "Situn\r\nDistrict", "Situn \n District"])
def test_a_name_may_wrap_across_one_line_break(builtin: Glossary, text: str) -> None:
    """A line break inside a name, as hard-wrapped text has, does not end it."""
    assert [s.text for s in builtin.annotate(text)] == [text]


def test_a_chinese_name_never_runs_across_a_paragraph(builtin: Glossary) -> None:
    """No Chinese span runs across a blank line either."""
    text = "他住在西\n\n屯區附近。"
    assert all("\n\n" not in s.text for s in builtin.annotate(text))
    assert "西屯區" not in [s.text for s in builtin.annotate(text)]


def test_fold_finds_what_the_key_holds() -> None:
    """A term with ß is found in text (keys case-fold ß to ss; so does the text fold)."""
    assert fold("Große Straße").text == latin_key("Große Straße") == "grossestrasse"


_LATIN = st.text(
    alphabet=st.sampled_from(list("aAbBzZßẞæÆøØłŁıİüÜéÉñÑçÇǆǅﬁﬂŉ0123456789 -'’.")),
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(_LATIN)
def test_the_fold_of_latin_text_is_its_key(text: str) -> None:
    """What the matcher scans (the folded text) is what a key of the same text holds, so
    a term is found in text exactly when its key is."""
    assert fold(text).text == latin_key(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("aZz09 -'’.,(_)\n\téÉＴ")),
        max_size=24,
    )
)
def test_the_word_boundary_maps_are_the_rule_at_every_place(text: str) -> None:
    """rules.cut_off_maps says, for every start, end and bound of a folded ASCII text,
    what rules.cut_off_folded says."""
    from glossary._match import rules

    folded = fold(text)
    assume(folded.ascii is not None and folded.edges is not None)
    assert folded.ascii is not None
    assert folded.edges is not None
    starts, ends = rules.cut_off_maps(folded.ascii, folded.edges)
    length = len(folded.text)
    assert len(starts) == length
    assert len(ends) == length + 1
    for fstart in range(length):
        for fend in range(fstart + 1, length + 1):
            for bound in (rules.NO_BOUND, rules.WORD, rules.PREFIX):
                mapped = bool(bound and (starts[fstart] or (bound == rules.WORD and ends[fend])))
                expected = rules.cut_off_folded(folded.text, folded.edges, fstart, fend, bound)
                assert mapped == expected, (text, fstart, fend, bound)


_PIECES = [
    "Situn",
    "Hsi-t'un",
    "Xitun",
    "Da'an",
    "Bade",
    "Taichung",
    "Xinyi",
    "Tamsui",
    "Liu Shyh-fang",
    "MAC",
    "Hoping",
    "Sec. 1,",
    "Rd.",
    "District",
    "Dist.",
    "City",
    "西屯區",
    "西屯",
    "台中",
    "臺中市",
    "信義區",
    "八德路1段",
    "the",
    "x",
    "9",
    "'s",
]


_MATCHERS: list[object] = []


def _probing_and_scanning() -> tuple[object, object]:
    """Two matchers over the built-in index, made once: one that always asks the index
    for a text's substrings, one that always scans with the automatons."""
    if not _MATCHERS:
        from glossary._match.scan import Matcher

        index = Glossary()._index
        probing = Matcher(index)
        probing._worth_an_automaton = lambda folded: False  # type: ignore[method-assign]
        scanning = Matcher(index)
        scanning._worth_an_automaton = lambda folded: True  # type: ignore[method-assign]
        _MATCHERS.extend([probing, scanning])
    return _MATCHERS[0], _MATCHERS[1]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_PIECES),
            st.sampled_from([" ", "", "-", "\n", ". ", ", ", "(", ")", "1", "a", "中"]),
        ),
        max_size=20,
    ).map(lambda pieces: "".join(a + b for a, b in pieces))
)
def test_a_short_text_asked_of_the_index_gives_the_automatons_spans(text: str) -> None:
    """A short text's candidates, found by asking the index for its substrings, give the
    same spans as the automaton of every key does."""
    from glossary._match.scan import Matcher

    probing, scanning = _probing_and_scanning()

    def spans(m: object) -> list[tuple[int, int, tuple[str, ...]]]:
        assert isinstance(m, Matcher)
        return [(s.start, s.end, tuple(e.id for e in s.entries)) for s in m.find(text)]

    assert spans(probing) == spans(scanning), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("市長Ko Wen-je表示", "Ko Wen-je"),
        ("來自Hsinchu的工程師", "Hsinchu"),
        ("西屯區Xitun District", "Xitun District"),
        ("Xitun District西屯區", "Xitun District"),
    ],
)
def test_a_han_character_is_a_word_boundary_for_a_latin_name(
    builtin: Glossary, text: str, name: str
) -> None:
    """Chinese text around a Latin name has no spaces: its characters end the name."""
    assert name in [s.text for s in builtin.annotate(text)]


def test_a_letter_still_continues_a_latin_name(builtin: Glossary) -> None:
    """Letters of any Latin alphabet are part of the word (Xitunéa is no Xitun)."""
    assert "Xitun" not in [s.text for s in builtin.annotate("Xitunéa and aXitun")]


@pytest.mark.parametrize("comma", ["，", "．", ",", "."])
def test_a_chinese_name_never_runs_across_a_full_width_comma(builtin: Glossary, comma: str) -> None:
    """西，屯區 is two words, not 西屯區: the fold drops the full-width comma, the marks
    rule does not let a name run across it."""
    spans = builtin.annotate(f"他說西{comma}屯區很好")
    assert "西屯區" not in [s.text.replace(comma, "") for s in spans]


def test_near_misses_are_scored_against_taiwans_names_only() -> None:
    """The rows a typo is matched to are those of Taiwan's names: Tianjin's Heping District
    shares Taichung's key, but a typo of it is never the foreign place (one rule, for the
    typo table, the fuzzy lookups and the rows a typo span is given)."""
    from glossary import Kind
    from glossary._text import latin_key

    index = Glossary()._index
    rows = index.rows(latin_key("Heping District"))
    assert any(index.entry(r.n).kind is Kind.FOREIGN_PLACE for r in rows)
    fuzzy = index.fuzzy_rows(latin_key("Heping District"))
    assert fuzzy
    assert all(index.entry(r.n).kind is not Kind.FOREIGN_PLACE for r in fuzzy)
