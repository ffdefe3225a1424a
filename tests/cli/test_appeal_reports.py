"""What the 公示 cycle shows (issue 26's reports): the HR scorecard's 申诉与回访, the worker's own
appeals on their sheet, the window and contact on the residents' notice (no household, ever), and
`gridpay appeals`, which prices a pending appeal without storing anything."""
import re
from datetime import date

import duckdb
import pytest

from conftest import APPEAL_HEADER, today, appeal_row, policy_text, write_csv
from gridpay.publishing.review_data import review_counts
from gridpay.store.warehouse import connect

CONTACT = "天井湖社区党群服务中心 0562-1234567"
CALL_HEADER = ("response_id", "result", "called_by", "called_on", "note")


@pytest.fixture
def reviewed(published_copy, tmp_path, run_cli):
    """The hand month published, then run again with W3's appeal A1 (R5) upheld, A2 (R6) rejected and
    a confirmed call on R7, with every report, under a policy naming the contact."""
    inbox, _ = published_copy("none", 2)
    policy = tmp_path / "contact.toml"
    policy.write_text(policy_text(version='"own-1"', min_responses=2, notice__contact=f'"{CONTACT}"',
                                  appeals__least_upheld=1),
                      encoding="utf-8")                  # one upheld appeal flags the grid, as before 2027.11
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "W3", "R5", note="经回访核实，鑫苑邻里证实"),
                                                     appeal_row("A2", "W3", "R6", "驳回")])     # 鑫: on W3's sheet alone
    # a call of HR's own (a note says why): which answers the month's draw calls turns on the policy's text
    write_csv(inbox / "verification" / "2026-09.csv", CALL_HEADER, [("R7", "属实", "王干事", today(), "居民来电")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核结果", "--reports", "all",
                        "--reference", "inbox", inbox=inbox, policy=policy)      # the contact is new to the policy
    assert code == 0, err
    return inbox, tmp_path / "out" / "2026-09"


def _text(path) -> str:
    return re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))


