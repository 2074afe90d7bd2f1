"""Auditing a term base: the checks of the validator, plus what a curator must get right.

:func:`audit` reads and validates the files as :func:`glossary.validate` does, then checks
every entry that survives layering:

- **system**: an English term that claims a romanization system (hanyu, tongyong,
  wade-giles, mps2, gwoyeu, yale) spells one of the readings of its Chinese in that
  system, the generic word aside (Banciao District: 板橋區 in Tongyong), a road's direction
  and ordinal aside (Zhongshan North Road: 中山北路), people in the person style (Liu
  Shih-fang). Other systems (translation, legacy, personal, hokkien, hakka, indigenous)
  are the curator's word and are not checked. A term with no system is a warning unless
  some romanization system spells it or it is an abbreviation in capitals (MAC).
- **homonyms**: one English term on two entries is an error unless their kinds or
  parents tell them apart (the validator warns; the audit refuses).
- **source**: every entry has one (the validator requires it); one without an address
  (``http...``) is a warning.
- **dates**: real dates, ``since`` not after ``until`` (the validator's checks, errors).
- **script**: no Simplified character in a Traditional field (zh terms, gloss, a role's
  zh): a character outside Big5 that OpenCC writes otherwise in Traditional (区), but for
  the few that Taiwan writes in names all the same (:data:`TRADITIONAL_TOO`: 陳冲).
- **abbreviations**: a term matched only as written (MAC) whose lower case is an everyday
  English word (mac) is a warning: it is right only while it stays case-sensitive.

Findings are :class:`~glossary.Issue` objects (``path:line: field: message``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from glossary._data import data_text
from glossary._errors import Issue, RomanizationError, Severity
from glossary._model import Entry, Kind, System, Term, is_acronym
from glossary._sources import discover, pack_path, read_layers
from glossary._termbase import Located, Report, check_files, layer_entries
from glossary._text import latin_key
from glossary._vocab import GENERIC_ZH, strip_generic_en, strip_generic_zh

if TYPE_CHECKING:
    from glossary.romanize import Reading

#: The systems the romanization engine can check.
CHECKED_SYSTEMS = (
    System.HANYU,
    System.TONGYONG,
    System.WADE_GILES,
    System.MPS2,
    System.GWOYEU,
    System.YALE,
)

#: A road's generic words, as the post office abbreviates them and spelled out, with the
#: Chinese each stands for.
ROAD_GENERICS = {
    "Road": ("路",),
    "Rd.": ("路",),
    "Street": ("街",),
    "St.": ("街",),
    "Boulevard": ("大道",),
    "Blvd.": ("大道",),
    "Highway": ("公路",),
}
#: Other generic words, with the Chinese suffixes they translate (Gushan Station: 鼓山站).
PLACE_GENERICS = {
    "Station": ("車站", "站"),
    "Temple": ("寺", "宮", "廟", "殿", "堂"),
    "Lake": ("湖", "潭", "池"),
    "River": ("溪", "河", "川"),
    "Mountain": ("山",),
    "Island": ("島", "嶼"),
    "Islands": ("群島", "列嶼", "列島"),
    "Port": ("港",),
    "Harbor": ("港",),
    "Airport": ("機場",),
    "Bridge": ("橋",),
    "Park": ("公園",),
    "Night Market": ("夜市",),
    "Old Street": ("老街",),
    # the foreign layer's (terms/foreign.yaml)
    "Autonomous Region": ("自治區",),
    "Autonomous Prefecture": ("自治州",),
    "Autonomous County": ("自治縣",),
    "Autonomous Banner": ("自治旗",),
    "Forestry District": ("林區",),
    "Special District": ("特區",),
    "New Area": ("新區",),
    "New District": ("新區",),
    "Province": ("省",),
    "Municipality": ("市",),
    "Prefecture": ("地區",),
    "League": ("盟",),
    "Banner": ("旗",),
}
#: Directions in a road's name (中山北路: Zhongshan N. Rd., Zhongshan North Road).
DIRECTIONS = {
    "North": "北",
    "N.": "北",
    "South": "南",
    "S.": "南",
    "East": "東",
    "E.": "東",
    "West": "西",
    "W.": "西",
}
_ORDINAL_EN = re.compile(r"\d+(?:st|nd|rd|th)")
_ORDINAL_ZH = re.compile(r"(?P<name>.+?)[一二三四五六七八九十]+")


def name_parts(english: str, chinese: str) -> list[tuple[str, str]]:
    """The ways to pair the transliterated part of an English name with its Chinese: the
    whole, the generic word aside, a road's generic word, direction and ordinal aside.

    >>> name_parts("Situn District", "西屯區")
    [('Situn District', '西屯區'), ('Situn', '西屯')]
    >>> name_parts("Gushan Station", "鼓山站")
    [('Gushan Station', '鼓山站'), ('Gushan', '鼓山')]
    >>> name_parts("Zhongshan North Road", "中山北路")[-1]
    ('Zhongshan', '中山')
    >>> name_parts("Guangming 6th Rd.", "光明六路")[-1]
    ('Guangming', '光明')
    >>> name_parts("Guangdong Province", "廣東省")[-1]
    ('Guangdong', '廣東')
    """
    pairs = [(english, chinese)]
    for word, suffixes in PLACE_GENERICS.items():
        if english.endswith(" " + word):
            suffix = next((s for s in suffixes if chinese.endswith(s) and chinese != s), "")
            if suffix:
                pairs.append((english[: -len(word) - 1], chinese[: -len(suffix)]))
    bare_en, bare_zh = strip_generic_en(english), strip_generic_zh(chinese)
    if bare_en:
        if not bare_zh:  # 甲市 keeps its suffix as strip_generic_zh does; here it goes
            suffix = next((g for g in GENERIC_ZH if chinese.endswith(g) and chinese != g), "")
            bare_zh = chinese[: len(chinese) - len(suffix)]
        pairs.append((bare_en, bare_zh))  # 釣魚臺: Diaoyutai Islands
    words = english.split()
    if len(words) > 1 and words[-1] in ROAD_GENERICS:
        stem = chinese
        for suffix in ROAD_GENERICS[words[-1]]:
            if stem.endswith(suffix):
                stem = stem[: -len(suffix)]
                words = words[:-1]
                break
        else:
            return pairs
        if len(words) > 1 and words[-1] in DIRECTIONS and stem.endswith(DIRECTIONS[words[-1]]):
            words, stem = words[:-1], stem[:-1]
        ordinal = _ORDINAL_ZH.fullmatch(stem)
        if len(words) > 1 and _ORDINAL_EN.fullmatch(words[-1]) and ordinal:
            words, stem = words[:-1], ordinal["name"]
        if words and stem:
            pairs.append((" ".join(words), stem))
    return pairs


def spelling_systems(english: str, chinese: Iterable[str], *, person: bool = False) -> set[str]:
    """The romanization systems in which ``english`` spells one of the readings of one of
    the Chinese terms (see :func:`name_parts`).

    >>> sorted(spelling_systems("Banciao District", ["板橋區"]))
    ['tongyong']
    >>> sorted(spelling_systems("Liu Shih-fang", ["劉世芳"], person=True))
    ['wade-giles']
    >>> spelling_systems("Roosevelt Road", ["羅斯福路"])
    set()
    """
    from glossary.romanize import readings, render

    found: set[str] = set()
    style: Literal["person", "place"] = "person" if person else "place"
    for text in chinese:
        for en, zh in name_parts(english, text):
            key = latin_key(en)
            try:
                options = readings(zh, person=person)
                if zh != text and text.startswith(zh):
                    # a stem is also read inside its whole name: 天長市 reads tian chang
                    # shi, though 天長 alone reads tian zhang
                    options = [*options, *(_prefix(r, len(zh)) for r in readings(text))]
            except RomanizationError:
                continue
            for reading in options:
                for system in CHECKED_SYSTEMS:
                    if latin_key(render(reading, system.value, style=style)) == key:
                        found.add(system.value)
    return found


def _prefix(reading: Reading, size: int) -> Reading:
    """The reading of the first ``size`` characters of a reading's text."""
    return type(reading)(reading.syllables[:size], reading.tones[:size], reading.surname)


