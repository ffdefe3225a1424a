"""A platform download's answers read otherwise than its form means them stop the month (policy 2027.5,
gate.form_answers; expectations/form_options.py): a sixty-fifth trial's forms, each published with exit 0 before."""
from conftest import survey
from downloads import HEADER, wjx_rows, write_xlsx

DOWNLOAD = "283746519_2_天井湖社区网格员满意度测评"
POINTS = ["5", "4", "4", "3", "2", "1", "5", "4", "3", "4"]


def _month(inbox, words: dict[str, str], count: int = 10) -> None:
    """A download of `count` answers whose options read `words` (the point each option means -> its text)."""
    answers = [survey(f"R{n}", "G1" if n % 2 else "G2", f"{n}栋1单元101", (POINTS[n % len(POINTS)],) * 5,
                      f"2026-09-{10 + n % 15} 10:00:00") for n in range(1, count + 1)]
    rows = wjx_rows(answers)
    for row in rows:
        row[10:15] = [words.get(cell, cell) for cell in row[10:15]]
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_{count}_{count}.xlsx", HEADER, rows)


def test_two_options_read_as_one_point_stop_the_month(run_cli, make_inbox, make_policy):
    """满意/比较满意/一般/不太满意/不满意: 满意 and 比较满意 both read as 4, every worker's pay lowered, exit 0."""
    inbox = make_inbox({})
    _month(inbox, {"非常满意": "满意", "满意": "比较满意", "基本满意": "一般", "不满意": "不太满意", "非常不满意": "不满意"})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 1, err
    line = next(x for x in err.splitlines() if "not read as its form means them" in x)
    assert (f"surveys/2026-09/{DOWNLOAD}_10_10.xlsx: '不太满意' and '不满意' are both read as 2 (5 questions, 10 "
            f"answers), '比较满意' and '满意' are both read as 4 (5 questions, 30 answers)") in line
    assert "[survey.answer_words]" in line and "(policy gate.form_answers). " in line
    # trial 193: a form edited in the month, its two words one point indeed: what does let it through
    assert line.endswith("set it back after (docs/troubleshooting.md, 'A question reworded in the middle of the month')")
    # the form's words given their points (troubleshooting's example): published, 满意 read as 5
    words = '5\n"满意" = 5\n"一般" = 3\n"不满意" = 1'
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(
        min_responses=1, **{'survey__answer_words__"很满意"': words}))
    assert code == 0 and "form means" not in err, err
    # a policy before the key: published as before
    before = make_policy(min_responses=1, gate__form_answers='"unchecked"')
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=before, out=inbox.parent / "out2",
                   db=inbox.parent / "w2.duckdb")[0] == 0


def test_an_option_gridpay_does_not_read_stops_the_month_and_its_word_given_a_point_publishes(run_cli, make_inbox,
                                                                                               make_policy):
    """非常不满意 renamed 极不满意: the unhappiest residents' answers were invalid, 11% of the month, published."""
    inbox = make_inbox({})
    _month(inbox, {"非常不满意": "极不满意"})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 1 and "'极不满意' is no answer gridpay reads (5 questions, 5 answers)" in err, err
    policy = make_policy(min_responses=1, **{'survey__answer_words__"很满意"': '5\n"极不满意" = 1'})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 0, err


def test_a_three_option_form_stops_and_a_usual_one_does_not(run_cli, make_inbox, make_policy):
    """Trial 170: a form of 满意/基本满意/不满意 read 满意 as 4 (its best option scored 75): five workers paid 227 to 433
    yuan short, exit 0, after a warning. A download none of whose answers is at either end stops (output format 24
    or not: a stop); the form's words given their points, or 满意 its 4 where the form offers five, publish."""
    inbox = make_inbox({})
    _month(inbox, {"非常满意": "满意", "满意": "满意", "基本满意": "基本满意", "不满意": "不满意", "非常不满意": "不满意"},
           count=40)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 1 and "'满意' is read as 4 and none of the file's answers is at 5 or at the scale's bottom" in err, err
    words = '5\n"满意" = 5\n"基本满意" = 3\n"不满意" = 1'
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(
        min_responses=1, **{'survey__answer_words__"很满意"': words}))
    assert code == 0 and "form means" not in err and "scale's top" not in err, err
    _month(make_inbox({}, name="usual"), {}, count=40)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox.parent / "usual", out=inbox.parent / "out2",
                        db=inbox.parent / "w2.duckdb", policy=make_policy(min_responses=1))
    assert code == 0 and "scale's top" not in err and "form means" not in err, err


