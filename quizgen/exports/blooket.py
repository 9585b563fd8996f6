"""Blooket CSV import template: row 1 the title (padded to eight cells: Blooket guesses the delimiter
from it), row 2 the template's header, then `number, question, answer 1-4, time limit, correct answer
number`. CRLF, no byte-order mark, like the template Blooket ships.

A game shows one line of text, so line breaks become spaces. A fact with no multiple-choice form is
left out (the game needs wrong answers). A cell starting with = + - @ gets a leading apostrophe so a
spreadsheet opening the file does not run it.
"""

from __future__ import annotations

from ..bank import Bank
from ..questions import MCQuestion
from . import ExportOptions, ExportResult
from .common import one_line, template_sheet

TITLE = "Blooket Import Template"
HEADER = ["Question #", "Question Text", "Answer 1", "Answer 2", "Answer 3 (Optional)", "Answer 4 (Optional)",
          "Time Limit (sec) (Max: 300 seconds)", "Correct Answer(s) (Only include Answer #)"]
TIME_LIMIT = 20


def _row(number: int, mc: MCQuestion) -> list[str | int]:
    answers = [one_line(o) for o in mc.options][:4]
    return [number, one_line(mc.question), *(answers + [""] * 4)[:4], TIME_LIMIT, mc.answer_index + 1]


def export(bank: Bank, options: ExportOptions) -> ExportResult:
    return template_sheet(bank, options, TITLE, HEADER, _row)
