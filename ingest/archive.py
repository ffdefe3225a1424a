"""Content-addressed archive of every input a run read (the policy file included): an auditor's
re-run reads these bytes, whatever has happened to the inbox since."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from gridpay.core.errors import ConfigError


@dataclass(frozen=True)
class InputFile:
    name: str          # path relative to the inbox ("policy" for the policy file)
    sha256: str
    bytes: int


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
        os.chmod(target, 0o444)
    return InputFile(name, sha, target.stat().st_size)


def restore(entries: list[InputFile], archive: Path, folder: Path) -> None:
    """Lay the archived files out under `folder` by their recorded names (hard links when possible)."""
    for entry in entries:
        blob = blob_path(archive, entry.sha256)
        if not blob.is_file():
            raise ConfigError(f"{entry.name}: archived copy {entry.sha256[:12]}… is missing from {archive}")
        target = folder / entry.name
        if Path(entry.name).is_absolute() or ".." in Path(entry.name).parts:
            raise ConfigError(f"{entry.name}: not a path inside the inbox")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)       # a retried step lays the snapshot out again
        try:
            os.link(blob, target)
        except OSError:
            shutil.copyfile(blob, target)
