"""Export and import: golden files for every format, round trips, the official TBX schemas,
real client libraries (translate-toolkit, deepl), hostile input, and the command line.

Golden files live in tests/fixtures/formats/ and are made from terms.yaml there; after a
deliberate change of a format, rewrite them with GLOSSARY_UPDATE_GOLDEN=1 pytest and
read the diff.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from glossary import Entry, Glossary, GlossaryError, Kind, Status, Term
from glossary.cli import app
from glossary.formats import ExportOptions, FormatError, export, formats, get_format, read
from glossary.formats.merge import plan
from glossary.formats.validate import validate_tbx
from tests.conftest import FIXTURES, script_or_skip
from tests.tbx_official import dtd_errors, relaxng_errors, schematron_errors, shared_tbx

HERE = FIXTURES / "formats"
TERMS = HERE / "terms.yaml"

#: Every format and the golden file its export of terms.yaml is compared with.
GOLDEN = {
    "tbx": "terms.tbx",
    "tbx3": "terms.tbx3.tbx",
    "memoq-csv": "terms.memoq.csv",
    "csv": "terms.bilingual.csv",
    "omegat": "terms.utf8",
    "deepl": "terms.deepl.tsv",
    "deepl-csv": "terms.deepl.csv",
    "google-csv": "terms.google.csv",
    "google-pairs": "terms.google-pairs.csv",
    "json": "terms.json",
}


@pytest.fixture(scope="module")
def small() -> Glossary:
    return Glossary([TERMS], builtin=False, cache_dir=None)


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_every_format_is_registered_and_named_in_help() -> None:
    assert set(formats()) == set(GOLDEN)
    code, out, _ = run("export", "--help")
    assert code == 0
    flat = " ".join(out.split())
    for name in formats():
        assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", flat), name
    code, out, _ = run("export", "--list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines() if not line.startswith(" ")] == list(
        formats()
    )
    assert all(fmt.loses for fmt in formats().values())


# -- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", GOLDEN)
def test_golden(small: Glossary, name: str) -> None:
    text, _ = export(small, name)
    path = HERE / GOLDEN[name]
    if os.environ.get("GLOSSARY_UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", GOLDEN)
def test_cli_export_matches_golden(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, err = run(
        "--no-builtin", "--termbase", str(TERMS), "export", "-f", name, "-o", str(out)
    )
    assert (code, stdout, err) == (0, "", "")
    assert out.read_bytes() == (HERE / GOLDEN[name]).read_bytes()


def test_installed_script_exports_tbx_to_stdout() -> None:
    script = script_or_skip()
    done = subprocess.run(
        [str(script), "--no-builtin", "-t", str(TERMS), "export", "--format", "tbx"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (HERE / "terms.tbx").read_bytes()


def test_preferred_term_comes_first(small: Glossary) -> None:
    """Tools that show one term per language show the first: it is the house form."""
    house = Glossary([TERMS], builtin=False, cache_dir=None, prefer=("wade-giles",))
    text, _ = export(house, "tbx", ExportOptions(prefer=house.prefer))
    daan = text[text.index('id="taipei-city-daan"') :]
    assert daan.index("Ta-an District") < daan.index("Da'an District")
    text, _ = export(small, "tbx")
    daan = text[text.index('id="taipei-city-daan"') :]
    assert daan.index("Da'an District") < daan.index("Ta-an District")


def test_direction_and_selection(small: Glossary) -> None:
    zh_en = ExportOptions(source="zh-TW", target="en", english="preferred")
    text, _ = export(small, "deepl", zh_en, kinds=["district", "agency"])
    assert text.splitlines() == [
        "大陸委員會\tMainland Affairs Council",
        "陸委會\tMainland Affairs Council",
        "大安區\tDa'an District",
    ]
    text, _ = export(small, "google-csv", ExportOptions(target="zh-Hans"), parents=["taipei-city"])
    assert text.splitlines() == [
        "en,zh-CN",
        "228 Peace Memorial Park,二二八和平纪念公园",
        "Taipei City,台北市",
        "Da'an District,大安区",
    ]
    text, _ = export(small, "deepl", statuses=["forbidden"])
    assert text == "Kaohsiung City\t高雄市\n"  # forbidden terms never become DeepL sources
    text, _ = export(small, "deepl", tags=["south"], options=ExportOptions(english="preferred"))
    assert text == "Kaohsiung City\t高雄市\n"
    with pytest.raises(GlossaryError, match="no entries match the selection"):
        export(small, "tbx", kinds=["person"])


# -- the official schemas --------------------------------------------------------------------


def test_tbx3_is_valid_against_the_official_schemas(small: Glossary, glossary: Glossary) -> None:
    shared_tbx()
    golden = (HERE / "terms.tbx3.tbx").read_text(encoding="utf-8")
    assert relaxng_errors(golden) == []
    assert schematron_errors(golden) == []
    simplified, _ = export(small, "tbx3", ExportOptions(simplified=True))
    assert schematron_errors(simplified) == []
    everything, _ = export(glossary, "tbx3", ExportOptions(simplified=True))
    assert relaxng_errors(everything) == []
    assert validate_tbx(everything, "builtin") == []


def test_tbx2_is_valid_against_the_official_dtds(glossary: Glossary) -> None:
    shared_tbx()
    for text in ((HERE / "terms.tbx").read_text(encoding="utf-8"), export(glossary, "tbx")[0]):
        assert dtd_errors(text, "v2/TBXcoreStructV02.dtd") == []
        assert dtd_errors(text, "v2/TBXBasiccoreStructV02.dtd") == []
        assert validate_tbx(text, "tbx") == []


def _official_verdict(path: Path, text: str) -> bool:
    """Valid by the official schemas: v3 core RelaxNG and TBX-Basic DCA Schematron; v2
    core DTD (the v2 XCS rules are not machine-checkable here)."""
    from lxml import etree

    try:
        if "/v3/" in str(path):
            return not relaxng_errors(text) and not schematron_errors(text)
        return not dtd_errors(text)
    except etree.XMLSyntaxError:
        return False


def test_validate_tbx_agrees_with_the_official_schemas() -> None:
    """On every file in ../shared/tbx/testdata our verdict is the official one, except
    where the test says why not."""
    # v2 files written for another XCS than TBX-Basic's, where the DTD (which checks no
    # data categories) passes and our TBX-Basic verdict is the right one instead:
    xcs_only = {
        # adminNote.xcs: 'bad_category' is in no XCS; the file is meant to fail.
        "xcs_adminBad.tbx": False,
        # adminNote.xcs declares 'annotatedNote'; TBX-Basic does not have it.
        "xcs_adminGood.tbx": False,
        # small.xcs limits languages; TBX-Basic does not, so for TBX-Basic it is valid.
        "xcs_langTestBad.tbx": True,
    }
    disagreements = []
    files = sorted((shared_tbx() / "testdata").rglob("*.tbx"))
    assert len(files) >= 20
    for path in files:
        text = path.read_bytes().decode("utf-8-sig")
        ours = not _check(text, path)
        official = _official_verdict(path, text)
        if path.name in xcs_only:
            official = xcs_only[path.name]
        if ours != official:
            disagreements.append((path.name, ours, official, _check(text, path)[:2]))
    assert disagreements == []


def _check(text: str, path: Path) -> list[str]:
    from glossary.formats.validate import check_file_text

    return check_file_text(text, str(path))


@pytest.mark.parametrize(("name", "official"), [("tbx", dtd_errors), ("tbx3", relaxng_errors)])
def test_an_id_that_is_no_xml_name_is_invalid_as_the_official_schemas_say(
    small: Glossary, name: str, official: Any
) -> None:
    """translate-toolkit's csv2tbx writes the English term as the id ("New Place"): the
    official DTD (v2) and RelaxNG schema (v3) refuse it, and so does validate-tbx."""
    text, _ = export(small, name)
    first = re.search(r'<(termEntry|conceptEntry) id="([^"]+)"', text)
    assert first is not None
    bad = text.replace(f'id="{first.group(2)}"', 'id="New Place"', 1)
    assert official(text) == []
    assert official(bad) != []
    assert validate_tbx(text, "<input>") == []
    problems = validate_tbx(bad, "<input>")
    assert len(problems) == 1
    assert "the id 'New Place'" in problems[0]
    assert "is not an XML name" in problems[0]


def test_cli_validate_tbx(tmp_path: Path) -> None:
    good = HERE / "terms.tbx3.tbx"
    assert run("validate-tbx", str(good)) == (0, f"{good}: valid TBX-Basic\n", "")
    bad = tmp_path / "bad.tbx"
    bad.write_text(
        good.read_text(encoding="utf-8").replace("preferredTerm-admn-sts", "bestTerm", 1),
        encoding="utf-8",
    )
    code, out, _ = run("validate-tbx", str(bad))
    assert code == 1
    assert out.startswith(f"{bad}:")
    assert "administrativeStatus 'bestTerm' is not one of" in out
    assert run("export", "-f", "tbx3", "--check", "-o", str(tmp_path / "x.tbx"))[0] == 0


# -- real clients --------------------------------------------------------------------------


def test_translate_toolkit_reads_our_tbx_and_csv(glossary: Glossary) -> None:
    """translate-toolkit shows the first term of each language: the pair we meant."""
    from translate.storage import csvl10n, tbx

    text, _ = export(glossary, "tbx")
    store = tbx.tbxfile.parsestring(text.encode("utf-8"))
    entries = [e for e in glossary if e.kind is not Kind.FOREIGN_PLACE]  # left out by default
    assert [(u.source, u.target) for u in store.units] == [
        (glossary.english(e), e.chinese) for e in entries
    ]
    text, _ = export(glossary, "csv", ExportOptions(english="preferred"))
    store = csvl10n.csvfile(io.BytesIO(text.encode("utf-8")))
    assert [(u.source, u.target, u.getcontext()) for u in store.units] == [
        (glossary.english(e), e.chinese, e.id) for e in entries
    ]


def test_we_read_what_csv2tbx_writes(tmp_path: Path) -> None:
    """translate-toolkit's csv2tbx (not told the target language) writes xml:lang="xx" for
    the Chinese and the English term as the id: both are read, the ids made into ours, the
    result merges into a term base that validates."""
    from translate.convert.csv2tbx import csv2tbx
    from translate.storage import csvl10n

    pairs = "source,target\nNew Place,新地方\nOld Street,老街\n".encode()
    out = io.BytesIO()
    csv2tbx().convertfile(csvl10n.csvfile(io.BytesIO(pairs))).serialize(out)
    assert b'xml:lang="xx"' in out.getvalue()
    assert b'id="New Place"' in out.getvalue()
    imported = read(out.getvalue().decode("utf-8"), "tbx", path="tt.tbx")
    assert [(e.id, e.english, e.chinese) for e in imported.entries] == [
        ("new-place", "New Place", "新地方"),
        ("old-street", "Old Street", "老街"),
    ]
    assert imported.warnings == [
        "tt.tbx: read 2 <langSet xml:lang=xx> as Chinese: its terms are Han characters",
        "tt.tbx: 2 id(s) are not term base ids (lower-case letters, digits, hyphens) and were "
        "made into ones ('New Place' became new-place)",
    ]
    source = tmp_path / "tt.tbx"
    source.write_bytes(out.getvalue())
    mine = tmp_path / "mine.yaml"
    code, stdout, err = run(
        "--no-builtin", "-t", str(TERMS), "import", str(source), "--write", str(mine)
    )
    assert code == 0, err
    assert "+ new-place: New Place (新地方)" in stdout
    code, _, err = run("terms", "validate", str(mine))
    assert code == 0, err


def test_ids_that_are_not_ours_are_made_ours_parents_too() -> None:
    """Another tool's ids (spaces, capitals, Han characters) become term base ids, unique,
    and a parent pointing at a renamed entry follows it."""
    text = (
        '<martif type="TBX-Basic"><text><body>'
        '<termEntry id="Taipei City"><langSet xml:lang="en"><tig><term>Taipei</term></tig>'
        '</langSet><langSet xml:lang="zh-TW"><tig><term>臺北市</term></tig></langSet></termEntry>'
        '<termEntry id="大安"><ref type="crossReference" target="Taipei City">Taipei</ref>'
        '<langSet xml:lang="en"><tig><term>Taipei</term></tig></langSet>'
        '<langSet xml:lang="zh-TW"><tig><term>大安區</term></tig></langSet></termEntry>'
        "</body></text></martif>"
    )
    entries = read(text, "tbx").entries
    assert [(e.id, e.parent) for e in entries] == [("taipei-city", None), ("taipei", "taipei-city")]


def test_deepl_client_accepts_our_entries(glossary: Glossary) -> None:
    from deepl.util import convert_csv_to_dict, convert_tsv_to_dict

    tsv, warnings = export(glossary, "deepl")
    parsed = convert_tsv_to_dict(tsv)  # the client's own checks: raises if it refuses
    assert len(parsed) == len(tsv.splitlines())
    assert warnings  # homonyms (two Xihu Townships) are reported, one target kept
    assert parsed["Situn District"] == "西屯區"
    csv_text, _ = export(glossary, "deepl-csv")
    assert convert_csv_to_dict(csv_text) == parsed


# -- round trips -----------------------------------------------------------------------------

_words = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_english = st.lists(_words, min_size=1, max_size=3).map(lambda ws: " ".join(ws).title())
_chinese = st.text("西屯大安區臺北市高雄中山", min_size=2, max_size=5)
#: Free text with what XML, CSV and YAML must escape or quote.
_tricky = st.sampled_from(["&amp;", "<b>", '"q"', "it's", "a,b", "x;y", "=1", "-2", "#3", "@x"])
_prose = st.one_of(
    st.just(""), st.lists(st.one_of(_words, _tricky), min_size=1, max_size=6).map(" ".join)
)


@st.composite
def entries(draw: st.DrawFn) -> list[Entry]:
    count = draw(st.integers(1, 6))
    ids = sorted(draw(st.lists(_words, min_size=count, max_size=count, unique=True)))
    zh_all = draw(st.lists(_chinese, min_size=count * 2, max_size=count * 2, unique=True))
    out = []
    for n, ident in enumerate(ids):
        en_texts = draw(st.lists(_english, min_size=1, max_size=4, unique_by=str.lower))
        statuses = [Status.PREFERRED] + [
            draw(st.sampled_from([Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN]))
            for _ in en_texts[1:]
        ]
        en = tuple(Term(t, s, note=draw(_prose)) for t, s in zip(en_texts, statuses, strict=True))
        zh = (Term(zh_all[2 * n]),) + (
            (Term(zh_all[2 * n + 1], Status.ADMITTED),) if draw(st.booleans()) else ()
        )
        parent = draw(st.sampled_from([None, *ids[:n]])) if n else None
        out.append(
            Entry(
                ident,
                draw(st.sampled_from(list(Kind))),
                zh,
                en,
                draw(_prose) or "a source",
                parent,
                note=draw(_prose),
                definition=draw(_prose),
            )
        )
    return out


def _terms(terms: tuple[Term, ...], *, notes: bool = True) -> set[tuple[str, Status, str]]:
    return {(t.text, t.status, t.note if notes else "") for t in terms}


def _round(name: str, items: list[Entry], options: ExportOptions | None = None) -> list[Entry]:
    fmt = get_format(name)
    assert fmt.write is not None
    assert fmt.read is not None
    text, _ = fmt.write(items, options or ExportOptions())
    return fmt.read(text, "x").entries


_settings = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(entries())
def test_json_round_trips_exactly(items: list[Entry]) -> None:
    assert _round("json", items) == items


@_settings
@given(entries())
@pytest.mark.parametrize("name", ["tbx", "tbx3"])
def test_tbx_round_trips(name: str, items: list[Entry]) -> None:
    """TBX keeps ids, kinds, parents, notes, definitions, sources, every term with its
    status (forbidden through a note) and note; it loses systems, official flags,
    matching controls, gloss, dates and tags."""
    back = _round(name, items)
    assert [e.id for e in back] == [e.id for e in items]
    for old, new in zip(items, back, strict=True):
        assert (new.kind, new.parent, new.note, new.definition, new.source) == (
            old.kind,
            old.parent,
            old.note,
            old.definition,
            old.source,
        )
        assert _terms(new.en) == _terms(old.en)
        assert _terms(new.zh) == _terms(old.zh)
        assert new.en[0].status is Status.PREFERRED


@_settings
@given(entries())
def test_memoq_csv_round_trips(items: list[Entry]) -> None:
    """CAT CSV keeps ids, kinds, parents, notes, definitions, sources and every term with
    its status; it loses term notes (and systems, flags, gloss, dates, tags)."""
    back = _round("memoq-csv", items)
    for old, new in zip(items, back, strict=True):
        assert (new.id, new.kind, new.parent, new.note, new.definition, new.source) == (
            old.id,
            old.kind,
            old.parent,
            old.note,
            old.definition,
            old.source,
        )
        assert _terms(new.en, notes=False) == _terms(old.en, notes=False)
        assert [t.text for t in new.zh] == [t.text for t in old.zh]


@_settings
@given(entries())
@pytest.mark.parametrize("name", ["deepl", "deepl-csv", "google-pairs", "omegat", "csv"])
def test_pair_formats_round_trip_their_pairs(name: str, items: list[Entry]) -> None:
    """Pair formats keep the pairs: every usable English term with its Chinese (deprecated
    and forbidden terms are left out of MT glossaries)."""
    options = ExportOptions(english="admitted")
    back = _round(name, items, options)
    usable = (Status.PREFERRED, Status.ADMITTED)
    sent = {(t.text, e.chinese) for e in items for t in e.en if t.status in usable}
    got = {(t.text, e.chinese) for e in back for t in e.en}
    if name.startswith(("deepl", "google")):  # one target per source: duplicates dropped
        assert got <= sent
        assert {s for s, _ in got} == {s for s, _ in sent}
    else:
        assert got == sent


# -- hostile and broken input ----------------------------------------------------------------

XXE = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="a"><langSet xml:lang="en">
<tig><term>&xxe;</term></tig></langSet></termEntry></body></text></martif>
"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<martif type="TBX-Basic" xml:lang="en"><text><body>&lol3;</body></text></martif>
"""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (XXE, "declares XML entities"),
        (LAUGHS, "declares XML entities"),
        ("<martif><text>", ":1: not well-formed XML"),
        ('<?xml version="1.0"?><html/>', "the root element is <html>"),
    ],
    ids=["xxe", "billion-laughs", "malformed", "not-tbx"],
)
def test_hostile_tbx_is_refused_in_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "in.tbx"
    path.write_text(content, encoding="utf-8")
    code, out, err = run("import", str(path))
    assert (code, out) == (1, "")
    assert err.startswith(f"glossary: error: {path}")
    assert message in err
    assert len(err.splitlines()) == 1


