"""``glossary lookup``: the entries a name could mean, in any spelling or script."""

# No `from __future__ import annotations`: typer would eval() each annotation string on every
# run, about 9 ms of each command's start-up (docs/benchmarks.md).

import json
from typing import Annotated, Any

import typer

from glossary._errors import TermNotFound
from glossary._glossary import Glossary
from glossary._model import Entry, Hit, MatchKind
from glossary.cli._options import global_options


def _describe(glossary: Glossary, entry: Entry) -> str:
    """'district in Taichung City' for a district; 'person' for a person."""
    parent = glossary.parent_of(entry)
    kind = str(entry.kind).replace("-", " ")
    return f"{kind} in {glossary.english(parent)}" if parent else kind


def _hit_text(glossary: Glossary, hit: Hit) -> str:
    entry = hit.entry
    lines = [f"{glossary.english(entry)} ({entry.chinese})  [{entry.id}]"]
    lines.append(f"  {_describe(glossary, entry)}")
    if hit.match is MatchKind.PINYIN:
        system = hit.system.value if hit.system is not None else "mixed-system"
        how = f"  matched the {system} reading of {hit.matched}"
    else:
        how = f"  matched {hit.matched!r} by {hit.match.value}"
        if hit.system is not None:
            how += f" ({hit.system.value})"
    lines.append(f"{how}, score {hit.score:.0f}")
    for term in entry.en:
        tags = [term.status.value]
        if term.system is not None:
            tags.append(term.system.value)
        if term.official:
            tags.append("official")
        lines.append(f"  en  {term.text}  ({', '.join(tags)})")
    for term in entry.zh:
        lines.append(f"  zh  {term.text}  ({term.status.value})")
    if entry.gloss:
        lines.append(f"  gloss  {entry.gloss}")
    if entry.note:
        lines.append(f"  note  {entry.note}")
    return "\n".join(lines)


def _hit_json(glossary: Glossary, hit: Hit) -> dict[str, Any]:
    out = hit.to_dict()
    out["english"] = glossary.english(hit.entry)
    out["chinese"] = hit.entry.chinese
    parent = glossary.parent_of(hit.entry)
    if parent is not None:
        out["parent_english"] = glossary.english(parent)
    return out


def lookup(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            help="A name in English, Chinese or any romanization (Hsi-t'un, Shituen), or an id."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    limit: Annotated[int, typer.Option(min=1, help="At most this many entries.")] = 10,
    fuzzy: Annotated[
        bool, typer.Option("--fuzzy/--no-fuzzy", help="Try near misses if nothing matches.")
    ] = True,
    cutoff: Annotated[
        float, typer.Option(min=0, max=100, help="Lowest fuzzy score to accept (0-100).")
    ] = 75.0,
) -> None:
    """Find the entries a name could mean, in any spelling or script.

    Examples: glossary lookup Situn; glossary lookup 西屯区; glossary lookup xi1tun2;
    glossary lookup "Hsi-t'un"; glossary lookup "liu shyh-fang"; glossary lookup Shidng
    (a typo).
    """
    glossary = global_options(ctx).glossary()
    try:
        hits = glossary.lookup(query, limit=limit, fuzzy=fuzzy, score_cutoff=cutoff)
    except TermNotFound as exc:
        if as_json:
            suggestions = [_hit_json(glossary, h) for h in exc.suggestions]
            payload = {"query": query, "hits": [], "suggestions": suggestions}
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        message = f"glossary: error: {exc}"
        if exc.suggestions:
            names = ", ".join(
                f"{glossary.english(h.entry)} ({h.entry.chinese})" for h in exc.suggestions
            )
            message += f"; closest: {names}"
        typer.echo(message, err=True)
        raise typer.Exit(1) from None
    if as_json:
        payload = {"query": query, "hits": [_hit_json(glossary, h) for h in hits]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if len(hits) > 1 and hits[0].score == hits[1].score:
        typer.echo(f"{query!r} is ambiguous: {len(hits)} entries match.\n")
    typer.echo("\n\n".join(_hit_text(glossary, h) for h in hits))
