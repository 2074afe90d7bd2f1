"""Context decisions: which entry a name several entries share means in this text, and
which of overlapping hits is kept."""

from __future__ import annotations

from collections.abc import Sequence

from glossary._index import Index
from glossary._match.facts import entry_status
from glossary._model import Kind, Span

__all__ = ["decide"]


def decide(spans: Sequence[Span], index: Index) -> list[Span]:
    """Resolve ambiguous spans by the other names in the text: of a name's entries, the one
    whose parent (or any ancestor) is named elsewhere, alone, wins; when none or several
    are, the span keeps every candidate (``span.ambiguous``) but the places outside Taiwan,
    which a text means only when it names them or their parent (Heping District is
    Taichung's unless Tianjin is named)."""
    if all(len(s.entries) == 1 for s in spans):
        return list(spans)
    named = {s.entries[0].id for s in spans if len(s.entries) == 1}
    out: list[Span] = []
    lines: dict[str, set[str]] = {}  # an entry's ancestors, worked out once per text
    for span in spans:
        if len(span.entries) > 1:
            fitting = []
            for e in span.entries:
                line = lines.get(e.id)
                if line is None:
                    line = lines[e.id] = set(index.ancestors(e))
                if named & line:
                    fitting.append(e)
            if len(fitting) != 1:
                native = [e for e in span.entries if e.kind is not Kind.FOREIGN_PLACE]
                if native and len(native) < len(span.entries):
                    fitting = native
                    if len(native) > 1:
                        span = Span(
                            span.start,
                            span.end,
                            span.text,
                            tuple(native),
                            span.match,
                            span.score,
                            span.matched,
                            span.system,
                            span.status,
                        )
            if len(fitting) == 1:
                entry = fitting[0]
                span = Span(
                    span.start,
                    span.end,
                    span.text,
                    (entry,),
                    span.match,
                    span.score,
                    span.matched,
                    span.system,
                    entry_status(entry, span.matched),
                )
        out.append(span)
    return out
