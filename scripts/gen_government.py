#!/usr/bin/env python3
"""Generate terms/government.yaml: Taiwan's central government bodies, courts and local governments.

The bodies are curated by hand in BODIES below (which bodies, their ids, parents and
English); the script proves each name against the Ministry of Justice's Laws & Regulations
Database (../shared/data/moj_laws): a body's Chinese name and its English name must both
appear in the same article of one act, Chinese text and English text (or in one act's
Chinese and English titles), or the script stops. The act found is the entry's source. So
no English name here is typed from memory alone: the MOJ's reference translation says it.

Bodies the MOJ's English texts do not name (the National Security Council, the Legislative
Yuan's own act has no English) are in EXTERNAL with the page that gives the English, and
the 22 local governments and councils take their English from the division's official
name (terms/divisions.yaml) and the Office of the President's page on local government.

Usage: python scripts/gen_government.py [--data ../shared/data] [--check]
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import termgen
import yaml

OUT = termgen.ROOT / "terms" / "government.yaml"
DIVISIONS = termgen.ROOT / "terms" / "divisions.yaml"

MOJ = "Ministry of Justice (Taiwan), Laws & Regulations Database"

#: The bodies, curated by hand: a tab-separated table with a header. Columns: id; zh, the
#: full Chinese name first, then the name within its parent as the parent's act writes it
#: (separated by ";"); en, the English as the MOJ's translation prints it; parent id;
#: abbreviations the MOJ's text itself uses for the body ("hereinafter the CGA", "The MOEA
#: shall ..."), space-separated; kind (agency, or organization: a state-funded foundation,
#: institute or company).
BODIES = termgen.ROOT / "scripts" / "government_bodies.tsv"


#: English names the press prints for a body beside the MOJ's: id -> (names, the page that
#: prints them).
PRESS: dict[str, tuple[list[str], str]] = {
    "office-of-the-president": (
        ["Presidential Office"],
        "Focus Taiwan (CNA), President Lai calls the Legislature's rejection of his justice "
        "nominees regrettable, 2025-07-25, https://focustaiwan.tw/politics/202507250020 "
        "(a Presidential Office statement; Presidential Office spokesperson Karen Kuo)",
    ),
}


#: Chinese short forms and English abbreviations attested on pages other than the MOJ's:
#: id -> (zh short forms, English abbreviations, the page that uses them).
SHORT: dict[str, tuple[list[str], list[str], str]] = {
    "mainland-affairs-council": (
        ["陸委會"],
        ["MAC"],
        "Mainland Affairs Council, news releases, 2023-01-02, "
        "https://www.mac.gov.tw/en/News_Content.aspx?n=0D58AA484DB9A9B1&sms=35503662D9CE6DD9"
        "&s=BE61C7AE3E4AE329 (The Mainland Affairs Council (MAC)); United Daily News, "
        "https://udn.com/news/story/7331/9134006 (陸委會)",
    ),
    "centers-for-disease-control": (
        [],
        ["CDC"],
        "Taiwan CDC, 疾病管制署署簡介 (Chinese and English), "
        "https://issuu.com/taiwancdc/docs/_________________________09a7f22c59c019, and Kinmen "
        "Hospital, Ministry of Health and Welfare, News, "
        "http://www.kmsh.gov.tw/kmsh/english/news.html (the Taiwan Centers for Disease Control "
        "(Taiwan CDC))",
    ),
    "national-communications-commission": (
        [],
        ["NCC"],
        "National Communications Commission, 'Introduction of The National Communications "
        "Commission', https://www.ncc.gov.tw/english/content.aspx?site_content_sn=284 (the "
        "National Communications Commission (NCC))",
    ),
    "ministry-of-health-and-welfare": (
        ["衛福部"],
        [],
        "Yahoo News (記者郭曉蓓), 2025-12-11, https://tw.news.yahoo.com/%E8%A1%9B%E7%A6%8F%E9%83%A8"
        "%E6%8E%A8%E5%8B%95%E7%B5%84%E7%B9%94%E8%AA%BF%E6%95%B4-%E8%90%BD%E5%AF%A6-%E5%81%A5"
        "%E5%BA%B7%E8%87%BA%E7%81%A3-%E9%A1%98%E6%99%AF-100100772.html (衛生福利部 ... 衛福部說明)",
    ),
    "national-development-council": (
        ["國發會"],
        [],
        "Central News Agency, 2018-03-07, https://cna.com.tw/news/afe/201803070225.aspx "
        "(國發會公布 ... 國家發展委員會每月將股價 ...)",
    ),
    "national-immigration-agency": (
        [],
        ["NIA"],
        "National Immigration Agency, news, "
        "https://news.immigration.gov.tw/Column/Detail/ee205300-1583-42a2-8d29-6291b2d1b93d"
        "?category=3&lang=EN (the National Immigration Agency (NIA))",
    ),
    "bureau-of-consular-affairs": (
        [],
        ["BOCA"],
        "National Immigration Agency, news, "
        "https://news.immigration.gov.tw/Column/Detail/ee205300-1583-42a2-8d29-6291b2d1b93d"
        "?category=3&lang=EN (the Bureau of Consular Affairs (BOCA), Ministry of Foreign "
        "Affairs (MOFA))",
    ),
}

#: Former names, kept as deprecated terms: id -> [(language, term, note, where attested)].
FORMER: dict[str, list[tuple[str, str, str, str]]] = {
    "ministry-of-agriculture": [
        ("en", "Council of Agriculture", "renamed Ministry of Agriculture on 2023-08-01", ""),
        ("en", "COA", "the Council of Agriculture's abbreviation, before 2023-08-01", ""),
        ("zh", "行政院農業委員會", "改制為農業部（2023-08-01）", ""),
    ],
    "ministry-of-environment": [
        (
            "en",
            "Environmental Protection Administration",
            "upgraded to the Ministry of Environment on 2023-08-22",
            "",
        ),
        ("zh", "行政院環境保護署", "改制為環境部（2023-08-22）", ""),
    ],
    "central-weather-administration": [
        (
            "en",
            "Central Weather Bureau",
            "renamed Central Weather Administration on 2023-09-15",
            "",
        ),
        ("en", "CWB", "the Central Weather Bureau's abbreviation, before 2023-09-15", ""),
        ("zh", "交通部中央氣象局", "改制為中央氣象署（2023-09-15）", ""),
        ("zh", "中央氣象局", "改制為中央氣象署（2023-09-15）", ""),
    ],
    "national-science-and-technology-council": [
        (
            "en",
            "Ministry of Science and Technology",
            "reorganized as the National Science and Technology Council on 2022-07-27",
            "",
        ),
        ("zh", "科技部", "改制為國家科學及技術委員會（2022-07-27）", ""),
    ],
    "tourism-administration": [
        ("en", "Tourism Bureau", "renamed Tourism Administration on 2023-09-15", ""),
        ("zh", "交通部觀光局", "改制為觀光署（2023-09-15）", ""),
        ("zh", "觀光局", "改制為觀光署（2023-09-15）", ""),
    ],
}

#: Where the former names and their dates are attested.
FORMER_SOURCES = {
    "ministry-of-agriculture": (
        "Taipei Times, 2023-05-17, "
        "https://www.taipeitimes.com/News/taiwan/archives/2023/05/17/2003799948 (the Council "
        "of Agriculture upgraded to a ministry by the Organization Act of the Ministry of "
        "Agriculture); OCAC News (Overseas Community Affairs Council), citing CNA, "
        "https://ocacnews.net/article/340283 (COA); MOJ, 行政院農業委員會組織條例 "
        "(Organizational Act of the Council of Agriculture, Executive Yuan), "
        "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=M0000001"
    ),
    "ministry-of-environment": (
        "ECCT Euroview, 'EPA upgraded to ministry', "
        "https://euroview.ecct.com.tw/category-inside.php?id=1501 (the Environmental Protection "
        "Administration (EPA) upgraded; inauguration set for 22 August); Taiwan News, 2023-09-06, "
        "https://www.taiwannews.com.tw/en/news/4990992 (renamed earlier in 2023); MOJ, "
        "行政院環境保護署組織條例 (Organic Act of the Environmental Protection Administration, "
        "Executive Yuan), https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=O0000001"
    ),
    "central-weather-administration": (
        "Central Weather Administration, 'Brief History', "
        "https://www.cwa.gov.tw/V8/E/A/history.html (established as the Central Weather Bureau "
        "(CWB); elevated to CWA on September 15, "
        "2023); MOJ, 交通部中央氣象局組織條例, "
        "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0000025"
    ),
    "national-science-and-technology-council": (
        "M-ERA.NET, 'TW: Taiwan NSTC', https://www.m-era.net/about/m-consortium/taiwan (the "
        "Ministry of Science and Technology (MOST) reorganized as the NSTC since 27 July 2022)"
    ),
    "tourism-administration": (
        "Taipei Times, 'Tourism Bureau and weather agency redesignated', 2023-09-16, "
        "https://news.ltn.com.tw/news/focus/breakingnews/4430006 (redesignated the Tourism "
        "Administration 'yesterday'); MOJ, 交通部觀光局組織條例 (Organization Act of the Tourism "
        "Bureau, Ministry of Transportation and Communications), "
        "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0000027"
    ),
}

#: Bodies whose English no MOJ English text gives: id -> source of both names.
HIGH_ADMINISTRATIVE_COURTS = (
    "Taichung High Administrative Court, "
    "https://tcb.judicial.gov.tw/en/cp-8358-305389-63e44-072.html (the Supreme Administrative "
    "Court, the Taipei High Administrative Court, the Kaohsiung High "
    "Administrative Court); Kaohsiung High Administrative Court, "
    "https://ksb.judicial.gov.tw/en/cp-8183-300989-34962-082.html; Wikipedia (zh), "
    "高等行政法院, https://zh.wikipedia.org/wiki/高等行政法院 "
    "(台北高等行政法院、台中高等行政法院、高雄高等行政法院)"
)

EXTERNAL: dict[str, str] = {
    "taipei-high-administrative-court": HIGH_ADMINISTRATIVE_COURTS,
    "taichung-high-administrative-court": HIGH_ADMINISTRATIVE_COURTS,
    "kaohsiung-high-administrative-court": HIGH_ADMINISTRATIVE_COURTS,
    "national-security-council": (
        "Wikipedia, 'National Security Council (Taiwan)' (The National Security Council (NSC; "
        "國家安全會議)), https://en.wikipedia.org/wiki/National_Security_Council_(Taiwan); MOJ, "
        "國家安全會議組織法, https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=A0010021"
    ),
    "national-security-bureau": (
        "Organic Law of the National Security Bureau (English translation), "
        "http://www.fas.org/irp/world/taiwan/nsbb2-1.htm (the National Security Bureau, a "
        "subsidiary organ of the National Security Council); MOJ, 國家安全局組織法, "
        "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=A0010022"
    ),
}

LOCAL_SOURCE = (
    "Office of the President, 'Local governments', https://english.president.gov.tw/Page/106 "
    "(a special municipality has a municipal council and a municipal government; each county "
    "and city has a council and a government); the English name of the place from Chunghwa "
    "Post, 縣市鄉鎮中英對照 (see terms/divisions.yaml). The English is composed: the place's "
    "official English followed by Government or Council."
)


def local_bodies() -> list[dict[str, Any]]:
    """The government and the council of each of the 22 counties and cities."""
    entries = []
    divisions = yaml.safe_load(DIVISIONS.read_text(encoding="utf-8"))
    tops = [d for d in divisions if "parent" not in d]
    if len(tops) != 22:
        raise SystemExit(f"expected 22 counties and cities in {DIVISIONS}, found {len(tops)}")
    for place in tops:
        zh = place["zh"][0]["term"] if isinstance(place["zh"][0], dict) else place["zh"][0]
        en = place["en"][0]["term"] if isinstance(place["en"][0], dict) else place["en"][0]
        for suffix_zh, suffix_en in (("政府", "Government"), ("議會", "Council")):
            entries.append(
                {
                    "id": f"{place['id']}-{suffix_en.lower()}",
                    "kind": "agency",
                    "parent": place["id"],
                    "zh": [zh + suffix_zh],
                    "en": [
                        {
                            "term": f"{en} {suffix_en}",
                            "status": "preferred",
                            "system": "translation",
                            "official": True,
                        }
                    ],
                    "source": LOCAL_SOURCE,
                }
            )
    return entries


#: Bodies whose English name other countries' bodies share: their entries say so, since a
#: text about Japan's National Police Agency or the US Supreme Court matches them too.
GENERIC = {
    "ministry-of-the-interior",
    "ministry-of-foreign-affairs",
    "ministry-of-national-defense",
    "ministry-of-finance",
    "ministry-of-education",
    "ministry-of-justice",
    "ministry-of-economic-affairs",
    "ministry-of-transportation-and-communications",
    "ministry-of-labor",
    "ministry-of-agriculture",
    "ministry-of-health-and-welfare",
    "ministry-of-environment",
    "ministry-of-culture",
    "ministry-of-digital-affairs",
    "national-development-council",
    "financial-supervisory-commission",
    "central-election-commission",
    "fair-trade-commission",
    "national-communications-commission",
    "nuclear-safety-commission",
    "national-police-agency",
    "national-fire-agency",
    "national-immigration-agency",
    "national-park-service",
    "food-and-drug-administration",
    "centers-for-disease-control",
    "supreme-court",
    "constitutional-court",
    "supreme-administrative-court",
    "national-security-council",
    "national-security-bureau",
    "investigation-bureau",
    "energy-administration",
    "customs-administration",
    "coast-guard-administration",
    "criminal-investigation-bureau",
    "sports-administration",
    "tourism-administration",
    "highway-bureau",
    "railway-bureau",
    "civil-aviation-administration",
    "central-news-agency",
    "national-audit-office",
    "national-human-rights-commission",
    "intellectual-property-office",
    "banking-bureau",
    "insurance-bureau",
    "national-museum-of-history",
    "national-central-library",
}
SHARED_NAME = "Other countries have a body of this name: check that the text means Taiwan's."


def parse_bodies() -> list[dict[str, Any]]:
    bodies = []
    lines = BODIES.read_text(encoding="utf-8").splitlines()
    if lines[0].split("\t") != ["id", "zh", "en", "parent", "abbreviations", "kind"]:
        raise SystemExit(f"{BODIES}: unexpected header {lines[0]!r}")
    for number, line in enumerate(lines[1:], start=2):
        parts = [part.strip() for part in line.split("\t")]
        if len(parts) != 6:
            raise SystemExit(f"{BODIES}:{number}: expected 6 tab-separated columns")
        ident, zh, en, parent, abbr, kind = parts
        bodies.append(
            {
                "id": ident,
                "zh": [z.strip() for z in zh.split(";")],
                "en": en,
                "parent": parent or None,
                "abbr": abbr.split(),
                "kind": kind,
            }
        )
    return bodies


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u3000", " ")).strip()


#: How the title of a body's own organization act ends.
ACT_SUFFIXES = ("組織法", "組織條例", "組織規程", "設置條例", "組織通則")


def _body_of(title: str) -> str:
    """內政部 from 內政部組織法: the body an organization act sets up (or the title)."""
    for suffix in ACT_SUFFIXES:
        if title.endswith(suffix):
            return title[: -len(suffix)].removeprefix("中華民國")
    return title


def _article_number(label: str) -> str:
    return re.sub(r"[^0-9-]", "", label)


class Evidence:
    """The MOJ's acts, Chinese and English, searchable for name pairs."""

    def __init__(self, data: Path) -> None:
        moj = data / "moj_laws"
        self.laws = {law["pcode"]: law for law in termgen.read_jsonl(moj / "laws.jsonl")}
        self.acts = list(termgen.read_jsonl(moj / "organization_acts.jsonl"))
        # Each act's whole Chinese text, to skip quickly the acts that cannot name a body.
        self.chinese = {
            act["pcode"]: act["zh"] + "".join(t for _, t in act["articles_zh"]) for act in self.acts
        }

    def find(self, zh_forms: list[str], en: str, owner: str) -> tuple[str, str] | None:
        """(pcode, where) of the act that names zh and en side by side, the body's own first."""
        found: list[tuple[int, str, str]] = []
        en_pattern = re.compile(r"(?<![A-Za-z])" + re.escape(en) + r"(?![A-Za-z])")
        for act in self.acts:
            if not any(z in self.chinese[act["pcode"]] for z in zh_forms):
                continue
            own = 0 if _body_of(act["zh"]) in (owner, "行政院" + owner) else 1
            title_en = _norm(act["en"] or "")
            if any(z in act["zh"] for z in zh_forms) and en_pattern.search(title_en):
                found.append((own, act["pcode"], "title"))
                continue
            english = {_article_number(n): _norm(t) for n, t in act["articles_en"]}
            for label, text in act["articles_zh"]:
                number = _article_number(label)
                if any(z in text for z in zh_forms) and en_pattern.search(english.get(number, "")):
                    found.append((own + 2, act["pcode"], f"art. {number}"))
                    break
        if not found:
            for law in self.laws.values():
                if (
                    law["en"]
                    and any(z in law["zh"] for z in zh_forms)
                    and en_pattern.search(_norm(law["en"]))
                ):
                    found.append((4, law["pcode"], "title"))
        if not found:
            return None
        found.sort()
        return found[0][1], found[0][2]

    def spelled_out(self, english: str, abbr: str) -> bool:
        """Whether some act writes the abbreviation after the name: 'Ministry of X (MOX)'."""
        needle = f"{english} ({abbr})"
        return any(needle in _norm(t) for act in self.acts for _, t in act["articles_en"])

    def own_english(self, owner: str) -> str:
        """The English text of the body's own organization acts (titles and articles)."""
        texts = []
        for act in self.acts:
            if _body_of(act["zh"]) in (owner, "行政院" + owner):
                texts += [act["en"] or ""] + [t for _, t in act["articles_en"]]
        return _norm(" ".join(texts))

    def cite(self, pcode: str, where: str) -> str:
        law = self.laws[pcode]
        title = law["zh"] + (f" ({_norm(law['en'])})" if law["en"] else "")
        place = "" if where == "title" else f", {where}"
        return f"{MOJ}, {title}{place}, {law['url']}"


