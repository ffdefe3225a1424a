"""Phones a survey platform masked in its download (问卷星 and 金数据 can hide the middle digits:
138****5678), read by the digits they show (transforms/privacy.py gives their hashes a prefix)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.privacy import MASKED_PREFIX


@dataclass(frozen=True)
class MaskedPhones:
    rows: int              # answers whose phone the platform masked
    shown_digits: bool     # the policy's survey.masked_phones: read by their shown digits (else as before)
    workers: int = 0       # ... of them showing the digits of exactly one worker's phone: read as that phone

    def line(self) -> str | None:
        """What the run says of them (None: there are none)."""
        if not self.rows:
            return None
        answers = f"{self.rows} answer{'s give' if self.rows != 1 else ' gives'} a phone the platform masked (like " \
                  f"138****5678)"
        if not self.shown_digits:
            return (f"{answers}, each read as a phone of its seven digits: a worker's own rating is not recognised "
                    f"on them (the policy's survey.masked_phones = \"shown_digits\" reads them by the digits shown)")
        workers = (f"{self.workers} show{'s' if self.workers == 1 else ''} the digits of a worker's phone and "
                   f"{'is' if self.workers == 1 else 'are'} read as that worker's")
        if self.workers == self.rows:     # every one recognised: nothing left to download (a trial was told to)
            return f"{answers}: {'it shows' if self.rows == 1 else 'each shows'} the digits of a worker's phone and " \
                   f"{'is' if self.rows == 1 else 'are'} read as that worker's (a self-rating where it rates their grid)"
        others = self.rows - self.workers
        return (f"{answers}: {workers}; the other{'s' if others != 1 else ''} ({others}) as no phone, so a "
                f"self-rating cannot be recognised on {'them' if others != 1 else 'it'}: download the answers with the "
                f"phone numbers shown")


def apply_masked_phones(workdir: Path, shown_digits: bool) -> MaskedPhones:
    """Staged answers whose phone a platform masked (138****5678). Under the policy's
    survey.masked_phones = "shown_digits", one showing the digits of exactly one worker's phone is
    read as that phone (a field trial's worker rated his own grid through a masked phone, counted,
    exit 0), any other as no phone (three homes sharing a mask were one phone to the shared-phone
    flag); otherwise, as before the rule, its seven digits are a phone of their own."""
    with stage_connection(workdir) as con:
        masked = f"respondent_phone_hash like '{MASKED_PREFIX}%'"
        rows = con.execute(f"select count(*) from surveys where {masked}").fetchone()[0]
        if not rows:
            return MaskedPhones(0, shown_digits)
        if not shown_digits:
            con.execute(f"update surveys set respondent_phone_hash = substr(respondent_phone_hash, "
                        f"{len(MASKED_PREFIX) + 1}) where {masked}")
            return MaskedPhones(rows, shown_digits)
        con.execute("create or replace temp table worker_mask as select phone_mask_hash, any_value(phone_hash) as "
                    "phone_hash from read_parquet(?) where phone_mask_hash is not null group by phone_mask_hash "
                    "having count(distinct phone_hash) = 1", [str(workdir / "workers.parquet")])
        workers = con.execute(f"select count(*) from surveys where {masked} and respondent_phone_hash in "
                              "(select phone_mask_hash from worker_mask)").fetchone()[0]
        con.execute("update surveys set respondent_phone_hash = m.phone_hash from worker_mask m "
                    "where surveys.respondent_phone_hash = m.phone_mask_hash")
        con.execute(f"update surveys set respondent_phone_hash = null where {masked}")
        return MaskedPhones(rows, shown_digits, workers)
