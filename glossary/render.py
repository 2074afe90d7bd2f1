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
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from glossary._model import DIVISIONS, Entry, Kind, Span
from glossary._text import has_cjk, is_cjk
from glossary._vocab import GENERIC_ALTERNATION, GENERIC_WORDS, strip_generic_zh

if TYPE_CHECKING:
    from glossary._glossary import Glossary

__all__ = [
    "DOUBT_LABELS",
    "HTML_FOOT",
    "PLACE_KINDS",
    "gloss",
    "gloss_chinese",
    "html_body",
    "html_foot",
    "html_head",
    "html_names",
    "html_page",
    "normalize",
    "page_lang",
    "rewrites",
    "span_dict",
    "span_dicts",
]

#: Closing quotes a gloss goes after: "Pa Chiung" (八炯), not "Pa Chiung (八炯)".
CLOSING_QUOTES = frozenset("\"'”’」』")
OPENING_QUOTES = frozenset("\"'“‘「『")
_OPEN_PAREN = re.compile(r"\s*[(（]\s*")
_PAREN_CONTENT = re.compile(r"[^)）]*")

#: The kinds of place whose gloss is the name without its generic suffix (臺北 for 臺北市,
#: 西屯 for 西屯區), as the papers print it; ``long=True`` keeps the suffix. A place abroad
#: keeps it: Anping County (安平縣) in Hebei is told from Tainan's Anping (安平) so.
PLACE_KINDS = DIVISIONS - {Kind.VILLAGE}

#: The brackets a name may be followed by, each with its closing bracket.
_BRACKETS = {"(": ")", "（": "）", "[": "]", "［": "］", "【": "】", "〔": "〕"}
#: Between a name and a bracket after it: spaces, and at most one line break.
_BEFORE_BRACKET = re.compile(r"[ \t\u3000]*(?:\r?\n[ \t\u3000]*)?")
#: A paragraph break: a blank line, or a paragraph separator.
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v\u3000]*\n|\u2029")
#: What an acronym in parentheses looks like: MAC, KMT, NT$, R&D (no lower case, no space).
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.$-]*[A-Z0-9$]")


