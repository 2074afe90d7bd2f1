"""Finding names in text: one Aho-Corasick pass over a folded copy, offsets into the original.

The text is folded the way index keys are (case, diacritics, spaces, hyphens, apostrophes and
full stops dropped; NFKC and 台/臺 folded), keeping for each folded character the offset of
the original character it came from. One automaton holds every key of the index, English and
Chinese; it reports every occurrence, and each is then checked against the original text:

- a Latin key must start and end on word boundaries (Situn's, (Situn) and Taichung-based
  are hits; Pasitun is not);
- a name without its generic word, or a romanized reading, must start with a capital
  letter (Bade District, Bade; but not "she bade him farewell");
- full stops and commas inside the span must be ones the term has (Sec. 1, Bade Rd.),
  so that a name does not run across a sentence break (Xitun. District officials...).

Overlaps are resolved leftmost-longest (Taichung City Council beats Taichung City), or all
are kept. A name several entries share is decided by context: the entry whose parent (or
any ancestor) is also named in the text wins; otherwise the span lists every candidate.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from glossary._index import KeyRow
from glossary._model import Entry, MatchKind, Span, Status, System
from glossary._text import _VARIANTS, CHINESE_PUNCTUATION

if TYPE_CHECKING:
    from glossary._glossary import Glossary

#: Characters dropped from the folded text, as latin_key and chinese_key drop them.
_DROPPED = frozenset(" \t\n\r\f\v\u00a0\u3000-‐‑‒–—'’‘ʼ`´′._,/") | CHINESE_PUNCTUATION
#: Punctuation a term must itself contain for a span to run across it.
_GUARDED = frozenset(".,")

#: Generic words that may follow a name, full or abbreviated (Situn District, Situn Dist.).
_GENERIC_AFTER = re.compile(
    r"[ \t\r\n\u00a0-]+(district|dist\.|township|twp\.|city|county|co\.)(?![\w])",
    re.IGNORECASE,
)
_GENERIC_FULL = {"dist.": "district", "twp.": "township", "co.": "county"}

_KINDS = {
    "variant": MatchKind.VARIANT,
    "script": MatchKind.SCRIPT,
    "pinyin": MatchKind.PINYIN,
}


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the original offset it came from.

    >>> folded, where = fold("Hsi-T’un Dist.")
    >>> folded, where[:4]
    ('hsitundist', [0, 1, 2, 4])
    """
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        if char in _DROPPED:
            continue
        if char.isascii():
            out.append(char.lower())
            where.append(i)
            continue
        piece = unicodedata.normalize("NFKC", char)
        if piece in _DROPPED:
            continue
        piece = "".join(
            c for c in unicodedata.normalize("NFD", piece) if not unicodedata.combining(c)
        )
        piece = unicodedata.normalize("NFC", piece).casefold().translate(_VARIANTS)
        for folded_char in piece:
            if folded_char not in _DROPPED:
                out.append(folded_char)
                where.append(i)
    return "".join(out), where


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    key: str
    score: float  # the best row's: of two keys over one stretch, the term beats the reading


