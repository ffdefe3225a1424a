"""The district-partitioned path (survey files staged on a local Dask cluster of two worker
processes, one warehouse writer) publishes the same payroll as the single-process run."""
from pathlib import Path

import duckdb
import pytest

from gridpay.flows.demo_data import DemoScale, demo_tables

MONTH = "2026-10"
OUTPUTS = ("payroll.csv", "grid_scores.csv", "quarantine.csv")


def _district_inbox(root: Path) -> Path:
    """The demo community with one survey file per area (district), in three formats, and one
    response_id used in two districts: only the writer, which sees the whole month, can catch it."""
    tables = demo_tables(DemoScale(households=1600, months=1, end_month=MONTH, seed=11, grids=8))
    inbox = root / "inbox"
    (inbox / "surveys").mkdir(parents=True)
    for name in ("grids", "workers", "assignments"):
        tables[name].to_csv(inbox / f"{name}.csv", index=False)
    surveys = tables[f"surveys_{MONTH}"].merge(tables["grids"][["grid_id", "area"]], on="grid_id")
    areas = sorted(surveys["area"].unique())
    assert len(areas) >= 3
    for i, area in enumerate(areas):
        frame = surveys[surveys["area"] == area].drop(columns=["area"]).reset_index(drop=True)
        if i == 1:
            frame.loc[0, "response_id"] = surveys.loc[surveys["area"] == areas[0], "response_id"].iloc[0]
        stem = inbox / "surveys" / f"{MONTH}-{i:02d}"
        if i % 3 == 0:
            frame.to_csv(f"{stem}.csv", index=False, encoding="utf-8")
        elif i % 3 == 1:
            frame.to_csv(f"{stem}.csv", index=False, encoding="gb18030")
        else:
            frame.astype("string").to_parquet(f"{stem}.parquet", index=False)
    return inbox


@pytest.mark.xdist_group("prefect")
def test_dask_partitions_publish_the_single_process_payroll(run_cli, tmp_path, prefect_server):
    inbox = _district_inbox(tmp_path)
    single, parted = tmp_path / "single", tmp_path / "parted"
    assert run_cli("run", "--month", MONTH, inbox=inbox, out=single / "out", db=single / "w.duckdb")[0] == 0
    code, err = run_cli("run", "--month", MONTH, "--dask-workers", "2", inbox=inbox, out=parted / "out",
                        db=parted / "w.duckdb")
    assert code == 0, err
    for name in OUTPUTS:
        assert (parted / "out" / MONTH / name).read_bytes() == (single / "out" / MONTH / name).read_bytes(), name
    quarantine = (parted / "out" / MONTH / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert quarantine.count("is used more than once") >= 2      # across two district files
    with duckdb.connect(str(parted / "w.duckdb"), read_only=True) as con:
        paid = con.execute("select count(*), sum(performance_pay_yuan) from payroll").fetchone()
    assert paid[0] > 5 and paid[1] > 0
