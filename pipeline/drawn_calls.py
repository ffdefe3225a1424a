"""Answers a correction drew into the verification sample (verify.csv) that the run it replaced had not, none called
yet: a re-run draws the sample again from the answers it counts, so a call's effect or a fixed door can bring another
answer in. Trial 231's re-run after its calls dropped a called answer and drew answer 11, said only by finalize
("had no call recorded when the month was finalized"), after the 公示 week."""
from __future__ import annotations

import logging
from pathlib import Path

from gridpay.pipeline.run_notices import ABOUT_THE_RUN
from gridpay.publishing.outputs import output_format_of
from gridpay.publishing.review_data import sample_counts
from gridpay.publishing.verification import VERIFY_SQL, verify_params
from gridpay.store.warehouse import connect
from gridpay.transforms.policy import Policy
from gridpay.transforms.privacy import masked_sql

log = logging.getLogger("gridpay")


def newly_drawn(db: Path, month: str, run_id: str, replaced: str, policy: Policy) -> list[str]:
    """The (masked) ids of the run's sample with no call recorded that the replaced run's sample did not hold."""
    if policy.review.sample_share is None:
        return []
    with connect(db) as con:
        _, uncalled = sample_counts(con, run_id, month, policy)
        if not uncalled:
            return []
        before = {i for (i,) in con.execute(f"select {masked_sql('response_id')} from ({VERIFY_SQL})", verify_params(
            replaced, month, policy, output_format_of(con, replaced))).fetchall()}
    return [i for i in uncalled if i not in before]


def say_newly_drawn(db: Path, month: str, run_id: str, replaced: str | None, policy: Policy | None) -> None:
    if replaced is None or policy is None:
        return
    if drawn := newly_drawn(db, month, run_id, replaced, policy):
        shown = ", ".join(drawn[:10]) + (f" and {len(drawn) - 10} more" if len(drawn) > 10 else "")
        log.warning("this run drew %s into %s's verification sample (verify.csv) that the run it replaced (%s) had "
                    "not, with no call recorded: call %s before the month is finalized (gridpay callsheet --month %s "
                    "lists them with their phones)", shown, month, replaced, "it" if len(drawn) == 1 else "them",
                    month, extra=ABOUT_THE_RUN)
