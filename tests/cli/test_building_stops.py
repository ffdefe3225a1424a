"""grids.csv's buildings (policy 2027.30): answers naming a grid with a door in another grid's building stop the month
on gate.other_grid_building_rows of them (trial 234's paper forms typed under a homophone), fewer are said, and HR's
own 非本网格 correction naming the resident's grid counts them there."""
from conftest import APPEAL_HEADER, appeal_row, survey, write_csv


def _inbox(make_inbox, wrong: int):
    rows = [survey(f"A{i}", "G1", f"{i % 3 + 1}栋1单元{100 + i}", ("5",) * 5, f"2026-09-{i + 1:02d} 10:00:00")
            for i in range(6)]
    rows += [survey(f"B{i}", "G2", f"{i % 3 + 4}栋2单元{200 + i}", ("4",) * 5, f"2026-09-{i + 1:02d} 11:00:00")
             for i in range(6)]
    rows += [survey(f"P{i}", "G2", f"2栋3单元{300 + i}", ("1",) * 5, f"2026-09-{i + 10:02d} 12:00:00")
             for i in range(wrong)]       # G1's building, typed under 东园网格
    inbox = make_inbox({"2026-09.csv": rows})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "buildings"),
              [("G1", "东苑网格", "天井湖社区", "20", "1-3栋"), ("G2", "东园网格", "天井湖社区", "10", "4-6栋")])
    return inbox


def test_answers_with_another_grids_building_stop_the_month_and_a_correction_counts_them_there(run_cli, make_inbox,
                                                                                               make_policy):
    inbox, policy = _inbox(make_inbox, 3), make_policy(min_responses=1)
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 1 and ("2026-09: 3 answers name a grid with a door in a building grids.csv lists for another grid "
                          "(3 or more to one grid), and would pay that grid's worker for another's residents; nothing published. answer P0 "
                          "(surveys/2026-09.csv row 14) names 东园网格 (G2) with 2栋3单元300, a building grids.csv lists "
                          "for 东苑网格 (G1)") in err, err
    assert "record HR's own correction in appeals.csv: decision upheld, category 非本网格, worker_id blank" in err
    write_csv(inbox / "appeals.csv", APPEAL_HEADER + ("resident_grid",),
              [appeal_row(f"H{i}", "", f"P{i}", category="非本网格") + ("G1",) for i in range(3)])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0 and "a building grids.csv lists" not in err, err


def test_fewer_are_said_and_a_building_no_grid_lists_too(run_cli, make_inbox, make_policy):
    inbox = _inbox(make_inbox, 2)
    rows = (inbox / "surveys" / "2026-09.csv").read_text(encoding="utf-8").replace("6栋2单元202", "9栋2单元202")
    (inbox / "surveys" / "2026-09.csv").write_text(rows, encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 0 and ("2 answers name a grid with a door in a building grids.csv lists for another grid, and count "
                          "for the grid they name: answer P0") in err, err
    assert "1 answer gives a door in a building grids.csv lists for no grid, and counts for the grid it names" in err and "9栋2单元202" in err


def test_a_grids_csv_headed_as_hr_heads_it(run_cli, make_inbox, make_policy):
    """Trial 237: grids.csv's 楼栋 column was ignored (the check off, answers of another grid's buildings paid unsaid),
    and its 小区 column was read as a survey answer's compound, the grids' compounds dropped: 楼栋 is read as buildings,
    and 小区 stops the run."""
    inbox = _inbox(make_inbox, 3)
    text = (inbox / "grids.csv").read_text(encoding="utf-8")
    (inbox / "grids.csv").write_text(text.replace("buildings", "楼栋", 1), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 1 and "3 answers name a grid with a door in a building grids.csv lists for another grid" in err, err
    (inbox / "grids.csv").write_text(text.replace("buildings", "小区", 1), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 2 and ("grids.csv, column '小区': the column '小区' is read as a survey answer's compound (小区), and "
                          "grids.csv has no compounds column: head it compounds") in err, err
    # ... and the form too (trial 244's was printed without the compound question the run then asked for)
    assert run_cli("questionnaire", inbox=inbox)[0] == 2
    for header, meant in (("管辖楼栋", "buildings"), ("所辖小区", "compounds")):     # its re-check: read as nothing
        (inbox / "grids.csv").write_text(text.replace("buildings", header, 1), encoding="utf-8")
        code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
        assert code == 2 and f"the column '{header}' is read as nothing, and grids.csv has no {meant} column" in err, err


def test_they_are_counted_grid_by_grid(run_cli, make_inbox, make_policy):
    """Trial 239: three residents of three grids each choosing the grid next door stopped the month."""
    inbox = _inbox(make_inbox, 2)                # two to G2 with G1's building ...
    with (inbox / "surveys" / "2026-09.csv").open("a", encoding="utf-8") as handle:
        handle.write("Q1,G1,5栋1单元501,,2026-09-20 10:00:00,wechat,120,4,4,4,4,4,\n")     # ... and one to G1 with G2's
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 0 and "3 answers name a grid with a door in a building grids.csv lists for another grid, and count " \
                         "for the grid they name" in err, err


def test_three_doors_of_buildings_no_grid_lists_to_one_grid_stop_and_hrs_correction_takes_them_out(run_cli, make_inbox,
                                                                                                     make_policy, tmp_path):
    """Trial 241: the survey link shared into a neighbouring community's WeChat group, whose grids are numbered alike:
    24 of 第六网格's 53 answers gave doors of buildings the community does not have, counted for it, said only."""
    inbox, policy = _inbox(make_inbox, 0), make_policy(min_responses=1)
    with (inbox / "surveys" / "2026-09.csv").open("a", encoding="utf-8") as handle:
        for i in range(3):
            handle.write(f"N{i},G2,北湖小区2{i}栋1单元30{i},,2026-09-2{i} 10:00:00,wechat,120,1,1,1,1,1,\n")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 1 and ("2026-09: 3 answers name a grid with a door in a building grids.csv lists for no grid (3 or "
                          "more to one grid), and would pay that grid's worker for homes that may not be its "
                          "residents'; nothing published. answer N0 (surveys/2026-09.csv row 14) names 东园网格 (G2) "
                          "with 北湖小区20栋1单元300, a building grids.csv lists for no grid") in err, err
    assert "resident_grid blank, and the answer counts for no grid" in err and "gate.unlisted_building_rows" in err
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row(f"H{i}", "", f"N{i}", category="非本网格")
                                                      for i in range(3)])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0 and "lists for no grid" not in err, err
    # without the key (a policy before 2027.31): said, and the month published
    (inbox / "appeals.csv").unlink()
    policy.write_text(policy.read_text(encoding="utf-8").replace("\nunlisted_building_rows = 3", "\n")
                      .replace('version = "2027.37"', 'version = "2027.30"'), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy,
                        out=tmp_path / "before", db=tmp_path / "before.duckdb")
    assert code == 0 and "3 answers give a door in a building grids.csv lists for no grid, and count for" in err, err


def test_a_wrong_grid_correction_on_a_door_of_the_grids_own_building_is_said(run_cli, make_inbox, make_policy):
    """Trials 241 and 249: HR's own 非本网格 correction typed 174 for 147 took a resident of the grid's own building out
    (陈志强 1679.13 for 1666.70), exit 0, nothing said."""
    inbox, policy = _inbox(make_inbox, 0), make_policy(min_responses=1)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("H1", "", "B2", category="非本网格")])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0 and ("appeal H1 (非本网格, upheld) takes out answer B2, whose door 6栋2单元202 is in a building "
                          "grids.csv lists for G2, the grid the answer names: is its answer id mistyped") in err, err
