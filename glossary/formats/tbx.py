"""TBX, the TermBase eXchange format (ISO 30042), TBX-Basic dialect, versions 2 and 3.

- ``tbx``: TBX v2 (root ``martif``, ``termEntry/langSet/tig``), what OmegaT, Okapi,
  translate-toolkit, Weblate, Trados and memoQ read.
- ``tbx3``: TBX v3 (root ``tbx`` in ``urn:iso:std:iso:30042:ed-2``, ``type="TBX-Basic"``,
  ``style="dca"``, ``conceptEntry/langSec/termSec``), for Crowdin, Pontoon and newer tools.

One entry is one concept: its kind is the subject field, its source and note sit on the
concept, its parent is a cross-reference (when the parent is in the same file), its
definition sits on the English language section. Each term carries its part of speech
(noun), administrative status, term type and note. Statuses map as TBX-Basic allows:
preferred and admitted as themselves, deprecated and forbidden both as
``deprecatedTerm-admn-sts`` (a forbidden term also gets the note ``forbidden``).

Reading sniffs the version from the root, takes ``tig`` and ``ntig`` (v2) and ``termSec``
(v3), and reports elements it does not use rather than failing. Input is untrusted: see
:func:`parse`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NoReturn

from glossary._model import Entry, Kind, Role, Status, Term
from glossary._text import has_cjk
from glossary.formats import (
    SIMPLIFIED,
    ExportOptions,
    Format,
    FormatError,
    Imported,
    chinese_terms,
    english_terms,
    imported_source,
    register,
)
from glossary.formats._xml import Source, iter_elements, local

TBX3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

ADMIN_STATUS = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "deprecatedTerm-admn-sts",
    Status.FORBIDDEN: "deprecatedTerm-admn-sts",
}
STATUS_OF = {
    "preferredTerm-admn-sts": Status.PREFERRED,
    "admittedTerm-admn-sts": Status.ADMITTED,
    "deprecatedTerm-admn-sts": Status.DEPRECATED,
    "supersededTerm-admn-sts": Status.DEPRECATED,
}
FORBIDDEN_NOTE = "forbidden"
_ACRONYM = re.compile(r"[A-Z]{2,}")
_ROLE_NOTE = re.compile(
    r"Role: (?P<title>[^()]+?)(?: \((?P<zh>[^()]+)\))?, since (?P<since>[\d-]+)"
    r"(?:, until (?P<until>[\d-]+))?"
)


def role_note(role: Role) -> str:
    """A person's role as the note TBX carries it (TBX-Basic has no field for one).

    >>> role_note(Role("Premier", "2024-01-31", zh="行政院長"))
    'Role: Premier (行政院長), since 2024-01-31'
    """
    text = f"Role: {role.title}" + (f" ({role.zh})" if role.zh else "")
    text += f", since {role.since}"
    return text + (f", until {role.until}" if role.until else "")


def read_role_note(text: str) -> Role | None:
    """The role a :func:`role_note` wrote, or None for any other note.

    >>> read_role_note("Role: Premier (行政院長), since 2024-01-31")
    Role(title='Premier', since='2024-01-31', zh='行政院長', org='', until='')
    """
    found = _ROLE_NOTE.fullmatch(text)
    if found is None:
        return None
    get = found.group
    return Role(get("title"), get("since"), zh=get("zh") or "", until=get("until") or "")


def _xml_id(ident: str) -> str:
    """An XML id (an NCName, which cannot start with a digit) for an entry id."""
    return ident if ident[:1].isalpha() else f"_{ident}"


def _entry_id(xml_id: str) -> str:
    return xml_id[1:] if xml_id.startswith("_") and xml_id[1:2].isdigit() else xml_id


def _term_type(entry: Entry, term: Term) -> str:
    if _ACRONYM.fullmatch(term.text):
        return "acronym"
    if term.text.endswith(".") or " Rd." in term.text or " Dist." in term.text:
        return "abbreviation"
    return "fullForm"


#: Characters XML 1.0 cannot carry at all (not even escaped).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escape(text: str) -> str:
    """``text`` as XML character data (characters XML cannot carry are refused once, for
    the whole file, by :func:`write`)."""
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = text.replace("\r", "&#13;")
    return text


class _Writer:
    """Writes one entry at a time, in v2 or v3 names.

    The XML is written from templates with every text escaped (libxml2 builds the same
    file element by element six times slower); the tests check the result against the
    official schemas and read it back with lxml.
    """

    def __init__(self, version: int, options: ExportOptions, ids: set[str]) -> None:
        self.version = version
        self.options = options
        self.ids = ids  # the entries in this file: a cross-reference may only point there
        if version == 2:
            self.entry_tag, self.lang_tag, self.term_tag = "termEntry", "langSet", "tig"
        else:
            self.entry_tag, self.lang_tag, self.term_tag = "conceptEntry", "langSec", "termSec"
        # v2's picklist has properNoun; v3's TBX-Basic has only noun
        self.part = "properNoun" if version == 2 else "noun"

    def languages(self, entry: Entry, first: Term) -> list[tuple[str, list[Term]]]:
        options = self.options
        chinese = options.chinese_tag
        traditional = "zh-Hant" if chinese in SIMPLIFIED else chinese
        sides = [
            ("en", english_terms(entry, options, first)),
            (traditional, chinese_terms(entry)),
        ]
        if options.simplified or chinese in SIMPLIFIED:
            simplified = chinese if chinese in SIMPLIFIED else "zh-Hans"
            sides.append((simplified, chinese_terms(entry, simplified=True)))
        if options.source != "en":  # the source language section comes first
            sides.reverse()
        return sides

    def entry(self, entry: Entry, english: dict[str, Term], out: list[str]) -> None:
        """Append the entry's XML to ``out``."""
        esc = _escape
        sides = self.languages(entry, english[entry.id])
        tag, lang_tag = self.entry_tag, self.lang_tag
        out.append(f'    <{tag} id="{_xml_id(entry.id)}">\n')
        out.append(f'      <descrip type="subjectField">{entry.kind.value}</descrip>\n')
        out.append(f'      <admin type="source">{esc(entry.source)}</admin>\n')
        if entry.parent and entry.parent in self.ids:
            target = _xml_id(entry.parent)
            name = esc(english[entry.parent].text)
            out.append(f'      <ref type="crossReference" target="{target}">{name}</ref>\n')
        if entry.note:
            out.append(f"      <note>{esc(entry.note)}</note>\n")
        for role in entry.roles:
            out.append(f"      <note>{esc(role_note(role))}</note>\n")
        for language, terms in sides:
            out.append(f'      <{lang_tag} xml:lang="{language}">\n')
            if language == "en" and entry.definition:
                definition = esc(entry.definition)
                out.append(f'        <descrip type="definition">{definition}</descrip>\n')
            for term in terms:
                self.term(entry, term, language == "en", out)
            out.append(f"      </{lang_tag}>\n")
        out.append(f"    </{tag}>\n")

    def term(self, entry: Entry, term: Term, english: bool, out: list[str]) -> None:
        out.append(
            f"        <{self.term_tag}>\n"
            f"          <term>{_escape(term.text)}</term>\n"
            f'          <termNote type="partOfSpeech">{self.part}</termNote>\n'
            f'          <termNote type="administrativeStatus">{ADMIN_STATUS[term.status]}'
            "</termNote>\n"
        )
        if english:
            term_type = _term_type(entry, term)
            out.append(f'          <termNote type="termType">{term_type}</termNote>\n')
        if term.note:
            out.append(f"          <note>{_escape(term.note)}</note>\n")
        if term.status is Status.FORBIDDEN:
            out.append(f"          <note>{FORBIDDEN_NOTE}</note>\n")
        out.append(f"        </{self.term_tag}>\n")


