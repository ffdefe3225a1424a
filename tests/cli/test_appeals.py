"""Pay that can be contested (申诉复核, 回访): HR's decisions on workers' appeals and the month's
verification calls are inputs like any other, checked, archived and applied by the next run."""
import csv
from decimal import Decimal

import duckdb
import pytest

from conftest import APPEAL_HEADER, SURVEY_HEADER, today, appeal_row, survey, write_csv

def _rows(path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _pay(out, worker: str) -> Decimal:
    return Decimal(next(r for r in _rows(out / "2026-09" / "payroll.csv") if r["worker_id"] == worker)["total_pay"])


@pytest.fixture
def published(published_copy, tmp_path):
    """The hand month published under a policy scoring a grid from 2 answers (G2 has 3), as published once."""
    inbox, policy = published_copy("none", min_responses=2)
    return inbox, tmp_path / "out", policy


def test_an_upheld_appeal_takes_its_answer_out_and_a_rejected_one_changes_nothing(published, run_cli):
    inbox, out, policy = published
    before = _pay(out, "W3")
    # W3 covers G2 from 09-16; R5 (all 2s) is a G2 answer, R6 (all 3s) another
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "W3", "R5"), appeal_row("A2", "W3", "R6", "驳回")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核结果", inbox=inbox, policy=policy)
    assert code == 0, err
    quarantine = {r["response_id"]: r for r in _rows(out / "2026-09" / "quarantine.csv")}
    assert quarantine["R5"]["reason_code"] == "appeal_upheld" and "appeal A1, malicious" in quarantine["R5"]["reason"]
    assert "R6" not in quarantine                         # rejected: it counts as before
    assert _pay(out, "W3") > before
    g2 = next(r for r in _rows(out / "2026-09" / "grid_scores.csv") if r["grid_id"] == "G2")
    assert g2["responses"] == "2" and "appeals_high" not in g2["flags"]  # one of one: 2027.11 flags from two
    assert run_cli("audit", "--month", "2026-09", inbox=inbox, policy=policy)[0] == 0


def test_an_appeal_for_an_answer_outside_the_workers_grid_stops_the_run(published, run_cli, tmp_path):
    inbox, out, policy = published
    before = (out / "2026-09" / "payroll.csv").read_bytes()
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A3", "W1", "R5")])     # W1 covers G1 only
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 1
    assert "(appeal A3): the answer is not in a grid the appellant covered in 2026-09 (the answer names G2: is" in err
    # an id workers.csv lacks is named as typed, the cause alone (trial 141: Ｗ０３ read only as "not covered")
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A3", "Ｗ３", "R5")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 1 and ("appeals.csv row 2 (appeal A3): worker_id is not in workers.csv: 'Ｗ３' (typed in full-width "
                          "characters; in half-width it reads 'W3': type it again so)") in err, err
    assert "not in a grid the appellant covered" not in err
    # an id no answer has is that rule's line alone (trial 167's 790 typed for 79 read "not covered" too)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A3", "W3", "R55")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 1 and "response_id is not one of 2026-09's valid answers" in err, err
    assert "not in a grid the appellant covered" not in err
    assert (out / "2026-09" / "payroll.csv").read_bytes() == before
    # rejected (不予受理), it changes no pay and stays on record (a sixty-ninth trial had to delete the row)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A3", "W1", "R5", decision="驳回")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 0 and "appeal A3" not in err and (out / "2026-09" / "payroll.csv").read_bytes() == before, err


def test_an_upheld_appeal_on_an_answer_that_did_not_count_stops_the_run(published, run_cli, tmp_path):
    inbox, out, policy = published
    before = (out / "2026-09" / "payroll.csv").read_bytes()
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A9", "W1", "R4")])   # R4: R1's household's older answer
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核结果", inbox=inbox, policy=policy)
    assert code == 1, err
    assert ("2026-09: upheld appeal A9 names answer R4, which did not count (excluded: duplicate_household (an older "
            "answer of the same household in the same grid; its latest answer counts)); nothing published. An upheld appeal can only take out an "
            "answer that counted. Record it as rejected (驳回) in appeals.csv") in err
    assert (out / "2026-09" / "payroll.csv").read_bytes() == before


