"""Answers whose month is not their folder's: a platform download in the wrong month's folder, a typed
sheet's row dated in another month. Each counts in no month unless moved, so the run says so."""
from conftest import HAND_SURVEYS, SURVEY_HEADER, survey, write_csv


def test_a_download_of_another_month_in_this_months_files_is_said_to_be_misfiled(run_cli, make_inbox):
    """A ninth field trial's October forms sat in surveys/2026-09/: they counted in no month, and
    October said only that a grid had no answer. A typed sheet's rows of another month are invalid
    rows, named in quarantine.csv and on the console with what to do (a seventeenth trial's October
    sheet held a November answer, lost without a word); a platform download's are set aside."""
    from downloads import HEADER, wjx_rows, write_xlsx
    october = [survey(f"P{i}", "G2", f"5栋1单元{i}01", ("2",) * 5, "2026-10-12 10:00:00") for i in range(1, 4)]
    typed = [survey(f"X{i}", "G1", f"9栋1单元{i}01", ("5",) * 5) for i in range(1, 4)]       # under the gate
    typed.append(survey("X4", "G1", "9栋1单元401", ("5",) * 5, "2026-10-02 09:00:00"))
    inbox = make_inbox({"2026-09.csv": [*HAND_SURVEYS, *typed]})
    write_xlsx(inbox / "surveys" / "2026-09-wjx.xlsx", HEADER, wjx_rows(october))
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert ("surveys/2026-09-wjx.xlsx holds no answer of 2026-09, only 3 rows of 2026-10: it counts in no month "
            "from here; if it belongs to another month, move it to that month's folder") in err
    assert "surveys/2026-09.csv holds" not in err
    assert (f"surveys/2026-09.csv (row {len(HAND_SURVEYS) + 5}) holds 1 answer dated in 2026-10: it is invalid here "
            "and counts in no month; if the date is right, move it to a file in surveys/2026-10/") in err


def test_a_month_whose_files_hold_only_another_months_rows_stops_unless_meant(run_cli, make_inbox, tmp_path):
    """A twenty-second trial put September's download in surveys/2026-10/: October published with every
    worker at the neutral coefficient, exit 0, though a month with no survey file stops."""
    from downloads import HEADER, wjx_rows, write_xlsx
    inbox = make_inbox({})
    (inbox / "surveys" / "2026-10").mkdir()
    write_xlsx(inbox / "surveys" / "2026-10" / "318842771_2_测评_4_4.xlsx", HEADER, wjx_rows(HAND_SURVEYS[:4]))
    (inbox / "surveys" / "2026-10" / "10月纸质问卷.txt").write_text("not read", encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 1 and not (tmp_path / "out" / "2026-10").exists()
    assert ("2026-10: every row of the month's survey files is dated in another month (set aside: 4 rows of "
            "2026-09), so the month would be paid as if nobody had answered") in err
    code, err = run_cli("run", "--month", "2026-10", "--allow-empty-month", inbox=inbox)
    # beside a survey file, a file not read is said (a thirty-seventh trial's paper sheet saved as .txt: 16
    # answers counted nowhere, nothing said)
    assert code == 0 and "surveys/2026-10/: not read there: 10月纸质问卷.txt (a survey file is .csv" in err
    (inbox / "surveys" / "2026-10" / "318842771_2_测评_4_4.xlsx").unlink()
    code, err = run_cli("run", "--month", "2026-11", inbox=inbox)
    assert code == 1 and "not read there" not in err
    (inbox / "surveys" / "2026-11").mkdir()
    (inbox / "surveys" / "2026-11" / "11月纸质问卷.txt").write_text("not read", encoding="utf-8")
    assert "; not read there: 11月纸质问卷.txt (a survey file is .csv" in run_cli("run", "--month", "2026-11",
                                                                            inbox=inbox)[1]


def test_a_published_month_s_download_again_in_the_next_month_s_folder_is_told_to_come_out(published_copy, run_cli):
    """Trial 128's October download saved again under November's name was told to go to October's folder and run
    October, published from that very download: a correction nobody needed."""
    from downloads import HEADER, wjx_rows, write_xlsx
    inbox, policy = published_copy("none", min_responses=2)
    october = [r[:4] + ("2026-10-12 10:00:00",) + r[5:] for r in HAND_SURVEYS]
    write_csv(inbox / "surveys" / "2026-10" / "2026-10.csv", SURVEY_HEADER, october)
    september = [survey(f"S{i}", "G2", f"5栋1单元{i}01", ("4",) * 5, "2026-09-12 10:00:00") for i in range(1, 4)]
    write_xlsx(inbox / "surveys" / "2026-10" / "wjx.xlsx", HEADER, wjx_rows(september))
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox, policy=policy)
    assert ("surveys/2026-10/wjx.xlsx holds no answer of 2026-10, only 3 rows of 2026-09: it counts in no month from "
            "here; if it is 2026-09's download again (published already), take it out of surveys/2026-10/ and put "
            "2026-10's own there") in err, err


