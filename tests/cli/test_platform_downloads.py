"""The month as HR downloads it: 问卷星 text and codes exports (.xls, .xlsx, GBK .csv) under the platform's file
name, and sheets typed from paper forms, give the same payroll, byte for byte, as the canonical CSV of the same answers."""
import duckdb
import pytest

from conftest import HAND_SURVEYS, RESIDENT_PHONE, build_inbox, policy_text, run_once
from downloads import HEADER, tencent_rows, wjx_rows, write_gbk_csv, write_tencent_csv, write_xls, write_xlsx

DOORS = {f"G{g}-1-{r}": f"{g}栋1单元{r}" for g in (1, 2) for r in (101, 102, 201, 202)}
# the same households typed the ways residents type them
VARIANTS = {"1栋1单元101": "1幢1单元101室", "1栋1单元102": "1号楼 1单元 102", "2栋1单元101": "２栋１单元１０１"}
CANONICAL = [r[:2] + (DOORS[r[2]],) + r[3:] for r in HAND_SURVEYS]
AUGUST = [("A1", "G1", "1栋1单元101", "", "2026-08-20 09:00:00", "wechat", "90", "1", "1", "1", "1", "1", ""),
          ("A2", "G2", "2栋1单元102", "", "2026-08-21 09:00:00", "wechat", "90", "1", "1", "1", "1", "1", "")]
DOWNLOAD = "283746519_2_天井湖社区网格员满意度测评_10_10"


@pytest.fixture(scope="module")
def canonical_payroll(tmp_path_factory):
    """The payroll of the canonical CSV of the same answers, and the policy it ran under (run once)."""
    root = tmp_path_factory.mktemp("canonical")
    policy = root / "policy.toml"
    policy.write_text(policy_text(min_responses=3), encoding="utf-8")
    out = run_once(root, "run", "--month", "2026-09", "--reports", "none", policy=policy,
                   inbox=build_inbox(root, {"2026-09.csv": CANONICAL}, name="canonical-inbox"))
    return (out / "2026-09" / "payroll.csv").read_bytes(), policy


def _download_rows(codes=False):
    rows = wjx_rows(CANONICAL + AUGUST, codes=codes, doors=VARIANTS)
    return rows[:4] + rows[-2:] + rows[4:-2]          # a cumulative download: months interleave


@pytest.mark.parametrize("writer,suffix", [(write_xls, ".xls"), (write_xlsx, ".xlsx"), (write_gbk_csv, ".csv")])
def test_text_export_gives_the_canonical_payroll(writer, suffix, canonical_payroll, run_cli, make_inbox, tmp_path):
    expected, policy = canonical_payroll
    inbox = make_inbox({})
    writer(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}{suffix}", HEADER, _download_rows())
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0, err
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes() == expected
    assert "10 survey rows (8 for 2026-09; set aside: 2 rows of 2026-08)" in err
    quarantine = (tmp_path / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert quarantine.count("\n") == 3 and "2026-08" not in quarantine      # R4 (older answer), R8 (a 7)
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        channels = {c for (c,) in con.execute("select distinct channel from raw_surveys").fetchall()}
        households = {h for (h,) in con.execute("select distinct household_id from raw_surveys").fetchall()}
    assert channels == {"wechat"} and set(VARIANTS) <= households
    stored = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()
                      and not p.is_relative_to(inbox) and not p.is_relative_to(tmp_path / "archive")
                      and not p.is_relative_to(tmp_path / "canonical-inbox"))
    assert RESIDENT_PHONE.encode() not in stored and RESIDENT_PHONE not in err


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_tencent_download_gives_the_canonical_payroll(encoding, canonical_payroll, run_cli, make_inbox, tmp_path):
    """腾讯问卷's CSV (BOM or GBK, a trailing comma on every line, `N.题干`, `A.非常满意`, skipped
    questions empty) is read by the default policy's [survey.platforms."腾讯问卷"] entry."""
    expected, policy = canonical_payroll
    rows = tencent_rows(CANONICAL + AUGUST, doors=VARIANTS)
    inbox = make_inbox({})
    path = write_tencent_csv(inbox / "surveys" / "2026-09" / "天井湖社区网格员满意度测评_答卷数据.csv",
                             rows[:4] + rows[-2:] + rows[4:-2], encoding)
    assert path.read_bytes().splitlines()[0].endswith(b",")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0, err
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes() == expected
    assert "10 survey rows (8 for 2026-09; set aside: 2 rows of 2026-08)" in err
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        answers = dict(con.execute("select response_id, answers from raw_surveys").fetchall())
    assert answers["T1"] == ["5"] * 5 and answers["T3"] == ["3", "4", "5", None, None]   # T: its id_prefix


