"""Glossary exchange formats: what translators' tools and MT engines load, and read back.

Each format is a module here that registers a :class:`Format` by name: ``tbx`` (TBX v2,
TBX-Basic), ``tbx3`` (TBX v3, ISO 30042:2019), ``memoq-csv`` (CAT-tool CSV), ``omegat``,
``deepl``/``deepl-csv``, ``google-csv``/``google-pairs`` and ``json`` (the full model).
The command line's ``--format`` choices are the registry's names.

Every writer takes the same concept-oriented entries and an :class:`ExportOptions`
(direction, languages, which English terms go out) and returns the file's text and the
warnings the export raised (a DeepL source dropped for a duplicate, say). Every reader
takes text and returns entries plus warnings. What a format cannot hold is said in its
``loses``.

>>> from glossary import Glossary
>>> text, warnings = export(Glossary(), "deepl", kinds={"person"})
>>> "Lai Ching-te\\t賴清德" in text.splitlines()
True
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from glossary._errors import GlossaryError
from glossary._fsutil import LimitedReader, Readable
from glossary._model import Entry, Kind, Status, Term

if TYPE_CHECKING:
    from glossary._glossary import Glossary

__all__ = [
    "FORMATS",
    "ExportOptions",
    "Format",
    "FormatError",
    "Imported",
    "export",
    "formats",
    "get_format",
    "read",
    "read_file",
    "read_text_file",
]

#: Language tags a glossary can be exported in. zh-Hant and zh-TW are Taiwan's Traditional
#: Chinese (the term base's own); zh-Hans and zh-CN are converted to Simplified by OpenCC.
LANGUAGES = ("en", "zh-Hant", "zh-TW", "zh-Hans", "zh-CN")
SIMPLIFIED = frozenset({"zh-Hans", "zh-CN"})

EnglishForms = Literal["preferred", "admitted", "all"]


class FormatError(GlossaryError):
    """A file cannot be written or read in a format (names the file and line)."""


@dataclass(frozen=True)
class ExportOptions:
    """How a glossary is written out.

    Attributes:
        source: The source language (``en`` or a Chinese tag).
        target: The target language.
        english: Which English terms go out: ``preferred`` (the house style's one),
            ``admitted`` (every usable one, the house form first) or ``all`` (deprecated
            and forbidden too, flagged as forbidden where the format can say so).
        simplified: Also write Simplified Chinese (zh-Hans) where the format holds more
            than two languages (TBX, CAT CSV, JSON).
        prefer: The house style (see :class:`~glossary.Glossary`): which English term
            comes first.
        separator: Between synonyms in one CSV cell.
        bom: Start CSV with a UTF-8 byte-order mark (Excel needs it to read UTF-8).
    """

    source: str = "en"
    target: str = "zh-Hant"
    english: EnglishForms = "all"
    simplified: bool = False
    prefer: tuple[str, ...] = ("preferred",)
    separator: str = ";"
    bom: bool = False

    def __post_init__(self) -> None:
        for tag in (self.source, self.target):
            if tag not in LANGUAGES:
                raise GlossaryError(f"unknown language {tag!r}: use one of {', '.join(LANGUAGES)}")
        if (self.source == "en") == (self.target == "en"):
            raise GlossaryError("one of --source and --target must be en, the other Chinese")

    @property
    def chinese_tag(self) -> str:
        """The tag the Chinese side is written with (zh-Hant unless zh-TW... was asked)."""
        return self.target if self.source == "en" else self.source


#: How a reader fills the required ``source`` of an entry its format gave none for; the
#: import plan never counts such a source as a difference.
IMPORTED_FROM = "imported from "


def imported_source(path: str) -> str:
    """The placeholder source of an entry read from ``path`` without one."""
    return IMPORTED_FROM + path


@dataclass
class Imported:
    """What a reader found: entries, and warnings (unknown elements kept or skipped...)."""

    entries: list[Entry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


Writer = Callable[[Sequence[Entry], ExportOptions], tuple[str, list[str]]]
Reader = Callable[[str, str], Imported]
#: Reads a binary file as it comes (a block at a time), for formats that can: TBX.
StreamReader = Callable[[Readable, str], Imported]


@dataclass(frozen=True)
class Format:
    """One exchange format, as the registry knows it.

    Attributes:
        name: What ``--format`` takes.
        summary: One line for ``--help``.
        suffix: The usual file name ending.
        write: Entries to the file's text, with warnings; None if export is not supported.
        read: The file's text (and its name, for messages) to entries; None if import is not.
        loses: What of the model this format cannot hold.
        stream: Reads the file itself as it comes, in bounded memory, where the format
            can (:func:`read_file` uses it); None: the file is read whole, then ``read``.
    """

    name: str
    summary: str
    suffix: str
    write: Writer | None
    read: Reader | None
    loses: str
    stream: StreamReader | None = None


FORMATS: dict[str, Format] = {}

#: The modules that register formats, imported on first use of the registry.
_MODULES = ("tbx", "cat_csv", "bilingual_csv", "omegat", "deepl", "google", "json")


def register(fmt: Format) -> Format:
    """Add a format to the registry (each format module calls this at import)."""
    FORMATS[fmt.name] = fmt
    return fmt


#: The order formats are listed in (--help, --list), whatever order they were imported in.
_ORDER = (
    "tbx",
    "tbx3",
    "memoq-csv",
    "csv",
    "omegat",
    "deepl",
    "deepl-csv",
    "google-csv",
    "google-pairs",
    "json",
)


def formats() -> dict[str, Format]:
    """Every registered format, by name, in a fixed order."""
    for module in _MODULES:  # cheap once imported; a module may have been imported alone
        importlib.import_module(f"glossary.formats.{module}")
    rank = {name: i for i, name in enumerate(_ORDER)}
    return {n: FORMATS[n] for n in sorted(FORMATS, key=lambda n: (rank.get(n, len(rank)), n))}


def get_format(name: str) -> Format:
    """The format called ``name``; a GlossaryError listing the choices if there is none."""
    known = formats()
    if name not in known:
        raise GlossaryError(f"unknown format {name!r}: use one of {', '.join(known)}")
    return known[name]


# -- choosing what goes out -------------------------------------------------------------------


def select(
    entries: Iterable[Entry],
    *,
    kinds: Iterable[str] = (),
    parents: Iterable[str] = (),
    statuses: Iterable[str] = (),
    tags: Iterable[str] = (),
    ancestors: Callable[[Entry], Sequence[str]] | None = None,
) -> list[Entry]:
    """The entries of the given kinds, under (or equal to) the given parents, having an
    English term of the given statuses, or carrying the given tags; each filter left empty
    lets everything through, and several values of one filter are alternatives."""
    kind_set = {Kind(k) for k in kinds}
    parent_set = set(parents)
    status_set = {Status(s) for s in statuses}
    tag_set = set(tags)
    chosen = []
    for entry in entries:
        if kind_set and entry.kind not in kind_set:
            continue
        if parent_set:
            line = [entry.id, *(ancestors(entry) if ancestors else [entry.parent or ""])]
            if not parent_set.intersection(line):
                continue
        if status_set and not any(t.status in status_set for t in entry.en):
            continue
        if tag_set and not tag_set.intersection(entry.tags):
            continue
        chosen.append(entry)
    return chosen


def english_terms(entry: Entry, options: ExportOptions, first: Term | None = None) -> list[Term]:
    """The English terms that go out, the house style's first (``first``, if the caller
    has it already), then the other usable ones, then (with ``english="all"``) the
    deprecated and forbidden ones."""
    if first is None:
        first = entry.english_for(options.prefer)
    if options.english == "preferred":
        return [first]
    usable = (Status.PREFERRED, Status.ADMITTED)
    terms = [first] + [t for t in entry.en if t is not first and t.status in usable]
    if options.english == "all":
        terms += [t for t in entry.en if t.status not in usable]
    return terms


def chinese_terms(entry: Entry, simplified: bool = False) -> list[Term]:
    """The Chinese terms, the canonical one first; in Simplified (duplicates dropped) if
    asked."""
    canonical = next((t for t in entry.zh if t.status is Status.PREFERRED), entry.zh[0])
    terms = [canonical] + [t for t in entry.zh if t is not canonical]
    if not simplified:
        return terms
    from glossary._script import to_simplified

    out: list[Term] = []
    seen: set[str] = set()
    for term in terms:
        text = to_simplified(term.text)
        if text not in seen:
            seen.add(text)
            out.append(Term(text, term.status, term.system, term.official, term.note))
    return out


def export(
    glossary: Glossary,
    name: str,
    options: ExportOptions | None = None,
    *,
    kinds: Iterable[str] = (),
    parents: Iterable[str] = (),
    statuses: Iterable[str] = (),
    tags: Iterable[str] = (),
    foreign: bool = False,
) -> tuple[str, list[str]]:
    """The glossary (or the selected part of it) as a file in format ``name``: its text and
    the export's warnings.

    Places outside Taiwan (kind ``foreign-place``, kept to tell homonyms apart) go out
    only with ``foreign=True`` or when ``kinds`` names that kind."""
    fmt = get_format(name)
    if fmt.write is None:
        raise GlossaryError(f"{name} is an import format only")
    options = options or ExportOptions(prefer=glossary.prefer)
    entries = select(
        glossary,
        kinds=kinds,
        parents=parents,
        statuses=statuses,
        tags=tags,
        ancestors=glossary.ancestors,
    )
    if not foreign and Kind.FOREIGN_PLACE not in {Kind(k) for k in kinds}:
        entries = [e for e in entries if e.kind is not Kind.FOREIGN_PLACE]
    if not entries:
        raise GlossaryError("no entries match the selection: nothing to export")
    return fmt.write(entries, options)


def read(text: str, name: str, *, path: str = "<input>") -> Imported:
    """Entries from ``text`` in format ``name`` (``path`` names it in messages)."""
    fmt = get_format(name)
    if fmt.read is None:
        raise GlossaryError(f"{name} is an export format only")
    return usable_ids(fmt.read(text, path), path)


#: How much of a file's start :func:`read_file` looks at to recognise its format.
SNIFF_BYTES = 64 * 1024


def read_file(path: str | Path, name: str = "auto") -> tuple[str, Imported]:
    """The format's name and the entries of the file ``path`` in format ``name``
    (``auto``: recognised from the file's first bytes and its name).

    The file is read with a byte limit whatever it is (512 MiB: a FIFO or ``/dev/zero``
    is refused when it passes it). TBX is parsed as it is read, in memory bounded by
    one entry plus the entries read; the other formats are read whole, then parsed (a
    file with a NUL byte near its start is refused as binary first, unread).

    Raises:
        GlossaryError: The file cannot be read, is too large or is not in the format
            (one line naming the file and, where known, the line).
    """
    from glossary._fsutil import open_limited
    from glossary._stream import decode
    from glossary.formats import _xml
    from glossary.formats._sniff import sniff

    shown = str(path)
    with open_limited(path, _xml.MAX_SIZE) as reader:
        if name == "auto":
            head = decode(reader.peek(SNIFF_BYTES), shown, errors="replace")
            name = sniff(shown, head)
        fmt = get_format(name)
        if fmt.read is None:
            raise GlossaryError(f"{name} is an export format only")
        if fmt.stream is not None:
            return name, usable_ids(fmt.stream(reader, shown), shown)
        text = _text_of(reader, shown)
    return name, read(text, name, path=shown)


def read_text_file(path: str | Path) -> str:
    """The text of the file ``path``, read as :func:`read_file` reads a file that is not
    TBX: with the byte limit, refused unread if it starts like a binary file, decoded
    (UTF-8, or UTF-16/UTF-32 with a byte-order mark)."""
    from glossary._fsutil import open_limited
    from glossary.formats import _xml

    with open_limited(path, _xml.MAX_SIZE) as reader:
        return _text_of(reader, str(path))


def _text_of(reader: LimitedReader, path: str) -> str:
    from glossary._stream import decode, refuse_binary

    refuse_binary(reader.peek(SNIFF_BYTES), path)  # /dev/zero: not read to the limit
    return decode(reader.read(), path)


def usable_ids(imported: Imported, path: str) -> Imported:
    """``imported`` with every id a term base can take: another tool's id that is not one
    (translate-toolkit's csv2tbx uses the English term: "New Place") becomes one made from
    it (new-place), or from the English if it has no Latin letters, unique among the
    entries; parents pointing at it follow, and a warning says so."""
    from dataclasses import replace

    from glossary._termbase import ID_PATTERN
    from glossary.formats._cells import make_id

    entries = imported.entries
    if all(ID_PATTERN.fullmatch(e.id) for e in entries):
        return imported
    taken = {e.id for e in entries if ID_PATTERN.fullmatch(e.id)}
    renamed: dict[str, str] = {}
    for entry in entries:
        if entry.id in renamed or ID_PATTERN.fullmatch(entry.id):
            continue
        base = entry.id if any(c.isascii() and c.isalnum() for c in entry.id) else entry.english
        renamed[entry.id] = make_id(base, taken)
    imported.entries = [
        replace(
            e,
            id=renamed.get(e.id, e.id),
            parent=renamed.get(e.parent, e.parent) if e.parent else e.parent,
        )
        for e in entries
    ]
    first, made = next(iter(renamed.items()))
    imported.warnings.append(
        f"{path}: {len(renamed)} id(s) are not term base ids (lower-case letters, digits, "
        f"hyphens) and were made into ones ({first!r} became {made})"
    )
    return imported
