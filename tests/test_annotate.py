"""Annotating text: golden cases, offsets, idempotence, and a slow reference scan."""

from __future__ import annotations

import itertools
import json
import re
import string
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import Glossary, Kind, QueryError
from glossary._index import Index, KeyRow
from glossary._match.fold import fold
from glossary._match.fold import fold_slowly as _fold_slowly
from glossary._script import to_simplified
from glossary._text import chinese_key, has_cjk, latin_key
from glossary.render import gloss, html_page, normalize, span_dicts

from .conftest import FIXTURES, script_or_skip

CASES = sorted(p.name[: -len(".in.txt")] for p in (FIXTURES / "annotate").glob("*.in.txt"))


def _case(name: str, suffix: str) -> str:
    return (FIXTURES / "annotate" / f"{name}{suffix}").read_text(encoding="utf-8")


def test_there_are_thirty_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("name", CASES)
def test_golden_gloss(glossary: Glossary, name: str) -> None:
    text = _case(name, ".in.txt")
    assert gloss(text, glossary.annotate(text), glossary) == _case(name, ".gloss.txt")


@pytest.mark.parametrize("name", CASES)
def test_golden_json(glossary: Glossary, name: str) -> None:
    text = _case(name, ".in.txt")
    spans = list(span_dicts(glossary.annotate(text), glossary))
    assert spans == json.loads(_case(name, ".json"))


#: (case, system): NAME.normalize.txt is what `glossary normalize` prints with no options,
#: NAME.normalize.SYSTEM.txt what `glossary normalize --to SYSTEM` prints.
NORMALIZED = sorted(
    (p.name.split(".")[0], p.name.split(".")[2] if p.name.count(".") == 3 else "house")
    for p in (FIXTURES / "annotate").glob("*.normalize*.txt")
)


@pytest.mark.parametrize(("name", "to"), NORMALIZED, ids=[f"{n}-{t}" for n, t in NORMALIZED])
def test_golden_normalize(glossary: Glossary, name: str, to: str) -> None:
    """normalize gives the case's .normalize.txt, and normalizing that changes nothing."""
    text = _case(name, ".in.txt")
    once = normalize(text, glossary.annotate(text), glossary, to=to)
    suffix = ".normalize.txt" if to == "house" else f".normalize.{to}.txt"
    assert once == _case(name, suffix)
    assert normalize(once, glossary.annotate(once), glossary, to=to) == once


@pytest.mark.parametrize("name", CASES)
def test_offsets_index_the_original(glossary: Glossary, name: str) -> None:
    text = _case(name, ".in.txt")
    for span in glossary.annotate(text, overlapping=True):
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("name", CASES)
def test_glossing_is_idempotent(glossary: Glossary, name: str) -> None:
    once = gloss(text := _case(name, ".in.txt"), glossary.annotate(text), glossary)
    assert gloss(once, glossary.annotate(once), glossary) == once
    every = gloss(text, glossary.annotate(text), glossary, every=True)
    assert gloss(every, glossary.annotate(every), glossary, every=True) == every


def test_done_means_sentence(glossary: Glossary) -> None:
    text = "The rally in Situn District was attended by Minister of the Interior Liu Shyh-fang."
    assert gloss(text, glossary.annotate(text), glossary) == (
        "The rally in Situn District (西屯) was attended by Minister of the Interior "
        "Liu Shyh-fang (劉世芳)."
    )
    for variant in ("Hsi-t'un District", "Xitun Dist.", "Hsi-t’un District", "Shituen District"):
        [span] = glossary.annotate(f"The rally in {variant} was large.")
        assert (span.text, span.entry and span.entry.id) == (variant, "taichung-city-xitun")


def test_every_mention(glossary: Glossary) -> None:
    text = "Situn District grew. Situn District grew again."
    assert gloss(text, glossary.annotate(text), glossary, every=True) == (
        "Situn District (西屯) grew. Situn District (西屯) grew again."
    )


def test_overlapping_keeps_the_shorter_names(glossary: Glossary) -> None:
    text = "臺中市西屯區"
    longest = [s.text for s in glossary.annotate(text)]
    every = [s.text for s in glossary.annotate(text, overlapping=True)]
    assert longest == ["臺中市", "西屯區"]
    assert every == ["臺中市", "臺中", "西屯區", "西屯"]


def test_fold_maps_every_character_back() -> None:
    for text, expected in [
        ("Ｓitun’s Xī-tún 臺中 ABC", "situnsxitun臺中abc"),
        ("台中，西屯区。", "臺中西屯区。"),
        ("ﬁne Situn", "finesitun"),  # a ligature: the slow path
    ]:
        folded = fold(text)
        assert folded.text == expected
        where = [folded.original(i) for i in range(len(folded.text))]
        assert all(where[i] <= where[i + 1] for i in range(len(where) - 1))
        assert all(_fold_one(text[w]) for w in where)


