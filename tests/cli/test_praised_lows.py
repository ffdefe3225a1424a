"""A sheet typed the wrong way round (policy 2027.30, gate.praised_low_rows): trial 235's volunteer typed the number of
the option circled (①非常满意 as 1), her comments praising the worker read as 非常不满意 throughout, W03 1280.00 for
1685.28, exit 0, nothing said."""
from conftest import HAND_SURVEYS, survey


def test_bottom_ratings_whose_comments_praise_stop_the_month_until_typed_as_meant(run_cli, make_inbox, tmp_path):
    said = ["网格员很负责，谢谢", "希望继续保持", "态度很好", "服务不错"]
    paper = [survey(f"P{i}", "G1", f"3栋1单元{101 + i}", ("1",) * 5, f"2026-09-{10 + i} 09:00:00", channel="paper",
                    comment=said[i]) for i in range(4)]
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-09-paper.csv": paper})
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 1 and ("answers rated at the bottom (非常不满意 or 不满意 throughout) praise the worker in their "
                          "comments, as a sheet typed the wrong way round reads") in err, err
    assert "surveys/2026-09-paper.csv: 4 of its 4 answers rated at the bottom with a comment praise the worker (rows " \
           "2, 3, 4, 5; row 2 '网格员很负责，谢谢'" in err and not (tmp_path / "out" / "2026-09").exists()
    assert "Check every row of the sheet against the paper forms, not only these" in err
    typed = [survey(f"P{i}", "G1", f"3栋1单元{101 + i}", ("5",) * 5, f"2026-09-{10 + i} 09:00:00", channel="paper",
                    comment=said[i]) for i in range(4)]
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-09-paper.csv": typed})
    assert run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)[0] == 0
