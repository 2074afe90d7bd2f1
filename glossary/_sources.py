"""Finding and reading term base files, and hashing what was read.

Kept apart from the YAML reader so that a warm lookup, which only needs the hash of the
files to find its cached index, never imports a YAML parser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary._builtin import builtin_dir
from glossary._errors import GlossaryError, Issue
from glossary._fsutil import read_limited

#: Files larger than this are refused before parsing.
MAX_FILE_BYTES = 32 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")
#: The folder of the built-in term base holding the optional packs (not loaded by default).
PACKS_DIR = "packs"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One term base file, read: its display path, layer number and bytes."""

    path: str
    layer: int
    data: bytes


def discover(
    paths: Iterable[str | Path], *, builtin: bool = True, packs: Iterable[str] = ()
) -> list[list[Path]]:
    """The files of each layer, in load order. Missing paths are kept (reported when read).

    The built-in layer is ``terms/`` without its ``packs/`` folder, plus the packs named
    in ``packs`` (``roads`` is ``terms/packs/roads.yaml``): a pack belongs to the built-in
    layer, so its ids must not clash with the built-in ones.

    Raises:
        GlossaryError: if a pack is named that does not exist.
    """
    layers: list[list[Path]] = []
    chosen = [pack_path(name) for name in dict.fromkeys(packs)]
    if builtin:
        root = builtin_dir()
        skip = root / PACKS_DIR
        files = [p for p in _files_in(root) if skip not in p.parents]
        layers.append(files + chosen)
    elif chosen:
        layers.append(chosen)
    for raw in paths:
        path = Path(raw)
        layers.append(_files_in(path) if path.is_dir() else [path])
    return layers


def available_packs() -> list[str]:
    """The names of the optional packs of the built-in term base (``roads``...)."""
    folder = builtin_dir() / PACKS_DIR
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())


def pack_path(name: str) -> Path:
    """The file of the pack called ``name``.

    Raises:
        GlossaryError: if there is no such pack (the message lists the ones there are).
    """
    if name in available_packs():
        folder = builtin_dir() / PACKS_DIR
        return next(folder / (name + s) for s in YAML_SUFFIXES if (folder / (name + s)).is_file())
    known = ", ".join(available_packs()) or "none"
    raise GlossaryError(f"unknown pack {name!r}; the packs are: {known}")


def _files_in(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())


def read_layers(layers: Sequence[Sequence[Path]]) -> tuple[list[SourceFile], list[Issue]]:
    """Read every file's bytes, refusing missing, unreadable and oversized files."""
    files: list[SourceFile] = []
    issues: list[Issue] = []
    for number, layer in enumerate(layers):
        for path in layer:
            shown = str(path)
            try:
                data = read_limited(path, MAX_FILE_BYTES, what="term base file")
            except GlossaryError as exc:
                message = exc.message
                if "limit" in message or "larger" in message:
                    message += " (split it into several files)"
                issues.append(Issue(shown, 0, 0, "", message))
                continue
            files.append(SourceFile(shown, number, data))
    return files, issues


def content_hash(files: Sequence[SourceFile], *salt: str) -> str:
    """A hash of the files' bytes and layer structure (not their names or times)."""
    import hashlib  # not at module level: a warm start takes the hash from a stamp

    digest = hashlib.sha256()
    for part in salt:
        digest.update(part.encode() + b"\0")
    for source in files:
        digest.update(f"{source.layer}:{len(source.data)}:".encode())
        digest.update(source.data)
    return digest.hexdigest()