#: Characters outside Big5 that Taiwan writes in names all the same: 陳冲 (Sean Chen).
TRADITIONAL_TOO = frozenset("冲")


def simplified_characters(text: str) -> str:
    """The characters of ``text`` that are Simplified, not Traditional: outside Big5 and
    written otherwise by OpenCC's Simplified-to-Traditional conversion.

    >>> simplified_characters("西屯区"), simplified_characters("臺北市里民")
    ('区', '')
    >>> simplified_characters("范姜")  # a Traditional surname, though OpenCC writes 範
    ''
    """
    from glossary._script import to_traditional

    out = []
    for char in text:
        if char.isascii() or char.isdecimal() or char in TRADITIONAL_TOO:
            continue
        try:
            char.encode("cp950")
        except UnicodeEncodeError:
            if to_traditional(char) != char:
                out.append(char)
    return "".join(out)


@cache
def english_words() -> frozenset[str]:
    """Everyday English words of two to six letters (glossary/data/english_words.txt)."""
    text = data_text("english_words.txt")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def audit(
    paths: Iterable[str | Path] = (),
    *,
    builtin: bool = True,
    packs: Iterable[str] = (),
    only: Iterable[str | Path] | None = None,
) -> Report:
    """Audit a term base: the built-in one (unless ``builtin=False``) with ``packs``, plus
    ``paths``. Returns every finding (errors and warnings); never raises for bad data.

    With ``only`` (files, or folders of them, among ``paths``), the findings, files and
    entries reported are those of these files alone: the other layers are still read
    beneath them (a parent, an English term two entries share), but not reported on."""
    files, read_issues = read_layers(discover(paths, builtin=builtin, packs=packs))
    located, issues = check_files(files)
    final, cross = layer_entries(located)
    found = [*read_issues, *issues]
    for issue in cross:
        if issue.severity is Severity.WARNING and "also names" in issue.message:
            # one English term on two entries that nothing tells apart: refused here
            issue = Issue(issue.path, issue.line, issue.col, issue.field, issue.message)
        found.append(issue)
    chosen = None if only is None else {str(p) for ps in discover(only, builtin=False) for p in ps}
    for item in final.values():
        if chosen is None or item.path in chosen:
            found.extend(_audit_entry(item))
    found.sort(key=lambda i: (i.path, i.line, i.field))
    if chosen is None:
        return Report(issues=found, entries=len(final), files=len(files))
    return Report(
        issues=[i for i in found if i.path in chosen],
        entries=sum(1 for item in final.values() if item.path in chosen),
        files=len(chosen),
    )


