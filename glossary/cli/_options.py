"""The global options every command reads (``--termbase``, ``--no-builtin``, ``--pack``,
``--prefer``).

They are options of the root command and, copied by :class:`glossary.cli.GlossaryGroup`,
of every subcommand too, so ``glossary lookup Situn --prefer tongyong`` works as well as
``glossary --prefer tongyong lookup Situn``. Adding one: a parameter of ``root()``, its
name in :data:`GLOBAL_OPTIONS` and a keyword of :meth:`Options.of`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import typer

from glossary._glossary import Glossary

try:  # typer 0.28 carries its own copy of click; older versions use the click package
    from typer import _click as click
except ImportError:  # pragma: no cover
    import click  # type: ignore[no-redef]
from glossary._model import Status, System

__all__ = [
    "GLOBAL_OPTIONS",
    "PREFER_CHOICES",
    "Options",
    "check_prefer",
    "click",
    "global_options",
    "split_prefer",
    "usage_error",
]

#: The root options a subcommand accepts too (their parameter names).
GLOBAL_OPTIONS = ("termbase", "no_builtin", "pack", "prefer")

#: What --prefer may list: the statuses a usable term has, every system, and 'official'.
PREFER_CHOICES = (
    Status.PREFERRED.value,
    Status.ADMITTED.value,
    "official",
    *(s.value for s in System),
)


@dataclass
class Options:
    """Global options, shared by every command through the click context."""

    termbases: list[Path] = field(default_factory=list)
    builtin: bool = True
    prefer: tuple[str, ...] = ("preferred",)
    packs: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        *,
        termbase: Iterable[str | Path] | None,
        no_builtin: bool | None,
        prefer: str | None,
        pack: Iterable[str] | None = None,
    ) -> Options:
        """The options as the command line gave them (the raw values of the parameters)."""
        return cls(
            termbases=[Path(p) for p in termbase or ()],
            builtin=not no_builtin,
            prefer=split_prefer(prefer or "preferred"),
            packs=tuple(dict.fromkeys(pack or ())),
        )

    def glossary(self) -> Glossary:
        return Glossary(self.termbases, builtin=self.builtin, packs=self.packs, prefer=self.prefer)


def split_prefer(value: str) -> tuple[str, ...]:
    """``'tongyong, official'`` → ``('tongyong', 'official')``."""
    return tuple(p.strip() for p in value.split(",") if p.strip())


def check_prefer(value: str) -> str:
    """The --prefer callback: every choice listed must be a status, a system or 'official'."""
    for choice in split_prefer(value):
        if choice not in PREFER_CHOICES:
            raise typer.BadParameter(f"{choice!r} is not one of {', '.join(PREFER_CHOICES)}")
    return value


def check_packs(values: list[str] | None) -> list[str] | None:
    """The --pack callback: every name must be a pack of the built-in term base."""
    from glossary._sources import available_packs

    known = available_packs()
    for name in values or ():
        if name not in known:
            raise typer.BadParameter(f"{name!r} is not a pack; the packs are: {', '.join(known)}")
    return values


def global_options(ctx: typer.Context) -> Options:
    """The global options of this run (defaults when a command runs without the root)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Options) else Options()


def usage_error(message: str) -> click.exceptions.UsageError:
    """A usage error that is about no one option (options that cannot go together)."""
    return click.exceptions.UsageError(message)
