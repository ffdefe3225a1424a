"""Thin grids pooled over published months, through the warehouse: the window is the runs that were published when
the month ran (a gate-failed month gives nothing), recorded with the run, so that an audit reproduces it."""
import csv
import json

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SURVEY_HEADER, policy_text, survey, write_csv
from pooled_months import ASSIGNMENTS, MONTHS, grid_row as _grid, month_rows as _month, months_inbox as _inbox
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.store.models import sql_models
from gridpay.store.scoring import window_table, run_params, scoring_window
from gridpay.store.warehouse import migrate

POLICY = load_policy(DEFAULT_POLICY)

GAP = ("--accept-fewer-answers",)      # July, then September: August never run (tests/cli/test_month_gaps.py)


def test_a_thin_grid_is_scored_on_three_published_months_and_audits_after_a_correction(run_cli, make_inbox,
                                                                                         tmp_path):
    inbox = _inbox(make_inbox, {m: _month(m) for m in MONTHS})
    for month in MONTHS:
        assert run_cli("run", "--month", month, inbox=inbox)[0] == 0
    out = tmp_path / "out"
    august, september = _grid(out, "2026-08"), _grid(out, "2026-09")
    assert august["window_responses"] == "8" and "insufficient_responses" in august["flags"]   # 2 months: 8 < 10
    assert (september["window_months"], september["window_responses"]) == ("2026-07,2026-08,2026-09", "12")
    assert september["flags"] == "pooled" and september["responses"] == "4" and september["raw_score"] == "25.00"
    with (out / "2026-09" / "payroll.csv").open(encoding="utf-8-sig") as handle:
        w2 = next(r for r in csv.DictReader(handle) if r["worker_id"] == "W2")
    assert w2["coefficient"] == "0.8000" and "insufficient" not in w2["flags"]    # no neutral pay for silence
    manifest = json.loads((out / "2026-09" / "manifest.json").read_text(encoding="utf-8"))
    first_august = manifest["earlier_runs"][1]["run_id"]
    assert [e["month"] for e in manifest["earlier_runs"]] == ["2026-07", "2026-08"]

    # August is corrected: G2's residents there answered 5, not 2. September's published pay rests
    # on the August that was published when it ran, and its audit re-reads that one.
    (inbox / "surveys" / "2026-08.csv").unlink()
    _inbox(make_inbox, {"2026-08": _month("2026-08", g2_answer="5")})
    code, err = run_cli("run", "--month", "2026-08", inbox=inbox)
    assert code == 0, err
    assert json.loads((out / "2026-08" / "manifest.json").read_text(encoding="utf-8"))["run_id"] != first_august
    # ... so September is said to be stale (a field trial's was off by 303.75 yuan, audited and finalized)
    stale = f"2026-09 (run {september_run(out)}) was scored reading 2026-08's run {first_august}; 2026-08 is now"
    assert stale in err and "run it again (gridpay run --month 2026-09 --reference published)" in err
    code, _ = run_cli("audit", "--month", "2026-09", inbox=inbox)
    assert code == 0, run_cli.out
    assert stale in run_cli.out                                           # it reproduces, and is said stale
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "月底", inbox=inbox)
    assert code == 2 and "finalize refused: " + stale in err
    assert run_cli("doctor", inbox=inbox)[0] == 1 and stale in run_cli.out
    assert run_cli("history", "--month", "2026-09", inbox=inbox)[0] == 0 and "STALE: " + stale in run_cli.out
    # the command as said runs (a new run reads the corrected August)
    assert run_cli("run", "--month", "2026-09", "--reference", "published", inbox=inbox)[0] == 0
    assert run_cli("history", "--month", "2026-09", inbox=inbox)[0] == 0 and "STALE" not in run_cli.out
    assert _grid(out, "2026-09")["raw_score"] == "50.00"                  # (25 x 8 + 100 x 4) / 12
    assert run_cli("doctor", inbox=inbox)[0] == 0


def september_run(out) -> str:
    return json.loads((out / "2026-09" / "manifest.json").read_text(encoding="utf-8"))["run_id"]


