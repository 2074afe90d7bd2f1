"""Loading, validating and layering the YAML term base.

A term base is a stack of *layers*: the built-in one first (unless turned off), then each
path the user gives, a file or a directory of ``*.yaml`` files. Within a layer every id is
unique; across layers a later entry replaces an earlier one with the same id.

Validation reports every problem it finds, each located as ``path:line:col: field: message``.
"""

from __future__ import annotations

import datetime
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary import _nodes
from glossary._errors import Issue, Severity, TermBaseError
from glossary._model import Entry, Kind, Role, Status, System, Term
from glossary._sources import SourceFile, discover, read_layers
from glossary._text import CHINESE_PUNCTUATION, has_cjk, is_cjk, latin_key

ENTRY_FIELDS = (
    "id",
    "kind",
    "parent",
    "prominence",
    "zh",
    "gloss",
    "en",
    "roles",
    "note",
    "definition",
    "since",
    "until",
    "tags",
    "source",
)
REQUIRED_FIELDS = ("id", "kind", "zh", "en", "source")
TERM_FIELDS = ("term", "status", "system", "official", "note", "case", "match", "fuzzy")
ROLE_FIELDS = ("title", "zh", "org", "since", "until")
REQUIRED_ROLE_FIELDS = ("title", "since")
#: The range of ``prominence``.
PROMINENCE_RANGE = (0, 100)
#: Characters no field may hold: C0 and C1 controls (but tab and line feed),
#: bidi embeddings, overrides and isolates, zero-width characters, the word joiner, the
#: byte-order mark inside text, the soft hyphen, and the Unicode line separators.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)

#: Values of the matching controls of English terms.
CASE_VALUES = ("sensitive", "insensitive")
MATCH_VALUES = ("word", "prefix")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DATE_PATTERN = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def date_problem(value: str) -> str | None:
    """Why ``value`` is not a date of the term base (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``,
    each a real date), or None if it is one.

    >>> date_problem("2024-05-20"), date_problem("1987-13")
    (None, "'1987-13' has no month 13")
    >>> date_problem("2023-02-29")
    "'2023-02-29' is not a real date (day is out of range for month)"
    """
    if not DATE_PATTERN.fullmatch(value):
        return f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    parts = value.split("-")
    if len(parts) >= 2 and not 1 <= int(parts[1]) <= 12:
        return f"{value!r} has no month {int(parts[1])}"
    if len(parts) == 3:
        try:
            datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError as exc:
            return f"{value!r} is not a real date ({exc})"
    return None


def dates_in_order(since: str, until: str) -> bool:
    """Whether ``since`` is not after ``until``, comparing as far as both are precise
    (2020 and 2020-05-20 are in order either way round).

    >>> dates_in_order("2020-05-20", "2024-05-20"), dates_in_order("2024", "2020-05")
    (True, False)
    """
    n = min(len(since), len(until))
    return since[:n] <= until[:n]


@dataclass(frozen=True, slots=True)
class Located:
    """An entry and where it was defined."""

    entry: Entry
    path: str
    line: int
    layer: int
    parent_line: int = 0
    en_lines: tuple[int, ...] = ()
    org_lines: tuple[int, ...] = ()  # where each role's org is given (0: no org)


