"""The finalize time on the HR scorecard (publishing/report_data.py final_time)."""
from datetime import datetime

from gridpay.publishing.report_data import final_time


def test_the_finalize_time_is_local_with_its_offset_from_output_format_11():
    """Trial 80 read 已定稿（陈主任，2026-07-09 09:00 UTC ...） on a Beijing office's scorecard: local from format 11."""
    at = datetime(2026, 7, 9, 1, 0, 30)
    assert final_time(at, "Asia/Shanghai", 10) == "2026-07-09 01:00"          # the label says UTC, as published
    assert final_time(at, "Asia/Shanghai", 11) == "2026-07-09 09:00 UTC+8"
    assert final_time(at, "Asia/Kolkata", 11) == "2026-07-09 06:30 UTC+5:30"
