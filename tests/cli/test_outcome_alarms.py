"""Never silently wrong: a month whose outcome looks wrong stops or is flagged, not published quietly.
Grid names that grids.csv lacks, exclusion rules that remove much of a grid, answers that collapse
against the month published last, pay that jumps."""
import json
from decimal import Decimal

import duckdb

from conftest import HAND_SURVEYS, SURVEY_HEADER, survey, write_csv
from gridpay.core.policy_file import policy_from_bytes
from gridpay.transforms.month_review import dropped_grids, pay_changed


def _answers(grid: str, count: int, day: int = 10, start: int = 0, household: str | None = None) -> list:
    """`count` ordinary answers for `grid`, each from its own household unless one is given."""
    return [survey(f"{grid}-{day}-{i}", grid, household or f"{grid}-{day}-{i}", ("4", "4", "4", "4", "4"),
                   f"2026-09-{day:02d} {10 + i % 10}:{i % 60:02d}:00") for i in range(start, start + count)]


def test_many_rows_naming_a_grid_that_grids_csv_lacks_stop_the_month(run_cli, make_inbox, tmp_path):
    # the grid's name is misspelt in grids.csv; the residents answered with the right one
    rows = _answers("G1", 15) + _answers("G2", 15) + _answers("天桥新村一网格", 6, day=11)
    inbox = make_inbox({"2026-09.csv": rows})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "天桥新村一网络", "天井湖社区", "20"), ("G2", "井湖村二网格", "天井湖社区", "10")])

    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)

    assert code == 1, err          # 6 of 36 rows invalid (16.7%) passes the 20% gate: the unknown grid stops it
    assert "'天桥新村一网格' on 6 rows; did you mean '天桥新村一网络 (G1)'?" in err
    assert "nothing published" in err and "grids.csv" in err
    assert not (tmp_path / "out" / "2026-09").exists()
    assert (tmp_path / "out" / "2026-09.rejected" / "quarantine.csv").is_file()


def test_a_few_rows_naming_an_unknown_grid_stay_invalid_rows(run_cli, make_inbox, tmp_path):
    rows = _answers("G1", 15) + _answers("G2", 15) + _answers("G9", 4, day=11)
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": rows}))
    assert code == 0, err
    quarantine = (tmp_path / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert quarantine.count("unknown_grid") == 4


def test_an_exclusion_rule_removing_much_of_a_grid_stops_unless_accepted(run_cli, make_inbox, tmp_path):
    # G2: 12 valid answers, 6 of them from one door number -> 5 excluded as older answers (42%)
    rows = _answers("G1", 15) + _answers("G2", 6) + _answers("G2", 6, day=12, household="G2-1-101")
    inbox = make_inbox({"2026-09.csv": rows})

    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)

    assert code == 1, err
    assert "井湖村二网格 (G2): duplicate_household excluded 5 of 12 valid answers (42%)" in err
    assert "--accept-exclusions" in err and not (tmp_path / "out" / "2026-09").exists()
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select status from runs").fetchall() == [("gate_failed",)]
        assert con.execute("select count(*) from payroll").fetchone()[0] == 0     # rolled back

    code, err = run_cli("run", "--month", "2026-09", "--accept-exclusions", inbox=inbox)
    assert code == 0, err
    assert "accepted with --accept-exclusions" in err
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        accepted = con.execute("select accepted_exclusions from runs where status = 'published'").fetchone()[0]
    assert json.loads(accepted) == [{"grid_id": "G2", "grid_name": "井湖村二网格", "rule": "duplicate_household",
                                     "excluded_rows": 5, "valid_rows": 12}]
    # the auditor's re-run accepts what the run accepted, and reproduces it
    assert run_cli("audit", "--month", "2026-09", inbox=inbox)[0] == 0


def test_the_run_says_how_many_answers_counted_and_what_each_rule_excluded(run_cli, make_inbox):
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox())
    assert code == 0, err
    # the hand month: 8 rows, R8 invalid, R4 an older answer of R1's household
    assert "validated 8 survey rows: 1 invalid (12.5%, the gate stops above 20%)" in err
    assert "; counted 6, excluded 1 (duplicate_household 1)" in err
    # W3's phone is blank in workers.csv: her own answers would count, so the run says so
    assert "workers.csv gives no phone for 张喆 (W3): a self-rating of theirs cannot be recognised" in err
    assert "more homes' answers counted than grids.csv gives households" not in err


