"""Answers HR gave testing the form, left in the month's download, stop the month (trial 214: a test from the
office phone, comment 测试, counted as a resident's all-非常满意: W01 +21.96, exit 0)."""
from conftest import HAND_SURVEYS
from downloads import HEADER, wjx_rows, write_xlsx

DOWNLOAD = "283746519_2_天井湖社区网格员满意度测评"
SEPTEMBER = [r[:4] + (f"2026-09-{10 + i} 10:00:00",) + r[5:] for i, r in enumerate(HAND_SURVEYS)]
TESTS = [("T1", "G1", "9栋1单元909", "", "2026-09-01 08:52:00", "wechat", "90", "5", "5", "5", "5", "5", "测试"),
         ("T2", "G2", "9栋1单元908", "", "2026-09-01 08:56:00", "wechat", "90", "5", "5", "5", "5", "5", "【Test】请忽略")]


def test_answers_whose_comment_marks_a_test_of_the_form_stop_the_month(run_cli, make_inbox, make_policy, tmp_path):
    inbox, policy = make_inbox({}), make_policy(min_responses=1)
    rows = TESTS + SEPTEMBER
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_{len(rows)}_{len(rows)}.xlsx", HEADER, wjx_rows(rows))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    line = err.strip().splitlines()[-1]
    assert code == 1 and not (tmp_path / "out" / "2026-09").exists(), err
    assert "2 answers whose comment marks them a test of the form, given before it went out, would count" in line
    assert (f"surveys/2026-09/{DOWNLOAD}_10_10.xlsx: row 2 (answer 1, G1: '测试'), row 3 (answer 2, G2: '【Test】请忽略'). "
            "Delete the test answers on the platform") in line, line          # 问卷星 numbers them 1, 2 ...
    assert "--accept-fewer-answers" in line
    # the rows deleted from the file, as the line says: published, the deletion accepted and said
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_{len(rows)}_{len(rows)}.xlsx", HEADER, wjx_rows(SEPTEMBER))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", "--accept-fewer-answers", inbox=inbox,
                        policy=policy)
    assert code == 0 and "test of the form" not in err, err
    # a resident's comment that speaks of a test further in is no test answer
    talk = [r[:12] + ("上次测试的问题解决了",) for r in SEPTEMBER]
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_{len(rows)}_{len(rows)}.xlsx", HEADER, wjx_rows(talk))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", "--accept-fewer-answers", "--reason", "x",
                        inbox=inbox, policy=policy)
    assert "test of the form" not in err, err