def gloss(
    text: str,
    spans: Sequence[Span],
    glossary: Glossary,
    *,
    every: bool = False,
    seen: set[str] | None = None,
    long: bool = False,
    tai: str = "台",
    quotations: bool = False,
) -> str:
    """``text`` with a gloss after the first mention of each entry (or every mention).

    English names get their short Chinese form, ``Situn District (西屯)``, ``Taipei (台北)``;
    Chinese names get the English of the house style, ``西屯區 (Xitun District)``; in Chinese
    text the gloss takes full-width parentheses, ``西屯區（Xitun District）的居民``. The house
    style of Taiwan's English-language papers decides the rest:

    - a bracket right after a name is never doubled: if it holds the name's gloss (or its
      acronym and more), the name counts as glossed; an acronym alone takes the gloss in
      (``Mainland Affairs Council (MAC, 陸委會)``); anything else leaves this mention alone
      for a later one; nothing inside such a bracket is glossed;
    - names inside a direct quotation are not glossed (a quotation that is just the name,
      a nickname in quotes, is glossed after its closing quote: ``"Pa Chiung" (八炯)``);
    - a dateline (``TAIPEI —``, ``TAIPEI, Dec. 1 (CNA) —``) is left alone;
    - ambiguous spans and places outside Taiwan are not glossed.

    Glossing is idempotent. ``seen`` carries the ids already glossed from one piece of a
    long text to the next (it is updated).

    Args:
        every: Gloss every mention, not only the first.
        long: Gloss places with their full Chinese name (臺北市, 西屯區), suffix and all.
        tai: How glosses write 臺/台: ``台``, as the papers print it, or ``臺``, the term
            base's (official) form.
        quotations: Gloss names inside direct quotations too.

    >>> from glossary import Glossary
    >>> g = Glossary()
    >>> text = "“Taichung must act,” the Mainland Affairs Council (MAC) said in Taichung."
    >>> gloss(text, g.annotate(text), g)
    '“Taichung must act,” the Mainland Affairs Council (MAC, 陸委會) said in Taichung (台中).'
    """
    inserts: list[tuple[int, str]] = []
    glossed: set[str] = seen if seen is not None else set()
    alone = _LeftAlone(text, quotations=quotations)
    starts = [span.start for span in spans]
    skip_until = -1  # spans before this offset sit in a bracket after a name
    for i, span in enumerate(spans):
        if span.start < skip_until:
            continue
        if alone(span):
            # Left alone, but a bracket after it is still its own (nothing inside is
            # glossed), and a gloss the text gives it still counts as its first mention:
            # glossing again must change nothing, however the quotation marks pair up.
            where, groups = _own_brackets(text, _gloss_point(text, span) or span.end)
            if groups:
                skip_until = groups[-1][1]
            entry = span.entry
            chinese = has_cjk(span.text)
            if (
                entry is not None
                and entry.id not in glossed
                and _already_glossed(text, where, entry, glossary, chinese=chinese)
            ):
                glossed.add(entry.id)
            continue
        at = _gloss_point(text, span)
        if at is None:
            continue  # inside a compound (Taichung-based): gloss a later mention
        at, groups = _own_brackets(text, at)
        inside: Sequence[Span] = ()
        if groups:
            skip_until = groups[-1][1]
            inside = spans[i + 1 : bisect_left(starts, skip_until)]
        entry = span.entry
        if entry is None or entry.kind is Kind.FOREIGN_PLACE:  # abroad: never glossed
            continue
        chinese = has_cjk(span.text)
        if groups:
            opening, closing = groups[0]
            content = text[opening + 1 : closing]
            same = [entry.id in {e.id for e in s.entries} for s in inside]
            closed = text[closing : closing + 1] == _BRACKETS[text[opening]]
            if (
                not chinese
                and len(groups) == 1
                and closed
                and (any(same) if inside else _initials_of(content.strip(), span.text))
                and all(same)
                and _ACRONYM.fullmatch(content.strip())
            ):
                # Mainland Affairs Council (MAC) -> (MAC, 陸委會); the NDC of National
                # Development Council alike; not the (AFP) of Taichung (AFP)
                if entry.id not in glossed or every:
                    glossed.add(entry.id)
                    note = gloss_chinese(entry, long=long, tai=tai)
                    inserts.append((opening + 1 + len(content.rstrip()), f", {note}"))
            elif any(same) or _already_glossed(text, at, entry, glossary, chinese=chinese):
                glossed.add(entry.id)  # Banqiao (板橋, New Taipei): glossed already
            # else Taipei (AFP), Ko Wen-je (TPP): a later mention gets the gloss
            continue
        if entry.id in glossed and not every:
            continue
        glossed.add(entry.id)
        note = glossary.english(entry) if chinese else gloss_chinese(entry, long=long, tai=tai)
        inserts.append((at, f"（{note}）" if _in_han_text(text, span.start, at) else f" ({note})"))
    out: list[str] = []
    last = 0
    for at, note in inserts:
        out.append(text[last:at])
        out.append(note)
        last = at
    out.append(text[last:])
    return "".join(out)


_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "&"})


