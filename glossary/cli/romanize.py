"""``glossary romanize``: Chinese in every romanization system, or a romanized name read back."""

# No `from __future__ import annotations`: typer would eval() each annotation string on every
# run, about 9 ms of each command's start-up (docs/benchmarks.md).

import json
from typing import Annotated, Any, Literal

import typer

from glossary._errors import AmbiguousTerm
from glossary._glossary import Glossary
from glossary._model import Entry, Kind
from glossary._text import has_cjk
from glossary.cli._options import RegistryChoice, global_options, tone_styles
from glossary.cli._options import schemes as scheme_names


def _entry_brief(glossary: Glossary, entry: Entry) -> str:
    return f"{glossary.english(entry)} ({entry.chinese}) [{entry.id}]"


def romanize(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(help="Chinese (西屯) to romanize, or a romanized name to read.")
    ],
    system: Annotated[
        list[str] | None,
        typer.Option(
            "--system",
            "-s",
            click_type=RegistryChoice(scheme_names),
            help="Only this system (repeatable).",
            show_default=False,
        ),
    ] = None,
    person: Annotated[
        bool | None,
        typer.Option(
            "--person/--place",
            help="Write a person's name (Liu Shih-fang) or a place name (Hsi-t'un). "
            "Default: what the term base says the Chinese is; for a name it does not hold, "
            "a person's name if it is a common surname and one or two characters (蔡英文).",
            show_default=False,
        ),
    ] = None,
    tones: Annotated[
        str,
        typer.Option(
            click_type=RegistryChoice(tone_styles),
            help="Write tones as marks, numbers, or not at all.",
        ),
    ] = "none",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    limit: Annotated[int, typer.Option(min=1, help="At most this many readings.")] = 10,
) -> None:
    """Write Chinese in every romanization system, or read a romanized name back.

    Chinese in: the name in Hanyu Pinyin, Tongyong Pinyin, Wade-Giles, MPS II, Gwoyeu
    Romatzyh, Yale and Zhuyin, for each way Taiwan reads it. Anything else: the Hanyu
    syllables it may stand for, the systems that could have written it, and the term base
    entries that read that way; exit 1 if it is not romanized Mandarin.

    Examples: glossary romanize 西屯; glossary romanize 劉世芳 --system wade-giles;
    glossary romanize "Hsi-t'un"; glossary romanize "Ma Ying-jeou" --json.
    """
    from glossary import romanize as engine

    chosen = [engine.Scheme(name) for name in system or scheme_names()]
    glossary = global_options(ctx).glossary()
    if has_cjk(text):
        _romanize_chinese(glossary, text, chosen, person, tones, as_json, limit)
    else:
        _read_romanized(glossary, text, chosen, as_json, limit)


