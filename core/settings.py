"""All settings in one place: command-line arguments override environment variables, which
override the project file gridpay.toml, which overrides the defaults below. A scheduled run gets
its locations from `gridpay serve`, made absolute when the deployment was registered.
Every location is made absolute here, once: an argument or an environment variable against the
folder the command was typed in, a gridpay.toml path against gridpay.toml's own folder, a default
against gridpay.toml's folder (the current folder without one). No later step may meet a relative
path (a file URI, a chdir, a pool process would each read it differently)."""
from __future__ import annotations

import difflib
import os
import tomllib
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
PROJECT_FILE = "gridpay.toml"
# gridpay.toml's names -> Settings' names. It may name the key FILES, never a key: a project
# folder is copied, shared and backed up with its warehouse, and the keys must not go with it.
PROJECT_KEYS = {"community": "community", "inbox": "inbox", "out": "out", "warehouse": "db", "policy": "policy",
                "archive": "archive", "logs": "logs", "key_file": "key_file", "archive_key_file": "archive_key_file"}


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
    community: str = ""      # the community's name, from gridpay.toml (shown, not computed with)
    project: Path | None = None   # the gridpay.toml read, if any

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


def find_project(start: Path | None = None) -> Path | None:
    """gridpay.toml in `start` (the current folder) or the nearest folder above it, as dbt and
    pytest find theirs; None where there is none."""
    folder = absolute(start or Path.cwd())
    return next((f / PROJECT_FILE for f in (folder, *folder.parents) if (f / PROJECT_FILE).is_file()), None)


def read_project(path: Path) -> dict[str, str | Path]:
    """gridpay.toml's settings under Settings' names, its paths made absolute against its folder."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the project file ({exc})") from exc
    values: dict[str, str | Path] = {}
    for name, value in data.items():
        if name not in PROJECT_KEYS:
            close = difflib.get_close_matches(name, PROJECT_KEYS, 1)
            secret = " (gridpay.toml names key files, never keys)" if "secret" in name or "key" in name else ""
            raise ConfigError(f"{path}: unknown setting {name!r}{secret}"
                              f"{f'; did you mean {close[0]!r}?' if close else ''} It may set: "
                              f"{', '.join(PROJECT_KEYS)}")
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{path}: {name} must be a non-empty text in quotes, not {value!r}")
        field = PROJECT_KEYS[name]
        values[field] = value if field == "community" else absolute(path.parent / Path(value).expanduser())
    return values


def settings_from_env(base: Path | None = None, project: Path | None = None) -> Settings:
    """The environment over `project` (a gridpay.toml) over the defaults; path defaults are relative
    to `base`, else to the project file's folder, else to the current folder."""
    given = read_project(project) if project else {}
    root = absolute(base or (project.parent if project else Path.cwd()))

    def pick(name: str, default) -> str | Path:
        return os.environ[ENV[name]] if ENV[name] in os.environ else given.get(name, default)

    db = absolute(pick("db", root / "warehouse" / "gridpay.duckdb"))
    defaults = {
        "inbox": root / "inbox", "out": root / "out", "policy": DEFAULT_POLICY,
        "key_file": default_key_file(), "archive_key_file": default_key_file().with_name("archive.key"),
        "archive": db.parent / "archive", "logs": db.parent / "logs",
        "lock_timeout_s": "300", "cron": "0 6 2 * *", "timezone": DEFAULT_TIMEZONE, "retention_months": "24",
    }
    values = {k: pick(k, v) for k, v in defaults.items()}
    try:
        timeout = float(values.pop("lock_timeout_s"))
        retention = int(values.pop("retention_months"))
    except ValueError as exc:
        raise ConfigError(f"{ENV['lock_timeout_s']} and {ENV['retention_months']} must be numbers") from exc
    return Settings(**{k: absolute(v) if k in PATHS else v for k, v in values.items()}, db=db,
                    lock_timeout_s=timeout, retention_months=retention, community=str(given.get("community", "")),
                    project=project)


def environment_over_project(project: Path) -> list[str]:
    """The GRIDPAY_* locations that set a folder or file other than gridpay.toml's: a variable left
    set in a shell once published a copy's run over the project's month (a field trial), no word."""
    given = read_project(project)
    root = project.parent
    defaults = {"inbox": root / "inbox", "out": root / "out", "db": root / "warehouse" / "gridpay.duckdb",
                "policy": DEFAULT_POLICY}
    # the archive follows the warehouse: trial 142's GRIDPAY_ARCHIVE, left set, stored a month's inputs elsewhere, no word
    defaults["archive"] = given.get("db", defaults["db"]).parent / "archive"
    lines = []
    for name, default in defaults.items():
        if ENV[name] in os.environ and absolute(os.environ[ENV[name]]) != given.get(name, default):
            # gridpay.toml naming no policy runs the shipped one: said so (trial 142's re-check read venv/.../default.toml)
            theirs = (f"{project}'s {given[name]}" if name in given else
                      f"the shipped policy {default} ({project} names none)" if name == "policy" else f"{project}'s {default}")
            lines.append(f"{ENV[name]}={absolute(os.environ[ENV[name]])} sets the {_WHAT[name]}, not {theirs}")
    return lines


_WHAT = {"inbox": "inbox", "out": "out folder", "db": "warehouse", "policy": "policy",
         "archive": "archive of the inputs (an audit needs it)"}


def duckdb_memory_limit() -> str:
    """DuckDB's working-memory cap for the warehouse and the run's stage file; beyond it DuckDB
    spills to disk. A process setting rather than a Settings field: every connection reads it."""
    value = os.environ.get("GRIDPAY_DUCKDB_MEMORY", "2GB").strip()
    if not value[:1].isdigit() or not value.rstrip("BKMGTIib").replace(".", "", 1).isdigit():
        raise ConfigError(f"GRIDPAY_DUCKDB_MEMORY must look like 2GB or 512MB, not {value!r}")
    return value
