"""The annotation corpora of tests/fixtures/corpus: what the annotator should find in
news-style text, and what it must leave alone.

``recall/*.txt`` are Taiwan news-style stories, written for this project, with every name
a copy desk would want glossed marked ``[[as written|entry-id]]``. A name the built-in
term base did not hold when the story was written is marked with its kind instead,
``[[Suhua Highway|?landmark]]`` (found by a span of exactly that text naming an entry of
that kind, should one be added);
one that either of two entries fits lists both, ``[[Taipei Main Station|a/b]]``.
``false_positive/*.txt`` are stories about places and people outside Taiwan, and English
prose full of everyday words and given names: nothing in them is a Taiwan name.

:func:`score` compares what ``Glossary.annotate`` names (a span of one entry, not a
foreign place) with the marks: precision and recall by kind (place, person, agency,
party, landmark, other), used by tests/test_corpus.py and benchmarks/precision.py.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from glossary import Glossary, Kind, Span
from glossary._model import DIVISIONS

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
RECALL = CORPUS / "recall"
FALSE_POSITIVE = CORPUS / "false_positive"

_MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")

#: The classes a result is reported by.
CLASSES = ("place", "person", "agency", "party", "landmark", "other")

_PLACES = DIVISIONS | {Kind.ROAD, Kind.ISLAND, Kind.MOUNTAIN, Kind.RIVER, Kind.LAKE}
_LANDMARKS = {
    Kind.PARK,
    Kind.TEMPLE,
    Kind.AIRPORT,
    Kind.PORT,
    Kind.STATION,
    Kind.SCHOOL,
    Kind.HOSPITAL,
    Kind.LANDMARK,
}


def class_of(kind: Kind) -> str:
    """The reporting class of an entry kind."""
    if kind in _PLACES:
        return "place"
    if kind in _LANDMARKS:
        return "landmark"
    if kind is Kind.PERSON:
        return "person"
    if kind is Kind.AGENCY:
        return "agency"
    if kind is Kind.PARTY:
        return "party"
    return "other"


@dataclass(frozen=True)
class Gold:
    """One marked name: where it is in the plain text, and which entries it may be."""

    start: int
    end: int
    text: str
    ids: tuple[str, ...]  # empty when the term base has no entry for it
    cls: str | None = None  # the class given for a name without an entry


def parse(marked: str) -> tuple[str, list[Gold]]:
    """The plain text of a marked story and its marks."""
    out: list[str] = []
    gold: list[Gold] = []
    at = 0  # offset in the plain text
    last = 0
    for m in _MARK.finditer(marked):
        out.append(marked[last : m.start()])
        at += m.start() - last
        surface, target = m.group(1), m.group(2)
        if target.startswith("?"):
            gold.append(Gold(at, at + len(surface), surface, (), target[1:]))
        else:
            gold.append(Gold(at, at + len(surface), surface, tuple(target.split("/"))))
        out.append(surface)
        at += len(surface)
        last = m.end()
    out.append(marked[last:])
    return "".join(out), gold


def named(spans: Iterable[Span]) -> list[Span]:
    """The spans that name one Taiwan entry: what a gloss would be written for."""
    return [s for s in spans if s.entry is not None and s.entry.kind is not Kind.FOREIGN_PLACE]


@dataclass
class Score:
    """Counts by class: true positives, false positives, and the gold names (all, and those
    the term base holds)."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    gold_known: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    found_known: Counter[str] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)  # "file: text -> id" of each false positive
    missed: list[str] = field(default_factory=list)  # "file: text (id)" of each known name missed

    def precision(self, cls: str | None = None) -> float | None:
        tp = self.tp[cls] if cls else sum(self.tp.values())
        fp = self.fp[cls] if cls else sum(self.fp.values())
        return tp / (tp + fp) if tp + fp else None

    def recall(self, cls: str | None = None, *, known: bool = False) -> float | None:
        found_counts = self.found_known if known else self.found
        found = found_counts[cls] if cls else sum(found_counts.values())
        counts = self.gold_known if known else self.gold
        total = counts[cls] if cls else sum(counts.values())
        return found / total if total else None


def score(glossary: Glossary, files: Iterable[Path]) -> Score:
    """Annotate each marked story and count against its marks."""
    result = Score()
    for path in files:
        text, gold = parse(path.read_text(encoding="utf-8"))
        spans = named(glossary.annotate(text))
        matched_spans: set[int] = set()
        for g in gold:
            if g.ids:
                entry = glossary.get(g.ids[0])
                if entry is None:
                    raise ValueError(f"{path.name}: no entry {g.ids[0]!r} for {g.text!r}")
                cls = class_of(entry.kind)
                result.gold_known[cls] += 1
            else:
                cls = g.cls or "other"
            result.gold[cls] += 1
            hit = False
            for i, s in enumerate(spans):
                if s.start < g.end and g.start < s.end:
                    assert s.entry is not None
                    # A name marked by its kind alone (no entry when it was written) is
                    # found by an entry of that kind, should the term base gain one.
                    if s.entry.id in g.ids or (
                        not g.ids and class_of(s.entry.kind) == cls and s.text == g.text
                    ):
                        matched_spans.add(i)
                        hit = True
            if hit:
                result.found[cls] += 1
                if g.ids:
                    result.found_known[cls] += 1
            elif g.ids:
                result.missed.append(f"{path.name}: {g.text} ({g.ids[0]})")
        for i, s in enumerate(spans):
            assert s.entry is not None
            cls = class_of(s.entry.kind)
            if i in matched_spans:
                result.tp[cls] += 1
            else:
                result.fp[cls] += 1
                result.wrong.append(f"{path.name}: {s.text} -> {s.entry.id}")
    return result


def table(result: Score) -> str:
    """A Markdown table of precision and recall by class."""

    def pct(x: float | None) -> str:
        return "-" if x is None else f"{100 * x:.0f}%"

    rows = [
        "| kind | names | in the term base | precision | recall "
        "| recall of names in the term base |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for cls in (*CLASSES, None):
        if cls and not (result.gold[cls] or result.tp[cls] or result.fp[cls]):
            continue
        gold = result.gold[cls] if cls else sum(result.gold.values())
        known = result.gold_known[cls] if cls else sum(result.gold_known.values())
        rows.append(
            f"| {cls or '**all**'} | {gold} | {known} | {pct(result.precision(cls))} | "
            f"{pct(result.recall(cls))} | {pct(result.recall(cls, known=True))} |"
        )
    return "\n".join(rows)
