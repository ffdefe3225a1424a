"""Issue 25 §1 and §4: a household is a door number within its grid, and files as Excel leaves
them (phones saved as numbers, slash dates) are read or refused, never silently misread."""
import csv
import json

import duckdb

from conftest import APPEAL_HEADER, RESIDENT_PHONE, appeal_row, policy_text, survey, write_csv

DOORS = ("1栋1单元601", "1栋1单元602", "2栋1单元101")


def _rows(path):
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _door_month():
    """The same three door texts in both grids; G1's first door also answered earlier (older)."""
    rows = [survey(f"{g}-{i}", g, door, ("4",) * 5, f"2026-09-1{i} 10:00:00")
            for g in ("G1", "G2") for i, door in enumerate(DOORS)]
    return rows + [survey("G1-old", "G1", DOORS[0], ("1",) * 5, "2026-09-02 08:00:00")]


def test_the_same_door_texts_in_every_grid_are_all_counted(run_cli, make_inbox, make_policy, tmp_path):
    same_time = survey("G2-again", "G2", DOORS[1], ("2",) * 5, "2026-09-11 10:00:00")    # G2-1's home, same time
    paper = survey("G1-paper", "G1", DOORS[2], ("1",) * 5, "2026-09-12")     # G1-2's home, that day, no hour
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": _door_month() + [same_time, paper]}),
                        policy=make_policy(min_responses=3))
    assert code == 0, err
    grids = {r["grid_id"]: r["responses"] for r in _rows(tmp_path / "out" / "2026-09" / "grid_scores.csv")}
    assert grids == {"G1": "3", "G2": "3"}
    # the row later in the file counts; the other is said to be no older, for HR to check
    assert ("1 answer set aside as duplicate_household was given at the same time as the household's answer that "
            "counts (the row later in the files counts)") in err
    quarantine = _rows(tmp_path / "out" / "2026-09" / "quarantine.csv")
    # a household answering twice in its own grid still counts once
    assert [(r["response_id"], r["reason_code"]) for r in quarantine] == [
        ("G2-1", "duplicate_household"), ("G1-old", "duplicate_household"), ("G1-paper", "duplicate_household")]
    assert "in the same grid given at the same time" in quarantine[0]["reason"]
    assert "an older answer of the same household in the same grid" in quarantine[1]["reason"]
    # trial 183: a form dated by day beside an answer of that day at a time: no older, said (policy 2027.21)
    assert "dated by day only, on the day the one that counts was given at a time" in quarantine[2]["reason"]
    assert "1 answer set aside as duplicate_household was dated by day only (a paper form)" in err
    assert "which was given later is not known (G1-paper (2栋1单元101, counted: G1-2)); if the form says its time" in err


def test_a_grid_spanning_two_compounds_is_named_in_the_runs_output(run_cli, make_inbox, make_policy, tmp_path):
    inbox = make_inbox({"2026-09.csv": _door_month()})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "天桥新村一网格", "天井湖社区", "20", "锦绣花园；新河小区"), ("G2", "井湖村二网格", "天井湖社区", "10", "井湖村")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    assert code == 0, err
    assert ("天桥新村一网格 (G1) spans 2 compounds in grids.csv (锦绣花园, 新河小区) and the survey files name no "
            "compound: 1 door number answered more than once by such answers cannot be told apart (two homes counted "
            "once, or one home twice): '1栋1单元601' (answers G1-0 naming none, G1-old naming none); check them (quarantine.csv lists the answers set "
            "aside as duplicate_household), "
            "and ask the compound on the form (the policy's survey.questions.compound, with "
            "survey.household_compound = true); where the form asks it in other words (您家所在的胡同: trial 160's), "
            "set survey.questions.compound to a text of that question's header") in err
    assert "(G2) spans" not in err