def _initials_of(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is made of the initials of ``name``'s words, with or without its
    small words: NDC and MOFA, for National Development Council and Ministry of Foreign
    Affairs; not AFP for Taichung."""
    words = re.findall(r"[^\W\d_]+", name)
    letters = "".join(c for c in acronym if c.isalpha()).casefold()
    every = "".join(w[0] for w in words).casefold()
    big = "".join(w[0] for w in words if w.casefold() not in _SMALL_WORDS).casefold()
    return len(letters) > 1 and letters in (every, big)


def gloss_chinese(entry: Entry, *, long: bool = False, tai: str = "台") -> str:
    """The Chinese that glosses an English name of ``entry``.

    A place's gloss is its name without the generic suffix (or the term base's ``gloss``
    where a curator set one); ``long`` keeps the suffix. Other entries get their ``gloss``
    or their Chinese name. ``tai="台"`` writes 台 for 臺, as Taiwan's English-language
    papers print it.

    >>> from glossary import Glossary
    >>> g = Glossary()
    >>> gloss_chinese(g["taipei-city"]), gloss_chinese(g["taipei-city"], long=True, tai="臺")
    ('台北', '臺北市')
    >>> gloss_chinese(g["taichung-city-xitun"]), gloss_chinese(g["taichung-city-xitun"], long=True)
    ('西屯', '西屯區')
    """
    if entry.kind in PLACE_KINDS:
        note = entry.chinese if long else entry.gloss or strip_generic_zh(entry.chinese)
    else:
        note = entry.short_chinese
    note = note or entry.chinese
    return note.replace("臺", "台") if tai == "台" else note


def _own_brackets(text: str, at: int) -> tuple[int, list[tuple[int, int]]]:
    """Where a name's brackets start, and the brackets (:func:`_brackets_after`): right
    after the name, or after the quote that closes on it (``Taichung” (台中)``)."""
    groups = _brackets_after(text, at)
    if not groups and text[at : at + 1] in CLOSING_QUOTES:
        behind = _brackets_after(text, at + 1)
        if behind:
            return at + 1, behind
    return at, groups


def _brackets_after(text: str, at: int) -> list[tuple[int, int]]:
    """The brackets right after ``at``, one after another: ``(opening, closing)`` offsets of
    each (an unclosed bracket ends at the paragraph: ``closing`` is where it breaks)."""
    groups: list[tuple[int, int]] = []
    while True:
        gap = _BEFORE_BRACKET.match(text, at)
        where = gap.end() if gap else at
        if where >= len(text) or text[where] not in _BRACKETS:
            return groups
        close = _closing_bracket(text, where)
        groups.append((where, close))
        if close >= len(text) or text[close] != _BRACKETS[text[where]]:
            return groups
        at = close + 1


def _closing_bracket(text: str, opening: int) -> int:
    """Where the bracket opened at ``opening`` closes (brackets inside it nest), or where
    its paragraph ends if it never does."""
    open_char = text[opening]
    close_char = _BRACKETS[open_char]
    pattern = re.compile(f"[{re.escape(open_char + close_char)}]|{_PARAGRAPH.pattern}")
    depth = 0
    for found in pattern.finditer(text, opening):
        char = found.group()
        if char == open_char:
            depth += 1
        elif char == close_char:
            depth -= 1
            if depth == 0:
                return found.start()
        else:
            return found.start()
    return len(text)


class _LeftAlone:
    """Where names are left alone: direct quotations (unless ``quotations``) and datelines.

    A quotation runs from its opening mark (“ " 「 『) to its closing one, over line breaks
    but never past its paragraph (an unclosed quotation ends there: a quoted paragraph that
    the next one continues). Single quotes are not read as quotation marks: ’ is also the
    apostrophe of Taiwan's.
    """

    def __init__(self, text: str, *, quotations: bool = False) -> None:
        self.text = text
        regions = [] if quotations else _quotations(text)
        regions += [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
        regions.sort()
        self.starts = [start for start, _ in regions]
        self.regions = regions

    def __call__(self, span: Span) -> bool:
        i = bisect_right(self.starts, span.start) - 1
        for start, end in self.regions[max(i - 1, 0) : i + 1]:
            if start <= span.start and span.end <= end and not self._quoted_name(span, start, end):
                return True
        return False

    def _quoted_name(self, span: Span, start: int, end: int) -> bool:
        """Whether the quotation is the name alone (a nickname in quotes, not a quotation)."""
        text = self.text
        if text[start] not in _QUOTE_MARKS or end - start < 2 or text[end - 1] not in _QUOTE_MARKS:
            return False  # a dateline, or a quotation its paragraph ends
        return text[start + 1 : end - 1].strip(" ,.!?;:，。") == span.text


_QUOTE_MARKS = frozenset('“”"「」『』')
_QUOTE_EVENTS = re.compile(f'[“”"「」『』]|{_PARAGRAPH.pattern}')

#: A dateline at the start of a line: TAIPEI —, KAOHSIUNG, Dec. 1 (CNA) —, NEW TAIPEI CITY --;
#: in Chinese, CNA's （中央社記者王小明台北1日電） and the papers' 〔記者王小明／台北報導〕.
_DATELINE = re.compile(
    r"^[ \t]*(?:"
    r"[A-Z][A-Z.'’ -]*[A-Z.]"  # the place, in capitals
    r"(?:,[^\n—–()]{1,40}?)?"  # , Dec. 1
    r"(?:[ \t]*\([^()\n]{1,30}\))?"  # (CNA)
    r"[ \t]*(?:—|–|--|-(?= ))"
    r"|[(（]中央社[^)）\n]{0,40}[)）]"
    r"|〔[^〕\n]{0,40}報導〕"
    r")",
    re.MULTILINE,
)


def _quotations(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every direct quotation, its marks included."""
    out: list[tuple[int, int]] = []
    opened = -1
    closer = ""
    depth = 0
    for found in _QUOTE_EVENTS.finditer(text):
        char = found.group()
        at = found.start()
        if len(char) != 1 or char == "\u2029":  # a paragraph ends every quotation
            if opened >= 0:
                out.append((opened, at))
                opened = -1
            continue
        if opened < 0:
            if char in '“"「『':
                opened, closer, depth = at, {"“": "”", '"': '"'}.get(char, "」"), 1
            continue
        if closer == "」" and char in "「『":
            depth += 1
        elif closer == "」" and char in "」』":
            depth -= 1
        elif char == closer:
            depth = 0
        if depth == 0:
            out.append((opened, at + 1))
            opened = -1
    if opened >= 0:
        out.append((opened, len(text)))
    return out


#: Full-width punctuation of Chinese text (CJK symbols and punctuation, corner quotes,
#: full-width forms). Curly quotes are English text's too: they decide nothing.
_HAN_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff00-\uffef]")


