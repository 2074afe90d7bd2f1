"""The fields added for the built-in term base's layers: kinds, roles, prominence, packs,
and the foreign-place kind's place in exports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from glossary import Entry, Glossary, GlossaryError, Kind, Role, TermBase, _sources, validate
from glossary.formats import export, read
from glossary.formats.yaml_merge import merge_into

from .conftest import FIXTURES, ROAD

Write = Callable[[str, str], Path]

PEOPLE = FIXTURES / "termbase" / "people_roles.yaml"
#: A road without its parent, so that a file holding it stands alone.
ROAD = ROAD.replace("  parent: taichung-city-xitun\n", "")

PERSON = """\
- id: lai-ching-te
  kind: person
  zh: [賴清德]
  en: [Lai Ching-te]
  roles:
    - title: President
      zh: 總統
      since: 2024-05-20
  source: test fixture
"""


def errors_of(path: Path) -> list[str]:
    return [str(i) for i in validate([path], builtin=False).errors]


@pytest.fixture(scope="module")
def people() -> Glossary:
    return Glossary([PEOPLE], builtin=False, cache_dir=None)


# -- reading -----------------------------------------------------------------------------------


def test_roles_and_prominence_are_read() -> None:
    """A person's roles come out as Role objects in file order, with their dates and org."""
    termbase = TermBase.load([PEOPLE], builtin=False)
    lai = termbase["lai-ching-te"]
    assert lai.roles == (
        Role("President", "2024-05-20", zh="總統", org="office-of-the-president"),
        Role("Vice President", "2020-05-20", zh="副總統", until="2024-05-20"),
    )
    assert [r.current for r in lai.roles] == [True, False]
    assert lai.prominence == 95
    assert termbase["office-of-the-president"].roles == ()
    assert termbase["heping-district-tianjin"].kind is Kind.FOREIGN_PLACE


def test_prominence_defaults_to_zero(write: Write) -> None:
    """An entry without prominence has 0."""
    termbase = TermBase.load([write("r.yaml", ROAD)], builtin=False)
    assert termbase["taichung-city-xitun-road"].prominence == 0


@pytest.mark.parametrize(
    "kind",
    [
        "station",
        "law",
        "ethnic-group",
        "foreign-place",
        "mountain",
        "river",
        "lake",
        "park",
        "temple",
        "airport",
        "port",
        "school",
        "hospital",
    ],
)
def test_new_kinds_are_accepted(write: Write, kind: str) -> None:
    """Every kind of the agreed schema loads."""
    path = write("k.yaml", ROAD.replace("kind: road", f"kind: {kind}"))
    assert errors_of(path) == []
    assert TermBase.load([path], builtin=False)["taichung-city-xitun-road"].kind == kind


def _role(extra: str) -> str:
    return PERSON.replace("      since: 2024-05-20\n", extra)


@pytest.mark.parametrize(
    ("text", "fieldname", "needle"),
    [
        (ROAD + "  prominence: 101\n", "prominence", "101 is out of range: use 0 to 100"),
        (ROAD + "  prominence: -3\n", "prominence", "expected a whole number from 0 to 100"),
        (ROAD + "  prominence: high\n", "prominence", "expected a whole number"),
        (ROAD + "  prominence: '50'\n", "prominence", "expected a whole number"),
        (ROAD + "  since: 1987-13\n", "since", "'1987-13' has no month 13"),
        (ROAD + "  since: 2023-02-29\n", "since", "'2023-02-29' is not a real date"),
        (ROAD + "  since: 2024\n  until: 2020-05\n", "until", "'2020-05' is before since"),
        (_role("      since: 2024-05-32\n"), "roles[0].since", "is not a real date"),
        (_role("      since: 2024-00\n"), "roles[0].since", "has no month 0"),
        (_role(""), "roles[0].since", "missing required field"),
        (
            PERSON.replace("    - title: President\n      zh: 總統\n", "    - zh: 總統\n"),
            "roles[0].title",
            "missing required field",
        ),
        (
            _role("      since: 2024-05-20\n      until: 2020-05-20\n"),
            "roles[0].until",
            "'2020-05-20' is before since ('2024-05-20')",
        ),
        (_role("      since: 2024-05-20\n      term: 4\n"), "roles[0].term", "unknown field"),
        (
            _role("      since: 2024-05-20\n      org: Presidential Office\n"),
            "roles[0].org",
            "not an entry id",
        ),
        (
            _role("      since: 2024-05-20\n      org: office-of-the-president\n"),
            "roles[0].org",
            "unknown entry id 'office-of-the-president'",
        ),
        (PERSON.replace("zh: 總統", "zh: President"), "roles[0].zh", "non-CJK text"),
        (PERSON.replace("title: President", "title: 總統"), "roles[0].title", "CJK characters"),
        (PERSON.replace("kind: person", "kind: agency"), "roles", "person entries only"),
        (
            PERSON.replace(
                "    - title: President\n      zh: 總統\n      since: 2024-05-20\n", "    - 總統\n"
            ),
            "roles[0]",
            "each role is a mapping",
        ),
        (
            PERSON.replace(
                "\n    - title: President\n      zh: 總統\n      since: 2024-05-20", " []"
            ),
            "roles",
            "non-empty list of roles",
        ),
    ],
    ids=[
        "prominence-too-high",
        "prominence-negative",
        "prominence-word",
        "prominence-quoted",
        "month-13",
        "no-feb-29",
        "until-before-since",
        "role-day-32",
        "role-month-0",
        "role-no-since",
        "role-no-title",
        "role-until-before-since",
        "role-unknown-field",
        "role-org-not-an-id",
        "role-org-unknown",
        "role-zh-latin",
        "role-title-cjk",
        "roles-on-an-agency",
        "role-not-a-mapping",
        "roles-empty",
    ],
)
def test_each_mistake_is_located(write: Write, text: str, fieldname: str, needle: str) -> None:
    """Each mistake in the new fields gives one located error naming its field."""
    path = write("t.yaml", text)
    messages = errors_of(path)
    assert len(messages) == 1, messages
    [message] = messages
    assert needle in message
    assert message.startswith(f"{path}:")
    assert f": {fieldname}: " in message


