"""People of national office in the built-in term base: found, dated, complete, consistent."""

from __future__ import annotations

import csv
import itertools
import json
import re
import subprocess
from collections import defaultdict

import pytest
from typer.testing import CliRunner

from glossary import Entry, Glossary, Kind, MatchKind, Status, System, TermBase
from glossary._builtin import builtin_dir
from glossary._termbase import dates_in_order
from glossary.cli import app

from .conftest import SHARED_DATA, script_or_skip

#: (query, entry id, canonical Chinese, preferred English) for the names issue 12 names.
LOOKUPS = [
    ("Lai Ching-te", "lai-ching-te", "賴清德", "Lai Ching-te"),
    ("William Lai", "lai-ching-te", "賴清德", "Lai Ching-te"),
    ("賴清德", "lai-ching-te", "賴清德", "Lai Ching-te"),
    ("Hsiao Bi-khim", "hsiao-bi-khim", "蕭美琴", "Hsiao Bi-khim"),
    ("Cho Jung-tai", "cho-jung-tai", "卓榮泰", "Cho Jung-tai"),
    ("卓榮泰", "cho-jung-tai", "卓榮泰", "Cho Jung-tai"),
    ("Wellington Koo", "wellington-koo", "顧立雄", "Wellington Koo"),
    ("Cheng Li-chun", "cheng-li-chiun", "鄭麗君", "Cheng Li-chiun"),
    ("Li Men-yen", "li-meng-yen", "李孟諺", "Li Meng-yen"),
    # Heads of the other Yuans, the central bank and envoys (issue 12, people of national
    # standing), by their own spelling, an attested one or the Chinese.
    ("Hsu Tzong-li", "hsu-tzong-li", "許宗力", "Hsu Tzong-li"),
    ("Tsai Chiung-tun", "tsai-jeong-duen", "蔡烱燉", "Tsai Jeong-duen"),
    ("Paelabang Danapan", "sun-ta-chuan", "孫大川", "Sun Ta-chuan"),
    ("Huang Rong-cun", "huang-jong-tsun", "黃榮村", "Huang Jong-tsun"),
    ("彭淮南", "perng-fai-nan", "彭淮南", "Perng Fai-nan"),
    ("Lin Pi-chao", "lin-bih-jaw", "林碧炤", "Lin Bih-jaw"),
    ("Alexander Yui", "alexander-yui", "俞大㵢", "Alexander Yui"),
    # Ministers of the Lin Chuan (2016-05-20) and Lai Ching-te (2017-09-08) Cabinets.
    ("Katharine Chang", "katharine-chang", "張小月", "Katharine Chang"),
    ("Chang Hsiao-yueh", "katharine-chang", "張小月", "Katharine Chang"),
    ("Hochen Tan", "hochen-tan", "賀陳旦", "Hochen Tan"),
    ("C.K. Lee", "lee-chih-kung", "李世光", "Lee Chih-kung"),
    ("Su Jian-rong", "su-jain-rong", "蘇建榮", "Su Jain-rong"),
    ("葉俊榮", "yeh-jiunn-rong", "葉俊榮", "Yeh Jiunn-rong"),
    # Public figures: business, culture, sport; stage names and the given-name-first order.
    ("Cher Wang", "cher-wang", "王雪紅", "Cher Wang"),
    ("Jay Chou", "jay-chou", "周杰倫", "Jay Chou"),
    ("A-mei", "a-mei", "張惠妹", "A-Mei"),
    ("Kulilay Amit", "a-mei", "張惠妹", "A-Mei"),
    ("Chien-Ming Wang", "wang-chien-ming", "王建民", "Wang Chien-ming"),
    ("林懷民", "lin-hwai-min", "林懷民", "Lin Hwai-min"),
    ("Lee Chih-kai", "lee-chih-kai", "李智凱", "Lee Chih-kai"),
]

PEOPLE_FILE = builtin_dir() / "people-national.yaml"

#: Offices only one person holds at a time: their holders' dates must not overlap.
SINGLE_HOLDER = (
    "President",
    "Vice President",
    "Premier",
    "Vice Premier",
    "Secretary-General of the Executive Yuan",
    "Secretary-General to the President",
    "Secretary-General of the National Security Council",
    "Minister of the Interior",
    "Minister of Foreign Affairs",
    "Minister of National Defense",
    "Minister of Economic Affairs",
    "Minister of Transportation and Communications",
    "Minister of Labor",
    "Minister of Health and Welfare",
    "Minister of Culture",
    "Minister of Digital Affairs",
    "Minister of the Mainland Affairs Council",
    "President of the Judicial Yuan",
    "Vice President of the Judicial Yuan",
    "President of the Control Yuan",
    "Vice President of the Control Yuan",
    "President of the Examination Yuan",
    "Vice President of the Examination Yuan",
    "Governor of the Central Bank",
    "Representative to the United States",
    "Chairperson of the Financial Supervisory Commission",
    "Chairperson of the Central Election Commission",
    "Director-General of the National Security Bureau",
    "Director of the National Palace Museum",
)

