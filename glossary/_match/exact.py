"""The exact matcher: only the terms as the term base writes them, the job flashtext or a
plain Aho-Corasick scanner does, with the same spans out as the full matcher gives them."""

from __future__ import annotations

from typing import NamedTuple

from glossary._index import Index
from glossary._match.context import decide
from glossary._match.facts import generic_words_of
from glossary._match.rules import NO_BOUND, WORD, contradicted, cut_off, in_longer_name
from glossary._match.segment import Words
from glossary._model import Entry, MatchKind, Span, System, Term, new_span
from glossary._text import has_cjk

__all__ = ["ExactMatcher"]


class _Exact(NamedTuple):
    """What a key of the exact matcher stands for."""

    entries: tuple[Entry, ...]
    term: Term
    system: System | None
    sensitive: bool  # some term under it is matched only as written
    kinds: frozenset[str]  # its entries' kinds (Kind values)
    generics: frozenset[str]  # the generic words its entries' English names end with


class ExactMatcher:
    """Only the terms as the term base writes them, case-insensitively (acronyms and terms
    marked ``case: sensitive`` as written), whole words for Latin terms, leftmost-longest:
    the job flashtext or an Aho-Corasick automaton does, with the same spans out. Fast
    (the text is only lower-cased, not folded), but blind to other spellings, scripts and
    typos: ``Glossary.annotate(text, exact=True)``, ``glossary annotate --exact``.
    """

    def __init__(self, index: Index) -> None:
        import ahocorasick_rs

        self.index = index
        by_key: dict[str, list[tuple[int, str, str | None]]] = {}
        for term, n, system in index.terms():
            by_key.setdefault(term.lower(), []).append((n, term, system))
        self._keys = list(by_key)
        self._rows = [by_key[k] for k in self._keys]
        self._bounds = [NO_BOUND if has_cjk(k) else WORD for k in self._keys]
        self._terms: dict[tuple[int, str], Term] = {}
        self._info: dict[int, _Exact] = {}
        self.words = Words(self._chinese_keys)  # Chinese word boundaries
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._keys, matchkind=ahocorasick_rs.MatchKind.Standard
        )

    def find(self, text: str) -> list[Span]:
        """The terms in ``text``, in order, leftmost-longest among whole-word matches
        (a longer match cut off by a letter does not hide a shorter one inside it)."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a character that lower-cases to two (İ): keep 1:1
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        bounds = self._bounds
        matches = [
            (start, end, pattern)
            for pattern, start, end in self._automaton.find_matches_as_indexes(
                lowered, overlapping=True
            )
            if not cut_off(lowered, start, end, bounds[pattern])
        ]
        matches.sort(key=lambda m: (m[0], m[0] - m[1]))
        spans: list[Span] = []
        last = -1
        for start, end, pattern in matches:
            if start < last:
                continue
            found = text[start:end]
            info: _Exact | None = self._info.get(pattern) or self._prepare(pattern)
            if info is not None and info.sensitive:  # some term only as written (MAC)
                info = self._as_written(pattern, found)
            if info is None or (
                bounds[pattern]
                and (
                    contradicted(text, end, info.kinds, info.generics)
                    or in_longer_name(text, start, end)
                )
            ):
                continue
            if bounds[pattern] == NO_BOUND and not self.words.keeps(text, start, end, info.entries):
                continue
            last = end
            spans.append(
                new_span(
                    start,
                    end,
                    found,
                    info.entries,
                    MatchKind.EXACT,
                    100.0,
                    info.term.text,
                    info.system,
                    info.term.status,
                )
            )
        return decide(spans, self.index, text)

    def _chinese_keys(self) -> list[str]:
        """The Chinese terms: the segmenter's names."""
        return [key for key, bound in zip(self._keys, self._bounds, strict=True) if not bound]

    def _prepare(self, pattern: int) -> _Exact:
        info = self._hits(self._rows[pattern])
        assert info is not None  # every key has a row
        self._info[pattern] = info
        return info

    def _as_written(self, pattern: int, found: str) -> _Exact | None:
        rows = [
            row
            for row in self._rows[pattern]
            if not self._term(row[0], row[1]).case_sensitive or found == row[1]
        ]
        return self._hits(rows)

    def _hits(self, rows: list[tuple[int, str, str | None]]) -> _Exact | None:
        if not rows:
            return None
        numbers = list(dict.fromkeys(n for n, _, _ in rows))
        n, written, system = rows[0]
        term = self._term(n, written)
        entries = tuple(self.index.entry(m) for m in numbers)
        return _Exact(
            entries,
            term,
            System(system) if system else None,
            any(self._term(m, w).case_sensitive for m, w, _ in rows),
            frozenset(e.kind.value for e in entries),
            frozenset().union(*(generic_words_of(e.en) for e in entries)),
        )

    def _term(self, n: int, written: str) -> Term:
        term = self._terms.get((n, written))
        if term is None:
            entry = self.index.entry(n)
            term = next(t for t in (*entry.en, *entry.zh) if t.text == written)
            self._terms[(n, written)] = term
        return term
