"""Write examples/inbox/: the small community the README's "Your first month" walks through.

Four grids of 天井湖社区, five grid workers (one covers two grids, one grid changes hands in the
middle of the month), and one 问卷星 download of October 2026 as HR gets it ("按文本" export, .xlsx,
the platform's own columns first, questions numbered, 非常满意..非常不满意 as words, (空) for blanks,
door numbers typed the way residents type them).

The month is meant to pass: every grid answered by name, one row invalid (no door number), two
households that answered twice and one form filled in 25 seconds (quarantine.csv shows them), no
exclusion rule near the outcome alarm. All phone numbers are made up.

    python scripts/make_example_inbox.py [TARGET]      # default: examples/inbox
"""
from __future__ import annotations

import csv
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl

MONTH = "2026-10"
COMMUNITY = "天井湖社区"
GRIDS = [("G01", "天桥新村一网格", 412), ("G02", "井湖村二网格", 365), ("G03", "石城路三网格", 298),
         ("G04", "长江西路四网格", 330)]
WORKERS = [("W01", "王海燕", "13855620101", "1800.00"), ("W02", "李建国", "13855620102", "1800.00"),
           ("W03", "张丽", "13855620103", "1600.00"), ("W04", "陈小军", "13855620104", "1600.00"),
           ("W05", "刘芳", "13855620105", "1600.00")]
ASSIGNMENTS = [("W01", "G01", "2025-01-01", "", ""),
               ("W02", "G02", "2025-01-01", "", ""),
               ("W03", "G03", "2025-03-01", "", "1"),
               ("W03", "G04", "2025-03-01", "", "0.5"),       # covers a second grid at half weight
               ("W04", "G04", "2025-01-01", "2026-10-15", ""),  # hands over in the middle of October
               ("W05", "G04", "2026-10-16", "", "")]
HEADER = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您所在的网格是？", "2、您家的门牌号",
          "3、您的年龄段", "4、您的手机号码", "5、您对网格员的环境卫生工作满意吗？", "6、您对网格员的治安安全工作满意吗？",
          "7、您对网格员的服务态度满意吗？", "8、您对网格员的响应速度满意吗？", "9、您对网格员的总体工作满意吗？",
          "10、您希望网格员改进哪些方面？", "11、您的意见或建议"]
WORDS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
SOURCES = ["微信", "微信", "微信", "手机提交", "链接", "二维码"]
AGES = ["18-35岁", "36-50岁", "51-65岁", "65岁以上"]
IMPROVE = ["环境卫生", "治安巡逻", "入户走访", "办事效率", "环境卫生┋治安巡逻", "(空)"]
COMMENTS = ["楼道灯坏了两个星期，希望尽快修", "垃圾分类点晚上有异味", "网格员很负责，谢谢", "电动车乱停在消防通道",
            "希望多组织老年人活动", "小区门口路面有坑", "上次反映的漏水问题已经解决了", "建议周末也能办事"]
MOOD = {"G01": 4.5, "G02": 4.1, "G03": 3.6, "G04": 4.0}     # how each grid's residents tend to answer
ROWS_PER_GRID = 16


def door(rng: random.Random, buildings: range) -> str:
    """A door number as residents type it: mostly 3栋2单元301, sometimes 3幢2单元301室 or 3号楼 2单元 301.
    Each grid covers its own buildings: gridpay takes one door number for one household."""
    building, unit, floor, room = rng.choice(buildings), rng.randint(1, 3), rng.randint(1, 6), rng.randint(1, 2)
    shape = rng.random()
    if shape < 0.7:
        return f"{building}栋{unit}单元{floor}0{room}"
    if shape < 0.85:
        return f"{building}幢{unit}单元{floor}0{room}室"
    return f"{building}号楼 {unit}单元 {floor}0{room}"


def answer(rng: random.Random, mood: float) -> str:
    if rng.random() < 0.06:
        return "(空)"               # not applicable to this household
    return WORDS[max(1, min(5, round(rng.gauss(mood, 0.7))))]


def survey_rows(rng: random.Random) -> list[list[str]]:
    answers, doors = [], set()
    for n, (grid_id, name, _) in enumerate(GRIDS):
        while len([a for a in answers if a[0] == name]) < ROWS_PER_GRID:
            household = door(rng, range(1 + 8 * n, 9 + 8 * n))
            key = household.replace("幢", "栋").replace("号楼 ", "栋").replace(" ", "").rstrip("室")
            if key not in doors:                       # every other household answers once
                doors.add(key)
                answers.append([name, household, *[answer(rng, MOOD[grid_id]) for _ in range(5)]])
    rng.shuffle(answers)
    answers[7][1] = "(空)"                              # no door number: invalid, quarantined
    answers.append([answers[3][0], answers[3][1], *answers[3][2:]])  # a household answering twice
    answers.append([answers[20][0], answers[20][1].replace("栋", "幢") + ("" if "室" in answers[20][1] else "室"),
                    *[WORDS[4]] * 5])                 # the same door typed another way: one household
    days = sorted(rng.randint(2, 30) for _ in answers)          # the form is open all month; answers by day
    rows = []
    for n, (grid, household, *items) in enumerate(answers, start=1):
        when = datetime(2026, 10, days[n - 1], 7) + timedelta(seconds=rng.randint(0, 15 * 3600))
        seconds = 25 if n == 40 else rng.randint(70, 260)     # row 40: a form filled in 25 s (speeder)
        phone = f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}" if rng.random() < 0.6 else "(空)"
        comment = rng.choice(COMMENTS) if rng.random() < 0.3 else "(空)"
        rows.append([str(n), when.strftime("%Y/%m/%d %H:%M:%S"),
                     f"{seconds // 60}分{seconds % 60}秒" if seconds >= 60 else f"{seconds}秒",
                     rng.choice(SOURCES), "直接访问", f"36.7.{rng.randint(1, 250)}.{rng.randint(1, 250)}(安徽-铜陵)",
                     grid, household, rng.choice(AGES) if rng.random() < 0.7 else "(空)", phone, *items,
                     rng.choice(IMPROVE), comment])
    return rows


def write_csv(path: Path, header: tuple[str, ...], rows: list) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_download(folder: Path, rows: list[list[str]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in [HEADER, *rows]:
        sheet.append(row)
    book.properties.creator = "问卷星"
    book.properties.created = book.properties.modified = datetime(2026, 11, 1, 9, 0)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"283746519_2_{COMMUNITY}网格员满意度测评_{len(rows)}_{len(rows)}.xlsx"
    book.save(path)
    return path


def main(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    write_csv(target / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [(g, name, COMMUNITY, str(n)) for g, name, n in GRIDS])
    write_csv(target / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"), WORKERS)
    write_csv(target / "assignments.csv", ("worker_id", "grid_id", "start_date", "end_date", "weight"), ASSIGNMENTS)
    surveys = target / "surveys" / MONTH
    for old in surveys.glob("*.xlsx"):
        old.unlink()
    path = write_download(surveys, survey_rows(random.Random(2026)))
    print(f"wrote {target}/grids.csv, workers.csv, assignments.csv and {path.relative_to(target)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "examples" / "inbox")