def test_org_error_points_at_the_org_line(write: Write) -> None:
    """An unknown org is reported at the line of its org field."""
    text = _role("      since: 2024-05-20\n      org: nowhere\n")
    path = write("t.yaml", text)
    [issue] = validate([path], builtin=False).errors
    assert text.splitlines()[issue.line - 1].strip() == "org: nowhere"


def test_org_may_live_in_another_file(write: Write, tmp_path: Path) -> None:
    """A role's org may be an entry of another file or layer."""
    person = write(
        "people/a.yaml", _role("      since: 2024-05-20\n      org: taichung-city-xitun-road\n")
    )
    road = write("r.yaml", ROAD)
    assert [str(i) for i in validate([road, person.parent], builtin=False).errors] == []


def test_partial_dates_are_in_order_as_far_as_both_go(write: Write) -> None:
    """since 2020-05-20 and until 2020 do not contradict each other."""
    path = write("t.yaml", ROAD + "  since: 2020-05-20\n  until: 2020\n")
    assert errors_of(path) == []


# -- the model and the index -------------------------------------------------------------------


def test_to_dict_round_trips(people: Glossary) -> None:
    """Entry.to_dict and from_dict carry roles and prominence, leaving defaults out."""
    lai = people["lai-ching-te"]
    data = lai.to_dict()
    assert data["roles"][1] == {
        "title": "Vice President",
        "zh": "副總統",
        "since": "2020-05-20",
        "until": "2024-05-20",
    }
    assert data["prominence"] == 95
    assert Entry.from_dict(json.loads(json.dumps(data))) == lai
    assert "roles" not in people["office-of-the-president"].to_dict()


def test_index_carries_the_new_fields(tmp_path: Path) -> None:
    """An entry read back from a cached index has its roles and prominence."""
    built = Glossary([PEOPLE], builtin=False, cache_dir=tmp_path)
    expected = built["lai-ching-te"]
    fresh = Glossary([PEOPLE], builtin=False, cache_dir=tmp_path)
    assert not fresh.index_info.built or fresh.index_info.path is None
    assert fresh.get("William Lai") == expected
    assert expected.roles[0].org == "office-of-the-president"


# -- exports and imports -----------------------------------------------------------------------


def test_foreign_places_are_left_out_of_exports(people: Glossary) -> None:
    """foreign-place entries go out only when asked for."""
    text, _ = export(people, "deepl")
    assert "和平區" in text  # Taichung's
    assert text.count("和平區") == 1
    assert "heping-district-tianjin" not in export(people, "json")[0]
    assert "heping-district-tianjin" in export(people, "json", foreign=True)[0]
    only, _ = export(people, "json", kinds=["foreign-place"])
    assert [e["id"] for e in json.loads(only)["entries"]] == ["heping-district-tianjin"]


def test_json_export_round_trips_roles(people: Glossary) -> None:
    """The JSON format keeps roles and prominence."""
    text, _ = export(people, "json")
    [lai] = [e for e in read(text, "json").entries if e.id == "lai-ching-te"]
    assert lai == people["lai-ching-te"]


@pytest.mark.parametrize("name", ["tbx", "tbx3"])
def test_tbx_carries_roles_as_notes(people: Glossary, name: str) -> None:
    """TBX has no field for a role: each goes out as a note and is read back as a role."""
    text, _ = export(people, name)
    assert "<note>Role: President (總統), since 2024-05-20</note>" in text
    assert "<note>Role: Vice President (副總統), since 2020-05-20, until 2024-05-20</note>" in text
    [lai] = [e for e in read(text, name).entries if e.id == "lai-ching-te"]
    # the org is not carried (TBX would need a cross-reference per role)
    assert lai.roles == tuple(
        Role(r.title, r.since, zh=r.zh, until=r.until) for r in people["lai-ching-te"].roles
    )
    assert lai.note == ""


