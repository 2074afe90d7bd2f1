"""Checking a TBX file against TBX-Basic, in the project's own code, never fetching the
schema a file names.

Structure (after the v2 core DTD and the v3 core RelaxNG): the root, header and body,
entries with unique ids, language sections with ``xml:lang``, terms; which child may come
where and in what order (a language section's notes before its terms; a term first in
its term section). TBX-Basic rules (after the v2 XCS and the v3 DCA Schematron): the
data categories each element may carry (``admin``: source, customerSubset,
projectSubset; ``descrip``: definition, context, subjectField; ...), the levels each may
appear at (subjectField on the entry only; context on a term only; definition on the
entry or a language section), picklist values (administrativeStatus, partOfSpeech,
termType, grammaticalGender, transactionType), non-empty types, and cross-reference
targets that name an id in the file (or, in v3, a web address).

:func:`validate_tbx` returns every problem as ``path:line: message``; an empty list means
the file is valid TBX-Basic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from glossary.formats import FormatError
from glossary.formats._xml import Parsed, local, namespace, parse

TBX3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Data categories TBX-Basic allows, by element.
TYPES = {
    "admin": {"customerSubset", "projectSubset", "source"},
    "descrip": {"subjectField", "context", "definition"},
    "ref": {"crossReference"},
    "termNote": {
        "administrativeStatus",
        "partOfSpeech",
        "geographicalUsage",
        "grammaticalGender",
        "termLocation",
        "termType",
    },
    "transac": {"transactionType"},
    "transacNote": {"responsibility"},
    "xref": {"externalCrossReference", "xGraphic"},
}

#: Picklist values, by data category (v3; v2 adds properNoun to partOfSpeech).
PICKLISTS = {
    "administrativeStatus": {
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
        "deprecatedTerm-admn-sts",
        "supersededTerm-admn-sts",
    },
    "partOfSpeech": {"noun", "verb", "adjective", "adverb", "other"},
    "grammaticalGender": {"masculine", "feminine", "neuter", "other"},
    "termType": {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
    "transactionType": {"origination", "modification"},
}

#: Where a data category may appear: the levels (entry, lang, term) of its parent (or,
#: inside a ...Grp, of the group's parent).
LEVELS = {
    "subjectField": {"entry"},
    "context": {"term"},
    "definition": {"entry", "lang"},
}
#: v3 DCA only: xGraphic on entry or language section; crossReference not on a language.
LEVELS_V3 = {
    "xGraphic": {"entry", "lang"},
    "crossReference": {"entry", "term"},
    "customerSubset": {"entry", "term"},
    "projectSubset": {"entry", "term"},
}

#: Children allowed, in order groups: (allowed names, may repeat) per level.
_AUX = {"descrip", "descripGrp", "admin", "adminGrp", "transacGrp", "note", "ref", "xref"}


class _Names:
    """Element names of one version."""

    def __init__(self, version: int) -> None:
        self.version = version
        if version == 2:
            self.root, self.header, self.entry, self.lang = (
                "martif",
                "martifHeader",
                "termEntry",
                "langSet",
            )
            self.terms = {"tig", "ntig"}
        else:
            self.root, self.header, self.entry, self.lang = (
                "tbx",
                "tbxHeader",
                "conceptEntry",
                "langSec",
            )
            self.terms = {"termSec"}


#: An XML name without a colon (an NCName, what an ID must be), near enough: a letter or
#: underscore first, then letters, digits, underscores, full stops, hyphens or middle dots.
_XML_NAME = re.compile(r"[^\W\d][\w.\-\u00b7]*")


def validate_tbx(text: str, path: str) -> list[str]:
    """Every problem of a TBX file, as ``path:line: message`` (empty if it is valid).

    Raises:
        FormatError: The file is not XML at all, or is refused as unsafe.
    """
    parsed = parse(text, path)
    return [f"{path}:{line}: {message}" for line, message in check(parsed)]


def version_of(root: Any) -> int:
    """2 for ``martif``, 3 for ``tbx``; 0 if neither."""
    return {"martif": 2, "tbx": 3}.get(local(root.tag), 0)


def check(parsed: Parsed) -> Iterator[tuple[int, str]]:
    """(line, message) for each problem of a parsed TBX document."""
    root = parsed.root
    version = version_of(root)
    if not version:
        yield parsed.line(root), f"the root element is <{local(root.tag)}>, not <martif> or <tbx>"
        return
    names = _Names(version)
    line = parsed.line
    if version == 3:
        if namespace(root.tag) != TBX3_NAMESPACE:
            yield line(root), f"<tbx> is not in the namespace {TBX3_NAMESPACE}"
        if root.get("type") != "TBX-Basic":
            yield line(root), f'type is {root.get("type")!r}, not "TBX-Basic"'
        if root.get("style") != "dca":
            yield line(root), f'style is {root.get("style")!r}, not "dca"'
        for element in root.iter():
            if isinstance(element.tag, str) and namespace(element.tag) != TBX3_NAMESPACE:
                yield line(element), f"<{local(element.tag)}> is not in the TBX namespace"
    elif root.get("type") is None:
        yield line(root), "<martif> has no type attribute"
    if root.get(XML_LANG) is None:
        yield line(root), f"<{names.root}> has no xml:lang"
    children = [local(c.tag) for c in root]
    if children != [names.header, "text"]:
        yield line(root), f"<{names.root}> must hold <{names.header}> then <text>, not {children}"
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    seen: set[str] = set()
    entries = 0
    for element in root.iter():
        tag = local(element.tag)
        ident = element.get("id")
        if ident is not None and not _XML_NAME.fullmatch(ident):
            yield (
                line(element),
                (
                    f"the id {ident!r} of <{tag}> is not an XML name (a letter or _ "
                    "first; letters, digits, '.', '-', '_'; no spaces)"
                ),
            )
        if tag == "text":
            bodies = [c for c in element if local(c.tag) == "body"]
            if not bodies:
                yield line(element), "<text> has no <body>"
        elif tag == "body":
            for child in element:
                if local(child.tag) != names.entry:
                    yield line(child), f"<{local(child.tag)}> in <body>: only <{names.entry}>"
        elif tag == names.entry:
            entries += 1
            ident = element.get("id")
            if version == 3 and not ident:
                yield line(element), f"<{tag}> has no id"
            if ident and ident in seen:
                yield line(element), f"the id {ident!r} is used twice"
            if ident:
                seen.add(ident)
            yield from _sections(parsed, element, _AUX, {names.lang}, tag)
        elif tag == names.lang:
            if element.get(XML_LANG) is None:
                yield line(element), f"<{tag}> has no xml:lang"
            yield from _sections(parsed, element, _AUX, names.terms, tag)
        elif tag in ("tig", "termSec"):
            kids = [local(c.tag) for c in element]
            if not kids or kids[0] != "term" or kids.count("term") != 1:
                yield line(element), f"<{tag}> must start with one <term>"
            else:
                notes = {"termNote", "termNoteGrp"} if version == 3 else {"termNote"}
                rest = kids[1:]
                while rest and rest[0] in notes:
                    rest.pop(0)
                for name in rest:
                    if name not in _AUX:
                        yield line(element), f"<{name}> is not allowed in <{tag}> here"
        elif tag == "ntig":
            kids = [local(c.tag) for c in element]
            if not kids or kids[0] != "termGrp":
                yield line(element), "<ntig> must start with <termGrp>"
        elif tag in TYPES:
            yield from _category(parsed, element, names, ids)
    if entries == 0:
        yield line(root), f"no <{names.entry}>: a TBX body holds at least one"


def _sections(
    parsed: Parsed, element: Any, aux: set[str], sections: set[str], tag: str
) -> Iterator[tuple[int, str]]:
    """Notes and such first, then one or more sections, nothing after."""
    kids = [local(c.tag) for c in element]
    state = "aux"
    for name in kids:
        if name in sections:
            state = "sections"
        elif name in aux and state == "aux":
            continue
        elif name in aux:
            yield (
                parsed.line(element),
                f"<{name}> after the <{'/'.join(sorted(sections))}> of <{tag}>",
            )
            return
        else:
            yield parsed.line(element), f"<{name}> is not allowed in <{tag}>"
            return
    if state != "sections":
        yield parsed.line(element), f"<{tag}> has no <{'/'.join(sorted(sections))}>"


def _level(element_parent: Any, names: _Names) -> str:
    tag = local(element_parent.tag) if element_parent is not None else ""
    if tag == names.entry:
        return "entry"
    if tag == names.lang:
        return "lang"
    if tag in names.terms or tag == "termGrp":
        return "term"
    return ""


_URL = re.compile(r"https?://.+")


def _category(
    parsed: Parsed, element: Any, names: _Names, ids: set[str | None]
) -> Iterator[tuple[int, str]]:
    tag = local(element.tag)
    line = parsed.line(element)
    kind = element.get("type")
    if not kind:
        yield line, f"<{tag}> has no type"
        return
    if kind not in TYPES[tag]:
        yield line, f"<{tag} type={kind!r}> is not a TBX-Basic data category"
        return
    value = "".join(element.itertext()).strip()
    allowed = set(PICKLISTS.get(kind, ()))
    if kind == "partOfSpeech" and names.version == 2:
        allowed.add("properNoun")
    if allowed and value not in allowed:
        yield line, f"{kind} {value!r} is not one of {', '.join(sorted(allowed))}"
    parent = element.getparent()
    holder = parent
    if parent is not None and local(parent.tag).endswith("Grp"):
        holder = parent.getparent()
    levels = dict(LEVELS)
    if names.version == 3:
        levels.update(LEVELS_V3)
    if kind in levels:
        level = _level(holder, names)
        if level not in levels[kind]:
            where = local(holder.tag) if holder is not None else "?"
            yield line, f"{kind} is not allowed in <{where}>"
    if tag == "termNote" and names.version == 3 and _level(holder, names) != "term":
        where = local(holder.tag) if holder is not None else "?"
        yield line, f"<termNote> is allowed only in a term section, not in <{where}>"
    target = element.get("target")
    linked = tag == "ref" or (names.version == 3 and tag != "xref")
    is_url = names.version == 3 and _URL.fullmatch(target or "")
    if linked and target is not None and target not in ids and not is_url:
        yield line, f"target {target!r} names no id in the file"


def check_file_text(text: str, path: str) -> list[str]:
    """Like :func:`validate_tbx`, but an unreadable or unsafe file is one problem too."""
    try:
        return validate_tbx(text, path)
    except FormatError as exc:
        return [str(exc)]
