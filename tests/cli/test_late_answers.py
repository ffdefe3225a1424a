"""An answer of a published month that only a later download holds: given after that month's download
was made (a field trial's 金数据 answer of 30 October was in November's download only), November sets it
aside as October's and October never read it. The run names it, with what to do."""
import duckdb

from conftest import HAND_SURVEYS
from downloads import HEADER, tencent_rows, wjx_rows, write_tencent_csv, write_xlsx

AUGUST = [("A1", "G1", "1栋1单元101", "", "2026-08-20 09:00:00", "wechat", "90", "1", "1", "1", "1", "1", ""),
          ("A2", "G2", "2栋1单元102", "", "2026-08-21 09:00:00", "wechat", "90", "1", "1", "1", "1", "1", "")]
LATE = ("A3", "G1", "1栋1单元201", "", "2026-08-31 22:30:00", "wechat", "90", "2", "2", "2", "2", "2", "")
DOWNLOAD = "283746519_2_天井湖社区网格员满意度测评"


def test_an_answer_of_a_published_month_only_the_next_download_holds_is_named(run_cli, make_inbox,
                                                                             make_policy):
    inbox, policy = make_inbox({}), make_policy(min_responses=1)
    write_xlsx(inbox / "surveys" / "2026-08" / f"{DOWNLOAD}_2_2.xlsx", HEADER, wjx_rows(AUGUST))
    code, err = run_cli("run", "--month", "2026-08", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0, err
    # September's download is cumulative, numbered in the order answers came: A1 and A2 keep 1 and 2
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_11_11.xlsx", HEADER,
               wjx_rows(AUGUST + [LATE] + HAND_SURVEYS))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0, err
    line = next(x for x in err.splitlines() if "never read" in x)
    assert ("surveys/2026-09/283746519_2_天井湖社区网格员满意度测评_11_11.xlsx holds 1 answer of 2026-08 that "
            "2026-08's published run (2026-08-") in line and "never read (id 3): given after that month's" in line
    assert line.endswith("put it in place of 2026-08's download in surveys/2026-08/ and run 2026-08 again (with "
                         "--reason once it is final)")


def test_a_neighbour_s_download_under_the_month_s_ids_is_not_to_be_put_in_its_place(run_cli, make_inbox,
                                                                                      make_policy):
    """A ninety-first trial's other community's download saved under this one's name: its August answers carry
    the ids August's run read, at other times; it was told to put the file in place of August's download."""
    inbox, policy = make_inbox({}), make_policy(min_responses=1)
    write_xlsx(inbox / "surveys" / "2026-08" / f"{DOWNLOAD}_2_2.xlsx", HEADER, wjx_rows(AUGUST))
    assert run_cli("run", "--month", "2026-08", "--reports", "none", inbox=inbox, policy=policy)[0] == 0
    theirs = [r[:4] + ("2026-08-25 19:15:00",) + r[5:] for r in AUGUST]              # other answers, ids 1 and 2
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_10_10.xlsx", HEADER, wjx_rows(theirs + HAND_SURVEYS))
    err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)[1]
    line = next(x for x in err.splitlines() if "2026-08's published run" in x)
    assert "holds 2 answers of 2026-08 under ids that 2026-08's published run" in line, line
    assert "read for other answers, given at other times (ids 1, 2)" in line and "in place of" not in line


def test_answers_a_month_left_out_on_purpose_are_not_said_again_in_later_months(run_cli, make_inbox, make_policy):
    """A sixty-fourth trial took its test answers out of October's download and published with
    --accept-fewer-answers; every later month then said October's run "never read" them, and to put the later
    download in October's place (which would have counted them). An answer given after the download still is."""
    inbox, policy = make_inbox({}), make_policy(min_responses=1)
    test = ("T1", "G1", "9栋1单元909", "", "2026-08-21 08:00:00", "wechat", "90", "5", "5", "5", "5", "5", "测试")
    write_xlsx(inbox / "surveys" / "2026-08" / f"{DOWNLOAD}_3_3.xlsx", HEADER, wjx_rows(AUGUST))
    code, err = run_cli("run", "--month", "2026-08", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 1 and "holds 2 answer rows where its name says 3" in err
    code, err = run_cli("run", "--month", "2026-08", "--reports", "none", "--accept-fewer-answers", inbox=inbox,
                        policy=policy)
    assert code == 0 and "published on the rows it holds (--accept-fewer-answers)" in err, err
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_12_12.xlsx", HEADER,
               wjx_rows(AUGUST + [test, LATE] + HAND_SURVEYS))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    line = next(x for x in err.splitlines() if "never read" in x)
    assert code == 0 and "holds 1 answer of 2026-08" in line and "never read (id 4)" in line, line
    with duckdb.connect(str(inbox.parent / "warehouse.duckdb"), read_only=True) as con:
        accepted = con.execute("select accepted_short_downloads from runs where month = '2026-08' and status = "
                               "'published'").fetchone()[0]
    assert f"{DOWNLOAD}_3_3.xlsx" in accepted and '"named": 3, "rows": 2' in accepted


