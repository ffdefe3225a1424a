"""Files the month should hold and does not, or holds and should not (policy 2027.9; trial 83, all exit 0
before): a grid whose download has not arrived, or whose place last month's holds, was scored on earlier
months or paid at neutral; a neighbouring community's download was counted for our grid of its grid's name."""
from conftest import APPEAL_HEADER, SURVEY_HEADER, survey, today, write_csv
from downloads import HEADER, wjx_rows, write_xlsx

GRIDS = ("grid_id", "grid_name", "community", "households", "compounds")


def _inbox(root, grids_and_answers: dict[str, list], compounds=("翠柳苑", "金桂园", "望江小区")):
    inbox = root / "inbox"
    write_csv(inbox / "grids.csv", GRIDS, [(f"G{n}", f"{c}网格", "碧溪社区", "40", c) for n, c in enumerate(compounds, 1)])
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [(f"W{n}", name, "", "1000.00") for n, name in enumerate(("王伟", "李娜", "张喆"), 1)])
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date", "end_date", "weight"),
              [(f"W{n}", f"G{n}", "2026-01-01", "", "") for n in range(1, 4)])
    for name, rows in grids_and_answers.items():
        write_csv(inbox / "surveys" / "2026-09" / name, SURVEY_HEADER + ("小区",), rows)
    return inbox


def _answers(prefix: str, grid: str, compound: str, count: int = 12, when: str = "2026-09-10 10:00:00") -> list:
    # each prefix its own second: answers of two files at one second, one door and one rating are one answer twice
    when = f"{when[:-2]}{ord(prefix[0]) % 60:02d}"
    return [survey(f"{prefix}{n}", grid, f"{n}栋1单元101", ("4",) * 5, when) + (compound,) for n in range(1, count + 1)]


def test_a_grid_without_answers_in_a_month_of_scored_grids_stops_it_naming_the_file_of_another_month(run_cli, tmp_path):
    inbox = _inbox(tmp_path, {"318400101_2_碧溪社区翠柳苑网格员满意度测评_12_12.csv": _answers("A", "G1", "翠柳苑"),
                              "318400102_2_碧溪社区金桂园网格员满意度测评_12_12.csv": _answers("B", "G2", "金桂园")})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)           # 望江小区's download not come yet
    line = err.strip().splitlines()[-1]
    assert code == 1 and "a grid with a worker assigned has no answer this month, or too few to be scored" in line
    assert "望江小区网格 (G3, worker W3) has no answer this month. Put each grid's downloads of 2026-09" in line, line
    assert not (tmp_path / "out" / "2026-09").exists()
    # its August download, made as September began, in its place: named
    august = wjx_rows([survey(f"C{n}", "G1", f"{n}栋1单元101", ("4",) * 5, "2026-08-20 10:00:00") for n in range(9)])
    write_xlsx(inbox / "surveys" / "2026-09" / "318400103_2_碧溪社区望江小区网格员满意度测评_9_9.xlsx", HEADER,
               [row[:6] + ["望江小区网格"] + row[7:] for row in august])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and ("望江小区网格 (G3, worker W3) has no answer this month; surveys/2026-09/318400103_2_碧溪社区望江小区"
                          "网格员满意度测评_9_9.xlsx holds only 9 rows of 2026-08") in err.strip().splitlines()[-1], err
    code, err = run_cli("run", "--month", "2026-09", "--accept-fewer-answers", inbox=inbox)
    assert code == 0 and "望江小区网格 (G3, worker W3) has no answer this month: accepted (--accept-fewer-answers): each is "\
        "scored on the answers it has; one with none or too few is paid at the neutral coefficient" in err


