"""The adjustments a month's published run paid against those adjustments.csv gives the month now:
HR adds a 补发 for October after October was published, and no run pays it (a nineteenth field trial's
100 yuan: November ignored it, `finalize --force` finalized October without it). Compared as
(worker, amount, reason), each amount to the fen: '200' and '200.00' are one amount."""
from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

import pandas as pd

from gridpay.ingest.formats import Source, read_table
from gridpay.transforms.amounts import amount_value
from gridpay.transforms.parsing import normalized_amount, normalized_month

log = logging.getLogger("gridpay")
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


_READ = {"source_file", "row_number", "worker_id", "month", "amount", "reason", "approved_by"}


def say_deductions_elsewhere(frame: pd.DataFrame, month: str, words: tuple[str, ...]) -> None:
    """The month's adjustments above zero that a column gridpay does not read marks as a deduction (备注 扣款（迟到3次）,
    类型 扣款), said as gate.deduction_words says one whose reason does: trial 310's +150 so marked was paid as a bonus
    (Z004 2104.89 for 1804.89), exit 0, nothing said; the reason alone was looked at."""
    others = [c for c in frame.columns if c not in _READ]
    if not words or not others or frame.empty:
        return
    for row in frame[frame["month"] == month].to_dict("records"):
        amount, reason = (None if pd.isna(row[c]) else str(row[c]) for c in ("amount", "reason"))
        value, reason = amount_value(amount) if amount else None, reason or ""     # blank cells: the suite's to say
        marked = [(c, str(row[c])) for c in others if not pd.isna(row[c]) and any(w in str(row[c]) for w in words)]
        if value is not None and value > 0 and marked and not any(w in reason for w in words):
            column, text = marked[0]
            log.warning("%s row %s gives %s +%.2f for '%s', and its column '%s' says '%s', which reads as a deduction "
                        "(%s): gridpay reads no such column (worker_id, month, amount, reason, approved_by): if it "
                        "deducts, type -%.2f and run again; if it adds, it is right as it is", row["source_file"],
                        row["row_number"], row["worker_id"], value, reason, column, text,
                        "/".join(w for w in words if w in text), value, extra={"notice": "pay_inputs"})