def test_earlier_answers_in_a_download_excel_saved_without_seconds_are_the_ones_read(run_cli, make_inbox,
                                                                                     make_policy):
    """A sixty-third trial's October download, saved again through Excel, gave September's answers without their
    seconds: the run said 106 answers were never read and were another form's, and its advice led to four stops."""
    inbox, policy = make_inbox({}), make_policy(min_responses=1)
    timed = [r[:4] + (r[4].replace(":00:00", ":00:17"),) + r[5:] for r in AUGUST]
    write_xlsx(inbox / "surveys" / "2026-08" / f"{DOWNLOAD}_2_2.xlsx", HEADER, wjx_rows(timed))
    assert run_cli("run", "--month", "2026-08", "--reports", "none", inbox=inbox, policy=policy)[0] == 0
    excel = [r[:4] + ("2026/8/" + r[4][8:10].lstrip("0") + " " + r[4][11:16].lstrip("0"),) + r[5:] for r in AUGUST]
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_10_10.xlsx", HEADER, wjx_rows(excel + HAND_SURVEYS))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0 and "never read" not in err, err


def test_a_late_answer_in_another_platforms_download_is_to_be_copied_beside_not_in_place(run_cli, make_inbox,
                                                                                       make_policy):
    """A thirty-third trial's November 腾讯问卷 file held two October answers; October's download was 问卷星's, and
    'put it in place of October's download' would have lost all of October's answers."""
    inbox, policy = make_inbox({}), make_policy(min_responses=1)
    write_xlsx(inbox / "surveys" / "2026-08" / f"{DOWNLOAD}_2_2.xlsx", HEADER, wjx_rows(AUGUST))
    assert run_cli("run", "--month", "2026-08", "--reports", "none", inbox=inbox, policy=policy)[0] == 0
    write_tencent_csv(inbox / "surveys" / "2026-09" / "腾讯问卷.csv", tencent_rows([LATE] + HAND_SURVEYS), "utf-8-sig")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "hr", inbox=inbox, policy=policy)
    line = next(x for x in err.splitlines() if "never read" in x)
    assert code == 0 and "put it in place" not in line
    assert ("this download holds none of the answers 2026-08's run read (another form or platform): put a copy of it "
            "beside 2026-08's downloads in surveys/2026-08/") in line
    # ... and on the scorecard HR signs (a thirty-third trial's HR read only the scorecard)
    page = (inbox.parent / "out" / "2026-09" / "scorecard.html").read_text(encoding="utf-8")
    assert "never read (id" in page.split("本次运行的其他提示")[1].split("</p>")[0]


def test_an_earlier_month_read_before_the_platforms_id_prefix_is_matched_without_it():
    """October published under policy 2026.6 read 金数据's answer 7 as 7; November's run reads it as J7."""
    from types import SimpleNamespace
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.pipeline.unread_earlier_answers import _ids_as_read
    ctx = SimpleNamespace(policy=load_policy(DEFAULT_POLICY))
    assert _ids_as_read("J7", ctx) == {"J7", "7"} and _ids_as_read("P7", ctx) == {"P7"}
    # a file's prefix, with and without: a renamed download's ids lose it (a sixty-fourth trial's C98 read as 98)
    from dataclasses import replace
    ctx = SimpleNamespace(policy=replace(ctx.policy, file_id_prefixes=(("翠湖", "C"),)))
    assert _ids_as_read("98", ctx) == {"98", "C98"} and _ids_as_read("C98", ctx) == {"C98", "98", "CC98"}


