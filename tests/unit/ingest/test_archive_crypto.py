"""The archive encrypted at rest: blobs named by the plaintext's SHA-256, sealed with AES-256-GCM
under a key kept apart from the phone-hash key; plaintext blobs from before encryption still read."""
import os
import secrets

import pytest

from gridpay.core.errors import ConfigError
from gridpay.core.secret_key import ArchiveKeyError, ArchiveKeys
from gridpay.ingest.archive import (archive_file, archived, blob_bytes, blob_path, check_blob, is_sealed, open_blob,
                                    seal_in_place)

CLEAR = "survey_id,phone\nR1,13912345678\n".encode() * 100_000      # 2.5 MB: three 1 MiB chunks


def _keys(tmp_path, *lines: str) -> ArchiveKeys:
    file = tmp_path / "archive.key"
    if lines:
        file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        file.chmod(0o600)
    return ArchiveKeys(file)


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "inbox" / "2026-09.csv"
    path.parent.mkdir()
    path.write_bytes(CLEAR)
    return path


def test_a_blob_is_sealed_named_by_its_plaintext_and_opens_to_it(tmp_path, source):
    keys = _keys(tmp_path)                                    # made on first use, owner-only
    entry = archive_file(source, tmp_path / "archive", "surveys/2026-09.csv", keys)
    blob = blob_path(tmp_path / "archive", entry.sha256)
    assert (tmp_path / "archive.key").stat().st_mode & 0o777 == 0o600
    assert entry.bytes == len(CLEAR) and is_sealed(blob) and b"13912345678" not in blob.read_bytes()
    assert blob.stat().st_mode & 0o777 == 0o400
    assert blob_bytes(tmp_path / "archive", entry.sha256, keys) == CLEAR
    opened = open_blob(tmp_path / "archive", entry.sha256, keys, tmp_path / "work")
    assert opened.read_bytes() == CLEAR and opened.parent == tmp_path / "work"


def test_an_altered_blob_is_refused(tmp_path, source):
    keys = _keys(tmp_path)
    entry = archive_file(source, tmp_path / "archive", "surveys/2026-09.csv", keys)
    blob = blob_path(tmp_path / "archive", entry.sha256)
    data = bytearray(blob.read_bytes())
    data[100] ^= 1
    blob.chmod(0o600)
    blob.write_bytes(bytes(data))
    with pytest.raises(ConfigError, match="fails its authentication check"):
        archived([entry], tmp_path / "archive", keys)
    with pytest.raises(ConfigError):
        open_blob(tmp_path / "archive", entry.sha256, keys, tmp_path / "work")
    assert not list((tmp_path / "work").glob("*"))            # no half-decrypted copy stays


def test_a_missing_wrong_or_open_key_file_names_the_file(tmp_path, source):
    entry = archive_file(source, tmp_path / "archive", "s.csv", _keys(tmp_path))
    other = tmp_path / "other.key"
    with pytest.raises(ArchiveKeyError, match=f"{other}: archive key file .* not found"):
        check_blob(tmp_path / "archive", entry.sha256, ArchiveKeys(other, create=False))
    other.write_text(secrets.token_hex(32) + "\n")
    other.chmod(0o644)
    with pytest.raises(ArchiveKeyError, match="readable by its owner only"):
        check_blob(tmp_path / "archive", entry.sha256, ArchiveKeys(other, create=False))
    other.chmod(0o600)
    with pytest.raises(ArchiveKeyError, match=f"{other}: the archive key file holds no key"):
        check_blob(tmp_path / "archive", entry.sha256, ArchiveKeys(other, create=False))
    other.write_text("not hex\n")
    with pytest.raises(ArchiveKeyError, match="64 hex digits"):
        check_blob(tmp_path / "archive", entry.sha256, ArchiveKeys(other, create=False))


def test_rotation_keeps_old_months_readable_and_reseals_them_under_the_new_key(tmp_path, source):
    old, new = secrets.token_hex(32), secrets.token_hex(32)
    archive = tmp_path / "archive"
    entry = archive_file(source, archive, "s.csv", _keys(tmp_path, old))
    rotated = _keys(tmp_path, new, old)                       # the new key first, the old one kept
    assert blob_bytes(archive, entry.sha256, rotated) == CLEAR
    assert seal_in_place(archive, entry.sha256, rotated) is True
    assert seal_in_place(archive, entry.sha256, rotated) is False   # already under the current key
    assert blob_bytes(archive, entry.sha256, _keys(tmp_path, new)) == CLEAR   # the old key can go now


def test_a_plaintext_blob_from_before_encryption_is_read_then_sealed(tmp_path, source):
    archive, keys = tmp_path / "archive", _keys(tmp_path)
    sealed = archive_file(source, archive, "s.csv", keys)
    blob = blob_path(archive, sealed.sha256)
    blob.chmod(0o600)
    blob.write_bytes(CLEAR)                                   # as the code before encryption wrote it
    blob.chmod(0o400)
    assert not is_sealed(blob)
    assert archived([sealed], archive, ArchiveKeys(tmp_path / "none.key", create=False)) == [sealed]  # no key needed
    assert open_blob(archive, sealed.sha256, keys, tmp_path / "work") == blob
    assert archive_file(source, archive, "s.csv", keys) == sealed and is_sealed(blob)   # a new run seals it
    blob.chmod(0o600)
    blob.write_bytes(CLEAR)
    assert seal_in_place(archive, sealed.sha256, keys) is True and is_sealed(blob)
    assert blob_bytes(archive, sealed.sha256, keys) == CLEAR
    assert not [p for p in archive.rglob("*") if p.is_file() and p != blob]   # no temporary file left


def test_a_plaintext_blob_that_does_not_match_its_name_is_not_sealed(tmp_path, source):
    archive, keys = tmp_path / "archive", _keys(tmp_path)
    entry = archive_file(source, archive, "s.csv", keys)
    blob = blob_path(archive, entry.sha256)
    blob.chmod(0o600)
    blob.write_bytes(CLEAR.replace(b"R1", b"R2"))
    with pytest.raises(ConfigError, match="does not hash to its name"):
        seal_in_place(archive, entry.sha256, keys)
    assert not is_sealed(blob) and len(os.listdir(archive)) == 1    # left as found, for the auditor
