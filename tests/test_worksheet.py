"""`quizgen worksheet` end to end: the PDFs are opened with pypdf and read the way a teacher would."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen.bank import load_bank
from quizgen.errors import RenderError
from quizgen.mcsets import build_mc_sets
from quizgen.worksheet import write_worksheets
from quizgen.worksheet.context import build_plan
from quizgen.worksheet.render import PAPER_POINTS

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"
VERSIONS, QUESTIONS, SEED = 3, 8, 11


def flat(text: str) -> str:
    """PDF text with every run of whitespace (line ends, narrow spaces) made one space."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(path: Path) -> str:
    return flat(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


@pytest.fixture(scope="module")
def bank():
    return load_bank(DECK)


@pytest.fixture(scope="module")
def made(bank, tmp_path_factory):
    """One full run (three versions, every section, study sheet): the PDFs and what they should hold."""
    out = tmp_path_factory.mktemp("ws")
    calls: list[int] = []
    paths = write_worksheets(bank, out, VERSIONS, QUESTIONS, SEED, study_sheet=True, progress=calls.append)
    return {"out": out, "paths": paths, "progress": calls,
            "sets": build_mc_sets(bank, VERSIONS, QUESTIONS, SEED),
            "plan": build_plan(bank, VERSIONS, QUESTIONS, SEED)}


def test_writes_one_pdf_per_version_a_key_and_a_study_sheet(made, bank) -> None:
    names = sorted(p.name for p in made["paths"])
    assert names == sorted([f"{bank.id}-A.pdf", f"{bank.id}-B.pdf", f"{bank.id}-C.pdf", f"{bank.id}-key.pdf",
                            f"{bank.id}-study.pdf"])
    assert all(p.stat().st_size > 1000 and p.read_bytes().startswith(b"%PDF-") for p in made["paths"])
    assert sum(made["progress"]) == len(made["paths"])
    assert not list(made["out"].glob(".*.tmp")), "no temp file is left behind"


def test_pages_are_a4_and_a_sensible_number(made, bank) -> None:
    for code in "ABC":
        reader = PdfReader(made["out"] / f"{bank.id}-{code}.pdf")
        assert 2 <= len(reader.pages) <= 6
        for page in reader.pages:
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == PAPER_POINTS["a4"]


def test_each_sheet_has_header_name_line_version_and_its_own_questions(made, bank) -> None:
    for version in made["sets"]["versions"]:
        code = version["code"]
        text = pdf_text(made["out"] / f"{bank.id}-{code}.pdf")
        assert flat(bank.title) in text
        assert "Name:" in text and "Class:" in text and "Date:" in text
        assert f"Version {code}" in text
        assert re.search(rf"VERSION {code}\b", text, re.IGNORECASE)
        assert f"Page 1 of {len(PdfReader(made['out'] / f'{bank.id}-{code}.pdf').pages)}" in text
        for number, q in enumerate(version["questions"], 1):
            assert f"{number}. {flat(q['question'])}" in text
            for option in q["options"]:
                assert flat(option) in text
        for title in ("Multiple choice", "Fill in the blanks", "Matching", "Put the events in order",
                      "Short answer"):
            assert title in text


def test_versions_differ_but_ask_the_same_things(made, bank) -> None:
    texts = {code: pdf_text(made["out"] / f"{bank.id}-{code}.pdf") for code in "ABC"}
    assert len(set(texts.values())) == 3
    orders = [[q["id"] for q in v["questions"]] for v in made["sets"]["versions"]]
    assert orders[0] != orders[1] and sorted(orders[0]) == sorted(orders[1])
    plan = made["plan"]
    for kind in ("cloze", "matching", "timeline", "short"):
        per_version = [[it.identity for s in v.sections if s.kind == kind for it in s.items] for v in plan.versions]
        assert per_version[0] and all(sorted(p) == sorted(per_version[0]) for p in per_version)


def test_no_question_is_split_across_pages(made, bank) -> None:
    for version in made["sets"]["versions"]:
        reader = PdfReader(made["out"] / f"{bank.id}-{version['code']}.pdf")
        pages = [flat(p.extract_text() or "") for p in reader.pages]
        for number, q in enumerate(version["questions"], 1):
            where = [i for i, page in enumerate(pages) if f"{number}. {flat(q['question'])}" in page]
            assert len(where) == 1, f"question {number} stem not on exactly one page"
            assert all(flat(o) in pages[where[0]] for o in q["options"]), f"question {number} split"


def test_key_letters_match_the_mc_sets_for_every_version(made, bank) -> None:
    text = pdf_text(made["out"] / f"{bank.id}-key.pdf")
    letters = "ABCD"
    for version in made["sets"]["versions"]:
        glance = " ".join(f"{n} {letters[q['answer_index']]}" for n, q in enumerate(version["questions"], 1))
        assert f"{version['code']} " in text and glance in text, f"version {version['code']} letters"
    # The first version's table: number, letter, answer, with the source quote beside it.
    first = made["sets"]["versions"][0]
    for n, q in enumerate(first["questions"], 1):
        answer = q["options"][q["answer_index"]]
        assert f"{n} {letters[q['answer_index']]} {flat(answer)}" in text
        fact = bank.fact(q["id"])
        assert fact.source and flat(fact.source.quote)[:40] in text


def test_key_has_every_sections_answers_and_the_timeline(made, bank) -> None:
    text = pdf_text(made["out"] / f"{bank.id}-key.pdf")
    first = made["plan"].versions[0]
    for section in first.sections:
        for item in section.items:
            assert flat(item.answer)[:30] in text, (section.kind, item.answer)
    timeline = next(s for s in first.sections if s.kind == "timeline")
    assert "As listed on the sheet, top to bottom: " + ", ".join(it.answer for it in timeline.items) in text
    assert "Timeline of the deck's dated facts" in text
    dated = [f for f in bank.approved() if f.when_value]
    assert dated and str(dated[0].when_value.year) in text


def test_study_sheet_has_timeline_and_facts(made, bank) -> None:
    text = pdf_text(made["out"] / f"{bank.id}-study.pdf")
    assert "Timeline" in text and "The facts" in text
    fact = bank.approved()[0]
    assert flat(fact.question) in text and flat(fact.answer) in text


def test_letter_paper_html_copies_and_sections_option(bank, tmp_path) -> None:
    paths = write_worksheets(bank, tmp_path, 1, 3, SEED, paper="letter", sections=["short", "mc"], html=True)
    pdf = tmp_path / f"{bank.id}-A.pdf"
    page = PdfReader(pdf).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == PAPER_POINTS["letter"]
    assert tmp_path / f"{bank.id}-A.html" in paths and tmp_path / f"{bank.id}-key.html" in paths
    html = (tmp_path / f"{bank.id}-A.html").read_text(encoding="utf-8")
    assert "<style>" in html and "@page" in html, "the .html copy carries its stylesheet"
    text = pdf_text(pdf)
    assert text.index("1. Short answer") < text.index("2. Multiple choice")
    assert "Fill in the blanks" not in text and "Matching" not in text


def test_template_dir_overrides_a_template_by_name(bank, tmp_path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "header.html").write_text('<p class="name-line">MARKER-7Q Name: ____ {{ sheet.code }}</p>\n',
                                      encoding="utf-8")
    write_worksheets(bank, tmp_path / "out", 1, 3, SEED, sections=["mc"], template_dir=mine)
    text = pdf_text(tmp_path / "out" / f"{bank.id}-A.pdf")
    assert "MARKER-7Q Name: ____ A" in text
    assert "Multiple choice" in text, "the other templates still come from the package"


def test_missing_template_is_a_clear_error(bank, tmp_path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "worksheet.html").write_text('{% include "no-such-part.html" %}', encoding="utf-8")
    with pytest.raises(RenderError, match=r"template 'no-such-part.html' not found in .*mine"):
        write_worksheets(bank, tmp_path / "out", 1, 3, SEED, template_dir=mine)
    assert not (tmp_path / "out").exists(), "nothing is written when a template fails"


def test_undefined_name_in_a_template_is_a_clear_error(bank, tmp_path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "header.html").write_text("{{ sheet.teacher_name }}", encoding="utf-8")
    with pytest.raises(RenderError, match="teacher_name"):
        write_worksheets(bank, tmp_path / "out", 1, 3, SEED, template_dir=mine)


def test_same_seed_and_source_date_epoch_give_identical_files(bank, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for run in ("one", "two"):
        write_worksheets(bank, tmp_path / run, 1, 4, SEED, sections=["mc", "cloze"])
    for name in (f"{bank.id}-A.pdf", f"{bank.id}-key.pdf"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    meta = PdfReader(tmp_path / "one" / f"{bank.id}-A.pdf").metadata
    assert meta.creation_date is not None and meta.creation_date.year == 2023


def test_small_bank_escapes_its_title_and_leaves_out_what_it_cannot_fill(tmp_path) -> None:
    tiny = load_bank(Path(__file__).parent / "data" / "worksheet" / "tiny.yaml")
    notes: list[str] = []
    write_worksheets(tiny, tmp_path, 2, 3, SEED, notes=notes)
    text = pdf_text(tmp_path / "tiny-trade-A.pdf")
    assert "Salt & <spice> routes Answer every question." in text
    assert "1. Multiple choice" in text and "2. Fill in the blanks" in text
    assert "Matching" not in text and "Short answer" not in text
    assert sorted(n.split(" section")[0] for n in notes) == ["matching", "put the events in order", "short answer"]
    key = pdf_text(tmp_path / "tiny-trade-key.pdf")
    assert "Version B" in key and "Timeline of the deck's dated facts" not in key, "one date makes no timeline"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "quizgen", "worksheet", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=120)


def test_cli_writes_files_and_prints_the_seed(tmp_path) -> None:
    out = cli(str(DECK), "--versions", "1", "--questions", "3", "--sections", "mc,timeline", "-o", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "trotsky-stalin-A.pdf").exists() and (tmp_path / "trotsky-stalin-key.pdf").exists()
    assert "wrote " in out.stdout
    assert re.search(r"seed: \d+", out.stderr)


@pytest.mark.parametrize(("args", "message"), [
    (["--sections", "mc,essay"], "Error: --sections: unknown section 'essay'"),
    (["--template-dir", "no/such/folder"], "Error: --template-dir no/such/folder: no such folder"),
    (["--kinds", "poem"], "Error: --kinds: unknown kind 'poem'"),
])
def test_cli_bad_options_are_one_line_errors(tmp_path, args: list[str], message: str) -> None:
    out = cli(str(DECK), "-o", str(tmp_path), *args)
    assert out.returncode == 1
    assert out.stderr.startswith(message) and "Traceback" not in out.stderr
    assert not list(tmp_path.iterdir())


def test_cli_missing_template_error_names_it(tmp_path) -> None:
    (tmp_path / "worksheet.html").write_text('{% include "gone.html" %}', encoding="utf-8")
    out = cli(str(DECK), "--template-dir", str(tmp_path), "-o", str(tmp_path / "out"))
    assert out.returncode == 1
    assert out.stderr.startswith("Error: template 'gone.html' not found in ")
    assert "Traceback" not in out.stderr
