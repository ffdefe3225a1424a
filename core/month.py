"""The one owner of month arithmetic: a calendar month as gridpay names it (YYYY-MM)."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Month":
        """'2026-10' -> Month(2026, 10); ValueError naming the text otherwise."""
        match = _MONTH.match(text.strip()) if isinstance(text, str) else None
        if not match:
            raise ValueError(f"'{text}' is not a month in the form YYYY-MM")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> "Month":
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.number:02d}"

    @property
    def days(self) -> int:
        return calendar.monthrange(self.year, self.number)[1]

    @property
    def first_day(self) -> date:
        return date(self.year, self.number, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.number, self.days)

    def bounds(self) -> tuple[datetime, datetime]:
        """First instant and last microsecond of the month (local time)."""
        start = datetime(self.year, self.number, 1)
        return start, datetime.combine(self.last_day, datetime.max.time())

    def plus(self, months: int) -> "Month":
        index = self.year * 12 + self.number - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def previous(self) -> "Month":
        return self.plus(-1)

    @property
    def next(self) -> "Month":
        return self.plus(1)

    def back(self, count: int) -> list["Month"]:
        """The `count` months ending with this one, oldest first: every "months back" of gridpay
        (pooling windows, rate trends, baselines, the reports' history) is counted here."""
        return [self.plus(-i) for i in range(count - 1, -1, -1)]

    def first_of(self, count: int) -> "Month":
        """The oldest of the `count` months ending with this one (count >= 1)."""
        return self.plus(1 - count)


def month_text(text: str) -> str:
    """A checked month string, for argparse and settings."""
    return str(Month.parse(text))


