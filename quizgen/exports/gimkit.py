"""Gimkit CSV import template: row 1 the title (padded to five cells), row 2 the template's header,
then `question, correct answer, incorrect answers 1-3`. CRLF, no byte-order mark.

Line breaks become spaces (the game shows one line). A fact with no multiple-choice form is left out.
A cell starting with = + - @ gets a leading apostrophe so a spreadsheet opening the file does not run it.
"""

from __future__ import annotations

from ..bank import Bank
from ..questions import MCQuestion
from . import ExportOptions, ExportResult
from .common import one_line, template_sheet

TITLE = "Gimkit Spreadsheet Import Template"
HEADER = ["Question", "Correct Answer", "Incorrect Answer 1", "Incorrect Answer 2 (Optional)",
          "Incorrect Answer 3 (Optional)"]


def _row(number: int, mc: MCQuestion) -> list[str | int]:
    options_text = [one_line(o) for o in mc.options]
    wrong = [o for i, o in enumerate(options_text) if i != mc.answer_index][:3]
    return [one_line(mc.question), options_text[mc.answer_index], *(wrong + [""] * 3)[:3]]


def export(bank: Bank, options: ExportOptions) -> ExportResult:
    return template_sheet(bank, options, TITLE, HEADER, _row)
