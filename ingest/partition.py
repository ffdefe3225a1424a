"""One partition of a month (a district's survey file) staged where a Dask worker runs it, and the
checks a worker makes first. The shell (flows/partitions.py) ships these functions to the workers;
nothing here imports Dask.

A worker is handed the archived blob's SHA-256 and the archive's path, never a clear copy: it
decrypts the blob into a private scratch folder of its own machine (tempfile.mkdtemp, 0700),
stages it there, writes only hashed rows (Parquet) into the run's shared work folder, and removes
the scratch before it returns. It hashes with the run's phone key or with none: it compares the
fingerprint of the key it holds with the run's before it reads a row, and never makes a key."""
from __future__ import annotations

import json
import logging
import os
import socket
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from gridpay.core.errors import ConfigError
from gridpay.core.layout import private_scratch
from gridpay.core.modes import private_umask
from gridpay.core.secret_key import ArchiveKeys, key_fingerprint, phone_key
from gridpay.ingest.archive import blob_path, open_blob
from gridpay.ingest.duckdb_reader import sql_text
from gridpay.ingest.formats import Source
from gridpay.ingest.survey_files import survey_reading
from gridpay.ingest.survey_stage import stage_connection, stage_surveys
from gridpay.transforms.policy import Policy

SHARED = "docs/scale.md, what every worker must share"
TABLES = ("surveys", "set_aside", "unreadable_phones", "set_aside_ids", "unresolved_grid_names", "platform_files",
          "answer_words", "typed_answer_words",    # the last three: a form's options, expectations/form_options.py
          "worker_named_rows")     # a sheet's 姓名 that is a worker's (ingest/named_workers.py)


@dataclass(frozen=True)
class RunKeys:
    """The run's keys as a worker may know them: where the run read them and their fingerprints,
    never the keys (a task's arguments travel through the scheduler)."""
    phone_key_file: str
    phone_fingerprint: str
    archive_key_file: str
    archive_fingerprint: str | None        # None: the run's inputs are archived in clear


@dataclass(frozen=True)
class PartitionJob:
    """What every partition of the run shares."""
    archive: str
    workdir: str               # the run's work folder: on a disk every worker shares
    policy: Policy
    month: str
    grids: dict[str, str]      # grid_id -> grid_name, in grids.csv order
    keys: RunKeys
    compounds: dict[str, tuple[str, ...]] = field(default_factory=dict)   # grid_id -> compounds grids.csv lists
    other_names: dict[str, str] = field(default_factory=dict)             # a compound's other name -> its name
    communities: dict[str, str] = field(default_factory=dict)             # grid_id -> its community
    hidden_doors: int = 0                      # the output format hiding a phone or ID typed as the door (22 on)
    worker_names: tuple[tuple[str, str], ...] = ()      # (name, worker id): a sheet's 姓名 that is a worker's


@dataclass(frozen=True)
class Partition:
    index: int
    name: str                  # the file's path in the inbox (surveys/2026-10-03.csv)
    shown: str                 # what source_file says (Source.shown)
    sha256: str                # of its archived blob


@dataclass(frozen=True)
class Partitioning:
    """How a run was partitioned: recorded with the run (history) and in the manifest. The rest
    is for the scoring step (store/partition_scoring.py), not recorded."""
    partitions: int
    workers: int
    scheduler: str
    surveys: tuple[str, ...] = ()          # each partition's surveys.parquet, in file order
    first_rows: tuple[int, ...] = ()       # where each partition's row_ids start in the month
    shared_grid: str | None = None         # a grid answered in two partitions (scoring stays in the driver)

    def as_dict(self) -> dict:
        return {"partitions": self.partitions, "workers": self.workers, "scheduler": self.scheduler}


def worker_name(address: str) -> str:
    return f"Dask worker {address} on {socket.gethostname()}"


def checked_keys(keys: RunKeys, worker: str) -> tuple[bytes, ArchiveKeys]:
    """This worker's phone key and archive keys, if they are the run's; else ConfigError (exit 2)
    naming the worker and the key. The worker's own GRIDPAY_SECRET, GRIDPAY_KEY_FILE and
    GRIDPAY_ARCHIVE_KEY_FILE win over the paths the run read its keys from."""
    key_file = Path(os.environ.get("GRIDPAY_KEY_FILE") or keys.phone_key_file)
    source = "GRIDPAY_SECRET" if os.environ.get("GRIDPAY_SECRET") else str(key_file)
    fix = "every worker must hold the run's keys (GRIDPAY_SECRET or the same key files; SECURITY.md); a worker never makes one"
    try:
        key = phone_key(key_file, create=False)
    except ConfigError as exc:
        raise ConfigError(f"{worker}: no phone-hash key ({exc}); the run's has fingerprint "
                          f"{keys.phone_fingerprint}: {fix}") from None
    if key_fingerprint(key) != keys.phone_fingerprint:
        raise ConfigError(f"{worker}: its phone-hash key ({source}, fingerprint {key_fingerprint(key)}) is not the "
                          f"run's (fingerprint {keys.phone_fingerprint}): it would hash phone numbers differently "
                          f"and miss self-ratings and households; {fix}")
    archive_keys = ArchiveKeys(Path(os.environ.get("GRIDPAY_ARCHIVE_KEY_FILE") or keys.archive_key_file), create=False)
    if keys.archive_fingerprint is not None:
        try:
            found = key_fingerprint(archive_keys.current)
        except ConfigError as exc:
            raise ConfigError(f"{worker}: no archive key ({exc}); {fix}") from None
        if found != keys.archive_fingerprint:
            raise ConfigError(f"{worker}: its archive key ({archive_keys.file}, fingerprint {found}) is not the run's "
                              f"(fingerprint {keys.archive_fingerprint}); {fix}")
    return key, archive_keys


