"""Errors raised by glossary.

Every error the library raises on purpose derives from :class:`GlossaryError`, reads as one line
and, where it concerns a file, names the file, line and field (``path:line:col: field: message``)::

    GlossaryError
     ├── TermBaseError      a term base file is unreadable or invalid (carries every Issue found)
     ├── CacheError         the index cache cannot be used (the library falls back to memory)
     ├── QueryError         a query is empty or cannot be used (also a ValueError)
     └── TermNotFound       no entry matches a query (also a LookupError; carries suggestions)
          └── AmbiguousTerm several entries match equally well (carries the candidates)

The CLI turns any of these into one ``glossary: error: ...`` line on stderr and exit code 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glossary._model import Entry, Hit


class Severity(StrEnum):
    """How serious a validation finding is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding of term base validation, located in its file.

    Attributes:
        path: The file the finding is in.
        line: 1-based line number, or 0 when the finding concerns the whole file.
        col: 1-based column, or 0 when unknown.
        field: The field concerned (``id``, ``en[1].status``...), or ``""``.
        message: What is wrong and, where it helps, what to do.
        severity: Error (the file is rejected) or warning (it loads).
    """

    path: str
    line: int
    col: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        head = f"{where}: "
        if self.severity is Severity.WARNING:
            head += "warning: "
        if self.field:
            head += f"{self.field}: "
        return head + self.message


class GlossaryError(Exception):
    """Base class of every error glossary raises on purpose.

    Attributes:
        path: The file concerned, if any.
        line: 1-based line in that file, or 0.
        field: The field concerned, or ``""``.
    """

    def __init__(self, message: str, *, path: str = "", line: int = 0, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.field = field

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickles with every attribute (errors cross process boundaries under --jobs).
        return (_restore, (type(self), self.message, self.__dict__))

    def __str__(self) -> str:
        parts = []
        if self.path:
            parts.append(f"{self.path}:{self.line}" if self.line else self.path)
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


def _restore(cls: type[GlossaryError], message: str, state: dict[str, Any]) -> GlossaryError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class TermBaseError(GlossaryError):
    """A term base could not be loaded; ``issues`` lists every error found."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        errors = [i for i in issues if i.severity is Severity.ERROR]
        first = errors[0] if errors else issues[0]
        more = (
            f" (and {len(errors) - 1} more errors; run 'glossary terms validate')"
            if len(errors) > 1
            else ""
        )
        super().__init__(first.message + more, path=first.path, line=first.line, field=first.field)
        self.issues = tuple(issues)


class CacheError(GlossaryError):
    """The on-disk index cache could not be read or written."""


class QueryError(GlossaryError, ValueError):
    """A query cannot be looked up (for example, it is empty)."""


class RomanizationError(GlossaryError, ValueError):
    """Text cannot be romanized: empty, not Chinese, or a character with no known reading."""


class TermNotFound(GlossaryError, LookupError):
    """No entry matches the query.

    Attributes:
        query: The query as given.
        suggestions: The closest entries, best first (may be empty).
    """

    def __init__(
        self, query: str, suggestions: Sequence[Hit] = (), *, message: str | None = None
    ) -> None:
        super().__init__(message or f"no entry matches {query!r}")
        self.query = query
        self.suggestions = tuple(suggestions)


class AmbiguousTerm(TermNotFound):
    """Several entries match the query equally well; ``candidates`` lists them.

    Raised by :meth:`glossary.Glossary.get`; narrow the query with ``parent=`` or use
    :meth:`glossary.Glossary.lookup`, which returns every candidate.
    """

    def __init__(self, query: str, candidates: Sequence[Entry]) -> None:
        ids = ", ".join(e.id for e in candidates)
        super().__init__(query, message=f"{query!r} is ambiguous: it matches {ids}")
        self.candidates = tuple(candidates)
