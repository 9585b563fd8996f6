"""Dates in the forms history text uses -> a sortable `when` in the bank's formats.

"On August 20, 1940" -> 1940-08-20, "in January 1924" -> 1924-01, "1924-1928" / "1923-25" -> 1924/1928,
"in late 1927" -> 1927, "the 10th century" -> 10th century, "880s" -> 880s, "this day in 1928" -> 1928,
"November 7" (no year) -> needs a year from its context, "44 BC" -> 44 BC.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import compress
from typing import Final

from .lexicon import MONTHS, ORDINALS
from .wordtrie import alternation

_MONTH: Final = (
    r"(?P<{n}>(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY: Final = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR: Final = r"(?P<{n}>1\d{{3}}|20\d{{2}}|[1-9]\d{{2}}(?=\s*(?:AD|A\.D\.|CE|BC|BCE|B\.C\.)\b))"
# after a day and a month, three digits are a year too: "25 December 800"
_FULL_YEAR: Final = r"(?P<{n}>1\d{{3}}|20\d{{2}}|[1-9]\d{{2}})(?!\d)"
_ERA: Final = r"(?:\s*(?P<era>BC|BCE|B\.C\.|AD|A\.D\.|CE))?"
_QUAL: Final = (
    r"(?:(?P<qual>early|mid|middle|late|the end of|the beginning of|the start of|the summer of|"
    r"the spring of|the autumn of|the fall of|the winter of|summer|spring|autumn|fall|winter|around|"
    r"about|circa|c\.|ca\.)[\s-]+(?:of\s+)?)?"
)
_WEEKDAY: Final = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"


_PATTERNS: Final[list[tuple[str, re.Pattern[str]]]] = [
    ("iso", re.compile(r"\b(?P<y>1\d{3}|20\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    (
        "mdy",
        re.compile(
            _WEEKDAY
            + _MONTH.format(n="m")
            + r"\s+"
            + _DAY.format(n="d")
            + r",?\s+"
            + _FULL_YEAR.format(n="y")
            + _ERA
            + r"\b"
        ),
    ),
    (
        "dmy",
        re.compile(
            _WEEKDAY
            + r"(?:the\s+)?"
            + _DAY.format(n="d")
            + r"(?:\s+of)?\s+"
            + _MONTH.format(n="m")
            + r",?\s+"
            + _FULL_YEAR.format(n="y")
            + _ERA
            + r"\b"
        ),
    ),
    (
        "range_md",
        re.compile(
            _MONTH.format(n="m")
            + r"\s+"
            + _DAY.format(n="d")
            + r"\s*[-–]\s*"
            + _DAY.format(n="d2")
            + r",?\s+"
            + _YEAR.format(n="y")
            + r"\b"
        ),
    ),
    (
        "month_range",
        re.compile(
            r"(?:between\s+|from\s+)?"
            + _MONTH.format(n="m")
            + r"\s+"
            + _YEAR.format(n="y")
            + r"\s*(?:[-–]|to|and|until)\s*"
            + _MONTH.format(n="m2")
            + r"\s+"
            + _YEAR.format(n="y2")
            + r"\b"
        ),
    ),
    ("my", re.compile(_QUAL + _MONTH.format(n="m") + r",?\s+(?:of\s+)?" + _YEAR.format(n="y") + _ERA + r"\b")),
    ("md", re.compile(_WEEKDAY + _MONTH.format(n="m") + r"\s+" + _DAY.format(n="d") + r"\b(?!\s*[-–,]?\s*\d)")),
    (
        "dm",
        re.compile(r"\b(?:the\s+)?" + _DAY.format(n="d") + r"(?:\s+of)?\s+" + _MONTH.format(n="m") + r"\b(?!,?\s+\d)"),
    ),
    (
        "century",
        re.compile(
            r"\b(?:the\s+)?"
            + _QUAL
            + r"(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]+century"
            + r"(?:\s+(?P<era>BC|BCE|B\.C\.|AD|CE))?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "century_word",
        re.compile(
            r"\b(?:the\s+)?"
            + _QUAL
            + r"(?P<cw>"
            + "|".join(sorted(ORDINALS, key=len, reverse=True))
            + r")[\s-]+century(?:\s+(?P<era>BC|BCE|B\.C\.|AD|CE))?\b",
            re.IGNORECASE,
        ),
    ),
    ("year_range", re.compile(r"\bbetween\s+" + _YEAR.format(n="y") + r"\s+and\s+(?P<y2>1\d{3}|20\d{2})\b")),
    (
        "year_range",
        re.compile(
            r"\b(?:from\s+)?"
            + _QUAL
            + _YEAR.format(n="y")
            + r"\s*(?:[-–/]|\s+to\s+|\s+until\s+)\s*(?P<y2>1\d{3}|20\d{2}|\d{2})"
            r"(?![\d,.]\d)\b"
        ),
    ),
    ("decade", re.compile(r"\b(?:the\s+)?" + _QUAL + r"(?P<dec>1\d{2}0|20[0-2]0|[1-9]\d0)['’]?s\b")),
    ("year", re.compile(r"\b" + _QUAL + _YEAR.format(n="y") + _ERA + r"\b(?![-–,.]\d)")),
    ("era_year", re.compile(r"\b(?P<era>AD|A\.D\.)\s+(?P<y>\d{1,4})\b")),
    ("era_year", re.compile(r"\b(?P<y>\d{1,4})\s+(?P<era>AD|A\.D\.|CE)\b")),
    ("bc_year", re.compile(r"\b(?P<y>\d{1,4})\s*(?P<era>BC|BCE|B\.C\.)")),
]

# A four-digit number followed by one of these is a count, not a year: "1500 men", "2000 km".
_COUNT_NOUN: Final = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:men|people|soldiers|troops|years|miles|km|kilometres|kilometers|"
    r"metres|meters|feet|pounds|dollars|ships|tons|tonnes|acres|hectares|copies|votes|"
    r"members|workers|residents|deaths|casualties|prisoners|square|hours|days|units)\b"
)


@dataclass(unsafe_hash=True)  # (hashable as a frozen one, by its fields; nothing changes one once made)
class DateMatch:
    start: int
    end: int
    text: str  # the answer as written ("August 20, 1940", "late 1927", "1923-25")
    when: str | None  # bank form; None when a year must come from the context ("November 7")
    precision: str  # day | month | year | decade | century | range
    month: int = 0
    day: int = 0
    vague: bool = False  # "around 1900", "early 1920s": lower confidence

    # (written out: compiled by mypyc, this __init__ is native code; the one @dataclass writes is not)
    def __init__(self, start: int, end: int, text: str, when: str | None, precision: str, month: int = 0,
                 day: int = 0, vague: bool = False) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.when = when
        self.precision = precision
        self.month = month
        self.day = day
        self.vague = vague

    @property
    def year_text(self) -> str:
        return self.when.split("-")[0] if self.when and self.precision in ("day", "month", "year") else ""


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _era_year(y: int, era: str | None) -> str:
    if era and era.upper().startswith("B"):
        return f"{y} BC"
    return str(y) if y >= 1000 else f"{y:04d}"


def _real_day(y: int, mo: int, d: int) -> bool:
    """A day that exists (the when must parse); years before 1 are left to the era rules."""
    if not 1 <= mo <= 12 or d < 1:
        return False
    return d <= calendar.monthrange(y if 1 <= y <= 9999 else 2000, mo)[1]


_LEADING_WORD: Final = re.compile(r"^(?:between|from|the)\s+", re.IGNORECASE)
_LEADING_THE: Final = re.compile(r"^the\s+", re.IGNORECASE)
_DECIMAL_AFTER: Final = re.compile(r"[,.]\d")


def _build(kind: str, m: re.Match[str], text: str) -> DateMatch | None:
    g = m.groupdict()
    qual = (g.get("qual") or "").lower()
    vague = qual in ("around", "about", "circa", "c.", "ca.")
    era = g.get("era")
    s, e = m.start(), m.end()
    answer = text[s:e].strip()
    # "between 1924 and 1928" -> answer "1924 and 1928" reads badly: keep the range only (the words start
    # with these letters, in any case: no other character matches them under IGNORECASE)
    if answer[:1] in "bBfFtT":
        answer = _LEADING_WORD.sub("", answer)
    if kind in ("year", "era_year", "bc_year"):  # (the commonest kinds first)
        y = int(g["y"])
        if kind == "year" and not era and _COUNT_NOUN.match(text, e):
            return None
        if y == 0 or (kind == "era_year" and y < 1):
            return None
        return DateMatch(s, e, answer, _era_year(y, era), "year", vague=vague)
    if kind == "iso":
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        if not _real_day(y, mo, d):
            return None
        return DateMatch(s, e, answer, f"{y}-{mo:02d}-{d:02d}", "day", mo, d)
    if kind in ("mdy", "dmy"):
        y, mo, d = int(g["y"]), _month(g["m"]), int(g["d"])
        if not _real_day(y, mo, d):  # "September 31, 1940": a typo, not a date to ask about
            return None
        if era and era.upper().startswith("B"):
            return DateMatch(s, e, answer, f"{y} BC", "year", mo, d)
        return DateMatch(s, e, answer, f"{y:04d}-{mo:02d}-{d:02d}", "day", mo, d)
    if kind == "range_md":
        y, mo = int(g["y"]), _month(g["m"])
        d1, d2 = int(g["d"]), int(g["d2"])
        if not (1 <= d1 < d2 and _real_day(y, mo, d2)):
            return None
        return DateMatch(s, e, answer, f"{y}-{mo:02d}-{d1:02d}/{y}-{mo:02d}-{d2:02d}", "range", mo, d1)
    if kind == "month_range":
        y1, y2 = int(g["y"]), int(g["y2"])
        m1, m2 = _month(g["m"]), _month(g["m2"])
        if (y1, m1) >= (y2, m2):
            return None
        return DateMatch(s, e, answer, f"{y1}-{m1:02d}/{y2}-{m2:02d}", "range")
    if kind == "my":
        y, mo = int(g["y"]), _month(g["m"])
        if era and era.upper().startswith("B"):
            return DateMatch(s, e, answer, f"{y} BC", "year", mo)
        return DateMatch(s, e, answer, f"{y:04d}-{mo:02d}", "month", mo, vague=vague)
    if kind in ("md", "dm"):
        mo, d = _month(g["m"]), int(g["d"])
        if not _real_day(2000, mo, d):  # a leap year: "February 29" may get its year later
            return None
        return DateMatch(s, e, answer, None, "day", mo, d)
    if kind in ("century", "century_word"):
        n = int(g["c"]) if g.get("c") else ORDINALS[g["cw"].lower()]
        if not 1 <= n <= 21:
            return None
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        bc = " BC" if era and era.upper().startswith("B") else ""
        return DateMatch(
            s,
            e,
            _LEADING_THE.sub("", answer),
            f"{n}{suffix} century{bc}",
            "century",
            vague=bool(qual),
        )
    if kind == "year_range":
        y1 = int(g["y"])
        y2s = g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if not y1 < y2 <= y1 + 200:
            return None
        s = m.start("y")  # "between 1789 and 1799": the gap is the years, the answer "1789-1799"
        answer = text[s:e].strip()
        if " and " in answer:
            answer = f"{y1}-{y2s}"
        return DateMatch(s, e, answer, f"{y1}/{y2}", "range", vague=vague)
    if kind == "decade":
        dec = int(g["dec"])
        return DateMatch(
            s, e, _LEADING_THE.sub("", answer), f"{dec}s", "decade", vague=bool(qual)
        )
    return None


# Cheap tests first. Each pattern needs some of these hints (d: a digit, y: three digits in a row, m: a month,
# c: "century", e: an era; n: a month then a number, o: a number then a month, the gates of the month patterns,
# searched once for all of them); most sentences have no date and skip most patterns, and small numbers
# ("20 men") skip every year pattern. The hint regexes begin with a character (class), so the engine jumps to
# candidates; in ASCII text a digit is [0-9], which the engine tests faster than \d.
_HINT_DIGIT: Final = re.compile(r"\d")
_HINT_YEAR: Final = re.compile(r"\d\d\d")
_HINT_DIGIT_ASCII: Final = re.compile(r"[0-9]")
_HINT_YEAR_ASCII: Final = re.compile(r"[0-9][0-9][0-9]")
# a month's first three letters at the start of a word (the boundary is checked behind them)
_HINT_MONTH: Final = re.compile(r"(?:J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec)(?<=\b...)")
_HINT_CENTURY: Final = re.compile(r"[cC][eE][nN][tT][uU][rR][yY]")  # "century" in any case ("CENTURY" too)
# every month pattern needs a whole month name ("Marx" is not "Mar"): a sentence without one skips them all
_MONTH_WORD: Final = re.compile(
    alternation(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
                 "Nov", "Dec"]) + r"(?!\w)"
)
_NEEDS: Final = {"iso": "y", "mdy": "myn", "dmy": "myo", "range_md": "myn", "month_range": "myn", "my": "myn",
          "md": "dmn", "dm": "dmo", "century": "dc", "century_word": "c", "year_range": "y", "decade": "y",
          "year": "y", "era_year": "de", "bc_year": "de"}


def _hints(text: str, ascii_text: bool) -> str:
    # the first digit, then three in a row from there on (a sentence without a digit is scanned once)
    digit = (_HINT_DIGIT_ASCII if ascii_text else _HINT_DIGIT).search(text)
    year = digit is not None and (_HINT_YEAR_ASCII if ascii_text else _HINT_YEAR).search(text, digit.start())
    return _hints_from(text, ascii_text, digit is not None, bool(year), _HINT_CENTURY.search(text) is not None)


def _hints_from(text: str, ascii_text: bool, digit: bool, year: bool, century: bool) -> str:
    """The hints of a text, told whether it has a digit, three digits in a row, and "century" in any case."""
    hints = ""
    if digit:
        hints = "dy" if year else "d"
    # without a digit only "century" matters: every pattern but century_word needs a digit
    if hints:
        if "AD" in text or "CE" in text or "BC" in text or "A.D." in text or "B.C." in text:  # an era's words
            hints += "e"
        if _HINT_MONTH.search(text) and _MONTH_WORD.search(text):
            hints += "m"
            month_number, number_month = _MONTH_GATES[ascii_text]
            if month_number(text):
                hints += "n"
            if number_month(text):
                hints += "o"
    if century:
        hints += "c"
    return hints


# ASCII bytes -> "0" for a digit, a space for any other
_DIGIT_SHAPES: Final = bytes(48 if 48 <= c <= 57 else 32 for c in range(256))


def find_dates_each(texts: list[str]) -> list[list[DateMatch]]:
    """find_dates of each text. The ASCII texts' first hints (a digit, three in a row, "century") are read
    from one translation and one lower-casing of all of them together, each text's part searched with
    str.find: much cheaper than three regex searches per text."""
    ascii_texts = list(map(str.isascii, texts))
    joined = "".join(compress(texts, ascii_texts))
    shapes = joined.encode().translate(_DIGIT_SHAPES)  # (ASCII: one byte per character)
    low = joined.lower()
    out: list[list[DateMatch]] = []
    start = 0  # where the next ASCII text starts in `joined`
    for text, ascii_text in zip(texts, ascii_texts, strict=True):
        if ascii_text:
            end = start + len(text)
            digit = shapes.find(b"0", start, end)
            # (in ASCII, [0-9]{3} is "000" among the shapes, and "century" in any case is it lower-cased)
            hints = _hints_from(text, True, digit >= 0, digit >= 0 and shapes.find(b"000", digit, end) >= 0,
                                low.find("century", start, end) >= 0)
            start = end
        else:
            hints = _hints(text, False)
        out.append(_find_dates(text, ascii_text, hints) if hints else [])
    return out


# Gates: a cheap search that every match of a pattern implies; a sentence that fails it skips the pattern.
_MONTH_THREE: Final = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_ISO_GATE: Final = r"\d-\d\d-\d\d"
_MONTH_NUMBER_GATE: Final = _MONTH_THREE + r"[a-z]*\.?,?\s+(?:of\s+)?\d"  # "June 5", "May, 1924"
_NUMBER_MONTH_GATE: Final = r"\d(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH_THREE  # "5 June", "5th of June"
_MONTH_RANGE_GATE: Final = r"\d\s*(?:[-–]|to|and|until)\s*" + _MONTH_THREE  # "1924 to June"
_YEAR_RANGE_GATE: Final = r"\d\d\d\s*(?:[-–/]|\s+to\s+|\s+until\s+)\s*\d\d"  # "1924-28", "1924 to 1928"
# (the hints n and o: ASCII text -> the month-number and number-month gates)
_MONTH_GATES: Final = {
    False: (re.compile(_MONTH_NUMBER_GATE).search, re.compile(_NUMBER_MONTH_GATE).search),
    True: (re.compile(_MONTH_NUMBER_GATE.replace(r"\d", "[0-9]")).search,
           re.compile(_NUMBER_MONTH_GATE.replace(r"\d", "[0-9]")).search),
}


def _has_decade(text: str) -> bool:
    return "0s" in text or "0'" in text or "0’" in text  # "1920s", "1920's"


def _has_between(text: str) -> bool:
    return "between" in text


Gate = Callable[[str], object]


def _gates(*sources: str | Gate) -> tuple[tuple[Gate, ...], tuple[Gate, ...]]:
    r"""Gates for any text, and the same for ASCII text (where \d is [0-9])."""
    return (
        tuple(re.compile(g).search if isinstance(g, str) else g for g in sources),
        tuple(re.compile(g.replace(r"\d", "[0-9]")).search if isinstance(g, str) else g for g in sources),
    )


# Lean forms: a pattern without its optional leading words (qualifier, weekday) finds the same matches in a
# sentence where none of those words occurs, and starting with a month or a digit it scans much faster.
# (A qualifier counts only with the space or hyphen _QUAL needs after it: "later", "Middle Ages" or "nearly"
# leave the lean form in use; each qualifier with that space contains one of these.)
_QUALIFIER: Final = re.compile(
    r"(?:early|mid|middle|late|end of|beginning of|start of|summer|spring|autumn|fall|winter|around|about|circa|"
    r"c\.|ca\.)[\s-]"
).search
_WEEKDAY_NAME: Final = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day").search  # ("today", "days": no weekday)
# _YEAR with the word boundary checked behind its first digit, so that the pattern starts with a digit
_YEAR_LEAN: Final = (
    r"(?P<y>[1-9](?<=\b[1-9])(?:(?<=1)\d{3}|(?<=2)0\d{2}|\d{2}(?=\s*(?:AD|A\.D\.|CE|BC|BCE|B\.C\.)\b)))"
)
_LEAN: Final = {
    "mdy": re.compile(
        _MONTH.format(n="m") + r"\s+" + _DAY.format(n="d") + r",?\s+" + _FULL_YEAR.format(n="y") + _ERA + r"\b"
    ),
    "my": re.compile(_MONTH.format(n="m") + r",?\s+(?:of\s+)?" + _YEAR.format(n="y") + _ERA + r"\b"),
    "md": re.compile(_MONTH.format(n="m") + r"\s+" + _DAY.format(n="d") + r"\b(?!\s*[-–,]?\s*\d)"),
    "year": re.compile(_YEAR_LEAN + _ERA + r"\b(?![-–,.]\d)"),
}
_LEAN_UNLESS: Final = {"mdy": _WEEKDAY_NAME, "md": _WEEKDAY_NAME, "my": _QUALIFIER, "year": _QUALIFIER}


@dataclass(frozen=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    gates: tuple[Gate, ...] = ()  # each must pass (a match implies every one)
    ascii_gates: tuple[Gate, ...] = ()  # the same, for ASCII text
    lean: re.Pattern[str] | None = None  # used when `lean_unless` finds nothing in the sentence
    lean_unless: Gate | None = None


_GATES: Final[dict[int, tuple[tuple[Gate, ...], tuple[Gate, ...]]]] = {
    0: _gates(_ISO_GATE),  # iso
    # (mdy, dmy, range_md, my, md, dm: their gates are the hints n and o)
    4: _gates(_MONTH_RANGE_GATE),  # month_range
    10: _gates(_has_between),  # year_range: between 1924 and 1928
    11: _gates(_YEAR_RANGE_GATE),  # year_range: 1924-1928
    12: _gates(_has_decade),  # decade
}
_RULES: Final = [
    _Rule(kind, pattern, *_GATES.get(i, ((), ())), _LEAN.get(kind), _LEAN_UNLESS.get(kind))
    for i, (kind, pattern) in enumerate(_PATTERNS)
]


@cache
def _rules_for(hints: str) -> list[_Rule]:
    return [rule for rule in _RULES if all(h in hints for h in _NEEDS[rule.kind])]


def find_dates(text: str) -> list[DateMatch]:
    """Every date in `text`, longest first where forms overlap, in order of position."""
    ascii_text = text.isascii()
    hints = _hints(text, ascii_text)
    if not hints:
        return []
    return _find_dates(text, ascii_text, hints)


def _find_dates(text: str, ascii_text: bool, hints: str) -> list[DateMatch]:
    """find_dates, the text's hints known (not empty)."""
    taken: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    lean_ok: dict[Gate, bool] = {}  # per lean_unless: it finds nothing
    for rule in _rules_for(hints):
        gates = rule.ascii_gates if ascii_text else rule.gates
        if gates and not _passes(text, gates):
            continue  # no match possible
        pattern = rule.pattern
        unless = rule.lean_unless
        if rule.lean is not None and unless is not None:
            ok = lean_ok.get(unless)
            if ok is None:
                ok = lean_ok[unless] = not unless(text)
            if ok:
                pattern = rule.lean
        for m in pattern.finditer(text):
            if taken and _overlaps(taken, m.start(), m.end()):
                continue
            dm = _build(rule.kind, m, text)
            if dm is None:
                continue
            if _in_number(text, dm.start, dm.end):
                continue
            taken.append((dm.start, dm.end))
            found.append(dm)
    if len(found) > 1:
        found.sort(key=_start)
    return found