class Matcher:
    """Every key of a glossary's index in one automaton, built on first use."""

    def __init__(self, glossary: Glossary) -> None:
        import ahocorasick_rs

        self.glossary = glossary
        self.keys = glossary.index.keys()
        self._automaton = ahocorasick_rs.AhoCorasick(
            self.keys, matchkind=ahocorasick_rs.MatchKind.Standard
        )

    def find(self, text: str, *, overlapping: bool = False) -> list[Span]:
        """The names in ``text``, in order; leftmost-longest unless ``overlapping``."""
        folded, where = fold(text)
        found: list[_Found] = []
        for pattern, start, end in self._automaton.find_matches_as_indexes(
            folded, overlapping=True
        ):
            key = self.keys[pattern]
            hit = self._check(text, key, where[start], where[end - 1] + 1)
            if hit is not None:
                found.append(hit)
        found.sort(key=lambda f: (f.start, -(f.end - f.start), -f.score, -len(f.key)))
        if overlapping:  # one span per stretch of text: the best key for it
            first: dict[tuple[int, int], _Found] = {}
            for f in found:
                first.setdefault((f.start, f.end), f)
            found = list(first.values())
        else:
            found = _leftmost_longest(found)
        spans = [self._span(text, f) for f in found]
        return _decide(spans, self.glossary)

    def _rows(self, key: str) -> list[KeyRow]:
        return self.glossary.index.rows(key)

    def _check(self, text: str, key: str, start: int, end: int) -> _Found | None:
        rows = self._rows(key)
        if not key.isascii():  # Chinese: no word boundaries in Han text
            if not _punctuation_ok(text[start:end], rows):
                return None
            return _Found(start, end, key, max(r.score for r in rows))
        if start > 0 and text[start - 1].isalnum():
            return None
        if any(r.term.endswith(".") for r in rows) and text[end : end + 1] == ".":
            end += 1  # Situn Dist. ends with its full stop
        elif end < len(text) and text[end].isalnum():
            return None
        span = text[start:end]
        if not _punctuation_ok(span, rows):
            return None
        bare = all(r.match != "term" for r in rows)
        if bare and not span[:1].isupper():
            return None  # a bare name or a reading needs its capital: Bade, not bade
        if bare:
            end = self._generic_end(text, end, rows)
        return _Found(start, end, key, max(r.score for r in rows))

    def _generic_end(self, text: str, end: int, rows: Sequence[KeyRow]) -> int:
        """Past the generic word that follows a bare name or reading (Hsi-t'un District)."""
        match = _GENERIC_AFTER.match(text, end)
        if match is None:
            return end
        word = match.group(1).casefold()
        full = _GENERIC_FULL.get(word, word)
        for row in rows:
            entry = self.glossary.index.entry(row.n)
            if any(t.text.casefold().endswith(" " + full) for t in entry.en):
                return match.end()
        return end

    def _span(self, text: str, found: _Found) -> Span:
        rows = self._rows(found.key)
        best: dict[int, KeyRow] = {}
        for row in rows:
            old = best.get(row.n)
            if old is None or _score(row) > _score(old):
                best[row.n] = row
        top = max(_score(r) for r in best.values())
        chosen = sorted(
            (r for r in best.values() if _score(r) == top),
            key=lambda r: self.glossary.index.entry(r.n).id,
        )
        entries = tuple(self.glossary.index.entry(r.n) for r in chosen)
        row = chosen[0]
        span_text = text[found.start : found.end]
        match = _KINDS.get(row.match, MatchKind.EXACT)
        if row.match == "term" and span_text.casefold() != row.term.casefold():
            match = MatchKind.SCRIPT if not found.key.isascii() else MatchKind.VARIANT
        system = System(row.system) if row.system else None
        return Span(
            found.start,
            found.end,
            span_text,
            entries,
            match,
            _score(row),
            row.term,
            system,
            _status(entries[0], row.term) if len(entries) == 1 else None,
        )


def _score(row: KeyRow) -> float:
    return row.score


def _status(entry: Entry, term: str) -> Status | None:
    for t in (*entry.en, *entry.zh):
        if t.text == term:
            return t.status
    return None


def _punctuation_ok(span: str, rows: Sequence[KeyRow]) -> bool:
    marks = [c for c in span if c in _GUARDED]
    if not marks:
        return True
    return any([c for c in r.term if c in _GUARDED] == marks for r in rows)


def _leftmost_longest(found: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    end = -1
    for f in found:  # sorted by start, longest first, best first
        if f.start >= end:
            out.append(f)
            end = f.end
    return out


def _decide(spans: list[Span], glossary: Glossary) -> list[Span]:
    """Resolve ambiguous spans by the other names in the text (a parent or ancestor)."""
    named = {e.id for s in spans if s.entry is not None for e in s.entries}
    out: list[Span] = []
    for span in spans:
        if span.ambiguous:
            fitting = [e for e in span.entries if named & _ancestors(glossary, e)]
            if len(fitting) == 1:
                entry = fitting[0]
                span = Span(
                    span.start,
                    span.end,
                    span.text,
                    (entry,),
                    span.match,
                    span.score,
                    span.matched,
                    span.system,
                    _status(entry, span.matched),
                )
        out.append(span)
    return out


def _ancestors(glossary: Glossary, entry: Entry) -> set[str]:
    out: set[str] = set()
    current: Entry | None = entry
    while current is not None and current.parent and current.parent not in out:
        out.add(current.parent)
        current = glossary.parent_of(current)
    return out