def _han_side(char: str) -> bool:
    return is_cjk(char) or _HAN_PUNCTUATION.match(char) is not None


def _in_han_text(text: str, start: int, at: int) -> bool:
    """Whether a gloss at ``at``, for the name from ``start``, stands in Chinese text: a Han
    character or Chinese punctuation follows it (or, at a line's end, comes before the
    name, or the name is Han itself). There it is written as Chinese text writes a note,
    in full-width parentheses with no space: ``台中市（Taichung City）西屯區``; in English text
    as English does: ``Situn District (西屯)``.

    >>> _in_han_text("市長Ko Wen-je表示", 2, 11), _in_han_text("Ko Wen-je said", 0, 9)
    (True, False)
    >>> _in_han_text("He saw 西屯區 today", 7, 10), _in_han_text("住在西屯區", 2, 5)
    (False, True)
    """
    if at < len(text) and text[at] not in "\r\n\u2029":
        return _han_side(text[at])
    return (start > 0 and _han_side(text[start - 1])) or is_cjk(text[at - 1 : at] or " ")


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
    keys.add(chinese_key(gloss_chinese(entry)))
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
        "doubts": [d.to_dict() for d in span.doubts],
        "decided_by": span.decided_by,
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
    tai: str | None = None,
    quotations: bool = False,
) -> str:
    """``text`` with every name rewritten to one form; nothing else is touched.

    Args:
        to: ``house`` (the glossary's ``prefer`` choice), ``official``, or a romanization
            system (``wade-giles``, ``tongyong``...) to write every name in.
        tai: How Chinese names write 臺/台: ``臺`` (the official form), ``台``, or None
            (the default) to keep the one the text wrote.
        quotations: Rewrite names inside direct quotations too (a quotation is left as it
            was said by default, as are datelines).

    English names keep their shape: with the generic word they get the whole form
    (Hsi-t'un District → Xitun District), without it the bare name (Situn → Xitun).
    A name written in capitals stays in capitals (a headline's SITUN DISTRICT → XITUN
    DISTRICT); an acronym (MAC, KMT) stays as written. Chinese names are written in
    Traditional characters, in the shape they had: with or without their suffix, a short
    form kept short, 台 kept 台 (西屯区 → 西屯區, 台北 → 台北, 陸委會 → 陸委會); a deprecated
    term becomes the entry's name. An ambiguous name is rewritten only if every candidate
    would be written the same way.

    >>> from glossary import Glossary
    >>> g = Glossary()
    >>> text = 'TAICHUNG — "Situn is home," he said in Situn and 台中市西屯区.'
    >>> normalize(text, g.annotate(text), g)
    'TAICHUNG — "Situn is home," he said in Xitun and 台中市西屯區.'
    """
    out: list[str] = []
    last = 0
    for span, form in rewrites(spans, glossary, to=to, tai=tai, text=text, quotations=quotations):
        out.append(text[last : span.start])
        out.append(form)
        last = span.end
    out.append(text[last:])
    return "".join(out)