def test_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    import glossary.formats._xml

    monkeypatch.setattr(glossary.formats._xml, "MAX_SIZE", 100)
    with pytest.raises(FormatError, match="larger than 0 MB; refused"):
        read("<martif>" + " " * 200 + "</martif>", "tbx", path="big.tbx")


def test_a_doctype_naming_a_dtd_is_fine_and_unknown_elements_are_reported() -> None:
    text = (HERE / "terms.tbx").read_text(encoding="utf-8")
    assert "<!DOCTYPE martif SYSTEM" in text
    odd = text.replace(
        '<descrip type="subjectField">district</descrip>',
        '<descrip type="subjectField">district</descrip><hi>odd</hi><foo:bar xmlns:foo="x"/>',
    )
    imported = read(odd, "tbx", path="odd.tbx")
    assert len(imported.entries) == 5
    assert imported.warnings == [
        "odd.tbx: skipped 1 <bar> element(s) glossary has no field for",
        "odd.tbx: skipped 1 <hi> element(s) glossary has no field for",
    ]


def test_csv_formulas_are_neutralised_and_restored() -> None:
    evil = Entry(
        "evil",
        Kind.OTHER,
        (Term("西屯"),),
        (Term('=HYPERLINK("http://x")'), Term("@SUM(A1)", Status.ADMITTED)),
        "+1 source",
        note="-2 note",
    )
    text, _ = get_format("memoq-csv").write([evil], ExportOptions())  # type: ignore[misc]
    row = text.splitlines()[1]
    assert row.startswith('evil,other,,"\'=HYPERLINK(""http://x"");@SUM(A1)"')
    assert "'+1 source" in row
    assert "'-2 note" in row
    [back] = read(text, "memoq-csv").entries
    assert (back.en[0].text, back.source, back.note) == (
        '=HYPERLINK("http://x")',
        "+1 source",
        "-2 note",
    )


