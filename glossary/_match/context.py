"""Context decisions: which entry a name several entries share means in this text.

Tried in order, the first that decides wins (``Span.decided_by`` says which):

1. ``generic``: a plural generic word after a list of names gives the kind of each
   ("Changhua, Yunlin and Chiayi counties": the counties, not the county seats);
2. ``county``: a candidate named itself elsewhere in the text ("Hualien County officials
   said Hualien was hit hardest": the county, not its seat Hualien City; "Yilan City
   officials said Yilan...": the city), unless another candidate's parent is named too;
3. ``parent``: the one candidate whose parent (or any ancestor) is named elsewhere, alone
   (信義區 with Taipei named: Taipei's), unless another candidate is a municipality, county
   or provincial city of its own ("Taoyuan ... Kaohsiung officials said": a bare Taoyuan
   is not Kaohsiung's mountain district 桃源區 because Kaohsiung is named);
4. ``foreign-context``: a place outside Taiwan when its ancestor is named in the same
   paragraph (Heping District in a story about Tianjin, Zhongshan in Guangdong, 天津市和平區),
   or when a word for China (China, mainland, 中國, 大陸) stands in the same sentence, outside
   the names found, and no Taiwanese candidate's parent is named; then the span names the
   foreign place(s) only. A county or municipality of Taiwan is never switched (Kinmen,
   "off China's Fujian province", stays Taiwan's);
5. ``prominence``: otherwise, places outside Taiwan left out, the candidate of the highest
   ``prominence`` (Taoyuan City 90 before Taoyuan District 50), with a doubt listing the
   others;

and when even prominence ties (Hsinchu City and Hsinchu County, both 80), the span keeps
every candidate (``span.ambiguous``) but the places outside Taiwan.

Before these, in a text about China, a name Taiwan's government bodies share with the
PRC's (外交部, 國防部: :func:`shared_body_names`) is dropped where it stands in a Simplified
paragraph with no word for Taiwan in its clause (外交部发言人表示，中方…: the PRC's
ministry); 台湾外交部, and 外交部 in Traditional text, stay Taiwan's.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache

from glossary._data import data_text
from glossary._index import Index
from glossary._match.facts import entry_status, is_everyday_word
from glossary._match.rules import continues_word
from glossary._model import DIVISIONS, Doubt, DoubtKind, Entry, Kind, Span
from glossary._text import chinese_key, has_cjk
from glossary._vocab import fold, strip_generic_en, strip_generic_zh

__all__ = ["decide", "own_term"]

#: A letter or digit of a Latin word: a Han character ends one (Chiayi counties表示).
#: (A word character not in the Han ranges: cheaper to compile than the negated class
#: [^\W...] with the same ranges, 2 ms against 6 at import.)
_WORD = r"(?:(?![\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff])\w)"
#: A plural generic word right after a name, and the kinds of place it names.
_PLURAL = r"[ \t]+((?i:counties|cities|districts|townships))"  # then no letter: continues_word
_PLURAL_KINDS: dict[str, frozenset[Kind]] = {
    "counties": frozenset({Kind.COUNTY}),
    "cities": frozenset({Kind.MUNICIPALITY, Kind.CITY, Kind.COUNTY_CITY}),
    "districts": frozenset({Kind.DISTRICT}),
    "townships": frozenset({Kind.TOWNSHIP, Kind.URBAN_TOWNSHIP}),
}
#: Between two names of one list: "Changhua, Yunlin and Chiayi".
_LIST_GAP = re.compile(r"[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+")
#: Places that are a division of their own, not inside another: a bare name that may mean
#: one of them is not decided by a city named elsewhere (Taoyuan, Kaohsiung).
_TOP = frozenset({Kind.MUNICIPALITY, Kind.COUNTY, Kind.CITY})
#: Words for China: in the same sentence, a homonym abroad is meant (中國大陸的和平區);
#: 中方 (the Chinese side), 中共 and 國務院 (the State Council) too.
_CHINA = re.compile(
    r"China|PRC|mainland|Mainland China|Chinese mainland"
    r"|中國|中国|大陸|大陆|內地|内地|中方|中共|國務院|国务院|中華人民共和國|中华人民共和国"
)
#: (A plain alternation, its Latin words' boundaries checked on each match by
#: :func:`_china_cues`: a look-behind first made the engine try the pattern at every
#: character, 40 ms a megabyte of English.)


def _china_cues(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The words for China in ``text[start:end]``: a Latin one as a word of its own (a Han
    character ends it: 在China的), never inside another (Chinatown, Chinas)."""
    stop = len(text) if end is None else end
    for found in _CHINA.finditer(text, start, stop):
        if found.group()[0].isascii() and (
            continues_word(text[found.start() - 1 : found.start()])
            or continues_word(text[found.end() : found.end() + 1])
        ):
            continue
        yield found


