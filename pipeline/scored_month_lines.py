"""What the console and the scorecard say of a month once it is scored, before it publishes (or is
stopped by its outcome)."""
from __future__ import annotations

from gridpay.expectations.results import ValidationSummary
from gridpay.pipeline.answers_counted_before import say_answers_counted_before
from gridpay.pipeline.changed_answers import say_changed_answers
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.other_months import say_unrun_months
from gridpay.pipeline.raised_targets import say_changed_targets
from gridpay.pipeline.verdicts import check_outcome, say_replacing
from gridpay.store.warehouse import connect


def said_of_the_scored_month(ctx: RunContext, summary: ValidationSummary, scored, aside: dict, kind: str) -> None:
    """Said in this order: the outcome's doubts (or its stop), months left unrun, answers edited under
    published ids or counted by a month before, and the published run this one would replace."""
    check_outcome(ctx, summary, scored)
    say_unrun_months(ctx, aside)
    say_changed_targets(ctx)        # a raise typed in for a later month (trial 264)
    say_changed_answers(ctx)        # a published month's answers edited under their ids
    say_answers_counted_before(ctx)  # ... or counted again by this month (修改答卷)
    with connect(ctx.settings.db) as con:    # said where the month would publish: a stopped run replaces nothing
        say_replacing(con, ctx.month, kind)  # (trial 68 read "it replaces that run" above a policy's stop)
