"""The scan: every key of an index in one Aho-Corasick automaton over the folded text,
each occurrence held to the rules (:mod:`glossary._match.rules`), overlaps resolved
leftmost-longest (Xitun District beats Xitun) or all kept, typos tried where names were
left open (:mod:`glossary._match.typos`), homonyms decided by context
(:mod:`glossary._match.context`). Offsets always index the original text.
"""

from __future__ import annotations

import bisect
import itertools
import threading
from collections.abc import Collection
from typing import TYPE_CHECKING, NamedTuple

from glossary._index import Index
from glossary._match import rules
from glossary._match.context import decide
from glossary._match.facts import KeyFacts
from glossary._match.fold import BLOCK, Folded, fold, kept_at
from glossary._match.segment import Words
from glossary._match.typos import Typos
from glossary._model import MatchKind, Span, new_span

if TYPE_CHECKING:
    import ahocorasick_rs

__all__ = ["Hit", "Matcher", "leftmost_longest"]

#: A match of a key in the folded text: (its start, minus its length, its end, the key's
#: number). A plain tuple, made for every raw match of the automaton: sorted, the leftmost
#: comes first, then the longest.
Candidate = tuple[int, int, int, int]


class Hit(NamedTuple):
    """A hit in the original text, ordered so that the leftmost, then the longest, then the
    best scored, then the longest key comes first."""

    start: int
    neg_length: int
    neg_score: float
    neg_size: int
    end: int
    pattern: int  # the key's number
    fend: int  # its end in the folded text (where it was worked out there), else 0


