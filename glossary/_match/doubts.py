"""Doubts: what about a span a copy editor should check, each kind worked out here once.

The matcher finds and decides; this module says how sure each span is, in the house style
of a glossary (``prefer``), since a non-house spelling and the form to write instead
depend on it. The context decisions (:mod:`glossary._match.context`) add the doubts only
they know of: a homonym chosen by prominence, a place outside Taiwan.

>>> import glossary
>>> [(d.kind.value, d.message, d.suggestion)
...  for s in glossary.Glossary().annotate("Rain in Shidng District.") for d in s.doubts]
[('typo', 'typo of Shiding District', 'Shiding District')]
"""

from __future__ import annotations

from collections.abc import Sequence

from glossary._index import Index
from glossary._model import (
    Doubt,
    DoubtKind,
    Entry,
    Kind,
    MatchKind,
    Span,
    Status,
    System,
    new_span,
)
from glossary._text import chinese_key, has_cjk
from glossary._vocab import fold, strip_generic_en, strip_generic_zh

__all__ = ["add_doubts", "described", "doubts_of", "house_letters"]

#: The systems a spelling of a name follows (not a translation, an abbreviation or a
#: person's own choice): one of them that is not the house style's is a non-house spelling.
_ROMANIZATIONS = frozenset(
    {
        System.HANYU,
        System.TONGYONG,
        System.WADE_GILES,
        System.MPS2,
        System.GWOYEU,
        System.YALE,
        System.LEGACY,
    }
)

#: Matches that are the entry's own spelling (a SCRIPT match may be Simplified, a PINYIN
#: one is a romanization, a FUZZY one a typo) and the statuses that are doubts.
_PLAIN = frozenset({MatchKind.EXACT, MatchKind.VARIANT})
_FLAGGED = frozenset({Status.DEPRECATED, Status.FORBIDDEN})


def add_doubts(spans: Sequence[Span], index: Index, prefer: tuple[str, ...]) -> list[Span]:
    """``spans`` with the doubts each carries in house style ``prefer`` added to those the
    context decisions gave (a span with none is returned as it is)."""
    out: list[Span] = []
    for span in spans:
        found = doubts_of(span, index, prefer)
        if found:
            span = new_span(
                span.start,
                span.end,
                span.text,
                span.entries,
                span.match,
                span.score,
                span.matched,
                span.system,
                span.status,
                (*found, *span.doubts),
                span.decided_by,
            )
        out.append(span)
    return out


def doubts_of(span: Span, index: Index, prefer: tuple[str, ...]) -> tuple[Doubt, ...]:
    """The doubts of one span that its entry and spelling show: typo, deprecated or
    forbidden term, non-house spelling, Simplified characters, ambiguity.

    The ambiguity doubt lists the candidates; a span the context decided by prominence
    carries its own doubt (listing the others) instead.
    """
    if (  # most spans, told apart at once: one entry, its own term, no romanization
        len(span.entries) == 1
        and span.match in _PLAIN
        and span.status not in _FLAGGED
        and span.system not in _ROMANIZATIONS
        and span.entries[0].kind is not Kind.FOREIGN_PLACE
    ):
        return ()
    if all(e.kind is Kind.FOREIGN_PLACE for e in span.entries):
        names = "; ".join(described(e, index, prefer) for e in span.entries)
        return (Doubt(DoubtKind.FOREIGN, f"outside Taiwan: {names}"),)
    entry = span.entry
    if entry is None:
        if not span.ambiguous or span.decided_by is not None:
            return ()
        names = "; ".join(described(e, index, prefer) for e in span.entries)
        return (Doubt(DoubtKind.AMBIGUOUS, f"one of {names}"),)
    chinese = has_cjk(span.text)
    if span.match is MatchKind.FUZZY:
        target = span.matched if chinese else entry.english_for(prefer).text
        return (Doubt(DoubtKind.TYPO, f"typo of {target}", target),)
    found: list[Doubt] = []
    if span.status in _FLAGGED:
        term = next((t for t in (*entry.en, *entry.zh) if t.text == span.matched), None)
        kind = DoubtKind.DEPRECATED if span.status is Status.DEPRECATED else DoubtKind.FORBIDDEN
        why = term.note if term is not None and term.note else f"{kind.value} term"
        message = why if why.startswith(kind.value) else f"{kind.value}: {why}"
        found.append(
            Doubt(kind, message, entry.chinese if chinese else entry.english_for(prefer).text)
        )
    elif chinese:
        if span.match is MatchKind.SCRIPT:
            return _script_doubts(span.text, span.matched, entry)
    elif _romanized(span) and house_letters(span.text) != house_letters(
        house := entry.english_for(prefer).text
    ):
        if not _has_generic(span.text):  # Taibei: Taipei, not Taipei City
            house = strip_generic_en(house) or house
        found.append(Doubt(DoubtKind.NON_HOUSE, f"house style writes {house}", house))
    return tuple(found)


