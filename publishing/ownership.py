"""Whose month is out/<month>? A run publishes over a month folder only when that folder is new,
empty, or was published by a run this warehouse recorded (its manifest's run id). A forgotten
--db once made a fresh warehouse next to the real one and published over the real warehouse's
month, whose audit then failed: such a run now stops (exit 2) naming the run and the warehouse
that published the folder (manifests name their warehouse's id and path)."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import duckdb

from gridpay.core.wording import listed
from gridpay.core.errors import ConfigError

MANIFEST = "manifest.json"
MONTH_FOLDER = re.compile(r"^\d{4}-\d{2}$")


log = logging.getLogger("gridpay")


def warehouse_identity(con: duckdb.DuckDBPyConnection, db: Path, out: Path) -> dict:
    """What a manifest records of the warehouse that published it: its id, its path and the out
    folder it published into (a copy of the folder elsewhere is another place, _check_not_a_copy)."""
    row = con.execute("select warehouse_id from warehouse_identity").fetchone()
    return {"id": row[0] if row else None, "path": str(db), "out": str(out)}


def manifest_owner(folder: Path) -> tuple[str, dict]:
    """(run id, warehouse record or {}) from the folder's manifest; unreadable: refused."""
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        run_id = manifest["run_id"]
        warehouse = manifest.get("warehouse") or {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: cannot read the run id of the month published there ({exc}); nothing is "
                          f"published over it: move the folder aside to publish this month there") from exc
    return str(run_id), warehouse if isinstance(warehouse, dict) else {}


def folder_near(db: Path, month: str, run_id: str) -> str:
    """' It is at <out>/<month>: --out <out>' where the out folder beside the warehouse, or beside the folder holding it
    (a project's out/ and warehouse/), holds the month run `run_id` published; else ''. Trial 299's auditor gave --db
    alone from a folder of her own and was told to find the out folder herself."""
    for out in (db.parent / "out", db.parent.parent / "out"):
        try:
            if (out / month / MANIFEST).is_file() and manifest_owner(out / month)[0] == run_id:
                return f" It is at {out / month}: --out {out}"
        except ConfigError:
            continue
    return ""


def _named(warehouse: dict) -> str:
    if not warehouse.get("path"):
        return "an unknown warehouse"
    return f"the warehouse {warehouse['path']}" + (f" (id {warehouse['id']})" if warehouse.get("id") else "")


def check_month_owned(folder: Path, db: Path, con: duckdb.DuckDBPyConnection | None) -> None:
    """Raise ConfigError unless `folder` may be replaced by a run of the warehouse `db` (`con` open
    on it; None: there is no warehouse yet, so it recorded nothing)."""
    if not folder.exists():
        return
    if not folder.is_dir() or (not (folder / MANIFEST).is_file() and any(folder.iterdir())):
        raise ConfigError(f"{folder}: holds files that no gridpay run published (no {MANIFEST}); nothing is "
                          f"published over them: move them aside to publish this month there")
    if not (folder / MANIFEST).is_file():
        return                                      # an empty folder: nothing to lose
    run_id, warehouse = manifest_owner(folder)
    if con is not None and con.execute("select 1 from runs where run_id = ?", [run_id]).fetchone():
        _check_not_a_copy(folder, db, warehouse)
        return
    ours = warehouse_identity(con, db, folder.parent)["id"] if con is not None else None
    if ours and warehouse.get("id") == ours:     # trial 142 read "of the warehouse X ..., not by the warehouse X"
        raise ConfigError(f"{folder} was published by run {run_id}, which this warehouse ({db}) has no record of: "
                          f"another copy of it published the month (a copy on another computer, or this one restored "
                          f"from an older backup); nothing is published over it. out/ and warehouse/ belong together: "
                          f"put back the warehouse file that recorded run {run_id} beside this out folder, or move "
                          f"the folder out of {folder.parent} to publish this warehouse's month (run {run_id}'s "
                          f"record then stays only in that other copy)")
    # no warehouse yet: a restore that forgot warehouse/ (a hundred-and-tenth trial was first told to move it aside)
    way = ("; there is no warehouse at the path yet: if this is a restored project, restore that warehouse too "
           "(warehouse/ from the backup that gave out/) and run again; only if it is lost for good, move the folder "
           "aside to publish the month anew" if con is None else
           ", or move the folder aside to publish this warehouse's month")
    raise ConfigError(f"{folder} was published by run {run_id} of {_named(warehouse)}, not by the warehouse "
                      f"{db}; nothing is published over it. Run with that warehouse (--db, GRIDPAY_DB or the "
                      f"warehouse of gridpay.toml){way}")