def shared_disk_problem(job: PartitionJob, sha256: str | None, worker: str) -> str | None:
    """Can this worker read the run's archive and write its work folder, at the driver's paths?
    One line saying which is missing, and why it must be shared; None if both are there."""
    checks = [(Path(job.archive), "archive"), (Path(job.workdir), "work folder")]
    if sha256:
        checks.insert(1, (blob_path(Path(job.archive), sha256), "archive"))
    for path, what in checks:
        try:
            path.stat()
        except OSError as exc:
            return (f"{worker}: cannot see the run's {what} {path} ({exc.strerror or exc}); the archive and the "
                    f"work folder must be on a disk every worker shares, at the same paths ({SHARED})")
    try:
        tempfile.TemporaryFile(dir=job.workdir).close()
    except OSError as exc:
        return (f"{worker}: cannot write the run's work folder {job.workdir} ({exc.strerror or exc}); the workers "
                f"write their Parquet parts there ({SHARED})")
    return None


def worker_problem(job: PartitionJob, sha256: str | None, worker: str) -> str | None:
    """The start-of-run check each worker makes (flows/partitions.py runs it on every worker)."""
    try:
        checked_keys(job.keys, worker)
    except ConfigError as exc:
        return str(exc)
    return shared_disk_problem(job, sha256, worker)


SAID = "said.json"      # a part's lines of gridpay's, [line, its kind], as reading its file said them (masked)


class _said(logging.Handler):
    """The gridpay warnings said while the block runs, kept as (line, kind): a worker's console is no one's. Trial
    187's typed sheet's unread durations were said by the one-process run only."""
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[tuple[str, str | None]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.getMessage(), getattr(record, "notice", None)))

    def __enter__(self) -> "_said":
        logging.getLogger("gridpay").addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger("gridpay").removeHandler(self)


def said_by_parts(paths: list[str]) -> list[tuple[str, str | None]]:
    """The lines each part's reading said, in part order (stage_partition)."""
    found = [Path(p).with_name(SAID) for p in paths]
    return [tuple(x) for f in found if f.exists() for x in json.loads(f.read_text(encoding="utf-8"))]


def stage_partition(part: Partition, job: PartitionJob, worker: str) -> str:
    """One district's archived file -> Parquet of its normalised rows (row_id local to the file),
    of what it set aside and of its unreadable phones, in <workdir>/part-<n>/. Returns the
    surveys file's path. The clear bytes exist only in this call's private scratch."""
    key, archive_keys = checked_keys(job.keys, worker)
    if problem := shared_disk_problem(job, part.sha256, worker):
        raise ConfigError(problem)
    with private_scratch("gridpay-partition-") as scratch:            # 0700, on this worker's own disk
        source = Source(part.name, open_blob(Path(job.archive), part.sha256, archive_keys, scratch / "inputs"),
                        part.shown)
        reading = replace(survey_reading(job.policy), door_numbers_hidden=job.hidden_doors, worker_names=job.worker_names,
                          listed_compounds=tuple(sorted({c for cs in job.compounds.values() for c in cs})))
        with _said() as said:       # what reading the file says, for the driver to say (trial 187: said nowhere)
            stage_surveys([source], reading, key, scratch / "stage", job.month, job.grids,
                          job.compounds, job.other_names, job.communities)
        target = Path(job.workdir) / f"part-{part.index:04d}"
        target.mkdir(mode=0o777 & ~private_umask(), exist_ok=True)
        (target / SAID).write_text(json.dumps(said.lines, ensure_ascii=False), encoding="utf-8")
        with stage_connection(scratch / "stage") as con:
            for table in TABLES:
                con.execute(f"copy {table} to ? (format parquet)", [str(target / f"{table}.parquet")])
        return str(target / "surveys.parquet")


@dataclass(frozen=True)
class Merged:
    rows: int
    first_rows: tuple[int, ...]
    shared_grid: str | None


def merge_partitions(parts: list[str], workdir: Path) -> Merged:
    """The stage file's `surveys` table: each part's rows after the parts before it (they come
    in file order), so `row_id` rises in file then row order as in the single-process path,
    without sorting the month. Also where each part's rows start, and a grid (if any) that two
    parts answer."""
    sources = " union all ".join(f"select {i} as part, * from read_parquet({sql_text(p)})" for i, p in enumerate(parts))
    with stage_connection(workdir) as con:
        con.execute(f"""
            create or replace table surveys as
            with parts as ({sources}),
            sizes as (select part, max(row_id) + 1 as size from parts group by part),
            offsets as (select part, sum(size) over (order by part) - size as start from sizes)
            select (o.start + p.row_id)::integer as row_id, p.* exclude (row_id, part)
            from parts as p join offsets as o using (part)""")
        for table in TABLES[1:]:
            files = [str(Path(p).with_name(f"{table}.parquet")) for p in parts]
            con.execute(f"create or replace table {table} as select * from read_parquet({sql_text(files[0])})"
                        + "".join(f" union all select * from read_parquet({sql_text(f)})" for f in files[1:]))
        sizes = [n for (n,) in con.execute(f"select coalesce(max(p.row_id) + 1, 0) from range({len(parts)}) as r(i) "
                                            f"left join ({sources}) as p on p.part = r.i group by r.i order by r.i").fetchall()]
        shared = con.execute(f"select min(grid_id) from (select grid_id from ({sources}) where grid_id is not null "
                             f"group by grid_id having count(distinct part) > 1)").fetchone()[0]
        first = tuple(sum(sizes[:i]) for i in range(len(parts)))
        return Merged(con.execute("select count(*) from surveys").fetchone()[0], first, shared)
