"""The package's imports run one way, and the matcher knows nothing of the facade."""

from __future__ import annotations

import ast
import inspect
import typing
from pathlib import Path

import glossary
import glossary.romanize

PACKAGE = Path(glossary.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports, anywhere in it
    (function-level imports included, TYPE_CHECKING ones left out)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skipped.update(id(n) for n in ast.walk(node))
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module.startswith("glossary"):
                    found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("glossary"))
        graph[name] = {m for m in found if m != name}
    return graph


def _resolve(module: str, graph: dict[str, set[str]]) -> str:
    """A module imported by name, or the package whose attribute it is."""
    while module not in graph and "." in module:
        module = module.rsplit(".", 1)[0]
    return module


def test_no_import_cycle() -> None:
    """No module of the package imports, directly or not, one that imports it back
    (``from glossary import __version__`` inside the package counts: it runs the front
    door, which imports the facade)."""
    graph = _imports()
    edges = {m: {_resolve(d, graph) for d in deps} - {m} for m, deps in graph.items()}
    # A package's __init__ importing its own submodules is no cycle: drop those edges.
    for m in edges:
        edges[m] = {d for d in edges[m] if not d.startswith(m + ".")}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for d in sorted(edges.get(m, ())):
            if state.get(d) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*path, d]))
            if d not in state:
                visit(d)
        path.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)


def test_the_matcher_does_not_know_the_facade() -> None:
    """No module of glossary._match imports or names Glossary: matchers take an Index."""
    for path in (PACKAGE / "_match").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "_glossary" not in source, path.name
        assert "import Glossary" not in source, path.name
        assert "Glossary)" not in source, path.name
        assert ": Glossary" not in source, path.name


def _named_types(annotation: object) -> set[type]:
    out: set[type] = set()
    if isinstance(annotation, type):
        out.add(annotation)
    for arg in typing.get_args(annotation):
        out |= _named_types(arg)
    origin = typing.get_origin(annotation)
    if isinstance(origin, type) and origin.__module__.startswith("glossary"):
        out.add(origin)
    return out


def _public_signature_types(obj: object) -> set[type]:
    found: set[type] = set()
    members = [obj] if callable(obj) and not isinstance(obj, type) else []
    if isinstance(obj, type):
        members += [
            value
            for name, value in vars(obj).items()
            if not name.startswith("_") or name in ("__init__", "__getitem__", "__iter__")
        ]
    for member in members:
        target = member.fget if isinstance(member, property) else member
        if not callable(target):
            continue
        hints = typing.get_type_hints(target, vars(inspect.getmodule(target)))
        for hint in hints.values():
            found |= _named_types(hint)
    return {t for t in found if t.__module__.startswith("glossary")}


def test_every_type_in_a_public_signature_is_exported() -> None:
    """Every glossary type named in a public signature of Glossary (Span, Hit, Entry...)
    can be imported from the front door, and those of glossary.romanize from it."""
    missing = {
        t.__qualname__
        for t in _public_signature_types(glossary.Glossary)
        if getattr(glossary, t.__name__, None) is not t
    }
    assert not missing, f"not exported from glossary: {sorted(missing)}"
    romanize_missing = {
        t.__qualname__
        for name in glossary.romanize.__all__
        for t in _public_signature_types(getattr(glossary.romanize, name))
        if getattr(glossary.romanize, t.__name__, None) is not t
        and getattr(glossary, t.__name__, None) is not t
    }
    assert not romanize_missing, f"not exported: {sorted(romanize_missing)}"


def test_span_is_exported() -> None:
    """The type annotate() returns is importable from the package."""
    from glossary import Span

    assert Span is glossary._model.Span
