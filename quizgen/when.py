"""The `when` of a dated fact: a sortable value with a precision.

Accepted forms: `1940-08-20` (day), `1940-08` (month), `1940` (year), `1920s` (decade),
`10th century` (century), a range `1924/1928` (or `1924-1928`), and BCE as `-0044` or `44 BC`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

PRECISIONS = ("day", "month", "year", "decade", "century", "range")

_YMD = re.compile(r"^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_BC = re.compile(r"^(\d{1,4})\s*(?:BC|BCE|B\.C\.)$", re.IGNORECASE)
_DECADE = re.compile(r"^(\d{2,3})0s$")
_CENTURY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)\s+century(?:\s+(BC|BCE))?$", re.IGNORECASE)
_RANGE = re.compile(r"^(.+?)\s*(?:/|(?<=\d)-(?=\d{4}$)|\s+to\s+)\s*(.+)$")


@dataclass(frozen=True, order=True)
class When:
    """start/end are (year, month, day) tuples; `precision` says how much of them is known."""

    start: tuple[int, int, int]
    end: tuple[int, int, int]
    precision: str
    text: str

    @property
    def year(self) -> int:
        return self.start[0]

    def sort_key(self) -> tuple[int, int, int]:
        return self.start


def _single(text: str) -> When | None:
    m = _YMD.match(text)
    if m:
        year = int(m.group(1))
        if m.group(3):
            month, day = int(m.group(2)), int(m.group(3))
            if not 1 <= month <= 12 or not 1 <= day <= _days_in(year, month):
                return None
            return When((year, month, day), (year, month, day), "day", text)
        if m.group(2):
            month = int(m.group(2))
            if not 1 <= month <= 12:
                return None
            return When((year, month, 1), (year, month, _days_in(year, month)), "month", text)
        return When((year, 1, 1), (year, 12, 31), "year", text)
    m = _BC.match(text)
    if m:
        year = -int(m.group(1))
        return When((year, 1, 1), (year, 12, 31), "year", text)
    m = _DECADE.match(text)
    if m:
        year = int(m.group(1)) * 10
        return When((year, 1, 1), (year + 9, 12, 31), "decade", text)
    m = _CENTURY.match(text)
    if m:
        n = int(m.group(1))
        if n < 1:
            return None
        if m.group(2):
            return When((-100 * n, 1, 1), (-100 * (n - 1) - 1, 12, 31), "century", text)
        return When((100 * (n - 1) + 1, 1, 1), (100 * n, 12, 31), "century", text)
    return None


def _days_in(year: int, month: int) -> int:
    # calendar wants a proleptic year >= 1; leap rules are the same 400 years later
    return calendar.monthrange(year if year >= 1 else year + 4000, month)[1]


def parse_when(text: str) -> When | None:
    """Parse a `when` string; None when it is not one of the accepted forms."""
    text = str(text).strip()
    if not text:
        return None
    single = _single(text)
    if single:
        return single
    m = _RANGE.match(text)
    if m:
        a, b = _single(m.group(1).strip()), _single(m.group(2).strip())
        if a and b and a.start <= b.end:
            return When(a.start, b.end, "range", text)
    return None