def test_scorecard_and_worker_sheet_show_the_appeals_and_calls(reviewed):
    _, month = reviewed
    page = (month / "scorecard.html").read_text(encoding="utf-8")
    section = page[page.index("<h2>申诉与回访</h2>"):page.index("<h2>回访清单")]
    g2 = next(r for r in section.split("<tr>") if r.startswith("<td>井湖村二网格"))
    cells = re.findall(r"<td[^>]*>(.*?)</td>", g2, re.S)
    # pending, upheld, rejected; categories; upheld share; sampled; confirmed, denied, coached, unreachable; flags
    assert cells[1:4] == ["0", "1", "1"] and cells[4] == "恶意差评 2" and cells[5] == "50%"
    assert cells[7:11] == ["1", "0", "0", "0"] and "申诉支持偏多" in cells[11]
    assert "网格员申诉经复核支持，该答卷不计入" in page          # the quarantine's reason, in words
    # output format 16: the sample's answers no call was recorded on are counted (trial 97: a correction drew again)
    sample = int(re.search(r"回访抽样 (\d+) 份", page).group(1))
    verify = (month / "verify.csv").read_text(encoding="utf-8-sig")
    # output format 19: named (trial 128's HR, its calls all made, could not tell which the correction had drawn)
    uncalled = re.search(r"抽样中有 (\d+) 份尚无回访记录（([^，]+)，见 verify.csv），请回访后再签字。", page)
    drawn = {line.split(",")[0] for line in verify.splitlines()[1:]}
    assert int(uncalled.group(1)) == sample - ('R7,' in verify) == len(drawn - {"R7"})
    assert set(uncalled.group(2).split(", ")) == drawn - {"R7"}, uncalled.group(2)
    with connect(month.parents[1] / "warehouse.duckdb") as con:          # the Prefect artifact's counts
        run_id = con.execute("select run_id from published").fetchone()[0]
        assert review_counts(con, run_id, "2026-09") == {
            "appeals": {"pending": 0, "upheld": 1, "rejected": 1},
            "calls": {"confirmed": 1, "denied": 0, "coached": 0, "unreachable": 0}}
    # the same month's worker sheets (one rendering for both: a month with every report takes seconds):
    # the worker's own appeals and what they changed
    mine = _text(month / "workers" / "W3.html")
    assert "本人申诉" in mine and "A1" in mine and "该答卷不再计入评分" in mine
    assert "A2" in mine and "照常计分（与未申诉时相同）" in mine
    assert "本人申诉" not in _text(month / "workers" / "W1.html")          # nobody else's
    # output format 13: the sheets of the workers of the grid answered by R7 list its call (trial 82)
    with connect(month.parents[1] / "warehouse.duckdb") as con:
        run_id = con.execute("select run_id from published").fetchone()[0]
        called = {w for (w,) in con.execute(
            "select distinct a.worker_id from raw_assignments a join raw_surveys s using (run_id, grid_id) "
            "where a.run_id = ? and s.response_id = 'R7'", [run_id]).fetchall()}
    sheets = {p.stem: _text(p) for p in (month / "workers").glob("*.html")}
    assert called and {w for w, t in sheets.items() if "本月回访" in t} == called
    assert all("：回访 1 次（属实 1），该网格得分不受影响。" in sheets[w] for w in called)
    # output format 16: the other workers of A1's grid are told a colleague's upheld appeal moved it (trial 93)
    others = "井湖村二网格：本月另有 1 件他人提出的申诉经复核成立（A1），相应答卷已不计入该网格得分，本表得分已按此计算。"
    assert {w for w, t in sheets.items() if others in t} == {"W2", "W4"}
    # a correction's sheet says how its total moved from the sheet it replaces (trial 71: only "本表替代")
    with connect(month.parents[1] / "warehouse.duckdb") as con:
        earlier, now = ({w: str(t) for w, t in con.execute(
            "select worker_id, total_pay_yuan from payroll where run_id = ?", [r]).fetchall()} for (r,) in con.execute(
            "select run_id from runs where status in ('published', 'replaced') order by started_at").fetchall())
    for worker, total in now.items():
        said = _text(month / "workers" / f"{worker}.html")
        assert (f"您本月实发合计由 {earlier[worker]} 元变为 {total} 元" in said if earlier[worker] != total
                else f"您本月实发合计未变（{total} 元）" in said), worker
    assert any(earlier[w] != now[w] for w in now) and any(earlier[w] == now[w] for w in now)
    # output format 16: W1's grid G1 kept its answers: a total that moved anyway is said to come from the other grids
    for worker in now:
        moved = "您所在网格的答卷与原始得分均未变，人工调整与在岗天数也未变；合计有变，是因为其他网格的答卷有变"
        assert (moved in _text(month / "workers" / f"{worker}.html")) == (worker == "W1" and earlier[worker] != now[worker])
    moved = sum(earlier[w] != now[w] for w in now)
    assert f"更正原因：申诉复核结果。与该版本相比，{moved} 名网格员的实发合计有变" in _text(month / "scorecard.html")
    # output format 13: and which files the re-run read differently (trial 82: 更正原因：未注明, causes known)
    assert re.search(r"读入的文件有变：appeals\.csv（新）、verification/2026-09\.csv（新）、policy\.toml（有变）。",
                     _text(month / "scorecard.html"))


def test_a_month_finalized_with_force_in_its_window_says_so_to_workers_residents_and_hr(reviewed, run_cli):
    """Trial 81: after `finalize --force` the worker sheets still invited appeals until the window's end, and the
    scorecard's 已定稿 line did not say it was forced (output format 12)."""
    inbox, month = reviewed
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "发薪截止", inbox=inbox)
    assert code == 0 and "worker sheets and notice are rendered again (提前定稿 where the window was open)" in run_cli.out, err
    sheet, notice = _text(month / "workers" / "W3.html"), _text(next((month / "notice").glob("*.html")))
    assert f"本月考评已于 {today()} 提前定稿，公示期内" in sheet and "可在公示期内提出申诉" not in sheet
    assert f"本月结果已于 {today()} 提前定稿" in notice and CONTACT in notice and "请在公示期内反映" not in notice
    assert "系提前定稿（公示期未结束或尚有申诉未决），原因：发薪截止" in _text(month / "scorecard.html")
    code, err = run_cli("audit", "--month", "2026-09", "--documents", inbox=inbox)
    assert code == 0 and "AUDIT PASSED" in run_cli.out, run_cli.out