def test_a_phone_question_reworded_is_read_and_one_dropped_is_said(run_cli, make_inbox, make_policy):
    """A sixty-fifth trial's form asked 您的联系电话, then no phone: a worker's own all-5 answer counted, unsaid."""
    from conftest import WORKER_PHONE
    inbox = make_inbox({})
    answers = [survey(f"R{n}", "G1" if n % 2 else "G2", f"{n}栋1单元101", ("4",) * 5, f"2026-09-{10 + n} 10:00:00")
               for n in range(1, 9)] + [survey("R9", "G1", "9栋1单元101", ("5",) * 5, "2026-09-20 10:00:00", WORKER_PHONE)]
    header = [h.replace("4、您的手机号码", "4、您的联系电话（选填）") for h in HEADER]
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_9_9.xlsx", header, wjx_rows(answers))
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 0 and "self_rating 1" in err, err
    # the form without the question: 问卷星 numbers the questions after it one lower (a number skipped is a column
    # taken out of the download, which stops the month: tests/cli/test_deleted_columns.py)
    import re
    dropped = [re.sub(r"^(\d+)、", lambda m: f"{int(m[1]) - (int(m[1]) > 4)}、", h) for h in HEADER if "手机" not in h]
    rows = [row[:9] + row[10:] for row in wjx_rows(answers)]
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_9_9.xlsx", dropped, rows)
    code, err = run_cli("run", "--month", "2026-09", "--reason", "问卷改版", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 0 and "self_rating" not in err, err
    assert f"{DOWNLOAD}_9_9.xlsx: none of its 9 answers gives a phone" in err


def test_the_grids_scores_moving_a_quarter_of_the_scale_at_once_are_said(run_cli, make_inbox, make_policy):
    """A sixty-fifth trial's form was reversed and read by survey.option_codes in the old order: every grid fell
    (CZ1 80 to 14), each worker floored, no flag. Residents do not all change their minds at once."""
    def month(m: str, point: str, n0: int) -> list:
        return [survey(f"{m}{n}", "G1" if n % 2 else "G2", f"{n}栋1单元101", (point,) * 5, f"2026-{m}-1{n % 9} 10:00:00")
                for n in range(n0, n0 + 12)]
    inbox = make_inbox({"2026-09.csv": month("09", "5", 1), "2026-10.csv": month("10", "1", 1)})
    policy = make_policy(min_responses=1)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 0 and "on average" not in err, err
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox, policy=policy)
    assert code == 0 and ("the grids' scores moved 25 points or more on average since the month before: G1 100.0 -> "
                          "0.0, G2 100.0 -> 0.0") in err, err


def test_a_no_opinion_option_skips_its_item_and_the_answer_counts(run_cli, make_inbox, make_policy):
    """A sixty-sixth trial's 说不好 on one item made an unhappy resident's whole answer invalid (policy 2027.5)."""
    inbox = make_inbox({})
    _month(inbox, {})
    path = inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_10_10.xlsx"
    import openpyxl
    book = openpyxl.load_workbook(path)
    book.active.cell(row=3, column=14).value = "说不好"         # one resident's 响应速度
    book.save(path)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 0 and "0 invalid" in err and "form means" not in err, err


