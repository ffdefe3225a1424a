"""The HR scorecard's correction line (reports/templates/scorecard.html.j2): a re-run within the review window
needs no --reason, and trial 81's scorecard printed 更正原因：。 From output format 12 it says none was given."""
from gridpay.reports.render import _ENV
from gridpay.reports.strings import labels

LINE = next(line for line in (_ENV.loader.get_source(_ENV, "scorecard.html.j2")[0]).splitlines()
            if "scorecard_replaces" in line)
REPLACES = {"date": "2026-12-04", "run_id": "r1", "workers_moved": 1, "pay_moved": "+10.00", "grids_changed": []}


def _line(reason: str, output_format: int) -> str:
    run = {"output_format": output_format, "window": {"published": {"replaces": {**REPLACES, "reason": reason}}}}
    return _ENV.from_string(LINE).render(L=labels("zh"), run=run)


def test_a_correction_without_a_reason_says_none_was_given_from_output_format_12():
    assert "更正原因：未注明（公示期内重新运行，无须注明）。" in _line("", 12)
    assert "更正原因：申诉复核结果。" in _line("申诉复核结果", 12)


def test_a_month_of_output_format_11_prints_its_line_as_published():
    assert "更正原因：。" in _line("", 11)