def test_the_very_download_a_month_was_published_with_again_in_the_next_month_s_folder_stops(run_cli, make_inbox):
    """Trial 128's re-check: the line said 'if it is 2026-10's download again' of the file October was published with.
    Trial 309: so said, the month published without that form's answers (W01 1800.00 for 1914.66, exit 0): it stops."""
    from downloads import HEADER, wjx_rows, write_xlsx
    september = [survey(f"S{i}", "G2", f"5栋1单元{i}01", ("4",) * 5, "2026-09-12 10:00:00") for i in range(1, 4)]
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS})
    write_xlsx(inbox / "surveys" / "2026-09-wjx.xlsx", HEADER, wjx_rows(september))
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    october = [r[:4] + ("2026-10-12 10:00:00",) + r[5:] for r in HAND_SURVEYS]
    write_csv(inbox / "surveys" / "2026-10" / "2026-10.csv", SURVEY_HEADER, october)
    (inbox / "surveys" / "2026-10" / "10月.xlsx").write_bytes((inbox / "surveys" / "2026-09-wjx.xlsx").read_bytes())
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert ("surveys/2026-10/10月.xlsx holds no answer of 2026-10, only 3 rows of 2026-09: it counts in no month from "
            "here; it is the very file 2026-09 was published with (surveys/2026-09-wjx.xlsx): take it out of "
            "surveys/2026-10/ and put 2026-10's own download there") in err, err
    assert code == 1 and ("2026-10: a survey file in this month's folder holds no answer of this month and is a month's "
                          "published download again, so this month's own download of that form is likely missing; "
                          "nothing published. surveys/2026-10/10月.xlsx (the file 2026-09 was published with, "
                          "surveys/2026-09-wjx.xlsx)") in err, err
    (inbox / "surveys" / "2026-10" / "10月.xlsx").unlink()         # taken out, as the stop says
    assert run_cli("run", "--month", "2026-10", inbox=inbox)[0] == 0


def test_a_download_saved_as_unicode_text_stops_the_month(run_cli, make_inbox, tmp_path):
    """Trial 211: the 问卷星 download, saved again through WPS as 'Unicode 文本' (.txt, UTF-16, tabs), was said in one line
    and the month published on the paper forms alone, every grid under its minimum, every worker at neutral, exit 0."""
    from downloads import HEADER, wjx_rows
    inbox = make_inbox({"2026-10.csv": [survey(f"P{i}", "G1", f"G1-9-{i}", ("4",) * 5, "2026-10-05 10:00:00")
                                        for i in range(1, 4)]})
    (inbox / "surveys" / "2026-10").mkdir()
    text = "\r\n".join("\t".join(row) for row in [HEADER, *wjx_rows(HAND_SURVEYS[:4])])
    saved = inbox / "surveys" / "2026-10" / "318842771_2_测评_4_4.txt"
    saved.write_bytes(b"\xff\xfe" + text.replace("2026-09", "2026-10").encode("utf-16-le"))
    (inbox / "surveys" / "2026-10" / "说明.txt").write_text("十月问卷，王干事录入", encoding="utf-8")     # a note: no table
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 1 and not (tmp_path / "out" / "2026-10").exists(), err
    assert ("surveys/2026-10/ holds sheets saved as text, which gridpay does not read (318842771_2_测评_4_4.txt): the "
            "month would be paid without their answers; nothing published. Rename each to .csv") in err
    saved.rename(saved.with_suffix(".csv"))
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 0 and "holds sheets saved as text" not in err and "not read there: 说明.txt" in err, err
