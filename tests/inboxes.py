"""The tests' data: a small hand-made inbox whose figures are worked out by hand (tests/cli/
test_hand_check.py), survey rows, and the default policy with keys changed. Plain functions, no
fixtures (those are in conftest.py, which re-exports these names)."""
from __future__ import annotations

import csv
import re
from datetime import datetime
from zoneinfo import ZoneInfo
from pathlib import Path

from gridpay.core.settings import DEFAULT_POLICY

ITEMS = ("sat_environment", "sat_safety", "sat_service", "sat_responsiveness", "sat_overall")
SURVEY_HEADER = ("response_id", "grid_id", "household_id", "respondent_phone", "submitted_at", "channel",
                 "duration_s", *ITEMS, "comment")
WORKER_PHONE = "13800000001"
RESIDENT_PHONE = "13912345678"


def write_csv(path: Path, header, rows, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def survey(rid, grid, household, answers, when="2026-09-10 10:00:00", phone="", channel="wechat",
           duration="120", comment=""):
    """One survey row; `answers` is five items, '' for not applicable."""
    return (rid, grid, household, phone, when, channel, duration, *answers, comment)


# The hand-checked month, 2026-09 (30 days). Expected figures are worked out in test_hand_check.py.
HAND_SURVEYS = [
    survey("R1", "G1", "G1-1-101", ("5", "5", "5", "5", "5"), "2026-09-10 10:00:00", RESIDENT_PHONE),
    survey("R2", "G1", "G1-1-102", ("4", "4", "4", "4", "4"), comment="楼道灯坏了，电话13912345678"),
    survey("R3", "G1", "G1-1-201", ("3", "4", "5", "", "")),
    survey("R4", "G1", "G1-1-101", ("1", "1", "1", "1", "1"), "2026-09-02 08:00:00"),   # older answer of R1's household
    survey("R5", "G2", "G2-1-101", ("2", "2", "2", "2", "2")),
    survey("R6", "G2", "G2-1-102", ("3", "3", "3", "3", "3")),
    survey("R7", "G2", "G2-1-201", ("4", "4", "4", "4", "4")),
    survey("R8", "G2", "G2-1-202", ("4", "4", "7", "4", "4")),                            # 7 is not 1-5
]


def build_inbox(root: Path, surveys=None, name="inbox", encoding="utf-8", adjustments=True,
                assignments=None) -> Path:
    """An inbox folder under `root` with the hand-made reference data and `surveys`
    ({'2026-09.csv': rows}, the hand-checked month by default)."""
    inbox = root / name
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "天桥新村一网格", "天井湖社区", "20"), ("G2", "井湖村二网格", "天井湖社区", "10")])
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("W1", "王伟", WORKER_PHONE, "1000.00"), ("W2", "李娜", "13800000002", "800.00"),
               ("W3", "张喆", "", "600.00"), ("W4", "刘玥", "13800000004", "900.00")])
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date", "end_date", "weight"),
              assignments or [("W1", "G1", "2026-01-01", "", ""),
                              ("W2", "G2", "2026-01-01", "2026-09-15", ""),    # hands over mid-month
                              ("W3", "G2", "2026-09-16", "", ""),
                              ("W4", "G1", "2026-01-01", "", "1"),
                              ("W4", "G2", "2026-01-01", "", "0.5")])
    if adjustments:
        write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
                  [("W1", "2026-09", "50.00", "协助防汛加班", "人事科 陈主任")])
    (inbox / "surveys").mkdir(parents=True, exist_ok=True)
    for file_name, rows in (surveys if surveys is not None else {"2026-09.csv": HAND_SURVEYS}).items():
        write_csv(inbox / "surveys" / file_name, SURVEY_HEADER, rows, encoding)
    return inbox


def policy_text(**overrides) -> str:
    """The default policy with keys changed: min_responses=3, or a section-qualified key given
    as scoring__mode='"vbp"' (double underscore for the dot)."""
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    for key, value in overrides.items():
        section, _, name = key.rpartition("__")
        start = text.index(f"[{section.replace('__', '.')}]\n") if section else 0
        pattern = re.compile(rf"(?m)^{name} = .*$")
        match = pattern.search(text, start)
        assert match, f"policy key {key} not found"
        text = text[:match.start()] + f"{name} = {value}" + text[match.end():]
    return text


def small_inbox(root: Path, surveys: list[tuple]) -> Path:
    """Two grids of 50 households, a worker each, and one month of `surveys` (the property tests' inbox)."""
    inbox = root / "inbox"
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "一网格", "社区", "50"), ("G2", "二网格", "社区", "50")])
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("W1", "王伟", WORKER_PHONE, "1000.00"), ("W2", "李娜", "", "800.00")])
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date"),
              [("W1", "G1", "2026-01-01"), ("W2", "G2", "2026-01-01")])
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, surveys)
    return inbox


APPEAL_HEADER = ("appeal_id", "month", "worker_id", "response_id", "category", "statement", "filed_on", "decision",
                 "decided_by", "decided_on", "decision_note")


def today() -> str:
    """The day in the policy's zone, taken when called (a day taken when the module loaded made an appeal filed
    "today" predate a month published after Beijing's midnight, 16:00 UTC, and tests failed across it)."""
    return datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()     # the window opens with the first publication


def appeal_row(appeal_id, worker, response, decision="支持", category="恶意差评", decided_by="人事科 陈主任", note="经回访核实"):
    """One row of appeals.csv: HR's decision on a worker's appeal against one answer, filed and decided today."""
    return (appeal_id, "2026-09", worker, response, category, "该户与网格员有私人纠纷", today(), decision,
            decided_by if decision not in ("", "待复核") else "", today() if decision not in ("", "待复核") else "",
            note if decision in ("支持", "upheld") else "")