def test_a_gate_failed_month_gives_nothing_to_the_window(run_cli, make_inbox, tmp_path):
    broken = [survey(f"X{i}", "G1", f"G1-{i}", ("9",) * 5, "2026-08-10 10:00:00") for i in range(20)]
    inbox = _inbox(make_inbox, {"2026-07": _month("2026-07"), "2026-08": _month("2026-08") + broken,
                                "2026-09": _month("2026-09")})
    assert run_cli("run", "--month", "2026-07", inbox=inbox)[0] == 0
    assert run_cli("run", "--month", "2026-08", inbox=inbox)[0] == 1          # stopped at the gate
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    # said: a nineteenth trial's November was paid so without a word (tests/cli/test_month_gaps.py: the words)
    assert "2026-08: not published in this warehouse (its run stopped); 2026-09 is scored without it" in err
    september = _grid(tmp_path / "out", "2026-09")
    assert (september["window_months"], september["window_responses"]) == ("2026-07,2026-09", "8")
    assert "insufficient_responses" in september["flags"]
    # August corrected and published after September: September was scored without it
    (inbox / "surveys" / "2026-08.csv").unlink()
    _inbox(make_inbox, {"2026-08": _month("2026-08")})
    code, err = run_cli("run", "--month", "2026-08", "--reference", "inbox", inbox=inbox)   # files its own: 09 is out
    assert code == 0, err
    assert f"2026-09 (run {september_run(tmp_path / 'out')}) was scored reading no run of 2026-08 (it was not " \
           f"published yet)" in err


def test_a_correction_paying_a_worker_the_later_month_does_not_pay_leaves_it_current(run_cli, make_inbox, tmp_path):
    """A tenth field trial added a leaver's back pay to September: October (which pooled September
    and compared pay with it) was said stale, though nothing it reads of September changed. A
    seventy-fifth's pay-only correction of August made October stale, which compares pay with September."""
    inbox = make_inbox({f"{m}.csv": _month(m) for m in MONTHS}, adjustments=False,
                       assignments=ASSIGNMENTS + [("W3", "G1", "2026-07-01", "2026-07-31", "")])
    for month in MONTHS:
        assert run_cli("run", "--month", month, inbox=inbox)[0] == 0
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W3", "2026-07", "150.00", "离职补发", "人事科 陈主任")])
    code, err = run_cli("run", "--month", "2026-07", "--reference", "inbox", inbox=inbox)
    assert code == 0 and "2026-08 (run" not in err, err              # W3 is not on August's payroll
    assert run_cli("doctor", inbox=inbox)[0] == 0
    # a correction of W1's July pay is read by August (its previous pay): August is stale
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W3", "2026-07", "150.00", "离职补发", "人事科 陈主任"),
               ("W1", "2026-07", "20.00", "加班", "人事科 陈主任")])
    code, err = run_cli("run", "--month", "2026-07", "--reference", "inbox", inbox=inbox)
    assert code == 0 and "2026-08 (run" in err and "what 2026-08 shows of it (previous pay" in err, err   # trial 85
    assert "its pay and scores will stay as they are (gridpay run --month 2026-08 --reference published)" in err
    # ... not September, which pools July's answers (unchanged) but compares pay with August (trial 75)
    assert "2026-09 (run" not in err


def test_a_grid_silent_three_months_in_a_row_is_flagged_for_hr(run_cli, make_inbox, tmp_path):
    inbox = _inbox(make_inbox, {m: _month(m, g2_count=0) for m in MONTHS})
    for month in MONTHS:       # a grid with no answer is HR's to accept (gate.silent_grids)
        assert run_cli("run", "--month", month, "--accept-fewer-answers", inbox=inbox)[0] == 0
    out = tmp_path / "out"
    assert "low_response_rate" not in _grid(out, "2026-08")["flags"]           # two months so far
    assert "low_response_rate" in _grid(out, "2026-09")["flags"]
    assert "low_response_rate" not in _grid(out, "2026-09", "G1")["flags"]


# --- property: whatever runs the earlier months had, only their published ones are pooled --------


