"""Survey files under surveys/ that no month reads are named: a download beside the month folders
without a month in its name, a folder named another way, a subfolder of a month's folder. What a month
reads, and files that are not survey files, are not."""
import pytest

from conftest import HAND_SURVEYS
from gridpay.core.errors import InputError
from gridpay.ingest.staging import input_files
from gridpay.ingest.unread_surveys import unread_line, unread_survey_files


def test_files_no_month_reads_are_named_and_the_months_own_are_not(tmp_path):
    surveys = tmp_path / "surveys"
    for name in ("2026-10/问卷星.xlsx", "2026-10/纸质/p1.csv", "2026-10/纸质/p2.xls", "2026-09.csv",
                 "2026-11-paper.xlsx", "2026年10月/下载.xlsx", "问卷星10月.xlsx", "备注/readme.txt",
                 "2026-10/~$问卷星.xlsx", ".hidden/x.csv", "2026-13/x.csv"):
        (surveys / name).parent.mkdir(parents=True, exist_ok=True)
        (surveys / name).write_bytes(b"x")
    import zipfile      # a zipped download not named for a month (trial 168's re-check: unsaid); a zip of photos
    with zipfile.ZipFile(surveys / "问卷星数据_202611.zip", "w") as archive:
        archive.writestr("问卷星.xlsx", b"x")
    with zipfile.ZipFile(surveys / "照片.zip", "w") as archive:
        archive.writestr("1.jpg", b"x")
    assert unread_survey_files(surveys) == ["2026-10/纸质/ (2 survey files)", "2026-13/ (1 survey file)",
                                            "2026年10月/ (1 survey file)", "问卷星10月.xlsx",
                                            "问卷星数据_202611.zip (1 survey file)"]
    line = unread_line(surveys, "2026-10")
    assert line.startswith("the folder surveys/ holds survey files that no month reads: 2026-10/纸质/ (2 survey files)")
    assert line.endswith("if one holds answers of 2026-10, move it into surveys/2026-10/ (a zip's files unzipped there) and "
                         "run again")


def test_a_tidy_inbox_says_nothing(tmp_path):
    (tmp_path / "surveys" / "2026-10").mkdir(parents=True)
    (tmp_path / "surveys" / "2026-10" / "问卷星.xlsx").write_bytes(b"x")
    assert unread_line(tmp_path / "surveys", "2026-10") == "" and unread_survey_files(tmp_path / "nothing") == []


def test_folders_inside_the_month_s_own_are_the_month_s(tmp_path):
    """A seventy-eighth trial unzipped a download into surveys/2026-11/问卷星下载/: published on 37 of 56 answers."""
    from gridpay.ingest.unread_surveys import month_subfolders
    for name in ("2026-11/问卷星.csv", "2026-11/问卷星下载/第二批.csv", "2026-10/纸质/p1.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    assert month_subfolders(tmp_path, "2026-11") == ["2026-11/问卷星下载/ (1 survey file)"]
    assert month_subfolders(tmp_path, "2026-12") == []


def test_a_survey_file_named_with_a_phone_is_refused_without_showing_it(make_inbox):
    """A seventy-eighth trial's 2026-11-电话13700001555.csv put the number in clear into quarantine.csv and the manifest."""
    inbox = make_inbox({"2026-09-电话13700001555.csv": HAND_SURVEYS})
    with pytest.raises(InputError) as caught:
        input_files(inbox, "2026-09")
    assert str(caught.value).startswith("surveys/2026-09-电话137****1555.csv: its name holds a phone or ID number")
    assert "13700001555" not in str(caught.value)
