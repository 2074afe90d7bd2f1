"""Looking names up in the built-in term base, by any spelling or script."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from glossary import AmbiguousTerm, Glossary, MatchKind, QueryError, TermBaseError, TermNotFound

from .conftest import BUILTIN_ENTRIES


@pytest.mark.parametrize(
    ("query", "ident", "match"),
    [
        ("Situn", "taichung-city-xitun", MatchKind.VARIANT),
        ("Situn District", "taichung-city-xitun", MatchKind.EXACT),
        ("situn district", "taichung-city-xitun", MatchKind.EXACT),
        ("SITUN-DISTRICT", "taichung-city-xitun", MatchKind.VARIANT),
        ("Xitun Dist.", "taichung-city-xitun", MatchKind.VARIANT),
        ("西屯", "taichung-city-xitun", MatchKind.VARIANT),
        ("西屯區", "taichung-city-xitun", MatchKind.EXACT),
        ("西屯区", "taichung-city-xitun", MatchKind.SCRIPT),
        ("xitun", "taichung-city-xitun", MatchKind.VARIANT),
        ("xītún", "taichung-city-xitun", MatchKind.VARIANT),
        ("xi1tun2", "taichung-city-xitun", MatchKind.VARIANT),
        ("liu shyh-fang", "liu-shyh-fang", MatchKind.EXACT),
        ("Liu Shyhfang", "liu-shyh-fang", MatchKind.VARIANT),
        ("Liu Shifang", "liu-shyh-fang", MatchKind.PINYIN),
        ("liú shìfāng", "liu-shyh-fang", MatchKind.PINYIN),
        ("劉世芳", "liu-shyh-fang", MatchKind.EXACT),
        ("刘世芳", "liu-shyh-fang", MatchKind.SCRIPT),
        ("Pa Chiung", "pa-chiung", MatchKind.EXACT),
        ("八炯", "pa-chiung", MatchKind.EXACT),
        ("bajiong", "pa-chiung", MatchKind.PINYIN),
        ("Diaoyutai Islands", "diaoyutai-islands", MatchKind.EXACT),
        ("釣魚台", "diaoyutai-islands", MatchKind.SCRIPT),
        ("钓鱼台", "diaoyutai-islands", MatchKind.SCRIPT),
        ("Senkaku Islands", "diaoyutai-islands", MatchKind.EXACT),
        ("臺中市", "taichung-city", MatchKind.EXACT),
        ("台中市", "taichung-city", MatchKind.SCRIPT),
        ("台中", "taichung-city", MatchKind.SCRIPT),
        ("Keelung", "keelung-city", MatchKind.VARIANT),
        ("Tamsui", "new-taipei-city-tamsui", MatchKind.VARIANT),
        (["Da’an District", "Taichung)"][0], "taichung-city-daan", MatchKind.VARIANT),
        ("Yuanchang", "yunlin-county-yuanchang", MatchKind.VARIANT),
        ("Yuanzhang Township", "yunlin-county-yuanchang", MatchKind.EXACT),
        ("長治鄉", "pingtung-county-changzhi", MatchKind.EXACT),
        ("ｔａｉｃｈｕｎｇ ｃｉｔｙ", "taichung-city", MatchKind.VARIANT),
        ("taichung-city-xitun", "taichung-city-xitun", MatchKind.EXACT),
        ("Shidng", "new-taipei-city-shiding", MatchKind.FUZZY),
        ("Situn Distrct", "taichung-city-xitun", MatchKind.FUZZY),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_lookup_finds_entry(glossary: Glossary, query: str, ident: str, match: MatchKind) -> None:
    """The query finds the entry, and says how it matched."""
    hits = glossary.lookup(query)
    assert ident in [h.entry.id for h in hits]
    hit = next(h for h in hits if h.entry.id == ident)
    assert hit.match is match
    assert hit.score == max(h.score for h in hits)


def test_exact_scores_100_and_others_less(glossary: Glossary) -> None:
    """Exact hits score 100; variants, scripts, pinyin and fuzzy hits score less."""
    assert glossary.lookup("Situn District")[0].score == 100
    for query in ("Situn", "西屯区", "Liu Shifang", "Shidng"):
        assert glossary.lookup(query)[0].score < 100


def test_fuzzy_score_is_reported(glossary: Glossary) -> None:
    """'Shidng' finds Shiding District with rapidfuzz's ratio as its score."""
    hit = glossary.lookup("Shidng")[0]
    assert round(hit.score, 1) == 92.3


