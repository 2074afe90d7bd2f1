"""The romanization engine: Chinese → readings → any system, and any spelling → readings.

Taiwan's English spells one name in many systems: 西屯 is Xitun (Hanyu Pinyin), Situn
(Tongyong), Hsi-t'un (Wade-Giles), Shituen (MPS II), Shitwen (Gwoyeu Romatzyh). This
module goes both ways:

- :func:`readings` reads Chinese as Taiwan reads it: a table of Taiwan readings (place
  names, surnames) wins over pypinyin, which is given Simplified text so that its phrase
  dictionary (keyed in Simplified) applies to Traditional names too;
- :func:`render` and :func:`romanize` write a reading in any system, as a place name
  (``Hsi-t'un``), a person's name (``Liu Shih-fang``) or syllables;
- :func:`parse` reads any romanized string back into the Hanyu syllables it may stand for,
  and the systems that could have written it.

pypinyin and OpenCC are imported only when Chinese is first read; parsing and rendering need
only the syllable table (``glossary/data/syllables.tsv``, from the kfcd crosswalk).

>>> romanize("西屯", "wade-giles"), romanize("西屯", "mps2"), romanize("西屯", "tongyong")
("Hsi-t'un", 'Shituen', 'Situn')
>>> romanize("劉世芳", "wade-giles", person=True)
'Liu Shih-fang'
>>> [c.hanyu for c in parse("Hsi-t'un").candidates][:1]
['xi tun']
"""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, lru_cache
from typing import Literal

from glossary._errors import RomanizationError
from glossary._syllables import INTERJECTIONS, SYSTEMS, table
from glossary._text import CHINESE_PUNCTUATION, is_cjk

__all__ = [
    "COMMON_SURNAMES",
    "CUSTOMARY_SPELLINGS",
    "SURNAMES",
    "TAIWAN_CHARACTERS",
    "TAIWAN_READINGS",
    "Candidate",
    "Parse",
    "Reading",
    "Scheme",
    "hanyu",
    "hanyu_syllables",
    "looks_like_person",
    "parse",
    "readings",
    "render",
    "romanize",
    "system_keys",
]


class Scheme(StrEnum):
    """A way of writing Mandarin. Values match :class:`glossary.System` where both exist."""

    HANYU = "hanyu"  # Hanyu Pinyin, official in Taiwan since 2009
    TONGYONG = "tongyong"  # Tongyong Pinyin (2002), official 2002-2008
    WADE_GILES = "wade-giles"
    MPS2 = "mps2"  # Mandarin Phonetic Symbols II (1984)
    GWOYEU = "gwoyeu"  # Gwoyeu Romatzyh, tonal spelling
    YALE = "yale"
    ZHUYIN = "zhuyin"  # Zhuyin Fuhao (Bopomofo), not a romanization but read the same way


#: The Latin-alphabet systems, in the order they are listed and preferred on ties.
LATIN: tuple[Scheme, ...] = (
    Scheme.HANYU,
    Scheme.WADE_GILES,
    Scheme.TONGYONG,
    Scheme.MPS2,
    Scheme.GWOYEU,
    Scheme.YALE,
)

Style = Literal["place", "person", "syllables"]
Tones = Literal["none", "marks", "numbers"]

# -- Taiwan's readings ------------------------------------------------------------------------

#: Readings that win over pypinyin: place names it misreads, as Taiwan reads them. Values
#: are alternatives, most likely first, each as numbered Hanyu syllables. The official
#: English township names confirm each (Changzhi, Changbin, Qieding, Dapu); 元長 is
#: Yuanzhang in Chunghwa Post's newer list and Yuanchang in its older one, so both stand.
TAIWAN_READINGS: dict[str, tuple[str, ...]] = {
    "長治": ("chang2 zhi4",),
    "長濱": ("chang2 bin1",),
    "茄萣": ("qie2 ding4",),
    "大埔": ("da4 pu3",),
    "元長": ("yuan2 zhang3", "yuan2 chang2"),
    "澎湖": ("peng2 hu2",),  # pypinyin: peng1
    "斗六": ("dou3 liu4",),  # pypinyin: dou4, the reading of 鬥, which 斗 also simplifies
    "垃圾": ("le4 se4",),  # Taiwan's standard; pypinyin: la1 ji1
    "乾安": ("qian2 an1",),  # Jilin's Qian'an County; pypinyin: gan4, the reading of 干
}

#: The first characters of TAIWAN_READINGS, to skip the search in most names.
_TAIWAN_FIRST = frozenset(name[0] for name in TAIWAN_READINGS)

#: Characters whose one Taiwan-standard reading (Ministry of Education dictionary) differs
#: from the mainland one pypinyin gives, whatever the phrase: mostly tones (錫 xí, not xī:
#: Yu Shyi-kun's Shyi is xí in Gwoyeu Romatzyh), sometimes the syllable (液 yì, 暫 zhàn).
TAIWAN_CHARACTERS: dict[str, str] = {
    "錫": "xi2",
    "息": "xi2",
    "惜": "xi2",
    "昔": "xi2",
    "夕": "xi4",
    "汐": "xi4",
    "期": "qi2",
    "微": "wei2",
    "危": "wei2",
    "液": "yi4",
    "暫": "zhan4",
    "擁": "yong1",
    "播": "bo4",
    "質": "zhi2",
    "企": "qi4",
    "綜": "zong4",
}