def house_letters(name: str) -> str:
    """The letters of an English name that tell spellings apart: its generic word, case,
    spaces, hyphens and apostrophes left out (``Hsi-t'un District`` → ``hsitun``).

    >>> house_letters("Hsi-t'un District"), house_letters("TAIPEI")
    ('hsitun', 'taipei')
    """
    return fold(strip_generic_en(name) or name)


def _has_generic(name: str) -> bool:
    """Whether an English name ends with a generic word, in any case and after any space
    (``Situn district``, ``Situn\nDistrict``)."""
    words = name.split()
    return (
        len(words) > 1 and strip_generic_en(" ".join([*words[:-1], words[-1].title()])) is not None
    )


def _romanized(span: Span) -> bool:
    """Whether the span spells a name in a romanization (not an abbreviation, a
    translation or a person's own spelling)."""
    return span.match is MatchKind.PINYIN or (
        span.system is not None and span.system in _ROMANIZATIONS
    )


#: Worked out once per name and entry (a Chinese text names the same places again and
#: again; the keys took 5-10 µs a span): the Simplified doubt of (text, matched term, entry
#: id), and the keys of an entry's Traditional forms. Each value keeps the entry it was
#: worked out for, and is used only for that very entry (another index may give another
#: entry the same id). Cleared when full.
_SCRIPT_DOUBTS: dict[tuple[str, str, str], tuple[Entry, tuple[Doubt, ...]]] = {}
_TRADITIONAL: dict[str, tuple[Entry, frozenset[str]]] = {}
_CACHE_SIZE = 65536


def _script_doubts(text: str, matched: str, entry: Entry) -> tuple[Doubt, ...]:
    """The doubts of a Chinese name that matched in another script or variant (``SCRIPT``):
    the Simplified doubt when the text is none of the entry's Traditional forms."""
    cached = _SCRIPT_DOUBTS.get((text, matched, entry.id))
    if cached is not None and cached[0] is entry:
        return cached[1]
    found: tuple[Doubt, ...] = ()
    if _simplified(text, entry):
        traditional = _traditional_form(text, matched)
        found = (Doubt(DoubtKind.SIMPLIFIED, f"Simplified for {traditional}", traditional),)
    if len(_SCRIPT_DOUBTS) >= _CACHE_SIZE:
        _SCRIPT_DOUBTS.clear()
    _SCRIPT_DOUBTS[text, matched, entry.id] = (entry, found)
    return found


def _simplified(text: str, entry: Entry) -> bool:
    """Whether Chinese ``text`` of the entry is none of its Traditional forms (variant
    characters such as 台/臺 aside): written in Simplified."""
    return chinese_key(text) not in _traditional_keys(entry)


def _traditional_keys(entry: Entry) -> frozenset[str]:
    """The keys of the entry's Traditional forms: its Chinese terms with and without their
    generic word, and its gloss."""
    cached = _TRADITIONAL.get(entry.id)
    if cached is not None and cached[0] is entry:
        return cached[1]
    keys = set()
    for term in entry.zh:
        keys.add(chinese_key(term.text))
        bare = strip_generic_zh(term.text)
        if bare is not None:
            keys.add(chinese_key(bare))
    if entry.gloss:
        keys.add(chinese_key(entry.gloss))
    if len(_TRADITIONAL) >= _CACHE_SIZE:
        _TRADITIONAL.clear()
    _TRADITIONAL[entry.id] = (entry, frozenset(keys))
    return _TRADITIONAL[entry.id][1]


def _traditional_form(text: str, matched: str) -> str:
    """The Traditional term to write for ``text``: the matched term, without its generic
    word when the text leaves it out (西屯 for 西屯, 西屯區 for 西屯区)."""
    bare = strip_generic_zh(matched)
    if bare is not None and len(chinese_key(text)) == len(chinese_key(bare)):
        return bare
    return matched


def described(entry: Entry, index: Index, prefer: tuple[str, ...]) -> str:
    """An entry as a candidate reads in a message: its house English and Chinese, and its
    parent's where it has one (``Xinyi District 信義區, Taipei City``)."""
    parent = index.parent(entry)
    where = f", {parent.english_for(prefer).text}" if parent is not None else ""
    return f"{entry.english_for(prefer).text} {entry.chinese}{where}"
