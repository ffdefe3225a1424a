"""Issue 27, what gridpay writes out of hostile input: community names that clean alike or are too
long for a file name, the run history of a failed run, survey files named alike in two folders,
phone numbers typed into identifiers, and an audit under another phone-hash key."""
import csv
import dataclasses
import json

import duckdb
import pytest

from conftest import HAND_SURVEYS, SURVEY_HEADER, survey, write_csv
from gridpay.publishing.communities import community_parts
from gridpay.publishing.notice import notice_pages
from gridpay.transforms.policy import policy_from_toml
from conftest import policy_text

ALIKE = ("东区/一", "东区_一", "东区?一")
LONG = "天井湖" * 66 + "社区"          # 200 characters, 600 bytes in UTF-8


def _grid(gid: str, community: str) -> dict:
    return {"grid_id": gid, "grid_name": f"{gid}网格", "community": community, "area": community, "households": 10,
            "responses": 3, "adjusted_score": "80.00", "response_rate_pct": "30.0%", "flags": ""}


def _rows(path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_communities_that_clean_alike_get_a_file_and_a_roll_up_line_each():
    grids = [_grid(f"G{i}", c) for i, c in enumerate(ALIKE, start=1)]
    parts = community_parts(grids, [], {}, [], [], {"G1": 3, "G2": 3, "G3": 3})
    assert len(parts) == 3 and sorted(p["run"]["community"] for p in parts.values()) == sorted(ALIKE)
    from gridpay.publishing.file_names import community_file_names
    assert all(p["run"]["grid_count"] == 1 and p["run"]["file"] == name for name, p in parts.items())
    names = community_file_names(ALIKE)
    assert names["东区_一"] == "东区_一"                       # a name that is a file name already keeps it
    assert len(set(names.values())) == 3 and names == community_file_names(reversed(ALIKE))   # stable
    pages = notice_pages(grids, [], {"month": "2026-09", "policy_version": "2026.2", "empty_month": False}, "zh")
    assert set(pages) == set(names.values())


def test_a_long_community_name_gets_a_short_file_name_and_the_notice_shows_it_whole():
    grids = [_grid("G1", LONG), _grid("G2", LONG + "东"), _grid("G3", "井湖社区")]
    pages = notice_pages(grids, [], {"month": "2026-09", "policy_version": "2026.2", "empty_month": False}, "zh")
    assert max(len(f"{name}.html".encode("utf-8")) for name in pages) <= 255 and len(pages) == 3
    from gridpay.publishing.file_names import MAX_STEM_BYTES, community_file_names
    names = community_file_names(g["community"] for g in grids)
    assert all(len(n.encode("utf-8")) <= MAX_STEM_BYTES for n in names.values()) and len(set(names.values())) == 3
    assert LONG in pages[names[LONG]] and names["井湖社区"] == "井湖社区"


def test_a_district_of_such_names_renders_every_community(run_cli, make_inbox, tmp_path):
    inbox = make_inbox()
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "天桥新村一网格", ALIKE[0], "20"), ("G2", "井湖村二网格", ALIKE[1], "10"),
               ("G3", "三网格", LONG, "10")])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "hr", inbox=inbox)
    assert code == 0, err
    from gridpay.publishing.file_names import community_file_names
    month = tmp_path / "out" / "2026-09"
    names = community_file_names((*ALIKE[:2], LONG))
    expected = {f"{n}.{ext}" for n in names.values() for ext in ("html", "pdf")}
    assert {p.name for p in (month / "notice").iterdir()} == expected
    assert {p.name for p in (month / "scorecards").iterdir()} == expected
    roll_up = (month / "scorecard.html").read_text(encoding="utf-8")
    assert all(f'href="scorecards/{n}.html"' in roll_up for n in names.values()) and LONG in roll_up


def test_history_names_a_log_that_was_written_and_keeps_one_line_a_run(run_cli, make_inbox, tmp_path):
    inbox = make_inbox()
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community"), [("G1", "一网格", "天井湖社区")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 2 and "households" in err
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", "--reason", "补录\n第二行\r\n第三行", inbox=inbox)[0] == 0
    assert run_cli("history", "--month", "2026-09", inbox=inbox)[0] == 0
    lines = run_cli.out.splitlines()
    log = lines[1].split("log: ", 1)[1]
    assert "households" in open(log, encoding="utf-8").read()       # the failed run's log, as named
    assert len(lines) == 3 and all(line.startswith("2026-") for line in lines[1:])
    assert "补录⏎第二行⏎第三行" in lines[2]


def _two_files_named_alike(make_inbox):
    bad = survey("B1", "G9", "G1-9-101", ("5", "5", "5", "5", "5"))           # grid G9 is not in grids.csv
    more = [survey(f"B{i}", "G1", f"G1-3-10{i}", ("4", "4", "3", "4", "4")) for i in range(2, 8)]
    inbox = make_inbox(surveys={"2026-09.csv": HAND_SURVEYS, "2026-09/2026-09.csv": [bad, *more]})
    return inbox


def test_survey_files_named_alike_are_told_apart_by_their_inbox_path(run_cli, make_inbox, tmp_path):
    inbox = _two_files_named_alike(make_inbox)
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    files = {(r["source_file"], r["response_id"]) for r in _rows(tmp_path / "out" / "2026-09" / "quarantine.csv")}
    assert ("surveys/2026-09/2026-09.csv", "B1") in files and ("surveys/2026-09.csv", "R8") in files
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    assert code == 0, run_cli.out + err


