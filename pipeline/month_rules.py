"""A published month re-run with `--reference inbox` takes today's reference files and today's policy. Where today's
policy is of another version, the month is paid under other rules than its own: a hundred-and-fifty-first trial's
clerk, applying an upheld appeal to October after writing November's new rules (a new version), took the drift
stop's `--reference inbox`, and October was re-paid under November's rules and November's raised target (W01 2309.20
for 2196.80), exit 0, its correction line saying only "policy.toml changed"; a colleague's copy re-published November
under the shipped rules September and October were paid under. So where today's version is one another month was
published under (a later month's new rules, an earlier month's old ones), the run stops, and the policy is taken
only where the run names it (`--reference published --take policy`); another version no month was published under
is taken, said on the console and the scorecard."""
from __future__ import annotations

import logging

from gridpay.pipeline.context import RunContext
from gridpay.pipeline.policy_versions import archived_policy, published_policies
from gridpay.pipeline.reference_drift import drift, take_names
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.steps import POLICY_NAME

log = logging.getLogger("gridpay")


def other_rules_message(ctx: RunContext, published: tuple[str, tuple] | None) -> str | None:
    """The stop's message where `--reference inbox` would re-pay a published month under the policy version other
    months were published under; with another new version, said instead. None: same version, not such a run."""
    if not published or ctx.request.reference != "inbox":
        return None
    entry = next((e for e in published[1] if e.name == POLICY_NAME), None)
    was = archived_policy(ctx.settings.archive, entry.sha256, ctx.archive_keys) if entry else None
    now, month = ctx.policy.version, ctx.month
    if was is None or was.version == now:
        return None
    others = sorted({m for m, _, _ in published_policies(ctx.settings.db, now)} - {month})
    if not others:
        log.warning("%s is re-paid under policy %s, not %s it was published under (run %s): --reference inbox takes "
                    "today's policy too", month, now, was.version, published[0], extra=headed("policy"))
        return None
    files = {k: v for k, v in drift(published[1], ctx.inputs, month, ctx.settings.archive, ctx.archive_keys,
                                    ctx.workdir).items() if k != POLICY_NAME}
    # what differs, not only the files: a bare '(--take workers)' read as an instruction, and the re-check's October
    # was paid on November's raised target
    takes = (f" (today's files differ too: {' | '.join(files.values())}; add --take and the file only where its change "
             f"is {month}'s too: {take_names(files)})" if files else "")
    return (f"{month} was published (run {published[0]}) under policy {was.version}, and the inbox's policy is {now}, "
            f"the rules {', '.join(others)} {'was' if len(others) == 1 else 'were'} published under: --reference inbox "
            f"would re-pay {month} under another month's rules; nothing published. To re-run it under its own rules, "
            f"use --reference published{takes}; to re-pay it under {now} (its rules corrected too), add --take policy "
            f"as well")
