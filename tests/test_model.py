"""The model's data types: the matchers' fast Span builder gives ordinary Spans."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from glossary import Span
from glossary._model import Doubt, DoubtKind, Entry, Kind, MatchKind, System, new_span

ENTRY = Entry(id="taichung-city-xitun", kind=Kind.DISTRICT, zh=(), en=(), source="test")

FIELDS = [
    (3, 8, "Situn", (ENTRY,), MatchKind.VARIANT, 95.0, "Situn District"),
    (
        0,
        14,
        "Situn District",
        (ENTRY, ENTRY),
        MatchKind.PINYIN,
        90.0,
        "Xitun District",
        System.WADE_GILES,
        None,
        (Doubt(DoubtKind.AMBIGUOUS, "one of two"),),
        "prominence",
    ),
]


@pytest.mark.parametrize("args", FIELDS, ids=["defaults", "every-field"])
def test_new_span_is_a_span(args: tuple[object, ...]) -> None:
    """new_span gives a Span of the same fields: equal, same hash, repr and pickle."""
    fast, slow = new_span(*args), Span(*args)  # type: ignore[arg-type]
    assert type(fast) is Span
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert copy.copy(fast) == slow
    assert dataclasses.astuple(fast) == dataclasses.astuple(slow)
    assert dataclasses.replace(fast, start=1) == dataclasses.replace(slow, start=1)


def test_new_span_is_frozen() -> None:
    """A span from new_span cannot be changed, as one from Span() cannot."""
    span = new_span(*FIELDS[0])  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del span.text
