"""A re-run of a published month whose survey file gives other answers under the same ids (a download
edited by hand: a fifty-fourth trial's auditor raised answers and re-ran, exit 0, the audit passing)
says which answers count otherwise, on the console and on the scorecard; a download saved again
unchanged, or a re-run on another policy, says nothing of the kind (pipeline/changed_answers.py)."""
from conftest import HAND_SURVEYS, SURVEY_HEADER, survey, write_csv

import duckdb


def _edited(rows):
    # R5 (G2, all 2s) raised to 5s, as someone editing the download would
    return [r[:7] + ("5", "5", "5", "5", "5") + r[12:] if r[0] == "R5" else r for r in rows]


def test_answers_edited_under_their_ids_are_named_on_the_rerun_and_its_scorecard(run_cli, published_copy, tmp_path):
    inbox, _ = published_copy("none")
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, _edited(HAND_SURVEYS))
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    line = next(x for x in err.splitlines() if "otherwise than" in x)
    assert "today's survey files count 1 answer otherwise than 2026-09's published run 2026-09-" in line, line
    assert "(surveys/2026-09.csv): R5 (score 25.00 -> 100.00). Nothing says why" in line and "--reason" in line
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        notices = con.execute("select run_notices from runs order by started_at desc limit 1").fetchone()[0]
    assert "R5 (score 25.00 -> 100.00)" in notices                  # listed on the scorecard HR signs

    # R5 is as published now; R6 (3s) keyed in wrong on paper, put right, and the run says why
    rows = [r[:7] + ("4", "4", "4", "4", "4") + r[12:] if r[0] == "R6" else r for r in _edited(HAND_SURVEYS)]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, rows)
    code, err = run_cli("run", "--month", "2026-09", "--reason", "R6 纸质问卷录入错误，已按原件更正", inbox=inbox)
    line = next(x for x in err.splitlines() if "otherwise than" in x)
    assert code == 0 and ": R6 (score 50.00 -> 75.00). The run's reason: R6 纸质问卷录入错误" in line, line


def test_the_same_answers_saved_again_say_nothing(run_cli, published_copy):
    inbox, _ = published_copy("none")
    text = (inbox / "surveys" / "2026-09.csv").read_text(encoding="utf-8")
    (inbox / "surveys" / "2026-09.csv").write_text(text.replace("\n", "\r\n"), encoding="utf-8-sig")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "otherwise than" not in err, err
    # a re-run with a reason says it, for the scorecard HR signs (trial 62: only `gridpay history` had it)
    code, err = run_cli("run", "--month", "2026-09", "--reason", "王主任核对后重算", inbox=inbox)
    assert code == 0 and "this run replaces 2026-09's published run 2026-09-" in err, err
    assert "; its reason: 王主任核对后重算" in err and "otherwise than" not in err


def test_answers_added_to_a_published_month_are_named_with_their_dates(run_cli, published_copy):
    """A sixty-second trial added five all-满意 answers to a finalized month's download and re-ran it with a
    reason: a worker's pay rose by 147.36 yuan, exit 0, and nothing named the new answers."""
    inbox, _ = published_copy("none")
    added = [survey("N1", "G2", "9栋1单元901", ("5",) * 5, "2026-09-20 10:00:00"),
             survey("N2", "G2", "9栋1单元902", ("5",) * 5, "2026-09-24 10:00:00")]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, HAND_SURVEYS + added)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    line = next(x for x in err.splitlines() if "did not read" in x)
    assert "today's survey files hold 2 answers that 2026-09's published run 2026-09-" in line, line
    assert "counted now (surveys/2026-09.csv, dated 09-20 to 09-24): N1, N2. Nothing says why" in line
    assert "otherwise than" not in err
