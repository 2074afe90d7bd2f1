"""The context decisions alone, this checkout's against another's, on the same spans.

    python benchmarks/decide.py OTHER [TEXT ...]

OTHER is a ``glossary/_match/context.py`` of another version (``git show
REV:glossary/_match/context.py > /tmp/context_old.py``), loaded beside this checkout's as a
module of its own; everything else is this checkout's. TEXT is one or more of ``planted``
(5 MB of benchmarks/annotate.py's planted Chinese, one paragraph), ``news`` (1 MB of the
recall corpus's Chinese stories, repeated), ``long`` (0.4 MB of
benchmarks/long_paragraph.py's paragraph) and ``english`` (10 MB of
benchmarks/unknown_names.py's English with 50,000 unknown names); all four by default.

For each text, the spans the matcher hands to ``decide`` are captured once (a warm
``annotate``), both versions' ``decide`` are checked to give the same spans, then timed in
turn: CPU time (``time.process_time``: the machine is shared), best of 7 rounds.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glossary import Glossary

ROUNDS = 7
TEXTS = ("planted", "news", "long", "english")


def _load(path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location("context_other", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _text(name: str, tmp: Path) -> tuple[Glossary, str]:
    """The glossary and text of one of :data:`TEXTS`."""
    if name == "english":
        from benchmarks.unknown_names import make_corpus

        path, text, _ = make_corpus(50_000, 10.0, tmp)
        return Glossary([path], builtin=False, cache_dir=tmp), text
    if name == "long":
        from benchmarks.long_paragraph import UNIT

        return Glossary(), UNIT * int(0.4e6 / len(UNIT.encode()))
    from benchmarks.chinese_scan import chinese_text
    from benchmarks.roads import write_termbase

    roads = tmp / "roads.yaml"
    write_termbase(roads)
    glossary = Glossary([roads], cache_dir=tmp)
    if name == "planted":
        return glossary, chinese_text(glossary, 5.0)[0]
    from tests.corpus import RECALL, parse

    stories = "\n\n".join(
        parse(path.read_text(encoding="utf-8"))[0] for path in sorted(RECALL.glob("*_zh_*.txt"))
    )
    return glossary, stories * round(1_000_000 / len(stories.encode()))


def _captured(glossary: Glossary, text: str) -> tuple[list[Any], Any]:
    """The spans the matcher gives ``decide`` for ``text``, and the index."""
    import glossary._match.scan as scan

    real: Callable[..., Any] = getattr(scan, "decide")  # noqa: B009
    seen: list[tuple[list[Any], Any]] = []

    def capture(spans: Any, index: Any, text: str = "") -> Any:
        seen.append((list(spans), index))
        return real(spans, index, text)

    glossary.annotate(text)  # index, matcher and caches warm
    with mock.patch.object(scan, "decide", capture):
        glossary.annotate(text)
    return seen[-1]


def main() -> None:
    from glossary._match import context as ours

    other = _load(sys.argv[1])
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load "
        f"{os.getloadavg()[0]:.1f}; other: {sys.argv[1]}\n\n"
        "| text | spans | other, ms | this checkout, ms | ratio |\n| --- | --- | --- | --- | --- |"
    )
    for name in sys.argv[2:] or TEXTS:
        with tempfile.TemporaryDirectory() as tmp:
            glossary, text = _text(name, Path(tmp))
            spans, index = _captured(glossary, text)
            assert list(map(repr, other.decide(spans, index, text))) == list(
                map(repr, ours.decide(spans, index, text))
            ), "the two versions decide differently"
            best = {"other": float("inf"), "ours": float("inf")}
            for _ in range(ROUNDS):
                for who, module in (("other", other), ("ours", ours)):
                    started = time.process_time()
                    module.decide(spans, index, text)
                    best[who] = min(best[who], time.process_time() - started)
            print(
                f"| {name} | {len(spans):,} | {best['other'] * 1e3:.0f} "
                f"| {best['ours'] * 1e3:.0f} | {best['ours'] / best['other']:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
