"""Deterministic demo community modelled on 天井湖社区 (shared/seed): 4 areas, 19 grids, ~4,900
households, a few dozen workers, and monthly survey responses with realistic dirt.

`demo_tables` is pure (same seed, same tables); `write_demo_inbox` writes them in the mixed
formats a real inbox receives. The same generator feeds the benchmarks at larger scales."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

COMMUNITY = "天井湖社区"
SECOND_COMMUNITIES = ("铜官山社区", "长江路社区", "人民路社区")     # invented, for --communities
AREAS = (("天桥新村", "TQ"), ("五松西村", "WS"), ("井湖村", "JH"), ("车站新村", "CZ"))
AREA_GRIDS = (5, 5, 4, 5)
CN_NUM = "一二三四五六七八九十"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海燕晓东雪梅婷慧堃喆玥昇珺"
ITEMS = ("sat_environment", "sat_safety", "sat_service", "sat_responsiveness", "sat_overall")
ITEM_OFFSET = np.array([-0.25, 0.15, 0.05, -0.15, 0.0])
COMMENTS = (
    "楼道灯坏了很久没人修", "网格员很负责，经常上门", "垃圾清运不及时", "希望加强夜间巡逻",
    "办事效率高，点赞", "停车太乱，希望管理", "有事请打我电话13905621234", "老人助餐点很好",
    "反映的问题一直没有回音", "身份证号340702198805061234的补贴还没到账",
)


@dataclass(frozen=True)
class DemoScale:
    households: int = 4900
    months: int = 12
    end_month: str = "2026-10"
    seed: int = 2012
    grids: int | None = None      # default: one grid per ~258 households, as in the seed community
    communities: int = 1          # 2: the areas split between two communities (a district's month)


def _months(scale: DemoScale) -> list[str]:
    end = pd.Period(scale.end_month, freq="M")
    return [str(end - i) for i in range(scale.months - 1, -1, -1)]


def _grids(scale: DemoScale, rng: np.random.Generator) -> pd.DataFrame:
    n_grids = scale.grids or max(4, round(scale.households / 258))
    per_area = [n_grids // 4 + (1 if i < n_grids % 4 else 0) for i in range(4)]
    if n_grids == 19:
        per_area = list(AREA_GRIDS)
    rows = []
    for (area, code), count in zip(AREAS, per_area):
        for i in range(count):
            label = CN_NUM[i] if i < 10 else str(i + 1)
            rows.append((f"{code}{i + 1:02d}", f"{area}{label}网格", area))
    share = rng.uniform(0.6, 1.4, len(rows))
    households = np.floor(share / share.sum() * scale.households).astype(int)
    households[: scale.households - households.sum()] += 1
    frame = pd.DataFrame(rows, columns=["grid_id", "grid_name", "area"])
    # with two communities the first areas stay in the seed's community, the rest form a second one
    names = (COMMUNITY, *SECOND_COMMUNITIES)[: max(1, scale.communities)]
    area_index = {area: i for i, (area, _) in enumerate(AREAS)}
    frame["community"] = [names[area_index[a] * len(names) // len(AREAS)] for a in frame["area"]]
    frame["households"] = households
    return frame


def _names(count: int, rng: np.random.Generator) -> list[str]:
    seen, names = set(), []
    while len(names) < count:
        name = rng.choice(list(SURNAMES)) + "".join(rng.choice(list(GIVEN), rng.integers(1, 3)))
        if name not in seen or len(seen) > 2000:
            seen.add(name)
            names.append(name)
    return names


def _phones(count: int, rng: np.random.Generator) -> np.ndarray:
    prefix = rng.choice(["138", "139", "150", "151", "187", "188", "135", "136"], count)
    return np.char.add(prefix.astype(str), rng.integers(10**7, 10**8, count).astype(str))


def _workers_and_assignments(grids: pd.DataFrame, months: list[str], rng: np.random.Generator):
    n = len(grids)
    # One primary worker per grid, a second worker on every third grid, and one worker who also
    # covers the neighbouring grid; a handover mid-way through the year on grid 2.
    n_workers = n + len(range(0, n, 3)) + 1
    workers = pd.DataFrame({
        "worker_id": [f"W{i + 1:03d}" for i in range(n_workers)],
        "name": _names(n_workers, rng),
        "phone": _phones(n_workers, rng),
        "perf_pay_target": [f"{t}.00" for t in rng.choice([800, 900, 1000, 1100, 1200], n_workers)],
    })
    first = f"{months[0]}-01"
    rows = [(f"W{i + 1:03d}", gid, first, "", "") for i, gid in enumerate(grids["grid_id"])]
    extra = n
    for i in range(0, n, 3):
        rows.append((f"W{extra + 1:03d}", grids["grid_id"][i], first, "", "0.5"))
        extra += 1
    rows.append(("W001", grids["grid_id"][1], first, "", "0.5"))       # W001 covers two grids
    mid = months[len(months) // 2]
    handover = f"{mid}-15"
    rows[2] = (rows[2][0], rows[2][1], first, handover, "")              # leaves on the 15th ...
    rows.append((f"W{extra + 1:03d}", grids["grid_id"][2], f"{mid}-16", "", ""))   # ... successor
    assignments = pd.DataFrame(rows, columns=["worker_id", "grid_id", "start_date", "end_date", "weight"])
    return workers, assignments


def _month_surveys(month: str, t: int, grids: pd.DataFrame, latent: np.ndarray, trend: np.ndarray,
                   rate: np.ndarray, workers: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    counts = rng.poisson(grids["households"].to_numpy() * rate)
    counts = np.minimum(counts, grids["households"].to_numpy())
    grid_idx = np.repeat(np.arange(len(grids)), counts)
    hh = np.concatenate([rng.choice(h, c, replace=False) for h, c in zip(grids["households"], counts)])
    n = len(grid_idx)
    gid = grids["grid_id"].to_numpy()[grid_idx]
    household = (pd.Series(gid) + "-" + pd.Series(hh // 24 + 1).astype(str).str.zfill(2) + "-"
                 + pd.Series((hh % 24) // 8 + 1).astype(str) + "-"
                 + pd.Series((hh % 8) // 2 + 1).astype(str) + "0" + pd.Series(hh % 2 + 1).astype(str))
    mean = latent[grid_idx] + trend[grid_idx] * t + 0.1 * np.sin(t / 2)
    # a respondent's general mood moves all their answers together, so items correlate as in real surveys
    mood = rng.normal(0, 0.55, (n, 1))
    answers = np.clip(np.rint(mean[:, None] + ITEM_OFFSET + mood + rng.normal(0, 0.6, (n, len(ITEMS)))), 1, 5)
    start = pd.Timestamp(f"{month}-01")
    seconds = (start + pd.offsets.MonthBegin(1) - start).total_seconds()
    submitted = start + pd.to_timedelta(rng.uniform(0, seconds - 1, n).astype(int), unit="s")
    channel = rng.choice(["wechat", "paper", "phone", "visit"], n, p=[0.6, 0.25, 0.1, 0.05])
    frame = pd.DataFrame({
        "response_id": [f"R{month.replace('-', '')}{i + 1:07d}" for i in range(n)],
        "grid_id": gid,
        "household_id": household.to_numpy(),
        "respondent_phone": np.where((channel == "wechat") | (channel == "phone"), _phones(n, rng), ""),
        "submitted_at": submitted.strftime("%Y-%m-%d %H:%M:%S"),
        "channel": channel,
        "duration_s": np.maximum(15, rng.lognormal(np.log(120), 0.4, n)).astype(int).astype(str),
    })
    items = answers.astype(int).astype(str)
    items[rng.random((n, len(ITEMS))) < 0.04] = ""            # not applicable
    for j, item in enumerate(ITEMS):
        frame[item] = items[:, j]
    frame["comment"] = np.where(rng.random(n) < 0.05, rng.choice(list(COMMENTS), n), "")
    return _with_dirt(frame, month, workers, rng)


def _with_dirt(frame: pd.DataFrame, month: str, workers: pd.DataFrame, rng: np.random.Generator):
    n = len(frame)
    if n < 20:
        return frame
    out = frame.copy()
    # households that answered twice: an earlier copy with other answers
    dup = out.sample(max(1, n // 100), random_state=rng.integers(1 << 31)).copy()
    dup["response_id"] = [f"{r}-E" for r in dup["response_id"]]
    dup["submitted_at"] = (pd.to_datetime(dup["submitted_at"]) - pd.Timedelta(hours=1)).dt.strftime("%Y-%m-%d %H:%M:%S")
    dup["sat_overall"] = "3"
    bad = out.sample(max(4, n // 200), random_state=rng.integers(1 << 31)).copy()
    bad["response_id"] = [f"{r}-X" for r in bad["response_id"]]
    kinds = np.arange(len(bad)) % 4
    bad.loc[kinds == 0, "sat_safety"] = "6"
    bad.loc[kinds == 1, "grid_id"] = "ZZ99"
    bad.loc[kinds == 2, "submitted_at"] = (pd.Period(month, "M") + 1).strftime("%Y-%m-05 09:00:00")
    bad.loc[kinds == 3, "household_id"] = ""
    selfie = out.iloc[[0]].copy()   # a worker rating a grid (caught once self-rating rules exist)
    selfie["response_id"] = selfie["response_id"] + "-S"
    selfie["household_id"] = selfie["household_id"] + "S"
    selfie["respondent_phone"] = workers["phone"].iloc[0]
    return pd.concat([out, dup, bad, selfie], ignore_index=True).sample(frac=1.0, random_state=rng.integers(1 << 31))


def demo_tables(scale: DemoScale) -> dict[str, pd.DataFrame]:
    """grids, workers, assignments, and surveys_<YYYY-MM> for each month."""
    rng = np.random.default_rng(scale.seed)
    months = _months(scale)
    grids = _grids(scale, rng)
    workers, assignments = _workers_and_assignments(grids, months, rng)
    latent = rng.normal(4.1, 0.3, len(grids))
    trend = rng.normal(0, 0.03, len(grids))
    rate = rng.uniform(0.12, 0.3, len(grids))
    rate[len(grids) // 2] = 0.01     # a grid that barely answers: too few responses to score
    tables = {"grids": grids[["grid_id", "grid_name", "community", "households", "area"]],
              "workers": workers, "assignments": assignments}
    for t, month in enumerate(months):
        tables[f"surveys_{month}"] = _month_surveys(month, t, grids, latent, trend, rate, workers, rng)
    return tables


LIKERT_WORDS = {"5": "非常满意", "4": "满意", "3": "基本满意", "2": "不满意", "1": "非常不满意", "": "(空)"}
PLATFORM_SOURCES = {"wechat": "微信", "phone": "手机提交", "visit": "链接", "paper": "二维码"}
WJX_QUESTIONS = ("1、您所在的网格是？", "2、您家的门牌号", "3、您的年龄段", "4、您的手机号码（选填）",
                 "5、您对网格员的环境卫生工作满意吗？", "6、您对网格员的治安安全工作满意吗？", "7、您对网格员的服务态度满意吗？",
                 "8、您对网格员的响应速度满意吗？", "9、您对网格员的总体工作满意吗？", "10、您希望网格员在哪些方面改进？",
                 "11、您的意见或建议")


def wjx_text_export(frames: list[pd.DataFrame], grids: pd.DataFrame) -> pd.DataFrame:
    """The answers as 问卷星 writes its text export (按文本): the platform's columns, then one column
    per question; grids by name, Likert as words, (空) for a skipped question, a multi-select
    joined by ┋, and every month answered so far (the form runs all year)."""
    rows = pd.concat(frames, ignore_index=True).sort_values("submitted_at", kind="stable")
    names = dict(zip(grids["grid_id"], grids["grid_name"]))
    seconds = rows["duration_s"].astype(int)
    out = pd.DataFrame({
        "序号": range(1, len(rows) + 1),
        "提交答卷时间": rows["submitted_at"].str.replace("-", "/").to_numpy(),
        "所用时间": np.where(seconds >= 60, (seconds // 60).astype(str) + "分" + (seconds % 60).astype(str) + "秒",
                             seconds.astype(str) + "秒"),
        "来源": rows["channel"].map(PLATFORM_SOURCES).to_numpy(),
        "来源详情": "直接访问",
        "来自IP": "36.7.1.2(安徽-铜陵)",
    })
    age = np.array(["18-35岁", "36-59岁", "60岁以上"])[np.arange(len(rows)) % 3]
    columns = [rows["grid_id"].map(lambda g: names.get(g, g)), rows["household_id"], age,
               rows["respondent_phone"].replace("", "(空)"), *[rows[i].map(LIKERT_WORDS).fillna(rows[i]) for i in ITEMS],
               np.where(np.arange(len(rows)) % 4 == 0, "环境卫生┋治安巡逻", "(空)"), rows["comment"].replace("", "(空)")]
    for header, values in zip(WJX_QUESTIONS, columns):
        out[header] = np.asarray(values)
    return out


def write_demo_inbox(inbox: Path, scale: DemoScale, mixed_formats: bool = True) -> list[str]:
    """Writes the inbox; paper answers go to <month>-paper.xlsx and every other month's CSV is
    GB18030, as Chinese Excel writes it; the last month's online answers come as the survey
    platform's download (a 问卷星 text export holding this month and the one before, in
    surveys/<month>/). Returns the months written."""
    tables = demo_tables(scale)
    (inbox / "surveys").mkdir(parents=True, exist_ok=True)
    for name in ("grids", "workers", "assignments"):
        tables[name].to_csv(inbox / f"{name}.csv", index=False, encoding="utf-8")
    months = _months(scale)
    for t, month in enumerate(months):
        frame = tables[f"surveys_{month}"]
        if mixed_formats:
            paper = frame["channel"] == "paper"
            # typed from paper: no phone column, and no timer (policy 2027.18 reads none from a typed sheet)
            frame[paper].drop(columns=["respondent_phone", "duration_s"]).to_excel(
                inbox / "surveys" / f"{month}-paper.xlsx", index=False)
            frame = frame[~paper]
        if mixed_formats and t == len(months) - 1 and len(months) > 1:
            before = tables[f"surveys_{months[-2]}"]
            download = wjx_text_export([before[before["channel"] != "paper"], frame], tables["grids"])
            folder = inbox / "surveys" / month
            folder.mkdir(exist_ok=True)
            download.to_excel(folder / f"283746519_2_天井湖社区网格员满意度测评_{len(download)}_{len(download)}.xlsx",
                              index=False)
            continue
        encoding = "gb18030" if mixed_formats and t % 2 else "utf-8"
        frame.to_csv(inbox / "surveys" / f"{month}.csv", index=False, encoding=encoding)
    return months