run_status = st.sampled_from(["published", "gate_failed", "failed", "published"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(run_status, max_size=3), min_size=3, max_size=3))
def test_only_published_runs_of_earlier_months_are_pooled(runs_by_month):
    with duckdb.connect() as con:
        migrate(con)
        for month, statuses in zip(("2026-07", "2026-08"), runs_by_month):
            for i, status in enumerate(statuses):       # a later publish replaces the month's earlier one
                run = f"{month}-r{i}"
                con.execute("insert into counted_responses values (?, ?, 1, 'G1', 50)", [run, month])
                con.execute("insert into raw_surveys (run_id, row_id, household_id, submitted_at_ts) "
                            "values (?, 1, ?, ?)", [run, f"H-{run}", f"{month}-10 10:00:00"])
                if status == "published":
                    con.execute("insert or replace into published values (?, ?, now())", [month, run])
        published = {r for (r,) in con.execute("select run_id from published").fetchall()}
        run_params(con, "now", "2026-09", POLICY)
        window_table(con, scoring_window(con, "2026-09", POLICY))
        con.execute("create temp table int_grid_stats as select 'G1' as grid_id, 0 as responses")
        con.execute("create temp table int_response_scores (row_id integer, grid_id varchar, household_id varchar, "
                    "submitted_at timestamp, response_score decimal(18, 6))")
        con.execute("create temp table stg_worker_phones (worker_id varchar, phone_hash varchar); create temp table "
                    "stg_assignments (worker_id varchar, grid_id varchar, start_date date, end_date date)")
        con.execute(f"create temp table int_window_self_ratings as {sql_models()['int_window_self_ratings'].sql}")
        pooled = con.execute(f"select household_id from ({sql_models()['int_window_responses'].sql})").fetchall()
    assert sorted(h for (h,) in pooled) == sorted(f"H-{r}" for r in published)


def test_the_stale_line_gives_a_command_that_runs_a_finalized_month():
    """A twenty-eighth trial ran `gridpay run --month 2026-10` as said: refused, October was finalized
    (--reason) and November had raised the targets (--reference published)."""
    from gridpay.store.stale_windows import StaleMonth
    line = StaleMonth("2026-10", "r10", "2026-09", "r9", "r9b", finalized=True).line()
    assert line.endswith('run it again (gridpay run --month 2026-10 --reference published --reason "...")')


def _compound_months(make_inbox, answers: dict[str, list[tuple[str, str]]]):
    """Each month's survey file: G1 ten answers, G2 (thin under min_responses 10) its (compound, door) homes."""
    inbox = make_inbox({}, adjustments=False, assignments=ASSIGNMENTS)
    for month, homes in answers.items():
        rows = [(survey(f"{month}-A{i}", "G1", f"{i}栋9单元101", ("4",) * 5, f"{month}-10 10:00:00"), "南苑")
                for i in range(10)]
        rows += [(survey(f"{month}-B{i}", "G2", door, ("2",) * 5, f"{month}-11 10:00:00"), compound)
                 for i, (compound, door) in enumerate(homes)]
        write_csv(inbox / "surveys" / f"{month}.csv", SURVEY_HEADER + ("小区",), [r + (c,) for r, c in rows])
    return inbox


def test_a_pooled_window_reads_a_door_only_home_as_the_compound_its_month_listed(run_cli, make_inbox, make_policy,
                                                                               tmp_path):
    """Trial 40: G2 listed 北门小区 alone in July (homes by door alone), then 北门新苑 too: 1栋101 of July and
    北门小区 1栋101 of September are one home. Trial 44: 北门新苑 2栋101 is not July's 2栋101."""
    answers = {"2026-07": [("北门小区", "1栋101"), ("北门小区", "2栋101"), ("北门小区", "3栋101")],
               "2026-09": [("北门小区", "1栋101"), ("北门新苑", "2栋101")]}
    g2 = {"2026-07": "北门小区", "2026-09": "北门小区;北门新苑"}
    for policy, out, expected in ((None, tmp_path / "out", "4"),
                                  (make_policy(window_homes_by_compound="false"), tmp_path / "typed", "5")):
        inbox = _compound_months(make_inbox, answers)
        for month in ("2026-07", "2026-09"):
            write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
                      [("G1", "南苑网格", "社区", "40", "南苑"), ("G2", "北门网格", "社区", "40", g2[month])])
            code, err = run_cli("run", "--month", month, *GAP, inbox=inbox, policy=policy, out=out,
                                db=out.with_suffix(".duckdb"))
            assert code == 0, err
        september = _grid(out, "2026-09")
        assert (september["window_months"], september["window_responses"]) == ("2026-07,2026-09", expected)