def test_an_upheld_appeal_on_an_answer_a_late_form_of_its_home_replaced_is_moot_not_a_stop(published, run_cli):
    """A sixteenth trial: R5 counted when A1 was upheld; October's correction added a later paper form from
    R5's home, which made R5 an older answer. The run stopped and told HR to record A1 as rejected."""
    inbox, out, policy = published
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "W3", "R5")])
    write_csv(inbox / "surveys" / "2026-09-late.csv", SURVEY_HEADER,
              [survey("L1", "G2", "G2-1-101", ("3",) * 5, "2026-09-28 10:00:00")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "补录纸质问卷", inbox=inbox, policy=policy)
    assert code == 0, err
    assert {r["response_id"]: r["reason_code"] for r in _rows(out / "2026-09" / "quarantine.csv")}["R5"] == \
        "duplicate_household"                                # moot: the home's later answer counts instead
    assert run_cli("audit", "--month", "2026-09", inbox=inbox, policy=policy)[0] == 0


def test_appeal_rules_name_the_appeal_and_the_rule(published, run_cli):
    inbox, _, policy = published
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [
        appeal_row("A4", "W3", "R5", decided_by="W3"),                      # decided by the appellant
        appeal_row("A5", "W3", "R6", note=""),                              # upheld without a note
        ("A6", "2026-09", "W3", "R7", "乱评", "", "2026-01-01", "", "", "", ""),
        appeal_row("A7", "W3", "R5"), appeal_row("A8", "W3", "R5", "驳回"),      # one answer decided both ways
        # August's: a worker since left (out of workers.csv) is not September's concern; a broken row is named so
        ("A9", "2026-08", "W9", "R1", "恶意差评", "理由", "2026-08-20", "", "", "", ""),
        ("A10", "2026-08", "W3", "R1", "恶意差评", "", "2026-08-20", "", "", "", "")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 1
    assert "(appeal A9" not in err and "(appeal A10, of 2026-08): statement (the worker's grounds) is blank" in err
    for words in ("(appeal A4): decided_by is the appellant", "(appeal A5): decision_note is blank on an upheld appeal",
                  "(appeal A6): category is not one of misrated", "(appeal A6): statement (the worker's grounds) is blank",
                  "(appeal A6): filed_on is outside the appeal window",
                  "(appeal A7): the answer has another appeal decided the other way",
                  "(appeal A8): the answer has another appeal decided the other way"):
        assert words in err, words


def test_finalize_waits_for_pending_appeals_unless_forced_with_a_reason(published, run_cli, closed_window, tmp_path):
    inbox, out, policy = published
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5", decision="")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "收到申诉", inbox=inbox, policy=policy)
    assert code == 0, err
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox, policy=policy)
    assert code == 1 and "appeal A7 (W3, answer R5) is pending" in err
    assert run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", inbox=inbox, policy=policy)[0] == 2   # no reason
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "街道统一定稿",
                        inbox=inbox)
    assert code == 0, err
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select forced_reason from finalized").fetchone()[0] == "街道统一定稿"


def test_a_forced_finalize_refuses_an_upheld_appeal_the_published_pay_does_not_apply(published, run_cli, closed_window,
                                                                                  tmp_path):
    inbox, _, policy = published
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A8", "W3", "R5")])     # upheld after the run
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "发薪截止，提前定稿",
                        inbox=inbox, policy=policy)
    assert code == 2, err
    assert ("2026-09: finalize refused: appeal A8 was decided (upheld) after run" in err
            and "so the published pay does not apply it: run the month again to apply it (gridpay run --month 2026-09)"
            in err and "never pay known to be wrong" in err)
    # a twenty-first trial: an appeal rejected after the run, forced final, its scorecard saying 待复核
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A8", "W3", "R5", decision="驳回")])
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "发薪截止，提前定稿",
                        inbox=inbox, policy=policy)
    assert code == 2 and "appeal A8 was decided (rejected) after run" in err, err
    assert "so the published scorecard does not show it: run the month again" in err
    # without --force: the advice is to run the month again, not --force (a twenty-eighth trial's was refused)
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox, policy=policy)
    assert code == 1 and err.strip().endswith("Run the month again as said (--force never finalizes pay known to be "
                                              "wrong), then finalize") and "--force --reason" not in err
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from finalized").fetchone()[0] == 0


