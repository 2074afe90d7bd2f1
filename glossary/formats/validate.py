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
the file is valid TBX-Basic. :func:`check` reads the document as a stream (a text, its
bytes or a file), in memory bounded by one entry plus the file's ids, with the same checks
at every size of file.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from glossary.formats import FormatError
from glossary.formats._xml import Source, iter_elements, local, namespace, release

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
    """Every problem of a TBX file, as ``path:line: message`` (empty if it is valid), in
    the order of their lines.

    Raises:
        FormatError: The file is not XML at all, or is refused as unsafe.
    """
    return [f"{path}:{line}: {message}" for line, message in check(text, path)]


def version_of(root: Any) -> int:
    """2 for ``martif``, 3 for ``tbx``; 0 if neither."""
    return {"martif": 2, "tbx": 3}.get(local(root.tag), 0)


def check(source: Source, path: str) -> list[tuple[int, str]]:
    """(line, message) for each problem of a TBX document (its text, its bytes or a
    binary file), in the order of their lines (within a line, in the order found).

    The document is read as a stream, in memory bounded by one entry whatever its
    size: each child of the ``<body>`` (an entry, or a stray element) is checked when
    it is complete and then freed; the rest (the root, the header, anything outside the
    body) is kept and checked at the end, and so are the cross-references, against
    every id the file holds. The checks are the same for every size of file.

    Raises:
        FormatError: The file is not well-formed XML, or is refused as unsafe.
    """
    checker: _Checker | None = None
    root = None
    for event, element in iter_elements(
        source, path, ("termEntry", "conceptEntry", "body"), starts=("body",), free=False
    ):
        if event == "root":
            root = element
            version = version_of(element)
            if version:
                checker = _Checker(element, version)
        elif checker is not None:
            checker.event(event, element)
        elif event == "end":  # not TBX: read to the end (is it XML?), in bounded memory
            release(element)
    assert root is not None  # iter_elements yields the root first, or raises
    if checker is None:
        message = f"the root element is <{local(root.tag)}>, not <martif> or <tbx>"
        return [(_line(root), message)]
    return checker.finish()


def _line(element: Any) -> int:
    """The line ``element`` starts on (0 if unknown)."""
    return int(getattr(element, "sourceline", 0) or 0)


#: How a problem sorts within its line: the root's own checks first, the "no entries"
#: one last, everything else in the order found.
_ROOT, _FOUND, _LAST = 0, 1, 2


