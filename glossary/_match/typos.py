"""Typos: near misses of names the exact pass left open, scored with rapidfuzz.

Only two shapes of text are tried, so that an ordinary English word is never taken for a
name: capitalised words right before a generic word (Shidng District, Bnaqiao Dist.), and
a stretch shaped like a Taiwanese name in English (a capitalised surname and a hyphenated
given name: Liu Shyh-fnag), the latter only against the names of people.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence

from glossary._index import Index
from glossary._match.rules import continues_word
from glossary._model import Entry, Kind, MatchKind, Span
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


class Typos:
    """The typo pass over one index: the keys to score, loaded on first need."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._people_cache: tuple[list[str], list[Entry]] | None = None

    def find(self, text: str, spans: Sequence[Span], cutoff: float) -> list[Span]:
        """Near misses of names in ``text`` that none of ``spans`` (sorted) covers."""
        starts = [s.start for s in spans]
        reach = list(itertools.accumulate((s.end for s in spans), max))
        return self._place_misses(text, (starts, reach), cutoff) + self._person_misses(
            text, (starts, reach), cutoff
        )

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
            # Only now, with a stretch to score: rapidfuzz and the keys cost ~30 ms to load.
            from rapidfuzz import fuzz, process

            choices, numbers = self.index.fuzzy_choices()[:2]
            best: tuple[float, int, int] | None = None
            found_words = [  # the regex may start inside a word (xSitun): not that one
                word
                for word in _WORD.finditer(text, words.start(), words.end())
                if not _inside_word(text, word.start(), _JOINERS)
            ]
            for first in found_words[-3:]:
                phrase = text[first.start() : end]
                hit = process.extractOne(
                    latin_key(phrase), choices, scorer=fuzz.ratio, score_cutoff=cutoff
                )
                if hit is not None and (best is None or hit[1] > best[0]):
                    best = (float(hit[1]), hit[2], first.start())
            if best is None:
                continue
            score, position, start = best
            key = choices[position]
            if self._no_fuzzy(key, numbers, choices):
                continue
            entries = tuple(
                self.index.entry(n)
                for n in sorted({n for k, n in zip(choices, numbers, strict=True) if k == key})
            )
            terms = [t.text for t in entries[0].en if latin_key(t.text) == key]
            matched = terms[0] if terms else entries[0].english
            out.append(Span(start, end, text[start:end], entries, MatchKind.FUZZY, score, matched))
        return out

    def _person_misses(self, text: str, found: Found, cutoff: float) -> list[Span]:
        """Typos in people's names, which have no generic word: only a stretch shaped like a
        Taiwanese name in English (Liu Shyh-fnag, Ko Wen-jee) is tried, and only against
        the names of people."""
        starts, reach = found
        out: list[Span] = []
        people: tuple[list[str], list[Entry]] | None = None
        for shape in person_shapes(text, found):
            if _inside_word(text, shape.start(), _JOINERS):
                continue
            i = bisect.bisect_left(starts, shape.end()) - 1
            if i >= 0 and reach[i] > shape.start():
                continue  # the exact pass found a name here
            if people is None:
                from rapidfuzz import fuzz, process

                people = self._people()
            if not people[0]:
                break
            best = process.extractOne(
                latin_key(shape.group()), people[0], scorer=fuzz.ratio, score_cutoff=cutoff
            )
            if best is None:
                continue
            entry = people[1][best[2]]
            term = next(t for t in entry.en if latin_key(t.text) == best[0])
            if not term.fuzzy:
                continue
            out.append(
                Span(
                    shape.start(),
                    shape.end(),
                    shape.group(),
                    (entry,),
                    MatchKind.FUZZY,
                    float(best[1]),
                    term.text,
                )
            )
        return out

    def _people(self) -> tuple[list[str], list[Entry]]:
        """The folded English names of every person in the term base, and their entries."""
        if self._people_cache is None:
            keys: list[str] = []
            entries: list[Entry] = []
            for entry in self.index.entries_mentioning('"kind":"person"'):
                if entry.kind is not Kind.PERSON:
                    continue
                for term in entry.en:
                    keys.append(latin_key(term.text))
                    entries.append(entry)
            self._people_cache = (keys, entries)
        return self._people_cache

    def _no_fuzzy(self, key: str, numbers: Sequence[int], choices: Sequence[str]) -> bool:
        """Whether the term behind a fuzzy key has asked not to be matched by near misses."""
        for k, n in zip(choices, numbers, strict=True):
            if k != key:
                continue
            for term in self.index.entry(n).en:
                if not term.fuzzy and key in (
                    latin_key(term.text),
                    latin_key(strip_generic_en(term.text) or ""),
                ):
                    return True
        return False
