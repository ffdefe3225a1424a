"""A door naming a building alone is in quarantine, and in no pair of homes the run asks HR to check (trial 152's
re-check: 'A-12' and 'A12栋' were "each counted as a household of its own", A12栋 in quarantine, and the advice to
set the older aside would have taken out the home's only counted answer)."""
import duckdb

from conftest import HAND_SURVEYS, survey


def test_a_building_alone_is_said_and_named_in_no_pair(run_cli, make_inbox):
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS + [survey("Z1", "G1", "A12栋", ("2",) * 5),
                                                       survey("Z2", "G1", "A-12", ("5",) * 5)]})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert "1 answer of grid G1 gives a building alone as the door ('A12栋'): invalid (door_unknown)" in err
    assert "'A-12' and 'A12栋'" not in err, err


def test_a_door_beginning_with_a_ditto_mark_is_said_with_its_row(run_cli, make_inbox):
    # trial 293: a volunteer's 〃2单元402 (the row above's building) beside 12栋2单元402, counted twice, unsaid
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS + [survey("Z1", "G1", "〃1单元101", ("2",) * 5),
                                                       survey("Z2", "G1", "同上", ("5",) * 5),
                                                       survey("Z3", "G2", "“1单元102", ("3",) * 5)]})    # its re-check
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0 and ("2 door numbers begin with a ditto mark (surveys/2026-09.csv row 10 '〃1单元101'; "
                          "surveys/2026-09.csv row 12 '“1单元102')") in err, err
    with duckdb.connect(str(inbox.parent / "warehouse.duckdb"), read_only=True) as con:     # on the scorecard too
        assert "ditto mark" in con.execute("select run_notices from runs where status = 'published'").fetchone()[0]


def test_a_few_answers_naming_a_grid_grids_csv_lacks_are_named_below_the_stop(run_cli, make_inbox):
    # trial 294: 3栋 and 1 1网格 typed in a free-text grid question, set aside under the stop's count, unnamed
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS + [survey("Z1", "3栋", "3栋1单元101", ("2",) * 5),
                                                       survey("", "二网格小计", "", ("4",) * 5)]})
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert "1 answer names a grid grids.csv does not have ('3栋' on 1 row): invalid" in err, (code, err)
    # trial 300: a volunteer's subtotal row typed in the grid column was advised to be a grid's alias (counted then)
    line = next(x for x in err.splitlines() if "as a totals row does" in x)
    assert "1 row names a grid as a totals row does ('二网格小计' on 1 row)" in line and "never add such a name" in line
    assert "二网格小计" not in next(x for x in err.splitlines() if "grids.csv does not have" in x)


def test_a_door_typed_after_a_compound_named_with_a_digit_is_the_door_after_it(run_cli, make_inbox, tmp_path):
    # trial 296: 7号院-3-2-301 beside the home's 3-2-301, 5号院3-2-301 (三里屯5号院=5号院) beside 3-2-301: each home
    # counted twice, five of seven unsaid, W01 1734.48 for 1810.98 (survey.digit_compound_doors, policy 2027.34)
    from conftest import write_csv
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS + [
        survey("Z1", "G1", "7号院-3-2-301", ("1",) * 5, "2026-09-03 10:00:00"),
        survey("Z2", "G1", "3-2-301", ("5",) * 5, "2026-09-20 10:00:00"),
        survey("Z3", "G2", "5号院3-2-301", ("1",) * 5, "2026-09-03 10:00:00"),
        survey("Z4", "G2", "三里屯5号院 3号楼2单元301", ("5",) * 5, "2026-09-20 10:00:00"),
        survey("Z5", "G1", "8-1-201", ("1",) * 5, "2026-09-04 10:00:00"),
        survey("Z6", "G1", "７号院８号楼１单元２０１", ("5",) * 5, "2026-09-21 10:00:00")]})      # typed full-width
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "天桥新村一网格", "天井湖社区", "20", "7号院"), ("G2", "井湖村二网格", "天井湖社区", "10", "三里屯5号院=5号院")])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    quarantine = (tmp_path / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert code == 0 and all(f",{z},excluded: duplicate_household" in quarantine for z in ("Z1", "Z3", "Z5")), err
