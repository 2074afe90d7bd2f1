"""The built-in layers (government, parties, laws, stations): the names of the day's news found.

Each lookup runs on the built-in term base alone and checks the entry found, its Chinese
and its English, and for a former name that the term matched is the deprecated one. The
generated layers are checked against their generators when ../shared/data is present.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from glossary import Glossary, Kind, Status, TermBase
from glossary.cli import app
from glossary.render import gloss

from .conftest import ROOT, SHARED_DATA, script_or_skip

needs_data = pytest.mark.skipif(
    not SHARED_DATA.is_dir(),
    reason="../shared/data (the reference data) is not beside the checkout",
)

TOP_KINDS = {Kind.MUNICIPALITY, Kind.COUNTY, Kind.CITY}


@pytest.fixture(scope="module")
def termbase() -> TermBase:
    return TermBase.load()


#: query -> (entry id, canonical Chinese, preferred English, status of the term matched).
LOOKUPS = {
    "MAC": ("mainland-affairs-council", "大陸委員會", "Mainland Affairs Council", "admitted"),
    "Mainland Affairs Council": (
        "mainland-affairs-council",
        "大陸委員會",
        "Mainland Affairs Council",
        "preferred",
    ),
    "陸委會": ("mainland-affairs-council", "大陸委員會", "Mainland Affairs Council", "admitted"),
    "MOFA": (
        "ministry-of-foreign-affairs",
        "外交部",
        "Ministry of Foreign Affairs",
        "admitted",
    ),
    "CGA": (
        "coast-guard-administration",
        "海洋委員會海巡署",
        "Coast Guard Administration",
        "admitted",
    ),
    "CWA": (
        "central-weather-administration",
        "交通部中央氣象署",
        "Central Weather Administration",
        "admitted",
    ),
    "NIA": (
        "national-immigration-agency",
        "內政部移民署",
        "National Immigration Agency",
        "admitted",
    ),
    "NCC": (
        "national-communications-commission",
        "國家通訊傳播委員會",
        "National Communications Commission",
        "admitted",
    ),
    "衛福部": (
        "ministry-of-health-and-welfare",
        "衛生福利部",
        "Ministry of Health and Welfare",
        "admitted",
    ),
    "國發會": (
        "national-development-council",
        "國家發展委員會",
        "National Development Council",
        "admitted",
    ),
    "海巡署": (
        "coast-guard-administration",
        "海洋委員會海巡署",
        "Coast Guard Administration",
        "admitted",
    ),
    "Ministry of Agriculture": (
        "ministry-of-agriculture",
        "農業部",
        "Ministry of Agriculture",
        "preferred",
    ),
    "Council of Agriculture": (
        "ministry-of-agriculture",
        "農業部",
        "Ministry of Agriculture",
        "deprecated",
    ),
    "Environmental Protection Administration": (
        "ministry-of-environment",
        "環境部",
        "Ministry of Environment",
        "deprecated",
    ),
    "Central Weather Bureau": (
        "central-weather-administration",
        "交通部中央氣象署",
        "Central Weather Administration",
        "deprecated",
    ),
    "Ministry of Science and Technology": (
        "national-science-and-technology-council",
        "國家科學及技術委員會",
        "National Science and Technology Council",
        "deprecated",
    ),
    "Tourism Bureau": (
        "tourism-administration",
        "交通部觀光署",
        "Tourism Administration",
        "deprecated",
    ),
    "Overseas Community Affairs Council": (
        "overseas-community-affairs-council",
        "僑務委員會",
        "Overseas Community Affairs Council",
        "preferred",
    ),
    "Taipei City Government": (
        "taipei-city-government",
        "臺北市政府",
        "Taipei City Government",
        "preferred",
    ),
    "高雄市議會": ("kaohsiung-city-council", "高雄市議會", "Kaohsiung City Council", "preferred"),
    "DPP": (
        "democratic-progressive-party",
        "民主進步黨",
        "Democratic Progressive Party",
        "admitted",
    ),
    "民進黨": (
        "democratic-progressive-party",
        "民主進步黨",
        "Democratic Progressive Party",
        "admitted",
    ),
    "Democratic Progressive Party": (
        "democratic-progressive-party",
        "民主進步黨",
        "Democratic Progressive Party",
        "preferred",
    ),
    "KMT": ("kuomintang", "中國國民黨", "Kuomintang", "admitted"),
    "國民黨": ("kuomintang", "中國國民黨", "Kuomintang", "admitted"),
    "TPP": ("taiwan-peoples-party", "台灣民眾黨", "Taiwan People's Party", "admitted"),
    "時代力量": ("new-power-party", "時代力量", "New Power Party", "preferred"),
    "Taiwan Radical Wings": (
        "taiwan-statebuilding-party",
        "台灣基進",
        "Taiwan Statebuilding Party",
        "deprecated",
    ),
    "國安法": ("law-a0030028", "國家安全法", "National Security Act", "admitted"),
    "兩岸人民關係條例": (
        "law-q0010001",
        "臺灣地區與大陸地區人民關係條例",
        "Act Governing Relations between the People of the Taiwan Area and the Mainland Area",
        "admitted",
    ),
    "Act Governing Relations between the People of the Taiwan Area and the Mainland Area": (
        "law-q0010001",
        "臺灣地區與大陸地區人民關係條例",
        "Act Governing Relations between the People of the Taiwan Area and the Mainland Area",
        "preferred",
    ),
    "Taiwan Railways Administration": (
        "taiwan-railway-corporation",
        "國營臺灣鐵路股份有限公司",
        "Taiwan Railway Corporation",
        "deprecated",
    ),
    "Sizihwan Station": ("kaohsiung-metro-sizihwan", "西子灣站", "Sizihwan Station", "preferred"),
    "Political Parties Act": ("law-d0020078", "政黨法", "Political Parties Act", "preferred"),
    "Personal Data Protection Act": (
        "law-i0050021",
        "個人資料保護法",
        "Personal Data Protection Act",
        "preferred",
    ),
}


def _matched_status(glossary: Glossary, query: str) -> tuple[str, str, str, str]:
    hit = glossary.lookup(query)[0]
    entry = hit.entry
    terms = [*entry.en, *entry.zh]
    statuses = {str(t.status) for t in terms if t.text == hit.matched}
    assert len(statuses) == 1, (query, hit.matched, statuses)
    return entry.id, entry.chinese, entry.english, statuses.pop()


@pytest.mark.parametrize(("query", "expected"), LOOKUPS.items(), ids=list(LOOKUPS))
def test_lookup_finds_the_entry(glossary: Glossary, query: str, expected: tuple[str, ...]) -> None:
    """The best hit is the expected entry, with its Chinese and English, by the expected term."""
    assert _matched_status(glossary, query) == expected


def test_former_name_is_deprecated_with_its_date(glossary: Glossary) -> None:
    """Council of Agriculture is kept as a deprecated term whose note dates the renaming."""
    entry = glossary.get("Council of Agriculture")
    assert entry is not None
    (term,) = [t for t in entry.en if t.text == "Council of Agriculture"]
    assert term.status is Status.DEPRECATED
    assert term.note is not None
    assert "2023-08-01" in term.note
    assert entry.english_for().text == "Ministry of Agriculture"


def test_local_governments_and_councils_have_division_parents(termbase: TermBase) -> None:
    """Each of the 22 counties and cities has a government and a council, its children."""
    tops = {e.id: e for e in termbase if e.kind in TOP_KINDS}
    assert len(tops) == 22
    local = [e for e in termbase if e.kind is Kind.AGENCY and e.parent in tops]
    assert len(local) == 44
    for entry in local:
        place = tops[str(entry.parent)]
        suffix = {"Government": "政府", "Council": "議會"}[entry.english.rsplit(" ", 1)[1]]
        assert entry.chinese == place.chinese + suffix
        assert entry.english.startswith(place.english + " ")


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("Taipei Main Station", {"taipei-metro-taipei-main", "taoyuan-metro-taipei-main"}),
        (
            "台北車站",
            {"taipei-metro-taipei-main", "taoyuan-metro-taipei-main", "thsr-taipei", "tra-taipei"},
        ),
        ("Taipei Station", {"tra-taipei", "thsr-taipei"}),
        ("板橋站", {"tra-banqiao", "thsr-banqiao", "taipei-metro-banqiao"}),
        ("Banqiao Station", {"tra-banqiao", "thsr-banqiao", "taipei-metro-banqiao"}),
    ],
    ids=["Taipei Main Station", "台北車站", "Taipei Station", "板橋站", "Banqiao Station"],
)
def test_station_at_several_operators(glossary: Glossary, query: str, ids: set[str]) -> None:
    """A station served by several operators is one entry per operator, each found as written
    (or with 臺 for 台, the railway's spelling)."""
    hits = [h for h in glossary.lookup(query, limit=10) if h.score >= 98]
    assert {h.entry.id for h in hits} == ids
    for hit in hits:
        assert hit.entry.kind is Kind.STATION
        assert hit.entry.english in {"Taipei Main Station", "Taipei Station", "Banqiao Station"}


@pytest.mark.parametrize("query", ["Banqiao", "板橋", "Zuoying", "左營"])
def test_bare_name_is_the_district_not_the_station(glossary: Glossary, query: str) -> None:
    """A station is named with its word for station; the bare name finds the district first."""
    assert glossary.lookup(query)[0].entry.kind is Kind.DISTRICT


def test_laws_leave_out_bare_titles_and_superseded_acts(termbase: TermBase) -> None:
    """No law's English title is two words or fewer; no act of a renamed body is in force."""
    laws = [e for e in termbase if e.kind is Kind.LAW]
    assert len(laws) >= 600
    assert all(len(e.english.split()) > 2 for e in laws)
    chinese = {e.chinese for e in laws}
    assert "農業部組織法" in chinese
    assert "行政院農業委員會組織條例" not in chinese
    assert "交通部臺灣鐵路管理局組織條例" not in chinese


def test_parties_layer_is_sourced_and_dated(termbase: TermBase) -> None:
    """At least 15 parties, each with a source naming an address, a founding date where known."""
    parties = [e for e in termbase if e.kind is Kind.PARTY]
    assert len(parties) >= 15
    for party in parties:
        assert "http" in party.source, party.id
    assert termbase["democratic-progressive-party"].since == "1986-09-28"
    assert termbase["taiwan-independence-party"].until == "2020-04-29"


def test_gloss_then_abbreviation_in_parentheses_is_kept_on_a_second_pass(
    glossary: Glossary,
) -> None:
    """Glossing every mention twice changes nothing: the acronym in parentheses takes the
    gloss in, and (MAC, 陸委會) is a gloss the second time."""
    text = "The Mainland Affairs Council (MAC) met. The MAC said so."
    once = gloss(text, glossary.annotate(text), glossary, every=True)
    assert once == "The Mainland Affairs Council (MAC, 陸委會) met. The MAC (陸委會) said so."
    assert gloss(once, glossary.annotate(once), glossary, every=True) == once


def test_cli_lookup_of_an_abbreviation() -> None:
    """`glossary lookup MAC` prints the council with its Chinese, through typer's runner."""
    result = CliRunner().invoke(app, ["lookup", "MAC"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Mainland Affairs Council (大陸委員會)  [mainland-affairs-council]"
    )
    assert result.stderr == ""


def test_installed_script_finds_a_former_name() -> None:
    """The installed `glossary` finds the Ministry of Agriculture by its former name."""
    script = script_or_skip()
    result = subprocess.run(
        [str(script), "lookup", "Council of Agriculture", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"id": "ministry-of-agriculture"' in result.stdout
    assert '"matched": "Council of Agriculture"' in result.stdout


@needs_data
@pytest.mark.parametrize("script", ["gen_government.py", "gen_laws.py", "gen_stations.py"])
def test_generated_layer_is_current(script: str) -> None:
    """Each generated layer is exactly what its script writes from ../shared/data."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--check", "--data", str(SHARED_DATA)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
