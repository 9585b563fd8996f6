"""Gimkit CSV import template: row 1 the title (padded to five cells), row 2 the template's header,
then `question, correct answer, incorrect answers 1-3`. CRLF, no byte-order mark.

Line breaks become spaces (the game shows one line). A fact with no multiple-choice form is left out.
A cell starting with = + - @ gets a leading apostrophe so a spreadsheet opening the file does not run it.
"""

from __future__ import annotations

from ..bank import Bank
from . import ExportOptions, ExportResult
from .common import NO_MC, csv_text, mc_questions, one_line

TITLE = "Gimkit Spreadsheet Import Template"
HEADER = ["Question", "Correct Answer", "Incorrect Answer 1", "Incorrect Answer 2 (Optional)",
          "Incorrect Answer 3 (Optional)"]


def export(bank: Bank, options: ExportOptions) -> ExportResult:
    rows: list[list[str | int]] = [[TITLE] + [""] * (len(HEADER) - 1), HEADER]
    skipped = []
    for fact, mc in mc_questions(bank, options):
        if mc is None:
            skipped.append(f"{fact.id}: {NO_MC}")
            continue
        options_text = [one_line(o) for o in mc.options]
        wrong = [o for i, o in enumerate(options_text) if i != mc.answer_index][:3]
        rows.append([one_line(mc.question), options_text[mc.answer_index], *(wrong + [""] * 3)[:3]])
    return ExportResult(csv_text(rows), len(rows) - 2, skipped)
