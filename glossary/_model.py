"""Plain typed data: entries, terms, hits and their enumerations.

Nothing here knows about files, indexes or the command line. Enumerations are
:class:`~enum.StrEnum`, so the strings in YAML, on the command line and in JSON are the
enumeration values themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """Administrative status of a term, as in TBX (``preferredTerm-admn-sts`` ...)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    FORBIDDEN = "forbidden"


class Kind(StrEnum):
    """What sort of thing an entry names."""

    MUNICIPALITY = (
        "municipality"  # 直轄市: Taipei, New Taipei, Taoyuan, Taichung, Tainan, Kaohsiung
    )
    COUNTY = "county"  # 縣
    CITY = "city"  # 市 under the province: Keelung, Hsinchu, Chiayi
    COUNTY_CITY = "county-city"  # 縣轄市: a city under a county (Zhubei City, Hsinchu County)
    URBAN_TOWNSHIP = "urban-township"  # 鎮
    TOWNSHIP = "township"  # 鄉 (rural and mountain indigenous townships)
    DISTRICT = "district"  # 區 of a municipality or city
    VILLAGE = "village"  # 村, 里
    ROAD = "road"
    ISLAND = "island"  # an island or a group of islands
    MOUNTAIN = "mountain"
    RIVER = "river"
    LAKE = "lake"
    PARK = "park"  # national park, national scenic area, forest recreation area
    TEMPLE = "temple"
    AIRPORT = "airport"
    PORT = "port"
    STATION = "station"  # a railway or metro station (one entry per operator)
    SCHOOL = "school"  # a university or college
    HOSPITAL = "hospital"
    LANDMARK = "landmark"  # any other place: Taipei 101, memorial halls, night markets
    FOREIGN_PLACE = "foreign-place"  # a place outside Taiwan, kept to tell homonyms apart
    ETHNIC_GROUP = "ethnic-group"  # an Indigenous people (Amis, Tao)
    PERSON = "person"
    ORGANIZATION = "organization"  # neither a government body nor a party: a company
    AGENCY = "agency"  # a government body
    PARTY = "party"  # a political party
    LAW = "law"  # an act or regulation
    EVENT = "event"
    OTHER = "other"


#: Taiwan's administrative divisions, from municipalities down to villages: the kinds
#: whose names lend themselves to titles and bodies and that places abroad may share.
DIVISIONS = frozenset(
    {
        Kind.MUNICIPALITY,
        Kind.COUNTY,
        Kind.CITY,
        Kind.COUNTY_CITY,
        Kind.URBAN_TOWNSHIP,
        Kind.TOWNSHIP,
        Kind.DISTRICT,
        Kind.VILLAGE,
    }
)


class System(StrEnum):
    """The spelling system an English term follows."""

    HANYU = "hanyu"  # Hanyu Pinyin, official in Taiwan since 2009
    TONGYONG = "tongyong"  # Tongyong Pinyin (2002), official 2002-2008
    WADE_GILES = "wade-giles"
    MPS2 = "mps2"  # Mandarin Phonetic Symbols II
    GWOYEU = "gwoyeu"  # Gwoyeu Romatzyh
    YALE = "yale"  # Yale romanization of Mandarin
    LEGACY = "legacy"  # a customary spelling that follows no one system (Keelung, Tamsui)
    HOKKIEN = "hokkien"  # Taiwanese Hokkien
    HAKKA = "hakka"
    INDIGENOUS = "indigenous"  # from a Formosan language
    PERSONAL = "personal"  # the spelling a person chose for their own name
    TRANSLATION = "translation"  # translated, not transliterated (Ministry of the Interior)


class MatchKind(StrEnum):
    """How a query or a span of text matched an entry."""

    EXACT = "exact"  # a term of the entry, letter for letter (case aside)
    VARIANT = (
        "variant"  # a term with other spacing, hyphens, apostrophes, diacritics or generic word
    )
    SCRIPT = "script"  # the Chinese in another script (Simplified) or variant character (台/臺)
    PINYIN = "pinyin"  # a romanization of the entry's Chinese (Hanyu, Wade-Giles...: Hit.system)
    FUZZY = "fuzzy"  # a near miss (typo), scored by rapidfuzz


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]+")


