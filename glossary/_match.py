"""Finding names in text: one Aho-Corasick pass over a folded copy, offsets into the original.

The text is folded the way index keys are (case, diacritics, spaces, hyphens, apostrophes and
full stops dropped; NFKC and 台/臺 folded), keeping for each folded character the offset of
the original character it came from. One automaton holds every key of the index, English and
Chinese; it reports every occurrence, and each is then checked against the original text:

- a Latin key must start and end on word boundaries (Situn's, (Situn) and Taichung-based
  are hits; Pasitun is not);
- a name without its generic word, or a romanized reading, must start with a capital
  letter (Bade District, Bade; but not "she bade him farewell");
- a bare name that is an everyday English word (east, hoping, Bali) needs its generic word;
- full stops and commas inside the span must be ones the term has (Sec. 1, Bade Rd.),
  so that a name does not run across a sentence break (Xitun. District officials...).

Overlaps are resolved leftmost-longest (Xitun District beats Xitun), or all are kept.
Typos are tried afterwards, with rapidfuzz, only on capitalised words followed by a generic
word that the exact pass left open (Shidng District). A name several entries share is
decided by context: the entry whose parent (or any ancestor) is also named in the text
wins; otherwise the span lists every candidate.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from glossary._index import KeyRow
from glossary._model import Entry, Kind, MatchKind, Span, Status, System, Term
from glossary._text import _VARIANTS, CHINESE_PUNCTUATION, has_cjk, latin_key
from glossary._util import gc_paused

if TYPE_CHECKING:
    from glossary._glossary import Glossary

#: Characters dropped from the folded text, as latin_key and chinese_key drop them.
_DROPPED = (
    frozenset(" \t\n\r\f\v\u00a0\u3000-‐‑‒–—'’‘ʼ`´′._,/")
    | frozenset("－．／＿，＇｀")  # full-width forms of the same
    | CHINESE_PUNCTUATION
)
#: Dropped characters outside Latin-1, replaced by a space before the byte mask is made.
_DROPPED_WIDE = sorted(c for c in _DROPPED if ord(c) > 0xFF)
_DROPPED_NARROW = sorted(c for c in _DROPPED if ord(c) <= 0xFF)
#: Latin-1 byte → 1 if the character is dropped, else 0.
_MASK = bytes(int(chr(b) in _DROPPED) for b in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: Punctuation a term must itself contain for a span to run across it.
_GUARDED = frozenset(".,")

#: Generic words that may follow a name, full or abbreviated (Situn District, Situn Dist.).
_GENERIC_AFTER = re.compile(
    r"[ \t\r\n\u00a0-]+(district|dist\.|township|twp\.|city|county|co\.)(?![\w])",
    re.IGNORECASE,
)
_GENERIC_FULL = {"dist.": "district", "twp.": "township", "co.": "county"}

#: A stretch fuzzy matching tries: capitalised words right before a generic word.
#: (The word before is checked in Python: a regex that starts with a lookbehind is tried
#: at every position of the text, four times slower than one that starts with letters.)
_GENERIC_WORD = re.compile(r"(?:District|Dist\.|Township|Twp\.|City|County)(?![\w])")
_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){1,4}\Z")
_WINDOW = 80
_WORD = re.compile(r"[A-Z][\w'’-]*")
#: A Taiwanese person's name in English: surname, then a hyphenated given name.
_PERSON_SHAPE = re.compile(r"[A-Z][a-z]{1,6} [A-Z][a-z]{1,6}-[a-z]{1,6}(?![\w'’-])")
_GENERIC_WORDS = ("district", "township", "city", "county")

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
    }
)

_KINDS = {
    "variant": MatchKind.VARIANT,
    "script": MatchKind.SCRIPT,
    "pinyin": MatchKind.PINYIN,
}


class Folded:
    """A folded copy of a text, and the way back from its offsets to the original's."""

    __slots__ = ("_shift", "_where", "text")

    def __init__(
        self, text: str, *, shift: list[int] | None = None, where: list[int] | None = None
    ):
        self.text = text
        self._shift = shift or []
        self._where = where

    def original(self, index: int) -> int:
        """The offset in the original text of the folded character at ``index``."""
        if self._where is not None:
            return self._where[index]
        # The i-th dropped character lies before the kept one at ``index`` exactly when
        # fewer than ``index + 1`` characters were kept before it: ``shift[i] <= index``.
        return index + bisect.bisect_right(self._shift, index)


