"""Real-shaped survey-platform downloads and paper-typed sheets, built from canonical survey rows
(conftest.survey tuples), for the platform tests: 问卷星's text and codes exports as .xls, .xlsx
and GBK .csv, and a sheet typed from paper forms with a title row, merged grid cells and a totals row."""
from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import xlwt

WORDS = {"5": "非常满意", "4": "满意", "3": "基本满意", "2": "不满意", "1": "非常不满意", "": "(空)"}
CODES = {"5": "1", "4": "2", "3": "3", "2": "4", "1": "5", "": "(空)"}      # a form that lists 非常满意 first
SOURCES = {"wechat": "微信", "paper": "链接", "phone": "手机提交", "visit": "二维码"}
GRID_NAMES = {"G1": "天桥新村一网格", "G2": "井湖村二网格"}
HEADER = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您所在的网格是？", "2、您家的门牌号",
          "3、您的年龄段", "4、您的手机号码", "5、您对网格员的环境卫生工作满意吗？", "6、您对网格员的治安安全工作满意吗？",
          "7、您对网格员的服务态度满意吗？", "8、您对网格员的响应速度满意吗？", "9、您对网格员的总体工作满意吗？",
          "10、您希望网格员改进哪些方面？", "11、您的意见或建议"]


def wjx_rows(surveys: list[tuple], codes: bool = False, doors: dict[str, str] | None = None) -> list[list[str]]:
    """问卷星 rows for canonical survey tuples: grid by name (or option number), Likert as words
    (or option numbers), durations as 125秒, skipped questions (空), a multi-select joined by ┋."""
    grid_order = list(GRID_NAMES)
    rows = []
    for n, (rid, grid, household, phone, when, channel, duration, *rest) in enumerate(surveys, start=1):
        items, comment = rest[:5], rest[5]
        answer = (lambda v: CODES.get(v, v)) if codes else (lambda v: WORDS.get(v, v))
        seconds = int(duration) if duration.isdigit() else 0
        rows.append([str(n), when.replace("-", "/"), f"{seconds // 60}分{seconds % 60}秒" if seconds >= 60 else f"{seconds}秒",
                     SOURCES[channel], "直接访问", "36.7.1.2(安徽-铜陵)",
                     str(grid_order.index(grid) + 1) if codes else GRID_NAMES[grid],
                     (doors or {}).get(household, household), "(空)" if n % 3 else "18-35岁", phone or "(空)",
                     *[answer(v) for v in items], "环境卫生┋治安巡逻", comment or "(空)"])
    return rows


def write_xls(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for r, row in enumerate([header, *rows]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list], merges: tuple[str, ...] = (),
               above: list[list[str]] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [*above, header, *rows]:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def write_gbk_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="gbk", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# 腾讯问卷's CSV download: its own columns, questions headed `N.题干`, answers with the option's letter
TENCENT_HEADER = ["编号", "开始答题时间", "结束答题时间", "答题时长", "自定义字段", "1.您所在的网格是？", "2.您家的门牌号",
                  "3.您的年龄段", "4.您的手机号码", "5.您对网格员的环境卫生工作满意吗？", "6.您对网格员的治安安全工作满意吗？",
                  "7.您对网格员的服务态度满意吗？", "8.您对网格员的响应速度满意吗？", "9.您对网格员的总体工作满意吗？",
                  "10.您的意见或建议"]
LETTERS = {"5": "A.非常满意", "4": "B.满意", "3": "C.基本满意", "2": "D.不满意", "1": "E.非常不满意", "": ""}


def tencent_rows(surveys: list[tuple], doors: dict[str, str] | None = None) -> list[list[str]]:
    """腾讯问卷 rows for canonical survey tuples: the time is when answering ended, durations in
    seconds, grids and answers as `A.选项`, a skipped question an empty cell."""
    from datetime import datetime, timedelta
    grid_letter = {grid: f"{chr(65 + i)}.{name}" for i, (grid, name) in enumerate(GRID_NAMES.items())}
    rows = []
    for n, (rid, grid, household, phone, when, channel, duration, *rest) in enumerate(surveys, start=1):
        ended = datetime.strptime(when, "%Y-%m-%d %H:%M:%S")
        started = ended - timedelta(seconds=int(duration))
        rows.append([str(n), f"{started:%Y-%m-%d %H:%M:%S}", when, duration, "", grid_letter[grid],
                     (doors or {}).get(household, household), "" if n % 3 else "B.18-35岁", phone,
                     *[LETTERS.get(v, v) for v in rest[:5]], rest[5]])
    return rows


def write_tencent_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    """As 腾讯问卷 writes it: every line ends with a comma (one empty unnamed column)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows([[*row, ""] for row in [TENCENT_HEADER, *rows]])
    return path