def _check_not_a_copy(folder: Path, db: Path, warehouse: dict) -> None:
    """A copy of the warehouse knows the runs of the one it was copied from, so either may replace
    the other's months; but a copy publishing into the folder its original published, while that
    original is still there, leaves the original's record behind its own out folder (a trial: GRIDPAY_DB
    left pointing at a copied project, its audit then found 73 differences). Refused; a copied or moved
    project publishing into its own out folder, or a warehouse restored in place, is not this."""
    path, out = warehouse.get("path"), warehouse.get("out")
    if not path or not out or Path(out) != folder.parent or Path(path) == db or not Path(path).is_file():
        return
    raise ConfigError(f"{folder} was published by the warehouse {path}, which is still there; this command's "
                      f"warehouse {db} is a copy of it, and publishing here would leave {path} behind the month it "
                      f"published (its audit would fail). Run with {path} (in its project's folder, without "
                      f"--db or GRIDPAY_DB), or give the copy an out folder of its own (--out)")


def check_out_not_shared(out: Path, month: str, db: Path, con: duckdb.DuckDBPyConnection | None) -> None:
    """Raise ConfigError where out/ holds other months that runs of another warehouse published: a stray
    --db (a forty-sixth trial's new, empty warehouse published November beside the project's August to
    October; its thin grid pooled no earlier month and was paid at neutral, 145.92 yuan, exit 0)."""
    foreign: dict[str, list[str]] = {}
    ours: tuple[str, dict] | None = None       # the newest month this warehouse published here, and where from
    for folder in sorted(out.iterdir()) if out.is_dir() else ():
        if not MONTH_FOLDER.match(folder.name) or not (folder / MANIFEST).is_file():
            continue
        try:
            run_id, warehouse = manifest_owner(folder)
        except ConfigError:          # an unreadable manifest is named when its own month is run
            continue
        known = con is not None and con.execute("select 1 from runs where run_id = ?", [run_id]).fetchone()
        if known:
            ours = (folder.name, warehouse)
        elif folder.name != month:          # the month's own folder is check_month_owned's
            foreign.setdefault(_named(warehouse), []).append(folder.name)
    if ours and not foreign and ours[1].get("path") and ours[1]["path"] != str(db):
        # trial 142: a laptop's copy ran November while the office's went on; both Novembers passed every check
        # ... and copying one back over the other replaced A's November, her bonus and late download (its re-check)
        log.warning("this warehouse (%s) published %s from %s: the project was copied or moved. If that copy is "
                    "still used (a colleague's computer), run each month in one of them only; to bring months run "
                    "here back, put their inbox files (surveys, adjustments, appeals) into that project's inbox and "
                    "run them there, never copy out/, warehouse/ or inbox/ over the other's (its months, bonuses and "
                    "downloads are replaced without a word)", db, ours[0], ours[1]["path"])
    if foreign:
        who, months = next(iter(foreign.items()))
        raise ConfigError(f"{out} holds {', '.join(months)}, published by {who}, not by the warehouse {db}, which "
                          f"knows none of them: {month} would be paid without them (a thin grid's earlier months, "
                          f"last month's pay) beside them. Run with that warehouse (--db, GRIDPAY_DB or the warehouse "
                          f"of gridpay.toml), or give this warehouse an out folder of its own (--out)")


def check_out_folder_exists(out: Path, month: str, con: duckdb.DuckDBPyConnection) -> None:
    """Raise ConfigError where the warehouse has published months and `out` does not exist: a stray --out (a
    sixty-second trial's correction run from a subfolder with `--out out` published October into a new sub/out,
    exit 0, and left the real out/2026-10 behind the warehouse's record). An out folder that exists is the
    office's (a sixty-fourth trial moved every published month into an archive and went on in the empty out/);
    a stray --db is check_out_not_shared's."""
    months = [m for (m,) in con.execute("select month from published order by month desc").fetchall()]
    if not months or out.exists():
        return
    shown = listed(months, 3)
    raise ConfigError(f"{out} does not exist, and this warehouse has published {shown}: a month published here would "
                      f"stand apart from them. Restored from a backup? Restore out/ with the warehouse. Else give the "
                      f"out folder the warehouse publishes to (--out or GRIDPAY_OUT left out, gridpay.toml's out), or, "
                      f"to publish into a new one on purpose, create the folder first (mkdir -m 700 {out})")