#: Surnames whose reading differs from the character's everyday one, and compound surnames,
#: read this way at the start of a person's name. Alternatives as in TAIWAN_READINGS.
SURNAMES: dict[str, tuple[str, ...]] = {
    "曾": ("zeng1",),
    "單": ("shan4",),
    "解": ("xie4",),
    "仇": ("qiu2",),
    "查": ("zha1",),
    "區": ("ou1",),
    "繆": ("miao4",),
    "翟": ("zhai2",),
    "覃": ("qin2",),
    "蓋": ("ge3",),
    "種": ("chong2",),
    "朴": ("piao2",),
    "褚": ("chu3",),
    "樂": ("yue4", "le4"),
    "柏": ("bo2", "bai3"),
    "歐陽": ("ou1 yang2",),
    "司馬": ("si1 ma3",),
    "司徒": ("si1 tu2",),
    "諸葛": ("zhu1 ge3",),
    "上官": ("shang4 guan1",),
    "張簡": ("zhang1 jian3",),
    "范姜": ("fan4 jiang1",),
    "長孫": ("zhang3 sun1",),
    "尉遲": ("yu4 chi2",),
    "澹臺": ("tan2 tai2",),
    "單于": ("chan2 yu2",),
    "皇甫": ("huang2 fu3",),
    "夏侯": ("xia4 hou2",),
    "公孫": ("gong1 sun1",),
    "東方": ("dong1 fang1",),
    "端木": ("duan1 mu4",),
    "令狐": ("ling2 hu2",),
    "慕容": ("mu4 rong2",),
}

#: Taiwan's 100 most common surnames, 96.6% of its people (Ministry of the Interior,
#: 全國姓名統計分析: the list of the 100 most common, 台灣百大姓氏; its 2018 edition ranks the
#: same first ten), and its three most common compound surnames (張簡, 歐陽, 范姜, same
#: source). Used to tell a personal name from a place name: see :func:`looks_like_person`.
COMMON_SURNAMES = frozenset(
    "陳林黃張李王吳劉蔡楊許鄭謝郭洪邱曾廖賴徐周葉蘇莊江呂何羅高蕭潘朱簡鍾彭游詹胡施沈"
    "余趙盧梁顏柯孫魏翁戴范宋方鄧杜傅侯曹溫薛丁馬蔣唐卓藍馮姚石董紀歐程連古汪湯姜田康"
    "鄒白塗尤巫韓龔嚴袁鐘黎金阮陸倪夏童邵柳錢"
) | frozenset({"張簡", "歐陽", "范姜"})

#: At most this many alternative readings of one text.
MAX_READINGS = 4


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a Chinese text: Hanyu syllables (toneless, ü written ü) and tones.

    Attributes:
        syllables: ``("xi", "tun")``.
        tones: 1-4, or 5 for the neutral tone, one per syllable.
        surname: How many syllables are the surname, when read as a person's name (else 0).
    """

    syllables: tuple[str, ...]
    tones: tuple[int, ...]
    surname: int = 0

    @property
    def numbered(self) -> str:
        """``xi1 tun2``."""
        return " ".join(f"{s}{t}" for s, t in zip(self.syllables, self.tones, strict=True))

    @classmethod
    def from_numbered(cls, text: str, *, surname: int = 0) -> Reading:
        """``Reading.from_numbered("xi1 tun2")``; ``v`` may stand for ``ü``."""
        pairs = [_split_numbered(s) for s in text.split()]
        return cls(tuple(p[0] for p in pairs), tuple(p[1] for p in pairs), surname)


def _split_numbered(syllable: str) -> tuple[str, int]:
    syllable = syllable.replace("v", "ü").replace("u:", "ü")
    if syllable[-1:].isdigit():
        tone = int(syllable[-1]) or 5
        return syllable[:-1], tone if 1 <= tone <= 5 else 5
    return syllable, 5


_lock = threading.Lock()


@cache
def _pypinyin() -> Callable[[str], list[str]]:
    """pypinyin's reader, with tone marks (its fastest style: numbers cost 1.7x)."""
    with _lock:
        from pypinyin import Style as PinyinStyle
        from pypinyin import lazy_pinyin

    def read(text: str) -> list[str]:
        result: list[str] = lazy_pinyin(text, style=PinyinStyle.TONE, errors="default")
        return result

    return read


_MARK_TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


@cache
def _marked() -> dict[str, tuple[str, int]]:
    """Every Hanyu syllable with its tone mark (``lǚ``) → (syllable, tone)."""
    data = table()
    out: dict[str, tuple[str, int]] = {}
    for syllable in data.syllables:
        for tone in (1, 2, 3, 4, 5):
            out.setdefault(data.toned[(syllable, tone, "hanyu")], (syllable, tone))
    return out


