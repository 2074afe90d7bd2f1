"""The legislators and local leaders of terms/people-local.yaml: found by name, roles in order."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary import Entry, Glossary, Kind, TermBase
from glossary.cli import app

from .conftest import ROOT, script_or_skip

PEOPLE_LOCAL = ROOT / "terms" / "people-local.yaml"

#: Prominence by office, as the file's header documents it.
PROMINENCE = {
    "Speaker of the Legislative Yuan": 80,
    "Deputy Speaker of the Legislative Yuan": 70,
    "Mayor": 70,
    "Magistrate": 70,
    "Acting Mayor": 60,
    "Legislator": 50,
}
#: Party chairs and other national offices count as a mayor does.
OTHER_OFFICE = 70


@pytest.fixture(scope="module")
def termbase() -> TermBase:
    return TermBase.load()


@pytest.fixture(scope="module")
def entries(termbase: TermBase) -> list[Entry]:
    """The entries of people-local.yaml, as the built-in term base loads them."""
    lines = PEOPLE_LOCAL.read_text(encoding="utf-8").splitlines()
    return [termbase[line[len("- id: ") :]] for line in lines if line.startswith("- id: ")]


def test_han_kuo_yu_by_name(glossary: Glossary) -> None:
    """Han Kuo-yu is found by his English and his Chinese, with his offices and dates."""
    for query in ("Han Kuo-yu", "韓國瑜", "han kuo yu"):
        hit = glossary.lookup(query)[0]
        assert hit.entry.id == "han-kuo-yu"
        assert hit.entry.english == "Han Kuo-yu"
        assert hit.entry.chinese == "韓國瑜"
    roles = {r.title: r for r in glossary.lookup("Han Kuo-yu")[0].entry.roles}
    assert roles["Speaker of the Legislative Yuan"].since == "2024-02-01"
    assert roles["Speaker of the Legislative Yuan"].current
    mayor = roles["Mayor"]
    assert (mayor.zh, mayor.org, mayor.since, mayor.until) == (
        "高雄市長",
        "kaohsiung-city",
        "2018-12-25",
        "2020-06-12",
    )


def test_han_kuo_yu_through_the_cli() -> None:
    """`glossary lookup "Han Kuo-yu"` exits 0 and prints the English, the Chinese and the id."""
    result = CliRunner().invoke(app, ["lookup", "Han Kuo-yu"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Han Kuo-yu (韓國瑜)  [han-kuo-yu]"
    assert "en  Han Kuo-yu  (preferred, personal)" in result.stdout
    assert result.stderr == ""


def test_han_kuo_yu_through_the_installed_script(tmp_path: Path) -> None:
    """The installed `glossary` finds 韓國瑜 from another directory."""
    result = subprocess.run(
        [str(script_or_skip()), "lookup", "韓國瑜"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Han Kuo-yu (韓國瑜)  [han-kuo-yu]"


@pytest.mark.parametrize(
    ("query", "ident", "english", "chinese"),
    [
        ("Johnny Chiang", "johnny-chiang", "Johnny Chiang", "江啟臣"),
        ("Rosalia Wu", "wu-szu-yao", "Wu Szu-yao", "吳思瑤"),
        ("吳思瑤", "wu-szu-yao", "Wu Szu-yao", "吳思瑤"),
        ("Hou You-yi", "hou-yu-ih", "Hou Yu-ih", "侯友宜"),
        ("Ann Kao", "kao-hung-an", "Kao Hung-an", "高虹安"),
        ("April Yao", "april-yao", "April Yao", "饒慶鈴"),
        ("Lai Shyh-bao", "lai-shyh-bao", "Lai Shyh-bao", "賴士葆"),
        ("傅崑萁", "fu-kun-chi", "Fu Kun-chi", "傅崐萁"),
        ("Puma Shen", "puma-shen", "Puma Shen", "沈伯洋"),
        ("Sra Kacaw", "sra-kacaw", "Sra Kacaw", "鄭天財"),
        ("Cheng Li-wun", "cheng-li-wun", "Cheng Li-wun", "鄭麗文"),
        ("黃國昌", "huang-kuo-chang", "Huang Kuo-chang", "黃國昌"),
        ("Vivian Huang", "huang-shan-shan", "Huang Shan-shan", "黃珊珊"),
        ("Chiu Juo-hua", "chiu-jo-hua", "Chiu Jo-hua", "邱若華"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isascii() else None,
)
def test_lookup_finds_the_person(
    glossary: Glossary, query: str, ident: str, english: str, chinese: str
) -> None:
    """Each name, in the spelling the press prints or in Chinese, finds one person first."""
    hits = glossary.lookup(query)
    assert hits[0].entry.id == ident
    assert (hits[0].entry.english, hits[0].entry.chinese) == (english, chinese)
    assert all(h.score < hits[0].score for h in hits[1:])


def test_ko_wen_je_and_wang_jin_pyng_have_their_roles(glossary: Glossary) -> None:
    """The two seed.yaml people carry their offices: Taipei mayor, TPP chair, Speaker."""
    ko = {r.title: r for r in glossary.lookup("Ko Wen-je")[0].entry.roles}
    assert (ko["Mayor"].org, ko["Mayor"].since, ko["Mayor"].until) == (
        "taipei-city",
        "2014-12-25",
        "2022-12-25",
    )
    assert ko["Chairman of the Taiwan People's Party"].until == "2025-01-01"
    wang = glossary.lookup("Wang Jin-pyng")[0].entry.roles
    assert [(r.title, r.since, r.until) for r in wang] == [
        ("Speaker of the Legislative Yuan", "1999-02", "2016-02-01")
    ]


def test_every_entry_is_a_person_with_a_dated_role(entries: list[Entry]) -> None:
    """Every entry is a person, with at least one role, a Chinese title and an address."""
    assert len(entries) >= 100
    for entry in entries:
        assert entry.kind is Kind.PERSON, entry.id
        assert entry.roles, entry.id
        assert all(role.zh for role in entry.roles), entry.id
        assert "http" in entry.source, entry.id


def test_prominence_follows_the_highest_office(entries: list[Entry]) -> None:
    """prominence is the documented value of the highest office the person held."""
    for entry in entries:
        ranks = [PROMINENCE.get(role.title, OTHER_OFFICE) for role in entry.roles]
        assert entry.prominence == max(ranks), entry.id


def test_local_heads_name_their_city_or_county(entries: list[Entry], termbase: TermBase) -> None:
    """A mayor's or magistrate's role names a city or county of divisions.yaml, once at a time."""
    kinds = {"Mayor": {Kind.MUNICIPALITY, Kind.CITY}, "Magistrate": {Kind.COUNTY}}
    current: Counter[str] = Counter()
    for entry in entries:
        for role in entry.roles:
            if role.title in kinds:
                assert termbase[role.org].kind in kinds[role.title], entry.id
                current[role.org] += role.current
    assert max(current.values()) == 1, current.most_common(3)


def test_no_more_sitting_legislators_than_seats(entries: list[Entry]) -> None:
    """The sitting legislators (a Legislator role without until) fit in the 113 seats."""
    sitting = [e.id for e in entries if any(r.title == "Legislator" and r.current for r in e.roles)]
    assert 88 <= len(sitting) <= 113


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The weather may chin up by april yao.", []),
        ("Legislator May Chin met Magistrate April Yao.", ["ciwas-ali", "april-yao"]),
    ],
    ids=["lower-case-words", "names"],
)
def test_names_that_are_english_words_match_only_as_written(
    glossary: Glossary, text: str, found: list[str]
) -> None:
    """May Chin and April Yao are names only as written: "may chin" is no one."""
    people = [e.id for s in glossary.annotate(text) for e in s.entries if e.kind is Kind.PERSON]
    assert people == found
