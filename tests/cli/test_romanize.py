"""`glossary romanize`: Chinese in every system, romanized names read back."""

from __future__ import annotations

import json

import pytest

from .helpers import run


def test_romanize_chinese_table() -> None:
    code, out, err = run("romanize", "西屯")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "西屯  xi1 tun2"
    assert "  wade-giles  Hsi-t'un" in lines
    assert "  mps2        Shituen" in lines
    assert "  tongyong    Situn" in lines
    assert lines[-1] == "In the term base: Xitun District (西屯區) [taichung-city-xitun]"


def test_romanize_person_from_term_base() -> None:
    """The term base says 劉世芳 is a person: surname first, given name hyphenated."""
    code, out, _ = run("romanize", "劉世芳", "--system", "wade-giles")
    assert code == 0
    assert "  wade-giles  Liu Shih-fang" in out.splitlines()
    code, out, _ = run("romanize", "劉世芳", "--system", "wade-giles", "--place")
    assert "  wade-giles  Liu-shih-fang" in out.splitlines()


def test_romanize_alternative_readings() -> None:
    code, out, _ = run("romanize", "元長", "-s", "hanyu")
    assert code == 0
    assert "元長  yuan2 zhang3  (most likely)" in out
    assert "元長  yuan2 chang2  (also read)" in out


def test_romanize_json() -> None:
    code, out, _ = run("romanize", "王金平", "--json", "--system", "gwoyeu", "--tones", "marks")
    assert code == 0
    payload = json.loads(out)
    assert payload["style"] == "person"
    assert payload["readings"] == [
        {"hanyu": "wang2 jin1 ping2", "spellings": {"gwoyeu": "Wang Jin-pyng"}}
    ]
    assert payload["entries"][0]["id"] == "wang-jin-pyng"


def test_romanize_parses_latin() -> None:
    code, out, _ = run("romanize", "Hsi-t'un")
    assert code == 0
    assert out.splitlines()[1].split() == ["xi", "tun", "(wade-giles)"]
    assert "= Xitun District (西屯區) [taichung-city-xitun]" in out


def test_romanize_parses_latin_json() -> None:
    code, out, _ = run("romanize", "Ma Ying-jeou", "--json")
    assert code == 0
    best = json.loads(out)["candidates"][0]
    assert best["syllables"] == ["ma", "ying", "jiu"]
    assert best["systems"] == []
    assert "gwoyeu" in best["syllable_systems"][2]
    assert best["entries"][0]["id"] == "ma-ying-jeou"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Bi-khim", "no syllable in any system spells 'khim'"),
        ("Tamsui", "'Tamsui' is not romanized Mandarin"),
        ("西屯2路", "'西屯2路' is not all Chinese characters: '2'"),
        ("ＡＢＣ", "is not romanized Mandarin"),
        ("", "empty"),
    ],
)
def test_romanize_bad_input_is_one_line(text: str, message: str) -> None:
    code, out, err = run("romanize", text)
    assert code == 1
    assert out == ""
    assert err.startswith("glossary: error: ")
    assert message in err
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err


def test_romanize_unknown_system_is_a_usage_error() -> None:
    code, _, err = run("romanize", "西屯", "--system", "klingon")
    assert code == 2
    assert "'klingon' is not one of hanyu" in err


def test_romanize_name_of_several_entries() -> None:
    """信義區 is a district of Taipei and of Keelung: both are listed, no error."""
    code, out, err = run("romanize", "信義區", "-s", "hanyu")
    assert code == 0, err
    assert "  hanyu  Xinyiqu" in out.splitlines()
    assert "[taipei-city-xinyi]" in out
    assert "[keelung-city-xinyi]" in out