def _fold_one(char: str) -> bool:
    return bool(fold(char).text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ é-’'. \n臺台西屯ＡﬁİßĀ，·"), max_size=30))
def test_fold_agrees_with_the_slow_path(text: str) -> None:
    """The fast fold and the one-character-at-a-time fold give the same text and offsets."""
    fast, slow = fold(text), _fold_slowly(text)
    assert fast.text == slow.text
    assert [fast.original(i) for i in range(len(fast.text))] == [
        slow.original(i) for i in range(len(slow.text))
    ]


_PIECES = [
    "Situn",
    "of",
    "  ",
    "-",
    "’",
    ". ",
    ", ",
    "é",
    "Xī",
    "臺中",
    "\n",
    "Ⓐ",
    "ab-c",
    "'",
    " — ",
    ".\n\n  ",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=400).map("".join))
def test_fold_maps_long_texts_back(text: str) -> None:
    """Across many blocks of the way back, every folded offset leads to the character it
    came from (the slow path keeps a list of them), and ``edges`` marks exactly the folded
    characters whose neighbour before them in the original was dropped."""
    fast, slow = fold(text), _fold_slowly(text)
    assert fast.text == slow.text
    where = [fast.original(i) for i in range(len(fast.text))]
    assert where == [slow.original(i) for i in range(len(slow.text))]
    if fast.edges is not None:
        assert [bool(fast.edges[i]) for i in range(1, len(where))] == [
            where[i] - where[i - 1] > 1 for i in range(1, len(where))
        ]
        assert all(text[w].isalnum() == fast.text[i].isalnum() for i, w in enumerate(where))


def test_a_text_that_folds_to_ascii_and_one_that_does_not_find_the_same_names(
    glossary: Glossary,
) -> None:
    """English folds to ASCII and is scanned as bytes; a Chinese character anywhere sends
    the text to the automaton over strings: the same English spans either way."""
    text = "Rallies in Hsi-t’un District, on Sec. 1, Bade Rd. and in Da’an and Bade were calm."
    assert fold(text).ascii is not None
    assert fold(text + " 西屯").ascii is None
    english = [(s.start, s.end, s.entry and s.entry.id) for s in glossary.annotate(text)]
    both = [(s.start, s.end, s.entry and s.entry.id) for s in glossary.annotate(text + " 西屯")]
    assert len(english) >= 3
    assert both[:-1] == english
    assert both[-1][2] == "taichung-city-xitun"


def test_a_character_that_folds_into_a_letter_is_no_letter_before_a_name(
    glossary: Glossary,
) -> None:
    """Ⓐ folds to "a" but is no letter: Situn after it starts a word; after x it does not."""
    assert [s.text for s in glossary.annotate("ⓐSitun District")] == ["Situn District"]
    assert glossary.annotate("xSitun District") == []  # fuzzy matching included
    assert glossary.annotate("Visit xSitun District and Aaa xSitun Dist. now") == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "District",
                "Dist.",
                "Township",
                "Twp.",
                "City",
                "County",
                "Cityx",
                "Liu",
                " ",
                "-",
                "Shyh",
                "fang",
                "Ko Wen-je",
                "Ma Ying-jeou's",
                "a",
                "_",
                "x",
            ]
        ),
        max_size=30,
    ).map("".join),
    st.data(),
)
def test_substring_scans_agree_with_the_regexes_they_replace(
    text: str, data: st.DataObject
) -> None:
    """The generic words and people's name shapes found by substring searches are the ones
    a regex tried at every position finds; with names found already, the shapes whose
    hyphen lies inside one are left out, and only those."""
    from glossary._match.typos import _PERSON_SHAPE
    from glossary._match.typos import generic_words as _generic_words
    from glossary._match.typos import person_shapes as _person_shapes

    generic = re.compile(r"(?:District|Dist\.|Township|Twp\.|City|County)(?![\w])")
    assert _generic_words(text) == [m.span() for m in generic.finditer(text)]
    shapes = list(_PERSON_SHAPE.finditer(text))
    assert [m.span() for m in _person_shapes(text)] == [m.span() for m in shapes]
    # Names found already: stretches around some of the hyphens (or anywhere)
    hyphens = [i for i, char in enumerate(text) if char == "-"] or [0]
    names = sorted(
        (max(0, at - before), before + after)
        for at, before, after in data.draw(
            st.lists(
                st.tuples(
                    st.sampled_from(hyphens) | st.integers(0, len(text)),
                    st.integers(0, 12),
                    st.integers(1, 12),
                ),
                max_size=4,
            )
        )
    )
    starts = [start for start, _ in names]
    reach = list(itertools.accumulate((start + size for start, size in names), max))

    def covered(at: int) -> bool:
        return any(start <= at < start + size for start, size in names)

    assert [m.span() for m in _person_shapes(text, (starts, reach))] == [
        m.span() for m in shapes if not covered(text.index("-", m.start()))
    ]


