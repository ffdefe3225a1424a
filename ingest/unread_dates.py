"""Reference columns holding the dates a worker's pay turns on, headed so that no rule reads them. Trial 304's office
headed assignments.csv's end date 截止日期 (also 结束时间, 离岗日期, 到期日期, end): read as nothing, a worker who left on
the 15th was paid the whole month (1636.38 for 791.80), exit 0, nothing said; its workers.csv's 离职日期 likewise. A
stop (exit 2) naming the column, never in an audit, which replays what the month was published on."""
from __future__ import annotations

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.transforms.parsing import normalized_date

_END_WORDS = ("截止", "结束", "终止", "到期", "离", "止", "至", "end")      # an end's words, in Chinese and English
_LEFT_WORDS = ("离职", "离岗", "离任", "退出", "调离", "辞职")                 # a worker's leaving


def _dated(frame: pd.DataFrame, words: tuple[str, ...]) -> tuple[str, str, pd.Series] | None:
    """(header, an example, the column's dates) of the first column no rule reads headed with one of `words` whose
    filled cells are dates."""
    names = list(frame.columns)[2:]      # after source_file, row_number
    for header, name in zip(frame.attrs.get("headers", names), names):
        if any(w in str(header).lower() for w in words) and name not in {"start_date", "end_date"}:
            dates = frame[name].map(normalized_date, na_action="ignore")
            filled = dates.dropna()
            if len(filled) and filled.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all():
                return str(header), str(frame[name].dropna().iloc[0]), dates
    return None


def refuse_unread_end_dates(tables: dict[str, pd.DataFrame], month: str, replay: bool) -> None:
    """assignments.csv without an end_date column, one of its columns an end's dates; a workers.csv column of the
    dates workers left, one of them before the month's end while assignments.csv gives her days after it."""
    if replay:
        return
    assignments, workers = tables["assignments"], tables["workers"]
    found = None if "end_date" in assignments.columns else _dated(assignments, _END_WORDS)
    if found is not None:
        header, example = found[:2]
        raise InputError("assignments.csv", f"the column '{header}' is read as nothing, though its cells are dates "
                         f"('{example}') and assignments.csv has no end_date column, so every worker would be paid to "
                         f"the month's end: head it end_date (结束日期) if it is each assignment's last day, else head "
                         f"it so that it names no end (备注), and run again", column=header)
    left = _dated(workers, _LEFT_WORDS)
    if left is None:
        return
    header, _, dates = left
    end = str(pd.Period(month, "M").end_time.date())
    last = dict(zip(workers["worker_id"], dates))
    for row in assignments.itertuples():
        gone = last.get(row.worker_id)
        until = normalized_date(getattr(row, "end_date", None)) or end
        started = (normalized_date(row.start_date) or "") <= end
        if isinstance(gone, str) and gone < end and min(until, end) > gone and started:
            raise InputError("workers.csv", f"the column '{header}' says {row.worker_id} left on {gone}, which gridpay "
                             f"does not read: assignments.csv (row {row.row_number}) gives her days to {until}, and a "
                             f"worker's days are assignments.csv's; give her last day as that row's end_date, and run "
                             f"again", column=header)