def test_a_month_published_before_inbox_paths_audits_by_the_bare_names(run_cli, make_inbox, tmp_path):
    import gridpay.flows.commands as commands
    made = commands._run_request
    inbox = _two_files_named_alike(make_inbox)
    with pytest.MonkeyPatch.context() as patch:          # a run as the code before output formats made it
        patch.setattr(commands, "_run_request", lambda *a: dataclasses.replace(made(*a), output_format=None))
        assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    files = {r["source_file"] for r in _rows(tmp_path / "out" / "2026-09" / "quarantine.csv")}
    assert files == {"2026-09.csv"}                     # as published then
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    assert code == 0, run_cli.out + err


PHONES = ("13912340005", "13912340007", "13912340009")


def test_phone_numbers_typed_into_identifiers_are_shown_masked_and_a_day_long_duration_is_invalid(
        run_cli, make_inbox, make_policy, tmp_path):
    rows = [*HAND_SURVEYS,
            survey("13912340007", "G2", "手机13912340005", ("1", "1", "1", "1", "1")),   # callback, straight line
            survey("R10", "G2", "G2-2-101", ("4", "4", "4", "4", "4"), duration="13912340009")]
    inbox = make_inbox(surveys={"2026-09.csv": rows})
    flagged = make_policy(integrity__straight_line='"flag"')      # the review list shows the straight line
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=flagged)
    # from output format 23 a typed sheet's id that is a phone stops: trial 162's verify.csv printed three in clear
    assert code == 2 and ("2026-09.csv, row 10, column 'response_id': response id '139****0007' is a phone or ID "
                          "number: forms numbered by the resident's phone?") in err, err
    assert not [p for p in PHONES if p in err]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, [("R9", *rows[-2][1:]) if r is rows[-2] else r
                                                                   for r in rows])
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=flagged)[0] == 0
    month = tmp_path / "out" / "2026-09"
    callbacks, review, quarantine = (_rows(month / f) for f in ("callbacks.csv", "review.csv", "quarantine.csv"))
    # from output format 22 the door is stored masked, told apart by its keyed hash (trial 157): shown so too
    assert any(c["household_id"].startswith("手机139****0005#") for c in callbacks)
    long = next(q for q in quarantine if q["response_id"] == "R10")
    assert long["reason"] == "invalid: duration_s '139****0009' is over 86400 seconds"
    assert long["reason_code"] == "long_duration"
    for name in ("callbacks.csv", "review.csv", "quarantine.csv"):
        assert not [p for p in PHONES if p in (month / name).read_text(encoding="utf-8-sig")], name
    # the scorecard's lists are these rows (publishing/report_data.py)
    from gridpay.publishing import report_data
    from gridpay.store.warehouse import connect
    with connect(tmp_path / "warehouse.duckdb") as con:
        run_id = con.execute("select run_id from published").fetchone()[0]
        shown = report_data.review_list(con, run_id) + report_data.callback_rows(con, run_id, "sat_overall", 2)
        stored = con.execute("select household_id from raw_surveys where response_id = 'R9'").fetchone()
    assert not [p for p in PHONES if p in json.dumps(shown, ensure_ascii=False, default=str)]
    assert stored[0].startswith("手机139****0005#") and "13912340005" not in stored[0]    # one household per number


def test_a_policy_without_the_duration_limit_has_none():
    old = policy_text().replace("max_duration_s = 86400\n", "")
    assert policy_from_toml(old).max_duration_s is None and policy_from_toml(policy_text()).max_duration_s == 86400


def test_an_audit_with_another_phone_hash_key_or_out_folder_stops_unrecorded(run_cli, published_copy, tmp_path,
                                                                             monkeypatch):
    inbox, _ = published_copy("none")
    manifest = (tmp_path / "out" / "2026-09" / "manifest.json").read_text(encoding="utf-8")
    recorded = json.loads(manifest)["phone_key_fingerprint"]
    assert len(recorded) == 16 and "test-secret-not-for-production" not in manifest
    monkeypatch.setenv("GRIDPAY_SECRET", "a-replaced-key")
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    # the auditor's key, not the month: exit 2, and no failed audit kept against the month (trial 62)
    assert code == 2 and "GRIDPAY_SECRET: the phone-hash key is not the one the run hashed phone numbers with" in err
    assert "so the month is not audited" in err
    monkeypatch.setenv("GRIDPAY_SECRET", "test-secret-not-for-production")
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox, out=tmp_path / "elsewhere")     # a stray --out
    assert code == 2 and f"{tmp_path / 'elsewhere' / '2026-09'}: no month published there (no manifest.json)" in err
    # ... and where the out folder beside the warehouse holds it, named (trial 299's auditor had to guess it)
    assert err.rstrip().endswith(f"It is at {tmp_path / 'out' / '2026-09'}: --out {tmp_path / 'out'}"), err
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:
        assert con.execute("select count(*) from audits").fetchone() == (0,)
    monkeypatch.setenv("GRIDPAY_SECRET", "a-replaced-key")
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:       # a run recorded before fingerprints
        con.execute("update runs set phone_key_fingerprint = null")
    code, _ = run_cli("audit", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "the phone-hash key (GRIDPAY_SECRET) cannot be checked" in run_cli.out
