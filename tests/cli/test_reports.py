"""The HR scorecard and worker scorecards hold the right figures, in an embedded CJK font."""
import csv
import re
import subprocess
from concurrent.futures import wait


from conftest import HAND_SURVEYS, RESIDENT_PHONE, XSS, survey

REPORTS = "all"      # these tests read the scorecards (run_cli renders them)



def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_scorecard_pdf_holds_grid_names_and_pay_figures(month):
    text = pdf_text(month / "scorecard.pdf")
    with (month / "payroll.csv").open(encoding="utf-8-sig") as handle:
        payroll = list(csv.DictReader(handle))
    assert "天桥新村一网格" in text and "井湖村二网格" in text
    for row in payroll:
        assert row["name"] in text and row["total_pay"] in text


def test_pdfs_embed_a_cjk_font(month):
    for pdf in (month / "scorecard.pdf", month / "workers" / "W1.pdf"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        cjk = [line for line in fonts.splitlines() if "CJK" in line]
        assert cjk and all(" yes yes " in line for line in cjk), fonts


def test_pdfs_embed_only_the_run_s_subset_faces_and_stay_small(month):
    """The system CJK face (65k glyphs) would make each page ~290 KiB; the run's subset keeps
    every character, including the chart labels, in a few tens of KiB."""
    for pdf in (month / "scorecard.pdf", *sorted((month / "workers").glob("*.pdf"))):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        names = [line.split()[0] for line in fonts.splitlines()[2:]]
        assert names and all("GridpayCJK" in n for n in names), fonts
        assert pdf.stat().st_size < 120 * 1024, (pdf.name, pdf.stat().st_size)


def test_worker_pdf_shows_that_worker_alone(month):
    names = {"W1": "王伟", "W2": "李娜", "W3": "张喆", "W4": "刘玥"}
    for worker_id, name in names.items():
        text = pdf_text(month / "workers" / f"{worker_id}.pdf")
        assert name in text
        assert not [other for other in names.values() if other != name and other in text]


def test_html_scorecard_escapes_free_text(month):
    html = (month / "scorecard.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html      # on the callback list, escaped
    assert "王伟" in html


def test_the_coefficient_rule_is_printed_for_workers_and_hr(month, run_cli, make_inbox, make_policy, tmp_path):
    """A twenty-sixth trial's worker could not check his coefficient, nor see November's new cap: the
    sheets went from the score straight to the coefficient."""
    # output format 29: short with its pooled months counted (trial 226's grid silent in November read 不足 as neutral)
    rule = "绩效系数：得分 60 分及以下为 0.80，90 分及以上为 1.20，其间按直线换算；合并往月答卷后仍不足的网格，不足部分按中性系数 1.00 计"
    assert rule in (month / "workers" / "W1.html").read_text(encoding="utf-8")
    assert rule in (month / "scorecard.html").read_text(encoding="utf-8")
    text = make_policy().read_text(encoding="utf-8").replace('mode = "linear"\nscore_at_floor', 'mode = "tiers"\nscore_at_floor')
    (tmp_path / "tiers.toml").write_text(text, encoding="utf-8")
    assert run_cli("run", "--month", "2026-09", "--reports", "hr", inbox=make_inbox(), policy=tmp_path / "tiers.toml")[0] == 0
    assert ("绩效系数按得分分档：90 分及以上为 1.20，80 分及以上为 1.10，70 分及以上为 1.00，60 分及以上为 0.90，0 分及以上为 0.80"
            "；合并往月答卷后仍不足的网格" in (tmp_path / "out" / "2026-09" / "scorecard.html").read_text(encoding="utf-8"))


def test_worker_html_exists_and_shows_that_worker_alone(month):
    names = {"W1": "王伟", "W2": "李娜", "W3": "张喆", "W4": "刘玥"}
    for worker_id, name in names.items():
        html = (month / "workers" / f"{worker_id}.html").read_text(encoding="utf-8")
        assert name in html and not [o for o in names.values() if o != name and o in html]
        assert XSS not in html and "楼道灯" not in html          # residents' comments stay in the HR report


def test_policy_can_show_workers_the_comments_on_their_own_grids(run_cli, make_inbox, make_policy, tmp_path):
    policy = make_policy(min_responses=3, comments_in_worker_scorecard="true")
    assert run_cli("run", "--month", "2026-09", inbox=make_inbox(), policy=policy)[0] == 0
    own = (tmp_path / "out" / "2026-09" / "workers" / "W1.html").read_text(encoding="utf-8")
    other = (tmp_path / "out" / "2026-09" / "workers" / "W3.html").read_text(encoding="utf-8")
    assert "楼道灯坏了，电话139****5678" in own             # R2 in W1's grid G1, masked
    assert "楼道灯坏了" not in other and "13912345678" not in own


def test_english_reports_come_from_the_same_templates(run_cli, make_inbox, make_policy, tmp_path):
    code, err = run_cli("run", "--month", "2026-09", "--lang", "en", inbox=make_inbox(),
                        policy=make_policy(min_responses=3))
    assert code == 0, err
    text = pdf_text(tmp_path / "out" / "2026-09" / "scorecard.pdf")
    assert "Grid worker satisfaction scorecard" in text and "Callback list" in text
    assert "网格员满意度绩效月度考评表" not in text and "天桥新村一网格" in text
    worker = pdf_text(tmp_path / "out" / "2026-09" / "workers" / "W1.pdf")
    assert "Calculation" in worker and "1161.10" in worker


def test_callback_list_is_published_in_full_as_csv(month):
    with (month / "callbacks.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    # R5 (all 2: 不满意) and R9 (all 2, with the script comment), both counted
    assert [(r["household_id"], r["answer"]) for r in rows] == [("G1-2-101", "2"), ("G2-1-101", "2")]
    # output format 14: the answer's id, which appeals.csv and the calls name (trials 85 and 89)
    assert list(rows[0])[0] == "response_id" and [r["response_id"] for r in rows] == ["R9", "R5"]
    assert rows[0]["comment"] == XSS                     # raw text in the CSV; escaped in the HTML


def test_worker_pages_render_the_same_in_a_process_pool(monkeypatch):
    """Byte for byte, PDFs included: a pool process draws a different sequence of workers than one
    process does, and reuses its chart figure and stylesheets from page to page."""
    import gridpay.publishing.reporting as reporting
    run = {"run_id": "r", "month": "2026-09", "policy_version": "t"}
    trends = [[None, 70.0], [55.5, 91.0], [None, None], [80.0, 62.25]]
    contexts = [{"run": run, "items": ("sat_overall",), "months": ["2026-08", "2026-09"], "trend": trends[i % 4],
                 "grids": [], "w": {"worker_id": f"W{i}", "name": name, "score": "70.00", "score_ci": "", "coefficient":
                                    "0.9333", "total_pay": "1.00", "perf_pay_target": "1.00", "assigned_days": 30,
                                    "days_in_month": 30, "performance_pay": "1.00", "adjustment": "0.00",
                                    "flags": "", "flags_text": ""}}
                for i, name in enumerate(["王伟", "李娜", "张喆", "刘玥", "陈静", "杨帆", "赵磊", "黄敏", "周洋"])]
    monkeypatch.setattr(reporting, "PARALLEL_FROM", 1)
    fonts = reporting.run_fonts("", contexts)
    with reporting.worker_page_pool(len(contexts), 2) as pool:
        assert pool is not None
        submitted = reporting.submit_worker_pages(contexts, "zh", pool, fonts)
        # drawn before anyone asks for them: the pool works while this process draws the HR scorecard
        assert not wait([future for future, _ in submitted[3]], timeout=300).not_done
        told = []         # the progress (core/progress.py) hears of every page, as its chunk completes
        pooled = list(reporting.worker_pages_in_order(submitted, told.append))
    alone = list(reporting.render_worker_pages(contexts[::-1], "zh", None, fonts))[::-1]
    assert sum(told) == 9 and max(told) == 4     # pages a pool task (worker_pages.PAGES_A_TASK)
    assert [w for w, _, _ in pooled] == [f"W{i}" for i in range(9)]
    assert pooled == alone
    assert all(pdf.startswith(b"%PDF") for _, _, pdf in pooled)


def test_hr_gets_the_review_list_payroll_detail_and_a_sign_off_block(month):
    with (month / "review.csv").open(encoding="utf-8-sig") as handle:
        review = list(csv.DictReader(handle))
    assert review and all(r["flags"] for r in review) and "R1" in {r["response_id"] for r in review}  # 5,5,5,5,5
    assert not any(RESIDENT_PHONE in str(r) or "楼道灯" in str(r) for r in review)
    with (month / "payroll_detail.csv").open(encoding="utf-8-sig") as handle:
        detail = {r["worker_id"]: r for r in csv.DictReader(handle)}
    # output format 11: a grid's weighted days in brackets where its weight is not 1 (W4 covers G2 at 0.5)
    assert detail["W4"]["grids"] == "G1:30;G2:30(15)" and detail["W2"]["grids"] == "G2:15"
    assert detail["W2"]["perf_pay_target"] == "800.00" and detail["W2"]["assigned_days"] == "15"
    text = pdf_text(month / "scorecard.pdf")
    assert all(r["response_id"] in text for r in review)
    for words in ("审核签字", "制表", "审批", "草稿", "调整后95%区间", "review.csv"):
        assert words in text, words


def test_a_worker_with_no_scored_month_sees_no_empty_chart_and_each_sheet_is_one_page(run_cli, make_inbox, tmp_path):
    assert run_cli("run", "--month", "2026-09", inbox=make_inbox())[0] == 0     # min_responses 10: nothing scored
    workers = tmp_path / "out" / "2026-09" / "workers"
    html = (workers / "W3.html").read_text(encoding="utf-8")
    assert "暂无数据" in html and 'alt="近12个月本人得分"' not in html
    for pdf in sorted(workers.glob("*.pdf")):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), pdf.name


def test_a_district_of_hundreds_of_grids_charts_its_lowest_and_highest_scores_only():
    """A bar a grid made a 2,000-grid scorecard's chart metres long; the table keeps every grid."""
    from gridpay.publishing.reporting import RANKING_ENDS, ranked_part
    grids = [{"grid_id": f"G{i:03d}", "adjusted_score": f"{(i * 37) % 100}.50" if i % 10 else ""}
             for i in range(300)]
    shown = ranked_part(grids)
    scores = sorted(float(g["adjusted_score"]) for g in grids if g["adjusted_score"])
    assert len(shown) == 2 * RANKING_ENDS
    kept = sorted(float(g["adjusted_score"]) for g in shown)
    assert kept == scores[:RANKING_ENDS] + scores[-RANKING_ENDS:]
    assert [g["grid_id"] for g in shown] == sorted(g["grid_id"] for g in shown)     # in the table's order
    assert ranked_part(grids[:2 * RANKING_ENDS]) == grids[:2 * RANKING_ENDS]              # a community: every grid


def test_the_scorecard_s_long_tables_have_fixed_columns_as_wide_as_their_names(month):
    """A 2,000-row table in the auto layout was measured from every cell; fixed, each column has its
    width, the name columns' from the widest name (the rest are the numbers' and the flags')."""
    from gridpay.reports.render import column_px
    html = (month / "scorecard.html").read_text(encoding="utf-8")
    with (month / "grid_scores.csv").open(encoding="utf-8-sig") as handle:
        grids = list(csv.DictReader(handle))
    with (month / "payroll.csv").open(encoding="utf-8-sig") as handle:
        workers = list(csv.DictReader(handle))
    firsts = re.findall(r'<table class="fixed long zh">\n<colgroup><col style="width: ([0-9.]+)px">', html)
    assert len(firsts) >= 3              # the grids, the workers, the review by grid (and any pay changes)
    assert float(firsts[0]) == column_px(grids, 40, "{grid_name}") > 40
    assert float(firsts[1]) == column_px(workers, 60, "{name} ({worker_id})")     # short names: 60 px at least


def test_a_name_column_is_as_wide_as_the_auto_layout_makes_it():
    """column_px (the CJK font's advances) against WeasyPrint's own measure of the same cells."""
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes
    from gridpay.publishing.reporting import run_fonts
    from gridpay.reports.render import _pdf_stylesheets, column_px
    names = [{"name": "胡喆雪", "worker_id": "W026"}, {"name": "欧阳娜", "worker_id": "W2668"}, {"name": "Li Na", "worker_id": "W1"}]
    rows = "".join(f"<tr><td>{n['name']} ({n['worker_id']})</td></tr>" for n in names)
    fonts = run_fonts(rows, [])
    sheets, config = _pdf_stylesheets(tuple(sorted(fonts.items())))
    page = HTML(string=f'<table style="width: auto">{rows}</table>').render(stylesheets=sheets, font_config=config).pages[0]
    tables, todo = [], [page._page_box]
    while todo:
        box = todo.pop()
        tables += [box] if isinstance(box, boxes.TableBox) else []
        todo += getattr(box, "children", [])
    measured = tables[0].column_widths[0]
    assert abs(column_px(names, 0, "{name} ({worker_id})") - measured) < 0.5, measured


def test_a_coefficient_blended_with_the_neutral_one_is_told_in_its_parts(run_cli, make_inbox, make_policy, tmp_path):
    """A seventy-first trial's worker could not get from 77.02 to 1.0134: half his month was in a grid
    with too few answers, paid at the neutral coefficient, and the sheet did not say so."""
    more = [survey(f"R{n}", "G1", f"G1-3-{n}01", ("4", "4", "5", "4", "4")) for n in (10, 11)]
    assert run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": HAND_SURVEYS + more}),
                   policy=make_policy(min_responses=4))[0] == 0
    month = tmp_path / "out" / "2026-09"             # G2's 3 answers are too few: W4 works G1 and G2
    with open(month / "payroll.csv", encoding="utf-8-sig") as f:
        blended = [r for r in csv.DictReader(f) if r["score"] and "insufficient_responses" in r["flags"]]
    assert blended, "the hand month has a worker on a thin grid and a scored one (W4)"
    for row in blended:
        sheet = re.sub(r"<[^>]+>", "", (month / "workers" / f"{row['worker_id']}.html").read_text(encoding="utf-8"))
        assert f"按得分 {row['score']} 计系数" in sheet and "在问卷不足的网格，按中性系数 1.00 计" in sheet
        assert f"保留 4 位小数为 {row['coefficient']}。" in sheet


def test_a_handover_s_sheets_say_the_grid_s_answers_are_the_whole_month_s(month):
    """Format 17 (trial 103): W2 hands G2 over to W3 on the 15th; each sheet names no one else."""
    for worker_id, days in (("W2", 15), ("W3", 15)):
        html = (month / "workers" / f"{worker_id}.html").read_text(encoding="utf-8")
        assert f"井湖村二网格：您本月在岗 {days} 天。该网格的答卷与得分是整个网格整月的，含您不在岗日子的答卷" in html
        assert "本月该网格另有 2 名网格员在岗" in html              # W4 at weight 0.5 holds it all month too
    assert "您本月在岗" not in (month / "workers" / "W1.html").read_text(encoding="utf-8")


def test_a_month_paid_on_targets_says_the_budget_is_no_cap(month):
    """Format 17 (trial 104): the street office asked what became of the money the budget figure did not pay."""
    html = (month / "scorecard.html").read_text(encoding="utf-8")
    assert "合计不按预算封顶，与预算的差额不再分配给任何人" in html