_NAMES = [
    "Situn",
    "Hsi-t'un",
    "Xitun",
    "Da'an",
    "Daan",
    "Bade",
    "bade",
    "Taichung",
    "Taipei",
    "Xinyi",
    "Hsinyi",
    "Keelung",
    "Tamsui",
    "Liu Shyh-fang",
    "MAC",
    "mac",
    "Hoping",
    "Sec. 1,",
    "Rd.",
    "Road",
    "District",
    "Dist.",
    "district",
    "City",
    "County",
    "Township",
    "Bank",
    "Times",
    "Office",
    "Bank of",
    "Mayor",
    "西屯區",
    "西屯",
    "台中",
    "臺中市",
    "信義區",
    "the",
    "in",
    "of",
    ".",
    ",",
    "(",
    ")",
    "'s",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_NAMES),
            st.sampled_from([" ", "", "-", "\n", ". ", ", ", " — ", ".\n\n "]),
        ),
        max_size=25,
    ).map(lambda pieces: "".join(a + b for a, b in pieces))
)
def test_leftmost_longest_on_the_folded_text_agrees_with_checking_every_hit(text: str) -> None:
    """The fast path (leftmost-longest worked out on the folded text, candidates inside a
    hit never checked) takes the same hits as checking every candidate in the original
    text and then taking the leftmost-longest."""
    from glossary._match.scan import Matcher
    from glossary._match.scan import leftmost_longest as _fast_leftmost_longest

    matcher = Matcher(_builtin()._index)
    folded = fold(text)
    if folded.edges is None:
        return
    fast = [h[:6] for h in matcher._leftmost_longest_hits(text, folded)]
    slow = [h[:6] for h in _fast_leftmost_longest(sorted(matcher._every_hit(text, folded)))]
    assert fast == slow, text


_BUILTIN: list[Glossary] = []


def _builtin() -> Glossary:
    if not _BUILTIN:
        _BUILTIN.append(Glossary())
    return _BUILTIN[0]


# -- a slow, obviously correct reference -----------------------------------------------------


def _leftmost_longest(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) pairs a leftmost-longest scan keeps, by the obvious method."""
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int]] = []
    end = -1
    for start, stop in found:
        if start >= end:
            out.append((start, stop))
            end = stop
    return out


def _in_word(char: str) -> bool:
    """A letter or digit that is not a Han character: it continues a Latin word."""
    return char.isalnum() and not has_cjk(char)


class _ChineseWords:
    """The Chinese word rules (glossary._match.segment) by the obvious method: the Han
    characters around a hit, each made Simplified alone, cut by a jieba given every Chinese
    name (made on first use: it takes a quarter of a second)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.jieba: Any = None

    def keeps(self, text: str, i: int, j: int, kinds: set[Kind]) -> bool:
        from glossary._match.segment import AFTER, AFTER_PLACE, BEFORE, PLACE_KINDS, name_frequency

        def han(k: int) -> bool:
            return 0 <= k < len(text) and has_cjk(text[k])

        if not han(i - 1) and not han(j):
            return True
        low, high = i, j
        while low > i - BEFORE and han(low - 1):
            low -= 1
        while high < j + AFTER and han(high):
            high += 1
        if self.jieba is None:
            import rjieba

            self.jieba = rjieba.Jieba()
            for name in {"".join(map(to_simplified, n)) for n in self.names}:
                freq = name_frequency(name, self.jieba.suggest_freq(name))
                self.jieba.add_word(name, freq, None)
        window = "".join(map(to_simplified, text[low:high]))
        cuts = set(itertools.accumulate(map(len, self.jieba.cut(window, False)), initial=0))
        if i - low not in cuts or j - low not in cuts:
            return False
        return not kinds & PLACE_KINDS or not any(
            window[j - low : k] in AFTER_PLACE and k in cuts
            for k in range(j - low + 1, high - low + 1)
        )


