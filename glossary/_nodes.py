"""YAML nodes that remember where they were: what the term base reader works on."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Node:
    """A YAML node with its 1-based position."""

    line: int
    col: int


@dataclass(slots=True)
class Scalar(Node):
    value: str
    plain: bool  # unquoted, so "true" may mean a boolean


@dataclass(slots=True)
class Mapping(Node):
    # key -> (key node, value node), in file order
    items: dict[str, tuple[Scalar, Node]] = field(default_factory=dict)


@dataclass(slots=True)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)
