"""Reference columns holding the dates a worker's pay turns on, headed so that no rule reads them (ingest/unread_dates.py),
and a workers.csv column of mobiles headed without a phone's word (trial 304: a leaver paid the whole month, 1636.38
for 791.80, and every worker's own rating counted, exit 0)."""
import pandas as pd
import pytest

from gridpay.core.errors import InputError
from gridpay.ingest.staging import refuse_unread_worker_phones
from gridpay.ingest.unread_dates import refuse_unread_end_dates


def _frame(headers: list[str], rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame([("f.csv", n + 2, *row) for n, row in enumerate(rows)], columns=["source_file", "row_number",
                                                                                          *headers], dtype="string")
    frame.attrs["headers"] = headers
    return frame


WORKERS = _frame(["worker_id", "name", "perf_pay_target"], [("W1", "蔡文彬", "1800"), ("W2", "陈雅琴", "1800")])


def test_an_end_date_headed_otherwise_stops_and_one_headed_end_date_does_not():
    for header in ("截止日期", "结束时间", "离岗日期", "到期日期", "end"):
        assignments = _frame(["worker_id", "grid_id", "start_date", header], [("W1", "G1", "2026-01-01", "2026/10/15")])
        with pytest.raises(InputError) as stop:
            refuse_unread_end_dates({"assignments": assignments, "workers": WORKERS}, "2026-10", replay=False)
        assert stop.value.column == header and "('2026/10/15') and assignments.csv has no end_date column" in str(stop.value)
        refuse_unread_end_dates({"assignments": assignments, "workers": WORKERS}, "2026-10", replay=True)   # an audit
    noted = _frame(["worker_id", "grid_id", "start_date", "备注"], [("W1", "G1", "2026-01-01", "2026/10/15")])
    refuse_unread_end_dates({"assignments": noted, "workers": WORKERS}, "2026-10", replay=False)        # no end's word


def test_a_leaving_date_in_workers_csv_stops_only_where_assignments_pay_her_after_it():
    workers = _frame(["worker_id", "name", "perf_pay_target", "离职日期"], [("W1", "蔡文彬", "1800", "2026/10/15"),
                                                                          ("W2", "陈雅琴", "1800", None)])
    paid_on = _frame(["worker_id", "grid_id", "start_date", "end_date"], [("W1", "G1", "2026-01-01", None)])
    with pytest.raises(InputError) as stop:
        refuse_unread_end_dates({"assignments": paid_on, "workers": workers}, "2026-10", replay=False)
    assert "says W1 left on 2026-10-15" in str(stop.value) and "gives her days to 2026-10-31" in str(stop.value)
    ended = _frame(["worker_id", "grid_id", "start_date", "end_date"], [("W1", "G1", "2026-01-01", "2026-10-15")])
    refuse_unread_end_dates({"assignments": ended, "workers": workers}, "2026-10", replay=False)
    refuse_unread_end_dates({"assignments": paid_on, "workers": workers}, "2026-09", replay=False)     # before she left


def test_a_column_of_mobiles_headed_without_a_phones_word_stops_where_no_phone_is_read():
    workers = _frame(["worker_id", "name", "perf_pay_target", "联系方式"], [("W1", "蔡文彬", "1800", "13800000001"),
                                                                          ("W2", "陈雅琴", "1800", "139 0000 0002")])
    with pytest.raises(InputError) as stop:
        refuse_unread_worker_phones(workers, replay=False)
    assert stop.value.column == "联系方式" and "reads like a phone, but no column is read as phone" in str(stop.value)
    office = _frame(["worker_id", "name", "perf_pay_target", "联系方式"], [("W1", "蔡文彬", "1800", "0592-1234567"),
                                                                         ("W2", "陈雅琴", "1800", "微信")])
    refuse_unread_worker_phones(office, replay=False)                    # no mobiles: nothing to read
