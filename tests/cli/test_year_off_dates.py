"""A worker of workers.csv given no day of the month by an assignment row dated a year off it stops the month,
in a project's first month too (trial 213: 刘芳's end date 2025/11/15 for 2026/11/15 left her unpaid and counted her
rating of her own grid as a resident's, exit 0; the check against the month paid before had no month to read)."""
from gridpay.expectations.paid_workers import year_off_workers


def test_a_row_ending_in_the_month_a_year_before_stops_a_first_month(run_cli, make_inbox, tmp_path):
    inbox = make_inbox()
    rows = (inbox / "assignments.csv").read_text(encoding="utf-8")
    assert "W2,G2,2026-01-01,2026-09-15," in rows and "W3,G2,2026-09-16," in rows      # W3 from the day after
    (inbox / "assignments.csv").write_text(rows.replace("W2,G2,2026-01-01,2026-09-15,", "W2,G2,2024-01-01,2025-09-15,"),
                                           encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and not (tmp_path / "out" / "2026-09").exists(), err
    assert ("assignments.csv has a row dated a year off 2026-09 beside another worker's row of the grid (a year "
            "typed wrong?)") in line, line
    assert ("nothing published. 李娜 (W2), assignments.csv row 3, G2 from 2024-01-01 to 2025-09-15: given no day of "
            "the month (2025-09-15 typed for 2026-09-15?). Correct the year") in line, line


def test_a_start_typed_a_year_early_beside_its_predecessor_stops_the_month(run_cli, make_inbox, tmp_path):
    """Trial 215: W05's 2025-11-11 for 2026-11-11 paid her all month beside the worker whose row ended 2026-11-10."""
    inbox = make_inbox()
    rows = (inbox / "assignments.csv").read_text(encoding="utf-8")
    (inbox / "assignments.csv").write_text(rows.replace("W3,G2,2026-09-16,", "W3,G2,2025-09-16,"), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and not (tmp_path / "out" / "2026-09").exists(), err
    assert ("张喆 (W3), assignments.csv row 4, G2 from 2025-09-16 to (open): paid for days W2's row of G2 holds "
            "(2025-09-16 typed for 2026-09-16?)") in line, line


def test_only_a_year_off_the_month_is_doubted(make_inbox, tmp_path):
    """A leaver of another month, and a worker with a day of the month, are no year typed wrong."""
    import duckdb
    from gridpay.ingest.survey_stage import STAGE_DB
    work = tmp_path / "work"
    work.mkdir()
    with duckdb.connect(str(work / STAGE_DB)) as con:
        con.execute("create table workers (worker_id varchar, name varchar)")
        con.execute("insert into workers values ('W1', '甲'), ('W2', '乙'), ('W3', '丙'), ('W4', '丁'), ('W5', '戊'), ('W6', '己'), ('W7', '庚'), ('W8', '辛'), ('W9', '壬'), "
                    "('WA', '癸'), ('WB', '子')")
        con.execute("create table assignments (worker_id varchar, source_file varchar, row_number varchar, "
                    "grid_id varchar, start_date varchar, end_date varchar)")
        con.execute("""insert into assignments values
            ('W1', 'assignments.csv', '2', 'G1', '2024-01-01', '2025-11-15'),   -- a year before: doubted
            ('W5', 'assignments.csv', '7', 'G1', '2026-11-16', null),           -- ... its successor a year on
            ('W2', 'assignments.csv', '3', 'G4', '2024-01-01', '2025-11-15'),   -- its successor from the next day
            ('W6', 'assignments.csv', '8', 'G4', '2025-11-16', null),           -- ... a leaver of a year ago
            ('W3', 'assignments.csv', '4', 'G2', '2027-11-16', null),           -- a year later: doubted
            ('W4', 'assignments.csv', '5', 'G2', '2024-01-01', '2025-11-15'),   -- ... but paid this month
            ('W4', 'assignments.csv', '6', 'G3', '2026-11-01', null),
            ('W7', 'assignments.csv', '9', 'G5', '2024-01-01', '2026-11-10'),   -- a predecessor ...
            ('W8', 'assignments.csv', '10', 'G5', '2025-11-11', null),          -- ... its successor a year early
            ('W9', 'assignments.csv', '11', 'G6', '2024-01-01', '2027-11-15'),  -- an end a year late ...
            ('WA', 'assignments.csv', '12', 'G6', '2026-11-16', null),          -- ... beside its successor
            ('WB', 'assignments.csv', '13', 'G7', '2025-11-11', null)""")   # a start a year before, no one beside
    found = year_off_workers(work, "2026-11")
    assert [(w.worker_id, w.beside) for w in found] == [("W1", ""), ("W3", ""), ("W8", "W7"), ("W9", "WA")]
    assert [(w.typed, w.meant) for w in found] == [("2025-11-15", "2026-11-15"), ("2027-11-16", "2026-11-16"),
                                                   ("2025-11-11", "2026-11-11"), ("2027-11-15", "2026-11-15")]
