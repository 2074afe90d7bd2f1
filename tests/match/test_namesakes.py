"""Namesakes (glossary._match.context): a person's English name that many people bear (a
Western given name and a common surname: Jonathan Lee, David Lee) names Taiwan's person only
in a text about Taiwan."""

from __future__ import annotations

import pytest

from glossary import Glossary
from glossary.render import gloss
from tests.cli.helpers import run


def _people(g: Glossary, text: str) -> list[tuple[str, str]]:
    return [(s.text, s.entry.id) for s in g.annotate(text) if s.entry is not None]


@pytest.mark.parametrize(
    "text",
    [
        "Jonathan Lee, a British chef, opened a restaurant in Soho.",
        "The astronaut John Young flew on Gemini 3.",
        "David Lee, a dentist in Manchester, lent him the money.",
    ],
)
def test_a_namesake_in_a_text_not_about_taiwan_is_no_hit(glossary: Glossary, text: str) -> None:
    assert _people(glossary, text) == []
    assert gloss(text, glossary.annotate(text), glossary) == text


@pytest.mark.parametrize(
    ("text", "name", "ident"),
    [
        ("Jonathan Lee sang at the Taipei Arena.", "Jonathan Lee", "jonathan-lee"),
        ("Taiwan's David Lee met the envoy.", "David Lee", "david-lee"),
        ("In Kaohsiung, Jonathan Lee sang.", "Jonathan Lee", "jonathan-lee"),
        ("蔡英文 met David Lee.", "David Lee", "david-lee"),
    ],
    ids=["taipei", "taiwan", "a-taiwan-place", "a-chinese-name"],
)
def test_a_namesake_in_a_text_about_taiwan_is_found(
    glossary: Glossary, text: str, name: str, ident: str
) -> None:
    assert (name, ident) in _people(glossary, text)


@pytest.mark.parametrize("text", ["Lien Chan met the envoy.", "Lee Yang won in Paris."])
def test_a_chinese_name_is_no_namesake(glossary: Glossary, text: str) -> None:
    """A first word that is a Mandarin syllable (Lien), or Lee's customary spelling, is a
    Chinese name: found without Taiwan in the text."""
    assert len(_people(glossary, text)) == 1


def test_two_namesakes_do_not_vouch_for_each_other(glossary: Glossary) -> None:
    assert _people(glossary, "Jonathan Lee and David Lee cooked in Leeds.") == []


def test_annotate_cli() -> None:
    text = "Jonathan Lee, a British chef, opened a restaurant in Soho.\n"
    assert run("annotate", "-", input=text) == (0, text, "")
    code, out, _ = run("annotate", "-", input="Jonathan Lee sang in Taipei.\n")
    assert code == 0
    assert "Jonathan Lee (李宗盛)" in out
