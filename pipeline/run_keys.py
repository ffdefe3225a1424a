"""The run's two keys, checked against the warehouse's history before any input is archived.

gridpay makes each key file on first use. On a machine where the key files were not restored (a new
computer, a new HOME), a run of an existing project would make new ones and carry on: a fifty-first
trial's October was hashed with a new phone key, the pooled window no longer recognised a new worker's
own answer from before she was hired, 9 of 11 workers were paid wrong with exit 0, and the month's audit
passed (it re-hashes with the same new key). The new archive key sealed the month's files, so that once the
real key file was restored every run stopped on them. So keys are made only for a warehouse that has
published nothing; after that a missing key file, or a phone key other than the one the last published
month was hashed with, stops the run (exit 2) before anything is archived."""
from __future__ import annotations

import logging
import os

from gridpay.core.errors import ConfigError
from gridpay.pipeline.build_guard import require_newest_build
from gridpay.core.secret_key import ArchiveKeys, key_fingerprint, phone_key, phone_key_source
from gridpay.core.settings import Settings
from gridpay.pipeline.run_notices import headed
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")

BACKUP = "from your backup (README, step 7; SECURITY.md)"


def last_published_key(settings: Settings) -> tuple[str, str] | None:
    """(month, phone-key fingerprint) of the run published last, or None: nothing published, or only
    runs from before fingerprints were recorded."""
    if not settings.db.exists():
        return None
    with connect(settings.db) as con:
        return con.execute("select p.month, r.phone_key_fingerprint from published p join runs r using (run_id) "
                           "where r.phone_key_fingerprint is not null order by p.published_at desc limit 1").fetchone()


def audit_phone_key(settings: Settings) -> bytes:
    """The phone-hash key an audit hashes with; never made (one made now would only differ from the run's)."""
    if not os.environ.get("GRIDPAY_SECRET") and not settings.key_file.is_file():
        raise ConfigError(f"{settings.key_file}: phone-hash key file not found; an audit needs the key the month "
                          f"was hashed with: restore it {BACKUP}")
    return phone_key(settings.key_file, create=False)


def run_keys(settings: Settings, kind: str | None, new_phone_key: bool = False,
             month: str | None = None) -> tuple[bytes, ArchiveKeys]:
    """The phone-hash key and the archive keys a run of `month` uses. An audit never makes either (it compares
    the phone key with the audited run's, pipeline/audit.py); `new_phone_key`: the key was replaced on purpose,
    from a month not yet published on (a re-run of a published month hashes with the key it was published with)."""
    require_newest_build(settings.db, f"gridpay {kind or 'run'} --month {month}")      # trial 134
    if kind == "audit":
        return audit_phone_key(settings), ArchiveKeys(settings.archive_key_file, create=False)
    known = last_published_key(settings)
    if known is not None:
        missing = [f"{path}: {what} not found" for what, path, given in (
            ("phone-hash key file", settings.key_file, bool(os.environ.get("GRIDPAY_SECRET"))),
            ("archive key file", settings.archive_key_file, False)) if not given and not path.is_file()]
        if missing:
            raise ConfigError(f"{'; '.join(missing)}; this warehouse published {known[0]} with keys of its own: "
                              f"restore {'them' if len(missing) > 1 else 'it'} {BACKUP}. gridpay makes new keys only "
                              f"for a warehouse that has published nothing")
    key = phone_key(settings.key_file, create=known is None)
    source = phone_key_source(settings.key_file)
    _same_key_as_published(settings, month, key, source)
    if known is not None and key_fingerprint(key) != known[1]:
        if not new_phone_key:
            raise ConfigError(
                f"{source}: the phone-hash key (fingerprint {key_fingerprint(key)}) is not the one this warehouse's "
                f"{known[0]} was hashed with (fingerprint {known[1]}): a worker's own answers of earlier months "
                f"would no longer be recognised as self-ratings. Restore the key file {BACKUP} (on a new machine, "
                f"under a new HOME), or, if the key was replaced on purpose (SECURITY.md, rotation), run with "
                f"--new-phone-key")
        log.warning("the phone-hash key changed since %s (fingerprint %s, now %s), as --new-phone-key says: earlier "
                    "months' answers in a pooled window are no longer recognised as this month's workers' own",
                    known[0], known[1], key_fingerprint(key), extra=headed("keys"))
    return key, ArchiveKeys(settings.archive_key_file, create=known is None)


def _same_key_as_published(settings: Settings, month: str | None, key: bytes, source: str) -> None:
    """A published month re-run with another phone-hash key would read its answers otherwise (self-ratings,
    households across a pooled window), and `--new-phone-key` is for the months after a rotation: a seventy-
    fourth trial's clerk, handed a wrong key on a new laptop, re-ran September with it, and August could no
    longer be audited with the key the warehouse then held."""
    if month is None or not settings.db.exists():
        return
    with connect(settings.db) as con:
        row = con.execute("select r.run_id, r.phone_key_fingerprint from published p join runs r using (run_id) "
                          "where p.month = ?", [month]).fetchone()
    if row and row[1] and row[1] != key_fingerprint(key):
        raise ConfigError(f"{source}: the phone-hash key (fingerprint {key_fingerprint(key)}) is not the one {month} was "
                          f"published with (fingerprint {row[1]}, run {row[0]}); a re-run of a published month hashes "
                          f"with its own key, whatever --new-phone-key says (that is for the months after a rotation). "
                          f"Restore that key file {BACKUP}, or give the old key kept with the archive "
                          f"(GRIDPAY_KEY_FILE=...)")


def phone_key_checked(settings: Settings, recorded: str | None) -> tuple[bool, str]:
    """The audit's check: is the phone-hash key the re-run hashes with the one the run did? Both sides
    of the re-run are hashed with it, so a replaced key would otherwise pass unseen (SECURITY.md).
    Returns (checked, the line to print); a different key stops the audit (exit 2, no failed audit
    recorded: it is the auditor's key, not the month, trial 62)."""
    source = phone_key_source(settings.key_file)
    if recorded is None:
        return False, (f"the phone-hash key ({source}) cannot be checked: the run was recorded before gridpay kept "
                       f"the key's fingerprint")
    current = key_fingerprint(audit_phone_key(settings))
    if current != recorded:
        raise ConfigError(
            f"{source}: the phone-hash key is not the one the run hashed phone numbers with (fingerprint "
            f"{current}, the run recorded {recorded}); self-ratings and households found by phone cannot be "
            f"reproduced with it, so the month is not audited: audit with the key of the month (SECURITY.md, the "
            f"phone-hash key)")
    return True, f"the phone-hash key ({source}) is the one the run used (fingerprint {current})"
