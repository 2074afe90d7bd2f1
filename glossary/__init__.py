"""glossary: a bilingual English-Chinese term base and name normalizer for text about Taiwan.

>>> from glossary import Glossary
>>> g = Glossary()
>>> entry = g.get("Hsinchu County")
>>> entry.chinese, entry.id
('新竹縣', 'hsinchu-county')
>>> [(h.entry.english, h.match.value) for h in g.lookup("xi1tun2")]
[('Xitun District', 'variant')]
"""

from glossary._errors import (
    AmbiguousTerm,
    CacheError,
    GlossaryError,
    Issue,
    QueryError,
    Severity,
    TermBaseError,
    TermNotFound,
)
from glossary._glossary import Glossary
from glossary._model import Entry, Hit, Kind, MatchKind, Status, System, Term
from glossary._termbase import Report, TermBase, validate

__version__ = "0.1.0"

__all__ = [
    "AmbiguousTerm",
    "CacheError",
    "Entry",
    "Glossary",
    "GlossaryError",
    "Hit",
    "Issue",
    "Kind",
    "MatchKind",
    "QueryError",
    "Report",
    "Severity",
    "Status",
    "System",
    "Term",
    "TermBase",
    "TermBaseError",
    "TermNotFound",
    "__version__",
    "validate",
]