def test_a_download_of_this_month_in_a_neighbouring_months_folder_stops_it(run_cli, make_inbox):
    """A fifteenth trial saved 白云's November download in surveys/2026-10/: November was published on
    the other files' answers alone (123.76 yuan off), exit 0."""
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS[:3]})
    write_xlsx(inbox / "surveys" / "2026-08" / f"{DOWNLOAD}_5_5.xlsx", HEADER, wjx_rows(HAND_SURVEYS[3:]))
    october = [r[:4] + ("2026-10-02 09:00:00",) + r[5:] for r in HAND_SURVEYS[:2]]   # its own month's too: in place
    write_xlsx(inbox / "surveys" / "2026-10" / f"{DOWNLOAD}_10_10.xlsx", HEADER,
               wjx_rows(HAND_SURVEYS[:2] + october))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 1 and (f"2026-09: a download of this month is in another month's folder, so this month would be "
                          f"paid without its answers; nothing published. surveys/2026-08/{DOWNLOAD}_5_5.xlsx holds "
                          f"{len(HAND_SURVEYS) - 3} answers of this month and none of 2026-08") in err
    assert "_10_10.xlsx" not in err.splitlines()[-1]
    moved = inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_5_5.xlsx"       # a copy left behind: its answers are read
    moved.parent.mkdir(exist_ok=True)
    moved.write_bytes((inbox / "surveys" / "2026-08" / moved.name).read_bytes())
    assert run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)[0] == 0


def test_a_download_made_before_the_month_ended_beside_a_later_one_in_the_next_folder_stops_it(run_cli, make_inbox):
    """A thirty-first trial's November folder held a download made on the 25th, the full one (made on 12-01)
    was in December's folder: 24 answers left out, two workers at the neutral coefficient, exit 0."""
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_5_5.xlsx", HEADER, wjx_rows(HAND_SURVEYS[:5]))
    october = [r[:4] + ("2026-10-01 09:00:00",) + r[5:] for r in HAND_SURVEYS[:1]]
    write_xlsx(inbox / "surveys" / "2026-10" / f"{DOWNLOAD}_9_9.xlsx", HEADER, wjx_rows(HAND_SURVEYS + october))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 1 and (f"surveys/2026-10/{DOWNLOAD}_9_9.xlsx holds {len(HAND_SURVEYS) - 5} answers of this month "
                          f"that this month's files lack: a later download of this month's form") in err
    # a copy, not a move: the download is October's too (a thirty-sixth trial moved it, October lost its own)
    assert "leave it in 2026-10's" in err and "Copy it into surveys/2026-09/ as said and run again" in err
    (inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_5_5.xlsx").unlink()      # as said: the later one in its place
    later = inbox / "surveys" / "2026-10" / f"{DOWNLOAD}_9_9.xlsx"
    (inbox / "surveys" / "2026-09" / later.name).write_bytes(later.read_bytes())
    assert run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)[0] == 0


def test_a_later_download_filtered_by_date_is_not_to_take_the_months_own_place(run_cli, make_inbox):
    """A thirty-eighth trial's November download was filtered from 10-25: told to put it in place of October's,
    the correction lost 50 answers (now a stop of its own, tests/cli/test_published_answers.py)."""
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_5_5.xlsx", HEADER, wjx_rows(HAND_SURVEYS[:5]))
    october = [r[:4] + ("2026-10-01 09:00:00",) + r[5:] for r in HAND_SURVEYS[:1]]
    filtered = wjx_rows(HAND_SURVEYS + october)[3:]          # from the 4th answer on, the platform's numbers kept
    write_xlsx(inbox / "surveys" / "2026-10" / f"{DOWNLOAD}_9_9.xlsx", HEADER, filtered)
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 1 and (f"surveys/2026-10/{DOWNLOAD}_9_9.xlsx holds {len(HAND_SURVEYS) - 5} answers of this month "
                          f"that this month's files lack, and lacks 3 that they hold") in err, err
    assert "in place of the earlier one" in err and "Download the form as said and run again" in err
    assert "Copy it into" not in err


def test_this_months_download_made_after_it_ended_in_the_next_months_folder_stops_it(run_cli, make_inbox):
    """A forty-third trial's November download, made on 12-01 and so holding three December answers, was put in
    December's folder: November was paid on October's answers and one paper form, exit 0."""
    paper = [("P1", "G1", "9栋1单元101", "", "2026-09-20 09:00:00", "paper", "300", "3", "3", "3", "3", "3", "")]
    inbox = make_inbox({"2026-09-纸质.csv": paper})
    october = [r[:4] + ("2026-10-01 09:00:00",) + r[5:] for r in HAND_SURVEYS[:2]]
    write_xlsx(inbox / "surveys" / "2026-10" / f"{DOWNLOAD}_10_10.xlsx", HEADER, wjx_rows(HAND_SURVEYS + october))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 1 and (f"surveys/2026-10/{DOWNLOAD}_10_10.xlsx holds {len(HAND_SURVEYS)} answers of this month "
                          f"that this month's files lack, more than they hold (1): this month's download") in err, err
    assert "Move it to surveys/2026-09/ as said and run again" in err


