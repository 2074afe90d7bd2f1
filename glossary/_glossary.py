"""The Glossary: a layered term base, its cached index, and lookups by any name."""

from __future__ import annotations

import os
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossary._errors import AmbiguousTerm, QueryError, TermNotFound
from glossary._index import SCORE_TERM, Index, IndexInfo, KeyRow, open_index
from glossary._model import Entry, Hit, Kind, MatchKind, Span, Status, System
from glossary._sources import discover, pack_path
from glossary._text import chinese_key, has_cjk, latin_key, strip_tone_numbers
from glossary._version import __version__

if TYPE_CHECKING:
    from glossary._match import ExactMatcher, Matcher

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")

#: Environment variable naming the cache directory (empty: no cache, build in memory).
CACHE_ENV = "GLOSSARY_CACHE_DIR"

SCORE_EXACT_VARIANT = 97.0  # a term with other case-insensitive spelling differences
SCORE_CHAR_VARIANT = 99.0  # a Chinese term with variant characters (台 for 臺)
SCORE_READING = 85.0  # a spelling read as romanized Mandarin (mixed systems, dropped marks)

#: The longest query looked up (the longest law titles have about 200 characters); a longer
#: one is refused at once, where fuzzy scoring and parsing would take time that grows with it.
MAX_QUERY = 500

#: How many readings of a romanized query to try against the index.
MAX_READINGS_TRIED = 64

_MATCH_OF_ROW = {
    "variant": MatchKind.VARIANT,
    "script": MatchKind.SCRIPT,
    "pinyin": MatchKind.PINYIN,
}