def write(entries: Sequence[Entry], options: ExportOptions, *, version: int) -> str:
    """The entries as a TBX-Basic file, v2 or v3."""
    writer = _Writer(version, options, {e.id for e in entries})
    english = {e.id: e.english_for(options.prefer) for e in entries}
    if version == 2:
        head = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
            '<martif type="TBX-Basic" xml:lang="en">\n'
            "<martifHeader>\n<fileDesc>\n<titleStmt>\n<title>glossary: Taiwan names</title>\n"
            "</titleStmt>\n<sourceDesc>\n<p>Exported by glossary from its curated term base."
            "</p>\n</sourceDesc>\n</fileDesc>\n<encodingDesc>\n"
            '<p type="XCSURI">TBXBasicXCSV02.xcs</p>\n</encodingDesc>\n</martifHeader>\n'
            "<text>\n<body>\n"
        )
        tail = "</body>\n</text>\n</martif>\n"
    else:
        head = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{TBX3_NAMESPACE}">\n'
            "<tbxHeader>\n<fileDesc>\n<sourceDesc>\n"
            "<p>Exported by glossary from its curated term base.</p>\n"
            "</sourceDesc>\n</fileDesc>\n</tbxHeader>\n<text>\n<body>\n"
        )
        tail = "</body>\n</text>\n</tbx>\n"
    parts = [head]
    for entry in entries:
        writer.entry(entry, english, parts)
    parts.append(tail)
    document = "".join(parts)
    if _NOT_XML.search(document):  # one C-level search; the entry is found only then
        _refuse_unwritable(entries)
    return document


