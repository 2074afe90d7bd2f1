"""Writing an import into a YAML term base file, keeping its comments, order and layout.

ruamel.yaml reads the file as a round-trip tree, which says on which line each entry, key
and list item stands; the new text is then inserted between the file's own lines, so
every line already there stays exactly as it was (comments, quoting, wrapping, blank
lines). ruamel renders the inserted YAML (quoting, folding) in the file's list
indentation. Added entries go in at their place in id order, above the comment lines that
belong to the next entry; changed entries that live in the file get their new terms
appended to their lists and empty fields filled; changed entries that live elsewhere (the
built-in term base) get a complete copy here, which overrides them when this file is
layered on top.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from glossary._model import Entry, Status, Term
from glossary._termbase import ENTRY_FIELDS
from glossary.formats import FormatError

#: Where each field goes in an entry, as the term base writes them.
FIELD_ORDER = ENTRY_FIELDS


def term_node(term: Term, position: int) -> Any:
    """A term as the term base writes it: a plain string when its status is the default
    for its place (first preferred, others admitted) and it has nothing else."""
    from ruamel.yaml.comments import CommentedMap

    default = Status.PREFERRED if position == 0 else Status.ADMITTED
    data = term.to_dict()
    if set(data) == {"term", "status"} and term.status is default:
        return term.text
    node = CommentedMap()
    for key, value in data.items():
        node[key] = _scalar(value)
    return node


def _scalar(value: Any) -> Any:
    from ruamel.yaml.scalarstring import FoldedScalarString

    if isinstance(value, str) and len(value) > 80 and "\n" not in value:
        return FoldedScalarString(value)  # long text folded, as curators write it
    return value


def entry_node(entry: Entry) -> Any:
    """An entry as a round-trip YAML mapping, fields in the term base's order."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    data = entry.to_dict()
    node = CommentedMap()
    for key in FIELD_ORDER:
        if key not in data:
            continue
        if key in ("zh", "en"):
            terms = getattr(entry, key)
            seq = CommentedSeq(term_node(t, i) for i, t in enumerate(terms))
            node[key] = seq
        elif key == "tags":
            node[key] = CommentedSeq(data[key])
        elif key == "roles":
            node[key] = _roles_node(data[key])
        else:
            node[key] = _scalar(data[key])
    return node


def _roles_node(roles: list[dict[str, str]]) -> Any:
    """A person's roles as a block list of mappings (``- title: ...``), in field order."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    return CommentedSeq(CommentedMap(role) for role in roles)


def _yaml(offset: int = 2) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 88
    yaml.indent(mapping=2, sequence=2 + offset, offset=offset)
    return yaml


def _dump(data: Any, offset: int = 2) -> list[str]:
    """``data`` as YAML lines, with no indentation of their own (the caller adds it)."""
    out = io.StringIO()
    _yaml(offset).dump(data, out)
    lines = out.getvalue().splitlines(keepends=True)
    common = min((len(s) - len(s.lstrip(" ")) for s in lines if s.strip()), default=0)
    return [s[common:] if s.strip() else s for s in lines]


_NESTED_DASH = re.compile(r"^( *)[A-Za-z_]+:[ \t]*\n( *)- ", re.MULTILINE)


def _guess_offset(text: str) -> int:
    """How far a nested list's dashes sit inside their key (``zh:`` then ``  - 西屯區``)."""
    found = _NESTED_DASH.search(text)
    return len(found.group(2)) - len(found.group(1)) if found else 2


Edit = tuple[int, int, list[str]]  # (line, order, new lines): inserted before that line


def merge_into(text: str | None, entries: Iterable[Entry], header: str = "") -> str:
    """``text`` (a term base file, or None for a new one) with ``entries`` added or
    updated, every other line exactly as it was."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    if not text or not text.strip():
        text = (text or "") + header
    try:
        data = YAML().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise FormatError(f"not YAML: {getattr(exc, 'problem', exc)}", line=line) from None
    if data is None:
        data = []
    if not isinstance(data, list):
        raise FormatError("a term base file is a list of entries")
    offset = _guess_offset(text)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    by_id = {node.get("id"): node for node in data if hasattr(node, "get")}
    edits: list[Edit] = []
    for rank, entry in enumerate(sorted(entries, key=lambda e: e.id)):
        node = by_id.get(entry.id)
        if node is not None:
            edits.extend(_update(node, entry, lines, data, offset))
        else:
            at, new = _addition(entry, lines, data, offset)
            edits.append((at, len(FIELD_ORDER) + rank, new))
    for at, _, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[at:at] = new
    return "".join(lines)


def _entry_start(node: Any, lines: list[str]) -> int:
    """The first of an entry's lines with the comment lines directly above it (0-based)."""
    at: int = node.lc.line
    while at > 0 and lines[at - 1].lstrip().startswith("#"):
        at -= 1
    return at


