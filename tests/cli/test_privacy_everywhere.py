"""A published month with every report: no phone number in clear in the warehouse or any file written."""
import duckdb

from conftest import HAND_SURVEYS, RESIDENT_PHONE, WORKER_PHONE, survey

REPORTS = "all"      # the test reads the scorecards (run_cli renders them)


def _all_text_in_warehouse(db) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        columns = con.execute("select table_name, column_name from information_schema.columns "
                              "where data_type = 'VARCHAR'").fetchall()
        values = []
        for table, column in columns:
            values += [v for (v,) in con.execute(f'select "{column}" from "{table}"').fetchall() if v]
    return "\n".join(values)


LANDLINE = "请王师傅回电 139.8765.4321，或打家里0571-8765 4321"       # trial 105's, in a bad review


def test_no_phone_number_in_clear_anywhere(run_cli, make_inbox, tmp_path):
    bad = survey("R9", "G2", "G2-2-101", ("1",) * 5, comment=LANDLINE)
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": HAND_SURVEYS + [bad]}))
    assert code == 0, err
    db = tmp_path / "warehouse.duckdb"
    stored = _all_text_in_warehouse(db)
    assert "G1-1-101" in stored                          # the scan does see the survey rows
    assert "请王师傅回电 139****4321，或打家里0571-****4321" in stored        # policy 2027.13: survey.comment_numbers
    assert "0571-****4321" in (tmp_path / "out" / "2026-09" / "callbacks.csv").read_text(encoding="utf-8-sig")
    for phone in (RESIDENT_PHONE, WORKER_PHONE, "13800000002", "8765 4321", "8765.4321"):
        assert phone not in stored
        assert phone.encode() not in db.read_bytes()
        for path in (tmp_path / "out").rglob("*"):
            if path.is_file():
                assert phone.encode() not in path.read_bytes(), path
        assert phone not in err
    assert "139****5678" in stored                       # the comment kept, the number masked
    secret = b"test-secret-not-for-production"
    assert secret not in db.read_bytes() and secret.decode() not in err
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file() and secret in p.read_bytes()]
