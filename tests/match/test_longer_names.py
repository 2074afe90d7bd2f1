"""A name inside a longer proper name (glossary._match.rules.in_longer_name): "The Taipei
Times" is a newspaper, not Taipei; the whole name wins where the term base has it."""

from __future__ import annotations

from importlib import resources

import pytest

from glossary import Glossary
from glossary._match.rules import in_longer_name, longer_name_words
from glossary.render import normalize
from tests.cli.helpers import installed, run


def _spans(g: Glossary, text: str, **options: bool) -> list[tuple[str, str]]:
    return [(s.text, s.entries[0].id) for s in g.annotate(text, **options)]


LONGER = [
    ("The Taipei Times reported it.", "Taipei"),
    ("Taichung Bank reported a profit.", "Taichung"),
    ("Crowds filled Dajia Jenn Lann Temple.", "Dajia"),  # the temple's own entry aside
    ("The Taipei District Prosecutors' Office said.", "Taipei"),
    ("Doctors at Kaohsiung Medical University said.", "Kaohsiung"),
    ("The Xitun District Office said.", "Xitun District"),
    ("The Taipei City Government's plan.", "Taipei City"),
    ("The Hualien County Council met.", "Hualien County"),
    ("Shops at the Keelung Miaokou Night Market closed.", "Keelung"),
    ("He works at the Bank of Taiwan.", "Taiwan"),
    ("She teaches at the University of Taipei.", "Taipei"),
    ("She studied at National Taipei University of Technology.", "Taipei"),
    ("Staff of the Taichung\nIntercontinental Baseball Stadium.", "Taichung"),
    ("An exhibition on the reign of the Wanli Emperor opened.", "Wanli"),  # a Ming emperor
    ("The Wanli Emperor's tomb lies near Beijing.", "Wanli"),
]


@pytest.mark.parametrize("overlapping", [False, True], ids=["leftmost-longest", "overlapping"])
@pytest.mark.parametrize(("text", "name"), LONGER, ids=[n for _, n in LONGER])
def test_a_name_inside_a_longer_name_is_no_hit(
    glossary: Glossary, text: str, name: str, overlapping: bool
) -> None:
    """The place is part of the longer name: it is not found on its own, in either mode."""
    spans = glossary.annotate(text, overlapping=overlapping)
    assert name not in [s.text for s in spans], spans


def test_the_dajia_temple_is_the_temple_and_the_later_district_the_district(
    glossary: Glossary,
) -> None:
    """The term base has the whole temple name: it wins; the district named later on its
    own is still found."""
    text = "Crowds followed the Dajia Jenn Lann Temple pilgrimage.\n\nDajia District closed roads."
    assert _spans(glossary, text) == [
        ("Dajia Jenn Lann Temple", "dajia-jenn-lann-temple"),
        ("Dajia District", "taichung-city-dajia"),
    ]


@pytest.mark.parametrize("exact", [False, True], ids=["full", "exact"])
def test_the_whole_name_wins_where_the_term_base_has_it(glossary: Glossary, exact: bool) -> None:
    """Taoyuan International Airport is one span of the airport, not Taoyuan and a stray
    airport (the airport's entry is the longer key)."""
    text = "Flights from Taoyuan International Airport were cancelled, Kaohsiung officials said."
    assert _spans(glossary, text, exact=exact)[0] == (
        "Taoyuan International Airport",
        "taiwan-taoyuan-international-airport",
    )


NOT_LONGER = [
    ("Taipei Mayor Chiang Wan-an spoke.", "Taipei"),  # a title, not an institution
    ("A Taipei bank was robbed.", "Taipei"),  # lower case: no proper name
    ("He lives in Taipei. Bank staff agree.", "Taipei"),  # a new sentence
    ("He lives in Taipei, Bank staff agree.", "Taipei"),
    ("He moved to Taipei\n\nBank staff agree.", "Taipei"),  # a new paragraph
    ("The bank of Taipei's river.", "Taipei"),  # lower case before "of"
    ("Taipei Banking staff", "Taipei"),  # a longer word is not the word
]


@pytest.mark.parametrize(("text", "name"), NOT_LONGER, ids=[t for t, _ in NOT_LONGER])
def test_a_name_not_continued_by_an_institution_word_is_found(
    glossary: Glossary, text: str, name: str
) -> None:
    """Only capitalised words that continue the name into one ending with an institution
    word block it: a title, a lower-case word, a sentence or paragraph break do not."""
    assert name in [s.text for s in glossary.annotate(text)]


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("Taipei Banking Corp", 0, 6, True),  # Corp, two words on
        ("Taipei Banking", 0, 6, False),
        ("Taipei Times.", 0, 6, True),  # a full stop after the word
        ("Taipei Times' editors", 0, 6, True),  # a possessive
        ("Taipei Times’s editors", 0, 6, True),
        ("Taipei One Two Three Four Five Bank", 0, 6, False),  # six words on: too far
        ("Taipei One Two Three Four Bank", 0, 6, True),  # five: still the name
        ("Taipei\r\nTimes", 0, 6, True),
        ("Bank of the Taipei", 12, 18, True),
        ("Mayor of Taipei", 9, 15, False),
        ("xBank of Taipei", 9, 15, False),  # xBank is no word of the list
        ("Taipei", 0, 6, False),
        ("Taipei City台中 Council", 0, 6, False),  # a Han character ends the run
    ],
)
def test_in_longer_name(text: str, start: int, end: int, expected: bool) -> None:
    """The rule itself, on its edges: the words it reads and how far."""
    assert in_longer_name(text, start, end) is expected


def test_a_typo_inside_a_longer_name_is_no_hit(glossary: Glossary) -> None:
    """The typo pass keeps the rule too: Shidng District Office is an office."""
    assert glossary.annotate("The Shidng District Office said.") == []
    assert [s.text for s in glossary.annotate("The Shidng District said.")] == ["Shidng District"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Taipei Times and Taichung Bank", "The Taipei Times and Taichung Bank"),
        # Kaohsiung Medical University has its own entry in the places layer (the whole
        # name wins), so the case is made with a university the term base lacks.
        (
            "Kaohsiung Open University in Kaohsiung",
            "Kaohsiung Open University in Gaoxiong",
        ),
        ("The Situn District Office in Situn", "The Situn District Office in Xitun"),
    ],
)
def test_normalize_leaves_longer_names_alone(glossary: Glossary, text: str, expected: str) -> None:
    """normalize --to hanyu never rewrites a name inside a longer one: Taipei Times stays."""
    assert normalize(text, glossary.annotate(text), glossary, to="hanyu") == expected


def test_cli_normalize_leaves_the_taipei_times_alone() -> None:
    """`glossary normalize --to hanyu` leaves the newspaper's name, rewrites the city's."""
    text = "The Taipei Times reported from Taipei.\n"
    assert run("normalize", "--to", "hanyu", input=text) == (
        0,
        "The Taipei Times reported from Taibei.\n",
        "",
    )
    done = installed("normalize", "--to", "hanyu", input=text)
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "The Taipei Times reported from Taibei.\n",
        "",
    )


def test_the_word_list_is_sorted_capitalised_and_shipped() -> None:
    """The list is data a curator extends: one capitalised word a line, sorted, no
    duplicates, read from the package."""
    text = resources.files("glossary").joinpath("data/longer_names.txt").read_text("utf-8")
    words = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert words == sorted(set(words))
    assert all(w[0].isupper() and " " not in w for w in words)
    assert set(words) == longer_name_words()
    assert {"Times", "Bank", "Temple", "Market", "Airport", "Office", "University"} <= set(words)
