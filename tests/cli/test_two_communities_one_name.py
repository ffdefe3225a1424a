"""A month of two communities whose grids share names (policy 2026.12): an answer naming 第一网格 is the grid
of the community its file is named for (a thirty-ninth trial's 天井湖 answers were all paid to 五松's grid,
366.42 yuan moved, exit 0); in a file named for neither the month stops; and a file named for one community
whose answers count for the other's grids stops (that trial's codes export of 五松's form, read by
grids.csv's order as 天井湖's grids: 1,365.68 yuan moved, exit 0)."""
import csv

from conftest import SURVEY_HEADER, survey, write_csv

GRIDS = [("G1", "第一网格", "天井湖社区", "20"), ("G2", "第二网格", "天井湖社区", "20"),
         ("H1", "第一网格", "五松社区", "20"), ("H2", "第二网格", "五松社区", "20")]


def _inbox(root, surveys: dict[str, list]):
    inbox = root / "inbox"
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"), GRIDS)
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [(f"W{n}", name, "", "1000.00") for n, name in enumerate(("王伟", "李娜", "张喆", "刘玥"), 1)])
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date", "end_date", "weight"),
              [(f"W{n}", g[0], "2026-01-01", "", "") for n, g in enumerate(GRIDS, 1)])
    for name, rows in surveys.items():
        write_csv(inbox / "surveys" / "2026-09" / name, SURVEY_HEADER, rows)
    return inbox


def _answers(prefix: str, grid: str, point: str, count: int = 6, unit: int = 1) -> list:
    # each prefix its own second: two files' answers of one second, door and rating are one answer twice
    when = f"2026-09-10 10:00:{ord(prefix[0]) % 60:02d}" if prefix else "2026-09-10 10:00:00"
    return [survey(f"{prefix}{n}", grid, f"{n}栋{unit}单元101", (point,) * 5, when) for n in range(1, count + 1)]


def _responses(root) -> dict[str, str]:
    with (root / "out" / "2026-09" / "grid_scores.csv").open(encoding="utf-8-sig") as handle:
        return {row["grid_id"]: row["responses"] for row in csv.DictReader(handle)}


def test_a_shared_grid_name_is_the_grid_of_the_community_the_file_is_named_for(run_cli, tmp_path, make_policy):
    inbox = _inbox(tmp_path, {"天井湖社区网格员满意度测评_6_6.csv": _answers("T", "第一网格", "5"),
                              "五松社区网格员满意度测评_6_6.csv": _answers("S", "第一网格", "1", unit=2)})
    before = make_policy(version='"own-1"', grid_names_by_file="false", other_community_rows="1000",   # before 2026.12
                         silent_communities='"unchecked"', silent_grids='"unchecked"')
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=before)[0] == 0
    assert _responses(tmp_path) == {"G1": "0", "G2": "0", "H1": "12", "H2": "0"}       # the last grid of the name
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", inbox=inbox)
    assert code == 0, err
    assert _responses(tmp_path) == {"G1": "6", "G2": "0", "H1": "6", "H2": "0"}
    scores = (tmp_path / "out" / "2026-09" / "grid_scores.csv").read_text(encoding="utf-8-sig")
    assert "G1,第一网格,2026-09,6,20,0.3000,100.00" in scores and "H1,第一网格,2026-09,6,20,0.3000,0.00" in scores


def test_a_shared_grid_name_in_a_file_named_for_neither_community_stops_the_month(run_cli, tmp_path):
    inbox = _inbox(tmp_path, {"天井湖社区网格员满意度测评_6_6.csv": _answers("T", "第二网格", "5"),
                              "纸质问卷.csv": _answers("P", "第一网格", "1", 3)})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and "a grid name grids.csv gives to more than one grid" in line, err
    assert ("surveys/2026-09/纸质问卷.csv: 3 answers name '第一网格', which grids.csv gives to G1 (天井湖社区), "
            "H1 (五松社区)") in line
    assert "天井湖社区网格员满意度测评_6_6.csv" not in line       # its 第二网格 is 天井湖's
    assert not (tmp_path / "out" / "2026-09").exists()


def test_answers_of_a_file_named_for_one_community_counted_for_the_other_s_grids_stop_it(run_cli, tmp_path):
    inbox = _inbox(tmp_path, {"五松社区网格员满意度测评_6_6.csv": _answers("S", "G1", "1") + _answers("U", "H2", "3", 2),
                              "天井湖社区网格员满意度测评_2_2.csv": _answers("T", "G2", "5", 2)})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and "one community's residents would pay another's workers" in line, err
    assert ("surveys/2026-09/五松社区网格员满意度测评_6_6.csv, named for 五松社区, has 6 answers counted for grids of "
            "another community: G1 (天井湖社区) 6") in line and "按文本" in line