#: Titles whose body has no entry of its own in the built-in term base (yet).
NO_BODY = {
    "Minister of Sports",
    "Minister of the Public Construction Commission",
    "Minister of the Atomic Energy Council",
    "Minister of the Department of Health",
    "Minister of the National Science Council",
    "Minister of the Mongolian and Tibetan Affairs Commission",
}

#: Public figures the news prints week after week: prominence 70, not 30.
IN_THE_NEWS_WEEKLY = {"morris-chang", "c-c-wei", "jensen-huang"}

#: Premiers and vice premiers since 1988 in the cabinet roster that are left out, and why.
LEFT_OUT = {
    "蔣孝嚴": "Vice Premier 1997: his English (John Chiang) was found only in encyclopedias.",
}


@pytest.fixture(scope="module")
def termbase() -> TermBase:
    return TermBase.load()


@pytest.fixture(scope="module")
def people(termbase: TermBase) -> list[Entry]:
    """The entries of people-national.yaml, read through the built-in term base."""
    ids = re.findall(r"^- id: (\S+)$", PEOPLE_FILE.read_text(encoding="utf-8"), re.M)
    return [termbase[i] for i in ids]


@pytest.mark.parametrize(("query", "entry_id", "chinese", "english"), LOOKUPS, ids=lambda v: v)
def test_lookup_finds_the_person(
    glossary: Glossary, query: str, entry_id: str, chinese: str, english: str
) -> None:
    """The name, in the English they use, an attested spelling or Chinese, finds the person."""
    hit = glossary.lookup(query)[0]
    assert (hit.entry.id, hit.match, hit.score) == (entry_id, MatchKind.EXACT, 100.0)
    assert (hit.entry.chinese, hit.entry.english) == (chinese, english)
    assert glossary.get(query) == hit.entry


def test_william_lai_is_admitted_not_preferred(glossary: Glossary) -> None:
    """William Lai finds the president but is shown as an admitted spelling, with its note."""
    entry = glossary.get("William Lai")
    assert entry is not None
    [term] = [t for t in entry.en if t.text == "William Lai"]
    assert (term.status, term.system) == (Status.ADMITTED, System.PERSONAL)
    assert term.note


def test_lai_holds_every_office_dated(glossary: Glossary) -> None:
    """Lai Ching-te: president now; vice president, premier and Tainan mayor before, dated."""
    entry = glossary.get("賴清德")
    assert entry is not None
    roles = {(r.title, r.since, r.until) for r in entry.roles}
    assert roles == {
        ("President", "2024-05-20", ""),
        ("Vice President", "2020-05-20", "2024-05-20"),
        ("Premier", "2017-09-08", "2019-01-13"),
        ("Mayor of Tainan", "2010-12-25", "2017-09"),
    }
    assert [r.title for r in entry.roles if r.current] == ["President"]