def fold(text: str) -> Folded:
    """Fold a text as index keys are folded, remembering where each character came from.

    Most texts fold character for character (case, diacritics, NFKC, 台/臺 change one
    character into one), so the folded copy is made by C-level string methods and the way
    back is computed from the positions of the dropped characters; a text with a character
    that folds into several (ligatures such as ﬁ) takes a slower path, one character at a
    time.

    >>> folded = fold("Hsi-T’un Dist.")
    >>> folded.text, [folded.original(i) for i in range(4)]
    ('hsitundist', [0, 1, 2, 4])
    """
    spaced = text
    for char in _DROPPED_WIDE:  # every dropped character becomes a one-byte one
        if char in spaced:
            spaced = spaced.replace(char, " ")
    mask = spaced.encode("latin-1", "replace").translate(_MASK)  # one byte a character
    # shift[k]: how many characters are kept before the k-th dropped one, i.e. the lengths
    # of the kept runs between dropped characters, summed (C-level: one split of the mask)
    shift = list(itertools.accumulate(map(len, mask.split(b"\x01"))))[:-1]
    kept = spaced
    for char in _DROPPED_NARROW:
        if char in kept:
            kept = kept.replace(char, "")
    if not kept.isascii():
        table: dict[int, str] = {}
        for char in set(_NON_ASCII.findall(kept)):  # a few, in a long text: not set(kept)
            folded = _fold_char(char)
            if len(folded) != 1 or folded in _DROPPED:
                return _fold_slowly(text)
            if folded != char:
                table[ord(char)] = folded
        if len(table) <= 16:  # a few characters: one C-level pass each beats translate
            for code, folded in table.items():
                kept = kept.replace(chr(code), folded)
        else:
            kept = kept.translate(table)
    return Folded(kept.lower(), shift=shift)


def _inside_word(text: str, start: int, also: str = "") -> bool:
    """Whether ``start`` continues a word (a letter, digit, underscore or one of ``also``
    comes right before it)."""
    if not start:
        return False
    before = text[start - 1]
    return before.isalnum() or before == "_" or before in also


