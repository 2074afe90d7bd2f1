"""The context decisions cost each name a bounded amount of work, whatever the length of
its paragraph (glossary._match.context): a text of one long paragraph once took time that
grew with its square (0.4 MB: 95 s)."""

from __future__ import annotations

from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from glossary import Entry, Glossary, Span
from glossary._match import context

UNIT = (
    "天津市和平区商务局表示，外交部发言人说，中方愿意合作。"
    "Officials in Tianjin said Heping District and the Ministry of Foreign Affairs met; "
    "China's Ministry of Education agreed. Xinyi District was spared. "
)


def test_each_paragraph_is_searched_for_names_abroad_once(glossary: Glossary) -> None:
    """Whether an ancestor's name is written in a paragraph is worked out in one search
    of the paragraph for every name the text's places abroad may ask about, once per
    paragraph, not once per span nor once per name; no name is searched for on its own."""
    searched: list[tuple[int, int]] = []
    alone: list[str] = []
    real = context._NameSearch.written
    real_alone = context._written_in

    def counted(self: context._NameSearch, text: str, start: int, end: int) -> set[str]:
        searched.append((start, end))
        return real(self, text, start, end)

    def counted_alone(name: str, text: str, *args: int) -> bool:
        alone.append(name)
        return real_alone(name, text, *args)

    paragraphs = [UNIT * 40] * 5
    with (
        mock.patch.object(context._NameSearch, "written", counted),
        mock.patch.object(context, "_written_in", counted_alone),
    ):
        spans = glossary.annotate("\n\n".join(paragraphs))  # five paragraphs of 10 kB
    assert len(spans) >= 1000
    assert searched, "the rule was not exercised"
    assert len(searched) == len(set(searched)) <= len(paragraphs)
    assert not alone


@given(
    st.lists(st.sampled_from(["天津", "天津市", "津市", "Tianjin", "Tian", "Hebei", "He"])),
    st.text(alphabet="天津市河北 TianjHebi-_,.\n𠀀臺", max_size=60),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=60),
)
def test_one_search_finds_what_a_search_for_each_name_finds(
    names: list[str], text: str, start: int, end: int
) -> None:
    """The names one pass over ``text[start:end]`` finds written are those a search for
    each name alone (``_written_in``) finds there: a Han name anywhere, a Latin one as a
    word of its own, names inside others and overlapping included."""
    alone = {n for n in names if context._written_in(n, text, start, end)}
    assert context._NameSearch(names).written(text, start, end) == alone


def test_the_script_of_a_shared_body_name_is_judged_on_a_window(glossary: Glossary) -> None:
    """外交部 in a Simplified paragraph of a text about China: the script is judged on the
    text around the name, not on its whole paragraph."""
    lengths: list[int] = []
    real = context._simplified

    def measured(text: str) -> bool:
        lengths.append(len(text))
        return real(text)

    with mock.patch.object(context, "_simplified", measured):
        spans = glossary.annotate(UNIT * 200)
    assert len(lengths) >= 200
    assert max(lengths) <= 2 * context._CLAUSE_REACH + 10
    assert not [s for s in spans if s.text == "外交部" and s.entry is not None]


def test_a_name_found_again_and_again_is_worked_out_once(glossary: Glossary) -> None:
    """The homonyms abroad of a name and whether it is a body name the PRC shares are
    worked out once per name in a text (a Chinese story names the same places again and
    again), not once per span."""
    places: list[str] = []
    bodies: list[str] = []
    real_places = context._Abroad._places_of
    real_body = context._body_of_china

    def counted_places(self: context._Abroad, span: Span) -> list[Entry]:
        places.append(span.text)
        return real_places(self, span)

    def counted_body(span: Span, text: str) -> bool:
        bodies.append(span.text)
        return real_body(span, text)

    context._shared_body_name.cache_clear()
    with (
        mock.patch.object(context._Abroad, "_places_of", counted_places),
        mock.patch.object(context, "_body_of_china", counted_body),
    ):
        spans = glossary.annotate(UNIT * 200)
    assert len(spans) >= 1000
    assert places, "the rule was not exercised"
    assert sorted(places) == sorted(set(places))
    asked = context._shared_body_name.cache_info()
    assert asked.hits + asked.misses == len(bodies) >= 1000
    assert asked.misses == len(set(bodies))


def test_the_names_of_a_text_are_not_copied_for_each_homonym(glossary: Glossary) -> None:
    """Each homonym is decided by the names of the text asked as one set, the same for
    every span (a copy of it for each homonym made a text's cost grow with the product of
    its names and its homonyms: 196 homonyms among 22,665 names took 60 ms)."""
    sets: list[set[str]] = []  # the sets themselves: a freed one's id may come again
    real = context._by_names

    def counted(span: Span, named: set[str], *args: object) -> Span:
        sets.append(named)
        return real(span, named, *args)  # type: ignore[arg-type]

    text = "Heping District officials said Taichung was spared. " + " ".join(
        f"Xinyi District and Zhongshan District, road {i}: Yilan County officials said Yilan"
        " and Hsinchu were spared."
        for i in range(200)
    )  # Heping District: Taichung's, named once, or Tianjin's; Yilan: the county named
    with mock.patch.object(context, "_by_names", counted):
        glossary.annotate(text)
    assert len(sets) >= 200
    assert all(named is sets[0] for named in sets)


@given(
    st.sets(st.sampled_from("abcdef")),
    st.sets(st.sampled_from("abcdef")),
    st.sampled_from([None, *"abcdef"]),
    st.sampled_from([None, *"abcdef"]),
)
def test_named_among_is_the_intersection_with_the_names_set_aside(
    ids: set[str], named: set[str], aside: str | None, mine: str | None
) -> None:
    """``_named_among`` answers what the intersection with a copy of the names, those set
    aside taken out, answers."""
    assert context._named_among(ids, named, aside, mine) == bool(ids & (named - {aside, mine}))
    assert context._named_among(ids, named, aside) == bool(ids & (named - {aside}))
