"""Benchmarks for annotate: scanning text for names, against what a user would pick instead.

Run through benchmarks/run.py, or alone: python benchmarks/annotate.py [MB]. The term base is
the built-in one plus the 28,893 road names of ../shared/data. The English text is made of
filler sentences with a name planted every 40 words or so: half the plants are English terms
as the term base writes them (Sec. 1, Bade Rd.; Xitun District), half other spellings of the
same entries (Wade-Giles readings: Hsi-t'un District; lower-case or hyphenated forms). Every
tool is asked to find the same exact English terms, whole words, case-insensitive; glossary
also finds the other spellings, which the others cannot (their recall shows it).
"""

from __future__ import annotations

import random
import re
import resource
import sys
import tempfile
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.roads import write_termbase
from glossary import Glossary, Kind
from glossary.romanize import readings, render

FILLER = (
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "this",
    "are",
    "or",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "were",
    "her",
    "said",
    "city",
    "officials",
    "residents",
    "new",
    "road",
    "year",
    "government",
    "plan",
    "project",
    "would",
    "will",
    "council",
    "minister",
    "report",
    "police",
    "local",
    "people",
    "traffic",
)


def make_text(
    glossary: Glossary, megabytes: float, seed: int = 7
) -> tuple[str, list[tuple[int, int, str]]]:
    """A text of about ``megabytes`` MB and the (start, end, entry id) of every planted name."""
    rng = random.Random(seed)
    entries = [e for e in glossary if e.kind is not Kind.PERSON]
    out: list[str] = []
    planted: list[tuple[int, int, str]] = []
    size = 0
    while size < megabytes * 1_000_000:
        words = [rng.choice(FILLER) for _ in range(rng.randint(30, 50))]
        sentence = " ".join(words).capitalize() + " in "
        entry = rng.choice(entries)
        name = entry.english if rng.random() < 0.5 else _other_spelling(entry, rng)
        start = size + len(sentence)
        planted.append((start, start + len(name), entry.id))
        piece = f"{sentence}{name}. "
        out.append(piece)
        size += len(piece)
    return "".join(out), planted


def _other_spelling(entry: object, rng: random.Random) -> str:
    from glossary._index import strip_generic_en, strip_generic_zh

    assert hasattr(entry, "english")
    assert hasattr(entry, "chinese")
    english: str = entry.english  # type: ignore[attr-defined]
    chinese: str = entry.chinese  # type: ignore[attr-defined]
    bare = strip_generic_en(english)
    bare_zh = strip_generic_zh(chinese)
    if bare is None or bare_zh is None or not all("\u4e00" <= c <= "\u9fff" for c in bare_zh):
        return english.lower() if rng.random() < 0.5 else english.replace(" ", "-")
    reading = readings(bare_zh)[0]
    spelled = render(reading, rng.choice(["wade-giles", "tongyong", "mps2"]))
    return f"{spelled}{english[len(bare) :]}"


#: The `re` alternation of 27k terms scans at about 10 kB/s: it gets a sample.
SAMPLE = 100_000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(megabytes: float = 10.0) -> list[str]:
    """The annotate table, as Markdown lines."""
    import ahocorasick
    import ahocorasick_rs
    from flashtext import KeywordProcessor

    with tempfile.TemporaryDirectory() as tmp:
        roads = Path(tmp) / "roads.yaml"
        write_termbase(roads)
        glossary = Glossary([roads], cache_dir=tmp)
        len(glossary)
        text, planted = make_text(glossary, megabytes)
        mb = len(text.encode("utf-8")) / 1e6
        terms = sorted({t.text for e in glossary for t in e.en})
        wanted = {(s, e) for s, e, _ in planted}

        rows: list[tuple[str, float, float, set[tuple[int, int]]]] = []

        build = timeit.default_timer()
        glossary.annotate("warm up")
        build = timeit.default_timer() - build
        start = timeit.default_timer()
        spans = glossary.annotate(text)
        first = timeit.default_timer() - start
        found_spans = {(s.start, s.end) for s in spans}
        rows.append(("glossary `annotate`, first text", build, first, found_spans))
        scan = min(timeit.repeat(lambda: glossary.annotate(text), number=1, repeat=3))
        rows.append(("glossary `annotate`, later texts", 0.0, scan, found_spans))

        build = timeit.default_timer()
        keywords = KeywordProcessor(case_sensitive=False)
        for term in terms:
            keywords.add_keyword(term)
        build = timeit.default_timer() - build
        start = timeit.default_timer()
        found = keywords.extract_keywords(text, span_info=True)
        scan = timeit.default_timer() - start
        rows.append(("flashtext `KeywordProcessor`", build, scan, {(s, e) for _, s, e in found}))

        lowered_terms = [t.lower() for t in terms]
        build = timeit.default_timer()
        automaton = ahocorasick_rs.AhoCorasick(
            lowered_terms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )
        build = timeit.default_timer() - build
        start = timeit.default_timer()
        lowered = text.lower()
        hits = {
            (s, e)
            for _, s, e in automaton.find_matches_as_indexes(lowered)
            if (s == 0 or not lowered[s - 1].isalnum())
            and (e == len(lowered) or not lowered[e].isalnum())
        }
        scan = timeit.default_timer() - start
        rows.append(("ahocorasick_rs + whole-word filter", build, scan, hits))

        build = timeit.default_timer()
        pyac = ahocorasick.Automaton()
        for term in lowered_terms:
            pyac.add_word(term, len(term))
        pyac.make_automaton()
        build = timeit.default_timer() - build
        start = timeit.default_timer()
        lowered = text.lower()
        hits = set()
        for end, length in pyac.iter_long(lowered):
            s, e = end - length + 1, end + 1
            if (s == 0 or not lowered[s - 1].isalnum()) and (
                e == len(lowered) or not lowered[e].isalnum()
            ):
                hits.add((s, e))
        scan = timeit.default_timer() - start
        rows.append(("pyahocorasick `iter_long` + whole-word filter", build, scan, hits))

        build = timeit.default_timer()
        alternation = re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
            + r")(?!\w)",
            re.IGNORECASE,
        )
        build = timeit.default_timer() - build
        sample = text[:SAMPLE]
        start = timeit.default_timer()
        hits = {m.span() for m in alternation.finditer(sample)}
        scan = (timeit.default_timer() - start) * len(text) / len(sample)
        name = f"one `re` alternation (first {SAMPLE // 1000} kB, time scaled)"
        rows.append((name, build, scan, hits))
        in_sample = {(s, e) for s, e in wanted if e <= SAMPLE}

    lines = [
        f"{mb:.1f} MB of English with {len(planted):,} planted names (half as the term base "
        f"writes them, half in another spelling); {len(terms):,} English terms "
        f"({len(glossary):,} entries: built-in and road names). Peak RSS of the run "
        f"{_peak_mb():.0f} MB.",
        "",
        "| tool | build | scan | MB/s | recall | precision |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, built, scanned, hits in rows:
        truth = in_sample if name.startswith("one `re`") else wanted
        recall = len(hits & truth) / len(truth)
        precision = len(hits & truth) / len(hits) if hits else 0.0
        lines.append(
            f"| {name} | {built:.2f} s | {scanned:.2f} s | {mb / scanned:.1f} | "
            f"{recall:.3f} | {precision:.3f} |"
        )
    return lines


if __name__ == "__main__":
    print("\n".join(report(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)))