def rewrites(
    spans: Sequence[Span],
    glossary: Glossary,
    *,
    to: str = "house",
    tai: str | None = None,
    text: str | None = None,
    quotations: bool = False,
) -> Iterator[tuple[Span, str]]:
    """Each span :func:`normalize` rewrites, with the form it writes (which may be the
    span's own text: a name already in that form is rewritten to itself). Given the
    ``text`` the spans are of, names in quotations (unless ``quotations``) and in
    datelines are left out.

    >>> from glossary import Glossary
    >>> g = Glossary()
    >>> [(s.text, form) for s, form in rewrites(g.annotate("Situn and 西屯区"), g)]
    [('Situn', 'Xitun'), ('西屯区', '西屯區')]
    """
    alone = _LeftAlone(text, quotations=quotations) if text is not None else None
    for span in spans:
        if alone is not None and alone(span):
            continue
        forms = {_normal_form(span, entry, glossary, to, tai) for entry in span.entries}
        if len(forms) == 1:
            yield span, forms.pop()


def _normal_form(span: Span, entry: Entry, glossary: Glossary, to: str, tai: str | None) -> str:
    if has_cjk(span.text):
        return _chinese_form(span, entry, tai)
    if _is_acronym(span, entry):
        return span.text  # MAC stays MAC, not MAINLAND AFFAIRS COUNCIL
    form = _english_form(span, _english_in(entry, glossary, to))
    if span.text.isupper() and sum(c.isalpha() for c in span.text) > 1:
        return form.upper()  # TAIPEI in a headline
    return form


def _is_acronym(span: Span, entry: Entry) -> bool:
    """Whether the span is one of the entry's acronyms (MAC, KMT): a term in capitals."""
    from glossary._text import latin_key

    key = latin_key(span.text)
    return _ACRONYM.fullmatch(span.text) is not None and any(
        _ACRONYM.fullmatch(term.text) and latin_key(term.text) == key for term in entry.en
    )


def _chinese_form(span: Span, entry: Entry, tai: str | None) -> str:
    """The Traditional form of a Chinese name, in the shape the text wrote it."""
    from glossary._script import to_traditional
    from glossary._text import chinese_key

    key = chinese_key(to_traditional(span.text))
    usable = span.status is None or span.status.value in ("preferred", "admitted")
    form = ""
    if usable:  # a term of the entry as the span wrote it (陸委會, 臺北 of 臺北市)
        for term in (t.text for t in entry.zh):
            short = strip_generic_zh(term) or ""
            for candidate in (term, short, entry.gloss):
                if candidate and chinese_key(candidate) == key:
                    form = candidate
                    break
            if form:
                break
    if not form:
        form = entry.chinese
        if len(span.text) < len(form) and chinese_key(form) != key:
            form = entry.short_chinese
    if tai is None:
        return _tai_as_in(form, span.text)
    return form.replace("臺", tai) if tai == "台" else form.replace("台", "臺")


