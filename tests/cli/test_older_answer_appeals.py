"""A 非本网格 appeal on an older answer of its home (appeals.wrong_grid_before_household): trial 245 was told that
upholding a family's older answers changed nothing, rejected them, upheld the latest, and an older one counted in its
place (W04 1523.37, below her 1526.09 before she appealed), the run saying only that older answers stayed out."""
from conftest import APPEAL_HEADER, appeal_row, survey, write_csv


def _inbox(make_inbox):
    rows = [survey(f"A{i}", "G1", f"{i + 1}栋1单元101", ("5",) * 5, f"2026-09-{i + 1:02d} 10:00:00") for i in range(5)]
    rows += [survey(f"B{i}", "G2", f"{i + 1}栋2单元201", ("4",) * 5, f"2026-09-{i + 1:02d} 11:00:00") for i in range(5)]
    rows += [survey(f"F{i}", "G1", "9栋3单元302", (str(i + 1),) * 5, f"2026-09-1{i}  20:00:00") for i in range(3)]
    return make_inbox({"2026-09.csv": rows})


def _marks(run_cli, inbox) -> dict:
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0
    return {line.split()[0]: line for line in run_cli.out.splitlines() if line.startswith("  F")}


def test_an_older_answer_of_an_appealed_home_is_told_and_said_when_it_counts_in_the_latest_ones_place(
        run_cli, make_inbox, make_policy):
    inbox, policy = _inbox(make_inbox), make_policy(min_responses=1)
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)[0] == 0
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row(f"F{i}", "W1", f"F{i}", decision="", category="非本网格")
                                                      for i in range(3)])
    marks = _marks(run_cli, inbox)
    assert "(older answer)" in marks["F0"] and "(older answer)" in marks["F1"] and "(older" not in marks["F2"], marks
    assert "(not counted)" not in run_cli.out and "decide one home's answers alike" in run_cli.out
    # the latest upheld, the older ones rejected as changing nothing: F1 counts in F2's place, and the run says so
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("F0", "W1", "F0", decision="驳回", category="非本网格"),
                                                      appeal_row("F1", "W1", "F1", decision="驳回", category="非本网格"),
                                                      appeal_row("F2", "W1", "F2", category="非本网格")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
    assert code == 0 and ("an upheld 非本网格 appeal takes answer F2 of 9栋3单元302 out of the grid it named, while that "
                          "home's answer F1, not upheld, counts for the grid as the home's answer of the month (and "
                          "answer F0, set aside behind it, would count next)") in err, err
    assert "had set that home's older" not in err, err          # its re-check was told F0 stayed out: F1 set it aside
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row(f"F{i}", "W1", f"F{i}", category="非本网格")
                                                      for i in range(3)])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
    assert code == 0 and "not upheld, counts" not in err, err


def test_so_is_one_naming_the_residents_grid(run_cli, make_inbox, make_policy):
    """Trial 245's re-check: the family's appeals naming its grid (resident_grid) read "(not counted) ... record it as
    rejected" again, and rejected, the older answer counted in the latest's place (W04 1522.69 for 1559.07)."""
    inbox, policy = _inbox(make_inbox), make_policy(min_responses=1)
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)[0] == 0
    header = APPEAL_HEADER + ("resident_grid",)
    write_csv(inbox / "appeals.csv", header, [appeal_row(f"F{i}", "W1", f"F{i}", decision="", category="非本网格")
                                              + ("G2",) for i in range(3)])
    marks = _marks(run_cli, inbox)
    assert "(older answer)" in marks["F0"] and "(not counted)" not in run_cli.out, run_cli.out
    write_csv(inbox / "appeals.csv", header, [appeal_row("F0", "W1", "F0", decision="驳回", category="非本网格") + ("",),
                                              appeal_row("F1", "W1", "F1", decision="驳回", category="非本网格") + ("",),
                                              appeal_row("F2", "W1", "F2", category="非本网格") + ("G2",)])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
    assert code == 0 and "appeal takes answer F2 of 9栋3单元302 out of the grid it named, while that home's answer F1" \
        in err, err
