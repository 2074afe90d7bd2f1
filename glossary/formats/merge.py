"""What an imported glossary would add to the term base, change in it, or conflict with.

An imported entry is matched to the term base by id, else by its Chinese. Then:

- no match: it is **added** (an id made from its English gets a suffix if taken);
- a match with nothing new: **unchanged**;
- a match that only brings new terms (an admitted spelling, a Chinese variant) or fills
  an empty field (definition, note): a **change**, the merged entry;
- a match that contradicts the term base: a **conflict**, never applied: a different
  preferred English for the same Chinese, the same term with another status, another
  kind or parent, a different definition, note or source, another Chinese under the same
  id, or a Chinese several entries share with no id to choose between them.

A placeholder source (``imported from FILE``, which readers write when a format carries
none) never counts as a difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from glossary._model import Entry, Kind, Status, Term
from glossary.formats import IMPORTED_FROM


@dataclass
class Change:
    """One entry of the plan: the merged entry and what differs, in words."""

    entry: Entry
    notes: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """What importing would do."""

    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    conflicts: list[Change] = field(default_factory=list)
    unchanged: list[Entry] = field(default_factory=list)

    def report(self) -> list[str]:
        """The plan as lines a person reads: + add, ~ change, ! conflict, then a summary."""
        return list(self.lines())

    def lines(self) -> Iterator[str]:
        """The lines of :meth:`report`, one at a time (a large import's report need not
        be held whole)."""
        for change in self.added:
            e = change.entry
            yield f"+ {e.id}: {e.english} ({e.chinese}), {e.kind.value}"
        for change in self.changed:
            yield from (f"~ {change.entry.id}: {note}" for note in change.notes)
        for change in self.conflicts:
            yield from (f"! {change.entry.id}: {note}" for note in change.notes)
        yield (
            f"{len(self.added)} to add, {len(self.changed)} to change, "
            f"{len(self.conflicts)} in conflict (never written), "
            f"{len(self.unchanged)} unchanged"
        )


def plan(existing: Iterable[Entry], imported: Sequence[Entry]) -> Plan:
    """Compare ``imported`` with the ``existing`` entries."""
    by_id: dict[str, Entry] = {}
    by_chinese: dict[str, list[Entry]] = {}
    for entry in existing:
        by_id[entry.id] = entry
        for term in entry.zh:
            by_chinese.setdefault(term.text, []).append(entry)
    result = Plan()
    taken = set(by_id)
    for new in imported:
        old = by_id.get(new.id)
        if old is None:
            found = {e.id: e for t in new.zh for e in by_chinese.get(t.text, [])}
            if len(found) > 1:
                ids = ", ".join(sorted(found))
                note = f"{new.chinese} is the Chinese of several entries ({ids}); give an id"
                result.conflicts.append(Change(new, [note]))
                continue
            old = next(iter(found.values()), None)
        if old is None:
            ident = _free_id(new.id, taken)
            taken.add(ident)
            result.added.append(Change(new if ident == new.id else replace(new, id=ident)))
            continue
        merged, changes, conflicts = _merge(old, new)
        if conflicts:
            result.conflicts.append(Change(old, conflicts))
        elif changes:
            result.changed.append(Change(merged, changes))
        else:
            result.unchanged.append(old)
    return result


def _free_id(ident: str, taken: set[str]) -> str:
    candidate, n = ident, 2
    while candidate in taken:
        candidate, n = f"{ident}-{n}", n + 1
    return candidate


def _merge(old: Entry, new: Entry) -> tuple[Entry, list[str], list[str]]:
    """The merged entry, the changes in words, and the conflicts in words."""
    changes: list[str] = []
    conflicts: list[str] = []
    if new.id == old.id and not {t.text for t in new.zh} & {t.text for t in old.zh}:
        conflicts.append(
            f"the same id with other Chinese: {new.chinese} in the file, {old.chinese} here"
        )
    new_first = _preferred(new.en)
    old_first = _preferred(old.en)
    if new_first and old_first and new_first.text != old_first.text:
        conflicts.append(
            f"preferred English {new_first.text!r} in the file, {old_first.text!r} here"
        )
    if new.kind is not Kind.OTHER and new.kind is not old.kind:
        conflicts.append(f"kind {new.kind.value} in the file, {old.kind.value} here")
    if new.parent and new.parent != old.parent:
        conflicts.append(f"parent {new.parent} in the file, {old.parent or 'none'} here")
    fields: dict[str, str] = {}
    for name in ("definition", "note", "source"):
        mine, theirs = getattr(old, name), getattr(new, name)
        if not theirs or (name == "source" and theirs.startswith(IMPORTED_FROM)):
            continue
        if not mine:
            fields[name] = theirs
            changes.append(f"{name}: {theirs!r}")
        elif " ".join(mine.split()) != " ".join(theirs.split()):
            conflicts.append(f"{name} differs: {theirs!r} in the file")
    en, en_notes, en_conflicts = _merge_terms(old.en, new.en, "en")
    zh, zh_notes, zh_conflicts = _merge_terms(old.zh, new.zh, "zh")
    changes += en_notes + zh_notes
    conflicts += en_conflicts + zh_conflicts
    merged = replace(
        old,
        en=en,
        zh=zh,
        definition=fields.get("definition", old.definition),
        note=fields.get("note", old.note),
        source=fields.get("source", old.source),
    )
    return merged, changes, conflicts


def _preferred(terms: Sequence[Term]) -> Term | None:
    return next((t for t in terms if t.status is Status.PREFERRED), None)


def _merge_terms(
    old: tuple[Term, ...], new: tuple[Term, ...], language: str
) -> tuple[tuple[Term, ...], list[str], list[str]]:
    known = {t.text: t for t in old}
    added: list[Term] = []
    notes: list[str] = []
    conflicts: list[str] = []
    for term in new:
        mine = known.get(term.text)
        if mine is None:
            status = Status.ADMITTED if term.status is Status.PREFERRED else term.status
            added.append(Term(term.text, status, note=term.note))
            notes.append(f"+ {language} {term.text!r} ({status.value})")
        elif mine.status is not term.status and not (
            # a reader that cannot say admitted from preferred (one column of synonyms)
            term.status is Status.ADMITTED and mine.status is Status.PREFERRED
        ):
            conflicts.append(
                f"{language} {term.text!r} is {term.status.value} in the file, "
                f"{mine.status.value} here"
            )
        elif term.note and not mine.note:
            known[term.text] = replace(mine, note=term.note)
            notes.append(f"{language} {term.text!r}: note {term.note!r}")
    merged = tuple(known[t.text] for t in old) + tuple(added)
    return merged, notes, conflicts