def test_notice_shows_the_window_and_contact_and_after_final_counts_but_no_household(reviewed, run_cli, closed_window):
    inbox, month = reviewed
    notice = next((month / "notice").glob("*.html"))
    text = _text(notice)
    assert re.search(rf"公示期：{today()} 至 \d{{4}}-\d{{2}}-\d{{2}}", text) and CONTACT in text
    assert "经复核不计入" in text           # shown while residents may still object (trials 69 and 71: only once final)
    assert "与前次公示相比，井湖村二网格的有效问卷数有变。" in text and "申诉复核结果" not in text     # format 20
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox)
    assert code == 0 and "had no call recorded when the month was finalized" in err, err
    text, scorecard = _text(notice), _text(month / "scorecard.html")
    assert "公示期：" not in text and "经复核不计入" in text and "列入回访清单，由社区回访。" in text    # format 29: not 将
    assert re.search(r"定稿时抽样中有 \d+ 份尚无回访记录（", scorecard) and "请回访后再签字" not in scorecard   # trial 207
    row = next(r for r in notice.read_text(encoding="utf-8").split("<tr>") if r.startswith("<td>井湖村二网格"))
    assert re.findall(r'<td class="num">(.*?)</td>', row)[-1] == "1"          # R5, upheld
    for private in ("G2-1-101", "R5", "A1", "W3", "13912345678", "13800000002"):
        assert private not in text, private
    # finalize rendered the HR documents alone, their fonts without the sheets' characters (鑫): an audit of the
    # documents renders them so too before it calls them different (trial 72's December failed so)
    assert "鑫" in _text(month / "workers" / "W3.html") and "鑫" not in _text(month / "scorecard.html")
    code, err = run_cli("audit", "--month", "2026-09", "--documents", inbox=inbox)
    assert code == 0 and "AUDIT PASSED" in run_cli.out, run_cli.out


def _counts(db) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute("select table_name from information_schema.tables "
                                            "where table_schema = 'main'").fetchall()]
        return {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}


def test_appeals_prices_a_pending_appeal_and_leaves_the_warehouse_unchanged(published_copy, tmp_path, run_cli):
    inbox, policy = published_copy("none", 2)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5", decision="")])
    assert run_cli("run", "--month", "2026-09", "--reason", "收到申诉", inbox=inbox, policy=policy)[0] == 0
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5", decision=""),
                                                     appeal_row("A8", "W3", "R6", decision="驳回")])
    before = _counts(tmp_path / "warehouse.duckdb")
    code, err = run_cli("appeals", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    lines = {line.split()[0]: line.split() for line in run_cli.out.splitlines() if line.startswith("  A")}
    # appeal, worker, answer, category, status, current total, total if upheld
    assert lines["A7"][:5] == ["A7", "W3", "R5", "malicious", "pending"] and "(no" not in lines["A7"]
    current, if_upheld = map(float, lines["A7"][5:7])
    assert if_upheld > current                      # R5 (all 2s) out of W3's grid
    # rejected after the run read the file: no pay to apply (trial 202's, after finalize, was told to re-run the month)
    assert lines["A8"][4] == "rejected" and "(not yet applied)" not in " ".join(lines["A8"])
    assert "      answer R5: 井湖村二网格 G2-1-" in run_cli.out         # its grid and home, to check against the statement
    assert _counts(tmp_path / "warehouse.duckdb") == before
    # A7 upheld since the run read it: the total it will give, not a blank (a tenth field trial)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5")])
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0
    upheld = next(line.split() for line in run_cli.out.splitlines() if line.startswith("  A7"))
    assert upheld[4:7] == ["upheld", "(not", "yet"] and float(upheld[-1]) == if_upheld
    # an appeal of an answer that did not count (R4: an older answer of R1's home) says so (a twenty-first trial)
    # and a malicious-review appeal of a satisfied answer (R7, all 4s) is marked before anyone upholds it (trial 128)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A9", "W1", "R4", decision=""),
                                                     appeal_row("B1", "W3", "R7", decision="")])
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0
    assert "(not counted)" in next(line for line in run_cli.out.splitlines() if line.startswith("  A9"))
    assert "(no bad rating)" in next(line for line in run_cli.out.splitlines() if line.startswith("  B1"))
    assert "(no bad rating)" not in next(line for line in run_cli.out.splitlines() if line.startswith("  A9"))
    assert "so upholding the appeal changes nothing, and a run with it upheld stops" in run_cli.out
    # an upheld appeal the run applied took its answer out itself: not 'not counted' (a twenty-fourth trial)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5")])
    assert run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)[0] == 0
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0
    assert "(not counted)" not in run_cli.out and " A7 " in run_cli.out
    # an appeal typed with an id workers.csv lacks is marked before a run stops on it (trial 141's re-check)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5"), appeal_row("C1", "w3", "R6")])
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0
    assert next(x for x in run_cli.out.splitlines() if x.startswith("  C1")).rstrip().endswith("(no such worker)")
    assert "(no such worker)" not in next(x for x in run_cli.out.splitlines() if x.startswith("  A7"))
    assert "  (no such worker): workers.csv has no worker of this id" in run_cli.out


