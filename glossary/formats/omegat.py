"""OmegaT glossary: a ``.utf8`` (or ``.txt``) file of tab-separated lines, no header, no
quoting: ``source<TAB>target<TAB>comment``.

One line per source term: with English as the source, each usable English term (the house
form first) gets the canonical Chinese; the comment says the term's status and spelling
system and where the place is. OmegaT has no quoting, so a tab or line break inside a term
or comment is an error, never a broken line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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
from glossary.formats._cells import entries_from_pairs, plain

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
    """Pairs of an OmegaT glossary; lines with the same Chinese become one entry, and a
    comment that starts with a status (as ours do) gives the term that status."""
    return entries_from_pairs(_omegat_pairs(text, path), path)


def _omegat_pairs(text: str, path: str) -> Iterator[tuple[int, str, str, Status | None]]:
    for line, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) < 2:
            raise FormatError("expected source<TAB>target[<TAB>comment]", path=path, line=line)
        first_word = cells[2].split(";")[0].strip() if len(cells) > 2 else ""
        status = Status(first_word) if first_word in ("deprecated", "forbidden") else None
        yield line, cells[0].strip(), cells[1].strip(), status


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