def test_deepl_duplicates_are_resolved_by_status_and_reported() -> None:
    a = Entry(
        "a-place",
        Kind.DISTRICT,
        (Term("甲區"),),
        (Term("Xinyi"), Term("Hsinyi", Status.ADMITTED)),
        "s",
    )
    b = Entry("b-place", Kind.DISTRICT, (Term("乙區"),), (Term("Hsinyi"),), "s")
    text, warnings = get_format("deepl").write([a, b], ExportOptions())  # type: ignore[misc]
    assert text == "Xinyi\t甲區\nHsinyi\t乙區\n"  # b's preferred term beats a's admitted one
    assert warnings == [
        "'Hsinyi': a-place (甲區) dropped for b-place (乙區); DeepL takes one target per source"
    ]


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ("Xitun\tDistrict", "control character (U+0009)"),
        ("Xitun\u2028", "control character (U+2028)"),
        (" Xitun", "starts or ends with a space"),
        ("X" * 1100, "bytes; DeepL takes 1024"),
    ],
)
def test_deepl_refuses_what_deepl_refuses(term: str, message: str) -> None:
    bad = Entry("bad", Kind.OTHER, (Term("西屯"),), (Term(term),), "s")
    with pytest.raises(FormatError, match=re.escape(message)):
        get_format("deepl").write([bad], ExportOptions())  # type: ignore[misc]