def test_one_community_typed_two_ways_in_grids_csv_is_said(run_cli, tmp_path):
    from gridpay.transforms.grid_names import communities_alike
    assert communities_alike(["天井湖社区", "天井湖", "五松社区", "东区社区", "西区社区"]) == [("天井湖", "天井湖社区")]
    inbox = _inbox(tmp_path, {"2026-09.csv": _answers("T", "G1", "5") + _answers("S", "H1", "4", unit=2)})
    (inbox / "grids.csv").write_text((inbox / "grids.csv").read_text(encoding="utf-8").replace(
        "G2,第二网格,天井湖社区", "G2,第二网格,天井湖"), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "grids.csv names the communities '天井湖' (G2) and '天井湖社区' (G1): one community typed" in err


def test_a_codes_export_named_for_no_community_in_a_month_of_several_is_refused(run_cli, make_inbox, make_policy,
                                                                                  tmp_path):
    """A forty-second trial's 天井湖 codes export, renamed 新建 Microsoft Excel 工作表.xls, was read by grids.csv's
    order as 五松's grids: 811.57 yuan overpaid, exit 0."""
    from conftest import HAND_SURVEYS
    from downloads import HEADER, wjx_rows, write_xls
    from gridpay.transforms.grid_names import community_in_name
    download = "283746519_2_天井湖社区网格员满意度测评_8_8"
    assert community_in_name("surveys/2026-10/五松西村入户调查.xlsx", {"五松社区", "天井湖社区"}) is None   # a compound's
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "天桥新村一网格", "天井湖社区", "20"), ("G2", "井湖村二网格", "井湖社区", "10")])
    coded = make_policy(min_responses=3).read_text(encoding="utf-8").replace(
        "[survey.option_codes]\n", '[survey.option_codes]\n"1" = "5"\n"2" = "4"\n"3" = "3"\n"4" = "2"\n"5" = "1"\n')
    (tmp_path / "coded.toml").write_text(coded, encoding="utf-8")
    renamed = write_xls(inbox / "surveys" / "2026-09" / "新建 Microsoft Excel 工作表.xls", HEADER,
                        wjx_rows(HAND_SURVEYS, codes=True))
    # policy 2027.1: a codes export's grid numbers are refused, the form's order of grids being unknown (trial 48)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=tmp_path / "coded.toml")
    assert code == 2 and "column 'grid_id': is a codes export (按序号) whose grid question is option numbers" in err
    (tmp_path / "coded.toml").write_text(coded.replace("grid_numbers_refused = true", "grid_numbers_refused = false"),
                                         encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=tmp_path / "coded.toml")
    assert code == 2 and "is a codes export (按序号) in a month of several communities, and its name names none" in err
    renamed.rename(renamed.with_name(f"{download}.xls"))      # the platform's name: 天井湖社区's form
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=tmp_path / "coded.toml")
    assert code == 0 and "named for 天井湖社区, has 4 answers counted for grids of another community: G2 (井湖社区)" in err
    # (said: under gate.other_community_rows = 5; five or more stop the month, as the test above shows)