def default_cache_dir() -> Path | None:
    """The index cache directory: ``$GLOSSARY_CACHE_DIR``, else the user cache directory."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    if sys.platform == "linux":
        # The XDG rule platformdirs applies on Linux, without importing it: its import
        # (tempfile, random, configparser...) is a tenth of a warm `glossary lookup`.
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        return (Path(xdg) if xdg else Path("~/.cache").expanduser()) / "glossary"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("glossary", appauthor=False))


class Glossary:
    """A term base ready for lookups: the built-in one plus any files layered over it.

    The term base is read, checked and compiled into an index on first use, and the index
    is cached on disk, so later processes start in milliseconds.

    Args:
        termbases: Files or directories of YAML layered over the built-in term base, in
            order; a later entry replaces an earlier one with the same id. One path (a
            ``str`` or ``Path``) is one layer.
        builtin: Include the built-in term base (default True).
        packs: Optional packs of the built-in term base to load with it (``("roads",)``:
            ``terms/packs/roads.yaml``); none by default.
        prefer: The house style: which English term :meth:`english` picks. A list of
            statuses (``preferred``), systems (``tongyong``, ``hanyu``, ``legacy``...) or
            ``official``, tried in order; a ``str`` is one choice or a comma-separated
            list (``"tongyong,official"``). An unknown choice is a QueryError.
        cache_dir: Where to cache the index. Default: ``$GLOSSARY_CACHE_DIR`` or the user
            cache directory; ``None`` keeps the index in memory.

    >>> g = Glossary()
    >>> g.get("Situn").english
    'Xitun District'
    >>> Glossary(prefer=("tongyong",)).english(g.get("西屯区"))
    'Situn District'
    """

    def __init__(
        self,
        termbases: Iterable[str | Path] | str | Path = (),
        *,
        builtin: bool = True,
        packs: Iterable[str] = (),
        prefer: Sequence[str] | str = ("preferred",),
        cache_dir: str | Path | bool | None = True,
    ) -> None:
        if isinstance(termbases, str | os.PathLike):  # one path, not its characters
            termbases = (termbases,)
        self.termbases = tuple(Path(p) for p in termbases)
        self.builtin = builtin
        self.packs = tuple(dict.fromkeys(packs))
        for name in self.packs:
            pack_path(name)  # an unknown pack fails here, not at first use
        self.prefer = _prefer(prefer)
        if cache_dir is True:
            self.cache_dir = default_cache_dir()
        elif cache_dir is False or cache_dir is None:
            self.cache_dir = None
        else:
            self.cache_dir = Path(cache_dir)
        self._index_obj: Index | None = None
        self._matcher_obj: Matcher | None = None
        self._exact_obj: ExactMatcher | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        layers = ["<builtin>"] if self.builtin else []
        layers += [f"<pack {name}>" for name in self.packs]
        layers += [str(p) for p in self.termbases]
        return f"Glossary({', '.join(layers)})"

    # Pickling carries the configuration; the index is reopened from the cache on use.
    def __getstate__(self) -> dict[str, Any]:
        return {
            "termbases": self.termbases,
            "builtin": self.builtin,
            "packs": self.packs,
            "prefer": self.prefer,
            "cache_dir": self.cache_dir,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            state["termbases"],
            builtin=state["builtin"],
            packs=state.get("packs", ()),
            prefer=state["prefer"],
            cache_dir=state["cache_dir"],
        )

    @property
    def index_info(self) -> IndexInfo:
        """Where the compiled index lives (``path``, None in memory), its content hash, how
        many entries it holds, and whether this process built it (``built``) or read it
        from the cache.

        Raises:
            TermBaseError: if the term base does not validate.
        """
        return self._index.info

    @property
    def _index(self) -> Index:
        """The compiled index, loaded or built on first use.

        Raises:
            TermBaseError: if the term base does not validate.
        """
        if self._index_obj is None:
            with self._lock:
                if self._index_obj is None:
                    layers = discover(self.termbases, builtin=self.builtin, packs=self.packs)
                    self._index_obj = open_index(
                        layers, cache_dir=self.cache_dir, version=__version__
                    )
        return self._index_obj

    # -- text ------------------------------------------------------------------------------

    def annotate(
        self,
        text: str,
        *,
        overlapping: bool = False,
        fuzzy: bool = True,
        score_cutoff: float = 88.0,
        exact: bool = False,
    ) -> list[Span]:
        """Every name in ``text``, English or Chinese, in any spelling, as spans in order.

        Offsets index ``text`` itself: ``text[span.start:span.end] == span.text``. Overlaps
        are resolved leftmost-longest unless ``overlapping`` is true. A name two entries
        share is decided by a parent or ancestor named elsewhere in the text; otherwise
        the span lists both (``span.ambiguous``). With ``fuzzy``, a typo in a name written
        with its generic word (Shidng District) is matched if it scores ``score_cutoff``
        or more (rapidfuzz ratio, 0-100). With ``exact``, only the terms as the term base
        writes them are found (case aside), as a plain Aho-Corasick scanner would: several
        times faster, blind to other spellings, scripts and typos.

        >>> spans = Glossary().annotate("Rallies in Situn District and 西屯区.")
        >>> [(s.text, s.entry.id, s.match.value) for s in spans]  # doctest: +NORMALIZE_WHITESPACE
        [('Situn District', 'taichung-city-xitun', 'exact'),
         ('西屯区', 'taichung-city-xitun', 'script')]
        """
        # The matcher is imported on first use: a lookup, or `import glossary`, never needs
        # its rules and their regular expressions (a tenth of a warm `glossary lookup`).
        from glossary._match.doubts import add_doubts

        text = _text_argument(text)
        if exact:
            if overlapping:
                raise QueryError("exact matching gives leftmost-longest spans only")
            return add_doubts(self._exact_matcher().find(text), self._index, self.prefer)
        if self._matcher_obj is None:
            from glossary._match import Matcher

            _ = self._index  # load it first: it takes the same (non-reentrant) lock
            with self._lock:
                if self._matcher_obj is None:
                    self._matcher_obj = Matcher(self._index)
        spans = self._matcher_obj.find(
            text, overlapping=overlapping, fuzzy=fuzzy, cutoff=score_cutoff
        )
        return add_doubts(spans, self._index, self.prefer)

    def _exact_matcher(self) -> ExactMatcher:
        if self._exact_obj is None:
            from glossary._match import ExactMatcher

            _ = self._index
            with self._lock:
                if self._exact_obj is None:
                    self._exact_obj = ExactMatcher(self._index)
        return self._exact_obj

    # -- entries by id ------------------------------------------------------------------

    def __getitem__(self, ident: str) -> Entry:
        n = self._index.number(ident)
        if n is None:
            raise KeyError(ident)
        return self._index.entry(n)

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self._index.number(ident) is not None

    def __len__(self) -> int:
        return len(self._index)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._index)

    def english(self, entry: Entry) -> str:
        """The English name of ``entry`` in this glossary's house style (``prefer``)."""
        return entry.english_for(self.prefer).text

    def parent_of(self, entry: Entry) -> Entry | None:
        """The entry's parent entry, if it has one in this term base."""
        return self._index.parent(entry)

    def ancestors(self, entry: Entry) -> list[str]:
        """The ids of the entry's parent, its parent's parent..., nearest first.

        >>> Glossary().ancestors(Glossary()["taichung-city-xitun"])
        ['taichung-city']
        """
        return self._index.ancestors(entry)

    # -- lookups ---------------------------------------------------------------------------

    def lookup(
        self,
        query: str,
        *,
        limit: int = 10,
        fuzzy: bool = True,
        score_cutoff: float = 75.0,
        kinds: Iterable[Kind | str] | None = None,
    ) -> list[Hit]:
        """Every entry the query could mean, best first (among equally good matches, the
        more prominent entry first: Taipei's Xinyi District before Keelung's).

        The query may be any English term (case, spaces, hyphens, apostrophes, diacritics
        and the generic word do not matter), Chinese in Traditional or Simplified with or
        without its suffix, Hanyu Pinyin with tone marks, tone numbers or none, any other
        romanization of the Chinese (Wade-Giles, Tongyong, MPS II, Gwoyeu Romatzyh, Yale;
        even mixed within one name, as in Ma Ying-jeou), an entry id, or a near miss
        (typo), which is tried only when nothing else matches.

        Args:
            query: The name to look up.
            limit: At most this many hits.
            fuzzy: Try near misses when nothing matches exactly.
            score_cutoff: The lowest fuzzy score (0-100) to accept.
            kinds: Only entries of these kinds.

        Raises:
            QueryError: if the query is empty.
            TermNotFound: if nothing matches; its ``suggestions`` hold the closest entries.

        >>> [h.entry.id for h in Glossary().lookup("Xinyi District")]
        ['taipei-city-xinyi', 'keelung-city-xinyi']
        >>> hit = Glossary().lookup("Shidng")[0]
        >>> hit.entry.english, hit.match.value, round(hit.score)
        ('Shiding District', 'fuzzy', 92)
        """
        if not isinstance(limit, int) or limit < 1:
            raise QueryError(f"limit must be a whole number, 1 or more (got {limit!r})")
        text = _clean(query)
        wanted = {Kind(k) for k in kinds} if kinds is not None else None
        hits = self._exact(text)
        if not hits and fuzzy:
            hits = self._fuzzy(text, limit=limit, score_cutoff=score_cutoff)
        if wanted is not None:
            hits = [h for h in hits if h.entry.kind in wanted]
        if not hits:
            raise TermNotFound(query, self.suggest(query))
        return hits[:limit]

    def get(self, query: str, *, parent: str | None = None) -> Entry | None:
        """The one entry a query names exactly (no typos), or None.

        Args:
            query: As for :meth:`lookup`.
            parent: Keep only entries whose parent (or any ancestor) has this id.

        Raises:
            AmbiguousTerm: if several entries match equally well; pass ``parent``.

        >>> Glossary().get("信義區", parent="keelung-city").id
        'keelung-city-xinyi'
        >>> Glossary().get("Atlantis") is None
        True
        """
        text = _clean(query)
        hits = self._exact(text)
        if parent is not None:
            hits = [h for h in hits if parent in self._index.ancestors(h.entry)]
        if not hits:
            return None
        best = [h for h in hits if h.score == hits[0].score]
        if len(best) > 1:
            raise AmbiguousTerm(query, [h.entry for h in best])
        return best[0].entry

    def suggest(self, query: str, *, limit: int = 3) -> list[Hit]:
        """The closest entries to a query that matched nothing (low fuzzy cutoff)."""
        try:
            text = _clean(query)
        except QueryError:
            return []
        return self._fuzzy(text, limit=limit, score_cutoff=50.0)

    def _exact(self, text: str) -> list[Hit]:
        index = self._index
        best: dict[int, Hit] = {}
        n = index.number(text) if _ID.fullmatch(text) else None
        if n is not None:
            best[n] = Hit(index.entry(n), MatchKind.EXACT, SCORE_TERM, text)
        if has_cjk(text):
            key = chinese_key(text)
            rows = index.rows(key)
            converted = False
            if not rows:
                from glossary._script import to_traditional

                traditional = chinese_key(to_traditional(text))
                if traditional != key:
                    rows = index.rows(traditional)
                    converted = True
            for row in rows:
                self._keep(best, row, _cjk_match(text, row, converted))
        else:
            key = latin_key(text)
            rows = index.rows(key) if key else []
            toneless = strip_tone_numbers(key)
            if not rows and toneless != key:
                rows = index.rows(toneless)
            for row in rows:
                self._keep(best, row, _latin_match(text, row))
            if not best and key:
                self._by_reading(text, best)
        return sorted(best.values(), key=_hit_order)

    def _by_reading(self, text: str, best: dict[int, Hit]) -> None:
        """Read a spelling no key holds as romanized Mandarin, and look up its readings.

        This finds names spelled in a mix of systems (Ma Ying-jeou: Wade-Giles with a
        Gwoyeu Romatzyh syllable) or with a dropped apostrophe, through the Hanyu keys.
        """
        from glossary.romanize import LATIN, parse

        for candidate in parse(text).candidates[:MAX_READINGS_TRIED]:
            score = SCORE_READING - (0 if candidate.exact else 2) - (0 if candidate.systems else 1)
            system = next((System(s.value) for s in LATIN if s.value in candidate.systems), None)
            for row in self._index.rows(candidate.key):
                old = best.get(row.n)
                if old is None or score > old.score:
                    entry = self._index.entry(row.n)
                    term = row.term if row.match == "pinyin" else entry.chinese
                    best[row.n] = Hit(entry, MatchKind.PINYIN, score, term, system)

    def by_reading(self, syllables: Sequence[str]) -> list[Entry]:
        """The entries whose Chinese reads as these Hanyu syllables (toneless).

        >>> [e.id for e in Glossary().by_reading(["xi", "tun"])]
        ['taichung-city-xitun']
        """
        key = latin_key("".join(syllables))
        numbers = dict.fromkeys(row.n for row in self._index.rows(key) if row.match != "script")
        return sorted((self._index.entry(n) for n in numbers), key=lambda e: e.id)

    def _keep(self, best: dict[int, Hit], row: KeyRow, how: tuple[MatchKind, float]) -> None:
        match, score = how
        old = best.get(row.n)
        if old is None or score > old.score:
            system = System(row.system) if row.system else None
            best[row.n] = Hit(self._index.entry(row.n), match, score, row.term, system)

    def _fuzzy(self, text: str, *, limit: int, score_cutoff: float) -> list[Hit]:
        from rapidfuzz import fuzz, process

        latin, latin_n, cjk, cjk_n = self._index.fuzzy_choices()
        if has_cjk(text):
            key, choices, numbers = chinese_key(text), cjk, cjk_n
        else:
            key, choices, numbers = strip_tone_numbers(latin_key(text)), latin, latin_n
        if not key:
            return []
        found = process.extract(
            key, choices, scorer=fuzz.ratio, limit=limit * 8, score_cutoff=score_cutoff
        )
        best: dict[int, Hit] = {}
        for choice, score, position in found:
            n = numbers[position]
            if n not in best or score > best[n].score:
                best[n] = Hit(self._index.entry(n), MatchKind.FUZZY, float(score), choice)
        hits = sorted(best.values(), key=_hit_order)
        return hits[:limit]