def test_answers_of_the_month_an_earlier_download_held_and_its_files_lack_stop_it(run_cli, make_inbox, make_policy):
    """A fifty-first trial's July download, made on 3 August, held 24 August answers; August, run on a 腾讯问卷
    download alone, was published without them, exit 0."""
    inbox, policy = make_inbox({}), make_policy(min_responses=1)
    early = [("S1", "G1", "1栋1单元301", "", "2026-09-01 08:00:00", "wechat", "90", "2", "2", "2", "2", "2", ""),
             ("S2", "G2", "2栋1单元302", "", "2026-09-02 08:00:00", "wechat", "90", "3", "3", "3", "3", "3", "")]
    august = write_xlsx(inbox / "surveys" / "2026-08" / f"{DOWNLOAD}_9_3.xlsx", HEADER, wjx_rows(AUGUST + early))
    code, err = run_cli("run", "--month", "2026-08", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0 and "set aside: 2 rows of 2026-09" in err
    write_tencent_csv(inbox / "surveys" / "2026-09" / "腾讯问卷.csv", tencent_rows(HAND_SURVEYS), "utf-8-sig")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 1 and "answers of 2026-09 that another month's survey files held" in err
    assert "Download that form again now that 2026-09 is over" in err         # trial 83: copying it looped
    assert f"surveys/2026-08/{august.name}, read by 2026-08's published run: 2 (ids 3, 4)" in err
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", "--accept-fewer-answers", inbox=inbox,
                        policy=policy)
    assert code == 0 and "published without them (--accept-fewer-answers)" in err
    (inbox / "surveys" / "2026-09" / august.name).write_bytes(august.read_bytes())    # the way out the stop gives
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0 and "another month's survey files held" not in err
    # September's download held August's answers too: a re-run of August is not told of them (a fifty-fourth trial's)
    code, err = run_cli("run", "--month", "2026-08", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0 and "kept no ids" not in err


def test_answers_a_run_before_kept_ids_set_aside_for_the_month_are_said_from_its_manifest(run_cli, make_inbox,
                                                                                        make_policy, tmp_path):
    """A fifty-third trial's August was published by gridpay 0.1.0, which kept no ids of the September answers
    its download held: September, run without them, is told so (they cannot be compared)."""
    inbox, policy = make_inbox({}), make_policy(min_responses=1)
    early = [("S1", "G1", "1栋1单元301", "", "2026-09-01 08:00:00", "wechat", "90", "2", "2", "2", "2", "2", "")]
    write_xlsx(inbox / "surveys" / "2026-08" / f"{DOWNLOAD}_9_3.xlsx", HEADER, wjx_rows(AUGUST + early))
    assert run_cli("run", "--month", "2026-08", "--reports", "none", inbox=inbox, policy=policy)[0] == 0
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:      # as a run before migration 15 left it
        con.execute("delete from raw_set_aside_answers")
    write_tencent_csv(inbox / "surveys" / "2026-09" / "腾讯问卷.csv", tencent_rows(HAND_SURVEYS), "utf-8-sig")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0 and ("2026-08's published run set aside 1 answer of 2026-09 from its survey files, by a gridpay "
                          "that kept no ids of them") in err


def test_a_month_s_answers_under_another_export_s_ids_are_not_called_never_read(run_cli, make_inbox, make_policy):
    """The demo: September published from an export with its own ids (R2026090000783), October's cumulative 问卷星
    download holding the same 665 answers numbered 1, 2, ...: every demo was told September's run never read them, and
    to put a copy of the download beside September's, which would have read each answer twice."""
    inbox, policy = make_inbox({"2026-08.csv": AUGUST}), make_policy(min_responses=1)
    assert run_cli("run", "--month", "2026-08", "--reports", "none", inbox=inbox, policy=policy)[0] == 0
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_11_11.xlsx", HEADER,
               wjx_rows(AUGUST + [LATE] + HAND_SURVEYS))          # ids 1 and 2 for A1 and A2, 3 for the late one
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0, err
    line = next(x for x in err.splitlines() if "never read" in x)
    assert "holds 1 answer of 2026-08 that 2026-08's published run" in line and "never read (id 3)" in line, line
