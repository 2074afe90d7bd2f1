"""A body name Taiwan's government shares with the PRC's (glossary._match.context's
shared-body rule): 外交部 in mainland news in Simplified is China's ministry, not Taiwan's;
in Taiwan's Traditional news, or with 台湾 in its clause, it is Taiwan's."""

from __future__ import annotations

import pytest

from glossary import Glossary
from glossary._match.context import shared_body_names
from glossary.render import gloss, normalize
from tests.cli.helpers import installed, run

PRC = "国务院总理李强主持召开常务会议。外交部发言人表示，中方愿同各方加强合作。"


def _ids(g: Glossary, text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.entry.id if s.entry else None) for s in g.annotate(text)]


@pytest.mark.parametrize(
    "text",
    [
        PRC,
        "北京市朝阳区的企业表示订单回升。国防部新闻发言人说，中国军队将继续开展训练。",
        "广东省中山市今年出口增长。教育部和财政部联合发布通知，中方将加大投入。",
    ],
    ids=["foreign-ministry", "defence-ministry", "education-and-finance"],
)
def test_a_shared_body_name_in_mainland_news_is_not_taiwans(glossary: Glossary, text: str) -> None:
    spans = glossary.annotate(text)
    assert not [s for s in spans if s.entry is not None and s.entry.id.startswith("ministry-")]
    assert gloss(text, spans, glossary).count("(") == gloss(text, [], glossary).count("(")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # Taiwan's news, in Traditional, about China
        ("外交部表示，中國持續打壓台灣的國際空間。", "外交部"),
        ("中國軍機擾台，國防部今天表示將嚴密監控。", "國防部"),
        # Simplified, but Taiwan's ministry named as such
        ("中国大陆方面回应称，台湾外交部的说法毫无根据。", "外交部"),
        ("大陆国台办表示，台湾方面“外交部”的声明不值一驳。", "外交部"),
        # Simplified with nothing about China: Taiwan's ministry of a Taiwan glossary
        ("外交部今天表示将协助在日侨民。", "外交部"),
    ],
    ids=["traditional", "traditional-defence", "taiwan-in-clause", "quoted", "no-china-cue"],
)
def test_taiwans_own_body_stays_taiwans(glossary: Glossary, text: str, body: str) -> None:
    spans = [s for s in glossary.annotate(text) if s.text == body]
    assert len(spans) == 1, glossary.annotate(text)
    assert spans[0].entry is not None
    assert spans[0].entry.id.startswith("ministry-")


def test_the_list_has_both_scripts() -> None:
    names = shared_body_names()
    assert {"外交部", "国防部", "國防部", "教育部", "財政部", "财政部"} <= names
    assert "大陸委員會" not in names  # the MAC is Taiwan's only


def test_normalize_leaves_the_prcs_ministry_alone(glossary: Glossary) -> None:
    assert normalize(PRC, glossary.annotate(PRC), glossary) == PRC


def test_annotate_cli_does_not_gloss_it() -> None:
    assert run("annotate", "-", input=PRC + "\n") == (0, PRC + "\n", "")
    taiwan = "外交部表示，中國持續打壓台灣的國際空間。\n"
    code, out, _ = run("annotate", "-", input=taiwan)
    assert code == 0
    assert "外交部（Ministry of Foreign Affairs）" in out, out


def test_installed_annotate_does_not_gloss_it() -> None:
    done = installed("annotate", "-", input=PRC + "\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout == PRC + "\n"