def test_inspect_names_the_platform_layout(make_inbox, capsys):
    from gridpay.flows.cli import main
    inbox = make_inbox({})
    path = write_tencent_csv(inbox / "surveys" / "2026-09" / "答卷数据.csv", tencent_rows(CANONICAL), "utf-8-sig")
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "platform layout: 腾讯问卷" in out and "结束答题时间 -> submitted_at" in out and "开始答题时间 -> (not used)" in out
    assert "times: local time in Asia/Shanghai" in out and "sat_overall=5" in out


def test_codes_export_needs_the_policys_option_codes(canonical_payroll, run_cli, make_inbox, make_policy, tmp_path):
    expected, _ = canonical_payroll
    inbox = make_inbox({})
    path = write_xls(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}.xls", HEADER, _download_rows(codes=True))
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    assert code == 2
    assert err.strip().splitlines()[-1].startswith(f"gridpay: surveys/2026-09/{path.name}, column 'sat_environment': is a codes export")
    assert "text export (按文本)" in err
    coded = make_policy(min_responses=3, grid_numbers_refused="false").read_text(encoding="utf-8").replace(   # before 2027.1
        "[survey.option_codes]\n", '[survey.option_codes]\n"1" = "5"\n"2" = "4"\n"3" = "3"\n"4" = "2"\n"5" = "1"\n')
    (tmp_path / "coded.toml").write_text(coded, encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=tmp_path / "coded.toml")
    assert code == 0, err
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes() == expected
    assert "option 1 as 5, 2 as 4, 4 as 2, 5 as 1; so read, " in err and "(survey.grid_numbers_refused off): 1 as G1, 2 as G2;" in err   # trial 286


def test_sheet_typed_from_paper_forms(canonical_payroll, run_cli, make_inbox, tmp_path):
    expected, policy = canonical_payroll
    header = ["网格", "户号", "问卷编号", "联系电话", "提交时间", "渠道", "答题用时", "环境卫生", "治安安全", "服务态度",
              "响应速度", "总体满意度", "意见建议"]
    by_grid = sorted(CANONICAL, key=lambda r: r[1])
    rows = [[("天桥新村一网格" if r[1] == "G1" else "井湖村二网格") if i in (0, 4) else None, r[2], r[0], r[3], r[4],
             r[5], int(r[6]), *[int(v) if v.isdigit() else v for v in r[7:12]], r[12]] for i, r in enumerate(by_grid)]
    rows.append(["合计", None, None, None, None, None, None, 30, 31, 33, 26, 27, None])
    title = [["天井湖社区2026年9月网格员满意度测评汇总表"], []]
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09-paper.xlsx", header, rows, merges=("A1:M1", "A4:A7", "A8:A11"), above=title)
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0, err
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes() == expected
    assert "set aside: 1 totals row)" in err