def test_omegat_refuses_tabs_in_fields() -> None:
    """OmegaT has no quoting: a tab inside a term would shift the columns."""
    bad = Entry("bad", Kind.OTHER, (Term("西屯"),), (Term("Xi\ttun"),), "s")
    with pytest.raises(FormatError) as info:
        get_format("omegat").write([bad], ExportOptions())  # type: ignore[misc]
    assert str(info.value) == (
        "bad: term 'Xi\\ttun' holds a control character or line break (U+0009)"
    )


def test_import_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"en,zh-TW\nXitun,\xe8\xa5\n")
    code, _, err = run("import", str(path))
    assert code == 1
    assert err == f"glossary: error: {path}:2: not valid UTF-8 (byte 0xe8)\n"


@pytest.mark.parametrize("name", ["tbx", "tbx3"])
def test_tbx_refuses_what_xml_cannot_carry(tmp_path: Path, name: str) -> None:
    """A control character (never in XML) stops the TBX writer with the entry named. A
    term base file cannot hold one (validation refuses it, issue 15 item 8), so the
    entry is made in code; through the CLI the file is refused and the old output stays."""
    bad = Entry("e2", Kind.OTHER, (Term("大安"),), (Term("Da'an"),), "test", note="bad \x01 note")
    with pytest.raises(FormatError, match=r"e2: 'bad \\x01 note' holds a character XML"):
        get_format(name).write([bad], ExportOptions())  # type: ignore[misc]
    terms = tmp_path / "terms.yaml"
    terms.write_text(
        "- id: e1\n  kind: other\n  zh: [西屯]\n  en: [Xitun]\n  source: test\n"
        '- id: e2\n  kind: other\n  zh: [大安]\n  en: [Da\'an]\n  note: "bad \\u0001 note"\n'
        "  source: test\n",
        encoding="utf-8",
    )
    out = tmp_path / "taiwan.tbx"
    out.write_text("old\n", encoding="utf-8")
    code, _, err = run("--no-builtin", "-t", str(terms), "export", "-f", name, "-o", str(out))
    assert code == 1
    assert "note: invisible character U+0001 (a control character)" in err
    assert out.read_text(encoding="utf-8") == "old\n"


