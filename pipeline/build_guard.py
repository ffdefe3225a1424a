"""An older gridpay on a warehouse a newer one has published in. Builds of one version differ only by a hash, and a
colleague's computer not upgraded ran, rendered, handed out phones and re-published October under the rules before
the newer build's (trial 134: the corrected month's verification sample redrawn, its call sheet the wrong answers'
phones, exit 0; doctor and the audit then said nothing). Each run records the output format it wrote under, so a
build that sees a run of a newer format refuses the warehouse (exit 2) before it reads or writes a month; the
warehouse's schema is guarded the same way (store/warehouse.py, a migration it does not know). Builds before this
one do not have the guard."""
from __future__ import annotations

from pathlib import Path

from gridpay.core.build import code_version
from gridpay.core.errors import ConfigError
from gridpay.store.warehouse import connect


def require_newest_build(db: Path, what: str) -> None:
    """Refuse `what` (a command's words) where the warehouse holds a run of a newer output format than this build's."""
    from gridpay.pipeline.context import OUTPUT_FORMAT        # context imports the pipeline's rooms
    if not db.is_file():
        return
    with connect(db) as con:
        newest = con.execute("select output_format, month, code_version from runs where output_format > ? "
                             "order by output_format desc, started_at desc limit 1", [OUTPUT_FORMAT]).fetchone()
    if newest is not None:
        raise ConfigError(f"{db}: a newer gridpay ({newest[2]}, output format {newest[0]}) has run {newest[1]} in "
                          f"this warehouse; this one ({code_version()}) writes output format {OUTPUT_FORMAT} and "
                          f"would run, render or check months under older rules: {what} refused. Upgrade gridpay on "
                          f"this computer to that build or newer (CHANGELOG.md, upgrading: pip install "
                          f"--force-reinstall --no-deps <its wheel>) and run it again")
