"""Parsing untrusted XML (TBX from outside): safe, bounded, with line numbers.

defusedxml's expat parser refuses entity declarations (billion laughs), external entities
and external DTD loading (XXE), and fetches nothing; a DOCTYPE that only names a DTD, as
TBX v2 files do, is allowed. Elements are plain ElementTree elements; :class:`Parsed`
also knows the line each element starts on, for messages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from glossary.formats import FormatError

#: The largest XML text read (characters); a bigger one is refused before parsing.
MAX_SIZE = 512 * 1024 * 1024


@dataclass
class Parsed:
    """A parsed document: its root and where each element starts."""

    root: ET.Element
    lines: dict[ET.Element, int] = field(default_factory=dict)

    def line(self, element: ET.Element) -> int:
        return self.lines.get(element, 0)


class _Builder(ET.TreeBuilder):
    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[ET.Element, int] = {}
        self.expat: object = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        self.lines[element] = getattr(self.expat, "CurrentLineNumber", 0)
        return element


def parse(text: str, path: str) -> Parsed:
    """Parse untrusted XML, or raise one FormatError naming the file (and the line)."""
    import defusedxml
    from defusedxml.ElementTree import DefusedXMLParser

    if len(text) > MAX_SIZE:
        raise FormatError(f"larger than {MAX_SIZE // 2**20} MB; refused", path=path)
    builder = _Builder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True
    )
    builder.expat = parser.parser
    try:
        parser.feed(text)
        root = parser.close()
    except defusedxml.EntitiesForbidden:
        message = "declares XML entities (a billion-laughs or external-entity attack?); refused"
        raise FormatError(message, path=path) from None
    except (defusedxml.ExternalReferenceForbidden, defusedxml.DTDForbidden):
        raise FormatError("refers to an external entity or DTD; refused", path=path) from None
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 0
        message = f"not well-formed XML: {str(exc).split(':')[0]}"
        raise FormatError(message, path=path, line=line) from None
    return Parsed(root, builder.lines)


def local(tag: object) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace(tag: object) -> str:
    """An element's namespace URI, or ''."""
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""