def _fold_char(char: str) -> str:
    piece = unicodedata.normalize("NFKC", char)
    piece = "".join(c for c in unicodedata.normalize("NFD", piece) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", piece).lower().translate(_VARIANTS)


def _fold_slowly(text: str) -> Folded:
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        if char in _DROPPED:
            continue
        for folded_char in char.lower() if char.isascii() else _fold_char(char):
            if folded_char not in _DROPPED:
                out.append(folded_char)
                where.append(i)
    return Folded("".join(out), where=where)


class _Found(NamedTuple):
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
        self._keys: dict[str, _Key] = {}
        self._latin = [key.isascii() for key in self.keys]
        prefixes = {
            latin_key(term.text)
            for entry in glossary.index.entries_mentioning('"match":"prefix"')
            for term in entry.en
            if term.match == "prefix"
        }
        self._prefix = [key in prefixes for key in self.keys]
        self._people_cache: tuple[list[str], list[Entry]] | None = None
        self._automaton = ahocorasick_rs.AhoCorasick(
            self.keys, matchkind=ahocorasick_rs.MatchKind.Standard
        )

    def find(
        self, text: str, *, overlapping: bool = False, fuzzy: bool = True, cutoff: float = 88.0
    ) -> list[Span]:
        """The names in ``text``, in order; leftmost-longest unless ``overlapping``.

        With ``fuzzy``, typos in names followed by their generic word (Shidng District)
        are matched too, scoring at least ``cutoff`` (0-100).
        """
        with gc_paused():
            return self._find(text, overlapping=overlapping, fuzzy=fuzzy, cutoff=cutoff)

    def _find(self, text: str, *, overlapping: bool, fuzzy: bool, cutoff: float) -> list[Span]:
        folded = fold(text)
        found: list[_Found] = []
        keys, latin, prefix, infos = self.keys, self._latin, self._prefix, self._keys
        shift, where = folded._shift, folded._where
        right = bisect.bisect_right
        length = len(text)
        for pattern, fstart, fend in self._automaton.find_matches_as_indexes(
            folded.text, overlapping=True
        ):
            if where is None:
                start = fstart + right(shift, fstart)
                end = fend + right(shift, fend - 1)
            else:
                start, end = where[fstart], where[fend - 1] + 1
            if latin[pattern] and (
                (start and text[start - 1].isalnum())
                or (end < length and text[end].isalnum() and not prefix[pattern])
            ):
                continue  # inside a word: the common case, rejected before anything else
            key = keys[pattern]
            hit = self._check(text, key, infos.get(key) or self._key(key), start, end)
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
        if fuzzy:
            spans = sorted(spans + self._near_misses(text, spans, cutoff), key=lambda s: s.start)
        return _decide(spans, self.glossary)

    def _near_misses(self, text: str, spans: Sequence[Span], cutoff: float) -> list[Span]:
        """Typos in names the exact pass left open: capitalised words and a generic word.

        Only a stretch that ends with a generic word (Shidng District, Bnaqiao Dist.) is
        tried, so an ordinary English word is never taken for a name; of its words, the
        last one to three are scored against the index's English terms and Hanyu readings
        with rapidfuzz, and the best score at or above ``cutoff`` wins.
        """
        starts = [s.start for s in spans]
        reach = list(itertools.accumulate((s.end for s in spans), max))  # spans are sorted
        out: list[Span] = []
        for generic in _GENERIC_WORD.finditer(text):
            if _inside_word(text, generic.start()):
                continue
            window = max(0, generic.start() - _WINDOW)
            words = _WORDS_BEFORE.search(text, window, generic.start())
            if words is None:
                continue
            end = generic.end()
            i = bisect.bisect_left(starts, end) - 1
            if i >= 0 and reach[i] > words.start():
                continue  # the exact pass found a name here
            # Only now, with a stretch to score: rapidfuzz and the keys cost ~30 ms to load.
            from rapidfuzz import fuzz, process

            choices, numbers = self.glossary.index.fuzzy_choices()[:2]
            best: tuple[float, int, int] | None = None
            found_words = list(_WORD.finditer(text, words.start(), words.end()))
            for first in found_words[-3:]:
                phrase = text[first.start() : generic.start()] + generic.group()
                found = process.extractOne(
                    latin_key(phrase), choices, scorer=fuzz.ratio, score_cutoff=cutoff
                )
                if found is not None and (best is None or found[1] > best[0]):
                    best = (float(found[1]), found[2], first.start())
            if best is None:
                continue
            score, position, start = best
            key = choices[position]
            if _no_fuzzy(key, self.glossary, numbers, choices):
                continue
            entries = tuple(
                self.glossary.index.entry(n)
                for n in sorted({n for k, n in zip(choices, numbers, strict=True) if k == key})
            )
            terms = [t.text for t in entries[0].en if latin_key(t.text) == key]
            matched = terms[0] if terms else entries[0].english
            out.append(Span(start, end, text[start:end], entries, MatchKind.FUZZY, score, matched))
        return out + self._person_misses(text, spans, cutoff)

    def _person_misses(self, text: str, spans: Sequence[Span], cutoff: float) -> list[Span]:
        """Typos in people's names, which have no generic word: only a stretch shaped like a
        Taiwanese name in English (a capitalised surname and a hyphenated given name: Liu
        Shyh-fnag, Ko Wen-jee) is tried, and only against the names of people."""
        starts = [s.start for s in spans]
        reach = list(itertools.accumulate((s.end for s in spans), max))
        out: list[Span] = []
        people: tuple[list[str], list[Entry]] | None = None
        for found in _PERSON_SHAPE.finditer(text):
            if _inside_word(text, found.start(), "'’-"):
                continue
            i = bisect.bisect_left(starts, found.end()) - 1
            if i >= 0 and reach[i] > found.start():
                continue  # the exact pass found a name here
            if people is None:
                from rapidfuzz import fuzz, process

                people = self._people()
            if not people[0]:
                break
            best = process.extractOne(
                latin_key(found.group()), people[0], scorer=fuzz.ratio, score_cutoff=cutoff
            )
            if best is None:
                continue
            entry = people[1][best[2]]
            term = next(t for t in entry.en if latin_key(t.text) == best[0])
            if not term.fuzzy:
                continue
            out.append(
                Span(
                    found.start(),
                    found.end(),
                    found.group(),
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
            for entry in self.glossary.index.entries_mentioning('"kind":"person"'):
                if entry.kind is not Kind.PERSON:
                    continue
                for term in entry.en:
                    keys.append(latin_key(term.text))
                    entries.append(entry)
            self._people_cache = (keys, entries)
        return self._people_cache

    def _key(self, key: str) -> _Key:
        """What a key stands for, worked out once per key."""
        info = self._keys.get(key)
        if info is None:
            info = self._keys[key] = _Key.of(key, self.glossary)
        return info

    def _check(self, text: str, key: str, info: _Key, start: int, end: int) -> _Found | None:
        if not info.latin:  # Chinese: no word boundaries in Han text
            if info.marks and not _punctuation_ok(text[start:end], info.marks):
                return None
            return _Found(start, end, key, info.score)
        if start > 0 and text[start - 1].isalnum():
            return None
        if info.full_stop and text[end : end + 1] == ".":
            end += 1  # Situn Dist. ends with its full stop
        elif end < len(text) and text[end].isalnum() and not info.prefix:
            return None
        if not _punctuation_ok(text[start:end], info.marks):
            return None
        if info.as_written and text[start:end] not in info.as_written:
            return None  # a case-sensitive term matches as written: MAC, never mac or Mac
        if info.bare:
            if not text[start].isupper():
                return None  # a bare name or a reading needs its capital: Bade, not bade
            extended = self._generic_end(text, end, info)
            if extended == end and key in COMMON_WORDS:
                return None  # "Hoping" alone is a word; "Hoping District" is a place
            end = extended
        return _Found(start, end, key, info.score)

    def _generic_end(self, text: str, end: int, info: _Key) -> int:
        """Past the generic word that follows a bare name or reading (Hsi-t'un District)."""
        match = _GENERIC_AFTER.match(text, end)
        if match is None:
            return end
        word = match.group(1).casefold()
        if _GENERIC_FULL.get(word, word) in info.generics:
            return match.end()
        return end

    def _span(self, text: str, found: _Found) -> Span:
        info = self._key(found.key)
        span_text = text[found.start : found.end]
        match = info.match
        if match is MatchKind.EXACT and span_text.casefold() != info.term.casefold():
            match = MatchKind.VARIANT if info.latin else MatchKind.SCRIPT
        return Span(
            found.start,
            found.end,
            span_text,
            info.entries,
            match,
            info.score,
            info.term,
            info.system,
            info.status,
        )


class _Key(NamedTuple):
    """Everything the matcher needs to know about one key, from its rows in the index.

    A NamedTuple, not a dataclass: the CLI imports this module on every run of
    `glossary annotate`, and generating a frozen dataclass costs milliseconds.
    """

    latin: bool
    score: float  # the best row's
    bare: bool  # only bare names and readings: needs a capital letter
    full_stop: bool  # a term ends with "." (Dist.)
    marks: frozenset[tuple[str, ...]]  # the full stops and commas of its terms, in order
    generics: frozenset[str]  # generic words its entries' English names end with
    entries: tuple[Entry, ...]  # the entries of the best rows
    match: MatchKind
    term: str
    system: System | None
    status: Status | None
    as_written: frozenset[str]  # when every term of the key is case-sensitive: its spellings
    prefix: bool  # a term of the key may begin a longer word

    @classmethod
    def of(cls, key: str, glossary: Glossary) -> _Key:
        index = glossary.index
        rows = index.rows(key)
        best: dict[int, KeyRow] = {}
        for row in rows:
            old = best.get(row.n)
            if old is None or row.score > old.score:
                best[row.n] = row
        top = max(r.score for r in best.values())
        chosen = sorted(
            (r for r in best.values() if r.score == top), key=lambda r: index.entry(r.n).id
        )
        entries = tuple(index.entry(r.n) for r in chosen)
        row = chosen[0]
        terms = [_term_of(index.entry(r.n), r) for r in rows]
        generics = {
            word
            for r in rows
            for t in index.entry(r.n).en
            for word in _GENERIC_WORDS
            if t.text.casefold().endswith(" " + word)
        }
        return cls(
            latin=key.isascii(),
            score=top,
            bare=all(r.match != "term" for r in rows),
            full_stop=any(r.term.endswith(".") for r in rows),
            marks=frozenset(tuple(c for c in r.term if c in _GUARDED) for r in rows),
            generics=frozenset(generics),
            entries=entries,
            match=_KINDS.get(row.match, MatchKind.EXACT),
            term=row.term,
            system=System(row.system) if row.system else None,
            status=_status(entries[0], row.term) if len(entries) == 1 else None,
            as_written=frozenset(t.text for t in terms if t is not None)
            if terms and all(t is not None and t.case_sensitive for t in terms)
            else frozenset(),
            prefix=any(t is not None and t.match == "prefix" for t in terms),
        )


def _no_fuzzy(key: str, glossary: Glossary, numbers: Sequence[int], choices: Sequence[str]) -> bool:
    """Whether the term behind a fuzzy key has asked not to be matched by near misses."""
    from glossary._index import strip_generic_en

    for k, n in zip(choices, numbers, strict=True):
        if k != key:
            continue
        for term in glossary.index.entry(n).en:
            if not term.fuzzy and key in (
                latin_key(term.text),
                latin_key(strip_generic_en(term.text) or ""),
            ):
                return True
    return False


def _term_of(entry: Entry, row: KeyRow) -> Term | None:
    """The English term a row of the index stands for, when it is one written as is."""
    if row.match != "term":
        return None
    return next((t for t in entry.en if t.text == row.term), None)


def _status(entry: Entry, term: str) -> Status | None:
    for t in (*entry.en, *entry.zh):
        if t.text == term:
            return t.status
    return None


def _punctuation_ok(span: str, marks: frozenset[tuple[str, ...]]) -> bool:
    if "." not in span and "," not in span:
        return True
    found = tuple(c for c in span if c in _GUARDED)
    return not found or found in marks


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
    lines: dict[str, set[str]] = {}  # an entry's ancestors, worked out once per text
    for span in spans:
        if span.ambiguous:
            fitting = []
            for e in span.entries:
                line = lines.get(e.id)
                if line is None:
                    line = lines[e.id] = _ancestors(glossary, e)
                if named & line:
                    fitting.append(e)
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


class _Exact(NamedTuple):
    """What a key of the exact matcher stands for."""

    entries: tuple[Entry, ...]
    term: Term
    system: System | None
    sensitive: bool  # some term under it is matched only as written


class ExactMatcher:
    """Only the terms as the term base writes them, case-insensitively (acronyms and terms
    marked ``case: sensitive`` as written), whole words for Latin terms, leftmost-longest:
    the job flashtext or an Aho-Corasick automaton does, with the same spans out. Fast
    (the text is only lower-cased, not folded), but blind to other spellings, scripts and
    typos: ``Glossary.annotate(text, exact=True)``, ``glossary annotate --exact``.
    """

    def __init__(self, glossary: Glossary) -> None:
        import ahocorasick_rs

        self.glossary = glossary
        by_key: dict[str, list[tuple[int, str, str | None]]] = {}
        for term, n, system in glossary.index.terms():
            by_key.setdefault(term.lower(), []).append((n, term, system))
        self._keys = list(by_key)
        self._rows = [by_key[k] for k in self._keys]
        self._latin = [not has_cjk(k) for k in self._keys]
        self._terms: dict[tuple[int, str], Term] = {}
        self._info: dict[int, _Exact] = {}
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._keys, matchkind=ahocorasick_rs.MatchKind.Standard
        )

    def find(self, text: str) -> list[Span]:
        """The terms in ``text``, in order, leftmost-longest among whole-word matches
        (a longer match cut off by a letter does not hide a shorter one inside it)."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a character that lower-cases to two (İ): keep 1:1
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        length = len(text)
        latin = self._latin
        matches = [
            (start, end, pattern)
            for pattern, start, end in self._automaton.find_matches_as_indexes(
                lowered, overlapping=True
            )
            if not latin[pattern]
            or not (
                (start and lowered[start - 1].isalnum())
                or (end < length and lowered[end].isalnum())
            )
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
            if info is None:
                continue
            last = end
            spans.append(
                Span(
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
        return _decide(spans, self.glossary)

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
        return _Exact(
            tuple(self.glossary.index.entry(m) for m in numbers),
            term,
            System(system) if system else None,
            any(self._term(m, w).case_sensitive for m, w, _ in rows),
        )

    def _term(self, n: int, written: str) -> Term:
        term = self._terms.get((n, written))
        if term is None:
            entry = self.glossary.index.entry(n)
            term = next(t for t in (*entry.en, *entry.zh) if t.text == written)
            self._terms[(n, written)] = term
        return term