def test_a_policy_without_household_scope_dedupes_month_wide_as_archived_policies_did(run_cli, make_inbox, tmp_path):
    text = policy_text(min_responses=3)
    assert 'household_scope = "grid"' in text
    policy = tmp_path / "old-policy.toml"
    policy.write_text("\n".join(line for line in text.splitlines()      # as archived: before both keys
                                 if not line.startswith(("household_scope", "same_time_said"))), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": _door_month()}), policy=policy)
    assert code == 0, err
    grids = {r["grid_id"]: r["responses"] for r in _rows(tmp_path / "out" / "2026-09" / "grid_scores.csv")}
    assert grids == {"G1": "0", "G2": "3"}          # same times, G2's rows later in the file: they displace G1's
    assert "no answer this month for 天桥新村一网格 (G1): scored on earlier months where the policy pools" in err
    reasons = {r["reason"] for r in _rows(tmp_path / "out" / "2026-09" / "quarantine.csv")}
    assert reasons == {"excluded: duplicate_household (an older answer; the household's latest answer counts)"}


def test_respondent_phones_excel_saved_as_numbers_stop_the_month_or_are_counted_in_the_runs_output(
        run_cli, make_inbox, make_policy, tmp_path):
    rows = [survey("R1", "G1", "H1", ("5",) * 5, phone="1.39123E+10"),
            survey("R2", "G1", "H2", ("4",) * 5, phone="13912345678.0"),
            survey("R3", "G2", "H3", ("3",) * 5, phone=RESIDENT_PHONE)]
    inbox = make_inbox({"2026-09.csv": rows})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)      # the default policy stops (2027.4)
    assert code == 1 and not (tmp_path / "out" / "2026-09").exists()
    assert err.strip().splitlines()[-1].startswith(
        "gridpay: validation gate failed: 2026-09: 2 phones of the survey files unreadable: surveys/2026-09.csv (rows "
        "2, 3). Excel saved them as numbers (like 1.39E+10, the last digits lost), so a worker rating their own grid "
        "through one would count; nothing published.")
    said = tmp_path / "said.toml"       # a policy before the key: counted with no phone, said
    said.write_text(make_policy().read_text(encoding="utf-8").replace('unreadable_phones = "stop"\n', ""), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=said)
    assert code == 0, err
    # the file and rows HR types again (a trial's worker rated himself through one, unrecognised)
    assert ("2 phones of surveys/2026-09.csv (rows 2, 3) unreadable: Excel saved them as a number (like 1.39E+10); "
            "their answers count") in err
    manifest = json.loads((tmp_path / "out" / "2026-09" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["phones_unreadable"] == 2
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        hashes = dict(con.execute("select response_id, respondent_phone_hash from raw_surveys").fetchall())
    assert hashes["R1"] is None and hashes["R2"] is None and hashes["R3"] is not None
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:      # on the scorecard too
        notices, = con.execute("select run_notices from runs where status = 'published'").fetchone()
    assert "unreadable: Excel saved them as a number" in notices                        # (a trial's HR never saw it)


def test_a_door_number_typed_with_dashes_is_the_same_household(run_cli, make_inbox, make_policy, tmp_path):
    rows = [survey("D1", "G1", "2-1-102", ("1",) * 5, "2026-09-03 10:00:00"),
            survey("D2", "G1", "2栋1单元102", ("4",) * 5, "2026-09-20 10:00:00"),      # the same home, later
            survey("D3", "G1", "3-2-301室", ("4",) * 5, "2026-09-21 10:00:00"),
            survey("D4", "G2", "2-1-102", ("4",) * 5, "2026-09-22 10:00:00")]         # another grid's compound
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": rows}),
                        policy=make_policy(min_responses=1))
    assert code == 0, err
    quarantine = {r["response_id"]: r["reason_code"] for r in _rows(tmp_path / "out" / "2026-09" / "quarantine.csv")}
    assert quarantine == {"D1": "duplicate_household"}


def test_a_volunteers_sheet_is_read_as_they_typed_it(run_cli, make_inbox, tmp_path):
    """A field trial: one home typed 7栋1-101, 七栋一单元101 and 7#1-101 by three volunteers counted
    three times (survey.door_number_variants), and a five-level form's words 比较满意 / 很不满意 were
    invalid (survey.answer_words); now the home's latest answer alone counts, in its words' points."""
    rows = [survey("V1", "G1", "7栋1-101", ("1",) * 5, "2026-09-03 10:00:00"),
            survey("V2", "G1", "七栋一单元101", ("很不满意",) * 5, "2026-09-10 10:00:00"),
            survey("V3", "G1", "7#1-101", ("比较满意",) * 5, "2026-09-20 10:00:00"),
            survey("V4", "G1", "7栋1单元102", ("4分",) * 5, "2026-09-21 10:00:00")]
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": rows}))
    assert code == 0, err
    quarantine = {r["response_id"]: r["reason_code"] for r in _rows(tmp_path / "out" / "2026-09" / "quarantine.csv")}
    assert quarantine == {"V1": "duplicate_household", "V2": "duplicate_household"}
    g1 = next(r for r in _rows(tmp_path / "out" / "2026-09" / "grid_scores.csv") if r["grid_id"] == "G1")
    assert (g1["responses"], float(g1["raw_score"])) == ("2", 75.0), g1


def test_a_sheets_phone_headed_as_volunteers_write_it_finds_a_workers_own_rating(run_cli, make_inbox, tmp_path):
    """A trial's paper sheet headed its phone column 手机号, the policy's alias of workers.csv's phone:
    the column was read as no survey column, a worker's own all-5 form counted and moved two
    workers' pay, exit 0, and `gridpay inspect` showed the number in clear. [survey.aliases] reads
    手机号 on a survey file as the resident's phone."""
    from conftest import SURVEY_HEADER, WORKER_PHONE
    rows = [survey("S1", "G1", "1栋1单元101", ("5",) * 5, phone=WORKER_PHONE),
            *[survey(f"S{i}", "G1", f"1栋1单元10{i}", ("3",) * 5, phone=f"1391234000{i}") for i in range(2, 6)]]
    inbox = make_inbox({})
    header = ["手机号" if h == "respondent_phone" else h for h in SURVEY_HEADER]
    write_csv(inbox / "surveys" / "2026-09.csv", header, rows)
    assert run_cli("inspect", str(inbox / "surveys" / "2026-09.csv"), inbox=inbox)[0] == 0
    assert "手机号 -> respondent_phone" in run_cli.out and WORKER_PHONE not in run_cli.out
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    quarantine = {r["response_id"]: r["reason_code"] for r in _rows(tmp_path / "out" / "2026-09" / "quarantine.csv")}
    assert quarantine == {"S1": "self_rating"}


def test_two_sheets_of_one_month_are_both_read(run_cli, make_inbox, tmp_path):
    """The demo's October: a paper sheet and a platform download, both read by the sheet reader (a
    half-read count of the first file's unreadable phones once stopped the second with DuckDB 2's
    'connection has an unfinished result')."""
    from downloads import write_xlsx
    from conftest import HAND_SURVEYS, SURVEY_HEADER
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09-a.xlsx", list(SURVEY_HEADER), [list(r) for r in HAND_SURVEYS[:4]])
    write_xlsx(inbox / "surveys" / "2026-09-b.xlsx", list(SURVEY_HEADER), [list(r) for r in HAND_SURVEYS[4:]])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert "(2 of them survey files) for 2026-09" in err and ": 8 survey rows" in err


def test_a_download_asking_the_compound_tells_apart_homes_with_one_door_number(run_cli, make_inbox, tmp_path):
    """A 问卷星 download whose form asks 您所在的小区 (the policy's survey.questions.compound): two
    homes with one door number in the grid's two compounds are two voices; the run names only the
    answers that name no compound."""
    from downloads import HEADER, wjx_rows, write_xlsx
    rows = [survey("R1", "G1", DOORS[0], ("5",) * 5), survey("R2", "G1", DOORS[0], ("2",) * 5),
            survey("R3", "G1", DOORS[1], ("4",) * 5), survey("R4", "G1", DOORS[1], ("4",) * 5),
            survey("R5", "G2", DOORS[2], ("3",) * 5)]
    compounds = ["A.锦绣花园", "B.新河小区", "(空)", "锦绣花园", "井湖村"]       # a choice's letter left on or not
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09.xlsx", [*HEADER, "12、您所在的小区"],
               [row + [c] for row, c in zip(wjx_rows(rows), compounds)])
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "天桥新村一网格", "天井湖社区", "20", "锦绣花园；新河小区"), ("G2", "井湖村二网格", "天井湖社区", "10", "井湖村")])
    policy = tmp_path / "compound.toml"
    policy.write_text(policy_text(min_responses=1).replace('# compound = "所在的小区"', 'compound = "所在的小区"'),
                      encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 0, err
    grids = {r["grid_id"]: r["responses"] for r in _rows(tmp_path / "out" / "2026-09" / "grid_scores.csv")}
    # R1 and R2 (one door number, two compounds) both count; R3 names no compound, so it cannot be told
    # from R4's home (锦绣花园, the same door number): both count, and the run says so
    assert grids == {"G1": "4", "G2": "1"}
    assert _rows(tmp_path / "out" / "2026-09" / "quarantine.csv") == []
    assert ("天桥新村一网格 (G1) spans 2 compounds in grids.csv (锦绣花园, 新河小区) and 1 of its answers name no "
            "compound: 1 door number answered more than once by such answers cannot be told apart (two homes counted "
            "once, or one home twice): '1栋1单元602' (answers 3 naming none, 4 in 锦绣花园); check each answer's compound (the paper form, "
            "or a call) and fill it in the sheet HR types") in err
    assert "answers name compounds grids.csv does not list" not in err


def test_inspect_says_when_grids_span_compounds_and_the_file_names_none(run_cli, make_inbox):
    inbox = make_inbox({"2026-09.csv": _door_month()})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "天桥新村一网格", "天井湖社区", "20", "锦绣花园；新河小区"), ("G2", "井湖村二网格", "天井湖社区", "10", "")])
    assert run_cli("inspect", str(inbox / "surveys" / "2026-09.csv"), inbox=inbox)[0] == 0
    assert "compounds: grids.csv gives G1 more than one compound, and no column of this file is read" in run_cli.out
    write_csv(inbox / "surveys" / "2026-09.csv", ("response_id", "grid_id", "household_id", "submitted_at", "小区"),
              [("R1", "G1", "1栋1单元601", "2026-09-10 10:00:00", "锦绣花园")])
    assert run_cli("inspect", str(inbox / "surveys" / "2026-09.csv"), inbox=inbox)[0] == 0
    assert "小区 -> compound" in run_cli.out and "compounds:" not in run_cli.out
    # no item column: shown as read, and the run's stop said (survey.items_required)
    assert "a run stops on this file: has no column for the item sat_environment" in run_cli.out