def test_cli_lookup_json() -> None:
    """`glossary lookup --json "William Lai"` exits 0 with the president's entry first."""
    result = CliRunner().invoke(app, ["lookup", "--json", "William Lai"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"] == "William Lai"
    first = data["hits"][0]
    assert (first["id"], first["match"], first["matched"]) == (
        "lai-ching-te",
        "exact",
        "William Lai",
    )
    assert first["en"][0]["term"] == "Lai Ching-te"
    assert first["zh"][0]["term"] == "賴清德"
    assert first["roles"][0] == {
        "title": "President",
        "zh": "總統",
        "org": "office-of-the-president",
        "since": "2024-05-20",
    }


def test_cli_lookup_finds_a_former_english_name() -> None:
    """`glossary lookup "Chan Yung-jan"` shows Latisha Chan, the name she uses now."""
    result = CliRunner().invoke(app, ["lookup", "Chan Yung-jan"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Latisha Chan (詹詠然)  [latisha-chan]")
    assert result.stderr == ""


def test_installed_script_finds_the_premier() -> None:
    """The installed `glossary` script looks up Cho Jung-tai: exit 0, English and Chinese."""
    result = subprocess.run(
        [str(script_or_skip()), "lookup", "Cho Jung-tai"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Cho Jung-tai (卓榮泰)  [cho-jung-tai]")
    assert result.stderr == ""


def test_every_person_is_dated_sourced_and_ranked(people: list[Entry]) -> None:
    """Each entry is a person with dated roles, a prominence by office and a sourced URL.

    Public figures (tagged public-figure) hold no national office: prominence 30 (70 for
    the few the news prints every week), and a role only where the sources date one.
    """
    assert len(people) >= 100
    for entry in people:
        assert entry.kind is Kind.PERSON, entry.id
        assert all(r.zh for r in entry.roles), entry.id
        if "public-figure" in entry.tags:
            assert entry.prominence == (70 if entry.id in IN_THE_NEWS_WEEKLY else 30), entry.id
        else:
            assert entry.roles, entry.id
            assert entry.prominence >= 70, entry.id
        assert "http" in entry.source, entry.id
        preferred = entry.english_for()
        assert preferred.system is System.PERSONAL, entry.id
        top = {"President", "Vice President", "Premier"} & {r.title for r in entry.roles}
        assert (entry.prominence >= 90) == bool(top), entry.id


def test_admitted_spellings_say_who_prints_them(people: list[Entry]) -> None:
    """Every admitted English spelling carries a note (who prints it), and no two are equal."""
    for entry in people:
        for term in entry.en:
            if term.status is Status.ADMITTED:
                assert term.note, (entry.id, term.text)
        texts = [t.text.casefold() for t in entry.en]
        assert len(texts) == len(set(texts)), entry.id


def test_single_holder_offices_do_not_overlap(termbase: TermBase) -> None:
    """No two people hold the presidency, premiership or one ministry at the same time."""
    holders: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for entry in termbase:
        for role in entry.roles:
            if role.title in SINGLE_HOLDER:
                holders[role.title].append((role.since, role.until, entry.id))
    for title in SINGLE_HOLDER:
        terms = sorted(holders[title])
        assert terms, title
        for (_, until, who), (since, _, next_who) in itertools.pairwise(terms):
            assert until, f"{title}: {who} has no end but {next_who} follows"
            assert dates_in_order(until, since), f"{title}: {who} until {until}, {next_who} {since}"


def _roster_name(raw: str) -> str:
    """The roster's name without its birth years or notes: 賴清德(1959–) -> 賴清德."""
    return re.sub(r"[\s(（].*$", "", raw.replace("\u3000", ""))


def _roster_date(raw: str) -> str:
    """1988年7月22日 -> 1988-07-22; 候任 (designate, from 2024-05-20) -> ''."""
    match = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", raw.strip())
    return f"{match[1]}-{int(match[2]):02}-{int(match[3]):02}" if match else ""


@pytest.mark.skipif(
    not (SHARED_DATA / "taiwan_cabinet").is_dir(), reason="needs ../shared/data/taiwan_cabinet"
)
def test_every_premier_and_vice_premier_since_1988(termbase: TermBase) -> None:
    """Each premier and vice premier in office since 1988 in the roster has a role covering it."""
    path = SHARED_DATA / "taiwan_cabinet" / "cabinet_members.csv"
    posts = {"行政院/院長": "Premier", "行政院/副院長": "Vice Premier"}
    by_name: dict[str, list[Entry]] = defaultdict(list)
    for entry in termbase:
        by_name[entry.chinese].append(entry)
    checked = 0
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            title = posts.get(row["職稱"])
            since, until = _roster_date(row["到職"]), _roster_date(row["卸任"])
            if title is None or (until and until < "1988-01-13"):
                continue
            name = _roster_name(row["姓名"])
            if name in LEFT_OUT:
                continue
            roles = [r for e in by_name[name] for r in e.roles if r.title == title]
            assert any(
                r.since <= since and (not r.until or (until and until <= r.until)) for r in roles
            ), f"{name} {title} {since}..{until}"
            checked += 1
    assert checked >= 45


def test_roles_name_the_body_they_belong_to(termbase: TermBase, people: list[Entry]) -> None:
    """Every premier's and minister's role names the government body it belongs to."""
    for entry in people:
        for role in entry.roles:
            if role.title in ("Premier", "Vice Premier") or role.title.startswith("Minister of"):
                assert role.org or role.title in NO_BODY, (entry.id, role.title)
                if role.org:
                    assert termbase[role.org].kind is Kind.AGENCY, (entry.id, role.org)


def test_a_name_that_is_also_english_matches_only_as_written(glossary: Glossary) -> None:
    # "Lee may" is ordinary English (any Lee); the FTC chairperson is "Lee May".
    def ids(text: str) -> set[str]:
        return {e.id for s in glossary.annotate(text) for e in s.entries}

    assert "lee-may" in ids("Fair Trade Commission Chairperson Lee May (李鎂) said on Friday.")
    assert "lee-may" not in ids("Mr Lee may attend the hearing, his office said.")
