"""A re-run of a published month on reference files or a policy changed since it was published
stops and names the change (a field trial: October re-run for an appeal was paid on November's
raised target, exit 0); --reference published re-uses the files it was published from, --reference
inbox takes today's on purpose. Either way the month audits clean."""
from conftest import write_csv


def _payroll(tmp_path) -> str:
    return (tmp_path / "out" / "2026-09" / "payroll.csv").read_text(encoding="utf-8-sig")


def test_a_target_raised_since_stops_the_rerun_until_told_which_files(run_cli, published_copy, tmp_path):
    inbox, _ = published_copy("none")
    before = _payroll(tmp_path)
    workers = (inbox / "workers.csv").read_text(encoding="utf-8")
    (inbox / "workers.csv").write_text(workers.replace("1000.00", "1200.00"), encoding="utf-8")

    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1
    line = err.strip().splitlines()[-1]
    assert line.startswith("gridpay: stopped: 2026-09 was published (run 2026-09-"), line
    assert "workers.csv: W1 perf_pay_target 1000.00 -> 1200.00." in line
    assert "--reference published" in line and "--reference inbox" in line
    assert _payroll(tmp_path) == before

    code, err = run_cli("run", "--month", "2026-09", "--reference", "published", inbox=inbox)
    assert code == 0, err
    assert _payroll(tmp_path) == before                  # the target the month was published with
    assert run_cli("audit", "--month", "2026-09", inbox=inbox)[0] == 0

    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", inbox=inbox)
    assert code == 0, err
    assert _payroll(tmp_path) != before and ",1200.00," in _payroll(tmp_path)
    assert run_cli("audit", "--month", "2026-09", inbox=inbox)[0] == 0


def test_the_month_s_adjustments_and_a_phone_are_compared_without_showing_the_phone(run_cli, published_copy):
    inbox, _ = published_copy("none")
    # HR keeps only the latest month's adjustments in the file; a worker's phone was corrected
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W2", "2026-10", "80.00", "夜间巡查", "人事科 陈主任")])
    workers = (inbox / "workers.csv").read_text(encoding="utf-8")
    (inbox / "workers.csv").write_text(workers.replace("13800000002", "13900000002"), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1
    line = err.strip().splitlines()[-1]
    assert "workers.csv: W2 phone changed" in line and "13900000002" not in line and "13800000002" not in line
    assert "adjustments.csv: W1/2026-09 removed." in line           # October's row is not September's business


def test_a_file_saved_again_unchanged_or_other_months_adjustments_are_no_change(run_cli, published_copy):
    inbox, _ = published_copy("none")
    grids = (inbox / "grids.csv").read_text(encoding="utf-8")
    (inbox / "grids.csv").write_text(grids.replace("\n", "\r\n"), encoding="utf-8")     # saved again by Excel
    with (inbox / "adjustments.csv").open("a", encoding="utf-8") as handle:
        handle.write("W2,2026-10,80.00,夜间巡查,人事科 陈主任\n")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