def _unmark(item: str) -> tuple[str, int] | None:
    """``('lü', 3)`` for ``lǚ``; None if ``item`` is not a syllable (an unread character)."""
    known = _marked().get(item)
    if known is not None:
        return known
    decomposed = unicodedata.normalize("NFD", item)
    tone = next((_MARK_TONES[c] for c in decomposed if c in _MARK_TONES), 5)
    syllable = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _MARK_TONES))
    return (syllable, tone) if syllable.isascii() or "ü" in syllable else None


def _read_plain(text: str) -> Reading:
    """pypinyin's reading, given Simplified text so that its phrase dictionary applies."""
    from glossary._script import to_simplified

    simplified = to_simplified(text)
    source = simplified if len(simplified) == len(text) else text
    read = _pypinyin()
    out = read(source)
    pairs = [_unmark(item) for item in out] if len(out) == len(text) else [None]
    if None in pairs:
        for char in text:  # name the character that has no reading
            got = read(char)
            if len(got) != 1 or got[0] == char or _unmark(got[0]) is None:
                raise RomanizationError(f"no reading is known for {char!r} (U+{ord(char):04X})")
        raise RomanizationError(f"could not read {text!r} one syllable per character")
    found = [
        _split_numbered(TAIWAN_CHARACTERS[char])
        if char in TAIWAN_CHARACTERS
        else _full_tone(char, pair)
        for char, pair in zip(text, pairs, strict=True)
        if pair is not None
    ]
    return Reading(tuple(p[0] for p in found), tuple(p[1] for p in found))


def _full_tone(char: str, pair: tuple[str, int]) -> tuple[str, int]:
    """A name's syllable with its full tone where pypinyin gives a word's neutral one.

    pypinyin reads 子 in 孔子 as in 桌子 (zi, neutral); in a name it keeps its tone (Kǒngzǐ,
    as the Ministry of Education's dictionary reads 孔子), so a neutral tone becomes the
    character's first reading with the same syllable and a tone (子 zǐ); characters with
    no such reading (了 le, 的 de) stay neutral.
    """
    syllable, tone = pair
    if tone != 5:
        return pair
    for item in _heteronyms(char):
        other = _unmark(item)
        if other is not None and other[0] == syllable and other[1] != 5:
            return other
    return pair


@cache
def _heteronyms(char: str) -> tuple[str, ...]:
    with _lock:
        from pypinyin import Style as PinyinStyle
        from pypinyin import pinyin

    found: list[list[str]] = pinyin(char, style=PinyinStyle.TONE, heteronym=True)
    return tuple(found[0]) if found else ()


def _check_chinese(text: str) -> str:
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        raise RomanizationError("nothing to romanize: the text is empty")
    bad = [c for c in cleaned if not is_cjk(c) and c not in CHINESE_PUNCTUATION]
    if bad:
        shown = ", ".join(repr(c) for c in dict.fromkeys(bad))
        raise RomanizationError(f"{text!r} is not all Chinese characters: {shown}")
    return "".join(c for c in cleaned if c not in CHINESE_PUNCTUATION)


def readings(text: str, *, person: bool = False) -> list[Reading]:
    """The readings of a Chinese name as Taiwan reads it, most likely first.

    Taiwan's readings (:data:`TAIWAN_READINGS` of names, :data:`TAIWAN_CHARACTERS` of
    single characters, :data:`SURNAMES` at the start of a person's name) win over
    pypinyin; where they list alternatives, every combination is returned (at most
    :data:`MAX_READINGS`).

    Raises:
        RomanizationError: if the text is empty, holds anything but Chinese characters
            (middle dots aside), or a character with no known reading.

    >>> [r.numbered for r in readings("長治")]
    ['chang2 zhi4']
    >>> [r.numbered for r in readings("元長")]
    ['yuan2 zhang3', 'yuan2 chang2']
    >>> readings("曾國藩", person=True)[0].numbered
    'zeng1 guo2 fan1'
    """
    chinese = _check_chinese(text)
    parts: list[list[Reading]] = []
    surname = 0
    rest = chinese
    if person:
        for length in (2, 1):
            head = chinese[:length]
            if len(head) == length and head in SURNAMES:  # 曾 alone is the surname Zeng
                parts.append([Reading.from_numbered(r) for r in SURNAMES[head]])
                surname, rest = length, chinese[length:]
                break
        else:
            surname = 2 if len(chinese) == 4 else 1
    if rest:
        parts.extend(_segments(rest))
    out: list[Reading] = []
    for combo in itertools.islice(itertools.product(*parts), MAX_READINGS):
        syllables = tuple(s for piece in combo for s in piece.syllables)
        tones = tuple(t for piece in combo for t in piece.tones)
        out.append(Reading(syllables, tones, surname))
    return out


