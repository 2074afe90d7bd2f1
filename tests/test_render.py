"""The house style of glosses and normalize: short place glosses, 台/臺, brackets after a
name, acronyms, direct quotations and datelines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import Glossary
from glossary.render import gloss, gloss_chinese, normalize, rewrites


def _gloss(glossary: Glossary, text: str, **options: object) -> str:
    return gloss(text, glossary.annotate(text), glossary, **options)  # type: ignore[arg-type]


def _normalize(glossary: Glossary, text: str, **options: object) -> str:
    return normalize(text, glossary.annotate(text), glossary, **options)  # type: ignore[arg-type]


# -- the Chinese of a gloss ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ident", "short", "long"),
    [
        ("taipei-city", "台北", "臺北市"),  # a municipality: the same rule as a district
        ("taichung-city-xitun", "西屯", "西屯區"),
        ("changhua-county", "彰化", "彰化縣"),
        ("keelung-city", "基隆", "基隆市"),
        ("changhua-county-beidou", "北斗", "北斗鎮"),
        ("chiayi-city-east", "東區", "東區"),  # one character would be left: kept whole
        ("mainland-affairs-council", "陸委會", "陸委會"),  # not a place: the term base's gloss
    ],
    ids=["municipality", "district", "county", "city", "urban-township", "east", "agency"],
)
def test_places_are_glossed_short_unless_asked(
    glossary: Glossary, ident: str, short: str, long: str
) -> None:
    """Every place is glossed without its suffix; long=True keeps it (and 臺 with tai)."""
    entry = glossary[ident]
    assert gloss_chinese(entry) == short
    assert gloss_chinese(entry, long=True, tai="臺") == long


def test_tai_in_glosses(glossary: Glossary) -> None:
    """Glosses print 台 by default, as the papers do; tai="臺" prints the official form."""
    text = "Taichung and Taitung County"
    assert _gloss(glossary, text) == "Taichung (台中) and Taitung County (台東)"
    assert _gloss(glossary, text, tai="臺") == "Taichung (臺中) and Taitung County (臺東)"
    assert _gloss(glossary, text, long=True) == "Taichung (台中市) and Taitung County (台東縣)"


# -- brackets after a name -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Banqiao (板橋, New Taipei) grew.", "Banqiao (板橋, New Taipei) grew."),
        ("Xindian [新店] grew.", "Xindian [新店] grew."),
        ("Xindian 【新店】 grew.", "Xindian 【新店】 grew."),
        ("Zhongli (中壢, Taoyuan (桃園)) grew.", "Zhongli (中壢, Taoyuan (桃園)) grew."),
        ("Situn District\n(西屯) grew.", "Situn District\n(西屯) grew."),
        ("西屯區（Xitun District）的居民", "西屯區（Xitun District）的居民"),
    ],
    ids=["parenthesis", "bracket", "cjk-bracket", "nested", "line-break", "chinese"],
)
def test_a_bracket_holding_the_gloss_is_not_doubled(
    glossary: Glossary, text: str, expected: str
) -> None:
    """A bracket after a name that holds its gloss counts as the gloss, and nothing inside
    it is glossed (New Taipei, Taoyuan)."""
    assert _gloss(glossary, text) == expected


def test_a_bracket_holding_the_gloss_counts_as_the_first_mention(glossary: Glossary) -> None:
    text = "Xindian [新店] grew; Xindian grew again. New Taipei grew."
    assert _gloss(glossary, text) == (
        "Xindian [新店] grew; Xindian grew again. New Taipei (新北) grew."
    )


def test_a_bracket_holding_something_else_leaves_the_mention_alone(glossary: Glossary) -> None:
    """Taipei (AFP), Shilin District (open until 2am): no gloss there, nor in the bracket;
    the next mention gets it."""
    text = "Shilin District (open until 2am, near Taipei) is busy; Shilin District and Taipei."
    assert _gloss(glossary, text) == (
        "Shilin District (open until 2am, near Taipei) is busy; Shilin District (士林) and "
        "Taipei (台北)."
    )
    text = "Taichung (AFP) officials; Taichung Mayor Lu Shiow-yen."
    assert (
        _gloss(glossary, text)
        == "Taichung (AFP) officials; Taichung (台中) Mayor Lu Shiow-yen (盧秀燕)."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Mainland Affairs Council (MAC) said.",
            "The Mainland Affairs Council (MAC, 陸委會) said.",
        ),
        ("The Kuomintang (KMT) said.", "The Kuomintang (KMT, 國民黨) said."),
        (
            "The National Development Council (NDC) said.",
            "The National Development Council (NDC, 國發會) said.",
        ),
        (  # an acronym the term base does not hold: the initials of the name's words
            "The Ministry of Culture (MOC) and the Ocean Affairs Council (OAC) said.",
            "The Ministry of Culture (MOC, 文化部) and the Ocean Affairs Council (OAC, 海洋委員會) "
            "said.",
        ),
        (  # an acronym of another entry is no acronym of this one
            "Ko Wen-je (TPP) spoke; Ko Wen-je left.",
            "Ko Wen-je (TPP) spoke; Ko Wen-je (柯文哲) left.",
        ),
        (  # glossed the old way: left as it is
            "The Mainland Affairs Council (大陸委員會) (MAC) said.",
            "The Mainland Affairs Council (大陸委員會) (MAC) said.",
        ),
    ],
    ids=["term-base-acronym", "party", "short-form", "initials", "other-entry", "old-style"],
)
def test_an_acronym_in_parentheses_takes_the_gloss_in(
    glossary: Glossary, text: str, expected: str
) -> None:
    assert _gloss(glossary, text) == expected
    assert _gloss(glossary, expected) == expected
    assert _gloss(glossary, expected, every=True) == _gloss(glossary, text, every=True)


def test_an_acronym_merges_once(glossary: Glossary) -> None:
    """A second mention with its acronym is not glossed; with every=True it is."""
    text = "The MAC said. The Mainland Affairs Council (MAC) said again."
    assert (
        _gloss(glossary, text)
        == "The MAC (陸委會) said. The Mainland Affairs Council (MAC) said again."
    )
    assert _gloss(glossary, text, every=True) == (
        "The MAC (陸委會) said. The Mainland Affairs Council (MAC, 陸委會) said again."
    )


# -- quotations and datelines ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“Taichung will act,” the MAC said in Taichung.",
            "“Taichung will act,” the MAC (陸委會) said in Taichung (台中).",
        ),
        (
            '"Taichung will act,\nwe promise," the MAC said in Taichung.',
            '"Taichung will act,\nwe promise," the MAC (陸委會) said in Taichung (台中).',
        ),
        (  # an unclosed quotation ends at its paragraph
            '"Taichung will act.\n\n"Taichung will pay," he said of Taichung.',
            '"Taichung will act.\n\n"Taichung will pay," he said of Taichung (台中).',
        ),
        (
            "陸委會表示，「金門的演習已經結束」，金門縣政府也說明。",
            "陸委會（Mainland Affairs Council）表示，「金門的演習已經結束」，"
            "金門縣政府（Kinmen County Government）也說明。",
        ),
        (  # a quotation inside a Chinese quotation
            "他說：「『台中』很好」，台中",
            "他說：「『台中』很好」，台中（Taichung City）",
        ),
        (  # a quoted name is no quotation: glossed after its quote
            'YouTuber "Pa Chiung" spoke.',
            'YouTuber "Pa Chiung" (八炯) spoke.',
        ),
    ],
    ids=["curly", "over-lines", "unclosed", "chinese", "nested-chinese", "quoted-name"],
)
def test_no_gloss_inside_a_direct_quotation(glossary: Glossary, text: str, expected: str) -> None:
    assert _gloss(glossary, text) == expected


def test_quotations_are_glossed_when_asked(glossary: Glossary) -> None:
    text = "“Taichung will act,” the MAC said in Taichung."
    assert _gloss(glossary, text, quotations=True) == (
        "“Taichung (台中) will act,” the MAC (陸委會) said in Taichung."
    )


def test_an_apostrophe_opens_no_quotation(glossary: Glossary) -> None:
    """Single quotes are not read as quotation marks: Taiwan's ’ is an apostrophe."""
    text = "Taiwan’s ministers met in Taichung, ’twas said."
    assert _gloss(glossary, text) == "Taiwan’s ministers met in Taichung (台中), ’twas said."


