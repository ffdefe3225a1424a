"""The adjustments a month's published run paid against those adjustments.csv gives the month now:
HR adds a 补发 for October after October was published, and no run pays it (a nineteenth field trial's
100 yuan: November ignored it, `finalize --force` finalized October without it). Compared as
(worker, amount, reason), each amount to the fen: '200' and '200.00' are one amount."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from gridpay.ingest.formats import Source, read_table
from gridpay.transforms.amounts import amount_value
from gridpay.transforms.parsing import normalized_amount, normalized_month

Line = tuple[str, str, str]          # worker_id, amount (yuan, two decimals), reason


def _line(worker, amount, reason) -> Line:
    value = amount_value(amount)
    text = normalized_amount(amount) or "" if value is None else f"{value:.2f}"
    return (str(worker or "").strip(), text, str(reason or "").strip())


def adjustment_lines(rows) -> Counter:
    """Counter of lines from (worker_id, amount, reason) rows."""
    return Counter(_line(*row) for row in rows)


def inbox_adjustments(inbox: Path, aliases: dict[str, str]) -> pd.DataFrame:
    """The inbox's adjustments.csv as the run reads it (months as YYYY-MM)."""
    frame = read_table(Source("adjustments.csv", inbox / "adjustments.csv"), "adjustments", aliases)
    frame["month"] = frame["month"].map(normalized_month, na_action="ignore")
    return frame


def changed_lines(frame: pd.DataFrame, month: str, paid: list[tuple]) -> tuple[list[Line], list[Line]]:
    """(lines adjustments.csv gives `month` that the run did not pay, lines the run paid that it no longer
    gives), each line once per time it differs."""
    now = adjustment_lines(frame.loc[frame["month"] == month, ["worker_id", "amount", "reason"]]
                           .itertuples(index=False, name=None))
    then = adjustment_lines(paid)
    return sorted((now - then).elements()), sorted((then - now).elements())
