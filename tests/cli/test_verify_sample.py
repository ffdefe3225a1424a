"""verify.csv, the month's verification sample (回访): drawn the same on every re-run and audit, the sample its month
was first published with after a correction (output format 20), and a call recorded after the month's last run
never finalized unapplied."""
import csv

from conftest import survey, today, write_csv


def _rows(path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_verify_csv_draws_the_same_rows_and_a_denied_call_excludes_its_answer(run_cli, make_inbox, tmp_path,
                                                                              closed_window):
    rows = [survey(f"V{i}", "G1" if i % 2 else "G2", f"H{i}", ("4", "5", "4", "3", "4"), f"2026-09-{1 + i % 28:02d} 10:00:00")
            for i in range(40)]
    inbox = make_inbox({"2026-09.csv": rows})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    first = (tmp_path / "out" / "2026-09" / "verify.csv").read_bytes()
    drawn = _rows(tmp_path / "out" / "2026-09" / "verify.csv")
    assert {g: sum(r["grid_name"] == g for r in drawn) for g in ("天桥新村一网格", "井湖村二网格")} == {
        "天桥新村一网格": 2, "井湖村二网格": 2}                     # 5% of 20 is 1: at least 2 per grid
    assert list(drawn[0]) == ["response_id", "grid_name", "household_id", "submitted_at", "channel", "why"]
    called = drawn[0]["response_id"]
    write_csv(inbox / "verification" / "2026-09.csv", ("response_id", "result", "called_by", "called_on", "note"),
              [(called, "未参与", "王干事", today(), "住户称未填写问卷")])
    assert run_cli("run", "--month", "2026-09", "--reason", "回访结果", "--reports", "hr", inbox=inbox)[0] == 0
    quarantine = {r["response_id"]: r["reason_code"] for r in _rows(tmp_path / "out" / "2026-09" / "quarantine.csv")}
    assert quarantine[called] == "verification_denied"
    again = _rows(tmp_path / "out" / "2026-09" / "verify.csv")
    # the correction draws the sample the month was first published with, the denied answer in it (output format 20:
    # trial 133's dropped it and drew an answer never on HR's call sheet)
    assert [r["response_id"] for r in again] == [r["response_id"] for r in drawn] and first
    # its notice tells the grid whose answers changed from the one whose score alone moved (trial 133)
    notice = next((tmp_path / "out" / "2026-09" / "notice").glob("*.html")).read_text(encoding="utf-8")
    assert "与前次公示相比，" in notice and "的有效问卷数有变" in notice and "以下网格的数据有变" not in notice
    assert run_cli("audit", "--month", "2026-09", inbox=inbox)[0] == 0
    # a call recorded after the last run: a sixty-ninth trial's was finalized unapplied, W08 25.84 yuan short, exit 0
    other = drawn[1]["response_id"]
    write_csv(inbox / "verification" / "2026-09.csv", ("response_id", "result", "called_by", "called_on", "note"),
              [(called, "未参与", "王干事", today(), "住户称未填写问卷"), (other, "未参与", "王干事", today(), "")])
    for force in ((), ("--force", "--reason", "发薪截止")):
        code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", *force, inbox=inbox)
        assert code == (2 if force else 1), err
        assert (f"the call of answer {other} (denied) was recorded after run 2026-09-" in err
                and "so the published pay does not apply it: run the month again to apply it" in err), err


def test_an_answer_listed_for_its_flag_and_taken_out_by_a_call_stays_listed_with_it(run_cli, make_inbox, tmp_path,
                                                                                     closed_window):
    """Trial 167: two answers listed for their flags alone (burst;shared_phone), denied by the calls, left the
    corrected verify.csv (its scorecard: 21 sampled, 23 calls recorded). From output format 24 they stay, with the
    flags they had when the month was first published."""
    rows = [survey(f"V{i}", "G1" if i % 2 else "G2", f"H{i}", ("4", "5", "4", "3", "4"), f"2026-09-{1 + i % 28:02d} 10:00:00")
            for i in range(40)]
    rows += [survey(f"S{i}", "G1", f"S-{i}", ("5",) * 5, f"2026-09-2{i} 11:00:00", phone="13911112222")
             for i in (1, 2, 3)]        # one phone for three homes: shared_phone (review.shared_phone_households)
    inbox = make_inbox({"2026-09.csv": rows})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    first = {r["response_id"]: r["why"] for r in _rows(tmp_path / "out" / "2026-09" / "verify.csv")}
    assert all("shared_phone" in first[f"S{i}"] for i in (1, 2, 3))
    write_csv(inbox / "verification" / "2026-09.csv", ("response_id", "result", "called_by", "called_on", "note"),
              [("S1", "未参与", "王干事", today(), "")])
    assert run_cli("run", "--month", "2026-09", "--reason", "回访结果", inbox=inbox)[0] == 0
    again = {r["response_id"]: r["why"] for r in _rows(tmp_path / "out" / "2026-09" / "verify.csv")}
    assert again == first          # S1 taken out, S2 and S3 no longer sharing with three homes: listed as first
    assert run_cli("audit", "--month", "2026-09", inbox=inbox)[0] == 0


def test_a_correction_names_the_answers_it_drew_that_no_call_reached(run_cli, make_inbox, tmp_path):
    """Trial 231: a re-run after the calls drew answer 11 into the sample, said only by finalize, after the 公示 week."""
    rows = [survey(f"V{i}", "G1" if i % 2 else "G2", f"H{i}", ("4", "5", "4", "3", "4"), f"2026-09-{1 + i % 28:02d} 10:00:00")
            for i in range(40)]
    inbox = make_inbox({"2026-09.csv": rows})
    assert run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)[0] == 0
    before = {r["response_id"] for r in _rows(tmp_path / "out" / "2026-09" / "verify.csv")}
    late = [survey(f"L{i}", "G1", f"J{i}", ("5",) * 5, f"2026-09-{1 + i % 28:02d} 11:00:00") for i in range(30)]
    write_csv(inbox / "surveys" / "2026-09-paper.csv", tuple(__import__("conftest").SURVEY_HEADER), late)
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    drawn = [r["response_id"] for r in _rows(tmp_path / "out" / "2026-09" / "verify.csv") if r["response_id"] not in before]
    assert code == 0 and drawn, err         # the late answers' draws come first in G1's order
    line = next(x for x in err.splitlines() if "this run drew " in x)
    assert set(line.split("this run drew ")[1].split(" into ")[0].split(", ")) == set(drawn), line
    assert "into 2026-09's verification sample (verify.csv) that the run it replaced" in line
    assert "gridpay callsheet --month 2026-09 lists them" in line


