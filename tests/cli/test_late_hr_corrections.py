"""HR's own correction (an upheld appeal, worker_id blank) has no appeal window: it is no worker's appeal."""
import re
from datetime import date

from conftest import APPEAL_HEADER, today, write_csv


def test_hr_s_own_correction_filed_after_the_window_is_applied(published_copy, run_cli, monkeypatch):
    """Trial 221 found a worker's spouse's answer after finalizing: HR's own correction (worker_id blank, as the
    docs say) was refused as a late appeal, and no other way took the answer out. HR's own has no window."""
    import gridpay.pipeline.review_gate as gate
    import gridpay.pipeline.steps as steps
    monkeypatch.setattr(gate, "appeal_window", lambda db, month, policy: ("2026-10-01", "2026-10-07"))
    monkeypatch.setattr(steps, "window_dates", lambda first, days, tz: (date(2026, 10, 1), date(2026, 10, 7)))
    inbox, policy = published_copy("none", 2)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER,
              [("A7", "2026-09", "", "R5", "其他", "网格员家属代评", "2026-10-20", "支持", "人事科 陈主任", today(),
                "住户系网格员配偶")])
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0
    row = next(line for line in run_cli.out.splitlines() if line.startswith("  A7"))
    assert "late" not in row and "(late)" not in run_cli.out and "upheld" in row
    code, err = run_cli("run", "--month", "2026-09", "--reason", "更正", "--reports", "hr", inbox=inbox, policy=policy)
    assert code == 0, err
    # output format 29: no worker's appeal on the scorecard (trial 221's read 本月申诉 3 件, 支持率 100%)
    page = (inbox.parent / "out" / "2026-09" / "scorecard.html").read_text(encoding="utf-8")
    section = page[page.index("<h2>申诉与回访</h2>"):page.index("<h2>回访清单")]
    assert "本月申诉 0 件" in section and "另有社区人工核对剔除的答卷 1 份（非网格员申诉，不计入申诉件数和支持率）。" in section
    row = re.findall(r"<td[^>]*>(.*?)</td>", next(r for r in section.split("<tr>") if "社区核对剔除 1" in r), re.S)
    assert row[1:4] == ["0", "0", "0"] and row[5] == "", row
    quarantine = (inbox.parent / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert any(line.startswith("R5,") or ",R5," in line for line in quarantine.splitlines()), quarantine
