"""The context decisions cost each name a bounded amount of work, whatever the length of
its paragraph (glossary._match.context): a text of one long paragraph once took time that
grew with its square (0.4 MB: 95 s)."""

from __future__ import annotations

from unittest import mock

from glossary import Glossary
from glossary._match import context

UNIT = (
    "天津市和平区商务局表示，外交部发言人说，中方愿意合作。"
    "Officials in Tianjin said Heping District and the Ministry of Foreign Affairs met; "
    "China's Ministry of Education agreed. Xinyi District was spared. "
)


def test_each_name_abroad_is_searched_for_once_per_text(glossary: Glossary) -> None:
    """Whether an ancestor's name is written in a paragraph is worked out once for the
    paragraph, not once per span in it."""
    calls: list[str] = []
    real = context._written_at

    def counted(name: str, text: str, *args: int, **options: bool) -> list[int]:
        calls.append(name)
        return real(name, text, *args, **options)

    with mock.patch.object(context, "_written_at", counted):
        spans = glossary.annotate(UNIT * 200)  # one paragraph of about 50 kB
    assert len(spans) >= 1000
    assert calls, "the rule was not exercised"
    assert len(calls) == len(set(calls))


def test_the_script_of_a_shared_body_name_is_judged_on_a_window(glossary: Glossary) -> None:
    """外交部 in a Simplified paragraph of a text about China: the script is judged on the
    text around the name, not on its whole paragraph."""
    lengths: list[int] = []
    real = context._simplified

    def measured(text: str) -> bool:
        lengths.append(len(text))
        return real(text)

    with mock.patch.object(context, "_simplified", measured):
        spans = glossary.annotate(UNIT * 200)
    assert len(lengths) >= 200
    assert max(lengths) <= 2 * context._CLAUSE_REACH + 10
    assert not [s for s in spans if s.text == "外交部" and s.entry is not None]