def _refuse_unwritable(entries: Sequence[Entry]) -> NoReturn:
    """A FormatError naming the first entry with a text XML cannot carry."""
    for entry in entries:
        texts = [entry.id, entry.source, entry.note or "", entry.definition or ""]
        texts += [t.text for t in (*entry.en, *entry.zh)]
        texts += [t.note or "" for t in (*entry.en, *entry.zh)]
        for text in texts:
            if _NOT_XML.search(text):
                raise FormatError(f"{text!r} holds a character XML cannot carry", path=entry.id)
    raise FormatError("the file would hold a character XML cannot carry")


def _write_v2(entries: Sequence[Entry], options: ExportOptions) -> tuple[str, list[str]]:
    return write(entries, options, version=2), []


def _write_v3(entries: Sequence[Entry], options: ExportOptions) -> tuple[str, list[str]]:
    return write(entries, options, version=3), []


# -- reading ---------------------------------------------------------------------------------


_LOCAL: dict[str, str] = {}


def _local(tag: object) -> str:
    """The element name without its namespace, remembered (there are only a few)."""
    if not isinstance(tag, str):
        return ""
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = local(tag)
    return name


def _text(element: Any) -> str:
    """An element's text, with runs of white space (a pretty-printer's line breaks) as one
    space."""
    if len(element):
        return " ".join("".join(element.itertext()).split())
    return " ".join((element.text or "").split())


#: What a language section may hold besides its terms without a warning being raised.
_QUIET_IN_LANGUAGE = {"descrip", "note", "admin", "transacGrp", "descripGrp"}


def read(text: str, path: str) -> Imported:
    """Entries from a TBX v2 or v3 file's text (the version is sniffed from the root),
    read as a stream (see :func:`read_source`)."""
    return read_source(text, path)


def read_source(source: Source, path: str) -> Imported:
    """Entries from a TBX v2 or v3 file: its text, its bytes or a binary file (read a
    block at a time), parsed as a stream: one entry's elements in memory at a time. The
    strings entries share (a source, a note, a parent's id) are kept once."""
    imported = Imported()
    skipped: dict[str, int] = {}
    guessed: dict[str, int] = {}
    shared: dict[str, str] = {}
    number = 0
    for event, element in iter_elements(source, path, ("termEntry", "conceptEntry")):
        if event == "root":
            name = _local(element.tag)
            if name not in ("martif", "tbx"):
                message = f"the root element is <{name}>, not <martif> or <tbx>"
                raise FormatError(message, path=path)
            continue
        number += 1
        entry = _read_entry(element, number, path, skipped, guessed, shared)
        if entry is not None:
            imported.entries.append(entry)
    for what, count in sorted(guessed.items()):
        imported.warnings.append(f"{path}: read {count} {what}")
    for tag, count in sorted(skipped.items()):
        imported.warnings.append(
            f"{path}: skipped {count} <{tag}> element(s) glossary has no field for"
        )
    return imported


#: Language tags that say no language (translate-toolkit writes "xx" for an unknown target).
_NO_LANGUAGE = ("", "xx", "und")