#: What ``import --format auto`` may take a file for: the format itself, or one that reads
#: the same file the same way (TBX v2 and v3 share a reader; Google's two-column pairs are
#: the shape of DeepL's CSV, with no header to tell them apart).
SNIFFED = {"tbx3": "tbx", "google-pairs": "deepl-csv"}


@pytest.mark.parametrize("name", [n for n, f in formats().items() if f.read is not None])
def test_import_recognises_every_export(tmp_path: Path, name: str) -> None:
    """Each format exported with its usual file name is read back as that format, and
    what it can hold comes back unchanged (formats with no entry ids can only offer ids
    of their own, which the term base may already use for other entries)."""
    out = tmp_path / f"taiwan{get_format(name).suffix}"
    code, _, err = run("--no-builtin", "-t", str(TERMS), "export", "-f", name, "-o", str(out))
    assert code == 0, err
    code, stdout, err = run("--no-builtin", "-t", str(TERMS), "import", str(out))
    assert code == 0, err
    assert stdout.splitlines()[0].startswith(f"{out} ({SNIFFED.get(name, name)}): ")
    if name in ("tbx", "tbx3", "memoq-csv", "csv", "json"):  # these carry the entry ids
        assert "0 to add, 0 to change, 0 in conflict" in stdout.splitlines()[-1]


