"""Finding and reading term base files, and hashing what was read.

Kept apart from the YAML reader so that a warm lookup, which only needs the hash of the
files to find its cached index, never imports a YAML parser.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary._builtin import builtin_dir
from glossary._errors import Issue

#: Files larger than this are refused before parsing.
MAX_FILE_BYTES = 32 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One term base file, read: its display path, layer number and bytes."""

    path: str
    layer: int
    data: bytes


def discover(paths: Iterable[str | Path], *, builtin: bool = True) -> list[list[Path]]:
    """The files of each layer, in load order. Missing paths are kept (reported when read)."""
    layers: list[list[Path]] = []
    if builtin:
        layers.append(_files_in(builtin_dir()))
    for raw in paths:
        path = Path(raw)
        layers.append(_files_in(path) if path.is_dir() else [path])
    return layers


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
                size = path.stat().st_size
                if size > MAX_FILE_BYTES:
                    issues.append(
                        Issue(
                            shown,
                            0,
                            0,
                            "",
                            f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} "
                            "(split it into several files)",
                        )
                    )
                    continue
                data = path.read_bytes()
            except FileNotFoundError:
                issues.append(Issue(shown, 0, 0, "", "no such file or directory"))
                continue
            except OSError as exc:
                issues.append(Issue(shown, 0, 0, "", f"cannot read: {exc.strerror or exc}"))
                continue
            files.append(SourceFile(shown, number, data))
    return files, issues


def content_hash(files: Sequence[SourceFile], *salt: str) -> str:
    """A hash of the files' bytes and layer structure (not their names or times)."""
    digest = hashlib.sha256()
    for part in salt:
        digest.update(part.encode() + b"\0")
    for source in files:
        digest.update(f"{source.layer}:{len(source.data)}:".encode())
        digest.update(source.data)
    return digest.hexdigest()
