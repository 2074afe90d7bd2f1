"""Homonyms decided by context (glossary._match.context): the plural generic word after a
list, the county named for its seat, the parent named, the foreign layer near a word for
China or a province of China, prominence, and ambiguity when nothing decides."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import DoubtKind, Glossary


def _decisions(g: Glossary, text: str) -> list[tuple[str, list[str], str | None]]:
    return [(s.text, [e.id for e in s.entries], s.decided_by) for s in g.annotate(text)]


@pytest.mark.parametrize(
    ("text", "name", "ids", "how"),
    [
        ("Changhua, Yunlin and Chiayi counties braced for rain.", "Changhua",
         ["changhua-county"], "generic"),
        ("Changhua, Yunlin and Chiayi counties braced for rain.", "Chiayi",
         ["chiayi-county"], "generic"),
        ("Hsinchu and Chiayi cities will share the grant.", "Hsinchu", ["hsinchu-city"],
         "generic"),
        ("Hualien County officials said Hualien was hit hardest.", "Hualien",
         ["hualien-county"], "county"),
        ("花蓮縣表示，花蓮受災最重。", "花蓮", ["hualien-county"], "county"),
        ("Keelung officials said Xinyi District was spared.", "Xinyi District",
         ["keelung-city-xinyi"], "parent"),
        ("Rain hit Taoyuan, Kaohsiung officials said.", "Taoyuan", ["taoyuan-city"],
         "prominence"),
        ("Officials in Tianjin said Heping District was flooded.", "Heping District",
         ["cn-tianjin-heping"], "foreign-context"),
        ("The plant in Zhongshan in Guangdong will close.", "Zhongshan",
         ["cn-guangdong-zhongshan"], "foreign-context"),
        ("天津市和平區", "和平區", ["cn-tianjin-heping"], "foreign-context"),
        ("China's Zhongshan District in Dalian was locked down.", "Zhongshan District",
         ["cn-liaoning-dalian-zhongshan"], "foreign-context"),
        ("中國大陸的和平區昨日停課。", "和平區",
         ["cn-liaoning-shenyang-heping", "cn-tianjin-heping"], "foreign-context"),
        ("Police closed roads in Xinyi District.", "Xinyi District", ["taipei-city-xinyi"],
         "prominence"),
        ("Hsinchu residents queued for the subsidy.", "Hsinchu",
         ["hsinchu-city", "hsinchu-county"], None),
        ("Officials in Taipei and Keelung said Xinyi District was spared.", "Xinyi District",
         ["keelung-city-xinyi", "taipei-city-xinyi"], None),
    ],
    ids=["plural-counties", "plural-counties-last", "plural-cities", "county-for-seat",
         "county-for-seat-zh", "parent", "top-level-beats-parent", "tianjin", "guangdong",
         "tianjin-zh", "china-in-sentence", "mainland-zh-two-abroad", "prominence",
         "prominence-tie", "two-parents"],
)  # fmt: skip
def test_decisions(
    glossary: Glossary, text: str, name: str, ids: list[str], how: str | None
) -> None:
    """Each rule decides the homonym an editor means, and says which rule did."""
    found = [(i, h) for t, i, h in _decisions(glossary, text) if t == name]
    assert found == [(ids, how)]


@pytest.mark.parametrize(
    ("text", "name", "ids"),
    [
        # Kinmen, "off China's Fujian province", stays Taiwan's county
        ("China's coast guard sailed near Kinmen, off China's Fujian province.", "Kinmen",
         ["kinmen-county"]),
        # 大陸 inside the Mainland Affairs Council's name is no word for China
        ("大陸委員會表示，和平區居民可申請補助。", "和平區", ["taichung-city-heping"]),
        # a Taiwanese candidate's parent named in the paragraph wins over China
        ("China said drills would go on. In Taichung, Heping District was calm.",
         "Heping District", ["taichung-city-heping"]),
        # China in another paragraph says nothing
        ("China said drills would go on.\n\nHeping District reopened a road.",
         "Heping District", ["taichung-city-heping"]),
        # Tainan named beside Hebei: the (安平) gloss of Tainan's district is Tainan's
        ("Anping County in Hebei opened a line. In Tainan, Anping District (安平) was busy.",
         "安平", ["tainan-city-anping"]),
    ],
    ids=["kinmen", "mac-is-no-cue", "native-parent", "other-paragraph", "gloss-after-hebei"],
)  # fmt: skip
def test_taiwan_stays_taiwan(glossary: Glossary, text: str, name: str, ids: list[str]) -> None:
    """A word for China does not move Taiwan's places abroad where the text says they
    are Taiwan's, nor from another paragraph, nor from inside a name."""
    assert [i for t, i, _ in _decisions(glossary, text) if t == name] == [ids]


def test_prominence_doubt_lists_the_others(glossary: Glossary) -> None:
    """A homonym chosen by prominence carries a doubt naming every other candidate."""
    (span, _) = glossary.annotate("Rain hit Taoyuan, Kaohsiung officials said.")
    assert span.decided_by == "prominence"
    assert [(d.kind, d.message) for d in span.doubts] == [
        (
            DoubtKind.PROMINENCE,
            "chosen by prominence over Taoyuan District 桃源區, Kaohsiung City; "
            "Taoyuan District 桃園區, Taoyuan City",
        )
    ]