#: The PRC's province-level divisions (ids of the foreign layer): their names, alone, say a
#: text is about China (Heping District in a story about Tianjin). The names are the
#: index's, worked out once per index.
_PROVINCES = [
    "cn-anhui",
    "cn-beijing",
    "cn-chongqing",
    "cn-fujian",
    "cn-gansu",
    "cn-guangdong",
    "cn-guangxi",
    "cn-guizhou",
    "cn-hainan",
    "cn-hebei",
    "cn-heilongjiang",
    "cn-henan",
    "cn-hubei",
    "cn-hunan",
    "cn-inner-mongolia",
    "cn-jiangsu",
    "cn-jiangxi",
    "cn-jilin",
    "cn-liaoning",
    "cn-ningxia",
    "cn-qinghai",
    "cn-shaanxi",
    "cn-shandong",
    "cn-shanghai",
    "cn-shanxi",
    "cn-sichuan",
    "cn-tianjin",
    "cn-tibet",
    "cn-xinjiang",
    "cn-yunnan",
    "cn-zhejiang",
]


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern of this module compiled on first use (their Han ranges take a millisecond
    or more each to compile, and most texts need few of them)."""
    return re.compile(pattern)


_province_names: weakref.WeakKeyDictionary[Index, tuple[list[str], list[str]]] = (
    weakref.WeakKeyDictionary()
)
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v\u3000]*\n|\u2029")
#: How far a sentence is looked at each way from a name (a "sentence" without a full stop
#: for longer than this is no sentence: a list, a table, a text without punctuation).
_SENTENCE_REACH = 1000
_SENTENCE_END = re.compile(r"[.!?。！？](?=[\s\"'”’」』)]|$)")


def decide(spans: Sequence[Span], index: Index, text: str = "") -> list[Span]:
    """Resolve the spans of ``text`` whose name several entries share (the module's
    docstring has the order), and switch a name to its homonym abroad where the text is
    about China. ``text`` is the text the spans index; without it only the decisions by
    other names (county, parent, prominence) are made."""
    out = list(spans)
    if not out:
        return out
    if text and any(map(_namesake_shaped, out)) and not _about_taiwan(text, out):
        out = [s for s in out if not _namesake(s)]
        if not out:
            return out
    abroad = _Abroad(text, out, index) if text and _foreign_cue(text, out, index) else None
    if abroad is not None:
        out = [s for s in out if not _body_of_china(s, text)]
    if text:
        out = _without_bodies_abroad(out, text)
        if not out:
            return out
    if abroad is None and all(len(s.entries) == 1 for s in out):
        return out
    if text:
        _by_plural_generic(out, text)
    # The names found alone (a homonym abroad aside: Yilan County), how often each
    alone: list[str | None] = []
    for s in out:
        native = [e for e in s.entries if e.kind is not Kind.FOREIGN_PLACE]
        single = s.entries if len(s.entries) == 1 else native if len(native) == 1 else ()
        alone.append(single[0].id if single else None)
    counts = Counter(ident for ident in alone if ident is not None)
    named = set(counts)
    lines: dict[str, set[str]] = {}  # an entry's ancestors, worked out once per text
    for i, span in enumerate(out):
        if span.decided_by is not None:
            continue
        if abroad is not None:
            choice = abroad.decide(span)
            if choice is not None:
                out[i] = choice
                continue
        if len(span.entries) > 1:
            own = alone[i]  # named elsewhere: not by this span alone
            aside = own if own is not None and counts[own] == 1 else None
            out[i] = _by_names(span, named, lines, index, aside)
    return out


@cache
def shared_body_names() -> frozenset[str]:
    """The names Taiwan's government bodies share with departments of China's State
    Council (``glossary/data/shared_body_names.txt``), as keys, Traditional and Simplified.

    >>> sorted(n for n in shared_body_names() if "防" in n), "陸委會" in shared_body_names()
    (['国防部', '國防部'], False)
    """
    from glossary._script import to_simplified

    names = [w for w in data_text("shared_body_names.txt").split("\n") if w and w[0] != "#"]
    return frozenset(chinese_key(n) for name in names for n in (name, to_simplified(name)))


#: Taiwan named in a clause: 台灣外交部, 台湾"外交部", 我國外交部 are Taiwan's (我国, in
#: Simplified, is what the PRC's press writes for China).
_TAIWAN_ZH = re.compile(r"台灣|臺灣|台湾|我國|中華民國|中华民国")
#: Where a Chinese clause begins: after these.
_CLAUSE_ZH = re.compile(r"[，。！？；：、,.!?;:\n]")


def _namesake(span: Span) -> bool:
    """Whether the span is a person's English name that many people bear: a Western given
    name and a common surname, each an everyday English word or name (Jonathan Lee, David
    Lee, John Young). Without Taiwan in the text it is someone else's (a British chef named
    Jonathan Lee is not Taiwan's 李宗盛). A first word that is a Mandarin syllable, or Lee's
    customary spelling, makes a Chinese name (Lien Chan, Lee Yang): not a namesake.

    >>> import glossary
    >>> g = glossary.Glossary()
    >>> [_namesake(s) for s in g.annotate("Jonathan Lee and Lien Chan")]
    [True, False]
    """
    if not _namesake_shaped(span):
        return False
    return _LATIN_WORDS.match(span.text).group().lower() not in _chinese_syllables()  # type: ignore[union-attr]


def _namesake_shaped(span: Span) -> bool:
    """Whether the span is a person's name in English of two words or more, each an
    everyday English word or name (:func:`_namesake` without its syllable check, which
    loads the syllable table: most texts never need it)."""
    entry = span.entry
    if entry is None or entry.kind is not Kind.PERSON or not span.text.isascii():
        return False
    words = _LATIN_WORDS.findall(span.text)
    if len(words) < 2:
        return False
    return all(is_everyday_word(w.lower()) for w in words)


_LATIN_WORDS = re.compile(r"[A-Za-z]+")
#: Taiwan named in words: a text about Taiwan.
_TAIWAN = rf"(?<!{_WORD})(?:Taiwan|Taiwanese|Taipei)(?!{_WORD})|台灣|臺灣|台湾"


@cache
def _chinese_syllables() -> frozenset[str]:
    """Every toneless Mandarin syllable in every Latin system, lower case without marks or
    apostrophes, and the customary surname spellings (Lee, Soong, Koo, Siew)."""
    from glossary._syllables import table
    from glossary._text import strip_diacritics
    from glossary.romanize import CUSTOMARY_SPELLINGS

    spellings = {strip_diacritics(v).lower().replace("'", "") for v in table().plain.values()}
    return frozenset(spellings | set(CUSTOMARY_SPELLINGS))


def _about_taiwan(text: str, spans: Sequence[Span]) -> bool:
    """Whether the text is about Taiwan: it says Taiwan (Taipei, 台灣), or names a Taiwan
    entry other than a namesake (:func:`_namesake`)."""
    if _compiled(_TAIWAN).search(text):
        return True
    native = [
        s for s in spans if s.entries and all(e.kind is not Kind.FOREIGN_PLACE for e in s.entries)
    ]
    if any(not _namesake_shaped(s) for s in native):
        return True
    return any(not _namesake(s) for s in native)  # Lien Chan: a Chinese name


#: Who owns a body named right after: a possessive ("China's", "South Korea's") or a
#: demonym ("Chinese", "Japanese", "US") just before the name, "the" between allowed.
_OWNER_BEFORE = (
    r"(?:(?P<owner>[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,2})['’]s"
    r"|(?P<demonym>[A-Z][a-z]+(?:ese|ian|an|ish|ch|i)|US|U\.S\.|UK|U\.K\.|PRC|EU|Philippine))"
    r"[ \t]+(?:the[ \t]+)?\Z"
)
#: Owners that are Taiwan: its body ("Taiwan's Ministry of Foreign Affairs").
_TAIWAN_OWNERS = frozenset(
    {"Taiwan", "Taiwanese", "Taipei", "ROC", "R.O.C.", "Republic of China", "Formosa", "Formosan"}
)
#: Beijing for China's government: "the Ministry of National Defense in Beijing".
_BEIJING = rf"Beijing(?!{_WORD})|北京"
#: Where a body named right before is: "in Beijing", "of China".
_PLACE_AFTER = re.compile(r"[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?")


def _without_bodies_abroad(spans: list[Span], text: str) -> list[Span]:
    """The spans but the government bodies another country owns: Taiwan's bodies share
    their English with many governments' (Ministry of Foreign Affairs, Ministry of
    Education), and "China's Ministry of Foreign Affairs", "the Japanese Ministry of
    Defense", "the Ministry of National Defense in Beijing" are not Taiwan's. The owner is
    a possessive or a demonym right before the name that is not Taiwan's ("Taiwan's",
    "Taipei's", a Taiwan place found there: "Kaohsiung's") nor a Chinese surname ("Lai's"),
    or China or a place abroad right after "in" or "of"."""
    out: list[Span] = []
    for i, span in enumerate(spans):
        entry = span.entry
        if entry is None or entry.kind is not Kind.AGENCY or not span.text.isascii():
            out.append(span)
            continue
        before = _compiled(_OWNER_BEFORE).search(text, max(0, span.start - 40), span.start)
        if before is not None and _foreign_owner(before, spans, i):
            continue
        after = _PLACE_AFTER.match(text, span.end)
        if after is not None and _abroad_at(text, after.end(), spans[i + 1 : i + 2]):
            continue
        out.append(span)
    return out


def _foreign_owner(found: re.Match[str], spans: Sequence[Span], i: int) -> bool:
    """Whether the possessive or demonym before ``spans[i]``, a body, names an owner
    other than Taiwan."""
    if found.group("demonym"):
        return found.group("demonym") != "Taiwanese"
    owner = found.group("owner")
    if owner in _TAIWAN_OWNERS or owner.lower() in _chinese_syllables():
        return False  # Taiwan's; Lai's, Cho's: a Taiwan official's
    start = found.start("owner")
    for k in range(i - 1, -1, -1):
        s = spans[k]
        if s.end <= start:
            break
        if s.start >= start and s.entries:  # a name found there: Kaohsiung's, Tianjin's
            return all(e.kind is Kind.FOREIGN_PLACE for e in s.entries)
    return True


def _abroad_at(text: str, at: int, following: Sequence[Span]) -> bool:
    """Whether China, or a place abroad the matcher found, is named at ``at``."""
    china = next(_china_cues(text, at, min(len(text), at + 20)), None)
    if (china is not None and china.start() == at) or _compiled(_BEIJING).match(text, at):
        return True
    return bool(
        following
        and following[0].start == at
        and following[0].entries
        and all(e.kind is Kind.FOREIGN_PLACE for e in following[0].entries)
    )


#: How far a clause or the text around a name is looked at, each way: a Chinese clause
#: is shorter, and a window keeps the cost of a name bounded in a text of any length.
_CLAUSE_REACH = 200


@lru_cache(maxsize=65536)
def _shared_body_name(name: str) -> bool:
    """Whether a Chinese name found is one of :func:`shared_body_names` (remembered: a
    text names the same few bodies again and again, and most names are none)."""
    return has_cjk(name) and chinese_key(name) in shared_body_names()


def _body_of_china(span: Span, text: str) -> bool:
    """Whether the span is a body name China's government shares with Taiwan's
    (:func:`shared_body_names`), written in Simplified (the text around it in its
    paragraph, :data:`_CLAUSE_REACH` characters each way) with no word for Taiwan in its
    clause: the PRC's ministry, not Taiwan's. Only asked of a text about China."""
    if not _shared_body_name(span.text):
        return False
    low = max(0, span.start - _CLAUSE_REACH)
    high = min(len(text), span.end + _CLAUSE_REACH)
    begin = max((m.end() for m in _CLAUSE_ZH.finditer(text, low, span.start)), default=low)
    end = _CLAUSE_ZH.search(text, span.end, high)
    if _TAIWAN_ZH.search(text, begin, end.start() if end else high):
        return False
    breaks = [m.end() for m in _PARAGRAPH.finditer(text, low, span.start)]
    after = _PARAGRAPH.search(text, span.end, high)
    return _simplified(text[breaks[-1] if breaks else low : after.start() if after else high])


def _simplified(text: str) -> bool:
    """Whether Chinese ``text`` is written in Simplified characters: it has some that
    differ from their Traditional forms and none that differ from their Simplified ones."""
    from glossary._script import to_simplified, to_traditional

    return to_simplified(text) == text and to_traditional(text) != text


def _decided(span: Span, entries: Sequence[Entry], how: str | None, *doubts: Doubt) -> Span:
    """``span`` naming ``entries`` only, decided by ``how``; one entry's span gets a
    ``matched`` term of that entry (the key's best term may be another homonym's)."""
    matched, status = span.matched, span.status
    if len(entries) == 1:
        matched = own_term(entries[0], span.matched)
        status = entry_status(entries[0], matched)
    return Span(
        span.start,
        span.end,
        span.text,
        tuple(entries),
        span.match,
        span.score,
        matched,
        span.system,
        status,
        (*span.doubts, *doubts),
        how,
    )


def own_term(entry: Entry, matched: str) -> str:
    """The entry's term for a span whose key matched ``matched`` (a term of this entry or
    of a homonym): ``matched`` itself if the entry has it, else the entry's term of the
    same name (Yilan City for Yilan County's bare Yilan), else its canonical term.

    >>> import glossary
    >>> own_term(glossary.Glossary()["yilan-county-yilan"], "Yilan County")
    'Yilan City'
    """
    chinese = has_cjk(matched)
    terms = entry.zh if chinese else entry.en
    if any(t.text == matched for t in (*entry.en, *entry.zh)):
        return matched
    if chinese:
        stem = chinese_key(strip_generic_zh(matched) or matched)
        same = [t.text for t in terms if chinese_key(strip_generic_zh(t.text) or t.text) == stem]
        return same[0] if same else entry.chinese
    stem = fold(strip_generic_en(matched) or matched)
    same = [t.text for t in terms if fold(strip_generic_en(t.text) or t.text) == stem]
    return same[0] if same else entry.english


def _by_plural_generic(spans: list[Span], text: str) -> None:
    """Decide, in place, the names of a list a plural generic word follows: each is of
    the kind the word names where exactly one of its entries is."""
    kinds: frozenset[Kind] | None = None
    for i in range(len(spans) - 1, -1, -1):
        span = spans[i]
        plural = _compiled(_PLURAL).match(text, span.end)
        if plural is not None and continues_word(text[plural.end() : plural.end() + 1]):
            plural = None  # "counties表示" is the word; "countiesX" none
        if plural is not None:
            kinds = _PLURAL_KINDS[plural.group(1).lower()]
        elif kinds is not None and not _LIST_GAP.fullmatch(text, span.end, spans[i + 1].start):
            kinds = None
        if kinds is not None and len(span.entries) > 1:
            fitting = [e for e in span.entries if e.kind in kinds]
            if len(fitting) == 1:
                spans[i] = _decided(span, fitting, "generic")


def _by_names(
    span: Span,
    named: set[str],
    lines: dict[str, set[str]],
    index: Index,
    aside: str | None = None,
) -> Span:
    """Decide a span by the other names in the text (the candidate itself, its parent),
    else by prominence; a span nothing decides keeps its candidates in Taiwan. ``named``
    are the ids of the entries the text names, but ``aside``, which only this span names."""
    entries = span.entries
    for e in entries:
        if e.id not in lines:
            lines[e.id] = set(index.ancestors(e))
    own = [e for e in entries if e.id in named and e.id != aside]
    if len(own) == 1:  # named itself; unless another's parent is named too (not inside it)
        mine = own[0].id
        if not any(
            e is not own[0] and _named_among(lines[e.id], named, aside, mine) for e in entries
        ):
            return _decided(span, own, "county")
    fitting = [e for e in entries if _named_among(lines[e.id], named, aside)]
    # A division of its own among the candidates (Taoyuan City) is not outdone by a
    # namesake inside a city named elsewhere (Kaohsiung's 桃源區): prominence decides.
    if fitting and not any(
        e.kind in _TOP and e.parent is None and e not in fitting for e in entries
    ):
        if len(fitting) == 1:
            return _decided(span, fitting, "parent")
        return _only(span, fitting)  # the text names several parents: it does not decide
    native = [e for e in entries if e.kind is not Kind.FOREIGN_PLACE] or list(entries)
    top = max(e.prominence for e in native)
    best = [e for e in native if e.prominence == top]
    if len(best) == 1 and len(native) > 1:
        others = "; ".join(_described(e, index) for e in native if e is not best[0])
        doubt = Doubt(DoubtKind.PROMINENCE, f"chosen by prominence over {others}")
        return _decided(span, best, "prominence", doubt)
    return _only(span, native)


def _named_among(ids: set[str], named: set[str], *aside: str | None) -> bool:
    """Whether one of ``ids`` (a few ancestors) is in ``named``, the ids ``aside`` left
    out: their intersection, never a copy of ``named`` without them (``named`` holds every
    name of a text: a copy for each homonym made a text's cost grow with their product)."""
    hits = ids & named
    for ident in aside:
        hits.discard(ident)
    return bool(hits)


def _only(span: Span, entries: Sequence[Entry]) -> Span:
    """``span`` with fewer candidates, nothing decided (the places abroad left out)."""
    if len(entries) == len(span.entries):
        return span
    return _decided(span, entries, None)


def _described(entry: Entry, index: Index) -> str:
    """A candidate in a message: ``Taoyuan District 桃源區, Kaohsiung City``."""
    parent = index.parent(entry)
    where = f", {parent.english}" if parent is not None else ""
    return f"{entry.english} {entry.chinese}{where}"


def _foreign_cue(text: str, spans: Sequence[Span], index: Index) -> bool:
    """Whether the text may be about a place abroad: a word for China, a province of
    China named, or a place outside Taiwan found in it. Cheap: most texts have none, and
    nothing more is asked."""
    if next(_china_cues(text), None) is not None:
        return True
    if any(e.kind is Kind.FOREIGN_PLACE for s in spans for e in s.entries):
        return True
    return _province_named(text, index)


def _provinces(index: Index) -> tuple[list[str], list[str]]:
    """The names of China's provinces the index holds: (Latin ones, Han ones)."""
    if index in _province_names:
        return _province_names[index]
    names: set[str] = set()
    for ident in _PROVINCES:
        n = index.number(ident)
        if n is not None:
            names.update(_bare_names(index.entry(n)))
    found = (sorted(n for n in names if not has_cjk(n)), sorted(n for n in names if has_cjk(n)))
    _province_names[index] = found
    return found


def _province_named(text: str, index: Index) -> bool:
    """Whether a province of China is named in ``text``: a Han name anywhere, a Latin one
    as a word of its own (Guangdong, not Guangdongese). Substring searches, no pattern to
    compile: most texts name none, and this is asked of every text."""
    latin, han = _provinces(index)
    return any(name in text for name in han) or any(_written_in(name, text) for name in latin)


def _joins(char: str) -> bool:
    """Whether ``char`` next to a Latin name makes it part of a longer word (a Han
    character does not: 廣東Guangdong)."""
    return bool(char) and (char in "-_" or continues_word(char))


class _Abroad:
    """The homonyms abroad of the names in a text that is about China somewhere."""

    def __init__(self, text: str, spans: Sequence[Span], index: Index) -> None:
        self.text = text
        self.index = index
        self.breaks = [m.start() for m in _PARAGRAPH.finditer(text)]
        self.starts = [s.start for s in spans]  # in order, not overlapping
        self.ends = [s.end for s in spans]
        # the places abroad found alone, by paragraph
        self.found: dict[int, set[str]] = {}
        for s in spans:
            if len(s.entries) == 1 and s.entries[0].kind is Kind.FOREIGN_PLACE:
                self.found.setdefault(self._paragraph(s.start), set()).add(s.entries[0].id)
        self.named_here: dict[int, set[str]] = {}
        for s in spans:
            if len(s.entries) == 1:
                self.named_here.setdefault(self._paragraph(s.start), set()).add(s.entries[0].id)
        # Worked out once for the text, so that each name costs a search, not a scan of its
        # paragraph (a text of one long paragraph would take time growing with its square)
        self.sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.spans = spans
        # The homonyms abroad of each name found (its text and entries: a text names the
        # same places again and again), the ancestors' names they may ask about, and which
        # of them each paragraph writes.
        self._places: dict[str, tuple[tuple[Entry, ...], list[Entry]]] = {}
        self._ancestor_names: dict[str, list[str]] = {}  # an ancestor's id -> its names
        self._searched: _NameSearch | None = None
        self._written: dict[int, set[str]] = {}  # a paragraph's start -> the names it writes

    def _paragraph(self, at: int) -> int:
        return bisect.bisect_right(self.breaks, at)

    def _bounds(self, at: int) -> tuple[int, int]:
        """The paragraph ``at`` is in, as offsets."""
        p = self._paragraph(at)
        start = self.breaks[p - 1] if p else 0
        end = self.breaks[p] if p < len(self.breaks) else len(self.text)
        return start, end

    def decide(self, span: Span) -> Span | None:
        """The span naming its homonym(s) abroad, if the paragraph is about them."""
        places = self._homonyms(span)
        if not places:
            return None
        start, end = self._bounds(span.start)
        native = [e for e in span.entries if e.kind is not Kind.FOREIGN_PLACE]
        if any(e.kind in _TOP for e in native):
            return None  # Kinmen, "off China's Fujian province", stays Taiwan's county
        here = self.named_here.get(self._paragraph(span.start), set())
        if any(here & set(self.index.ancestors(e)) for e in native):
            return None  # a Taiwanese candidate's parent is named too: the parent rule's
        named = self.found.get(self._paragraph(span.start), set())
        fitting = [e for e in places if self._ancestor_named(e, named, start, end)]
        if not fitting:
            if not self._china_in_sentence(span, start, end):
                return None
            fitting = places
        return _decided(span, fitting, "foreign-context")

    def _homonyms(self, span: Span) -> list[Entry]:
        """The places abroad the span's name may mean, its own entries' and the index's
        (the matcher gives a Latin name's homonyms abroad only with their generic word);
        worked out once per name and entries in a text."""
        cached = self._places.get(span.text)
        if cached is not None and cached[0] == span.entries:
            return cached[1]
        places = self._places_of(span)
        self._places[span.text] = (span.entries, places)
        return places

    def _places_of(self, span: Span) -> list[Entry]:
        """:meth:`_homonyms`, worked out."""
        found = {e.id: e for e in span.entries if e.kind is Kind.FOREIGN_PLACE}
        if not any(_is_place(e) for e in span.entries):
            return list(found.values())
        key = chinese_key(span.text) if has_cjk(span.text) else fold(span.text)
        for row in self.index.rows(key):
            entry = self.index.entry(row.n)
            if entry.kind is Kind.FOREIGN_PLACE:
                found.setdefault(entry.id, entry)
        return sorted(found.values(), key=lambda e: e.id)

    def _ancestor_named(self, entry: Entry, named: set[str], start: int, end: int) -> bool:
        """Whether one of the entry's ancestors is named in the paragraph from ``start`` to
        ``end``: found as a name, or its bare name written (Tianjin, Guangdong, 天津, 廣東)."""
        for ident in self.index.ancestors(entry):
            if ident in named:
                return True
            for name in self._names_of(ident):
                if self._is_written(name, start, end):
                    return True
        return False

    def _names_of(self, ident: str) -> list[str]:
        """The bare names of the ancestor ``ident`` (:func:`_bare_names`; none if the index
        lacks it), worked out once per text."""
        names = self._ancestor_names.get(ident)
        if names is None:
            n = self.index.number(ident)
            names = [] if n is None else _bare_names(self.index.entry(n))
            self._ancestor_names[ident] = names
        return names

    def _is_written(self, name: str, start: int, end: int) -> bool:
        """Whether ``name`` is written in the paragraph from ``start`` to ``end``
        (:func:`_written_in`). On the first question about a paragraph, one search of it
        finds every name the text's places abroad may ask about (:class:`_NameSearch`):
        each paragraph is read once, however many names are asked of it, and a name not
        written costs no scan of its own (one ``str.find`` through a megabyte, each, made
        half the work of a text about China)."""
        if self._searched is None:
            self._searched = _NameSearch(
                name
                for span in self.spans
                for place in self._homonyms(span)
                for ident in self.index.ancestors(place)
                for name in self._names_of(ident)
            )
        written = self._written.get(start)
        if written is None:
            written = self._written[start] = self._searched.written(self.text, start, end)
        if name in self._searched.names:
            return name in written
        return _written_in(name, self.text, start, end)  # not foreseen

    def _china_in_sentence(self, span: Span, start: int, end: int) -> bool:
        """Whether a word for China stands in the span's sentence, outside the names
        found (大陸 in 大陸委員會, the Mainland Affairs Council, is no such word)."""
        text = self.text
        ends = self.sentence_ends
        i = bisect.bisect_right(ends, span.start) - 1  # the last sentence end before it
        begin = max(ends[i] if i >= 0 else 0, start, span.start - _SENTENCE_REACH)
        j = bisect.bisect_right(ends, span.end)  # the first one after it
        finish = min(ends[j] if j < len(ends) else end, end, span.end + _SENTENCE_REACH)
        for cue in _china_cues(text, begin, finish):
            i = bisect.bisect_right(self.starts, cue.start()) - 1
            if i < 0 or self.ends[i] <= cue.start():
                return True
        return False


def _is_place(entry: Entry) -> bool:
    """Whether an entry is a Taiwanese division whose name a place abroad may share."""
    return entry.kind in DIVISIONS


#: The generic words of China's divisions, as their English ends (the foreign layer's
#: names: Tianjin Municipality, Guangxi Zhuang Autonomous Region, Hengshui City).
_ABROAD_GENERIC = re.compile(
    r"(?:[ ](?:Zhuang|Hui|Uygur))?[ ](?:Municipality|Province|Autonomous Region|"
    r"Special Administrative Region|Autonomous Prefecture|Prefecture|City|County|District)$"
)


def _bare_names(entry: Entry) -> list[str]:
    """An ancestor's names as a text may write it alone: its English terms without their
    generic word (Tianjin for Tianjin Municipality), its Chinese with and without."""
    names: list[str] = []
    for term in entry.en:
        names.append(term.text)
        bare = strip_generic_en(term.text) or _ABROAD_GENERIC.sub("", term.text)
        if bare and bare != term.text:
            names.append(bare)
    for term in entry.zh:
        names.append(term.text)
        stem = strip_generic_zh(term.text)
        if stem:
            names.append(stem)
    return names


def _written_in(name: str, text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``name`` is written in ``text[start:end]`` (as a whole word, for a Latin
    name).

    >>> _written_in("天津", "天津市"), _written_in("Tianjin", "Tianjinese")
    (True, False)
    >>> _written_in("Hebei", "(Hebei)"), _written_in("Hebei", "Hebei-based")
    (True, False)
    """
    stop = len(text) if end is None else end
    latin = not has_cjk(name)
    at = text.find(name, start, stop)
    while at >= 0:  # str.find, not a pattern with a look-behind tried at every character
        if not latin or _stands_alone(text, at, at + len(name)):
            return True
        at = text.find(name, at + 1, stop)
    return False


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the Latin name written at ``text[start:end]`` is a word of its own, not
    part of a longer one (:func:`_joins`)."""
    return not (_joins(text[start - 1 : start]) or _joins(text[end : end + 1]))


class _NameSearch:
    """Where names are written, every one of them found in one pass over a paragraph
    (an Aho-Corasick automaton, overlapping: every place of every name), each place kept
    as :func:`_written_in` keeps it: a Han name anywhere, a Latin one as a word of its
    own. ``names`` are those it searches for (no empty one)."""

    def __init__(self, names: Iterable[str]) -> None:
        import ahocorasick_rs

        self.names = frozenset(filter(None, names))
        self._patterns = sorted(self.names)
        self._latin = [not has_cjk(name) for name in self._patterns]
        self._automaton = ahocorasick_rs.AhoCorasick(self._patterns) if self._patterns else None

    def written(self, text: str, start: int, end: int) -> set[str]:
        """The names written in ``text[start:end]``.

        >>> text = "Tianjinese in 天津市, Hebei"
        >>> sorted(_NameSearch(["天津", "Tianjin", "Hebei"]).written(text, 0, len(text)))
        ['Hebei', '天津']
        """
        found: set[str] = set()
        if self._automaton is None or start >= end:
            return found
        patterns, latin = self._patterns, self._latin
        hits = self._automaton.find_matches_as_indexes(text[start:end], overlapping=True)
        for i, at, after in hits:
            name = patterns[i]
            if name not in found and (
                not latin[i] or _stands_alone(text, start + at, start + after)
            ):
                found.add(name)
        return found
