"""Content-addressed archive of every input a run read (the policy file included): an auditor's
re-run reads these bytes, whatever has happened to the inbox since."""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from gridpay.core.errors import ConfigError
from gridpay.core.modes import private_umask


@dataclass(frozen=True)
class InputFile:
    name: str          # path relative to the inbox ("policy.toml" for the policy file)
    sha256: str
    bytes: int

    def as_dict(self) -> dict:
        return asdict(self)


def file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def blob_path(archive: Path, sha256: str) -> Path:
    return archive / "sha256" / sha256[:2] / sha256


def archive_file(source: Path, archive: Path, name: str) -> InputFile:
    """Copy `source` into the archive under its SHA-256 (hashing what is copied, so the name and
    the bytes cannot disagree); an existing identical blob is kept."""
    archive.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with source.open("rb") as src, tempfile.NamedTemporaryFile(dir=archive, delete=False) as tmp:
        for block in iter(lambda: src.read(1 << 20), b""):
            digest.update(block)
            tmp.write(block)
        tmp.flush()
        os.fsync(tmp.fileno())
    sha = digest.hexdigest()
    target = blob_path(archive, sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        os.unlink(tmp.name)
    else:
        os.replace(tmp.name, target)
        os.chmod(target, 0o444 & ~private_umask())      # read-only: 0400 (0440 with GRIDPAY_SHARE_GROUP)
    return InputFile(name, sha, target.stat().st_size)


def archived(entries: list[InputFile], archive: Path) -> list[InputFile]:
    """`entries`, checked: each is a plain path inside the inbox and its blob is in the archive
    with the bytes its name promises (an auditor trusts nothing the auditee could have swapped)."""
    for entry in entries:
        if Path(entry.name).is_absolute() or ".." in Path(entry.name).parts:
            raise ConfigError(f"{entry.name}: not a path inside the inbox")
        blob = blob_path(archive, entry.sha256)
        if not blob.is_file():
            raise ConfigError(f"{entry.name}: archived copy {entry.sha256[:12]}… is missing from {archive}")
        if file_sha256(blob) != entry.sha256:
            raise ConfigError(f"{entry.name}: archived copy {blob} does not hash to its name; the archive was altered")
    return entries
