"""The global options every command reads (``--termbase``, ``--no-builtin``, ``--prefer``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import typer

from glossary._glossary import Glossary


@dataclass
class Options:
    """Global options, shared by every command through the click context."""

    termbases: list[Path] = field(default_factory=list)
    builtin: bool = True
    prefer: tuple[str, ...] = ("preferred",)

    def glossary(self) -> Glossary:
        return Glossary(self.termbases, builtin=self.builtin, prefer=self.prefer)


def global_options(ctx: typer.Context) -> Options:
    """The global options of this run (defaults when a command runs without the root)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Options) else Options()