def test_a_pooled_window_reads_a_renamed_compound_s_earlier_homes_by_its_name_now(run_cli, make_inbox, tmp_path):
    """Trial 58: the city renamed 桂园二期 桂馨苑 (grids.csv: 桂馨苑=桂园二期); one home answering under each name
    counted twice in the thin grid's window (W10 1200.00 for 1234.35, exit 0)."""
    inbox = _compound_months(make_inbox, {"2026-07": [("桂园二期", "1栋101"), ("桂园二期", "2栋101")],
                                          "2026-09": [("桂馨苑", "1栋101"), ("桂园", "3栋101")]})
    for month, g2 in (("2026-07", "桂园;桂园二期"), ("2026-09", "桂园;桂馨苑=桂园二期")):
        write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
                  [("G1", "南苑网格", "社区", "40", "南苑"), ("G2", "桂园网格", "社区", "40", g2)])
        assert run_cli("run", "--month", month, *GAP, inbox=inbox)[0] == 0
    assert _grid(tmp_path / "out", "2026-09")["window_responses"] == "3"      # 1栋101 once, 2栋101, 3栋101


def test_a_pooled_window_of_months_published_under_another_policy_is_said(run_cli, make_inbox, make_policy):
    """A fifty-third trial upgraded gridpay in September: July's home, read by July's rules, counted again
    beside September's in the thin grid's window, nothing said."""
    inbox = _inbox(make_inbox, {m: _month(m) for m in MONTHS})
    earlier = make_policy(version='"2027.1"', door_after_listed_name="false")
    for month in MONTHS[:2]:
        assert run_cli("run", "--month", month, inbox=inbox, policy=earlier)[0] == 0
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    shipped = policy_text().split('version = "')[1].split('"')[0]
    assert code == 0 and ("G2 pooled with 2026-07 (policy 2027.1: survey.door_after_listed_name), 2026-08 (policy "
                          f"2027.1: survey.door_after_listed_name), whose homes were read by other rules than this "
                          f"run's policy {shipped}") in err, err
    assert ("re-run them on today's policy and the reference files it was published with (gridpay run --month 2026-07 "
            "--reference published --take policy") in err


@pytest.mark.parametrize("rules, doors, said", [({"min_responses": 4}, "", False), ({"alias_compound_rules": "false"}, "",
                         False), ({"door_number_yards": "false"}, "", False), ({"door_number_yards": "false"}, "号", True)])
def test_a_window_read_by_the_same_home_rules_is_not_said(run_cli, make_inbox, make_policy, rules, doors, said):
    """Trial 57 raised min_responses and was told to re-pay two finalized months for a door-number reason; trial 102
    adopted survey.alias_compound_rules, which reads only a grid answered by aliases (these grids have none); trial
    192's re-check adopted survey.door_number_yards, which reads none of its doors otherwise: said only where it does
    (July's 20号 is 20 today)."""
    months = {m: _month(m) for m in MONTHS}
    months["2026-07"] = [r if r[1] != "G2" else r[:2] + (f"2{r[0][-1]}{doors}",) + r[3:] for r in months["2026-07"]]
    inbox, earlier = _inbox(make_inbox, months), make_policy(version='"2027.1"', **rules)
    for month in MONTHS[:2]:
        assert run_cli("run", "--month", month, inbox=inbox, policy=earlier)[0] == 0
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0 and ("G2 pooled with 2026-07 (policy 2027.1: survey.door_number_yards)" in err) == said, err
    assert ("pooled with" in err) == ("re-run them" in err or "re-run it" in err) == said, err
