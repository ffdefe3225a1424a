"""All locations in one place: command-line arguments override environment variables, which
override the defaults below. A scheduled run sets the environment once and passes nothing."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POLICY = PROJECT_ROOT / "policies" / "default.toml"

ENV = {
    "inbox": "GRIDPAY_INBOX",
    "out": "GRIDPAY_OUT",
    "db": "GRIDPAY_DB",
    "policy": "GRIDPAY_POLICY",
    "key_file": "GRIDPAY_KEY_FILE",
}


@dataclass(frozen=True)
class Settings:
    inbox: Path
    out: Path
    db: Path
    policy: Path
    key_file: Path

    def with_overrides(self, **values: str | Path | None) -> "Settings":
        given = {k: Path(v) for k, v in values.items() if v is not None}
        return replace(self, **given)


def default_key_file() -> Path:
    config_home = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return config_home / "gridpay" / "secret.key"


def settings_from_env(base: Path | None = None) -> Settings:
    """Defaults are relative to `base` (the current folder unless given)."""
    root = base or Path.cwd()
    defaults = {
        "inbox": root / "inbox",
        "out": root / "out",
        "db": root / "warehouse" / "gridpay.duckdb",
        "policy": DEFAULT_POLICY,
        "key_file": default_key_file(),
    }
    return Settings(**{k: Path(os.environ.get(ENV[k], str(v))) for k, v in defaults.items()})
