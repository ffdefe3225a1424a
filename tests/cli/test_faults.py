"""Faults leave the earlier months intact and say what happened: a full disk while publishing, a
corrupt warehouse file."""
import duckdb



def test_disk_full_while_publishing_keeps_the_earlier_month(run_cli, published_copy, tmp_path, monkeypatch):
    inbox, _ = published_copy("none")
    month = tmp_path / "out" / "2026-09"
    before = {p.name: p.read_bytes() for p in month.iterdir() if p.is_file()}

    monkeypatch.setenv("GRIDPAY_FAULT", "fail:publish_write")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    monkeypatch.delenv("GRIDPAY_FAULT")
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("gridpay: No space left on device (injected at publish_write)")

    assert {p.name: p.read_bytes() for p in month.iterdir() if p.is_file()} == before
    assert not list((tmp_path / "out").glob(".publishing-*")) and not (tmp_path / "out" / ".work").exists()
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        runs = con.execute("select status, message from runs order by started_at").fetchall()
        published = con.execute("select r.status from published p join runs r using (run_id)").fetchall()
    assert runs[-1][0] == "failed" and "No space left on device" in runs[-1][1]
    assert published == [("published",)]
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0      # and it recovers


def test_corrupt_warehouse_is_named_and_doctor_says_what_to_do(run_cli, make_inbox, tmp_path):
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    db = tmp_path / "warehouse.duckdb"
    data = bytearray(db.read_bytes())
    data[:4096] = b"\x00" * 4096                                        # the header is gone
    db.write_bytes(bytes(data))
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 2 and "cannot open the warehouse" in err and "restore it from backup" in err
    code, _ = run_cli("doctor", inbox=inbox)
    assert code == 1 and "cannot be opened" in run_cli.out and "restore it from backup" in run_cli.out
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").is_file()