def test_more_homes_answering_than_a_grid_has_is_said(run_cli, make_inbox):
    """A households count typed 1 for 10 (or one home read as several) would show a response rate over 100%."""
    inbox = make_inbox()
    grids = inbox / "grids.csv"
    grids.write_text(grids.read_text(encoding="utf-8").replace("井湖村二网格,天井湖社区,10", "井湖村二网格,天井湖社区,1"),
                     encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert ("more homes' answers counted than grids.csv gives households for 井湖村二网格 (G2: 3 homes, 1 listed): "
            "check the grid's households in grids.csv") in err


def test_a_worker_in_no_assignment_and_a_grid_nobody_covers_are_named(run_cli, make_inbox, make_policy, tmp_path):
    """A worker whose assignment row HR forgot had no payroll line, and her grid's answers paid
    nobody, exit 0 and not a word (a session's own trial of the example inbox); the 50.00 yuan HR
    approved for her vanished with her line."""
    inbox = make_inbox(assignments=[("W2", "G2", "2026-01-01", "2026-08-31", ""),    # left in August
                                    ("W4", "G1", "2026-01-01", "2026-09-14", "1")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and ("2026-09: adjustments.csv gives 2026-09 money to workers with no assigned day in it, so no "
                          "payroll line would pay it; nothing published. adjustments.csv row 2: 50.00 yuan for 王伟 "
                          "(W1). Give the worker's days in assignments.csv") in err
    assert not (tmp_path / "out" / "2026-09").exists()
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(gate__unpaid_adjustments='"said"'))
    assert code == 0, err
    assert "so no payroll line pays it: adjustments.csv row 2: 50.00 yuan for 王伟 (W1)" in err
    assert ("王伟 (W1), 张喆 (W3) in workers.csv, but in no row of assignments.csv: not paid this month (no payroll "
            "line)") in err                                     # W2 left in August: no word
    assert "no worker is assigned to 井湖村二网格 (G2) on any day of the month: its answers are scored but pay" in err
    assert ("no worker is assigned to 天桥新村一网格 (G1) on 16 days (09-15 to 09-30) of the month: if someone "
            "covered it then, their assignments.csv row is missing") in err          # W4 left on the 14th


def test_answers_that_collapse_and_pay_that_jumps_are_flagged(run_cli, make_inbox, tmp_path):
    august = [survey(f"A{i}", "G1", f"G1-A-{i}", ("5", "5", "5", "5", "5"), "2026-08-10 10:00:00") for i in range(12)]
    august += [survey(f"B{i}", "G2", f"G2-B-{i}", ("3", "3", "3", "3", "3"), "2026-08-10 10:00:00") for i in range(12)]
    inbox = make_inbox({"2026-08.csv": august, "2026-09.csv": HAND_SURVEYS})
    assert run_cli("run", "--month", "2026-08", inbox=inbox)[0] == 0
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err

    grids = (tmp_path / "out" / "2026-09" / "grid_scores.csv").read_text(encoding="utf-8-sig").splitlines()
    g1 = next(line for line in grids if line.startswith("G1,"))
    assert "answers_dropped" in g1 and "天桥新村一网格 (G1): 3 answers counted, 12 in 2026-08, the month published " \
        "last (flagged answers_dropped on the scorecard): if a download or a paper sheet" in err     # trial 110: unsaid
    detail = (tmp_path / "out" / "2026-09" / "payroll_detail.csv").read_text(encoding="utf-8-sig").splitlines()
    assert detail[0].endswith(",flags,previous_month,previous_total_pay")
    w2 = next(line for line in detail if line.startswith("W2,"))
    # August at the floor (640.00); handed over mid-September: half of it, the same pay a day (no move)
    assert w2.endswith(",320.00,floored;prorated,2026-08,640.00")


def test_month_comparisons_are_exact_and_leave_new_workers_alone():
    assert dropped_grids({"G1": 5, "G2": 4}, {"G1": 10, "G2": 9, "G3": 0}, 0.5) == {"G2"}
    assert dropped_grids({}, {"G1": 1}, 0.5) == {"G1"}          # none at all now
    assert pay_changed(Decimal("1300.01"), Decimal("1000.00"), 0.3)
    assert not pay_changed(Decimal("1300.00"), Decimal("1000.00"), 0.3)
    assert not pay_changed(Decimal("500.00"), None, 0.3)        # new this month: nothing to move from
    assert pay_changed(Decimal("0.01"), Decimal("0"), 0.3)
    assert not pay_changed(Decimal("320.00"), Decimal("640.00"), 0.3, (15, 30))       # per assigned day
    assert pay_changed(Decimal("320.00"), Decimal("640.00"), 0.3, (30, 30))


def test_a_policy_from_before_the_alarms_reads_with_them_off(tmp_path):
    from gridpay.core.settings import DEFAULT_POLICY
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    old = "\n".join(line for line in text.splitlines() if not line.startswith(
        ("unknown_grid_rows", "max_excluded_share", "min_excluded_rows", "answers_dropped_below", "pay_change_share")))
    rules = policy_from_bytes(old.encode(), "old.toml").outcome
    assert (rules.unknown_grid_rows, rules.max_excluded_share, rules.compares_months) == (None, None, False)
    current = policy_from_bytes(text.encode(), "default.toml").outcome
    assert (current.unknown_grid_rows, current.max_excluded_share, current.min_excluded_rows) == (5, 0.3, 5)
    assert (current.answers_dropped_below, current.pay_change_share) == (0.5, 0.3)


def test_an_answer_to_zero_weight_items_only_is_excluded_not_a_crash(run_cli, make_inbox, make_policy, tmp_path):
    """A policy may weigh an item 0; a row answering only such items has no score to give."""
    policy = make_policy(sat_overall="0")
    rows = HAND_SURVEYS + [survey("Z1", "G1", "G1-9-901", ("", "", "", "", "5"))]
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": rows}), policy=policy)
    assert code == 0, err
    quarantine = (tmp_path / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert "Z1,excluded: no_items (no item answered that the policy weighs),no_items" in quarantine


def test_two_survey_files_using_the_same_response_ids_stop_the_month(run_cli, make_inbox, make_policy, tmp_path):
    # a platform's download numbers its answers 1..30; the paper forms typed into a second file are numbered 1..3
    online = [survey(str(i + 1), row[1], row[2], row[7:12], row[4])
              for i, row in enumerate(_answers("G1", 15) + _answers("G2", 15))]
    paper = [survey(str(i + 1), "G2", f"纸-{i}", ("3", "3", "3", "3", "3"), "2026-09-20 10:00:00", channel="paper")
             for i in range(3)]
    inbox = make_inbox({"2026-09.csv": online, "2026-09-paper.csv": paper})

    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)

    assert code == 1, err
    assert ("2026-09: two survey files use the same response ids, so an appeal or a call naming one could mean either "
            "answer; nothing published. 'surveys/2026-09-paper.csv' and 'surveys/2026-09.csv' both use 3 response ids "
            "(1, 2, 3). A platform numbers the answers of each download from 1: give each download's ids a prefix "
            "in the policy's [survey.file_id_prefixes]") in err
    assert "the month; the response ids are another file's too (two downloads each numbered from 1?" in err
    assert not (tmp_path / "out" / "2026-09").exists()
    # a policy written before the key quarantines them, as it did (6 of 33 rows invalid: the month publishes)
    old = make_policy(version='"own-1"')
    old.write_text(old.read_text(encoding="utf-8").replace('response_ids_across_files = "stop"\n', ""), encoding="utf-8")
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=old)[0] == 0
    quarantine = (tmp_path / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert quarantine.count("repeated_response_id") == 6
    # a copy of a file under another name repeats every id: it stops too, and is never counted twice
    (inbox / "surveys" / "2026-09-paper.csv").unlink()
    (inbox / "surveys" / "2026-09-copy.csv").write_bytes((inbox / "surveys" / "2026-09.csv").read_bytes())
    code, err = run_cli("run", "--month", "2026-09", "--reason", "补录", inbox=inbox)
    assert code == 1 and ("2026-09: 'surveys/2026-09.csv' is a copy of 'surveys/2026-09-copy.csv' (the same bytes), so "
                          "every answer in it would count twice; nothing published. Take the copy out") in err
    # the same form downloaded on two days (an eighteenth trial's): the later holds the earlier's answers, and
    # prefixing both files' ids, as the message above advises for two forms, would count each answer twice
    (inbox / "surveys" / "2026-09-copy.csv").unlink()
    write_csv(inbox / "surveys" / "2026-09-early.csv", SURVEY_HEADER, online[:20])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "补录", inbox=inbox)
    assert code == 1 and ("each answer is in the month twice; nothing published. 'surveys/2026-09.csv' holds every "
                          "answer of 'surveys/2026-09-early.csv': the same 20 answers (id, time, grid and home)") in err
    assert "or date says): keep 'surveys/2026-09.csv', take 'surveys/2026-09-early.csv' out, and run again" in err


def test_a_few_rows_mistyping_a_grid_name_stop_the_month_and_an_alias_maps_them(run_cli, make_inbox, make_policy,
                                                                              tmp_path):
    # 4 residents picked a misspelt option of the form: fewer than gate.unknown_grid_rows (5), yet G1 loses them
    rows = _answers("G1", 15) + _answers("G2", 15) + _answers("天桥新村1网格", 4, day=11)
    inbox = make_inbox({"2026-09.csv": rows})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1, err
    assert ("'天桥新村1网格' on 4 rows; did you mean '天桥新村一网格 (G1)'?: grids.csv (" in err
            and "has no such grid. If '天桥新村1网格' means G1, add it to the aliases of G1 in grids.csv (an 'aliases' "
                "column, names separated by ';'), or correct grids.csv if the grid was renamed or its name is mistyped there; if it is a grid of its "
                "own that grids.csv does not list yet (a new grid), add it to grids.csv" in err)
    # a policy written before gate.similar_grid_rows keeps them as invalid rows, and the scorecard names the name
    old = make_policy(version='"own-1"')
    old.write_text(old.read_text(encoding="utf-8").replace("similar_grid_rows = 1\n", ""), encoding="utf-8")
    assert run_cli("run", "--month", "2026-09", "--reports", "hr", inbox=inbox, policy=old)[0] == 0
    scorecard = (tmp_path / "out" / "2026-09" / "scorecard.html").read_text(encoding="utf-8")
    assert "网格编号不在网格表（grids.csv）中：&#39;天桥新村1网格&#39;" in scorecard
    # the way out that leaves the platform's download as it came: the typed name as an alias of G1
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "aliases"),
              [("G1", "天桥新村一网格", "天井湖社区", "20", "天桥新村1网格；天桥一网格"),
               ("G2", "井湖村二网格", "天井湖社区", "10", "")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "网格别名", inbox=inbox)
    assert code == 1 and "grids.csv: G1 aliases (blank) -> 天桥新村1网格；天桥一网格" in err    # changed since it was published
    code, err = run_cli("run", "--month", "2026-09", "--reason", "网格别名", "--reference", "inbox",
                        inbox=inbox)
    assert code == 0, err
    grid_scores = (tmp_path / "out" / "2026-09" / "grid_scores.csv").read_text(encoding="utf-8-sig")
    assert "unknown_grid" not in (tmp_path / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert next(line for line in grid_scores.splitlines() if line.startswith("G1,")).split(",")[3] == "19"
    # an alias that is another grid's name is refused, naming the row
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "aliases"),
              [("G1", "天桥新村一网格", "天井湖社区", "20", "井湖村二网格"), ("G2", "井湖村二网格", "天井湖社区", "10", "")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "网格别名", inbox=inbox)
    assert code == 2 and "grids.csv, row 2, column 'aliases': alias '井湖村二网格' of G1 already names G2" in err


def test_inspect_reads_a_grid_name_given_as_an_alias_as_the_run_does(run_cli, make_inbox):
    rows = [survey(f"X{i}", "天桥新村一网格", f"H{i}", ("4",) * 5) for i in range(3)]
    inbox = make_inbox({"2026-09.csv": rows})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "aliases"),
              [("G1", "天桥新村一网络", "天井湖社区", "20", "天桥新村一网格"), ("G2", "井湖村二网格", "天井湖社区", "10", "")])
    assert run_cli("inspect", str(inbox / "surveys" / "2026-09.csv"), inbox=inbox)[0] == 0
    assert "rows: 3" in run_cli.out and "not in grids.csv" not in run_cli.out
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "天桥新村一网络", "天井湖社区", "20"), ("G2", "井湖村二网格", "天井湖社区", "10")])
    assert run_cli("inspect", str(inbox / "surveys" / "2026-09.csv"), inbox=inbox)[0] == 0
    assert "not in grids.csv: '天桥新村一网格' on 3 rows" in run_cli.out
