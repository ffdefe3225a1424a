"""Three months of two grids for the pooled-window tests (tests/cli/test_pooled_months.py): G1 answered enough, G2
thin under min_responses 10, its households new each month."""
import csv

from inboxes import survey

MONTHS = ("2026-07", "2026-08", "2026-09")
ASSIGNMENTS = [("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", "")]


def month_rows(month: str, g2_answer: str = "2", g2_count: int = 4) -> list[tuple]:
    """G1: ten answers; G2 (thin under min_responses 10): a few, from households new each month."""
    day = f"{month}-10 10:00:00"
    rows = [survey(f"{month}-A{i}", "G1", f"G1-{i}", ("4", "5", "4", "5", "4"), day) for i in range(10)]
    return rows + [survey(f"{month}-B{i}", "G2", f"G2-{month}-{i}", (g2_answer,) * 5, day) for i in range(g2_count)]


def grid_row(out, month: str, grid: str = "G2") -> dict:
    with (out / month / "grid_scores.csv").open(encoding="utf-8-sig") as handle:
        return next(r for r in csv.DictReader(handle) if r["grid_id"] == grid)


def months_inbox(make_inbox, surveys: dict) -> object:
    return make_inbox({f"{m}.csv": rows for m, rows in surveys.items()}, adjustments=False, assignments=ASSIGNMENTS)
