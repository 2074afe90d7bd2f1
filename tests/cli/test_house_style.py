"""The house-style options of `glossary annotate` and `glossary normalize`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import installed, run

STORY = (
    'TAIPEI — "Taichung will act," the Mainland Affairs Council (MAC) said of Taichung and '
    "Xitun District.\n"
)


def test_annotate_house_style_by_default() -> None:
    """Dateline and quotation left alone, the acronym merged, short glosses with 台."""
    code, out, err = run("annotate", input=STORY)
    assert (code, err) == (0, "")
    assert out == (
        'TAIPEI — "Taichung will act," the Mainland Affairs Council (MAC, 陸委會) said of '
        "Taichung (台中) and Xitun District (西屯).\n"
    )


def test_annotate_long_gloss_tai_and_quotations() -> None:
    code, out, err = run("annotate", "--long-gloss", "--tai", "臺", "--quotations", input=STORY)
    assert (code, err) == (0, "")
    assert out == (
        'TAIPEI — "Taichung (臺中市) will act," the Mainland Affairs Council (MAC, 陸委會) '
        "said of Taichung and Xitun District (西屯區).\n"
    )


def test_annotate_tai_is_a_choice() -> None:
    code, _, err = run("annotate", "--tai", "tai", input=STORY)
    assert code == 2
    assert "'tai' is not one of 台, 臺" in err


def test_annotate_output_dir_keeps_the_style(tmp_path: Path) -> None:
    story = tmp_path / "in" / "story.txt"
    story.parent.mkdir()
    story.write_text(STORY, encoding="utf-8")
    code, _, err = run("annotate", str(story.parent), "-o", str(tmp_path / "out"), "--tai", "臺")
    assert (code, err) == (0, "")
    assert "Taichung (臺中)" in (tmp_path / "out" / "story.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], '「西屯区很好」，他在台中市西屯區說。"Situn is home," he said in Xitun.\n'),
        (
            ["--tai", "臺"],
            '「西屯区很好」，他在臺中市西屯區說。"Situn is home," he said in Xitun.\n',
        ),
        (
            ["--quotations"],
            '「西屯區很好」，他在台中市西屯區說。"Xitun is home," he said in Xitun.\n',
        ),
    ],
    ids=["default", "tai", "quotations"],
)
def test_normalize_shape_and_quotations(options: list[str], expected: str) -> None:
    """台 kept unless --tai says otherwise; quotations left alone unless --quotations."""
    text = '「西屯区很好」，他在台中市西屯区說。"Situn is home," he said in Situn.\n'
    code, out, err = run("normalize", *options, input=text)
    assert (code, err) == (0, "")
    assert out == expected


def test_normalize_check_leaves_quotations_alone(tmp_path: Path) -> None:
    """--check counts only the names normalize would change: none inside a quotation."""
    story = tmp_path / "story.txt"
    story.write_text('"Situn is home," he said.\n', encoding="utf-8")
    code, _, err = run("normalize", "--check", str(story))
    assert code == 0, err
    code, _, err = run("normalize", "--check", "--quotations", str(story))
    assert code == 1
    assert "would normalize" in err


def test_installed_annotate_house_style() -> None:
    result = installed("annotate", "--long-gloss", input=STORY)
    assert result.returncode == 0, result.stderr
    assert "Taichung (台中市) and Xitun District (西屯區)" in result.stdout
    assert "TAIPEI —" in result.stdout


def test_installed_normalize_tai() -> None:
    result = installed("normalize", "--tai", "臺", input="台北市\n")
    assert (result.returncode, result.stdout) == (0, "臺北市\n")