def is_acronym(text: str) -> bool:
    """Whether a term is written in capitals (MAC, KMT, DPP): matched as written.

    >>> is_acronym("MAC"), is_acronym("Mac"), is_acronym("Situn District")
    (True, False, False)
    """
    return _ACRONYM.fullmatch(text) is not None


# Value → member tables: a dict lookup is far cheaper than calling the enum, and decoding
# entries from the index is on the path of every first lookup of a name.
_STATUS: dict[str, Status] = {m.value: m for m in Status}
_KIND: dict[str, Kind] = {m.value: m for m in Kind}
_SYSTEM: dict[str, System] = {m.value: m for m in System}


@dataclass(frozen=True, slots=True)
class Term:
    """One name of an entry in one language.

    Attributes:
        text: The term as written (``Situn District``, ``西屯區``).
        status: Preferred, admitted, deprecated or forbidden.
        system: The romanization or naming system it follows (English terms only).
        official: True if this is the form the government publishes.
        note: Free text for curators and translators.
        case: Matching text: ``sensitive``, ``insensitive``, or empty for the default
            (terms in capitals such as MAC are case-sensitive, others are not).
        match: ``word`` (whole words only) or ``prefix`` (may begin a longer word).
        fuzzy: Whether a typo of the term may match it when annotating text.
    """

    text: str
    status: Status = Status.PREFERRED
    system: System | None = None
    official: bool = False
    note: str = ""
    case: str = ""  # "sensitive", "insensitive", or "" (acronyms sensitive, others not)
    match: str = "word"  # "word" (whole words) or "prefix" (may begin a longer word)
    fuzzy: bool = True  # whether a typo of this term may match it

    @property
    def case_sensitive(self) -> bool:
        """Whether the term matches text only as written (MAC, not mac)."""
        if self.case:
            return self.case == "sensitive"
        return is_acronym(self.text)

    def to_dict(self) -> dict[str, Any]:
        """The term as a JSON-ready dict, leaving out empty optional fields."""
        out: dict[str, Any] = {"term": self.text, "status": str(self.status)}
        if self.system is not None:
            out["system"] = str(self.system)
        if self.official:
            out["official"] = True
        if self.note:
            out["note"] = self.note
        if self.case:
            out["case"] = self.case
        if self.match != "word":
            out["match"] = self.match
        if not self.fuzzy:
            out["fuzzy"] = False
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Term:
        """The inverse of :meth:`to_dict`."""
        system = data.get("system")
        return cls(
            data["term"],
            _STATUS[data.get("status", "preferred")],
            _SYSTEM[system] if system else None,
            bool(data.get("official", False)),
            data.get("note", ""),
            data.get("case", ""),
            data.get("match", "word"),
            bool(data.get("fuzzy", True)),
        )


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person holds or held.

    Attributes:
        title: The English title as the office prints it (``President``).
        since: When the person took it: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
        zh: The Chinese title (``總統``).
        org: The id of the body the office belongs to, if it has an entry.
        until: When the person left it; empty while they still hold it.

    >>> Role("Premier", "2024-01-31", zh="行政院長").current
    True
    """

    title: str
    since: str
    zh: str = ""
    org: str = ""
    until: str = ""

    @property
    def current(self) -> bool:
        """Whether the person still holds the office (no ``until``)."""
        return not self.until

    def to_dict(self) -> dict[str, str]:
        """The role as a JSON-ready dict, leaving out empty optional fields."""
        out = {"title": self.title}
        if self.zh:
            out["zh"] = self.zh
        if self.org:
            out["org"] = self.org
        out["since"] = self.since
        if self.until:
            out["until"] = self.until
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Role:
        """The inverse of :meth:`to_dict`."""
        get = data.get
        return cls(data["title"], data["since"], get("zh", ""), get("org", ""), get("until", ""))


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept (a place, a person, an agency) with its terms in each language.

    Attributes:
        id: Stable identifier; never changes when a name does.
        kind: What sort of thing this is.
        zh: Chinese terms, Traditional as used in Taiwan; the first preferred one is canonical.
        en: English terms, each with its status and system.
        source: Where the facts come from.
        parent: The id of the place this one belongs to, if any.
        gloss: The short Chinese form that goes in a gloss (西屯 in ``Situn District (西屯)``).
        note: Free text for curators and translators.
        definition: A one-sentence definition.
        since: When the name or thing began (ISO date or year), if known.
        until: When it ended, if it has.
        tags: Free labels for selecting subsets.
        roles: A person's offices, with dates.
        prominence: 0-100: which of several homonyms a text means when nothing in it
            decides (Taoyuan City before Kaohsiung's 桃源區). Default 0.
    """

    id: str
    kind: Kind
    zh: tuple[Term, ...]
    en: tuple[Term, ...]
    source: str
    parent: str | None = None
    gloss: str = ""
    note: str = ""
    definition: str = ""
    since: str = ""
    until: str = ""
    tags: tuple[str, ...] = field(default=())
    roles: tuple[Role, ...] = field(default=())
    prominence: int = 0

    @property
    def chinese(self) -> str:
        """The canonical Chinese term: the first preferred one, else the first.

        >>> from glossary import Glossary
        >>> Glossary()["taichung-city-xitun"].chinese
        '西屯區'
        """
        return _first_preferred(self.zh).text

    @property
    def english(self) -> str:
        """The English term the term base marks preferred (see :meth:`english_for`)."""
        return _first_preferred(self.en).text

    @property
    def short_chinese(self) -> str:
        """The Chinese that goes in a gloss: ``gloss`` if set, else the canonical term."""
        return self.gloss or self.chinese

    def english_for(self, prefer: tuple[str, ...] = ("preferred",)) -> Term:
        """The English term a house style picks.

        ``prefer`` lists choices in order; each is a status (``preferred``), a system
        (``tongyong``, ``hanyu``, ``legacy``...) or ``official``. The first choice that some
        non-deprecated term satisfies wins; if none does, the preferred term.

        >>> from glossary import Glossary
        >>> xitun = Glossary()["taichung-city-xitun"]
        >>> xitun.english_for(("official",)).text
        'Xitun District'
        >>> xitun.english_for(("tongyong", "official")).text
        'Situn District'
        """
        usable = [t for t in self.en if t.status in (Status.PREFERRED, Status.ADMITTED)]
        for choice in prefer:
            for term in usable:
                if (
                    term.status == choice
                    or (term.system is not None and term.system == choice)
                    or (choice == "official" and term.official)
                ):
                    return term
        return _first_preferred(self.en)

    def to_dict(self) -> dict[str, Any]:
        """The entry as a JSON-ready dict (the inverse of :meth:`from_dict`)."""
        out: dict[str, Any] = {"id": self.id, "kind": str(self.kind)}
        if self.parent:
            out["parent"] = self.parent
        out["zh"] = [t.to_dict() for t in self.zh]
        if self.gloss:
            out["gloss"] = self.gloss
        out["en"] = [t.to_dict() for t in self.en]
        for name in ("note", "definition", "since", "until"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.tags:
            out["tags"] = list(self.tags)
        if self.roles:
            out["roles"] = [r.to_dict() for r in self.roles]
        if self.prominence:
            out["prominence"] = self.prominence
        out["source"] = self.source
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        """Build an entry from :meth:`to_dict` output."""
        get = data.get
        term = Term.from_dict
        return cls(
            data["id"],
            _KIND[data["kind"]],
            tuple([term(t) for t in data["zh"]]),
            tuple([term(t) for t in data["en"]]),
            data["source"],
            get("parent"),
            get("gloss", ""),
            get("note", ""),
            get("definition", ""),
            get("since", ""),
            get("until", ""),
            tuple(get("tags", ())),
            tuple([Role.from_dict(r) for r in get("roles", ())]),
            int(get("prominence", 0)),
        )


def _first_preferred(terms: tuple[Term, ...]) -> Term:
    for term in terms:
        if term.status is Status.PREFERRED:
            return term
    return terms[0]


@dataclass(frozen=True, slots=True)
class Hit:
    """One result of a lookup.

    Attributes:
        entry: The entry found.
        match: How it matched.
        score: 0-100; 100 is an exact match.
        matched: The term or key of the entry that matched the query.
        system: The romanization system of the matched spelling, where known.
    """

    entry: Entry
    match: MatchKind
    score: float
    matched: str
    system: System | None = None

    def to_dict(self) -> dict[str, Any]:
        """The hit as a JSON-ready dict: the entry's fields plus how it matched."""
        out = self.entry.to_dict()
        out["match"] = str(self.match)
        out["score"] = round(self.score, 1)
        out["matched"] = self.matched
        if self.system is not None:
            out["matched_system"] = str(self.system)
        return out


class DoubtKind(StrEnum):
    """Why a span is not sure: what a copy editor should look at."""

    TYPO = "typo"  # a near miss of a name (Shidng District)
    NON_HOUSE = "non-house"  # a spelling other than the house style's (Situn for Xitun)
    DEPRECATED = "deprecated"  # a term no longer in use (Council of Agriculture)
    FORBIDDEN = "forbidden"  # a term the term base forbids
    SIMPLIFIED = "simplified"  # Chinese written in Simplified characters (西屯区)
    AMBIGUOUS = "ambiguous"  # several entries may be meant, nothing in the text decides
    PROMINENCE = "prominence"  # a homonym chosen by standing alone, the text not deciding
    FOREIGN = "foreign"  # a place outside Taiwan (not glossed as Taiwan's)


@dataclass(frozen=True, slots=True)
class Doubt:
    """One reason to check a span.

    Attributes:
        kind: What sort of doubt.
        message: One line for an editor (``typo of Shiding District``, ``deprecated:
            renamed Ministry of Agriculture on 2023-08-01``).
        suggestion: The house form to write instead, where there is one.

    >>> Doubt(DoubtKind.TYPO, "typo of Shiding District", "Shiding District").to_dict()
    {'kind': 'typo', 'message': 'typo of Shiding District', 'suggestion': 'Shiding District'}
    """

    kind: DoubtKind
    message: str
    suggestion: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """The doubt as a JSON-ready dict (every key, ``suggestion`` null when none)."""
        return {"kind": self.kind.value, "message": self.message, "suggestion": self.suggestion}


@dataclass(frozen=True, slots=True)
class Span:
    """A name found in a text.

    Attributes:
        start: Offset of the first character in the original text.
        end: Offset just past the last character: ``text[start:end] == span.text``.
        text: The text as it stands in the original.
        entries: The entry it names; several when the name is ambiguous and nothing in the
            text decides between them (信義區 of Taipei or of Keelung).
        match: How it matched (exact, variant, script, pinyin).
        score: 0-100, as for lookups.
        matched: The term or reading of the entry that matched.
        system: The romanization system of the matched spelling, where known.
        status: The status of the matched term, where it is one of the entry's terms.
        doubts: Why an editor should check it (a typo, a non-house spelling, a homonym
            chosen by prominence...); empty when the span is sure.
        decided_by: How a homonym was chosen: ``parent``, ``county``, ``generic``,
            ``foreign-context`` or ``prominence``; None when the name had one entry or
            stays ambiguous.
    """

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    match: MatchKind
    score: float
    matched: str
    system: System | None = None
    status: Status | None = None
    doubts: tuple[Doubt, ...] = ()
    decided_by: str | None = None

    @property
    def sure(self) -> bool:
        """True if nothing about the span needs checking (no doubts)."""
        return not self.doubts

    @property
    def entry(self) -> Entry | None:
        """The entry named, or None when the span is ambiguous."""
        return self.entries[0] if len(self.entries) == 1 else None

    @property
    def ambiguous(self) -> bool:
        """True if more than one entry may be meant."""
        return len(self.entries) > 1


class _SpanBuilder:
    """A :class:`Span` built without the frozen dataclass's ``__init__``, which sets each
    field through ``object.__setattr__`` (a call per field: 1.3 µs of the 2.5 a hit costs
    the scan). This class has the very same slots, so an instance of it, its fields set by
    plain assignment, becomes a ``Span`` by taking that class (CPython allows it between
    classes of one layout): what the matchers return is an ordinary frozen ``Span``, equal,
    hashed, printed and pickled as one built by ``Span(...)``. Only the matchers use it
    (:func:`new_span`); users build spans with ``Span(...)``.
    """

    __slots__ = Span.__slots__

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        entries: tuple[Entry, ...],
        match: MatchKind,
        score: float,
        matched: str,
        system: System | None = None,
        status: Status | None = None,
        doubts: tuple[Doubt, ...] = (),
        decided_by: str | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.entries = entries
        self.match = match
        self.score = score
        self.matched = matched
        self.system = system
        self.status = status
        self.doubts = doubts
        self.decided_by = decided_by
        self.__class__ = Span  # type: ignore[assignment]


#: ``Span(...)``'s arguments, a ``Span`` out, three to four times as fast (see
#: :class:`_SpanBuilder`): for the matchers, which build one per hit.
new_span: type[Span] = _SpanBuilder  # type: ignore[assignment]
