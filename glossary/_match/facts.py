"""Per-key facts: what the matcher needs to know about one key of the index, worked out once
from its rows (:class:`KeyFacts`), and the everyday words a bare name may not be alone."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from glossary._index import Index, KeyRow, names_in_text
from glossary._model import Entry, MatchKind, Status, System, Term
from glossary._vocab import ASCII_MARKS, GENERIC_IN_TEXT, MARKS

__all__ = ["COMMON_WORDS", "KeyFacts", "entry_status", "generic_words_of"]

#: Bare names and readings that are everyday English words: they name a place only with
#: their generic word (Hoping District, East District), never alone ("I am hoping", "east
#: of the river"). Found by checking every bare key of the built-in term base against
#: English word frequencies (wordfreq, Zipf 3 or more), plus the other compass points.
COMMON_WORDS = frozenset(
    {
        "east",
        "west",
        "south",
        "north",
        "central",
        "westcentral",
        "hoping",
        "alien",
        "render",
        "bali",
        "darren",
        # bare names of the places layer (Green Island, Orchid Island)
        "green",
        "orchid",
    }
)

_KINDS = {
    "variant": MatchKind.VARIANT,
    "script": MatchKind.SCRIPT,
    "pinyin": MatchKind.PINYIN,
}

#: The full generic words (District, Township, City, County), case-folded.
_FULL_GENERICS = tuple(sorted(set(GENERIC_IN_TEXT.values())))


class KeyFacts(NamedTuple):
    """Everything the matcher needs to know about one key, from its rows in the index.

    A NamedTuple, not a dataclass: the CLI imports this module on every run of
    `glossary annotate`, and generating a frozen dataclass costs milliseconds.
    """

    latin: bool
    score: float  # the best row's
    bare: bool  # only bare names and readings: needs a capital letter
    full_stop: bool  # a term ends with "." (Dist.): the span takes a full stop after it
    marks: frozenset[str]  # the full stops and commas of its terms, in order
    generics: frozenset[str]  # generic words its entries' English names end with
    entries: tuple[Entry, ...]  # the entries of the best rows
    match: MatchKind
    term: str
    system: System | None
    status: Status | None
    as_written: frozenset[str]  # when every term of the key is case-sensitive: its spellings
    size: int  # the key's length: of two keys over one stretch, the longer wins
    folded_term: str  # ``term``, case-folded
    common: bool  # an everyday English word (COMMON_WORDS)
    foreign: bool  # only a foreign place's bare name or readings: needs its generic word
    kinds: frozenset[str]  # its rows' entries' kinds (Kind values): see rules.contradicted

    @classmethod
    def of(cls, key: str, index: Index, generics_of: dict[int, frozenset[str]]) -> KeyFacts:
        """What ``key`` stands for; ``generics_of`` remembers each entry's generic words."""
        rows = index.rows(key)
        foreign = False
        if key.isascii():
            native = [r for r in rows if names_in_text(index.entry(r.n).kind, r)]
            foreign = not native  # only a foreign place's bare names: need a generic word
            rows = native or rows
        best: dict[int, KeyRow] = {}
        for row in rows:
            old = best.get(row.n)
            if old is None or row.score > old.score:
                best[row.n] = row
        top = max(r.score for r in best.values())
        chosen = [r for r in best.values() if r.score == top]
        if len(chosen) > 1:
            chosen.sort(key=lambda r: index.entry(r.n).id)
        entries = tuple(index.entry(r.n) for r in chosen)
        row = chosen[0]
        terms = [_term_of(index.entry(r.n), r) for r in rows]
        generics: set[str] = set()
        for r in rows:
            words = generics_of.get(r.n)
            if words is None:
                words = generics_of[r.n] = generic_words_of(index.entry(r.n).en)
            generics |= words
        as_written = (
            frozenset(t.text for t in terms if t is not None)
            if terms and all(t is not None and t.case_sensitive for t in terms)
            else frozenset()
        )
        return cls(
            latin=key.isascii(),
            score=top,
            bare=all(r.match != "term" for r in rows),
            full_stop=any(r.term.endswith(".") for r in rows),
            marks=frozenset("".join(MARKS.findall(r.term)).translate(ASCII_MARKS) for r in rows),
            generics=frozenset(generics),
            entries=entries,
            match=_KINDS.get(row.match, MatchKind.EXACT),
            term=row.term,
            system=System(row.system) if row.system else None,
            status=entry_status(entries[0], row.term) if len(entries) == 1 else None,
            as_written=as_written,
            size=len(key),
            folded_term=row.term.casefold(),
            common=key in COMMON_WORDS,
            foreign=foreign,
            kinds=frozenset(index.entry(r.n).kind.value for r in rows),
        )


def generic_words_of(terms: Iterable[Term]) -> frozenset[str]:
    """The full generic words (case-folded) that these English terms end with."""
    return frozenset(
        word for t in terms for word in _FULL_GENERICS if t.text.casefold().endswith(" " + word)
    )


def _term_of(entry: Entry, row: KeyRow) -> Term | None:
    """The English term a row of the index stands for, when it is one written as is."""
    if row.match != "term":
        return None
    return next((t for t in entry.en if t.text == row.term), None)


def entry_status(entry: Entry, term: str) -> Status | None:
    """The status of the entry's term written ``term``, if it has one."""
    for t in (*entry.en, *entry.zh):
        if t.text == term:
            return t.status
    return None
