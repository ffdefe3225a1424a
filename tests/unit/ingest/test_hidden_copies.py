"""Trial 157's 问卷星 workbook held a hidden sheet of the same ids, times and homes, every rating 1: the stop said to
save each sheet as a file (nothing said it was hidden), and then called the two files "the same answers" and kept
the one its name chose; following it published every worker at the floor, exit 0."""
import openpyxl
import pytest

from conftest import HAND_SURVEYS
from downloads import HEADER, wjx_rows
from gridpay.core.errors import InputError
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.expectations.repeated_ids import ids_across_files
from gridpay.ingest.formats import Source
from gridpay.ingest.staging import stage_inputs
from gridpay.ingest.survey_files import read_survey_file, survey_reading


def test_a_hidden_sheet_of_answers_is_said_hidden(tmp_path):
    book = openpyxl.Workbook()
    for sheet, rows in ((book.active, wjx_rows(HAND_SURVEYS)), (book.create_sheet("Sheet2"), wjx_rows(HAND_SURVEYS))):
        for row in [HEADER, *rows]:
            sheet.append(row)
    book["Sheet2"].sheet_state = "hidden"
    book.save(path := tmp_path / "问卷星下载.xlsx")
    with pytest.raises(InputError, match=r"the first, 'Sheet', and 'Sheet2' \(hidden\)\); a hidden sheet in a platform's "
                                         r"download is no answer the platform gave.*in a workbook HR or a volunteer "
                                         r"typed, show the sheet \(right-click a sheet tab, 取消隐藏\)"):
        read_survey_file(Source(path.name, path), "2026-09", survey_reading(load_policy(DEFAULT_POLICY)), ["G1", "G2"])
    # trial 306: the first sheet hidden (last month's), the month's on the tabs HR sees: named and said hidden
    book.active.sheet_state, book["Sheet2"].sheet_state = "hidden", "visible"
    book.save(path)
    with pytest.raises(InputError, match=r"the first, 'Sheet' \(hidden\), and 'Sheet2'\); a hidden sheet"):
        read_survey_file(Source(path.name, path), "2026-09", survey_reading(load_policy(DEFAULT_POLICY)), ["G1", "G2"])


def test_two_files_of_one_answers_rated_otherwise_are_no_two_downloads(make_inbox, tmp_path):
    ones = [r[:7] + ("1",) * 5 + r[12:] for r in HAND_SURVEYS]
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-09-副本.csv": ones})
    stage_inputs(inbox, "2026-09", policy := load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    (pair,) = ids_across_files(tmp_path / "work", policy.items)
    rated_otherwise = sum(r[7:12] != ("1",) * 5 for r in HAND_SURVEYS)
    assert (pair.rated_otherwise, pair.later_download) == (rated_otherwise, None) and rated_otherwise > 5
    (same,) = ids_across_files(tmp_path / "work")           # by time, grid and home alone (before): "the same"
    assert same.same == len(HAND_SURVEYS) and same.later_download is not None


def test_the_stop_on_answers_rated_otherwise_keeps_neither_file_by_its_name(monkeypatch):
    from types import SimpleNamespace

    import gridpay.pipeline.id_messages as messages
    from gridpay.expectations.repeated_ids import SharedIds
    ctx = SimpleNamespace(month="2026-11", inputs=SimpleNamespace(files=()))
    pair = SharedIds(("surveys/2026-11/问卷星下载 (2).xlsx", "surveys/2026-11/Sheet1.xlsx"), ("1",), 70, 0, (70, 70), 70)
    monkeypatch.setattr(messages, "_downloads", lambda ctx: {"surveys/2026-11/问卷星下载 (2).xlsx"})
    said = messages.shared_ids_message(ctx, [pair], [])
    assert said.startswith("2026-11: two survey files give the same answers (id, time, grid and home) with other ratings")
    assert "download the form again, keep that download only (whatever the files' names say)" in said
    assert "holds every answer" not in said
    # trial 281: two volunteers' sheets of the same paper forms, neither a download, were told to download the form
    monkeypatch.setattr(messages, "_downloads", lambda ctx: set())
    said = messages.shared_ids_message(ctx, [pair], [])
    assert said.startswith("2026-11: two typed sheets give the same forms (id, time, grid and home), some with other "
                           "ratings: the same paper forms typed twice, by two people?") and "download" not in said, said


def test_of_one_download_saved_twice_the_copy_whose_phones_read_is_the_one_to_keep(make_inbox, tmp_path):
    """Trial 189: the 问卷星 download saved again by WPS as .xlsx and as .csv (its 113 phones 1.39562E+10): the stop
    said to keep the CSV, and the next run stopped on its phones."""
    lost = [r[:3] + (f"{int(r[3]) / 1e10:.5f}E+10" if r[3] else "",) + r[4:] for r in HAND_SURVEYS]
    inbox = make_inbox({"2026-09-a.csv": lost, "2026-09-b.csv": HAND_SURVEYS})
    stage_inputs(inbox, "2026-09", policy := load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    (pair,) = ids_across_files(tmp_path / "work", policy.items)
    assert pair.unreadable[0] > 0 == pair.unreadable[1]
    assert pair.later_download == "surveys/2026-09-b.csv"          # the first in file order, as before, had lost them