def _reference(text: str, index: Index) -> list[tuple[int, int]]:
    """Every (start, end) a key matches by brute force over all substrings, leftmost-longest."""
    keys = set(index.keys())
    words = _ChineseWords([k for k in keys if not k.isascii()])
    found: list[tuple[int, int]] = []
    for i in range(len(text)):
        for j in range(i + 1, len(text) + 1):
            chunk = text[i:j]
            if chunk != chunk.strip() or chunk[0] in "-'’.,":
                continue
            if chinese_key(chunk) in keys and not chunk.isascii():
                kinds = {index.entry(r.n).kind for r in index.rows(chinese_key(chunk))}
                if words.keeps(text, i, j, kinds):
                    found.append((i, j))
                continue
            key = latin_key(chunk)
            if key not in keys or not key.isascii() or not key:
                continue
            if (i > 0 and _in_word(text[i - 1])) or (j < len(text) and _in_word(text[j])):
                continue
            if chunk[-1] in "-'’,." or any(c in ".," for c in chunk):
                continue
            rows = index.rows(key)
            bare = all(r.match != "term" for r in rows)
            if bare and (not chunk[0].isupper() or _everyday(key, rows)):
                continue
            kinds = {index.entry(r.n).kind.value for r in rows}
            generics = {
                "district"
                for r in rows
                if any(t.text.endswith(" District") for t in index.entry(r.n).en)
            }
            if _in_longer_name(text, i, j) or _contradicted(text, j, kinds, generics):
                continue
            found.append((i, j))
    return _leftmost_longest(found)


def _everyday(key: str, rows: list[KeyRow]) -> bool:
    """Whether a bare key is an everyday word or name, or a bare name of such words
    (Mark Hope for Mark Hope District), by the obvious method."""
    from glossary._match.facts import everyday_words

    words = everyday_words()
    return key in words or any(
        r.term.endswith(" District")
        and latin_key(r.term.removesuffix(" District")) == key
        and all(w.lower() in words for w in r.term.removesuffix(" District").split())
        for r in rows
    )


def _contradicted(
    text: str, j: int, kinds: set[str], generics: frozenset[str] = frozenset()
) -> bool:
    """Whether a generic word after text[:j] fits none of the ``kinds`` of the key's
    entries nor is one its English names end with (``generics``), by the obvious method:
    past spaces, line breaks and hyphens (not a blank line), the longest generic word
    written there that no letter or digit continues."""
    from glossary._match.rules import crosses_paragraph
    from glossary._vocab import GENERIC_IN_TEXT, GENERIC_KINDS

    k = j
    while k < len(text) and text[k] in " \t\r\n\u00a0-":
        k += 1
    if k == j or crosses_paragraph(text, j, k):
        return False
    for word in sorted(GENERIC_KINDS, key=len, reverse=True):
        after = k + len(word)
        if text[k:after].casefold() == word and not (after < len(text) and _word_char(text[after])):
            if GENERIC_IN_TEXT.get(word) in generics:
                return False
            return not kinds & GENERIC_KINDS[word]
    return False


def _word_char(char: str) -> bool:
    return _in_word(char) or char == "_"


def _in_longer_name(text: str, i: int, j: int) -> bool:
    """Whether text[i:j] is part of a longer proper name, by the obvious method: up to
    five capitalised words follow it (spaces, or one line break, between), one of them
    an institution word (a full stop or possessive after it aside); or such a word and
    "of" (and "the") stand right before it."""
    from glossary._match.rules import longer_name_words

    words = longer_name_words()
    k = j
    for _ in range(5):
        gap_start = k
        while k < len(text) and text[k] in " \t\r\n\u00a0":
            k += 1
        gap = text[gap_start:k].replace("\r\n", "\n")
        if not gap or gap.count("\n") > 1 or "\r" in gap or k == len(text):
            break
        if not "A" <= text[k] <= "Z":
            break
        w = k
        while k < len(text) and (_in_word(text[k]) or text[k] in "_&'’.-"):
            k += 1
        word = text[w:k].rstrip(".")
        for possessive in ("'s", "’s"):
            word = word.removesuffix(possessive)
        if word.rstrip("'’") in words:
            return True
    before = text[:i]
    for link in (" of ", " of the "):
        if before.endswith(link):
            head = before[: -len(link)]
            w = len(head)
            while w and (head[w - 1].isalnum() or head[w - 1] in "_&'’-"):
                w -= 1
            word = head[w:]
            if (w == 0 or head[w - 1] != ".") and word[:1].isupper() and word in words:
                return True
    return False


#: Parts of the generated names: syllables, and two everyday words (a bare name made of
#: them needs its generic word).
WORDS = ["Lin", "Kang", "Mei", "Po", "Chia", "Hua", "Tung", "Mark", "Hope"]
FILLER = [
    "the",
    "mayor",
    "of",
    "and",
    "visited",
    ",",
    ".",
    "in",
    "rivers",
    "Bank",
    "Temple of",
    "Road",
    "county",
    "District",
]
#: Chinese filler: titles and words that join a name before them, and ones that do not.
CHINESE_FILLER = ["市長", "長", "公園", "的", "路", "居民"]


