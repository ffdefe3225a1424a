"""问卷星's 修改答卷: a resident changes an answer days later; a whole-history download then holds it under its old
序号 at the time it was changed (trial 137). An answer set aside by the month before's download as this month's is
no missing answer once changed; an answer counted by a published month and changed in the next is said."""
from conftest import HAND_SURVEYS, SURVEY_HEADER, survey, write_csv
from downloads import HEADER, wjx_rows, write_xlsx

DOWNLOAD = "283746519_2_天井湖社区网格员满意度测评"
AUGUST = [("A1", "G1", "1栋1单元101", "", "2026-08-20 09:00:00", "wechat", "90", "2", "2", "2", "2", "2", ""),
          ("A2", "G2", "2栋1单元102", "", "2026-08-21 09:00:00", "wechat", "90", "2", "2", "2", "2", "2", "")]
EARLY = ("A3", "G1", "1栋1单元201", "", "2026-09-01 00:40:00", "wechat", "90", "3", "3", "3", "3", "3", "")


def test_answers_changed_after_a_download_are_neither_missing_nor_counted_twice_unsaid(run_cli, make_inbox,
                                                                                   make_policy):
    inbox, policy = make_inbox({}), make_policy(min_responses=1)
    # August's download, made on 09-01 at 09:30, holds A3 of 00:40: set aside as September's
    write_xlsx(inbox / "surveys" / "2026-08" / f"{DOWNLOAD}_3_3.xlsx", HEADER, wjx_rows(AUGUST + [EARLY]))
    # a paper sheet numbered P1, P2 ... each month: a home's P7 both months is no changed answer (trial 139)
    write_csv(inbox / "surveys" / "2026-08" / "纸质.csv", SURVEY_HEADER,
              [survey("P7", "G2", "5栋1单元101", ("3",) * 5, "2026-08-25 10:00:00")])
    write_csv(inbox / "surveys" / "2026-09" / "纸质.csv", SURVEY_HEADER,
              [survey("P7", "G2", "5栋1单元101", ("5",) * 5, "2026-09-25 10:00:00")])
    code, err = run_cli("run", "--month", "2026-08", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0, err
    # September's whole-history download: A2 changed to 4s on 09-03, A3 changed on 09-06, both under their 序号
    changed = [AUGUST[0], AUGUST[1][:4] + ("2026-09-03 20:00:00",) + AUGUST[1][5:7] + ("4",) * 5 + ("",),
               EARLY[:4] + ("2026-09-06 08:00:00",) + EARLY[5:]]
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_11_11.xlsx", HEADER, wjx_rows(changed + HAND_SURVEYS))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0 and "are in none of this month's survey files" not in err, err      # A3 (id 3) is there
    line = next(x for x in err.splitlines() if "counted by a published month before" in x)
    assert line.startswith("gridpay: 1 answer counted now was counted by a published month before, under the same "
                           "id, grid and home: 2 (2栋1单元102: 25.00 in 2026-08, 75.00 now, given or changed 2026-09-03)"), line
    assert "P7" not in line and "修改答卷" in line and "leave it so (taking it out of this month would count the change in no month" in line
    # August again from a download made after A2 was changed: A2 is not another community's answer under its id
    (inbox / "surveys" / "2026-08" / f"{DOWNLOAD}_3_3.xlsx").unlink()
    write_xlsx(inbox / "surveys" / "2026-08" / f"{DOWNLOAD}_11_11.xlsx", HEADER, wjx_rows(changed + HAND_SURVEYS))
    code, err = run_cli("run", "--month", "2026-08", "--reports", "none", "--reason", "重新下载", inbox=inbox,
                        policy=policy)
    assert code == 1 and "today's files hold it under its id in a later month: changed since by its resident" in err
    assert "another community or form" not in err and "Put the file the month was published from back" in err, err
    assert "run again with --accept-fewer-answers: the changed answers count in the month of their change only" in err
