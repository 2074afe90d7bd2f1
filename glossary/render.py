"""Turning spans into output: glossed text (the newsroom way), normalized text, JSON, HTML.

>>> from glossary import Glossary
>>> g = Glossary()
>>> text = "YouTuber “Pa Chiung” was seen in Hsi-t'un District."
>>> gloss(text, g.annotate(text), g)
"YouTuber “Pa Chiung” (八炯) was seen in Hsi-t'un District (西屯)."
>>> normalize(text, g.annotate(text), g)
'YouTuber “Pa Chiung” was seen in Xitun District.'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from glossary._model import Entry, Span
from glossary._text import has_cjk, is_cjk
from glossary._vocab import GENERIC_ALTERNATION, GENERIC_WORDS, strip_generic_zh

if TYPE_CHECKING:
    from glossary._glossary import Glossary

__all__ = [
    "HTML_FOOT",
    "gloss",
    "html_body",
    "html_head",
    "html_page",
    "normalize",
    "rewrites",
    "span_dict",
    "span_dicts",
]

#: Closing quotes a gloss goes after: "Pa Chiung" (八炯), not "Pa Chiung (八炯)".
CLOSING_QUOTES = frozenset("\"'”’」』")
OPENING_QUOTES = frozenset("\"'“‘「『")
_OPEN_PAREN = re.compile(r"\s*[(（]\s*")
_PAREN_CONTENT = re.compile(r"[^)）]*")
#: Between one parenthesis and the next: the (MAC) of "Mainland Affairs Council (大陸委員會) (MAC)".
_NEXT_PAREN = re.compile(r"\s*[)）]\s*[(（]\s*")


def gloss(
    text: str,
    spans: Sequence[Span],
    glossary: Glossary,
    *,
    every: bool = False,
    seen: set[str] | None = None,
) -> str:
    """``text`` with a gloss after the first mention of each entry (or every mention).

    English names get their short Chinese form, ``Situn District (西屯)``; Chinese names
    get the English of the house style, ``西屯區 (Xitun District)``. A mention the text
    already glosses is left alone (and counts as the first), so glossing is idempotent;
    ambiguous spans are not glossed. ``seen`` carries the ids already glossed from one
    piece of a long text to the next (it is updated).
    """
    inserts: list[tuple[int, str]] = []
    glossed: set[str] = seen if seen is not None else set()
    previous: Span | None = None
    in_gloss = False  # whether ``previous`` is itself a gloss in parentheses
    for span in spans:
        entry = span.entry
        if entry is None:
            previous, in_gloss = span, False
            continue
        if previous is not None and _is_gloss_of(text, previous, span, after_gloss=in_gloss):
            previous, in_gloss = span, True
            continue  # the (西屯) of "Situn District (西屯)" is a gloss, not a mention
        previous, in_gloss = span, False
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


def _is_gloss_of(text: str, before: Span, span: Span, *, after_gloss: bool = False) -> bool:
    """Whether ``span`` sits in parentheses right after ``before``, naming the same entry.

    When ``before`` is itself a gloss, the next parenthesis glosses the same name too:
    (MAC) in "Mainland Affairs Council (大陸委員會) (MAC)".
    """
    at = _gloss_point(text, before) or before.end
    between = text[at : span.start]
    pattern = _NEXT_PAREN if after_gloss else _OPEN_PAREN
    return pattern.fullmatch(between) is not None and bool(
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


# -- normalizing -----------------------------------------------------------------------------

#: Generic words, full and abbreviated, as they end an English name.
_GENERIC_END = re.compile(rf"[\s-]+({GENERIC_ALTERNATION})$", re.IGNORECASE)


def normalize(
    text: str,
    spans: Sequence[Span],
    glossary: Glossary,
    *,
    to: str = "house",
    tai: str = "臺",
) -> str:
    """``text`` with every name rewritten to one form; nothing else is touched.

    Args:
        to: ``house`` (the glossary's ``prefer`` choice), ``official``, or a romanization
            system (``wade-giles``, ``tongyong``...) to write every name in.
        tai: How Chinese names write 臺/台: ``臺`` (the official form) or ``台``.

    English names keep their shape: with the generic word they get the whole form
    (Hsi-t'un District → Xitun District), without it the bare name (Situn → Xitun).
    A name written in capitals stays in capitals (a dateline's TAIPEI, a headline's
    SITUN DISTRICT → XITUN DISTRICT). Chinese names are written in Traditional
    characters, with or without their suffix as they were (西屯区 → 西屯區). An ambiguous
    name is rewritten only if every candidate would be written the same way.
    """
    out: list[str] = []
    last = 0
    for span, form in rewrites(spans, glossary, to=to, tai=tai):
        out.append(text[last : span.start])
        out.append(form)
        last = span.end
    out.append(text[last:])
    return "".join(out)


def rewrites(
    spans: Sequence[Span], glossary: Glossary, *, to: str = "house", tai: str = "臺"
) -> Iterator[tuple[Span, str]]:
    """Each span :func:`normalize` rewrites, with the form it writes (which may be the
    span's own text: a name already in that form is rewritten to itself).

    >>> from glossary import Glossary
    >>> g = Glossary()
    >>> [(s.text, form) for s, form in rewrites(g.annotate("Situn and 西屯区"), g)]
    [('Situn', 'Xitun'), ('西屯区', '西屯區')]
    """
    for span in spans:
        forms = {_normal_form(span, entry, glossary, to, tai) for entry in span.entries}
        if len(forms) == 1:
            yield span, forms.pop()


def _normal_form(span: Span, entry: Entry, glossary: Glossary, to: str, tai: str) -> str:
    if has_cjk(span.text):
        from glossary._text import chinese_key

        key = chinese_key(span.text)
        full = entry.chinese
        if chinese_key(full) != key and len(span.text) < len(full):
            full = entry.short_chinese
        return full.replace("臺", tai) if tai == "台" else full.replace("台", "臺")
    form = _english_form(span, _english_in(entry, glossary, to))
    if span.text.isupper() and sum(c.isalpha() for c in span.text) > 1:
        return form.upper()  # TAIPEI in a dateline, a name in a headline
    return form


def _english_form(span: Span, english: str) -> str:
    generic = _GENERIC_END.search(span.text)
    bare = _GENERIC_END.sub("", english)
    if generic is None:
        return bare
    if generic.group(1).endswith(".") and _GENERIC_END.search(english):
        word = _GENERIC_END.search(english).group(1)  # type: ignore[union-attr]
        abbreviation = GENERIC_WORDS.get(word.title())
        if abbreviation:
            return f"{bare} {abbreviation}"
    return english


def _is_reading(english: str, system: str | None, entry: Entry, *, person: bool) -> bool:
    """Whether an English name is a reading of its entry's Chinese, which normalize --to
    SYSTEM may write in another system: a person's own spelling (Lai Ching-te), a
    customary one-word spelling (Keelung, Tamsui), or a name some romanization system
    spells (Situn District); not a translation (Kaohsiung Medical University, whose
    Kaohsiung alone is customary), nor a name from another language (Amis), nor one whose
    Chinese is not all Han (臺北101)."""
    if not all(is_cjk(c) for c in entry.chinese):
        return False
    if system == "personal":
        return person
    if system == "legacy":
        return " " not in _GENERIC_END.sub("", english)
    if system in (None, "hanyu", "tongyong", "wade-giles", "mps2", "gwoyeu", "yale"):
        from glossary._audit import spelling_systems

        return bool(spelling_systems(english, [z.text for z in entry.zh], person=person))
    return False


def _english_in(entry: Entry, glossary: Glossary, to: str) -> str:
    if to == "house":
        return glossary.english(entry)
    if to == "official":
        return entry.english_for(("official", "preferred")).text
    from glossary.romanize import readings, render

    term = entry.english_for(glossary.prefer)
    house = term.text
    person = entry.kind.value == "person"
    if not _is_reading(term.text, term.system, entry, person=person):
        # A translated name (Kaohsiung Medical University, Sun Moon Lake), a name from
        # Hokkien, Hakka or an Indigenous language (Amis), or one that is not all Han
        # (臺北101) has no reading to write in a system: it stays as the house writes it.
        return house
    generic = _GENERIC_END.search(house)
    chinese = entry.gloss or strip_generic_zh(entry.chinese) or entry.chinese
    reading = readings(chinese, person=person)[0]
    name = render(reading, to, style="person" if person else "place")
    return name + (generic.group(0) if generic else "")


# -- HTML ------------------------------------------------------------------------------------

_STYLE = """\
body { font: 16px/1.6 system-ui, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; }
.text { white-space: pre-wrap; }
mark.name { background: #fff3b0; border-bottom: 1px solid #c9a800; }
mark.name.ambiguous { background: #ffd6d6; border-bottom-color: #c00; }
mark.name.deprecated { text-decoration: line-through wavy #c00; }
"""


def html_page(text: str, spans: Sequence[Span], glossary: Glossary, *, title: str = "") -> str:
    """A standalone HTML page: the text with each name highlighted, its Chinese and English
    (and kind and parent) in a tooltip. Everything from the input is escaped."""
    return html_head(title) + html_body(text, spans, glossary) + HTML_FOOT


def html_head(title: str = "") -> str:
    """The start of :func:`html_page`, up to where the text begins (for streaming)."""
    from html import escape

    heading = escape(title or "glossary annotate")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{heading}</title>\n<style>\n{_STYLE}</style>\n</head>\n<body>\n"
        '<div class="text">'
    )


#: The end of :func:`html_page`, after the text.
HTML_FOOT = "</div>\n</body>\n</html>\n"


def html_body(text: str, spans: Sequence[Span], glossary: Glossary) -> str:
    """``text`` (or one piece of it) escaped, with its names marked up for :func:`html_page`."""
    from html import escape

    parts: list[str] = []
    last = 0
    for span in spans:
        parts.append(escape(text[last : span.start]))
        classes = ["name"]
        if span.ambiguous:
            classes.append("ambiguous")
            tip = "ambiguous: " + "; ".join(_describe(e, glossary) for e in span.entries)
        else:
            tip = _describe(span.entries[0], glossary)
        if span.status is not None and span.status.value in ("deprecated", "forbidden"):
            classes.append("deprecated")
            tip += f" ({span.status.value} term)"
        ident = " ".join(e.id for e in span.entries)
        parts.append(
            f'<mark class="{" ".join(classes)}" data-id="{escape(ident)}" '
            f'title="{escape(tip)}">{escape(span.text)}</mark>'
        )
        last = span.end
    parts.append(escape(text[last:]))
    return "".join(parts)


def _describe(entry: Entry, glossary: Glossary) -> str:
    parent = glossary.parent_of(entry)
    where = f", {entry.kind.value.replace('-', ' ')}"
    if parent is not None:
        where += f" in {glossary.english(parent)}"
    return f"{glossary.english(entry)} · {entry.chinese}{where}"