def _passes(text: str, gates: tuple[Gate, ...]) -> bool:
    for gate in gates:  # noqa: SIM110
        if not gate(text):
            return False
    return True


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in taken:  # noqa: SIM110
        if start < e and s < end:
            return True
    return False


def _start(d: DateMatch) -> int:
    return d.start


def _in_number(text: str, start: int, end: int) -> bool:
    """'1,940 miners', '$1940', '1940.5' are numbers, not years."""
    before = text[start - 1] if start > 0 else " "
    after = text[end : end + 2]
    return (
        before in "$£€,."
        and start > 1
        and text[start - 2].isdigit()
        or before in "$£€#"
        or bool(_DECIMAL_AFTER.match(after))
    )


def with_year(dm: DateMatch, year: int) -> DateMatch | None:
    """A month-day date completed with a year from its context (None: no such day that year)."""
    if not _real_day(year, dm.month or 0, dm.day or 0):
        return None
    return DateMatch(
        dm.start, dm.end, dm.text, f"{year:04d}-{dm.month:02d}-{dm.day:02d}", "day", dm.month, dm.day, dm.vague
    )


# each month's first name of more than three letters in MONTHS ("september", not "sept"; May has none)
_LONG_MONTH_NAME: Final[dict[int, str]] = {}
for _name, _number in MONTHS.items():
    if len(_name) > 3:
        _LONG_MONTH_NAME.setdefault(_number, _name)
