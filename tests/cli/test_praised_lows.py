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


def test_a_typed_sheet_rating_the_grids_far_below_the_download_is_said(run_cli, make_inbox, tmp_path):
    """Trial 235's re-check: a sheet typed the wrong way round with no comment column published, nothing said."""
    from downloads import HEADER, wjx_rows, write_xlsx
    online = [survey(f"R{i}", "G1" if i % 2 else "G2", f"{i}栋1单元101", ("5", "4", "5", "4", "5")) for i in range(12)]
    paper = [survey(f"P{i}", "G1" if i % 2 else "G2", f"{i}栋2单元201", ("1", "2", "1", "2", "1"), channel="paper")
             for i in range(12)]
    inbox = make_inbox({"2026-09-paper.csv": paper})
    write_xlsx(inbox / "surveys" / "2026-09.xlsx", HEADER, wjx_rows(online))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0 and ("surveys/2026-09-paper.csv: its 12 answers rate their grids 1.4 on average, where the "
                          "platform's download rates the same grids 4.6 (12 answers): a sheet typed the wrong way "
                          "round") in err, err


def test_a_platform_download_is_not_asked(run_cli, make_inbox):
    """Trial 238: a 问卷星 download's answers are the residents' own choices; its polite 非常不满意 stopped the month."""
    from downloads import HEADER, wjx_rows, write_xlsx
    rows = [survey(f"R{i}", "G1", f"{i}栋1单元101", ("1",) * 5, comment="态度很好") for i in range(5)]
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09.xlsx", HEADER, wjx_rows(rows + HAND_SURVEYS))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0 and "praise the worker" not in err, err


def test_a_typed_sheet_of_one_to_five_under_a_ten_point_policy_is_said(run_cli, make_inbox, make_policy):
    """Trial 283: after a form's change to 0-10, old five-option paper forms typed as their points (非常满意 5) paid W04
    1535.52 for 1628.32, exit 0, nothing said (too few rows for the sheet's mean to be compared with the download)."""
    paper = [survey(f"P{i}", "G1" if i % 2 else "G2", f"{i}栋2单元201", ("5", "4", "5", "4", "5"), channel="paper")
             for i in range(6)]
    inbox = make_inbox({"2026-09-paper.csv": paper})
    text = make_policy(scale_min=0, scale_max=10, version='"ten-1"').read_text(encoding="utf-8")
    start = text.index("[survey.answer_words]\n")
    end = text.index('"1分" = 1\n', start) + len('"1分" = 1\n')
    ten = make_policy()
    ten.write_text(text[:start] + "[survey.answer_words]\n" + "".join(
        f'"{w}" = {p}\n' for w, p in (("非常满意", 10), ("满意", 8), ("基本满意", 5), ("一般", 5), ("不满意", 2),
                                       ("非常不满意", 0), ("很满意", 10), ("比较满意", 8), ("较满意", 8), ("不太满意", 2),
                                       ("比较不满意", 2), ("很不满意", 0))) + text[end:], encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=ten)
    assert code == 0 and ("surveys/2026-09-paper.csv: its 6 answers rate every item 1 to 5, on the policy's scale of 0 "
                          "to 10: an old five-option form typed as its points (5 for 非常满意)?") in err, err