def _read_entry(
    element: Any,
    number: int,
    path: str,
    skipped: dict[str, int],
    guessed: dict[str, int],
    shared: dict[str, str],
) -> Entry | None:
    """The entry an element holds, or None (counted in ``skipped``) without both
    languages. ``shared`` keeps one copy of each source, note, definition and parent
    seen: in a large file most entries repeat one of a few sources (a third of an
    entry's memory was its own copy of one)."""
    ident = _entry_id(element.get("id") or f"entry-{number}")
    kind = Kind.OTHER
    source = note = definition = parent = ""
    en: list[Term] = []
    zh: list[Term] = []
    roles: list[Role] = []
    for child in element:
        tag, kind_of = _LOCAL.get(child.tag) or _local(child.tag), child.get("type", "")
        if tag == "descrip" and kind_of == "subjectField":
            try:
                kind = Kind(_text(child))
            except ValueError:
                note = f"{note}\nSubject field: {_text(child)}".strip()
        elif tag == "descrip" and kind_of == "definition":
            definition = _text(child)
        elif tag == "admin" and kind_of == "source":
            source = _text(child)
        elif tag == "ref" and kind_of == "crossReference" and child.get("target"):
            parent = _entry_id(child.get("target", ""))
        elif tag == "note":
            role = read_role_note(_text(child)) if kind is Kind.PERSON else None
            if role is not None:
                roles.append(role)
            else:
                note = f"{note}\n{_text(child)}".strip()
        elif tag in ("langSet", "langSec"):
            lang = child.get(XML_LANG) or child.get("lang") or ""
            terms, found_definition = _read_language(child, skipped)
            definition = definition or found_definition
            if lang.lower().startswith("en"):
                en.extend(terms)
            elif lang.lower() in ("zh", "zh-hant", "zh-tw", "zh-hk"):
                zh.extend(terms)
            elif lang.lower() in _NO_LANGUAGE and terms and all(has_cjk(t.text) for t in terms):
                # translate-toolkit's csv2tbx writes xml:lang="xx" when not told the
                # target language: Han characters can only be the Chinese side here
                zh.extend(terms)
                key = f"<langSet xml:lang={lang}> as Chinese: its terms are Han characters"
                guessed[key] = guessed.get(key, 0) + 1
            elif lang.lower() not in ("zh-hans", "zh-cn", "zh-sg"):
                skipped[f"langSet xml:lang={lang}"] = skipped.get(f"langSet xml:lang={lang}", 0) + 1
        else:
            skipped[tag] = skipped.get(tag, 0) + 1
    if not en or not zh:
        skipped["termEntry without both English and Chinese"] = (
            skipped.get("termEntry without both English and Chinese", 0) + 1
        )
        return None
    share = shared.setdefault
    source = source or imported_source(path)
    return Entry(
        ident,
        kind,
        tuple(zh),
        tuple(en),
        share(source, source),
        share(parent, parent) if parent else None,
        note=share(note, note),
        definition=share(definition, definition),
        roles=tuple(roles),
    )


def _read_language(section: Any, skipped: dict[str, int]) -> tuple[list[Term], str]:
    terms: list[Term] = []
    definition = ""
    for child in section:
        tag = _LOCAL.get(child.tag) or _local(child.tag)
        if tag in ("tig", "ntig", "termSec"):
            term = _read_term(child)
            if term is not None:
                terms.append(term)
        elif tag == "descrip" and child.get("type") == "definition":
            definition = _text(child)
        elif tag not in _QUIET_IN_LANGUAGE:
            skipped[tag] = skipped.get(tag, 0) + 1
    return terms, definition


def _read_term(element: Any) -> Term | None:
    text = ""
    status = Status.ADMITTED
    notes: list[str] = []
    for child in element:
        tag = _LOCAL.get(child.tag) or _local(child.tag)
        if tag == "term":
            text = text or _text(child)
        elif tag == "termNote":
            kind_of = child.get("type")
            if kind_of == "administrativeStatus":
                status = STATUS_OF.get(_text(child), status)
            elif kind_of == "normativeAuthorization":  # older TBX files
                status = STATUS_OF.get(_text(child) + "-admn-sts", status)
        elif tag == "note":
            notes.append(_text(child))
        elif tag in ("termGrp", "termNoteGrp"):  # ntig's term and notes sit in a group
            inner = _read_term(child)
            if inner is not None:
                text = text or inner.text
                status = inner.status if inner.status is not Status.ADMITTED else status
                notes += [inner.note] if inner.note else []
    if not text:
        return None
    if FORBIDDEN_NOTE in notes:
        notes.remove(FORBIDDEN_NOTE)
        status = Status.FORBIDDEN
    return Term(text, status, note="\n".join(notes))


_LOSES = (
    "each term's romanization system, official flag and matching controls (case, match, "
    "fuzzy); the entry's gloss, since, until, tags and prominence; a role's org (roles go "
    "out as notes and are read back); deprecated and forbidden share one "
    "TBX status (forbidden is kept as a note); a parent outside the file"
)

register(
    Format(
        "tbx",
        "TBX v2 (martif, TBX-Basic): OmegaT, Okapi, translate-toolkit, Trados, memoQ",
        ".tbx",
        _write_v2,
        read,
        _LOSES,
        read_source,
    )
)
register(
    Format(
        "tbx3",
        "TBX v3 (ISO 30042:2019, TBX-Basic, DCA style): Crowdin, Pontoon, newer tools",
        ".tbx",
        _write_v3,
        read,
        _LOSES,
        read_source,
    )
)
