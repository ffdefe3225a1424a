"""An encrypted month as auditors and operators meet it: the audit opens the archive only with the
archive key (exit 2 naming the key file without it), and an archive from before encryption is
audited, sealed by `gridpay doctor --encrypt-archive`, and audited again."""
import secrets

import pytest

from conftest import RESIDENT_PHONE, WORKER_PHONE
from gridpay.core.secret_key import ArchiveKeys
from gridpay.ingest.archive import blob_bytes, is_sealed
from gridpay.pipeline.maintenance import archive_blobs


@pytest.fixture
def month(published_copy):
    return published_copy("none")[0]


def test_the_archive_holds_no_phone_and_the_audit_needs_its_key(month, run_cli, tmp_path, monkeypatch):
    blobs = archive_blobs(tmp_path / "archive")
    assert len(blobs) >= 5 and all(is_sealed(b) for b in blobs)
    assert (tmp_path / "logs").is_dir()
    for path in tmp_path.rglob("*"):                  # archive, warehouse, out/, logs: all but the inbox
        if path.is_file() and not path.is_relative_to(month):
            assert RESIDENT_PHONE.encode() not in path.read_bytes() and WORKER_PHONE.encode() not in path.read_bytes()
    assert run_cli("audit", "--month", "2026-09", inbox=month)[0] == 0

    missing = tmp_path / "elsewhere" / "archive.key"
    monkeypatch.setenv("GRIDPAY_ARCHIVE_KEY_FILE", str(missing))
    code, err = run_cli("audit", "--month", "2026-09", inbox=month)
    assert code == 2 and (f"{missing}: archive key file (GRIDPAY_ARCHIVE_KEY_FILE) not found: it is made once, with "
                          f"a warehouse's first run; restore it from your backup") in err      # trial 110: "not found"
    assert not missing.exists()                                 # an audit never makes a key

    wrong = tmp_path / "wrong.key"
    wrong.write_text(secrets.token_hex(32) + "\n")
    wrong.chmod(0o600)
    monkeypatch.setenv("GRIDPAY_ARCHIVE_KEY_FILE", str(wrong))
    code, err = run_cli("audit", "--month", "2026-09", inbox=month)
    assert code == 2 and f"{wrong}: the archive key file holds no key" in err


def test_an_archive_from_before_encryption_is_audited_sealed_and_audited_again(month, run_cli, tmp_path):
    archive = tmp_path / "archive"
    keys = ArchiveKeys(tmp_path / "config" / "gridpay" / "archive.key", create=False)
    for blob in archive_blobs(archive):                          # as the code before encryption left it
        clear = blob_bytes(archive, blob.name, keys)
        blob.chmod(0o600)
        blob.write_bytes(clear)
        blob.chmod(0o400)
    assert run_cli("audit", "--month", "2026-09", inbox=month)[0] == 0

    code, _ = run_cli("doctor", inbox=month)
    assert code == 1 and "archived in clear (before encryption)" in run_cli.out
    code, _ = run_cli("doctor", "--encrypt-archive", inbox=month)
    assert code == 0 and "sealed 6 archived files" in run_cli.out
    assert all(is_sealed(b) for b in archive_blobs(archive))
    assert run_cli("audit", "--month", "2026-09", inbox=month)[0] == 0


def test_a_machine_without_the_projects_keys_stops_before_it_archives(month, run_cli, tmp_path, monkeypatch):
    """A fifty-first trial moved its project to a new machine without the key files: gridpay made new ones,
    hashed October's phones with the new key and paid 9 of 11 workers wrong, exit 0 (its audit passed)."""
    blobs = set(archive_blobs(tmp_path / "archive"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "new-home"))
    monkeypatch.delenv("GRIDPAY_SECRET")
    code, err = run_cli("run", "--month", "2026-09", inbox=month)
    assert code == 2 and "secret.key: phone-hash key file not found" in err
    assert "archive.key: archive key file not found" in err and "this warehouse published 2026-09" in err
    assert not (tmp_path / "new-home").exists() and set(archive_blobs(tmp_path / "archive")) == blobs
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))       # the archive key restored, not the other
    code, err = run_cli("audit", "--month", "2026-09", inbox=month)      # an audit makes no key either
    assert code == 2 and "phone-hash key file not found; an audit needs the key the month was hashed with" in err
    assert not (tmp_path / "config" / "gridpay" / "secret.key").exists()

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))       # the archive key restored ...
    monkeypatch.setenv("GRIDPAY_SECRET", "another-secret")                 # ... and another phone key
    code, err = run_cli("run", "--month", "2026-10", "--allow-empty-month", inbox=month)
    assert code == 2 and "GRIDPAY_SECRET: the phone-hash key (fingerprint" in err
    assert "is not the one this warehouse's 2026-09 was hashed with" in err and "--new-phone-key" in err
    # --new-phone-key starts the months after a rotation; a published month keeps its key (trial 74's clerk re-ran
    # September with another community's key, and August could no longer be audited)
    code, err = run_cli("run", "--month", "2026-09", "--new-phone-key", inbox=month)
    assert code == 2 and "is not the one 2026-09 was published with (fingerprint" in err
    assert "a re-run of a published month hashes with its own key, whatever --new-phone-key says" in err
    code, err = run_cli("run", "--month", "2026-10", "--allow-empty-month", "--new-phone-key", inbox=month)
    assert code == 0 and "the phone-hash key changed since 2026-09" in err
    # the next month under yet another key: its workers' phones are not compared with hashes of the key before
    # (a sixty-second trial was told every worker's phone had changed)
    monkeypatch.setenv("GRIDPAY_SECRET", "a-third-secret")
    code, err = run_cli("run", "--month", "2026-11", "--allow-empty-month", "--new-phone-key", inbox=month)
    assert code == 0 and "gives another phone" not in err, err