@pytest.mark.parametrize(
    "dateline",
    [
        "TAIPEI —",
        "TAIPEI, Dec. 1 (CNA) —",
        "KAOHSIUNG, Taiwan --",
        "TAICHUNG -",
        "（中央社記者王小明台中1日電）",
        "〔記者王小明／台中報導〕",
    ],
)
def test_datelines_are_left_alone(glossary: Glossary, dateline: str) -> None:
    """The place of a dateline is not glossed; the story's first mention is."""
    text = f"{dateline} Officials in Taichung said.\n{dateline} Again."
    place = dateline.split(",")[0].split(" ")[0]
    out = _gloss(glossary, text)
    assert out == f"{dateline} Officials in Taichung (台中) said.\n{dateline} Again."
    assert _normalize(glossary, text, to="hanyu") == text.replace("Taichung", "Taizhong")
    assert place in out


def test_a_name_in_capitals_mid_sentence_is_no_dateline(glossary: Glossary) -> None:
    assert _gloss(glossary, "Flights to TAIPEI — and on.") == "Flights to TAIPEI (台北) — and on."


# -- normalize -------------------------------------------------------------------------------


def test_normalize_keeps_the_chinese_shape(glossary: Glossary) -> None:
    """台 stays 台 and 臺 stays 臺 unless asked; a short form stays short."""
    text = "台北市與臺中市的議員在台中開會，西屯区與陸委會。"
    assert _normalize(glossary, text) == "台北市與臺中市的議員在台中開會，西屯區與陸委會。"
    assert (
        _normalize(glossary, text, tai="臺") == "臺北市與臺中市的議員在臺中開會，西屯區與陸委會。"
    )
    assert (
        _normalize(glossary, text, tai="台") == "台北市與台中市的議員在台中開會，西屯區與陸委會。"
    )


