"""A strict YAML reader for term base files, built on libyaml's event stream.

It returns plain nodes that remember their line and column, and it refuses what a curated
term base never needs and an attacker might use: anchors and aliases (no "billion laughs"),
duplicate keys, several documents in one file, and non-string keys. Scalars stay strings;
the term base decides what each field means, so ``no`` never turns into ``False``.
"""

from __future__ import annotations

import yaml

from glossary._errors import Issue
from glossary._nodes import Mapping, Node, Scalar, Sequence
from glossary._util import gc_paused

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Refused(Exception):
    def __init__(self, line: int, col: int, message: str) -> None:
        self.line, self.col, self.message = line, col, message


def parse(text: str, path: str) -> tuple[Node | None, list[Issue]]:
    """Parse one YAML document into nodes.

    Returns the root node (None for an empty file or on a fatal error) and the problems
    found. Syntax errors and refused constructs end parsing; duplicate keys do not.
    """
    issues: list[Issue] = []
    # Building many small nodes triggers the cyclic collector over and over for nothing.
    with gc_paused():
        try:
            root = _build(text, path, issues)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            problem = exc.problem or exc.context or "invalid YAML"
            issues.append(Issue(path, line, col, "", f"YAML syntax error: {problem}"))
            root = None
        except yaml.YAMLError as exc:
            issues.append(Issue(path, 0, 0, "", f"YAML error: {exc}"))
            root = None
        except _Refused as exc:
            issues.append(Issue(path, exc.line, exc.col, "", exc.message))
            root = None
    return root, issues


def _build(text: str, path: str, issues: list[Issue]) -> Node | None:
    loader = _Loader(text)
    try:
        stack: list[Node] = []
        pending_key: list[Scalar | None] = []
        root: Node | None = None
        documents = 0
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            line, col = event.start_mark.line + 1, event.start_mark.column + 1
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(line, col, "YAML aliases are not allowed in a term base")
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Refused(line, col, "a term base file holds one YAML document")
                continue
            if isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
                continue
            if getattr(event, "anchor", None):
                raise _Refused(line, col, "YAML anchors are not allowed in a term base")
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                node = stack.pop()
                if isinstance(node, Mapping):
                    pending_key.pop()
                _attach(node, stack, pending_key, issues, path)
                if not stack:
                    root = node
                continue
            new: Node
            if isinstance(event, yaml.ScalarEvent):
                new = Scalar(line, col, event.value, plain=event.implicit[0])
            elif isinstance(event, yaml.MappingStartEvent):
                new = Mapping(line, col)
            elif isinstance(event, yaml.SequenceStartEvent):
                new = Sequence(line, col)
            else:  # pragma: no cover - libyaml emits no other events
                continue
            if isinstance(new, Scalar):
                _attach(new, stack, pending_key, issues, path)
                if not stack:
                    root = new
            else:
                stack.append(new)
                if isinstance(new, Mapping):
                    pending_key.append(None)
        return root
    finally:
        loader.dispose()


def _attach(
    node: Node, stack: list[Node], pending_key: list[Scalar | None], issues: list[Issue], path: str
) -> None:
    if not stack:
        return
    parent = stack[-1]
    if isinstance(parent, Sequence):
        parent.items.append(node)
        return
    assert isinstance(parent, Mapping)
    key = pending_key[-1]
    if key is None:
        if not isinstance(node, Scalar):
            raise _Refused(node.line, node.col, "mapping keys must be plain strings")
        pending_key[-1] = node
        return
    pending_key[-1] = None
    if key.value in parent.items:
        first = parent.items[key.value][0]
        issues.append(
            Issue(
                path,
                key.line,
                key.col,
                key.value,
                f"duplicate key (first at line {first.line})",
            )
        )
        return
    parent.items[key.value] = (key, node)
