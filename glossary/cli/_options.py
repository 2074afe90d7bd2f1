"""The global options every command reads (``--termbase``, ``--no-builtin``, ``--pack``,
``--prefer``).

They are options of the root command and, copied by :class:`glossary.cli.GlossaryGroup`,
of every subcommand too, so ``glossary lookup Situn --prefer tongyong`` works as well as
``glossary --prefer tongyong lookup Situn``. Adding one: a parameter of ``root()``, its
name in :data:`GLOBAL_OPTIONS` and a keyword of :meth:`Options.of`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    "RegistryChoice",
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


class RegistryChoice(click.types.ParamType):
    """A choice among names a registry holds (formats, systems, statuses...), read when
    first needed: starting `glossary lookup` does not import the format or romanization
    registries just to know what `export --format` or `romanize --system` accept.

    Help shows the names (``<tbx|tbx3|...>``), a wrong one is a usage error listing them,
    and shell completion offers them.
    """

    name = "choice"

    def __init__(self, names: Callable[[], Iterable[str]], *, metavar: str = "") -> None:
        self._names = names
        self._metavar = metavar  # for a list too long to show in help
        self._choices: tuple[str, ...] | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        if self._choices is None:
            self._choices = tuple(str(n) for n in self._names())
        return self._choices

    def get_metavar(self, param: Any, ctx: Any = None) -> str:
        # spaced, so that help wraps between names rather than inside one
        return f"<{self._metavar or ' | '.join(self.choices)}>"

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        text = str(value.value if hasattr(value, "value") else value)
        if text in self.choices:
            return text
        folded = {name.casefold(): name for name in self.choices}
        if text.strip().casefold() in folded:  # Wade-Giles, ZH-HANT
            return folded[text.strip().casefold()]
        self.fail(f"{text!r} is not one of {', '.join(self.choices)}", param, ctx)

    def shell_complete(self, ctx: Any, param: Any, incomplete: str) -> list[Any]:
        from importlib import import_module

        item = import_module(f"{click.__name__}.shell_completion").CompletionItem
        return [item(name) for name in self.choices if name.startswith(incomplete)]


# The registries the choices come from (each imported only when its names are needed).


def export_formats() -> list[str]:
    """The formats ``glossary export`` writes."""
    from glossary.formats import formats

    return [name for name, fmt in formats().items() if fmt.write is not None]


def import_formats() -> list[str]:
    """``auto`` and the formats ``glossary import`` reads."""
    from glossary.formats import formats

    return ["auto", *(name for name, fmt in formats().items() if fmt.read is not None)]


def languages() -> tuple[str, ...]:
    from glossary.formats import LANGUAGES

    return LANGUAGES


def english_forms() -> tuple[str, ...]:
    from typing import get_args

    from glossary.formats import EnglishForms

    return get_args(EnglishForms)


def kinds() -> list[str]:
    from glossary._model import Kind

    return [k.value for k in Kind]


def statuses() -> list[str]:
    return [s.value for s in Status]


def annotate_formats() -> tuple[str, ...]:
    from glossary._batch import ANNOTATE_FORMATS

    return ANNOTATE_FORMATS


def input_errors() -> tuple[str, ...]:
    from typing import get_args

    from glossary._stream import Errors

    return get_args(Errors)


def normal_forms() -> list[str]:
    """What ``normalize --to`` writes: the house style, the official form, or a system."""
    from glossary.romanize import LATIN

    return ["house", "official", *(s.value for s in LATIN)]


def schemes() -> list[str]:
    from glossary.romanize import Scheme

    return [s.value for s in Scheme]


def tone_styles() -> tuple[str, ...]:
    from typing import get_args

    from glossary.romanize import Tones

    return get_args(Tones)