def test_foreign_decision_has_a_foreign_doubt_and_no_gloss(glossary: Glossary) -> None:
    """A place abroad carries a FOREIGN doubt and is not glossed as Taiwan's (nor at all)."""
    from glossary.render import gloss

    text = "Officials in Tianjin said Heping District was flooded."
    spans = glossary.annotate(text)
    assert [(d.kind, d.message) for s in spans for d in s.doubts] == [
        (DoubtKind.FOREIGN, "outside Taiwan: Heping District 和平區, Tianjin Municipality")
    ]
    assert gloss(text, spans, glossary) == text


def test_exact_mode_decides_the_same(glossary: Glossary) -> None:
    """The exact matcher's spans go through the same decisions as the full scan's."""
    text = "Officials in Taipei City and Keelung City said Xinyi District was spared."
    full = {(s.start, s.end): (s.entries, s.decided_by) for s in glossary.annotate(text)}
    exact = glossary.annotate(text, exact=True)
    assert len(exact) == 3
    for span in exact:
        assert full[(span.start, span.end)] == (span.entries, span.decided_by)


# -- a property: decisions only ever narrow, and prominence picks a strict maximum -----------

_TOWNS = {"Linkou": "林口", "Meishan": "梅山", "Hengshan": "橫山", "Taiping": "太平"}


@st.composite
def homonyms_and_text(draw: st.DrawFn) -> tuple[str, str]:
    """Two cities, districts of each that share names, random prominence, and a text
    naming some of them."""
    lines = [
        f"- id: {city}\n  kind: municipality\n  zh: [{zh}市]\n  en: [{city.title()} City]\n"
        "  prominence: 90\n  source: test\n"
        for city, zh in (("alpha", "甲"), ("beta", "乙"))
    ]
    for town, zh in _TOWNS.items():
        cities = draw(
            st.lists(st.sampled_from(["alpha", "beta"]), min_size=1, max_size=2, unique=True)
        )
        for city in cities:
            prominence = draw(st.integers(0, 3)) * 10
            lines.append(
                f"- id: {city}-{town.lower()}\n  kind: district\n  parent: {city}\n"
                f"  zh: [{zh}區]\n  en: [{town} District]\n  prominence: {prominence}\n"
                "  source: test\n"
            )
    vocabulary = [f"{t} District" for t in _TOWNS] + ["Alpha City", "Beta City", "rain", "and"]
    words = draw(st.lists(st.sampled_from(vocabulary), max_size=8))
    lines.sort()  # a term base file is sorted by id
    return "".join(lines), " ".join(words) + "."


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(homonyms_and_text())
def test_decisions_narrow_and_prominence_is_a_strict_maximum(
    tmp_path: Path, case: tuple[str, str]
) -> None:
    """Against the spans before any decision: each decided span names one of its
    candidates; a prominence decision takes the one candidate of the highest
    prominence; a span left ambiguous has no such one, or the text names several of its
    candidates' parents."""
    yaml_text, text = case
    path = tmp_path / "terms.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    g = Glossary([path], builtin=False, cache_dir=None)
    decided = g.annotate(text)
    with mock.patch("glossary._match.scan.decide", lambda spans, index, text="": list(spans)):
        raw = {(s.start, s.end): s for s in g.annotate(text)}
    assert [(s.start, s.end) for s in decided] == list(raw)
    named = {s.entries[0].id for s in decided if len(s.entries) == 1}
    for span in decided:
        before = raw[(span.start, span.end)].entries
        assert {e.id for e in span.entries} <= {e.id for e in before}
        top = max(e.prominence for e in before)
        if span.decided_by == "prominence":
            assert span.entries[0].prominence == top
            assert [e.prominence for e in before].count(top) == 1
        if span.ambiguous:
            prominences = [e.prominence for e in span.entries]
            parents = {e.parent for e in span.entries} & named
            assert prominences.count(max(prominences)) > 1 or len(parents) > 1, text


def test_matched_is_a_term_of_the_chosen_entry(glossary: Glossary) -> None:
    """A decided span's ``matched`` is a term of its own entry, not a homonym's: Yilan
    City's span gives Yilan City, not Yilan County."""
    spans = glossary.annotate("Yilan City officials said Yilan was hit.")
    assert [(s.text, s.entries[0].id, s.matched) for s in spans] == [
        ("Yilan City", "yilan-county-yilan", "Yilan City"),
        ("Yilan", "yilan-county-yilan", "Yilan City"),
    ]


@pytest.mark.parametrize(
    ("text", "name", "ids", "how"),
    [
        ("彰化、Changhua, Yunlin and Chiayi counties表示", "Chiayi", ["chiayi-county"], "generic"),
        (
            "官員說China的Heping District淹水。",
            "Heping District",
            ["cn-tianjin-heping"],
            "foreign-context",
        ),
    ],
    ids=["plural-before-han", "china-before-han"],
)
def test_a_han_character_ends_the_cue_word(
    glossary: Glossary, text: str, name: str, ids: list[str], how: str
) -> None:
    """The plural generic word and the word for China are found with a Han character
    right after them, as with a space (a Han character ends a Latin word)."""
    spans = [s for s in glossary.annotate(text) if s.text == name]
    assert len(spans) == 1
    if how == "foreign-context":
        assert spans[0].decided_by == how
        assert set(ids) <= {e.id for e in spans[0].entries}
    else:
        assert ([e.id for e in spans[0].entries], spans[0].decided_by) == (ids, how)


@pytest.mark.parametrize(
    "text", ["Chinatown's Heping District flooded.", "Heping District in Chinas"]
)
def test_a_longer_latin_word_is_no_china_cue(glossary: Glossary, text: str) -> None:
    (span,) = glossary.annotate(text)
    assert [e.id for e in span.entries] == ["taichung-city-heping"]
