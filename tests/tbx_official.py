"""The official TBX checks, for tests: the v3 core RelaxNG and the TBX-Basic DCA Schematron
(evaluated with elementpath, as its XPath 2 needs), and the v2 DTDs, all read from
../shared/tbx (never copied into the project; see its README)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

SHARED_TBX = Path(__file__).resolve().parent.parent.parent / "shared" / "tbx"
SCH = "http://purl.oclc.org/dsdl/schematron"


def shared_tbx() -> Path:
    """../shared/tbx, or skip the test where it is not beside the checkout."""
    if not SHARED_TBX.is_dir():
        pytest.skip("../shared/tbx is not beside the checkout")
    return SHARED_TBX


@cache
def _relaxng(name: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(shared_tbx() / "schemas" / name)))


@cache
def _dtd(name: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.DTD(str(shared_tbx() / "schemas" / name))


def _parse(text: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(text.encode("utf-8"), parser)


def relaxng_errors(text: str, schema: str = "v3/TBXcoreStructV03.rng") -> list[str]:
    rng = _relaxng(schema)
    ok = rng.validate(_parse(text).getroottree())
    return [] if ok else [str(e) for e in rng.error_log]


def dtd_errors(text: str, dtd: str = "v2/TBXcoreStructV02.dtd") -> list[str]:
    checker = _dtd(dtd)
    ok = checker.validate(_parse(text).getroottree())
    return [] if ok else [str(e) for e in checker.error_log.filter_from_errors()]


def schematron_errors(text: str, schema: str = "v3/TBX-Basic_DCA.sch") -> list[str]:
    """Failed assertions of a Schematron file: in each pattern, each node is checked by
    the first rule whose context it matches (Schematron's rule order)."""
    from elementpath import XPath2Parser, XPathContext, get_node_tree
    from lxml import etree

    sch = etree.parse(str(shared_tbx() / "schemas" / schema)).getroot()
    namespaces = {ns.get("prefix"): ns.get("uri") for ns in sch.iter(f"{{{SCH}}}ns")}
    root = _parse(text)
    document = get_node_tree(root.getroottree())  # built once, not for every assertion
    # `//*/@id` in a test is the same set for every node: computed once, not per node
    ids = [str(i) for i in root.xpath("//@id")]
    parser = XPath2Parser(namespaces=namespaces, variable_types={"ids": "xs:string*"})
    errors = []
    for pattern in sch.iter(f"{{{SCH}}}pattern"):
        fired: set[int] = set()
        for rule in pattern.iter(f"{{{SCH}}}rule"):
            context = rule.get("context")
            path = context if context.startswith("/") else f"//{context}"
            nodes = list(parser.parse(path).select(XPathContext(document)))
            tests = [
                (a, parser.parse(f"boolean({a.get('test').replace('//*/@id', '$ids')})"))
                for a in rule.iter(f"{{{SCH}}}assert")
            ]
            for node in nodes:
                if id(node) in fired:
                    continue
                fired.add(id(node))
                for assertion, test in tests:
                    here = XPathContext(document, item=node, variables={"ids": ids})
                    if not test.evaluate(here):
                        line = getattr(getattr(node, "elem", None), "sourceline", "?")
                        errors.append(f"line {line}: {' '.join(assertion.text.split())}")
    return errors