_YEAR_DASH: Final = re.compile(r"^\d{4}-")
_YEAR_SLASH_YEAR: Final = re.compile(r"\d+/\d+")


def accepted_forms(dm: DateMatch) -> list[str]:
    """Other ways to write the same answer, for the quiz and for distractor exclusion."""
    out: list[str] = []
    if dm.when and dm.precision == "day" and _YEAR_DASH.match(dm.when):
        y, mo, d = dm.when.split("-")
        name = _LONG_MONTH_NAME.get(int(mo))
        if name:
            month = name.capitalize()
            out += [f"{month} {int(d)}, {int(y)}", f"{int(d)} {month} {int(y)}"]
    elif dm.precision == "range" and dm.when and "/" in dm.when and _YEAR_SLASH_YEAR.fullmatch(dm.when):
        a, b = dm.when.split("/")
        out += [f"{a}-{b}", f"{a} to {b}"]
    elif dm.precision == "decade" and dm.when:
        out.append(dm.when)
    elif dm.precision == "year" and dm.when and not dm.text.strip().isdigit():
        out.append(dm.when)  # "late 1927" also accepts "1927"
    elif dm.precision == "month" and dm.when:
        y, mo = dm.when.split("-")
        name = _LONG_MONTH_NAME.get(int(mo))
        if name:
            out.append(f"{name.capitalize()} {int(y)}")
    return [a for a in dict.fromkeys(out) if a.lower() != dm.text.lower()]
