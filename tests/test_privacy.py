"""Phone numbers never reach the warehouse or any output in clear; comments are masked."""
import duckdb

from conftest import RESIDENT_PHONE, WORKER_PHONE

REPORTS = "all"      # these tests read the scorecards (run_cli renders them)


def _all_text_in_warehouse(db) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        columns = con.execute("select table_name, column_name from information_schema.columns "
                              "where data_type = 'VARCHAR'").fetchall()
        values = []
        for table, column in columns:
            values += [v for (v,) in con.execute(f'select "{column}" from "{table}"').fetchall() if v]
    return "\n".join(values)


def test_no_phone_number_in_clear_anywhere(run_cli, make_inbox, tmp_path):
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox())
    assert code == 0, err
    db = tmp_path / "warehouse.duckdb"
    stored = _all_text_in_warehouse(db)
    assert "G1-1-101" in stored                          # the scan does see the survey rows
    for phone in (RESIDENT_PHONE, WORKER_PHONE, "13800000002"):
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


def test_phone_hash_is_keyed(monkeypatch):
    from gridpay.transforms.privacy import phone_hash
    a = phone_hash("+86 139-1234-5678", b"key-a")
    assert a == phone_hash("13912345678", b"key-a") != phone_hash("13912345678", b"key-b")
    assert RESIDENT_PHONE not in a and len(a) == 64


def test_key_file_is_created_owner_only(monkeypatch, tmp_path):
    from gridpay.core.secret_key import phone_key
    monkeypatch.delenv("GRIDPAY_SECRET")
    key_file = tmp_path / "keys" / "secret.key"
    key = phone_key(key_file)
    assert len(key) == 64 and key_file.stat().st_mode & 0o777 == 0o600
    assert phone_key(key_file) == key


def test_mainland_mobiles_excel_numbers_and_masks():
    from gridpay.transforms.privacy import is_mobile, masked_number, normalized_phone, unreadable_phone
    assert all(is_mobile(p) for p in ("13905612345", "+86 139-0561-2345", "86 139 0561 2345", "１３９０５６１２３４５"))
    assert not any(is_mobile(p) for p in ("1.39056E+10", "13905612345.0", "12905612345", "1390561234", "0562-1234567"))
    assert unreadable_phone("1.39056E+10") and unreadable_phone(" 13905612345.0 ") and unreadable_phone("1E+10")
    assert not unreadable_phone("13905612345") and not unreadable_phone("+86 139-0561-2345")
    assert normalized_phone("1.39056E+10") is None and normalized_phone("13905612345") == "13905612345"
    assert masked_number("13905615678") == "139****5678" and masked_number("139.056E+10") == "139****5610"
    assert masked_number("12345") == "12345"