def test_a_month_of_thin_grids_and_a_policy_without_the_key_are_not_stopped(run_cli, tmp_path, make_policy):
    thin = _inbox(tmp_path, {"a.csv": _answers("A", "G1", "翠柳苑", 6), "b.csv": _answers("B", "G2", "金桂园", 6)})
    assert run_cli("run", "--month", "2026-09", inbox=thin)[0] == 0         # under min_responses: pooled anyway
    for name in ("a.csv", "b.csv"):
        (thin / "surveys" / "2026-09" / name).unlink()
    write_csv(thin / "surveys" / "2026-09" / "c.csv", SURVEY_HEADER + ("小区",),
              _answers("A", "G1", "翠柳苑") + _answers("B", "G2", "金桂园"))
    code, err = run_cli("run", "--month", "2026-09", "--reason", "新下载", "--reference", "inbox", inbox=thin,
                        policy=make_policy(version='"own-1"', gate__silent_grids='"unchecked"'))
    assert code == 0 and "no answer this month for 望江小区网格 (G3)" in err, err


def test_a_grid_too_thin_to_be_scored_last_month_is_not_stopped_for_an_empty_one(run_cli, tmp_path):
    """The demo's grid that barely answers (3 answers a month, none in one): pooled or neutral by design."""
    inbox = _inbox(tmp_path, {"a.csv": _answers("A", "G1", "翠柳苑") + _answers("B", "G2", "金桂园")
                              + _answers("C", "G3", "望江小区", 3)})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    write_csv(inbox / "surveys" / "2026-10" / "a.csv", SURVEY_HEADER + ("小区",),
              _answers("D", "G1", "翠柳苑", 12, "2026-10-10 10:00:00") + _answers("E", "G2", "金桂园", 12, "2026-10-10 10:00:00"))
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 0 and "no answer this month for 望江小区网格 (G3)" in err, err


def _g3_fell(run_cli, tmp_path, september: int, october: int):
    """(inbox, exit code, stderr of October): G3 answering `september` times, then `october`; G1 and G2 12 each."""
    inbox = _inbox(tmp_path, {"a.csv": _answers("A", "G1", "翠柳苑") + _answers("B", "G2", "金桂园")
                              + _answers("C", "G3", "望江小区", september)})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    write_csv(inbox / "surveys" / "2026-10" / "a.csv", SURVEY_HEADER + ("小区",), _answers("D", "G1", "翠柳苑", 12, OCT)
              + _answers("E", "G2", "金桂园", 12, OCT) + _answers("F", "G3", "望江小区", october, OCT))
    return inbox, *run_cli("run", "--month", "2026-10", inbox=inbox)


OCT = "2026-10-10 10:00:00"


def test_a_grid_whose_answers_fell_under_the_minimum_and_half_stops_the_month(run_cli, tmp_path):
    """Trial 85's forgotten compound download left a grid the 8 answers of a paper sheet for about 100."""
    inbox, code, err = _g3_fell(run_cli, tmp_path, 24, 3)
    assert code == 1 and ("望江小区网格 (G3, worker W3) has 3 answers this month (24 counted in the month published "
                          "last) (2026-09's answers came in a.csv)") in err.strip().splitlines()[-1], err
    write_csv(inbox / "surveys" / "2026-10" / "b.csv", SURVEY_HEADER + ("小区",),       # 12 of 24: no collapse
              [r[:2] + (r[2].replace("1单元", "2单元"),) + r[3:] for r in _answers("G", "G3", "望江小区", 9, OCT)])
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 0, err


def test_a_grid_whose_answers_fell_to_a_tenth_stops_the_month_though_it_had_few(run_cli, tmp_path):
    """Trial 137: 锦江苑二网格's October download had not come; one resident of another grid's form ticked it, so it
    was not silent, and 12 answers in September were under twice the minimum: October published on September's."""
    _, code, err = _g3_fell(run_cli, tmp_path, 12, 1)
    assert code == 1 and ("望江小区网格 (G3, worker W3) has 1 answer this month (12 counted in the month published "
                          "last)") in err.strip().splitlines()[-1], err