def test_finalize_refuses_while_the_window_is_open(published, run_cli):
    inbox, _, policy = published
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox, policy=policy)
    assert code == 1 and "the appeal window (公示期) is open from" in err


def test_a_call_dated_before_its_answer_or_after_the_run_stops_the_month(published, run_cli):
    """R1 was given on 2026-09-10: a call on the 9th checked another answer (its id mistyped); 2099 is a typo."""
    inbox, out, policy = published
    # the dates alone: whether R1-R3 were drawn for a call depends on the policy's hash (its own test below)
    policy.write_text(policy.read_text(encoding="utf-8").replace('verification_drawn = "stop"', "").replace(
        'version = "', 'version = "t', 1), encoding="utf-8")      # edited rules, a new version
    header = ("response_id", "result", "called_by", "called_on", "note")
    write_csv(inbox / "verification" / "2026-09.csv", header, [
        ("R1", "未参与", "王干事", "2026-09-09", ""), ("R2", "属实", "王干事", "2099-09-12", ""),
        ("R3", "属实", "王干事", "2026-09-10", "")])                     # the day the answer was given: fine
    code, err = run_cli("run", "--month", "2026-09", "--reason", "回访", inbox=inbox, policy=policy)
    assert code == 1
    assert ("verification/2026-09.csv row 2 (answer R1): called_on is before the answer was given: is the response_id "
            "or the date mistyped?") in err
    assert f"row 3 (answer R2): called_on is after the day of the run ({today()}): is the date mistyped?" in err
    assert "(answer R3)" not in err
    policy.write_text(policy.read_text(encoding="utf-8").replace('verification_dates = "stop"', "").replace(
        'version = "', 'version = "t', 1), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reason", "回访", "--reference", "inbox", inbox=inbox, policy=policy)
    assert code == 0, err                                                  # a policy without the key, as before


def test_the_call_sheet_holds_the_phones_of_the_sampled_rows_and_history_shows_it(run_cli, make_inbox, tmp_path):
    # every answer has its own phone; a few are bad reviews (callbacks)
    rows = [survey(f"P{i}", "G1" if i % 2 else "G2", f"H{i}", ("2" if i < 4 else "4", "5", "4", "3", "2" if i < 4 else "4"),
                   f"2026-09-{1 + i % 28:02d} 10:00:00", phone=f"1390000{i:04d}") for i in range(40)]
    inbox = make_inbox({"2026-09.csv": rows})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    month = tmp_path / "out" / "2026-09"
    wanted = {r["response_id"] for r in _rows(month / "verify.csv")}
    callbacks = _rows(month / "callbacks.csv")
    sheet = tmp_path / "calls" / "2026-09-calls.csv"
    code, err = run_cli("callsheet", "--month", "2026-09", "--by", "王干事", "--to", str(sheet), inbox=inbox)
    assert code == 2 and err.startswith(f"gridpay: {sheet.parent}: no such folder for the call sheet; make it first")
    sheet.parent.mkdir()
    assert run_cli("callsheet", "--month", "2026-09", "--by", "王干事", "--to", str(month / "x.csv"), inbox=inbox)[0] == 2
    code, err = run_cli("callsheet", "--month", "2026-09", "--by", "王干事", "--to", str(sheet), inbox=inbox)
    assert code == 0, err
    assert oct(sheet.stat().st_mode & 0o777) == "0o600"
    lines = _rows(sheet)
    phones = {r["response_id"]: r["phone"] for r in lines}
    assert wanted <= set(phones) and len(lines) == len(wanted | {f"P{i}" for i in range(4)}) and len(callbacks) == 4
    assert all(phones[f"P{i}"] == f"1390000{i:04d}" for i in range(40) if f"P{i}" in phones)
    assert run_cli("callsheet", "--month", "2026-09", "--by", "王干事", "--to", str(sheet), inbox=inbox)[0] == 2   # never over
    code, _ = run_cli("history", "--month", "2026-09", inbox=inbox)
    assert code == 0 and f"to 王干事: {len(lines)} numbers of run" in run_cli.out
    # no phone anywhere else gridpay wrote
    for path in (tmp_path / "out").rglob("*.csv"):
        assert "1390000" not in path.read_text(encoding="utf-8-sig"), path


def test_a_call_of_an_answer_no_call_list_named_stops_the_month(run_cli, make_inbox, tmp_path):
    """A thirteenth trial typed J97 for J87: the call took out an answer that was on no call list (its
    phone never on a call sheet) and flagged its grid verification_failed, exit 0."""
    rows = [survey(f"V{i}", "G1" if i % 2 else "G2", f"H{i}", ("4", "5", "4", "3", "4"),
                   f"2026-09-{1 + i % 28:02d} 10:00:00") for i in range(40)]
    inbox = make_inbox({"2026-09.csv": rows})
    assert run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)[0] == 0
    drawn = {r["response_id"] for r in _rows(tmp_path / "out" / "2026-09" / "verify.csv")}
    never = next(f"V{i}" for i in range(40) if f"V{i}" not in drawn)       # no answer is a bad review here
    header = ("response_id", "result", "called_by", "called_on", "note")
    write_csv(inbox / "verification" / "2026-09.csv", header, [(min(drawn), "属实", "王干事", today(), ""),
                                                               (never, "未参与", "王干事", today(), "")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "回访结果", inbox=inbox)
    assert code == 1 and (f"verification/2026-09.csv row 3 (answer {never}): the answer was on no call list of the "
                          f"month (verify.csv, callbacks.csv) and the call has no note: is the response_id mistyped?"
                          ) in err
    assert f"(answer {min(drawn)})" not in err
    # a call HR made on its own (a resident phoned to complain) says so in its note: applied
    write_csv(inbox / "verification" / "2026-09.csv", header, [(never, "未参与", "王干事", today(), "住户来电称未填写")])
    assert run_cli("run", "--month", "2026-09", "--reason", "回访结果", inbox=inbox)[0] == 0


def test_a_note_naming_a_home_is_offered_one_of_the_appeal_s_own_kind(published, run_cli):
    """The decision_note is printed on the worker's sheet: one naming a home is said, with a note to write instead.
    Trial 167's wrong-grid appeal was offered a call's finding (经回访核实，该答卷非住户本人填写), untrue of it."""
    inbox, out, policy = published
    for decision, category, offered in (("支持", "非本网格", "经核实，该户不在本网格"), ("驳回", "非本网格", "经复核，申诉理由不成立")):
        row = appeal_row("A9", "W1", "R1", decision=decision, category=category)[:-1] + ("经核对，4栋2单元502",)
        write_csv(inbox / "appeals.csv", APPEAL_HEADER, [row])
        code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
        assert "decision_note names a home or a phone" in err and f"write it without them ({offered})" in err, err
    # an answer the note names (as the repeat's line advises) is no home, and HR's own correction's note is on no
    # worker's sheet (trial 202's HR was told to rewrite 与第113号答卷为同一户重复作答, on the final scorecard too)
    for worker, note in (("W1", "与第R2号答卷为同一户重复作答"), ("", "经核对，4栋2单元502")):
        row = appeal_row("A9", worker, "R1", category="其他")[:-1] + (note,)
        write_csv(inbox / "appeals.csv", APPEAL_HEADER, [row])
        code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
        assert code == 0 and "decision_note names" not in err, err