def test_an_early_appeal_is_listed_as_early_and_may_be_kept_on_record_rejected(published_copy, run_cli):
    """A forty-seventh trial's out-of-window appeal was listed as pending; rejected (逾期不予受理) it still stopped the
    run, and deleting the row lost HR's record of it. Dated before the month was published, it is not late (a
    hundred-and-second trial was told so): its date is likelier mistyped."""
    inbox, policy = published_copy("none", 2)
    late = ("A6", "2026-09", "W3", "R7", "恶意差评", "理由", "2026-01-01")
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [late + ("", "", "", "")])
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0
    assert "pending (early: filed outside" in next(line for line in run_cli.out.splitlines() if line.startswith("  A6"))
    assert "  (early): dated before the appeal window opened on the month's first publication: is the date " \
        "mistyped? As dated it can only be rejected (驳回): no total if upheld" in run_cli.out
    row = next(line for line in run_cli.out.splitlines() if line.startswith("  A6"))
    assert "(not yet applied)" not in row and "  (late)" not in run_cli.out
    code, err = run_cli("run", "--month", "2026-09", "--reason", "收到申诉", inbox=inbox, policy=policy)
    assert code == 1 and "(appeal A6): filed_on is outside the appeal window" in err
    assert "before it opened on the month's first publication: is the date mistyped? An appeal filed then is " \
        "decided 驳回 (rejected), or taken out of appeals.csv" in err and "a late appeal" not in err
    # upheld, it is listed as early too, not "upheld (not yet applied)" (a hundred-and-fifty-first trial's run then stopped)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [late + ("支持", "人事科 陈主任", today(), "")])
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0
    row = next(line for line in run_cli.out.splitlines() if line.startswith("  A6"))
    assert "upheld (early: filed outside" in row and "(not yet applied)" not in row
    assert "(recorded as upheld, it stops the next run of the month)" in run_cli.out
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [late + ("驳回", "人事科 陈主任", today(), "逾期申诉，不予受理")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "逾期申诉驳回", inbox=inbox, policy=policy)
    assert code == 0, err


def test_a_late_appeal_is_listed_as_late(published_copy, run_cli, monkeypatch):
    """Filed after the window closed (a fifty-seventh trial read the blank total as a fault)."""
    import gridpay.pipeline.review_gate as gate
    import gridpay.pipeline.steps as steps
    monkeypatch.setattr(gate, "appeal_window", lambda db, month, policy: ("2026-10-01", "2026-10-07"))
    monkeypatch.setattr(steps, "window_dates", lambda first, days, tz: (date(2026, 10, 1), date(2026, 10, 7)))
    inbox, policy = published_copy("none", 2)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER,
              [("A6", "2026-09", "W3", "R7", "恶意差评", "理由", "2026-10-20", "", "", "", "")])
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0
    assert "pending (late: filed outside" in next(line for line in run_cli.out.splitlines() if line.startswith("  A6"))
    assert "  (late): filed outside the appeal window, so it can only be rejected (驳回): no total if upheld" \
        in run_cli.out and "(early)" not in run_cli.out
    code, err = run_cli("run", "--month", "2026-09", "--reason", "收到申诉", inbox=inbox, policy=policy)
    assert code == 1 and "filed_on is outside the appeal window (2026-10-01 to 2026-10-07): a late appeal is " \
        "decided 驳回 (rejected), or taken out of appeals.csv" in err and "mistyped" not in err


def test_an_upheld_appeal_whose_answer_set_its_home_s_older_one_aside_is_said(published_copy, run_cli):
    """Trial 148: a campaign typed real homes' doors; appeals took its answers out, the homes' own older answers stayed
    out, nothing said (R1 set aside R4, an older answer of its home G1-1-101)."""
    inbox, policy = published_copy("none", 2)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("B3", "W1", "R1", category="误评")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
    assert code == 0, err
    assert "an upheld appeal takes out answer R1 of " in err and "which had set that home's older answer R4 aside" in err
    assert "a verification call recording 未参与 for R1 counts R4 again, unless a call finds it not the home's" in err
    # the note is printed on her own sheet: one naming a home is said (trial 148)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("B3", "W1", "R1", category="误评", note="回访核实4栋2单元502住户")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
    assert code == 0 and "(appeal B3): decision_note names a home or a phone (回访核实*栋*单元502住户)" in err, err