def _romanize_chinese(
    glossary: Glossary,
    text: str,
    schemes: list[Any],
    person: bool | None,
    tones: Any,
    as_json: bool,
    limit: int,
) -> None:
    from glossary.romanize import readings, render

    try:
        entry = glossary.get(text)
        entries = [entry] if entry is not None else []
    except AmbiguousTerm as exc:  # 信義區: one in Taipei, one in Keelung
        entries = list(exc.candidates)
    if person is not None:
        as_person = person
    elif entries:  # the term base knows what the name is
        as_person = any(e.kind is Kind.PERSON for e in entries)
    else:  # a surname and one or two characters: a person, as the passport office reads it
        from glossary.romanize import looks_like_person

        as_person = looks_like_person(text)
    style: Literal["person", "place"] = "person" if as_person else "place"
    found = readings(text, person=as_person)[:limit]
    rows = [{s.value: render(r, s, style=style, tones=tones) for s in schemes} for r in found]
    if as_json:
        payload = {
            "text": text,
            "style": style,
            "readings": [
                {"hanyu": r.numbered, "spellings": spelled}
                for r, spelled in zip(found, rows, strict=True)
            ],
            "entries": [_entry_json(glossary, e) for e in entries],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    width = max(len(s.value) for s in schemes)
    blocks = []
    for number, (reading, spelled) in enumerate(zip(found, rows, strict=True)):
        title = f"{text}  {reading.numbered}"
        if len(found) > 1:
            title += "  (most likely)" if number == 0 else "  (also read)"
        lines = [title] + [f"  {name:<{width}}  {value}" for name, value in spelled.items()]
        blocks.append("\n".join(lines))
    typer.echo("\n\n".join(blocks))
    for e in entries:
        typer.echo(f"\nIn the term base: {_entry_brief(glossary, e)}")


def _read_romanized(
    glossary: Glossary, text: str, schemes: list[Any], as_json: bool, limit: int
) -> None:
    from glossary.romanize import CUSTOMARY, parse

    parsed = parse(text)
    if not parsed:
        if as_json:
            typer.echo(json.dumps({"text": text, "candidates": [], "reason": parsed.reason}))
        typer.echo(f"glossary: error: {parsed.reason}", err=True)
        raise typer.Exit(1)
    wanted = {s.value for s in schemes}
    fewest = len(parsed.candidates[0].syllables)
    shown = [
        c
        for c in parsed.candidates
        if len(c.syllables) <= fewest + 1  # ma ying jiu, not ma ying re e wu
        and (c.systems & wanted or all(per & (wanted | {CUSTOMARY}) for per in c.syllable_systems))
    ][:limit]
    if not shown:
        names = ", ".join(sorted(wanted))
        typer.echo(f"glossary: error: {text!r} cannot be read as {names}", err=True)
        raise typer.Exit(1)
    # Taiwan's names only: a place outside Taiwan is known by its name, not by a reading
    matches = [
        [e for e in glossary.by_reading(c.syllables) if e.kind is not Kind.FOREIGN_PLACE]
        for c in shown
    ]
    if as_json:
        payload = {
            "text": text,
            "candidates": [
                {
                    "syllables": list(c.syllables),
                    "systems": sorted(c.systems),
                    "syllable_systems": [sorted(per) for per in c.syllable_systems],
                    "exact": c.exact,
                    "entries": [_entry_json(glossary, e) for e in found],
                }
                for c, found in zip(shown, matches, strict=True)
            ],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    more = len(parsed.candidates) - len(shown)
    typer.echo(
        f"{text} may read as:" + (f" (first {len(shown)}; --limit for more)" if more else "")
    )
    width = max(len(c.hanyu) for c in shown)
    for candidate, found in zip(shown, matches, strict=True):
        systems = _systems_text(candidate)
        if not candidate.exact:
            systems += "; assumes a dropped apostrophe or diaeresis"
        typer.echo(f"  {candidate.hanyu:<{width}}  ({systems})")
        for entry in found:
            typer.echo(f"  {'':<{width}}    = {_entry_brief(glossary, entry)}")


def _systems_text(candidate: Any) -> str:
    """'wade-giles' or, for a mixed spelling, 'hanyu, with jiu in gwoyeu'."""
    from glossary.romanize import CUSTOMARY, LATIN, Scheme

    order = [s.value for s in (*LATIN, Scheme.ZHUYIN)] + [CUSTOMARY]  # Lee: customary
    if candidate.systems:
        return ", ".join(s for s in order if s in candidate.systems)
    per = candidate.syllable_systems
    main = max(order, key=lambda s: (sum(s in p for p in per), -order.index(s)))
    odd = [
        f"{syllable} in {next(s for s in order if s in systems)}"
        for syllable, systems in zip(candidate.syllables, per, strict=True)
        if main not in systems
    ]
    return f"mixed: {main}, with {', '.join(odd)}"


def _entry_json(glossary: Glossary, entry: Entry) -> dict[str, Any]:
    return {"id": entry.id, "english": glossary.english(entry), "chinese": entry.chinese}
