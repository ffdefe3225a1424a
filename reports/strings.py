"""Every label the reports show, per language; templates look words up here and nowhere else."""
from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "scorecard_title": "网格员满意度绩效月度考评表",
        "worker_title": "网格员个人月度考评单",
        "month": "考评月份", "community": "社区", "run_id": "运行编号", "policy": "考评办法版本",
        "summary": "概况", "rows_read": "读取问卷", "rows_counted": "计入评分", "rows_quarantined": "隔离问卷",
        "response_rate": "参评率", "total_pay": "绩效工资合计", "target_total": "绩效工资基数合计",
        "grid_ranking": "各网格满意度得分（0-100，横线为95%置信区间）", "score_axis": "满意度得分（0-100）",
        "grids": "网格得分", "grid": "网格", "grid_id": "网格编号", "responses": "有效问卷", "households": "户数",
        "raw_score": "原始得分", "adjusted_score": "调整后得分", "ci": "95%置信区间", "flags": "标记",
        "workers": "网格员绩效", "worker": "网格员", "worker_id": "工号", "score": "得分",
        "coefficient": "绩效系数", "performance_pay": "绩效工资（元）", "adjustment": "人工调整（元）",
        "total": "应发合计（元）", "quarantine": "数据质量：未计入评分的问卷", "reason": "原因", "count": "份数",
        "assigned_days": "在岗天数", "days_in_month": "当月天数", "target": "绩效工资基数（元）",
        "your_grids": "负责网格", "weight": "加权天数", "calculation": "计算过程",
        "calc_text": "绩效工资 = 基数 × 系数 × 在岗天数 ÷ 当月天数，四舍五入到分",
        "callbacks": "回访清单：不满意与非常不满意的评价", "date": "日期", "household": "住户",
        "answer": "总体评价", "comment": "意见（已脱敏）",
        "answer_1": "非常不满意", "answer_2": "不满意", "answer_3": "基本满意", "answer_4": "满意", "answer_5": "非常满意",
        "none": "无", "page": "第", "page_suffix": "页",
        "flag_insufficient_responses": "有效问卷不足，按中性系数计",
        "flag_prorated": "当月未满勤，按在岗天数折算",
        "flag_capped": "得分达到上限，系数封顶",
        "flag_floored": "得分低于下限，系数保底",
        "flag_adjusted": "含人工调整",
        "flag_no_scored_grid": "负责网格均无足够问卷，按中性系数计",
    },
    "en": {
        "scorecard_title": "Grid worker satisfaction scorecard",
        "worker_title": "Grid worker monthly scorecard",
        "month": "Month", "community": "Community", "run_id": "Run id", "policy": "Policy version",
        "summary": "Summary", "rows_read": "Rows read", "rows_counted": "Counted", "rows_quarantined": "Quarantined",
        "response_rate": "Response rate", "total_pay": "Total performance pay", "target_total": "Total target",
        "grid_ranking": "Grid scores (0-100, line = 95% confidence interval)", "score_axis": "Score (0-100)",
        "grids": "Grid scores", "grid": "Grid", "grid_id": "Grid id", "responses": "Responses",
        "households": "Households", "raw_score": "Raw score", "adjusted_score": "Adjusted score",
        "ci": "95% CI", "flags": "Flags", "workers": "Worker pay", "worker": "Worker", "worker_id": "Id",
        "score": "Score", "coefficient": "Coefficient", "performance_pay": "Performance pay (yuan)",
        "adjustment": "Adjustment (yuan)", "total": "Total (yuan)",
        "quarantine": "Data quality: rows not counted", "reason": "Reason", "count": "Rows",
        "assigned_days": "Days assigned", "days_in_month": "Days in month", "target": "Target (yuan)",
        "your_grids": "Grids", "weight": "Weighted days", "calculation": "Calculation",
        "calc_text": "performance pay = target x coefficient x days assigned / days in month, rounded to the fen",
        "callbacks": "Callback list: dissatisfied answers", "date": "Date", "household": "Household",
        "answer": "Overall", "comment": "Comment (masked)",
        "answer_1": "very dissatisfied", "answer_2": "dissatisfied", "answer_3": "neutral", "answer_4": "satisfied",
        "answer_5": "very satisfied",
        "none": "none", "page": "Page", "page_suffix": "",
        "flag_insufficient_responses": "too few responses: neutral coefficient for that grid",
        "flag_prorated": "part of the month: prorated by days assigned",
        "flag_capped": "score at the cap: coefficient capped",
        "flag_floored": "score at the floor: coefficient floored",
        "flag_adjusted": "includes a manual adjustment",
        "flag_no_scored_grid": "no grid with enough responses: neutral coefficient",
    },
}


def labels(lang: str) -> dict[str, str]:
    if lang not in LABELS:
        raise ValueError(f"unknown report language '{lang}' (use {', '.join(LABELS)})")
    return LABELS[lang]