def test_tbx_with_roles_is_valid_tbx_basic(people: Glossary) -> None:
    """The notes keep the export valid by the official schemas."""
    from tests.tbx_official import dtd_errors, relaxng_errors, schematron_errors, shared_tbx

    shared_tbx()
    v2, _ = export(people, "tbx")
    assert dtd_errors(v2, "v2/TBXBasiccoreStructV02.dtd") == []
    v3, _ = export(people, "tbx3")
    assert relaxng_errors(v3) == []
    assert schematron_errors(v3) == []


def test_yaml_writer_round_trips_roles(people: Glossary, tmp_path: Path) -> None:
    """An entry with roles written into a YAML file reads back the same."""
    lai = people["lai-ching-te"]
    office = people["office-of-the-president"]
    path = tmp_path / "out.yaml"
    path.write_text(merge_into(None, [lai, office]), encoding="utf-8")
    again = TermBase.load([path], builtin=False)
    assert again["lai-ching-te"] == lai
    assert again["office-of-the-president"] == office


def test_yaml_writer_fills_roles_into_an_entry_without(people: Glossary, tmp_path: Path) -> None:
    """Merging a person with roles into a file where they have none adds the roles."""
    lai = people["lai-ching-te"]
    bare = PERSON.split("  roles:")[0] + "  source: test fixture\n"
    path = tmp_path / "p.yaml"
    office_yaml = (
        "- id: office-of-the-president\n  kind: agency\n  prominence: 90\n  zh: [總統府]\n"
        "  en: [Office of the President]\n  source: test fixture\n"
    )
    path.write_text(bare + "\n" + office_yaml, encoding="utf-8")
    path.write_text(merge_into(path.read_text(encoding="utf-8"), [lai]), encoding="utf-8")
    assert TermBase.load([path], builtin=False)["lai-ching-te"].roles == lai.roles


# -- packs -------------------------------------------------------------------------------------


@pytest.fixture
def builtin_with_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built-in term base of one road's district, with a pack holding the road."""
    root = tmp_path / "terms"
    (root / "packs").mkdir(parents=True)
    (root / "base.yaml").write_text(
        "- id: taichung-city-xitun\n  kind: district\n  zh: [西屯區]\n  en: [Xitun District]\n"
        "  source: test fixture\n",
        encoding="utf-8",
    )
    (root / "packs" / "roads.yaml").write_text(ROAD, encoding="utf-8")
    monkeypatch.setattr(_sources, "builtin_dir", lambda: root)
    return root


def test_packs_are_not_loaded_by_default(builtin_with_pack: Path) -> None:
    """terms/packs/ is left out of the built-in term base unless a pack is named."""
    plain = Glossary(cache_dir=None)
    assert [e.id for e in plain] == ["taichung-city-xitun"]
    assert plain.get("Xitun Rd.") is None
    roads = Glossary(packs=("roads",), cache_dir=None)
    assert sorted(e.id for e in roads) == ["taichung-city-xitun", "taichung-city-xitun-road"]
    assert roads.get("西屯路").id == "taichung-city-xitun-road"  # type: ignore[union-attr]
    assert _sources.available_packs() == ["roads"]
    assert validate(packs=["roads"]).entries == 2
    assert len(TermBase.load(packs=["roads"])) == 2


def test_a_pack_belongs_to_the_builtin_layer(builtin_with_pack: Path) -> None:
    """A pack's ids may not repeat a built-in id (they are one layer)."""
    (builtin_with_pack / "packs" / "roads.yaml").write_text(
        ROAD.replace("taichung-city-xitun-road", "taichung-city-xitun"), encoding="utf-8"
    )
    [message] = [str(i) for i in validate(packs=["roads"]).errors]
    assert "duplicate id 'taichung-city-xitun'" in message


def test_unknown_pack_is_one_clear_error(builtin_with_pack: Path) -> None:
    """Naming a pack that does not exist fails at once, listing the packs there are."""
    with pytest.raises(GlossaryError, match=r"unknown pack 'rods'; the packs are: roads"):
        Glossary(packs=("rods",))


def test_glossary_with_packs_pickles(builtin_with_pack: Path) -> None:
    """The packs are part of a Glossary's configuration and survive pickling."""
    import pickle

    roads = Glossary(packs=("roads",), cache_dir=None)
    again = pickle.loads(pickle.dumps(roads))
    assert again.packs == ("roads",)
    assert "taichung-city-xitun-road" in {e.id for e in again}
    assert repr(roads) == "Glossary(<builtin>, <pack roads>)"