def test_failed_export_leaves_the_old_file(tmp_path: Path, small: Glossary) -> None:
    out = tmp_path / "taiwan.csv"
    out.write_text("old\n", encoding="utf-8")
    code, _, err = run(
        "--no-builtin",
        "-t",
        str(TERMS),
        "export",
        "-f",
        "memoq-csv",
        "--separator",
        " ",
        "-o",
        str(out),
    )
    assert code == 1
    assert "holds the separator ' '" in err
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["taiwan.csv"]


# -- import: the plan and --write ------------------------------------------------------------


def test_import_plan(small: Glossary) -> None:
    text = (HERE / "terms.memoq.csv").read_text(encoding="utf-8")
    text = text.replace("Taipei City;Taipei", "Taipei City;Taipei;Taibei")  # a new spelling
    text = text.replace("Da'an District;Daan District", "Daan District;Da'an District")
    text += "xinyi,district,taipei-city,Xinyi District,,,信義區,,,A source\r\n"
    imported = read(text, "memoq-csv").entries
    result = plan(small, imported)
    assert [c.entry.id for c in result.added] == ["xinyi"]
    assert [(c.entry.id, c.notes) for c in result.changed] == [
        ("taipei-city", ["+ en 'Taibei' (admitted)"])
    ]
    assert [(c.entry.id, c.notes) for c in result.conflicts] == [
        (
            "taipei-city-daan",
            [
                "preferred English 'Daan District' in the file, \"Da'an District\" here",
                "en 'Daan District' is preferred in the file, admitted here",
            ],
        )
    ]
    assert len(result.unchanged) == 3


