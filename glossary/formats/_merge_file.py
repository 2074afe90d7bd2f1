"""Merging imported entries into a YAML term base file, safely.

The merged text is written to a temp file beside the target, checked as a term base (with
the layers it is used with), and only then renamed onto the target (by
:func:`glossary._fsutil.atomic_write`): a merge that would leave the term base broken
leaves the file as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from glossary._errors import GlossaryError, TermBaseError
from glossary._model import Entry


def merge_into_file(
    path: Path,
    entries: Sequence[Entry],
    *,
    layers: Sequence[Path] = (),
    builtin: bool = True,
    packs: Sequence[str] = (),
) -> None:
    """Merge ``entries`` into the term base file ``path`` (created if missing), keeping
    its comments and layout.

    Args:
        layers: The term base files ``path`` is layered over (``path`` itself is left
            out if it is among them); the merged file is checked on top of them.
        builtin: Check it over the built-in term base too.
        packs: The packs of the built-in term base it is used with.

    Raises:
        TermBaseError: The merged file would not load; its issues name ``path``, and
            ``path`` is left as it was.
        FormatError: ``path`` is not a term base file entries can be merged into.
        GlossaryError: ``path`` cannot be written.
    """
    import dataclasses

    from glossary._fsutil import atomic_write
    from glossary._termbase import validate
    from glossary.formats.yaml_merge import write_merged

    below = [p for p in layers if p.resolve() != path.resolve()]

    def check(tmp: Path) -> None:
        report = validate([*below, tmp], builtin=builtin, packs=tuple(packs))
        if not report.ok:
            named = [
                dataclasses.replace(i, path=str(path)) if i.path == str(tmp) else i
                for i in report.errors
            ]
            raise TermBaseError(named)

    if not path.parent.is_dir():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GlossaryError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
    # the file is read (to merge into) only once it is known to be one atomic_write takes
    with atomic_write(path, check=check) as handle:
        handle.write(write_merged(path, list(entries)).encode("utf-8"))
