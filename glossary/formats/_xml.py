"""Parsing untrusted XML (TBX from outside): safe, bounded, with line numbers.

lxml (libxml2) parses with entity expansion off, no DTD loading, no network access and
libxml2's default limits on depth and text size; on top of that, a document whose DTD
declares entities (billion laughs, external entities: XXE) is refused outright. A DOCTYPE
that only names a DTD, as TBX v2 files do, is fine: the DTD is never fetched. Each
element knows the line it starts on (``sourceline``), for messages.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from glossary.formats import FormatError

#: The largest XML text read (characters); a bigger one is refused before parsing.
MAX_SIZE = 512 * 1024 * 1024


@dataclass
class Parsed:
    """A parsed document: its root element (an lxml element)."""

    root: Any

    def line(self, element: Any) -> int:
        """The line ``element`` starts on (0 if unknown)."""
        return int(getattr(element, "sourceline", 0) or 0)


def parser() -> Any:
    """An lxml parser for untrusted input: no entities expanded, no DTD loaded, no network."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse(text: str, path: str) -> Parsed:
    """Parse untrusted XML, or raise one FormatError naming the file (and the line)."""
    from lxml import etree

    data = _bytes(text, path)
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        message = f"not well-formed XML: {exc.msg.split(', line')[0]}"
        raise FormatError(message, path=path, line=line) from None
    if root is None:
        raise FormatError("empty XML document", path=path)
    _refuse_entities(root, path)
    return Parsed(root)


def iter_elements(text: str, path: str, names: tuple[str, ...]) -> Iterator[tuple[Any, Any]]:
    """``(root, None)`` first, then ``(root, element)`` for each element called one of
    ``names`` (in any namespace), parsed as a stream: each is yielded when complete and
    freed after, so a large file never sits in memory whole. The same protections as
    :func:`parse`. Only those elements reach Python (lxml's ``tag`` filter): the others
    are built and freed in C, where walking every element's events took most of the time."""
    from lxml import etree

    data = _bytes(text, path)
    events = etree.iterparse(
        io.BytesIO(data),
        events=("end",),
        tag=[f"{{*}}{name}" for name in names],
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    root = None
    try:
        for _, element in events:
            if root is None:
                root = element.getroottree().getroot()
                _refuse_entities(root, path)
                yield root, None
            yield root, element
            element.clear()
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        message = f"not well-formed XML: {exc.msg.split(', line')[0]}"
        raise FormatError(message, path=path, line=exc.lineno or 0) from None
    if root is None:  # none of the elements asked for: the root alone
        root = events.root
        if root is None:
            raise FormatError("empty XML document", path=path)
        _refuse_entities(root, path)
        yield root, None


def _refuse_entities(root: Any, path: str) -> None:
    """A FormatError if the document's DTD declares entities (none is ever expanded; such
    a file is refused outright, as an attack or a mistake)."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        message = "declares XML entities (a billion-laughs or external-entity attack?); refused"
        raise FormatError(message, path=path)


def _bytes(text: str, path: str) -> bytes:
    """The text as UTF-8 bytes for libxml2 (refused over :data:`MAX_SIZE`), without an XML
    declaration naming another encoding (the text is already decoded)."""
    if len(text) > MAX_SIZE:
        raise FormatError(f"larger than {MAX_SIZE // 2**20} MB; refused", path=path)
    if text.startswith("<?xml"):
        end = text.find("?>")
        if end > 0:
            return text[end + 2 :].encode("utf-8")
    return text.encode("utf-8")


def local(tag: object) -> str:
    """An element's name without its namespace ('' for comments and the like)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace(tag: object) -> str:
    """An element's namespace URI, or ''."""
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""