def test_a_paper_sheet_with_the_documented_headers_is_read_and_one_without_an_id_says_so(run_cli, make_inbox, tmp_path):
    # docs/platforms.md: 问卷编号,网格,户号,提交时间,... under a title row (序号 would be 金数据's id column)
    header = ["问卷编号", "网格", "户号", "提交时间", "环境卫生", "治安安全", "服务态度", "响应速度", "总体满意度", "意见建议"]
    rows = [[f"P{n}", "天桥新村一网格" if n < 6 else "井湖村二网格", f"{n}栋1单元101", "2026-09-10 10:00:00",
             "满意", "满意", "基本满意", "满意", "满意", None] for n in range(1, 11)]
    title = [["天井湖社区网格员满意度测评（纸质问卷录入）"]]
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09-paper.xlsx", header, rows, above=title)
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0, err
    assert "validated 10 survey rows: 0 invalid" in err
    write_xlsx(inbox / "surveys" / "2026-09-paper.xlsx", header[1:], [r[1:] for r in rows], above=title)
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", "--reason", "无序号", inbox=inbox)
    assert code == 2 and ("surveys/2026-09-paper.xlsx, column 'response_id': required column is missing (have: grid_id, "
                          "household_id, submitted_at, sat_environment") in err and "read as response_id: 问卷编号" in err


def test_merged_range_fills_exactly_its_rows_never_true_blanks(run_cli, make_inbox, make_policy, tmp_path):
    header = ["网格", "户号", "问卷编号", "提交时间", "环境卫生", "治安安全", "服务态度", "响应速度", "总体满意度"]
    rows = [["天桥新村一网格", "1栋1单元101", "P1", "2026-09-10 10:00:00", 5, 5, 5, 5, 5],
            [None, "1栋1单元102", "P2", "2026-09-10 10:00:00", 4, 4, 4, 4, 4],
            [None, "1栋1单元103", "P3", "2026-09-10 10:00:00", 3, 3, 3, 3, 3]]           # not merged: blank
    rows += [["井湖村二网格", f"2栋1单元{n}", f"P{n}", "2026-09-11 10:00:00", 4, 4, 4, 4, 4] for n in range(4, 9)]
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09-paper.xlsx", header, rows, merges=("A2:A3",))
    assert run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)[0] == 0
    quarantine = (tmp_path / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert "P3" in quarantine and "grid_id is blank" in quarantine and "P2" not in quarantine


@pytest.mark.parametrize("question,message", [
    ("满意吗", "the policy's survey.questions.sat_overall ('满意吗') matches 5 headers: 5、您对网格员的环境卫生工作满意吗？"),
    ("满意度问卷里没有的题", "no header matches"),
])
def test_header_mapping_refusals_name_the_field_and_the_headers(question, message, run_cli, make_inbox, tmp_path):
    policy = tmp_path / "p.toml"
    from conftest import policy_text
    text = policy_text().replace('sat_overall = "总体"', f'sat_overall = "{question}"')
    if "没有" in question:
        text = text.replace('household_id = "门牌号"', f'household_id = "{question}"')
    policy.write_text(text, encoding="utf-8")
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}.xlsx", HEADER, _download_rows())
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    last = err.strip().splitlines()[-1]
    assert code == 2 and last.startswith(f"gridpay: surveys/2026-09/{DOWNLOAD}.xlsx, column ") and message in last
    assert "headers seen" in last or "matches 5 headers" in last


def test_inspect_shows_the_mapping_rows_per_month_and_masked_rows(make_inbox, capsys):
    from gridpay.flows.cli import main
    inbox = make_inbox({})
    path = write_xls(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}.xls", HEADER, _download_rows())
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "platform text export" in out and "1、您所在的网格是？ -> grid_id" in out and "3、您的年龄段 -> (not used)" in out
    assert "2026-09: 8 rows" in out and "2026-08: 2 rows" in out
    assert RESIDENT_PHONE not in out and "139****5678" in out


def test_questionnaire_lists_the_grids_of_grids_csv(make_inbox, capsys):
    from gridpay.flows.cli import main
    inbox = make_inbox({})
    assert main(["questionnaire", "--inbox", str(inbox)]) == 0
    out = capsys.readouterr().out
    assert "您所在的网格[单选题]" in out and "天桥新村一网格\n井湖村二网格" in out
    assert "您对网格员的总体工作满意吗[单选题]\n非常满意\n满意\n基本满意\n不满意\n非常不满意" in out


