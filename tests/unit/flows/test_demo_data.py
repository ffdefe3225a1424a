"""The demo generator: deterministic, modelled on 天井湖社区, with the dirt a real inbox has."""
import pandas as pd

from gridpay.flows.demo_data import AREAS, DemoScale, demo_tables, write_demo_inbox


def test_same_seed_same_tables_other_seed_other_answers():
    a, b = demo_tables(DemoScale(months=2)), demo_tables(DemoScale(months=2))
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])
    other = demo_tables(DemoScale(months=2, seed=7))
    assert not a["surveys_2026-10"].equals(other["surveys_2026-10"])


def test_demo_community_looks_like_the_seed():
    tables = demo_tables(DemoScale())
    grids = tables["grids"]
    assert len(grids) == 19 and grids["households"].sum() == 4900
    assert {area for area, _ in AREAS} == {name[:-3].rstrip("一二三四五") for name in grids["grid_name"]}
    assignments = tables["assignments"]
    assert (assignments["worker_id"].value_counts() >= 2).any()          # a worker covering two grids
    assert (assignments["end_date"] != "").sum() == 1                    # one mid-month handover
    assert 20 <= len(tables["workers"]) <= 40
    surveys = [tables[k] for k in tables if k.startswith("surveys_")]
    assert len(surveys) == 12
    october = surveys[-1]
    assert october["household_id"].duplicated().any()                    # households answering twice
    assert (october["grid_id"] == "ZZ99").any() and (october["sat_safety"] == "6").any()
    assert october["comment"].str.contains(r"1[3-9]\d{9}").any()         # a comment with a phone number
    means = [s.groupby("grid_id")["sat_overall"].apply(lambda x: pd.to_numeric(x, errors="coerce").mean())
             for s in surveys]
    assert means[0].std() > 0.1                                           # grids differ
    assert (means[0] - means[-1]).abs().max() > 0.1                       # and drift over the year


def test_written_inbox_mixes_formats(tmp_path):
    months = write_demo_inbox(tmp_path, DemoScale(months=3))
    names = sorted(p.name for p in (tmp_path / "surveys").iterdir())
    assert names == ["2026-08-paper.xlsx", "2026-08.csv", "2026-09-paper.xlsx", "2026-09.csv", "2026-10",
                     "2026-10-paper.xlsx"]
    assert months == ["2026-08", "2026-09", "2026-10"]
    raw = (tmp_path / "surveys" / "2026-09.csv").read_bytes()
    assert raw.decode("gb18030") and not _is_utf8(raw)                    # every other month is GBK
    # the last month as the survey platform's download: its own name, this month and the one before
    download = next((tmp_path / "surveys" / "2026-10").iterdir())
    assert download.name.startswith("283746519_2_天井湖社区网格员满意度测评_") and download.suffix == ".xlsx"
    frame = pd.read_excel(download, dtype=str, engine="calamine")
    assert list(frame.columns[:6]) == ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
    assert set(frame["提交答卷时间"].str[:7]) == {"2026/09", "2026/10"} and "非常满意" in set(frame.iloc[:, 14])


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