@st.composite
def term_base_and_text(draw: st.DrawFn) -> tuple[str, str]:
    names = draw(
        st.lists(
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
            min_size=1,
            max_size=5,
            unique=True,
        )
    )
    chars = "山水林花東南北"
    chinese = draw(
        st.lists(
            st.text(alphabet=chars, min_size=2, max_size=3),
            min_size=len(names),
            max_size=len(names),
            unique=True,
        )
    )
    kinds = draw(
        st.lists(
            st.sampled_from(["other", "district", "road"]),
            min_size=len(names),
            max_size=len(names),
        )
    )
    generic = draw(st.lists(st.booleans(), min_size=len(names), max_size=len(names)))
    yaml_text = "".join(
        f"- id: e{i}\n  kind: {kind}\n  zh: [{zh}]\n  en: ['{en}{' District' * with_generic}']\n"
        "  source: test\n"
        for i, (en, zh, kind, with_generic) in enumerate(
            zip(names, chinese, kinds, generic, strict=True)
        )
    )
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(names),
                st.sampled_from(chinese),
                st.sampled_from(FILLER),
                st.sampled_from(CHINESE_FILLER),
                st.sampled_from(names).map(str.lower),
                st.sampled_from(names).map(lambda n: n.replace(" ", "-")),
                st.text(alphabet=string.ascii_letters, min_size=1, max_size=4),
            ),
            max_size=12,
        )
    )
    joiners = draw(st.lists(st.sampled_from([" ", "", "\n", "-"]), min_size=len(pieces)))
    text = "".join(p + j for p, j in zip(pieces, joiners, strict=False))
    return yaml_text, text


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(term_base_and_text())
def test_matcher_agrees_with_a_brute_force_scan(tmp_path: Path, case: tuple[str, str]) -> None:
    """The automaton finds exactly the spans a scan of every substring finds."""
    yaml_text, text = case
    path = tmp_path / "terms.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    g = Glossary([path], builtin=False, cache_dir=None)
    got = [(s.start, s.end) for s in g.annotate(text)]
    assert got == _reference(text, g._index), text
    # The same text after a long stretch with no names: the same spans, shifted (offsets
    # go back through many blocks of the fold's way back).
    padding = "The mayor of the rivers visited, in the end. " * 9
    shifted = [(s.start - len(padding), s.end - len(padding)) for s in g.annotate(padding + text)]
    assert shifted == got, text


# -- the command line ------------------------------------------------------------------------