def _tai_as_in(form: str, written: str) -> str:
    """``form`` with 臺 or 台 as ``written`` has it (台北 stays 台北); 臺 where it had neither."""
    if "台" in written and "臺" not in written:
        return form.replace("臺", "台")
    if "臺" in written and "台" not in written:
        return form.replace("台", "臺")
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

#: What each doubt says on the page, in the legend and on the flag after a doubtful name.
DOUBT_LABELS = {
    "typo": ("typo", "a misspelling of a name; the flag gives the house form"),
    "non-house": ("non-house", "a spelling the house style does not use"),
    "deprecated": ("deprecated", "a former or superseded name"),
    "forbidden": ("forbidden", "a term not to be used"),
    "simplified": ("simplified", "written in Simplified characters"),
    "ambiguous": ("ambiguous", "several entries share the name: not glossed"),
    "prominence": ("prominence", "nothing in the text decided: the better-known entry"),
    "foreign": ("foreign", "a place outside Taiwan"),
}

_STYLE = """\
body { font: 16px/1.7 system-ui, "Noto Sans CJK TC", "Noto Sans TC", sans-serif; margin: 0;
  padding: 1em 1.5em; color: #1a1a1a; background: #fff; display: grid; gap: 0 2.5em;
  grid-template-columns: minmax(0, 44em) minmax(14em, 22em); justify-content: center; }
header { grid-column: 1 / -1; border-bottom: 1px solid #ccc; margin-bottom: 1em; }
h1 { font-size: 1.25em; margin: .3em 0; }
h2 { font-size: 1em; margin: .2em 0 .5em; }
.legend { display: flex; flex-wrap: wrap; gap: .3em 1.2em; list-style: none; padding: 0;
  margin: .4em 0 .8em; font-size: .85em; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
mark.name { background: #fff3b0; border: 1px solid #c9a800; border-radius: 3px;
  padding: 0 .12em; margin: 0 .08em; color: inherit; box-decoration-break: clone;
  -webkit-box-decoration-break: clone; }
.note { font-size: .78em; color: #555; margin: 0 .25em 0 .1em; }
.flag { font-size: .7em; font-weight: 600; text-transform: uppercase; letter-spacing: .03em;
  border-radius: 3px; padding: 0 .3em; margin: 0 .2em; color: #fff; background: #666;
  vertical-align: .15em; white-space: nowrap; }
mark.name.typo, .flag.typo { border-color: #d46b00; }
mark.name.typo { background: #ffe2c4; border-style: dashed; }
.flag.typo { background: #b35900; }
mark.name.non-house { background: #dde8fb; border-color: #3b6fd4; }
.flag.non-house { background: #2f5bb7; }
mark.name.deprecated { background: #eee; border-color: #777;
  text-decoration: line-through #c00; }
.flag.deprecated { background: #555; }
mark.name.forbidden { background: #ffd6d6; border-color: #c00; text-decoration: line-through #c00; }
.flag.forbidden { background: #b00; }
mark.name.simplified { background: #dff2e3; border-color: #2e7d32; }
.flag.simplified { background: #2e7d32; }
mark.name.ambiguous { background: #f1e1fb; border-color: #8e44ad; border-style: dotted; }
.flag.ambiguous { background: #7d3c98; }
mark.name.prominence { border-style: dotted; }
.flag.prominence { background: #8a6d00; }
mark.name.foreign { background: #dcf3f6; border-color: #00838f; }
.flag.foreign { background: #00737d; }
aside.names { font-size: .9em; border-left: 1px solid #ddd; padding-left: 1.2em; }
aside.names ol { padding-left: 1.4em; margin: 0; }
aside.names li { margin-bottom: .35em; }
aside.names .kind { color: #666; font-size: .85em; }
@media (max-width: 50em) { body { grid-template-columns: minmax(0, 1fr); }
  aside.names { border-left: 0; border-top: 1px solid #ddd; padding: 1em 0 0; } }
"""


