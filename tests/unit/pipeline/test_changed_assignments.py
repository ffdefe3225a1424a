"""assignments.csv edited for a published month is said by the next run (trial 84: W08's July start moved
from 07-01 to 07-10 after July had paid 31 days; nothing said it). The days a file gives a month; two workers of
one name whose ids a retyped sheet swapped (trial 171)."""
import pandas as pd

from gridpay.pipeline.changed_assignments import days_in_month, swapped_namesakes


def test_days_in_month_are_the_days_of_the_rows_overlapping_it_counted_once():
    rows = pd.DataFrame([("W08", "G04", "2026-07-10", ""), ("W08", "G04", "2026-07-20", "2026-08-05"),   # overlap
                         ("W01", "G01", "2026-01-01", "2026-06-30"),                               # before July
                         ("W02", "G02", "2026-07-01", "2026-07-15"), ("W02", "G03", "2026-07-16", None),
                         ("W09", "G09", "2026/7/1", "")],                                      # unread: left out
                        columns=["worker_id", "grid_id", "start_date", "end_date"])
    assert days_in_month(rows, "2026-07") == {("W08", "G04"): 22, ("W02", "G02"): 15, ("W02", "G03"): 16}


NAMES = {"00231": "王芳", "00235": "王芳", "00240": "李强"}


def test_two_namesakes_given_each_other_s_published_grids_are_told_swapped():
    was = {("00231", "FL01"): 31, ("00235", "FL03"): 31, ("00240", "FL02"): 31}
    now = {("00231", "FL03"): 31, ("00235", "FL01"): 31, ("00240", "FL02"): 31}
    assert swapped_namesakes(was, now, NAMES) == [
        "00231 王芳 the grids its run paid 00235 王芳 for (FL03), and 00235 those of 00231 (FL01): two workers of one "
        "name, their ids swapped when the sheet was typed again, which pays each on the other's grid this month too? "
        "An id is one person for good: check which 王芳 works which grid and correct the ids in assignments.csv"]
    assert swapped_namesakes(was, was, NAMES) == []                                     # as published
    other = {("00231", "FL03"): 31, ("00240", "FL01"): 31, ("00235", "FL02"): 31}
    assert swapped_namesakes({**was}, other, NAMES) == []              # moves among workers of other names: not this
    assert swapped_namesakes(was, now, {**NAMES, "00235": "王芬"}) == []
