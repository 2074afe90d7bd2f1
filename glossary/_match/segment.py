"""Chinese word boundaries: a Chinese name is a name only where the text's words begin and end.

Han text has no spaces, but it has words. 中正 (Zhongzheng District) is no district in
中正路 (a road) or 大台北 (Greater Taipei), and 高雄市 is no city in 高雄市長 (the mayor of
Kaohsiung). Two rules, both here, decide a Chinese hit whose neighbour on either side is a
Han character (one between punctuation, spaces or Latin letters is a word already):

1. **Word boundary** (:meth:`Words.keeps`): the hit starts and ends where the segmenter's
   words do. The segmenter is rjieba (the Rust port of jieba, jieba-rs), without its HMM
   guesses for unknown words, so that only dictionary words join characters: jieba's own
   dictionary, and every Chinese key of the term base as a word of its own. jieba's
   dictionary is Simplified (it has 市长, 纪念堂, 议员, not 市長, 紀念堂, 議員: a Traditional
   text falls apart into single characters, and 高雄市|長 looks like a boundary), so a
   stretch is segmented in Simplified (OpenCC, character for character) and the keys are
   given in Simplified too. Only the Han stretch around the hit is segmented, at most
   :data:`BEFORE` characters before it and :data:`AFTER` after it, never the whole text.
2. **Title or longer name after a place** (:data:`AFTER_PLACE`): a place (a county, city,
   district, township or village, or one outside Taiwan) followed by a title (高雄市長陳其邁
   is the mayor of Kaohsiung, Chen Chi-mai: the person is glossed, the city is not), a
   body named after it (臺北市議會: the council is glossed when the term base has it, the
   city alone never) or a place named after it (中正紀念堂, 大安森林公園, 士林夜市, 中正大學,
   中正路, 大同街) is not the place alone. The word must end on a word boundary:
   台北長期以來 is Taipei, for 長期 is a word.

The segmenter, about 0.25 s to load with its dictionary, is loaded the first time a Chinese
hit touches another Han character; a text whose names all stand between punctuation never
pays for it.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from glossary._model import DIVISIONS, Entry, Kind
from glossary._text import _CJK_RANGES as CJK_RANGES  # one list of the ideographs
from glossary._text import is_cjk

if TYPE_CHECKING:
    import rjieba

__all__ = [
    "AFTER",
    "AFTER_PLACE",
    "BEFORE",
    "NAME_FREQUENCY",
    "PLACE_KINDS",
    "SHORT_NAME_FREQUENCY",
    "Words",
    "is_han",
    "name_frequency",
]

#: How many characters of the Han stretch before and after a hit are segmented with it:
#: enough for the longest word of :data:`AFTER_PLACE` and a word of context beyond it.
BEFORE, AFTER = 4, 8

#: Entries the second rule applies to: places that lend their name to titles and bodies.
PLACE_KINDS = DIVISIONS | {Kind.FOREIGN_PLACE}

#: Words that make a place before them part of a title or a longer name, in Simplified
#: (the script the stretch is segmented in). 長 alone is the segmenter's word after 高雄市
#: (高雄市|長): a city's mayor; 市長 after 台北 (台北|市長) likewise.
AFTER_PLACE = frozenset(
    {
        # titles: 高雄市長, 花蓮縣長, 新北市議長, 臺中市議員, 高雄立委
        "长",
        "市长",
        "县长",
        "区长",
        "乡长",
        "镇长",
        "里长",
        "村长",
        "副市长",
        "副县长",
        "副区长",
        "副乡长",
        "副镇长",
        "议员",
        "市议员",
        "县议员",
        "议长",
        "副议长",
        "立委",
        # bodies named after the place: 臺北市議會, 嘉義市政府, 西屯區公所
        "议会",
        "市议会",
        "县议会",
        "政府",
        "市政府",
        "县政府",
        "市府",
        "县府",
        "公所",
        "民代表会",  # 埔里鎮 + 民代表會: the township's council of representatives
        "乡民代表会",
        "镇民代表会",
        "市民代表会",
        "区公所",
        "乡公所",
        "镇公所",
        "市公所",
        "警察局",
        "地检署",
        "地方法院",
        # places named after it: 中正紀念堂, 中正大學, 大安森林公園, 士林夜市
        "纪念堂",
        "大学",
        "公园",
        "森林公园",
        "夜市",
        "医院",
        "车站",
        "火车站",
        "机场",
        # roads and streets named after it: 中正路, 六合路, 信義路五段, 大同街, 大溪老街
        "路",
        "北路",
        "南路",
        "东路",
        "西路",
        "中路",
        "大道",
        "街",
        "大街",
        "老街",
        "路口",
    }
)

_LONGEST_AFTER = max(map(len, AFTER_PLACE))

#: The least frequency a name of the term base has in the segmenter's dictionary (jieba's
#: counts: 立委 115, 台北 632, 市长 8782, 表示 19238): names whose count jieba has lower
#: (民眾黨 5) or lacks (陳其邁) are raised to it, those it counts higher keep their count
#: (中和 2249, which 集中|和平 still beats). Measured on the Chinese stories of
#: tests/fixtures/corpus: 100 finds 民眾黨 in 民眾黨立委 and changes nothing else.
NAME_FREQUENCY = 100
#: The least frequency of a name of two characters: the bare names of counties, cities and
#: districts (台東, 宜蘭, 中和), which Taiwan's press writes far more often than jieba's
#: dictionary counts them (台東 42, 宜蘭 65). With 100, 台東山區 (Taitung's mountains) was
#: cut 台|東山區 and read as Tainan's 東山區, and 宜蘭山區 as 宜|蘭山區 (Linyi's 蘭山區). From
#: about 800 they are 台東|山區 and 宜蘭|山區; from about 1,500 台北 (632) would beat the word
#: 大台北 (4, Greater Taipei: 大|台北). 1,000 keeps both, and changes nothing else in the
#: corpus or the word tests.
SHORT_NAME_FREQUENCY = 1000


def name_frequency(name: str, counted: int) -> int:
    """The frequency a name of the term base gets in the segmenter's dictionary, given
    jieba's own count of it: at least :data:`NAME_FREQUENCY`, or
    :data:`SHORT_NAME_FREQUENCY` for a name of two characters.

    >>> name_frequency("陈其迈", 0), name_frequency("台东", 101), name_frequency("市长", 8782)
    (100, 1000, 8782)
    """
    return max(SHORT_NAME_FREQUENCY if len(name) == 2 else NAME_FREQUENCY, counted)


@cache
def _han_stretches() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The Han stretch from a position on (matched), and the one that ends where a search
    ends; the Han characters are glossary._text's CJK ideographs. Compiled on first use:
    about 2 ms, and most hits have no Han neighbour."""
    han = "[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in CJK_RANGES) + "]"
    return re.compile(f"{han}*"), re.compile(f"{han}*\\Z")


