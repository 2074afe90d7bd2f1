"""Doubts (glossary._match.doubts): each kind on the span that earns it, with its message
and suggestion, none on a sure span, in house style, and in JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary import Doubt, DoubtKind, Glossary, Span
from glossary.render import span_dict

_FORBIDDEN = """\
- id: taipei-city-wanhua
  kind: district
  parent: taipei-city
  zh: [萬華區]
  en:
    - term: Wanhua District
      system: hanyu
    - term: Bangka District
      status: forbidden
      note: not an administrative name
  source: test fixture
"""


def _doubts(g: Glossary, text: str) -> list[tuple[str, str, DoubtKind, str, str | None]]:
    return [(s.text, s.entries[0].id, d.kind, d.message, d.suggestion)
            for s in g.annotate(text) for d in s.doubts]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rain closed roads in Shidng District.",
            [("Shidng District", "new-taipei-city-shiding", DoubtKind.TYPO,
              "typo of Shiding District", "Shiding District")],
        ),
        (
            "Residents of Situn District voted.",
            [("Situn District", "taichung-city-xitun", DoubtKind.NON_HOUSE,
              "house style writes Xitun District", "Xitun District")],
        ),
        (
            "Flights left Taibei late.",  # no generic word in the text: none suggested
            [("Taibei", "taipei-city", DoubtKind.NON_HOUSE, "house style writes Taipei",
              "Taipei")],
        ),
        (
            "Farmers lobbied Situn\ndistrict officials.",  # a generic word in any case
            [("Situn\ndistrict", "taichung-city-xitun", DoubtKind.NON_HOUSE,
              "house style writes Xitun District", "Xitun District")],
        ),
        (
            "The Council of Agriculture said prices would fall.",
            [("Council of Agriculture", "ministry-of-agriculture", DoubtKind.DEPRECATED,
              "deprecated: renamed Ministry of Agriculture on 2023-08-01",
              "Ministry of Agriculture")],
        ),
        (
            "市民在西屯区集會。",
            [("西屯区", "taichung-city-xitun", DoubtKind.SIMPLIFIED, "Simplified for 西屯區",
              "西屯區")],
        ),
        (
            "Traffic in Hsinchu was heavy.",  # Hsinchu City or County: prominence ties
            [("Hsinchu", "hsinchu-city", DoubtKind.AMBIGUOUS,
              "one of Hsinchu City 新竹市; Hsinchu County 新竹縣", None)],
        ),
        (
            "Officials in Tianjin said Heping District was flooded.",
            [("Heping District", "cn-tianjin-heping", DoubtKind.FOREIGN,
              "outside Taiwan: Heping District 和平區, Tianjin Municipality", None)],
        ),
    ],
    ids=["typo", "non-house", "non-house-bare", "non-house-lowercase-generic", "deprecated",
         "simplified", "ambiguous", "foreign"],
)  # fmt: skip
def test_each_kind_of_doubt(
    glossary: Glossary, text: str, expected: list[tuple[str, str, DoubtKind, str, str | None]]
) -> None:
    """A span carries the doubt its spelling or entry shows, with an editor's message and
    the house form to write instead."""
    assert _doubts(glossary, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Residents of Xitun District voted.",  # the house form
        "Xitun residents voted.",  # the house form without its generic word
        "TAIPEI, Nov. 30 — Rain fell.",  # capitals are no other spelling
        "The MAC said talks would resume.",  # an abbreviation is no spelling
        "Ko Wen-je spoke.",  # a person's own spelling
        "市民在臺中市和台中市集會。",  # 台/臺 are variants, not Simplified
        "市民在西屯集會。",  # the short form of a Traditional term
    ],
)
def test_sure_spans_have_no_doubts(glossary: Glossary, text: str) -> None:
    """House forms, capitals, abbreviations, own spellings and 台/臺 variants are sure."""
    spans = glossary.annotate(text)
    assert spans
    assert all(s.sure and s.doubts == () for s in spans)


def test_non_house_follows_the_house_style(glossary: Glossary) -> None:
    """The house style decides what is a non-house spelling: with Tongyong preferred,
    Situn District is sure and Xitun District is not."""
    tongyong = Glossary(prefer=("tongyong", "preferred"), cache_dir=glossary.cache_dir)
    assert _doubts(tongyong, "Situn District voted.") == []
    assert _doubts(tongyong, "Xitun District voted.") == [
        ("Xitun District", "taichung-city-xitun", DoubtKind.NON_HOUSE,
         "house style writes Situn District", "Situn District")
    ]  # fmt: skip


def test_forbidden_term(tmp_path: Path) -> None:
    """A forbidden term carries its note and the house form."""
    path = tmp_path / "wanhua.yaml"
    path.write_text(_FORBIDDEN, encoding="utf-8")
    g = Glossary([path])
    assert _doubts(g, "Police patrolled Bangka District.") == [
        ("Bangka District", "taipei-city-wanhua", DoubtKind.FORBIDDEN,
         "forbidden: not an administrative name", "Wanhua District")
    ]  # fmt: skip


def test_exact_mode_has_doubts_too(glossary: Glossary) -> None:
    """The exact matcher's spans carry the same doubts."""
    spans = glossary.annotate("The Council of Agriculture met in Situn District.", exact=True)
    assert [d.kind for s in spans for d in s.doubts] == [
        DoubtKind.DEPRECATED,
        DoubtKind.NON_HOUSE,
    ]


def test_span_defaults_are_sure() -> None:
    """A span built without doubts is sure and has no decision recorded."""
    entry = Glossary()["taichung-city-xitun"]
    span = Span(0, 5, "Xitun", (entry,), glossary.MatchKind.EXACT, 100.0, "Xitun")
    assert span.sure
    assert span.decided_by is None
    doubted = Span(
        0, 5, "Situn", (entry,), glossary.MatchKind.EXACT, 100.0, "Situn",
        doubts=(Doubt(DoubtKind.NON_HOUSE, "house style writes Xitun", "Xitun"),),
    )  # fmt: skip
    assert not doubted.sure


def test_doubt_kinds_are_the_agreed_strings() -> None:
    """The kinds are the strings JSON and --report print."""
    assert [k.value for k in DoubtKind] == [
        "typo",
        "non-house",
        "deprecated",
        "forbidden",
        "simplified",
        "ambiguous",
        "prominence",
        "foreign",
    ]


def test_json_lists_doubts_and_decision(glossary: Glossary) -> None:
    """span_dict gives every doubt as kind, message and suggestion, and decided_by."""
    spans = glossary.annotate("Rain closed roads in Shidng District.")
    out = span_dict(spans[0], glossary)
    assert out["doubts"] == [
        {
            "kind": "typo",
            "message": "typo of Shiding District",
            "suggestion": "Shiding District",
        }
    ]
    assert out["decided_by"] is None
    ambiguous = span_dict(glossary.annotate("Hsinchu")[0], glossary)
    assert ambiguous["doubts"][0]["suggestion"] is None
