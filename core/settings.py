"""All settings in one place: command-line arguments override environment variables, which
override the defaults below. A scheduled run sets the environment once and passes nothing.
Every location is made absolute here, once, against the folder the command was typed in: no later
step may meet a relative path (a file URI, a chdir, a pool process would each read it differently)."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from gridpay import policies
from gridpay.core.errors import ConfigError
from gridpay.transforms.zone import DEFAULT_TIMEZONE

DEFAULT_POLICY = Path(policies.__file__).resolve().with_name("default.toml")   # package data

ENV = {
    "inbox": "GRIDPAY_INBOX",
    "out": "GRIDPAY_OUT",
    "db": "GRIDPAY_DB",
    "policy": "GRIDPAY_POLICY",
    "key_file": "GRIDPAY_KEY_FILE",
    "archive_key_file": "GRIDPAY_ARCHIVE_KEY_FILE",
    "archive": "GRIDPAY_ARCHIVE",
    "lock_timeout_s": "GRIDPAY_LOCK_TIMEOUT",
    "cron": "GRIDPAY_CRON",
    "timezone": "GRIDPAY_TIMEZONE",
    "retention_months": "GRIDPAY_RETENTION_MONTHS",
    "logs": "GRIDPAY_LOGS",
}
PATHS = ("inbox", "out", "db", "policy", "key_file", "archive_key_file", "archive", "logs")


@dataclass(frozen=True)
class Settings:
    inbox: Path
    out: Path
    db: Path
    policy: Path
    key_file: Path           # the phone-hash key
    archive_key_file: Path   # the archive's AES keys, kept apart from the phone-hash key
    archive: Path            # content-addressed, encrypted copies of every input a run read
    lock_timeout_s: float    # how long a run waits for another run on the same warehouse
    cron: str                # the monthly schedule ...
    timezone: str            # ... in this time zone
    retention_months: int    # raw survey answers are kept this long (gridpay purge)
    logs: Path               # one log file per command, tracebacks included

    def with_overrides(self, **values: str | Path | None) -> "Settings":
        given = {k: absolute(v) if k in PATHS else v for k, v in values.items() if v is not None}
        if "db" in given:       # the archive and the logs travel with their warehouse unless set apart
            for name in ("archive", "logs"):
                if name not in given and getattr(self, name) == self.db.parent / name:
                    given[name] = given["db"].parent / name
        return replace(self, **given)


def absolute(path: str | Path) -> Path:
    """`path` against the current folder, with ~ expanded; not resolved through links."""
    return Path(os.path.abspath(Path(path).expanduser()))


def default_key_file() -> Path:
    config_home = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return config_home / "gridpay" / "secret.key"


def settings_from_env(base: Path | None = None) -> Settings:
    """Path defaults are relative to `base` (the current folder unless given)."""
    root = absolute(base or Path.cwd())
    db = absolute(os.environ.get(ENV["db"], str(root / "warehouse" / "gridpay.duckdb")))
    defaults = {
        "inbox": root / "inbox", "out": root / "out", "db": db, "policy": DEFAULT_POLICY,
        "key_file": default_key_file(), "archive_key_file": default_key_file().with_name("archive.key"),
        "archive": db.parent / "archive", "logs": db.parent / "logs",
        "lock_timeout_s": "300", "cron": "0 6 2 * *", "timezone": DEFAULT_TIMEZONE, "retention_months": "24",
    }
    values = {k: os.environ.get(ENV[k], str(v)) for k, v in defaults.items()}
    try:
        timeout = float(values.pop("lock_timeout_s"))
        retention = int(values.pop("retention_months"))
    except ValueError as exc:
        raise ConfigError(f"{ENV['lock_timeout_s']} and {ENV['retention_months']} must be numbers") from exc
    return Settings(**{k: absolute(v) if k in PATHS else v for k, v in values.items()}, lock_timeout_s=timeout,
                    retention_months=retention)


def duckdb_memory_limit() -> str:
    """DuckDB's working-memory cap for the warehouse and the run's stage file; beyond it DuckDB
    spills to disk. A process setting rather than a Settings field: every connection reads it."""
    value = os.environ.get("GRIDPAY_DUCKDB_MEMORY", "2GB").strip()
    if not value[:1].isdigit() or not value.rstrip("BKMGTIib").replace(".", "", 1).isdigit():
        raise ConfigError(f"GRIDPAY_DUCKDB_MEMORY must look like 2GB or 512MB, not {value!r}")
    return value