def test_cli_import_write_keeps_the_file(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    shutil.copy(TERMS, mine)
    original = mine.read_text(encoding="utf-8")
    edits = tmp_path / "edits.csv"
    edits.write_text(
        "en,zh-TW,note\r\nTaipei City;Taibei,臺北市,\r\nBanqiao District,板橋區,A new one\r\n",
        encoding="utf-8",
    )
    code, out, err = run(
        "--no-builtin", "-t", str(mine), "import", str(edits), "--write", str(mine)
    )
    assert (code, err) == (0, "")
    assert "+ banqiao-district: Banqiao District (板橋區), other" in out
    assert "~ taipei-city: + en 'Taibei' (admitted)" in out
    text = mine.read_text(encoding="utf-8")
    added = text.replace(original[: original.index("- id: kaohsiung-city")], "", 1)
    assert original.startswith(text[: text.index("- id: banqiao-district")])  # comments kept
    assert "- id: banqiao-district\n" in added
    assert text.index("- id: banqiao-district") < text.index("- id: kaohsiung-city")
    assert "    - Taipei\n    - Taibei\n" in text
    for line in original.splitlines():  # every line that was there is still there
        assert line in text.splitlines()
    # the written file is a valid term base with the new entry
    again = Glossary([mine], builtin=False, cache_dir=None)
    assert again.get("Banqiao District") is not None
    assert [t.text for t in again["taipei-city"].en] == ["Taipei City", "Taipei", "Taibei"]
    # importing the same again changes nothing
    code, out, _ = run("--no-builtin", "-t", str(mine), "import", str(edits), "--write", str(mine))
    assert code == 0
    assert "0 to add, 0 to change" in out
    assert mine.read_text(encoding="utf-8") == text


def test_cli_import_conflicts_exit_1_and_are_not_written(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    shutil.copy(TERMS, mine)
    before = mine.read_bytes()
    edits = tmp_path / "edits.tsv"
    edits.write_text("Taibei City\t臺北市\n", encoding="utf-8")
    code, out, _ = run("--no-builtin", "-t", str(mine), "import", str(edits), "--write", str(mine))
    assert code == 1
    assert "! taipei-city: preferred English 'Taibei City' in the file, 'Taipei City' here" in out
    assert f"{mine}: nothing to write" in out
    assert mine.read_bytes() == before


def test_cli_import_into_a_new_file_gets_the_header(tmp_path: Path) -> None:
    edits = tmp_path / "edits.json"
    edits.write_text((HERE / "terms.json").read_text(encoding="utf-8"), encoding="utf-8")
    new = tmp_path / "new.yaml"
    code, out, err = run("--no-builtin", "import", str(edits), "--write", str(new))
    assert (code, err) == (0, "")
    assert "5 to add" in out
    text = new.read_text(encoding="utf-8")
    assert text.startswith("# A glossary term base file")
    assert Glossary([new], builtin=False, cache_dir=None)["taipei-city-daan"].gloss == "大安"


def test_cli_import_column_mapping(tmp_path: Path) -> None:
    edits = tmp_path / "edits.csv"
    edits.write_text("Source,Target,Comment\nBanqiao District,板橋區,x\n", encoding="utf-8")
    code, out, _ = run("import", str(edits))
    assert code == 0  # two columns, no header names: read as pairs
    code, out, err = run(
        "import",
        str(edits),
        "--column",
        "en=Source",
        "--column",
        "zh-TW=Target",
        "--column",
        "note=Comment",
    )
    assert (code, err) == (0, "")
    assert "~ new-taipei-city-banqiao: note: 'x'" in out  # matched by its Chinese
    code, _, err = run("import", str(edits), "--column", "en")
    assert code == 2
    code, _, err = run("import", str(edits), "--column", "en=Nope")
    assert code == 1
    assert "no column 'Nope' in the header" in err


def test_export_json_is_the_model() -> None:
    payload = json.loads((HERE / "terms.json").read_text(encoding="utf-8"))
    assert payload["format"] == "glossary"
    small = Glossary([TERMS], builtin=False, cache_dir=None)
    assert [Entry.from_dict(e) for e in payload["entries"]] == list(small)


def test_cli_import_change_to_a_builtin_entry_copies_it(tmp_path: Path) -> None:
    """A change to an entry of the built-in term base goes into the user's file as a whole
    entry, which overrides the built-in one when the file is layered on top."""
    edits = tmp_path / "edits.tsv"
    edits.write_text("Xitun District\t西屯區\nShitun District\t西屯區\n", encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    code, out, err = run("import", str(edits), "--write", str(mine))
    assert (code, err) == (0, "")
    assert "~ taichung-city-xitun: + en 'Shitun District' (admitted)" in out
    layered = Glossary([mine], cache_dir=None)
    xitun = layered["taichung-city-xitun"]
    assert [t.text for t in xitun.en] == ["Xitun District", "Situn District", "Shitun District"]
    assert xitun.en[0].official  # the rest of the entry came along unchanged
    assert xitun.gloss == "西屯"
    assert layered.get("Shitun District") == xitun


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=entries(), split=st.integers(0, 6))
def test_yaml_merge_round_trips(items: list[Entry], split: int) -> None:
    """Entries written into a YAML file by import --write (some into a file that already
    holds the others) load back as the same entries."""
    import tempfile

    from glossary._termbase import TermBase
    from glossary.formats.yaml_merge import header_text, merge_into

    first, rest = items[:split], items[split:]
    text = merge_into(
        merge_into(None, first, header_text()) if first else None, rest, header_text()
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mine.yaml"
        path.write_text(text, encoding="utf-8")
        loaded = TermBase.load([path], builtin=False)
    assert sorted(loaded, key=lambda e: e.id) == sorted(items, key=lambda e: e.id)


def test_utf16_tbx_and_bad_format_names(tmp_path: Path) -> None:
    """XML may come in UTF-16 (with its byte-order mark); an unknown --format is a usage
    error naming the choices."""
    text = (HERE / "terms.tbx3.tbx").read_text(encoding="utf-8")
    path = tmp_path / "u16.tbx"
    path.write_bytes(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    assert run("validate-tbx", str(path)) == (0, f"{path}: valid TBX-Basic\n", "")
    code, out, _ = run("--no-builtin", "-t", str(TERMS), "import", str(path))
    assert code == 0
    assert out.endswith("0 to add, 0 to change, 0 in conflict (never written), 5 unchanged\n")
    for command in (["export", "-f", "tbx4"], ["import", str(path), "-f", "tbx4"]):
        code, _, err = run(*command)
        assert code == 2
        assert "'tbx4' is not one of " in err
        assert "tbx, tbx3, memoq-csv" in err


def test_import_into_a_bracketed_list(tmp_path: Path) -> None:
    """`zh: [臺北市]` with a new Chinese variant becomes a list, one term per line; nothing
    else in the file moves."""
    from glossary.formats.yaml_merge import merge_into

    text = TERMS.read_text(encoding="utf-8")
    small = Glossary([TERMS], builtin=False, cache_dir=None)
    taipei = small["taipei-city"]
    changed = replace(taipei, zh=(*taipei.zh, Term("台北", Status.ADMITTED)))
    parkless = small["228-peace-memorial-park"]
    park = replace(parkless, en=(*parkless.en, Term("2-28 Park", Status.ADMITTED, note="Short.")))
    merged = merge_into(text, [changed, park])
    assert "  zh:\n    - 臺北市\n    - 台北\n" in merged
    assert "  en:\n    - 228 Peace Memorial Park\n    - term: 2-28 Park\n" in merged
    removed = [line for line in text.splitlines() if line not in merged.splitlines()]
    assert removed == ["  en: [228 Peace Memorial Park]", "  zh: [臺北市]"]
    path = tmp_path / "mine.yaml"
    path.write_text(merged, encoding="utf-8")
    again = Glossary([path], builtin=False, cache_dir=None)
    assert again["taipei-city"] == changed
    assert again["228-peace-memorial-park"] == park
