"""On the demo month, every worker's scorecard holds that worker's data and nobody else's, and no
resident's comment or phone number."""
import csv
import subprocess

REPORTS = "all"      # these tests read the scorecards (run_cli renders them)


def test_each_demo_worker_sees_only_their_own_scorecard(run_cli, tmp_path):
    code, err = run_cli("demo", "--dir", str(tmp_path / "demo"), "--months", "1", inbox=tmp_path / "demo" / "inbox",
                        out=tmp_path / "demo" / "out", db=tmp_path / "demo" / "warehouse.duckdb")
    assert code == 0, err
    month = tmp_path / "demo" / "out" / "2026-10"
    with (month / "payroll.csv").open(encoding="utf-8-sig") as handle:
        names = {r["worker_id"]: r["name"] for r in csv.DictReader(handle)}
    comments = [line.split(",")[-1] for line in (month / "callbacks.csv").read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert len(names) >= 20
    for worker_id, name in names.items():
        text = subprocess.run(["pdftotext", str(month / "workers" / f"{worker_id}.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        html = (month / "workers" / f"{worker_id}.html").read_text(encoding="utf-8")
        assert name in text and name in html
        others = [o for wid, o in names.items() if wid != worker_id and o not in name]
        assert not [o for o in others if o in text or o in html], worker_id
        assert not [c for c in comments if c and (c in text or c in html)], worker_id
        assert "139****" not in html and "13905621234" not in html