def test_next_months_run_reads_its_rows_from_the_same_cumulative_download(run_cli, make_inbox, make_policy, tmp_path):
    inbox = make_inbox({})
    download = write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}.xlsx", HEADER, _download_rows())
    (inbox / "surveys" / "2026-08").mkdir()
    (inbox / "surveys" / "2026-08" / download.name).write_bytes(download.read_bytes())
    code, err = run_cli("run", "--month", "2026-08", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 0, err
    assert "10 survey rows (2 for 2026-08; set aside: 8 rows of 2026-09)" in err
    payroll = (tmp_path / "out" / "2026-08" / "payroll.csv").read_text(encoding="utf-8-sig")
    assert payroll.count("\n") == 4                  # W1, W2, W4 (W3 starts in September), header


def test_an_unknown_grid_name_is_quarantined_with_its_text(run_cli, make_inbox, make_policy, tmp_path):
    rows = _download_rows()
    rows[0][6] = "天桥新村九网格"
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}.xlsx", HEADER, rows)
    # it reads like 天桥新村一网格, which stops the month on one row by default (gate.similar_grid_rows)
    policy = make_policy(min_responses=3, max_invalid_share=0.5, similar_grid_rows=1000)
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)[0] == 0
    quarantine = (tmp_path / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert "invalid: grid_id '天桥新村九网格' is not in grids.csv" in quarantine


def test_a_header_two_fields_claim_is_refused(run_cli, make_inbox, tmp_path):
    from conftest import policy_text
    policy = tmp_path / "p.toml"
    policy.write_text(policy_text().replace('sat_service = "服务态度"', 'sat_service = "服务态度满意"').replace(
        'sat_responsiveness = "响应速度"', 'sat_responsiveness = "服务态度"'), encoding="utf-8")
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}.xlsx", HEADER, _download_rows())
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 2
    assert "header '7、您对网格员的服务态度满意吗？' matches sat_service and sat_responsiveness" in err


def test_a_download_holding_an_unrun_earlier_month_says_to_run_it_first(run_cli, make_inbox, tmp_path):
    """The hand month's grids are thin: August's answers could pool into them, had August been run,
    which needs August's own file (a field trial followed the advice without one, to no avail)."""
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}.xlsx", HEADER, _download_rows())
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0, err
    assert "2 rows of 2026-08 in this month's survey files set aside: it is not published here and the inbox " \
           "has no survey file for it, so they count in no month" in err and "first (gridpay run" not in err
    write_xlsx(inbox / "surveys" / "2026-08" / f"{DOWNLOAD}.xlsx", HEADER, _download_rows())
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert "hold 2 rows of 2026-08, not published in this warehouse, while 2 grids have fewer than 10 answers" in err
    assert "run 2026-08 first (gridpay run --month 2026-08)" in err
    # and this second run of the published month says what it replaces
    assert code == 0 and "2026-09 is published (run 2026-09-" in err and "if this run publishes, it replaces" in err


def test_inspect_names_grid_answers_that_grids_csv_lacks(make_inbox, capsys):
    from conftest import write_csv
    from gridpay.flows.cli import main
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "天桥新村一网络", "天井湖社区", "20"), ("G2", "井湖村二网格", "天井湖社区", "10")])
    path = write_xls(inbox / "surveys" / "2026-09" / f"{DOWNLOAD}.xls", HEADER, _download_rows())
    assert main(["inspect", str(path), "--inbox", str(inbox)]) == 0
    out = capsys.readouterr().out
    assert "not in grids.csv: '天桥新村一网格' on 5 rows; did you mean '天桥新村一网络 (G1)'?" in out
    assert "井湖村二网格' on" not in out
