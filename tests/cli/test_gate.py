"""A month that is mostly broken stops at the gate: exit 1, nothing published, the reasons kept."""
import duckdb

from conftest import HAND_SURVEYS, survey


def test_mostly_invalid_month_exits_1_and_publishes_nothing(run_cli, make_inbox, tmp_path):
    broken = [survey(f"B{i}", "NOPE", f"H{i}", ("4", "4", "4", "4", "4")) for i in range(4)]
    broken.append(survey("B4", "NO\u202ePE", "H4", ("4",) * 5))     # trial 157: a right-to-left override
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-10.csv": broken})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    before = (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes()

    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)

    assert code == 1
    assert "5 of 5 survey rows are invalid" in err
    assert "grid_id is not in grids.csv (5 rows, first at surveys/2026-10.csv row 2)" in err
    assert not (tmp_path / "out" / "2026-10").exists()
    # every invalid row, with the value and the reason, for HR to fix from; its path is printed
    rejected = tmp_path / "out" / "2026-10.rejected" / "quarantine.csv"
    assert str(rejected) in err
    lines = rejected.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "source_file,row_number,response_id,column,value,reason"
    assert lines[1] == "surveys/2026-10.csv,2,B0,grid_id,NOPE,grid_id 'NOPE' is not in grids.csv"
    assert lines[2] == "surveys/2026-10.csv,2,B0,submitted_at,2026-09-10 10:00:00,submitted_at '2026-09-10 10:00:00' is outside the month"
    assert len(lines) == 1 + 5 * 2                   # one line per failed rule of each row
    # policy 2027.29 reads an answer's grid without it (trial 223); before, it was named NO<U+202E>PE (trial 157)
    assert "surveys/2026-10.csv,6,B4,grid_id,NOPE," in lines[9] and "\u202e" not in rejected.read_text()
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes() == before
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        status, message = con.execute("select status, message from runs where month = '2026-10'").fetchone()
        kept = con.execute("select failed_rows from validation_rules v join runs r using (run_id) "
                           "where r.month = '2026-10' and v.reason = 'grid_id is not in grids.csv'").fetchone()
        published = con.execute("select count(*) from published where month = '2026-10'").fetchone()[0]
    assert status == "gate_failed" and "nothing published" in message
    assert kept == (5,) and published == 0

    # a later successful run of the month removes the rejected folder
    (inbox / "surveys" / "2026-10.csv").unlink()
    october = [tuple(v.replace("2026-09", "2026-10") for v in row) for row in HAND_SURVEYS]
    make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-10.csv": october})
    assert run_cli("run", "--month", "2026-10", inbox=inbox)[0] == 0
    assert not (tmp_path / "out" / "2026-10.rejected").exists()


def test_gate_share_comes_from_the_policy(run_cli, published_copy, make_policy, tmp_path):
    # 1 invalid row of 8 (12.5%) passes the default 20% gate (the month published) but not a 10% one
    inbox, _ = published_copy("none")
    strict = make_policy(version='"own-1"', max_invalid_share=0.10)
    before = sorted(p.name for p in (tmp_path / "out" / "2026-09").iterdir())
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", inbox=inbox, policy=strict)
    assert code == 1 and "12.5% > 10%" in err, err
    assert sorted(p.name for p in (tmp_path / "out" / "2026-09").iterdir()) == before      # the month as published


def test_a_grid_whose_rows_are_nearly_all_invalid_stops_a_month_under_the_gate(run_cli, make_inbox, tmp_path):
    """A paper sheet for G2 typed with 好 for every answer: all of G2's 6 rows invalid, 6 of 36 for the
    month (17%, under the 20% gate); G2's worker would have been paid as if nobody had answered.
    (Its channel typed 纸质 is read as paper: the policy's survey.channel_words.)"""
    good = [survey(f"G1-{i}", "G1", f"G1-9-{i:03d}", ("4",) * 5) for i in range(30)]
    paper = [survey(f"P{i}", "G2", f"G2-9-{i:03d}", ("好",) * 5, channel="纸质") for i in range(6)]
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": good + paper}))
    assert code == 1, err
    line = err.strip().splitlines()[-1]
    assert "most of a grid's survey rows are invalid" in line and "nothing published" in line
    assert "井湖村二网格 (G2): 6 of its 6 survey rows are invalid; the first, surveys/2026-09.csv row 32: sat_" in line
    assert "channel" not in line
    assert "a download Excel or WPS saved again: put it in as downloaded, never edited" in line      # trial 131
    assert not (tmp_path / "out" / "2026-09").exists()
    assert (tmp_path / "out" / "2026-09.rejected" / "quarantine.csv").is_file()


def test_a_paper_sheet_with_the_grid_written_once_stops_the_month(run_cli, make_inbox, tmp_path):
    """A field trial's sheet: G2 on its first row, blank (or 同上) below; the unhappy answers under it
    counted for no grid, 6% of the month, and G2's worker was paid more, exit 0."""
    good = [survey(f"G1-{i}", "G1", f"G1-9-{i:03d}", ("4",) * 5) for i in range(30)]
    sheet = [survey(f"P{i}", "G2" if i == 0 else ("同上" if i == 3 else ""), f"G2-9-{i:03d}", ("1",) * 5)
             for i in range(4)]
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": good + sheet}))
    assert code == 1, err
    line = err.strip().splitlines()[-1]
    assert ("3 answers in surveys/2026-09.csv name no grid (rows 33-35); the grid is blank below row 32's 'G2' "
            "(written once for the sheet, or 同上?). Write the grid on every row") in line
    assert not (tmp_path / "out" / "2026-09").exists()


def test_a_grid_typed_as_a_ditto_mark_is_no_grid_name_to_alias(run_cli, make_inbox, tmp_path):
    """Trial 218's sheet typed 同上 under G2's and under G3's rows: it was offered as an alias of G2 ("did you
    mean"), and, so aliased, G3's answers were paid to G2's worker, exit 0."""
    good = [survey(f"G1-{i}", "G1", f"G1-9-{i:03d}", ("4",) * 5) for i in range(30)]
    # ... typed with a space or a stop too (trial 218's re-check: 同 上 was offered as an alias, and paid to G2)
    sheet = [survey(f"P{i}", ("G2", "同上", "同 上", "同上。")[i], f"G2-9-{i:03d}", ("1",) * 5) for i in range(4)]
    inbox = make_inbox({"2026-09.csv": good + sheet})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and "did you mean" not in line and "add it to the aliases" not in line, err
    assert "3 answers in surveys/2026-09.csv name no grid (rows 33-35)" in line, line
    grids = (inbox / "grids.csv").read_text(encoding="utf-8").splitlines()
    grids[0] += ",aliases"
    (inbox / "grids.csv").write_text("\n".join([grids[0]] + [g + (",同 上" if g.startswith("G2,") else ",")
                                                             for g in grids[1:]]) + "\n", encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 2 and "alias '同 上' of G2 is a ditto mark ('as above'), no grid's name" in err, err