def test_ambiguous_query_lists_all_candidates(glossary: Glossary) -> None:
    """信義區 names districts of Taipei and Keelung: both come back, tied, the more
    prominent (a municipality's district) first."""
    hits = glossary.lookup("信義區")
    assert [h.entry.id for h in hits] == ["taipei-city-xinyi", "keelung-city-xinyi"]
    assert hits[0].score == hits[1].score
    assert {h.entry.parent for h in hits} == {"keelung-city", "taipei-city"}


def test_get_raises_on_ambiguity_and_parent_decides(glossary: Glossary) -> None:
    """get() refuses to guess between tied entries; parent= picks one."""
    with pytest.raises(AmbiguousTerm) as info:
        glossary.get("Xinyi District")
    assert {e.id for e in info.value.candidates} == {"keelung-city-xinyi", "taipei-city-xinyi"}
    assert isinstance(info.value, LookupError)
    entry = glossary.get("Xinyi District", parent="taipei-city")
    assert entry is not None
    assert entry.id == "taipei-city-xinyi"


def test_get_returns_none_without_fuzzy(glossary: Glossary) -> None:
    """get() never guesses a typo: no exact-level match means None."""
    assert glossary.get("Shidng") is None
    assert glossary.get("Atlantis") is None


def test_not_found_has_suggestions(glossary: Glossary) -> None:
    """TermNotFound says what was asked and offers the closest entries."""
    with pytest.raises(TermNotFound) as info:
        glossary.lookup("Shidingg Distric", score_cutoff=99)
    assert str(info.value) == "no entry matches 'Shidingg Distric'"
    assert info.value.suggestions[0].entry.id == "new-taipei-city-shiding"


def test_nothing_close_has_no_suggestions(glossary: Glossary) -> None:
    """A query like nothing at all gets no suggestions."""
    with pytest.raises(TermNotFound) as info:
        glossary.lookup("qqqqqqqqqqqqqqqqqqqq")
    assert info.value.suggestions == ()


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_empty_query_is_a_query_error(glossary: Glossary, query: str) -> None:
    """An empty query is a QueryError (a ValueError), not a miss."""
    with pytest.raises(QueryError):
        glossary.lookup(query)


def test_no_fuzzy(glossary: Glossary) -> None:
    """fuzzy=False turns typo matching off."""
    with pytest.raises(TermNotFound):
        glossary.lookup("Shidng", fuzzy=False)


def test_kinds_filter(glossary: Glossary) -> None:
    """kinds= keeps only entries of those kinds."""
    hits = glossary.lookup("Xinyi", kinds=["township"])
    assert [h.entry.id for h in hits] == ["nantou-county-xinyi"]


def test_limit(glossary: Glossary) -> None:
    """limit= caps the number of hits."""
    assert len(glossary.lookup("East District", limit=2)) == 2


@pytest.mark.parametrize(
    ("prefer", "expected"),
    [
        (("preferred",), "Xitun District"),
        (("official",), "Xitun District"),
        (("tongyong",), "Situn District"),
        (("tongyong", "official"), "Situn District"),
        (("wade-giles", "official"), "Xitun District"),
    ],
)
def test_house_style_chooses_english(prefer: tuple[str, ...], expected: str) -> None:
    """prefer= picks the English form by status, system or 'official', in order."""
    g = Glossary(prefer=prefer)
    entry = g["taichung-city-xitun"]
    assert g.english(entry) == expected


