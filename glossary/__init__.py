"""glossary: a bilingual English-Chinese term base and name normalizer for text about Taiwan.

>>> from glossary import Glossary
>>> g = Glossary()
>>> entry = g.get("Hsinchu County")
>>> entry.chinese, entry.id
('新竹縣', 'hsinchu-county')
>>> [(h.entry.english, h.match.value) for h in g.lookup("xi1tun2")]
[('Xitun District', 'variant')]
"""

from typing import TYPE_CHECKING, Any

from glossary._errors import (
    AmbiguousTerm,
    CacheError,
    GlossaryError,
    Issue,
    QueryError,
    RomanizationError,
    Severity,
    TermBaseError,
    TermNotFound,
)
from glossary._glossary import Glossary
from glossary._index import IndexInfo
from glossary._model import (
    Doubt,
    DoubtKind,
    Entry,
    Hit,
    Kind,
    MatchKind,
    Role,
    Span,
    Status,
    System,
    Term,
)
from glossary._version import __version__

if TYPE_CHECKING:
    from glossary._termbase import Report, TermBase, validate


#: Names imported on first use: the term base reader is needed to build an index or to
#: validate files, never for a lookup in a cached index.
_LAZY = {"Report", "TermBase", "validate"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from glossary import _termbase

        value = getattr(_termbase, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'glossary' has no attribute {name!r}")


__all__ = [
    "AmbiguousTerm",
    "CacheError",
    "Doubt",
    "DoubtKind",
    "Entry",
    "Glossary",
    "GlossaryError",
    "Hit",
    "IndexInfo",
    "Issue",
    "Kind",
    "MatchKind",
    "QueryError",
    "Report",
    "Role",
    "RomanizationError",
    "Severity",
    "Span",
    "Status",
    "System",
    "Term",
    "TermBase",
    "TermBaseError",
    "TermNotFound",
    "__version__",
    "validate",
]
