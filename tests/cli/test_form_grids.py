"""One form per grid ([survey.file_grids]) where one grid's form was copied from another's and kept its title:
trial 161's 第十一网格 download, titled `第一网格网格员满意度调查(副本)`, was read as 第一网格's. The stops it meets
name the table's entry that read it (its clerk, told only to give the ids a prefix, would have paid one grid's
answers to the other's worker)."""
from conftest import HAND_SURVEYS, policy_text, survey, write_csv
from downloads import HEADER, wjx_rows, write_xlsx

GRID = HEADER.index("1、您所在的网格是？")
FORMS = '\n[survey.file_grids]\n"一网格" = "G1"\n"二网格" = "G2"\n'
PREFIXES = '\n[survey.file_id_prefixes]\n"412345671" = "A"\n"412345672" = "B"\n'
SECOND = [survey(f"S{i}", "G1", f"G2-2-{i}01", ("2",) * 5, f"2026-09-1{i} 09:00:00") for i in range(1, 5)]


def _form(path, surveys):
    write_xlsx(path, HEADER[:GRID] + HEADER[GRID + 1:], [r[:GRID] + r[GRID + 1:] for r in wjx_rows(surveys)])


def test_a_grid_s_form_under_another_grid_s_copied_title_is_named_in_the_stops(run_cli, make_inbox, tmp_path):
    inbox = make_inbox({})
    _form(inbox / "surveys" / "2026-09" / "412345671_1_一网格满意度_8_8.xlsx", HAND_SURVEYS)
    _form(inbox / "surveys" / "2026-09" / "412345672_1_一网格满意度(副本)_4_4.xlsx", SECOND)    # 二网格's form
    policy = tmp_path / "policy.toml"
    policy.write_text(policy_text(min_responses=1) + FORMS, encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 1 and "two survey files use the same response ids" in err, err
    assert ("both are read as G1 by the policy's [survey.file_grids] (\"一网格\" in 'surveys/2026-09/412345671_1_一网格"
            "满意度_8_8.xlsx', \"一网格\" in 'surveys/2026-09/412345672_1_一网格满意度(副本)_4_4.xlsx'): a form per grid "
            "has one download a month, so one may be another grid's form under a copied title") in err, err
    assert "Once each download is read as its own grid: A platform numbers the answers" in err
    policy.write_text(policy_text(min_responses=1) + FORMS + PREFIXES, encoding="utf-8")    # the ids told apart
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 1 and "井湖村二网格 (G2, workers W2, W3, W4) has no answer this month" in err, err
    assert ("the policy's [survey.file_grids] gives 井湖村二网格 the downloads whose name holds \"二网格\", and no "
            "survey file of the month is read so ('surveys/2026-09/412345671_1_一网格满意度_8_8.xlsx' by \"一网格\" and "
            "'surveys/2026-09/412345672_1_一网格满意度(副本)_4_4.xlsx' by \"一网格\" are both read as G1: a form per grid") in err, err
    assert "where its downloads' names hold none, by its whole title as they hold it" in err
    assert not (tmp_path / "out" / "2026-09").exists()


def test_a_form_of_one_community_under_another_s_copied_title_is_its_entry_s_grid(run_cli, make_inbox, tmp_path):
    """Trial 164: 西苑社区's form titled 东湖社区第二网格 stopped as another community's download (its advice fit
    nothing, and the scorecard told HR to take its answers out by appeal); keyed by a grid name both communities
    have, it was read by the title's community, and 西苑's answers paid 东湖's worker, exit 0."""
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("DH1", "第一网格", "东湖社区", "20"), ("XY1", "第一网格", "西苑社区", "10")])
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date"),
              [("W1", "DH1", "2026-01-01"), ("W2", "XY1", "2026-01-01"), ("W3", "DH1", "2026-01-01"),
               ("W4", "XY1", "2026-01-01")])
    _form(inbox / "surveys" / "2026-09" / "412345671_1_东湖社区第一网格满意度_8_8.xlsx", HAND_SURVEYS)
    _form(inbox / "surveys" / "2026-09" / "412345672_1_东湖社区第一网格满意度_4_4.xlsx", SECOND)     # 西苑's, copied
    policy = tmp_path / "policy.toml"
    policy.write_text(policy_text(min_responses=1) + PREFIXES + '\n[survey.file_grids]\n"412345671" = "DH1"\n'
                      '"412345672" = "第一网格"\n', encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 2 and ("the policy's [survey.file_grids] gives \"412345672\" the grid name '第一网格', which grids.csv "
                          "gives 2 grids (DH1 of 东湖社区, XY1 of 西苑社区): a form's grid is one grid") in err, err
    policy.write_text(policy_text(min_responses=1) + PREFIXES + '\n[survey.file_grids]\n"412345671" = "DH1"\n'
                      '"412345672" = "XY1"\n', encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 0 and "another community" not in err, err
    grids = (tmp_path / "out" / "2026-09" / "grid_scores.csv").read_text(encoding="utf-8-sig")
    assert "XY1" in grids and ",4," in next(line for line in grids.splitlines() if line.startswith("XY1"))


def test_a_worker_s_option_naming_two_grids_given_to_one_is_said_with_its_answers(run_cli, make_inbox, tmp_path):
    """Trial 305: the option 王芳（三/五网格） of a form asking the worker, given to 三网格 as its alias (docs/platforms.md:
    a worker of two grids' option goes to one), counted 五网格's answers there, exit 0, nothing said. Said now; an
    option naming one grid's worker, unaliased, is offered as that grid's alias."""
    rows = [survey(f"R{i}", "王芳（一/二网格）", f"1-1-{i}01", ("4",) * 5) for i in range(1, 5)]
    inbox = make_inbox({"2026-09.csv": rows + [survey("R9", "李娜(二网格)", "2-1-101", ("4",) * 5)]})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "aliases"),
              [("G1", "天桥新村一网格", "天井湖社区", "20", "王芳（一/二网格）"), ("G2", "井湖村二网格", "天井湖社区", "10", "")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=None)
    assert code == 0 and ("4 answers chose '王芳(一/二网格)', an alias of 天桥新村一网格 (G1) that names 井湖村二网格 (G2) "
                          "too: 4 count for G1, 0 moved by HR's own 非本网格 corrections") in err, err
    assert "'李娜(二网格)' on 1 row; a form's option naming a worker and '井湖村二网格 (G2)'?" in err
