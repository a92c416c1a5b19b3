"""The shipped datasets (data/) and the category rules: schema, consistency, reproducibility."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from tools import build_noc_index, update_rounds

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
UPSTREAM = DATA / "upstream"  # the project's copies of the upstream files (data/upstream/README.md)
NOC_STRUCTURE = UPSTREAM / "statcan" / "noc_2021_version_1.0_-_classification_structure.csv"
NOC_ELEMENTS = UPSTREAM / "statcan" / "noc_2021_version_1.0_-_elements.csv"


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def schema(name: str) -> dict:
    return json.loads((DATA / "schema" / name).read_text(encoding="utf-8"))


def categories_toml() -> dict:
    raw = tomllib.loads((ROOT / "engine" / "data" / "categories.toml").read_text(encoding="utf-8"))
    # JSON Schema knows no dates: write them as text, as the schema expects.
    return json.loads(json.dumps(raw, default=lambda v: v.isoformat()))


@pytest.mark.parametrize("data, schema_name", [
    ("rounds.json", "rounds.schema.json"),
    ("noc2021.json", "noc2021.schema.json"),
])
def test_dataset_matches_its_schema(data, schema_name):
    jsonschema.Draft202012Validator(schema(schema_name)).validate(load(data))


def test_category_rules_match_their_schema():
    jsonschema.Draft202012Validator(schema("categories.schema.json")).validate(categories_toml())


def test_schemas_reject_broken_records():
    rounds = load("rounds.json")
    rounds["rounds"][0]["invitations"] = "5,000"  # the feed's text form must not survive
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(rounds, schema("rounds.schema.json"))
    cats = categories_toml()
    cats["healthcare"]["rows"][0]["key"] = 31301  # a code as a number loses leading zeros
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(cats, schema("categories.schema.json"))


def test_rounds_are_newest_first_and_pool_adds_up():
    data = load("rounds.json")
    dates = [r["date"] for r in data["rounds"]]
    assert dates == sorted(dates, reverse=True)
    assert data["latest_round_date"] == dates[0]
    pool = data["pool"]
    assert sum(b["count"] for b in pool["bands"]) == pool["total"]
    # The bands tile 0-1200 without gaps or overlaps.
    edges = sorted((b["min"], b["max"]) for b in pool["bands"])
    assert edges[0][0] == 0 and edges[-1][1] == 1200
    assert all(a[1] + 1 == b[0] for a, b in zip(edges, edges[1:]))


def test_known_rounds_read_as_published():
    by_number = {r["number"]: r for r in load("rounds.json")["rounds"]}
    # Values from the rules fact sheet, section 11 (the French name as IRCC's French feed writes it).
    assert by_number["437"].pop("name_fr").startswith("Compétence linguistique en français 2026")
    assert by_number["437"] == {
        "number": "437", "date": "2026-08-19", "type": "french",
        "name": "French-Language proficiency 2026-Version 2", "programs": ["fsw", "cec", "fst"],
        "invitations": 5000, "min_crs": 382, "tie_break": "2026-03-01T18:34:05Z"}
    assert by_number["432"]["tie_break"] == "2026-07-03T21:35:13Z"  # "July 3rd 2026 at ..."
    assert by_number["435"]["type"] == "pnp" and by_number["435"]["min_crs"] == 760
    assert by_number["176"]["invitations"] == 27332 and by_number["176"]["min_crs"] == 75
    assert by_number["208"]["tie_break"] is None
    assert by_number["208"]["tie_break_text"] == "October 7 at 16:38:21 UTC"
    assert {"91a", "91b"} <= set(by_number)


def test_noc_index_spot_checks():
    groups = {g["code"]: g for g in load("noc2021.json")["unit_groups"]}
    assert len(groups) == 516
    assert groups["21231"]["title"] == "Software engineers and designers"
    assert (groups["21231"]["shown"], len(groups["21231"]["examples"])) == (10, 42)
    assert (groups["31301"]["shown"], len(groups["31301"]["examples"])) == (12, 117)
    assert groups["72200"]["title"] == "Electricians (except industrial and power system)"
    assert groups["00010"]["teer"] == 0 and groups["21232"]["teer"] == 1
    assert sum(len(g["examples"]) for g in groups.values()) == 27935
    assert not any("\u00a0" in e for g in groups.values() for e in g["examples"])


def test_every_listed_occupation_is_a_noc_unit_group():
    # The page names a listed occupation by its title in the NOC 2021 dataset.
    titles = {g["code"]: g["title"] for g in load("noc2021.json")["unit_groups"]}
    cats = categories_toml()
    for key, table in cats.items():
        if key == "selection":
            continue
        for row in table["rows"]:
            assert row["key"] in titles, (key, row["key"])
    referenced = {row["occupations"] for row in cats["selection"]["rows"] if "occupations" in row}
    assert referenced == {f"categories.{k}" for k in cats if k != "selection"}


def test_tie_break_parsing_of_the_feed_variants():
    parse = update_rounds.tie_break
    assert parse("July 3rd 2026 at 21:35:13 UTC") == "2026-07-03T21:35:13Z"
    assert parse("May 21, 2026 at  12:14:09 UTC") == "2026-05-21T12:14:09Z"
    assert parse("June 3, 2024 15:11:33 UTC") == "2024-06-03T15:11:33Z"
    assert parse("March 18. 2025 at 10:00:00 UTC") == "2025-03-18T10:00:00Z"
    assert parse("June 22, 2021 at 20:19:59 PM UTC") == "2021-06-22T20:19:59Z"
    assert parse("June 22, 2021 at 08:19:59 PM UTC") == "2021-06-22T20:19:59Z"
    assert parse("September 30, 2023 at 04:22:17 AM UTC") == "2023-09-30T04:22:17Z"
    assert parse("October 7 at 16:38:21 UTC") is None
    assert parse("Smarch 7, 2020 at 16:38:21 UTC") is None


def _feed_round(**changes) -> dict:
    raw = {"drawNumber": "1", "drawDate": "2026-01-05", "drawName": "Canadian Experience Class",
           "drawText2": "Canadian Experience Class", "drawSize": "1,000", "drawCRS": "500",
           "drawCutOff": "", "drawDistributionAsOn": "January 4, 2026",
           **{f"dd{i}": "0" for i in range(1, 19)}}
    raw["dd1"] = raw["dd18"] = "10"
    return {**raw, **changes}


@pytest.mark.parametrize("changes, message", [
    ({"drawText2": "Some new program"}, "no known program"),
    ({"drawSize": "1.000"}, "drawSize"),
    ({"dd18": "11"}, "dd18"),
    ({"dd3": "5"}, "dd3"),
    ({"drawCutOff": "January 9, 2026 at 10:00:00 UTC"}, "after the round"),
])
def test_update_rounds_stops_on_what_it_does_not_understand(changes, message):
    with pytest.raises(update_rounds.FeedError, match=message):
        update_rounds.convert({"rounds": [_feed_round(**changes)]})


def test_update_rounds_command_writes_a_file_and_reports_errors(tmp_path, capsys):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"rounds": [_feed_round()]}), encoding="utf-8")
    out = tmp_path / "rounds.json"
    assert update_rounds.main(["--feed", str(feed), "--secondary", "none", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["rounds"][0]["invitations"] == 1000
    feed.write_text(json.dumps({"rounds": [_feed_round(drawCRS="n/a")]}), encoding="utf-8")
    assert update_rounds.main(["--feed", str(feed), "--secondary", "none", "--out", str(out)]) == 2
    assert "error: round 1 drawCRS" in capsys.readouterr().err


def test_update_rounds_reproduces_the_committed_file(tmp_path):
    out = tmp_path / "rounds.json"
    assert update_rounds.main(["--out", str(out)]) == 0  # from data/upstream/
    assert out.read_bytes() == (DATA / "rounds.json").read_bytes()


def test_build_noc_index_reproduces_the_committed_file(tmp_path):
    out = tmp_path / "noc2021.json"
    assert build_noc_index.main([str(NOC_STRUCTURE), str(NOC_ELEMENTS), "--out", str(out)]) == 0
    assert out.read_bytes() == (DATA / "noc2021.json").read_bytes()


def test_build_noc_index_reproduces_the_committed_french_file(tmp_path):
    out = tmp_path / "noc2021.fr.json"
    assert build_noc_index.main(["--lang", "fr", str(UPSTREAM / "statcan" / "cnp_2021_fr_unit_groups.json"),
                                 "--out", str(out)]) == 0
    assert out.read_bytes() == (DATA / "noc2021.fr.json").read_bytes()
    french = load("noc2021.fr.json")
    assert french["publisher"] == "Statistique Canada" and french["licence_url"].startswith("https://ouvert.canada.ca/fr/")
    english = load("noc2021.json")["unit_groups"]
    for en, fr in zip(english, french["unit_groups"]):
        assert (fr["code"], fr["teer"]) == (en["code"], en["teer"])
        assert 1 <= fr["shown"] <= 8 and len(set(fr["examples"])) == len(fr["examples"])
    cooks = next(g for g in french["unit_groups"] if g["code"] == "63200")
    assert "Cuisinier/cuisinière" in cooks["examples"][:cooks["shown"]]


def test_build_noc_index_refuses_french_groups_that_are_not_noc_2021(tmp_path):
    import json

    source = json.loads((UPSTREAM / "statcan" / "cnp_2021_fr_unit_groups.json").read_text(encoding="utf-8"))
    del source["unit_groups"]["63200"]
    bad = tmp_path / "cnp.json"
    bad.write_text(json.dumps(source), encoding="utf-8")
    with pytest.raises(build_noc_index.NocError, match="63200"):
        build_noc_index.build_french(load("noc2021.json"), bad)


def test_build_noc_index_rejects_a_file_without_the_columns(tmp_path):
    bad = tmp_path / "structure.csv"
    bad.write_text("\ufeffLevel,Code\r\n5,21232\r\n", encoding="utf-8")
    with pytest.raises(build_noc_index.NocError, match="missing column"):
        build_noc_index.build(bad, bad)
