"""The HMAC key for phone numbers: GRIDPAY_SECRET, or a key file created on first use (0600)."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from gridpay.core.errors import ConfigError


def phone_key(key_file: Path) -> bytes:
    secret = os.environ.get("GRIDPAY_SECRET")
    if secret:
        return secret.encode("utf-8")
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it a moment ago: use theirs
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32) + "\n")
    mode = key_file.stat().st_mode & 0o777
    if mode & 0o077:
        raise ConfigError(f"{key_file}: key file must be readable by its owner only (chmod 600), is {mode:o}")
    key = key_file.read_text(encoding="utf-8").strip()
    if not key:
        raise ConfigError(f"{key_file}: key file is empty")
    return key.encode("utf-8")
