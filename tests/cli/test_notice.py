"""The residents' notice (公示): one page per community with each grid's score, answers and
response rate, and nothing else: no pay, no comment, no phone number, no household."""
import csv
import json
import re
import subprocess
import tomllib

from conftest import RESIDENT_PHONE, WORKER_PHONE, XSS
from gridpay.core.settings import DEFAULT_POLICY

REPORTS = "all"


def _pdf(path, tool="pdftotext") -> str:
    args = [tool, "-layout", str(path), "-"] if tool == "pdftotext" else [tool, str(path)]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


VERSION = tomllib.loads(DEFAULT_POLICY.read_text(encoding="utf-8"))["version"]     # the policy the month ran under


def test_each_community_has_a_one_page_notice_with_its_grids(month):
    html = (month / "notice" / "天井湖社区.html").read_text(encoding="utf-8")
    pdf = month / "notice" / "天井湖社区.pdf"
    assert "Pages:           1" in _pdf(pdf, "pdfinfo")
    text = _pdf(pdf)
    for page in (html, text):
        assert "天井湖社区" in page and "天桥新村一网格" in page and "井湖村二网格" in page
        assert "2026-09" in page and f"{VERSION}" in page and "回访" in page


def test_the_notice_shows_no_pay_comment_phone_or_household(month):
    with (month / "payroll.csv").open(encoding="utf-8-sig") as handle:
        pay = {r[c] for r in csv.DictReader(handle) for c in ("performance_pay", "adjustment", "total_pay")}
    with (month / "grid_scores.csv").open(encoding="utf-8-sig") as handle:
        scores = {r[c] for r in csv.DictReader(handle) for c in ("raw_score", "adjusted_score")}
    pay -= {"0.00"} | scores      # a figure that is also a grid's score (50.00) cannot be told apart by text
    assert len(pay) >= 4          # every worker's pay and total are looked for
    with (month / "callbacks.csv").open(encoding="utf-8-sig") as handle:
        callbacks = list(csv.DictReader(handle))
    comments = {c["comment"] for c in callbacks if c["comment"]} | {"楼道灯坏了", XSS}
    households = {c["household_id"] for c in callbacks} | {"G1-1-101", "G2-1-102"}
    assert pay and comments and households
    for page in ((month / "notice" / "天井湖社区.html").read_text(encoding="utf-8"),
                 _pdf(month / "notice" / "天井湖社区.pdf")):
        found = [v for v in (*pay, *comments, *households, RESIDENT_PHONE, WORKER_PHONE) if v in page]
        assert found == []
        assert "¥" not in page and "元" not in page and not re.search(r"1[3-9]\d\*{4}\d{4}", page)


def test_a_notice_with_no_contact_set_names_the_community_to_tell(month):
    """A twenty-sixth trial's notice said 对结果有异议的，请在公示期内反映 and named nobody: without [notice]
    contact it names the community (from output format 3 on)."""
    page = next((month / "notice").glob("*.html")).read_text(encoding="utf-8")
    assert "对结果有异议的，请在公示期内反映。" in page and "请向天井湖社区反映。" in page


def test_a_month_published_again_says_on_the_notice_and_the_sheets_which_publication_it_replaces(
        month, published_copy, run_cli, tmp_path):
    """A fifty-second trial's two September sheets of one worker, 1410.00 and 1310.00, differed only in a run
    id; a notice on the board could not be told from its correction (output format 7)."""
    first = (month / "notice" / "天井湖社区.html").read_text(encoding="utf-8")
    assert "发布日期：" in first and "更正" not in first
    inbox, _ = published_copy("all")
    earlier = json.loads((tmp_path / "out" / "2026-09" / "manifest.json").read_text(encoding="utf-8"))["run_id"]
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    notice = (tmp_path / "out" / "2026-09" / "notice" / "天井湖社区.html").read_text(encoding="utf-8")
    sheet = (tmp_path / "out" / "2026-09" / "workers" / "W1.html").read_text(encoding="utf-8")
    assert re.search(r"更正公示：本公示替代 \d{4}-\d{2}-\d{2} 发布的公示。", notice) and earlier not in notice
    assert re.search(rf"更正：本表替代 \d{{4}}-\d{{2}}-\d{{2}} 发布的版本（运行编号 {re.escape(earlier)}）", sheet)


def test_a_policy_calling_back_基本满意_too_says_so_on_the_notice_and_the_scorecard(run_cli, make_inbox, make_policy,
                                                                                  tmp_path):
    """Trial 129's policy put 基本满意 (3) on the callback list; its notice told residents of 42 不满意 or 非常不满意
    answers, 33 of them 基本满意, and the scorecard headed them so."""
    inbox, policy = make_inbox(), make_policy(survey__callback_at_or_below=3)
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)[0] == 0
    month = tmp_path / "out" / "2026-09"
    with (month / "callbacks.csv").open(encoding="utf-8-sig") as handle:
        called = len(list(csv.DictReader(handle)))
    notice = next((month / "notice").glob("*.html")).read_text(encoding="utf-8")
    assert f"本月共有 {called} 份“基本满意”、“不满意”或“非常不满意”的评价列入回访清单" in notice
    assert "<h2>回访清单：“基本满意”、“不满意”或“非常不满意”的评价</h2>" in (month / "scorecard.html").read_text(
        encoding="utf-8")
