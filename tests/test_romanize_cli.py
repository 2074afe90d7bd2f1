"""``glossary romanize`` defaults for names the term base does not hold (issue 13)."""

from __future__ import annotations

import json

from tests.cli.helpers import installed, run


def test_a_person_shaped_name_is_romanized_as_a_person() -> None:
    """陳家豪 (no one in the term base): a surname and two characters, a person by default."""
    code, out, err = run("romanize", "陳家豪", "--system", "wade-giles", "--system", "hanyu")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "陳家豪  chen2 jia1 hao2",
        "  wade-giles  Ch'en Chia-hao",
        "  hanyu       Chen Jiahao",
    ]


def test_place_forces_a_place_name() -> None:
    code, out, _ = run("romanize", "陳家豪", "--place", "--system", "wade-giles", "--json")
    assert code == 0
    payload = json.loads(out)
    assert (payload["style"], payload["entries"]) == ("place", [])
    assert payload["readings"][0]["spellings"] == {"wade-giles": "Ch'en-chia-hao"}


def test_the_term_base_wins_over_the_shape() -> None:
    """高雄 has a surname's shape (高), but the term base says it is a city."""
    code, out, _ = run("romanize", "高雄", "--system", "wade-giles", "--json")
    assert code == 0
    assert json.loads(out)["style"] == "place"
    assert json.loads(out)["readings"][0]["spellings"] == {"wade-giles": "Kao-hsiung"}


def test_a_place_shaped_name_stays_a_place() -> None:
    code, out, _ = run("romanize", "西螺大橋", "--system", "hanyu", "--json")
    assert code == 0
    assert json.loads(out)["style"] == "place"


def test_a_lone_surname_as_a_person_is_zeng() -> None:
    """曾 --person is Zeng (the README: surnames like 曾 read Zeng)."""
    code, out, _ = run("romanize", "曾", "--person", "--system", "hanyu")
    assert code == 0
    assert out.splitlines() == ["曾  zeng1", "  hanyu  Zeng"]


def test_a_customary_spelling_is_shown_as_such() -> None:
    code, out, err = run("romanize", "Lee", "--limit", "2")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Lee may read as: (first 2; --limit for more)",
        "  li  (customary)",
        "  le  (gwoyeu)",
    ]
    code, out, _ = run("romanize", "Lee Teng-hui", "--limit", "2")
    assert code == 0
    assert "  li deng hui  (mixed: wade-giles, with li in customary)" in out.splitlines()


def test_the_installed_script_romanizes_a_person_by_default() -> None:
    done = installed("romanize", "陳家豪", "--system", "wade-giles")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["陳家豪  chen2 jia1 hao2", "  wade-giles  Ch'en Chia-hao"]
