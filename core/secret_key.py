"""The two keys gridpay keeps, each in a file of its own created on first use (0600) and refused
when others can read it: the HMAC key for phone numbers (GRIDPAY_SECRET or GRIDPAY_KEY_FILE) and
the archive key (GRIDPAY_ARCHIVE_KEY_FILE). They are kept apart so that an auditor who must open
the archive need not be able to hash phone numbers, and the other way round."""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from gridpay.core.errors import ConfigError


class ArchiveKeyError(ConfigError):
    """The archive key file is missing, unreadable, or lacks the key a blob was sealed with (exit 2)."""


def phone_key(key_file: Path, create: bool = True) -> bytes:
    """GRIDPAY_SECRET, else the key file's key; `create`: make the file on first use (a run does; a
    Dask worker never does, flows/partitions.py: a key of its own would hash phones differently)."""
    secret = os.environ.get("GRIDPAY_SECRET")
    if secret:
        return secret.encode("utf-8")
    return key_lines(key_file, create=create)[0].encode("utf-8")


def phone_key_source(key_file: Path) -> str:
    """Where phone_key() takes the key from, for a message: the variable or the file."""
    return "GRIDPAY_SECRET" if os.environ.get("GRIDPAY_SECRET") else str(key_file)


def key_fingerprint(key: bytes) -> str:
    """Tells keys apart without revealing one: the first 16 hex digits of the SHA-256 of an HMAC
    under the key. Recorded with each run, so that an audit can say the key it has is another."""
    return hashlib.sha256(hmac.new(key, b"gridpay-key-fingerprint", hashlib.sha256).digest()).hexdigest()[:16]


def key_lines(key_file: Path, create: bool, what: str = "key file") -> list[str]:
    """The non-comment lines of an owner-only key file; a new one holds one random 256-bit key."""
    if create and not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it a moment ago: use theirs
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32) + "\n")
    if not key_file.is_file():
        raise ConfigError(f"{key_file}: {what} not found")
    mode = key_file.stat().st_mode & 0o777
    if mode & 0o077:
        raise ConfigError(f"{key_file}: {what} must be readable by its owner only (chmod 600), is {mode:o}")
    lines = [ln.strip() for ln in key_file.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if not lines:
        raise ConfigError(f"{key_file}: {what} is empty")
    return lines


@dataclass
class ArchiveKeys:
    """AES-256 keys for the archive, read from their file when first needed (an audit of a
    plaintext archive needs none). The first key encrypts; every key decrypts, so that months
    archived before a rotation stay readable (docs: SECURITY.md, key rotation)."""
    file: Path
    create: bool = True                  # a run makes the file on first use; an audit never does
    _keys: list[bytes] | None = field(default=None, repr=False)

    def _load(self) -> list[bytes]:
        if self._keys is None:
            what = "archive key file (GRIDPAY_ARCHIVE_KEY_FILE)"
            keys = []
            try:
                lines = key_lines(self.file, self.create, what)
            except ConfigError as exc:      # one not made here was made before: restored, never made again
                restore = ("" if self.create or self.file.exists() else ": it is made once, with a warehouse's first "
                           "run; restore it from your backup (README, step 7; SECURITY.md)")
                raise ArchiveKeyError(str(exc) + restore) from None
            for line in lines:
                try:
                    key = bytes.fromhex(line)
                except ValueError:
                    key = b""
                if len(key) != 32:
                    raise ArchiveKeyError(f"{self.file}: each line of the {what} must be 64 hex digits (an AES-256 key)")
                keys.append(key)
            self._keys = keys
        return self._keys

    @property
    def current(self) -> bytes:
        return self._load()[0]

    def by_id(self, key_id: bytes) -> bytes:
        for key in self._load():
            if key_id_of(key) == key_id:
                return key
        raise ArchiveKeyError(f"{self.file}: the archive key file holds no key {key_id.hex()} that this archived "
                          f"file was encrypted with (a wrong key file, or an old key removed after a rotation): restore this "
                              f"warehouse's archive key file from your backup (README, step 7; SECURITY.md)")


def key_id_of(key: bytes) -> bytes:
    """Names a key inside each blob without revealing it: which key of the file opens the blob."""
    return hashlib.sha256(b"gridpay archive key id" + key).digest()[:8]