@dataclass(slots=True)
class Report:
    """The result of validating a term base.

    Attributes:
        issues: Every error and warning found, in file order.
        entries: The number of entries after layering.
        files: The number of files read.
    """

    issues: list[Issue] = field(default_factory=list)
    entries: int = 0
    files: int = 0

    @property
    def errors(self) -> list[Issue]:
        """The issues that are errors."""
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        """The issues that are warnings."""
        return [i for i in self.issues if i.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings allowed)."""
        return not self.errors


def decode(source: SourceFile) -> tuple[str | None, list[Issue]]:
    """Decode a file as UTF-8 (a BOM is allowed), locating the first invalid byte."""
    data = source.data
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            Issue(
                source.path,
                line,
                col,
                "",
                f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            )
        ]


class _EntryReader:
    """Turns the nodes of one file into entries, collecting issues."""

    def __init__(self, path: str, layer: int) -> None:
        self.path = path
        self.layer = layer
        self.issues: list[Issue] = []

    def error(self, node: _nodes.Node, fieldname: str, message: str) -> None:
        self.issues.append(Issue(self.path, node.line, node.col, fieldname, message))

    def read(self, root: _nodes.Node | None) -> list[Located]:
        if root is None:
            return []
        if not isinstance(root, _nodes.Sequence):
            self.error(root, "", "a term base file is a YAML list of entries ('- id: ...')")
            return []
        out = []
        for item in root.items:
            if not isinstance(item, _nodes.Mapping):
                self.error(item, "", "each entry is a mapping of fields ('id: ...', 'kind: ...')")
                continue
            located = self.entry(item)
            if located is not None:
                out.append(located)
        return out

    def string(
        self, node: _nodes.Node, fieldname: str, *, required: bool = True, latin: bool = False
    ) -> str | None:
        if not isinstance(node, _nodes.Scalar):
            self.error(node, fieldname, "expected a string")
            return None
        value = node.value.strip()
        if required and not value:
            self.error(node, fieldname, "must not be empty")
            return None
        if not self.visible(node, fieldname, value):
            return None
        if latin and has_cjk(value):
            self.error(node, fieldname, f"CJK characters in a Latin-script field: {value!r}")
            return None
        return value

    def visible(self, node: _nodes.Node, fieldname: str, value: str) -> bool:
        """False (and an error naming the code point) if ``value`` holds a control
        character (an ESC sequence), a bidi override or a zero-width character: invisible
        in an editor, they break exports and reach terminals."""
        found = INVISIBLE.search(value)
        if found is None:
            return True
        char = found.group()
        name = unicodedata.name(char, "a control character")
        self.error(
            node,
            fieldname,
            f"invisible character U+{ord(char):04X} ({name}) in {value!r}: remove it",
        )
        return False

    def chinese(self, node: _nodes.Node, fieldname: str) -> str | None:
        if not isinstance(node, _nodes.Scalar) or not node.value.strip():
            self.error(node, fieldname, "expected a Chinese term")
            return None
        value = node.value.strip()
        if not self.visible(node, fieldname, value):
            return None
        # Digits belong to Chinese names (八德路1段, 台64線); Latin letters and the rest do not.
        bad = [
            c for c in value if not is_cjk(c) and c not in CHINESE_PUNCTUATION and not c.isdecimal()
        ]
        if bad or not has_cjk(value):
            self.error(
                node,
                fieldname,
                f"non-CJK text in a Chinese field: {value!r} (has {''.join(bad)!r})",
            )
            return None
        return value

    def entry(self, node: _nodes.Mapping) -> Located | None:
        ok = True
        for key, (keynode, _) in node.items.items():
            if key not in ENTRY_FIELDS:
                self.error(
                    keynode, key, f"unknown field; expected one of: {', '.join(ENTRY_FIELDS)}"
                )
                ok = False
        for name in REQUIRED_FIELDS:
            if name not in node.items:
                self.error(node, name, "missing required field")
                ok = False
        values: dict[str, Any] = {}
        fields = {k: v for k, (_, v) in node.items.items()}

        if "id" in fields:
            ident = self.string(fields["id"], "id")
            if ident is not None and not ID_PATTERN.fullmatch(ident):
                self.error(
                    fields["id"],
                    "id",
                    f"{ident!r} is not a valid id: use lower-case ASCII letters, digits and "
                    "single hyphens (taichung-city-xitun)",
                )
                ident = None
            ok &= ident is not None
            values["id"] = ident
        if "kind" in fields:
            kind = self.string(fields["kind"], "kind")
            if kind is not None and kind not in Kind.__members__.values():
                self.error(
                    fields["kind"],
                    "kind",
                    f"unknown kind {kind!r}; expected one of: {', '.join(Kind)}",
                )
                kind = None
            ok &= kind is not None
            values["kind"] = kind
        if "parent" in fields:
            parent = self.string(fields["parent"], "parent")
            ok &= parent is not None
            values["parent"] = parent
        for name in ("note", "definition", "source"):
            if name in fields:
                value = self.string(fields[name], name)
                ok &= value is not None
                values[name] = value or ""
        for name in ("since", "until"):
            if name in fields:
                value = self.date(fields[name], name)
                ok &= value is not None
                values[name] = value or ""
        since, until = values.get("since"), values.get("until")
        if since and until and not dates_in_order(since, until):
            self.error(fields["until"], "until", f"{until!r} is before since ({since!r})")
            ok = False
        if "prominence" in fields:
            prominence = self.prominence(fields["prominence"])
            ok &= prominence is not None
            values["prominence"] = prominence or 0
        org_lines: list[int] = []
        if "roles" in fields:
            if values.get("kind") not in (None, Kind.PERSON.value):
                self.error(fields["roles"], "roles", "roles belong to person entries only")
                ok = False
            roles = self.roles(fields["roles"], org_lines)
            ok &= roles is not None
            values["roles"] = roles or ()
        if "gloss" in fields:
            gloss = self.chinese(fields["gloss"], "gloss")
            ok &= gloss is not None
            values["gloss"] = gloss or ""
        if "tags" in fields:
            tags = self.tags(fields["tags"])
            ok &= tags is not None
            values["tags"] = tags or ()
        zh = self.terms(fields["zh"], "zh", chinese=True) if "zh" in fields else None
        en_lines: list[int] = []
        en = (
            self.terms(fields["en"], "en", chinese=False, lines=en_lines)
            if "en" in fields
            else None
        )
        ok &= zh is not None and en is not None
        if not ok or zh is None or en is None:
            return None
        entry = Entry(
            id=values["id"],
            kind=Kind(values["kind"]),
            zh=zh,
            en=en,
            source=values["source"],
            parent=values.get("parent"),
            gloss=values.get("gloss", ""),
            note=values.get("note", ""),
            definition=values.get("definition", ""),
            since=values.get("since", ""),
            until=values.get("until", ""),
            tags=values.get("tags", ()),
            roles=values.get("roles", ()),
            prominence=values.get("prominence", 0),
        )
        parent_line = fields["parent"].line if "parent" in fields else 0
        return Located(
            entry,
            self.path,
            node.line,
            self.layer,
            parent_line,
            tuple(en_lines),
            tuple(org_lines),
        )

    def date(self, node: _nodes.Node, fieldname: str) -> str | None:
        value = self.string(node, fieldname)
        if value is None:
            return None
        problem = date_problem(value)
        if problem is not None:
            self.error(node, fieldname, problem)
            return None
        return value

    def prominence(self, node: _nodes.Node) -> int | None:
        low, high = PROMINENCE_RANGE
        if not (isinstance(node, _nodes.Scalar) and node.plain and node.value.isdecimal()):
            self.error(node, "prominence", f"expected a whole number from {low} to {high}")
            return None
        value = int(node.value)
        if not low <= value <= high:
            self.error(node, "prominence", f"{value} is out of range: use {low} to {high}")
            return None
        return value

    def roles(self, node: _nodes.Node, org_lines: list[int]) -> tuple[Role, ...] | None:
        if not isinstance(node, _nodes.Sequence) or not node.items:
            self.error(node, "roles", "expected a non-empty list of roles ('- title: ...')")
            return None
        out: list[Role] = []
        ok = True
        for i, item in enumerate(node.items):
            where = f"roles[{i}]"
            if not isinstance(item, _nodes.Mapping):
                self.error(item, where, "each role is a mapping ('title: ...', 'since: ...')")
                ok = False
                continue
            good = True
            for key, (keynode, _) in item.items.items():
                if key not in ROLE_FIELDS:
                    self.error(
                        keynode,
                        f"{where}.{key}",
                        f"unknown field; expected one of: {', '.join(ROLE_FIELDS)}",
                    )
                    good = False
            for key in REQUIRED_ROLE_FIELDS:
                if key not in item.items:
                    self.error(item, f"{where}.{key}", "missing required field")
                    good = False
            values: dict[str, str] = {}
            for key, (_, value_node) in item.items.items():
                name = f"{where}.{key}"
                value: str | None
                if key == "title":
                    value = self.string(value_node, name, latin=True)
                elif key == "zh":
                    value = self.chinese(value_node, name)
                elif key == "org":
                    value = self.string(value_node, name)
                    if value is not None and not ID_PATTERN.fullmatch(value):
                        self.error(value_node, name, f"{value!r} is not an entry id")
                        value = None
                elif key in ("since", "until"):
                    value = self.date(value_node, name)
                else:
                    continue
                if value is None:
                    good = False
                else:
                    values[key] = value
            if (
                good
                and values.get("until")
                and not dates_in_order(values["since"], values["until"])
            ):
                self.error(
                    item.items["until"][1],
                    f"{where}.until",
                    f"{values['until']!r} is before since ({values['since']!r})",
                )
                good = False
            if not good:
                ok = False
                continue
            out.append(
                Role(
                    values["title"],
                    values["since"],
                    zh=values.get("zh", ""),
                    org=values.get("org", ""),
                    until=values.get("until", ""),
                )
            )
            org_lines.append(item.items["org"][1].line if "org" in item.items else 0)
        return tuple(out) if ok else None

    def tags(self, node: _nodes.Node) -> tuple[str, ...] | None:
        if not isinstance(node, _nodes.Sequence):
            self.error(node, "tags", "expected a list of strings")
            return None
        out = []
        for i, item in enumerate(node.items):
            value = self.string(item, f"tags[{i}]")
            if value is None:
                return None
            out.append(value)
        return tuple(out)

    def terms(
        self, node: _nodes.Node, name: str, *, chinese: bool, lines: list[int] | None = None
    ) -> tuple[Term, ...] | None:
        if not isinstance(node, _nodes.Sequence) or not node.items:
            self.error(node, name, "expected a non-empty list of terms")
            return None
        parsed: list[tuple[str, dict[str, Any], _nodes.Node]] = []
        ok = True
        for i, item in enumerate(node.items):
            where = f"{name}[{i}]"
            if isinstance(item, _nodes.Scalar):
                text = (
                    self.chinese(item, where) if chinese else self.string(item, where, latin=True)
                )
                if text is None:
                    ok = False
                    continue
                parsed.append((text, {}, item))
                continue
            if not isinstance(item, _nodes.Mapping):
                self.error(item, where, "expected a term or a mapping with 'term:'")
                ok = False
                continue
            attrs: dict[str, Any] = {}
            for key, (keynode, _value) in item.items.items():
                if key not in TERM_FIELDS:
                    self.error(
                        keynode,
                        f"{where}.{key}",
                        f"unknown field; expected one of: {', '.join(TERM_FIELDS)}",
                    )
                    ok = False
            if "term" not in item.items:
                self.error(item, f"{where}.term", "missing required field")
                ok = False
                continue
            termnode = item.items["term"][1]
            text = (
                self.chinese(termnode, f"{where}.term")
                if chinese
                else self.string(termnode, f"{where}.term", latin=True)
            )
            ok &= text is not None
            ok &= self.term_attrs(item, where, attrs, chinese=chinese)
            if text is not None:
                parsed.append((text, attrs, item))
        if not ok:
            return None
        explicit = [a.get("status") for _, a, _ in parsed]
        preferred = [
            n for (_, _, n), s in zip(parsed, explicit, strict=True) if s is Status.PREFERRED
        ]
        if len(preferred) > 1:
            self.error(
                preferred[1], name, "more than one preferred term; mark the others 'admitted'"
            )
            return None
        out = []
        for i, (text, attrs, item) in enumerate(parsed):
            status = attrs.get("status")
            if status is None:
                status = Status.PREFERRED if i == 0 and not preferred else Status.ADMITTED
            out.append(
                Term(
                    text=text,
                    status=status,
                    system=attrs.get("system"),
                    official=attrs.get("official", False),
                    note=attrs.get("note", ""),
                    case=attrs.get("case", ""),
                    match=attrs.get("match", "word"),
                    fuzzy=attrs.get("fuzzy", True),
                )
            )
            if lines is not None:
                lines.append(item.line)
        return tuple(out)

    def term_attrs(
        self, item: _nodes.Mapping, where: str, attrs: dict[str, Any], *, chinese: bool
    ) -> bool:
        ok = True
        for key in ("status", "system", "official", "note", "case", "match", "fuzzy"):
            if key not in item.items:
                continue
            node = item.items[key][1]
            value = self.string(node, f"{where}.{key}")
            if value is None:
                ok = False
                continue
            if key in ("case", "match", "fuzzy") and chinese:
                self.error(node, f"{where}.{key}", "matching controls apply to English terms only")
                ok = False
            elif key in ("case", "match"):
                allowed = CASE_VALUES if key == "case" else MATCH_VALUES
                if value not in allowed:
                    self.error(
                        node,
                        f"{where}.{key}",
                        f"unknown value {value!r}; expected one of: {', '.join(allowed)}",
                    )
                    ok = False
                else:
                    attrs[key] = value
            elif key in ("fuzzy", "official"):
                if not (
                    isinstance(node, _nodes.Scalar) and node.plain and value in ("true", "false")
                ):
                    self.error(node, f"{where}.{key}", "expected true or false")
                    ok = False
                else:
                    attrs[key] = value == "true"
            elif key == "status":
                if value not in Status.__members__.values():
                    self.error(
                        node,
                        f"{where}.status",
                        f"unknown status {value!r}; expected one of: {', '.join(Status)}",
                    )
                    ok = False
                else:
                    attrs["status"] = Status(value)
            elif key == "system":
                if chinese:
                    self.error(node, f"{where}.system", "a system applies to English terms only")
                    ok = False
                elif value not in System.__members__.values():
                    self.error(
                        node,
                        f"{where}.system",
                        f"unknown system {value!r}; expected one of: {', '.join(System)}",
                    )
                    ok = False
                else:
                    attrs["system"] = System(value)
            else:
                attrs["note"] = value
        return ok


def check_files(files: Sequence[SourceFile]) -> tuple[list[Located], list[Issue]]:
    """Parse and check each file on its own: syntax, fields, values, sort order."""
    from glossary._yaml import parse as parse_yaml  # imports PyYAML: only when parsing

    located: list[Located] = []
    issues: list[Issue] = []
    for source in files:
        text, problems = decode(source)
        issues.extend(problems)
        if text is None:
            continue
        root, problems = parse_yaml(text, source.path)
        issues.extend(problems)
        reader = _EntryReader(source.path, source.layer)
        entries = reader.read(root)
        issues.extend(reader.issues)
        issues.extend(_check_sorted(entries))
        located.extend(entries)
    return located, issues


def _check_sorted(entries: Sequence[Located]) -> Iterator[Issue]:
    for before, after in itertools.pairwise(entries):
        if after.entry.id < before.entry.id:
            yield Issue(
                after.path,
                after.line,
                3,
                "id",
                f"entries are sorted by id: {after.entry.id!r} should come before "
                f"{before.entry.id!r} (line {before.line})",
            )


def layer_entries(located: Sequence[Located]) -> tuple[dict[str, Located], list[Issue]]:
    """Merge entries by layer (later layers win by id) and check across files."""
    issues: list[Issue] = []
    seen: dict[tuple[int, str], Located] = {}
    final: dict[str, Located] = {}
    for item in located:
        key = (item.layer, item.entry.id)
        if key in seen:
            first = seen[key]
            issues.append(
                Issue(
                    item.path,
                    item.line,
                    3,
                    "id",
                    f"duplicate id {item.entry.id!r} in {first.path}:{first.line} "
                    f"and {item.path}:{item.line}",
                )
            )
            continue
        seen[key] = item
        final[item.entry.id] = item
    issues.extend(_check_parents(final))
    issues.extend(_check_orgs(final))
    issues.extend(_check_english(final))
    return final, issues


def _check_orgs(entries: dict[str, Located]) -> Iterator[Issue]:
    for item in entries.values():
        for i, role in enumerate(item.entry.roles):
            if role.org and role.org not in entries:
                line = item.org_lines[i] if i < len(item.org_lines) else item.line
                yield Issue(
                    item.path,
                    line or item.line,
                    0,
                    f"roles[{i}].org",
                    f"unknown entry id {role.org!r}: name the id of an existing entry, or "
                    "leave org out",
                )


def _check_parents(entries: dict[str, Located]) -> Iterator[Issue]:
    reported: set[str] = set()
    for ident, item in entries.items():
        parent = item.entry.parent
        if parent is None:
            continue
        if parent not in entries:
            yield Issue(
                item.path,
                item.parent_line or item.line,
                0,
                "parent",
                f"unknown parent id {parent!r}",
            )
            continue
        chain = [ident]
        current: str | None = parent
        while current is not None and current in entries:
            if current == ident:
                if not reported.intersection(chain):
                    reported.update(chain)
                    path = " -> ".join([*chain, ident])
                    yield Issue(
                        item.path,
                        item.parent_line or item.line,
                        0,
                        "parent",
                        f"parents form a cycle: {path}",
                    )
                break
            if current in chain:  # a cycle further up, reported from its own members
                break
            chain.append(current)
            current = entries[current].entry.parent


def _check_english(entries: dict[str, Located]) -> Iterator[Issue]:
    owners: dict[tuple[str, str, str | None], Located] = {}
    for item in entries.values():
        entry = item.entry
        for i, term in enumerate(entry.en):
            key = (latin_key(term.text), str(entry.kind), entry.parent)
            other = owners.get(key)
            if other is None:
                owners[key] = item
                continue
            if other.entry.id == entry.id:
                continue
            line = item.en_lines[i] if i < len(item.en_lines) else item.line
            yield Issue(
                item.path,
                line,
                0,
                f"en[{i}]",
                f"{term.text!r} also names {other.entry.id!r} ({other.path}:{other.line}) "
                "with the same kind and parent; give one a parent or a note that tells them "
                "apart",
                Severity.WARNING,
            )


def validate_files(
    files: Sequence[SourceFile], read_issues: Sequence[Issue] = ()
) -> tuple[dict[str, Located], Report]:
    """Check already-read files; return the layered entries and the report."""
    located, issues = check_files(files)
    final, cross = layer_entries(located)
    report = Report(issues=[*read_issues, *issues, *cross], entries=len(final), files=len(files))
    return final, report


def validate(
    paths: Iterable[str | Path] = (), *, builtin: bool = True, packs: Iterable[str] = ()
) -> Report:
    """Validate a term base: the built-in one (unless ``builtin=False``) with ``packs``,
    plus ``paths``.

    Returns a :class:`Report` listing every error and warning; it never raises for bad data.

    >>> report = validate()
    >>> report.ok, report.entries > 390
    (True, True)
    """
    files, read_issues = read_layers(discover(paths, builtin=builtin, packs=packs))
    return validate_files(files, read_issues)[1]


class TermBase:
    """A loaded, validated, layered term base: entries by id, in load order.

    >>> tb = TermBase.load()
    >>> tb["new-taipei-city-shiding"].english
    'Shiding District'
    """

    def __init__(self, entries: Iterable[Entry], *, warnings: Sequence[Issue] = ()) -> None:
        self._entries = {e.id: e for e in entries}
        self.warnings = tuple(warnings)

    @classmethod
    def load(
        cls, paths: Iterable[str | Path] = (), *, builtin: bool = True, packs: Iterable[str] = ()
    ) -> TermBase:
        """Load and validate; raise :class:`TermBaseError` listing every error."""
        files, read_issues = read_layers(discover(paths, builtin=builtin, packs=packs))
        return cls.from_files(files, read_issues)

    @classmethod
    def from_files(cls, files: Sequence[SourceFile], read_issues: Sequence[Issue] = ()) -> TermBase:
        """Build from files already read (see :func:`read_layers`)."""
        final, report = validate_files(files, read_issues)
        if not report.ok:
            raise TermBaseError(report.issues)
        return cls((item.entry for item in final.values()), warnings=report.warnings)

    def __getitem__(self, ident: str) -> Entry:
        return self._entries[ident]

    def __contains__(self, ident: object) -> bool:
        return ident in self._entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)