def _hit_order(hit: Hit) -> tuple[float, int, str]:
    """Best score first; among equals, the more prominent entry (Taoyuan City before
    Kaohsiung's 桃源區), then by id. Equal scores still make :meth:`Glossary.get` refuse
    to choose: prominence orders homonyms, it never hides them."""
    return (-hit.score, -hit.entry.prominence, hit.entry.id)


def _clean(query: str) -> str:
    if not isinstance(query, str):
        raise TypeError(f"a query is a str, not {type(query).__name__}{_decode_hint(query)}")
    if len(query) > MAX_QUERY:
        raise QueryError(
            f"the query is {len(query):,} characters long: a name is at most {MAX_QUERY:,}"
        )
    text = unicodedata.normalize("NFC", query).strip()
    if not text:
        raise QueryError("the query is empty")
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        raise QueryError(
            f"the query {text!r} is not valid Unicode: a lone surrogate "
            f"U+{ord(surrogate.group()):04X} (decode the bytes it came from with "
            "errors='replace')"
        )
    return text


#: A code point of a UTF-16 surrogate pair, alone: what os.fsdecode makes of a bad byte.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _decode_hint(value: object) -> str:
    return (
        ": decode it first (data.decode('utf-8'))" if isinstance(value, bytes | bytearray) else ""
    )


