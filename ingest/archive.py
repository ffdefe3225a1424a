"""Content-addressed archive of every input a run read (the policy file included): an auditor's
re-run reads these bytes, whatever has happened to the inbox since.

Each blob is named by the SHA-256 of the input's plaintext and stored encrypted with AES-256-GCM
(the `cryptography` package's streaming GCM, so a 1 GB month is never held in memory): the raw
files carry residents' phone numbers. A blob is MAGIC, the id of the key that sealed it, a random
96-bit nonce, the ciphertext and GCM's 16-byte tag. Blobs archived before encryption (plaintext)
are still read, and `gridpay doctor --encrypt-archive` seals them. Nothing read from a blob is
used before both GCM's tag and the plaintext's SHA-256 have been checked."""
from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from gridpay.core.errors import ConfigError
from gridpay.core.modes import private_umask
from gridpay.core.secret_key import ArchiveKeyError, ArchiveKeys, key_id_of

MAGIC = b"GRIDPAY-AESGCM\x00\x01"
KEY_ID, NONCE, TAG = 8, 12, 16
CHUNK = 1 << 20


@dataclass(frozen=True)
class InputFile:
    name: str          # path relative to the inbox ("policy.toml" for the policy file)
    sha256: str        # of the plaintext
    bytes: int         # of the plaintext

    def as_dict(self) -> dict:
        return asdict(self)


def file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def blob_path(archive: Path, sha256: str) -> Path:
    return archive / "sha256" / sha256[:2] / sha256


def is_sealed(blob: Path) -> bool:
    with blob.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _sealed(blocks: Iterator[bytes], archive: Path, keys: ArchiveKeys) -> tuple[Path, str, int]:
    """Encrypt `blocks` into a temporary file in the archive; returns it with the plaintext's
    SHA-256 and size (hashing what is encrypted, so a blob's name and bytes cannot disagree)."""
    digest, size = hashlib.sha256(), 0
    key, nonce = keys.current, secrets.token_bytes(NONCE)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    with tempfile.NamedTemporaryFile(dir=archive, delete=False) as tmp:
        try:
            tmp.write(MAGIC + key_id_of(key) + nonce)
            for block in blocks:
                digest.update(block)
                size += len(block)
                tmp.write(encryptor.update(block))
            tmp.write(encryptor.finalize() + encryptor.tag)
            tmp.flush()
            os.fsync(tmp.fileno())
        except BaseException:
            os.unlink(tmp.name)
            raise
    os.chmod(tmp.name, 0o444 & ~private_umask())        # read-only: 0400 (0440 with GRIDPAY_SHARE_GROUP)
    return Path(tmp.name), digest.hexdigest(), size


def archive_file(source: Path, archive: Path, name: str, keys: ArchiveKeys) -> InputFile:
    """Encrypt `source` into the archive under the SHA-256 of its plaintext. An existing sealed
    blob is kept; a plaintext one from before encryption is replaced by its sealed copy."""
    archive.mkdir(parents=True, exist_ok=True)
    with source.open("rb") as src:
        tmp, sha, size = _sealed(iter(lambda: src.read(CHUNK), b""), archive, keys)
    target = blob_path(archive, sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and is_sealed(target):
        tmp.unlink()
    else:
        os.replace(tmp, target)
    return InputFile(name, sha, size)


def _plaintext(blob: Path, keys: ArchiveKeys) -> Iterator[bytes]:
    """The blob's plaintext in chunks; raises ConfigError after the last chunk if GCM's tag fails."""
    with blob.open("rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:             # archived before encryption
            handle.seek(0)
            yield from iter(lambda: handle.read(CHUNK), b"")
            return
        key = keys.by_id(handle.read(KEY_ID))
        nonce = handle.read(NONCE)
        end = handle.seek(-TAG, os.SEEK_END)
        tag = handle.read(TAG)
        handle.seek(len(MAGIC) + KEY_ID + NONCE)
        decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
        remaining = end - handle.tell()
        while remaining > 0:
            block = handle.read(min(CHUNK, remaining))
            if not block:           # cut short while being read: the tag check below refuses it
                break
            remaining -= len(block)
            yield decryptor.update(block)
        try:
            decryptor.finalize()
        except InvalidTag:
            raise ConfigError(f"{blob}: archived copy fails its authentication check; the archive was altered") from None


def _checked(blob: Path, sha256: str, keys: ArchiveKeys, sink) -> None:
    digest = hashlib.sha256()
    for block in _plaintext(blob, keys):
        digest.update(block)
        if sink:
            sink(block)
    if digest.hexdigest() != sha256:
        raise ConfigError(f"{blob}: archived copy does not hash to its name; the archive was altered")


def check_blob(archive: Path, sha256: str, keys: ArchiveKeys) -> None:
    """Raises ConfigError unless the blob is there, opens with a key of `keys` and hashes to its name."""
    blob = blob_path(archive, sha256)
    if not blob.is_file():
        raise ConfigError(f"archived copy {sha256[:12]}… is missing from {archive}")
    _checked(blob, sha256, keys, None)


def blob_bytes(archive: Path, sha256: str, keys: ArchiveKeys) -> bytes:
    """A small blob's checked plaintext (the policy file)."""
    parts: list[bytes] = []
    _checked(blob_path(archive, sha256), sha256, keys, parts.append)
    return b"".join(parts)


def open_blob(archive: Path, sha256: str, keys: ArchiveKeys, folder: Path) -> Path:
    """A readable path to the blob's plaintext: the blob itself if it was archived in clear, else
    a checked decrypted copy in `folder` (private; the caller removes it when read)."""
    blob = blob_path(archive, sha256)
    if not is_sealed(blob):
        return blob
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / sha256
    with target.open("wb") as out:
        try:
            _checked(blob, sha256, keys, out.write)
        except BaseException:
            out.close()
            target.unlink()
            raise
    return target


def archived(entries: list[InputFile], archive: Path, keys: ArchiveKeys) -> list[InputFile]:
    """`entries`, checked: each is a plain path inside the inbox and its blob is in the archive
    with the bytes its name promises (an auditor trusts nothing the auditee could have swapped)."""
    for entry in entries:
        if Path(entry.name).is_absolute() or ".." in Path(entry.name).parts:
            raise ConfigError(f"{entry.name}: not a path inside the inbox")
        try:
            check_blob(archive, entry.sha256, keys)
        except ArchiveKeyError as exc:        # the key's, not the file's (trial 74 read "grids.csv: ...archive.key")
            lost = "" if keys.file.is_file() else "; restore it from your backup (README, step 7; SECURITY.md)"
            raise ArchiveKeyError(f"{exc}{lost}") from None
        except ConfigError as exc:
            raise ConfigError(f"{entry.name}: {exc}") from None
    return entries


def seal_in_place(archive: Path, sha256: str, keys: ArchiveKeys) -> bool:
    """Encrypt one blob under the current key (a plaintext blob, or one sealed with an older key
    before a rotation), decrypting and re-encrypting in one stream: no plaintext is written.
    The old blob is replaced only once its tag and hash have been checked. Returns whether the
    blob was rewritten."""
    blob = blob_path(archive, sha256)
    with blob.open("rb") as handle:
        head = handle.read(len(MAGIC) + KEY_ID)
    if head == MAGIC + key_id_of(keys.current):
        return False
    tmp, sha, _ = _sealed(_plaintext(blob, keys), archive, keys)
    if sha != sha256:
        tmp.unlink()
        raise ConfigError(f"{blob}: archived copy does not hash to its name; the archive was altered")
    os.replace(tmp, blob)
    return True
