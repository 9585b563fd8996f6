"""Spreadsheet-shaped exports read back with their readers: csv (CSV, Blooket, Gimkit), line/tab
splitting (Quizlet), openpyxl (Kahoot). Formula starts come back neutralised, never as formulas."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_exports_helpers import (
    bank_of,
    deck,
    expected,
    fact,
    field_text,
    fixed_mc,
    opts,
    unneutralise,
)

from quizgen.exports import blooket, csv_export, gimkit, kahoot, quizlet
from quizgen.exports.common import FORMULA_START, NO_MC, mc_questions, one_line

answers4 = st.lists(field_text, min_size=4, max_size=4, unique_by=expected)


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def read_xlsx(data: bytes):
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(data)).active


def kahoot_rows(ws) -> list[list]:
    out = []
    for r in range(9, ws.max_row + 1):
        values = [ws.cell(row=r, column=c).value for c in range(1, 9)]
        if any(v is not None for v in values):
            out.append(values)
    return out


# --- csv ---------------------------------------------------------------------------------------------

def test_csv_deck_rows_match_questions() -> None:
    bank = deck()
    items = mc_questions(bank, opts(1))
    text = csv_export.export(bank, opts(1)).data
    assert text.startswith("\ufeff") and "\r\n" in text
    table = rows(text[1:])
    assert table[0] == csv_export.HEADER
    assert len(table) == len(items) + 1
    for row, (f, mc) in zip(table[1:], items, strict=True):
        rec = dict(zip(table[0], row, strict=True))
        assert rec["id"] == f.id and unneutralise(rec["answer"]) == expected(f.answer)
        if mc:
            letter = rec["correct_letter"]
            assert unneutralise(rec[f"option_{letter}"]) == expected(mc.options[mc.answer_index])
        else:
            assert rec["correct_letter"] == "" and rec["option_a"] == ""


@settings(max_examples=100, deadline=None)
@given(question=field_text, answers=answers4, right=st.integers(0, 3), quote=field_text)
def test_csv_any_text_round_trips(question: str, answers: list[str], right: int, quote: str) -> None:
    f = fact("any", question, answers[right], accept=[a for a in answers if a != answers[right]], quote=quote)
    with fixed_mc(answers, right):
        table = rows(csv_export.export(bank_of(f), opts()).data.removeprefix("\ufeff"))
    assert len(table) == 2
    rec = dict(zip(table[0], table[1], strict=True))
    for key, want in [("question", question), ("answer", answers[right]), ("source", quote)]:
        assert unneutralise(rec[key]) == expected(want)
        assert not rec[key].startswith(FORMULA_START)
    assert [unneutralise(rec[f"option_{c}"]) for c in "abcd"] == [expected(a) for a in answers]
    assert rec["correct_letter"] == "abcd"[right]


# --- quizlet -----------------------------------------------------------------------------------------

@settings(max_examples=100, deadline=None)
@given(question=field_text, answer=field_text)
def test_quizlet_one_card_per_line_term_tab_definition(question: str, answer: str) -> None:
    result = quizlet.export(bank_of(fact("q", question, answer), fact("r", "Second?", "2")), opts())
    lines = result.data.split("\n")
    assert lines[-1] == "" and len(lines) == 3 and result.count == 2
    term, definition = lines[0].split("\t")
    assert unneutralise(term) == one_line(question) and unneutralise(definition) == one_line(answer)
    assert lines[1] == "Second?\t2"


# --- blooket and gimkit ------------------------------------------------------------------------------

def test_blooket_template_rows_from_the_deck() -> None:
    bank = deck()
    items = [(f, mc) for f, mc in mc_questions(bank, opts(6)) if mc]
    result = blooket.export(bank, opts(6))
    assert not result.data.startswith("\ufeff")
    table = rows(result.data)
    assert table[0] == ["Blooket Import Template"] + [""] * 7
    assert table[1] == blooket.HEADER
    assert len(table) - 2 == result.count == len(items)
    for n, (row, (_, mc)) in enumerate(zip(table[2:], items, strict=True), 1):
        assert row[0] == str(n) and row[6] == "20"
        assert unneutralise(row[2 + int(row[7]) - 1]) == one_line(mc.options[mc.answer_index])


def test_gimkit_template_rows_from_the_deck() -> None:
    bank = deck()
    items = [(f, mc) for f, mc in mc_questions(bank, opts(6)) if mc]
    table = rows(gimkit.export(bank, opts(6)).data)
    assert table[0] == ["Gimkit Spreadsheet Import Template"] + [""] * 4
    assert table[1] == gimkit.HEADER
    for row, (_, mc) in zip(table[2:], items, strict=True):
        assert unneutralise(row[1]) == one_line(mc.options[mc.answer_index])
        wrong = [one_line(o) for i, o in enumerate(mc.options) if i != mc.answer_index]
        assert [unneutralise(c) for c in row[2:]] == wrong


@pytest.mark.parametrize("module", [blooket, gimkit, kahoot])
def test_games_skip_facts_without_options_and_say_why(module) -> None:
    with fixed_mc(None):
        result = module.export(bank_of(fact("lonely")), opts())
    assert result.count == 0 and result.skipped == [f"lonely: {NO_MC}"]


@settings(max_examples=100, deadline=None)
@given(question=field_text, answers=answers4, right=st.integers(0, 3))
def test_blooket_and_gimkit_any_text_round_trips(question: str, answers: list[str], right: int) -> None:
    f = fact("any", question, answers[right])
    with fixed_mc(answers, right):
        b = rows(blooket.export(bank_of(f), opts()).data)
        g = rows(gimkit.export(bank_of(f), opts()).data)
    assert len(b) == 3 and len(g) == 3
    assert unneutralise(b[2][1]) == one_line(question)
    assert [unneutralise(c) for c in b[2][2:6]] == [one_line(a) for a in answers]
    assert b[2][7] == str(right + 1)
    assert unneutralise(g[2][0]) == one_line(question)
    assert unneutralise(g[2][1]) == one_line(answers[right])


# --- kahoot ------------------------------------------------------------------------------------------

def test_kahoot_deck_layout() -> None:
    bank = deck()
    items = [mc for _, mc in mc_questions(bank, opts(8)) if mc]
    result = kahoot.export(bank, opts(8))
    ws = read_xlsx(result.data)
    assert [ws.cell(row=8, column=c).value for c in range(2, 9)] == kahoot.HEADER
    table = kahoot_rows(ws)
    assert len(table) == result.count == len(items) - len([s for s in result.skipped if NO_MC not in s])
    kept = [mc for mc in items if kahoot.length(one_line(mc.question)) <= 120
            and all(kahoot.length(one_line(o)) <= 75 for o in mc.options)]
    assert len(table) == len(kept)
    for n, (row, mc) in enumerate(zip(table, kept, strict=True), 1):
        assert row[0] == n and row[1] == one_line(mc.question) and row[6] == 20
        assert row[2 + row[7] - 1] == one_line(mc.options[mc.answer_index])


def test_kahoot_limits_skip_with_reason() -> None:
    facts = [fact("long-q", "Q" * 121, "A"), fact("long-a", "Short?", "A"), fact("emoji", "\U0001f600" * 61, "A"),
             fact("fits", "x" * 120, "A")]
    with fixed_mc(["A", "B", "C", "D" * 76], 0):
        long_answer = kahoot.export(bank_of(facts[1]), opts())
    assert long_answer.count == 0
    assert long_answer.skipped[0].startswith("long-a: answer 4") and "76 characters" in long_answer.skipped[0]
    with fixed_mc(["A", "B", "C", "D" * 75], 0):
        result = kahoot.export(bank_of(facts[0], facts[2], facts[3]), opts())
    assert result.count == 1
    assert [s.split(":")[0] for s in result.skipped] == ["long-q", "emoji"]
    assert "121 characters" in result.skipped[0] and "122 characters" in result.skipped[1]
    assert kahoot_rows(read_xlsx(result.data))[0][1] == "x" * 120


@settings(max_examples=60, deadline=None)
@given(question=field_text, answers=answers4, right=st.integers(0, 3))
def test_kahoot_any_text_round_trips_as_text(question: str, answers: list[str], right: int) -> None:
    question, answers = question[:100], [a[:60] for a in answers]
    f = fact("any", question, answers[right])
    with fixed_mc(answers, right):
        result = kahoot.export(bank_of(f), opts())
    if result.skipped:  # still too long after cutting: an astral-plane text counts double
        assert "Kahoot allows" in result.skipped[0]
        return
    ws = read_xlsx(result.data)
    row = kahoot_rows(ws)[0]
    assert row[1] == one_line(question) and row[2:6] == [one_line(a) for a in answers] and row[7] == right + 1
    for col in range(2, 7):
        cell = ws.cell(row=9, column=col)
        assert cell.data_type == "s"  # text, never a formula
        assert cell.quotePrefix == cell.value.startswith(FORMULA_START)


def test_kahoot_formula_text_is_not_a_formula() -> None:
    f = fact("f", "=HYPERLINK(\"http://evil\",\"click\")", "@SUM(1)")
    with fixed_mc(["@SUM(1)", "+1", "-1", "=1"], 0):
        data = kahoot.export(bank_of(f), opts()).data
    import zipfile

    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet
    row = kahoot_rows(read_xlsx(data))[0]
    assert row[1:6] == ["=HYPERLINK(\"http://evil\",\"click\")", "@SUM(1)", "+1", "-1", "=1"]


@pytest.mark.parametrize("module", [csv_export, quizlet, blooket, gimkit, kahoot])
def test_same_seed_same_bytes(module) -> None:
    bank = deck()
    assert module.export(bank, opts(12)).data == module.export(bank, opts(12)).data