def test_each_community_has_a_form_of_its_own(tmp_path, capsys):
    """A forty-sixth trial's one form for two communities listed 第一网格 twice, titled for both."""
    from gridpay.flows.cli import main
    inbox = _inbox(tmp_path, {})
    assert main(["questionnaire", "--inbox", str(inbox)]) == 2
    assert "grids.csv names 2 communities (天井湖社区, 五松社区): each asks its residents on a form of its own" \
        in capsys.readouterr().err
    assert main(["questionnaire", "--inbox", str(inbox), "--community", "五松社区"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("五松社区网格员满意度测评\n\n您所在的网格[单选题]\n第一网格\n第二网格\n\n")


def test_the_form_is_gridpay_toml_s_community_s_without_community(tmp_path, monkeypatch, capsys):
    from gridpay.flows.cli import main
    hr = tmp_path / "hr"
    assert main(["init", str(hr), "--community", "五松社区"]) == 0
    _inbox(hr, {})
    monkeypatch.chdir(hr)
    capsys.readouterr()
    assert main(["questionnaire"]) == 0          # a sixty-fourth trial was told to name it again
    form = capsys.readouterr().out
    assert form.startswith("五松社区网格员满意度测评") and "天井湖" not in form
    assert main(["questionnaire", "--community", "天井湖社区"]) == 0
    assert capsys.readouterr().out.startswith("天井湖社区网格员满意度测评")


def test_a_grid_moved_to_another_community_is_counted_from_its_old_community_s_form(run_cli, tmp_path):
    """A ninety-first trial moved a grid to another community in grids.csv; its residents still answered on the
    old community's form, and the correct month stopped with a codes export's explanation."""
    def month(m: str) -> dict[str, list]:
        at = f"2026-{m}-12 10:00:00"
        return {"天井湖社区网格员满意度测评.csv": [survey(f"T{n}", g, f"{n}栋1单元101", ("4",) * 5, at)
                                        for n, g in enumerate(("G1", "G2") * 3, 1)],
                "五松社区网格员满意度测评.csv": [survey(f"S{n}", g, f"{n}栋2单元101", ("2",) * 5, at)
                                       for n, g in enumerate(("H1", "H2") * 3, 1)]}
    inbox = _inbox(tmp_path, month("09"))
    assert run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)[0] == 0
    moved = [g[:2] + ("天井湖社区",) + g[3:] if g[0] == "H2" else g for g in GRIDS]
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"), moved)
    for name, rows in month("10").items():
        write_csv(inbox / "surveys" / "2026-10" / name, SURVEY_HEADER, rows)
    code, err = run_cli("run", "--month", "2026-10", "--reports", "none", inbox=inbox)
    assert code == 0, err
    assert ("surveys/2026-10/五松社区网格员满意度测评.csv: 3 answers to H2, which grids.csv now lists under 天井湖社区 "
            "(under 五松社区 in 2026-09, the month published last), counted for it") in err
    # a grid never the file's community's still stops
    (inbox / "surveys" / "2026-10" / "天井湖社区网格员满意度测评.csv").unlink()
    write_csv(inbox / "surveys" / "2026-10" / "天井湖社区网格员满意度测评.csv", SURVEY_HEADER,
              [survey(f"T{n}", g, f"{n}栋1单元101", ("4",) * 5, "2026-10-12 10:00:00")
               for n, g in enumerate(("G2", "H1", "H1") * 3, 1)])
    code, err = run_cli("run", "--month", "2026-10", "--reports", "none", "--reason", "更正", inbox=inbox)
    assert code == 1 and "has 6 answers counted for grids of another community: H1 (五松社区) 6" in err, err


def test_two_files_named_for_one_community_sharing_ids_are_said_to_be_one_form(run_cli, tmp_path):
    """A ninety-first trial's 柳岸 download saved as 凤鸣社区11月.xlsx beside 凤鸣's was told to give it a prefix."""
    inbox = _inbox(tmp_path, {"天井湖社区网格员满意度测评_6_6.csv": _answers("", "G1", "4"),
                              "天井湖社区9月.csv": _answers("", "H2", "2", unit=3),
                              "五松社区网格员满意度测评_6_6.csv": _answers("S", "H1", "3", unit=2)})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and "two survey files use the same response ids" in line, err
    assert ("both are named for 天井湖社区, which has one form: if one is another community's download saved under "
            "its name, give it its own name back") in line


def test_the_call_sheet_names_each_homes_community(run_cli, tmp_path):
    """Trial 122: two communities' 第一网格 4栋1单元101 both answered; the call sheet gave grid and door only, and a
    visit to the wrong one would record 未参与 and take out the other's genuine answer."""
    inbox = _inbox(tmp_path, {"天井湖社区网格员满意度测评_6_6.csv": _answers("T", "第一网格", "1"),
                              "五松社区网格员满意度测评_6_6.csv": _answers("S", "第一网格", "1")})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    sheet = tmp_path / "calls.csv"
    assert run_cli("callsheet", "--month", "2026-09", "--by", "王干事", "--to", str(sheet), inbox=inbox)[0] == 0
    with sheet.open(encoding="utf-8-sig") as handle:
        names = {row["response_id"]: row["grid_name"] for row in csv.DictReader(handle)}
    assert names and {names[r] for r in names if "S" in r} == {"五松社区 第一网格"}
    assert {names[r] for r in names if "T" in r} == {"天井湖社区 第一网格"}


def test_a_paper_sheet_beside_its_communitys_download_is_not_said_to_be_another_communitys(run_cli, tmp_path):
    """Trial 210: 西园's paper sheet numbered 1, 2, ... beside 西园's and 东湖's downloads was told that one file
    "is another community's download saved under its name"; the prefix alone was the fix."""
    from downloads import HEADER, wjx_rows, write_xlsx
    inbox = _inbox(tmp_path, {"天井湖社区9月纸质问卷.csv": _answers("", "G1", "4"),
                              "五松社区网格员满意度测评_6_6.csv": _answers("", "H1", "3", unit=2)})
    write_xlsx(inbox / "surveys" / "2026-09" / "天井湖社区网格员满意度测评_6_6.xlsx", HEADER,
               wjx_rows(_answers("", "G2", "2", unit=3)))
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and "two survey files use the same response ids" in line and "[survey.file_id_prefixes]" in line
    assert "which has one form" not in line, line


def test_a_name_reading_like_a_grid_name_two_communities_give_is_not_offered_as_an_alias(run_cli, tmp_path):
    """Trial 302: 一网格 in 东城's sheet was offered 第一网格 (XC01), 西城's; aliased as advised, 东城's complaint counted for
    西城 (W01 1926.54 for 1823.04, exit 0). An alias names one grid for every community's files."""
    inbox = _inbox(tmp_path, {"天井湖社区纸质问卷.csv": _answers("T", "第二网格", "5") + _answers("U", "一网格", "1", 6, 3)})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and "'一网格' on 6 rows; it reads like the name of 2 grids (G1, H1): no alias, type the grid" in line
    assert "an alias would count it for one of them in every community's files" in line and "aliases of" not in line