def _segments(text: str) -> Iterator[list[Reading]]:
    """Alternatives for each stretch of ``text``: Taiwan's readings, else pypinyin's."""
    if not any(char in _TAIWAN_FIRST for char in text):  # the common case: one call
        yield [_read_plain(text)]
        return
    longest = max(map(len, TAIWAN_READINGS))
    start = plain = 0
    while start < len(text):
        for length in range(min(longest, len(text) - start), 1, -1):
            chunk = text[start : start + length]
            if chunk in TAIWAN_READINGS:
                if plain < start:
                    yield [_read_plain(text[plain:start])]
                yield [Reading.from_numbered(r) for r in TAIWAN_READINGS[chunk]]
                start += length
                plain = start
                break
        else:
            start += 1
    if plain < len(text):
        yield [_read_plain(text[plain:])]


def looks_like_person(text: str) -> bool:
    """True if a Chinese name is shaped like a person's: a common surname, then one or two
    characters (蔡英文, 歐陽娜娜), as the passport office romanizes a name.

    A shape, not a fact: a place name can have it too (高雄: 高 is a surname), which is why
    the term base's word comes first where it has one. Surnames are
    :data:`COMMON_SURNAMES`.

    >>> looks_like_person("蔡英文"), looks_like_person("歐陽娜娜"), looks_like_person("西屯")
    (True, True, False)
    >>> looks_like_person("中華民國"), looks_like_person("林")
    (False, False)
    """
    chinese = "".join(c for c in text if c not in CHINESE_PUNCTUATION and not c.isspace())
    if not chinese or not all(is_cjk(c) for c in chinese):
        return False
    for length in (2, 1):
        if chinese[:length] in COMMON_SURNAMES and 1 <= len(chinese) - length <= 2:
            return True
    return False


def hanyu_syllables(text: str) -> tuple[str, ...]:
    """The Hanyu Pinyin syllables of a Chinese name (most likely reading), without tones.

    >>> hanyu_syllables("西屯")
    ('xi', 'tun')
    >>> hanyu_syllables("長治鄉")
    ('chang', 'zhi', 'xiang')
    """
    return readings(text)[0].syllables


def hanyu(text: str) -> str:
    """The Hanyu Pinyin of a Chinese name as one toneless, lower-case word.

    >>> hanyu("石碇")
    'shiding'
    """
    return "".join(hanyu_syllables(text))


# -- rendering --------------------------------------------------------------------------------

