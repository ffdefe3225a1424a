"""An upheld 非本网格 appeal naming the grid its resident lives in (appeals.csv's resident_grid) counts the answer there:
trials 199 and 201's residents who chose the old grid or the new compound's lost their voice when the appeal could only
take the answer out."""
import csv

from conftest import APPEAL_HEADER, appeal_row, today, write_csv


def _rows(path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_an_upheld_wrong_grid_appeal_naming_the_residents_grid_counts_the_answer_there(published_copy, run_cli, tmp_path, closed_window):
    """Trials 199 and 201: residents of buildings handed to a new grid, and of an old compound, chose the other grid;
    HR's upheld 非本网格 appeal could only take their answers out, so their voice counted nowhere. Naming the grid the
    resident lives in (resident_grid, by id, name or alias) counts the answer there."""
    inbox, policy = published_copy("none", min_responses=2)          # the hand month, G2 scored from 2 answers
    out = tmp_path / "out"
    header = APPEAL_HEADER + ("resident_grid",)
    g1_before = next(r for r in _rows(out / "2026-09" / "grid_scores.csv") if r["grid_id"] == "G1")
    # W1 covers G1, the grid R5's resident lives in: she may ask for it
    write_csv(inbox / "appeals.csv", header, [appeal_row("A1", "W1", "R5", category="非本网格") + ("天桥新村一网格",)])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核结果", inbox=inbox, policy=policy)
    assert code == 0 and "otherwise than" not in err, err         # moved for appeals.csv's reason: no change unsaid
    assert "R5" not in {r["response_id"] for r in _rows(out / "2026-09" / "quarantine.csv")}
    grids = {r["grid_id"]: r for r in _rows(out / "2026-09" / "grid_scores.csv")}
    assert int(grids["G1"]["responses"]) == int(g1_before["responses"]) + 1 and grids["G2"]["responses"] == "2"
    # called back as an answer of the grid it now counts for, whose worker answers for it (trial 207)
    assert {r["response_id"]: r["grid_name"] for r in _rows(out / "2026-09" / "callbacks.csv")}["R5"] == "天桥新村一网格"
    assert run_cli("audit", "--month", "2026-09", inbox=inbox, policy=policy)[0] == 0
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0 and "wrong_grid->G1" in run_cli.out
    # the grid taken back out of the appeal after the run: finalizing would fix pay that no longer applies it
    write_csv(inbox / "appeals.csv", header, [appeal_row("A1", "W1", "R5", category="非本网格") + ("",)])
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox, policy=policy)
    assert code == 1 and "appeal A1's resident_grid is now blank, run " in err and " read G1, so " in err, err
    # a grid grids.csv lacks, a grid the answer names, an appeal of another category: each named, nothing published
    before = (out / "2026-09" / "payroll.csv").read_bytes()
    write_csv(inbox / "appeals.csv", header, [appeal_row("A1", "W1", "R5", category="非本网格") + ("天桥新村三网格",),
                                              appeal_row("A2", "", "R6", category="非本网格") + ("G2",),
                                              appeal_row("A3", "W3", "R7", category="误评") + ("G1",)])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核结果", inbox=inbox, policy=policy)
    assert code == 1 and (out / "2026-09" / "payroll.csv").read_bytes() == before
    assert ("appeals.csv row 2 (appeal A1): resident_grid is not a grid of grids.csv (its id, name or an alias): "
            "'天桥新村三网格'") in err
    assert "appeals.csv row 3 (appeal A2): resident_grid is the grid the answer names" in err
    assert "appeals.csv row 4 (appeal A3): resident_grid is given on an appeal that is not 非本网格 (wrong_grid)" in err
    # trial 288: another month's appeal naming a grid split off since is that month's to check, not this month's stop
    later = ("A5", "2026-10", "", "R9", "非本网格", "划入新网格", today(), "支持", "人事科 陈主任", today(), "经核对门牌", "G9")
    write_csv(inbox / "appeals.csv", header, [appeal_row("A1", "W1", "R5", category="非本网格") + ("G1",), later])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核结果", inbox=inbox, policy=policy)
    assert code == 0 and "'G9'" not in err, err


def test_an_appeals_header_read_as_nothing_is_said(published_copy, run_cli, tmp_path):
    # trial 297: HR's decisions under 处理结果, read as nothing: every appeal pending, published, exit 0, nothing said
    inbox, policy = published_copy("none", min_responses=2)
    header = ("appeal_id", "month", "worker_id", "response_id", "category", "statement", "filed_on", "审核结果", "审核人")
    write_csv(inbox / "appeals.csv", header, [("A1", "2026-09", "W1", "R2", "恶意差评", "纠纷", today(), "支持", "陈主任")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉", "--reference", "inbox", inbox=inbox, policy=policy)
    assert "appeals.csv: the columns '审核结果', '审核人' are read as nothing" in err, (code, err)
    # policy 2027.34's [aliases] read 处理结果 and 处理人 as the decision: decided, its date asked for
    write_csv(inbox / "appeals.csv", header[:7] + ("处理结果", "处理人"), [("A1", "2026-09", "W1", "R2", "恶意差评", "纠纷",
                                                                      today(), "支持", "陈主任")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉", "--reference", "inbox", inbox=inbox, policy=policy)
    assert code == 1 and "decided_on is blank on a decided appeal" in err and "read as nothing" not in err, err