def html_page(text: str, spans: Sequence[Span], glossary: Glossary, *, title: str = "") -> str:
    """A standalone HTML page: the text with each name highlighted, its gloss beside it
    and a flag for each doubt (typo, deprecated, ambiguous...), a legend, and the list of
    the names found. Everything from the input is escaped.

    >>> from glossary import Glossary
    >>> g = Glossary()
    >>> page = html_page("臺中市西屯區", g.annotate("臺中市西屯區"), g)
    >>> page.count('<mark class="name" data-id='), '<html lang="zh-Hant">' in page
    (2, True)
    """
    return (
        html_head(title, lang=page_lang(text))
        + html_body(text, spans, glossary)
        + html_foot(html_names(spans, glossary))
    )


def page_lang(text: str) -> str:
    """The language of a text, for its page's ``lang``: ``en``, or ``zh-Hant`` / ``zh-Hans``
    when Han characters outnumber Latin letters (Simplified when more of them are
    Simplified than not).

    >>> page_lang("Situn District"), page_lang("西屯區的居民"), page_lang("西屯区的居民")
    ('en', 'zh-Hant', 'zh-Hans')
    """
    sample = text[:4000]
    han = [c for c in sample if is_cjk(c)]
    latin = sum(c.isascii() and c.isalpha() for c in sample)
    if len(han) <= latin:
        return "en"
    return _chinese_lang("".join(han))


def _chinese_lang(text: str) -> str:
    """zh-Hans if more of ``text``'s characters change from Simplified to Traditional than
    from Traditional to Simplified (台 and other shared forms count for neither)."""
    from glossary._script import to_simplified, to_traditional

    traditional = to_traditional(text)
    simplified = to_simplified(text)
    as_simplified = sum(a != b for a, b in zip(text, traditional, strict=False))
    as_traditional = sum(a != b for a, b in zip(text, simplified, strict=False))
    return "zh-Hans" if as_simplified > as_traditional else "zh-Hant"


def html_head(title: str = "", *, lang: str = "en") -> str:
    """The start of :func:`html_page`, up to where the text begins (for streaming)."""
    from html import escape

    heading = escape(title or "glossary annotate")
    legend = "".join(
        f'<li><span class="flag {kind}">{escape(label)}</span> {escape(meaning)}</li>'
        for kind, (label, meaning) in DOUBT_LABELS.items()
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n<style>\n{_STYLE}</style>\n</head>\n<body>\n"
        f'<header lang="en"><h1>{heading}</h1>\n'
        '<ul class="legend"><li><mark class="name">name</mark>'
        '<span class="note">gloss</span> a name found, with its gloss</li>'
        f"{legend}</ul></header>\n"
        '<main class="text">'
    )


def html_foot(names: Sequence[str] = ()) -> str:
    """The end of :func:`html_page`, after the text: the list of the names found (each an
    item of :func:`html_names`, each entry once, in order of first mention)."""
    items = "\n".join(names)
    listed = f"<ol>\n{items}\n</ol>" if names else "<p>No names found.</p>"
    return (
        f'</main>\n<aside class="names" lang="en">\n<h2>Names found ({len(names)})</h2>\n'
        f"{listed}\n</aside>\n</body>\n</html>\n"
    )


#: The end of a page without its list of names (kept for callers of the old API).
HTML_FOOT = html_foot()


def html_names(spans: Sequence[Span], glossary: Glossary) -> list[str]:
    """One list item for each entry the spans name, in order of first mention (an
    ambiguous span is one item listing its candidates)."""
    return list(_html_names(spans, glossary).values())


