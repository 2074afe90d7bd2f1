"""OmegaT glossary: a ``.utf8`` (or ``.txt``) file of tab-separated lines, no header, no
quoting: ``source<TAB>target<TAB>comment``.

One line per source term: with English as the source, each usable English term (the house
form first) gets the canonical Chinese; the comment says the term's status and spelling
system and where the place is. OmegaT has no quoting, so a tab or line break inside a term
or comment is an error, never a broken line.
"""

from __future__ import annotations

from collections.abc import Sequence

from glossary._model import Entry, Status, Term
from glossary.formats import (
    SIMPLIFIED,
    ExportOptions,
    Format,
    FormatError,
    Imported,
    chinese_terms,
    english_terms,
    register,
)
from glossary.formats._cells import plain

_SYSTEM_NAMES = {
    "hanyu": "Hanyu Pinyin",
    "tongyong": "Tongyong Pinyin",
    "wade-giles": "Wade-Giles",
    "mps2": "MPS II",
    "gwoyeu": "Gwoyeu Romatzyh",
    "yale": "Yale",
    "legacy": "customary spelling",
    "personal": "own spelling",
}


def comment(entry: Entry, term: Term) -> str:
    """What a translator sees beside the pair: status, system, official, kind."""
    parts = [term.status.value]
    if term.system is not None:
        parts.append(_SYSTEM_NAMES.get(term.system.value, term.system.value))
    if term.official:
        parts.append("official")
    parts.append(entry.kind.value)
    if term.status in (Status.DEPRECATED, Status.FORBIDDEN):
        parts.append(f"use {entry.english}")
    return "; ".join(parts)


def pairs(entries: Sequence[Entry], options: ExportOptions) -> list[tuple[str, str, str, Entry]]:
    """(source, target, comment, entry) for every pair the options ask for."""
    out = []
    simplified = options.chinese_tag in SIMPLIFIED
    for entry in entries:
        chinese = chinese_terms(entry, simplified=simplified)[0].text
        english = english_terms(entry, options)
        if options.source == "en":
            out += [(t.text, chinese, comment(entry, t), entry) for t in english]
        else:
            house = english[0]
            out += [
                (t.text, house.text, comment(entry, house), entry)
                for t in chinese_terms(entry, simplified=simplified)
            ]
    return out


def write(entries: Sequence[Entry], options: ExportOptions) -> tuple[str, list[str]]:
    lines = []
    for source, target, note, entry in pairs(entries, options):
        cells = [
            plain(c, what=w, where=entry.id)
            for c, w in ((source, "term"), (target, "term"), (note, "comment"))
        ]
        lines.append("\t".join(cells) + "\n")
    return "".join(lines), []


def read(text: str, path: str) -> Imported:
    """Pairs of an OmegaT glossary, one entry per English source term (English must be the
    source); lines with the same Chinese become one entry."""
    from glossary._text import has_cjk
    from glossary.formats.cat_csv import _make_id

    imported = Imported()
    by_chinese: dict[str, list[Term]] = {}
    notes: dict[str, str] = {}
    for line, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) < 2:
            raise FormatError("expected source<TAB>target[<TAB>comment]", path=path, line=line)
        source, target = cells[0].strip(), cells[1].strip()
        if has_cjk(source) and not has_cjk(target):
            source, target = target, source
        terms = by_chinese.setdefault(target, [])
        status = Status.PREFERRED if not terms else Status.ADMITTED
        note = cells[2].strip() if len(cells) > 2 else ""
        if note.startswith(("deprecated", "forbidden")):
            status = Status(note.split(";")[0])
        terms.append(Term(source, status))
        notes.setdefault(target, note)
    taken: set[str] = set()
    from glossary._model import Kind

    for chinese, terms in by_chinese.items():
        ident = _make_id(terms[0].text, taken)
        taken.add(ident)
        imported.entries.append(
            Entry(ident, Kind.OTHER, (Term(chinese),), tuple(terms), f"imported from {path}")
        )
    return imported


register(
    Format(
        "omegat",
        "OmegaT glossary (.utf8): source, target, comment; tab-separated, no header",
        ".utf8",
        write,
        read,
        "everything but the pairs: ids, kinds, parents, notes, sources, other Chinese terms "
        "(the comment carries status and system for the translator, not for reading back)",
    )
)