def test_calls_recorded_after_the_run_are_said_in_one_line_a_kind(run_cli, make_inbox, tmp_path, closed_window):
    """Trial 236's finalize said ~120 calls recorded after the run one by one, a line of 25 KB, the 扣款 at its end."""
    rows = [survey(f"V{i}", "G1" if i % 2 else "G2", f"H{i}", ("4", "5", "4", "3", "4"), f"2026-09-{1 + i % 28:02d} 10:00:00")
            for i in range(40)]
    inbox = make_inbox({"2026-09.csv": rows})
    assert run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)[0] == 0
    drawn = [r["response_id"] for r in _rows(tmp_path / "out" / "2026-09" / "verify.csv")]
    write_csv(inbox / "verification" / "2026-09.csv", ("response_id", "result", "called_by", "called_on", "note"),
              [(a, "属实", "王干事", today(), "") for a in drawn[:3]] + [(drawn[3], "未参与", "王干事", today(), "")])
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox)
    calls = ", ".join(f"{a} (confirmed)" for a in sorted(drawn[:3]))
    assert code == 1 and f"the calls of answers {calls} were recorded after run 2026-09-" in err, err
    assert f"the call of answer {drawn[3]} (denied) was recorded after run" in err
    assert err.index(f"answer {drawn[3]} (denied)") < err.index("the calls of answers")     # pay first