def test_homes_perhaps_counted_twice_are_listed_on_the_scorecard_hr_signs(run_cli, make_inbox, tmp_path):
    """A twenty-seventh trial: door numbers written two ways were said on the console only; the
    scorecard HR signs said nothing (a home counted twice, signed). Recorded with the run, listed
    there, and the month audits clean."""
    rows = [survey("R1", "G1", "7弄5号301室", ("5",) * 5), survey("R2", "G1", "7-5-301", ("4",) * 5),
            *(survey(f"R{i}", "G1", f"{i}栋1单元101", ("4",) * 5) for i in range(3, 6))]
    inbox = make_inbox({"2026-09.csv": rows})
    code, err = run_cli("run", "--month", "2026-09", "--reports", "hr", inbox=inbox)
    assert code == 0 and "give the same numbers in other words ('7弄5号301' and '7栋5单元301')" in err
    page = (tmp_path / "out" / "2026-09" / "scorecard.html").read_text(encoding="utf-8")
    assert "签字前请核实" in page and "天桥新村一网格（G1）：1 对门牌号数字相同、写法不同：&#39;7弄5号301&#39; / &#39;7栋5单元301&#39;" in page
    assert "other words" not in page        # listed in the scorecard's words, not again as the console's line
    assert run_cli("audit", "--month", "2026-09", inbox=inbox)[0] == 0
    # HR follows the advice: the older answer set aside by an upheld appeal; then nothing is said of it
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "W1", "R2", category="其他", note="同一户")])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "hr", inbox=inbox)
    assert code == 0 and "other words" not in err
    page = (tmp_path / "out" / "2026-09" / "scorecard.html").read_text(encoding="utf-8")
    assert "签字前请核实" not in page
    # the line on replacing the published run is the console's only: on the page it would read stale
    assert "2026-09 is published (run 2026-09-" in err and "it replaces that run" not in page


def test_a_time_saved_as_a_rounded_day_number_at_the_month_s_end_stops_the_month(run_cli, make_inbox, make_policy):
    """Trial 131: 2026-11-30 23:53, saved by WPS as 46357.00, went to December (W02 +9.52, exit 0). Here 46296.00,
    2026-10-01 00:00 give or take 7 minutes, in September's download."""
    rows = _door_month()
    rows[0] = rows[0][:4] + ("46296.00",) + rows[0][5:]
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": rows}),
                        policy=make_policy(min_responses=3))
    assert code == 1 and "2026-09: answer times saved as a spreadsheet's rounded day numbers may be another month's; " \
                         "nothing published. surveys/2026-09.csv row 2: 46296.00. A day number" in err, err
