"""Parsing untrusted XML (TBX from outside): safe, bounded, streamed, with line numbers.

lxml (libxml2) parses with entity expansion off, no DTD loading, no network access and
libxml2's default limits on depth and text size; on top of that, a document whose DTD
declares entities (billion laughs, external entities: XXE) is refused outright. A DOCTYPE
that only names a DTD, as TBX v2 files do, is fine: the DTD is never fetched. Each
element knows the line it starts on (``sourceline``), for messages. Documents are parsed
as a stream (:func:`iter_elements`): never a whole tree of a large file in memory.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from glossary._fsutil import Readable
from glossary.formats import FormatError

#: The largest XML file read (bytes; of a text, characters): a regular file over it is
#: refused before parsing, a FIFO or device when reading it passes it.
MAX_SIZE = 512 * 1024 * 1024


#: What :func:`iter_elements` reads: a text, its UTF-8 bytes, or a binary file (a
#: :class:`~glossary._fsutil.LimitedReader`, for one), read a block at a time.
Source = str | bytes | Readable


def iter_elements(
    source: Source,
    path: str,
    names: tuple[str, ...],
    *,
    starts: tuple[str, ...] = (),
    free: bool = True,
) -> Iterator[tuple[str, Any]]:
    """The document as a stream of events: ``("root", root)`` first, when the root element
    starts (its attributes are there, its children not yet), then ``("end", element)``
    for each element called one of ``names`` (in any namespace), complete, and
    ``("start", element)`` when one called one of ``starts`` begins.

    Memory stays bounded by one element of ``names``: after each is yielded, it is
    freed (:func:`release`), unless ``free`` is false: then the caller releases what it
    is done with. Only these elements reach Python (lxml's
    ``tag`` filter): the others are built and freed in C, where walking every element's
    events took most of the time.

    A file is parsed as it is read, in the encoding its XML declaration or byte-order
    mark names (UTF-8 by default); a text has its declaration dropped (it is already
    decoded). Input is untrusted: no entity is expanded, no DTD loaded, nothing fetched
    from the network; libxml2's limits on depth and text size hold (no ``huge_tree``);
    comments and processing instructions are dropped; and a DTD that declares entities
    is refused before any element reaches the caller.

    Raises:
        FormatError: Not well-formed (naming the line and, as libxml2 says it, the
            element), empty, or declaring entities.
    """
    from lxml import etree

    data = _bytes(source, path) if isinstance(source, str) else source
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    tags = [f"{{*}}{name}" for name in (*names, *starts)]
    events = etree.iterparse(
        stream,
        events=("start", "end"),
        tag=tags,
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    wanted = set(names)
    started = set(starts)
    root = None
    try:
        for event, element in events:
            if root is None:
                root = element.getroottree().getroot()
                _refuse_entities(root, path)
                yield "root", root
            tag = local(element.tag)
            if event == "start":
                if tag in started:
                    yield "start", element
                continue
            if tag not in wanted:
                continue
            yield "end", element
            if free:
                release(element)
    except etree.XMLSyntaxError as exc:
        message = f"not well-formed XML: {exc.msg.split(', line')[0]}"
        raise FormatError(message, path=path, line=exc.lineno or 0) from None
    if root is None:  # none of the elements asked for: the root alone
        root = events.root
        if root is None:
            raise FormatError("empty XML document", path=path)
        _refuse_entities(root, path)
        yield "root", root


def release(element: Any) -> None:
    """Free a parsed element: clear it and remove whatever came before it in its parent
    (what a stream has passed), so a document being parsed holds only what is to come.
    The element itself stays in place, empty, until the next one removes it."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


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