def _text_argument(text: object) -> str:
    """``text`` if it is a str; lone surrogates (from os.fsdecode, say) replaced by U+FFFD,
    one code point for one, so offsets still index the text given."""
    if not isinstance(text, str):
        raise TypeError(f"annotate() takes a str, not {type(text).__name__}{_decode_hint(text)}")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return _SURROGATE.sub("\ufffd", text)
    return text


def _prefer(prefer: Sequence[str] | str) -> tuple[str, ...]:
    """The house style as a tuple: a str is one choice or a comma-separated list of them
    (``"tongyong,official"``, as ``--prefer`` takes it), never its characters."""
    if isinstance(prefer, str):
        prefer = prefer.split(",")
    choices = tuple(str(p).strip() for p in prefer if str(p).strip())
    known = {Status.PREFERRED.value, Status.ADMITTED.value, "official", *(s.value for s in System)}
    for choice in choices:
        if choice not in known:
            raise QueryError(f"prefer: {choice!r} is not one of {', '.join(sorted(known))}")
    return choices


def _latin_match(text: str, row: KeyRow) -> tuple[MatchKind, float]:
    if row.match == "term":
        if text.casefold() == row.term.casefold():
            return MatchKind.EXACT, SCORE_TERM
        return MatchKind.VARIANT, SCORE_EXACT_VARIANT
    return _MATCH_OF_ROW[row.match], row.score


def _cjk_match(text: str, row: KeyRow, converted: bool) -> tuple[MatchKind, float]:
    if converted:
        return MatchKind.SCRIPT, row.score - 2
    if row.match == "term":
        if text == row.term:
            return MatchKind.EXACT, SCORE_TERM
        return MatchKind.SCRIPT, SCORE_CHAR_VARIANT
    if row.match == "variant" and text != row.term and chinese_key(text) != text:
        return MatchKind.SCRIPT, row.score - 1
    return _MATCH_OF_ROW[row.match], row.score
