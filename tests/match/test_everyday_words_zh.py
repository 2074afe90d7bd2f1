"""Places abroad whose bare Chinese name is an everyday word (glossary._index's
everyday_chinese_keys, glossary/data/everyday_words_zh.txt from
scripts/gen_everyday_words_zh.py): 合作 (co-operation) is no 合作市 of Gansu in text, though a
lookup still finds it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from glossary import Glossary
from glossary._index import everyday_chinese_keys
from tests.cli.helpers import run

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "雙方同意加強合作，中方表示貨輪將停靠在港口。"


@pytest.mark.parametrize("repeat", [1, 400], ids=["short-text", "long-text"])
def test_an_everyday_word_is_no_place_abroad(glossary: Glossary, repeat: int) -> None:
    """Both ways of scanning (index queries for a short text, the automaton for a long
    one) leave the words alone."""
    assert glossary.annotate(SENTENCE * repeat) == []


@pytest.mark.parametrize("repeat", [1, 400], ids=["short-text", "long-text"])
def test_with_its_generic_word_it_is_the_place(glossary: Glossary, repeat: int) -> None:
    spans = glossary.annotate("甘肅省合作市的牧民。" * repeat)
    assert {(s.text, s.entry.id) for s in spans if s.entry} == {
        ("甘肅省", "cn-gansu"),
        ("合作市", "cn-gansu-gannan-zangzu-hezuo"),
    }


def test_cities_and_taiwan_names_keep_their_bare_names(glossary: Glossary) -> None:
    names = [(s.text, s.entry.id) for s in glossary.annotate("大連、北京與大同的工廠。") if s.entry]
    assert ("大連", "cn-liaoning-dalian") in names
    assert ("北京", "cn-beijing") in names
    assert "大同" in {s.text for s in glossary.annotate("大連、北京與大同的工廠。")}
    assert {"大連", "北京", "大同", "金門", "桃源"}.isdisjoint(everyday_chinese_keys())


def test_a_lookup_still_finds_it(glossary: Glossary) -> None:
    hits = glossary.lookup("合作")
    assert hits
    assert hits[0].entry.id == "cn-gansu-gannan-zangzu-hezuo"


def test_the_cli_leaves_the_words_alone() -> None:
    assert run("annotate", "-", input=SENTENCE + "\n") == (0, SENTENCE + "\n", "")


def test_the_list_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_everyday_words_zh.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