def _entry_end(node: Any, data: list[Any], lines: list[str]) -> int:
    """The line after an entry's last line of content (blank lines and the next entry's
    comments come after it)."""
    position = data.index(node)
    end = _entry_start(data[position + 1], lines) if position + 1 < len(data) else len(lines)
    while end > node.lc.line + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return end


def _addition(
    entry: Entry, lines: list[str], data: list[Any], offset: int
) -> tuple[int, list[str]]:
    rendered = _dump([entry_node(entry)], offset)
    later = [n for n in data if hasattr(n, "get") and str(n.get("id", "")) > entry.id]
    if later:
        return _entry_start(later[0], lines), [*rendered, "\n"]
    blank = ["\n"] if lines and lines[-1].strip() else []
    return len(lines), [*blank, *rendered]


def _update(node: Any, entry: Entry, lines: list[str], data: list[Any], offset: int) -> list[Edit]:
    """Insertions that append the entry's new terms to ``node`` and fill empty fields."""
    edits: list[Edit] = []
    keys = list(node.keys())
    key_col = node.lc.key(keys[0])[1] if keys else 2
    end = _entry_end(node, data, lines)

    def line_after(key: str) -> int:
        later = keys[keys.index(key) + 1 :]
        return int(node.lc.key(later[0])[0]) if later else end

    for key in FIELD_ORDER:
        if key in ("id", "kind", "parent"):
            continue
        if key in ("zh", "en"):
            seq = node.get(key)
            present = {item if isinstance(item, str) else item.get("term") for item in seq or []}
            new = [t for t in getattr(entry, key) if t.text not in present]
            if seq is None or not new:
                continue
            if seq.fa.flow_style():
                edits.append(_unflow(node, key, seq, new, lines, offset))
                continue
            first = seq.lc.item(0)[0] if len(seq) else node.lc.key(key)[0] + 1
            dash = len(lines[first]) - len(lines[first].lstrip(" "))
            items = [term_node(t, len(seq) + i) for i, t in enumerate(new)]
            block = [" " * dash + s for s in _dump(items, offset)]
            edits.append((line_after(key), FIELD_ORDER.index(key), block))
            continue
        value = getattr(entry, key)
        if value and not node.get(key):
            later = [k for k in FIELD_ORDER[FIELD_ORDER.index(key) + 1 :] if k in keys]
            at = int(node.lc.key(later[0])[0]) if later else end
            if key == "tags":
                shown = list(value)
            elif key == "roles":
                shown = _roles_node([role.to_dict() for role in value])
            else:
                shown = _scalar(value)
            rendered = _dump({key: shown}, offset)
            edits.append((at, FIELD_ORDER.index(key), [" " * key_col + s for s in rendered]))
    return edits


def _unflow(node: Any, key: str, seq: Any, new: list[Term], lines: list[str], offset: int) -> Edit:
    """``zh: [西屯區]`` with new terms: that one line becomes a list, one term per line
    (a term with a status or note cannot sit in brackets). The line is replaced in place,
    so the other edits' line numbers stay right."""
    from ruamel.yaml.comments import CommentedSeq

    line, column = node.lc.key(key)
    on_one_line = all(seq.lc.item(i)[0] == line for i in range(len(seq)))
    after = lines[line].rsplit("]", 1)[-1].strip()
    if not on_one_line or after:
        raise FormatError(
            f"entry {node.get('id')!r}: its {key} list runs over several lines or has a "
            "comment after it; write it one term per line to import into it",
            line=line + 1,
        )
    items = CommentedSeq([*seq, *(term_node(t, len(seq) + i) for i, t in enumerate(new))])
    rendered = _dump({key: items}, offset)
    lines[line] = "".join(" " * column + text for text in rendered)
    return line, 0, []


def header_text() -> str:
    """The explanatory comment every term base file starts with (from the built-in one)."""
    from glossary._builtin import builtin_dir

    for path in sorted(builtin_dir().glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        start = next((i for i, s in enumerate(lines) if s.startswith("# A glossary term")), None)
        if start is None:
            continue
        end = start
        while end < len(lines) and lines[end].startswith("#"):
            end += 1
        return "".join(lines[start:end]) + "\n"
    return ""


def write_merged(path: Path, entries: list[Entry]) -> str:
    """The new text of ``path`` with ``entries`` merged in (not yet written)."""
    from glossary._fsutil import read_limited
    from glossary._sources import MAX_FILE_BYTES
    from glossary._stream import decode

    text = decode(read_limited(path, MAX_FILE_BYTES), str(path)) if path.exists() else None
    try:
        return merge_into(text, entries, header_text())
    except FormatError as exc:
        raise FormatError(exc.message, path=str(path), line=exc.line) from None
