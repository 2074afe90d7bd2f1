#!/usr/bin/env python3
"""Generate terms/laws.yaml: Taiwan's acts in force, with their official English titles.

Reads the Ministry of Justice's Laws & Regulations Database as mirrored in
../shared/data/moj_laws/laws.jsonl and writes one entry per act (nature 法律, and the
Constitution and its Additional Articles) that is in force and has an English title: the
Chinese title, the attested Chinese short names (國安法, 地制法) and the English title, which
is the MOJ's reference translation. Left out, and counted when the script runs:

- repealed acts, acts filed under 廢止法規, and acts without an English title;
- organization acts of bodies since renamed or set up again by a newer act (the MOJ still
  lists 行政院農業委員會組織條例 and 交通部臺灣鐵路管理局組織條例 as in force);
- acts whose English title is two words or fewer (Police Act, Name Act, Civil Code): a bare
  title like that names other countries' laws in English text as often as Taiwan's, and
  the term base does not add bare English words as terms.

Usage: python scripts/gen_laws.py [--data ../shared/data] [--check]
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from pathlib import Path
from typing import Any

import termgen

OUT = termgen.ROOT / "terms" / "laws.yaml"

#: Organization acts of bodies renamed or reorganized since, with what replaced them.
#: (Acts superseded by a newer act of the same body are found by the script.)
SUPERSEDED_BODIES = {
    "行政院農業委員會": "the Council of Agriculture became the Ministry of Agriculture (農業部)",
    "行政院環境保護署": "the EPA became the Ministry of Environment (環境部)",
    "交通部觀光局": "the Tourism Bureau became the Tourism Administration (交通部觀光署)",
    "交通部中央氣象局": "the Central Weather Bureau became the Central Weather Administration",
    "交通部臺灣鐵路管理局": "the TRA became Taiwan Railway Corporation (國營臺灣鐵路股份有限公司)",
    "行政院原住民族委員會": "the council dropped 行政院 from its name (原住民族委員會組織法)",
}

#: Misspellings in the MOJ's English titles: wrong -> right.
SLIPS = {"lnstitutions": "Institutions", "lnsurance": "Insurance"}

ORGANIZATION_ACT = re.compile(r"(組織法|組織條例|組織規程|組織通則)$")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def english_title(raw: str) -> tuple[str, str | None]:
    """The title to use and a note when it differs from the MOJ's text."""
    title = _norm(raw)
    notes = []
    for wrong, right in SLIPS.items():
        if re.search(rf"\b{wrong}\b", title):
            title = re.sub(rf"\b{wrong}\b", right, title)
            notes.append(f"the MOJ's title misspells {right} as {wrong!r} (a lower-case L)")
    if title.endswith(" is hereby promulgated"):
        title = title.removesuffix(" is hereby promulgated")
        notes.append("the MOJ's title ends 'is hereby promulgated', left out here")
    return title, "; ".join(notes) or None


def _body(title: str) -> str:
    return ORGANIZATION_ACT.sub("", title)


def build(data: Path) -> str:
    laws = list(termgen.read_jsonl(data / "moj_laws" / "laws.jsonl"))
    left_out: Counter[str] = Counter()
    candidates = []
    for law in laws:
        if law["nature"] not in ("法律", "憲法"):
            continue
        if law["repealed"] is not None or law["category"].startswith("廢止法規"):
            left_out["repealed"] += 1
            continue
        if not law["en"]:
            left_out["no English title"] += 1
            continue
        candidates.append(law)
    # An organization act is superseded when another act in force sets up the same body
    # (行政院大陸委員會組織條例 by 大陸委員會組織法), or when its body was renamed.
    newest: dict[str, dict[str, Any]] = {}
    for law in candidates:
        if ORGANIZATION_ACT.search(law["zh"]):
            body = _body(law["zh"]).removeprefix("行政院")
            if body not in newest or law["updated"] > newest[body]["updated"]:
                newest[body] = law
    entries = []
    for law in candidates:
        # Two titles carry the date of enactment in brackets: 最低工資法（112.12.27制定）.
        zh = re.sub(r"（[^）]*）$", "", law["zh"])
        if ORGANIZATION_ACT.search(zh):
            if any(zh.startswith(old) for old in SUPERSEDED_BODIES):
                left_out["organization act of a renamed body"] += 1
                continue
            if newest[_body(zh).removeprefix("行政院")] is not law:
                left_out["organization act superseded by a newer one"] += 1
                continue
        title, note = english_title(law["en"])
        if len(title.split()) <= 2:
            left_out["English title of two words or fewer"] += 1
            continue
        en: list[dict[str, Any]] = [
            {"term": title, "status": "preferred", "system": "translation", "official": True}
        ]
        if note:
            en[0]["note"] = note
        if title.startswith("The ") and len(title.split()) > 3:
            en.append(
                {
                    "term": title.removeprefix("The "),
                    "status": "admitted",
                    "system": "translation",
                    "note": "the title without its leading The, as running text writes it",
                }
            )
        zh_terms: list[Any] = [zh]
        zh_terms += [
            {"term": short, "note": "a short or other name the database lists"}
            for short in law["short"]
        ]
        entries.append(
            {
                "id": f"law-{law['pcode'].lower()}",
                "kind": "law",
                "zh": zh_terms,
                "en": en,
                "definition": None,
                "source": (
                    f"Ministry of Justice (Taiwan), Laws & Regulations Database, {zh} "
                    f"({_norm(law['en'])}), last amended {law['updated'][:4]}-"
                    f"{law['updated'][4:6]}-{law['updated'][6:]}, {law['url']}: the Chinese "
                    "title and short names; the English title is the MOJ's reference "
                    "translation."
                ),
            }
        )
    intro = f"""\
Generated by scripts/gen_laws.py from the Ministry of Justice's Laws & Regulations Database
(全國法規資料庫), as mirrored by kong0107/mojLawSplitJSON (commit 0d26e6c, data dated
2024-10-11). Do not edit by hand: change the script and run it again. Taiwan's acts in
force with an English title, and the Constitution with its Additional Articles: the Chinese
title, the attested Chinese short names and the English title, which is the MOJ's reference
translation ("for reference": the Chinese text is authoritative). Statutes carry no
copyright (Copyright Act art. 9); the database is government open data. An entry's id is
law- and the MOJ's pcode, which does not change when a title does. Left out:
{"; ".join(f"{reason}: {n}" for reason, n in sorted(left_out.items()))}.
"""
    return termgen.render(textwrap.fill(intro, 90, break_on_hyphens=False), entries)


if __name__ == "__main__":
    raise SystemExit(termgen.main(OUT, build, __doc__ or ""))