class _Checker:
    """The checks of one document, fed the events of its stream."""

    def __init__(self, root: Any, version: int) -> None:
        self.root = root
        self.names = _Names(version)
        self.problems: list[tuple[int, int, int, str]] = []  # line, rank, order, message
        self.order = itertools.count()  # the order problems are found in
        self.ids: set[str] = set()  # every id in the file, for cross-references
        self.seen: set[str] = set()  # the entries' ids so far, for duplicates
        self.targets: list[tuple[int, int, str]] = []  # line, order, target
        self.entries = 0
        self.bodies: list[Any] = []  # the <body> elements whose children stream
        self.done: Any = None  # the last child of a body checked (emptied, still there)

    def add(self, line: int, message: str, rank: int = _FOUND) -> None:
        self.problems.append((line, rank, next(self.order), message))

    def event(self, event: str, element: Any) -> None:
        tag = local(element.tag)
        if event == "start":  # a <body> in <text> in the root: its children stream
            parent = element.getparent()
            grandparent = parent.getparent() if parent is not None else None
            if parent is not None and local(parent.tag) == "text" and grandparent is self.root:
                self.bodies.append(element)
            return
        parent = element.getparent()
        if tag == "body":
            if any(element is b for b in self.bodies):
                for child in list(element):  # what follows the last entry
                    if child is not self.done:
                        self.chunk(child)
                for child in list(element):
                    element.remove(child)
                self.done = None
            return
        if parent is None or not any(parent is b for b in self.bodies):
            return  # checked with what holds it, at the end
        for before in list(element.itersiblings(preceding=True))[::-1]:
            if before is not self.done:
                self.chunk(before)
        self.chunk(element)
        release(element)
        self.done = element

    def chunk(self, element: Any) -> None:
        """Check one child of a body, whole: an entry, or something that is no entry."""
        self.namespaces(element)
        tag = local(element.tag)
        if tag != self.names.entry:
            self.add(_line(element), f"<{tag}> in <body>: only <{self.names.entry}>")
        self.walk(element)

    def namespaces(self, element: Any) -> None:
        if self.names.version != 3:
            return
        for inner in element.iter():
            if isinstance(inner.tag, str) and namespace(inner.tag) != TBX3_NAMESPACE:
                self.add(_line(inner), f"<{local(inner.tag)}> is not in the TBX namespace")

    def finish(self) -> list[tuple[int, str]]:
        """The root's checks, the rest of the tree, the cross-references; every problem."""
        root, names = self.root, self.names
        line = _line(root)
        if names.version == 3:
            if namespace(root.tag) != TBX3_NAMESPACE:
                self.add(line, f"<tbx> is not in the namespace {TBX3_NAMESPACE}", _ROOT)
            if root.get("type") != "TBX-Basic":
                self.add(line, f'type is {root.get("type")!r}, not "TBX-Basic"', _ROOT)
            if root.get("style") != "dca":
                self.add(line, f'style is {root.get("style")!r}, not "dca"', _ROOT)
        elif root.get("type") is None:
            self.add(line, "<martif> has no type attribute", _ROOT)
        if root.get(XML_LANG) is None:
            self.add(line, f"<{names.root}> has no xml:lang", _ROOT)
        self.namespaces(root)
        children = [local(c.tag) for c in root]
        if children != [names.header, "text"]:
            message = f"<{names.root}> must hold <{names.header}> then <text>, not {children}"
            self.add(line, message)
        self.walk(root)
        for where, order, target in self.targets:
            if target not in self.ids:
                message = f"target {target!r} names no id in the file"
                self.problems.append((where, _FOUND, order, message))
        if self.entries == 0:
            self.add(line, f"no <{names.entry}>: a TBX body holds at least one", _LAST)
        self.problems.sort()
        return [(where, message) for where, _, _, message in self.problems]

    def walk(self, top: Any) -> None:
        """Check ``top`` and everything in it, element by element."""
        names = self.names
        for element in top.iter():
            tag = local(element.tag)
            ident = element.get("id")
            if ident is not None:
                self.ids.add(ident)
                if not _XML_NAME.fullmatch(ident):
                    self.add(
                        _line(element),
                        f"the id {ident!r} of <{tag}> is not an XML name (a letter or _ "
                        "first; letters, digits, '.', '-', '_'; no spaces)",
                    )
            if tag == "text":
                if not any(local(c.tag) == "body" for c in element):
                    self.add(_line(element), "<text> has no <body>")
            elif tag == "body":
                for child in element:
                    if local(child.tag) != names.entry:
                        self.add(
                            _line(child), f"<{local(child.tag)}> in <body>: only <{names.entry}>"
                        )
            elif tag == names.entry:
                self.entry(element, tag, ident)
            elif tag == names.lang:
                if element.get(XML_LANG) is None:
                    self.add(_line(element), f"<{tag}> has no xml:lang")
                self.sections(element, names.terms, tag)
            elif tag in ("tig", "termSec"):
                self.term(element, tag)
            elif tag == "ntig":
                kids = [local(c.tag) for c in element]
                if not kids or kids[0] != "termGrp":
                    self.add(_line(element), "<ntig> must start with <termGrp>")
            elif tag in TYPES:
                self.category(element, tag)

    def entry(self, element: Any, tag: str, ident: str | None) -> None:
        self.entries += 1
        if self.names.version == 3 and not ident:
            self.add(_line(element), f"<{tag}> has no id")
        if ident and ident in self.seen:
            self.add(_line(element), f"the id {ident!r} is used twice")
        if ident:
            self.seen.add(ident)
        self.sections(element, {self.names.lang}, tag)

    def term(self, element: Any, tag: str) -> None:
        kids = [local(c.tag) for c in element]
        if not kids or kids[0] != "term" or kids.count("term") != 1:
            self.add(_line(element), f"<{tag}> must start with one <term>")
            return
        notes = {"termNote", "termNoteGrp"} if self.names.version == 3 else {"termNote"}
        rest = kids[1:]
        while rest and rest[0] in notes:
            rest.pop(0)
        for name in rest:
            if name not in _AUX:
                self.add(_line(element), f"<{name}> is not allowed in <{tag}> here")

    def sections(self, element: Any, sections: set[str], tag: str) -> None:
        """Notes and such first, then one or more sections, nothing after."""
        state = "aux"
        for name in (local(c.tag) for c in element):
            if name in sections:
                state = "sections"
            elif name in _AUX and state == "aux":
                continue
            elif name in _AUX:
                self.add(
                    _line(element), f"<{name}> after the <{'/'.join(sorted(sections))}> of <{tag}>"
                )
                return
            else:
                self.add(_line(element), f"<{name}> is not allowed in <{tag}>")
                return
        if state != "sections":
            self.add(_line(element), f"<{tag}> has no <{'/'.join(sorted(sections))}>")

    def category(self, element: Any, tag: str) -> None:
        names = self.names
        line = _line(element)
        kind = element.get("type")
        if not kind:
            self.add(line, f"<{tag}> has no type")
            return
        if kind not in TYPES[tag]:
            self.add(line, f"<{tag} type={kind!r}> is not a TBX-Basic data category")
            return
        value = "".join(element.itertext()).strip()
        allowed = set(PICKLISTS.get(kind, ()))
        if kind == "partOfSpeech" and names.version == 2:
            allowed.add("properNoun")
        if allowed and value not in allowed:
            self.add(line, f"{kind} {value!r} is not one of {', '.join(sorted(allowed))}")
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
                self.add(line, f"{kind} is not allowed in <{where}>")
        if tag == "termNote" and names.version == 3 and _level(holder, names) != "term":
            where = local(holder.tag) if holder is not None else "?"
            self.add(line, f"<termNote> is allowed only in a term section, not in <{where}>")
        target = element.get("target")
        linked = tag == "ref" or (names.version == 3 and tag != "xref")
        is_url = names.version == 3 and _URL.fullmatch(target or "")
        if linked and target is not None and not is_url and target not in self.ids:
            # a target not seen yet: checked once every id is known (kept only until
            # then: most targets name an id already read)
            self.targets.append((line, next(self.order), target))


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


def check_file_text(text: str, path: str) -> list[str]:
    """Like :func:`validate_tbx`, but an unreadable or unsafe file is one problem too."""
    try:
        return validate_tbx(text, path)
    except FormatError as exc:
        return [str(exc)]
