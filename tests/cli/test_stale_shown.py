"""A later month whose pay cannot move with a correction of an earlier one is told so (trial 95: no grid of
November was thin, October's late paper form changed nothing November's pay reads, and November was called stale
with "its pay may no longer be right")."""
import csv

from pooled_months import ASSIGNMENTS, month_rows as _month


def test_a_later_month_that_pooled_nothing_of_a_corrected_month_is_told_its_pay_stays(run_cli, make_inbox):
    inbox = make_inbox({f"{m}.csv": _month(m, g2_count=10) for m in ("2026-08", "2026-09")}, adjustments=False,
                       assignments=ASSIGNMENTS)           # G2 with 10 answers a month: no grid pools
    for month in ("2026-08", "2026-09"):
        assert run_cli("run", "--month", month, inbox=inbox)[0] == 0
    (inbox / "surveys" / "2026-08.csv").unlink()
    make_inbox({"2026-08.csv": _month("2026-08", g2_answer="5", g2_count=10)}, adjustments=False,
               assignments=ASSIGNMENTS)
    code, err = run_cli("run", "--month", "2026-08", "--reason", "补录", inbox=inbox)
    assert code == 0, err
    line = next(x for x in err.splitlines() if "2026-09 (run" in x)
    assert "what 2026-09 shows of it (previous pay, flags, the change in scores) is out of date" in line, line
    assert line.endswith("its pay and scores will stay as they are (gridpay run --month 2026-09 --reference published)")
    payroll = inbox.parent / "out" / "2026-09" / "payroll.csv"
    before = _pay(payroll)
    assert run_cli("run", "--month", "2026-09", "--reference", "published", inbox=inbox)[0] == 0
    assert _pay(payroll) == before                   # as said: the pay stayed (its flags compare with August's)


def _pay(path) -> list[tuple]:
    with path.open(encoding="utf-8-sig") as handle:
        return [tuple(v for k, v in row.items() if k != "flags") for row in csv.DictReader(handle)]