def build(data: Path) -> str:
    evidence = Evidence(data)
    entries = []
    problems = []
    for body in parse_bodies():
        ident = body["id"]
        if ident in EXTERNAL:
            source = EXTERNAL[ident]
        else:
            hit = evidence.find(body["zh"], body["en"], body["zh"][0])
            if hit is None:
                problems.append(f"{ident}: no act names {body['zh']} and {body['en']!r}")
                continue
            pcode, where = hit
            english = evidence.own_english(body["zh"][0])
            for abbr in body["abbr"]:
                if not re.search(rf"\b{abbr}\b", english) and not evidence.spelled_out(
                    body["en"], abbr
                ):
                    problems.append(f"{ident}: no act's English text uses {abbr} for it")
            source = (
                evidence.cite(pcode, where)
                + ": Chinese and English names (the English is the MOJ's reference translation)."
            )
        en_terms: list[dict[str, Any]] = [
            {
                "term": body["en"],
                "status": "preferred",
                "system": "translation",
                "official": True,
                "case": "sensitive",
                "note": SHARED_NAME if ident in GENERIC else None,
            }
        ]
        for abbr in body["abbr"]:
            en_terms.append({"term": abbr, "status": "admitted", "note": "abbreviation"})
        zh_terms: list[Any] = [body["zh"][0], *body["zh"][1:]]
        # A gloss gives the name within the parent (海巡署, not 海洋委員會海巡署).
        gloss = body["zh"][1] if len(body["zh"]) > 1 else None
        if ident in SHORT:
            short_zh, short_en, page = SHORT[ident]
            zh_terms += short_zh
            # the press's short form is the gloss the papers print: (MAC, 陸委會)
            gloss = gloss or (short_zh[0] if short_zh else None)
            en_terms += [
                {"term": a, "status": "admitted", "note": "abbreviation"} for a in short_en
            ]
            source += f" Short forms: {page}."
        if ident in PRESS:
            names, page = PRESS[ident]
            en_terms += [
                {
                    "term": name,
                    "status": "admitted",
                    "system": "translation",
                    "case": "sensitive",
                    "note": "the press's name for it",
                }
                for name in names
            ]
            source += f" The press's name: {page}."
        for language, term, note, _ in FORMER.get(ident, []):
            item = {"term": term, "status": "deprecated", "note": note}
            if language == "en" and not term.isupper():
                item["system"] = "translation"
                item["case"] = "sensitive"
            (en_terms if language == "en" else zh_terms).append(item)
        if ident in FORMER:
            source += f" Former names: {FORMER_SOURCES[ident]}."
        entries.append(
            {
                "id": ident,
                "kind": body["kind"],
                "parent": body["parent"],
                "zh": zh_terms,
                "gloss": gloss,
                "en": en_terms,
                "source": source,
            }
        )
    entries += local_bodies()
    unknown = GENERIC - {e["id"] for e in entries}
    if unknown:
        problems.append(f"GENERIC names ids that are not bodies: {sorted(unknown)}")
    if problems:
        raise SystemExit("names the MOJ's texts do not prove:\n  " + "\n  ".join(problems))
    intro = """\
Generated by scripts/gen_government.py: do not edit by hand; change the script's table
and run it again. Taiwan's government bodies: the Office of the President, the five Yuans,
the Executive Yuan's ministries, councils, commissions and independent agencies, their
main agencies, the top courts and prosecutors' offices, and the 22 local governments and
councils. The table of bodies is curated by hand; every Chinese and English name is proved
by the script against the Ministry of Justice's Laws & Regulations Database (statutes carry
no copyright, Copyright Act art. 9; the MOJ's English is a reference translation), or taken
from the page named in the entry's source. The table is scripts/government_bodies.tsv.
English names match in text only as written (case: sensitive): a body's name is a proper
noun, and "the energy administration of the state" is not Taiwan's Energy Administration.
Names other countries' bodies share (Supreme Court, National Police Agency) say so in a
note. Abbreviations are only those the MOJ's text or the body's own pages use.
"""
    return termgen.render(intro, entries)


if __name__ == "__main__":
    raise SystemExit(termgen.main(OUT, build, __doc__ or ""))
