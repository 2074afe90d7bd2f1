"""The HTML page: names marked with their gloss and doubts, a legend, the list of names
found, the right lang, adjacent names apart; and the page as a real browser draws it."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from glossary import Glossary
from glossary.render import html_page, page_lang

from .cli.helpers import run
from .conftest import FIXTURES

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def _page(glossary: Glossary, text: str) -> str:
    return html_page(text, glossary.annotate(text), glossary, title="story")


def _marks(page: str) -> list[str]:
    return re.findall(r'<mark class="name[^"]*" data-id="[^"]*"[^>]*>[^<]*</mark>', page)


def test_adjacent_chinese_names_are_two_marks(glossary: Glossary) -> None:
    """臺中市西屯區 is two highlights, each with its own border, and its own gloss."""
    page = _page(glossary, "臺中市西屯區")
    assert [re.sub("<[^>]+>", "", m) for m in _marks(page)] == ["臺中市", "西屯區"]
    assert "border: 1px solid" in page
    assert '<span class="note" lang="en">Taichung City</span>' in page


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Situn District grew.", "en"), ("西屯區的居民說", "zh-Hant"), ("西屯区的居民说", "zh-Hans")],
)
def test_the_page_and_each_name_have_their_lang(glossary: Glossary, text: str, lang: str) -> None:
    page = _page(glossary, text)
    assert f'<html lang="{lang}">' in page
    assert page_lang(text) == lang
    [mark] = _marks(page)
    assert f'lang="{lang}"' in mark
    note = '<span class="note" lang="zh-Hant">西屯</span>'
    assert (note in page) == (lang == "en")


def test_doubts_are_visible_not_only_in_tooltips(glossary: Glossary) -> None:
    """A homonym chosen by prominence and a deprecated term get a class and a flag in the
    text itself."""
    page = _page(glossary, "Xinyi District and the Council of Agriculture")
    body = page.split('<main class="text">')[1]
    assert 'class="name prominence"' in body
    assert '<span class="flag prominence" lang="en">prominence</span>' in body
    assert 'class="name deprecated"' in body
    assert '<span class="flag deprecated" lang="en">deprecated' in body


def test_legend_and_list_of_names(glossary: Glossary) -> None:
    """A legend before the text; after it, each entry once with its kind and parent."""
    page = _page(glossary, "Situn District and 西屯区; Taichung City; Situn District again.")
    head, rest = page.split('<main class="text">')
    assert '<ul class="legend">' in head
    for kind in ("typo", "non-house", "deprecated", "simplified", "ambiguous", "foreign"):
        assert f'<span class="flag {kind}">' in head
    aside = rest.split('<aside class="names" lang="en">')[1]
    assert "<h2>Names found (2)</h2>" in aside
    assert aside.count('data-id="taichung-city-xitun"') == 1
    assert "district in Taichung City" in aside
    assert "municipality" in aside


def test_cli_html_merges_the_names_of_every_piece(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A text streamed in several pieces still lists each entry once, in one page."""
    import glossary._stream as stream

    monkeypatch.setattr(stream, "PIECE_SIZE", 64)
    story = tmp_path / "story.txt"
    story.write_text("Situn District grew.\n\n" * 30 + "西屯區\n", encoding="utf-8")
    code, out, err = run("annotate", "-f", "html", str(story))
    assert (code, err) == (0, "")
    assert out.count("<!DOCTYPE html>") == 1
    assert out.count('<li data-id="taichung-city-xitun">') == 1
    assert '<html lang="en">' in out
    assert len(re.findall(r'<mark class="name[^"]*" data-id="taichung-city-xitun"', out)) == 31


# -- in a real browser -----------------------------------------------------------------------


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless Chromium on this machine (apt-get install chromium)")


def _browser(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _pixels_vary(png: bytes) -> int:
    """How many distinct byte values the PNG's image data holds (a blank page: two or three)."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    data, at = b"", 8
    while at < len(png):
        length = int.from_bytes(png[at : at + 4], "big")
        kind = png[at + 4 : at + 8]
        if kind == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    return len(set(zlib.decompress(data)))


@pytest.mark.parametrize(
    "case", ["34_typos", "119_chinese_bracket_after_name", "104_acronym_merges"]
)
def test_the_page_in_a_real_browser(glossary: Glossary, tmp_path: Path, case: str) -> None:
    """Headless Chromium draws the page of a golden case without console errors; the
    screenshot is not blank, and is kept in tests/artifacts/ to be looked at."""
    text = (FIXTURES / "annotate" / f"{case}.in.txt").read_text(encoding="utf-8")
    page = tmp_path / f"{case}.html"
    page.write_text(html_page(text, glossary.annotate(text), glossary, title=case), "utf-8")
    shot = tmp_path / f"{case}.png"
    drawn = _browser(f"--screenshot={shot}", "--window-size=1100,800", page.as_uri())
    assert shot.exists(), drawn.stderr
    assert _pixels_vary(shot.read_bytes()) > 20
    assert "CONSOLE" not in drawn.stderr, drawn.stderr
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / shot.name)
    dom = _browser("--dump-dom", page.as_uri())
    assert "CONSOLE" not in dom.stderr, dom.stderr
    assert dom.stdout.count('<mark class="name') == page.read_text("utf-8").count(
        '<mark class="name'
    )
    assert "Names found" in dom.stdout
