"""CSV for spreadsheets: one row per fact with its question, answers, multiple-choice options and
source quote.

Columns: id, kind, question, answer, accept (other accepted answers joined by " | "), option_a-option_d
(empty when the fact has no multiple-choice form), correct_letter (a-d), source (the quote), tags.
UTF-8 with a byte-order mark so Excel shows accents, CRLF, RFC 4180 quoting (line breaks stay inside
their quoted cell). A cell starting with = + - @ gets a leading apostrophe so no spreadsheet runs it.
"""

from __future__ import annotations

from ..bank import Bank
from . import ExportOptions, ExportResult
from .common import clean, csv_text, mc_questions, unique

HEADER = ["id", "kind", "question", "answer", "accept", "option_a", "option_b", "option_c", "option_d",
          "correct_letter", "source", "tags"]
_LETTERS = "abcd"


def export(bank: Bank, options: ExportOptions) -> ExportResult:
    rows: list[list[str | int]] = [HEADER]
    for fact, mc in mc_questions(bank, options):
        accept = [a for a in unique(clean(a) for a in fact.accept) if a != clean(fact.answer)]
        opts = [clean(o) for o in mc.options] if mc else []
        rows.append([
            fact.id, fact.kind, clean(mc.question if mc else fact.question), clean(fact.answer),
            " | ".join(accept), *(opts + [""] * 4)[:4],
            _LETTERS[mc.answer_index] if mc else "",
            clean(fact.source.quote) if fact.source else "", " ".join(fact.tags),
        ])
    return ExportResult(csv_text(rows, bom=True), len(rows) - 1)
