"""Typos: near misses of names the exact pass left open, scored with rapidfuzz.

Only two shapes of text are tried, so that an ordinary English word is never taken for a
name: capitalised words right before a generic word (Shidng District, Bnaqiao Dist.), and
a stretch shaped like a Taiwanese name in English (a capitalised surname and a hyphenated
given name: Liu Shyh-fnag), the latter only against the names of people.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Sequence

from glossary._index import TYPO_MIN_LENGTH, Index, bare_key
from glossary._match.facts import generic_words_of
from glossary._match.rules import continues_word, contradicted, in_longer_name
from glossary._model import Kind, MatchKind, Span, new_span
from glossary._text import latin_key
from glossary._vocab import strip_generic_en

__all__ = ["Typos", "generic_words", "person_shapes"]

#: Where the names found so far start, in order, and the furthest end reached by each and
#: those before it (a stretch ``a:b`` overlaps one if, for the last start before ``b``,
#: that reach is past ``a``).
Found = tuple[list[int], list[int]]

#: Generic words (District, Dist., Township, Twp., City, County) are found by substring
#: searches, a stem and the endings that make a word of it (a regex alternation is tried
#: at every capital letter of the text, three times slower); the words before by a regex.
_GENERIC_STEMS = (
    ("Dist", ("rict", ".")),
    ("Township", ("",)),
    ("Twp.", ("",)),
    ("City", ("",)),
    ("County", ("",)),
)
_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){1,4}\Z")
_WINDOW = 80
_WORD = re.compile(r"[A-Z][\w'’-]*")
#: A Taiwanese person's name in English: surname, then a hyphenated given name.
_PERSON_SHAPE = re.compile(r"[A-Z][a-z]{1,6} [A-Z][a-z]{1,6}-[a-z]{1,6}(?![\w'’-])")
#: Its beginning, up to the hyphen (at most 16 characters), to search for back from one.
_PERSON_HEAD = re.compile(r"[A-Z][a-z]{1,6} [A-Z][a-z]{1,6}-\Z")
#: Characters that, before a word, make it continue an earlier one for the typo pass.
_JOINERS = "_'’-"


def generic_words(text: str) -> list[tuple[int, int]]:
    """Where generic words (District, Dist., County...) stand in ``text``, in order."""
    out: list[tuple[int, int]] = []
    length = len(text)
    for stem, endings in _GENERIC_STEMS:
        i = text.find(stem)
        while i >= 0:
            end = i + len(stem)
            for ending in endings:
                if text.startswith(ending, end):
                    end += len(ending)
                    if end == length or not (text[end].isalnum() or text[end] == "_"):
                        out.append((i, end))
                    break
            i = text.find(stem, end)
    out.sort()
    return out


def person_shapes(text: str, names: Found | None = None) -> Iterator[re.Match[str]]:
    """Stretches shaped like a Taiwanese name (_PERSON_SHAPE), found from their hyphens:
    substring searches for "-" and a regex only near each, not one tried at every capital.
    A hyphen inside one of the ``names`` found already is passed over (a stretch around it
    would overlap that name)."""
    starts, reach = names or ([], [])
    done = 0
    hyphen = text.find("-")
    while hyphen >= 0:
        i = bisect.bisect_right(starts, hyphen) - 1
        if i >= 0 and reach[i] > hyphen:
            hyphen = text.find("-", reach[i])
            continue
        head = _PERSON_HEAD.search(text, max(done, hyphen - 15), hyphen + 1)
        if head is not None:
            found = _PERSON_SHAPE.match(text, head.start())
            if found is not None:
                yield found
                done = found.end()
        hyphen = text.find("-", hyphen + 1)


def _inside_word(text: str, start: int, also: str = "_") -> bool:
    """Whether ``start`` continues a word (a letter or digit, or one of ``also``, comes
    right before it)."""
    if not start:
        return False
    before = text[start - 1]
    return continues_word(before) or before in also


def _reads_as_mandarin(bare: str) -> bool:
    """Whether a folded name is, syllable by syllable, romanized Mandarin in one system
    (any tone's spelling in that system's column of the syllable table).

    >>> _reads_as_mandarin("nanyang"), _reads_as_mandarin("hsinchuang")
    (True, True)
    >>> _reads_as_mandarin("shidng"), _reads_as_mandarin("bnaqiao")
    (False, False)
    >>> _reads_as_mandarin("chiuann")  # Gwoyeu Romatzyh: seven letters, one syllable
    True
    """
    # Every system at once: reached[i] has a bit for each system whose syllables spell
    # bare[:i] (one pass over the name, not one per system)
    systems = _systems()
    longest = _longest_spelling()
    length = len(bare)
    reached = [0] * (length + 1)
    reached[0] = (1 << len(_spellings())) - 1
    for i in range(length):
        here = reached[i]
        if here:
            for j in range(i + 1, min(length, i + longest) + 1):
                these = systems.get(bare[i:j])
                if these:
                    reached[j] |= here & these
    return reached[length] != 0


@functools.cache
def _systems() -> dict[str, int]:
    """Each folded spelling of a syllable (:func:`_spellings`), and a bit for each system
    that spells a syllable so."""
    out: dict[str, int] = {}
    for bit, spellings in enumerate(_spellings()):
        for spelling in spellings:
            out[spelling] = out.get(spelling, 0) | 1 << bit
    return out


@functools.cache
def _longest_spelling() -> int:
    """The length of the longest folded spelling of a syllable (7: Gwoyeu Romatzyh's
    chiuann, a tone-marked Tongyong shuangˇ)."""
    return max(map(len, _systems()))


@functools.cache
def _spellings() -> tuple[frozenset[str], ...]:
    """Per system, every folded spelling of a syllable (interjections left out)."""
    from glossary._syllables import INTERJECTIONS, SYSTEMS, table

    toned = table().toned
    return tuple(
        frozenset(
            latin_key(spelling)
            for (syllable, _, column), spelling in toned.items()
            if column == system and syllable not in INTERJECTIONS and latin_key(spelling)
        )
        for system in SYSTEMS
        if system != "zhuyin"
    )


class Typos:
    """The typo pass over one index. A stretch is scored only against the keys the index's
    typo table offers for it (:meth:`glossary._index.Index.typo_candidates`): a handful,
    whatever the size of the term base, where scoring every key cost 0.05 ms a stretch at
    1k terms and 1.8 ms at 50k."""

    def __init__(self, index: Index) -> None:
        self.index = index
        #: Per (folded stretch, people only, cutoff): its best key. Texts repeat names,
        #: unknown ones too.
        self._seen: dict[tuple[str, bool, float], tuple[float, str] | None] = {}

    def find(self, text: str, spans: Sequence[Span], cutoff: float) -> list[Span]:
        """Near misses of names in ``text`` that none of ``spans`` (sorted) covers."""
        starts = [s.start for s in spans]
        reach = list(itertools.accumulate((s.end for s in spans), max))
        found = (starts, reach)
        return self._place_misses(text, found, cutoff) + self._person_misses(text, found, cutoff)

    def _place_misses(self, text: str, found: Found, cutoff: float) -> list[Span]:
        """Typos before a generic word: of the capitalised words before it, the last one to
        three are scored against the index's English terms and Hanyu readings, and the best
        score at or above ``cutoff`` wins."""
        starts, reach = found
        out: list[Span] = []
        for begin, end in generic_words(text):
            i = bisect.bisect_left(starts, end) - 1
            if i >= 0 and reach[i] > begin:
                continue  # the exact pass found a name here: the common case, first
            if _inside_word(text, begin):
                continue
            window = max(0, begin - _WINDOW)
            words = _WORDS_BEFORE.search(text, window, begin)
            if words is None:
                continue
            if i >= 0 and reach[i] > words.start():
                continue  # the exact pass found a name here
            found_words = [  # the regex may start inside a word (xSitun): not that one
                word
                for word in _WORD.finditer(text, words.start(), words.end())
                if not _inside_word(text, word.start(), _JOINERS)
            ]
            best: tuple[float, str, int] | None = None
            for first in found_words[-3:]:
                hit = self._best(latin_key(text[first.start() : end]), cutoff, people=False)
                if hit is not None and (best is None or hit[0] > best[0]):
                    best = (hit[0], hit[1], first.start())
            if best is None:
                continue
            score, key, start = best
            if self._no_fuzzy(key) or in_longer_name(text, start, end):
                continue
            entries = tuple(
                self.index.entry(n) for n in sorted({row.n for row in self.index.fuzzy_rows(key)})
            )
            kinds = frozenset(e.kind.value for e in entries)
            if contradicted(text, end, kinds, generic_words_of(t for e in entries for t in e.en)):
                continue
            terms = [t.text for t in entries[0].en if latin_key(t.text) == key]
            matched = terms[0] if terms else entries[0].english
            out.append(
                new_span(start, end, text[start:end], entries, MatchKind.FUZZY, score, matched)
            )
        return out

    def _person_misses(self, text: str, found: Found, cutoff: float) -> list[Span]:
        """Typos in people's names, which have no generic word: only a stretch shaped like a
        Taiwanese name in English (Liu Shyh-fnag, Ko Wen-jee) is tried, and only against
        the names of people."""
        starts, reach = found
        out: list[Span] = []
        for shape in person_shapes(text, found):
            if _inside_word(text, shape.start(), _JOINERS):
                continue
            i = bisect.bisect_left(starts, shape.end()) - 1
            if i >= 0 and reach[i] > shape.start():
                continue  # the exact pass found a name here
            if in_longer_name(text, shape.start(), shape.end()):
                continue
            hit = self._best(latin_key(shape.group()), cutoff, people=True)
            if hit is None:
                continue
            entry = next(
                self.index.entry(row.n)
                for row in self.index.rows(hit[1])
                if row.match == "term" and self.index.entry(row.n).kind is Kind.PERSON
            )
            term = next(t for t in entry.en if latin_key(t.text) == hit[1])
            if not term.fuzzy:
                continue
            out.append(
                new_span(
                    shape.start(),
                    shape.end(),
                    shape.group(),
                    (entry,),
                    MatchKind.FUZZY,
                    hit[0],
                    term.text,
                )
            )
        return out

    def _best(self, key: str, cutoff: float, *, people: bool) -> tuple[float, str] | None:
        """The best-scoring fuzzy key for ``key`` at or above ``cutoff`` (rapidfuzz ratio),
        among the few the index's typo table offers (those whose bare part is one
        deletion, each side, from this one's): with ``people``, only people's names.
        A place's stretch that reads as romanized Mandarin in one system (Nanyang,
        Baichin) is a name in its own right, one the term base does not hold, not a typo
        of another. (People's names, tried only against people's, are spelled in so many
        systems that a typo often reads as one: Ko Wen-jee.)"""
        seen = self._seen.get((key, people, cutoff), self)
        if seen is not self:
            return seen  # type: ignore[return-value]
        if not people and _reads_as_mandarin(bare_key(key)):
            # Only the name itself could score 100; nothing near it is taken for it
            found = (100.0, key) if self.index.fuzzy_rows(key) else None
        else:
            found = self._score(key, cutoff, people=people)
        if len(self._seen) >= 65536:
            self._seen.clear()
        self._seen[(key, people, cutoff)] = found
        return found

    def _score(self, key: str, cutoff: float, *, people: bool) -> tuple[float, str] | None:

        bare = bare_key(key)
        if len(bare) < TYPO_MIN_LENGTH:
            return None
        choices = self.index.typo_candidates(bare)
        if people:
            choices = [c for c in choices if self._is_person_name(c)]
        if not choices:
            return None
        from rapidfuzz import fuzz, process

        found = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        return None if found is None else (float(found[1]), found[0])

    def _is_person_name(self, key: str) -> bool:
        """Whether ``key`` is the English name of a person, as the term base writes it."""
        return any(
            row.match == "term" and self.index.entry(row.n).kind is Kind.PERSON
            for row in self.index.rows(key)
        )

    def _no_fuzzy(self, key: str) -> bool:
        """Whether the term behind a fuzzy key has asked not to be matched by near misses."""
        for n in {row.n for row in self.index.fuzzy_rows(key)}:
            for term in self.index.entry(n).en:
                if not term.fuzzy and key in (
                    latin_key(term.text),
                    latin_key(strip_generic_en(term.text) or ""),
                ):
                    return True
        return False