class Matcher:
    """Every key of an index in an automaton (over bytes for a text that folds to ASCII,
    over strings for any other), each built on first use."""

    def __init__(self, index: Index) -> None:
        self.index = index
        #: The keys met so far, numbered in the order they were met (every key once an
        #: automaton is built), and what each stands for and needs around it.
        self.keys: list[str] = []
        self._numbers: dict[str, int] = {}
        self._facts: list[KeyFacts | None] = []
        self.bounds: list[int] = []
        self._generics: dict[int, frozenset[str]] = {}  # per entry: see KeyFacts.generics
        self._prefixes = frozenset(filter(None, index.meta("prefix_keys").split("\n")))
        self._key_count = int(index.meta("key_count") or 0)
        self._longest = int(index.meta("longest_key") or 0)
        self.typos = Typos(index)
        self.words = Words(self._chinese_keys)  # Chinese word boundaries
        # Two automatons over every key, each built when a text long enough to pay for it
        # comes (a short one asks the index for its substrings instead): one scans the
        # bytes of a text that folds to ASCII (most English; 10-15% faster than scanning
        # the string, which maps every match's byte offsets back to characters), the
        # other any text. ``_automaton_numbers`` maps an automaton's pattern to our number
        # (a number, once given, never changes: a matcher may serve several threads),
        # ``_automaton_bounds`` gives each pattern its key's bound and ``_automaton_ends``
        # whether it needs a word boundary after it (the bound is rules.WORD).
        self._bytes_automaton: ahocorasick_rs.BytesAhoCorasick | None = None
        self._text_automaton: ahocorasick_rs.AhoCorasick | None = None
        #: Over strings too, leftmost-longest: see _leftmost_longest_text.
        self._leftmost_automaton: ahocorasick_rs.AhoCorasick | None = None
        self._automaton_keys: list[str] | None = None
        self._automaton_numbers: list[int] = []
        self._automaton_bounds: list[int] = []
        self._automaton_ends: list[bool] = []
        self._numbering = threading.Lock()  # one key numbered at a time

    def _chinese_keys(self) -> list[str]:
        """The index's Chinese keys: the segmenter's names."""
        keys = self.index.keys()  # a list, not a dict
        return [key for key in keys if not key.isascii()]

    def _number(self, key: str) -> int:
        """The key's number, given on first sight."""
        n = self._numbers.get(key)
        if n is None:
            with self._numbering:
                n = self._numbers.get(key)
                if n is None:  # its lists grow first, then the number is given out
                    self.keys.append(key)
                    self._facts.append(None)
                    if not key.isascii():
                        self.bounds.append(rules.NO_BOUND)
                    else:
                        self.bounds.append(rules.PREFIX if key in self._prefixes else rules.WORD)
                    n = self._numbers[key] = len(self.keys) - 1
        return n

    def find(
        self, text: str, *, overlapping: bool = False, fuzzy: bool = True, cutoff: float = 88.0
    ) -> list[Span]:
        """The names in ``text``, in order; leftmost-longest unless ``overlapping``.

        With ``fuzzy``, typos in names followed by their generic word (Shidng District)
        and in people's names (Liu Shyh-fnag) are matched too, scoring at least ``cutoff``
        (0-100).
        """
        folded = fold(text)
        if overlapping or folded.edges is None:
            found = sorted(self._every_hit(text, folded))
            if overlapping:  # one span per stretch of text: the best key for it
                first: dict[tuple[int, int], Hit] = {}
                for hit in found:
                    first.setdefault((hit.start, hit.end), hit)
                found = list(first.values())
            else:
                found = leftmost_longest(found)
        else:
            found = self._leftmost_longest_hits(text, folded)
        facts = self._facts
        spans: list[Span] = []
        add = spans.append
        exact = MatchKind.EXACT
        for start, _, _, _, end, pattern, _ in found:
            info = facts[pattern] or self._prepare(pattern)
            span_text = text[start:end]
            match = info.match
            if (
                match is exact
                and span_text != info.term
                and span_text.casefold() != info.folded_term
            ):
                match = MatchKind.VARIANT if info.latin else MatchKind.SCRIPT
            add(
                new_span(
                    start,
                    end,
                    span_text,
                    info.entries,
                    match,
                    info.score,
                    info.term,
                    info.system,
                    info.status,
                )
            )
        if fuzzy and (near := self.typos.find(text, spans, cutoff)):
            spans = sorted(spans + near, key=lambda s: s.start)
        return decide(spans, self.index, text)

    def _candidates(self, folded: Folded) -> list[Candidate]:
        """The automaton's matches in the folded text, those the word-boundary rule rejects
        left out where the folded text shows it (``Folded.edges``)."""
        ftext, edges = folded.text, folded.edges
        if edges is not None and folded.ascii is not None and self._automatons_pay(folded):
            # The rule read off maps of the whole text, by the automaton's own pattern
            # numbers; only the matches kept are given ours
            raw = self._bytes_matches(folded.ascii)
            starts, ends = rules.cut_off_maps(folded.ascii, edges)
            numbers, bounds, word = (
                self._automaton_numbers,
                self._automaton_bounds,
                self._automaton_ends,
            )
            return [
                (fstart, fstart - fend, fend, numbers[pattern])
                for pattern, fstart, fend in raw
                if not (starts[fstart] and bounds[pattern]) and not (ends[fend] and word[pattern])
            ]
        raw = self._matches(folded)
        if edges is None:
            return [(fstart, fstart - fend, fend, pattern) for pattern, fstart, fend in raw]
        bounds, cut_off = self.bounds, rules.cut_off_folded
        return [
            (fstart, fstart - fend, fend, pattern)
            for pattern, fstart, fend in raw
            if not cut_off(ftext, edges, fstart, fend, bounds[pattern])
        ]

    def _automatons_pay(self, folded: Folded) -> bool:
        """Whether the text is scanned by the automatons (built now if need be), not by
        asking the index for its substrings (:meth:`_probe`)."""
        return self._automaton_keys is not None or self._worth_an_automaton(folded)

    def _matches(self, folded: Folded) -> list[tuple[int, int, int]]:
        """Every occurrence of every key in the folded text: (key number, start, end)."""
        if not self._automatons_pay(folded):
            return self._probe(folded)
        if folded.ascii is not None:
            raw = self._bytes_matches(folded.ascii)
        else:
            raw = self._overlapping().find_matches_as_indexes(folded.text, overlapping=True)
        numbers = self._automaton_numbers
        return [(numbers[pattern], start, end) for pattern, start, end in raw]

    def _bytes_matches(self, ascii: bytes) -> list[tuple[int, int, int]]:
        """Every occurrence of every key in a folded text that is all ASCII: (the bytes
        automaton's pattern, start, end)."""
        if self._bytes_automaton is None:
            import ahocorasick_rs

            self._bytes_automaton = ahocorasick_rs.BytesAhoCorasick(
                [key.encode() for key in self._every_key()],
                matchkind=ahocorasick_rs.MatchKind.Standard,
            )
        return self._bytes_automaton.find_matches_as_indexes(ascii, overlapping=True)

    def _every_key(self) -> list[str]:
        """Every key of the index, each numbered (what the automatons are built over); the
        numbers, bounds and word ends of the automatons' patterns are set before the keys
        are, so that whoever sees the keys sees them too."""
        if self._automaton_keys is None:
            keys = self.index.keys()
            numbers = [self._number(key) for key in keys]
            bounds = [self.bounds[n] for n in numbers]
            self._automaton_bounds = bounds
            self._automaton_ends = [bound == rules.WORD for bound in bounds]
            self._automaton_numbers = numbers
            self._automaton_keys = keys
        return self._automaton_keys

    def _overlapping(self) -> ahocorasick_rs.AhoCorasick:
        """The automaton over strings that reports every occurrence of every key."""
        if self._text_automaton is None:
            import ahocorasick_rs

            self._text_automaton = ahocorasick_rs.AhoCorasick(
                self._every_key(), matchkind=ahocorasick_rs.MatchKind.Standard
            )
        return self._text_automaton

    def _worth_an_automaton(self, folded: Folded) -> bool:
        """Whether to build the automatons for this text: building costs about 3 µs a
        key, asking the index for a text's substrings about as much a character."""
        return folded.edges is None or len(folded.text) * 4 > self._key_count

    def _probe(self, folded: Folded) -> list[tuple[int, int, int]]:
        """What the automaton would report for a short text, without one: every substring
        that may be a key (one that starts and ends where a Latin key may, or touches a
        character outside ASCII) is asked for in the index, and prefix keys are searched
        for. Substrings that fail the word-boundary rule are never asked for: the
        candidates left after that rule are the automaton's."""
        ftext, edges = folded.text, folded.edges
        assert edges is not None
        length, longest = len(ftext), self._longest

        def wide(i: int) -> bool:
            return 0 <= i < length and not ftext[i].isascii()

        starts = [
            i
            for i in range(length)
            if not i or edges[i] or not rules.continues_word(ftext[i - 1]) or wide(i) or wide(i - 1)
        ]
        ends = {
            j
            for j in range(1, length + 1)
            if j == length
            or edges[j]
            or not rules.continues_word(ftext[j])
            or wide(j)
            or wide(j - 1)
        }
        pieces = {
            (ftext[i:j], i, j)
            for i in starts
            for j in range(i + 1, min(length, i + longest) + 1)
            if j in ends
        }
        present = self.index.present(piece for piece, _, _ in pieces)
        found = {(piece, i, j) for piece, i, j in pieces if piece in present}
        for key in self._prefixes:
            at = ftext.find(key)
            while at >= 0:
                found.add((key, at, at + len(key)))
                at = ftext.find(key, at + 1)
        number = self._number
        return [(number(key), i, j) for key, i, j in sorted(found)]

    def _every_hit(self, text: str, folded: Folded) -> list[Hit]:
        """Every hit, checked in the original text (for overlapping hits, and for texts whose
        folded copy cannot show word boundaries). A Chinese name that is not a word of its
        own is kept only inside another hit (臺中 in 臺中市), never inside other words
        (中正 in 中正路): leftmost-longest never takes it, overlapping spans show it."""
        found: list[Hit] = []
        inside: list[Hit] = []  # Chinese hits off the word boundaries
        facts, bounds = self._facts, self.bounds
        candidates = self._candidates(folded)
        self._prepare_all(candidates)
        for fstart, _, fend, pattern in candidates:
            info = facts[pattern] or self._prepare(pattern)
            start, end = folded.original(fstart), folded.original(fend - 1) + 1
            if rules.cut_off(text, start, end, bounds[pattern]):
                continue
            checked = rules.check(text, info, start, end)
            if checked is None:
                continue
            hit = Hit(start, start - checked, -info.score, -info.size, checked, pattern, 0)
            if info.latin or self.words.keeps(text, start, end, info.entries):
                found.append(hit)
            else:
                inside.append(hit)
        if inside:
            found.sort()
            starts = [hit.start for hit in found]
            reach = list(itertools.accumulate((hit.end for hit in found), max))
            for hit in inside:
                before = bisect.bisect_right(starts, hit.start) - 1
                if before >= 0 and reach[before] >= hit.end:
                    found.append(hit)
        return found

    def _leftmost_longest_hits(self, text: str, folded: Folded) -> list[Hit]:
        """The leftmost-longest hits, worked out on the folded text: a candidate inside a
        hit already taken is never taken back to the original text nor checked there.
        A text mostly outside ASCII (Chinese), once its automatons are built, takes a
        faster way to the same hits (:meth:`_leftmost_longest_text`); English with a
        few Chinese names in it does not (most of its occurrences are Latin keys', which
        that way checks one stretch at a time: 40% slower on such a text)."""
        if folded.ascii is None and self._automatons_pay(folded) and _mostly_wide(folded.text):
            return self._leftmost_longest_text(text, folded)
        candidates = self._candidates(folded)
        self._prepare_all(candidates)
        # By start, then longest first: the order the candidates at a start are tried in
        # does not matter (the best of them is taken), so no score is needed to sort.
        candidates.sort()
        return self._take(text, folded, candidates, -1)[0]

    def _take(
        self, text: str, folded: Folded, candidates: list[Candidate], reach: int
    ) -> tuple[list[Hit], int]:
        """The leftmost-longest hits among ``candidates`` (sorted, their keys worked out),
        none starting before ``reach`` (in the folded text), and the folded reach of the
        last. All candidates at one start are checked before one is taken (a generic word
        that a bare name takes can make it the longest there)."""
        facts = self._facts
        mask, blocks, edges = folded.mask, folded.blocks, folded.edges
        assert edges is not None
        right, count, gaps_in, check = bisect.bisect_right, mask.count, edges.count, rules.check
        words = self.words
        out: list[Hit] = []
        at = -1  # the start of the candidates being tried
        skip = False
        best: Hit | None = None
        start = 0
        for fstart, _, fend, pattern in candidates:
            if fstart != at:  # a new start: take the best hit at the one before
                if best is not None:
                    out.append(best)
                    reach = best.fend
                    best = None
                at = fstart
                skip = fstart < reach
                if skip:
                    continue
                block = right(blocks, fstart) - 1  # Folded.original
                start = kept_at(mask, block * BLOCK, fstart - blocks[block])
            elif skip:
                continue
            info = facts[pattern] or self._prepare(pattern)
            # Its end: past as many dropped characters as there are gaps inside it, unless
            # some gap is longer than one character (". " in Sec. 3, Bade Rd.)
            gaps = gaps_in(2, fstart + 1, fend)
            end = start + fend - fstart + gaps
            if gaps and count(1, start, end) != gaps:
                end = kept_at(mask, start, fend - 1 - fstart) + 1
            if best is not None and end < best.end and not info.latin:
                continue  # a Chinese hit ends where its key does: a shorter one cannot win
            hit_end = check(text, info, start, end, words)
            if hit_end is None:
                continue
            if hit_end != end:  # the folded reach: the key's end, and what it took after
                fend += hit_end - end - count(1, end, hit_end)
            hit = Hit(start, start - hit_end, -info.score, -info.size, hit_end, pattern, fend)
            if best is None or hit < best:
                best = hit
        if best is not None:
            out.append(best)
            reach = best.fend
        return out, reach

    def _leftmost_longest_text(self, text: str, folded: Folded) -> list[Hit]:
        """:meth:`_take` over every candidate, by a shorter way: an automaton that reports
        only the leftmost-longest occurrences (on Chinese text about 60% of the candidates
        the overlapping one reports; 臺中 inside 臺中市 is not among them). Such an
        occurrence of a Chinese key, starting at a character outside ASCII where no other
        hit reaches, is what :meth:`_take` would take there if the rules keep it: no Latin
        key starts there, and the others that do are shorter and end where they end (a
        Chinese key takes nothing after it, unless its term ends with a full stop). Where
        the rules refuse one, or it is a Latin key's (which may take a generic word
        after it, or fail a word boundary), every occurrence starting within it is
        checked (:meth:`_take`, over the overlapping automaton's matches in that stretch),
        and the stretch grows over the next leftmost-longest occurrence as long as a hit
        taken in it reaches into that one. Between such occurrences no key starts."""
        import ahocorasick_rs

        if self._leftmost_automaton is None:
            self._leftmost_automaton = ahocorasick_rs.AhoCorasick(
                self._every_key(), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
        ftext, numbers = folded.text, self._automaton_numbers
        raw = self._leftmost_automaton.find_matches_as_indexes(ftext)
        facts = self._facts
        new = {numbers[pattern] for pattern, _, _ in raw}
        self._prepare_keys([n for n in new if facts[n] is None])
        mask, blocks, edges = folded.mask, folded.blocks, folded.edges
        assert edges is not None
        right, count, gaps_in, check = bisect.bisect_right, mask.count, edges.count, rules.check
        words = self.words
        out: list[Hit] = []
        reach = -1
        i, total = 0, len(raw)
        while i < total:
            pattern, fstart, fend = raw[i]
            pattern = numbers[pattern]
            i += 1
            info = facts[pattern]
            assert info is not None
            if not info.latin and not info.full_stop and fstart >= reach and ftext[fstart] > "\x7f":
                block = right(blocks, fstart) - 1  # as in _take
                start = kept_at(mask, block * BLOCK, fstart - blocks[block])
                gaps = gaps_in(2, fstart + 1, fend)
                end = start + fend - fstart + gaps
                if gaps and count(1, start, end) != gaps:
                    end = kept_at(mask, start, fend - 1 - fstart) + 1
                if check(text, info, start, end, words) == end:
                    out.append(Hit(start, start - end, -info.score, -info.size, end, pattern, fend))
                    reach = fend
                    continue
            low, high = fstart, fend
            while True:
                taken, reach = self._take(text, folded, self._starting(folded, low, high), reach)
                out.extend(taken)
                if i == total or raw[i][1] >= reach:
                    break
                low, high = high, raw[i][2]  # a hit taken runs into the next occurrence
                i += 1
        return out

    def _starting(self, folded: Folded, low: int, high: int) -> list[Candidate]:
        """The candidates (:meth:`_candidates`) that start in ``low:high`` of the folded
        text, sorted, their keys worked out."""
        piece = folded.text[low : high - 1 + max(self._longest, 1)]
        numbers, bounds, cut_off = self._automaton_numbers, self.bounds, rules.cut_off_folded
        ftext, edges = folded.text, folded.edges
        assert edges is not None
        found: list[Candidate] = []
        for pattern, start, end in self._overlapping().find_matches_as_indexes(
            piece, overlapping=True
        ):
            if start < high - low:
                fstart, fend, n = start + low, end + low, numbers[pattern]
                if not cut_off(ftext, edges, fstart, fend, bounds[n]):
                    found.append((fstart, fstart - fend, fend, n))
        found.sort()
        self._prepare_all(found)
        return found

    def _prepare(self, pattern: int) -> KeyFacts:
        """What a key stands for, worked out once per key."""
        info = KeyFacts.of(self.keys[pattern], self.index, self._generics)
        self._facts[pattern] = info
        return info

    def _prepare_all(self, found: list[Candidate]) -> None:
        """Work out every key among ``found`` not worked out yet."""
        facts = self._facts
        self._prepare_keys({pattern for _, _, _, pattern in found if facts[pattern] is None})

    def _prepare_keys(self, new: Collection[int]) -> None:
        """Work out these keys, their index rows fetched together (a first text names
        thousands of keys: one statement each took longer than the scan)."""
        if new:
            self.index.load_rows(self.keys[pattern] for pattern in new)
            for pattern in new:
                self._prepare(pattern)


def _mostly_wide(text: str) -> bool:
    """Whether at least half of a text's characters are outside ASCII, judged on every 64th
    (most such characters are Han, three bytes in UTF-8)."""
    sample = text[::64] or text
    return len(sample.encode()) >= 2 * len(sample) > 0


def leftmost_longest(found: list[Hit]) -> list[Hit]:
    """Of hits sorted leftmost, longest, best first: those that overlap none kept before."""
    out: list[Hit] = []
    end = -1
    for hit in found:
        if hit.start >= end:
            out.append(hit)
            end = hit.end
    return out
