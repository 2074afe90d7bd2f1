"""The built-in term base: complete, consistent, documented and generated faithfully."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from glossary import Kind, Status, TermBase, validate
from glossary._audit import spelling_systems
from glossary._builtin import builtin_dir
from glossary._termbase import ENTRY_FIELDS, TERM_FIELDS

from .conftest import ROOT, SHARED_DATA

TOWNSHIP_KINDS = {Kind.DISTRICT, Kind.TOWNSHIP, Kind.URBAN_TOWNSHIP, Kind.COUNTY_CITY}
TOP_KINDS = {Kind.MUNICIPALITY, Kind.COUNTY, Kind.CITY}


@pytest.fixture(scope="module")
def termbase() -> TermBase:
    return TermBase.load()


def test_builtin_validates_without_warnings() -> None:
    """The built-in term base has no errors and no warnings."""
    report = validate()
    assert report.issues == []


def test_counts(termbase: TermBase) -> None:
    """22 counties and cities; 368 townships: 170 districts, 146 + 38 townships, 14 cities."""
    kinds = Counter(e.kind for e in termbase)
    assert sum(kinds[k] for k in TOP_KINDS) == 22
    assert kinds[Kind.MUNICIPALITY] == 6
    assert kinds[Kind.CITY] == 3
    assert kinds[Kind.DISTRICT] == 170
    assert kinds[Kind.TOWNSHIP] == 146
    assert kinds[Kind.URBAN_TOWNSHIP] == 38
    assert kinds[Kind.COUNTY_CITY] == 14


def test_townships_have_county_parents(termbase: TermBase) -> None:
    """Every township's parent is a county, city or municipality."""
    for entry in termbase:
        if entry.kind in TOWNSHIP_KINDS:
            assert entry.parent is not None
            assert termbase[entry.parent].kind in TOP_KINDS, entry.id


def test_every_entry_has_one_preferred_term_per_language(termbase: TermBase) -> None:
    """Each entry has exactly one preferred English and one preferred Chinese term."""
    for entry in termbase:
        assert [t.status for t in entry.en].count(Status.PREFERRED) == 1, entry.id
        assert [t.status for t in entry.zh].count(Status.PREFERRED) == 1, entry.id
        assert entry.source.strip(), entry.id


def test_hanyu_names_read_as_their_chinese(termbase: TermBase) -> None:
    """Every English name marked hanyu spells a reading of its Chinese, its generic word
    aside (the audit's rule): 元長 reads Yuanzhang and Yuanchang, 鼓山站 Gushan Station."""
    for entry in termbase:
        chinese = [t.text for t in entry.zh] + ([entry.gloss] if entry.gloss else [])
        for term in entry.en:
            if term.system is None or term.system.value != "hanyu":
                continue
            person = entry.kind is Kind.PERSON
            assert "hanyu" in spelling_systems(term.text, chinese, person=person), (entry.id, term)


TERM_FILES = sorted(builtin_dir().rglob("*.yaml"))


@pytest.mark.parametrize("path", TERM_FILES, ids=lambda p: p.name)
def test_header_documents_every_field(path: object) -> None:
    """Each term base file opens with a comment that documents every field."""
    from pathlib import Path

    assert isinstance(path, Path)
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    text = "\n".join(header)
    for name in (*ENTRY_FIELDS, *TERM_FIELDS):
        assert f"#   {name} " in text, f"{path.name} does not document {name!r}"


def test_docs_document_every_field() -> None:
    """docs/termbase.md documents every field."""
    text = (ROOT / "docs" / "termbase.md").read_text(encoding="utf-8")
    for name in (*ENTRY_FIELDS, *TERM_FIELDS):
        assert f"`{name}`" in text, name


needs_data = pytest.mark.skipif(
    not SHARED_DATA.is_dir(),
    reason="../shared/data (the reference data) is not beside the checkout",
)


@needs_data
def test_generated_file_is_current() -> None:
    """terms/divisions.yaml is exactly what scripts/gen_divisions.py writes."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "gen_divisions.py"),
            "--check",
            "--data",
            str(SHARED_DATA),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@needs_data
def test_matches_chunghwa_post(termbase: TermBase) -> None:
    """Every township of the post office list is in the term base with its official English."""
    cities = json.loads((SHARED_DATA / "tw_city_county_township_en.json").read_text("utf-8"))
    by_chinese: dict[tuple[str, str], list[str]] = {}
    for entry in termbase:
        parent = termbase[entry.parent].chinese if entry.parent in termbase else ""
        by_chinese.setdefault((parent, entry.chinese), []).extend(t.text for t in entry.en)
    seen = 0
    for city in cities:
        for area in city["AreaList"]:
            key = (city["CityName"], area["AreaName"])
            if key not in by_chinese:
                continue
            seen += 1
            english = area["AreaEngName"].replace("’", "'").replace(" Dist.", " District")
            assert english in by_chinese[key], (key, english)
    assert seen == 368


@pytest.mark.parametrize("path", TERM_FILES, ids=lambda p: p.name)
def test_header_is_the_shared_one(path: Path) -> None:
    """Every term base file (packs included) carries scripts/termbase_header.txt word for word."""
    header = (ROOT / "scripts" / "termbase_header.txt").read_text(encoding="utf-8")
    assert header in path.read_text(encoding="utf-8")


def test_update_headers_finds_nothing_stale() -> None:
    """scripts/update_headers.py --check agrees that every header is current."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_headers.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")


def test_update_headers_rewrites_a_stale_header(tmp_path: Path) -> None:
    """A file with an old shared header gets the current one; its own lines and entries stay."""
    header = (ROOT / "scripts" / "termbase_header.txt").read_text(encoding="utf-8")
    own = "# My layer: what it holds.\n#\n"
    body = "\n- id: a\n  kind: other\n  zh: [甲]\n  en: [A]\n  source: me\n"
    (tmp_path / "packs").mkdir()
    stale = tmp_path / "packs" / "x.yaml"
    stale.write_text(own + "# A glossary term base file: old text.\n# More.\n" + body, "utf-8")
    args = [sys.executable, str(ROOT / "scripts" / "update_headers.py"), "--terms", str(tmp_path)]
    check = subprocess.run([*args, "--check"], capture_output=True, text=True, check=False)
    assert check.returncode == 1
    assert "x.yaml: stale header" in check.stderr
    subprocess.run(args, capture_output=True, check=True)
    assert stale.read_text("utf-8") == own + header + body
