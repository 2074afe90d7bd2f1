"""Chinese word boundaries (glossary._match.segment): a Chinese name is glossed only where it
is a word of the text, and a place followed by a title or a name made from it is not the
place alone."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import Glossary
from glossary._match.segment import AFTER, AFTER_PLACE, BEFORE, NAME_FREQUENCY, Words, is_han
from glossary._model import Entry, Kind
from tests.test_annotate import _exact_reference, _reference

#: (text, the names glossed in it as (text, entry id)), Traditional, Simplified, 台 and 臺.
CASES = [
    # a title after a place: the person is glossed, the place is not
    ("高雄市長陳其邁表示", [("陳其邁", "chen-chi-mai")]),
    ("高雄市长陈其迈表示", [("陈其迈", "chen-chi-mai")]),
    ("台北市長蔣萬安昨天說", [("蔣萬安", "chiang-wan-an")]),
    ("臺北市長蔣萬安昨天說", [("蔣萬安", "chiang-wan-an")]),
    ("新北市長侯友宜出席", [("侯友宜", "hou-yu-ih")]),
    ("花蓮縣長徐榛蔚視察", [("徐榛蔚", "hsu-chen-wei")]),
    ("台中市議員今天質詢", []),
    ("新北市議長出席", []),
    ("高雄立委提案", []),
    # a place named after a place: the whole when the term base has it, else nothing
    ("遊客參觀中正紀念堂", [("中正紀念堂", "national-chiang-kai-shek-memorial-hall")]),
    ("中正大學的學生", []),
    ("大安森林公園的樹", []),
    ("士林夜市人潮多", [("士林夜市", "shilin-night-market")]),
    ("臺北市議會今天開會", [("臺北市議會", "taipei-city-council")]),
    ("高雄市政府表示", [("高雄市政府", "kaohsiung-city-government")]),
    ("埔里鎮民代表會開會", []),
    ("竹北市長今天表示", []),
    ("西屯區長與里長座談", []),
    # a name inside a longer word
    ("車子開上中正路", []),
    # roads and streets named after a place
    ("他住在六合路。", []),
    ("在大同街開店", []),
    ("中正路口塞車", []),
    ("信義路五段封街", []),
    ("大溪老街的攤販", [("大溪老街", "daxi-old-street")]),
    ("高雄路竹區的農民", [("高雄", "kaohsiung-city"), ("路竹區", "kaohsiung-city-luzhu")]),
    ("大台北地區下雨", []),
    # still names: on word boundaries, or before a word that is no title
    ("高雄今天下雨", [("高雄", "kaohsiung-city")]),
    ("台北長期以來缺水", [("台北", "taipei-city")]),
    ("住在中和區的居民", [("中和區", "new-taipei-city-zhonghe")]),
    ("西屯區的居民反對", [("西屯區", "taichung-city-xitun")]),
    ("花蓮與台東山區明天有雨", [("花蓮", "hualien-county"), ("台東", "taitung-county")]),
    ("宜蘭山區豪雨", [("宜蘭", "yilan-county")]),
    ("西屯区的居民反对", [("西屯区", "taichung-city-xitun")]),
    ("，高雄市。", [("高雄市", "kaohsiung-city")]),
    # the full-width comma rule stays
    ("西，屯區", []),
]


def _found(glossary: Glossary, text: str, **options: bool) -> list[tuple[str, str | None]]:
    return [(s.text, s.entry.id if s.entry else None) for s in glossary.annotate(text, **options)]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_chinese_names_only_as_words(
    glossary: Glossary, text: str, expected: list[tuple[str, str]]
) -> None:
    """A Chinese name is found only where it is a word, and not before a title."""
    assert _found(glossary, text) == expected


EXACT_CASES = [
    ("高雄市長陳其邁表示", [("陳其邁", "chen-chi-mai")]),
    ("花蓮縣長徐榛蔚視察", [("徐榛蔚", "hsu-chen-wei")]),
    ("中正大學的學生", []),
    ("車子開上中正路", []),
    # roads and streets named after a place
    ("他住在六合路。", []),
    ("在大同街開店", []),
    ("中正路口塞車", []),
    ("信義路五段封街", []),
    ("大溪老街的攤販", [("大溪老街", "daxi-old-street")]),
    ("高雄路竹區的農民", [("路竹區", "kaohsiung-city-luzhu")]),  # 高雄 is no term as written
    ("住在中和區的居民", [("中和區", "new-taipei-city-zhonghe")]),
    ("，高雄市。", [("高雄市", "kaohsiung-city")]),
]


@pytest.mark.parametrize(("text", "expected"), EXACT_CASES, ids=[c[0] for c in EXACT_CASES])
def test_the_exact_matcher_keeps_the_same_words(
    glossary: Glossary, text: str, expected: list[tuple[str, str]]
) -> None:
    """annotate(exact=True) applies the same rules to the terms as written."""
    assert _found(glossary, text, exact=True) == expected


def test_a_title_after_a_place_blocks_its_bare_name_too(glossary: Glossary) -> None:
    """台北市長: not 台北市 (off the boundary: 台北|市長) nor 台北 (before 市長)."""
    assert _found(glossary, "台北市長") == []
    assert _found(glossary, "台北市") == [("台北市", "taipei-city")]


def test_overlapping_shows_names_inside_names_not_inside_words(glossary: Glossary) -> None:
    """Overlapping spans list 臺中 inside 臺中市 (a name in a name) but never 中正 inside
    中正路 or 高雄市 inside 高雄市長 (no name holds them)."""
    every = [s.text for s in glossary.annotate("臺中市西屯區", overlapping=True)]
    assert every == ["臺中市", "臺中", "西屯區", "西屯"]
    assert [s.text for s in glossary.annotate("中正紀念堂", overlapping=True)] == [
        "中正紀念堂",
        "中正",
    ]
    assert glossary.annotate("開上中正路", overlapping=True) == []
    assert [s.text for s in glossary.annotate("高雄市長陳其邁", overlapping=True)] == ["陳其邁"]


def _place(kind: Kind) -> Entry:
    """Kaohsiung City, as an entry of this kind."""
    return dataclasses.replace(Glossary()["kaohsiung-city"], kind=kind)


def test_words_keeps_without_loading_the_segmenter_between_punctuation() -> None:
    """A hit between punctuation, spaces or Latin letters is a word: no segmenter loaded."""
    words = Words(lambda: ["高雄市"])
    for text in ("，高雄市。", "高雄市", "in 高雄市 and", "Ko高雄市is"):
        assert words.keeps(text, text.index("高"), text.index("市") + 1, ())
    assert words._jieba is None
    assert not words.keeps("高雄市長", 0, 3, (_place(Kind.MUNICIPALITY),))
    assert words._jieba is not None


@pytest.mark.parametrize("kind", [Kind.PERSON, Kind.AGENCY, Kind.LANDMARK])
def test_the_title_rule_is_for_places_only(kind: Kind) -> None:
    """Only a place lends its name to a title: another kind before 長 is left to the word
    boundary rule alone."""
    words = Words(lambda: ["高雄市"])
    assert words.keeps("高雄市長", 0, 3, (_place(kind),))
    assert not words.keeps("高雄市長", 0, 3, (_place(Kind.MUNICIPALITY),))


def test_a_title_word_must_end_on_a_boundary() -> None:
    """長 after a place is a title only when it is a word: 台北長期 is Taipei, long."""
    words = Words(lambda: ["台北"])
    place = (_place(Kind.MUNICIPALITY),)
    assert words.keeps("台北長期以來", 0, 2, place)
    assert not words.keeps("台北市長選舉", 0, 2, place)


@pytest.mark.parametrize(("text", "start", "end"), [("開上中正路", 2, 4), ("住在中和區的", 2, 5)])
def test_only_the_stretch_around_a_hit_is_segmented(text: str, start: int, end: int) -> None:
    """Han text further than BEFORE characters before a hit or AFTER after it does not
    change whether it is a word (the cost per hit does not grow with the sentence)."""
    words = Words(lambda: ["中正", "中和區"])
    far = "國" * 50
    alone = words.keeps(text, start, end, ())
    assert words.keeps(far + text + far, start + 50, end + 50, ()) == alone
    assert BEFORE >= 2
    assert max(map(len, AFTER_PLACE)) < AFTER


def test_the_term_base_names_are_words() -> None:
    """Names are words of their own, at least NAME_FREQUENCY strong (民眾黨立委 is 民眾黨
    and 立委, not 民眾 and 黨立委 as jieba's own counts have it); names jieba counts higher
    keep its count (集中和平 is 集中 and 和平, not 中和 District)."""
    words = Words(lambda: ["徐榛蔚", "臺中市", "民眾黨", "中和"])
    assert words.keeps("縣長徐榛蔚視察", 2, 5, ())
    assert words.keeps("民眾黨立委黃國昌", 0, 3, ())
    assert not words.keeps("集中和平", 1, 3, ())
    jieba = words._jieba
    assert jieba is not None
    assert jieba.has_word("徐榛蔚")
    assert jieba.has_word("台中市")  # Simplified: the script the stretch is segmented in
    assert jieba.suggest_freq("民众党") >= NAME_FREQUENCY
    assert jieba.suggest_freq("中和") > NAME_FREQUENCY


def test_is_han() -> None:
    """Han characters, and only they, are the neighbours that may join a Chinese name."""
    assert all(map(is_han, "市長々〇𠀋"))
    assert not any(map(is_han, "，。、 A1（」"))


def test_the_segmenter_is_loaded_only_when_han_text_needs_it() -> None:
    """Importing glossary, annotating English or names between punctuation leaves rjieba
    unimported; a Chinese name next to other Han text loads it."""
    code = (
        "import sys\n"
        "from glossary import Glossary\n"
        "g = Glossary()\n"
        "g.annotate('The rally in Situn District.')\n"
        "g.annotate('，西屯區。')\n"
        "before = 'rjieba' in sys.modules\n"
        "g.annotate('西屯區的居民')\n"
        "print(before, 'rjieba' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


@st.composite
def chinese_term_base_and_text(draw: st.DrawFn) -> tuple[str, str]:
    """A few Chinese names (places or not) and a Han text of them and words around them,
    mostly without punctuation between."""
    names = draw(
        st.lists(
            st.text(alphabet="中正大安高雄北市區", min_size=2, max_size=3),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    kinds = draw(st.lists(st.sampled_from(["other", "district"]), min_size=len(names)))
    yaml_text = "".join(
        f"- id: e{i}\n  kind: {kind}\n  zh: [{zh}]\n  en: ['Name{i}']\n  source: test\n"
        for i, (zh, kind) in enumerate(zip(names, kinds, strict=False))
    )
    filler = ["市長", "長", "公園", "的", "路", "居民", "大學", "今天", "。", "長期"]
    pieces = draw(st.lists(st.one_of(st.sampled_from(names), st.sampled_from(filler)), max_size=10))
    return yaml_text, "".join(pieces)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(chinese_term_base_and_text())
def test_the_scans_agree_with_a_brute_force_scan_of_chinese(
    tmp_path: Path, case: tuple[str, str]
) -> None:
    """On Han text, the scan (leftmost-longest on the folded text), the eager pass and the
    exact matcher keep exactly what a brute-force scan with the word rules keeps."""
    yaml_text, text = case
    path = tmp_path / "terms.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    g = Glossary([path], builtin=False, cache_dir=None)
    expected = _reference(text, g._index)
    assert [(s.start, s.end) for s in g.annotate(text)] == expected, text
    kinds: dict[str, set[Kind]] = {}
    for e in g:
        for t in e.zh:
            kinds.setdefault(t.text, set()).add(e.kind)
    terms = {term: {kind.value for kind in entry_kinds} for term, entry_kinds in kinds.items()}
    got = [(s.start, s.end) for s in g.annotate(text, exact=True)]
    assert got == _exact_reference(text, terms, kinds), text
