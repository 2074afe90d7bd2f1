"""Turning spans into output: glossed text (the newsroom way) and JSON-ready dicts."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from glossary._model import Entry, Span
from glossary._text import has_cjk

if TYPE_CHECKING:
    from glossary._glossary import Glossary

#: Closing quotes a gloss goes after: "Pa Chiung" (八炯), not "Pa Chiung (八炯)".
CLOSING_QUOTES = frozenset("\"'”’」』")
OPENING_QUOTES = frozenset("\"'“‘「『")
_OPEN_PAREN = re.compile(r"\s*[(（]\s*")
_PAREN_CONTENT = re.compile(r"[^)）]*")


def gloss(text: str, spans: Sequence[Span], glossary: Glossary, *, every: bool = False) -> str:
    """``text`` with a gloss after the first mention of each entry (or every mention).

    English names get their short Chinese form, ``Situn District (西屯)``; Chinese names
    get the English of the house style, ``西屯區 (Xitun District)``. A mention the text
    already glosses is left alone (and counts as the first), so glossing is idempotent;
    ambiguous spans are not glossed.
    """
    inserts: list[tuple[int, str]] = []
    glossed: set[str] = set()
    previous: Span | None = None
    for span in spans:
        entry = span.entry
        if entry is None:
            previous = span
            continue
        if previous is not None and _is_gloss_of(text, previous, span):
            previous = span
            continue  # the (西屯) of "Situn District (西屯)" is a gloss, not a mention
        previous = span
        if entry.id in glossed and not every:
            continue
        at = _gloss_point(text, span)
        if at is None:
            continue  # inside a compound (Taichung-based): gloss a later mention
        glossed.add(entry.id)
        if _already_glossed(text, at, entry, glossary, chinese=has_cjk(span.text)):
            continue
        note = glossary.english(entry) if has_cjk(span.text) else entry.short_chinese
        inserts.append((at, f" ({note})"))
    out: list[str] = []
    last = 0
    for at, note in inserts:
        out.append(text[last:at])
        out.append(note)
        last = at
    out.append(text[last:])
    return "".join(out)


def _gloss_point(text: str, span: Span) -> int | None:
    """Where the gloss goes: after the name, its closing quote or its possessive 's."""
    at = span.end
    if text[at : at + 1] == "-" and text[at + 1 : at + 2].isalpha():
        return None
    quoted = span.start > 0 and text[span.start - 1] in OPENING_QUOTES
    if quoted and text[at : at + 1] in CLOSING_QUOTES:
        return at + 1
    if text[at : at + 2] in ("'s", "’s") and not text[at + 2 : at + 3].isalnum():
        return at + 2
    return at


def _is_gloss_of(text: str, before: Span, span: Span) -> bool:
    """Whether ``span`` sits in parentheses right after ``before``, naming the same entry."""
    at = _gloss_point(text, before) or before.end
    between = text[at : span.start]
    return _OPEN_PAREN.fullmatch(between) is not None and bool(
        {e.id for e in before.entries} & {e.id for e in span.entries}
    )


def _already_glossed(
    text: str, at: int, entry: Entry, glossary: Glossary, *, chinese: bool
) -> bool:
    """Whether a parenthesis at ``at`` already gives the entry's other-language name."""
    match = _OPEN_PAREN.match(text, at)
    if match is None:
        return False
    content = _PAREN_CONTENT.match(text, match.end())
    inside = content.group().strip() if content else ""
    if not inside:
        return False
    if chinese:
        return any(inside.casefold().startswith(t.text.casefold()) for t in entry.en)
    from glossary._script import to_traditional
    from glossary._text import chinese_key

    keys = {chinese_key(t.text) for t in entry.zh} | {chinese_key(entry.short_chinese)}
    if chinese_key(inside) in keys:
        return True
    return has_cjk(inside) and chinese_key(to_traditional(inside)) in keys


def span_dict(span: Span, glossary: Glossary) -> dict[str, Any]:
    """A span as a JSON-ready dict."""
    out: dict[str, Any] = {
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "id": span.entry.id if span.entry else None,
        "english": glossary.english(span.entry) if span.entry else None,
        "chinese": span.entry.chinese if span.entry else None,
        "match": span.match.value,
        "score": round(span.score, 1),
        "matched": span.matched,
        "system": span.system.value if span.system else None,
        "status": span.status.value if span.status else None,
    }
    if span.ambiguous:
        out["candidates"] = [_candidate(e, glossary) for e in span.entries]
    return out


def _candidate(entry: Entry, glossary: Glossary) -> dict[str, Any]:
    parent = glossary.parent_of(entry)
    return {
        "id": entry.id,
        "english": glossary.english(entry),
        "chinese": entry.chinese,
        "parent": parent.id if parent else None,
    }


def span_dicts(spans: Sequence[Span], glossary: Glossary) -> Iterator[dict[str, Any]]:
    """Every span as a JSON-ready dict, in order."""
    for span in spans:
        yield span_dict(span, glossary)
