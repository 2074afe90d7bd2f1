"""The legislators and local leaders of terms/people-local.yaml: found by name, roles in order."""

from __future__ import annotations

import itertools
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
    "Acting Magistrate": 60,
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


@pytest.mark.parametrize(
    ("query", "ident", "english", "chinese"),
    [
        ("Freddy Lim", "freddy-lim", "Freddy Lim", "林昶佐"),
        ("Claire Wang", "claire-wang", "Claire Wang", "王婉諭"),
        ("Chen Jiau-hua", "chen-jiau-hua", "Chen Jiau-hua", "陳椒華"),
        ("Andy Chiu", "chiu-chen-yuan", "Chiu Chen-yuan", "邱臣遠"),
        ("Lai Hsiang-lin", "lai-hsiang-ling", "Lai Hsiang-ling", "賴香伶"),
        ("Kao Chia-yu", "kao-chia-yu", "Kao Chia-yu", "高嘉瑜"),
        ("趙天麟", "chao-tian-lin", "Chao Tian-lin", "趙天麟"),
        ("Mark Ho", "ho-chih-wei", "Ho Chih-wei", "何志偉"),
        ("Yu Tian", "yu-tian", "Yu Tian", "余天"),
        ("Hung Hsiu-chu", "hung-hsiu-chu", "Hung Hsiu-chu", "洪秀柱"),
        ("Helen Chang", "helen-chang", "Helen Chang", "張花冠"),
        ("Chang Hwa-kuan", "helen-chang", "Helen Chang", "張花冠"),
        ("Wei Ming-gu", "wei-ming-ku", "Wei Ming-ku", "魏明谷"),
        ("Justin Huang", "justin-huang", "Justin Huang", "黃健庭"),
        ("Andy Yang", "yang-cheng-wu", "Yang Cheng-wu", "楊鎮浯"),
        ("翁章梁", "weng-chang-liang", "Weng Chang-liang", "翁章梁"),
        ("Lee Zhen-hsiu", "li-zhenxiu", "Li Zhenxiu", "李貞秀"),
        ("Frida Tsai", "frida-tsai", "Frida Tsai", "蔡培慧"),
        ("Chen Ou-po", "chen-ou-po", "Chen Ou-po", "陳歐珀"),
        ("羅致政", "lo-chih-cheng", "Lo Chih-cheng", "羅致政"),
        ("Tsai Pi-chung", "tsai-pi-chung", "Tsai Pi-chung", "蔡碧仲"),
        ("Wang Wan-yu", "claire-wang", "Claire Wang", "王婉諭"),
        ("Liao Kuo-tung", "sufin-siluko", "Sufin Siluko", "廖國棟"),
        ("Tsai Pi-ru", "tsai-pi-ju", "Tsai Pi-ju", "蔡壁如"),
        ("Cynthia Wu", "cynthia-wu", "Cynthia Wu", "吳欣盈"),
        ("吳斯懷", "wu-sz-huai", "Wu Sz-huai", "吳斯懷"),
        ("Liu I-te", "liu-yi-te", "Liu Yi-te", "劉一德"),
        ("林榮德", "lin-rong-te", "Lin Rong-te", "林榮德"),
        ("Yok Mu-ming", "yok-mu-ming", "Yok Mu-ming", "郁慕明"),
        ("吳成典", "wu-cherng-dean", "Wu Cherng-dean", "吳成典"),
        ("陳琬惠", "chen-wan-hui", "Chen Wan-hui", "陳琬惠"),
        ("Hung Yu-hsiang", "hung-yu-hsiang", "Hung Yu-hsiang", "洪毓祥"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isascii() else None,
)
def test_lookup_finds_a_former_lawmaker_or_local_head(
    glossary: Glossary, query: str, ident: str, english: str, chinese: str
) -> None:
    """Members of the 10th legislature, 2014-2018 heads and party chairs are found by name."""
    hits = glossary.lookup(query)
    assert hits[0].entry.id == ident
    assert (hits[0].entry.english, hits[0].entry.chinese) == (english, chinese)
    assert all(h.score < hits[0].score for h in hits[1:])


def test_former_officeholders_have_dated_roles(glossary: Glossary) -> None:
    """A former chairwoman, a recalled legislator and a 2014-2018 magistrate carry their dates."""
    hung = {r.title: r for r in glossary.lookup("洪秀柱")[0].entry.roles}
    chair = hung["Chairperson of the Kuomintang"]
    assert (chair.org, chair.since, chair.until) == ("kuomintang", "2016-03-30", "2017-06-30")
    assert hung["Deputy Speaker of the Legislative Yuan"].until == "2016-01-31"
    [recalled] = glossary.lookup("Chen Po-wei")[0].entry.roles
    assert (recalled.since, recalled.until, recalled.current) == ("2020-02-01", "2021-10-28", False)
    [wei] = glossary.lookup("Wei Ming-ku")[0].entry.roles
    assert (wei.zh, wei.org, wei.since, wei.until) == (
        "彰化縣長",
        "changhua-county",
        "2014-12-25",
        "2018-12-25",
    )
    wang = [r for r in glossary.lookup("Claire Wang")[0].entry.roles if r.current]
    assert [(r.title, r.since) for r in wang] == [
        ("Chairperson of the New Power Party", "2024-02-26")
    ]


def test_a_former_legislator_through_the_cli() -> None:
    """`glossary lookup "Lai Hsiang-lin"` finds her under the spelling her party prints."""
    result = CliRunner().invoke(app, ["lookup", "Lai Hsiang-lin"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Lai Hsiang-ling (賴香伶)  [lai-hsiang-ling]"
    assert "en  Lai Hsiang-lin  (admitted, personal)" in result.stdout
    assert result.stderr == ""


def _dates_in_order(first: str, second: str) -> bool:
    """first <= second at the precision both are known ('2019-08' vs '2019-08-12')."""
    size = min(len(first), len(second))
    return first[:size] <= second[:size]


@pytest.mark.parametrize(
    "party", ["kuomintang", "new-power-party", "taiwan-peoples-party", "new-party"]
)
def test_party_chairs_follow_one_another(termbase: TermBase, party: str) -> None:
    """No two people chair one party at once: each chair's term ends before the next begins."""
    terms = sorted(
        (role.since, role.until, entry.id)
        for entry in termbase
        for role in entry.roles
        if role.org == party and "Chair" in role.title
    )
    assert len(terms) >= 2
    for (_, until, ident), (since, _, successor) in itertools.pairwise(terms):
        assert until, f"{ident} still chairs {party} although {successor} followed"
        assert _dates_in_order(until, since), f"{ident} until {until}, {successor} since {since}"


def test_full_legislative_terms_end_on_their_last_day(entries: list[Entry]) -> None:
    """A Legislator role that ends with a term ends on its last day, 31 January, as documented."""
    ends = [
        (e.id, r.until) for e in entries for r in e.roles if r.title == "Legislator" and r.until
    ]
    assert sum(until == "2024-01-31" for _, until in ends) >= 25
    for ident, until in ends:
        assert until[5:] != "02-01" or until[:4] not in {"2008", "2012", "2016", "2020", "2024"}, (
            ident,
            until,
        )


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


HEADS = {"Mayor", "Magistrate", "Acting Mayor", "Acting Magistrate"}


def test_local_heads_follow_one_another(termbase: TermBase) -> None:
    """A city's or county's heads, acting ones included, never overlap in time."""
    terms: dict[str, list[tuple[str, str, str]]] = {}
    for entry in termbase:
        for role in entry.roles:
            if role.title in HEADS and role.org:
                terms.setdefault(role.org, []).append((role.since, role.until, entry.id))
    assert len(terms["hualien-county"]) >= 3
    for org, heads in terms.items():
        for (_, until, ident), (since, _, successor) in itertools.pairwise(sorted(heads)):
            assert until, f"{ident} still heads {org} although {successor} followed"
            assert _dates_in_order(until, since), (
                f"{org}: {ident} until {until}, {successor} {since}"
            )


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
