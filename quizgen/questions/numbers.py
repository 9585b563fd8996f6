"""Numbers as an answer writes them ("20 years", "20,000", "two", "3.5 million"): generate nearby numbers
of the same form, keeping the text around the number.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_WORD_VALUE = {w: i for i, w in enumerate(WORDS)}
_DIGITS = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w]|[.,]\d)")
_WORD = re.compile(r"\b(" + "|".join(WORDS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class NumberForm:
    prefix: str
    suffix: str
    value: float
    decimals: int = 0
    commas: bool = False
    word: str = ""  # "", "lower" or "title": the answer spells its number out

    def render(self, value: float) -> str | None:
        if value < 0 or (self.word and (value != int(value) or value > 20)):
            return None
        if self.word:
            text = WORDS[int(value)]
            core = text.capitalize() if self.word == "title" else text
        elif self.decimals:
            core = f"{value:,.{self.decimals}f}" if self.commas else f"{value:.{self.decimals}f}"
        else:
            core = f"{int(round(value)):,}" if self.commas else str(int(round(value)))
        return f"{self.prefix}{core}{self.suffix}"

    def parse(self, text: str) -> float | None:
        if not (text.startswith(self.prefix) and text.endswith(self.suffix)):
            return None
        core = text[len(self.prefix):len(text) - len(self.suffix) if self.suffix else None]
        form = detect(core)
        return form.value if form is not None and not form.prefix and not form.suffix else None

    def steps(self) -> list[float]:
        """Offsets of plausible neighbours, smallest first: same roundness as the answer."""
        v = self.value
        if self.decimals:
            # 91.4 km moves by whole kilometres (81.4, 101.4), 0.35 by 0.05: the decimals stay.
            step = max(10 ** -self.decimals, _ladder_float(v / 6))
            return [round(step * i, self.decimals) for i in range(1, 6)]
        n = int(v)
        if n <= 10 or self.word:
            return [1, 2, 3, 4, 5]
        # About a sixth of the answer on a 1-2-5 ladder, but no finer than half the answer's roundness:
        # round figures are answered with round figures (20 years: 15, 25; 20,000: 15,000, 25,000),
        # ragged ones with ragged ones (37: 32, 42).
        step = _ladder(v / 6)
        roundness = max((u for u in _units(n) if n % u == 0 and u <= n / 2), default=1)
        if roundness >= 10:
            step = max(step, roundness // 2)
        return [step * i for i in range(1, 6)]


def _ladder(x: float) -> int:
    """The largest of 1, 2, 5, 10, 20, 50, ... not above x (at least 1)."""
    best = 1
    for u in _units(int(x) + 1):
        if u <= x:
            best = u
    return best


def _ladder_float(x: float) -> float:
    if x <= 0:
        return 0.0
    base = 10.0 ** math.floor(math.log10(x))
    return max(u for u in (base, 2 * base, 5 * base) if u <= x * (1 + 1e-9))


def _units(limit: int) -> list[int]:
    out, base = [], 1
    while base <= max(limit, 1):
        out.extend(u for u in (base, 2 * base, 5 * base) if u <= limit)
        base *= 10
    return out


def detect(text: str) -> NumberForm | None:
    """The number form of `text`, or None when it holds no number."""
    m = _DIGITS.search(text)
    if m:
        raw = m.group(1)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        return NumberForm(text[:m.start(1)], text[m.end(1):], float(raw.replace(",", "")), decimals, "," in raw)
    m = _WORD.search(text)
    if m:
        word = m.group(1)
        style = "title" if word[0].isupper() else "lower"
        return NumberForm(text[:m.start(1)], text[m.end(1):], float(_WORD_VALUE[word.lower()]), word=style)
    return None


def near_values(form: NumberForm) -> list[float]:
    """Generated neighbours of the answer, closest first; never negative, never zero for a positive answer."""
    out: list[float] = []
    for s in form.steps():
        # Beyond half again or half of a sizeable answer, a number stops being a plausible slip.
        if form.value > 10 and s > form.value / 2:
            break
        for v in (form.value - s, form.value + s):
            if v > 0 or (v == 0 and form.value == 0):
                out.append(round(v, form.decimals))
    return out
