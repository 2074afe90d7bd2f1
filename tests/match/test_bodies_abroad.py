"""Government bodies another country owns (glossary._match.context): Taiwan's bodies share
their English with many governments', and "China's Ministry of Foreign Affairs" or "the
Ministry of National Defense in Beijing" is not Taiwan's."""

from __future__ import annotations

import pytest

from glossary import Glossary
from glossary.render import gloss
from tests.cli.helpers import installed, run


def _bodies(g: Glossary, text: str) -> list[tuple[str, str]]:
    return [(s.text, s.entry.id) for s in g.annotate(text) if s.entry and s.entry.kind == "agency"]


@pytest.mark.parametrize(
    "text",
    [
        "China's Ministry of Foreign Affairs said Beijing opposes the visit.",
        "Japan's Ministry of Foreign Affairs summoned the envoy.",
        "South Korea's Ministry of Education announced new rules.",
        "The Japanese Ministry of Education said so.",
        "A US Department of State official and the PRC Ministry of National Defense met.",
        "The Ministry of National Defense in Beijing said the drills would continue.",
        "The Ministry of Economic Affairs of China said.",
        "Officials of the People's Republic of China's Ministry of Finance met.",
    ],
)
def test_a_body_owned_abroad_is_not_taiwans(glossary: Glossary, text: str) -> None:
    assert _bodies(glossary, text) == []
    assert gloss(text, glossary.annotate(text), glossary) == text


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        (
            "Taiwan's Ministry of Foreign Affairs condemned the drills.",
            "ministry-of-foreign-affairs",
        ),
        ("The Taiwanese Ministry of Education said.", "ministry-of-education"),
        ("The Ministry of Foreign Affairs said on Monday.", "ministry-of-foreign-affairs"),
        ("Lai's Presidential Office said.", "office-of-the-president"),
        ("The Ministry of Education in Taipei said.", "ministry-of-education"),
        ("The ROC Ministry of National Defense said.", "ministry-of-national-defense"),
    ],
    ids=["taiwans", "taiwanese", "no-owner", "a-surname", "in-taipei", "roc"],
)
def test_taiwans_own_body_stays_taiwans(glossary: Glossary, text: str, ident: str) -> None:
    assert [i for _, i in _bodies(glossary, text)] == [ident]


def test_the_presidential_office_is_the_office_of_the_president(glossary: Glossary) -> None:
    (hit, *_) = glossary.lookup("Presidential Office")
    assert hit.entry.id == "office-of-the-president"
    assert hit.entry.chinese == "總統府"


def test_the_cli_leaves_a_body_abroad_alone() -> None:
    china = "China's Ministry of Foreign Affairs said so"
    taiwan = "Taiwan's Ministry of Foreign Affairs replied"
    text = f"{china}, and {taiwan}.\n"
    expected = f"{china}, and Taiwan's Ministry of Foreign Affairs (外交部) replied.\n"
    assert run("annotate", "-", input=text) == (0, expected, "")
    done = installed("annotate", "-", input=text)
    assert done.returncode == 0
    assert done.stdout == expected
