"""Quizlet import text: one card per line, term TAB definition (question TAB answer), for Quizlet's
"Import" box with "Between term and definition: Tab" and "Between cards: New line".

Tabs and line breaks inside a question or answer would split the card, so they become spaces. A text
starting with = + - @ gets a leading apostrophe, as in every spreadsheet-shaped file we write.
"""

from __future__ import annotations

from ..bank import Bank
from . import ExportOptions, ExportResult
from .common import neutralise, one_line


def export(bank: Bank, options: ExportOptions) -> ExportResult:
    facts = options.select(bank)
    lines = [f"{neutralise(one_line(f.question))}\t{neutralise(one_line(f.answer))}\n" for f in facts]
    return ExportResult("".join(lines), len(facts))