def test_cli_reads_stdin_and_files(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from glossary.cli import app

    runner = CliRunner()
    text = "The rally in Situn District was attended by Minister of the Interior Liu Shyh-fang.\n"
    result = runner.invoke(app, ["annotate"], input=text)
    assert result.exit_code == 0, result.stderr
    assert "Situn District (西屯)" in result.stdout
    assert "Liu Shyh-fang (劉世芳)" in result.stdout
    path = tmp_path / "in.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(path), "--format", "json"])
    payload = json.loads(result.stdout)
    assert [s["id"] for s in payload["spans"]] == ["taichung-city-xitun", "liu-shyh-fang"]
    result = runner.invoke(app, ["annotate", str(path), "-f", "jsonl"])
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == [
        "Situn District",
        "Liu Shyh-fang",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"ok\n\xff\n", ":2: not valid UTF-8")],
)
def test_cli_bad_input_is_one_line(tmp_path: Path, content: bytes | None, message: str) -> None:
    from typer.testing import CliRunner

    from glossary.cli import app

    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    result = CliRunner().invoke(app, ["annotate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("glossary: error: ")
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_installed_script_annotates_a_pipe(tmp_path: Path) -> None:
    script = script_or_skip()
    done = subprocess.run(
        [str(script), "annotate"],
        input="Officials in Hsi-t'un District said so.\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Officials in Hsi-t'un District (西屯) said so.\n"


# -- normalize and HTML --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("to", "expected"),
    [
        ("house", "Xitun District, Xitun and Xitun Dist. met Liu Shyh-fang in 西屯區."),
        (
            "wade-giles",
            "Hsi-t'un District, Hsi-t'un and Hsi-t'un Dist. met Liu Shih-fang in 西屯區.",
        ),
        ("tongyong", "Situn District, Situn and Situn Dist. met Liou Shih-fang in 西屯區."),
    ],
)
def test_normalize(glossary: Glossary, to: str, expected: str) -> None:
    text = "Hsi-t'un District, Situn and Shituen Dist. met Liu Shih-fang in 西屯区."
    assert normalize(text, glossary.annotate(text), glossary, to=to) == expected


def test_normalize_touches_only_names(glossary: Glossary) -> None:
    """OpenCC over the whole text would write 範 for the surname 范; names only are rewritten."""
    text = "范先生和余小姐住在台中市西屯区。"
    out = normalize(text, glossary.annotate(text), glossary)
    assert out == "范先生和余小姐住在台中市西屯區。"  # 台 as written
    assert normalize(text, glossary.annotate(text), glossary, tai="臺") == (
        "范先生和余小姐住在臺中市西屯區。"
    )


def test_normalize_keeps_names_in_capitals_in_capitals(glossary: Glossary) -> None:
    """A dateline's TAIPEI is not turned into Taipei; a headline's name is rewritten in
    capitals; a one-letter capital is no sign of a headline."""
    text = "TAIPEI — SITUN DISTRICT, HSI-T'UN and Situn; Taipei."
    assert normalize(text, glossary.annotate(text), glossary) == (
        "TAIPEI — XITUN DISTRICT, XITUN and Xitun; Taipei."
    )


def test_normalize_house_style(glossary: Glossary) -> None:
    text = "Xitun District"
    tongyong = Glossary(prefer=("tongyong", "official"))
    assert normalize(text, tongyong.annotate(text), tongyong) == "Situn District"


def test_html_escapes_everything(glossary: Glossary) -> None:
    text = 'Situn District <script>alert("x")</script> & 西屯'
    page = html_page(text, glossary.annotate(text), glossary, title="<b>story</b>")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "<title>&lt;b&gt;story&lt;/b&gt;</title>" in page
    # both mentions marked, whatever their doubt classes (Situn is not the house spelling)
    assert len(re.findall(r'<mark class="name[^"]*" data-id="taichung-city-xitun"', page)) == 2
    assert 'title="Xitun District · 西屯區, district in Taichung City"' in page
    assert page.startswith("<!DOCTYPE html>")


def test_html_marks_ambiguous_and_deprecated(glossary: Glossary) -> None:
    text = "Da'an District and the Senkaku Islands"
    page = html_page(text, glossary.annotate(text), glossary)
    assert 'class="name ambiguous"' in page
    assert 'class="name deprecated"' in page


def test_cli_normalize_diff(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from glossary.cli import app

    path = tmp_path / "story.txt"
    path.write_text("Officials in Hsi-t'un District.\nNo names here.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["normalize", str(path), "--diff"])
    assert result.exit_code == 1, result.stderr  # a name would change
    assert "-Officials in Hsi-t'un District.\n+Officials in Xitun District.\n" in result.stdout
    assert "-No names here" not in result.stdout  # an untouched line is never rewritten
    assert "+No names here" not in result.stdout
    result = CliRunner().invoke(app, ["normalize", str(path), "--to", "mps2"])
    assert result.stdout == "Officials in Shituen District.\nNo names here.\n"
    result = CliRunner().invoke(app, ["normalize", str(path), "--tai", "x"])
    assert result.exit_code == 2


def test_cli_html(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from glossary.cli import app

    result = CliRunner().invoke(app, ["annotate", "-f", "html"], input="Situn District\n")
    assert result.exit_code == 0
    assert re.search(r'<mark class="name[^"]*" data-id="taichung-city-xitun"', result.stdout)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I am hoping to visit Hoping District.", [("Hoping District", "taichung-city-heping")]),
        ("East of the river is quiet.", []),
        ("Bali, Indonesia; Bali District, Taiwan.", [("Bali District", "new-taipei-city-bali")]),
        ("An alien in A-lien District.", [("A-lien District", "kaohsiung-city-alian")]),
    ],
)
def test_english_words_need_their_generic_word(
    glossary: Glossary, text: str, expected: list[tuple[str, str]]
) -> None:
    """A bare name that is an everyday English word is a place only with its generic word."""
    found = [(s.text, s.entries[0].id) for s in glossary.annotate(text)]
    assert found == expected


def test_fuzzy_typos_only_with_a_generic_word(glossary: Glossary) -> None:
    """Typos are matched in names written with their generic word, above the cutoff."""
    text = "Officials in Shidng District met Shidng residents."
    [span] = glossary.annotate(text)
    assert (span.text, span.entries[0].id, span.match.value) == (
        "Shidng District",
        "new-taipei-city-shiding",
        "fuzzy",
    )
    assert span.score >= 88
    assert glossary.annotate(text, fuzzy=False) == []
    assert glossary.annotate(text, score_cutoff=99.5) == []
    assert glossary.annotate("The River District plan") == []


def test_acronyms_match_as_written(tmp_path: Path) -> None:
    """A term in capitals (MAC) is case-sensitive: not "mac" or "Mac"; its full name is not."""
    path = tmp_path / "agencies.yaml"
    path.write_text(
        """\
- id: mainland-affairs-council
  kind: agency
  zh: [大陸委員會]
  en: [Mainland Affairs Council, MAC]
  source: test fixture
""",
        encoding="utf-8",
    )
    g = Glossary([path], cache_dir=None)
    text = "The MAC said a Mac or a mac is a computer; the mainland affairs council agreed."
    found = [(s.text, s.entries[0].id) for s in g.annotate(text)]
    assert found == [
        ("MAC", "mainland-affairs-council"),
        ("mainland affairs council", "mainland-affairs-council"),
    ]


CONTROLS = """\
- id: council
  kind: agency
  zh: [大陸委員會]
  en:
    - term: Mainland Affairs Council
    - term: MAC
      case: insensitive
  source: test fixture
- id: east-river
  kind: other
  zh: [東河]
  en:
    - term: Donghe
      case: sensitive
  source: test fixture
- id: formosa
  kind: other
  zh: [福爾摩沙]
  en:
    - term: Formosa
      match: prefix
  source: test fixture
- id: shiding-like
  kind: district
  zh: [石碇區]
  en:
    - term: Shiding District
      fuzzy: false
  source: test fixture
"""


def test_per_term_controls(tmp_path: Path) -> None:
    """case, match and fuzzy, set per English term, change how text is matched."""
    path = tmp_path / "controls.yaml"
    path.write_text(CONTROLS, encoding="utf-8")
    g = Glossary([path], builtin=False, cache_dir=None)

    def found(text: str) -> list[tuple[str, str]]:
        return [(s.text, s.entries[0].id) for s in g.annotate(text)]

    assert found("the mac said") == [("mac", "council")]  # case: insensitive overrides
    assert found("DONGHE and Donghe") == [("Donghe", "east-river")]  # case: sensitive
    assert found("Formosan tea") == [("Formosa", "formosa")]  # match: prefix
    assert found("Shidng District") == []  # fuzzy: false
    assert g["formosa"].en[0].match == "prefix"  # the controls survive the index
    assert g["council"].en[1].case == "insensitive"
    assert not g["shiding-like"].en[0].fuzzy


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ("{term: Xitun, case: loud}", "unknown value 'loud'; expected one of: sensitive"),
        ("{term: Xitun, match: suffix}", "unknown value 'suffix'; expected one of: word"),
        ("{term: Xitun, fuzzy: maybe}", "expected true or false"),
    ],
)
def test_bad_controls_are_located(tmp_path: Path, term: str, message: str) -> None:
    from glossary import validate

    path = tmp_path / "bad.yaml"
    path.write_text(
        f"- id: x-y\n  kind: other\n  zh: [西屯]\n  en: [{term}]\n  source: test\n",
        encoding="utf-8",
    )
    report = validate([path], builtin=False)
    assert [str(i) for i in report.errors] == [
        str(i) for i in report.errors if message in str(i) and ":4:" in str(i)
    ]
    assert len(report.errors) == 1


def test_controls_only_on_english_terms(tmp_path: Path) -> None:
    from glossary import validate

    path = tmp_path / "bad.yaml"
    path.write_text(
        "- id: x-y\n  kind: other\n  zh: [{term: 西屯, case: sensitive}]\n  en: [Xitun]\n"
        "  source: test\n",
        encoding="utf-8",
    )
    [issue] = validate([path], builtin=False).errors
    assert "matching controls apply to English terms only" in str(issue)


def test_long_text_is_streamed_in_pieces(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """gloss and jsonl read a long text a piece at a time: same output, offsets into the
    whole text, each name glossed once across pieces."""
    from typer.testing import CliRunner

    import glossary._stream
    from glossary._stream import Reader, Source
    from glossary.cli import app

    paragraphs = [
        "Officials in Situn District met Liu Shyh-fang.\n",
        "\n",
        "Later, Situn District residents and Hsi-t'un farmers met again.\n",
        "\n",
        "Liu Shyh-fang visited 西屯區 and Banqiao District.\n",
    ] * 3
    text = "".join(paragraphs)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    runner = CliRunner()
    whole_gloss = runner.invoke(app, ["annotate", str(path)]).stdout
    whole_spans = json.loads(runner.invoke(app, ["annotate", str(path), "-f", "json"]).stdout)
    monkeypatch.setattr(glossary._stream, "PIECE_SIZE", 40)  # a piece every paragraph or so
    pieces = list(Reader(Source(str(path), path)))
    assert len(pieces) > 3
    assert "".join(pieces) == text
    assert runner.invoke(app, ["annotate", str(path)]).stdout == whole_gloss
    assert whole_gloss.count("(西屯)") == 1
    lines = runner.invoke(app, ["annotate", str(path), "-f", "jsonl"]).stdout.splitlines()
    streamed = [json.loads(line) for line in lines]
    assert [(s["start"], s["end"], s["id"]) for s in streamed] == [
        (s["start"], s["end"], s["id"]) for s in whole_spans["spans"]
    ]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in streamed)


def _exact_reference(
    text: str, terms: dict[str, set[str]], kinds: dict[str, set[Kind]] | None = None
) -> list[tuple[int, int]]:
    """Every (start, end) where a term (``terms``: with the kinds of its entries) stands as
    written (case aside), whole words for Latin terms, none inside a longer name or before
    a generic word of another kind, Chinese ones where they are words (``kinds``: each
    Chinese term's entry kinds), leftmost-longest: by brute force over all substrings."""
    lowered = {t.lower(): term_kinds for t, term_kinds in terms.items()}
    words = _ChineseWords([t for t in lowered if has_cjk(t)])
    found = []
    for i in range(len(text)):
        for j in range(i + 1, len(text) + 1):
            chunk = text[i:j]
            if chunk.lower() not in lowered:
                continue
            if chunk.isascii() and (
                (i > 0 and _in_word(text[i - 1])) or (j < len(text) and _in_word(text[j]))
            ):
                continue
            if chunk.isascii() and _in_longer_name(text, i, j):
                continue
            if chunk.isascii() and _contradicted(text, j, lowered[chunk.lower()]):
                continue
            if has_cjk(chunk) and kinds is not None and not words.keeps(text, i, j, kinds[chunk]):
                continue
            found.append((i, j))
    return _leftmost_longest(found)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(term_base_and_text())
def test_exact_matcher_agrees_with_a_brute_force_scan(
    tmp_path: Path, case: tuple[str, str]
) -> None:
    """annotate(exact=True) finds exactly the terms as written, whole words, leftmost-longest."""
    yaml_text, text = case
    path = tmp_path / "terms.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    g = Glossary([path], builtin=False, cache_dir=None)
    terms: dict[str, set[str]] = {}
    for e in g:
        for t in (*e.en, *e.zh):
            terms.setdefault(t.text, set()).add(e.kind.value)
    kinds: dict[str, set[Kind]] = {}
    for e in g:
        for t in e.zh:
            kinds.setdefault(t.text, set()).add(e.kind)
    got = [(s.start, s.end) for s in g.annotate(text, exact=True)]
    assert got == _exact_reference(text, terms, kinds), text


def test_exact_mode(glossary: Glossary) -> None:
    """Terms as written only: no other spellings or scripts; acronyms as written; homonyms
    decided by context as in the full mode; a one-to-two lower-casing keeps offsets."""
    text = "İ Situn District, SITUN DISTRICT, Hsi-t'un District, 西屯区 and 信義區 in Taipei City."
    spans = glossary.annotate(text, exact=True)
    assert [(s.text, s.entry.id if s.entry else None) for s in spans] == [
        ("Situn District", "taichung-city-xitun"),
        ("SITUN DISTRICT", "taichung-city-xitun"),
        ("信義區", "taipei-city-xinyi"),
        ("Taipei City", "taipei-city"),
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert spans[0].status is not None
    with pytest.raises(QueryError):
        glossary.annotate(text, exact=True, overlapping=True)
    from typer.testing import CliRunner

    from glossary.cli import app

    result = CliRunner().invoke(
        app, ["annotate", "--exact"], input="Hsi-t'un District and Situn District.\n"
    )
    assert result.stdout == "Hsi-t'un District and Situn District (西屯).\n"
    result = CliRunner().invoke(app, ["annotate", "--exact", "--overlapping", "-f", "json"])
    assert result.exit_code == 2
    assert "--exact" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minister Liu Shyh-fnag said so.", [("Liu Shyh-fnag", "liu-shyh-fang")]),
        ("Former mayor Ko Wen-jee spoke.", [("Ko Wen-jee", "ko-wen-je")]),
        (
            "Ma Ying-jeuo visited Tainan.",
            [("Ma Ying-jeuo", "ma-ying-jeou"), ("Tainan", "tainan-city")],
        ),
        ("Jean-Paul met Wang Xiao-ming and Kim Jong-un.", []),
        ("Liu Shyh-fang said so.", [("Liu Shyh-fang", "liu-shyh-fang")]),
    ],
)
def test_typos_in_people_names(
    glossary: Glossary, text: str, expected: list[tuple[str, str]]
) -> None:
    """A person's name has no generic word: a stretch shaped like a Taiwanese name (surname,
    hyphenated given name) is scored against people's names only."""
    spans = glossary.annotate(text)
    assert [(s.text, s.entry.id if s.entry else None) for s in spans] == expected
    assert all(s.match.value == "fuzzy" for s in spans if s.text.endswith(("fnag", "jee", "jeuo")))
    assert glossary.annotate(text, fuzzy=False) == [s for s in spans if s.match.value != "fuzzy"]


def test_person_typos_respect_fuzzy_false(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_text(
        "- id: tsai-ing-wen\n  kind: person\n  zh: [蔡英文]\n"
        "  en:\n    - term: Tsai Ing-wen\n      fuzzy: false\n  source: test\n",
        encoding="utf-8",
    )
    g = Glossary([path], builtin=False, cache_dir=None)
    assert g.annotate("Tsai Ing-wne spoke.") == []
    assert [s.text for s in g.annotate("Tsai Ing-wen spoke.")] == ["Tsai Ing-wen"]