def test_normalize_leaves_quotations_alone_unless_asked(glossary: Glossary) -> None:
    text = "“Situn is home,” he said in Situn; 他說「西屯区很好」。"
    assert _normalize(glossary, text) == "“Situn is home,” he said in Xitun; 他說「西屯区很好」。"
    assert _normalize(glossary, text, quotations=True) == (
        "“Xitun is home,” he said in Xitun; 他說「西屯區很好」。"
    )


def test_normalize_keeps_acronyms(glossary: Glossary) -> None:
    """MAC is not written out as MAINLAND AFFAIRS COUNCIL; a name in capitals still is."""
    text = "The MAC and the KMT met in SITUN DISTRICT."
    assert _normalize(glossary, text) == "The MAC and the KMT met in XITUN DISTRICT."


def test_rewrites_without_the_text_sees_every_span(glossary: Glossary) -> None:
    """Without the text rewrites cannot see quotations, and rewrites every name."""
    text = "“Situn is home,” he said."
    spans = glossary.annotate(text)
    assert [form for _, form in rewrites(spans, glossary)] == ["Xitun"]
    assert [form for _, form in rewrites(spans, glossary, text=text)] == []


# -- properties ------------------------------------------------------------------------------

_PIECES = [
    "Taichung",
    "Mainland Affairs Council",
    " (MAC)",
    " (AFP)",
    " [台中]",
    " (台中, ",
    ")",
    "“",
    "”",
    '"',
    "「",
    "」",
    "台中",
    " said",
    ", ",
    "\n",
    "\n\n",
    "TAIPEI — ",
    "Taipei City",
]


@pytest.mark.parametrize(
    "text",
    ['"Taichung, "Taichung', '"Taichung, "Taichung said', "「台中」，「台中"],
    ids=["quoted-name-then-quote", "then-more", "chinese"],
)
def test_a_gloss_inside_a_quotation_after_glossing_still_counts(
    glossary: Glossary, text: str
) -> None:
    """Found by the property test below: glossing '"Taichung, "Taichung' glosses the quoted
    name; glossed again, the gloss made the quotation longer than the name, and the second
    Taichung was glossed too. A gloss the text gives a name counts wherever the name is."""
    once = _gloss(glossary, text)
    assert once != text
    assert _gloss(glossary, once) == once


@pytest.mark.parametrize("every", [False, True], ids=["first", "every"])
def test_a_bracket_after_the_closing_quote_is_the_names_gloss(
    glossary: Glossary, every: bool
) -> None:
    """Found by the property test below: '"Taichung"Taichung”' glossed every mention gives
    'Taichung” (台中)' for the second; glossed again, the gloss after the quote counts (it
    was glossed a second time before the quote, and the 台中 inside the bracket too)."""
    once = _gloss(glossary, '"Taichung"Taichung”', every=every)
    assert _gloss(glossary, once, every=every) == once
    assert "（" not in once  # a curly quote is no Chinese text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_house_style_is_idempotent_and_only_adds(glossary: Glossary, text: str) -> None:
    """Whatever the brackets and quotes, glossing again changes nothing, and glossing only
    inserts: deleting the glosses gives the text back."""
    for options in ({}, {"every": True}, {"quotations": True}):
        once = _gloss(glossary, text, **options)
        assert _gloss(glossary, once, **options) == once
        assert _is_subsequence(text, once)
    normalized = _normalize(glossary, text)
    assert _normalize(glossary, normalized) == normalized


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(char in it for char in short)
