"""Kahoot spreadsheet (.xlsx) in the layout of Kahoot's "Quiz template": title lines at the top, the
template's header in row 8, one question per row from row 9 (A number, B question, C-F answers 1-4,
G time limit 20 s, H the number of the correct answer).

Kahoot takes plain one-line text of at most 120 characters per question and 75 per answer (counted as
a browser does, in UTF-16 units): longer ones are left out with the reason, as are facts without a
multiple-choice form. Text cells are typed as text (and quote-prefixed when they start with = + - @),
so Excel never runs one as a formula and the text Kahoot reads is unchanged. openpyxl is imported here
only. Timestamps inside the file are fixed, so the same seed gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..bank import Bank
from . import ExportOptions, ExportResult
from .common import FORMULA_START, NO_MC, deterministic_zip, mc_questions, one_line

MAX_QUESTION = 120
MAX_ANSWER = 75
TIME_LIMIT = 20
HEADER_ROW = 8
HEADER = ["Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
          "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
          "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one"]
_WIDTHS = {"A": 12.5, "B": 50, "C": 32, "D": 32, "E": 32, "F": 32, "G": 26, "H": 33}
_FIXED_W3CDTF = "1980-01-01T00:00:00Z"


def length(text: str) -> int:
    """Characters as Kahoot's web page counts them (UTF-16 code units: an emoji counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _too_long(question: str, answers: list[str]) -> str | None:
    if length(question) > MAX_QUESTION:
        return f"question is {length(question)} characters (Kahoot allows {MAX_QUESTION})"
    for i, answer in enumerate(answers, 1):
        if length(answer) > MAX_ANSWER:
            return f"answer {i} ({answer!r}) is {length(answer)} characters (Kahoot allows {MAX_ANSWER})"
    return None


def _fixed_times(xlsx: bytes) -> bytes:
    """Re-pack openpyxl's output with fixed zip and document timestamps (it stamps the save time)."""
    entries = []
    with zipfile.ZipFile(io.BytesIO(xlsx)) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + _FIXED_W3CDTF.encode(), data)
            entries.append((name, data))
    return deterministic_zip(entries)


def export(bank: Bank, options: ExportOptions) -> ExportResult:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    rows, skipped = [], []
    for fact, mc in mc_questions(bank, options):
        if mc is None:
            skipped.append(f"{fact.id}: {NO_MC}")
            continue
        question, answers = one_line(mc.question), [one_line(o) for o in mc.options][:4]
        reason = _too_long(question, answers)
        if reason:
            skipped.append(f"{fact.id}: {reason}")
            continue
        rows.append([question, *(answers + [""] * 4)[:4], TIME_LIMIT, mc.answer_index + 1])

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    wb.properties.creator = "quizgen"

    def put(row: int, col: int, value: str | int) -> None:
        cell = ws.cell(row=row, column=col, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with
            cell.quotePrefix = value.startswith(FORMULA_START)

    put(2, 2, one_line(bank.title))
    put(3, 2, f"Exported by quizgen (seed {options.seed}): {len(rows)} questions. Kahoot allows "
              f"{MAX_QUESTION} characters per question and {MAX_ANSWER} per answer.")
    ws["B2"].font = Font(bold=True, size=14)
    for col, label in enumerate(HEADER, 2):
        put(HEADER_ROW, col, label)
        ws.cell(row=HEADER_ROW, column=col).font = Font(bold=True)
        ws.cell(row=HEADER_ROW, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    for n, values in enumerate(rows, 1):
        put(HEADER_ROW + n, 1, n)
        for col, value in enumerate(values, 2):
            put(HEADER_ROW + n, col, value)
    for col, width in _WIDTHS.items():
        ws.column_dimensions[col].width = width

    buf = io.BytesIO()
    wb.save(buf)
    return ExportResult(_fixed_times(buf.getvalue()), len(rows), skipped)