def test_deprecated_terms_are_never_the_house_form(glossary: Glossary) -> None:
    """A deprecated term is found by lookup but never chosen as the English to show."""
    entry = glossary["diaoyutai-islands"]
    assert entry.english_for(("translation",)).text == "Diaoyutai Islands"


def test_mapping_protocol(glossary: Glossary) -> None:
    """A Glossary maps ids to entries."""
    assert "taichung-city-xitun" in glossary
    assert "nowhere" not in glossary
    assert glossary["taichung-city"].chinese == "臺中市"
    with pytest.raises(KeyError):
        glossary["nowhere"]
    assert len(glossary) == len(list(glossary)) == BUILTIN_ENTRIES


def test_pickle_round_trip(glossary: Glossary) -> None:
    """A Glossary pickles (for Dask or Spark) and works after unpickling."""
    clone = pickle.loads(pickle.dumps(glossary))
    assert clone.get("Situn") == glossary.get("Situn")
    assert clone.prefer == glossary.prefer


def test_user_layer_adds_and_overrides(write: object, tmp_path: object) -> None:
    """Entries from a --termbase layer are found alongside the built-in ones."""

    assert callable(write)
    path: Path = write(
        "roads.yaml",
        """\
- id: taichung-city-xitun-taiwan-blvd
  kind: road
  parent: taichung-city-xitun
  zh: [臺灣大道]
  en: [Taiwan Boulevard, Taiwan Blvd.]
  source: test fixture
""",
    )
    g = Glossary([path])
    assert g.get("Taiwan Blvd").id == "taichung-city-xitun-taiwan-blvd"  # type: ignore[union-attr]
    assert g.get("台湾大道").id == "taichung-city-xitun-taiwan-blvd"  # type: ignore[union-attr]
    assert g.get("Situn").id == "taichung-city-xitun"  # type: ignore[union-attr]
    with pytest.raises(TermBaseError, match="unknown parent id 'taichung-city-xitun'"):
        Glossary([path], builtin=False).get("Situn")


@pytest.mark.parametrize("xdg", ["", "/tmp/xdg-cache"])
def test_default_cache_dir_agrees_with_platformdirs(
    monkeypatch: pytest.MonkeyPatch, xdg: str
) -> None:
    """The Linux shortcut gives the directory platformdirs would."""
    from platformdirs import user_cache_dir

    from glossary._glossary import CACHE_ENV, default_cache_dir

    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert default_cache_dir() == Path(user_cache_dir("glossary", appauthor=False))


def test_cache_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """GLOSSARY_CACHE_DIR names the cache directory; empty means no cache at all."""
    from glossary._glossary import CACHE_ENV, default_cache_dir

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert default_cache_dir() == tmp_path
    monkeypatch.setenv(CACHE_ENV, "")
    assert default_cache_dir() is None


def test_spellings_nobody_typed_in(tmp_path: Path) -> None:
    """Entries with only their Hanyu English are found by Gwoyeu, Wade-Giles and mixed spellings."""
    path = tmp_path / "people.yaml"
    path.write_text(
        """\
- id: person-ma
  kind: person
  zh: [馬英九]
  en: [Ma Yingjiu]
  source: test fixture
- id: person-wang
  kind: person
  zh: [王金平]
  en: [Wang Jinping]
  source: test fixture
""",
        encoding="utf-8",
    )
    g = Glossary([path], builtin=False, cache_dir=None)
    cases = {
        "Wang Jin-pyng": ("person-wang", "gwoyeu"),
        "Wang Chin-p'ing": ("person-wang", "wade-giles"),
        "Ma Ying-chiu": ("person-ma", "wade-giles"),
        "Ma Ying-jeou": ("person-ma", None),  # mixed: no one system spells it
    }
    for query, (ident, system) in cases.items():
        [hit] = g.lookup(query)
        assert (hit.entry.id, hit.match, hit.system and hit.system.value) == (
            ident,
            MatchKind.PINYIN,
            system,
        ), query