def _html_names(spans: Sequence[Span], glossary: Glossary) -> dict[str, str]:
    """:func:`html_names` keyed by entry id (or ids, for an ambiguous span), so that the
    names of several pieces merge."""
    from html import escape

    out: dict[str, str] = {}
    for span in spans:
        key = " ".join(e.id for e in span.entries)
        if key in out:
            continue
        if span.ambiguous:
            choices = "; ".join(_describe(e, glossary) for e in span.entries)
            out[key] = (
                f'<li><span lang="{_lang_of(span.text)}">{escape(span.text)}</span> '
                f'<span class="flag ambiguous">ambiguous</span> '
                f'<span class="kind">{escape(choices)}</span></li>'
            )
            continue
        entry = span.entries[0]
        parent = glossary.parent_of(entry)
        where = f" in {glossary.english(parent)}" if parent is not None else ""
        out[key] = (
            f'<li data-id="{escape(entry.id)}">{escape(glossary.english(entry))} '
            f'<span lang="zh-Hant">{escape(entry.chinese)}</span> '
            f'<span class="kind">{escape(entry.kind.value.replace("-", " ") + where)}</span></li>'
        )
    return out


def html_body(text: str, spans: Sequence[Span], glossary: Glossary) -> str:
    """``text`` (or one piece of it) escaped, with its names marked up for :func:`html_page`:
    each a ``<mark>`` with its language, classes for its doubts, its gloss and a visible
    flag for each doubt after it."""
    from html import escape

    parts: list[str] = []
    last = 0
    for span in spans:
        parts.append(escape(text[last : span.start]))
        doubts = _doubts(span)
        classes = " ".join(["name", *(kind for kind, _ in doubts)])
        if span.ambiguous:
            tip = "ambiguous: " + "; ".join(_describe(e, glossary) for e in span.entries)
            note = ""
        else:
            entry = span.entries[0]
            tip = _describe(entry, glossary)
            if has_cjk(span.text):
                note = f'<span class="note" lang="en">{escape(glossary.english(entry))}</span>'
            else:
                chinese = gloss_chinese(entry)
                note = f'<span class="note" lang="zh-Hant">{escape(chinese)}</span>'
        flags = "".join(
            f'<span class="flag {kind}" lang="en">{escape(text_)}</span>' for kind, text_ in doubts
        )
        ident = " ".join(e.id for e in span.entries)
        parts.append(
            f'<mark class="{classes}" data-id="{escape(ident)}" lang="{_lang_of(span.text)}" '
            f'title="{escape(tip)}">{escape(span.text)}</mark>{note}{flags}'
        )
        last = span.end
    parts.append(escape(text[last:]))
    return "".join(parts)


def _lang_of(name: str) -> str:
    return _chinese_lang(name) if has_cjk(name) else "en"


def _describe(entry: Entry, glossary: Glossary) -> str:
    parent = glossary.parent_of(entry)
    where = f", {entry.kind.value.replace('-', ' ')}"
    if parent is not None:
        where += f" in {glossary.english(parent)}"
    return f"{glossary.english(entry)} · {entry.chinese}{where}"


def _doubts(span: Span) -> list[tuple[str, str]]:
    """``(kind, flag text)`` of each doubt of the span: ``Span.doubts`` where the matcher
    gives them (typo → its suggestion...), and the span's ambiguity and its term's status."""
    out: dict[str, str] = {}
    for doubt in getattr(span, "doubts", ()):  # Span.doubts, where the model has them
        kind = str(getattr(doubt.kind, "value", doubt.kind))
        suggestion = getattr(doubt, "suggestion", None)
        label = DOUBT_LABELS.get(kind, (kind, ""))[0]
        out.setdefault(kind, f"{label} → {suggestion}" if suggestion else label)
    if span.ambiguous:
        out.setdefault("ambiguous", "ambiguous")
    if span.status is not None and span.status.value in ("deprecated", "forbidden"):
        out.setdefault(span.status.value, span.status.value)
    return list(out.items())
