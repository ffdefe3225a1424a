"""A folder of survey files inside the month's folder stops the month (a seventy-eighth trial's download, unzipped
into surveys/2026-09/问卷星下载/, left a third of the answers out: published on the rest with exit 0)."""
from conftest import HAND_SURVEYS, SURVEY_HEADER, write_csv


def test_a_folder_of_survey_files_inside_the_month_s_stops_it(run_cli, make_inbox, tmp_path):
    inbox = make_inbox({"2026-09/问卷星.csv": HAND_SURVEYS[:5]})
    write_csv(inbox / "surveys" / "2026-09" / "问卷星下载" / "第二批.csv", SURVEY_HEADER, HAND_SURVEYS[5:])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and not (tmp_path / "out" / "2026-09").exists()
    assert ("2026-09: surveys/2026-09/ holds folders of survey files that the month does not read (2026-09/问卷星下载/ "
            "(1 survey file)): the month would be paid without their answers; nothing published.") in err


def test_a_zip_of_survey_files_in_the_month_s_folder_stops_it(run_cli, make_inbox, tmp_path):
    """Trial 168: 问卷星's large download comes zipped; dropped into the month's folder as it came, its 120 answers
    were left out (six workers' pay off, exit 0, one line said). A zip of no survey file (photos) is only said."""
    import zipfile
    inbox = make_inbox({"2026-09/paper.csv": HAND_SURVEYS[:5]})
    part = write_csv(tmp_path / "问卷星.csv", SURVEY_HEADER, HAND_SURVEYS[5:])
    with zipfile.ZipFile(inbox / "surveys" / "2026-09" / "问卷星数据_20261001.zip", "w") as archive:
        archive.write(part, "问卷星.csv")
    with zipfile.ZipFile(inbox / "surveys" / "2026-09" / "纸质照片.zip", "w") as archive:
        archive.writestr("1.jpg", b"not a survey")
    (inbox / "surveys" / "2026-09-补录.zip").write_bytes(b"PK cut short")          # beside the folder, unreadable
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and not (tmp_path / "out" / "2026-09").exists()
    assert ("2026-09: surveys/ holds the month's zip files of survey files, which the month does not read "
            "(2026-09/问卷星数据_20261001.zip (1 survey file), 2026-09-补录.zip (a zip gridpay cannot open)): the month "
            "would be paid without their answers; nothing published. Unzip each into surveys/2026-09/ itself") in err
    assert "纸质照片.zip (1 survey" not in err and "not read there: 纸质照片.zip (a survey file is" in err   # said
    assert "not read there: 纸质照片.zip, 问卷星" not in err       # the download is the stop's, not said to count nowhere
    # a zip holding only a copy of a file already there says so (trial 248's, unzipped, came out GBK-named)
    (inbox / "surveys" / "2026-09-补录.zip").unlink()
    (inbox / "surveys" / "2026-09" / "问卷星.csv").write_bytes(part.read_bytes())
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and ("(2026-09/问卷星数据_20261001.zip (1 survey file, already in the month's folder as 问卷星.csv: "
                          "move the zip out))") in err, err


def test_a_workbook_of_a_format_gridpay_does_not_read_in_the_month_s_folder_stops_it(run_cli, make_inbox, tmp_path):
    """Trial 189: a volunteer's paper sheet saved in WPS's own format (.et) was said unread and the month published
    without its 13 answers (W05 1828.56 for 1854.02, exit 0)."""
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09" / "问卷星.csv", SURVEY_HEADER, HAND_SURVEYS)
    (inbox / "surveys" / "2026-09" / "纸质问卷 录入.et").write_bytes(b"\xd0\xcf\x11\xe0 a WPS workbook")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and ("2026-09: surveys/2026-09/ holds workbooks gridpay does not read (纸质问卷 录入.et): the month "
                          "would be paid without their answers; nothing published. Save each as .xlsx (WPS: 文件 > "
                          "另存为 > Excel 文件 (*.xlsx)") in err, err
    assert not (tmp_path / "out" / "2026-09").exists()


def test_a_survey_file_outside_any_month_s_folder_stops_the_month(run_cli, make_inbox, tmp_path):
    """Trial 236: October's download saved in surveys/ itself, beside October's folder of paper forms, published every
    worker at neutral on a 1.4% response rate, exit 0, said on the console and the scorecard."""
    inbox = make_inbox({"2026-09/纸质.csv": HAND_SURVEYS[:2]})
    write_csv(inbox / "surveys" / "问卷星下载.csv", SURVEY_HEADER, HAND_SURVEYS[2:])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 1 and ("2026-09: the inbox holds survey files outside every month's folder, which no month reads "
                          "(surveys/问卷星下载.csv): if one holds answers of 2026-09, the month would be paid without "
                          "them; nothing published. Move each into the folder of its month (surveys/2026-09/") in err, err
    # ... or in the inbox itself, beside the reference files (its re-check); a reference file kept in Excel is none
    (inbox / "surveys" / "问卷星下载.csv").rename(inbox / "问卷星下载.csv")
    write_csv(inbox / "workers_副本.csv", ("worker_id", "姓名", "手机号"), [("W1", "王伟", "13800000001")])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 1 and "which no month reads (问卷星下载.csv)" in err, err
    (inbox / "问卷星下载.csv").rename(inbox / "surveys" / "2026-09" / "问卷星下载.csv")
    assert run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)[0] == 0