def test_inspect_shows_the_form_doubts_a_run_stops_on(make_inbox, capsys):
    """A sixty-sixth trial's inspect showed a download its run then stopped on as fine."""
    from gridpay.flows.cli import main
    inbox = make_inbox({})
    _month(inbox, {"非常不满意": "极不满意"})
    assert main(["inspect", str(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_10_10.xlsx"), "--inbox", str(inbox)]) == 0
    assert ("check: '极不满意' is no answer gridpay reads (5 questions, 5 answers): a run stops on it "
            "(gate.form_answers; docs/troubleshooting.md)") in capsys.readouterr().out


def test_an_option_s_fill_in_box_is_read_as_the_option(run_cli, make_inbox, make_policy):
    """A sixty-seventh trial's form asked a reason on its unhappy options: each resident's own reason made each such
    answer a word of its own, invalid (9 of 97 lost, 490.03 yuan, exit 0)."""
    inbox = make_inbox({})
    _month(inbox, {})
    path = inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_10_10.xlsx"
    import openpyxl
    book = openpyxl.load_workbook(path)
    for r in range(2, book.active.max_row + 1):
        for c in range(11, 16):
            cell = book.active.cell(row=r, column=c)
            if cell.value in ("不满意", "非常不满意"):
                cell.value = f"{cell.value}（请注明原因）〖第{r}户：下水道堵了\u200b〗"
    book.save(path)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 0 and "0 invalid" in err and "form means" not in err, err
    before = make_policy(min_responses=1, survey__answer_text_cleaned="false")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=before, out=inbox.parent / "o2",
                        db=inbox.parent / "w2.duckdb")
    # as before the key: each resident's words an answer of its own (here on five questions each: stopped)
    assert code == 1 and "第5户:下水道堵了<U+200B>〗' is no answer gridpay reads" in err, err


def test_one_question_asked_with_three_options_is_said_by_its_name(run_cli, make_inbox, make_policy):
    """A sixty-seventh trial's form asked 总体 alone 满意/基本满意/不满意; the file's other questions hid it."""
    inbox = make_inbox({})
    _month(inbox, {}, count=40)
    path = inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_40_40.xlsx"
    import openpyxl
    book = openpyxl.load_workbook(path)
    three = {"非常满意": "满意", "非常不满意": "不满意"}
    for r in range(2, book.active.max_row + 1):
        cell = book.active.cell(row=r, column=15)                 # 总体
        cell.value = three.get(cell.value, cell.value)
    book.save(path)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 0 and "answers to sat_overall say 满意 and none 5, the scale's top" in err, err


def test_numbers_where_the_form_s_words_go_are_told_to_be_downloaded_again(run_cli, make_inbox, make_policy):
    """Trial 75's damaged September ('-2' in most answers) was told to give '-2' a point in the policy."""
    inbox = make_inbox({})
    _month(inbox, {"非常不满意": "-2"})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    line = next(x for x in err.splitlines() if "not read as its form means them" in x)
    assert code == 1 and "'-2' is a number where the form's words go: a damaged download or a codes export" in line
    assert "is downloaded again, as text (按选项文本; docs/troubleshooting.md). Else: Give each" in line
    # a form scoring 0-10 (trial 203's, changed in the month) is told the scale's keys
    _month(inbox, {"非常满意": "9"})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    line = next(x for x in err.splitlines() if "not read as its form means them" in x)
    assert code == 1 and ("is a number where the form's words go: where the form scores its questions in numbers (up "
                          "to 9 read here; its question says where the scale starts, 0 or 1), set survey.scale_min and "
                          "survey.scale_max to the form's scale") in line


def test_a_typed_sheet_of_a_form_topped_by_manyi_stops_and_its_words_given_their_points_publish(run_cli, make_inbox,
                                                                                                 make_policy):
    """Trial 300: volunteers typed a paper form 满意/比较满意/一般/不太满意/不满意 as its words; 满意 (its top) was read as 4
    beside 比较满意, 不满意 (its bottom) as 2 (W01 1597.68 for 1689.12, exit 0, nothing said)."""
    words = ["满意", "比较满意", "一般", "不太满意", "不满意", "满意", "比较满意", "满意"]
    rows = [survey(f"P{n}", "G1" if n % 2 else "G2", f"{n}栋1单元101", (words[n % len(words)],) * 5,
                   f"2026-09-{10 + n % 15} 10:00:00") for n in range(1, 17)]
    inbox = make_inbox({"2026-09-志愿者录入.csv": rows})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 1, err
    line = next(x for x in err.splitlines() if "a sheet typed by hand is not read as its paper form means" in x)
    assert ("surveys/2026-09-志愿者录入.csv: '不太满意' and '不满意' are both read as 2, none of its words at 5 (5 questions, "
            "20 answers), '比较满意' and '满意' are both read as 4, none of its words at 5 (5 questions, 50 answers)") in line, line
    assert "surveys/2026-09-志愿者录入.csv's words as read: 满意 4, 比较满意 4, 一般 3, 不太满意 2, 不满意 2." in line, line
    words = '5\n"满意" = 5\n"一般" = 3\n"不满意" = 1'
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(
        min_responses=1, **{'survey__answer_words__"很满意"': words}))
    assert code == 0 and "paper form" not in err, err
    before = make_policy(min_responses=1, gate__typed_form_answers="false")     # a policy before the key: as before
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=before, out=inbox.parent / "out2",
                   db=inbox.parent / "w2.duckdb")[0] == 0


def test_a_small_typed_sheet_of_three_words_at_neither_end_publishes_and_says_so(run_cli, make_inbox, make_policy):
    """Trial 300's re-check: a 10-row sheet typed 满意/一般/不满意 (a form of three options, 满意 read as 4) published with
    nothing said, under the 20 answers saying 满意 that stop a month. Too few to tell from a form of five nobody ticked
    at an end, so the run publishes and says what to do if the form has three."""
    words = ["满意", "一般", "不满意"]
    rows = [survey(f"P{n}", "G1" if n % 2 else "G2", f"{n}栋1单元101", (words[n % 3],) * 5, f"2026-09-{10 + n} 10:00:00")
            for n in range(1, 11)]
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09-志愿者录入.csv": rows}),
                        policy=make_policy(min_responses=1))
    line = next(x for x in err.splitlines() if "too few to tell its paper form" in x)
    assert code == 0 and "2026-09-志愿者录入.csv: '满意' is read as 4 and none of the sheet's words is at 5 or at the scale's bottom (5 questions, 15 answers)" in line, line
    assert "(满意/一般/不满意), 满意 is its top: give the form's words their points in [survey.answer_words]" in line