def is_han(char: str) -> bool:
    """Whether ``char`` is a Han character (a neighbour that may join a Chinese name).

    >>> is_han("市"), is_han("，"), is_han("A")
    (True, False, False)
    """
    known = _IS_HAN.get(char)
    if known is None:
        known = is_cjk(char)
        if len(_IS_HAN) < 65536:
            _IS_HAN[char] = known
    return known


#: is_han's answers so far: the regex took 1-3 µs a character, and a Chinese text's
#: names stand next to the same punctuation again and again.
_IS_HAN: dict[str, bool] = {}


class Words:
    """The word boundaries of Chinese text around a hit, for one index's names.

    ``words`` gives the names to add to the segmenter's dictionary (the Chinese keys of a
    term base), asked for only when the segmenter is first needed.
    """

    def __init__(self, words: Callable[[], Iterable[str]]) -> None:
        self._words = words
        self._jieba: rjieba.Jieba | None = None
        self._simplified: dict[int, str] = {}
        self._lock = threading.Lock()

    def keeps(self, text: str, start: int, end: int, entries: Sequence[Entry]) -> bool:
        """Whether a Chinese hit at ``text[start:end]`` of these ``entries`` is a name there
        (the two rules of the module's docstring).

        >>> words = Words(lambda: ["高雄市", "陳其邁"])
        >>> words.keeps("，高雄市。", 1, 4, ())  # between punctuation: never segmented
        True
        >>> words.keeps("在中正路上", 1, 3, ())  # 中正路 is a word: 中正 is not one here
        False
        """
        # Most neighbours are common Han characters or punctuation: told apart without a call
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not (before and ("\u4e00" <= before <= "\u9fff" or is_han(before))) and not (
            after and ("\u4e00" <= after <= "\u9fff" or is_han(after))
        ):
            return True
        han_after, han_before = _han_stretches()
        high = han_after.match(text, end, end + AFTER).end()  # type: ignore[union-attr]
        low = han_before.search(text, max(start - BEFORE, 0), start).start()  # type: ignore[union-attr]
        jieba = self._jieba or self._load()
        stretch = text[low:high].translate(self._simplified)
        cuts = set(itertools.accumulate(map(len, jieba.cut(stretch, False)), initial=0))
        left, right = start - low, end - low
        if left not in cuts or right not in cuts:
            return False
        if high == end or not any(e.kind in PLACE_KINDS for e in entries):
            return True
        rest = stretch[right : right + _LONGEST_AFTER]
        return not any(
            rest[:length] in AFTER_PLACE and right + length in cuts
            for length in range(1, len(rest) + 1)
        )

    def _load(self) -> rjieba.Jieba:
        with self._lock:
            if self._jieba is None:
                import rjieba

                self._simplified = _simplified_characters()
                jieba = rjieba.Jieba()
                names = {word.translate(self._simplified) for word in self._words()}
                for name in sorted(names):
                    # jieba's own counts for names are arbitrary (民眾黨 5, so 民眾|黨立委
                    # beat 民眾黨|立委; 台東 101, so 台|東山區 beat 台東|山區)
                    jieba.add_word(name, name_frequency(name, jieba.suggest_freq(name)), None)
                self._jieba = jieba
            return self._jieba


def _simplified_characters() -> dict[int, str]:
    """Each Traditional character of the basic Han block to its Simplified form (OpenCC's
    character table: words are segmented character for character, so offsets stay)."""
    from glossary._script import to_simplified

    chars = [chr(code) for code in range(0x4E00, 0xA000)]
    # One call: the line breaks keep OpenCC's phrases from joining neighbours
    converted = to_simplified("\n".join(chars)).split("\n")
    return {
        ord(old): new
        for old, new in zip(chars, converted, strict=True)
        if new != old and len(new) == 1
    }
