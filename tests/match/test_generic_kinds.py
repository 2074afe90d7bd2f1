"""A generic word that contradicts the entry's kind blocks the match
(glossary._match.rules.contradicted, glossary._vocab.GENERIC_KINDS): "Anping County" is
not Tainan's Anping District, "Zhongshan Road" is no Zhongshan District."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import Glossary
from glossary._match.rules import contradicted
from glossary._vocab import GENERIC_IN_TEXT, GENERIC_KINDS
from tests.conftest import ROOT

_ROAD = """\
- id: lin-kang
  kind: district
  zh: [林港區]
  en: [Lin Kang District]
  source: test
- id: lin-kang-road
  kind: road
  zh: [林港路]
  en: [Lin Kang Road]
  source: test
- id: mei-po
  kind: district
  zh: [美波區]
  en: [Mei Po]
  source: test
"""


@pytest.fixture(scope="module")
def divisions() -> Glossary:
    """Taiwan's divisions only: no foreign layer, no places layer."""
    return Glossary([ROOT / "terms" / "divisions.yaml"], builtin=False)


@pytest.fixture(scope="module")
def roads(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    path: Path = tmp_path_factory.mktemp("kinds") / "road.yaml"
    path.write_text(_ROAD, encoding="utf-8")
    return Glossary([path], builtin=False)


def _ids(g: Glossary, text: str, **options: bool) -> list[tuple[str, tuple[str, ...]]]:
    return [(s.text, tuple(e.id for e in s.entries)) for s in g.annotate(text, **options)]


def test_anping_county_is_hebeis_not_tainans(glossary: Glossary) -> None:
    """With the foreign layer, Anping County is Hebei's county; Tainan's district is
    found where it is written as one."""
    text = "Anping County in Hebei is far from Anping District in Tainan."
    spans = _ids(glossary, text)
    assert spans[0] == ("Anping County", ("cn-hebei-hengshui-anping",))
    assert ("Anping District", ("tainan-city-anping",)) in spans


@pytest.mark.parametrize("overlapping", [False, True], ids=["leftmost-longest", "overlapping"])
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anping County in Hebei", "Anping"),
        ("Traffic on Zhongshan Road was slow.", "Zhongshan"),
        ("Traffic on Zhongshan road was slow.", "Zhongshan"),
        ("Traffic on Zhongshan Rd. was slow.", "Zhongshan"),
        ("Taichung County merged into the city in 2010.", "Taichung"),
        ("He fished in the Tamsui River.", "Tamsui"),
        ("Heping Island in Keelung", "Heping"),
        ("The Taipei District Prosecutors", "Taipei"),
    ],
)
def test_a_contradicting_generic_word_blocks_the_name(
    divisions: Glossary, text: str, name: str, overlapping: bool
) -> None:
    """Without an entry for the whole name, the name before a word of another kind is no
    hit at all (not the district, county or city the bare name would be)."""
    spans = divisions.annotate(text, overlapping=overlapping)
    assert all(not s.text.startswith(name) for s in spans), spans


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Banqiao City became a district in 2010.", "new-taipei-city-banqiao"),
        ("Dajia Township became a district in 2010.", "taichung-city-dajia"),
        ("Xinyi Township in Nantou", "nantou-county-xinyi"),
        ("Taichung City officials", "taichung-city"),
        ("Hualien County officials", "hualien-county"),
        ("Zhongshan\n\nRoad works start today.", "taipei-city-zhongshan"),
    ],
)
def test_a_generic_word_that_fits_keeps_the_name(
    divisions: Glossary, text: str, entry: str
) -> None:
    """A word that fits: its own generic word, a district's former status (Banqiao City,
    Dajia Township were a city and a township until 2010), or a word after a blank line."""
    spans = divisions.annotate(text)
    assert spans, text
    assert entry in {e.id for e in spans[0].entries}


def test_xinyi_township_is_never_taipeis_district(glossary: Glossary) -> None:
    """信義鄉 (Nantou) and 信義區 (Taipei, Keelung) share a bare name: Xinyi Township is the
    township, even with Taipei named."""
    text = "Taipei officials visited Xinyi Township and Xinyi District."
    spans = _ids(glossary, text)
    assert ("Xinyi Township", ("nantou-county-xinyi",)) in spans
    assert ("Xinyi District", ("taipei-city-xinyi",)) in spans


@pytest.mark.parametrize("exact", [False, True], ids=["full", "exact"])
def test_a_road_entry_is_the_longer_key_and_wins(roads: Glossary, exact: bool) -> None:
    """With a road entry for the whole name, Lin Kang Road is the road; Lin Kang District
    is the district; in both modes."""
    text = "Lin Kang Road runs through Lin Kang District."
    assert _ids(roads, text, exact=exact) == [
        ("Lin Kang Road", ("lin-kang-road",)),
        ("Lin Kang District", ("lin-kang",)),
    ]


@pytest.mark.parametrize("exact", [False, True], ids=["full", "exact"])
def test_a_term_before_a_word_of_another_kind_is_no_hit(roads: Glossary, exact: bool) -> None:
    """Mei Po is a district written without its generic word: Mei Po Street is no hit in
    either mode, Mei Po alone is."""
    assert _ids(roads, "Mei Po Street and Mei Po", exact=exact) == [("Mei Po", ("mei-po",))]


def test_a_typo_before_a_word_of_another_kind_is_no_hit(glossary: Glossary) -> None:
    """The typo pass keeps the rule: Shidng District Road is a road."""
    assert glossary.annotate("Shidng District Road") == []
    assert [s.text for s in glossary.annotate("Shidng District")] == ["Shidng District"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xitun Road", True),
        ("Xitun-Road", True),
        ("Xitun Roads", False),  # no such word
        ("Xitun Village", True),
        ("Xitun District", False),
        ("Xitun City", False),
        ("Xitun County", True),
        ("Xitun", False),
        ("Xitun\nRoad", True),
    ],
)
def test_contradicted(text: str, expected: bool) -> None:
    """The rule on its edges, for a district written Xitun District."""
    kinds, generics = frozenset({"district"}), frozenset({"district"})
    assert contradicted(text, 5, kinds, generics) is expected


def test_every_generic_word_in_text_has_its_kinds() -> None:
    """The generic words a bare name takes are among those the kind rule knows, each
    fitting the kind its name says (District: district...)."""
    assert set(GENERIC_IN_TEXT) <= set(GENERIC_KINDS)
    for word, full in GENERIC_IN_TEXT.items():
        assert GENERIC_KINDS[word] == GENERIC_KINDS[full]
