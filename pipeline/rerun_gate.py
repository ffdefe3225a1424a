"""A re-run of a published month that stops at the gate on today's reference files, which differ from the ones the
month was published with, says so first: trial 288 re-ran November after December's grids.csv (a grid split off) was
in the inbox, and was told to move 16 answers to the new grid by appeals, a grid November never had; the way out,
--reference published, came only from the stop after it (pipeline/reference_drift.py)."""
from __future__ import annotations

from gridpay.pipeline.context import RunContext
from gridpay.pipeline.reference_drift import drift, drift_message


def gate_stop_of_a_re_run(ctx: RunContext, message: str) -> str:
    """The gate's message, after what differs where the run re-reads a published month on changed reference files."""
    if not ctx.published or ctx.request.reference is not None:
        return message
    lines = drift(ctx.published[1], ctx.inputs, ctx.month, ctx.settings.archive, ctx.archive_keys, ctx.workdir)
    if not lines:
        return message
    return f"{drift_message(ctx.month, ctx.published[0], lines)}. On today's files the run stopped at the gate: {message}"