def test_a_download_named_for_another_community_whose_answers_name_places_we_do_not_have_stops(run_cli, tmp_path):
    ours = _answers("A", "G1", "翠柳苑") + _answers("B", "G2", "金桂园") + _answers("C", "G3", "望江小区")
    inbox = _inbox(tmp_path, {"318400101_2_碧溪社区网格员满意度测评_36_36.csv": ours})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    october = inbox / "surveys" / "2026-10"
    later = [r[:4] + ("2026-10-10 10:00:00",) + r[5:] for r in ours]
    write_csv(october / "318400101_2_碧溪社区网格员满意度测评_36_36.csv", SURVEY_HEADER + ("小区",), later)
    # the neighbour's form: its grid has our grid's name, its homes are in 江畔花园
    write_csv(october / "318499905_2_江畔社区网格服务满意度调查_8_8.csv", SURVEY_HEADER + ("小区",),
              _answers("J", "望江小区网格", "江畔花园", 8, "2026-10-12 10:00:00"))
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and "a survey file is named for another community than this project's (碧溪社区)" in line, err
    assert ("surveys/2026-10/318499905_2_江畔社区网格服务满意度调查_8_8.csv is named for 江畔社区, and 8 of its 8 answers of "
            "the month name a compound or grid not this community's ('江畔花园')") in line
    # trial 85 listed the neighbour's compound for our grid, as a line of the run had offered: still another's
    grids = (inbox / "grids.csv").read_text(encoding="utf-8")
    (inbox / "grids.csv").write_text(grids.replace(",望江小区", ",望江小区;江畔花园"), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-10", "--reference", "inbox", inbox=inbox)
    assert code == 1 and "is named for 江畔社区, and 8 of its 8 answers" in err.strip().splitlines()[-1], err
    # a title naming no community, answers from our places: read as ever
    (october / "318499905_2_江畔社区网格服务满意度调查_8_8.csv").unlink()
    write_csv(october / "居民对社区网格员的评价.csv", SURVEY_HEADER + ("小区",),
              _answers("J", "G3", "望江小区", 3, "2026-10-20 10:00:00"))
    code, err = run_cli("run", "--month", "2026-10", "--reference", "inbox", inbox=inbox)
    assert code == 0, err


def test_a_renamed_neighbours_download_naming_a_compound_no_grid_lists_stops(run_cli, tmp_path, make_policy):
    """Trial 86: the neighbour's file, renamed, holding only its 滨河网格's answers (a grid name ours has too), was
    paid to our worker with one console line (policy 2027.10, gate.unlisted_compounds)."""
    ours = _answers("A", "G1", "翠柳苑") + _answers("B", "G2", "金桂园") + _answers("C", "G3", "望江小区")
    theirs = [r[:2] + (r[2].replace("1单元", "3单元"),) + r[3:] for r in _answers("J", "望江小区网格", "江畔花园", 8)]
    inbox = _inbox(tmp_path, {"a.csv": ours + theirs})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and "answers name a compound (小区) that grids.csv lists for no grid" in line, err
    assert "'江畔花园' on 8 answers (8 to 望江小区网格 (G3); in surveys/2026-09/a.csv). If the file is another community's" in line
    assert "a compound the grid does span goes into grids.csv's compounds" not in err      # the line trial 86 followed
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox,
                        policy=make_policy(version='"own-1"', gate__unlisted_compounds='"unchecked"'))
    assert code == 0 and "望江小区网格 (G3): answers name compounds grids.csv does not list for it ('江畔花园' on 8 rows)" in err
    grids = (inbox / "grids.csv").read_text(encoding="utf-8")        # HR says the grid spans it: counted
    (inbox / "grids.csv").write_text(grids.replace(",40,望江小区", ",40,望江小区;江畔花园"), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reason", "江畔花园属本网格", "--reference", "inbox", inbox=inbox)
    assert code == 0, err


def test_a_grids_answers_doubled_through_a_file_of_its_own_stop_the_month(run_cli, tmp_path):
    """Trial 88: a neighbour's download renamed 下载(1).xlsx, holding only the answers of a grid name both
    communities have (a grid listing no compound), was paid to our worker, 1200.00 for 1483.80, exit 0."""
    inbox = _inbox(tmp_path, {"a.csv": _answers("A", "G1", "翠柳苑") + _answers("B", "G2", "金桂园")
                              + _answers("C", "G3", "望江小区")})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    when = "2026-10-10 10:00:00"
    write_csv(inbox / "surveys" / "2026-10" / "a.csv", SURVEY_HEADER + ("小区",), _answers("D", "G1", "翠柳苑", 12, when)
              + _answers("E", "G2", "金桂园", 12, when) + _answers("F", "G3", "望江小区", 12, when))
    write_csv(inbox / "surveys" / "2026-10" / "下载(1).csv", SURVEY_HEADER + ("小区",),      # no compound named
              [r[:2] + (r[2].replace("1单元", "5单元"),) + r[3:-1] + ("",) for r in _answers("J", "G3", "", 14, when)])
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and ("望江小区网格 (G3) has 26 answers this month (12 counted in the month published last), 14 of "
                          "them from surveys/2026-10/下载(1).csv, which answers no other grid") in line, err
    code, err = run_cli("run", "--month", "2026-10", "--accept-more-answers", inbox=inbox)
    assert code == 0 and "accepted (--accept-more-answers)" in err, err


def test_a_paper_sheet_left_out_is_said_in_its_month_and_named_by_the_next_months_surge(run_cli, tmp_path):
    """Trial 110: October lacked a grid's paper sheet (16 answers, then 5), was pooled with September and paid 157.52
    yuan wrongly, said only by a flag; November's sheet then stopped as a surge that never named October."""
    paper = {m: [r[:2] + (r[2].replace("1单元", "2单元"),) + r[3:] for r in _answers(f"P{m}-", "G3", "望江小区", 10,
                                                                                   f"2026-{m}-10 10:00:00")]
             for m in ("09", "11")}
    inbox = _inbox(tmp_path, {"a.csv": _answers("A", "G1", "翠柳苑") + _answers("B", "G2", "金桂园")
                              + _answers("C", "G3", "望江小区", 6), "paper.csv": paper["09"]})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    for month, paper_rows in (("10", []), ("11", paper["11"])):
        when = f"2026-{month}-10 10:00:00"
        write_csv(inbox / "surveys" / f"2026-{month}" / "a.csv", SURVEY_HEADER + ("小区",),
                  _answers("D", "G1", "翠柳苑", 12, when) + _answers("E", "G2", "金桂园", 12, when)
                  + _answers("F", "G3", "望江小区", 5 if month == "10" else 6, when))
        if paper_rows:
            write_csv(inbox / "surveys" / f"2026-{month}" / "paper.csv", SURVEY_HEADER + ("小区",), paper_rows)
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 0 and "望江小区网格 (G3): 5 answers counted, 16 in 2026-09, the month published last" in err, err
    code, err = run_cli("run", "--month", "2026-11", inbox=inbox)
    assert code == 1 and ("G3 was flagged answers_dropped in 2026-10 (its answers fell from the month before it's): "
                          "if 2026-10 lacked a file like this one, correct 2026-10 first") in err, err


def test_a_grid_given_answers_by_hrs_own_corrections_is_not_a_grid_without_answers(run_cli, tmp_path):
    # trial 290: a form asking the worker by name gave a two-grid worker's second grid no answer; HR's own 非本网格
    # corrections (resident_grid) gave it six, and the run still stopped on it as a grid with none
    inbox = _inbox(tmp_path, {"318400101_2_碧溪社区翠柳苑网格员满意度测评_12_12.csv": _answers("A", "G1", "翠柳苑"),
                              "318400102_2_碧溪社区金桂园网格员满意度测评_15_15.csv": _answers("B", "G2", "金桂园", 15)})
    header = APPEAL_HEADER + ("resident_grid",)
    write_csv(inbox / "appeals.csv", header, [(f"C{n}", "2026-09", "", f"B{n}", "非本网格", "住望江小区", today(), "支持",
                                                 "人事科 陈主任", today(), "经核对门牌", "G3") for n in (13, 14, 15)])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0 and "has no answer this month" not in err, err
    scores = (tmp_path / "out" / "2026-09" / "grid_scores.csv").read_text(encoding="utf-8-sig")
    assert "\nG3,望江小区网格,2026-09,3," in scores
