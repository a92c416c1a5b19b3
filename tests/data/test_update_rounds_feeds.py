"""tools/update_rounds.py against feeds served from 127.0.0.1, as the scheduled build reads
IRCC's: a good feed updates the data (and keeps the feeds), a malformed, empty or partial one is
refused with the reason and the last good data stays as it was, a new kind of round is kept."""
from __future__ import annotations

import json

import pytest

from tests.data.snapshot import snapshot_rounds
from tests.harness.server import serve
from tools import update_rounds


def feed_round(number: int, date: str, name: str = "Canadian Experience Class", **changes) -> dict:
    raw = {"drawNumber": str(number), "drawDate": date, "drawName": name,
           "drawText2": "Canadian Experience Class", "drawSize": "1,500", "drawCRS": str(500 + number),
           "drawCutOff": "", "drawDistributionAsOn": "January 4, 2026",
           **{f"dd{i}": "0" for i in range(1, 19)}}
    raw["dd1"] = raw["dd18"] = "10"
    return {**raw, **changes}


ROUNDS = [feed_round(3, "2026-01-20"), feed_round(2, "2026-01-12", "Provincial Nominee Program",
          drawText2="Provincial Nominee Program"), feed_round(1, "2026-01-05")]
FRENCH = {"rounds": [{"drawNumber": "3", "drawName": "Catégorie de l’expérience canadienne"},
                     {"drawNumber": "2", "drawName": "Programme des candidats des provinces"},
                     {"drawNumber": "1", "drawName": "Catégorie de l’expérience canadienne"}]}


@pytest.fixture
def feeds(tmp_path):
    """Write feed files into a folder served on 127.0.0.1; returns (write, url)."""
    folder = tmp_path / "served"
    folder.mkdir()
    server = serve(folder)

    def write(name: str, content) -> str:
        text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
        (folder / name).write_text(text, encoding="utf-8")
        return server.url + name

    yield write
    server.close()


def run(tmp_path, en: str, fr: str | None = None) -> int:
    args = ["--feed", en, "--secondary", "none", "--out", str(tmp_path / "rounds.json"),
            "--save-feeds", str(tmp_path / "kept")]
    return update_rounds.main(args + (["--feed-fr", fr] if fr else []))


@pytest.fixture
def last_good(tmp_path, feeds, capsys):
    assert run(tmp_path, feeds("en.json", {"rounds": ROUNDS}), feeds("fr.json", FRENCH)) == 0
    capsys.readouterr()
    return (tmp_path / "rounds.json").read_bytes()


def test_a_good_feed_updates_the_data_and_keeps_the_feeds(tmp_path, feeds, capsys):
    assert run(tmp_path, feeds("en.json", {"rounds": ROUNDS}), feeds("fr.json", FRENCH)) == 0
    data = json.loads((tmp_path / "rounds.json").read_text())
    assert [r["number"] for r in data["rounds"]] == ["3", "2", "1"]
    assert data["rounds"][1]["name_fr"] == "Programme des candidats des provinces"
    assert data["latest_round_date"] == "2026-01-20" and data["rounds"][0]["min_crs"] == 503
    assert json.loads((tmp_path / "kept" / "ee_rounds_123_en.json").read_text()) == {"rounds": ROUNDS}
    assert (tmp_path / "kept" / "ee_rounds_123_fr.json").exists()
    assert "updated, 3 rounds to 2026-01-20" in capsys.readouterr().out
    # The same feed again: nothing to deploy.
    assert run(tmp_path, feeds("en.json", {"rounds": ROUNDS}), feeds("fr.json", FRENCH)) == 0
    assert "unchanged" in capsys.readouterr().out


@pytest.mark.parametrize("english, french, reason", [
    ('{"rounds": [{"drawNumber": "4",', None, "English feed: not JSON"),
    ({"rounds": [feed_round(4, "2026-02-01", drawCRS="n/a"), *ROUNDS]}, None, "round 4 drawCRS"),
    ({"rounds": [{k: v for k, v in feed_round(4, "2026-02-01").items() if k != "drawSize"}, *ROUNDS]}, None, "round 4: missing drawSize"),
    ({"rounds": []}, None, "English feed: no 'rounds' list, or an empty one"),
    ("", None, "English feed: not JSON"),
    ({"rounds": ROUNDS[:2]}, None, "partial, 1 round(s) it had before are missing (1)"),
    ({"rounds": [feed_round(4, "2026-02-01"), *ROUNDS]}, FRENCH, "French feed: partial, it lacks round(s) 4"),
    ({"rounds": ROUNDS}, {"rounds": []}, "French feed: no 'rounds' list"),
])
def test_a_bad_feed_is_refused_and_the_last_good_data_kept(tmp_path, feeds, capsys, last_good, english, french, reason):
    en = feeds("en.json", english)
    fr = feeds("fr.json", french) if french is not None else None
    assert run(tmp_path, en, fr) == 2
    err = capsys.readouterr().err
    assert reason in err, err
    assert "kept the last good data" in err and "rounds to 2026-01-20" in err
    assert (tmp_path / "rounds.json").read_bytes() == last_good


def test_an_unreachable_feed_is_refused(tmp_path, capsys, last_good):
    assert run(tmp_path, "http://127.0.0.1:9/ee_rounds_123_en.json") == 2
    assert "could not read the feed" in capsys.readouterr().err
    assert (tmp_path / "rounds.json").read_bytes() == last_good


def test_a_new_kind_of_round_is_kept_under_its_feed_name_with_a_warning(tmp_path, feeds, capsys, last_good):
    new = feed_round(4, "2026-02-01", "Astronaut occupations (2026-Version 1)", drawText2="Federal Skilled Worker Program")
    french = {"rounds": [{"drawNumber": "4", "drawName": "Astronautes (2026-version 1)"}, *FRENCH["rounds"]]}
    assert run(tmp_path, feeds("en.json", {"rounds": [new, *ROUNDS]}), feeds("fr.json", french)) == 0
    round_4 = json.loads((tmp_path / "rounds.json").read_text())["rounds"][0]
    assert round_4["type"] == "other" and round_4["name"] == "Astronaut occupations (2026-Version 1)"
    assert round_4["name_fr"] == "Astronautes (2026-version 1)"
    assert "new kind of round 'Astronaut occupations (2026-Version 1)'" in capsys.readouterr().err


def test_the_secondary_copy_fills_in_newer_rounds_marked_as_such():
    data = snapshot_rounds()
    update_rounds.validate(data)
    secondary = [r["number"] for r in data["rounds"] if r.get("source") == "secondary"]
    assert secondary == [str(n) for n in range(447, 437, -1)]
    assert data["latest_round_date"] == "2026-10-01" and data["secondary_copy"]["copied_on"] == "2026-10-01"
    assert data["pool"] == {**data["pool"], "as_of": "2026-09-27", "total": 229904, "source": "secondary"}
    by_number = {r["number"]: r for r in data["rounds"]}
    assert by_number["444"]["type"] == "senior_managers" and by_number["444"]["min_crs"] == 389
    assert by_number["440"]["name_fr"] == "Médecins ayant de l’expérience de travail au Canada 2026-Version 1"
    assert "source" not in by_number["437"]  # from IRCC's feed itself