_SUPERSCRIPT = {1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵"}


def spell(syllable: str, tone: int, system: Scheme | str, tones: Tones = "none") -> str:
    """One syllable in one system, lower case.

    Gwoyeu Romatzyh spells the tone in its letters whatever ``tones`` says, the neutral
    tone with a leading dot (``.men``).

    >>> spell("tun", 2, "wade-giles"), spell("shi", 4, "gwoyeu"), spell("lü", 3, "hanyu", "marks")
    ("t'un", 'shyh', 'lǚ')
    >>> spell("men", 5, "gwoyeu"), spell("tun", 1, "yale")
    ('.men', 'twun')
    """
    system = Scheme(system)
    data = table()
    known = (syllable, system.value) in data.plain
    if not known:  # an interjection pypinyin knows and the table does not (hm, hng)
        return syllable + (str(tone) if tones == "numbers" else "")
    if system is Scheme.GWOYEU:  # tonal spelling: the neutral tone's dot is part of it
        return data.toned[(syllable, tone, system.value)]
    plain = data.plain[(syllable, system.value)]
    if tones == "none":
        return plain
    if system is Scheme.ZHUYIN or (
        tones == "marks" and system in (Scheme.HANYU, Scheme.YALE, Scheme.TONGYONG)
    ):  # Zhuyin writes tones with marks only
        return data.toned[(syllable, tone, system.value)]
    if system is Scheme.WADE_GILES and tones == "marks":
        return plain + _SUPERSCRIPT[tone]
    return plain + str(tone)


def render(
    reading: Reading,
    system: Scheme | str = Scheme.HANYU,
    *,
    style: Style = "place",
    tones: Tones = "none",
) -> str:
    """Write a reading in one system.

    Styles: ``place`` writes one capitalised word (Wade-Giles hyphenates its syllables:
    Kao-hsiung); ``person`` writes the surname, a space and the given name, which is
    hyphenated with lower case after the hyphen in every system but Hanyu Pinyin (Liu
    Shifang, Liu Shih-fang); ``syllables`` writes lower-case syllables apart. Where a
    syllable starting with a vowel follows another in one word, an apostrophe marks the
    boundary (Xi'an, Da'an). Gwoyeu Romatzyh spells tones in letters whatever ``tones``.

    >>> xian = Reading.from_numbered("xi1 an1")
    >>> render(xian), render(xian, "wade-giles"), render(xian, style="syllables", tones="marks")
    ("Xi'an", 'Hsi-an', 'xī ān')
    >>> render(Reading.from_numbered("wang2 jin1 ping2", surname=1), "gwoyeu", style="person")
    'Wang Jin-pyng'
    """
    system = Scheme(system)
    spelled = [
        spell(s, t, system, tones) for s, t in zip(reading.syllables, reading.tones, strict=True)
    ]
    if style == "syllables" or not spelled:
        return " ".join(spelled)
    if style == "person" and len(spelled) > 1:
        surname = reading.surname or 1
        # Wade-Giles hyphenates a compound surname as it does a given name (Ssu-ma Ch'ien,
        # Ou-yang Hsiu, Chu-ko Liang); the other systems write it as one word (Sima Qian).
        family = _word(spelled[:surname], system, hyphenate=system is Scheme.WADE_GILES)
        if surname >= len(spelled):  # a surname alone (歐陽)
            return family
        given = _word(spelled[surname:], system, hyphenate=system is not Scheme.HANYU)
        return f"{family} {given}"
    return _word(spelled, system, hyphenate=system is Scheme.WADE_GILES)


def _word(spelled: Sequence[str], system: Scheme, *, hyphenate: bool) -> str:
    """Syllables as one word: hyphenated, or joined with an apostrophe before a vowel.

    The apostrophe goes before a syllable whose first letter is a vowel, tone mark or not
    (Xi'an, Xī'ān; Hanyu Pinyin: a, e, o only, as its rules say). Gwoyeu Romatzyh's
    neutral-tone dot joins its syllable to the one before (Woo.men), never a hyphen.
    """
    if system is Scheme.ZHUYIN:
        return "".join(spelled)
    vowels = "aeo" if system is Scheme.HANYU else "aeiouü"
    text = spelled[0]
    for piece in spelled[1:]:
        if piece[:1] == ".":
            text += piece
        elif hyphenate:
            text += "-" + piece
        else:
            first = unicodedata.normalize("NFD", piece[:1])[:1]
            text += ("'" if first in vowels or piece[:1] == "ü" else "") + piece
    start = 1 if text[:1] == "." else 0
    return text[: start + 1].upper() + text[start + 1 :]


@cache
def _key_parts() -> dict[tuple[str, int], tuple[str, ...]]:
    """(syllable, tone) → its ASCII key spelling in each Latin system, in LATIN order."""
    from glossary._text import latin_key

    data = table()
    return {
        (syllable, tone): tuple(latin_key(spell(syllable, tone, system)) for system in LATIN)
        for syllable in data.syllables
        for tone in (1, 2, 3, 4, 5)
    }


def system_keys(reading: Reading) -> list[tuple[Scheme, str]]:
    """The reading as one ASCII lower-case word in each Latin system, as the index keys it.

    The same as ``latin_key(render(reading, system))`` for each system in :data:`LATIN`,
    without building the display forms: index builds call this for every name.

    >>> [key for _, key in system_keys(Reading.from_numbered("xi1 tun2"))]
    ['xitun', 'hsitun', 'situn', 'shituen', 'shitwen', 'syitwun']
    """
    parts = _key_parts()
    columns = [
        parts.get((s, t)) or (s.replace("ü", "u"),) * len(LATIN)
        for s, t in zip(reading.syllables, reading.tones, strict=True)
    ]
    return [(system, "".join(c[i] for c in columns)) for i, system in enumerate(LATIN)]


def romanize(
    text: str,
    system: Scheme | str = Scheme.HANYU,
    *,
    person: bool = False,
    tones: Tones = "none",
) -> str:
    """A Chinese name in one system: as a place (default) or as a person's name.

    Raises:
        RomanizationError: as :func:`readings`.

    >>> romanize("高雄", "wade-giles"), romanize("大安"), romanize("馬英九", "gwoyeu", person=True)
    ('Kao-hsiung', "Da'an", 'Maa Ing-jeou')
    """
    reading = readings(text, person=person)[0]
    return render(reading, system, style="person" if person else "place", tones=tones)


# -- parsing ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """One Hanyu syllable sequence a romanized string may stand for.

    Attributes:
        syllables: Toneless Hanyu syllables (ü written ü).
        systems: The systems that spell every syllable this way with the fewest
            assumptions (empty when the spelling mixes systems, as Ma Ying-jeou mixes
            Wade-Giles and Gwoyeu Romatzyh). Besides the :class:`Scheme` values, a
            customary surname spelling (Lee) counts as :data:`CUSTOMARY`.
        syllable_systems: For each syllable, the systems that spell it this way.
        exact: False if reading it this way assumes a dropped apostrophe or diaeresis
            (Hsitun for Hsi-t'un, yu for Wade-Giles yü).
    """

    syllables: tuple[str, ...]
    systems: frozenset[str]
    syllable_systems: tuple[frozenset[str], ...]
    exact: bool = True

    @property
    def hanyu(self) -> str:
        """The syllables apart: ``xi tun``."""
        return " ".join(self.syllables)

    @property
    def key(self) -> str:
        """The syllables as one ASCII word (ü as u), as the index keys readings: ``xitun``."""
        return "".join(self.syllables).replace("ü", "u")

    @property
    def mixed(self) -> bool:
        """True if no one system spells every syllable this way."""
        return not self.systems


@dataclass(frozen=True, slots=True)
class Parse:
    """What :func:`parse` found: candidates, best first, or the reason there are none."""

    text: str
    candidates: tuple[Candidate, ...] = ()
    reason: str = ""

    def __bool__(self) -> bool:
        return bool(self.candidates)


#: At most this many candidates (ambiguity multiplies: chih, chi, ju each have three).
MAX_CANDIDATES = 256

_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼ`´ʻ′"})
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/]+")
#: What ends (or, for ˙ and GR's neutral-tone dot, starts) a syllable: a tone digit or
#: superscript (NFKC makes these digits) after a letter, a Zhuyin-style tone mark, a middle
#: dot, and a full stop before a letter (Gwoyeu Romatzyh's neutral tone: Woo.men).
_TONE_BOUNDARIES = re.compile(r"(?<=[^\W\d_])[0-5]|[ˊˇˋ˙·¯]|\.(?=[^\W\d_])")
_KEEP_COMBINING = frozenset("\u0308")  # the diaeresis of ü
_BOUNDARY = "|"
#: Customary spellings of surnames that no system writes, as whole words, each with the
#: Hanyu syllable it stands for and a person who writes it so: Lee (李, Lee Teng-hui),
#: Soong (宋, James Soong), Koo (辜, Koo Chen-fu), Siew (蕭, Vincent Siew). A candidate
#: reading one credits it to the pseudo-system ``customary``.
CUSTOMARY_SPELLINGS: dict[str, str] = {
    "lee": "li",
    "soong": "song",
    "koo": "gu",
    "siew": "xiao",
}
CUSTOMARY = "customary"

#: Where each system stands on a tie: a customary surname spelling first (Lee is 李 before
#: it is Gwoyeu Romatzyh's lee, le3), then LATIN's order, Zhuyin last.
_ORDER = {CUSTOMARY: -1} | {str(system): number for number, system in enumerate(LATIN)}
#: The systems that write tones as marks over a vowel (xī, syī; Tongyong's ˊ ˇ ˋ too).
_MARKING = frozenset({"hanyu", "yale", "tongyong"})


def _fold(text: str) -> str:
    """Lower case, apostrophes as ', ü kept (from v and u: too), other marks gone.

    A letter that carried a tone mark comes back in upper case, so that the parser knows
    where the marks were (a syllable has one); tone digits, superscripts and Zhuyin-style
    marks become spaces, since each ends a syllable.
    """
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    text = text.replace("u:", "ü").replace("v", "ü")
    out = []
    for char in text:
        if char.isascii():
            out.append(char)
            continue
        decomposed = unicodedata.normalize("NFD", char)
        kept = "".join(
            c for c in decomposed if not unicodedata.combining(c) or c in _KEEP_COMBINING
        )
        kept = unicodedata.normalize("NFC", kept)
        out.append(kept.upper() if any(c in _MARK_TONES for c in decomposed) else kept)
    return _TONE_BOUNDARIES.sub(" ", "".join(out))


@dataclass(frozen=True, slots=True)
class _Option:
    syllable: str
    system: str
    penalty: int  # 1 for each assumption: a dropped apostrophe or diaeresis


@dataclass(slots=True)
class _Lexicon:
    spellings: dict[str, list[_Option]] = field(default_factory=dict)
    longest: int = 0

    def add(self, spelling: str, option: _Option) -> None:
        options = self.spellings.setdefault(spelling, [])
        for i, old in enumerate(options):
            if old.syllable == option.syllable and old.system == option.system:
                if option.penalty < old.penalty:
                    options[i] = option
                return
        options.append(option)
        self.longest = max(self.longest, len(spelling))


@cache
def _lexicon() -> _Lexicon:
    data = table()
    lexicon = _Lexicon()
    for syllable in data.syllables:
        for system in SYSTEMS:
            if system == "zhuyin":
                lexicon.add(data.plain[(syllable, system)], _Option(syllable, system, 0))
                continue
            if syllable in INTERJECTIONS:
                continue
            if system == "gwoyeu":
                forms = {data.toned[(syllable, t, system)].lstrip(".") for t in range(1, 6)}
            else:
                forms = {data.plain[(syllable, system)]}
            for form in forms:
                for spelling, penalty in _variants(_fold(form).lower(), system):
                    lexicon.add(spelling, _Option(syllable, system, penalty))
    return lexicon


#: Other Wade-Giles spellings of a syllable, as its tables give them: szu (the older
#: spelling of ssu); the final ê/o as ê after k, k', h too (kê, k'ê, hê, folded to ke, k'e,
#: he; passports drop the circumflex: KE for ㄍㄜ); yi beside i for 一 (the tables give both).
_WADE_GILES_ALSO: dict[str, tuple[tuple[str, int], ...]] = {
    "ssu": (("szu", 0),),
    "ko": (("ke", 0),),
    "k'o": (("k'e", 0), ("ke", 1)),
    "ho": (("he", 0),),
    "i": (("yi", 0),),
}


def _variants(spelling: str, system: str) -> Iterator[tuple[str, int]]:
    """A spelling and the ways people also write it, each with its penalty."""
    yield spelling, 0
    if system == "wade-giles":
        yield from _WADE_GILES_ALSO.get(spelling, ())
    if "ü" in spelling:
        yield spelling.replace("ü", "u"), 1
        if system == "hanyu":
            yield spelling.replace("ü", "yu"), 1  # Lyu for 呂, as passports write it
    if "'" in spelling:
        bare = spelling.replace("'", "")
        yield bare, 1
        if "ü" in bare:
            yield bare.replace("ü", "u"), 2


#: The most letters parse() reads: the segmentation's cost grows faster than the length, and
#: no romanized name is this long (the longest township names have five syllables).
MAX_PARSE_LETTERS = 100


def parse(text: str) -> Parse:
    """The Hanyu syllables a romanized string may stand for, and who could have written it.

    Accepts any of Hanyu Pinyin (tone marks, numbers or none), Tongyong Pinyin, Wade-Giles,
    MPS II, Gwoyeu Romatzyh, Yale and Zhuyin, mixed within one name, in any case, with or
    without hyphens, spaces, straight or curly apostrophes and diacritics; ü may be written
    ü, v, u: or u. Every reading is kept (chih is zhi or chi or, without its apostrophe,
    qi); candidates come best first: fewer syllables (Xian is one, Xi'an two), spelled in
    one system, assuming nothing dropped.

    >>> [c.hanyu for c in parse("Ma Ying-jeou").candidates][:1]
    ['ma ying jiu']
    >>> sorted({c.syllables[0] for c in parse("chih").candidates})
    ['chi', 'qi', 'zhi']
    >>> parse("Bi-khim").reason
    "'Bi-khim' is not romanized Mandarin: no syllable in any system spells 'khim'"
    """
    folded = _fold(text)
    words = [w for w in _SEPARATORS.split(folded.strip()) if w]
    if not words:
        return Parse(text, reason="nothing to parse: the text is empty")
    for word in words:
        odd = [c for c in word if not (c.isalpha() or c == "'")]
        if odd:
            shown = ", ".join(repr(c) for c in dict.fromkeys(odd))
            return Parse(text, reason=f"{text!r} is not romanized Mandarin: it contains {shown}")
    letters = sum(map(len, words))
    if letters > MAX_PARSE_LETTERS:
        return Parse(
            text,
            reason=f"{letters:,} letters is longer than any romanized name: parse reads names "
            f"of at most {MAX_PARSE_LETTERS}",
        )
    joined = _BOUNDARY.join(words)
    lexicon = _lexicon()
    segmentations, stuck = _segment(joined, lexicon)
    if not segmentations:
        rest = joined[stuck:].split(_BOUNDARY)[0].lstrip("'").lower()
        return Parse(
            text,
            reason=f"{text!r} is not romanized Mandarin: no syllable in any system spells {rest!r}",
        )
    return Parse(text, _candidates(segmentations, joined))


def _segment(word: str, lexicon: _Lexicon) -> tuple[list[tuple[str, ...]], int]:
    """Every split of ``word`` into spellings, fewest pieces first; and how far any got.

    Letters in upper case carried a tone mark (see :func:`_fold`): a piece holds at most
    one, since a syllable has one tone (xīān is xi an, never xian). Pieces keep their case.
    """
    n = len(word)
    lower = word.lower()
    marks = [0]  # marks[i]: how many marked letters word[:i] holds
    for char in word:
        marks.append(marks[-1] + (char != char.lower()))
    ways: list[list[tuple[str, ...]] | None] = [None] * (n + 1)
    ways[n] = [()]
    for i in range(n - 1, -1, -1):
        found: list[tuple[str, ...]] = []
        if word[i] in (_BOUNDARY, "'"):
            found.extend(ways[i + 1] or [])
        for j in range(i + 1, min(n, i + lexicon.longest) + 1):
            if word[j - 1] == _BOUNDARY or marks[j] - marks[i] > 1:
                break
            if ways[j] and (lower[i:j] in lexicon.spellings or _customary(word, i, j)):
                piece = word[i:j]
                found.extend((piece, *rest) for rest in ways[j] or [])
        found.sort(key=len)
        ways[i] = found[:64] or None
    if ways[0]:
        return ways[0], n
    reach = {0}
    for i in range(n):
        if i not in reach:
            continue
        if word[i] in (_BOUNDARY, "'"):
            reach.add(i + 1)
        for j in range(i + 1, min(n, i + lexicon.longest) + 1):
            if word[j - 1] == _BOUNDARY or marks[j] - marks[i] > 1:
                break
            if lower[i:j] in lexicon.spellings or _customary(word, i, j):
                reach.add(j)
    return [], max(reach)


def _customary(word: str, i: int, j: int) -> bool:
    """True if ``word[i:j]`` is a whole word and a customary surname spelling (Lee)."""
    return (
        (i == 0 or word[i - 1] == _BOUNDARY)
        and (j == len(word) or word[j] == _BOUNDARY)
        and word[i:j].lower() in CUSTOMARY_SPELLINGS
    )


def _candidates(segmentations: Iterable[tuple[str, ...]], word: str) -> tuple[Candidate, ...]:
    """Every syllable sequence the segmentations allow, ranked.

    Segmentations come fewest pieces first; once a whole group of one length is done and
    enough candidates are in hand, longer ones are not tried. Within a segmentation the
    readings each piece allows are tried best first (no assumption, most systems).

    Ranked by: fewer syllables; fewer tone-marked syllables read in a system that writes
    no tone marks (tēi is Hanyu tei before Wade-Giles dei); spelled in one system; fewer
    assumptions; then the systems' order in :data:`LATIN` (Hanyu first), not the alphabet.
    """
    scored: dict[tuple[tuple[str, ...], int], tuple[tuple[int, ...], Candidate]] = {}
    last_length = 0
    for order, pieces in enumerate(segmentations):
        if len(pieces) > last_length and len(scored) >= MAX_CANDIDATES:
            break
        last_length = len(pieces)
        choices: list[tuple[_Choice, ...]] = []
        marked = [piece != piece.lower() for piece in pieces]
        any_marked = any(marked)
        for piece, whole in zip(pieces, _whole_words(pieces, word), strict=True):
            choices.append(_piece_choices(piece.lower(), whole))
        for combo in itertools.islice(itertools.product(*choices), MAX_CANDIDATES):
            syllables = tuple(c.syllable for c in combo)
            per = tuple(c.frozen for c in combo)
            misfit = (
                sum(1 for m, p in zip(marked, per, strict=True) if m and not p & _MARKING)
                if any_marked
                else 0
            )
            for level, (common, penalty) in enumerate(_readings_of(combo, per)):
                precedence = min(map(_order, common)) if common else sum(c.order for c in combo)
                rank = (len(syllables), misfit, 0 if common else 1, penalty, precedence, order)
                old = scored.get((syllables, level))
                if old is None or rank < old[0]:
                    candidate = Candidate(syllables, common, per, exact=penalty == 0)
                    scored[(syllables, level)] = (rank, candidate)
    ranked = sorted(scored.values(), key=lambda item: (item[0], item[1].syllables))
    return tuple(c for _, c in ranked[:MAX_CANDIDATES])


@dataclass(frozen=True, slots=True)
class _Choice:
    """One syllable a piece may stand for: the systems spelling it so, with penalties."""

    syllable: str
    systems: dict[str, int]
    frozen: frozenset[str]
    order: int  # the best of the systems' places in _ORDER


@lru_cache(maxsize=4096)
def _piece_choices(piece: str, whole: bool) -> tuple[_Choice, ...]:
    """The syllables a piece (lower case) may stand for, best first: fewest assumptions,
    most systems. A whole word may also be a customary surname spelling (Lee)."""
    by_syllable: dict[str, dict[str, int]] = {}
    options = _lexicon().spellings.get(piece, [])
    if whole and piece in CUSTOMARY_SPELLINGS:
        options = [*options, _Option(CUSTOMARY_SPELLINGS[piece], CUSTOMARY, 0)]
    for option in options:
        systems = by_syllable.setdefault(option.syllable, {})
        systems[option.system] = min(systems.get(option.system, 9), option.penalty)
    ordered = sorted(
        by_syllable.items(), key=lambda item: (min(item[1].values()), -len(item[1]), item[0])
    )
    return tuple(
        _Choice(syllable, systems, frozenset(systems), min(map(_order, systems)))
        for syllable, systems in ordered
    )


def _order(system: str) -> int:
    return _ORDER.get(system, len(_ORDER))


def _readings_of(
    combo: Sequence[_Choice], per: tuple[frozenset[str], ...]
) -> list[tuple[frozenset[str], int]]:
    """The systems that spell the whole combination, fewest assumptions first, and those.

    One reading, or two when systems that spell every syllable need more assumptions than
    the best: yu is Hanyu yu as written and also Wade-Giles yü without its diaeresis, a
    reading of its own (else Wade-Giles would offer yu only as you).
    """
    common = frozenset.intersection(*per)
    if not common:
        return [(common, sum(min(c.systems.values()) for c in combo))]
    totals = {s: sum(c.systems[s] for c in combo) for s in common}
    levels = sorted(set(totals.values()))[:2]
    return [(frozenset(s for s, t in totals.items() if t == level), level) for level in levels]


def _whole_words(pieces: Sequence[str], word: str) -> list[bool]:
    """For each piece of a segmentation of ``word``, whether it is a whole word."""
    flags = []
    at = 0
    for piece in pieces:
        while word[at] in (_BOUNDARY, "'"):
            at += 1
        start, at = at, at + len(piece)
        flags.append(
            (start == 0 or word[start - 1] == _BOUNDARY)
            and (at == len(word) or word[at] == _BOUNDARY)
        )
    return flags