def _audit_entry(item: Located) -> Iterator[Issue]:
    entry = item.entry
    chinese = [t.text for t in entry.zh] + ([entry.gloss] if entry.gloss else [])

    def issue(line: int, field: str, message: str, error: bool = True) -> Issue:
        severity = Severity.ERROR if error else Severity.WARNING
        return Issue(item.path, line or item.line, 0, field, message, severity)

    for i, term in enumerate(entry.en):
        line = item.en_lines[i] if i < len(item.en_lines) else item.line
        for suffix, message, error in _english_findings(entry, term, chinese):
            yield issue(line, f"en[{i}]{suffix}", message, error)
    if "http" not in entry.source:
        yield issue(0, "source", "names no address (URL) that says the facts", False)
    fields = [(f"zh[{i}]", t.text) for i, t in enumerate(entry.zh)]
    fields += [("gloss", entry.gloss)] if entry.gloss else []
    fields += [(f"roles[{i}].zh", r.zh) for i, r in enumerate(entry.roles) if r.zh]
    for field, text in fields:
        bad = simplified_characters(text)
        if bad:
            yield issue(0, field, f"Simplified characters in a Traditional field: {bad}")


def _english_findings(
    entry: Entry, term: Term, chinese: list[str]
) -> Iterator[tuple[str, str, bool]]:
    """(field suffix, message, is an error) for one English term."""
    person = entry.kind is Kind.PERSON
    if term.system in CHECKED_SYSTEMS:
        systems = spelling_systems(term.text, chinese, person=person)
        if term.system.value not in systems:
            also = f" (it is {', '.join(sorted(systems))})" if systems else ""
            yield (
                ".system",
                f"{term.text!r} is not the {term.system.value} spelling of "
                f"{' or '.join(chinese)}{also}; fix the spelling or the system",
                True,
            )
    elif (
        term.system is None
        and not is_acronym(term.text)  # an abbreviation of the English (MAC)
        and not spelling_systems(term.text, chinese, person=person)
    ):
        yield (
            ".system",
            f"{term.text!r} follows no romanization of {chinese[0]}: say which system it "
            "is (translation, legacy, personal, hokkien, hakka, indigenous)",
            False,
        )
    if term.case_sensitive and term.text.lower() in english_words():
        yield (
            "",
            f"{term.text!r} matches only as written: {term.text.lower()!r} is also an "
            "English word, so keep it case-sensitive",
            False,
        )


def stats(
    paths: Iterable[str | Path] = (), *, builtin: bool = True, packs: Iterable[str] = ()
) -> tuple[dict[str, object], Report]:
    """Counts of the entries of a term base after layering: by kind, by file, by layer
    (``builtin``, ``pack roads``, or the path given), and the total; with the
    validation report of the files (counts cover the entries that loaded).

    >>> counts, report = stats()
    >>> counts["total"] == sum(counts["layers"].values()) == sum(counts["kinds"].values())
    True
    """
    from glossary._builtin import builtin_dir

    chosen = list(dict.fromkeys(packs))
    layers = discover(paths, builtin=builtin, packs=chosen)
    files, read_issues = read_layers(layers)
    located, issues = check_files(files)
    final, cross = layer_entries(located)
    root = builtin_dir()
    pack_files = {str(pack_path(name)): name for name in chosen}
    layer_names: list[str] = []
    if builtin or chosen:
        layer_names.append("builtin")
    layer_names += [str(p) for p in paths]
    kinds: dict[str, int] = {}
    by_file: dict[str, int] = {}
    by_layer: dict[str, int] = {}
    for item in final.values():
        kinds[item.entry.kind.value] = kinds.get(item.entry.kind.value, 0) + 1
        path = Path(item.path)
        shown = str(path.relative_to(root)) if path.is_relative_to(root) else item.path
        by_file[shown] = by_file.get(shown, 0) + 1
        if item.path in pack_files:
            layer = f"pack {pack_files[item.path]}"
        else:
            layer = layer_names[item.layer] if item.layer < len(layer_names) else str(item.layer)
        by_layer[layer] = by_layer.get(layer, 0) + 1
    counts: dict[str, object] = {
        "total": len(final),
        "kinds": dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
        "files": dict(sorted(by_file.items())),
        "layers": by_layer,
    }
    report = Report(issues=[*read_issues, *issues, *cross], entries=len(final), files=len(files))
    return counts, report
